// No console window on Windows release builds.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

/// mimalloc: an import of 100k listings allocates millions of small strings
/// across threads, and glibc's allocator made it a fifth slower.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    #[cfg(target_os = "linux")]
    no_compositing_without_gpu();
    ippdesk_app::run()
}

/// With no GPU device (a virtual machine, a remote desktop, Xvfb) WebKitGTK
/// composites the page on Mesa's software GL (llvmpipe). Its plain drawing
/// path shows the same page for about half the web process's CPU time to the
/// first page and 85 MiB less memory (measured with `make measure` under
/// Xvfb: 2.2 s -> 1.1 s of CPU, 266 -> 180 MiB PSS). Set before any thread
/// starts; a value the user set wins.
#[cfg(target_os = "linux")]
fn no_compositing_without_gpu() {
    const VAR: &str = "WEBKIT_DISABLE_COMPOSITING_MODE";
    let gpu = ["/dev/dri", "/dev/nvidia0"]
        .iter()
        .any(|p| std::path::Path::new(p).exists());
    if !gpu && std::env::var_os(VAR).is_none() {
        std::env::set_var(VAR, "1");
    }
}
