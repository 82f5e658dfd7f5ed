//! The command line as a user meets it: exit codes, one clear error line naming the
//! file, stdout that holds exactly one document.

use assert_cmd::Command;
use predicates::prelude::*;
use std::fs;

const SEED: &str = "seeds/000_197680a15b8fd6ec.txt";

fn colloquy() -> Command {
    let mut cmd = Command::cargo_bin("colloquy").unwrap();
    cmd.env_remove("SOURCE_DATE_EPOCH");
    cmd
}

#[test]
fn seed_to_stdout_is_one_jsonld_document() {
    let seed_path = crate::shared_or_skip!(SEED);
    let seed = seed_path.to_str().unwrap();
    let out = colloquy()
        .args(["convert", seed, "--to", "jsonld", "--stdout"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let doc: serde_json::Value = serde_json::from_slice(&out).expect("stdout is one JSON document");
    assert_eq!(doc["@type"], "NewsArticle");
    assert_eq!(doc["inLanguage"], "id");
    assert_eq!(doc["hasPart"].as_array().unwrap().len(), 4);
    assert_eq!(
        doc["isBasedOn"],
        "https://baoquocte.vn/diem-den-tin-cay-cua-cac-sang-kien-quoc-te-332092.html"
    );
}

#[test]
fn empty_file_is_one_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("empty.txt");
    fs::write(&path, "").unwrap();
    let assert = colloquy()
        .args([
            "convert",
            path.to_str().unwrap(),
            "--stdout",
            "--to",
            "jsonld",
        ])
        .assert()
        .code(1);
    let stderr = String::from_utf8_lossy(&assert.get_output().stderr).to_string();
    let errors: Vec<&str> = stderr.lines().filter(|l| l.contains("error")).collect();
    assert_eq!(errors.len(), 1, "{stderr}");
    assert!(
        errors[0].contains("empty.txt") && errors[0].contains("empty"),
        "{stderr}"
    );
}

#[test]
fn non_utf8_names_the_file_and_the_byte() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("latin1.txt");
    fs::write(&path, b"Frage: Wie geht es?\nAntwort: Gr\xfc\xdfe!\n").unwrap();
    colloquy()
        .args([
            "convert",
            path.to_str().unwrap(),
            "--stdout",
            "--to",
            "jsonld",
        ])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("latin1.txt").and(predicate::str::contains("byte 31")));
}

#[test]
fn utf16_with_a_byte_order_mark_is_read() {
    // What Windows editors save as "Unicode": UTF-16LE behind FF FE.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("windows.txt");
    let text = "Frage: Wie kamen Sie zur Imkerei?\nAntwort: Über meinen Großvater.\n\nFrage: Und heute?\nAntwort: Vierzig Völker.\n";
    let bytes: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(text.encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    fs::write(&path, bytes).unwrap();
    let out = colloquy()
        .args([
            "convert",
            path.to_str().unwrap(),
            "--stdout",
            "--to",
            "jsonld",
        ])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let doc: serde_json::Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(doc["hasPart"].as_array().unwrap().len(), 2);
    assert_eq!(
        doc["hasPart"][0]["acceptedAnswer"]["text"],
        "Über meinen Großvater."
    );
}

#[test]
fn an_image_or_office_file_is_named_for_what_it_is() {
    let dir = tempfile::tempdir().unwrap();
    let png = dir.path().join("portrait.txt");
    fs::write(&png, b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").unwrap();
    let docx = dir.path().join("interview.docx");
    fs::write(&docx, b"PK\x03\x04\x14\0\x06\0").unwrap();
    let assert = colloquy()
        .args([
            "convert",
            png.to_str().unwrap(),
            docx.to_str().unwrap(),
            "-o",
            dir.path().join("out").to_str().unwrap(),
        ])
        .assert()
        .code(1);
    let stderr = String::from_utf8_lossy(&assert.get_output().stderr).to_string();
    assert!(
        stderr.contains("portrait.txt: a PNG image, not text (byte 0)"),
        "{stderr}"
    );
    assert!(
        stderr.contains("interview.docx: a ZIP archive (as .docx")
            && stderr.contains("export the document as UTF-8 text"),
        "{stderr}"
    );
    // validate says the same, under its own rule id.
    colloquy()
        .args(["validate", png.to_str().unwrap(), "--report", "json"])
        .assert()
        .code(1)
        .stdout(
            predicate::str::contains("input/binary").and(predicate::str::contains("a PNG image")),
        );
}

#[test]
fn text_without_questions_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("prose.txt");
    fs::write(
        &path,
        "The harbour wall was built in 1850.\nIt has been repaired twice.\n",
    )
    .unwrap();
    colloquy()
        .args(["convert", path.to_str().unwrap(), "-o"])
        .arg(dir.path().join("out"))
        .assert()
        .code(1)
        .stderr(
            predicate::str::contains("prose.txt").and(predicate::str::contains("no questions")),
        );
    assert!(!dir.path().join("out/prose.jsonld").exists());
}

#[test]
fn usage_errors_exit_2() {
    // Any interview will do: one of ours, so this runs on a bare clone.
    let seed = "samples/en-harbour-master.txt";
    colloquy().args(["convert"]).assert().code(2);
    colloquy()
        .args(["convert", seed, "--stdout"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("exactly one document"));
    colloquy()
        .args(["convert", seed, "--to", "pdf"])
        .assert()
        .code(2);
}

#[test]
fn convert_writes_both_documents_and_reruns_are_idempotent() {
    let seed_path = crate::shared_or_skip!(SEED);
    let seed = seed_path.to_str().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    let run = || {
        colloquy()
            .args(["convert", seed, "-o"])
            .arg(&out)
            .assert()
            .success()
            .get_output()
            .stderr
            .clone()
    };
    run();
    let jsonld = out.join("000_197680a15b8fd6ec.jsonld");
    let newsml = out.join("000_197680a15b8fd6ec.newsml.xml");
    let first = (fs::read(&jsonld).unwrap(), fs::read(&newsml).unwrap());
    let stderr = String::from_utf8_lossy(&run()).to_string();
    assert!(stderr.contains("2 unchanged"), "{stderr}");
    assert_eq!(
        first,
        (fs::read(&jsonld).unwrap(), fs::read(&newsml).unwrap())
    );
}

#[test]
fn a_differing_existing_output_is_not_replaced_without_force() {
    let seed_path = crate::shared_or_skip!(SEED);
    let seed = seed_path.to_str().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    fs::create_dir_all(&out).unwrap();
    let target = out.join("000_197680a15b8fd6ec.jsonld");
    fs::write(&target, "{}\n").unwrap();
    colloquy()
        .args(["convert", seed, "-o"])
        .arg(&out)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("--force"));
    assert_eq!(fs::read_to_string(&target).unwrap(), "{}\n");
    // Nothing of that input was written: its NewsML-G2 waits for its JSON-LD.
    assert!(!out.join("000_197680a15b8fd6ec.newsml.xml").exists());
    colloquy()
        .args(["convert", seed, "--force", "-o"])
        .arg(&out)
        .assert()
        .success();
    assert!(fs::read_to_string(&target).unwrap().contains("NewsArticle"));
}

#[test]
fn strict_turns_warnings_into_failure() {
    let seed_path = crate::shared_or_skip!(SEED);
    let seed = seed_path.to_str().unwrap();
    // The seed has no headline: a warning, exit 0 — and exit 1 under --strict.
    colloquy()
        .args(["convert", seed, "--to", "jsonld", "--stdout"])
        .assert()
        .success()
        .stderr(predicate::str::contains("no-headline"));
    colloquy()
        .args(["convert", seed, "--to", "jsonld", "--stdout", "--strict"])
        .assert()
        .code(1);
}

#[test]
fn inspect_explains_why_a_paragraph_is_a_question() {
    let seed_path = crate::shared_or_skip!(SEED);
    let seed = seed_path.to_str().unwrap();
    let out = colloquy().args(["inspect", seed]).assert().success();
    let text = String::from_utf8_lossy(&out.get_output().stdout).to_string();
    assert!(text.contains("question") && text.contains("rule"), "{text}");
    assert!(text.contains("Vu Le Thai Hoang"), "{text}");
}
