//! The interview model: the one shape every reader produces and every writer consumes.
//!
//! Readers (`read/`) know nothing of outputs and writers (`write/`) know nothing of source
//! formats; this module is the contract between them. Every value that did not come from
//! the code itself carries a [`Provenance`], so `colloquy inspect` can say where it came
//! from, and every decision the structure recognizer made is recorded on the turn as a
//! [`Decision`].

use serde::Serialize;
use std::ops::Range;

/// A byte range into the decoded source text.
pub type Span = Range<usize>;

/// One interview, as read from one source.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Interview {
    pub meta: Meta,
    /// Paragraphs before the first turn that belong to the article (lead, editor's note).
    pub lead: Vec<Paragraph>,
    pub turns: Vec<Turn>,
    /// Paragraphs after the last answer that belong to the article, not to the interview:
    /// an editing note, an interview credit (`Interview by X`), the author's bio.
    pub notes: Vec<Paragraph>,
    pub figures: Vec<Figure>,
    /// The interviewer's closing remark ("Thank you very much, Ambassador!"), kept apart
    /// from the exchanges so it is neither a question nor part of an answer.
    pub closing: Option<Turn>,
    /// People that take part: interviewers and interviewees.
    pub people: Vec<Person>,
    /// When each turn is spoken in the recording, where the source says (a time-coded
    /// transcript); turns without an entry have no known time.
    pub timings: Vec<Timing>,
    /// The recording's index: time-coded segments (an OHMS index), a second axis next to
    /// the question/answer turns.
    pub segments: Vec<Segment>,
    pub diagnostics: Vec<Diagnostic>,
}

/// When turn `turn` (an index into [`Interview::turns`]; `turns.len()` stands for the
/// closing remark) is spoken, in milliseconds from the start of the recording.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Timing {
    pub turn: usize,
    pub start_ms: u64,
    /// Absent when the source gives only a start.
    pub end_ms: Option<u64>,
    /// Where a text transcript prints the time (its stamp), for `inspect`; absent for
    /// times a format's own structure gives (subtitle cues, OHMS sync points).
    pub span: Option<Span>,
}

/// One segment of the recording's index: a heading at a time, with its summary. A
/// segment runs until the next one starts (the source gives no end).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Segment {
    /// Seconds from the start of the recording.
    pub start_seconds: u64,
    pub title: String,
    pub synopsis: Option<String>,
    /// The segment's opening words as the transcript has them.
    pub partial_transcript: Option<String>,
    pub keywords: Vec<String>,
    pub subjects: Vec<String>,
    pub span: Span,
}

/// The recording the interview is a transcript of.
#[derive(Debug, Clone, PartialEq, Serialize, Default)]
pub struct Media {
    /// Where the audio or video file is.
    pub url: Option<String>,
    /// `audio` or `video`, when stated.
    pub kind: Option<String>,
    /// Length in whole seconds, when stated.
    pub duration_seconds: Option<u64>,
}

/// A paragraph of text with where it was in the source.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Paragraph {
    pub text: String,
    pub span: Span,
}

/// What a turn is within the exchange.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum TurnKind {
    Question,
    Answer,
    /// Neither question nor answer: a greeting, thanks, a closing.
    Remark,
}

/// The part a speaker plays in the interview.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    Interviewer,
    Interviewee,
    Other,
}

impl Role {
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Interviewer => "interviewer",
            Role::Interviewee => "interviewee",
            Role::Other => "other",
        }
    }
}

/// One speaker's contiguous contribution.
#[derive(Debug, Clone, Serialize)]
pub struct Turn {
    /// Index into [`Interview::people`] when the speaker is known.
    pub speaker: Option<usize>,
    /// The label as printed (`Q`, `Wartawan`, `Đại sứ Knapper`), without its colon.
    pub label: Option<String>,
    pub role: Role,
    pub kind: TurnKind,
    pub paragraphs: Vec<Paragraph>,
    pub span: Span,
    /// Why the recognizer made this a turn of this kind and role.
    pub decision: Decision,
}

impl Turn {
    /// The turn's text, paragraphs joined by a blank line.
    pub fn text(&self) -> String {
        join_paragraphs(&self.paragraphs)
    }
}

/// Joins paragraphs the way every output shows them: separated by one blank line.
pub fn join_paragraphs(paragraphs: &[Paragraph]) -> String {
    let mut out = String::new();
    for (i, p) in paragraphs.iter().enumerate() {
        if i > 0 {
            out.push_str("\n\n");
        }
        out.push_str(&p.text);
    }
    out
}

/// The rule that decided something, and the evidence it saw.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Decision {
    /// A stable rule id, e.g. `question-mark`, `label`, `closing-thanks`.
    pub rule: &'static str,
    /// What in the text triggered it, e.g. `ends with '?'`, `label 'Q:'`.
    pub evidence: String,
}

impl Decision {
    pub fn new(rule: &'static str, evidence: impl Into<String>) -> Self {
        Decision {
            rule,
            evidence: evidence.into(),
        }
    }
}

/// A person who takes part in the interview.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Person {
    pub name: Sourced<String>,
    pub role: Role,
    pub job_title: Option<Sourced<String>>,
    pub affiliation: Option<Sourced<String>>,
    /// Labels under which this person speaks in the text.
    pub labels: Vec<String>,
}

/// A photo with its caption and credit.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Figure {
    /// Caption without the credit.
    pub caption: Option<String>,
    /// Credit without its prefix (`Foto:`, `Photo:`, `©`).
    pub credit: Option<String>,
    /// Who took the photo (the picture's creator), apart from the credit line, which may
    /// name only an agency. Only when a source says so: never guessed from a bare name.
    pub photographer: Option<String>,
    pub image_url: Option<String>,
    pub alt: Option<String>,
    pub span: Span,
}

/// Where a value came from.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "from", rename_all = "lowercase")]
pub enum Provenance {
    /// Read from the source text at this byte range.
    Text { span: Span },
    /// Given by a sidecar file.
    Sidecar { path: String, key: String },
    /// Given by a row of a CSV manifest (1-based row number, header = row 1).
    Manifest {
        path: String,
        row: usize,
        column: String,
    },
    /// Given on the command line.
    Flag { name: String },
    /// Given by the archive profile (`colloquy.toml`), which applies to every input.
    Config { path: String, key: String },
    /// Worked out by colloquy.
    Inferred { how: String, confidence: f32 },
}

/// A value with its provenance.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Sourced<T> {
    pub value: T,
    pub provenance: Provenance,
}

impl Provenance {
    /// Maps the byte offsets of a `Text` provenance (see [`Interview::map_offsets`]).
    pub fn map_offsets(&mut self, f: &impl Fn(usize) -> usize) {
        if let Provenance::Text { span } = self {
            *span = f(span.start)..f(span.end);
        }
    }
}

impl<T> Sourced<T> {
    pub fn new(value: T, provenance: Provenance) -> Self {
        Sourced { value, provenance }
    }
    pub fn from_text(value: T, span: Span) -> Self {
        Sourced::new(value, Provenance::Text { span })
    }
}

/// A date as precise as the source gives it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum PubDate {
    /// A full timestamp with its offset, e.g. `2024-03-15T09:30:00+07:00`.
    DateTime(String),
    /// `2024-03-15`, `2024-03` or `2024`.
    Date(String),
}

impl PubDate {
    pub fn as_str(&self) -> &str {
        match self {
            PubDate::DateTime(s) | PubDate::Date(s) => s,
        }
    }
}

/// An organisation (publisher, copyright holder).
#[derive(Debug, Clone, PartialEq, Serialize, Default)]
pub struct Organization {
    pub name: String,
    pub url: Option<String>,
    pub logo: Option<String>,
}

/// Rights of the article.
#[derive(Debug, Clone, PartialEq, Serialize, Default)]
pub struct Rights {
    pub copyright_holder: Option<String>,
    pub copyright_notice: Option<String>,
    pub license: Option<String>,
}

/// The work this text is a translation of.
#[derive(Debug, Clone, PartialEq, Serialize, Default)]
pub struct Translation {
    pub original_url: Option<String>,
    pub original_language: Option<String>,
    pub original_headline: Option<String>,
    pub translator: Option<String>,
}

/// A collection or series the interview belongs to (an archive's collection).
#[derive(Debug, Clone, PartialEq, Serialize, Default)]
pub struct Collection {
    pub name: String,
    pub url: Option<String>,
}

/// An identifier in some scheme (`propertyID` / NewsML `altId type`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Identifier {
    pub scheme: String,
    pub value: String,
}

/// Article-level metadata; each field carries where it came from.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Meta {
    /// The input's name as given (path or `-`), for messages.
    pub source_name: String,
    pub headline: Option<Sourced<String>>,
    pub alternative_headline: Option<Sourced<String>>,
    pub description: Option<Sourced<String>>,
    /// BCP 47 language tag.
    pub language: Option<Sourced<String>>,
    pub date_published: Option<Sourced<PubDate>>,
    pub date_modified: Option<Sourced<PubDate>>,
    /// When the interview was recorded (an oral-history record's interview date): not
    /// when it was published.
    pub date_created: Option<Sourced<PubDate>>,
    /// Where the text was taken from (`Source:` line, sidecar); JSON-LD `isBasedOn`.
    pub source_url: Option<Sourced<String>>,
    /// Where the record says this text was published; JSON-LD `url`.
    pub url: Option<Sourced<String>>,
    pub dateline: Option<Sourced<String>>,
    pub publisher: Option<Sourced<Organization>>,
    /// Who supplies the record (NewsML-G2 `provider`): a URI or a name. Only when stated
    /// (archive profile); the writers fall back to the publisher.
    pub provider: Option<Sourced<String>>,
    /// The collection the interview belongs to.
    pub collection: Option<Sourced<Collection>>,
    /// The series within the collection, when the source names one.
    pub series: Option<Sourced<Collection>>,
    /// The terms of use as stated (an archive's usage or citation statement).
    pub usage: Option<Sourced<String>>,
    /// The recording (oral history): its URL, kind and length.
    pub media: Option<Sourced<Media>>,
    pub rights: Option<Sourced<Rights>>,
    pub translation: Option<Sourced<Translation>>,
    pub keywords: Vec<Sourced<String>>,
    pub section: Option<Sourced<String>>,
    pub identifiers: Vec<Sourced<Identifier>>,
    /// Where each part of a composite value came from, when parts can come from different
    /// places: `publisher.url`, `rights.license`, `translation.translator`,
    /// `figures[0].credit`, `figures[0].photographer` (figures carry no provenance of their own). Keyed by that path.
    #[serde(skip_serializing_if = "std::collections::BTreeMap::is_empty")]
    pub field_provenance: std::collections::BTreeMap<String, Provenance>,
}

/// How serious a diagnostic is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

/// Something a reader or inference step wants the user to know.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Diagnostic {
    pub severity: Severity,
    /// A stable id, e.g. `no-interviewee-name`.
    pub code: &'static str,
    pub message: String,
    pub span: Option<Span>,
}

impl Diagnostic {
    pub fn warning(code: &'static str, message: impl Into<String>, span: Option<Span>) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            code,
            message: message.into(),
            span,
        }
    }
    pub fn info(code: &'static str, message: impl Into<String>, span: Option<Span>) -> Self {
        Diagnostic {
            severity: Severity::Info,
            code,
            message: message.into(),
            span,
        }
    }
}

/// A question with its answer(s), the unit both outputs are built from.
#[derive(Debug, Clone)]
pub struct Exchange<'a> {
    pub question: &'a Turn,
    /// Answers in order; several interviewees may answer one question, and a last
    /// question may have none (never invented).
    pub answers: Vec<&'a Turn>,
}

impl Interview {
    /// Replaces every byte offset the interview holds (the start and end of each span:
    /// turns, paragraphs, figures, people, metadata, timings, segments, diagnostics) by
    /// `f` of it. A reader that recognized a shortened copy of its text maps the spans back
    /// into the text itself with it.
    pub fn map_offsets(&mut self, f: impl Fn(usize) -> usize) {
        let span = |s: &mut Span| *s = f(s.start)..f(s.end);
        let m = &mut self.meta;
        macro_rules! each_sourced {
            ($($field:ident),*) => {
                $(if let Some(v) = &mut m.$field {
                    v.provenance.map_offsets(&f);
                })*
            };
        }
        each_sourced!(
            headline,
            alternative_headline,
            description,
            language,
            date_published,
            date_modified,
            date_created,
            source_url,
            url,
            dateline,
            publisher,
            provider,
            collection,
            series,
            usage,
            media,
            rights,
            translation,
            section
        );
        for v in &mut m.keywords {
            v.provenance.map_offsets(&f);
        }
        for v in &mut m.identifiers {
            v.provenance.map_offsets(&f);
        }
        for p in m.field_provenance.values_mut() {
            p.map_offsets(&f);
        }
        for t in self.turns.iter_mut().chain(self.closing.as_mut()) {
            span(&mut t.span);
            t.paragraphs.iter_mut().for_each(|p| span(&mut p.span));
        }
        for p in self.lead.iter_mut().chain(self.notes.iter_mut()) {
            span(&mut p.span);
        }
        self.figures.iter_mut().for_each(|x| span(&mut x.span));
        for person in &mut self.people {
            person.name.provenance.map_offsets(&f);
            for v in [&mut person.job_title, &mut person.affiliation]
                .into_iter()
                .flatten()
            {
                v.provenance.map_offsets(&f);
            }
        }
        self.timings
            .iter_mut()
            .filter_map(|t| t.span.as_mut())
            .for_each(span);
        self.segments.iter_mut().for_each(|x| span(&mut x.span));
        self.diagnostics
            .iter_mut()
            .filter_map(|d| d.span.as_mut())
            .for_each(span);
    }

    /// Pairs each question with the answer turns that follow it. Remarks that are not
    /// questions are skipped; answers that precede any question are not exchanges.
    pub fn exchanges(&self) -> Vec<Exchange<'_>> {
        let mut out: Vec<Exchange<'_>> = Vec::new();
        for turn in &self.turns {
            match turn.kind {
                TurnKind::Question => out.push(Exchange {
                    question: turn,
                    answers: Vec::new(),
                }),
                TurnKind::Answer => {
                    if let Some(last) = out.last_mut() {
                        last.answers.push(turn);
                    }
                }
                TurnKind::Remark => {}
            }
        }
        out
    }

    /// People with the given role, in order of appearance.
    pub fn people_with_role(&self, role: Role) -> impl Iterator<Item = &Person> {
        self.people.iter().filter(move |p| p.role == role)
    }

    /// The language tag, if any.
    pub fn language(&self) -> Option<&str> {
        self.meta.language.as_ref().map(|l| l.value.as_str())
    }
}

/// Maps byte offsets to 1-based line and column (columns count characters).
#[derive(Debug, Clone)]
pub struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    pub fn new(text: &str) -> Self {
        let mut starts = vec![0];
        // Lines are short (pretty-printed JSON: a few dozen bytes), so instead of a search
        // per line each 32-byte block yields a mask of its newlines (vector compares).
        let mut chunks = text.as_bytes().chunks_exact(32);
        for (n, chunk) in (&mut chunks).enumerate() {
            let mut mask = 0u32;
            for (j, &b) in chunk.iter().enumerate() {
                mask |= u32::from(b == b'\n') << j;
            }
            while mask != 0 {
                starts.push(n * 32 + mask.trailing_zeros() as usize + 1);
                mask &= mask - 1;
            }
        }
        let done = text.len() - chunks.remainder().len();
        for (j, &b) in chunks.remainder().iter().enumerate() {
            if b == b'\n' {
                starts.push(done + j + 1);
            }
        }
        LineIndex { starts }
    }

    /// (line, column) of `offset` in `text` (the text this index was built from).
    pub fn position(&self, text: &str, offset: usize) -> (usize, usize) {
        let line = self.starts.partition_point(|&s| s <= offset).max(1);
        let start = self.starts[line - 1];
        let end = offset.min(text.len());
        let column = text
            .get(start..end)
            .map_or(end - start, |s| s.chars().count())
            + 1;
        (line, column)
    }
}

impl LineIndex {
    /// As [`line_col`], found by a search in the index rather than a count from byte 0
    /// (for many offsets in one text): an offset inside a character counts from its start.
    pub fn line_col(&self, text: &str, offset: usize) -> (usize, usize) {
        self.position(text, floor_char_boundary(text, offset.min(text.len())))
    }
}

/// Line and column (both 1-based, column in characters) of a byte offset in `text`.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let before = &text[..floor_char_boundary(text, offset)];
    let line = before.matches('\n').count() + 1;
    let col = match before.rfind('\n') {
        Some(nl) => before[nl + 1..].chars().count() + 1,
        None => before.chars().count() + 1,
    };
    (line, col)
}

/// The index of the first byte for which `hit` holds. Whole 32-byte blocks are tested
/// without an early exit, which the compiler turns into vector compares (a quarter of
/// the instructions of a byte-by-byte search): writers and checks scan whole documents
/// for a few rare bytes.
pub(crate) fn first_byte(bytes: &[u8], hit: impl Fn(u8) -> bool) -> Option<usize> {
    const BLOCK: usize = 32;
    let mut chunks = bytes.chunks_exact(BLOCK);
    for (n, chunk) in (&mut chunks).enumerate() {
        let mut any = 0u8;
        for &b in chunk {
            any |= u8::from(hit(b));
        }
        if any != 0 {
            return chunk.iter().position(|&b| hit(b)).map(|i| n * BLOCK + i);
        }
    }
    let done = bytes.len() - chunks.remainder().len();
    chunks
        .remainder()
        .iter()
        .position(|&b| hit(b))
        .map(|i| done + i)
}

fn floor_char_boundary(text: &str, mut i: usize) -> usize {
    while i > 0 && !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every span of `v` (an object under a `span` key), as (path, start, end).
    fn spans_in(v: &serde_json::Value, path: &str, out: &mut Vec<(String, u64, u64)>) {
        match v {
            serde_json::Value::Object(o) => {
                for (k, x) in o {
                    let here = format!("{path}/{k}");
                    match (k.as_str(), x.get("start"), x.get("end")) {
                        ("span", Some(a), Some(b)) => {
                            out.push((here, a.as_u64().unwrap(), b.as_u64().unwrap()))
                        }
                        _ => spans_in(x, &here, out),
                    }
                }
            }
            serde_json::Value::Array(a) => {
                for (i, x) in a.iter().enumerate() {
                    spans_in(x, &format!("{path}/{i}"), out);
                }
            }
            _ => {}
        }
    }

    #[test]
    fn map_offsets_reaches_every_span() {
        // Written out field by field (no `..Default::default()`): a field added to the
        // model does not compile here until it is filled, and then this test says whether
        // `map_offsets` reaches its spans.
        let mut at = 0;
        let mut next = || {
            at += 10;
            at..at + 5
        };
        let mut text = |v: &str| Sourced::from_text(v.to_string(), next());
        let paragraph = |span: Span| Paragraph {
            text: "p".into(),
            span,
        };
        let meta = Meta {
            source_name: "x".into(),
            headline: Some(text("h")),
            alternative_headline: Some(text("a")),
            description: Some(text("d")),
            language: Some(text("en")),
            date_published: Some(Sourced::from_text(PubDate::Date("2024".into()), 1..2)),
            date_modified: Some(Sourced::from_text(PubDate::Date("2024".into()), 3..4)),
            date_created: Some(Sourced::from_text(PubDate::Date("2024".into()), 5..6)),
            source_url: Some(text("s")),
            url: Some(text("u")),
            dateline: Some(text("l")),
            publisher: Some(Sourced::from_text(Organization::default(), 7..8)),
            provider: Some(text("p")),
            collection: Some(Sourced::from_text(Collection::default(), 9..10)),
            series: Some(Sourced::from_text(Collection::default(), 11..12)),
            usage: Some(text("t")),
            media: Some(Sourced::from_text(Media::default(), 13..14)),
            rights: Some(Sourced::from_text(Rights::default(), 15..16)),
            translation: Some(Sourced::from_text(Translation::default(), 17..18)),
            keywords: vec![text("k")],
            section: Some(text("c")),
            identifiers: vec![Sourced::from_text(
                Identifier {
                    scheme: "s".into(),
                    value: "v".into(),
                },
                19..20,
            )],
            field_provenance: [(
                "rights.license".to_string(),
                Provenance::Text { span: 21..22 },
            )]
            .into(),
        };
        let person = Person {
            name: text("n"),
            role: Role::Interviewee,
            job_title: Some(text("j")),
            affiliation: Some(text("f")),
            labels: vec![],
        };
        let turn = |a: Span, b: Span| Turn {
            speaker: Some(0),
            label: None,
            role: Role::Interviewer,
            kind: TurnKind::Question,
            paragraphs: vec![paragraph(a)],
            span: b,
            decision: Decision::new("r", "e"),
        };
        let mut iv = Interview {
            meta,
            lead: vec![paragraph(100..101)],
            turns: vec![turn(102..103, 104..105)],
            notes: vec![paragraph(106..107)],
            figures: vec![Figure {
                caption: None,
                credit: None,
                photographer: None,
                image_url: None,
                alt: None,
                span: 108..109,
            }],
            closing: Some(turn(110..111, 112..113)),
            people: vec![person],
            timings: vec![Timing {
                turn: 0,
                start_ms: 0,
                end_ms: None,
                span: Some(114..115),
            }],
            segments: vec![Segment {
                start_seconds: 0,
                title: "t".into(),
                synopsis: None,
                partial_transcript: None,
                keywords: vec![],
                subjects: vec![],
                span: 116..117,
            }],
            diagnostics: vec![Diagnostic::warning("w", "m", Some(118..119))],
        };
        let mut before = Vec::new();
        spans_in(&serde_json::to_value(&iv).unwrap(), "", &mut before);
        iv.map_offsets(|x| x + 1000);
        let mut after = Vec::new();
        spans_in(&serde_json::to_value(&iv).unwrap(), "", &mut after);
        assert_eq!(before.len(), 35, "{before:#?}");
        for ((path, a, b), (_, a2, b2)) in before.iter().zip(&after) {
            assert_eq!((a + 1000, b + 1000), (*a2, *b2), "{path} not mapped");
        }
    }

    #[test]
    fn first_byte_finds_the_first_hit_in_and_past_whole_blocks() {
        for len in [0, 1, 31, 32, 33, 64, 100] {
            for at in 0..len {
                let mut bytes = vec![b'a'; len];
                bytes[at] = b'<';
                if at + 1 < len {
                    bytes[len - 1] = b'<';
                }
                assert_eq!(first_byte(&bytes, |b| b == b'<'), Some(at), "{len} {at}");
            }
            assert_eq!(first_byte(&vec![b'a'; len], |b| b == b'<'), None);
        }
    }

    #[test]
    fn line_index_starts_after_every_newline() {
        for text in [
            "",
            "a",
            "\n",
            "a\nb\n\nc",
            &"x\n".repeat(50),
            &format!("{}\n{}", "y".repeat(70), "z".repeat(40)),
        ] {
            let mut expected = vec![0];
            expected.extend(text.match_indices('\n').map(|(i, _)| i + 1));
            assert_eq!(LineIndex::new(text).starts, expected, "{text:?}");
        }
    }

    #[test]
    fn line_col_counts_characters_not_bytes() {
        let text = "ab\nđạ x";
        assert_eq!(line_col(text, 0), (1, 1));
        assert_eq!(line_col(text, 3), (2, 1));
        let x = text.find('x').unwrap();
        assert_eq!(line_col(text, x), (2, 4));
    }

    #[test]
    fn the_line_index_agrees_with_counting_at_every_offset() {
        let text = "ab\nđạ x\n\n周立文\r\nend\n";
        let index = LineIndex::new(text);
        // Every byte, inside characters and past the end too.
        for offset in 0..text.len() + 3 {
            assert_eq!(
                index.line_col(text, offset),
                line_col(text, offset),
                "{offset}"
            );
        }
    }

    fn turn(kind: TurnKind) -> Turn {
        Turn {
            speaker: None,
            label: None,
            role: Role::Other,
            kind,
            paragraphs: vec![],
            span: 0..0,
            decision: Decision::new("test", ""),
        }
    }

    #[test]
    fn exchanges_group_answers_and_keep_unanswered_questions() {
        let iv = Interview {
            turns: vec![
                turn(TurnKind::Answer),
                turn(TurnKind::Question),
                turn(TurnKind::Answer),
                turn(TurnKind::Answer),
                turn(TurnKind::Remark),
                turn(TurnKind::Question),
            ],
            ..Interview::default()
        };
        let ex = iv.exchanges();
        assert_eq!(ex.len(), 2);
        assert_eq!(ex[0].answers.len(), 2);
        assert!(ex[1].answers.is_empty());
    }
}
