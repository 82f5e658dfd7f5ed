//! Issue 10's catalogue: every hostile input and environment the issue names, with the
//! exit code and the message a user gets. Cases tested in `hostile.rs` (the first part of
//! the issue) are listed here by their test's name and checked to exist there, so each
//! case is tested once; the others are tested below.

use std::fs;
use std::path::Path;
use std::time::Duration;

/// (the issue's case, the test that holds it as `module::function`).
const CATALOGUE: &[(&str, &str)] = &[
    (
        "two runs into one output directory, unforced",
        "hostile::two_concurrent_runs_into_one_directory_never_mix_an_interviews_outputs",
    ),
    (
        "two runs into one output directory, --force",
        "hostile::two_concurrent_forced_runs_into_one_directory_never_mix_an_interviews_outputs",
    ),
    (
        "a second run while one holds the directory",
        "hostile::a_run_into_a_locked_directory_fails_at_once_naming_the_lock",
    ),
    (
        "--newsml-message a.meta.toml --force (sidecar as target)",
        "hostile::a_newsml_message_never_replaces_a_sidecar_even_with_force",
    ),
    (
        "JSON nested 10 000 (arrays), 5 000 (objects), hasPart 2 000, inside HTML",
        "hostile::deep_nesting_is_a_finding_for_that_file_and_the_batch_goes_on",
    ),
    (
        "XML nested 8 000+ deep in validate",
        "hostile::deeply_nested_xml_is_a_finding_never_an_abort",
    ),
    (
        "quadratic: Q:/A: repeated, many paragraphs",
        "catalogue::a_long_transcript_and_many_paragraphs_convert",
    ),
    (
        "quadratic: a manifest with 20 000 rows",
        "catalogue::a_manifest_of_20_000_rows_is_read",
    ),
    (
        "quadratic: an HTML page with 10 000 ld+json blocks",
        "catalogue::a_page_of_10_000_jsonld_blocks_is_validated",
    ),
    (
        "/dev/zero and a FIFO named on the command line",
        "hostile::a_fifo_or_device_named_explicitly_is_a_one_line_error_never_a_hang",
    ),
    (
        "a 65 MiB input",
        "hostile::an_input_above_the_size_limit_fails_alone_and_the_batch_goes_on",
    ),
    (
        "an endless stdin or --files-from stream",
        "hostile::endless_standard_input_stops_at_the_limit",
    ),
    (
        "an answer with two '>' taken for breadcrumbs",
        "catalogue::an_answer_with_two_angle_brackets_is_kept",
    ),
    (
        "chrome dropped inside the interview is a warning",
        "catalogue::chrome_dropped_inside_the_interview_is_a_warning",
    ),
    (
        "outputs 0600 whatever the umask; stale temp files",
        "hostile::stale_temp_files_of_a_killed_run_are_removed_and_outputs_get_the_umask_mode",
    ),
    (
        "--force turns a 0644 file into 0600",
        "catalogue::force_keeps_the_mode_of_the_file_it_replaces",
    ),
    (
        "C0 control in a JUnit report; raw ESC and newlines on stderr",
        "hostile::every_report_format_escapes_a_hostile_file_name_and_json_key",
    ),
    (
        "'::error' injection through a file name",
        "hostile::stderr_and_reports_of_convert_escape_a_hostile_file_name",
    ),
    (
        "'::error' injection through a manifest cell",
        "hostile::a_hostile_manifest_row_cannot_inject_a_workflow_command_on_stderr",
    ),
    (
        "a relative <img src> in an HTML page",
        "catalogue::a_relative_image_address_resolves_against_the_page_or_is_dropped",
    ),
    (
        "a Source: URL with a bidi control or '\"'",
        "catalogue::a_bad_source_url_is_dropped_with_a_warning",
    ),
    (
        "a name with a TAB (flag and label)",
        "catalogue::names_with_a_tab_are_cleaned_before_writing",
    ),
    (
        "front matter url: \"javascript:alert(3)\"",
        "catalogue::front_matter_gets_the_sidecar_checks_and_points_at_its_own_line",
    ),
    (
        "a failure between the two files of one interview (half sets)",
        "catalogue::an_interviews_outputs_appear_together_or_not_at_all",
    ),
    (
        "<!DOCTYPE refused for some root names, not others",
        "catalogue::a_doctype_is_refused_whatever_the_root",
    ),
    (
        "a UTF-16 XML file with BOM",
        "catalogue::a_utf16_xml_file_with_bom_is_validated",
    ),
    (
        "UTF-16LE without BOM",
        "catalogue::utf16_without_bom_is_read",
    ),
    (
        "a symlink loop",
        "catalogue::a_symlink_loop_is_named_as_one",
    ),
    (
        "oversized or endless sidecars, manifests and config",
        "catalogue::metadata_files_are_read_within_their_limits",
    ),
    (
        "limits settable: nesting depth and number of items (validate)",
        "catalogue::validate_stops_at_the_depth_and_item_limits_it_is_given",
    ),
    (
        "limits settable: number of items (convert)",
        "catalogue::convert_refuses_an_interview_past_the_item_limit_and_goes_on",
    ),
];

#[test]
fn every_case_of_the_issue_has_its_test() {
    let sources = [
        ("hostile", include_str!("hostile.rs")),
        ("catalogue", include_str!("catalogue.rs")),
    ];
    for (case, test) in CATALOGUE {
        let (module, function) = test.split_once("::").unwrap();
        let (_, src) = sources
            .iter()
            .find(|(m, _)| *m == module)
            .unwrap_or_else(|| panic!("{case}: no module {module}"));
        assert!(
            src.contains(&format!("#[test]\nfn {function}()"))
                || src.contains(&format!("#[test]\npub fn {function}()"))
                || src.contains(&format!("#[cfg(unix)]\n#[test]\nfn {function}()")),
            "{case}: no test {test}"
        );
    }
}

const NO_HANG: Duration = Duration::from_secs(120);

struct Run {
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

fn run(dir: &Path, args: &[&str]) -> Run {
    let out = assert_cmd::Command::cargo_bin("colloquy")
        .unwrap()
        .env_remove("SOURCE_DATE_EPOCH")
        .env_remove("CI")
        .current_dir(dir)
        .args(args)
        .timeout(NO_HANG)
        .output()
        .unwrap();
    Run {
        code: out.status.code(),
        stdout: String::from_utf8_lossy(&out.stdout).to_string(),
        stderr: String::from_utf8_lossy(&out.stderr).to_string(),
    }
}

/// Asserts the exit code and that stderr (or stdout) holds every fragment.
fn expect(r: &Run, code: i32, fragments: &[&str]) {
    assert_eq!(
        r.code,
        Some(code),
        "stderr:\n{}\nstdout:\n{}",
        r.stderr,
        r.stdout
    );
    for f in fragments {
        assert!(
            r.stderr.contains(f) || r.stdout.contains(f),
            "missing {f:?}\nstderr:\n{}\nstdout:\n{}",
            r.stderr,
            r.stdout
        );
    }
}

/// Writes `text` to `name` in `dir`, converts it to JSON-LD on stdout (exit 0) and
/// returns the document.
fn jsonld_of(dir: &Path, name: &str, text: &str) -> serde_json::Value {
    fs::write(dir.join(name), text).unwrap();
    let r = run(dir, &["convert", name, "--to", "jsonld", "--stdout"]);
    expect(&r, 0, &[]);
    serde_json::from_str(&r.stdout).unwrap()
}

fn interview() -> &'static str {
    "Why did the bridge take so long to build?\n\
     The river bed was softer than the survey said, so the piers went deeper.\n\
     What will the bridge change for the town?\n\
     Children on the east bank can walk to school again.\n"
}

// ---- Linear time: the inputs the issue timed, at a size a debug build runs fast ----

#[test]
fn a_long_transcript_and_many_paragraphs_convert() {
    let dir = tempfile::tempdir().unwrap();
    let doc = jsonld_of(dir.path(), "t.txt", &"Q: x?\nA: y.\n".repeat(2000));
    assert_eq!(doc["hasPart"].as_array().unwrap().len(), 2000);
    let paragraphs: String = (0..5000)
        .map(|i| format!("Line {i} of the talk.\n\n"))
        .collect();
    jsonld_of(dir.path(), "p.txt", &format!("{}{paragraphs}", interview()));
}

#[test]
fn a_manifest_of_20_000_rows_is_read() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("a.txt"), interview()).unwrap();
    let mut csv = String::from("file,headline\na.txt,The bridge\n");
    for i in 0..20_000 {
        csv.push_str(&format!("other{i}.txt,Headline {i}\n"));
    }
    fs::write(dir.path().join("m.csv"), csv).unwrap();
    let r = run(
        dir.path(),
        &[
            "convert",
            "a.txt",
            "--manifest",
            "m.csv",
            "--to",
            "jsonld",
            "--stdout",
        ],
    );
    expect(&r, 0, &["\"headline\": \"The bridge\""]);
}

#[test]
fn a_page_of_10_000_jsonld_blocks_is_validated() {
    let dir = tempfile::tempdir().unwrap();
    let block = r#"<script type="application/ld+json">{"@context":"https://schema.org","@type":"Thing","name":"x"}</script>"#;
    fs::write(
        dir.path().join("p.html"),
        format!(
            "<!DOCTYPE html><html><head><title>t</title>{}</head><body></body></html>",
            block.repeat(10_000)
        ),
    )
    .unwrap();
    // The last block's findings still point at its own place in the one-line page.
    let r = run(dir.path(), &["validate", "p.html", "--report", "json"]);
    expect(&r, 0, &[]);
}

// ---- Chrome that eats answers ----------------------------------------------------

#[test]
fn an_answer_with_two_angle_brackets_is_kept() {
    let dir = tempfile::tempdir().unwrap();
    let text = "Home > Travel > Interviews\n\n\
                How did the band travel this year?\n\n\
                We drove Paris > London > Berlin in two days.\n\n\
                Which route did the tour take after that?\n\n\
                Paris > London > Berlin\n\n\
                Which HTML elements keep white space as typed?\n\n\
                It is the <code> and <pre> elements\n\n\
                And what comes next for the band?\n\n\
                A long rest, then a new record in the spring.\n";
    let doc = jsonld_of(dir.path(), "a.txt", text);
    let answers: Vec<&str> = doc["hasPart"]
        .as_array()
        .unwrap()
        .iter()
        .map(|q| q["acceptedAnswer"]["text"].as_str().unwrap_or(""))
        .collect();
    assert_eq!(
        answers,
        [
            "We drove Paris > London > Berlin in two days.",
            "Paris > London > Berlin",
            "It is the <code> and <pre> elements",
            "A long rest, then a new record in the spring."
        ]
    );
    // The trail above the headline is still chrome.
    assert!(!doc["articleBody"]
        .as_str()
        .unwrap_or("")
        .contains("Home > Travel"));
}

#[test]
fn a_first_answer_that_is_only_a_trail_is_an_answer_not_a_title_block() {
    let dir = tempfile::tempdir().unwrap();
    // The first question opens the text, and its answer is short and ends in no stop: a
    // headline with its deck looks like that too, but a deck is followed by a lead.
    let text = "Which route did the tour take?\n\n\
                Paris > London > Berlin\n\n\
                And what comes next for the band?\n\n\
                A long rest, then a new record in the spring.\n";
    let doc = jsonld_of(dir.path(), "a.txt", text);
    let parts = doc["hasPart"].as_array().unwrap();
    assert_eq!(parts.len(), 2, "{doc:#}");
    assert_eq!(parts[0]["text"], "Which route did the tour take?");
    assert_eq!(
        parts[0]["acceptedAnswer"]["text"],
        "Paris > London > Berlin"
    );
}

#[test]
fn chrome_dropped_inside_the_interview_is_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    let text = "Why did the bridge take so long to build?\n\n\
                The river bed was softer than the survey said.\n\n\
                ADVERTISEMENT\n\n\
                So the piers went deeper.\n\n\
                What will the bridge change?\n\n\
                Children can walk to school again.\n\n\
                ADVERTISEMENT\n";
    fs::write(dir.path().join("a.txt"), text).unwrap();
    let r = run(dir.path(), &["convert", "a.txt", "-o", "out"]);
    expect(
        &r,
        0,
        &["a.txt:5:1: warning: chrome-dropped: dropped site chrome (chrome phrase): 'ADVERTISEMENT'"],
    );
    // The one after the last answer stays a note.
    assert!(!r.stderr.contains("a.txt:13:1: warning"), "{}", r.stderr);
}

// ---- Modes and half sets ---------------------------------------------------------

#[cfg(unix)]
#[test]
fn force_keeps_the_mode_of_the_file_it_replaces() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("a.txt"), interview()).unwrap();
    let out = dir.path().join("out");
    fs::create_dir_all(&out).unwrap();
    fs::write(out.join("a.jsonld"), "{}").unwrap();
    fs::set_permissions(out.join("a.jsonld"), fs::Permissions::from_mode(0o644)).unwrap();
    let r = run(
        dir.path(),
        &["convert", "a.txt", "-o", "out", "--to", "jsonld", "--force"],
    );
    expect(&r, 0, &["1 replaced"]);
    let mode = fs::metadata(out.join("a.jsonld"))
        .unwrap()
        .permissions()
        .mode()
        & 0o777;
    assert_eq!(mode, 0o644);
}

#[test]
fn an_interviews_outputs_appear_together_or_not_at_all() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("a.txt"), interview()).unwrap();
    fs::write(
        dir.path().join("b.txt"),
        interview().replace("bridge", "tunnel"),
    )
    .unwrap();
    let out = dir.path().join("out");
    fs::create_dir_all(&out).unwrap();
    // One of a's two files is taken by other content: a gets neither, b both.
    fs::write(out.join("a.newsml.xml"), "<other/>").unwrap();
    let r = run(dir.path(), &["convert", "a.txt", "b.txt", "-o", "out"]);
    expect(
        &r,
        1,
        &["a.newsml.xml: exists with other content; pass --force"],
    );
    assert!(!out.join("a.jsonld").exists());
    assert_eq!(
        fs::read_to_string(out.join("a.newsml.xml")).unwrap(),
        "<other/>"
    );
    assert!(out.join("b.jsonld").exists() && out.join("b.newsml.xml").exists());
}

// ---- Bad values from the text are dropped with a warning --------------------------

#[test]
fn a_relative_image_address_resolves_against_the_page_or_is_dropped() {
    let dir = tempfile::tempdir().unwrap();
    let page = |head: &str| {
        format!(
            "<!DOCTYPE html><html><head><title>The bridge</title>{head}</head><body>\
             <figure><img src=\"/media/a.jpg\" alt=\"The bridge\"><figcaption>The new bridge. (Photo: Ana Ruiz)</figcaption></figure>\
             <p>Why did the bridge take so long to build?</p>\
             <p>The river bed was softer than the survey said.</p>\
             <p>What will the bridge change for the town?</p>\
             <p>Children on the east bank can walk to school again.</p></body></html>"
        )
    };
    fs::write(
        dir.path().join("stated.html"),
        page("<link rel=\"canonical\" href=\"https://news.example.org/2024/bridge\">"),
    )
    .unwrap();
    fs::write(dir.path().join("bare.html"), page("")).unwrap();
    let r = run(
        dir.path(),
        &["convert", "stated.html", "--to", "jsonld", "--stdout"],
    );
    expect(
        &r,
        0,
        &["\"contentUrl\": \"https://news.example.org/media/a.jpg\""],
    );
    let r = run(
        dir.path(),
        &[
            "convert",
            "bare.html",
            "-o",
            "out",
            "--to",
            "jsonld,newsml,html,dc",
        ],
    );
    expect(
        &r,
        0,
        &["warning: bad-url: dropped the image address '/media/a.jpg': it is relative"],
    );
    let json = fs::read_to_string(dir.path().join("out/bare.jsonld")).unwrap();
    assert!(
        !json.contains("contentUrl") && json.contains("The new bridge."),
        "{json}"
    );
}

#[test]
fn a_bad_source_url_is_dropped_with_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    for (name, url) in [
        ("bidi.txt", "https://news.example.org/\u{202e}gpj.exe"),
        ("quote.txt", "https://news.example.org/a\"onclick=\"x"),
    ] {
        fs::write(
            dir.path().join(name),
            format!("{}Source: {url}\n", interview()),
        )
        .unwrap();
        let r = run(
            dir.path(),
            &[
                "convert",
                name,
                "-o",
                "out",
                "--to",
                "jsonld,newsml,html,dc",
            ],
        );
        expect(
            &r,
            0,
            &[&format!(
                "{name}:5:9: warning: bad-url: dropped the source URL"
            )],
        );
        let json = fs::read_to_string(dir.path().join("out").join(name.replace(".txt", ".jsonld")))
            .unwrap();
        assert!(
            !json.contains("isBasedOn") && !json.contains("gpj"),
            "{json}"
        );
    }
}

#[test]
fn names_with_a_tab_are_cleaned_before_writing() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("a.txt"), interview()).unwrap();
    let r = run(
        dir.path(),
        &[
            "convert",
            "a.txt",
            "-o",
            "out",
            "--interviewee",
            "Aileen\tFerris",
        ],
    );
    expect(&r, 0, &[]);
    let xml = fs::read_to_string(dir.path().join("out/a.newsml.xml")).unwrap();
    assert!(xml.contains("<name>Aileen Ferris</name>"), "{xml}");
    fs::write(
        dir.path().join("b.txt"),
        "Interviewer: Why did the bridge take so long?\n\nJane\tRoe: The river bed was soft.\n\nInterviewer: And now?\n\nJane\tRoe: Children walk to school.\n",
    )
    .unwrap();
    let r = run(dir.path(), &["convert", "b.txt", "-o", "out"]);
    expect(&r, 0, &[]);
    let xml = fs::read_to_string(dir.path().join("out/b.newsml.xml")).unwrap();
    assert!(!xml.contains('\t'), "{xml}");
    assert!(xml.contains("Jane Roe"), "{xml}");
}

#[test]
fn front_matter_gets_the_sidecar_checks_and_points_at_its_own_line() {
    let dir = tempfile::tempdir().unwrap();
    let md = format!(
        "---\ntitle: The bridge\nurl: \"javascript:alert(3)\"\nsource: https://news.example.org/\u{202e}x\nlang: Indonesian\n---\n\n{}",
        interview()
    );
    fs::write(dir.path().join("a.md"), md).unwrap();
    let r = run(
        dir.path(),
        &[
            "convert",
            "a.md",
            "-o",
            "out",
            "--to",
            "jsonld,newsml,html,dc",
        ],
    );
    expect(
        &r,
        0,
        &[
            "a.md:3:7: warning: bad-url: dropped the page URL: 'javascript:alert(3)' is not an absolute http(s) URL",
            "a.md:4:9: warning: bad-url: dropped the source URL",
            "a.md:5:7: warning: bad-language: front matter 'lang'",
        ],
    );
    for f in ["a.jsonld", "a.newsml.xml", "a.html", "a.dc.xml"] {
        let text = fs::read_to_string(dir.path().join("out").join(f)).unwrap();
        assert!(!text.contains("javascript"), "{f}: {text}");
        assert!(!text.contains('\u{202e}'), "{f}: {text}");
    }
}

// ---- Encodings and XML odds --------------------------------------------------------

/// A NewsML-G2 item colloquy wrote, for validate's cases.
fn newsml_item(dir: &Path) -> String {
    fs::write(dir.join("n.txt"), interview()).unwrap();
    let r = run(
        dir,
        &[
            "convert",
            "n.txt",
            "--to",
            "newsml",
            "--stdout",
            "--version-created",
            "2024-05-12T10:00:00Z",
        ],
    );
    expect(&r, 0, &[]);
    r.stdout
}

#[test]
fn a_doctype_is_refused_whatever_the_root() {
    let dir = tempfile::tempdir().unwrap();
    let item = newsml_item(dir.path());
    let body = item.trim_start_matches(|c| c != '\n').trim_start();
    let dc = "<oai_dc:dc xmlns:oai_dc=\"http://www.openarchives.org/OAI/2.0/oai_dc/\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><dc:title>t</dc:title></oai_dc:dc>";
    let ohms = "<ROOT xmlns=\"https://www.weareavp.com/nunncenter/ohms\"><record id=\"1\" dt=\"2024-01-01\"><version>6</version><title>t</title></record></ROOT>";
    for (name, doc) in [
        (
            "item.xml",
            format!("<?xml version=\"1.0\"?>\n<!DOCTYPE newsItem>\n{body}"),
        ),
        (
            "other.xml",
            format!("<?xml version=\"1.0\"?>\n<!DOCTYPE anything>\n{body}"),
        ),
        (
            "dc.xml",
            format!("<?xml version=\"1.0\"?>\n<!DOCTYPE oai_dc:dc>\n{dc}"),
        ),
        (
            "ohms.xml",
            format!("<?xml version=\"1.0\"?>\n<!DOCTYPE ROOT>\n{ohms}"),
        ),
        // An old OHMS version, whose schema is not bundled, is refused the same way.
        (
            "ohms5.xml",
            format!(
                "<?xml version=\"1.0\"?>\n<!DOCTYPE ROOT>\n{}",
                ohms.replace("<version>6</version>", "<version>5.1</version>")
            ),
        ),
    ] {
        fs::write(dir.path().join(name), doc).unwrap();
        let r = run(dir.path(), &["validate", name]);
        expect(
            &r,
            1,
            &[&format!(
                "{name}:2:1: error xml/doctype: a DOCTYPE declaration is not allowed"
            )],
        );
    }
}

#[test]
fn a_utf16_xml_file_with_bom_is_validated() {
    let dir = tempfile::tempdir().unwrap();
    let item = newsml_item(dir.path()).replacen("encoding=\"UTF-8\"", "encoding=\"UTF-16\"", 1);
    let bytes: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(item.encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    fs::write(dir.path().join("u16.xml"), bytes).unwrap();
    let r = run(dir.path(), &["validate", "u16.xml"]);
    expect(&r, 0, &["1 file checked: 0 invalid; 0 errors"]);
}

#[test]
fn utf16_without_bom_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let le: Vec<u8> = interview()
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    let be: Vec<u8> = interview()
        .encode_utf16()
        .flat_map(u16::to_be_bytes)
        .collect();
    fs::write(dir.path().join("le.txt"), le).unwrap();
    fs::write(dir.path().join("be.txt"), be).unwrap();
    let r = run(dir.path(), &["convert", "le.txt", "be.txt", "-o", "out"]);
    expect(&r, 0, &["2 input(s): 2 converted"]);
}

#[cfg(unix)]
#[test]
fn a_symlink_loop_is_named_as_one() {
    let dir = tempfile::tempdir().unwrap();
    std::os::unix::fs::symlink("b.txt", dir.path().join("a.txt")).unwrap();
    std::os::unix::fs::symlink("a.txt", dir.path().join("b.txt")).unwrap();
    std::os::unix::fs::symlink("gone.txt", dir.path().join("c.txt")).unwrap();
    let r = run(dir.path(), &["convert", "a.txt", "c.txt", "-o", "out"]);
    expect(
        &r,
        1,
        &[
            "a.txt: a symbolic link that loops",
            "c.txt: a symbolic link to gone.txt whose target does not exist",
        ],
    );
    let r = run(dir.path(), &["validate", "a.txt"]);
    expect(&r, 1, &["a symbolic link that loops"]);
}

#[cfg(unix)]
#[test]
fn metadata_files_are_read_within_their_limits() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("a.txt"), interview()).unwrap();
    // A sidecar of 2 MiB (sparse), a manifest that is a device.
    let big = fs::File::create(dir.path().join("a.meta.toml")).unwrap();
    big.set_len(2 << 20).unwrap();
    let r = run(dir.path(), &["convert", "a.txt", "-o", "out"]);
    expect(
        &r,
        1,
        &["a.meta.toml: cannot read: larger than 1048576 bytes"],
    );
    fs::remove_file(dir.path().join("a.meta.toml")).unwrap();
    let r = run(
        dir.path(),
        &["convert", "a.txt", "-o", "out", "--manifest", "/dev/zero"],
    );
    assert_ne!(r.code, Some(0), "{}", r.stderr);
    assert!(
        r.stderr
            .contains("/dev/zero: cannot read: not a regular file"),
        "{}",
        r.stderr
    );
}

// ---- Settable limits -------------------------------------------------------------

#[test]
fn validate_stops_at_the_depth_and_item_limits_it_is_given() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path();
    let node = r#"{"@type":"Thing","name":"x"}"#;
    fs::write(
        p.join("deep.jsonld"),
        r#"{"@context":"https://schema.org","@type":"Thing","name":[[[[["x"]]]]]}"#,
    )
    .unwrap();
    fs::write(
        p.join("graph.jsonld"),
        format!(r#"{{"@context":"https://schema.org","@graph":[{node},{node},{node}]}}"#),
    )
    .unwrap();
    let block = r#"<script type="application/ld+json">{"@context":"https://schema.org","@type":"Thing","name":"x"}</script>"#;
    fs::write(
        p.join("page.html"),
        format!(
            "<!DOCTYPE html><html><head><title>t</title>{}</head><body></body></html>",
            block.repeat(3)
        ),
    )
    .unwrap();
    // The defaults take all three.
    let r = run(p, &["validate", "deep.jsonld", "graph.jsonld", "page.html"]);
    expect(&r, 0, &["3 files checked: 0 invalid"]);
    let r = run(
        p,
        &[
            "validate",
            "deep.jsonld",
            "graph.jsonld",
            "page.html",
            "--max-depth",
            "3",
            "--max-items",
            "2",
        ],
    );
    expect(
        &r,
        1,
        &[
            "json/too-deep",
            "deeper than 3 levels",
            "json/too-many-items",
            "3 top-level nodes, more than --max-items 2",
            "html/too-many-blocks",
            "3 JSON-LD blocks",
        ],
    );
    // A depth the checker cannot honour is a usage error, not a silent cap.
    let r = run(p, &["validate", "deep.jsonld", "--max-depth", "300"]);
    expect(&r, 2, &["--max-depth"]);
    // A newsMessage with more items than allowed.
    fs::write(p.join("a.txt"), interview()).unwrap();
    let r = run(
        p,
        &[
            "convert",
            "a.txt",
            "-o",
            "out",
            "--newsml-message",
            "batch.newsml.xml",
        ],
    );
    expect(&r, 0, &[]);
    let r = run(p, &["validate", "batch.newsml.xml", "--max-items", "1"]);
    expect(&r, 1, &["newsml/too-many-items"]);
}

#[test]
fn convert_refuses_an_interview_past_the_item_limit_and_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path();
    fs::write(p.join("a.txt"), interview()).unwrap();
    fs::write(p.join("b.txt"), interview().repeat(2)).unwrap();
    // a.txt reads as 4 turns, b.txt as 8.
    let r = run(
        p,
        &["convert", "a.txt", "b.txt", "-o", "out", "--max-items", "5"],
    );
    expect(
        &r,
        1,
        &["b.txt: reads as 8 turns and 0 photos, more than --max-items 5"],
    );
    assert!(p.join("out/a.jsonld").exists());
    assert!(!p.join("out/b.jsonld").exists() && !p.join("out/b.newsml.xml").exists());
}
