//! `colloquy validate` gives the official NewsML-G2 2.35 XSD's verdict — xmllint's —
//! on any file: the IPTC examples and research samples in ../shared/newsml-g2,
//! colloquy's own outputs, and mutations of both made here by string edits (element
//! order, missing and extra attributes, bad QCodes and dates, unknown elements,
//! foreign-namespace extensions, namespace typos, …).
//!
//! The reference verdict is libxml2's — the library xmllint is — run in this test
//! process straight on the bundled IPTC file, as `xmllint --noout --nonet --schema`
//! does: strict parse, no network, then schema validation. colloquy's verdict comes from
//! the `colloquy validate --report json` binary, with and without `--xsd`. Where
//! colloquy is deliberately stricter, the case names the documented rule that makes the
//! difference, and that rule must be the only error.
//!
//! `KEEP_CASES=DIR` keeps the generated files in DIR, e.g. to run the real xmllint over
//! them: `for f in DIR/*.xml; do xmllint --noout --nonet --schema
//! schemas/newsml-g2/iptc/NewsML-G2_2.35-spec-All-Power.xsd "$f"; done`.

use assert_cmd::Command;
use libxml::parser::{Parser, ParserOptions};
use libxml::schemas::{SchemaParserContext, SchemaValidationContext};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The bundled copy of IPTC's schema (identical to ../shared's, see NOTICE.md).
const OFFICIAL_XSD: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/schemas/newsml-g2/iptc/NewsML-G2_2.35-spec-All-Power.xsd"
);

/// What a case expects of the official XSD, and of colloquy.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Expect {
    /// Both accept.
    Valid,
    /// Both reject.
    Invalid,
    /// The XSD accepts; colloquy rejects with exactly this documented rule.
    Stricter(&'static str),
}

struct Case {
    name: String,
    text: String,
    expect: Expect,
    /// Made here by a string edit (not a file as published or written).
    mutation: bool,
}

/// libxml2's verdict as xmllint gives it: Ok, or the errors.
fn official_verdict(xml: &str) -> Result<(), Vec<String>> {
    let mut parser = SchemaParserContext::from_file(OFFICIAL_XSD);
    let mut validator = SchemaValidationContext::from_parser(&mut parser)
        .unwrap_or_else(|e| panic!("the bundled XSD compiles: {e:?}"));
    let options = ParserOptions {
        recover: false,
        no_net: true,
        ..Default::default()
    };
    let doc = Parser::default()
        .parse_string_with_options(xml, options)
        .map_err(|e| vec![format!("not well-formed: {e:?}")])?;
    validator.validate_document(&doc).map_err(|errors| {
        errors
            .iter()
            .map(|e| e.message.clone().unwrap_or_default())
            .collect()
    })
}

/// `text` with `from` replaced by `to` (first occurrence); the edit must apply, or the
/// mutation would silently test the unmutated file.
fn edit(text: &str, from: &str, to: &str) -> String {
    assert!(text.contains(from), "mutation target {from:?} not found");
    text.replacen(from, to, 1)
}

/// The text between the first `start` and the end of the following `end`, removed.
fn cut(text: &str, start: &str, end: &str) -> String {
    let a = text
        .find(start)
        .unwrap_or_else(|| panic!("{start:?} not found"));
    let b = a
        + text[a..]
            .find(end)
            .unwrap_or_else(|| panic!("{end:?} not found"))
        + end.len();
    format!("{}{}", &text[..a], &text[b..])
}

fn case(cases: &mut Vec<Case>, name: &str, text: String, expect: Expect) {
    cases.push(Case {
        name: name.to_string(),
        text,
        expect,
        mutation: true,
    });
}

fn file_case(cases: &mut Vec<Case>, name: &str, text: String) {
    let expect = match name {
        // Abridged (LISTING_24) and fragments (LISTING_25, LISTING_28): xmllint rejects.
        n if ["LISTING_24_", "LISTING_25_", "LISTING_28_"]
            .iter()
            .any(|p| n.starts_with(p)) =>
        {
            Expect::Invalid
        }
        _ => Expect::Valid,
    };
    cases.push(Case {
        name: name.to_string(),
        text,
        expect,
        mutation: false,
    });
}

/// The IPTC files, and mutations of LISTING_2 and 007 (the list among them).
fn official_cases(cases: &mut Vec<Case>) {
    let Some(examples) = crate::shared::shared("newsml-g2/examples") else {
        return;
    };
    let Some(samples) = crate::shared::shared("newsml-g2/samples") else {
        return;
    };
    let mut files: Vec<PathBuf> = [&examples, &samples]
        .iter()
        .flat_map(|d| std::fs::read_dir(d).unwrap().map(|e| e.unwrap().path()))
        .filter(|p| p.extension().is_some_and(|x| x == "xml"))
        .collect();
    files.sort();
    assert_eq!(files.len(), 14, "11 IPTC examples and 3 samples");
    for path in &files {
        let name = path.file_stem().unwrap().to_string_lossy().to_string();
        file_case(cases, &name, std::fs::read_to_string(path).unwrap());
    }
    let read = |name: &str| std::fs::read_to_string(examples.join(name)).unwrap();
    let l2 = read("LISTING_2_NewsML-G2_Text_Document.xml");
    use Expect::*;
    let version = "<versionCreated>2018-11-21T16:25:32-05:00</versionCreated>";
    let status = "<pubStatus qcode=\"stat:usable\" />";
    let order = edit(&l2, version, "").replacen(status, &format!("{status}{version}"), 1);
    case(cases, "L2-pubStatus-before-versionCreated", order, Invalid);
    let item_meta = {
        let a = l2.find("<itemMeta>").unwrap();
        let b = l2.find("</itemMeta>").unwrap() + "</itemMeta>".len();
        l2[a..b].to_string()
    };
    let swapped = edit(
        &cut(&l2, "<itemMeta>", "</itemMeta>"),
        "</contentMeta>",
        &format!("</contentMeta>{item_meta}"),
    );
    case(cases, "L2-itemMeta-after-contentMeta", swapped, Invalid);
    case(
        cases,
        "L2-no-standard",
        edit(&l2, "standard=\"NewsML-G2\"", ""),
        Invalid,
    );
    case(
        cases,
        "L2-qcode-without-colon",
        edit(&l2, "qcode=\"ninat:text\"", "qcode=\"ninattext\""),
        Invalid,
    );
    case(
        cases,
        "L2-unknown-nar-element",
        edit(&l2, status, &format!("{status}<bogus/>")),
        Invalid,
    );
    case(
        cases,
        "L2-month-13",
        edit(&l2, "2018-11-21T16:25:32-05:00", "2024-13-01T00:00:00Z"),
        Invalid,
    );
    case(
        cases,
        "L2-duplicate-itemClass",
        edit(
            &l2,
            "<itemClass qcode=\"ninat:text\" />",
            "<itemClass qcode=\"ninat:text\" /><itemClass qcode=\"ninat:text\" />",
        ),
        Invalid,
    );
    case(
        cases,
        "L2-no-provider",
        edit(
            &l2,
            "<provider uri=\"http://www.acmenews.com/about/\" />",
            "",
        ),
        Invalid,
    );
    // Shaped like colloquy's own (uuid guid, Interview genre), still another's record:
    // other standardversion, no conformance, another catalog.
    let lookalike = edit(
        &edit(
            &l2,
            "guid=\"urn:newsml:acmenews.com:20161121:US-FINANCE-FED\"",
            "guid=\"urn:uuid:6f1c1f0e-8d7e-5b7a-9a57-0c1f3d0d2b11\"",
        ),
        "<language tag=\"en-US\" />",
        "<language tag=\"en-US\" /><genre qcode=\"genre:Interview\" />",
    );
    case(cases, "L2-uuid-and-interview-genre", lookalike, Valid);
    case(
        cases,
        "L2-extra-unqualified-attribute",
        edit(&l2, "<itemMeta>", "<itemMeta colour=\"red\">"),
        Invalid,
    );
    case(
        cases,
        "L2-foreign-namespace-attribute",
        edit(
            &l2,
            "<itemMeta>",
            "<itemMeta xmlns:x=\"http://archive.example/ns\" x:colour=\"red\">",
        ),
        Valid,
    );
    case(
        cases,
        "L2-doctype",
        edit(
            &l2,
            "<newsItem",
            "<!DOCTYPE newsItem [<!ELEMENT newsItem ANY>]>\n<newsItem",
        ),
        Stricter("xml/doctype"),
    );
    let e007 = read("007_emptynewsmessage.xml");
    let uuid = e007
        .replace(
            "guid=\"news-message-example\"",
            "guid=\"urn:uuid:11111111-2222-5333-8444-555555555555\"",
        )
        .replace(
            "guid=\"N1\"",
            "guid=\"urn:uuid:11111111-2222-5333-8444-666666666666\"",
        );
    assert_ne!(uuid, e007);
    case(cases, "007-uuid-guids", uuid, Valid);
}

/// colloquy's own outputs (every sample as a newsItem, and the batch newsMessage), and
/// mutations of them.
fn own_cases(cases: &mut Vec<Case>, dir: &Path) {
    let out = dir.join("own");
    let message = dir.join("own-message.xml");
    Command::cargo_bin("colloquy")
        .unwrap()
        .env_remove("CI")
        .args(["convert", "samples", "--to", "newsml"])
        .args(["--version-created", "2025-06-01T12:00:00+07:00", "-o"])
        .arg(&out)
        .arg("--newsml-message")
        .arg(&message)
        .assert()
        .success();
    let mut own: Vec<PathBuf> = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| !p.ends_with(colloquy::state::STATE_FILE))
        .collect();
    own.sort();
    assert!(own.len() >= 7, "{own:?}");
    for p in &own {
        let name = format!("own-{}", p.file_stem().unwrap().to_string_lossy());
        file_case(cases, &name, std::fs::read_to_string(p).unwrap());
    }
    let msg = std::fs::read_to_string(&message).unwrap();
    file_case(cases, "own-message", msg.clone());

    use Expect::*;
    let item = std::fs::read_to_string(&own[0]).unwrap();
    let nar = "xmlns=\"http://iptc.org/std/nar/2006-10-01/\"";
    let item_class = "<itemClass qcode=\"ninat:text\"/>";
    let version_open = "<versionCreated>";
    let mutations: Vec<(&str, String, Expect)> = vec![
        (
            "namespace-typo",
            edit(&item, nar, "xmlns=\"http://iptc.org/std/nar/2006-10-02/\""),
            Invalid,
        ),
        (
            "no-guid",
            edit(&item, " guid=\"urn:uuid:", " data-guid=\"urn:uuid:"),
            Invalid,
        ),
        // Both optional for the XSD (version defaults to 1, conformance is free
        // text): colloquy's profile fixes them, the standard does not.
        ("no-version", edit(&item, " version=\"1\"", ""), Valid),
        (
            "other-conformance",
            edit(&item, "conformance=\"power\"", "conformance=\"core\""),
            Valid,
        ),
        (
            "qcode-without-colon",
            edit(&item, item_class, "<itemClass qcode=\"ninattext\"/>"),
            Invalid,
        ),
        (
            "itemClass-after-versionCreated",
            edit(&item, item_class, "").replacen(
                version_open,
                &format!("{item_class}{version_open}"),
                1,
            ),
            Invalid,
        ),
        (
            "bad-date",
            edit(
                &item,
                "<versionCreated>2025-06-01T12:00:00+07:00",
                "<versionCreated>2025-06-31T12:00:00+07:00",
            ),
            Invalid,
        ),
        (
            "unknown-nar-element-in-contentMeta",
            edit(&item, "</contentMeta>", "<mood>calm</mood></contentMeta>"),
            Invalid,
        ),
        (
            "no-itemMeta",
            cut(&item, "<itemMeta>", "</itemMeta>"),
            Invalid,
        ),
        (
            "extension-element-in-itemMeta",
            edit(
                &item,
                "</itemMeta>",
                "<x:shelf xmlns:x=\"http://archive.example/ns\">B-12</x:shelf></itemMeta>",
            ),
            Valid,
        ),
        (
            "extension-element-in-contentMeta",
            edit(
                &item,
                "</contentMeta>",
                "<x:shelf xmlns:x=\"http://archive.example/ns\">B-12</x:shelf></contentMeta>",
            ),
            Valid,
        ),
        (
            "html5-figure-in-body",
            edit(&item, "<body>", "<body><figure><p>x</p></figure>"),
            Valid,
        ),
        (
            "doctype",
            edit(&item, "<newsItem", "<!DOCTYPE newsItem>\n<newsItem"),
            Stricter("xml/doctype"),
        ),
        (
            "html-outside-xhtml-namespace",
            edit(
                &item,
                "<html xmlns=\"http://www.w3.org/1999/xhtml\"",
                "<html xmlns=\"http://www.w3.org/1999/xhtml-typo\"",
            ),
            Stricter("newsml/xhtml-root"),
        ),
        (
            "duplicate-id",
            edit(&msg, "<itemRef ", "<itemRef id=\"same\" ")
                .replacen("<itemRef ", "<itemRef id=\"same\" ", 2)
                .replacen(
                    "<itemRef id=\"same\" id=\"same\" ",
                    "<itemRef id=\"same\" ",
                    1,
                ),
            Invalid,
        ),
        (
            "misspelled-item-in-itemSet",
            {
                let at = msg.find("<itemSet>").unwrap();
                let (head, tail) = msg.split_at(at);
                let tail = edit(tail, "<newsItem ", "<newsitem ");
                let close = tail.find("</newsItem>").unwrap();
                format!(
                    "{head}{}</newsitem>{}",
                    &tail[..close],
                    &tail[close + "</newsItem>".len()..]
                )
            },
            Stricter("newsml/item-name"),
        ),
        (
            "message-without-header",
            cut(&msg, "<header>", "</header>"),
            Invalid,
        ),
    ];
    for (name, text, expect) in mutations {
        case(cases, &format!("own-{name}"), text, expect);
    }
}

/// `colloquy validate DIR --report json [extra]`: file name → valid, and each file's
/// error rules.
fn colloquy_verdicts(dir: &Path, extra: &[&str]) -> BTreeMap<String, (bool, Vec<String>)> {
    let out = Command::cargo_bin("colloquy")
        .unwrap()
        .env_remove("CI")
        .args(["validate", "--report", "json"])
        .args(extra)
        .arg(dir)
        .output()
        .unwrap();
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&out.stderr)));
    doc["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            let name = Path::new(f["path"].as_str().unwrap())
                .file_name()
                .unwrap()
                .to_string_lossy()
                .to_string();
            let rules = f["findings"]
                .as_array()
                .unwrap()
                .iter()
                .filter(|x| x["severity"] == "error")
                .map(|x| x["rule"].as_str().unwrap().to_string())
                .collect();
            (name, (f["valid"].as_bool().unwrap(), rules))
        })
        .collect()
}

#[test]
fn validate_gives_the_official_xsd_verdict() {
    let tmp = tempfile::tempdir().unwrap();
    let mut cases = Vec::new();
    official_cases(&mut cases);
    own_cases(&mut cases, tmp.path());
    let dir = tmp.path().join("cases");
    std::fs::create_dir(&dir).unwrap();
    for (i, c) in cases.iter().enumerate() {
        std::fs::write(dir.join(format!("{i:02}-{}.xml", c.name)), &c.text).unwrap();
    }
    let mutated = cases.iter().filter(|c| c.mutation).count();
    assert!(mutated >= 17, "{mutated} mutations");
    if cases.len() > mutated + 8 {
        // With ../shared: the 14 IPTC files and at least 20 mutations besides ours.
        assert!(mutated >= 30, "{mutated} mutations");
    }

    let runs = [
        ("without --xsd", colloquy_verdicts(&dir, &[])),
        (
            "with --xsd",
            colloquy_verdicts(&dir, &["--xsd", OFFICIAL_XSD]),
        ),
    ];
    let mut problems = Vec::new();
    for (i, c) in cases.iter().enumerate() {
        let file = format!("{i:02}-{}.xml", c.name);
        let official = official_verdict(&c.text);
        let official_valid = official.is_ok();
        let want_official = c.expect != Expect::Invalid;
        if official_valid != want_official {
            problems.push(format!(
                "{file}: the official XSD says valid={official_valid}, the case expects {:?}: {official:?}",
                c.expect
            ));
        }
        for (how, verdicts) in &runs {
            let (valid, rules) = &verdicts[&file];
            let ok = match c.expect {
                Expect::Valid | Expect::Invalid => *valid == official_valid,
                Expect::Stricter(rule) => !valid && rules.iter().all(|r| r == rule),
            };
            if !ok {
                problems.push(format!(
                    "{file} {how}: colloquy valid={valid} {rules:?}, official valid={official_valid} {official:?}"
                ));
            }
        }
    }
    if let Some(keep) = std::env::var_os("KEEP_CASES") {
        std::fs::rename(&dir, keep).unwrap();
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    eprintln!(
        "{} documents: colloquy and the official XSD agree",
        cases.len()
    );
}

/// The interview profile is colloquy's output contract: stricter than the standard,
/// never looser. Every case here the official XSD rejects — the IPTC mutations, the
/// mutations of colloquy's own items, and values the official `g2normalizedString`
/// refuses (a TAB or line break in a name, keyword or credit line) — the profile XSD
/// rejects too, so convert, which checks both, can never rely on the profile alone.
#[test]
fn the_profile_never_accepts_what_the_official_xsd_rejects() {
    let tmp = tempfile::tempdir().unwrap();
    let mut cases = Vec::new();
    official_cases(&mut cases);
    own_cases(&mut cases, tmp.path());
    let own: Vec<String> = cases
        .iter()
        .filter(|c| c.name.starts_with("own-") && c.text.contains("<newsItem"))
        .map(|c| c.text.clone())
        .collect();
    let mut whitespace = 0;
    for (i, text) in own.iter().enumerate() {
        for (tag, bad) in [("<name>", "\t"), ("<name>", "\n"), ("<keyword", "\t")] {
            let Some(at) = text.find(tag) else { continue };
            let Some(gt) = text[at..].find('>').map(|g| at + g + 1) else {
                continue;
            };
            let mut t = text.clone();
            t.insert_str(gt, bad);
            case(
                &mut cases,
                &format!("own{i}-{}-{:?}", &tag[1..], bad),
                t,
                Expect::Invalid,
            );
            whitespace += 1;
        }
    }
    assert!(
        whitespace >= 3,
        "no name or keyword in colloquy's own items to mutate"
    );
    let profile = colloquy::check::xsd::XsdCheck::profile().unwrap();
    let mut rejected = 0;
    for c in &cases {
        if official_verdict(&c.text).is_ok() {
            continue;
        }
        rejected += 1;
        let findings = profile.check(&c.text);
        assert!(
            findings
                .iter()
                .any(|f| f.severity == colloquy::model::Severity::Error),
            "{}: the official XSD rejects it, the interview profile accepts it",
            c.name
        );
    }
    assert!(rejected >= 10, "{rejected} rejected cases");
}
