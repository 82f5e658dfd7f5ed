//! `colloquy validate` from the command line: our outputs pass, broken ones fail with
//! exit 1 and a message that names the problem, reports are machine-readable.

use assert_cmd::Command;
use std::fs;
use std::path::{Path, PathBuf};

/// One of our samples (in the repository, so these tests run on a bare clone).
const SAMPLE: &str = "samples/en-harbour-master.txt";

fn colloquy() -> Command {
    let mut cmd = Command::cargo_bin("colloquy").unwrap();
    cmd.env_remove("CI");
    cmd
}

/// Converts the seed into `dir` and returns (JSON-LD, NewsML-G2) paths.
fn outputs(dir: &Path) -> (PathBuf, PathBuf) {
    colloquy()
        .args([
            "convert",
            SAMPLE,
            "--version-created",
            "2025-01-01T00:00:00Z",
            "-o",
        ])
        .arg(dir)
        .assert()
        .success();
    (
        dir.join("samples/en-harbour-master.jsonld"),
        dir.join("samples/en-harbour-master.newsml.xml"),
    )
}

#[test]
fn our_outputs_are_valid() {
    let dir = tempfile::tempdir().unwrap();
    let (jsonld, newsml) = outputs(dir.path());
    colloquy()
        .arg("validate")
        .arg(&jsonld)
        .arg(&newsml)
        .assert()
        .success();
    // Held to colloquy's own profile on request, and to a schema named by --xsd (here
    // the official one, exported as a file).
    colloquy()
        .args(["validate", "--profile", "interview"])
        .arg(&jsonld)
        .arg(&newsml)
        .assert()
        .success();
    colloquy()
        .args([
            "validate",
            "--xsd",
            "schemas/newsml-g2/iptc/NewsML-G2_2.35-spec-All-Power.xsd",
        ])
        .arg(&newsml)
        .assert()
        .success();
}

#[test]
fn a_misspelled_required_field_is_rejected() {
    let dir = tempfile::tempdir().unwrap();
    let (jsonld, _) = outputs(dir.path());
    let broken = dir.path().join("broken.jsonld");
    fs::write(
        &broken,
        fs::read_to_string(&jsonld)
            .unwrap()
            .replace("\"hasPart\"", "\"hasParts\""),
    )
    .unwrap();
    let out = colloquy().arg("validate").arg(&broken).assert().code(1);
    let stdout = String::from_utf8_lossy(&out.get_output().stdout).to_string();
    assert!(stdout.contains("broken.jsonld"), "{stdout}");
    assert!(
        stdout.contains("hasPart"),
        "names the missing field: {stdout}"
    );
    assert!(
        stdout.contains("hasParts"),
        "names the misspelling: {stdout}"
    );
}

#[test]
fn a_newsml_item_without_item_meta_is_rejected() {
    let dir = tempfile::tempdir().unwrap();
    let (_, newsml) = outputs(dir.path());
    let xml = fs::read_to_string(&newsml).unwrap();
    let start = xml.find("<itemMeta>").unwrap();
    let end = xml.find("</itemMeta>").unwrap() + "</itemMeta>".len();
    let broken = dir.path().join("broken.newsml.xml");
    fs::write(&broken, format!("{}{}", &xml[..start], &xml[end..])).unwrap();
    let out = colloquy().arg("validate").arg(&broken).assert().code(1);
    let stdout = String::from_utf8_lossy(&out.get_output().stdout).to_string();
    assert!(
        stdout.contains("broken.newsml.xml") && stdout.contains("itemMeta"),
        "{stdout}"
    );
}

#[test]
fn github_and_junit_reports_for_a_mixed_directory() {
    let dir = tempfile::tempdir().unwrap();
    outputs(dir.path());
    fs::write(
        dir.path().join("bad.jsonld"),
        "{\"@context\": \"https://schema.org\",\n  \"@type\": \"NewsArticel\"}\n",
    )
    .unwrap();
    let out = colloquy()
        .args(["validate", "--report", "github"])
        .arg(dir.path())
        .assert()
        .code(1);
    let stdout = String::from_utf8_lossy(&out.get_output().stdout).to_string();
    let line = stdout
        .lines()
        .find(|l| l.starts_with("::error file=") && l.contains("bad.jsonld"))
        .unwrap_or_else(|| panic!("{stdout}"));
    assert!(line.contains("line=2"), "{line}");
    // Every file, valid or not, says what it was checked against.
    assert!(
        stdout.lines().any(|l| l.contains("en-harbour-master.newsml.xml: valid; checked against NewsML-G2 2.35 XSD (IPTC, bundled)")),
        "{stdout}"
    );

    let out = colloquy()
        .args(["validate", "--report", "junit"])
        .arg(dir.path())
        .assert()
        .code(1);
    let xml = String::from_utf8_lossy(&out.get_output().stdout).to_string();
    assert_eq!(xml.matches("<testcase").count(), 3, "{xml}");
    assert_eq!(xml.matches("<failure").count(), 1, "{xml}");
    assert!(
        xml.contains(
            "<property name=\"checked-against\" value=\"NewsML-G2 2.35 XSD (IPTC, bundled)\"/>"
        ),
        "{xml}"
    );
}

#[test]
fn schema_export_writes_what_validate_uses() {
    let dir = tempfile::tempdir().unwrap();
    colloquy()
        .args(["schema", "export"])
        .arg(dir.path())
        .assert()
        .success();
    let exported = fs::read_to_string(dir.path().join("colloquy-interview.schema.json")).unwrap();
    assert_eq!(
        exported,
        fs::read_to_string("schemas/colloquy-interview.schema.json").unwrap()
    );
    assert!(dir.path().join("newsml-g2/xml-lang.xsd").exists());
    colloquy().args(["schema", "show", "nope"]).assert().code(2);
}
