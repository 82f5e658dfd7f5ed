//! Issue 10: concurrent runs, hostile names and keys, huge and deep inputs. Nothing is
//! lost or mixed, nothing hangs, nothing aborts.

use assert_cmd::Command;
use std::fs;
use std::path::Path;

fn colloquy() -> Command {
    let mut cmd = Command::cargo_bin("colloquy").unwrap();
    cmd.env_remove("SOURCE_DATE_EPOCH").env_remove("CI");
    cmd
}

fn interview(n: usize) -> String {
    format!(
        "Why did bridge {n} take {n} months to build?\n\
         The river bed was softer than the survey said, so the piers went {n} metres deeper.\n\
         What will the bridge change for the town?\n\
         Children on the east bank can walk to school again.\n\
         Source: https://news.example.org/bridges/{n}\n"
    )
}

/// Two batches with different metadata into one directory at the same time: every
/// interview's .jsonld and .newsml.xml come from one run, and a run that did not write
/// says why. Before the lock and the no-replace rename, 569 of 2 000 pairs were mixed.
fn two_concurrent_runs(force: bool) {
    let dir = tempfile::tempdir().unwrap();
    let inputs = dir.path().join("in");
    fs::create_dir_all(&inputs).unwrap();
    let total = 200;
    for n in 0..total {
        fs::write(inputs.join(format!("i{n:03}.txt")), interview(n)).unwrap();
    }
    let out = dir.path().join("out");
    let bin = assert_cmd::cargo::cargo_bin("colloquy");
    let spawn = |headline: &str| {
        let mut cmd = std::process::Command::new(&bin);
        cmd.arg("convert")
            .arg(&inputs)
            .arg("-o")
            .arg(&out)
            .args(["--headline", headline, "-j", "4"])
            .env_remove("SOURCE_DATE_EPOCH")
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::piped());
        if force {
            cmd.arg("--force");
        }
        cmd.spawn().unwrap()
    };
    let a = spawn("Run Alpha");
    let b = spawn("Run Beta");
    let a = a.wait_with_output().unwrap();
    let b = b.wait_with_output().unwrap();
    let err_a = String::from_utf8_lossy(&a.stderr).to_string();
    let err_b = String::from_utf8_lossy(&b.stderr).to_string();
    assert!(
        a.status.success() || b.status.success(),
        "neither run succeeded:\n{err_a}\n{err_b}"
    );
    for (ok, err) in [(a.status.success(), &err_a), (b.status.success(), &err_b)] {
        if !ok {
            assert!(
                err.contains("another colloquy run") || err.contains("exists with other content"),
                "a run failed without saying why: {err}"
            );
        }
    }
    let mut from = [0, 0];
    for n in 0..total {
        let jsonld = fs::read_to_string(out.join(format!("i{n:03}.jsonld"))).unwrap();
        let newsml = fs::read_to_string(out.join(format!("i{n:03}.newsml.xml"))).unwrap();
        let run_of = |text: &str| {
            let alpha = text.contains("Run Alpha");
            assert_ne!(alpha, text.contains("Run Beta"));
            alpha
        };
        assert_eq!(
            run_of(&jsonld),
            run_of(&newsml),
            "i{n:03}: the .jsonld and the .newsml.xml come from different runs"
        );
        from[usize::from(run_of(&jsonld))] += 1;
    }
    let names: Vec<String> = fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
        .filter(|n| n.ends_with(".tmp"))
        .collect();
    assert!(names.is_empty(), "temp files left: {names:?}");
    eprintln!("pairs from Beta/Alpha: {from:?}");
}

#[test]
fn two_concurrent_runs_into_one_directory_never_mix_an_interviews_outputs() {
    two_concurrent_runs(false);
}

#[test]
fn two_concurrent_forced_runs_into_one_directory_never_mix_an_interviews_outputs() {
    two_concurrent_runs(true);
}

#[test]
fn a_run_into_a_locked_directory_fails_at_once_naming_the_lock() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("a.txt");
    fs::write(&input, interview(1)).unwrap();
    let out = dir.path().join("out");
    fs::create_dir_all(&out).unwrap();
    // Held as another run holds it: an advisory lock on the lock file.
    let held = fs::OpenOptions::new()
        .write(true)
        .create(true)
        .truncate(true)
        .open(out.join(".colloquy.lock"))
        .unwrap();
    held.lock().unwrap();
    fs::write(out.join(".colloquy.lock"), "4242").unwrap();
    let assert = colloquy()
        .arg("convert")
        .arg(&input)
        .arg("-o")
        .arg(&out)
        .timeout(std::time::Duration::from_secs(60))
        .assert()
        .code(1);
    let err = String::from_utf8_lossy(&assert.get_output().stderr).to_string();
    assert!(
        err.contains("another colloquy run (pid 4242)") && err.contains(".colloquy.lock"),
        "{err}"
    );
    assert!(!out.join("a.jsonld").exists());
    drop(held);
    colloquy()
        .arg("convert")
        .arg(&input)
        .arg("-o")
        .arg(&out)
        .assert()
        .success();
}

#[test]
fn stale_temp_files_of_a_killed_run_are_removed_and_outputs_get_the_umask_mode() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("a.txt");
    fs::write(&input, interview(2)).unwrap();
    let out = dir.path().join("out");
    fs::create_dir_all(&out).unwrap();
    fs::write(out.join(".colloquy-AbC123.tmp"), "half a docu").unwrap();
    fs::write(out.join("mine.tmp"), "not colloquy's").unwrap();
    colloquy()
        .arg("convert")
        .arg(&input)
        .arg("-o")
        .arg(&out)
        .assert()
        .success();
    assert!(!out.join(".colloquy-AbC123.tmp").exists());
    assert!(out.join("mine.tmp").exists());
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let probe = dir.path().join("probe");
        fs::File::create(&probe).unwrap();
        let mode = |p: &Path| fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&out.join("a.jsonld")), mode(&probe));
        assert_eq!(mode(&out.join("a.newsml.xml")), mode(&probe));
    }
}

#[test]
fn a_newsml_message_never_replaces_a_sidecar_even_with_force() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("a.txt");
    fs::write(&input, interview(3)).unwrap();
    let sidecar = dir.path().join("other.meta.toml");
    fs::write(&sidecar, "headline = \"Kept\"\n").unwrap();
    colloquy()
        .arg("convert")
        .arg(&input)
        .arg("-o")
        .arg(dir.path().join("out"))
        .arg("--newsml-message")
        .arg(&sidecar)
        .arg("--force")
        .assert()
        .code(2);
    assert_eq!(
        fs::read_to_string(&sidecar).unwrap(),
        "headline = \"Kept\"\n"
    );
}

// ---- Reports escape what they must -------------------------------------------------

const EVIL_NAME: &str = "evil\u{1b}[2J\n::error file=evil.txt::INJECTED name.jsonld";
const EVIL_KEY: &str = "x\n::error file=evil.txt::INJECTED\u{1b}[31m\u{7}";

fn hostile_reports() -> Vec<colloquy::check::FileReport> {
    let checker = colloquy::check::Checker::new(None).unwrap();
    // The key twice: the duplicate-key finding quotes it.
    let key = serde_json::to_string(EVIL_KEY).unwrap();
    let doc = format!(
        "{{\"@context\": \"https://schema.org\", \"@type\": \"NewsArticle\", \"headline\": \"h\", {key}: 1, {key}: 2}}"
    );
    vec![
        checker.check(EVIL_NAME, doc.as_bytes()),
        checker.check("plain.jsonld", doc.as_bytes()),
    ]
}

/// No raw control character but the line breaks the format itself puts, and no line
/// that GitHub Actions would run as a workflow command unless the format makes it one.
fn assert_safe(format: &str, out: &str, commands_allowed: bool) {
    for (n, line) in out.lines().enumerate() {
        assert!(
            !line.chars().any(|c| c.is_control() && c != '\t'),
            "{format} line {n} holds a raw control character: {line:?}"
        );
        if !commands_allowed {
            assert!(
                !line.trim_start().starts_with("::"),
                "{format} line {n} is a workflow command: {line:?}"
            );
        }
    }
}

fn holds_string(v: &serde_json::Value, wanted: &str) -> bool {
    match v {
        serde_json::Value::String(s) => s == wanted,
        serde_json::Value::Array(a) => a.iter().any(|v| holds_string(v, wanted)),
        serde_json::Value::Object(o) => o.values().any(|v| holds_string(v, wanted)),
        _ => false,
    }
}

#[test]
fn every_report_format_escapes_a_hostile_file_name_and_json_key() {
    use colloquy::check::report::{render, Format};
    let reports = hostile_reports();
    let key_findings: usize = reports
        .iter()
        .flat_map(|r| &r.findings)
        .filter(|f| f.message.contains("INJECTED"))
        .count();
    assert!(
        key_findings >= 2,
        "the hostile key is not reported: {reports:#?}"
    );
    let findings: usize = reports.iter().map(|r| r.findings.len()).sum();
    for format in [
        Format::Human,
        Format::Json,
        Format::Ndjson,
        Format::Junit,
        Format::Sarif,
        Format::Github,
    ] {
        let out = render(format, &reports);
        let name = format!("{format:?}");
        assert_safe(&name, &out, format == Format::Github);
        match format {
            Format::Json | Format::Sarif => {
                let v: serde_json::Value = serde_json::from_str(&out).unwrap();
                // Lossless: JSON carries the name and key exactly, escaped by JSON.
                // JSON carries the name exactly (SARIF as a URI), escaped by JSON itself.
                if format == Format::Json {
                    assert!(holds_string(&v, EVIL_NAME), "{out}");
                }
            }
            Format::Ndjson => {
                for line in out.lines() {
                    serde_json::from_str::<serde_json::Value>(line).unwrap();
                }
            }
            Format::Junit => {
                let mut reader = quick_xml::Reader::from_str(&out);
                loop {
                    match reader.read_event() {
                        Ok(quick_xml::events::Event::Eof) => break,
                        Ok(_) => {}
                        Err(e) => panic!("JUnit is not well-formed: {e}\n{out}"),
                    }
                }
                assert_eq!(out.matches("<testcase ").count(), 2);
            }
            Format::Github => {
                let commands = out.lines().filter(|l| l.starts_with("::")).count();
                assert_eq!(commands, findings, "{out}");
                assert!(!out.contains("\n::error file=evil.txt"), "{out}");
            }
            Format::Human => {
                assert!(out.contains("evil\\u{1b}[2J\\n::error"), "{out}");
            }
        }
    }
}

#[test]
fn stderr_and_reports_of_convert_escape_a_hostile_file_name() {
    let dir = tempfile::tempdir().unwrap();
    let name = "::warning a\u{1b}[2J\n::error file=evil.txt::INJECTED.txt";
    // Empty: a failed input, named on stderr and in the report.
    fs::write(dir.path().join(name), "").unwrap();
    fs::write(dir.path().join("good.txt"), interview(4)).unwrap();
    for format in ["human", "junit", "github", "sarif", "json"] {
        let out = dir.path().join(format!("out-{format}"));
        let assert = colloquy()
            .current_dir(dir.path())
            .args(["convert", name, "good.txt", "--report", format, "-o"])
            .arg(&out)
            .assert()
            .code(1);
        let stderr = String::from_utf8_lossy(&assert.get_output().stderr).to_string();
        let stdout = String::from_utf8_lossy(&assert.get_output().stdout).to_string();
        assert_safe("stderr", &stderr, false);
        assert!(stderr.contains("INJECTED"), "{stderr}");
        assert_safe(format, &stdout, format == "github");
        if format == "github" {
            // The name is one escaped property, never a command of its own.
            assert!(!stdout.contains("\n::error file=evil.txt"), "{stdout}");
        }
        assert!(out.join("good.jsonld").exists());
    }
}

// ---- Only regular files and stdin are read; a size limit -----------------------------

fn stderr_of(a: &assert_cmd::assert::Assert) -> String {
    String::from_utf8_lossy(&a.get_output().stderr).to_string()
}

const NO_HANG: std::time::Duration = std::time::Duration::from_secs(60);

#[cfg(unix)]
#[test]
fn a_fifo_named_as_a_sidecar_is_an_error_naming_it_never_a_hang_or_silence() {
    use std::os::unix::fs::FileTypeExt;
    // Someone put it there as the input's metadata: leaving it out silently would write
    // a record without what it says.
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("talk.txt"), interview(5)).unwrap();
    fs::write(dir.path().join("other.txt"), interview(6)).unwrap();
    let made = std::process::Command::new("mkfifo")
        .arg(dir.path().join("talk.meta.toml"))
        .status()
        .unwrap();
    assert!(made.success());
    for args in [
        &["convert", "talk.txt", "--to", "jsonld", "--stdout"][..],
        &["convert", ".", "-o", "out"][..],
    ] {
        let a = colloquy()
            .current_dir(dir.path())
            .args(args)
            .timeout(NO_HANG)
            .assert()
            .code(1);
        let err = stderr_of(&a);
        assert!(err.contains("talk.meta.toml"), "{args:?}: {err}");
        assert!(err.contains("not a regular file"), "{args:?}: {err}");
    }
    // The batch went on past it.
    assert!(dir.path().join("out/other.jsonld").exists());
    assert!(!dir.path().join("out/talk.jsonld").exists());
    // A FIFO put where an output was: the re-run neither hangs on it nor replaces it.
    fs::remove_file(dir.path().join("talk.meta.toml")).unwrap();
    let output = dir.path().join("out/other.jsonld");
    fs::remove_file(&output).unwrap();
    let made = std::process::Command::new("mkfifo")
        .arg(&output)
        .status()
        .unwrap();
    assert!(made.success());
    for force in [&[][..], &["--force"][..]] {
        let a = colloquy()
            .current_dir(dir.path())
            .args(["convert", ".", "-o", "out"])
            .args(force)
            .timeout(NO_HANG)
            .assert()
            .code(1);
        let err = stderr_of(&a);
        assert!(
            err.contains("other.jsonld") && err.contains("not a regular file"),
            "{force:?}: {err}"
        );
        assert!(fs::metadata(&output).unwrap().file_type().is_fifo());
    }
    assert!(dir.path().join("out/talk.jsonld").exists());
}

#[cfg(unix)]
#[test]
fn a_fifo_or_device_named_explicitly_is_a_one_line_error_never_a_hang() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("pipe.txt");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap();
    assert!(made.success());
    fs::write(dir.path().join("good.txt"), interview(5)).unwrap();
    let a = colloquy()
        .current_dir(dir.path())
        .args(["convert", "pipe.txt", "/dev/zero", "good.txt", "-o", "out"])
        .timeout(NO_HANG)
        .assert()
        .code(1);
    let err = stderr_of(&a);
    assert!(
        err.contains("colloquy: error: pipe.txt: is a FIFO (named pipe), not a regular file"),
        "{err}"
    );
    assert!(
        err.contains("colloquy: error: /dev/zero: is a character device, not a regular file"),
        "{err}"
    );
    assert!(err.contains("3 input(s): 1 converted, 2 failed"), "{err}");
    assert!(dir.path().join("out/good.jsonld").exists());
    // validate: a finding for each, in the report; the other file is still checked.
    fs::write(
        dir.path().join("ok.jsonld"),
        "{\"@context\": \"https://schema.org\", \"@type\": \"Person\", \"name\": \"A\"}",
    )
    .unwrap();
    let a = colloquy()
        .current_dir(dir.path())
        .args(["validate", "pipe.txt", "/dev/zero", "ok.jsonld"])
        .timeout(NO_HANG)
        .assert()
        .code(1);
    let out = String::from_utf8_lossy(&a.get_output().stdout).to_string();
    assert!(
        out.contains("pipe.txt: error input/unreadable: is a FIFO"),
        "{out}"
    );
    assert!(
        out.contains("/dev/zero: error input/unreadable: is a character device"),
        "{out}"
    );
    assert!(out.contains("3 files checked: 2 invalid"), "{out}");
    // message reads its shares in pieces: a FIFO named as one is refused the same way.
    fs::rename(&fifo, dir.path().join("pipe.newsml.xml")).unwrap();
    let a = colloquy()
        .current_dir(dir.path())
        .args(["message", "pipe.newsml.xml", "-o", "all.newsml.xml"])
        .timeout(NO_HANG)
        .assert()
        .code(1);
    let err = stderr_of(&a);
    assert!(
        err.contains(
            "colloquy: error: pipe.newsml.xml: is a FIFO (named pipe), not a regular file"
        ),
        "{err}"
    );
}

#[test]
fn an_input_above_the_size_limit_fails_alone_and_the_batch_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    // Sparse: 65 MiB by its size, nothing on disk; above the default 64 MiB.
    let huge = fs::File::create(dir.path().join("huge.txt")).unwrap();
    huge.set_len(65 * 1024 * 1024).unwrap();
    fs::write(dir.path().join("big.txt"), interview(6).repeat(20)).unwrap();
    fs::write(dir.path().join("good.txt"), interview(7)).unwrap();
    let a = colloquy()
        .current_dir(dir.path())
        .args([
            "convert", "huge.txt", "good.txt", "-o", "out", "--report", "junit",
        ])
        .timeout(NO_HANG)
        .assert()
        .code(1);
    let err = stderr_of(&a);
    assert!(
        err.contains("colloquy: error: huge.txt: larger than the input size limit of 67108864 bytes; raise it with --max-input-size"),
        "{err}"
    );
    let report = String::from_utf8_lossy(&a.get_output().stdout).to_string();
    assert!(
        report.contains("name=\"huge.txt\"") && report.contains("name=\"good.txt\""),
        "{report}"
    );
    assert!(dir.path().join("out/good.jsonld").exists());
    // The flag sets the limit.
    let a = colloquy()
        .current_dir(dir.path())
        .args([
            "convert",
            "big.txt",
            "good.txt",
            "-o",
            "out2",
            "--max-input-size",
            "2K",
        ])
        .assert()
        .code(1);
    let err = stderr_of(&a);
    assert!(
        err.contains("big.txt: larger than the input size limit of 2048 bytes"),
        "{err}"
    );
    assert_eq!(err.matches("colloquy: error:").count(), 1, "{err}");
    colloquy()
        .current_dir(dir.path())
        .args(["convert", "big.txt", "-o", "out3", "--max-input-size", "1M"])
        .assert()
        .success();
    colloquy()
        .args(["convert", "x.txt", "--max-input-size", "lots"])
        .assert()
        .code(2);
}

/// Runs colloquy with `/dev/zero` as standard input (never read into the test's own
/// memory), killed and failed after [`NO_HANG`]; returns exit code and stderr.
#[cfg(unix)]
fn run_on_endless_stdin(dir: &Path, args: &[&str]) -> (Option<i32>, String) {
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("colloquy"))
        .current_dir(dir)
        .args(args)
        .stdin(fs::File::open("/dev/zero").unwrap())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let start = std::time::Instant::now();
    while child.try_wait().unwrap().is_none() {
        if start.elapsed() > NO_HANG {
            child.kill().unwrap();
            panic!("colloquy {args:?} still reading an endless standard input");
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    let out = child.wait_with_output().unwrap();
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stderr).to_string(),
    )
}

#[cfg(unix)]
#[test]
fn endless_standard_input_stops_at_the_limit() {
    let dir = tempfile::tempdir().unwrap();
    let (code, err) = run_on_endless_stdin(
        dir.path(),
        &["convert", "-", "-o", "out", "--max-input-size", "1M"],
    );
    assert_eq!(code, Some(1), "{err}");
    assert!(
        err.contains("colloquy: error: -: larger than the input size limit of 1048576 bytes"),
        "{err}"
    );
    // An endless --files-from list stops at its bound too.
    let (code, err) =
        run_on_endless_stdin(dir.path(), &["convert", "--files-from", "-", "-o", "out"]);
    assert_eq!(code, Some(1), "{err}");
    assert!(
        err.contains("--files-from -: cannot read the list of inputs: longer than"),
        "{err}"
    );
}

// ---- Deep nesting never aborts validate ----------------------------------------------

fn deep_has_part(levels: usize) -> String {
    let head = "{\"@context\": \"https://schema.org\", \"@type\": \"NewsArticle\", \"headline\": \"h\", \"hasPart\": ";
    let open = "{\"@type\": \"Question\", \"text\": \"q\", \"hasPart\": ".repeat(levels);
    let close = "}".repeat(levels);
    format!("{head}{open}{{\"@type\": \"Question\", \"text\": \"q\"}}{close}}}")
}

#[test]
fn deep_nesting_is_a_finding_for_that_file_and_the_batch_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    fs::write(
        d.join("arrays.json"),
        format!("{}{}", "[".repeat(10_000), "]".repeat(10_000)),
    )
    .unwrap();
    fs::write(
        d.join("objects.json"),
        format!("{}1{}", "{\"a\": ".repeat(5_000), "}".repeat(5_000)),
    )
    .unwrap();
    fs::write(d.join("parts.jsonld"), deep_has_part(2_000)).unwrap();
    fs::write(
        d.join("page.html"),
        format!(
            "<!DOCTYPE html><html><head><script type=\"application/ld+json\">{}</script></head><body><p>x</p></body></html>",
            deep_has_part(2_000)
        ),
    )
    .unwrap();
    // Just inside the limit: checked in full, on worker threads, without overflow.
    fs::write(d.join("at-limit.jsonld"), deep_has_part(254)).unwrap();
    fs::write(d.join("zz-ok.jsonld"), deep_has_part(1)).unwrap();
    let a = colloquy()
        .current_dir(d)
        .args(["validate", ".", "--report", "json", "-j", "2"])
        .timeout(NO_HANG)
        .assert()
        .code(1);
    let out: serde_json::Value = serde_json::from_slice(&a.get_output().stdout).unwrap();
    let files = out["files"].as_array().expect("files in the JSON report");
    assert_eq!(files.len(), 6, "{out:#}");
    let rules = |name: &str| -> Vec<String> {
        files
            .iter()
            .find(|f| f["path"].as_str().unwrap().ends_with(name))
            .unwrap_or_else(|| panic!("{name} missing from {out:#}"))["findings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["rule"].as_str().unwrap().to_string())
            .collect()
    };
    for name in ["arrays.json", "objects.json", "parts.jsonld", "page.html"] {
        assert!(
            rules(name).contains(&"json/too-deep".to_string()),
            "{name}: {out:#}"
        );
    }
    for name in ["at-limit.jsonld", "zz-ok.jsonld"] {
        let r = rules(name);
        assert!(!r.iter().any(|r| r.starts_with("json/")), "{name}: {r:?}");
    }
}

#[test]
fn deeply_nested_xml_is_a_finding_never_an_abort() {
    let dir = tempfile::tempdir().unwrap();
    let depth = 20_000;
    let xml = format!(
        "<?xml version=\"1.0\"?><newsItem xmlns=\"http://iptc.org/std/nar/2006-10-01/\">{}{}</newsItem>",
        "<x>".repeat(depth),
        "</x>".repeat(depth)
    );
    fs::write(dir.path().join("deep.xml"), xml).unwrap();
    let a = colloquy()
        .current_dir(dir.path())
        .args(["validate", "deep.xml"])
        .timeout(NO_HANG)
        .assert()
        .code(1);
    let out = String::from_utf8_lossy(&a.get_output().stdout).to_string();
    assert!(out.contains("deep.xml:1:"), "{out}");
    assert!(out.contains("error xml/too-deep"), "{out}");
    assert!(out.contains("1 file checked: 1 invalid"), "{out}");
}

#[test]
fn a_hostile_manifest_row_cannot_inject_a_workflow_command_on_stderr() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("a.txt"), interview(8)).unwrap();
    fs::write(
        dir.path().join("m.csv"),
        "file,headline\n\"x\n::error file=evil.txt::INJECTED\u{1b}[2J\",H\n",
    )
    .unwrap();
    let a = colloquy()
        .current_dir(dir.path())
        .args(["convert", "a.txt", "--manifest", "m.csv", "-o", "out"])
        .timeout(NO_HANG)
        .assert();
    let err = stderr_of(&a);
    assert!(err.contains("INJECTED"), "{err}");
    assert_safe("stderr", &err, false);
}
