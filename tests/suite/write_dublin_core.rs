//! The Dublin Core writer: an OAI-PMH `oai_dc:dc` record read back with libxml2's
//! XPath, the mapping README documents, nothing invented, and the bundled oai_dc schema
//! (and `colloquy validate`) rejecting records an archive must not ingest.

use crate::common;

use assert_cmd::Command;
use colloquy::check::{Checker, DocKind};
use colloquy::model::{Provenance, Severity, Sourced};
use colloquy::write::dublin_core::{self, DC_NS, OAI_DC_NS};
use libxml::parser::Parser;
use libxml::xpath::Context;

const SEED: &str = "seeds/000_197680a15b8fd6ec.txt";

struct Doc {
    _doc: libxml::tree::Document,
    ctx: Context,
}

impl Doc {
    fn parse(xml: &str) -> Doc {
        let doc = Parser::default().parse_string(xml).expect("well-formed");
        let ctx = Context::new(&doc).unwrap();
        ctx.register_namespace("oai_dc", OAI_DC_NS).unwrap();
        ctx.register_namespace("dc", DC_NS).unwrap();
        Doc { _doc: doc, ctx }
    }
    fn values(&mut self, xpath: &str) -> Vec<String> {
        self.ctx.findvalues(xpath, None).unwrap()
    }
}

fn flag<T>(value: T) -> Sourced<T> {
    Sourced::new(
        value,
        Provenance::Flag {
            name: "test".into(),
        },
    )
}

fn rules(findings: &[colloquy::check::Finding], severity: Severity) -> Vec<String> {
    findings
        .iter()
        .filter(|f| f.severity == severity)
        .map(|f| f.rule.clone())
        .collect()
}

fn colloquy() -> Command {
    let mut cmd = Command::cargo_bin("colloquy").unwrap();
    cmd.env_remove("SOURCE_DATE_EPOCH");
    cmd.env_remove("CI");
    cmd
}

#[test]
fn full_record_follows_the_documented_mapping() {
    let iv = common::full();
    let ctx = common::ctx(&iv);
    let xml = dublin_core::record(&iv, &ctx);
    let mut d = Doc::parse(&xml);
    assert_eq!(
        d.values("/oai_dc:dc/dc:title"),
        ["Wawancara dengan Duta Besar"]
    );
    assert_eq!(d.values("/oai_dc:dc/dc:title/@xml:lang"), ["id"]);
    // Interviewees first, then the interviewer: both made the interview.
    assert_eq!(
        d.values("/oai_dc:dc/dc:creator"),
        ["Budi Santoso", "Ana Wijaya", "Siti Rahma"]
    );
    assert_eq!(d.values("/oai_dc:dc/dc:contributor"), ["Dewi Lestari"]);
    assert_eq!(d.values("/oai_dc:dc/dc:publisher"), ["Kabar Contoh"]);
    // datePublished exactly as written; dateModified is not a second dc:date.
    assert_eq!(
        d.values("/oai_dc:dc/dc:date"),
        ["2026-05-12T09:30:00+07:00"]
    );
    assert_eq!(d.values("/oai_dc:dc/dc:type"), ["Text", "Interview"]);
    assert_eq!(d.values("/oai_dc:dc/dc:format"), ["text/html"]);
    assert_eq!(
        d.values("/oai_dc:dc/dc:identifier"),
        [
            ctx.guid.as_str(),
            "https://news.example.id/wawancara/2026/05/duta-besar",
            "kabar-contoh-id:KC-2026-017",
            "https://example.org/ids:42"
        ]
    );
    assert_eq!(
        d.values("/oai_dc:dc/dc:source"),
        ["https://example.org/wawancara/duta-besar-lengkap"]
    );
    assert_eq!(d.values("/oai_dc:dc/dc:language"), ["id"]);
    assert_eq!(
        d.values("/oai_dc:dc/dc:description"),
        ["Sebuah wawancara tentang diplomasi."]
    );
    assert_eq!(
        d.values("/oai_dc:dc/dc:subject"),
        ["diplomasi", "pendidikan"]
    );
    assert_eq!(d.values("/oai_dc:dc/dc:subject/@xml:lang"), ["id", "id"]);
    assert_eq!(
        d.values("/oai_dc:dc/dc:relation"),
        ["https://bao.example.vn/phong-van/dai-su"]
    );
    assert_eq!(
        d.values("/oai_dc:dc/dc:rights"),
        [
            "https://creativecommons.org/licenses/by/4.0/",
            "© 2026 Kabar Contoh"
        ]
    );
    // Names, URLs and codes carry no language.
    assert_eq!(
        d.values("//*[@xml:lang]").len(),
        d.values("//dc:title | //dc:description | //dc:subject")
            .len()
    );
    assert!(d.values("/oai_dc:dc/dc:coverage").is_empty());
    // Only DC elements inside the record.
    assert!(d
        .values("/oai_dc:dc/*[namespace-uri() != 'http://purl.org/dc/elements/1.1/']")
        .is_empty());
}

#[test]
fn nothing_is_invented_for_a_bare_interview() {
    let iv = common::bare();
    let ctx = common::ctx(&iv);
    let xml = dublin_core::record(&iv, &ctx);
    let mut d = Doc::parse(&xml);
    for absent in [
        "title",
        "creator",
        "contributor",
        "publisher",
        "date",
        "format",
        "source",
        "language",
        "description",
        "subject",
        "relation",
        "rights",
    ] {
        assert!(
            d.values(&format!("/oai_dc:dc/dc:{absent}")).is_empty(),
            "dc:{absent} without a value in the model:\n{xml}"
        );
    }
    assert_eq!(d.values("/oai_dc:dc/dc:identifier"), [ctx.guid.as_str()]);
    assert!(d.values("//@xml:lang").is_empty());
    let checker = Checker::new(None).unwrap();
    assert!(rules(&checker.check_dublin_core(&xml), Severity::Error).is_empty());
}

#[test]
fn the_copyright_holder_stands_in_when_no_notice_is_known() {
    let mut iv = common::full();
    let rights = iv.meta.rights.as_mut().unwrap();
    rights.value.copyright_notice = None;
    rights.value.license = None;
    let xml = dublin_core::record(&iv, &common::ctx(&iv));
    assert_eq!(
        Doc::parse(&xml).values("/oai_dc:dc/dc:rights"),
        ["Copyright holder: Kabar Contoh"]
    );
}

#[test]
fn text_is_clean_xml_and_the_record_is_deterministic() {
    let mut iv = common::small();
    iv.meta.headline = Some(flag("Dua\u{1} <negara> & \"satu\"\u{FFFF}".to_string()));
    let ctx = common::ctx(&iv);
    let xml = dublin_core::record(&iv, &ctx);
    assert_eq!(xml, dublin_core::record(&iv, &ctx));
    assert_eq!(
        Doc::parse(&xml).values("/oai_dc:dc/dc:title"),
        ["Dua <negara> & \"satu\""]
    );
    let checker = Checker::new(None).unwrap();
    assert!(rules(&checker.check_dublin_core(&xml), Severity::Error).is_empty());
    assert_eq!(
        colloquy::check::detect(xml.as_bytes()),
        Some(DocKind::DublinCore)
    );
}

#[test]
fn our_records_pass_the_bundled_schema_and_broken_ones_do_not() {
    let checker = Checker::new(None).unwrap();
    let iv = common::full();
    let good = dublin_core::record(&iv, &common::ctx(&iv));
    let findings = checker.check_dublin_core(&good);
    assert!(rules(&findings, Severity::Error).is_empty(), "{findings:?}");
    assert!(
        rules(&findings, Severity::Warning).is_empty(),
        "{findings:?}"
    );

    let cases = [
        // An element that is not one of the fifteen.
        (good.replace("dc:title", "dc:titel"), "dc/element"),
        // A qualified-DC element in simple DC.
        (
            good.replace(
                "</oai_dc:dc>",
                "<dcterms:abstract xmlns:dcterms=\"http://purl.org/dc/terms/\">x</dcterms:abstract></oai_dc:dc>",
            ),
            "dc/element",
        ),
        // Markup inside a DC element.
        (
            good.replace("<dc:publisher>", "<dc:publisher><dc:title>x</dc:title>"),
            "dc/element",
        ),
        // A stray attribute.
        (good.replace("<dc:publisher>", "<dc:publisher role=\"x\">"), "dc/attribute"),
        // Not well-formed.
        (good.replace("</dc:publisher>", ""), "xml/malformed"),
    ];
    for (xml, rule) in cases {
        let findings = checker.check_dublin_core(&xml);
        let errors = rules(&findings, Severity::Error);
        assert!(errors.iter().any(|r| r == rule), "{rule}: {findings:?}");
    }
}

#[test]
fn empty_elements_and_free_text_dates_are_warnings() {
    let checker = Checker::new(None).unwrap();
    let xml = format!(
        r#"<oai_dc:dc xmlns:oai_dc="{OAI_DC_NS}" xmlns:dc="{DC_NS}">
  <dc:title>Ein Gespräch</dc:title>
  <dc:creator/>
  <dc:subject>  </dc:subject>
  <dc:date>12. Mai 2026</dc:date>
  <dc:date>2026-05-12</dc:date>
</oai_dc:dc>"#
    );
    let findings = checker.check_dublin_core(&xml);
    assert!(rules(&findings, Severity::Error).is_empty(), "{findings:?}");
    assert_eq!(
        rules(&findings, Severity::Warning),
        ["dc/empty", "dc/empty", "dc/date-format"]
    );
    let date = findings
        .iter()
        .find(|f| f.rule == "dc/date-format")
        .unwrap();
    assert_eq!(date.location.line, Some(5));
}

#[test]
fn convert_writes_the_record_and_validate_judges_records_by_content() {
    let seed_path = crate::shared_or_skip!(SEED);
    let seed = seed_path.to_str().unwrap();
    let dir = tempfile::tempdir().unwrap();
    colloquy()
        .args(["convert", seed, "samples", "--to", "dc", "-o"])
        .arg(dir.path())
        .assert()
        .success();
    let record = dir.path().join("000_197680a15b8fd6ec.dc.xml");
    let mut records = 0;
    for entry in std::fs::read_dir(dir.path()).unwrap() {
        let path = entry.unwrap().path();
        if path.ends_with(colloquy::state::STATE_FILE) {
            continue; // the run's record, no output
        }
        assert!(path.to_string_lossy().ends_with(".dc.xml"), "{path:?}");
        records += 1;
    }
    assert!(records >= 4, "the seed and every sample");
    colloquy()
        .arg("validate")
        .arg(dir.path())
        .assert()
        .success();

    let xml = std::fs::read_to_string(&record).unwrap();
    let mut d = Doc::parse(&xml);
    assert_eq!(d.values("/oai_dc:dc/dc:creator"), ["Vu Le Thai Hoang"]);
    assert_eq!(d.values("/oai_dc:dc/dc:language"), ["id"]);
    assert_eq!(
        d.values("/oai_dc:dc/dc:source"),
        ["https://baoquocte.vn/diem-den-tin-cay-cua-cac-sang-kien-quoc-te-332092.html"]
    );
    // The seed states no date and no headline: none is written.
    assert!(d.values("/oai_dc:dc/dc:date").is_empty());
    assert!(d.values("/oai_dc:dc/dc:title").is_empty());

    // The GUID is the one the JSON-LD carries.
    let json = colloquy()
        .args(["convert", seed, "--stdout", "--to", "jsonld"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let json: serde_json::Value = serde_json::from_slice(&json).unwrap();
    assert_eq!(
        d.values("/oai_dc:dc/dc:identifier")[0],
        json["@id"].as_str().unwrap()
    );

    // A record with an unknown element: exit 1, the rule id and the line.
    let bad = dir.path().join("bad.xml");
    std::fs::write(&bad, xml.replace("dc:creator", "dc:author")).unwrap();
    let out = colloquy()
        .args(["validate", "--report", "json"])
        .arg(&bad)
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let report: serde_json::Value = serde_json::from_slice(&out).unwrap();
    let text = report.to_string();
    assert!(text.contains("\"dc/element\""), "{text}");
    assert!(text.contains("\"kind\":\"dc\""), "{text}");
    assert!(text.contains("dc:author"), "{text}");
    let human = colloquy().arg("validate").arg(&bad).assert().code(1);
    let human = String::from_utf8_lossy(&human.get_output().stdout).to_string();
    assert!(human.contains("bad.xml:3:"), "{human}");
}

#[test]
fn a_record_the_schema_refuses_is_never_handed_out() {
    use colloquy::pipeline::{self, ConvertError, ConvertOptions, OutputFormat, VersionCreated};
    colloquy::check::xsd::init();
    let checker = Checker::new(None).unwrap();
    // `en_US` is no xs:language: the record's xml:lang breaks the bundled schema.
    let mut iv = common::small();
    iv.meta.language = Some(flag("en_US".to_string()));
    let options = ConvertOptions {
        formats: vec![OutputFormat::DublinCore],
        version_created: VersionCreated::Fixed("2025-06-01T12:00:00+07:00".into()),
        ..Default::default()
    };
    match pipeline::write_checked("bad.txt", "x", iv, &options, &checker).unwrap_err() {
        ConvertError::Invalid {
            format, findings, ..
        } => {
            assert_eq!(format, "Dublin Core");
            assert!(
                findings.iter().all(|f| f.rule.starts_with("dc/")),
                "{findings:?}"
            );
        }
        other => panic!("{other}"),
    }
}
