//! Renders a packet of each kind and checks the PDF with poppler-utils
//! (pdftotext, pdffonts, pdfinfo, pdfimages, pdftoppm).
//!
//! `UPDATE_REFERENCE=1 cargo test -p ippdesk-packet --test render` rewrites
//! the cover renderings in tests/reference/<kind>-cover.png.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use chrono::{TimeZone, Utc};
use ippdesk_packet::*;

// ------------------------------------------------------------- fixtures --

fn generated_at() -> chrono::DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 12, 2, 9, 30, 15)
        .single()
        .expect("valid time")
}

/// A deterministic, distinct 64-digit hex string.
fn sha(n: u64) -> String {
    let a = n.wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ 0xD1B5_4A32_D192_ED03;
    let b = a.rotate_left(17).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    let c = b.rotate_left(29) ^ n;
    let d = c.wrapping_mul(0x94D0_49BB_1331_11EB);
    format!("{a:016x}{b:016x}{c:016x}{d:016x}")
}

/// A PNG screenshot-like image: bands of colour and a grid.
fn png_image(width: u32, height: u32, alpha: bool) -> Vec<u8> {
    let channels = if alpha { 4 } else { 3 };
    let mut pixels = Vec::with_capacity((width * height) as usize * channels);
    for y in 0..height {
        for x in 0..width {
            let band = (y * 6 / height) as u8;
            let grid = x % 40 == 0 || y % 40 == 0;
            let (r, g, b) = if grid {
                (200, 200, 210)
            } else {
                (
                    40 + band * 30,
                    90 + (x * 100 / width) as u8,
                    220 - band * 25,
                )
            };
            pixels.extend_from_slice(&[r, g, b]);
            if alpha {
                pixels.push(if x < 8 { 128 } else { 255 });
            }
        }
    }
    let mut out = Vec::new();
    {
        let mut encoder = png::Encoder::new(&mut out, width, height);
        encoder.set_color(if alpha {
            png::ColorType::Rgba
        } else {
            png::ColorType::Rgb
        });
        encoder.set_depth(png::BitDepth::Eight);
        encoder.set_compression(png::Compression::Fast);
        let mut writer = encoder.write_header().expect("png header");
        writer.write_image_data(&pixels).expect("png data");
    }
    out
}

fn jpeg_fixture() -> Vec<u8> {
    std::fs::read(fixtures().join("listing-photo.jpg")).expect("JPEG fixture")
}

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

fn long_url(i: usize) -> String {
    let base = format!(
        "https://www.amazon.com/Wireless-Charging-Stand-Compatible-Listing-{i}/dp/B0{:08}?ref=sr_1_{i}&keywords=magnetic+charger",
        1_000_000 + i * 7919
    );
    if i.is_multiple_of(4) {
        // Longer than 200 characters, with no space to break at.
        format!("{base}&pd_rd_w=Abc{i}XyZ&content-id=amzn1.sym.{}&pf_rd_p={}&qid=17330000{i:02}&sprefix=wireless%2Caps%2C312&th=1", sha(i as u64 + 100), sha(i as u64 + 200))
    } else {
        base
    }
}

const SELLERS: [&str; 3] = [
    "义乌市极光数码配件厂",
    "深圳市星河电子商行",
    "ShenZhen BrightWave Trading Co., Ltd.",
];

fn listings() -> Vec<Vec<String>> {
    (0..30)
        .map(|i| {
            vec![
                format!("{}", i + 1),
                format!("B0{:08}", 1_000_000 + i * 7919),
                SELLERS[i % SELLERS.len()].to_string(),
                long_url(i),
                sha(i as u64),
            ]
        })
        .collect()
}

fn file_entry(n: u64) -> FileEntry {
    FileEntry {
        file: format!("evidence/{n:03}-trademark-certificate-registration-number-6789012-uspto.pdf"),
        kind: "PDF document".into(),
        sha256: sha(5000 + n),
        size: 1_234_567 + n,
        captured_at: Some(generated_at()),
        source_url: format!("https://tsdr.uspto.gov/documentviewer?caseId=sn9876543{n}&docId=ORC20260101123456#docIndex=0&page=1"),
    }
}

fn registration() -> Packet {
    Packet {
        kind: PacketKind::Registration,
        packet_id: "PKT-R-20261202-1A2B3C".into(),
        generated_at: generated_at(),
        title: Bilingual::new("Brand Registration Packet", "品牌注册材料"),
        subtitle: "Brand: AURORA LUMEN · Trademark 6789012 (USPTO)".into(),
        manifest_sha256: None,
        sections: vec![
            Section {
                title: Bilingual::new("Applicant", "申请人"),
                blocks: vec![
                    Block::Fields(vec![
                        Field::new("Company name", "公司名称", "义乌市极光数码配件厂 (Yiwu Aurora Digital Accessories Factory)"),
                        Field::new("Address", "地址", "浙江省金华市义乌市北苑街道春晗路 88 号\nNo. 88 Chunhan Road, Beiyuan Subdistrict, Yiwu, Zhejiang, China"),
                        Field::new("Contact email", "联系邮箱", "ip@aurora-lumen.example.com"),
                        Field::new("Website", "网站", "https://www.aurora-lumen.example.com/brand/about-us/history-and-trademarks"),
                    ]),
                    Block::Subheading(Bilingual::new("Brand", "品牌")),
                    Block::Text {
                        label: Bilingual::new("Description", "说明"),
                        text: "AURORA LUMEN makes magnetic wireless chargers and phone stands. The brand has been used since 2021 on products, packaging and the website.\n\n极光流明品牌自2021年起用于无线充电器、手机支架的产品、包装及官方网站。".into(),
                    },
                    Block::FileRef(file_entry(1)),
                ],
            },
        ],
    }
}

fn ip_right() -> Packet {
    Packet {
        kind: PacketKind::IpRight,
        packet_id: "PKT-I-20261202-4D5E6F".into(),
        generated_at: generated_at(),
        title: Bilingual::new("Intellectual Property Right", "知识产权证明"),
        subtitle: "Trademark Reg. No. 6789012 · Class 9 · USPTO".into(),
        manifest_sha256: Some(sha(42)),
        sections: vec![
            Section {
                title: Bilingual::new("Right", "权利"),
                blocks: vec![
                    Block::Fields(vec![
                        Field::new("Right type", "权利类型", "Trademark / 商标"),
                        Field::new("Registration number", "注册号", "6789012"),
                        Field::new("Owner", "权利人", "义乌市极光数码配件厂"),
                        Field::new("Goods and services", "商品和服务", "Class 9: Wireless chargers; battery chargers for mobile phones; stands adapted for mobile phones; cables; power banks. ".repeat(3)),
                    ]),
                ],
            },
            Section {
                title: Bilingual::new("Certificates", "证书"),
                blocks: vec![Block::FileRef(file_entry(2)), Block::FileRef(file_entry(3))],
            },
        ],
    }
}

fn complaint(images: Vec<(String, Vec<u8>)>) -> Packet {
    let mut evidence = Vec::new();
    for (i, (caption, bytes)) in images.into_iter().enumerate() {
        evidence.push(Block::Image(ImageBlock {
            caption,
            bytes,
            facts: vec![
                Field::new("Captured at", "采集时间", "2026-12-01 08:15:00 UTC"),
                Field::new("Source URL", "来源网址", long_url(i)),
                Field::new("SHA-256", "哈希值", sha(9000 + i as u64)),
            ],
        }));
    }
    Packet {
        kind: PacketKind::Complaint,
        packet_id: "PKT-C-20261202-3F9A1C".into(),
        generated_at: generated_at(),
        title: Bilingual::new("Infringement Complaint", "侵权投诉材料"),
        subtitle: "Complaint C-2026-0042 · 30 listings · Trademark 6789012".into(),
        manifest_sha256: Some(sha(7)),
        sections: vec![
            Section {
                title: Bilingual::new("Complaint", "投诉"),
                blocks: vec![
                    Block::Fields(vec![
                        Field::new("Complaint number", "投诉编号", "C-2026-0042"),
                        Field::new("Right", "权利", "Trademark 6789012 (USPTO) — AURORA LUMEN"),
                        Field::new("Manifest SHA-256", "清单哈希", sha(7)),
                    ]),
                    Block::Text {
                        label: Bilingual::new("Statement", "声明"),
                        text: "I have a good faith belief that use of the material in the manner complained of is not authorized by the intellectual property owner, its agent, or the law. <b>Not markup</b> & stays as text.\n本人善意地相信，被投诉的材料未经知识产权所有人、其代理人或法律授权使用。".into(),
                    },
                ],
            },
            Section {
                title: Bilingual::new("Listings", "侵权商品"),
                blocks: vec![Block::Table {
                    columns: vec![
                        Bilingual::new("#", "序号"),
                        Bilingual::new("ASIN", "商品编号"),
                        Bilingual::new("Seller", "卖家"),
                        Bilingual::new("Listing URL", "商品链接"),
                        Bilingual::new("SHA-256", "哈希值"),
                    ],
                    widths: vec![0.7, 1.6, 2.2, 4.0, 3.4],
                    rows: listings(),
                }],
            },
            Section {
                title: Bilingual::new("Evidence", "证据"),
                blocks: evidence,
            },
            Section {
                title: Bilingual::new("Files", "文件"),
                blocks: vec![Block::FileRef(file_entry(4))],
            },
        ],
    }
}

fn complaint_with_screenshots() -> Packet {
    complaint(vec![
        (
            "Screenshot 1: listing page / 商品页面截图".into(),
            png_image(640, 400, false),
        ),
        (
            "Screenshot 2: seller storefront (alpha) / 店铺截图".into(),
            png_image(300, 600, true),
        ),
        ("Photo: product / 商品照片".into(), jpeg_fixture()),
    ])
}

fn counter_notice() -> Packet {
    Packet {
        kind: PacketKind::CounterNotice,
        packet_id: "PKT-N-20261202-7G8H9I".into(),
        generated_at: generated_at(),
        title: Bilingual::new("Response to Counter-Notice", "反通知答复"),
        subtitle: "Counter-notice from 深圳市星河电子商行 on listing B001007919".into(),
        manifest_sha256: None,
        sections: vec![Section {
            title: Bilingual::new("Counter-notice", "反通知"),
            blocks: vec![
                Block::Fields(vec![
                    Field::new("Seller", "卖家", "深圳市星河电子商行"),
                    Field::new("Listing URL", "商品链接", long_url(4)),
                    Field::new("Received", "收到时间", "2026-12-01 11:00:00 UTC"),
                ]),
                Block::Text {
                    label: Bilingual::new("Our response", "我方答复"),
                    text: "The seller's invoice does not show the AURORA LUMEN brand. ".repeat(12),
                },
            ],
        }],
    }
}

// -------------------------------------------------------------- poppler --

fn write_pdf(name: &str, bytes: &[u8]) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("packet-render");
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join(format!("{name}.pdf"));
    std::fs::write(&path, bytes).expect("write pdf");
    path
}

fn run(cmd: &str, args: &[&str]) -> String {
    let out = Command::new(cmd)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{cmd} (poppler-utils) could not run: {e}"));
    assert!(
        out.status.success(),
        "{cmd} {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn text_of(path: &Path) -> String {
    run("pdftotext", &[path.to_str().expect("utf-8 path"), "-"])
}

fn squeeze(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

fn page_count(path: &Path) -> usize {
    let info = run("pdfinfo", &[path.to_str().expect("utf-8 path")]);
    info.lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .expect("pdfinfo prints the page count")
}

/// Every word pdftotext finds lies within the page margins (18 mm left and
/// right, 5 mm top and bottom for the footer's sake).
fn assert_within_margins(name: &str, path: &Path) {
    let html = run(
        "pdftotext",
        &["-bbox", path.to_str().expect("utf-8 path"), "-"],
    );
    let (page_w, page_h, mm) = (595.276_f64, 841.89_f64, 72.0 / 25.4);
    let attr = |line: &str, key: &str| -> f64 {
        let start = line.find(&format!("{key}=\"")).map(|i| i + key.len() + 2);
        start
            .and_then(|s| line[s..].split('"').next())
            .and_then(|v| v.parse().ok())
            .unwrap_or_else(|| panic!("{name}: no {key} in {line}"))
    };
    let mut words = 0;
    for line in html
        .lines()
        .filter(|l| l.trim_start().starts_with("<word "))
    {
        words += 1;
        let (x0, x1) = (attr(line, "xMin"), attr(line, "xMax"));
        let (y0, y1) = (attr(line, "yMin"), attr(line, "yMax"));
        assert!(
            x0 >= 18.0 * mm - 1.0 && x1 <= page_w - 18.0 * mm + 1.0,
            "{name}: word outside the margins: {line}"
        );
        assert!(
            y0 >= 5.0 * mm && y1 <= page_h - 5.0 * mm,
            "{name}: word outside the page: {line}"
        );
    }
    assert!(words > 0, "{name}: no words");
}

/// Checks what every packet must satisfy and returns the text.
fn check_common(name: &str, packet: &Packet, bytes: &[u8]) -> (PathBuf, String) {
    assert!(bytes.starts_with(b"%PDF"), "{name}: not a PDF");
    let path = write_pdf(name, bytes);
    let pages = page_count(&path);
    assert!(pages > 1, "{name}: {pages} page(s)");
    assert_within_margins(name, &path);

    // Every page carries the footer with "Page N / M", packet id and time.
    let p = path.to_str().expect("utf-8 path");
    for n in 1..=pages {
        let page = n.to_string();
        let text = run("pdftotext", &["-f", &page, "-l", &page, p, "-"]);
        let flat = squeeze(&text);
        assert!(
            flat.contains(&format!("Page{n}/{pages}")),
            "{name}: page {n} has no 'Page {n} / {pages}'"
        );
        assert!(
            flat.contains(&squeeze(&packet.packet_id)),
            "{name}: page {n} has no packet id"
        );
        assert!(
            flat.contains("Generated/生成时间2026-12-0209:30:15UTC"),
            "{name}: page {n} has no generation time"
        );
    }

    // The font is embedded as a subset.
    let fonts = run("pdffonts", &[p]);
    let rows: Vec<&str> = fonts
        .lines()
        .skip(2)
        .filter(|l| !l.trim().is_empty())
        .collect();
    assert!(!rows.is_empty(), "{name}: no fonts\n{fonts}");
    for row in rows {
        let cols: Vec<&str> = row.split_whitespace().collect();
        // name type [encoding] emb sub uni object ID: emb/sub/uni are the
        // three yes/no columns before the object number.
        let flags: Vec<&str> = cols
            .iter()
            .copied()
            .filter(|c| *c == "yes" || *c == "no")
            .collect();
        assert_eq!(flags.len(), 3, "{name}: unexpected pdffonts row {row}");
        assert_eq!(flags[0], "yes", "{name}: font not embedded: {row}");
        assert_eq!(flags[1], "yes", "{name}: font not subset: {row}");
        assert!(
            row.contains('+'),
            "{name}: subset font has no subset tag: {row}"
        );
    }

    let text = text_of(&path);
    let flat = squeeze(&text);
    // The cover: both titles, the subtitle, and the manifest hash when given.
    assert!(
        flat.contains(&squeeze(&packet.title.en)),
        "{name}: no English title"
    );
    assert!(
        flat.contains(&squeeze(&packet.title.zh)),
        "{name}: no Chinese title"
    );
    assert!(
        flat.contains(&squeeze(&packet.subtitle)),
        "{name}: no subtitle"
    );
    match &packet.manifest_sha256 {
        Some(hash) => assert!(
            flat.contains(&format!("ManifestSHA-256/清单哈希:{hash}")),
            "{name}: no manifest hash"
        ),
        None => assert!(
            !flat.contains("清单哈希:"),
            "{name}: manifest line without a hash"
        ),
    }
    // Every section heading, in both languages.
    for section in &packet.sections {
        let heading = squeeze(&format!("{} / {}", section.title.en, section.title.zh));
        assert!(flat.contains(&heading), "{name}: no heading {heading}");
    }
    (path, text)
}

/// Writes tests/reference/<kind>-cover.png when UPDATE_REFERENCE=1.
fn maybe_update_reference(kind: &str, pdf: &Path) {
    if std::env::var("UPDATE_REFERENCE").as_deref() != Ok("1") {
        return;
    }
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/reference");
    std::fs::create_dir_all(&dir).expect("reference dir");
    let prefix = dir.join(format!("{kind}-cover"));
    run(
        "pdftoppm",
        &[
            "-png",
            "-r",
            "60",
            "-f",
            "1",
            "-l",
            "1",
            "-singlefile",
            pdf.to_str().expect("utf-8 path"),
            prefix.to_str().expect("utf-8 path"),
        ],
    );
}

fn render_ok(packet: &Packet) -> Vec<u8> {
    match render(packet) {
        Ok(bytes) => bytes,
        Err(e) => panic!("render failed: {e}"),
    }
}

// ---------------------------------------------------------------- tests --

#[test]
fn registration_packet() {
    let packet = registration();
    let bytes = render_ok(&packet);
    let (path, text) = check_common("registration", &packet, &bytes);
    let flat = squeeze(&text);
    for needle in [
        "Companyname/公司名称",
        "义乌市极光数码配件厂",
        "浙江省金华市义乌市北苑街道春晗路88号",
        "https://www.aurora-lumen.example.com/brand/about-us/history-and-trademarks",
        "极光流明品牌自2021年起用于无线充电器",
        "SHA-256/哈希值",
        "Sourceurl/来源网址",
    ] {
        assert!(
            flat.to_lowercase().contains(&needle.to_lowercase()),
            "registration: missing {needle}"
        );
    }
    let file = file_entry(1);
    for needle in [&file.sha256, &file.source_url, &file.file] {
        assert!(
            flat.contains(needle.as_str()),
            "registration: missing {needle}"
        );
    }
    assert!(flat.contains("1.2MB(1,234,568bytes)"));
    maybe_update_reference("registration", &path);
}

#[test]
fn ip_right_packet() {
    let packet = ip_right();
    let bytes = render_ok(&packet);
    let (path, text) = check_common("ip_right", &packet, &bytes);
    let flat = squeeze(&text);
    for n in [2, 3] {
        let file = file_entry(n);
        assert!(
            flat.contains(&file.sha256),
            "ip_right: missing {}",
            file.sha256
        );
        assert!(
            flat.contains(&file.source_url),
            "ip_right: missing {}",
            file.source_url
        );
    }
    assert!(flat.contains("Goodsandservices/商品和服务"));
    maybe_update_reference("ip_right", &path);
}

#[test]
fn complaint_packet_lists_every_url_hash_and_seller() {
    let packet = complaint_with_screenshots();
    let bytes = render_ok(&packet);
    let (path, text) = check_common("complaint", &packet, &bytes);
    let flat = squeeze(&text);
    assert!(long_url(0).len() > 200 && long_url(4).len() > 200);
    for row in listings() {
        for cell in &row {
            assert!(flat.contains(&squeeze(cell)), "complaint: missing {cell}");
        }
    }
    // In content-stream order too: each cell is drawn line after line.
    let raw = squeeze(&run(
        "pdftotext",
        &["-raw", path.to_str().expect("utf-8 path"), "-"],
    ));
    for row in listings() {
        assert!(
            raw.contains(&squeeze(&row[3])),
            "complaint (raw): missing {}",
            row[3]
        );
        assert!(raw.contains(&row[4]), "complaint (raw): missing {}", row[4]);
    }
    for i in 0..3 {
        assert!(
            flat.contains(&sha(9000 + i)),
            "complaint: missing image hash {i}"
        );
    }
    for needle in [
        "商品链接",
        "ListingURL/商品链接",
        "Seller/卖家",
        "SHA-256/哈希值",
        "<b>Notmarkup</b>&staysastext.",
        "商品页面截图",
    ] {
        assert!(flat.contains(needle), "complaint: missing {needle}");
    }
    // The table continues over several pages and repeats its header.
    let headers = text.matches("商品链接").count();
    assert!(
        headers >= 3,
        "complaint: table header printed {headers} time(s)"
    );
    // Bookmarks: one outline entry per section, titled with its heading.
    let titles = outline_titles(&bytes);
    for section in &packet.sections {
        let heading = format!("{} / {}", section.title.en, section.title.zh);
        assert!(
            titles.contains(&heading),
            "complaint: no bookmark {heading} in {titles:?}"
        );
    }
    let count = format!("/Type/Outlines/Count {}", packet.sections.len());
    assert!(
        bytes.windows(count.len()).any(|w| w == count.as_bytes()),
        "complaint: outline count"
    );
    // The images: the PNGs are embedded losslessly, the JPEG as DCT.
    let list = run("pdfimages", &["-list", path.to_str().expect("utf-8 path")]);
    let kinds: Vec<(String, String, String)> = list
        .lines()
        .skip(2)
        .map(|l| {
            let c: Vec<&str> = l.split_whitespace().collect();
            (c[2].to_string(), c[3].to_string(), c[8].to_string()) // type, width, enc
        })
        .collect();
    assert!(
        kinds.contains(&("image".into(), "640".into(), "image".into())),
        "{list}"
    );
    assert!(
        kinds.contains(&("smask".into(), "300".into(), "image".into())),
        "{list}"
    );
    assert!(
        kinds.contains(&("image".into(), "320".into(), "jpeg".into())),
        "{list}"
    );
    maybe_update_reference("complaint", &path);
}

#[test]
fn jpeg_is_embedded_byte_for_byte() {
    let jpeg = jpeg_fixture();
    let bytes = render_ok(&complaint(vec![("Photo / 照片".into(), jpeg.clone())]));
    assert!(
        bytes.windows(jpeg.len()).any(|w| w == jpeg.as_slice()),
        "the JPEG file is not in the PDF as is"
    );
}

#[test]
fn png_pixels_survive_unchanged() {
    // Render a page with only the image and compare pdfimages' output.
    let png = png_image(200, 120, false);
    let bytes = render_ok(&complaint(vec![("Screenshot / 截图".into(), png.clone())]));
    let path = write_pdf("png_lossless", &bytes);
    let dir = path.with_extension("images");
    std::fs::create_dir_all(&dir).expect("dir");
    let prefix = dir.join("img");
    run(
        "pdfimages",
        &[
            "-png",
            path.to_str().expect("utf-8"),
            prefix.to_str().expect("utf-8"),
        ],
    );
    let extracted = std::fs::read(dir.join("img-000.png")).expect("extracted image");
    assert_eq!(decode_rgb(&extracted), decode_rgb(&png));
}

/// Every `/Title<FEFF…>` string in the file (outline entries and the
/// document title), decoded from UTF-16BE.
fn outline_titles(pdf: &[u8]) -> Vec<String> {
    let text = String::from_utf8_lossy(pdf);
    text.match_indices("/Title<FEFF")
        .filter_map(|(i, m)| {
            let rest = &text[i + m.len()..];
            let hex = &rest[..rest.find('>')?];
            let units: Vec<u16> = (0..hex.len() / 4)
                .filter_map(|k| u16::from_str_radix(&hex[k * 4..k * 4 + 4], 16).ok())
                .collect();
            String::from_utf16(&units).ok()
        })
        .collect()
}

fn decode_rgb(bytes: &[u8]) -> (u32, u32, Vec<u8>) {
    let mut decoder = png::Decoder::new(std::io::Cursor::new(bytes));
    decoder.set_transformations(png::Transformations::EXPAND);
    let mut reader = decoder.read_info().expect("png");
    let mut buf = vec![0; reader.output_buffer_size().expect("size")];
    let info = reader.next_frame(&mut buf).expect("frame");
    buf.truncate(info.line_size * info.height as usize);
    (info.width, info.height, buf)
}

#[test]
fn counter_notice_packet() {
    let packet = counter_notice();
    let bytes = render_ok(&packet);
    let (path, text) = check_common("counter_notice", &packet, &bytes);
    let flat = squeeze(&text);
    assert!(flat.contains(&long_url(4)));
    assert!(flat.contains("深圳市星河电子商行"));
    assert!(flat.contains("Ourresponse/我方答复"));
    maybe_update_reference("counter_notice", &path);
}

#[test]
fn text_only_packet_is_small() {
    let mut packet = complaint(Vec::new());
    packet.sections.retain(|s| s.title.en != "Evidence");
    let start = Instant::now();
    let bytes = render_ok(&packet);
    eprintln!(
        "text-only complaint: {} KB in {:?}",
        bytes.len() / 1024,
        start.elapsed()
    );
    assert!(bytes.len() < 500 * 1024, "{} bytes", bytes.len());
    // The subset font is far smaller than the 5 MB font file.
    assert!(bytes.len() < FONT.len() / 10);
}

#[test]
fn corrupt_images_are_errors_not_panics() {
    let png = png_image(64, 64, false);
    let jpeg = jpeg_fixture();
    let mut flipped = png.clone();
    let mid = flipped.len() / 2;
    flipped[mid] ^= 0x55;
    let cases: Vec<(&str, Vec<u8>)> = vec![
        ("empty", Vec::new()),
        ("text", b"<html>not an image</html>".to_vec()),
        ("truncated png", png[..png.len() / 2].to_vec()),
        ("damaged png", flipped),
        ("truncated jpeg", jpeg[..jpeg.len() / 2].to_vec()),
        ("jpeg header only", jpeg[..20].to_vec()),
    ];
    for (what, bytes) in cases {
        let packet = complaint(vec![(format!("bad {what}"), bytes)]);
        match render(&packet) {
            Err(PacketError::Image { caption, .. }) => assert_eq!(caption, format!("bad {what}")),
            other => panic!(
                "{what}: expected an image error, got {:?}",
                other.map(|b| b.len())
            ),
        }
    }
}

#[test]
fn untrusted_text_never_overflows_or_breaks_layout() {
    // Empty strings, a 2000-character word, control characters, emoji (not in
    // the font), odd table shapes.
    let packet = Packet {
        kind: PacketKind::Complaint,
        packet_id: String::new(),
        generated_at: generated_at(),
        title: Bilingual::new("", ""),
        subtitle: String::new(),
        manifest_sha256: Some(String::new()),
        sections: vec![Section {
            title: Bilingual::new("Edge cases", ""),
            blocks: vec![
                Block::Fields(vec![
                    Field::new("", "", ""),
                    Field::new("Long", "长", "x".repeat(2000)),
                ]),
                Block::Text {
                    label: Bilingual::new("Control", "控制字符"),
                    text: "tab\there\r\nbell\u{7} emoji 😀 done".into(),
                },
                Block::Table {
                    columns: vec![],
                    widths: vec![],
                    rows: vec![vec!["a".into(), "b".into()]],
                },
                Block::Table {
                    columns: vec![Bilingual::new("A", "甲"), Bilingual::new("B", "乙")],
                    widths: vec![f32::NAN, -1.0],
                    rows: vec![
                        vec![],
                        vec!["1".into(), "2".into(), "3".into()],
                        vec!["长".repeat(3000)],
                    ],
                },
                Block::Subheading(Bilingual::new("End", "结束")),
            ],
        }],
    };
    let bytes = render_ok(&packet);
    let path = write_pdf("edge_cases", &bytes);
    assert_within_margins("edge_cases", &path);
    let flat = squeeze(&text_of(&path));
    assert!(flat.contains(&"x".repeat(2000)));
    assert!(flat.contains("2\n3") || flat.contains("23"));
    assert!(page_count(&path) >= 3);
}

#[test]
fn hundred_full_hd_screenshots() {
    let opaque = png_image(1920, 1080, false);
    let with_alpha = png_image(1920, 1080, true);
    for (what, image) in [("RGB", opaque), ("RGBA", with_alpha)] {
        let images: Vec<(String, Vec<u8>)> = (0..100)
            .map(|i| (format!("Screenshot {i}"), image.clone()))
            .collect();
        let packet = complaint(images);
        let start = Instant::now();
        let bytes = render_ok(&packet);
        let elapsed = start.elapsed();
        eprintln!(
            "100 × 1920×1080 {what} PNG ({} KB each): {:?}, {:.1} MB PDF",
            image.len() / 1024,
            elapsed,
            bytes.len() as f64 / 1e6
        );
        assert!(bytes.starts_with(b"%PDF"));
        if !cfg!(debug_assertions) && what == "RGB" {
            assert!(elapsed.as_secs_f64() < 1.0, "{what}: {elapsed:?}");
        }
    }
}
