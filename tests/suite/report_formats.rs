//! Every report format, parsed back by a real parser: JSON and NDJSON with serde_json,
//! JUnit with quick-xml, SARIF against a SARIF 2.1.0 JSON Schema subset (written by us
//! from the official schema's structure: tests/fixtures/sarif-2.1.0-subset.schema.json),
//! GitHub workflow commands by regex. The reports come from real checks.

use colloquy::check::report::{render, Format};
use colloquy::check::{Checker, FileReport};
use colloquy::model::Severity;
use quick_xml::events::Event;
use quick_xml::Reader;
use std::collections::BTreeMap;

/// Errors (an unknown type, a misspelled property) and a Google warning (date without time).
const BROKEN: &str = "{\"@context\": \"https://schema.org\",\n \"@type\": \"NewsArticle\", \"about\": {\"@type\": \"Interview\"},\n \"headlin\": \"x\", \"datePublished\": \"2026-05-12\"}";

/// Line and column of the unknown type in BROKEN.
fn interview_pos() -> (u64, u64) {
    let at = BROKEN.find("\"Interview\"").unwrap();
    let line = BROKEN[..at].matches('\n').count() + 1;
    let col = at - BROKEN[..at].rfind('\n').unwrap();
    (line as u64, col as u64)
}

fn reports() -> Vec<FileReport> {
    let checker = Checker::new(None).unwrap();
    let valid = r#"{"@context": "https://schema.org", "@type": "NewsArticle", "headline": "h",
  "author": {"@type": "Person", "name": "A"}, "datePublished": "2026-05-12T09:30:00+07:00",
  "image": "https://x.example/i.jpg", "creditText": "c"}"#;
    let page = "<html>\n<script type=\"application/ld+json\">\n{\"@context\": \"https://schema.org\", \"@type\": \"Person\",}\n</script>\n</html>";
    vec![
        checker.check("ok/valid.jsonld", valid.as_bytes()),
        checker.check("bad dir/broken, 1.jsonld", BROKEN.as_bytes()),
        checker.check("page.html", page.as_bytes()),
        checker.check("notes.txt", b"Q: why?"),
    ]
}

fn totals(reports: &[FileReport]) -> (usize, usize, usize) {
    let count = |s| reports.iter().map(|r| r.count(s)).sum::<usize>();
    (
        count(Severity::Error),
        count(Severity::Warning),
        count(Severity::Info),
    )
}

#[test]
fn fixture_reports_cover_every_severity() {
    let r = reports();
    let (e, w, i) = totals(&r);
    assert!(e >= 4 && w >= 1 && i >= 1, "{e} {w} {i}");
    assert!(!r[0].has_errors());
    assert!(r[1].has_errors() && r[2].has_errors() && r[3].has_errors());
}

#[test]
fn json_and_ndjson_parse_back() {
    let r = reports();
    let (e, w, i) = totals(&r);
    let doc: serde_json::Value = serde_json::from_str(&render(Format::Json, &r)).unwrap();
    assert_eq!(doc["summary"]["files"], 4);
    assert_eq!(doc["summary"]["files_with_errors"], 3);
    assert_eq!(doc["summary"]["errors"], e);
    assert_eq!(doc["files"][1]["path"], "bad dir/broken, 1.jsonld");
    assert_eq!(doc["files"][1]["valid"], false);
    assert_eq!(doc["files"][2]["kind"], "html");
    assert_eq!(doc["files"][3]["kind"], serde_json::Value::Null);
    let findings = doc["files"][1]["findings"].as_array().unwrap();
    let unknown = findings
        .iter()
        .find(|f| f["rule"] == "schemaorg/unknown-type")
        .unwrap();
    assert_eq!(unknown["severity"], "error");
    assert_eq!(unknown["location"]["line"], interview_pos().0);
    assert_eq!(unknown["location"]["column"], interview_pos().1);

    let nd = render(Format::Ndjson, &r);
    let lines: Vec<serde_json::Value> = nd
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), e + w + i);
    let errors = lines.iter().filter(|l| l["severity"] == "error").count();
    assert_eq!(errors, e);
    assert!(lines
        .iter()
        .all(|l| l["path"].is_string() && l["rule"].is_string() && l["message"].is_string()));
}

#[test]
fn junit_reads_back_with_one_testcase_per_file() {
    let r = reports();
    let xml = render(Format::Junit, &r);
    let mut reader = Reader::from_str(&xml);
    let mut testcases = Vec::new();
    let mut failures = 0;
    let mut suite_attrs = BTreeMap::new();
    let mut current: Option<String> = None;
    let mut failure_text = String::new();
    let mut in_failure = false;
    loop {
        match reader.read_event().unwrap() {
            Event::Start(e) | Event::Empty(e) => {
                let attrs: BTreeMap<String, String> = e
                    .attributes()
                    .map(|a| {
                        let a = a.unwrap();
                        (
                            a.key.as_ref().to_string(),
                            a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                                .unwrap()
                                .into_owned(),
                        )
                    })
                    .collect();
                match e.name().as_ref() {
                    "testsuite" => suite_attrs = attrs,
                    "testcase" => {
                        testcases.push(attrs["name"].clone());
                        current = Some(attrs["name"].clone());
                    }
                    "failure" => {
                        failures += 1;
                        in_failure = true;
                        assert!(attrs.contains_key("message") && attrs.contains_key("type"));
                    }
                    _ => {}
                }
            }
            Event::Text(t) if in_failure => failure_text.push_str(&t),
            Event::GeneralRef(g) if in_failure => failure_text.push_str(&format!("&{};", &*g)),
            Event::End(e) if e.name().as_ref() == "failure" => in_failure = false,
            Event::Eof => break,
            _ => {}
        }
    }
    let _ = current;
    assert_eq!(
        testcases,
        [
            "ok/valid.jsonld",
            "bad dir/broken, 1.jsonld",
            "page.html",
            "notes.txt"
        ]
    );
    assert_eq!(failures, 3);
    assert_eq!(suite_attrs["tests"], "4");
    assert_eq!(suite_attrs["failures"], "3");
    assert!(
        failure_text.contains("schemaorg/unknown-type"),
        "{failure_text}"
    );
}

#[test]
fn sarif_is_valid_against_the_sarif_2_1_0_schema() {
    let r = reports();
    let sarif: serde_json::Value = serde_json::from_str(&render(Format::Sarif, &r)).unwrap();
    let schema: serde_json::Value =
        serde_json::from_str(include_str!("../fixtures/sarif-2.1.0-subset.schema.json")).unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    let problems: Vec<String> = validator
        .iter_errors(&sarif)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(problems.is_empty(), "{problems:#?}");

    // The schema cannot check cross-references: every result names a rule by id and
    // index, and the rule has help text.
    let run = &sarif["runs"][0];
    let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
    let results = run["results"].as_array().unwrap();
    let (e, w, i) = totals(&r);
    assert_eq!(results.len(), e + w + i);
    for res in results {
        let rule = &rules[res["ruleIndex"].as_u64().unwrap() as usize];
        assert_eq!(rule["id"], res["ruleId"]);
        assert!(!rule["help"]["text"].as_str().unwrap().is_empty());
    }
    let broken = results
        .iter()
        .find(|r| r["ruleId"] == "schemaorg/unknown-type")
        .unwrap();
    let loc = &broken["locations"][0]["physicalLocation"];
    assert_eq!(
        loc["artifactLocation"]["uri"],
        "bad%20dir/broken,%201.jsonld"
    );
    assert_eq!(loc["region"]["startLine"], interview_pos().0);
    assert_eq!(loc["region"]["startColumn"], interview_pos().1);
    // Every checked file is an artifact naming what it was checked against; results
    // point at their artifact.
    let artifacts = run["artifacts"].as_array().unwrap();
    assert_eq!(artifacts.len(), r.len());
    assert_eq!(artifacts[0]["location"]["uri"], "ok/valid.jsonld");
    assert_eq!(artifacts[0]["properties"]["valid"], true);
    assert!(artifacts[0]["properties"]["checkedAgainst"][0]
        .as_str()
        .unwrap()
        .contains("schema.org"));
    assert_eq!(loc["artifactLocation"]["index"], 1);
    // A broken document must fail the schema: the check is not vacuous.
    let mut bad = sarif.clone();
    bad["runs"][0]["results"][0]["level"] = "fatal".into();
    assert!(!validator.is_valid(&bad));
}

#[test]
fn github_lines_are_workflow_commands() {
    let r = reports();
    let out = render(Format::Github, &r);
    let re = regex::Regex::new(
        r"^::(error|warning|notice) file=([^,:]+)(,line=(\d+))?(,col=(\d+))?,title=([^,:]+)::(.+)$",
    )
    .unwrap();
    let (e, w, i) = totals(&r);
    // Workflow commands for the findings; plain log lines (no `::`) for what each file
    // that could be checked was checked against.
    let (lines, log): (Vec<&str>, Vec<&str>) = out.lines().partition(|l| l.starts_with("::"));
    assert_eq!(lines.len(), e + w + i);
    for l in &lines {
        assert!(re.is_match(l), "not a workflow command: {l}");
    }
    assert_eq!(
        log,
        [
            "colloquy: ok/valid.jsonld: valid; checked against schema.org 30.0 vocabulary and Google Article profile (bundled)",
            "colloquy: bad dir/broken, 1.jsonld: invalid; checked against schema.org 30.0 vocabulary and Google Article profile (bundled)",
            "colloquy: page.html: invalid; checked against schema.org 30.0 vocabulary and Google Article profile (bundled)",
        ]
    );
    let broken = lines
        .iter()
        .find(|l| l.contains("title=schemaorg/unknown-type"))
        .unwrap();
    let c = re.captures(broken).unwrap();
    assert_eq!(&c[1], "error");
    assert_eq!(&c[2], "bad dir/broken%2C 1.jsonld");
    assert_eq!(c[4].parse::<u64>().unwrap(), interview_pos().0);
    assert_eq!(c[6].parse::<u64>().unwrap(), interview_pos().1);
    // Multi-line messages (message + hint) are escaped onto one line.
    assert!(c[8].contains("%0Ahint: "));
}

#[test]
fn human_report_has_file_line_col_rule_and_hint() {
    let r = reports();
    let out = render(Format::Human, &r);
    let (l, c) = interview_pos();
    assert!(
        out.contains(&format!("bad dir/broken, 1.jsonld:{l}:{c}: error schemaorg/unknown-type: unknown schema.org type `Interview`\n")),
        "{out}"
    );
    let re = regex::Regex::new(
        r"(?m)^page\.html:3:\d+: error json/syntax: JSON-LD block 1: invalid JSON",
    )
    .unwrap();
    assert!(re.is_match(&out), "{out}");
    assert!(out.contains("    hint: "));
    assert!(
        !out.contains(": info "),
        "notes are counted, not listed: {out}"
    );
    let (e, w, i) = totals(&r);
    assert!(
        out.ends_with(&format!(
            "4 files checked: 3 invalid; {e} errors, {w} warning{}, {i} note{} (listed by --report json)\n",
            if w == 1 { "" } else { "s" },
            if i == 1 { "" } else { "s" }
        )),
        "{out}"
    );
}

#[test]
fn output_is_deterministic() {
    for f in [
        Format::Human,
        Format::Json,
        Format::Ndjson,
        Format::Junit,
        Format::Sarif,
        Format::Github,
    ] {
        assert_eq!(render(f, &reports()), render(f, &reports()), "{f:?}");
    }
}
