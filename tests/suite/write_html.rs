//! The HTML page writer: the page a browser's HTML5 parser (html5ever, via scraper)
//! builds from our bytes holds exactly the `.jsonld` document in its one JSON-LD block,
//! the visible text is the model's text however much markup it contains, our own checks
//! and `colloquy validate` accept the page, and a page whose JSON-LD is broken is
//! rejected.

use crate::common;

use assert_cmd::Command;
use colloquy::check::{html, Checker};
use colloquy::model::{Provenance, Severity, Sourced};
use colloquy::pipeline::{self, ConvertOptions, OutputFormat, VersionCreated};
use colloquy::write::{html as page, jsonld};
use scraper::{Html, Selector};
use std::path::PathBuf;

const SEED: &str = "seeds/000_197680a15b8fd6ec.txt";

fn colloquy() -> Command {
    let mut cmd = Command::cargo_bin("colloquy").unwrap();
    cmd.env_remove("SOURCE_DATE_EPOCH");
    cmd.env_remove("CI");
    cmd
}

fn sel(s: &str) -> Selector {
    Selector::parse(s).unwrap()
}

/// The text of every element matching `css`, as the HTML5 parser decodes it.
fn texts(doc: &Html, css: &str) -> Vec<String> {
    doc.select(&sel(css))
        .map(|e| e.text().collect::<String>())
        .collect()
}

fn flag<T>(value: T) -> Sourced<T> {
    Sourced::new(
        value,
        Provenance::Flag {
            name: "test".into(),
        },
    )
}

fn errors(findings: &[colloquy::check::Finding]) -> Vec<String> {
    findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .map(|f| format!("{}: {}", f.rule, f.message))
        .collect()
}

#[test]
fn the_embedded_jsonld_is_the_jsonld_output_byte_for_byte() {
    for iv in [common::small(), common::full(), common::bare()] {
        let ctx = common::ctx(&iv);
        let json = jsonld::render(&iv, &ctx);
        let text = page::page(&iv, &ctx);
        // A real HTML5 parser sees one JSON-LD script whose text is the document.
        let doc = Html::parse_document(&text);
        let blocks = texts(&doc, r#"script[type="application/ld+json"]"#);
        assert_eq!(blocks, [json.as_str()]);
        // So does our own extraction, which validate and convert use.
        let scan = html::scan(&text);
        assert_eq!(scan.blocks.len(), 1);
        assert_eq!(scan.blocks[0].text, json);
        assert!(scan.unterminated.is_none());
    }
}

#[test]
fn the_page_shows_the_interview() {
    let iv = common::full();
    let text = page::page(&iv, &common::ctx(&iv));
    let doc = Html::parse_document(&text);
    let html_el = doc.select(&sel("html")).next().unwrap();
    assert_eq!(html_el.value().attr("lang"), Some("id"));
    assert_eq!(
        doc.select(&sel("meta[charset]"))
            .next()
            .unwrap()
            .value()
            .attr("charset"),
        Some("utf-8")
    );
    assert_eq!(texts(&doc, "title"), ["Wawancara dengan Duta Besar"]);
    assert_eq!(texts(&doc, "h1"), ["Wawancara dengan Duta Besar"]);
    // The lead, with the vertical tab XML and HTML forbid removed.
    assert_eq!(
        texts(&doc, ".lead p"),
        ["Budi Santoso menjabat sejak 2024."]
    );
    // Each turn by class, the speaker's name (not the label) when known.
    assert_eq!(
        texts(&doc, ".question p"),
        [
            "Siti Rahma: Apa prioritas Anda? <script>alert(1)</script>",
            "Siti Rahma: Dan terakhir?"
        ]
    );
    assert_eq!(
        texts(&doc, ".answer .speaker"),
        ["Budi Santoso:", "Ana Wijaya:"]
    );
    let speakers: Vec<_> = doc
        .select(&sel(".answer"))
        .map(|e| e.value().attr("data-speaker").unwrap().to_string())
        .collect();
    assert_eq!(speakers, ["Budi Santoso", "Ana Wijaya"]);
    assert_eq!(texts(&doc, ".remark p"), ["(tertawa)"]);
    assert_eq!(
        texts(&doc, ".closing p"),
        ["Siti Rahma: Terima kasih banyak, Duta Besar!"]
    );
    // No script ran from an answer: the only script element is the JSON-LD.
    assert_eq!(doc.select(&sel("script")).count(), 1);
    // Figures: img only where a URL is known, caption and credit apart.
    let figures: Vec<_> = doc.select(&sel("figure")).collect();
    assert_eq!(figures.len(), 2);
    assert_eq!(figures[0].select(&sel("img")).count(), 0);
    let img = figures[1].select(&sel("img")).next().unwrap();
    assert_eq!(
        img.value().attr("src"),
        Some("https://news.example.id/img/2.jpg")
    );
    assert_eq!(img.value().attr("alt"), Some("Dua diplomat"));
    assert_eq!(
        texts(&doc, "figcaption .credit"),
        ["NVCC", "Kabar Contoh/Dewi"]
    );
    assert_eq!(
        texts(&doc, "figcaption"),
        [
            "Duta Besar Budi Santoso di Jakarta. NVCC",
            "Ana Wijaya & Budi Santoso. Kabar Contoh/Dewi"
        ]
    );
    let source = doc.select(&sel(".source a")).next().unwrap();
    assert_eq!(
        source.value().attr("href"),
        Some("https://example.org/wawancara/duta-besar-lengkap")
    );
    assert_eq!(
        doc.select(&sel("link[rel=canonical]"))
            .next()
            .unwrap()
            .value()
            .attr("href"),
        Some("https://news.example.id/wawancara/2026/05/duta-besar")
    );
    assert_eq!(
        doc.select(&sel("time"))
            .next()
            .unwrap()
            .value()
            .attr("datetime"),
        Some("2026-05-12T09:30:00+07:00")
    );
}

#[test]
fn markup_in_the_text_is_escaped_and_cannot_close_the_script() {
    let mut iv = common::small();
    let headline = "Why </script><script>alert(1)</script> & \"more\" <!--";
    iv.meta.headline = Some(flag(headline.to_string()));
    let answer = r#"a < b && "c" > 'd' </p><b>bold</b>"#;
    iv.turns[1].paragraphs[0].text = answer.to_string();
    iv.figures[0].caption = Some("x\"><img src=y onerror=alert(1)>".into());
    iv.figures[0].image_url = Some("https://example.org/a.jpg?x=1&y=2".into());
    iv.figures[0].alt = Some("say \"hi\" & <b>'".into());
    let ctx = common::ctx(&iv);
    let text = page::page(&iv, &ctx);

    // Raw bytes: nothing of the headline closes the block or opens a comment in it.
    let start = text.find("<script type=\"application/ld+json\">").unwrap();
    let block_end = text[start..].find("</script>").unwrap() + start;
    assert_eq!(&text[block_end..block_end + 18], "</script>\n</head>\n");
    assert!(text.contains("&lt;b&gt;bold&lt;/b&gt;"));
    assert!(text.contains("a &lt; b &amp;&amp; \"c\" &gt;"));

    // What a browser builds: the same strings back, and the one script element.
    let doc = Html::parse_document(&text);
    assert_eq!(texts(&doc, "title"), [headline]);
    assert_eq!(texts(&doc, "h1"), [headline]);
    assert_eq!(doc.select(&sel("script")).count(), 1);
    assert_eq!(doc.select(&sel("b")).count(), 0);
    let answer_p = texts(&doc, ".answer p");
    assert_eq!(answer_p[0], format!("Budi Santoso: {answer}"));
    let img = doc.select(&sel("figure img")).next().unwrap();
    assert_eq!(
        img.value().attr("src"),
        Some("https://example.org/a.jpg?x=1&y=2")
    );
    assert_eq!(img.value().attr("alt"), Some("say \"hi\" & <b>'"));
    assert!(text.contains("alt=\"say &quot;hi&quot; &amp; &lt;b&gt;&#39;\""));
    assert_eq!(doc.select(&sel("img")).count(), 1);
    let block = texts(&doc, r#"script[type="application/ld+json"]"#);
    let json: serde_json::Value = serde_json::from_str(&block[0]).unwrap();
    assert_eq!(json["headline"], headline);
    assert_eq!(block[0], jsonld::render(&iv, &ctx));
    let checker = Checker::new(None).unwrap();
    assert_eq!(errors(&checker.check_html(&text)), Vec::<String>::new());
}

#[test]
fn nothing_unknown_is_invented() {
    let iv = common::bare();
    let text = page::page(&iv, &common::ctx(&iv));
    let doc = Html::parse_document(&text);
    assert_eq!(
        doc.select(&sel("html"))
            .next()
            .unwrap()
            .value()
            .attr("lang"),
        None
    );
    // HTML requires a title: with no headline, no name and no language it is the bare
    // genre, a fact; it is never shown as a headline.
    let titles: Vec<String> = doc
        .select(&sel("title"))
        .map(|t| t.text().collect())
        .collect();
    assert_eq!(titles, ["Interview"]);
    assert_eq!(
        doc.select(&sel("h1, time, figure, .source, .lead")).count(),
        0
    );
    assert_eq!(texts(&doc, ".question p"), ["Why?"]);
    assert_eq!(texts(&doc, ".answer p"), ["Because."]);
    assert!(doc.select(&sel(".speaker")).next().is_none());
}

#[test]
fn the_page_is_deterministic() {
    let iv = common::full();
    let ctx = common::ctx(&iv);
    assert_eq!(page::page(&iv, &ctx), page::page(&iv, &ctx));
}

fn all_formats() -> ConvertOptions {
    ConvertOptions {
        formats: vec![
            OutputFormat::JsonLd,
            OutputFormat::NewsMl,
            OutputFormat::Html,
            OutputFormat::DublinCore,
        ],
        version_created: VersionCreated::Fixed("2025-06-01T12:00:00+07:00".into()),
        ..Default::default()
    }
}

fn seed_and_samples() -> Vec<PathBuf> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir("samples")
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    paths.sort();
    paths.extend(crate::shared::shared(SEED));
    paths
}

#[test]
fn seed_and_every_sample_give_a_checked_page_with_the_jsonld_inside() {
    colloquy::check::xsd::init();
    let checker = Checker::new(None).unwrap();
    for path in seed_and_samples() {
        let name = path.display().to_string();
        let bytes = std::fs::read(&path).unwrap();
        let (text, iv) = pipeline::read(&name, &bytes).unwrap();
        let c = pipeline::write_checked(&name, &text, iv, &all_formats(), &checker)
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        let doc = |f| {
            c.documents
                .iter()
                .find(|d| d.format == f)
                .map(|d| d.text.as_str())
                .unwrap()
        };
        let page_text = doc(OutputFormat::Html);
        let scan = html::scan(page_text);
        assert_eq!(scan.blocks.len(), 1, "{name}");
        assert_eq!(scan.blocks[0].text, doc(OutputFormat::JsonLd), "{name}");
        let report = checker.check(&name, page_text.as_bytes());
        assert_eq!(report.kind, Some(colloquy::check::DocKind::Html));
        assert!(!report.has_errors(), "{name}: {:?}", report.findings);
        // Two runs, the same bytes.
        let (text2, iv2) = pipeline::read(&name, &bytes).unwrap();
        let again = pipeline::write_checked(&name, &text2, iv2, &all_formats(), &checker).unwrap();
        for (a, b) in c.documents.iter().zip(&again.documents) {
            assert_eq!(a.text, b.text, "{name} {:?}", a.format);
        }
    }
}

#[test]
fn validate_accepts_our_page_and_rejects_one_whose_jsonld_lacks_a_required_field() {
    let seed_path = crate::shared_or_skip!(SEED);
    let seed = seed_path.to_str().unwrap();
    let dir = tempfile::tempdir().unwrap();
    colloquy()
        .args(["convert", seed, "--to", "html", "-o"])
        .arg(dir.path())
        .assert()
        .success();
    let path = dir.path().join("000_197680a15b8fd6ec.html");
    assert!(!dir.path().join("000_197680a15b8fd6ec.jsonld").exists());
    colloquy().arg("validate").arg(&path).assert().success();

    // Drop articleBody (required by the bundled JSON Schema) from the embedded block.
    let text = std::fs::read_to_string(&path).unwrap();
    let scan = html::scan(&text);
    let block = scan.blocks[0].text;
    let mut json: serde_json::Value = serde_json::from_str(block).unwrap();
    json.as_object_mut().unwrap().remove("articleBody");
    let broken = text.replacen(block, &serde_json::to_string_pretty(&json).unwrap(), 1);
    let bad = dir.path().join("broken.html");
    std::fs::write(&bad, broken).unwrap();
    // The standards alone accept the page (articleBody is optional for schema.org);
    // colloquy's interview profile requires it.
    colloquy().arg("validate").arg(&bad).assert().success();
    let out = colloquy()
        .args(["validate", "--profile", "interview"])
        .arg(&bad)
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let out = String::from_utf8_lossy(&out);
    assert!(out.contains("json-schema/required"), "{out}");
    assert!(out.contains("articleBody"), "{out}");
    assert!(out.contains("broken.html:"), "{out}");
}

#[test]
fn an_html_input_is_never_overwritten_by_its_own_page() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("talk.html");
    let original = "<html><body><p>Q: Why?</p><p>A: Because.</p></body></html>\n";
    std::fs::write(&input, original).unwrap();
    let assert = colloquy()
        .args(["convert", "--to", "html", "-o"])
        .arg(dir.path())
        .arg(&input)
        .assert()
        .code(1);
    let stderr = String::from_utf8_lossy(&assert.get_output().stderr).to_string();
    assert!(stderr.contains("never overwrites an input"), "{stderr}");
    assert_eq!(std::fs::read_to_string(&input).unwrap(), original);
    // Even with --force.
    colloquy()
        .args(["convert", "--force", "--to", "jsonld,html", "-o"])
        .arg(dir.path())
        .arg(&input)
        .assert()
        .code(1);
    assert_eq!(std::fs::read_to_string(&input).unwrap(), original);
    assert!(
        !dir.path().join("talk.jsonld").exists(),
        "nothing is written"
    );
}

#[test]
fn every_format_list_names_its_files_and_stdout_takes_exactly_one() {
    let seed_path = crate::shared_or_skip!(SEED);
    let seed = seed_path.to_str().unwrap();
    let dir = tempfile::tempdir().unwrap();
    colloquy()
        .args([
            "convert",
            seed,
            "--to",
            "dc,html,jsonld,newsml",
            "--version-created",
            "2025-01-01T00:00:00Z",
            "-o",
        ])
        .arg(dir.path())
        .assert()
        .success();
    let mut names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
        .filter(|n| n != colloquy::state::STATE_FILE)
        .collect();
    names.sort();
    assert_eq!(
        names,
        [
            "000_197680a15b8fd6ec.dc.xml",
            "000_197680a15b8fd6ec.html",
            "000_197680a15b8fd6ec.jsonld",
            "000_197680a15b8fd6ec.newsml.xml"
        ]
    );
    // The whole directory validates (the record is found by content).
    colloquy()
        .arg("validate")
        .arg(dir.path())
        .assert()
        .success();
    // A re-run leaves all four alone.
    let assert = colloquy()
        .args([
            "convert",
            seed,
            "--to",
            "html,dc,jsonld,newsml",
            "--version-created",
            "2025-01-01T00:00:00Z",
            "-o",
        ])
        .arg(dir.path())
        .assert()
        .success();
    let stderr = String::from_utf8_lossy(&assert.get_output().stderr).to_string();
    assert!(stderr.contains("0 written, 4 unchanged"), "{stderr}");

    for (to, starts) in [("html", "<!DOCTYPE html>"), ("dc", "<?xml")] {
        let out = colloquy()
            .args(["convert", seed, "--stdout", "--to", to])
            .assert()
            .success()
            .get_output()
            .stdout
            .clone();
        let out = String::from_utf8(out).unwrap();
        assert!(out.starts_with(starts), "{to}: {out}");
        let file = std::fs::read_to_string(dir.path().join(format!(
            "000_197680a15b8fd6ec.{}",
            if to == "dc" { "dc.xml" } else { "html" }
        )))
        .unwrap();
        assert_eq!(out, file, "--stdout prints what convert writes");
    }
    colloquy()
        .args(["convert", seed, "--stdout", "--to", "html,dc"])
        .assert()
        .code(2);
    colloquy()
        .args(["convert", seed, "--to", "pdf"])
        .assert()
        .code(2);
}

#[test]
fn an_invalid_page_is_never_handed_out_and_warnings_are_not_repeated() {
    let seed_path = crate::shared_or_skip!(SEED);
    let seed = seed_path.to_str().unwrap();
    colloquy::check::xsd::init();
    let checker = Checker::new(None).unwrap();
    let only = |formats: Vec<OutputFormat>| ConvertOptions {
        formats,
        version_created: VersionCreated::Fixed("2025-06-01T12:00:00+07:00".into()),
        ..Default::default()
    };
    // A photo URL that is no URI breaks the JSON Schema inside the page.
    let mut iv = common::small();
    iv.figures[0].image_url = Some("https://example.org/a b\"c\".jpg".into());
    let err = pipeline::write_checked(
        "bad.txt",
        "x",
        iv,
        &only(vec![OutputFormat::Html]),
        &checker,
    )
    .unwrap_err();
    match err {
        pipeline::ConvertError::Invalid {
            format, findings, ..
        } => {
            assert_eq!(format, "HTML");
            assert!(
                findings.iter().any(|f| f.rule == "json-schema/format"),
                "{findings:?}"
            );
        }
        other => panic!("{other}"),
    }
    // The seed's photos have no URL: a Google warning, reported once per run, by the
    // JSON-LD document when it is written too, else by the page.
    let bytes = std::fs::read(seed).unwrap();
    let google = |formats: Vec<OutputFormat>| {
        let (text, iv) = pipeline::read(seed, &bytes).unwrap();
        let c = pipeline::write_checked(seed, &text, iv, &only(formats), &checker).unwrap();
        c.documents
            .iter()
            .map(|d| {
                (
                    d.format,
                    d.findings
                        .iter()
                        .filter(|f| f.rule == "google/image")
                        .count(),
                )
            })
            .collect::<Vec<_>>()
    };
    assert_eq!(google(vec![OutputFormat::Html]), [(OutputFormat::Html, 3)]);
    assert_eq!(
        google(vec![OutputFormat::JsonLd, OutputFormat::Html]),
        [(OutputFormat::JsonLd, 3), (OutputFormat::Html, 0)]
    );
}
