//! The paths a real user gets wrong: a typo among many inputs, an empty directory, a
//! mixed folder, `-o` on a file, an output directory inside the input tree re-run,
//! `--stdout` with flags that write files. Each must name the file, say what to do,
//! and exit 0/1/2 as the README promises.

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
        "Why did bridge {n} take so long to build?\n\
         The river bed was softer than the survey said.\n\
         What will the bridge change for the town?\n\
         Children on the east bank can walk to school again.\n\
         Source: https://news.example.org/bridges/{n}\n"
    )
}

fn stderr_of(assert: &assert_cmd::assert::Assert) -> String {
    String::from_utf8_lossy(&assert.get_output().stderr).to_string()
}

fn files_under(dir: &Path) -> Vec<String> {
    let mut out: Vec<String> = walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        // The run's record (.colloquy-state) is no output.
        .filter(|e| e.file_type().is_file() && e.file_name() != colloquy::state::STATE_FILE)
        .map(|e| e.path().strip_prefix(dir).unwrap().display().to_string())
        .collect();
    out.sort();
    out
}

#[test]
fn a_missing_path_fails_alone_and_the_batch_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("good.txt"), interview(1)).unwrap();
    let assert = colloquy()
        .current_dir(dir.path())
        .args([
            "convert", "typo.txt", "good.txt", "--to", "jsonld", "-o", "out",
        ])
        .assert()
        .code(1);
    let stderr = stderr_of(&assert);
    assert!(
        stderr.contains("colloquy: error: typo.txt: no such file or directory; check the path"),
        "{stderr}"
    );
    assert!(
        stderr.contains("2 input(s): 1 converted, 1 failed"),
        "{stderr}"
    );
    assert!(dir.path().join("out/good.jsonld").exists());
}

#[test]
fn an_empty_directory_is_an_error_not_a_green_run() {
    let dir = tempfile::tempdir().unwrap();
    let empty = dir.path().join("records");
    fs::create_dir(&empty).unwrap();
    fs::write(empty.join("photo.png"), b"\x89PNG").unwrap();
    let assert = colloquy()
        .current_dir(dir.path())
        .args(["convert", "records", "-o", "out"])
        .assert()
        .code(1);
    let stderr = stderr_of(&assert);
    assert!(
        stderr.contains("records: no input file found in this directory (colloquy takes .txt"),
        "{stderr}"
    );
    assert!(stderr.contains("1 other file(s) left out"), "{stderr}");
    // validate on an empty records directory must not pass CI silently either.
    let assert = colloquy()
        .current_dir(dir.path())
        .args(["validate", "records", "--report", "github"])
        .assert()
        .code(1);
    let stdout = String::from_utf8_lossy(&assert.get_output().stdout).to_string();
    assert!(
        stdout.contains("::error file=records,title=input/not-found::no input file found"),
        "{stdout}"
    );
}

#[test]
fn validate_goes_on_past_a_missing_file_and_reports_it() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("a.txt"), interview(2)).unwrap();
    colloquy()
        .current_dir(dir.path())
        .args(["convert", "a.txt", "--to", "jsonld"])
        .assert()
        .success();
    let assert = colloquy()
        .current_dir(dir.path())
        .args(["validate", "gone.jsonld", "a.jsonld", "--report", "junit"])
        .assert()
        .code(1);
    let stdout = String::from_utf8_lossy(&assert.get_output().stdout).to_string();
    assert!(stdout.contains(r#"name="gone.jsonld""#), "{stdout}");
    assert!(stdout.contains(r#"name="a.jsonld""#), "{stdout}");
    assert!(stdout.contains("input/not-found"), "{stdout}");
}

#[test]
fn a_mixed_folder_says_what_it_left_out() {
    let dir = tempfile::tempdir().unwrap();
    let mixed = dir.path().join("mixed");
    fs::create_dir(&mixed).unwrap();
    fs::write(mixed.join("a.txt"), interview(3)).unwrap();
    fs::write(mixed.join(".hidden.txt"), interview(4)).unwrap();
    fs::write(mixed.join("report.docx"), b"PK\x03\x04").unwrap();
    fs::write(mixed.join("data.json"), "{}").unwrap();
    fs::write(mixed.join("a.meta.toml"), "headline = \"A\"\n").unwrap();
    // colloquy's own files of a run into this folder are not counted either.
    fs::write(
        mixed.join(colloquy::state::STATE_FILE),
        "colloquy-state 2\n",
    )
    .unwrap();
    fs::write(mixed.join(".colloquy-x1y2.tmp"), "half").unwrap();
    let assert = colloquy()
        .current_dir(dir.path())
        .args(["convert", "mixed", "--to", "jsonld", "-o", "out"])
        .assert()
        .success();
    let stderr = stderr_of(&assert);
    // The sidecar is used, not left out; the two other files are named in the count.
    // (`data.json` is the first in name order once `.colloquy-*` files are not counted.)
    assert!(
        stderr.contains("colloquy: note: 2 file(s) in the given directories left out (endings colloquy does not take, or broken links), e.g. mixed/data.json"),
        "{stderr}"
    );
    assert_eq!(
        files_under(&dir.path().join("out")),
        [".hidden.jsonld", "a.jsonld"]
    );
}

#[test]
fn an_output_directory_inside_the_input_tree_is_not_read_back() {
    let dir = tempfile::tempdir().unwrap();
    let archive = dir.path().join("archive");
    fs::create_dir(&archive).unwrap();
    fs::write(archive.join("a.txt"), interview(5)).unwrap();
    fs::write(archive.join("b.txt"), interview(6)).unwrap();
    let run = || {
        colloquy()
            .current_dir(dir.path())
            .args([
                "convert",
                "archive",
                "-o",
                "archive/out",
                "--to",
                "html,jsonld",
            ])
            .assert()
            .success()
    };
    let first = run();
    assert!(stderr_of(&first).contains("2 input(s): 2 converted"));
    let before = files_under(&archive);
    // The re-run finds the HTML pages it wrote in archive/out, and leaves them alone.
    let second = run();
    let stderr = stderr_of(&second);
    assert!(
        stderr.contains(
            "2 input(s): 0 converted, 2 skipped as unchanged, 0 failed; files: 0 written, 4 unchanged"
        ),
        "{stderr}"
    );
    assert!(
        stderr.contains("archive/out: not walked, it is the output directory"),
        "{stderr}"
    );
    assert_eq!(files_under(&archive), before);
}

#[test]
fn an_earlier_runs_output_directory_inside_the_input_tree_is_not_read_either() {
    // Pages written into archive/old by one run are no interviews of a later run into
    // another directory, nor of one into the archive itself.
    let dir = tempfile::tempdir().unwrap();
    let archive = dir.path().join("archive");
    fs::create_dir(&archive).unwrap();
    fs::write(archive.join("a.txt"), interview(5)).unwrap();
    fs::write(archive.join("b.txt"), interview(6)).unwrap();
    let convert = |out: &str, to: &str| {
        colloquy()
            .current_dir(dir.path())
            .args(["convert", "archive", "-o", out, "--to", to])
            .assert()
            .success()
    };
    convert("archive/old", "html,jsonld");
    for out in ["elsewhere", "archive"] {
        let stderr = stderr_of(&convert(out, "jsonld"));
        assert!(
            stderr.contains("2 input(s): 2 converted, 0 failed"),
            "{stderr}"
        );
        assert!(
            stderr.contains("archive/old: not walked, it holds an earlier run's outputs"),
            "{stderr}"
        );
    }
}

#[test]
fn pages_written_into_the_walked_directory_itself_are_refused_before_any_work() {
    // Their next run would read them as interviews, beside the texts they came from.
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("a.txt"), interview(5)).unwrap();
    let run = colloquy()
        .current_dir(dir.path())
        .args(["convert", ".", "--to", "jsonld,html"])
        .assert()
        .code(2);
    let stderr = stderr_of(&run);
    assert!(
        stderr.contains("the HTML outputs would land in ., the directory walked for inputs"),
        "{stderr}"
    );
    assert_eq!(files_under(dir.path()), ["a.txt"]);
    // JSON-LD alone is never read back: the same run goes ahead.
    colloquy()
        .current_dir(dir.path())
        .args(["convert", ".", "--to", "jsonld"])
        .assert()
        .success();
}

#[test]
fn an_html_input_is_never_overwritten_by_another_inputs_page_even_with_force() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("a.txt"), interview(7)).unwrap();
    // An original HTML interview page beside a text of the same name.
    let page = "<html><body><p>Why?</p><p>Because.</p></body></html>";
    fs::write(dir.path().join("a.html"), page).unwrap();
    // Pages into the walked directory are refused before any work (they would be read
    // back as interviews), --force or not.
    let assert = colloquy()
        .current_dir(dir.path())
        .args(["convert", ".", "--to", "html", "--force"])
        .assert()
        .code(2);
    let stderr = stderr_of(&assert);
    assert!(
        stderr.contains("the HTML outputs would land in ., the directory walked for inputs"),
        "{stderr}"
    );
    assert_eq!(fs::read_to_string(dir.path().join("a.html")).unwrap(), page);
    assert_eq!(files_under(dir.path()), ["a.html", "a.txt"]);
    // Named alone, the text's page would land on the HTML input: refused just the same.
    let assert = colloquy()
        .current_dir(dir.path())
        .args(["convert", "a.txt", "a.html", "--to", "html", "-o", "."])
        .arg("--force")
        .assert()
        .code(1);
    let stderr = stderr_of(&assert);
    assert!(
        stderr.contains("a.html: this is an input, and its own .html output would overwrite it")
            || stderr.contains(
                "a.html: this is an input, and the .html output of a.txt would overwrite it"
            ),
        "{stderr}"
    );
    assert_eq!(fs::read_to_string(dir.path().join("a.html")).unwrap(), page);
}

#[test]
fn output_on_a_file_is_a_usage_error_before_any_work() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("a.txt"), interview(8)).unwrap();
    let assert = colloquy()
        .current_dir(dir.path())
        .args(["convert", "a.txt", "-o", "a.txt"])
        .assert()
        .code(2);
    let stderr = stderr_of(&assert);
    assert!(
        stderr.contains("-o a.txt: this is a file, but -o takes a directory"),
        "{stderr}"
    );
    assert_eq!(
        fs::read_to_string(dir.path().join("a.txt")).unwrap(),
        interview(8)
    );
}

#[test]
fn stdout_refuses_flags_that_would_write_files() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("a.txt"), interview(9)).unwrap();
    for extra in [["-o", "out"], ["--newsml-message", "m.xml"]] {
        let assert = colloquy()
            .current_dir(dir.path())
            .args(["convert", "a.txt", "--stdout", "--to", "jsonld"])
            .args(extra)
            .assert()
            .code(2);
        assert!(stderr_of(&assert).contains("cannot be used with"));
    }
    // Without --to, the default two formats cannot go to stdout: the message says so.
    let assert = colloquy()
        .current_dir(dir.path())
        .args(["convert", "a.txt", "--stdout"])
        .assert()
        .code(2);
    let stderr = stderr_of(&assert);
    assert!(stderr.contains("e.g. --to jsonld"), "{stderr}");
    assert!(
        stderr.contains("the default --to is jsonld,newsml"),
        "{stderr}"
    );
    assert_eq!(files_under(dir.path()), ["a.txt"]);
}

#[test]
fn metadata_that_fills_a_gap_silences_the_gap_warning() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("a.txt"), interview(10)).unwrap();
    let plain = colloquy()
        .current_dir(dir.path())
        .args(["convert", "a.txt", "--to", "jsonld", "--stdout"])
        .assert()
        .success();
    let stderr = stderr_of(&plain);
    assert!(stderr.contains("no-headline"), "{stderr}");
    assert!(stderr.contains("no-date"), "{stderr}");
    let given = colloquy()
        .current_dir(dir.path())
        .args(["convert", "a.txt", "--to", "jsonld", "--stdout"])
        .args(["--headline", "Bridges", "--published", "2024-03-15"])
        .args(["--interviewer", "Jo Park", "--interviewee", "Ana Lind"])
        .assert()
        .success();
    let stderr = stderr_of(&given);
    for code in [
        "no-headline",
        "no-date",
        "no-interviewer-name",
        "no-interviewee-name",
    ] {
        assert!(!stderr.contains(code), "{code} despite the flag: {stderr}");
    }
}

#[test]
fn standard_input_twice_and_a_bad_glob_are_usage_errors() {
    let dir = tempfile::tempdir().unwrap();
    for args in [
        vec!["convert", "-", "-"],
        vec!["convert", "--files-from", "-", "-"],
        vec!["convert", "[bad"],
        vec!["validate", "-", "-"],
    ] {
        let assert = colloquy()
            .current_dir(dir.path())
            .args(&args)
            .write_stdin("")
            .assert()
            .code(2);
        assert!(
            stderr_of(&assert).starts_with("colloquy: usage: "),
            "{args:?}"
        );
    }
    let assert = colloquy()
        .current_dir(dir.path())
        .args(["convert", "--files-from", "list.txt"])
        .assert()
        .code(1);
    assert!(
        stderr_of(&assert).contains("--files-from list.txt: cannot read the list of inputs"),
        "{}",
        stderr_of(&assert)
    );
}

#[test]
fn inspect_on_a_directory_says_how_many_inputs_it_names() {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir(dir.path().join("d")).unwrap();
    fs::write(dir.path().join("d/a.txt"), interview(11)).unwrap();
    fs::write(dir.path().join("d/b.txt"), interview(12)).unwrap();
    let assert = colloquy()
        .current_dir(dir.path())
        .args(["inspect", "d"])
        .assert()
        .code(2);
    assert!(
        stderr_of(&assert).contains("inspect takes exactly one file, and 'd' names 2 input(s)"),
        "{}",
        stderr_of(&assert)
    );
}

#[test]
fn a_message_path_on_a_directory_is_refused_before_any_write() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("a.txt"), interview(13)).unwrap();
    fs::create_dir(dir.path().join("msgs")).unwrap();
    let assert = colloquy()
        .current_dir(dir.path())
        .args(["convert", "a.txt", "-o", "out", "--newsml-message", "msgs"])
        .assert()
        .code(2);
    assert!(
        stderr_of(&assert).contains("--newsml-message msgs: this is a directory; give the file to write, e.g. msgs/batch.newsml.xml"),
        "{}",
        stderr_of(&assert)
    );
    assert!(!dir.path().join("out").exists());
}

#[test]
fn a_failed_message_does_not_count_a_converted_input_as_failed() {
    let dir = tempfile::tempdir().unwrap();
    // Two inputs with one source URL share a GUID: no message, but both converted.
    fs::write(dir.path().join("a.txt"), interview(14)).unwrap();
    fs::write(dir.path().join("b.txt"), interview(14)).unwrap();
    let assert = colloquy()
        .current_dir(dir.path())
        .args(["convert", "a.txt", "b.txt", "--to", "jsonld", "-o", "out"])
        .args(["--newsml-message", "m.xml"])
        .assert()
        .code(1);
    let stderr = stderr_of(&assert);
    assert!(stderr.contains("same GUID"), "{stderr}");
    assert!(
        stderr.contains("2 input(s): 2 converted, 0 failed"),
        "{stderr}"
    );
}

#[test]
fn more_jobs_than_the_system_allows_threads_still_converts() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("a.txt"), interview(15)).unwrap();
    colloquy()
        .current_dir(dir.path())
        .args(["convert", "a.txt", "--to", "jsonld", "--jobs", "1000000"])
        .assert()
        .success();
}

#[test]
fn a_missing_xsd_is_a_usage_error_that_says_what_to_give() {
    let dir = tempfile::tempdir().unwrap();
    let assert = colloquy()
        .current_dir(dir.path())
        .args(["validate", "x.xml", "--xsd", "nope.xsd"])
        .assert()
        .code(2);
    assert!(
        stderr_of(&assert).contains("--xsd nope.xsd: no such file; give the path of an XSD"),
        "{}",
        stderr_of(&assert)
    );
}

#[test]
fn a_document_that_is_no_interview_text_gets_a_hint_for_its_kind() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("a.txt"), interview(16)).unwrap();
    colloquy()
        .current_dir(dir.path())
        .args(["convert", "a.txt", "--to", "jsonld"])
        .assert()
        .success();
    fs::write(
        dir.path().join("notes.docx"),
        b"PK\x03\x04 word/document.xml",
    )
    .unwrap();
    let assert = colloquy()
        .current_dir(dir.path())
        .args(["convert", "a.jsonld", "notes.docx", "-o", "out"])
        .assert()
        .code(1);
    let stderr = stderr_of(&assert);
    assert!(
        stderr.contains("colloquy: error: a.jsonld: ")
            && stderr.contains("`colloquy validate FILE` checks JSON-LD"),
        "{stderr}"
    );
    assert!(
        stderr.contains("colloquy: error: notes.docx: ")
            && stderr.contains("export the document as UTF-8 text (.txt) first"),
        "{stderr}"
    );
}

#[test]
fn a_convert_report_points_at_the_bad_byte_without_repeating_the_file() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("bad.txt"), b"Why?\nline two \xff bad\n").unwrap();
    let assert = colloquy()
        .current_dir(dir.path())
        .args(["convert", "bad.txt", "--report", "github", "-o", "out"])
        .assert()
        .code(1);
    let stdout = String::from_utf8_lossy(&assert.get_output().stdout).to_string();
    assert_eq!(
        stdout.trim(),
        "::error file=bad.txt,line=2,col=10,title=convert/read::not valid UTF-8 at byte 14; re-save the file as UTF-8"
    );
    // stderr keeps the whole line, file name first.
    assert!(stderr_of(&assert).contains("colloquy: error: bad.txt: not valid UTF-8 at byte 14"));
}

#[test]
fn strict_says_why_a_run_without_failed_inputs_exits_1() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("a.txt"), interview(17)).unwrap();
    let assert = colloquy()
        .current_dir(dir.path())
        .args(["convert", "a.txt", "--to", "jsonld", "--strict"])
        .assert()
        .code(1);
    let stderr = stderr_of(&assert);
    assert!(stderr.contains("1 converted, 0 failed"), "{stderr}");
    assert!(
        stderr.contains("colloquy: error: --strict: ")
            && stderr.contains("warning(s) fail the run"),
        "{stderr}"
    );
}

/// The count of warnings on the summary line.
fn warnings_counted(stderr: &str) -> usize {
    let line = stderr.lines().find(|l| l.contains(" input(s): ")).unwrap();
    let before = line.rsplit_once(" warning(s)").unwrap().0;
    before.rsplit(' ').next().unwrap().parse().unwrap()
}

#[test]
fn a_record_that_cannot_be_written_is_a_counted_warning() {
    // The next run will convert everything again: --strict must see that.
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("a.txt"), interview(19)).unwrap();
    let run = |out: &str| {
        colloquy()
            .current_dir(dir.path())
            .args(["convert", "a.txt", "-o", out, "--to", "jsonld"])
            .assert()
            .success()
    };
    let fine = warnings_counted(&stderr_of(&run("fine")));
    fs::create_dir_all(dir.path().join("blocked/.colloquy-state")).unwrap();
    let stderr = stderr_of(&run("blocked"));
    assert!(
        stderr.contains("the record of this run could not be written"),
        "{stderr}"
    );
    assert_eq!(warnings_counted(&stderr), fine + 1, "{stderr}");
}

#[test]
fn a_manifest_row_for_no_input_is_a_warning_not_lost_silently() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("a.txt"), interview(18)).unwrap();
    fs::write(
        dir.path().join("m.csv"),
        "file,headline\nintervew.txt,Typo\na.txt,Bridges\n",
    )
    .unwrap();
    let assert = colloquy()
        .current_dir(dir.path())
        .args([
            "convert",
            "a.txt",
            "--manifest",
            "m.csv",
            "--to",
            "jsonld",
            "--stdout",
        ])
        .assert()
        .success();
    let stderr = stderr_of(&assert);
    assert!(
        stderr.contains(
            "m.csv: warning: row 2 (line 2): file 'intervew.txt' is not an input of this run"
        ),
        "{stderr}"
    );
    let doc: serde_json::Value = serde_json::from_slice(&assert.get_output().stdout).unwrap();
    assert_eq!(doc["headline"], "Bridges");
}

#[test]
fn a_malformed_source_date_epoch_stops_the_run() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("a.txt"), interview(19)).unwrap();
    let assert = colloquy()
        .current_dir(dir.path())
        .env("SOURCE_DATE_EPOCH", "yesterday")
        .args(["convert", "a.txt"])
        .assert()
        .code(2);
    assert!(stderr_of(&assert).contains("SOURCE_DATE_EPOCH='yesterday' is not a number"));
    assert_eq!(files_under(dir.path()), ["a.txt"]);
}

#[cfg(unix)]
#[test]
fn symlinked_files_in_a_directory_are_inputs_and_dangling_links_are_counted() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("shared.txt"), interview(20)).unwrap();
    let d = dir.path().join("d");
    fs::create_dir(&d).unwrap();
    std::os::unix::fs::symlink("../shared.txt", d.join("linked.txt")).unwrap();
    std::os::unix::fs::symlink("../gone.txt", d.join("dangling.txt")).unwrap();
    let assert = colloquy()
        .current_dir(dir.path())
        .args(["convert", "d", "--to", "jsonld", "-o", "out"])
        .assert()
        .success();
    let stderr = stderr_of(&assert);
    assert!(stderr.contains("1 input(s): 1 converted"), "{stderr}");
    assert!(
        stderr.contains("1 file(s) in the given directories left out"),
        "{stderr}"
    );
    assert_eq!(files_under(&dir.path().join("out")), ["linked.jsonld"]);
}

#[test]
fn schema_export_is_all_or_nothing_and_force_replaces_stale_copies() {
    let dir = tempfile::tempdir().unwrap();
    colloquy()
        .current_dir(dir.path())
        .args(["schema", "export", "s"])
        .assert()
        .success();
    let stale = dir.path().join("s/sidecar.schema.json");
    fs::write(&stale, "{}").unwrap();
    fs::remove_file(dir.path().join("s/colloquy-interview.schema.json")).unwrap();
    let assert = colloquy()
        .current_dir(dir.path())
        .args(["schema", "export", "s"])
        .assert()
        .code(1);
    assert!(stderr_of(&assert).contains("pass --force to replace it; nothing was exported"));
    // Nothing written: the missing file is still missing, the stale one still stale.
    assert!(!dir.path().join("s/colloquy-interview.schema.json").exists());
    assert_eq!(fs::read_to_string(&stale).unwrap(), "{}");
    colloquy()
        .current_dir(dir.path())
        .args(["schema", "export", "s", "--force"])
        .assert()
        .success();
    assert!(dir.path().join("s/colloquy-interview.schema.json").exists());
    assert_ne!(fs::read_to_string(&stale).unwrap(), "{}");
    fs::write(dir.path().join("f"), "").unwrap();
    colloquy()
        .current_dir(dir.path())
        .args(["schema", "export", "f"])
        .assert()
        .code(2);
}

#[test]
fn format_names_are_taken_in_any_case() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("a.txt"), interview(21)).unwrap();
    colloquy()
        .current_dir(dir.path())
        .args(["convert", "a.txt", "--to", "JSONLD", "--stdout"])
        .assert()
        .success();
    colloquy()
        .current_dir(dir.path())
        .args(["convert", "a.txt", "--to", "jsonld", "--report", "JUnit"])
        .assert()
        .success();
    colloquy()
        .current_dir(dir.path())
        .args(["convert", "a.txt", "--to", "xml", "--stdout"])
        .assert()
        .code(2);
}

#[test]
fn the_message_may_not_land_on_the_manifest_or_an_output_however_spelt() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("a.txt"), interview(22)).unwrap();
    let manifest = "file,headline\na.txt,Bridges\n";
    fs::write(dir.path().join("m.csv"), manifest).unwrap();
    for target in ["m.csv", "./m.csv", "out/a.jsonld", "./out/../out/a.jsonld"] {
        let assert = colloquy()
            .current_dir(dir.path())
            .args([
                "convert",
                "a.txt",
                "--manifest",
                "m.csv",
                "-o",
                "out",
                "--force",
            ])
            .args(["--newsml-message", target])
            .assert()
            .code(2);
        assert!(
            stderr_of(&assert).contains("this names an input"),
            "{target}: {}",
            stderr_of(&assert)
        );
    }
    assert_eq!(
        fs::read_to_string(dir.path().join("m.csv")).unwrap(),
        manifest
    );
    assert!(!dir.path().join("out").exists());
}

#[test]
fn every_name_clash_is_listed_at_once_and_nothing_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path().join("d");
    fs::create_dir(&d).unwrap();
    for name in ["a.txt", "a.md", "b.txt", "b.vtt", "c.txt"] {
        fs::write(d.join(name), interview(23)).unwrap();
    }
    let assert = colloquy()
        .current_dir(dir.path())
        .args(["convert", "d", "-o", "out"])
        .assert()
        .code(1);
    let stderr = stderr_of(&assert);
    assert!(
        stderr.contains("out/a.jsonld: both d/a.md and d/a.txt"),
        "{stderr}"
    );
    assert!(
        stderr.contains("out/b.jsonld: both d/b.txt and d/b.vtt"),
        "{stderr}"
    );
    assert!(
        stderr.contains("nothing was written: 2 output path problem(s)"),
        "{stderr}"
    );
    assert!(!dir.path().join("out").exists());
}

#[test]
fn an_output_directory_that_cannot_be_made_fails_once_and_write_errors_name_the_input() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("a.txt"), interview(24)).unwrap();
    fs::write(dir.path().join("b.txt"), interview(25)).unwrap();
    fs::write(dir.path().join("file"), "").unwrap();
    let assert = colloquy()
        .current_dir(dir.path())
        .args(["convert", "a.txt", "b.txt", "-o", "file/sub"])
        .assert()
        .code(1);
    let stderr = stderr_of(&assert);
    assert_eq!(stderr.matches("colloquy: error:").count(), 1, "{stderr}");
    assert!(
        stderr.contains("-o file/sub: cannot create the output directory"),
        "{stderr}"
    );
    // A differing existing output: the error names the input, then the path.
    fs::create_dir(dir.path().join("out")).unwrap();
    fs::write(dir.path().join("out/a.jsonld"), "mine").unwrap();
    let assert = colloquy()
        .current_dir(dir.path())
        .args(["convert", "a.txt", "--to", "jsonld", "-o", "out"])
        .assert()
        .code(1);
    assert!(
        stderr_of(&assert).contains(
            "colloquy: error: a.txt: out/a.jsonld: exists with other content; pass --force"
        ),
        "{}",
        stderr_of(&assert)
    );
}

#[test]
fn inspect_on_a_text_without_questions_says_what_makes_a_question() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("note.md"),
        "Just a note. Nothing is asked here.\n",
    )
    .unwrap();
    let assert = colloquy()
        .current_dir(dir.path())
        .args(["inspect", "note.md"])
        .assert()
        .code(1);
    let stderr = stderr_of(&assert);
    assert!(stderr.contains("note.md: no questions found"), "{stderr}");
    assert!(stderr.contains("a paragraph ending in '?'"), "{stderr}");
    assert!(!stderr.contains("see `colloquy inspect"), "{stderr}");
}

#[test]
fn a_bad_metadata_flag_is_one_usage_error_not_one_per_input() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path().join("d");
    fs::create_dir(&d).unwrap();
    for n in 0..3 {
        fs::write(d.join(format!("{n}.txt")), interview(30 + n)).unwrap();
    }
    let assert = colloquy()
        .current_dir(dir.path())
        .args(["convert", "d", "-o", "out", "--published", "03/04/2024"])
        .assert()
        .code(2);
    let stderr = stderr_of(&assert);
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(
        stderr.contains("flag --published: '03/04/2024' is ambiguous"),
        "{stderr}"
    );
    assert!(!dir.path().join("out").exists());
}

#[test]
fn a_missing_explicit_sidecar_fails_the_run_once() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path().join("d");
    fs::create_dir(&d).unwrap();
    for n in 0..3 {
        fs::write(d.join(format!("{n}.txt")), interview(40 + n)).unwrap();
    }
    let assert = colloquy()
        .current_dir(dir.path())
        .args(["convert", "d", "-o", "out", "--meta", "shared.meta.toml"])
        .assert()
        .code(1);
    let stderr = stderr_of(&assert);
    assert_eq!(stderr.matches("colloquy: error:").count(), 1, "{stderr}");
    assert!(stderr.contains("shared.meta.toml: cannot read"), "{stderr}");
    assert!(!dir.path().join("out").exists());
}

#[test]
fn warnings_with_a_place_read_file_line_col_first() {
    let dir = tempfile::tempdir().unwrap();
    // The text names the interviewee in a title block; a flag names someone else.
    let text = "Interview with Ana Lind, harbour master\n\nWhy did the bridge take so long?\n\
                The river bed was softer than the survey said.\n";
    fs::write(dir.path().join("a.txt"), text).unwrap();
    let assert = colloquy()
        .current_dir(dir.path())
        .args(["convert", "a.txt", "--to", "jsonld", "--stdout"])
        .args(["--interviewee", "Bo Berg"])
        .assert()
        .success();
    let stderr = stderr_of(&assert);
    let conflict = stderr
        .lines()
        .find(|l| l.contains("meta-conflict"))
        .unwrap_or_else(|| panic!("no conflict warning: {stderr}"));
    assert!(
        conflict.starts_with("a.txt:1:") && conflict.contains(": warning: meta-conflict: "),
        "{conflict}"
    );
    // Warnings without a place keep `FILE: warning: code: message`.
    assert!(stderr.contains("a.txt: warning: no-date: "), "{stderr}");
}

#[test]
fn the_message_summary_says_which_inputs_it_lacks() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path().join("d");
    fs::create_dir(&d).unwrap();
    fs::write(d.join("a.txt"), interview(50)).unwrap();
    fs::write(d.join("b.txt"), interview(51)).unwrap();
    fs::write(d.join("empty.txt"), "").unwrap();
    let assert = colloquy()
        .current_dir(dir.path())
        .args(["convert", "d", "--to", "jsonld", "-o", "out"])
        .args(["--newsml-message", "out/batch.newsml.xml"])
        .assert()
        .code(1);
    let stderr = stderr_of(&assert);
    assert!(
        stderr.contains(
            "colloquy: newsMessage out/batch.newsml.xml: 2 interview(s), 1 failed input(s) not in it; written"
        ),
        "{stderr}"
    );
}

#[test]
fn ci_reports_name_files_as_the_repository_does_without_dot_slash() {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir(dir.path().join("records")).unwrap();
    fs::write(dir.path().join("records/bad.jsonld"), "{\"@type\": 1,}").unwrap();
    let github = colloquy()
        .current_dir(dir.path())
        .args(["validate", "./records", "--report", "github"])
        .assert()
        .code(1);
    let stdout = String::from_utf8_lossy(&github.get_output().stdout).to_string();
    assert!(
        stdout.starts_with("::error file=records/bad.jsonld,"),
        "{stdout}"
    );
    let sarif = colloquy()
        .current_dir(dir.path())
        .args(["validate", "./records", "--report", "sarif"])
        .assert()
        .code(1);
    let doc: serde_json::Value = serde_json::from_slice(&sarif.get_output().stdout).unwrap();
    let uri = &doc["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
        ["uri"];
    assert_eq!(uri, "records/bad.jsonld");
}

#[test]
fn a_reader_that_stops_early_is_no_crash() {
    use std::process::{Command as Std, Stdio};
    // `colloquy schema show schemaorg-terms | head -1`: the pipe closes long before the
    // document (larger than a pipe buffer) is written.
    let mut child = Std::new(assert_cmd::cargo::cargo_bin("colloquy"))
        .args(["schema", "show", "schemaorg-terms"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert_eq!(out.status.code(), Some(0), "{stderr}");
}

// Two inputs that differ only in case need a case-sensitive file system to exist at all.
#[cfg(target_os = "linux")]
#[test]
fn outputs_that_differ_only_in_case_are_a_clash() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("Talk.txt"), interview(60)).unwrap();
    fs::write(dir.path().join("talk.txt"), interview(61)).unwrap();
    let assert = colloquy()
        .current_dir(dir.path())
        .args([
            "convert", "Talk.txt", "talk.txt", "--to", "jsonld", "-o", "out",
        ])
        .assert()
        .code(1);
    let stderr = stderr_of(&assert);
    assert!(
        stderr.contains("out/talk.jsonld: differs only in letter case from out/Talk.jsonld (written for Talk.txt)"),
        "{stderr}"
    );
    assert!(!dir.path().join("out").exists());
}

#[cfg(target_os = "linux")]
#[test]
fn file_names_that_are_not_utf8_keep_their_bytes_in_their_outputs() {
    // Latin-1 names from an old archive: `café` and `cafè`, one byte each apart. A lossy
    // copy of the names gave both one output (`caf�.jsonld`) and a baffling clash.
    use std::ffi::OsStr;
    use std::os::unix::ffi::OsStrExt;
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    fs::create_dir(&input).unwrap();
    for (n, b) in [(1, 0xe9u8), (2, 0xe8)] {
        let name = [&b"caf"[..], &[b], &b".txt"[..]].concat();
        fs::write(input.join(OsStr::from_bytes(&name)), interview(n)).unwrap();
    }
    let run = || {
        colloquy()
            .current_dir(dir.path())
            .args(["convert", "in", "-o", "out", "--to", "jsonld"])
            .assert()
            .success()
    };
    let stderr = stderr_of(&run());
    assert!(
        stderr.contains("2 input(s): 2 converted, 0 failed; files: 2 written"),
        "{stderr}"
    );
    let mut names: Vec<Vec<u8>> = fs::read_dir(dir.path().join("out"))
        .unwrap()
        .map(|e| e.unwrap().file_name().as_bytes().to_vec())
        .filter(|n| n.ends_with(b".jsonld"))
        .collect();
    names.sort();
    assert_eq!(
        names,
        [b"caf\xe8.jsonld".to_vec(), b"caf\xe9.jsonld".to_vec()]
    );
    // Each has a record of its own: the re-run skips both.
    let stderr = stderr_of(&run());
    assert!(
        stderr.contains("2 input(s) unchanged since the last run"),
        "{stderr}"
    );
}

#[test]
fn a_missing_tmpdir_costs_neither_the_record_nor_a_small_report() {
    // The record's spool lives in -o, and a report stays in memory up to its size
    // limit: a CI runner with a broken TMPDIR still gets both.
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("a.txt"), interview(20)).unwrap();
    let missing = dir.path().join("no-such-tmp");
    colloquy()
        .current_dir(dir.path())
        .env("TMPDIR", &missing)
        .args([
            "convert", "a.txt", "-o", "out", "--to", "jsonld", "--report", "junit",
        ])
        .assert()
        .success()
        .stdout(predicates::str::contains("tests=\"1\""));
    assert!(dir
        .path()
        .join("out")
        .join(colloquy::state::STATE_FILE)
        .is_file());
    colloquy()
        .current_dir(dir.path())
        .env("TMPDIR", &missing)
        .args(["validate", "out", "--report", "json"])
        .assert()
        .success()
        .stdout(predicates::str::contains("\"files\": 1,"));
}
