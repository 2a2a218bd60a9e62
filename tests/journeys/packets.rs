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

/// The bundle's entries as (name, bytes).
fn entries(zip: &Path) -> Vec<(String, Vec<u8>)> {
    let mut z = zip::ZipArchive::new(std::fs::File::open(zip).expect("open")).expect("zip");
    (0..z.len())
        .map(|i| {
            let mut f = z.by_index(i).expect("entry");
            let mut bytes = Vec::new();
            f.read_to_end(&mut bytes).expect("read");
            (f.name().to_string(), bytes)
        })
        .collect()
}

/// SHA-256 by `sha256sum` (coreutils), independent of the code under test.
fn sha256_hex(bytes: &[u8]) -> String {
    use std::process::Stdio;
    let mut child = Command::new("sha256sum")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("sha256sum runs");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(bytes)
        .expect("write");
    let out = child.wait_with_output().expect("sha256sum");
    String::from_utf8_lossy(&out.stdout)[..64].to_string()
}

#[test]
fn the_manifest_lists_the_pdf_and_a_swapped_pdf_is_named() {
    let t = sample();
    let filed = filed_complaint(&t);
    let (pdf, zip, r) = generate(&t, PacketFor::Complaint, filed, "complaint");
    let pdf_bytes = std::fs::read(&pdf).expect("pdf");
    let all = entries(&zip);
    let manifest: serde_json::Value = serde_json::from_slice(
        &all.iter()
            .find(|(n, _)| n == "manifest.json")
            .expect("manifest")
            .1,
    )
    .expect("json");
    assert_eq!(manifest["format"], 2);
    assert_eq!(manifest["packet"]["file"], "complaint.pdf");
    assert_eq!(manifest["packet"]["sha256"], sha256_hex(&pdf_bytes));
    assert_eq!(manifest["packet"]["size"], pdf_bytes.len());
    assert_eq!(manifest["packet"]["packet_id"], r.packet_id.as_str());
    assert_eq!(
        manifest["files"].as_array().expect("files").len() as u32,
        r.files
    );
    // The PDF prints the hash of the evidence list (it cannot print its own):
    // any change to the list shows as a hash other than the printed one.
    let mut edited = manifest.clone();
    edited["files"][0]["source_url"] = "https://elsewhere.example/".into();
    let edited = serde_json::to_vec_pretty(&edited).expect("json");
    let relisted = t.dir.path().join("relisted.zip");
    rewrite(
        &zip,
        &relisted,
        |name, b| {
            Some(if name == "manifest.json" {
                edited.clone()
            } else {
                b
            })
        },
        None,
    );
    let report = verify_bundle(&relisted).expect("verify");
    assert_ne!(report.manifest_sha256, r.manifest_sha256);

    // Another packet's PDF in its place.
    let right = t.desk.list_rights().expect("rights")[0].right.id;
    let (other_pdf, _, _) = generate(&t, PacketFor::IpRight, right, "right");
    let other = std::fs::read(&other_pdf).expect("pdf");
    let swapped = t.dir.path().join("swapped.zip");
    rewrite(
        &zip,
        &swapped,
        |name, b| {
            Some(if name == "complaint.pdf" {
                other.clone()
            } else {
                b
            })
        },
        None,
    );
    let report = verify_bundle(&swapped).expect("verify");
    assert!(!report.ok);
    assert_eq!(report.manifest_sha256, r.manifest_sha256);
    let problems: Vec<(&str, &str)> = report
        .problems
        .iter()
        .map(|p| (p.file.as_str(), p.problem.as_str()))
        .collect();
    assert_eq!(problems, [("complaint.pdf", "changed")]);

    // The PDF removed, or a second PDF beside it.
    let removed = t.dir.path().join("no-pdf.zip");
    rewrite(
        &zip,
        &removed,
        |name, b| (name != "complaint.pdf").then_some(b),
        None,
    );
    let report = verify_bundle(&removed).expect("verify");
    assert_eq!(report.problems[0].file, "complaint.pdf");
    assert_eq!(report.problems[0].problem, "missing");
    let second = t.dir.path().join("two-pdfs.zip");
    rewrite(&zip, &second, |_, b| Some(b), Some(("right.pdf", &other)));
    let report = verify_bundle(&second).expect("verify");
    assert_eq!(report.problems[0].file, "right.pdf");
    assert_eq!(report.problems[0].problem, "added");
}

#[test]
fn hostile_entries_added_to_a_bundle_are_named() {
    let t = sample();
    let filed = filed_complaint(&t);
    let (_pdf, zip, _) = generate(&t, PacketFor::Complaint, filed, "c");
    let mut path = zip.clone();
    for (i, name) in ["../evil", "C:\\x", "evidence/TAOBAO-712345678901.PNG"]
        .into_iter()
        .enumerate()
    {
        let next = t.dir.path().join(format!("hostile-{i}.zip"));
        rewrite(&path, &next, |_, b| Some(b), Some((name, b"payload")));
        path = next;
    }
    let report = verify_bundle(&path).expect("verify");
    let problems: Vec<(&str, &str)> = report
        .problems
        .iter()
        .map(|p| (p.file.as_str(), p.problem.as_str()))
        .collect();
    assert_eq!(
        problems,
        [
            ("../evil", "unsafe name: parent folder (..)"),
            ("C:\\x", "unsafe name: backslash"),
            (
                "evidence/TAOBAO-712345678901.PNG",
                "duplicate name: differs only in case from evidence/taobao-712345678901.png"
            ),
        ]
    );
}

#[test]
fn files_with_hostile_names_are_bundled_under_safe_unique_names() {
    let mut t = sample();
    let filed = filed_complaint(&t);
    let src = t.dir.path().join("incoming");
    std::fs::create_dir(&src).expect("dir");
    let names = ["a\\b.pdf", "C:x.pdf", "Photo.PDF", "photo.pdf", "CON.pdf"];
    let paths: Vec<String> = names
        .iter()
        .enumerate()
        .map(|(i, n)| {
            let p = src.join(n);
            std::fs::write(&p, format!("%PDF-1.4 exhibit {i}")).expect("write");
            p.display().to_string()
        })
        .collect();
    t.desk
        .attach(AttachInput {
            owner_kind: OwnerKind::Complaint,
            owner_id: filed,
            doc_kind: Some(DocumentKind::Other),
            facts: None,
            paths,
        })
        .expect("attach");
    let (_pdf, zip, _) = generate(&t, PacketFor::Complaint, filed, "c");
    let names: Vec<String> = entries(&zip).into_iter().map(|(n, _)| n).collect();
    for expected in [
        "evidence/a_b.pdf",
        "evidence/C_x.pdf",
        "evidence/Photo.PDF",
        "evidence/2-photo.pdf",
        "evidence/_CON.pdf",
    ] {
        assert!(
            names.iter().any(|n| n == expected),
            "{expected} not in {names:?}"
        );
    }
    let mut folded: Vec<String> = names.iter().map(|n| n.to_lowercase()).collect();
    folded.sort();
    folded.dedup();
    assert_eq!(folded.len(), names.len(), "unique ignoring case: {names:?}");
    assert!(verify_bundle(&zip).expect("verify").ok);
}

#[test]
fn a_damaged_vault_file_stops_the_packet_naming_the_document() {
    let t = sample();
    let filed = filed_complaint(&t);
    let detail = t.desk.get_complaint(filed).expect("detail");
    let doc = detail
        .listings
        .iter()
        .flat_map(|l| l.evidence.iter())
        .find(|e| e.media_type == "image/png")
        .expect("a screenshot")
        .clone();
    let mut bytes =
        std::fs::read(t.desk.document_for_viewing(doc.id).expect("a copy")).expect("read");
    let last = bytes.len() - 1;
    bytes[last] ^= 1;
    t.damage_vault_file(&doc.sha256, &bytes);

    let out = t.dir.path().join("out");
    std::fs::create_dir(&out).expect("dir");
    let err = t
        .desk
        .generate_packet(PacketRequest {
            kind: PacketFor::Complaint,
            id: filed,
            pdf_path: out.join("c.pdf").display().to_string(),
            bundle_path: Some(out.join("c.zip").display().to_string()),
        })
        .expect_err("a damaged file");
    assert_eq!(err.code, ErrorCode::Io);
    assert!(
        err.message.contains(&format!(
            "{} no longer matches its SHA-256",
            doc.original_name
        )),
        "{}",
        err.message
    );
    assert_eq!(
        std::fs::read_dir(&out).expect("ls").count(),
        0,
        "nothing written"
    );

    // Solo: attaching the original again repairs the vault; the packet
    // follows. Team: nobody may change a stored file from the app, so the
    // attach says the team's copy is damaged and who mends it.
    bytes[last] ^= 1;
    let original = t.dir.path().join(&doc.original_name);
    std::fs::write(&original, &bytes).expect("write");
    let mut t = t;
    let holder = t.desk.list_holders().expect("holders")[0].holder.id;
    let again = t.desk.attach(AttachInput {
        owner_kind: OwnerKind::Holder,
        owner_id: holder,
        doc_kind: None,
        facts: None,
        paths: vec![original.display().to_string()],
    });
    if t.team_url.is_some() {
        let err = again.expect_err("the team's copy stays damaged");
        assert!(err.message.contains("administrator"), "{}", err.message);
        return;
    }
    again.expect("attach");
    let (_pdf, zip, _) = generate(&t, PacketFor::Complaint, filed, "repaired");
    assert!(verify_bundle(&zip).expect("verify").ok);
}
