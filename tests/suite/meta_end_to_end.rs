//! Metadata end to end: a sidecar, a manifest and flags go through `colloquy convert`,
//! through both schema checks, into both outputs — and the official XSD agrees.

use assert_cmd::Command;
use serde_json::Value;
use std::fs;
use std::path::Path;

const SEED: &str = "seeds/000_197680a15b8fd6ec.txt";
/// The official schema as a file, to exercise `--xsd` (validate uses the bundled copy
/// by default).
const OFFICIAL_XSD: &str = "schemas/newsml-g2/iptc/NewsML-G2_2.35-spec-All-Power.xsd";

fn colloquy() -> Command {
    let mut cmd = Command::cargo_bin("colloquy").unwrap();
    cmd.env_remove("CI").env_remove("SOURCE_DATE_EPOCH");
    cmd
}

/// Every field a sidecar can give.
const FULL_SIDECAR: &str = r#"
headline = "Vietnam, tujuan tepercaya bagi inisiatif internasional"
alternative_headline = "Wawancara dengan Duta Besar Vu Le Thai Hoang"
description = "Duta Besar Vietnam untuk Austria tentang Konvensi Hanoi."
language = "id"
date_published = "2025-10-20T08:00:00+07:00"
date_modified = "2025-10-21T09:15:00+07:00"
url = "https://berita.example.id/wawancara/konvensi-hanoi"
section = "Wawancara"
keywords = ["Konvensi Hanoi", "kejahatan siber"]
interviewers = [{ name = "Thu Trang", job_title = "Wartawan", affiliation = "Báo Thế giới và Việt Nam" }]
interviewees = [{ name = "Vu Le Thai Hoang", job_title = "Duta Besar", affiliation = "Kedutaan Besar Vietnam di Austria" }]
identifiers = [{ scheme = "baoquocte", value = "332092" }]

[publisher]
name = "Berita Contoh"
url = "https://berita.example.id/"
logo = "https://berita.example.id/logo.png"

[rights]
copyright_holder = "Berita Contoh"
copyright_notice = "© 2025 Berita Contoh"
license = "https://creativecommons.org/licenses/by-nc/4.0/"

[translation]
original_url = "https://baoquocte.vn/diem-den-tin-cay-cua-cac-sang-kien-quoc-te-332092.html"
original_language = "vi"
original_headline = "Điểm đến tin cậy của các sáng kiến quốc tế"
translator = "Siti Rahmawati"

[[images]]
url = "https://berita.example.id/media/hoang-1.jpg"
credit = "NVCC"
"#;

fn convert_with_sidecar(dir: &Path, sidecar: &str) -> Option<(Value, String)> {
    fs::copy(crate::shared::shared(SEED)?, dir.join("seed.txt")).unwrap();
    fs::write(dir.join("seed.meta.toml"), sidecar).unwrap();
    colloquy()
        .arg("convert")
        .arg(dir.join("seed.txt"))
        .arg("-o")
        .arg(dir.join("out"))
        .assert()
        .success();
    let jsonld = fs::read_to_string(dir.join("out/seed.jsonld")).unwrap();
    let newsml = fs::read_to_string(dir.join("out/seed.newsml.xml")).unwrap();
    Some((serde_json::from_str(&jsonld).unwrap(), newsml))
}

fn official_xsd_accepts(path: &Path) {
    colloquy()
        .args(["validate", "--xsd", OFFICIAL_XSD])
        .arg(path)
        .assert()
        .success();
}

#[test]
fn every_sidecar_field_reaches_both_outputs() {
    let dir = tempfile::tempdir().unwrap();
    let Some((d, x)) = convert_with_sidecar(dir.path(), FULL_SIDECAR) else {
        return;
    };
    official_xsd_accepts(&dir.path().join("out/seed.newsml.xml"));
    official_xsd_accepts(&dir.path().join("out/seed.jsonld"));

    assert_eq!(
        d["headline"],
        "Vietnam, tujuan tepercaya bagi inisiatif internasional"
    );
    assert_eq!(
        d["alternativeHeadline"],
        "Wawancara dengan Duta Besar Vu Le Thai Hoang"
    );
    assert_eq!(
        d["description"],
        "Duta Besar Vietnam untuk Austria tentang Konvensi Hanoi."
    );
    assert_eq!(d["datePublished"], "2025-10-20T08:00:00+07:00");
    assert_eq!(d["dateModified"], "2025-10-21T09:15:00+07:00");
    assert_eq!(
        d["url"],
        "https://berita.example.id/wawancara/konvensi-hanoi"
    );
    assert_eq!(d["articleSection"], "Wawancara");
    assert_eq!(d["keywords"][1], "kejahatan siber");
    assert_eq!(d["publisher"]["@type"], "NewsMediaOrganization");
    assert_eq!(d["publisher"]["logo"], "https://berita.example.id/logo.png");
    assert_eq!(
        d["license"],
        "https://creativecommons.org/licenses/by-nc/4.0/"
    );
    assert_eq!(d["copyrightNotice"], "© 2025 Berita Contoh");
    assert_eq!(d["translator"]["name"], "Siti Rahmawati");
    assert_eq!(d["translationOfWork"]["inLanguage"], "vi");
    assert_eq!(
        d["translationOfWork"]["headline"],
        "Điểm đến tin cậy của các sáng kiến quốc tế"
    );
    assert_eq!(d["identifier"][0]["propertyID"], "baoquocte");
    assert_eq!(
        d["image"][0]["contentUrl"],
        "https://berita.example.id/media/hoang-1.jpg"
    );
    let roles: Vec<(String, String)> = d["contributor"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["roleName"].as_str().unwrap().to_string(),
                r["contributor"]["name"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert!(
        roles.contains(&("interviewer".into(), "Thu Trang".into())),
        "{roles:?}"
    );
    assert!(
        roles.contains(&("interviewee".into(), "Vu Le Thai Hoang".into())),
        "{roles:?}"
    );
    // The questions are now the interviewer's.
    assert!(d["hasPart"][0]["author"]["@id"].is_string());

    for needle in [
        "<headline>Vietnam, tujuan tepercaya bagi inisiatif internasional</headline>",
        "<versionCreated>2025-10-21T09:15:00+07:00</versionCreated>",
        "<firstCreated>",
        "<contentCreated>",
        "<copyrightHolder",
        "© 2025 Berita Contoh",
        "creativecommons.org/licenses/by-nc/4.0/",
        "role=\"cpprole:author\"",
        "<name>Thu Trang</name>",
        "role=\"cpprole:interviewee\"",
        "Siti Rahmawati",
        "<keyword>Konvensi Hanoi</keyword>",
        "<altId",
        "332092",
        "Berita Contoh",
        "<origRep>",
    ] {
        assert!(x.contains(needle), "NewsML-G2 lacks {needle}");
    }
}

#[test]
fn flags_beat_the_sidecar_and_say_so() {
    let seed_path = crate::shared_or_skip!(SEED);
    let seed = seed_path.to_str().unwrap();
    let dir = tempfile::tempdir().unwrap();
    fs::copy(seed, dir.path().join("seed.txt")).unwrap();
    fs::write(
        dir.path().join("seed.meta.toml"),
        "headline = \"From the sidecar\"\n",
    )
    .unwrap();
    let out = colloquy()
        .arg("convert")
        .arg(dir.path().join("seed.txt"))
        .args(["--headline", "From the flag", "--to", "jsonld", "--stdout"])
        .assert()
        .success();
    let d: Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    assert_eq!(d["headline"], "From the flag");
    let stderr = String::from_utf8_lossy(&out.get_output().stderr).to_string();
    assert!(
        stderr.contains("From the flag")
            && stderr.contains("From the sidecar")
            && stderr.contains("--headline"),
        "{stderr}"
    );
}

#[test]
fn a_manifest_row_fills_in_a_batch() {
    let seed_path = crate::shared_or_skip!(SEED);
    let seed = seed_path.to_str().unwrap();
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir_all(dir.path().join("texts")).unwrap();
    fs::copy(seed, dir.path().join("texts/a.txt")).unwrap();
    fs::write(
        dir.path().join("manifest.csv"),
        "\u{feff}file,headline,date_published,keywords\n\
         texts/a.txt,\"Konvensi Hanoi,\nsebuah wawancara\",20 Oktober 2025,siber;Hanoi\n",
    )
    .unwrap();
    let out = colloquy()
        .arg("convert")
        .arg(dir.path().join("texts/a.txt"))
        .arg("--manifest")
        .arg(dir.path().join("manifest.csv"))
        .args(["--to", "jsonld", "--stdout"])
        .assert()
        .success();
    let d: Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    assert_eq!(d["headline"], "Konvensi Hanoi,\nsebuah wawancara");
    assert_eq!(d["datePublished"], "2025-10-20");
    assert_eq!(d["keywords"][0], "siber");
}

#[test]
fn a_bad_sidecar_fails_that_input_with_file_line_and_known_keys() {
    let seed_path = crate::shared_or_skip!(SEED);
    let seed = seed_path.to_str().unwrap();
    let dir = tempfile::tempdir().unwrap();
    fs::copy(seed, dir.path().join("seed.txt")).unwrap();
    fs::write(
        dir.path().join("seed.meta.toml"),
        "headline = \"ok\"\nheadlin = \"typo\"\n",
    )
    .unwrap();
    let out = colloquy()
        .arg("convert")
        .arg(dir.path().join("seed.txt"))
        .args(["--to", "jsonld", "--stdout"])
        .assert()
        .code(1);
    let stderr = String::from_utf8_lossy(&out.get_output().stderr).to_string();
    assert!(stderr.contains("seed.meta.toml:2:"), "{stderr}");
    assert!(
        stderr.contains("headlin") && stderr.contains("date_published"),
        "{stderr}"
    );
    fs::remove_file(dir.path().join("seed.meta.toml")).unwrap();
    let out = colloquy()
        .arg("convert")
        .arg(dir.path().join("seed.txt"))
        .args(["--published", "03/04/2024", "--to", "jsonld", "--stdout"])
        .assert()
        .code(2); // a bad flag value is a usage error, checked once before any input

    let stderr = String::from_utf8_lossy(&out.get_output().stderr).to_string();
    assert!(
        stderr.contains("03/04/2024") && stderr.contains("YYYY-MM-DD"),
        "{stderr}"
    );
}

#[test]
fn inspect_shows_where_each_value_came_from() {
    let seed_path = crate::shared_or_skip!(SEED);
    let seed = seed_path.to_str().unwrap();
    let dir = tempfile::tempdir().unwrap();
    fs::copy(seed, dir.path().join("seed.txt")).unwrap();
    fs::write(dir.path().join("seed.meta.toml"), FULL_SIDECAR).unwrap();
    let out = colloquy()
        .arg("inspect")
        .arg(dir.path().join("seed.txt"))
        .args(["--json", "--license", "https://example.org/licence"])
        .assert()
        .success();
    let v: Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    let meta = &v["meta"];
    assert_eq!(
        meta["headline"]["provenance"]["from"], "sidecar",
        "{meta:#}"
    );
    assert_eq!(meta["headline"]["provenance"]["key"], "headline");
    assert_eq!(meta["source_url"]["provenance"]["from"], "text");
    assert_eq!(meta["parts"]["rights.license"]["from"], "flag");
    assert_eq!(meta["parts"]["rights.copyright_holder"]["from"], "sidecar");
}

/// Converts the seed with extra arguments and a batch message; returns the JSON-LD and
/// the message, after checking both with `validate` (official XSD for the message).
fn convert_seed_with_message(dir: &Path, args: &[&str]) -> (Value, String) {
    if !dir.join("seed.txt").exists() {
        fs::copy(crate::shared::shared(SEED).unwrap(), dir.join("seed.txt")).unwrap();
    }
    colloquy()
        .arg("convert")
        .arg(dir.join("seed.txt"))
        .args(args)
        .arg("-o")
        .arg(dir.join("out"))
        .arg("--newsml-message")
        .arg(dir.join("message.xml"))
        .arg("--force")
        .assert()
        .success();
    for file in ["out/seed.jsonld", "message.xml"] {
        let out = colloquy()
            .args(["validate", "--report", "json", "--xsd", OFFICIAL_XSD])
            .arg(dir.join(file))
            .assert()
            .success();
        let report = String::from_utf8_lossy(&out.get_output().stdout).to_string();
        assert!(!report.contains("creator"), "{file}: {report}");
    }
    let jsonld = fs::read_to_string(dir.join("out/seed.jsonld")).unwrap();
    let message = fs::read_to_string(dir.join("message.xml")).unwrap();
    (serde_json::from_str(&jsonld).unwrap(), message)
}

/// The `contentMeta` of the N-th picture newsItem in a message (1-based), with the
/// indentation between tags removed.
fn picture_content_meta(message: &str, n: usize) -> String {
    let flat: String = message.lines().map(str::trim).collect();
    let pictures: Vec<&str> = flat
        .split("<newsItem ")
        .filter(|item| item.contains("<itemMeta><itemClass qcode=\"ninat:picture\"/>"))
        .collect();
    let item = pictures[n - 1];
    let start = item.find("<contentMeta>").unwrap();
    let end = item.find("</contentMeta>").unwrap();
    item[start..end].to_string()
}

#[test]
fn a_photographer_from_each_source_reaches_both_outputs() {
    let seed_path = crate::shared_or_skip!(SEED);
    let seed = seed_path.to_str().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    fs::copy(seed, d.join("seed.txt")).unwrap();
    fs::write(
        d.join("m.csv"),
        "file,image_photographers\nseed.txt,;Manifest Person\n",
    )
    .unwrap();
    fs::write(
        d.join("seed.meta.toml"),
        "[[images]]\nphotographer = \"Sidecar Person\"\n",
    )
    .unwrap();
    let manifest = d.join("m.csv").display().to_string();
    let (j, m) = convert_seed_with_message(
        d,
        &[
            "--manifest",
            &manifest,
            "--image-photographer",
            "",
            "--image-photographer",
            "",
            "--image-photographer",
            "Flag Person",
        ],
    );
    // Photo 1 from the sidecar, photo 2 from the manifest, photo 3 from the flag; the
    // text's "(Foto: NVCC)" credits stay as they are.
    for (i, who) in ["Sidecar Person", "Manifest Person", "Flag Person"]
        .iter()
        .enumerate()
    {
        assert_eq!(
            j["image"][i]["creator"],
            serde_json::json!({"@type": "Person", "name": who}),
            "image {i}"
        );
        assert_eq!(j["image"][i]["creditText"], "NVCC");
        let meta = picture_content_meta(&m, i + 1);
        assert!(
            meta.starts_with(&format!(
                "<contentMeta><creator><name>{who}</name></creator>"
            )),
            "{meta}"
        );
        assert!(meta.contains("<creditline>NVCC</creditline>"), "{meta}");
    }
}

#[test]
fn the_seeds_agency_less_credits_name_no_photographer() {
    crate::shared_or_skip!(SEED);
    let dir = tempfile::tempdir().unwrap();
    let (j, m) = convert_seed_with_message(dir.path(), &[]);
    let images = j["image"].as_array().unwrap();
    assert_eq!(images.len(), 3);
    assert!(images.iter().all(|i| i.get("creator").is_none()), "{j:#}");
    for n in 1..=3 {
        assert!(!picture_content_meta(&m, n).contains("<creator>"), "{m}");
    }
}

#[test]
fn a_credit_with_an_agency_and_a_name_gives_a_photographer_inspect_shows() {
    let seed_path = crate::shared_or_skip!(SEED);
    let seed = seed_path.to_str().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let seed = fs::read_to_string(seed).unwrap();
    let first = seed.find("(Foto: NVCC)").unwrap();
    let text = format!(
        "{}(Foto: Reuters/Jane Roe){}",
        &seed[..first],
        &seed[first + "(Foto: NVCC)".len()..]
    );
    fs::write(dir.path().join("seed.txt"), text).unwrap();
    let (j, m) = convert_seed_with_message(dir.path(), &[]);
    assert_eq!(j["image"][0]["creditText"], "Reuters/Jane Roe");
    assert_eq!(j["image"][0]["creator"]["name"], "Jane Roe");
    assert!(j["image"][1].get("creator").is_none());
    assert!(picture_content_meta(&m, 1).contains("<name>Jane Roe</name>"));
    let out = colloquy()
        .arg("inspect")
        .arg(dir.path().join("seed.txt"))
        .arg("--json")
        .assert()
        .success();
    let v: Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    assert_eq!(v["figures"][0]["photographer"], "Jane Roe");
    assert_eq!(v["figures"][0]["credit"], "Reuters/Jane Roe");
    let prov = &v["meta"]["parts"]["figures[0].photographer"];
    assert_eq!(prov["from"], "text", "{prov}");
    // A flag overrides the reading, and inspect says so.
    let out = colloquy()
        .arg("inspect")
        .arg(dir.path().join("seed.txt"))
        .args(["--image-photographer", "John Doe"])
        .assert()
        .success();
    let human = String::from_utf8_lossy(&out.get_output().stdout).to_string();
    assert!(human.contains("photographer: John Doe"), "{human}");
    assert!(
        human.contains("figures[0].photographer") && human.contains("--image-photographer"),
        "{human}"
    );
}

/// `inspect` shows each part of a composite value with the value itself, not only where it
/// came from: an archivist checking a record reads both on one line.
#[test]
fn inspect_shows_every_part_with_its_value_and_origin() {
    let out = colloquy()
        .args([
            "inspect",
            "tests/fixtures/meta/seed/wawancara-mekong.txt",
            "--image-credit",
            "Kantor Berita",
        ])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(out).unwrap();
    let line = |prefix: &str| {
        text.lines()
            .find(|l| l.trim_start().starts_with(prefix))
            .unwrap_or_else(|| panic!("no {prefix} line in\n{text}"))
            .to_string()
    };
    let logo = line("publisher.logo ");
    assert!(
        logo.contains("https://news.example.id/logo.png") && logo.contains("← sidecar"),
        "{logo}"
    );
    assert!(line("translation.translator ").contains("Siti Rahmawati"));
    let credit = line("figures[0].credit ");
    assert!(
        credit.contains("Kantor Berita") && credit.contains("← flag --image-credit"),
        "{credit}"
    );
}

/// A batch finds each input's sidecar in one listing of its directory (issue #11): the
/// sidecar beside an input applies to it alone, two sidecars fail that input only, and
/// the outputs' directories are made as the first document for each is written.
#[test]
fn a_batch_applies_each_sidecar_to_its_own_input() {
    let dir = tempfile::tempdir().unwrap();
    let texts = dir.path().join("texts");
    fs::create_dir_all(texts.join("inner")).unwrap();
    let sample = fs::read_to_string("samples/en-harbour-master.txt").unwrap();
    for name in ["a.txt", "b.txt", "inner/c.txt"] {
        fs::write(texts.join(name), &sample).unwrap();
    }
    fs::write(
        texts.join("a.meta.toml"),
        "headline = \"From a's sidecar\"\n",
    )
    .unwrap();
    fs::write(texts.join("b.meta.toml"), "headline = \"B\"\n").unwrap();
    fs::write(texts.join("b.meta.json"), "{\"headline\": \"B\"}\n").unwrap();
    let out = dir.path().join("out/deep");
    let run = colloquy()
        .arg("convert")
        .arg(&texts)
        .arg("-o")
        .arg(&out)
        .args(["--to", "jsonld"])
        .assert()
        .code(1);
    let stderr = String::from_utf8_lossy(&run.get_output().stderr).to_string();
    assert!(
        stderr.contains("has more than one sidecar")
            && stderr.contains("b.meta.toml")
            && stderr.contains("b.meta.json"),
        "{stderr}"
    );
    assert!(!out.join("b.jsonld").exists());
    let headline = |p: &str| {
        let d: Value = serde_json::from_slice(&fs::read(out.join(p)).unwrap()).unwrap();
        d["headline"].as_str().map(str::to_string)
    };
    assert_eq!(headline("a.jsonld").as_deref(), Some("From a's sidecar"));
    assert_ne!(
        headline("inner/c.jsonld").as_deref(),
        Some("From a's sidecar")
    );
}
