//! Writers: [`Interview`] → document text. A writer knows nothing of source formats;
//! every writer reads only the model and the [`WriteContext`], so they agree on the GUID.
//! JSON-LD and NewsML-G2 are the two machine outputs; the HTML page ([`html`]) embeds
//! the JSON-LD for people and crawlers; the Dublin Core record ([`dublin_core`]) is
//! what archives harvest.

pub mod dublin_core;
pub mod html;
pub mod jsonld;
pub mod newsml;
pub mod ohms;

use crate::model::Interview;

/// What a writer needs besides the interview: values that belong to the record rather
/// than to the text.
#[derive(Debug, Clone)]
pub struct WriteContext {
    /// `urn:uuid:…`, the same in every output of one interview.
    pub guid: String,
    /// RFC 3339 with offset; NewsML-G2 `versionCreated`.
    pub version_created: String,
}

impl WriteContext {
    /// The context of one record.
    pub fn new(guid: impl Into<String>, version_created: impl Into<String>) -> Self {
        WriteContext {
            guid: guid.into(),
            version_created: version_created.into(),
        }
    }
}

/// The record GUID: UUID v5 over the source URL when known, else over the
/// NFC-normalized content, so the same input always gets the same id.
pub fn guid(interview: &Interview, text: &str) -> String {
    use std::borrow::Cow;
    use unicode_normalization::UnicodeNormalization;
    let key: Cow<str> = match interview.meta.source_url.as_ref() {
        Some(url) => Cow::Borrowed(&url.value),
        // Most texts are NFC already (the reader's are); the quick check says so without
        // building a copy.
        None if quick_nfc(text) => Cow::Borrowed(text),
        None => Cow::Owned(text.nfc().collect()),
    };
    let id = uuid::Uuid::new_v5(&uuid::Uuid::NAMESPACE_URL, key.as_bytes());
    format!("urn:uuid:{id}")
}

/// Blocks of letters that are starters (combining class 0) with NFC quick-check Yes,
/// as everything below U+0300 is (a test checks every one): Cyrillic, Arabic letters,
/// Latin Extended Additional (Vietnamese), CJK punctuation, kana, CJK ideographs, Hangul
/// syllables and fullwidth forms.
const SETTLED: &[(char, char)] = &[
    ('\u{0400}', '\u{0482}'),
    ('\u{048A}', '\u{052F}'),
    ('\u{0621}', '\u{064A}'),
    ('\u{1E00}', '\u{1EFF}'),
    ('\u{3000}', '\u{3029}'),
    ('\u{3041}', '\u{3096}'),
    ('\u{30A1}', '\u{30FA}'),
    ('\u{4E00}', '\u{9FFF}'),
    ('\u{AC00}', '\u{D7A3}'),
    ('\u{FF01}', '\u{FF5E}'),
];

/// Whether the NFC quick check says Yes for `text`. At a starter with quick-check Yes
/// the check starts afresh (nothing before it can compose with or reorder past it), so
/// it runs only on the runs of other characters, and a run's No or Maybe is the text's.
/// Below U+0300 every character is such a starter: those stretches are skipped by byte
/// (UTF-8 lead bytes under 0xCC), the rest by [`SETTLED`].
fn quick_nfc(text: &str) -> bool {
    use unicode_normalization::{is_nfc_quick, IsNormalized};
    let yes = |run: &str| run.is_empty() || is_nfc_quick(run.chars()) == IsNormalized::Yes;
    let bytes = text.as_bytes();
    let mut at = 0;
    while let Some(i) = crate::model::first_byte(&bytes[at..], |b| b >= 0xCC) {
        let start = at + i;
        // The stretch ends at the next ASCII byte or lead byte of a character below
        // U+0300 (continuation bytes are 0x80–0xBF).
        let end = crate::model::first_byte(&bytes[start..], |b| {
            (b < 0x80) | ((0xC0..0xCC).contains(&b))
        })
        .map_or(bytes.len(), |j| start + j);
        let stretch = &text[start..end];
        let mut run = 0;
        for (j, c) in stretch.char_indices() {
            if SETTLED.iter().any(|&(lo, hi)| (lo..=hi).contains(&c)) {
                if !yes(&stretch[run..j]) {
                    return false;
                }
                run = j + c.len_utf8();
            }
        }
        if !yes(&stretch[run..]) {
            return false;
        }
        at = end;
    }
    true
}

/// "Interview with NAMES" and the bare genre word, by primary language tag. Only these
/// two phrases are needed: a title is built from facts colloquy has, never written.
const INTERVIEW_WITH: &[(&str, &str, &str)] = &[
    ("de", "Interview mit", "Interview"),
    ("en", "Interview with", "Interview"),
    ("es", "Entrevista con", "Entrevista"),
    ("fr", "Entretien avec", "Entretien"),
    ("id", "Wawancara dengan", "Wawancara"),
    ("it", "Intervista con", "Intervista"),
    ("nl", "Interview met", "Interview"),
    ("pt", "Entrevista com", "Entrevista"),
    ("vi", "Phỏng vấn", "Phỏng vấn"),
];

/// The title of a record that has no headline, built only from facts: the genre
/// (Interview) in the text's language and the interviewees' names — "Interview with
/// Ana Silva", "Entrevista com Ana Silva", or the genre word alone when no name is
/// known. Languages without an entry get English. Used by the HTML `<title>` (which
/// HTML requires) and the OHMS `title`; never written as a headline.
pub fn fallback_title(interview: &Interview) -> String {
    let primary = interview
        .language()
        .and_then(|l| l.split('-').next())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default();
    let (_, with, alone) = INTERVIEW_WITH
        .iter()
        .find(|(l, _, _)| *l == primary)
        .or_else(|| INTERVIEW_WITH.iter().find(|(l, _, _)| *l == "en"))
        .expect("English is in the table");
    let names: Vec<&str> = interview
        .people_with_role(crate::model::Role::Interviewee)
        .map(|p| p.name.value.trim())
        .filter(|n| !n.is_empty() && !clean_xml_text(n).trim().is_empty())
        .collect();
    if names.is_empty() {
        alone.to_string()
    } else {
        format!("{with} {}", names.join(", "))
    }
}

/// Removes characters XML 1.0 does not allow (C0 controls other than tab, LF, CR;
/// U+FFFE/U+FFFF; a Rust `str` cannot hold lone surrogates). quick-xml would pass
/// them through and libxml2 would then reject the document; every writer applies it
/// so the outputs carry the same text (HTML treats the same characters as errors).
pub fn clean_xml_text(text: &str) -> std::borrow::Cow<'_, str> {
    fn allowed(c: char) -> bool {
        matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..='\u{10FFFF}')
    }
    // Only bytes below 0x20 (C0 controls) and 0xEF (the lead byte of U+F000–U+FFFF) can
    // start a character that is not allowed: a text without them needs no char walk.
    let suspect = |b: u8| ((b < 0x20) & (b != b'\t') & (b != b'\n') & (b != b'\r')) | (b == 0xEF);
    if crate::model::first_byte(text.as_bytes(), suspect).is_none() || text.chars().all(allowed) {
        std::borrow::Cow::Borrowed(text)
    } else {
        std::borrow::Cow::Owned(text.chars().filter(|&c| allowed(c)).collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_guid_of_a_text_does_not_depend_on_its_unicode_normal_form() {
        let iv = Interview::default();
        let nfc = "Phỏng vấn Đại sứ: cảm ơn.";
        let nfd: String = unicode_normalization::UnicodeNormalization::nfd(nfc).collect();
        assert_ne!(nfc, nfd);
        assert_eq!(guid(&iv, nfc), guid(&iv, &nfd));
        // An NFC text is its own key: the UUID v5 of its bytes.
        let id = uuid::Uuid::new_v5(&uuid::Uuid::NAMESPACE_URL, nfc.as_bytes());
        assert_eq!(guid(&iv, nfc), format!("urn:uuid:{id}"));
        // A decomposed mark far past the first block is still found.
        let long_nfd = format!("{}{nfd}", "a".repeat(100));
        let long_nfc = format!("{}{nfc}", "a".repeat(100));
        assert_eq!(guid(&iv, &long_nfd), guid(&iv, &long_nfc));
    }

    #[test]
    fn settled_characters_are_starters_with_quick_check_yes() {
        use unicode_normalization::char::canonical_combining_class;
        use unicode_normalization::{is_nfc_quick, IsNormalized};
        let below = '\0'..'\u{300}';
        let settled = SETTLED.iter().flat_map(|&(lo, hi)| lo..=hi);
        for c in below.chain(settled) {
            assert_eq!(canonical_combining_class(c), 0, "{c:?}");
            assert_eq!(is_nfc_quick(std::iter::once(c)), IsNormalized::Yes, "{c:?}");
        }
    }

    #[test]
    fn quick_nfc_says_what_the_whole_quick_check_says() {
        use unicode_normalization::{is_nfc_quick, IsNormalized};
        let pieces = [
            "a",
            " ",
            "é",
            "e\u{301}",
            "\u{301}",
            "\u{323}",
            "\u{301}\u{323}",
            "\u{323}\u{301}",
            "ệ",
            "Phỏng",
            "\u{340}",
            "\u{1100}\u{1161}",
            "가",
            "ক\u{9be}",
            "\u{f900}",
            "ĉ",
            "\u{2fc}",
            "\u{2ff}",
            "中文",
            "\u{1d15e}",
            "\n",
            "д",
            "\u{483}",
            "й",
            "и\u{306}",
            "ب",
            "\u{64b}",
            "か",
            "\u{3099}",
            "か\u{3099}",
            "\u{302a}",
            "Ａ",
            "\u{2000}",
            "\u{11a8}",
            "\u{1ea0}",
        ];
        let mut cases = Vec::new();
        for a in pieces {
            for b in pieces {
                for c in pieces {
                    cases.push(format!("{a}{b}{c}"));
                    cases.push(format!("{}{a}{b}{c}", "x".repeat(40)));
                }
            }
        }
        for text in cases {
            assert_eq!(
                quick_nfc(&text),
                is_nfc_quick(text.chars()) == IsNormalized::Yes,
                "{text:?}"
            );
        }
    }

    #[test]
    fn clean_xml_text_drops_only_what_xml_forbids() {
        let long = "x".repeat(40);
        assert!(matches!(
            clean_xml_text(&format!("{long}\t\n\r é ￼")),
            std::borrow::Cow::Borrowed(_)
        ));
        assert_eq!(
            clean_xml_text(&format!("{long}a\u{1}b\u{fffe}c\u{ffff}")),
            format!("{long}abc")
        );
    }
}
