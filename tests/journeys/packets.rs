//! Evidence packets from the sample data: the PDF carries every URL, hash and
//! Chinese name as text in an embedded subset font, and the bundle proves
//! itself unchanged or names what changed.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::Command;

use ippdesk_desk::*;
use ippdesk_tests::{temp_desk, TempDesk};

fn sample() -> TempDesk {
    let mut t = temp_desk("2026-11-22");
    t.desk.load_sample().expect("sample");
    t
}

/// `pdftotext` output with every blank removed, so text wrapped across
/// lines (long URLs, hashes) is found whole.
fn pdf_text(pdf: &Path) -> String {
    let out = Command::new("pdftotext")
        .arg(pdf)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils) runs");
    assert!(out.status.success());
    String::from_utf8_lossy(&out.stdout)
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect()
}

/// The sample's filed Taobao complaint.
fn filed_complaint(t: &TempDesk) -> Id {
    t.desk
        .list_complaints(ComplaintFilter {
            status: Some(ComplaintStatus::Filed),
            limit: 10,
            ..Default::default()
        })
        .expect("list")
        .rows[0]
        .complaint
        .id
}

fn squeeze(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

fn generate(t: &TempDesk, kind: PacketFor, id: Id, name: &str) -> (PathBuf, PathBuf, PacketResult) {
    let pdf = t.dir.path().join(format!("{name}.pdf"));
    let zip = t.dir.path().join(format!("{name}.zip"));
    let r = t
        .desk
        .generate_packet(PacketRequest {
            kind,
            id,
            pdf_path: pdf.display().to_string(),
            bundle_path: Some(zip.display().to_string()),
        })
        .expect("packet");
    (pdf, zip, r)
}

fn assert_subset_fonts(pdf: &Path) {
    let out = Command::new("pdffonts")
        .arg(pdf)
        .output()
        .expect("pdffonts runs");
    let text = String::from_utf8_lossy(&out.stdout);
    let fonts: Vec<&str> = text.lines().skip(2).collect();
    assert!(!fonts.is_empty(), "no fonts: {text}");
    for f in fonts {
        let cols: Vec<&str> = f.split_whitespace().collect();
        // name type [encoding…] emb sub uni object ID
        let n = cols.len();
        assert_eq!(
            (cols[n - 5], cols[n - 4]),
            ("yes", "yes"),
            "not an embedded subset: {f}"
        );
    }
}

#[test]
fn the_complaint_packet_prints_every_url_hash_and_chinese_name() {
    let t = sample();
    let filed = filed_complaint(&t);
    let detail = t.desk.get_complaint(filed).expect("detail");
    let (pdf, zip, r) = generate(&t, PacketFor::Complaint, filed, "complaint");
    let text = pdf_text(&pdf);
    for l in &detail.listings {
        assert!(
            text.contains(&squeeze(&l.listing.canonical_url)),
            "{}",
            l.listing.canonical_url
        );
        for e in &l.evidence {
            assert!(text.contains(&e.sha256), "{}", e.original_name);
        }
    }
    for e in &detail.evidence {
        assert!(text.contains(&e.sha256));
    }
    for needle in [
        "极光耳机专卖店",
        "深圳市极光电子有限公司",
        "商品链接",
        "ListingURL",
        "IPP-TB-2026-0173",
        &r.manifest_sha256,
        &r.packet_id,
    ] {
        assert!(text.contains(needle), "{needle} not in the PDF");
    }
    assert!(text.contains(&squeeze(&detail.row.complaint.draft.explanation_zh)));
    assert_subset_fonts(&pdf);
    assert!(r.pdf_size < 2_000_000, "{} bytes", r.pdf_size);

    let report = verify_bundle(&zip).expect("verify");
    assert!(report.ok, "{:?}", report.problems);
    assert_eq!(report.manifest_sha256, r.manifest_sha256);
    assert_eq!(report.files_checked, r.files);
}

#[test]
fn each_of_the_four_packets_is_generated_from_the_sample() {
    let t = sample();
    let account = t
        .desk
        .list_holders()
        .expect("holders")
        .iter()
        .find(|h| h.accounts_count > 0)
        .map(|h| {
            t.desk.get_holder(h.holder.id).expect("holder").accounts[0]
                .account
                .id
        })
        .expect("an account");
    let right = t.desk.list_rights().expect("rights")[0].right.id;
    let filed = filed_complaint(&t);
    let notice = t.desk.get_complaint(filed).expect("detail").counter_notices[0]
        .notice
        .clone();
    for (kind, id, name, needles) in [
        (
            PacketFor::Registration,
            account,
            "registration",
            vec!["深圳市极光电子有限公司", "权利人", "Rightsholder"],
        ),
        (
            PacketFor::IpRight,
            right,
            "right",
            vec!["知识产权", "Registrationnumber"],
        ),
        (
            PacketFor::CounterNotice,
            notice.id,
            "counter-notice",
            vec![
                "卖家反通知",
                "本店为极光品牌授权经销商",
                "AR-2026-118",
                "2026-11-10",
            ],
        ),
    ] {
        let (pdf, zip, r) = generate(&t, kind, id, name);
        let text = pdf_text(&pdf);
        for n in needles {
            assert!(text.contains(n), "{name}: {n} not in the PDF");
        }
        assert!(text.contains(&r.manifest_sha256), "{name}: manifest hash");
        assert_subset_fonts(&pdf);
        assert!(verify_bundle(&zip).expect("verify").ok, "{name}");
    }
}

/// Rewrites a bundle with `change` applied to its entries.
fn rewrite(
    src: &Path,
    dst: &Path,
    change: impl Fn(&str, Vec<u8>) -> Option<Vec<u8>>,
    add: Option<(&str, &[u8])>,
) {
    let mut zin = zip::ZipArchive::new(std::fs::File::open(src).expect("open")).expect("zip");
    let mut zout = zip::ZipWriter::new(std::fs::File::create(dst).expect("create"));
    let opts = zip::write::SimpleFileOptions::default();
    for i in 0..zin.len() {
        let mut f = zin.by_index(i).expect("entry");
        let name = f.name().to_string();
        let mut bytes = Vec::new();
        f.read_to_end(&mut bytes).expect("read");
        if let Some(bytes) = change(&name, bytes) {
            zout.start_file(name.as_str(), opts).expect("start");
            zout.write_all(&bytes).expect("write");
        }
    }
    if let Some((name, bytes)) = add {
        zout.start_file(name, opts).expect("start");
        zout.write_all(bytes).expect("write");
    }
    zout.finish().expect("finish");
}

#[test]
fn a_tampered_bundle_fails_verify_naming_the_file() {
    let t = sample();
    let filed = filed_complaint(&t);
    let (_pdf, zip, _) = generate(&t, PacketFor::Complaint, filed, "c");
    let shot = "evidence/taobao-712345678901.png";
    let problems = |path: &Path| -> Vec<(String, String)> {
        let r = verify_bundle(path).expect("verify");
        assert_eq!(r.ok, r.problems.is_empty());
        r.problems
            .into_iter()
            .map(|p| (p.file, p.problem))
            .collect()
    };

    let changed = t.dir.path().join("changed.zip");
    rewrite(
        &zip,
        &changed,
        |name, mut b| {
            if name == shot {
                let last = b.len() - 1;
                b[last] ^= 1;
            }
            Some(b)
        },
        None,
    );
    assert_eq!(
        problems(&changed),
        vec![(shot.to_string(), "changed".to_string())]
    );

    let removed = t.dir.path().join("removed.zip");
    rewrite(&zip, &removed, |name, b| (name != shot).then_some(b), None);
    assert_eq!(
        problems(&removed),
        vec![(shot.to_string(), "missing".to_string())]
    );

    let added = t.dir.path().join("added.zip");
    rewrite(
        &zip,
        &added,
        |_, b| Some(b),
        Some(("evidence/extra.png", b"not evidence")),
    );
    assert_eq!(
        problems(&added),
        vec![("evidence/extra.png".to_string(), "added".to_string())]
    );

    let not_zip = t.dir.path().join("not.zip");
    std::fs::write(&not_zip, b"hello").expect("write");
    assert_eq!(
        verify_bundle(&not_zip).expect_err("not a zip").code,
        ErrorCode::Validation
    );
}
