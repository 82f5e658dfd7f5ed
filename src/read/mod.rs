//! Readers: bytes of one source → [`Interview`].
//!
//! This module owns decoding (UTF-8, with clear errors), format detection (extension,
//! then content) and the dispatch to one reader per format. Readers know nothing of outputs; the turn
//! segmentation they share lives in [`structure`].

pub mod html;
pub mod markdown;
pub mod ohms;
pub mod structure;
pub mod subtitles;
pub mod text;
pub mod urls;

use crate::model::Interview;
use std::borrow::Cow;
use thiserror::Error;

/// Why a source could not be read. Every variant names the input.
#[derive(Debug, Error)]
pub enum ReadError {
    #[error("{name}: the file is empty; give colloquy an interview text")]
    Empty { name: String },
    #[error("{name}: not valid UTF-8 at byte {offset}; re-save the file as UTF-8")]
    NotUtf8 { name: String, offset: usize },
    #[error("{name}: not valid UTF-16 at byte {offset} (the file opens with a UTF-16 byte-order mark); re-save the file as UTF-8")]
    BadUtf16 { name: String, offset: usize },
    #[error("{name}: {kind}, not text (byte {offset}); colloquy reads interview texts: plain text, Markdown, HTML, WebVTT or SRT")]
    Binary {
        name: String,
        kind: &'static str,
        offset: usize,
    },
    #[error("{name}:{line}:{column}: {reason}")]
    Ohms {
        name: String,
        line: usize,
        column: usize,
        reason: String,
    },
    #[error("{name}: no questions found; colloquy needs at least one question and answer (see `colloquy inspect {name}` for how the text was read)")]
    NoQuestions { name: String },
}

impl ReadError {
    /// The byte offset into the file the error points at, when it points at one.
    pub fn offset(&self) -> Option<usize> {
        match self {
            ReadError::NotUtf8 { offset, .. }
            | ReadError::BadUtf16 { offset, .. }
            | ReadError::Binary { offset, .. } => Some(*offset),
            ReadError::Empty { .. } | ReadError::NoQuestions { .. } | ReadError::Ohms { .. } => {
                None
            }
        }
    }
}

/// Decodes the bytes of a source (UTF-8, BOM dropped; UTF-16 by its BOM; see
/// [`crate::decode`]) into the normalized text every reader works on.
pub fn decode(name: &str, bytes: &[u8]) -> Result<String, ReadError> {
    use crate::decode::DecodeError;
    let name_ = || name.to_string();
    let text = crate::decode::decode(bytes).map_err(|e| match e {
        DecodeError::NotUtf8 { offset } => ReadError::NotUtf8 {
            name: name_(),
            offset,
        },
        DecodeError::BadUtf16 { offset } => ReadError::BadUtf16 {
            name: name_(),
            offset,
        },
        DecodeError::Binary { kind, offset } => ReadError::Binary {
            name: name_(),
            kind,
            offset,
        },
    })?;
    if text.trim().is_empty() {
        return Err(ReadError::Empty {
            name: name.to_string(),
        });
    }
    Ok(normalize(text))
}

/// The text every reader and span works on: Unicode NFC (Vietnamese and French pages
/// are often served decomposed, which no label word or name rule would match), with the
/// no-break and other fixed-width spaces of scraped HTML as plain spaces, and zero-width
/// spaces, word joiners and stray byte-order marks dropped. The zero-width non-joiner
/// stays: Persian and Indic spelling needs it (`گفت‌وگو`). Line breaks are untouched, so
/// line numbers stay those of the file.
///
/// Most files are that text already: a quick scan says so, and the text is kept as it
/// is instead of being rebuilt character by character (issue #11: the rebuild was 4 % of
/// a batch's instructions).
pub fn normalize<'a>(text: impl Into<Cow<'a, str>>) -> String {
    use unicode_normalization::UnicodeNormalization;
    let text = text.into();
    if is_normal(&text) {
        return text.into_owned();
    }
    text.nfc()
        .filter(|&c| !dropped(c))
        .map(|c| if blank(c) { ' ' } else { c })
        .collect()
}

/// Whether [`normalize`] would leave `text` as it is: no character it drops or blanks,
/// and NFC by the quick check. ASCII is all of that, so only the runs of non-ASCII
/// characters are looked at: each run follows an ASCII character (a starter, combining
/// class 0) or the start, which is where the quick check over the whole text would
/// stand too, so the runs' verdicts together are the whole text's.
fn is_normal(text: &str) -> bool {
    use unicode_normalization::{is_nfc_quick, IsNormalized};
    let bytes = text.as_bytes();
    let mut at = 0;
    while let Some(found) = crate::model::first_byte(&bytes[at..], |b| b >= 0x80) {
        let start = at + found;
        let end = bytes[start..]
            .iter()
            .position(u8::is_ascii)
            .map_or(bytes.len(), |n| start + n);
        let run = &text[start..end];
        if run.chars().any(|c| dropped(c) || blank(c))
            || is_nfc_quick(run.chars()) != IsNormalized::Yes
        {
            return false;
        }
        at = end;
    }
    true
}

/// Zero-width space, word joiner, byte-order mark: dropped by [`normalize`].
fn dropped(c: char) -> bool {
    matches!(c, '\u{200B}' | '\u{2060}' | '\u{FEFF}')
}

/// The no-break and fixed-width spaces [`normalize`] makes plain spaces.
fn blank(c: char) -> bool {
    matches!(
        c,
        '\u{00A0}' | '\u{2007}' | '\u{202F}' | '\u{2000}'..='\u{200A}'
    )
}

/// The text of a masked source (markup blanked byte for byte). Blanking works on byte
/// ranges; where two maskings overlap, a range can end inside a character another one
/// moved (found by fuzzing: an HTML block inside Markdown beside zero-width spaces).
/// Such broken bytes become spaces too, so the text keeps its length and every span
/// stays true, instead of a panic or a lossy decode that shifts later offsets.
pub(crate) fn masked_text(mut bytes: Vec<u8>) -> String {
    let mut from = 0;
    loop {
        match std::str::from_utf8(&bytes[from..]) {
            Ok(_) => break,
            Err(e) => {
                let at = from + e.valid_up_to();
                let len = e.error_len().unwrap_or(bytes.len() - at);
                bytes[at..at + len].fill(b' ');
                from = at + len;
            }
        }
    }
    String::from_utf8(bytes).expect("every invalid sequence was blanked")
}

/// The source formats colloquy reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
    Markdown,
    Html,
    Subtitles,
    /// An OHMS XML record (oral-history archives).
    Ohms,
}

/// The format of a source: by its file extension, else by its first bytes.
pub fn detect(name: &str, text: &str) -> Format {
    let ext = std::path::Path::new(name)
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    if ohms::looks_like(text) {
        return Format::Ohms;
    }
    match ext.as_str() {
        "md" | "markdown" => return Format::Markdown,
        "html" | "htm" | "xhtml" => return Format::Html,
        "vtt" | "srt" => return Format::Subtitles,
        _ => {}
    }
    if subtitles::looks_like(text) {
        Format::Subtitles
    } else if html::looks_like(text) {
        Format::Html
    } else if markdown::looks_like(text) {
        Format::Markdown
    } else {
        Format::Text
    }
}

/// Reads one decoded source into the interview model, inferring what the text implies
/// but does not state (its language).
pub fn read(name: &str, text: &str) -> Result<Interview, ReadError> {
    read_knowing(name, text, Known::default())
}

/// What the user's metadata (flags, sidecar, manifest) gives before the text is read, so
/// the reader does not infer it.
#[derive(Debug, Clone, Copy, Default)]
pub struct Known {
    /// The language is given: it is not detected (the detector costs more CPU than the
    /// rest of reading a short text, and its guess would be replaced).
    pub language: bool,
}

/// [`read`], inferring only what `known` does not say is given.
pub fn read_knowing(name: &str, text: &str, known: Known) -> Result<Interview, ReadError> {
    // An OHMS record states its metadata: no text heuristics run on it.
    if detect(name, text) == Format::Ohms {
        let mut interview = ohms::read(name, text, known)?;
        urls::tidy(&mut interview, None);
        return Ok(interview);
    }
    let format = detect(name, text);
    let mut interview = match format {
        Format::Text => text::read(text),
        Format::Markdown => markdown::read(text),
        Format::Html => html::read(text),
        Format::Subtitles => subtitles::read(text),
        Format::Ohms => unreachable!("read above"),
    };
    let base = match format {
        Format::Html => html::page_base(text),
        _ => None,
    };
    urls::tidy(&mut interview, base.as_deref());
    on_characters(&mut interview, text);
    interview.meta.source_name = name.to_string();
    if !known.language {
        crate::infer::infer(&mut interview, text);
    }
    if interview.exchanges().is_empty() {
        return Err(ReadError::NoQuestions {
            name: name.to_string(),
        });
    }
    Ok(interview)
}

/// Markdown and HTML readers recognize a masked copy of the text (markup blanked byte for
/// byte), where a character cut by overlapping markup is blanked whole; a span read there
/// can then start or end inside that character of the real text. Spans point into the
/// real text, so each is widened to the characters it touches.
fn on_characters(iv: &mut Interview, text: &str) {
    let widen = |r: &mut std::ops::Range<usize>| {
        r.end = r.end.min(text.len());
        r.start = r.start.min(r.end);
        while !text.is_char_boundary(r.start) {
            r.start -= 1;
        }
        while !text.is_char_boundary(r.end) {
            r.end += 1;
        }
    };
    for t in iv.turns.iter_mut().chain(iv.closing.iter_mut()) {
        widen(&mut t.span);
        for p in &mut t.paragraphs {
            widen(&mut p.span);
        }
    }
    for p in iv.lead.iter_mut().chain(iv.notes.iter_mut()) {
        widen(&mut p.span);
    }
    for d in &mut iv.diagnostics {
        if let Some(s) = &mut d.span {
            widen(s);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{blank, dropped, is_normal, normalize};

    /// The check over the whole text, as it was before the runs (issue #11).
    fn is_normal_whole(text: &str) -> bool {
        use unicode_normalization::{is_nfc_quick, IsNormalized};
        !text.chars().any(|c| dropped(c) || blank(c))
            && is_nfc_quick(text.chars()) == IsNormalized::Yes
    }

    #[test]
    fn runs_of_non_ascii_give_the_whole_texts_verdict() {
        // Pieces whose order matters to the quick check: combining marks after ASCII
        // and after non-ASCII letters, marks out of canonical order, Hangul jamo, CJK,
        // the characters normalize drops or blanks.
        let parts = [
            "a",
            " ",
            "e\u{301}",
            "\u{301}",
            "\u{323}\u{302}",
            "\u{302}\u{323}",
            "ệ",
            "Vie\u{302}\u{323}t",
            "\u{1100}\u{1161}",
            "한",
            "語",
            "\u{a0}",
            "\u{200b}",
            "\u{feff}",
            "\u{200c}",
            "Å",
            "\u{212b}",
            "ﬁ",
            "\u{0958}",
            "\u{1f600}",
            "\n",
        ];
        let mut verdicts = [0usize; 2];
        for a in parts {
            for b in parts {
                for c in parts {
                    for t in [format!("{a}{b}{c}"), format!("{a}{c}x{b}{b}")] {
                        assert_eq!(is_normal(&t), is_normal_whole(&t), "{t:?}");
                        verdicts[usize::from(is_normal(&t))] += 1;
                    }
                }
            }
        }
        // Both verdicts are well represented.
        assert!(verdicts[0] > 1_000 && verdicts[1] > 1_000, "{verdicts:?}");
        for entry in std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/samples")).unwrap() {
            let bytes = std::fs::read(entry.unwrap().path()).unwrap();
            let text = String::from_utf8_lossy(&bytes);
            assert_eq!(is_normal(&text), is_normal_whole(&text));
        }
        for long in [
            "a".repeat(100),
            format!("{}\u{301}", "a".repeat(64)),
            format!("{}語{}", "b".repeat(40), "c".repeat(40)),
        ] {
            assert_eq!(is_normal(&long), is_normal_whole(&long), "{long:?}");
        }
    }

    #[test]
    fn normalize_keeps_what_spelling_needs_and_drops_what_scraping_adds() {
        // NFD → NFC, no-break space → space, zero-width space dropped.
        assert_eq!(normalize("Vie\u{302}\u{323}t\u{a0}Nam\u{200b}"), "Việt Nam");
        // The zero-width non-joiner is part of Persian words.
        assert_eq!(normalize("گفت\u{200c}وگو"), "گفت\u{200c}وگو");
        // Text that is already normalized comes back unchanged (the quick path).
        assert_eq!(
            normalize("Việt Nam, «Hà Nội» – ok"),
            "Việt Nam, «Hà Nội» – ok"
        );
        // Composed text with one no-break space still goes the long way.
        assert_eq!(normalize("Việt\u{a0}Nam"), "Việt Nam");
    }
}
