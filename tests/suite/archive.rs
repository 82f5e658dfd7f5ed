//! What an archivist meets on the command line: the archive profile (`colloquy.toml`)
//! filling a whole batch, `colloquy init`, reproducible `versionCreated` (stated value,
//! SOURCE_DATE_EPOCH, file time; never a filler epoch), the provider placeholder instead
//! of colloquy's name, the fallback HTML title, and the per-subcommand man pages.

use assert_cmd::Command;
use std::fs;
use std::path::Path;

fn colloquy() -> Command {
    let mut cmd = Command::cargo_bin("colloquy").unwrap();
    cmd.env_remove("SOURCE_DATE_EPOCH").env_remove("CI");
    cmd
}

fn samples_into(dir: &Path) {
    let to = dir.join("texts");
    fs::create_dir_all(&to).unwrap();
    for e in fs::read_dir("samples").unwrap() {
        let p = e.unwrap().path();
        fs::copy(&p, to.join(p.file_name().unwrap())).unwrap();
    }
}

fn read_all(dir: &Path, suffix: &str) -> Vec<(String, String)> {
    let mut v: Vec<(String, String)> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.to_string_lossy().ends_with(suffix))
        .map(|p| (p.display().to_string(), fs::read_to_string(&p).unwrap()))
        .collect();
    v.sort();
    v
}

const PROFILE: &str = r#"
provider = "https://oralhistory.example.org/"
default_language = "en"
[publisher]
name = "Example Oral History Center"
url = "https://oralhistory.example.org/"
[rights]
license = "https://creativecommons.org/licenses/by-nc/4.0/"
[collection]
name = "Harbour Workers Oral History Project"
url = "https://oralhistory.example.org/collections/harbour"
"#;

#[test]
fn a_profile_with_a_publisher_fills_every_output_of_a_batch() {
    let dir = tempfile::tempdir().unwrap();
    samples_into(dir.path());
    fs::write(dir.path().join("colloquy.toml"), PROFILE).unwrap();
    // Found from a subdirectory: the profile sits in a parent.
    let work = dir.path().join("texts");
    let out = colloquy()
        .current_dir(&work)
        .env("SOURCE_DATE_EPOCH", "1700000000")
        .args([
            "convert",
            ".",
            "-o",
            "../out",
            "--to",
            "jsonld,newsml,dc,html",
        ])
        .assert()
        .success();
    let stderr = String::from_utf8_lossy(&out.get_output().stderr).to_string();
    assert!(stderr.contains("archive profile"), "{stderr}");
    assert!(!stderr.contains("no-provider"), "{stderr}");
    let outdir = dir.path().join("out");
    let jsonld = read_all(&outdir, ".jsonld");
    assert_eq!(jsonld.len(), 7);
    for (name, text) in &jsonld {
        let doc: serde_json::Value = serde_json::from_str(text).unwrap();
        // The profile is above the text: a sample naming another publisher gets the
        // profile's too (with a meta-conflict warning).
        assert_eq!(
            doc["publisher"]["name"], "Example Oral History Center",
            "{name}"
        );
        assert_eq!(
            doc["isPartOf"][0]["name"], "Harbour Workers Oral History Project",
            "{name}"
        );
        assert_eq!(
            doc["license"], "https://creativecommons.org/licenses/by-nc/4.0/",
            "{name}"
        );
    }
    for (name, text) in read_all(&outdir, ".newsml.xml") {
        assert!(
            text.contains(r#"<provider uri="https://oralhistory.example.org/"/>"#),
            "{name}"
        );
        assert!(
            text.contains("<memberOf uri=\"https://oralhistory.example.org/collections/harbour\">"),
            "{name}"
        );
    }
    for (name, text) in read_all(&outdir, ".dc.xml") {
        assert!(text.contains("<dc:publisher>"), "{name}");
    }
    // The default language replaces no stated one: the German sample stays German.
    let de = fs::read_to_string(outdir.join("de-bergfuehrerin.jsonld")).unwrap();
    assert!(de.contains("\"inLanguage\": \"de\""));

    // inspect says where the value came from.
    let shown = colloquy()
        .current_dir(&work)
        .args(["inspect", "vi-nha-gom.txt"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let shown = String::from_utf8_lossy(&shown);
    assert!(
        shown.contains("archive profile") && shown.contains("[publisher.name]"),
        "{shown}"
    );
}

#[test]
fn a_flag_beats_the_profile_and_a_bad_profile_is_an_error_with_its_place() {
    let dir = tempfile::tempdir().unwrap();
    let profile = dir.path().join("p.toml");
    fs::write(&profile, PROFILE).unwrap();
    let out = colloquy()
        .args([
            "convert",
            "samples/vi-nha-gom.txt",
            "--to",
            "jsonld",
            "--stdout",
        ])
        .arg("--config")
        .arg(&profile)
        .args(["--publisher", "Flag Press"])
        .assert()
        .success();
    let doc: serde_json::Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    assert_eq!(doc["publisher"]["name"], "Flag Press");
    fs::write(&profile, "[publisher]\nname = \"X\"\nlicence = \"y\"\n").unwrap();
    let out = colloquy()
        .args([
            "convert",
            "samples/vi-nha-gom.txt",
            "--to",
            "jsonld",
            "--stdout",
        ])
        .arg("--config")
        .arg(&profile)
        .assert()
        .code(1);
    let stderr = String::from_utf8_lossy(&out.get_output().stderr).to_string();
    assert!(
        stderr.contains("p.toml:3:1: unknown key 'licence'"),
        "{stderr}"
    );
}

#[test]
fn without_a_provider_newsml_says_so_and_never_names_colloquy() {
    let dir = tempfile::tempdir().unwrap();
    let out = colloquy()
        .current_dir(dir.path())
        .env("SOURCE_DATE_EPOCH", "1700000000")
        .arg("convert")
        .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("samples/vi-nha-gom.txt"))
        .args(["--to", "newsml", "--stdout"])
        .assert()
        .success();
    let xml = String::from_utf8_lossy(&out.get_output().stdout).to_string();
    let stderr = String::from_utf8_lossy(&out.get_output().stderr).to_string();
    assert!(
        xml.contains(r#"<provider literal="provider-not-stated"/>"#),
        "{xml}"
    );
    assert!(!xml.contains("colloquy"), "{xml}");
    assert!(stderr.contains("warning: no-provider"), "{stderr}");
}

#[test]
fn version_created_is_stated_else_source_date_epoch_else_the_file_time() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("a.txt");
    fs::copy("samples/vi-nha-gom.txt", &input).unwrap();
    let when = std::time::UNIX_EPOCH + std::time::Duration::from_secs(1_650_000_000);
    fs::File::options()
        .write(true)
        .open(&input)
        .unwrap()
        .set_modified(when)
        .unwrap();
    let run = |sde: Option<&str>| {
        let mut cmd = colloquy();
        if let Some(s) = sde {
            cmd.env("SOURCE_DATE_EPOCH", s);
        }
        let out = cmd
            .arg("convert")
            .arg(&input)
            .args(["--to", "newsml", "--stdout"])
            .assert()
            .success();
        let stderr = String::from_utf8_lossy(&out.get_output().stderr).to_string();
        assert!(!stderr.contains("1970"), "{stderr}");
        String::from_utf8_lossy(&out.get_output().stdout).to_string()
    };
    let by_file = run(None);
    assert!(by_file.contains("<versionCreated>2022-04-15T05:20:00Z</versionCreated>"));
    // Byte-identical across runs with the same inputs and environment.
    assert_eq!(by_file, run(None));
    let by_epoch = run(Some("1700000000"));
    assert!(by_epoch.contains("<versionCreated>2023-11-14T22:13:20Z</versionCreated>"));
    // A stated time wins over both.
    let out = colloquy()
        .env("SOURCE_DATE_EPOCH", "1700000000")
        .arg("convert")
        .arg(&input)
        .args(["--to", "newsml", "--stdout"])
        .args(["--modified", "2024-03-15T09:30:00+07:00"])
        .assert()
        .success();
    let stated = String::from_utf8_lossy(&out.get_output().stdout);
    assert!(stated.contains("<versionCreated>2024-03-15T09:30:00+07:00</versionCreated>"));
}

#[test]
fn standard_input_without_a_time_fails_newsml_clearly_but_not_jsonld() {
    let text = fs::read("samples/vi-nha-gom.txt").unwrap();
    let out = colloquy()
        .args(["convert", "-", "--to", "newsml", "--stdout"])
        .write_stdin(text.clone())
        .assert()
        .code(1);
    let stderr = String::from_utf8_lossy(&out.get_output().stderr).to_string();
    assert!(
        stderr.contains("--version-created") && stderr.contains("SOURCE_DATE_EPOCH"),
        "{stderr}"
    );
    assert!(out.get_output().stdout.is_empty());
    colloquy()
        .args(["convert", "-", "--to", "jsonld", "--stdout"])
        .write_stdin(text.clone())
        .assert()
        .success();
    colloquy()
        .env("SOURCE_DATE_EPOCH", "1700000000")
        .args(["convert", "-", "--to", "newsml", "--stdout"])
        .write_stdin(text)
        .assert()
        .success();
}

#[test]
fn init_writes_a_commented_profile_once() {
    let dir = tempfile::tempdir().unwrap();
    colloquy()
        .current_dir(dir.path())
        .arg("init")
        .assert()
        .success();
    let written = fs::read_to_string(dir.path().join("colloquy.toml")).unwrap();
    assert!(written.contains("# [publisher]") && written.contains("# default_language"));
    // It states nothing until filled in: a run with it is a run without it.
    let input = Path::new(env!("CARGO_MANIFEST_DIR")).join("samples/vi-nha-gom.txt");
    let with = colloquy()
        .current_dir(dir.path())
        .arg("convert")
        .arg(&input)
        .args(["--to", "jsonld", "--stdout"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let without = colloquy()
        .arg("convert")
        .arg(&input)
        .args(["--to", "jsonld", "--stdout"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    assert_eq!(with, without);
    fs::write(dir.path().join("colloquy.toml"), "# mine\n").unwrap();
    colloquy()
        .current_dir(dir.path())
        .arg("init")
        .assert()
        .code(1);
    assert_eq!(
        fs::read_to_string(dir.path().join("colloquy.toml")).unwrap(),
        "# mine\n"
    );
}

#[test]
fn a_page_without_headline_is_titled_from_facts_only() {
    let out = colloquy()
        .args([
            "convert",
            "samples/en-harbour-master.txt",
            "--to",
            "html",
            "--stdout",
        ])
        .assert()
        .success();
    let html = String::from_utf8_lossy(&out.get_output().stdout).to_string();
    let jsonld = colloquy()
        .args([
            "convert",
            "samples/en-harbour-master.txt",
            "--to",
            "jsonld",
            "--stdout",
        ])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let doc: serde_json::Value = serde_json::from_slice(&jsonld).unwrap();
    let name = doc["about"][0]["@id"].as_str().map(|_| ());
    assert!(name.is_some(), "the sample names its interviewee");
    assert!(doc.get("headline").is_none(), "the sample has no headline");
    assert!(html.contains("<title>Interview with "), "{html}");
    assert!(!html.contains("<h1>"), "the fallback title is no headline");
}

#[test]
fn each_subcommand_has_a_man_page_with_options_and_exit_codes() {
    for sub in ["convert", "validate", "inspect", "schema", "init"] {
        let out = colloquy().args(["man", sub]).assert().success();
        let roff = String::from_utf8_lossy(&out.get_output().stdout).to_string();
        assert!(roff.contains(&format!("colloquy\\-{sub}")), "{sub}");
        assert!(roff.contains(".SH \"EXIT STATUS\""), "{sub}");
        assert!(roff.contains(".SH OPTIONS"), "{sub}");
    }
    let out = colloquy().args(["man", "convert"]).assert().success();
    let roff = String::from_utf8_lossy(&out.get_output().stdout).to_string();
    assert!(roff.contains("\\-\\-config") && roff.contains("\\-\\-version\\-created"));
    colloquy().args(["man", "nonsense"]).assert().code(2);
}
