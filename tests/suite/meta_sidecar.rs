//! Sidecar files: the same keys in TOML, YAML and JSON, discovery beside the input, and
//! every way a sidecar can be wrong, each with file, line:column and the reason.

use colloquy::meta::{find_sidecar, load_sidecar, parse_sidecar, MetaError, SidecarFormat};
use colloquy::model::PubDate;
use std::path::Path;

const TOML: &str = r#"
headline = "Judul"
alternative_headline = "Sub"
description = "Ringkasan"
language = "ID"
date_published = "2026-05-12T09:30:00+07:00"
date_modified = "2026-05-13"
source_url = "https://bao.example.vn/a"
url = "https://news.example.id/a"
section = "Wawancara"
keywords = ["Mekong", "konservasi"]
publisher = "Berita Contoh"
interviewers = ["Lê Minh Quân"]
interviewees = [{ name = "Trần Thị Mai", job_title = "Direktur", affiliation = "Quỹ" }]
rights = { copyright_holder = "Báo Ví Dụ", copyright_notice = "© 2026 Báo Ví Dụ", license = "https://bao.example.vn/terms" }
translation = { original_url = "https://bao.example.vn/o", original_language = "vi", original_headline = "Tiêu đề", translator = "Siti" }
identifiers = [{ scheme = "cms-id", value = "42" }]
images = [{ url = "https://news.example.id/1.jpg", credit = "Foto: Phạm Văn Hùng", photographer = "Phạm Văn Hùng" }, {}]
"#;

const YAML: &str = r#"
headline: Judul
alternative_headline: Sub
description: Ringkasan
language: ID
date_published: "2026-05-12T09:30:00+07:00"
date_modified: "2026-05-13"
source_url: https://bao.example.vn/a
url: https://news.example.id/a
section: Wawancara
keywords: [Mekong, konservasi]
publisher: Berita Contoh
interviewers:
  - Lê Minh Quân
interviewees:
  - name: Trần Thị Mai
    job_title: Direktur
    affiliation: Quỹ
rights:
  copyright_holder: Báo Ví Dụ
  copyright_notice: © 2026 Báo Ví Dụ
  license: https://bao.example.vn/terms
translation:
  original_url: https://bao.example.vn/o
  original_language: vi
  original_headline: Tiêu đề
  translator: Siti
identifiers:
  - scheme: cms-id
    value: "42"
images:
  - url: https://news.example.id/1.jpg
    credit: "Foto: Phạm Văn Hùng"
    photographer: Phạm Văn Hùng
  - {}
"#;

const JSON: &str = r#"{
  "headline": "Judul",
  "alternative_headline": "Sub",
  "description": "Ringkasan",
  "language": "ID",
  "date_published": "2026-05-12T09:30:00+07:00",
  "date_modified": "2026-05-13",
  "source_url": "https://bao.example.vn/a",
  "url": "https://news.example.id/a",
  "section": "Wawancara",
  "keywords": ["Mekong", "konservasi"],
  "publisher": "Berita Contoh",
  "interviewers": ["Lê Minh Quân"],
  "interviewees": [{"name": "Trần Thị Mai", "job_title": "Direktur", "affiliation": "Quỹ"}],
  "rights": {"copyright_holder": "Báo Ví Dụ", "copyright_notice": "© 2026 Báo Ví Dụ", "license": "https://bao.example.vn/terms"},
  "translation": {"original_url": "https://bao.example.vn/o", "original_language": "vi", "original_headline": "Tiêu đề", "translator": "Siti"},
  "identifiers": [{"scheme": "cms-id", "value": "42"}],
  "images": [{"url": "https://news.example.id/1.jpg", "credit": "Foto: Phạm Văn Hùng", "photographer": "Phạm Văn Hùng"}, {}]
}"#;

#[test]
fn the_three_formats_take_the_same_keys_and_give_the_same_sidecar() {
    let t = parse_sidecar("a.meta.toml", SidecarFormat::Toml, TOML).unwrap();
    let y = parse_sidecar("a.meta.yaml", SidecarFormat::Yaml, YAML).unwrap();
    let j = parse_sidecar("a.meta.json", SidecarFormat::Json, JSON).unwrap();
    assert_eq!(t, y);
    assert_eq!(t, j);
    // Checked values are canonical.
    assert_eq!(t.language.as_ref().unwrap().0, "id");
    assert_eq!(
        t.date_published.as_ref().unwrap().0,
        PubDate::DateTime("2026-05-12T09:30:00+07:00".into())
    );
    assert_eq!(t.publisher.as_ref().unwrap().fields.name, "Berita Contoh");
    let mai = &t.interviewees.as_ref().unwrap()[0].fields;
    assert_eq!(mai.job_title.as_deref(), Some("Direktur"));
    assert_eq!(t.images.as_ref().unwrap().len(), 2);
    let photo = &t.images.as_ref().unwrap()[0];
    assert_eq!(photo.photographer.as_deref(), Some("Phạm Văn Hùng"));
    assert_eq!(photo.credit.as_deref(), Some("Foto: Phạm Văn Hùng"));
}

#[test]
fn a_misspelt_image_key_lists_the_image_keys_with_photographer() {
    let m = err(
        SidecarFormat::Toml,
        "[[images]]\nphotografer = \"Jane Roe\"\n",
    );
    assert!(m.starts_with("x.meta:2:"), "{m}");
    assert!(
        m.contains("unknown key 'photografer' (did you mean 'photographer'?); the known keys here are: url, credit, photographer, caption, alt"),
        "{m}"
    );
}

fn err(format: SidecarFormat, text: &str) -> String {
    match parse_sidecar("x.meta", format, text) {
        Ok(s) => panic!("accepted: {s:?}"),
        Err(e) => e.to_string(),
    }
}

#[test]
fn syntax_errors_give_line_and_column_in_each_format() {
    let m = err(SidecarFormat::Toml, "headline = \"a\"\nlanguage = \n");
    assert!(m.starts_with("x.meta:2:12: "), "{m}");
    let m = err(SidecarFormat::Yaml, "headline: a\nlanguage: [id\n");
    assert!(m.starts_with("x.meta:2:"), "{m}");
    let m = err(
        SidecarFormat::Json,
        "{\"headline\": \"a\",\n \"language\": }",
    );
    assert!(m.starts_with("x.meta:2:14: expected value"), "{m}");
    // The position is given once, in front, not repeated at the end.
    assert!(!m.contains("at line"), "{m}");
}

#[test]
fn a_value_of_the_wrong_type_is_an_error_at_its_place() {
    let m = err(SidecarFormat::Toml, "headline = 5\n");
    assert_eq!(
        m,
        "x.meta:1:12: invalid type: integer `5`, expected a string"
    );
    let m = err(SidecarFormat::Json, "{\"headline\": [1]}");
    assert!(
        m.starts_with("x.meta:1:") && m.contains("expected a string"),
        "{m}"
    );
    let m = err(
        SidecarFormat::Yaml,
        "headline: a\npublisher:\n  name: [1]\n",
    );
    assert!(m.starts_with("x.meta:3:"), "{m}");
    let m = err(SidecarFormat::Toml, "keywords = \"one\"\n");
    assert!(
        m.starts_with("x.meta:1:12:") && m.contains("expected a sequence"),
        "{m}"
    );
}

#[test]
fn an_unknown_key_lists_the_known_keys_and_suggests_the_closest() {
    for (format, text, line) in [
        (
            SidecarFormat::Toml,
            "headline = \"a\"\nheadlin = \"a\"\n",
            2,
        ),
        (SidecarFormat::Yaml, "headline: a\nheadlin: a\n", 2),
        (
            SidecarFormat::Json,
            "{\"headline\": \"a\",\n\"headlin\": \"a\"}",
            2,
        ),
    ] {
        let m = err(format, text);
        assert!(m.starts_with(&format!("x.meta:{line}:")), "{m}");
        assert!(
            m.contains("unknown key 'headlin' (did you mean 'headline'?)"),
            "{m}"
        );
        assert!(
            m.contains("the known keys here are: headline, alternative_headline, description, language, date_published"),
            "{m}"
        );
        assert!(m.contains("translation, identifiers, images"), "{m}");
    }
    // Nested tables list their own keys.
    let m = err(
        SidecarFormat::Yaml,
        "interviewees:\n  - name: x\n    jobtitle: y\n",
    );
    assert!(m.starts_with("x.meta:3:"), "{m}");
    assert!(
        m.contains("unknown key 'jobtitle' (did you mean 'job_title'?); the known keys here are: name, job_title, affiliation"),
        "{m}"
    );
    let m = err(SidecarFormat::Json, "{\n\"publisher\": {\"nam\": \"x\"}}");
    assert!(
        m.contains(
            "unknown key 'nam' (did you mean 'name'?); the known keys here are: name, url, logo"
        ),
        "{m}"
    );
    // The camelCase of schema.org is a likely slip.
    let m = err(SidecarFormat::Toml, "datePublished = \"2026-05-12\"\n");
    assert!(m.contains("did you mean 'date_published'?"), "{m}");
}

#[test]
fn bad_dates_languages_and_urls_are_errors_at_their_place() {
    let m = err(
        SidecarFormat::Toml,
        "headline = \"a\"\ndate_published = \"2026-05-12T09:30:00\"\n",
    );
    assert!(
        m.starts_with("x.meta:2:18: '2026-05-12T09:30:00' has a time but no UTC offset"),
        "{m}"
    );
    assert!(m.contains("2026-05-12T09:30:00+07:00"), "{m}");
    let m = err(
        SidecarFormat::Yaml,
        "headline: a\ndate_published: 2026-05-12T09:30:00\n",
    );
    assert!(m.starts_with("x.meta:2:17: "), "{m}");
    assert!(!m.contains("at line"), "{m}");
    let m = err(SidecarFormat::Json, "{\"date_modified\": \"12 bananas\"}");
    assert!(m.contains("'12 bananas' is not a date"), "{m}");
    let m = err(SidecarFormat::Yaml, "headline: a\nlanguage: English\n");
    assert!(
        m.starts_with("x.meta:2:") && m.contains("'English' is not a BCP 47 language tag"),
        "{m}"
    );
    let m = err(
        SidecarFormat::Toml,
        "[translation]\noriginal_language = \"vi_VN\"\n",
    );
    assert!(m.starts_with("x.meta:2:") && m.contains("'vi-VN'"), "{m}");
    let m = err(SidecarFormat::Toml, "source_url = \"bao.example.vn/a\"\n");
    assert!(m.contains("not an absolute http(s) URL"), "{m}");
}

#[test]
fn a_sidecar_is_found_beside_its_input_and_two_are_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("wawancara.txt");
    std::fs::write(&input, "x").unwrap();
    assert_eq!(find_sidecar(&input).unwrap(), None);
    assert_eq!(find_sidecar(Path::new("-")).unwrap(), None);

    let yaml = dir.path().join("wawancara.meta.yaml");
    std::fs::write(&yaml, "headline: Judul\n").unwrap();
    assert_eq!(find_sidecar(&input).unwrap(), Some(yaml.clone()));
    let loaded = load_sidecar(&yaml).unwrap();
    assert_eq!(loaded.headline.as_deref(), Some("Judul"));
    assert_eq!(loaded.path, yaml);

    let json = dir.path().join("wawancara.meta.json");
    std::fs::write(&json, "{}").unwrap();
    let e = find_sidecar(&input).unwrap_err();
    assert!(matches!(e, MetaError::TwoSidecars { .. }));
    let m = e.to_string();
    assert!(m.contains("has more than one sidecar"), "{m}");
    assert!(
        m.contains("wawancara.meta.yaml") && m.contains("wawancara.meta.json"),
        "{m}"
    );
}

#[test]
fn load_sidecar_reports_the_file_and_refuses_other_extensions() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("a.meta.toml");
    std::fs::write(&p, "\u{feff}headline = 1\n").unwrap();
    let m = load_sidecar(&p).unwrap_err().to_string();
    assert!(
        m.starts_with(&format!("{}:1:12: invalid type", p.display())),
        "{m}"
    );
    let m = load_sidecar(&dir.path().join("a.meta.ini"))
        .unwrap_err()
        .to_string();
    assert!(m.contains("not a sidecar format"), "{m}");
    let m = load_sidecar(&dir.path().join("missing.meta.json"))
        .unwrap_err()
        .to_string();
    assert!(m.contains("missing.meta.json: cannot read"), "{m}");
}

#[test]
fn the_seed_fixture_sidecar_loads() {
    let input = Path::new("tests/fixtures/meta/seed/wawancara-mekong.txt");
    let path = find_sidecar(input)
        .unwrap()
        .expect("the seed has a sidecar");
    let s = load_sidecar(&path).unwrap();
    let t = s.translation.unwrap();
    assert_eq!(t.original_language.unwrap().0, "vi");
    assert_eq!(s.language.unwrap().0, "id");
}

#[test]
fn an_explicit_sidecar_is_used_instead_of_the_one_beside_the_input() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("a.txt");
    std::fs::write(&input, "x").unwrap();
    std::fs::write(dir.path().join("a.meta.json"), r#"{"headline": "beside"}"#).unwrap();
    let other = dir.path().join("other.meta.yaml");
    std::fs::write(&other, "headline: explicit\n").unwrap();
    let found = colloquy::meta::sidecar_for(&input, None).unwrap().unwrap();
    assert_eq!(found.headline.as_deref(), Some("beside"));
    let chosen = colloquy::meta::sidecar_for(&input, Some(&other))
        .unwrap()
        .unwrap();
    assert_eq!(chosen.headline.as_deref(), Some("explicit"));
    assert_eq!(
        colloquy::meta::sidecar_for(&dir.path().join("b.txt"), None).unwrap(),
        None
    );
}
