//! OHMS XML in and out, on the six real exports in ../shared/ohms/samples: every sample
//! reads into the model as an archivist would read the record, converts to JSON-LD,
//! NewsML-G2 (valid against the official XSD too), Dublin Core and OHMS (valid against
//! the bundled 6.0 XSD), and OHMS → colloquy → OHMS keeps every field colloquy models.
//!
//! The samples stay in ../shared: without it each test prints one line and passes,
//! unless CI is set, where that is a failure.

use colloquy::check::xsd::XsdCheck;
use colloquy::check::Checker;
use colloquy::model::{Interview, Role, Severity, TurnKind};
use colloquy::pipeline::{self, ConvertOptions, Converted, OutputFormat, VersionCreated};
use colloquy::read::ReadError;
use std::path::{Path, PathBuf};

const SAMPLES: &str = "../shared/ohms/samples";
const OFFICIAL_NEWSML: &str = "../shared/newsml-g2/xsd/NewsML-G2_2.35-spec-All-Power.xsd";
const SEED: &str = "../shared/seeds/000_197680a15b8fd6ec.txt";

/// `path` under the crate when ../shared is there; `None` (after one line) when it is
/// not; a failure under CI.
pub fn shared(path: &str) -> Option<PathBuf> {
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join(path);
    if p.exists() {
        return Some(p);
    }
    assert!(
        std::env::var_os("CI").is_none(),
        "{} is missing, and CI must run every test",
        p.display()
    );
    println!("skipped: {} is absent", p.display());
    None
}

fn samples() -> Option<Vec<PathBuf>> {
    let dir = shared(SAMPLES)?;
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    v.sort();
    assert_eq!(v.len(), 6, "the six OHMS samples");
    Some(v)
}

fn read(path: &Path) -> (String, Interview) {
    colloquy::check::xsd::init();
    let bytes = std::fs::read(path).unwrap();
    pipeline::read(&path.display().to_string(), &bytes)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn sample(name: &str) -> Option<Interview> {
    let path = samples()?
        .into_iter()
        .find(|p| p.file_name().unwrap().to_string_lossy().starts_with(name))?;
    Some(read(&path).1)
}

fn convert(name: &str, text: &str, iv: Interview, formats: Vec<OutputFormat>) -> Converted {
    let options = ConvertOptions {
        formats,
        version_created: VersionCreated::Fixed("2025-06-01T12:00:00+07:00".into()),
        ..Default::default()
    };
    let checker = Checker::new(None).unwrap();
    pipeline::write_checked(name, text, iv, &options, &checker)
        .unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn doc(c: &Converted, f: OutputFormat) -> &str {
    &c.documents.iter().find(|d| d.format == f).unwrap().text
}

#[test]
fn six_samples_convert_to_every_format_each_valid_against_its_schema() {
    let Some(paths) = samples() else { return };
    let official = shared(OFFICIAL_NEWSML).map(|p| XsdCheck::from_path(&p).unwrap());
    for path in paths {
        let (text, iv) = read(&path);
        let name = path.display().to_string();
        // write_checked refuses any document that fails its bundled schema: OHMS against
        // the OHMS 6.0 XSD, NewsML-G2 against the profile, Dublin Core against oai_dc,
        // JSON-LD against the JSON Schema and the schema.org vocabulary.
        let c = convert(
            &name,
            &text,
            iv,
            vec![
                OutputFormat::JsonLd,
                OutputFormat::NewsMl,
                OutputFormat::Html,
                OutputFormat::DublinCore,
                OutputFormat::Ohms,
            ],
        );
        assert_eq!(c.documents.len(), 5);
        if let Some(official) = &official {
            let errors: Vec<_> = official
                .check(doc(&c, OutputFormat::NewsMl))
                .into_iter()
                .filter(|f| f.severity == Severity::Error)
                .collect();
            assert!(errors.is_empty(), "{name}: {errors:#?}");
        }
        let ohms = doc(&c, OutputFormat::Ohms);
        let findings = colloquy::check::ohms::check(ohms).unwrap();
        assert!(findings.is_empty(), "{name}: {findings:#?}");
        // No output names the converter as the provider.
        for d in &c.documents {
            assert!(!d.text.contains("literal=\"colloquy\""), "{name}");
        }
    }
}

#[test]
fn duarte_reads_as_the_record_says() {
    let Some(iv) = sample("scihist_duarte") else {
        return;
    };
    let m = &iv.meta;
    assert_eq!(
        m.headline.as_ref().unwrap().value,
        "Oral history interview with Ronald Duarte"
    );
    // The interview date is dateCreated; the export date (dt) is nothing.
    assert_eq!(
        m.date_created.as_ref().unwrap().value.as_str(),
        "2006-06-13"
    );
    assert!(m.date_published.is_none() && m.date_modified.is_none());
    assert_eq!(m.language.as_ref().unwrap().value, "en");
    assert_eq!(
        m.publisher.as_ref().unwrap().value.name,
        "Science History Institute"
    );
    assert_eq!(
        m.series.as_ref().unwrap().value.name,
        "Chemical History of Electronics"
    );
    assert!(m.keywords.iter().any(|k| k.value == "Intel Corporation"));
    assert!(m
        .identifiers
        .iter()
        .any(|i| i.value.scheme == "accession" && i.value.value == "OH0344"));
    let media = &m.media.as_ref().unwrap().value;
    assert_eq!(media.duration_seconds, Some(28 * 60 + 6));
    assert_eq!(media.kind.as_deref(), Some("audio"));
    let names: Vec<(&str, Role)> = iv
        .people
        .iter()
        .map(|p| (p.name.value.as_str(), p.role))
        .collect();
    assert_eq!(
        names,
        [
            ("David C. Brock", Role::Interviewer),
            ("Ronald Duarte", Role::Interviewee)
        ]
    );
    // BROCK: asks, DUARTE: answers; labels are not part of the text.
    let first = &iv.turns[0];
    assert_eq!(first.kind, TurnKind::Question);
    assert_eq!(first.label.as_deref(), Some("BROCK"));
    assert!(first.paragraphs[0]
        .text
        .starts_with("This is an oral history"));
    // Hard-wrapped lines are joined.
    assert!(!first.paragraphs[0].text.contains('\n'));
    assert_eq!(iv.turns[1].paragraphs[0].text, "On 7 May 1930.");
    assert_eq!(iv.turns[1].kind, TurnKind::Answer);
    // Sync: the first turn starts in minute 0, later ones later, never backwards.
    assert_eq!(iv.timings[0].start_ms, 0);
    assert!(iv
        .timings
        .windows(2)
        .all(|w| w[0].start_ms <= w[1].start_ms));
    assert!(iv.timings.last().unwrap().start_ms >= 20 * 60_000);
    assert_eq!(iv.segments.len(), 7);
    assert_eq!(iv.segments[0].start_seconds, 0);
    assert_eq!(iv.segments[1].start_seconds, 212);
    assert!(iv.segments[0].keywords.contains(&"Azores".to_string()));
    // inspect can say where the headline came from: a place in the file.
    let (text, _) = read(&samples().unwrap()[4]);
    let shown = colloquy::inspect::render_human(&iv, &text);
    assert!(
        shown.contains("headline        Oral history interview with Ronald Duarte  ← text 8:"),
        "{shown}"
    );
}

#[test]
fn hanford_footnotes_are_notes_never_answers() {
    let Some(iv) = sample("scihist_hanford") else {
        return;
    };
    assert_eq!(iv.notes.len(), 2);
    assert!(iv.notes[0].text.starts_with("[1] William E. Hanford"));
    assert!(iv.notes[0].text.contains("Patent 2,281,576"));
    for t in &iv.turns {
        assert!(!t.text().contains("Patent 2,281,576"));
        assert!(!t.text().contains("[[footnote"));
    }
    assert!(iv
        .turns
        .iter()
        .any(|t| t.text().contains("get a patent [1]")));
    // Entities are resolved.
    assert!(iv.turns.iter().any(|t| t.text().contains("That's great")));
}

#[test]
fn chappelear_vtt_cues_without_a_voice_continue_the_speaker() {
    let Some(iv) = sample("scihist_chappelear") else {
        return;
    };
    let labels: Vec<&str> = iv.turns.iter().filter_map(|t| t.label.as_deref()).collect();
    assert_eq!(labels.len(), 5, "{labels:?}");
    assert_eq!(iv.turns.len(), 5);
    assert_eq!(&labels[..2], ["SCHNEIDER", "CHAPPELEAR"]);
    // No names in the record: the first speaker opens the interview (said so).
    assert_eq!(iv.turns[0].kind, TurnKind::Question);
    assert_eq!(iv.turns[0].decision.rule, "ohms-label-order");
    assert!(iv.turns[3].paragraphs.len() > 1);
    assert_eq!(iv.timings[0].start_ms, 4_000);
    assert_eq!(iv.timings[0].end_ms, Some(29_000));
}

#[test]
fn pooley_maps_rights_collection_and_the_q_label() {
    let Some(iv) = sample("pooley_burkat") else {
        return;
    };
    let m = &iv.meta;
    assert_eq!(
        m.date_created.as_ref().unwrap().value.as_str(),
        "2025-07-08"
    );
    assert_eq!(
        m.rights.as_ref().unwrap().value.license.as_deref(),
        Some("https://creativecommons.org/licenses/by-nc/4.0/deed.en")
    );
    let c = &m.collection.as_ref().unwrap().value;
    assert_eq!(c.name, "ASC Alumni Oral History Project");
    assert!(c
        .url
        .as_deref()
        .unwrap()
        .starts_with("https://www.asc.upenn.edu/"));
    // The ;-packed subject is split.
    assert!(m
        .keywords
        .iter()
        .any(|k| k.value == "University of Michigan"));
    let q = &iv.turns[0];
    assert_eq!(q.label.as_deref(), Some("Q"));
    assert_eq!(iv.people[q.speaker.unwrap()].name.value, "Jefferson Pooley");
    let a = &iv.turns[1];
    assert_eq!(iv.people[a.speaker.unwrap()].name.value, "Howard Burkat");
    assert_eq!(iv.turns.len(), 74);
}

#[test]
fn spanish_sample_gets_its_language_code_and_role_words() {
    let Some(iv) = sample("aviary_OHMS-Sample-006") else {
        return;
    };
    assert_eq!(iv.meta.language.as_ref().unwrap().value, "es");
    let q = &iv.turns[0];
    assert_eq!(q.label.as_deref(), Some("ENTREVISTADORA"));
    assert_eq!(iv.people[q.speaker.unwrap()].name.value, "Mirta Rimolo");
    assert_eq!(
        q.paragraphs[0].text,
        "Bueno, comenzamos, Raúl, con las preguntas."
    );
    // 5.1: no bundled schema, a structural check, said so.
    assert!(iv
        .diagnostics
        .iter()
        .any(|d| d.code == "ohms-structural-check"));
}

/// Every field colloquy models, as comparable text.
fn modelled(iv: &Interview) -> Vec<(String, String)> {
    let m = &iv.meta;
    let mut f: Vec<(String, String)> = Vec::new();
    let mut put = |k: &str, v: String| f.push((k.to_string(), v));
    let s = |o: Option<&str>| o.unwrap_or("-").to_string();
    put("headline", s(m.headline.as_ref().map(|h| h.value.as_str())));
    put(
        "description",
        s(m.description.as_ref().map(|h| h.value.as_str())),
    );
    put("language", s(m.language.as_ref().map(|h| h.value.as_str())));
    put(
        "date_created",
        s(m.date_created.as_ref().map(|d| d.value.as_str())),
    );
    put(
        "source_url",
        s(m.source_url.as_ref().map(|h| h.value.as_str())),
    );
    put("usage", s(m.usage.as_ref().map(|h| h.value.as_str())));
    put(
        "publisher",
        format!("{:?}", m.publisher.as_ref().map(|p| &p.value)),
    );
    put(
        "rights",
        format!("{:?}", m.rights.as_ref().map(|p| &p.value)),
    );
    put(
        "collection",
        format!("{:?}", m.collection.as_ref().map(|p| &p.value)),
    );
    put(
        "series",
        format!("{:?}", m.series.as_ref().map(|p| &p.value)),
    );
    put("media", format!("{:?}", m.media.as_ref().map(|p| &p.value)));
    let kw: Vec<&str> = m.keywords.iter().map(|k| k.value.as_str()).collect();
    put("keywords", kw.join("|"));
    let mut ids: Vec<String> = m
        .identifiers
        .iter()
        .map(|i| {
            format!(
                "{}={}",
                i.value.scheme,
                i.value.value.trim_start_matches('0')
            )
        })
        .collect();
    ids.sort();
    put("identifiers", ids.join("|"));
    for p in &iv.people {
        put(
            "person",
            format!("{} {:?} {:?}", p.name.value, p.role, p.labels),
        );
    }
    for (i, t) in iv.turns.iter().enumerate() {
        let speaker = t.speaker.map(|s| iv.people[s].name.value.clone());
        put(
            &format!("turn {i}"),
            format!(
                "{:?} {:?} {:?} {:?} {}",
                t.label,
                speaker,
                t.role,
                t.kind,
                t.text()
            ),
        );
    }
    for t in &iv.timings {
        put(
            "timing",
            format!("{} {} {:?}", t.turn, t.start_ms, t.end_ms),
        );
    }
    for s in &iv.segments {
        put(
            "segment",
            format!(
                "{} {} {:?} {:?} {:?} {:?}",
                s.start_seconds, s.title, s.synopsis, s.partial_transcript, s.keywords, s.subjects
            ),
        );
    }
    for n in &iv.notes {
        put("note", n.text.clone());
    }
    for p in &iv.lead {
        put("lead", p.text.clone());
    }
    if let Some(c) = &iv.closing {
        put("closing", format!("{:?} {}", c.label, c.text()));
    }
    f
}

#[test]
fn round_trip_ohms_to_colloquy_to_ohms_keeps_every_modelled_field() {
    let Some(paths) = samples() else { return };
    for path in paths {
        let (text, iv) = read(&path);
        let name = path.display().to_string();
        let before = modelled(&iv);
        let c = convert(&name, &text, iv, vec![OutputFormat::Ohms]);
        let out = doc(&c, OutputFormat::Ohms).to_string();
        let (_, again) = pipeline::read("again.ohms.xml", out.as_bytes())
            .unwrap_or_else(|e| panic!("{name}: re-reading our own OHMS: {e}\n{out}"));
        let after = modelled(&again);
        for (b, a) in before.iter().zip(&after) {
            // Legacy transcripts have minute-resolution starts and no ends; written as
            // cues, a turn's end is the next timed turn's start. Starts must survive.
            if b.0 == "timing" {
                let start = |s: &str| s.split(' ').take(2).collect::<Vec<_>>().join(" ");
                assert_eq!(start(&b.1), start(&a.1), "{name}: timing");
                continue;
            }
            assert_eq!(b, a, "{name}: field {}", b.0);
        }
        assert_eq!(before.len(), after.len(), "{name}: number of fields");
    }
}

#[test]
fn the_seed_converts_to_a_valid_ohms_record() {
    let Some(seed) = shared(SEED) else { return };
    let (text, iv) = read(&seed);
    let exchanges = iv.exchanges().len();
    let c = convert("seed.txt", &text, iv, vec![OutputFormat::Ohms]);
    let out = doc(&c, OutputFormat::Ohms);
    assert!(colloquy::check::ohms::check(out).unwrap().is_empty());
    assert!(out.contains("<vtt_transcript><![CDATA[WEBVTT"));
    // Untimed text: zero-length cues at 0, which OHMS itself writes for untimed text.
    assert!(out.contains("00:00:00.000 --> 00:00:00.000\n<v "));
    let (_, again) = pipeline::read("seed.ohms.xml", out.as_bytes()).unwrap();
    assert_eq!(again.exchanges().len(), exchanges);
    // The closing thanks stays a closing (`<v.closing …>`), not a fifth question.
    assert!(again
        .closing
        .as_ref()
        .unwrap()
        .text()
        .starts_with("Terima kasih"));
}

#[test]
fn an_invalid_ohms_file_is_a_clear_error_with_its_line() {
    let Some(paths) = samples() else { return };
    let chappelear = paths
        .iter()
        .find(|p| p.to_string_lossy().contains("chappelear"))
        .unwrap();
    let text = std::fs::read_to_string(chappelear).unwrap();
    let broken = text.replacen("<title>", "<bogus/><title>", 1);
    let line = broken[..broken.find("<bogus/>").unwrap()]
        .matches('\n')
        .count()
        + 1;
    colloquy::check::xsd::init();
    match pipeline::read("broken.xml", broken.as_bytes()) {
        Err(ReadError::Ohms {
            name,
            line: l,
            reason,
            ..
        }) => {
            assert_eq!(name, "broken.xml");
            assert_eq!(l, line);
            assert!(
                reason.contains("OHMS 6.0 XSD") && reason.contains("bogus"),
                "{reason}"
            );
        }
        other => panic!("expected an OHMS error, got {other:?}"),
    }
}

#[test]
fn validate_judges_ohms_files_by_content() {
    let Some(paths) = samples() else { return };
    colloquy::check::xsd::init();
    let checker = Checker::new(None).unwrap();
    for path in &paths {
        let bytes = std::fs::read(path).unwrap();
        let r = checker.check(&path.display().to_string(), &bytes);
        assert_eq!(
            r.kind,
            Some(colloquy::check::DocKind::Ohms),
            "{}",
            path.display()
        );
        let errors: Vec<_> = r
            .findings
            .iter()
            .filter(|f| f.severity == Severity::Error)
            .collect();
        assert!(errors.is_empty(), "{}: {errors:#?}", path.display());
        let old =
            path.to_string_lossy().contains("v5.1") || path.to_string_lossy().contains("v5.2");
        assert_eq!(
            r.findings.iter().any(|f| f.rule == "ohms/no-schema"),
            old,
            "{}",
            path.display()
        );
    }
    let duarte = paths
        .iter()
        .find(|p| p.to_string_lossy().contains("duarte"))
        .unwrap();
    let broken =
        std::fs::read_to_string(duarte)
            .unwrap()
            .replacen("<title>", "<titel>x</titel><title>", 1);
    let r = checker.check("broken.xml", broken.as_bytes());
    assert!(
        r.findings
            .iter()
            .any(|f| f.severity == Severity::Error && f.rule.starts_with("xsd/")),
        "{:#?}",
        r.findings
    );
}

#[test]
fn a_webvtt_interview_keeps_its_times_in_ohms() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("samples/en-lighthouse.vtt");
    let (text, iv) = read(&path);
    let before = iv.timings.clone();
    assert_eq!(
        before.len(),
        iv.turns.len() + 1,
        "every turn and the closing timed"
    );
    let c = convert("en-lighthouse.vtt", &text, iv, vec![OutputFormat::Ohms]);
    let out = doc(&c, OutputFormat::Ohms);
    assert!(
        out.contains("00:00:01.000 --> 00:00:04.500\n<v Owen Pryce>"),
        "{out}"
    );
    // Two cues of one answer become one cue from the first start to the last end.
    assert!(
        out.contains("00:00:11.500 --> 00:00:19.000\n<v Maren Holt>"),
        "{out}"
    );
    let (_, again) = pipeline::read("again.ohms.xml", out.as_bytes()).unwrap();
    assert_eq!(again.timings, before);
}

#[test]
fn a_stamped_text_transcript_keeps_its_turn_times_in_ohms() {
    // A recorder's export: a speaker header with the time above each turn.
    let text = "Speaker 1  0:03\nWhat brought you to the harbour?\n\n\
                Speaker 2  0:07\nA job, at first. Then the people.\n\n\
                Speaker 1  1:15\nAnd what keeps you here now?\n\n\
                Speaker 2  1:19\nThe fog in the morning, and the boats.\n";
    let (_, iv) = pipeline::read("harbour.txt", text.as_bytes()).unwrap();
    let times: Vec<(usize, u64)> = iv.timings.iter().map(|t| (t.turn, t.start_ms)).collect();
    assert_eq!(times, [(0, 3_000), (1, 7_000), (2, 75_000), (3, 79_000)]);
    // The headers are labels, not words of the turns.
    assert_eq!(iv.turns[1].text(), "A job, at first. Then the people.");
    assert_eq!(iv.turns[1].label.as_deref(), Some("Speaker 2"));
    let inspect = colloquy::inspect::render_human(&iv, text);
    assert!(
        inspect.contains("time 0:01:15.000  ← text 7:12-7:16"),
        "inspect shows the stamp as evidence:\n{inspect}"
    );
    let c = convert("harbour.txt", text, iv, vec![OutputFormat::Ohms]);
    let out = doc(&c, OutputFormat::Ohms);
    // A start only: each cue runs to the next turn's start.
    assert!(
        out.contains("00:00:07.000 --> 00:01:15.000\n<v Speaker 2>"),
        "{out}"
    );
}
