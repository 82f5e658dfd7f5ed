//! Batches as a librarian runs them: a thousand inputs with bad ones mixed in, on
//! several threads, twice.

use assert_cmd::Command;
use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

fn colloquy() -> Command {
    let mut cmd = Command::cargo_bin("colloquy").unwrap();
    cmd.env_remove("SOURCE_DATE_EPOCH").env_remove("CI");
    cmd
}

/// A short interview in the scraped-text shape, different for every `n`.
fn interview(n: usize) -> String {
    format!(
        "![]() |\nMayor Ana Lindqvist{n} at the opening of bridge number {n}. (Photo: Studio {n}) |\n\
         Why did bridge {n} take {n} months to build?\n\
         The river bed was softer than the survey said, so the piers had to go {n} metres deeper.\n\
         What will the bridge change for the town?\n\
         Children on the east bank can walk to school again.\n\
         Thank you very much, Mayor!\n\
         Source: https://news.example.org/bridges/{n}\n"
    )
}

fn make_batch(dir: &Path, total: usize) -> Vec<String> {
    let mut bad = Vec::new();
    for n in 0..total {
        let sub = dir.join(format!("part{}", n % 7));
        fs::create_dir_all(&sub).unwrap();
        let path = sub.join(format!("interview-{n:04}.txt"));
        match n % 97 {
            13 => {
                fs::write(&path, "").unwrap();
                bad.push(path);
            }
            42 => {
                fs::write(&path, b"Why?\n\xff\xfe broken\n").unwrap();
                bad.push(path);
            }
            77 => {
                fs::write(&path, "Just a paragraph of prose about bridges.\n").unwrap();
                bad.push(path);
            }
            _ => fs::write(&path, interview(n)).unwrap(),
        }
    }
    let mut names: Vec<String> = bad
        .iter()
        .map(|p| p.file_name().unwrap().to_string_lossy().to_string())
        .collect();
    names.sort();
    names
}

fn tree(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .map(Result::unwrap)
        // The run's record (.colloquy-state) is no output.
        .filter(|e| e.file_type().is_file() && e.file_name() != colloquy::state::STATE_FILE)
        .map(|e| {
            let rel = e.path().strip_prefix(dir).unwrap().display().to_string();
            (rel, fs::read(e.path()).unwrap())
        })
        .collect()
}

#[test]
fn a_thousand_inputs_with_bad_ones_mixed_in() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    let bad = make_batch(&input, 1000);
    assert_eq!(bad.len(), 31);

    let out4 = dir.path().join("out4");
    let assert = colloquy()
        .args(["convert", "--jobs", "4", "-o"])
        .arg(&out4)
        .arg(&input)
        .assert()
        .code(1);
    let stderr = String::from_utf8_lossy(&assert.get_output().stderr).to_string();
    // Exactly the bad inputs fail, each named once.
    let mut failed: Vec<String> = stderr
        .lines()
        .filter(|l| l.starts_with("colloquy: error:"))
        .map(|l| {
            let start = l.find("interview-").expect("error names the input");
            l[start..start + "interview-0000.txt".len()].to_string()
        })
        .collect();
    failed.sort();
    assert_eq!(failed, bad, "{stderr}");
    assert!(
        stderr.contains("1000 input(s): 969 converted, 31 failed; files: 1938 written"),
        "{stderr}"
    );
    let written = tree(&out4);
    assert_eq!(written.len(), 969 * 2);
    assert!(written.contains_key("part0/interview-0000.jsonld"));

    // The same batch on one thread gives byte-identical files.
    let out1 = dir.path().join("out1");
    colloquy()
        .args(["convert", "--jobs", "1", "-o"])
        .arg(&out1)
        .arg(&input)
        .assert()
        .code(1);
    assert!(tree(&out1) == written, "--jobs 1 and --jobs 4 differ");

    // A re-run touches nothing.
    let assert = colloquy()
        .args(["convert", "-o"])
        .arg(&out4)
        .arg(&input)
        .assert()
        .code(1);
    let stderr = String::from_utf8_lossy(&assert.get_output().stderr).to_string();
    assert!(stderr.contains("0 written, 1938 unchanged"), "{stderr}");
}

#[test]
fn two_inputs_for_one_output_stop_the_batch_before_any_write() {
    let dir = tempfile::tempdir().unwrap();
    for sub in ["a", "b"] {
        fs::create_dir_all(dir.path().join(sub)).unwrap();
        fs::write(dir.path().join(sub).join("same.txt"), interview(1)).unwrap();
    }
    let out = dir.path().join("out");
    colloquy()
        .current_dir(dir.path())
        .args([
            "convert",
            "a/same.txt",
            "b/same.txt",
            "--to",
            "jsonld",
            "-o",
            "out",
        ])
        .assert()
        .success();
    assert!(out.join("a/same.jsonld").exists() && out.join("b/same.jsonld").exists());
    // The same two inputs given by absolute paths are named by file name and collide.
    let assert = colloquy()
        .arg("convert")
        .arg(dir.path().join("a/same.txt"))
        .arg(dir.path().join("b/same.txt"))
        .args(["-o"])
        .arg(dir.path().join("out2"))
        .assert()
        .code(1);
    let stderr = String::from_utf8_lossy(&assert.get_output().stderr).to_string();
    assert!(stderr.contains("would be written here"), "{stderr}");
    assert!(!dir.path().join("out2").exists());
    // With --report, CI gets the reason in the report, not an empty one.
    let assert = colloquy()
        .arg("convert")
        .arg(dir.path().join("a/same.txt"))
        .arg(dir.path().join("b/same.txt"))
        .args(["--report", "junit", "-o"])
        .arg(dir.path().join("out2"))
        .assert()
        .code(1);
    let junit = String::from_utf8_lossy(&assert.get_output().stdout).to_string();
    assert!(
        junit.contains("failures=\"1\"") && junit.contains("convert/write"),
        "{junit}"
    );
}

#[test]
fn an_input_is_never_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    // An interview saved under a name that is also its output's name.
    fs::write(dir.path().join("x.jsonld"), interview(2)).unwrap();
    let before = fs::read(dir.path().join("x.jsonld")).unwrap();
    colloquy()
        .current_dir(dir.path())
        .args([
            "convert", "x.jsonld", "--to", "jsonld", "--force", "-o", ".",
        ])
        .assert()
        .code(1)
        .stderr(predicates::str::contains("never overwrites an input"));
    assert_eq!(fs::read(dir.path().join("x.jsonld")).unwrap(), before);
}

#[test]
fn globs_and_files_from_name_the_same_inputs() {
    let dir = tempfile::tempdir().unwrap();
    for (n, name) in ["a/one.txt", "a/two.txt", "b/three.txt", "b/skip.md"]
        .iter()
        .enumerate()
    {
        let path = dir.path().join(name);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, interview(n)).unwrap();
    }
    let by_glob = colloquy()
        .current_dir(dir.path())
        .args(["convert", "**/*.txt", "--to", "jsonld", "-o", "g"])
        .assert()
        .success();
    let stderr = String::from_utf8_lossy(&by_glob.get_output().stderr).to_string();
    assert!(stderr.contains("3 input(s)"), "{stderr}");
    let by_list = colloquy()
        .current_dir(dir.path())
        .args(["convert", "--files-from", "-", "--to", "jsonld", "-o", "f"])
        .write_stdin("a/one.txt\na/two.txt\n\nb/three.txt\n")
        .assert()
        .success();
    let stderr = String::from_utf8_lossy(&by_list.get_output().stderr).to_string();
    assert!(stderr.contains("3 input(s)"), "{stderr}");
    assert_eq!(tree(&dir.path().join("g")), tree(&dir.path().join("f")));
    colloquy()
        .current_dir(dir.path())
        .args(["convert", "nothing/*.txt"])
        .assert()
        .code(1)
        .stderr(predicates::str::contains("matches no input"));
}

#[test]
fn one_newsml_message_for_a_batch_is_valid_against_the_official_schema() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    fs::create_dir_all(&input).unwrap();
    for n in 0..5 {
        fs::write(input.join(format!("{n}.txt")), interview(n)).unwrap();
    }
    let message = dir.path().join("batch.newsml.xml");
    colloquy()
        .args([
            "convert",
            "--to",
            "jsonld",
            "--version-created",
            "2025-02-03T04:05:06+01:00",
            "-o",
        ])
        .arg(dir.path().join("out"))
        .arg("--newsml-message")
        .arg(&message)
        .arg(&input)
        .assert()
        .success();
    let xml = fs::read_to_string(&message).unwrap();
    // Per interview: a package, the text item and one picture item per photo.
    assert_eq!(xml.matches("<packageItem ").count(), 5);
    assert_eq!(xml.matches("<newsItem ").count(), 10);
    assert!(xml.contains("<sent>2025-02-03T04:05:06+01:00</sent>"));
    colloquy()
        .args([
            "validate",
            "--xsd",
            "schemas/newsml-g2/iptc/NewsML-G2_2.35-spec-All-Power.xsd",
        ])
        .arg(&message)
        .assert()
        .success();
    // The same source URL twice would give duplicate item ids: refused, not written.
    fs::write(input.join("copy.txt"), interview(0)).unwrap();
    let again = dir.path().join("again.newsml.xml");
    colloquy()
        .args(["convert", "--to", "jsonld", "-o"])
        .arg(dir.path().join("out2"))
        .arg("--newsml-message")
        .arg(&again)
        .arg(&input)
        .assert()
        .code(1)
        .stderr(predicates::str::contains("same GUID"));
    assert!(!again.exists());
}

#[test]
fn convert_reports_one_junit_testcase_per_input() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    make_batch(&input, 20); // inputs 13 (empty) is the one bad file among the first 20
    let out = colloquy()
        .args(["convert", "--to", "jsonld", "--report", "junit", "-o"])
        .arg(dir.path().join("out"))
        .arg(&input)
        .assert()
        .code(1);
    let xml = String::from_utf8_lossy(&out.get_output().stdout).to_string();
    assert_eq!(xml.matches("<testcase").count(), 20, "{xml}");
    // A CI dashboard shows which step reported: the convert run, not a validate run.
    assert!(
        xml.contains(r#"<testsuite name="colloquy convert""#),
        "{xml}"
    );
    assert_eq!(
        xml.matches(r#"classname="colloquy.convert.input""#).count(),
        20,
        "{xml}"
    );
    assert_eq!(xml.matches("<failure").count(), 1, "{xml}");
    assert!(
        xml.contains("convert/read") && xml.contains("interview-0013.txt"),
        "{xml}"
    );
    // The same run as SARIF names the rule with its help text.
    let out = colloquy()
        .args(["convert", "--to", "jsonld", "--report", "sarif", "-o"])
        .arg(dir.path().join("out"))
        .arg(&input)
        .assert()
        .code(1);
    let sarif: serde_json::Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    let results = sarif["runs"][0]["results"].as_array().unwrap();
    assert!(results.iter().any(|r| r["ruleId"] == "convert/read"));
}
