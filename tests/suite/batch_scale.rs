//! Batches past one run and one machine: re-runs that skip unchanged inputs (the
//! `.colloquy-state` record), shares of a corpus (`--shard K/N`) whose union is one
//! run, and the newsMessage assembled from the shares (`colloquy message`).

use assert_cmd::Command;
use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

fn colloquy() -> Command {
    let mut cmd = Command::cargo_bin("colloquy").unwrap();
    cmd.env("SOURCE_DATE_EPOCH", "1700000000").env_remove("CI");
    cmd
}

/// A short interview with a photo, different for every `n`.
fn interview(n: usize) -> String {
    format!(
        "![]() |\nDr. Mara Quist{n} in the seed bank's vault {n}. (Photo: Lab {n}) |\n\
         How many seeds does vault {n} hold?\n\
         About {n} thousand samples, each sealed and kept at minus eighteen degrees.\n\
         Who may take seeds out again?\n\
         Any country that deposited them, at any time.\n\
         Source: https://news.example.org/seeds/{n}\n"
    )
}

fn corpus(dir: &Path, total: usize) {
    for n in 0..total {
        let sub = dir.join(format!("box{}", n % 3));
        fs::create_dir_all(&sub).unwrap();
        fs::write(sub.join(format!("talk-{n:03}.txt")), interview(n)).unwrap();
    }
}

/// Every file under `dir` but the run's record, by relative path.
fn outputs(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .map(Result::unwrap)
        .filter(|e| e.file_type().is_file() && e.file_name() != colloquy::state::STATE_FILE)
        .map(|e| {
            let rel = e.path().strip_prefix(dir).unwrap().display().to_string();
            (rel, fs::read(e.path()).unwrap())
        })
        .collect()
}

fn stderr_of(cmd: &mut Command) -> String {
    let out = cmd.output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stderr).unwrap()
}

fn convert(input: &Path, out: &Path, extra: &[&str]) -> String {
    stderr_of(
        colloquy()
            .arg("convert")
            .arg(input)
            .arg("-o")
            .arg(out)
            .args(extra),
    )
}

const UNCHANGED: &str = "input(s) unchanged since the last run";

#[test]
fn an_identical_rerun_skips_every_input_and_says_so_with_the_same_warnings() {
    let dir = tempfile::tempdir().unwrap();
    let (input, out) = (dir.path().join("in"), dir.path().join("out"));
    corpus(&input, 12);
    let first = convert(&input, &out, &[]);
    assert!(!first.contains(UNCHANGED), "{first}");
    assert!(out.join(colloquy::state::STATE_FILE).is_file());
    let before = outputs(&out);
    let record_id = || {
        use std::os::unix::fs::MetadataExt;
        fs::metadata(out.join(colloquy::state::STATE_FILE))
            .unwrap()
            .ino()
    };
    let record_before = record_id();
    let again = convert(&input, &out, &[]);
    // Nothing changed, so the record is read, not written again.
    assert_eq!(record_id(), record_before);
    assert!(again.contains(&format!("12 {UNCHANGED}")), "{again}");
    assert!(again.contains("files: 0 written, 24 unchanged"), "{again}");
    // The warnings of the skipped inputs are reported again, line for line.
    let warnings = |s: &str| -> Vec<String> {
        s.lines()
            .filter(|l| l.contains(": warning: "))
            .map(str::to_string)
            .collect()
    };
    assert!(!warnings(&first).is_empty());
    assert_eq!(warnings(&first), warnings(&again));
    assert_eq!(before, outputs(&out));
}

#[test]
fn a_skipped_rerun_gives_the_same_report_pointers_included() {
    let dir = tempfile::tempdir().unwrap();
    let (input, out) = (dir.path().join("in"), dir.path().join("out"));
    corpus(&input, 4);
    let report = || {
        let run = colloquy()
            .arg("convert")
            .arg(&input)
            .arg("-o")
            .arg(&out)
            .args(["--report", "json"])
            .output()
            .unwrap();
        assert!(run.status.success());
        String::from_utf8(run.stdout).unwrap()
    };
    let first = report();
    assert!(
        first.contains("\"pointer\": \"/"),
        "no finding with a pointer: {first}"
    );
    assert_eq!(report(), first);
}

#[test]
fn a_record_after_a_partial_rerun_is_the_record_of_a_fresh_run() {
    // Inputs before and after the edited one are vouched for: the record keeps their
    // lines in input order, byte for byte what a fresh run into a new directory writes.
    let dir = tempfile::tempdir().unwrap();
    let (input, out, fresh) = (
        dir.path().join("in"),
        dir.path().join("out"),
        dir.path().join("fresh"),
    );
    corpus(&input, 9);
    convert(&input, &out, &[]);
    fs::write(
        input.join("box1/talk-004.txt"),
        interview(4).replace("eighteen", "twenty"),
    )
    .unwrap();
    let s = convert(&input, &out, &["--force"]);
    assert!(s.contains(&format!("8 {UNCHANGED}")), "{s}");
    convert(&input, &fresh, &[]);
    let record = |d: &Path| fs::read_to_string(d.join(colloquy::state::STATE_FILE)).unwrap();
    assert_eq!(record(&out).lines().count(), 10, "a header and nine lines");
    assert_eq!(record(&out), record(&fresh));
}

#[test]
fn an_unchanged_rerun_drops_stray_lines_from_the_record() {
    // A line that is no record (a hand edit, a merge of two records) is never read; a
    // re-run that converts nothing still writes the record again without it.
    let dir = tempfile::tempdir().unwrap();
    let (input, out, fresh) = (
        dir.path().join("in"),
        dir.path().join("out"),
        dir.path().join("fresh"),
    );
    corpus(&input, 3);
    convert(&input, &out, &[]);
    convert(&input, &fresh, &[]);
    let path = out.join(colloquy::state::STATE_FILE);
    let good = fs::read_to_string(&path).unwrap();
    let second = good.lines().nth(2).unwrap();
    // Stray: no key, a key met before, keys that are no record's (short, signed), and
    // a record's shape around JSON that is none.
    let unseen = "f".repeat(32);
    fs::write(
        &path,
        format!("{good}not a record\n{second}\ncafe\tgarbage\n+1\tx\n{unseen}\t{{garbage}}\n"),
    )
    .unwrap();
    let again = convert(&input, &out, &[]);
    assert!(again.contains(&format!("3 {UNCHANGED}")), "{again}");
    let record = fs::read_to_string(&path).unwrap();
    assert!(!record.contains("not a record"), "{record}");
    assert_eq!(record, good);
}

#[test]
fn a_partial_rerun_counts_the_skipped_inputs_files_as_unchanged() {
    // The first input is converted again (an output of it is gone); the skipped ones
    // after it wait for its files to be published, and their outputs still count.
    let dir = tempfile::tempdir().unwrap();
    let (input, out) = (dir.path().join("in"), dir.path().join("out"));
    corpus(&input, 9);
    convert(&input, &out, &[]);
    fs::remove_file(out.join("box0/talk-000.jsonld")).unwrap();
    let s = convert(&input, &out, &[]);
    assert!(s.contains(&format!("8 {UNCHANGED}")), "{s}");
    assert!(
        s.contains("files: 1 written, 17 unchanged, 0 replaced"),
        "{s}"
    );
}

#[test]
fn an_edited_input_replaces_its_own_untouched_outputs_but_not_an_output_edited_by_hand() {
    let dir = tempfile::tempdir().unwrap();
    let (input, out) = (dir.path().join("in"), dir.path().join("out"));
    corpus(&input, 3);
    convert(&input, &out, &[]);
    // The input changes: its outputs are colloquy's own, so no --force is needed.
    let edited = input.join("box1/talk-001.txt");
    fs::write(&edited, interview(1).replace("eighteen", "twenty")).unwrap();
    let s = convert(&input, &out, &[]);
    assert!(
        s.contains("files: 0 written, 4 unchanged, 2 replaced"),
        "{s}"
    );
    assert!(fs::read_to_string(out.join("box1/talk-001.jsonld"))
        .unwrap()
        .contains("twenty"));
    // An output edited by hand is someone's work: kept, and the input fails.
    let page = out.join("box1/talk-001.jsonld");
    fs::write(&page, "{\"edited\": true}").unwrap();
    fs::write(&edited, interview(1).replace("eighteen", "thirty")).unwrap();
    let run = colloquy()
        .arg("convert")
        .arg(&input)
        .arg("-o")
        .arg(&out)
        .output()
        .unwrap();
    assert_eq!(run.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(
        stderr.contains("talk-001.jsonld: exists with other content; pass --force"),
        "{stderr}"
    );
    assert_eq!(fs::read_to_string(&page).unwrap(), "{\"edited\": true}");
}

#[test]
fn a_record_written_by_another_build_is_not_trusted() {
    // Two builds of one version from different sources may write different outputs (or
    // warnings): the record names the build, and another build's record is doubt.
    let dir = tempfile::tempdir().unwrap();
    let (input, out) = (dir.path().join("in"), dir.path().join("out"));
    corpus(&input, 3);
    convert(&input, &out, &[]);
    let state = out.join(colloquy::state::STATE_FILE);
    let record = fs::read_to_string(&state).unwrap();
    let ours = format!("\"version\":\"{}\"", colloquy::BUILD);
    assert_eq!(record.matches(&ours).count(), 3, "{record}");
    assert!(colloquy::BUILD.starts_with(concat!(env!("CARGO_PKG_VERSION"), "+")));
    // The same version, built from other sources.
    let other = format!(
        "\"version\":\"{}+0000000000000000\"",
        env!("CARGO_PKG_VERSION")
    );
    fs::write(&state, record.replace(&ours, &other)).unwrap();
    let s = convert(&input, &out, &[]);
    assert!(!s.contains(UNCHANGED), "{s}");
    assert!(s.contains("3 converted"), "{s}");
    // The run's own record is trusted again.
    let s = convert(&input, &out, &[]);
    assert!(s.contains(&format!("3 {UNCHANGED}")), "{s}");
}

#[test]
fn a_changed_input_option_or_output_on_disk_is_converted_again() {
    let dir = tempfile::tempdir().unwrap();
    let (input, out) = (dir.path().join("in"), dir.path().join("out"));
    corpus(&input, 6);
    convert(&input, &out, &[]);

    // One input edited: only it is converted again.
    let edited = input.join("box1/talk-001.txt");
    fs::write(&edited, interview(1).replace("eighteen", "twenty")).unwrap();
    let s = convert(&input, &out, &["--force"]);
    assert!(s.contains(&format!("5 {UNCHANGED}")), "{s}");
    assert!(
        String::from_utf8(fs::read(out.join("box1/talk-001.jsonld")).unwrap())
            .unwrap()
            .contains("twenty"),
        "the edited input's output was not rewritten"
    );

    // An output edited on disk: its input is converted again and the file repaired.
    let jsonld = out.join("box2/talk-002.jsonld");
    let good = fs::read(&jsonld).unwrap();
    fs::write(&jsonld, b"{}").unwrap();
    let s = convert(&input, &out, &["--force"]);
    assert!(s.contains(&format!("5 {UNCHANGED}")), "{s}");
    assert!(s.contains("1 replaced"), "{s}");
    assert_eq!(fs::read(&jsonld).unwrap(), good);

    // An output removed: written again.
    fs::remove_file(&jsonld).unwrap();
    let s = convert(&input, &out, &[]);
    assert!(s.contains(&format!("5 {UNCHANGED}")), "{s}");
    assert_eq!(fs::read(&jsonld).unwrap(), good);

    // Another option (a metadata flag): every input is converted again.
    let s = convert(&input, &out, &["--force", "--publisher", "Seed Weekly"]);
    assert!(!s.contains(UNCHANGED), "{s}");
    assert!(String::from_utf8(fs::read(&jsonld).unwrap())
        .unwrap()
        .contains("Seed Weekly"),);

    // Another SOURCE_DATE_EPOCH changes versionCreated: converted again.
    let s = stderr_of(
        colloquy()
            .env("SOURCE_DATE_EPOCH", "1800000000")
            .arg("convert")
            .arg(&input)
            .args(["-o"])
            .arg(&out)
            .args(["--force", "--publisher", "Seed Weekly"]),
    );
    assert!(!s.contains(UNCHANGED), "{s}");

    // A damaged record is doubt: everything is converted, nothing fails.
    fs::write(
        out.join(colloquy::state::STATE_FILE),
        "colloquy-state 2\nnot hex\t{",
    )
    .unwrap();
    let s = stderr_of(
        colloquy()
            .env("SOURCE_DATE_EPOCH", "1800000000")
            .arg("convert")
            .arg(&input)
            .args(["-o"])
            .arg(&out)
            .args(["--force", "--publisher", "Seed Weekly"]),
    );
    assert!(!s.contains(UNCHANGED), "{s}");
    assert!(s.contains("6 converted, 0 failed"), "{s}");
}

#[test]
fn a_sidecar_added_beside_an_input_converts_it_again() {
    let dir = tempfile::tempdir().unwrap();
    let (input, out) = (dir.path().join("in"), dir.path().join("out"));
    corpus(&input, 3);
    convert(&input, &out, &[]);
    fs::write(
        input.join("box0/talk-000.meta.toml"),
        "headline = \"Inside the vault\"\n",
    )
    .unwrap();
    let s = convert(&input, &out, &["--force"]);
    assert!(s.contains(&format!("2 {UNCHANGED}")), "{s}");
    let jsonld = fs::read_to_string(out.join("box0/talk-000.jsonld")).unwrap();
    assert!(jsonld.contains("Inside the vault"), "{jsonld}");
}

#[test]
fn four_shards_give_one_run_byte_for_byte_and_their_messages_one_message() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    corpus(&input, 40);
    let one = dir.path().join("one");
    let one_message = dir.path().join("one.newsml.xml");
    convert(
        &input,
        &one,
        &["--newsml-message", one_message.to_str().unwrap()],
    );
    let mut union = BTreeMap::new();
    let mut sizes = Vec::new();
    for k in 0..4 {
        let out = dir.path().join(format!("shard-{k}"));
        let message = dir.path().join(format!("messages/shard-{k}.newsml.xml"));
        let s = convert(
            &input,
            &out,
            &[
                "--shard",
                &format!("{k}/4"),
                "--newsml-message",
                message.to_str().unwrap(),
            ],
        );
        assert!(s.contains(&format!("share {k}/4: ")), "{s}");
        let files = outputs(&out);
        sizes.push(files.len());
        for (path, bytes) in files {
            assert!(
                union.insert(path.clone(), bytes).is_none(),
                "{path} in two shares"
            );
        }
    }
    assert!(sizes.iter().all(|&n| n > 0), "an empty share: {sizes:?}");
    assert_eq!(
        union,
        outputs(&one),
        "the shares' union differs from one run"
    );

    let merged = dir.path().join("merged.newsml.xml");
    stderr_of(
        colloquy()
            .arg("message")
            .arg(dir.path().join("messages"))
            .arg("-o")
            .arg(&merged),
    );
    assert_eq!(
        fs::read(&merged).unwrap(),
        fs::read(&one_message).unwrap(),
        "the message from the shares differs from one run's"
    );
    // The result is a valid newsMessage by colloquy's own check.
    colloquy().arg("validate").arg(&merged).assert().success();
}

#[test]
fn a_share_is_chosen_by_the_path_below_the_input_directory() {
    // The same tree under two different roots splits the same way.
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (
        dir.path().join("a/in"),
        dir.path().join("elsewhere/deeper/in"),
    );
    corpus(&a, 10);
    corpus(&b, 10);
    for k in 0..3 {
        let shard = format!("{k}/3");
        convert(&a, &dir.path().join(format!("oa{k}")), &["--shard", &shard]);
        convert(&b, &dir.path().join(format!("ob{k}")), &["--shard", &shard]);
        let names = |d: &str| -> Vec<String> { outputs(&dir.path().join(d)).into_keys().collect() };
        assert_eq!(names(&format!("oa{k}")), names(&format!("ob{k}")));
    }
}

#[test]
fn a_bad_share_is_a_usage_error() {
    for bad in ["4/4", "1", "a/b", "0/0"] {
        colloquy()
            .args(["convert", "samples", "-o"])
            .arg(tempfile::tempdir().unwrap().path())
            .args(["--shard", bad])
            .assert()
            .code(2);
    }
}

#[test]
fn a_message_from_shares_with_one_interview_twice_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    corpus(&input, 3);
    let m = dir.path().join("m.newsml.xml");
    convert(
        &input,
        &dir.path().join("o"),
        &["--newsml-message", m.to_str().unwrap()],
    );
    let copy = dir.path().join("copy.newsml.xml");
    fs::copy(&m, &copy).unwrap();
    let target = dir.path().join("both.newsml.xml");
    let out = colloquy()
        .arg("message")
        .arg(&m)
        .arg(&copy)
        .arg("-o")
        .arg(&target)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("have the same GUID"), "{stderr}");
    assert!(!target.exists());
}

#[test]
fn more_jobs_than_cores_are_capped_with_a_note() {
    let dir = tempfile::tempdir().unwrap();
    let s = stderr_of(
        colloquy()
            .args(["convert", "samples", "--jobs", "100000", "-o"])
            .arg(dir.path()),
    );
    assert!(
        s.contains("--jobs 100000 is more than the") && s.contains("core(s) available; using"),
        "{s}"
    );
}

/// `total` interviews converted in two shares into `out/shard-K`, each with its message
/// `out/shard-K/batch.newsml.xml` (both shares hold interviews).
fn two_shares(dir: &Path, total: usize) -> std::path::PathBuf {
    let input = dir.join("in");
    corpus(&input, total);
    let out = dir.join("out");
    for k in 0..2 {
        let share = out.join(format!("shard-{k}"));
        let message = share.join("batch.newsml.xml");
        convert(
            &input,
            &share,
            &[
                "--shard",
                &format!("{k}/2"),
                "--newsml-message",
                message.to_str().unwrap(),
            ],
        );
        assert!(message.is_file(), "share {k} wrote no message");
    }
    out
}

/// Runs `colloquy message` in `dir`: its exit code and stderr.
fn message_in(dir: &Path, args: &[&str]) -> (Option<i32>, String) {
    let out = colloquy()
        .current_dir(dir)
        .arg("message")
        .args(args)
        .output()
        .unwrap();
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn a_message_never_replaces_one_of_its_input_messages_but_reruns_into_the_tree() {
    let dir = tempfile::tempdir().unwrap();
    let out = two_shares(dir.path(), 8);
    let share = out.join("shard-0/batch.newsml.xml");
    let before = fs::read(&share).unwrap();
    // Found by the walk, or named: refused, --force or not, and the share kept.
    for args in [
        &["out", "-o", "out/shard-0/batch.newsml.xml"][..],
        &["out", "-o", "out/shard-0/batch.newsml.xml", "--force"],
        &[
            "out/shard-0/batch.newsml.xml",
            "out/shard-1/batch.newsml.xml",
            "-o",
            "out/shard-0/batch.newsml.xml",
            "--force",
        ],
    ] {
        let (code, stderr) = message_in(dir.path(), args);
        assert_eq!(code, Some(1), "{args:?}: {stderr}");
        assert!(
            stderr.contains("out/shard-0/batch.newsml.xml: this newsMessage is one of the inputs"),
            "{stderr}"
        );
        assert!(stderr.contains("--force or not"), "{stderr}");
        assert!(!stderr.contains("pass --force"), "{stderr}");
        assert_eq!(
            fs::read(&share).unwrap(),
            before,
            "{args:?} changed the share"
        );
    }
    let (_, walked) = message_in(dir.path(), &["out", "-o", "out/shard-0/batch.newsml.xml"]);
    assert!(
        walked.contains("(found in out), and the message assembled from the others differs from it; an input is never replaced (--force or not) — give -o a path outside the directories given, e.g. batch.newsml.xml"),
        "{walked}"
    );
    // The merged message inside the tree is no input of itself: a re-run leaves it.
    let (code, first) = message_in(dir.path(), &["out", "-o", "out/all.newsml.xml"]);
    assert_eq!(code, Some(0), "{first}");
    assert!(
        first.contains("8 interview(s) from 2 newsMessage(s); written"),
        "{first}"
    );
    let (code, again) = message_in(dir.path(), &["out", "-o", "out/all.newsml.xml"]);
    assert_eq!(code, Some(0), "{again}");
    assert!(
        again.contains("8 interview(s) from 2 newsMessage(s); unchanged"),
        "{again}"
    );
}

#[test]
fn an_empty_or_malformed_xml_file_in_a_walk_fails_the_message() {
    let dir = tempfile::tempdir().unwrap();
    let out = two_shares(dir.path(), 8);
    let share = out.join("shard-0/batch.newsml.xml");
    let whole = fs::read_to_string(&share).unwrap();
    // Well-formed XML of another kind is left out, as the text items are.
    fs::write(out.join("shard-1/notes.xml"), "<notes>kept apart</notes>\n").unwrap();
    let (code, ok) = message_in(dir.path(), &["out", "-o", "all.newsml.xml"]);
    assert_eq!(code, Some(0), "{ok}");
    assert!(
        ok.contains("note: 9 well-formed XML file(s) that are not newsMessages left out"),
        "{ok}"
    );
    fs::remove_file(dir.path().join("all.newsml.xml")).unwrap();
    let cut = whole.lines().take(30).collect::<Vec<_>>().join("\n");
    for (broken, place) in [
        (
            String::new(),
            "shard-0/batch.newsml.xml:1:1: the file holds no text (at most a byte-order mark)",
        ),
        (
            "\u{feff}".to_string(),
            "shard-0/batch.newsml.xml:1:1: the file holds no text (at most a byte-order mark)",
        ),
        (
            "\u{feff} \n".to_string(),
            "shard-0/batch.newsml.xml:1:1: the file holds only white space, not XML",
        ),
        (cut, "shard-0/batch.newsml.xml:30:"),
    ] {
        fs::write(&share, &broken).unwrap();
        let (code, stderr) = message_in(dir.path(), &["out", "-o", "all.newsml.xml"]);
        assert_eq!(code, Some(1), "{stderr}");
        assert!(stderr.contains(place), "{place}: {stderr}");
        assert!(
            stderr.contains("it may be a newsMessage cut short, so no message is written"),
            "{stderr}"
        );
        assert!(
            stderr.contains("all.newsml.xml: not written: 1 of 2 input file(s) could not be used"),
            "{stderr}"
        );
        // The broken file is not counted among the other XML.
        assert!(
            stderr.contains("note: 9 well-formed XML file(s)"),
            "{stderr}"
        );
        assert!(!dir.path().join("all.newsml.xml").exists());
    }
}

#[test]
fn a_message_whose_package_names_an_item_it_lacks_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let out = two_shares(dir.path(), 8);
    let share = out.join("shard-0/batch.newsml.xml");
    let whole = fs::read_to_string(&share).unwrap();
    // Drop the first newsItem (the first package's text item), as a lost item would be.
    let start = whole.find("    <newsItem ").unwrap();
    let end = start + whole[start..].find("    </newsItem>\n").unwrap() + "    </newsItem>\n".len();
    let guid_at = start + whole[start..].find("guid=\"").unwrap() + "guid=\"".len();
    let guid = &whole[guid_at..guid_at + whole[guid_at..].find('"').unwrap()];
    let line = 1 + whole[..whole.find(&format!("residref=\"{guid}\"")).unwrap()]
        .matches('\n')
        .count();
    fs::write(&share, format!("{}{}", &whole[..start], &whole[end..])).unwrap();

    let (code, stderr) = message_in(dir.path(), &["out", "-o", "all.newsml.xml"]);
    assert_eq!(code, Some(1), "{stderr}");
    assert!(
        stderr.contains(&format!("shard-0/batch.newsml.xml:{line}:")),
        "line {line}: {stderr}"
    );
    assert!(
        stderr.contains(&format!("itemRef residref `{guid}` of packageItem")),
        "{stderr}"
    );
    assert!(
        stderr.contains("names no item of this newsMessage"),
        "{stderr}"
    );
    assert!(!dir.path().join("all.newsml.xml").exists());

    // validate warns: a package may point at items sent before, so it is no error there.
    let out = colloquy().arg("validate").arg(&share).output().unwrap();
    let report = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{report}");
    assert!(
        report.contains(&format!("batch.newsml.xml:{line}:"))
            && report.contains("warning newsml/itemref-unresolved"),
        "{report}"
    );
}

#[test]
fn a_message_named_like_an_interview_is_refused() {
    // `corpus/batch.txt` would be read as an interview by the next convert of corpus/.
    let dir = tempfile::tempdir().unwrap();
    two_shares(dir.path(), 12);
    let (code, stderr) = message_in(dir.path(), &["out", "-o", "in/batch.txt"]);
    assert_eq!(code, Some(2), "{stderr}");
    assert!(
        stderr.contains("colloquy reads files of this name as inputs"),
        "{stderr}"
    );
    assert!(!dir.path().join("in/batch.txt").exists());
}

#[test]
fn a_share_that_is_none_is_a_usage_error_saying_what_a_share_is() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("a.txt"), interview(1)).unwrap();
    for bad in [
        "3/3", "1/0", "x", "+/3", "+1/3", "1/+3", " /3", " 1/3", "1/3 ", "1 /3",
    ] {
        let out = colloquy()
            .current_dir(dir.path())
            .args(["convert", "a.txt", "-o", "out", "--shard", bad])
            .assert()
            .code(2)
            .get_output()
            .clone();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(
            stderr.contains(&format!("'{bad}' is not a share; give K/N")),
            "{bad}: {stderr}"
        );
    }
    assert!(!dir.path().join("out").exists());
}

#[test]
fn a_share_message_saved_as_utf16_without_a_bom_assembles_as_it_was() {
    // An editor's "save as UTF-16" keeps the XML; the decoder reads it, and the units
    // must come from the decoded text, not the raw bytes.
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    corpus(&input, 3);
    let share = dir.path().join("share.newsml.xml");
    convert(
        &input,
        &dir.path().join("out"),
        &["--newsml-message", share.to_str().unwrap()],
    );
    let utf8 = fs::read_to_string(&share).unwrap();
    let shares = dir.path().join("shares");
    fs::create_dir(&shares).unwrap();
    let utf16: Vec<u8> = utf8.encode_utf16().flat_map(u16::to_le_bytes).collect();
    fs::write(shares.join("le.newsml.xml"), utf16).unwrap();
    let merged = dir.path().join("merged.newsml.xml");
    colloquy()
        .arg("message")
        .arg(&shares)
        .arg("-o")
        .arg(&merged)
        .assert()
        .success();
    assert_eq!(fs::read_to_string(&merged).unwrap(), utf8);
}

#[cfg(unix)]
#[test]
fn a_stopped_run_leaves_no_temp_files_or_lock_and_the_next_run_resumes() {
    // SIGINT stops the batch between inputs: what was written is complete and recorded,
    // nothing of the run's own is left in the output directory, and the same command
    // again converts only the rest.
    let dir = tempfile::tempdir().unwrap();
    let (input, out) = (dir.path().join("in"), dir.path().join("out"));
    let total = 1500;
    corpus(&input, total);
    let child = std::process::Command::new(assert_cmd::cargo::cargo_bin("colloquy"))
        .env("SOURCE_DATE_EPOCH", "1700000000")
        .env_remove("CI")
        .arg("convert")
        .arg(&input)
        .arg("-o")
        .arg(&out)
        .args(["--jobs", "2", "--report", "json"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    // Signalled once some outputs are there, long before 1 500 inputs are done.
    let written = || {
        walkdir::WalkDir::new(&out)
            .into_iter()
            .filter_map(Result::ok)
            .filter(|e| e.file_name().to_string_lossy().ends_with(".jsonld"))
            .count()
    };
    while written() < 20 {
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    let killed = std::process::Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(killed.success());
    let run = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert_eq!(run.status.code(), Some(130), "{stderr}");
    assert!(
        run.stdout.is_empty(),
        "a report of part of the batch was written"
    );
    let note = stderr
        .lines()
        .find(|l| l.starts_with("colloquy: interrupted after "))
        .unwrap_or_else(|| panic!("{stderr}"));
    let done: usize = note["colloquy: interrupted after ".len()..]
        .split(' ')
        .next()
        .unwrap()
        .parse()
        .unwrap();
    assert!(note.contains(&format!("of {total} input(s)")), "{note}");
    assert!(done >= 20 && done < total, "{note}");
    // Only outputs and the record: no temp file, no lock.
    let left: Vec<String> = walkdir::WalkDir::new(&out)
        .into_iter()
        .map(Result::unwrap)
        .filter(|e| e.file_type().is_file())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with('.') && n != colloquy::state::STATE_FILE)
        .collect();
    assert!(left.is_empty(), "{left:?}");
    assert_eq!(outputs(&out).len(), 2 * done);
    let again = convert(&input, &out, &[]);
    assert!(again.contains(&format!("{done} {UNCHANGED}")), "{again}");
    assert!(
        again.contains(&format!(
            "{total} input(s): {} converted, {done} skipped as unchanged, 0 failed",
            total - done
        )),
        "{again}"
    );
}

#[test]
fn message_refuses_standard_input_as_a_usage_error() {
    // A share is read twice (checked, then copied into the message); a pipe cannot be.
    let dir = tempfile::tempdir().unwrap();
    let out = colloquy()
        .current_dir(dir.path())
        .args(["message", "-", "-o", "all.newsml.xml"])
        .write_stdin("<newsMessage/>")
        .assert()
        .code(2)
        .get_output()
        .clone();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("not standard input"), "{stderr}");
    assert!(!dir.path().join("all.newsml.xml").exists());
}
