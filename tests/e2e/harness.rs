// Test support: a failed step should stop the test with its message.
#![allow(clippy::unwrap_used)]

//! Starts tauri-driver (which starts WebKitWebDriver, which starts the app)
//! and gives tests a small vocabulary over a fantoccini session.

use std::net::{TcpListener, TcpStream};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::{elements::Element, key::Key, Client, ClientBuilder, Locator};

const TIMEOUT: Duration = Duration::from_secs(20);

/// A WebDriver command that has not answered in this long is stuck (seen
/// under load: WebKitWebDriver waiting on the page forever), and the test
/// fails instead of hanging the run.
const COMMAND_LIMIT: Duration = Duration::from_secs(90);

async fn bounded<T>(what: &str, f: impl std::future::Future<Output = T>) -> T {
    tokio::time::timeout(COMMAND_LIMIT, f)
        .await
        .unwrap_or_else(|_| panic!("WebDriver did not answer `{what}` in {COMMAND_LIMIT:?}"))
}

fn workspace_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn app_binary() -> PathBuf {
    let p = std::env::var_os("IPPDESK_APP")
        .map(PathBuf::from)
        .unwrap_or_else(|| workspace_root().join("target/debug/ippdesk-app"));
    assert!(
        p.exists(),
        "{} is missing: run `make e2e`, which builds it",
        p.display()
    );
    p
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// One app installation: a temp folder with its own database (or, for the
/// team edition, its local files and a team database's URL).
pub struct App {
    dir: tempfile::TempDir,
    team_url: Option<String>,
}

pub const TEAM_PASSWORD: &str = "correct horse battery";

impl App {
    pub fn new() -> App {
        App {
            dir: tempfile::tempdir().unwrap(),
            team_url: None,
        }
    }

    /// The team edition on `url` (its admin's URL).
    pub fn team(url: &str) -> App {
        App {
            dir: tempfile::tempdir().unwrap(),
            team_url: Some(url.to_string()),
        }
    }

    pub fn db(&self) -> PathBuf {
        match &self.team_url {
            Some(url) => PathBuf::from(url),
            None => self.dir.path().join("ippdesk.sqlite3"),
        }
    }

    /// The team database's URL as `user` (password TEAM_PASSWORD).
    fn db_as(&self, user: Option<&str>) -> PathBuf {
        match (&self.team_url, user) {
            (Some(url), Some(user)) => {
                let mut u = url::Url::parse(url).unwrap();
                u.set_username(user).unwrap();
                u.set_password(Some(TEAM_PASSWORD)).unwrap();
                PathBuf::from(u.to_string())
            }
            _ => self.db(),
        }
    }

    pub fn open_desk(&self) -> ippdesk_desk::Desk {
        match &self.team_url {
            Some(url) => ippdesk_desk::Desk::open(std::path::Path::new(url)).unwrap(),
            None => ippdesk_desk::Desk::open(&self.db()).unwrap(),
        }
    }

    /// Runs the CLI (`ippdesk`) on this database, as `user` on a team database.
    pub fn cli(&self, user: &str, args: &[&str]) -> std::process::Output {
        let bin = app_binary().with_file_name("ippdesk");
        Command::new(&bin)
            .arg("--db")
            .arg(self.db_as(Some(user)))
            .args(args)
            .env("XDG_DATA_HOME", self.dir.path())
            .output()
            .unwrap_or_else(|e| panic!("{}: {e}", bin.display()))
    }

    pub async fn start(&self) -> Session {
        self.start_with(self.db()).await
    }

    /// The app signed in to the team database as `user`.
    pub async fn start_as(&self, user: &str) -> Session {
        self.start_with(self.db_as(Some(user))).await
    }

    async fn start_with(&self, db: PathBuf) -> Session {
        let port = free_port();
        let native_port = free_port();
        let driver_bin = which("tauri-driver");
        let driver = Command::new(driver_bin)
            .args([
                "--port",
                &port.to_string(),
                "--native-port",
                &native_port.to_string(),
            ])
            .args(["--native-driver", "/usr/bin/WebKitWebDriver"])
            .env("IPPDESK_DB", &db)
            // A team database's local files go to the test's folder.
            .env("XDG_DATA_HOME", self.dir.path())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("tauri-driver starts");
        let driver = Driver(driver);
        let deadline = Instant::now() + TIMEOUT;
        while TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(
                Instant::now() < deadline,
                "tauri-driver did not listen on {port}"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
        let mut caps = serde_json::Map::new();
        caps.insert(
            "tauri:options".into(),
            serde_json::json!({
                "application": app_binary(),
                "args": ["--db", db],
            }),
        );
        let client = ClientBuilder::native()
            .capabilities(caps)
            .connect(&format!("http://127.0.0.1:{port}"))
            .await
            .expect("WebDriver session");
        Session {
            client,
            _driver: driver,
        }
    }
}

fn which(bin: &str) -> PathBuf {
    let home_bin = std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cargo/bin").join(bin));
    std::env::var_os("PATH")
        .into_iter()
        .flat_map(|p| std::env::split_paths(&p).collect::<Vec<_>>())
        .map(|d| d.join(bin))
        .chain(home_bin)
        .find(|p| p.exists())
        .unwrap_or_else(|| panic!("{bin} not found: run `make e2e`, which installs it"))
}

/// tauri-driver, stopped with SIGTERM so it takes WebKitWebDriver down with it.
struct Driver(Child);

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = Command::new("kill")
            .arg("-TERM")
            .arg(self.0.id().to_string())
            .status();
        let deadline = Instant::now() + Duration::from_secs(5);
        while Instant::now() < deadline {
            if let Ok(Some(_)) = self.0.try_wait() {
                return;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

pub struct Session {
    client: Client,
    _driver: Driver,
}

impl Session {
    pub async fn find(&self, loc: Locator<'_>) -> Element {
        let deadline = Instant::now() + TIMEOUT;
        loop {
            // A node that React replaces while WebKit builds its handle comes
            // back as "stale": look again rather than fail.
            match bounded("find", self.client.wait().at_most(TIMEOUT).for_element(loc)).await {
                Ok(el) => return el,
                Err(e) if Instant::now() < deadline && e.to_string().contains("tale") => {
                    tokio::time::sleep(Duration::from_millis(100)).await;
                }
                Err(e) => panic!("no element {loc:?}: {e}"),
            }
        }
    }

    /// Runs `js` in the page (as a function body with `arguments`) and
    /// returns its JSON result; an async script resolves through the last
    /// argument, `arguments[arguments.length - 1]`.
    pub async fn script(&self, js: &str, args: Vec<serde_json::Value>) -> serde_json::Value {
        bounded("execute", self.client.execute(js, args))
            .await
            .unwrap()
    }

    pub async fn script_async(&self, js: &str, args: Vec<serde_json::Value>) -> serde_json::Value {
        bounded("execute_async", self.client.execute_async(js, args))
            .await
            .unwrap()
    }

    pub async fn click(&self, loc: Locator<'_>) {
        let deadline = Instant::now() + TIMEOUT;
        loop {
            // A modal animating in can intercept the first click: retry until it lands.
            match bounded("click", self.find(loc).await.click()).await {
                Ok(()) => return,
                Err(e) if Instant::now() < deadline => {
                    let _ = e;
                    tokio::time::sleep(Duration::from_millis(100)).await;
                }
                Err(e) => {
                    self.screenshot("click-failed").await;
                    panic!("cannot click {loc:?}: {e} (see screenshots/click-failed.png)")
                }
            }
        }
    }

    /// Types into a text field and waits until the field holds exactly `text`;
    /// retries from empty if a keystroke went astray (WebKit can route a key
    /// to the previous field while it still composes CJK input).
    pub async fn fill(&self, css: &str, text: &str) {
        for _ in 0..3 {
            let el = self.find(Locator::Css(css)).await;
            if !self.value(css).await.is_empty() {
                // Select all and delete, as a person would: React ignores a WebDriver clear().
                let wipe = format!("{}a{}{}", Key::Control, Key::Null, Key::Backspace);
                let _ = el.send_keys(&wipe).await;
            }
            // A closing modal's mask can still cover the field for a moment
            // ("Element is not focusable"): try again until TIMEOUT.
            let give_up = Instant::now() + TIMEOUT;
            while let Err(e) = bounded("send_keys", el.send_keys(text)).await {
                if Instant::now() > give_up {
                    self.screenshot("fill-failed").await;
                    panic!("cannot type into {css}: {e} (see screenshots/fill-failed.png)");
                }
                tokio::time::sleep(Duration::from_millis(200)).await;
            }
            let deadline = Instant::now() + Duration::from_secs(2);
            while Instant::now() < deadline {
                if self.value(css).await == text {
                    return;
                }
                tokio::time::sleep(Duration::from_millis(50)).await;
            }
        }
        panic!(
            "{css} does not hold {text:?} but {:?}",
            self.value(css).await
        );
    }

    /// Types into a search box (a Select's input), which empties itself as it picks.
    pub async fn type_into(&self, css: &str, text: &str) {
        let el = self.find(Locator::Css(css)).await;
        bounded("send_keys", el.send_keys(text))
            .await
            .unwrap_or_else(|e| panic!("cannot type into {css}: {e}"));
    }

    pub async fn send_keys(&self, css: &str, keys: &str) {
        let el = self.find(Locator::Css(css)).await;
        bounded("send_keys", el.send_keys(keys)).await.unwrap();
    }

    pub async fn value(&self, css: &str) -> String {
        let el = self.find(Locator::Css(css)).await;
        bounded("value", el.prop("value"))
            .await
            .unwrap()
            .unwrap_or_default()
    }

    /// Waits until a modal has finished opening: antd moves focus into it when
    /// its zoom animation ends, which would steal keys typed before then.
    pub async fn wait_modal(&self) {
        let deadline = Instant::now() + TIMEOUT;
        loop {
            for el in self.find_all(".ant-modal").await.unwrap_or_default() {
                let class = bounded("attr", el.attr("class"))
                    .await
                    .ok()
                    .flatten()
                    .unwrap_or_default();
                if !class.contains("zoom") {
                    tokio::time::sleep(Duration::from_millis(150)).await;
                    return;
                }
            }
            assert!(Instant::now() < deadline, "no modal opened");
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// Waits until `text` appears anywhere in the page.
    pub async fn wait_text(&self, text: &str) {
        self.wait_text_in("body", text).await
    }

    pub async fn wait_text_in(&self, css: &str, text: &str) {
        let deadline = Instant::now() + TIMEOUT;
        loop {
            let mut seen = Vec::new();
            for el in self.find_all(css).await.unwrap_or_default() {
                // textContent, not the rendered text: a dropdown still fading in renders as "".
                let t = bounded("textContent", el.prop("textContent"))
                    .await
                    .ok()
                    .flatten()
                    .unwrap_or_default();
                if t.contains(text) {
                    return;
                }
                seen.push(t);
            }
            if Instant::now() > deadline {
                self.screenshot("timeout").await;
                panic!("{text:?} did not appear in {css}; saw {seen:?}");
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Waits until at least `n` elements match and have text; returns their texts.
    pub async fn wait_count(&self, css: &str, n: usize) -> Vec<String> {
        let deadline = Instant::now() + TIMEOUT;
        loop {
            let mut texts = Vec::new();
            for el in self.find_all(css).await.unwrap_or_default() {
                let t = bounded("text", el.text()).await.unwrap_or_default();
                if !t.trim().is_empty() {
                    texts.push(t);
                }
            }
            if texts.len() >= n {
                return texts;
            }
            assert!(
                Instant::now() < deadline,
                "expected {n} of {css}, saw {texts:?}"
            );
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Waits until nothing matches `css` (for at most `limit`).
    pub async fn wait_gone(&self, css: &str, limit: Duration) {
        let deadline = Instant::now() + limit;
        while !self.find_all(css).await.unwrap_or_default().is_empty() {
            assert!(Instant::now() < deadline, "{css} was still there");
            tokio::time::sleep(Duration::from_millis(200)).await;
        }
    }

    /// Saves a PNG under tests/e2e/screenshots/ for a person to look at.
    pub async fn screenshot(&self, name: &str) {
        let dir = workspace_root().join("tests/e2e/screenshots");
        let _ = std::fs::create_dir_all(&dir);
        if let Ok(Ok(png)) = tokio::time::timeout(COMMAND_LIMIT, self.client.screenshot()).await {
            let _ = std::fs::write(dir.join(format!("{name}.png")), png);
        }
    }

    pub async fn close(self) {
        let _ = tokio::time::timeout(COMMAND_LIMIT, self.client.close()).await;
    }

    async fn find_all(&self, css: &str) -> Result<Vec<Element>, fantoccini::error::CmdError> {
        bounded("find_all", self.client.find_all(Locator::Css(css))).await
    }
}
