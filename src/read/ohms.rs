//! OHMS XML (Oral History Metadata Synchronizer, the Nunn Center's format that archives
//! running the OHMS viewer, Aviary or Omeka exchange) → the interview model.
//!
//! An OHMS file is a *record*: its metadata (title, interviewee, interviewer, date,
//! repository, rights, …) is stated, not found in running text, so this reader maps
//! elements to fields one to one and runs none of the text heuristics. The transcript
//! is either legacy text (`transcript`, labelled `NAME:` paragraphs, timed by the
//! minute-resolution `sync` string) or WebVTT (`vtt_transcript`, 6.0, `<v NAME>` voices
//! with real times); speaker labels become turns, and each label is matched to a named
//! interviewee or interviewer. Footnotes become the interview's notes, never part of an
//! answer. The index becomes [`Segment`]s with their times.
//!
//! Every file is validated first: 5.3, 5.4 and 6.0 files against the bundled 6.0 XSD
//! (which all of them pass), older ones structurally, with a note that no schema of
//! theirs is bundled. Format notes: `../shared/ohms/README.md` (from the samples and the
//! code of the viewer and two exporters; there is no official specification).

use super::ReadError;
use crate::model::{
    Collection, Decision, Diagnostic, Identifier, Interview, Media, Organization, Paragraph,
    Person, Rights, Role, Segment, Sourced, Span, Timing, Turn, TurnKind,
};
use quick_xml::events::Event;
use std::collections::BTreeMap;

/// The OHMS namespace (files of version 4 and older have none).
pub const OHMS_NS: &str = "https://www.weareavp.com/nunncenter/ohms";

/// True when the text is an OHMS record: XML whose first element is `ROOT`, in the OHMS
/// namespace or (version 4 and older) holding a `record`. Prose that merely mentions
/// `<ROOT>` is not XML that starts with it.
pub fn looks_like(text: &str) -> bool {
    let text = text.trim_start_matches('\u{feff}').trim_start();
    // Every form this takes (declaration, comment, DOCTYPE, root) opens with `<`; most
    // inputs are plain text and stop here, before the head is copied.
    if !text.starts_with('<') {
        return false;
    }
    let head: String = text.chars().take(2000).collect();
    let mut rest = head.as_str();
    // Skip the XML declaration, processing instructions and comments.
    loop {
        rest = rest.trim_start();
        if let Some(r) = rest.strip_prefix("<?") {
            let Some(end) = r.find("?>") else {
                return false;
            };
            rest = &r[end + 2..];
        } else if let Some(r) = rest.strip_prefix("<!--") {
            let Some(end) = r.find("-->") else {
                return false;
            };
            rest = &r[end + 3..];
        } else if rest
            .get(..9)
            .is_some_and(|p| p.eq_ignore_ascii_case("<!DOCTYPE"))
        {
            // Skipped as validate's detection skips it, so a DOCTYPE'd record is still
            // an OHMS record — refused for its DOCTYPE like every other XML root, not
            // taken for text. An internal subset `[…]` holds `>`s of its own.
            let r = &rest[9..];
            let end = match (r.find('['), r.find('>')) {
                (Some(b), Some(g)) if b < g => r[b..]
                    .find("]")
                    .and_then(|c| r[b + c..].find('>').map(|g| b + c + g)),
                (_, g) => g,
            };
            let Some(end) = end else { return false };
            rest = &r[end + 1..];
        } else {
            break;
        }
    }
    let root =
        rest.starts_with("<ROOT") && rest[5..].starts_with(|c: char| c.is_whitespace() || c == '>');
    root && (rest.contains(OHMS_NS) || rest.contains("<record"))
}

/// One element: its local name, attributes, text content (entities resolved) and the
/// byte range of that content in the source.
#[derive(Debug, Default)]
struct El {
    name: String,
    attrs: Vec<(String, String)>,
    text: String,
    /// Where each piece of `text` sits in the source: (offset in `text`, offset in the
    /// source, whether the piece is copied byte for byte).
    pieces: Vec<(usize, usize, bool)>,
    span: Span,
    children: Vec<El>,
}

impl El {
    fn child(&self, name: &str) -> Option<&El> {
        self.children.iter().find(|c| c.name == name)
    }
    fn all<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a El> + 'a {
        self.children.iter().filter(move |c| c.name == name)
    }
    fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }
    /// The trimmed text of child `name`, when not empty.
    fn value(&self, name: &str) -> Option<(String, Span)> {
        let c = self.child(name)?;
        let t = c.text.trim();
        (!t.is_empty()).then(|| (t.to_string(), c.span.clone()))
    }
    /// The source offset of byte `i` of the text.
    fn source_offset(&self, i: usize) -> usize {
        match self.pieces.iter().rev().find(|(at, _, _)| *at <= i) {
            Some((at, src, true)) => src + (i - at),
            Some((_, src, false)) => *src,
            None => self.span.start,
        }
    }
    fn source_span(&self, r: std::ops::Range<usize>) -> Span {
        let start = self.source_offset(r.start);
        let end = self.source_offset(r.end).max(start);
        start..end
    }
}

fn xml_error(name: &str, text: &str, offset: usize, reason: impl Into<String>) -> ReadError {
    let (line, column) = crate::model::line_col(text, offset);
    ReadError::Ohms {
        name: name.to_string(),
        line,
        column,
        reason: reason.into(),
    }
}

/// Parses the document into a tree of elements (namespaces dropped: OHMS has one).
fn parse(name: &str, text: &str) -> Result<El, ReadError> {
    let mut reader = quick_xml::Reader::from_str(text);
    let mut stack: Vec<El> = vec![El::default()];
    loop {
        let before = reader.buffer_position() as usize;
        let event = reader
            .read_event()
            .map_err(|e| xml_error(name, text, before, format!("not well-formed XML: {e}")))?;
        let after = reader.buffer_position() as usize;
        let open = |e: &quick_xml::events::BytesStart| -> Result<El, ReadError> {
            let mut attrs = Vec::new();
            for a in e.attributes() {
                let a = a.map_err(|e| xml_error(name, text, before, e.to_string()))?;
                let value = a
                    .normalized_value(quick_xml::XmlVersion::default())
                    .map_err(|e| xml_error(name, text, before, e.to_string()))?;
                attrs.push((
                    a.key.local_name().into_inner().to_string(),
                    value.into_owned(),
                ));
            }
            Ok(El {
                name: e.local_name().into_inner().to_string(),
                attrs,
                span: after..after,
                ..El::default()
            })
        };
        match event {
            Event::Start(e) => stack.push(open(&e)?),
            Event::Empty(e) => {
                // An empty element's values are its attributes: its place is the tag.
                let mut el = open(&e)?;
                el.span = before..after;
                stack.last_mut().expect("root").children.push(el);
            }
            Event::End(_) => {
                let mut el = stack.pop().expect("balanced by the parser");
                el.span.end = before;
                match stack.last_mut() {
                    Some(parent) => parent.children.push(el),
                    None => return Err(xml_error(name, text, before, "unbalanced end tag")),
                }
            }
            Event::Text(t) => {
                let el = stack.last_mut().expect("root");
                let content = t.xml10_content();
                let exact = content.len() == after - before;
                el.pieces.push((el.text.len(), before, exact));
                el.text.push_str(&content);
            }
            Event::CData(c) => {
                let el = stack.last_mut().expect("root");
                let content: &str = &c;
                el.pieces
                    .push((el.text.len(), before + "<![CDATA[".len(), true));
                el.text.push_str(content);
            }
            Event::GeneralRef(r) => {
                let el = stack.last_mut().expect("root");
                let reference: &str = &r;
                let c = resolve_reference(reference).ok_or_else(|| {
                    xml_error(name, text, before, format!("unknown entity &{reference};"))
                })?;
                el.pieces.push((el.text.len(), before, false));
                el.text.push(c);
            }
            Event::DocType(_) => {
                return Err(xml_error(
                    name,
                    text,
                    before,
                    "a DOCTYPE is not allowed in an OHMS file",
                ))
            }
            Event::Eof => break,
            _ => {}
        }
    }
    let mut doc = stack.pop().expect("root");
    if !stack.is_empty() {
        return Err(xml_error(name, text, text.len(), "unclosed element"));
    }
    doc.children
        .pop()
        .ok_or_else(|| xml_error(name, text, 0, "no root element"))
}

fn resolve_reference(r: &str) -> Option<char> {
    match r {
        "amp" => Some('&'),
        "lt" => Some('<'),
        "gt" => Some('>'),
        "quot" => Some('"'),
        "apos" => Some('\''),
        _ => {
            let n = r.strip_prefix('#')?;
            let code = match n.strip_prefix(['x', 'X']) {
                Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                None => n.parse().ok()?,
            };
            char::from_u32(code)
        }
    }
}

/// The `<version>` as a number (5.4, 6.0); `None` when absent or not a number.
fn version_of(record: &El) -> Option<f64> {
    record.value("version").and_then(|(v, _)| v.parse().ok())
}

/// Validates the file: against the bundled 6.0 XSD when it declares 5.3 or later, else
/// structurally. Returns the notes to attach to the interview.
fn validate(name: &str, text: &str, root: &El) -> Result<Vec<Diagnostic>, ReadError> {
    let at = |el: &El| el.span.start;
    if root.name != "ROOT" {
        return Err(xml_error(
            name,
            text,
            0,
            format!("the root element is <{}>, not an OHMS <ROOT>", root.name),
        ));
    }
    let Some(record) = root.child("record") else {
        return Err(xml_error(
            name,
            text,
            at(root),
            "no <record> in <ROOT>; an OHMS file holds one record per interview",
        ));
    };
    let version = version_of(record);
    if version.is_some_and(|v| v >= 5.3) {
        let findings = crate::check::ohms::check(text).map_err(|e| xml_error(name, text, 0, e))?;
        if let Some(first) = findings
            .iter()
            .find(|f| f.severity == crate::model::Severity::Error)
        {
            return Err(ReadError::Ohms {
                name: name.to_string(),
                line: first.location.line.unwrap_or(1),
                column: first.location.column.unwrap_or(1),
                reason: format!(
                    "not a valid OHMS {} record (checked against the bundled OHMS 6.0 XSD): {}; fix the file, or re-export it from OHMS",
                    version.map(|v| format!("{v:.1}")).unwrap_or_default(),
                    first.message.trim_end_matches('.')
                ),
            });
        }
        return Ok(Vec::new());
    }
    // 5.2 and older: no schema of theirs is bundled (the only copies are AGPL-licensed);
    // check what this reader relies on.
    for required in ["title", "date"] {
        if record.child(required).is_none() {
            return Err(xml_error(
                name,
                text,
                at(record),
                format!("the record has no <{required}>, which every OHMS version requires"),
            ));
        }
    }
    let shown = record
        .value("version")
        .map(|(v, _)| v)
        .unwrap_or_else(|| "(none)".into());
    Ok(vec![Diagnostic::info(
        "ohms-structural-check",
        format!(
            "OHMS version {shown}: no schema of this version is bundled (only the Apache-2.0 5.4 and 6.0 schemas are), so the file was checked structurally, not against an XSD"
        ),
        record.child("version").map(|v| v.span.clone()),
    )])
}

/// Reads an OHMS file (already decoded) into the model; its language is detected from the
/// spoken words only when the record states none and `known` does not say it is given.
pub fn read(name: &str, text: &str, known: super::Known) -> Result<Interview, ReadError> {
    let root = parse(name, text)?;
    let mut notes = validate(name, text, &root)?;
    let record = root.child("record").expect("validated");
    if root.all("record").count() > 1 {
        notes.push(Diagnostic::warning(
            "ohms-several-records",
            "the file holds more than one record; only the first is read",
            None,
        ));
    }
    let mut iv = Interview::default();
    iv.meta.source_name = name.to_string();
    read_meta(record, &mut iv, &mut notes);
    read_people(record, &mut iv);
    let vtt = record
        .child("vtt_transcript")
        .filter(|v| !v.text.trim().is_empty());
    let mut closing = false;
    match vtt {
        Some(v) => closing = read_vtt(v, &mut iv),
        None => {
            if let Some(t) = record
                .child("transcript")
                .filter(|t| !t.text.trim().is_empty())
            {
                let sync = record.value("sync").map(|(s, _)| s);
                read_legacy(t, sync.as_deref(), &mut iv);
            }
        }
    }
    assign_speakers(&mut iv);
    if closing {
        // colloquy's own OHMS marks the interviewer's closing remark `<v.closing …>`.
        // Its timing keeps its index: `turns.len()` stands for the closing.
        iv.closing = iv.turns.pop().map(|mut t| {
            t.kind = TurnKind::Remark;
            t
        });
    }
    read_index(record, &mut iv);
    // A record without a language (the viewer assumes English; we do not): detected
    // from the spoken words, marked as inferred, never from the XML around them.
    let spoken: usize = iv.turns.iter().map(|t| t.text().len()).sum();
    if iv.meta.language.is_none() && !known.language && spoken >= 40 {
        crate::infer::language::infer(&mut iv, "");
    }
    iv.diagnostics.extend(notes);
    if iv.exchanges().is_empty() {
        return Err(ReadError::NoQuestions {
            name: name.to_string(),
        });
    }
    Ok(iv)
}

fn text_of(v: (String, Span)) -> Sourced<String> {
    Sourced::from_text(v.0, v.1)
}

/// Splits a `;`-joined OHMS list (record `keyword`/`subject` sometimes, point
/// `keywords`/`subjects` always).
fn split_terms(s: &str) -> Vec<String> {
    s.split(';')
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .map(str::to_string)
        .collect()
}

fn is_url(s: &str) -> bool {
    crate::meta::values::parse_url(s).is_ok()
}

/// English language names as OHMS writes them → ISO 639-1 codes.
const LANGUAGES: &[(&str, &str)] = &[
    ("arabic", "ar"),
    ("bengali", "bn"),
    ("chinese", "zh"),
    ("czech", "cs"),
    ("danish", "da"),
    ("dutch", "nl"),
    ("english", "en"),
    ("finnish", "fi"),
    ("french", "fr"),
    ("german", "de"),
    ("greek", "el"),
    ("hebrew", "he"),
    ("hindi", "hi"),
    ("hungarian", "hu"),
    ("indonesian", "id"),
    ("irish", "ga"),
    ("italian", "it"),
    ("japanese", "ja"),
    ("korean", "ko"),
    ("norwegian", "no"),
    ("persian", "fa"),
    ("polish", "pl"),
    ("portuguese", "pt"),
    ("romanian", "ro"),
    ("russian", "ru"),
    ("spanish", "es"),
    ("swahili", "sw"),
    ("swedish", "sv"),
    ("tagalog", "tl"),
    ("thai", "th"),
    ("turkish", "tr"),
    ("ukrainian", "uk"),
    ("urdu", "ur"),
    ("vietnamese", "vi"),
    ("welsh", "cy"),
    ("yiddish", "yi"),
];

/// The ISO 639-1 code of an English language name (`Spanish` → `es`).
pub fn language_code(name: &str) -> Option<&'static str> {
    let n = name.trim().to_lowercase();
    LANGUAGES.iter().find(|(l, _)| *l == n).map(|(_, c)| *c)
}

/// The English name OHMS writes for a language tag (`es-MX` → `Spanish`).
pub fn language_name(tag: &str) -> Option<String> {
    let primary = tag.split('-').next()?.to_lowercase();
    LANGUAGES.iter().find(|(_, c)| *c == primary).map(|(l, _)| {
        let mut s = l.to_string();
        s[..1].make_ascii_uppercase();
        s
    })
}

/// `0:28:06`, `1:2:0`, `01:23:00` → seconds; `None` for anything else or zero (a
/// placeholder).
fn duration_seconds(s: &str) -> Option<u64> {
    let parts: Vec<u64> = s
        .trim()
        .split(':')
        .map(|p| p.trim().parse().ok())
        .collect::<Option<_>>()?;
    let secs = match parts.as_slice() {
        [h, m, s] => h * 3600 + m * 60 + s,
        [m, s] => m * 60 + s,
        _ => return None,
    };
    (secs > 0).then_some(secs)
}

/// A licence URL stated in a rights text (`… See https://creativecommons.org/licenses/by-nc/4.0/deed.en.`).
fn licence_url(rights: &str) -> Option<String> {
    rights
        .split_whitespace()
        .map(|w| w.trim_end_matches(['.', ',', ';', ')']))
        .find(|w| {
            (w.starts_with("https://") || w.starts_with("http://"))
                && (w.contains("creativecommons.org/") || w.contains("rightsstatements.org/"))
        })
        .map(str::to_string)
}

fn read_meta(record: &El, iv: &mut Interview, notes: &mut Vec<Diagnostic>) {
    let m = &mut iv.meta;
    m.headline = record.value("title").map(text_of);
    m.description = record.value("description").map(text_of);
    // The interview date: `date/@value`, else the free-text date. `record/@dt` is the
    // export date and goes nowhere.
    let date_el = record.child("date");
    let attr_date = date_el.and_then(|d| {
        let v = d.attr("value").map(str::trim).filter(|v| !v.is_empty())?;
        Some((v.to_string(), d.span.clone()))
    });
    let attr_date = attr_date.or_else(|| {
        // Version 4 wrote the date as element text.
        date_el.and_then(|d| {
            let t = d.text.trim();
            (!t.is_empty()).then(|| (t.to_string(), d.span.clone()))
        })
    });
    for (raw, span) in attr_date
        .into_iter()
        .chain(record.value("date_nonpreferred_format"))
    {
        match crate::meta::values::parse_date(&raw) {
            Ok(d) => {
                m.date_created = Some(Sourced::from_text(d, span));
                break;
            }
            Err(_) if raw.eq_ignore_ascii_case("unknown date") => {}
            Err(_) => notes.push(Diagnostic::warning(
                "ohms-date",
                format!("the interview date '{raw}' is not a date colloquy reads; it is left out"),
                Some(span),
            )),
        }
    }
    if let Some((lang, span)) = record.value("language") {
        match language_code(&lang) {
            Some(code) => m.language = Some(Sourced::from_text(code.to_string(), span)),
            None => notes.push(Diagnostic::warning(
                "ohms-language",
                format!("the language '{lang}' is not a language name colloquy knows; give its code with --lang (or default_language in colloquy.toml)"),
                Some(span),
            )),
        }
    }
    if let Some((repo, span)) = record.value("repository") {
        let url = record
            .value("repository_url")
            .map(|(u, _)| u)
            .filter(|u| is_url(u));
        m.publisher = Some(Sourced::from_text(
            Organization {
                name: repo,
                url,
                logo: None,
            },
            span,
        ));
    }
    let rights = record.value("rights");
    if let Some((r, span)) = &rights {
        m.rights = Some(Sourced::from_text(
            Rights {
                copyright_holder: None,
                copyright_notice: Some(r.clone()),
                license: licence_url(r),
            },
            span.clone(),
        ));
    }
    m.usage = record.value("usage").map(text_of);
    let mut seen = std::collections::BTreeSet::new();
    for el in record
        .all("subject")
        .chain(record.all("keyword"))
        .collect::<Vec<_>>()
    {
        for term in split_terms(&el.text) {
            if seen.insert(term.clone()) {
                m.keywords.push(Sourced::from_text(term, el.span.clone()));
            }
        }
    }
    let collection = |name: &str, link: &str| {
        record.value(name).map(|(n, span)| {
            Sourced::from_text(
                Collection {
                    name: n,
                    url: record.value(link).map(|(u, _)| u).filter(|u| is_url(u)),
                },
                span,
            )
        })
    };
    m.collection = collection("collection_name", "collection_link");
    m.series = collection("series_name", "series_link");
    let mut ids = Vec::new();
    if let Some(id) = record.attr("id").map(str::trim).filter(|s| !s.is_empty()) {
        ids.push(("ohms-record-id", id.to_string(), record.span.clone()));
    }
    for (el, scheme) in [
        ("accession", "accession"),
        ("cms_record_id", "cms-record-id"),
    ] {
        if let Some((v, span)) = record.value(el) {
            ids.push((scheme, v, span));
        }
    }
    m.identifiers = ids
        .into_iter()
        .map(|(scheme, value, span)| {
            Sourced::from_text(
                Identifier {
                    scheme: scheme.to_string(),
                    value,
                },
                span,
            )
        })
        .collect();
    let media_url = record.value("media_url").filter(|(u, _)| is_url(u));
    let kind = record
        .value("fmt")
        .map(|(f, _)| f)
        .or_else(|| {
            record
                .child("mediafile")
                .and_then(|mf| mf.value("clip_format"))
                .map(|(f, _)| f)
        })
        .map(|f| f.split(':').next().unwrap_or("").trim().to_lowercase())
        .filter(|f| f == "audio" || f == "video");
    let duration = record
        .value("duration")
        .and_then(|(d, _)| duration_seconds(&d));
    if media_url.is_some() || kind.is_some() || duration.is_some() {
        let span = media_url
            .as_ref()
            .map(|(_, s)| s.clone())
            .unwrap_or_else(|| record.span.start..record.span.start);
        m.media = Some(Sourced::from_text(
            Media {
                url: media_url.map(|(u, _)| u),
                kind,
                duration_seconds: duration,
            },
            span,
        ));
    }
    if let Some((loc, span)) = record.value("xmllocation").filter(|(u, _)| is_url(u)) {
        m.source_url = Some(Sourced::from_text(loc, span));
    }
    let unmodelled: Vec<&str> = [
        "funding",
        "user_notes",
        "kembed",
        "format",
        "type",
        "rel",
        "transcript_alt",
        "vtt_transcript_alt",
    ]
    .into_iter()
    .filter(|n| record.all(n).any(|e| !e.text.trim().is_empty()))
    .collect();
    if !unmodelled.is_empty() {
        notes.push(Diagnostic::info(
            "ohms-not-carried",
            format!(
                "OHMS fields colloquy does not model are not carried into its outputs: {}",
                unmodelled.join(", ")
            ),
            None,
        ));
    }
}

fn read_people(record: &El, iv: &mut Interview) {
    for (el, role) in [
        ("interviewer", Role::Interviewer),
        ("interviewee", Role::Interviewee),
    ] {
        for p in record.all(el) {
            let name = p.text.trim();
            if name.is_empty() {
                continue;
            }
            iv.people.push(Person {
                name: Sourced::from_text(name.to_string(), p.span.clone()),
                role,
                job_title: None,
                affiliation: None,
                labels: Vec::new(),
            });
        }
    }
}

/// A raw turn before speakers are assigned: label, paragraphs, span, times.
struct RawTurn {
    label: Option<(String, Span)>,
    paragraphs: Vec<Paragraph>,
    start_ms: Option<u64>,
    end_ms: Option<u64>,
}

/// `NAME:` at the start of a paragraph: capitals (any script), spaces, hyphens, full
/// stops and apostrophes, ending in a colon — the OHMS viewer's rule.
fn speaker_label(p: &str) -> Option<usize> {
    let colon = p.find(':')?;
    let label = &p[..colon];
    let ok = !label.trim().is_empty()
        && label.chars().count() <= 40
        && label.chars().next().is_some_and(char::is_uppercase)
        && label
            .chars()
            .all(|c| c.is_uppercase() || matches!(c, ' ' | '-' | '.' | '\'' | '’'))
        && !label.ends_with(' ');
    ok.then_some(colon)
}

/// Turns `[[footnote]]N[[/footnote]]` into `[N]` and drops `{00:12:34}` inline times.
fn clean_inline(s: &str) -> String {
    static TIME: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    let time = TIME.get_or_init(|| regex::Regex::new(r"\{\d{1,2}:\d{2}:\d{2}\}").unwrap());
    let s = s.replace("[[footnote]]", "[").replace("[[/footnote]]", "]");
    time.replace_all(&s, "").into_owned()
}

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The legacy transcript: paragraphs separated by blank lines, a label opening a turn;
/// the footnotes block at the end becomes notes. `sync` gives each turn the minute it
/// starts in (the source's resolution).
fn read_legacy(t: &El, sync: Option<&str>, iv: &mut Interview) {
    let full = &t.text;
    let (body_end, footnotes) = match full.find("[[footnotes]]") {
        Some(i) => (i, Some(i)),
        None => (full.len(), None),
    };
    if let Some(i) = footnotes {
        let block = &full[i..];
        let mut from = 0;
        let mut n = 0;
        while let Some(s) = block[from..].find("[[note]]") {
            let start = from + s + "[[note]]".len();
            let Some(e) = block[start..].find("[[/note]]") else {
                break;
            };
            n += 1;
            let note = block[start..start + e]
                .replace("[[link]]", "")
                .replace("[[/link]]", "");
            iv.notes.push(Paragraph {
                text: format!("[{n}] {}", collapse(&note)),
                span: t.source_span(i + start..i + start + e),
            });
            from = start + e;
        }
    }
    // Paragraphs with their byte range in `full` and first line number (1-based).
    let body = &full[..body_end];
    let mut paras: Vec<(usize, usize, usize)> = Vec::new();
    let mut offset = 0;
    let mut start: Option<(usize, usize)> = None;
    for (i, line) in body.split_inclusive('\n').enumerate() {
        let blank = line.trim().is_empty();
        match (blank, start) {
            (false, None) => start = Some((offset, i + 1)),
            (true, Some((s, l))) => {
                paras.push((s, offset, l));
                start = None;
            }
            _ => {}
        }
        offset += line.len();
    }
    if let Some((s, l)) = start {
        paras.push((s, body.len(), l));
    }
    let anchors = sync.map(sync_anchors).unwrap_or_default();
    let mut turns: Vec<RawTurn> = Vec::new();
    for (s, e, line) in paras {
        let raw = &body[s..e];
        let lead = raw.len() - raw.trim_start().len();
        let trimmed = raw.trim();
        let (label, rest_at) = match speaker_label(trimmed) {
            Some(colon) => {
                let label = trimmed[..colon].trim().to_string();
                let span = t.source_span(s + lead..s + lead + colon);
                (Some((label, span)), s + lead + colon + 1)
            }
            None => (None, s + lead),
        };
        let text = collapse(&clean_inline(&body[rest_at..e]));
        if text.is_empty() && label.is_none() {
            continue;
        }
        let para = Paragraph {
            text,
            span: t.source_span(rest_at..e),
        };
        if label.is_none() {
            if let Some(last) = turns.last_mut() {
                if !para.text.is_empty() {
                    last.paragraphs.push(para);
                }
                continue;
            }
            iv.lead.push(para);
            continue;
        }
        turns.push(RawTurn {
            label,
            paragraphs: if para.text.is_empty() {
                Vec::new()
            } else {
                vec![para]
            },
            start_ms: anchor_time(&anchors, line),
            end_ms: None,
        });
    }
    push_turns(iv, turns);
}

/// The sync string's anchors: (line reached, minutes into the media).
fn sync_anchors(sync: &str) -> Vec<(usize, f64)> {
    let Some((interval, list)) = sync.split_once(':') else {
        return Vec::new();
    };
    let Ok(interval) = interval.trim().parse::<f64>() else {
        return Vec::new();
    };
    list.split('|')
        .filter(|e| !e.trim().is_empty())
        .enumerate()
        .filter_map(|(k, e)| {
            let line: usize = e.split('(').next()?.trim().parse().ok()?;
            Some((line, (k + 1) as f64 * interval))
        })
        .collect()
}

/// The start of the minute a paragraph opening on `line` falls in: the time of the last
/// anchor before that line (0 before the first).
fn anchor_time(anchors: &[(usize, f64)], line: usize) -> Option<u64> {
    if anchors.is_empty() {
        return None;
    }
    let minutes = anchors
        .iter()
        .take_while(|(l, _)| *l < line)
        .last()
        .map_or(0.0, |(_, m)| *m);
    Some((minutes * 60_000.0) as u64)
}

/// `HH:MM:SS.mmm` or `MM:SS.mmm` → milliseconds.
fn vtt_time(s: &str) -> Option<u64> {
    let s = s.trim();
    let (hms, ms) = s.split_once('.')?;
    let parts: Vec<u64> = hms
        .split(':')
        .map(|p| p.parse().ok())
        .collect::<Option<_>>()?;
    let secs = match parts.as_slice() {
        [h, m, s] => h * 3600 + m * 60 + s,
        [m, s] => m * 60 + s,
        _ => return None,
    };
    Some(secs * 1000 + ms.parse::<u64>().ok()?)
}

/// The character references WebVTT cue text uses.
fn vtt_unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&nbsp;", " ")
        .replace("&amp;", "&")
}

/// The 6.0 VTT transcript: a cue with `<v NAME>` opens a turn, a cue without one
/// continues the last speaker; `<br><br>` breaks a paragraph; annotations are notes.
/// True when the last cue's voice has the class `closing` (a closing remark).
fn read_vtt(v: &El, iv: &mut Interview) -> bool {
    static VOICE: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    static TAG: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    static NOTE: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    let voice = VOICE.get_or_init(|| regex::Regex::new(r"^\s*<v(\.[\w.-]+)?\s+([^>]+)>").unwrap());
    let tag = TAG.get_or_init(|| regex::Regex::new(r"</?[a-zA-Z][^>]*>").unwrap());
    let note = NOTE.get_or_init(|| {
        regex::Regex::new(r#"(?s)<annotation\s+ref="(\d+)"(?:\s+target_sub_id_text="([^"]*)")?\s*(?:/>|>(.*?)</annotation>)"#)
            .unwrap()
    });
    let text = &v.text;
    let mut turns: Vec<RawTurn> = Vec::new();
    // Blocks separated by blank lines, with their offsets.
    let mut blocks: Vec<(usize, usize)> = Vec::new();
    let mut offset = 0;
    let mut start = None;
    for line in text.split_inclusive('\n') {
        match (line.trim().is_empty(), start) {
            (false, None) => start = Some(offset),
            (true, Some(s)) => {
                blocks.push((s, offset));
                start = None;
            }
            _ => {}
        }
        offset += line.len();
    }
    if let Some(s) = start {
        blocks.push((s, text.len()));
    }
    let mut in_annotations = false;
    let mut last_closing = false;
    for (s, e) in blocks {
        let block = &text[s..e];
        let first = block.lines().next().unwrap_or("").trim();
        if first.starts_with("WEBVTT") || first.starts_with("STYLE") || first.starts_with("REGION")
        {
            continue;
        }
        if first == "NOTE" || first.starts_with("NOTE ") {
            if block.contains("ANNOTATIONS BEGIN") {
                in_annotations = true;
            }
            if block.contains("ANNOTATIONS END") {
                in_annotations = false;
            }
            if in_annotations || block.contains("<annotation") {
                for c in note.captures_iter(block) {
                    let body = c
                        .get(3)
                        .or(c.get(2))
                        .map(|m| m.as_str())
                        .unwrap_or_default();
                    let m = c.get(0).expect("match");
                    iv.notes.push(Paragraph {
                        text: format!(
                            "[{}] {}",
                            &c[1],
                            vtt_unescape(&collapse(&tag.replace_all(body, "")))
                        ),
                        span: v.source_span(s + m.start()..s + m.end()),
                    });
                }
            }
            continue;
        }
        // A cue: optional identifier line, then the timing line, then the payload.
        let mut lines = block.split_inclusive('\n');
        let mut at = s;
        let mut timing = None;
        for line in lines.by_ref() {
            at += line.len();
            if line.contains("-->") {
                timing = Some(line.trim().to_string());
                break;
            }
        }
        let Some(timing) = timing else { continue };
        let (a, b) = timing.split_once("-->").unwrap_or((&timing, ""));
        let start_ms = vtt_time(a);
        let end_ms = vtt_time(b.split_whitespace().next().unwrap_or(""));
        let payload = &text[at.min(e)..e];
        let (label, body_at) = match voice.captures(payload) {
            Some(c) => {
                last_closing = c
                    .get(1)
                    .is_some_and(|class| class.as_str().split('.').any(|k| k == "closing"));
                let g = c.get(2).expect("group");
                let span = v.source_span(at + g.start()..at + g.end());
                (
                    Some((g.as_str().trim().to_string(), span)),
                    at + c.get(0).expect("m").end(),
                )
            }
            None => (None, at),
        };
        let body = &text[body_at.min(e)..e];
        let paras: Vec<Paragraph> = body
            .split("<br><br>")
            .map(|p| vtt_unescape(&collapse(&tag.replace_all(p, ""))))
            .filter(|p| !p.is_empty())
            .map(|p| Paragraph {
                text: p,
                span: v.source_span(body_at..e),
            })
            .collect();
        match (label, turns.last_mut()) {
            (None, None) => iv.lead.extend(paras),
            (None, Some(last)) => {
                last.paragraphs.extend(paras);
                if end_ms.is_some() {
                    last.end_ms = end_ms.max(last.end_ms);
                }
            }
            (label, _) => turns.push(RawTurn {
                label,
                paragraphs: paras,
                start_ms,
                end_ms,
            }),
        }
    }
    let closing = last_closing && !turns.is_empty();
    push_turns(iv, turns);
    closing
}

fn push_turns(iv: &mut Interview, turns: Vec<RawTurn>) {
    for t in turns {
        if t.paragraphs.is_empty() {
            continue;
        }
        let span = t
            .label
            .as_ref()
            .map(|(_, s)| s.start)
            .unwrap_or(t.paragraphs[0].span.start)
            ..t.paragraphs.last().map_or(0, |p| p.span.end);
        if let Some(start_ms) = t.start_ms {
            iv.timings.push(Timing {
                turn: iv.turns.len(),
                start_ms,
                end_ms: t.end_ms.filter(|e| *e >= start_ms && *e > 0),
                span: None,
            });
        }
        iv.turns.push(Turn {
            speaker: None,
            label: t.label.map(|(l, _)| l),
            role: Role::Other,
            kind: TurnKind::Remark,
            paragraphs: t.paragraphs,
            span,
            decision: Decision::new("ohms-label", "no speaker label"),
        });
    }
}

/// Words that stand for a role rather than a name (`Q:`, `ENTREVISTADORA:`).
fn role_word(label: &str) -> Option<Role> {
    match label.trim().to_lowercase().as_str() {
        "q" | "interviewer" | "entrevistador" | "entrevistadora" | "p" => Some(Role::Interviewer),
        "a" | "interviewee" | "entrevistado" | "entrevistada" | "r" => Some(Role::Interviewee),
        _ => None,
    }
}

/// Matches each label to a named person (label = surname or full name, in any case), a
/// role word to the one person of that role, and otherwise makes the label a person: the
/// first speaker opens the interview, so an unmatched first label is the interviewer
/// (an inference, said so in the decision); other unmatched labels are interviewees.
fn assign_speakers(iv: &mut Interview) {
    let key = |s: &str| s.trim().to_uppercase();
    let mut by_label: BTreeMap<String, (usize, Decision)> = BTreeMap::new();
    let labels: Vec<(String, Span)> = iv
        .turns
        .iter()
        .filter_map(|t| t.label.clone().map(|l| (l, t.span.clone())))
        .collect();
    let has_interviewer = iv.people.iter().any(|p| p.role == Role::Interviewer);
    for (label, span) in labels {
        let k = key(&label);
        if by_label.contains_key(&k) {
            continue;
        }
        let named = iv.people.iter().position(|p| {
            let n = key(&p.name.value);
            n == k || n.split_whitespace().last() == Some(k.as_str())
        });
        let found = match named {
            Some(i) => Some((
                i,
                Decision::new(
                    "ohms-label-name",
                    format!(
                        "label '{label}' is the surname of {}",
                        iv.people[i].name.value
                    ),
                ),
            )),
            None => role_word(&label).and_then(|role| {
                let of_role: Vec<usize> = (0..iv.people.len())
                    .filter(|&i| iv.people[i].role == role)
                    .collect();
                (of_role.len() == 1).then(|| {
                    (
                        of_role[0],
                        Decision::new(
                            "ohms-label-role",
                            format!("label '{label}' names the {}", role.as_str()),
                        ),
                    )
                })
            }),
        };
        let (i, decision) = match found {
            Some(f) => f,
            None => {
                let role = match role_word(&label) {
                    Some(r) => r,
                    None if by_label.is_empty() && !has_interviewer => Role::Interviewer,
                    None => Role::Interviewee,
                };
                let how = if role_word(&label).is_some() {
                    format!("label '{label}' names the {}", role.as_str())
                } else if role == Role::Interviewer {
                    format!("label '{label}' matches no named person; the first speaker opens the interview, so is taken as the interviewer")
                } else {
                    format!("label '{label}' matches no named person and is not the first speaker, so is taken as an interviewee")
                };
                iv.people.push(Person {
                    name: Sourced::from_text(label.clone(), span.start..span.start + label.len()),
                    role,
                    job_title: None,
                    affiliation: None,
                    labels: Vec::new(),
                });
                (
                    iv.people.len() - 1,
                    Decision::new(
                        if role_word(&label).is_some() {
                            "ohms-label-role"
                        } else {
                            "ohms-label-order"
                        },
                        how,
                    ),
                )
            }
        };
        if !iv.people[i].labels.contains(&label) {
            iv.people[i].labels.push(label.clone());
        }
        by_label.insert(k, (i, decision));
    }
    for t in &mut iv.turns {
        let Some(label) = &t.label else { continue };
        let Some((i, decision)) = by_label.get(&key(label)) else {
            continue;
        };
        t.speaker = Some(*i);
        t.role = iv.people[*i].role;
        t.kind = match t.role {
            Role::Interviewer => TurnKind::Question,
            Role::Interviewee => TurnKind::Answer,
            Role::Other => TurnKind::Remark,
        };
        t.decision = decision.clone();
    }
}

fn read_index(record: &El, iv: &mut Interview) {
    let Some(index) = record.child("index") else {
        return;
    };
    for point in index.all("point") {
        let Some(start) = point.value("time").and_then(|(t, _)| t.parse::<u64>().ok()) else {
            continue;
        };
        let title = point.value("title").map(|(t, _)| t).unwrap_or_default();
        if title.is_empty() {
            continue;
        }
        iv.segments.push(Segment {
            start_seconds: start,
            title,
            synopsis: point.value("synopsis").map(|(t, _)| t),
            partial_transcript: point.value("partial_transcript").map(|(t, _)| t),
            keywords: point
                .value("keywords")
                .map(|(t, _)| split_terms(&t))
                .unwrap_or_default(),
            subjects: point
                .value("subjects")
                .map(|(t, _)| split_terms(&t))
                .unwrap_or_default(),
            span: point.span.clone(),
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_xml_rooted_at_root_is_ohms() {
        assert!(looks_like("<?xml version=\"1.0\"?>\n<ROOT xmlns=\"https://www.weareavp.com/nunncenter/ohms\"><record/></ROOT>"));
        assert!(looks_like("<ROOT><record id=\"1\"/></ROOT>"));
        assert!(!looks_like(
            "Q: What is <ROOT>?\nA: An element; a <record> sits in it."
        ));
        assert!(!looks_like("<ROOTS><record/></ROOTS>"));
    }

    #[test]
    fn labels_follow_the_viewer_rule() {
        assert_eq!(speaker_label("BROCK: And"), Some(5));
        assert_eq!(speaker_label("ENTREVISTADORA: "), Some(14));
        assert_eq!(speaker_label("Q: Why"), Some(1));
        assert_eq!(speaker_label("Then: no"), None);
        assert_eq!(speaker_label("NOTE the time: 5"), None);
    }

    #[test]
    fn sync_anchors_give_the_minute_a_line_starts_in() {
        let a = sync_anchors("1:|13(3)|19(14)|27(9)");
        assert_eq!(a, vec![(13, 1.0), (19, 2.0), (27, 3.0)]);
        assert_eq!(anchor_time(&a, 1), Some(0));
        assert_eq!(anchor_time(&a, 14), Some(60_000));
        assert_eq!(anchor_time(&a, 400), Some(180_000));
    }

    #[test]
    fn language_names_and_durations() {
        assert_eq!(language_code(" Spanish "), Some("es"));
        assert_eq!(language_name("es-MX").as_deref(), Some("Spanish"));
        assert_eq!(duration_seconds("0:28:06"), Some(1686));
        assert_eq!(duration_seconds("00:00:00"), None);
        assert_eq!(vtt_time("00:01:31.250"), Some(91_250));
    }

    #[test]
    fn a_licence_url_in_a_rights_text_is_found() {
        assert_eq!(
            licence_url("See https://creativecommons.org/licenses/by-nc/4.0/deed.en.").as_deref(),
            Some("https://creativecommons.org/licenses/by-nc/4.0/deed.en")
        );
        assert_eq!(licence_url("In copyright"), None);
    }
}
