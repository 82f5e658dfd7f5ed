//! Speaker labels at the start of a line: `Q:`, `**Frage:**`, `"Wartawan":`, `>> rose:`,
//! `Khánh An – VOA:`, `Pertanyaan (P):`, a label alone on its line, and the `- Name` lines
//! of definition-list layouts. Which printed labels are speakers is decided over the
//! whole text (a speaker speaks more than once, or is a known label word).

use crate::lexicon::{self, lexicon};
use crate::matchers;
use std::collections::BTreeMap;
use std::ops::Range;

/// A label found at the start of a line.
#[derive(Debug, Clone, PartialEq)]
pub struct LabelHit {
    /// As printed, without wrappers and colon.
    pub label: String,
    /// Normalised key: lower case, no parentheses.
    pub key: String,
    /// Byte range of the whole label (wrappers and colon included).
    pub span: Range<usize>,
    /// Where the turn's own text starts.
    pub content_start: usize,
    /// Came from a `- Name` line of a definition list.
    pub dash: bool,
    /// Separated by a dash (`MARÍA — …`), which prose uses too: a speaker only when
    /// said more than once or a known label word.
    pub weak: bool,
}

// The label patterns leave their length limits to code (`within`): a bounded repetition
// of a Unicode class (`[^:]{0,48}`) compiles into one copy of the class per count, which
// cost tens of milliseconds at start-up. The repetitions are lazy (or end where the class
// ends), so the shortest label the pattern allows is the one a bounded pattern finds, and
// checking its length afterwards decides the same. The colon label, which nearly every
// input reaches, and the dot, bracket and stamp shapes are matched by hand (`matchers`, each
// pattern in its function's doc).

/// `label` when it has at most `max` characters.
fn within(label: &str, max: usize) -> Option<&str> {
    (label.chars().nth(max).is_none()).then_some(label)
}

/// The normalised key of a label.
pub fn key_of(label: &str) -> String {
    // Most labels are ASCII: cut, joined and lower-cased in one copy, as lower-casing
    // keeps every byte where it is.
    if label.is_ascii() {
        let mut l = &label[..label.find('(').unwrap_or(label.len())];
        if label.contains(", ") && !label.bytes().any(|b| b.is_ascii_lowercase()) {
            if let Some(i) = l.find(", ") {
                l = &l[..i];
            }
        }
        let mut key = String::with_capacity(l.len());
        for w in l.split_whitespace() {
            if !key.is_empty() {
                key.push(' ');
            }
            key.push_str(w);
        }
        key.make_ascii_lowercase();
        return key;
    }
    let mut l = label.to_lowercase();
    if let Some(i) = l.find(['(', '（']) {
        l.truncate(i);
    }
    // `MILES O'BRIEN, CNN ANCHOR`: the role after the comma is not who speaks.
    if label.contains(", ") && !label.chars().any(char::is_lowercase) {
        if let Some(i) = l.find(", ") {
            l.truncate(i);
        }
    }
    l.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A `LABEL:` at the start of `text` (which starts at byte `offset` of the source).
pub fn colon_label(text: &str, offset: usize) -> Option<LabelHit> {
    let lex = lexicon();
    let c = crate::matchers::colon_label(text)?;
    within(&text[c.label.clone()], 49)?;
    let chevrons = c.chevrons;
    let label = text[c.label].trim();
    let whole = &text[..c.end];
    let words: Vec<&str> = label.split_whitespace().collect();
    if words.is_empty() || words.len() > 6 {
        return None;
    }
    // A comma only between capitalised words: `MILES O'BRIEN, CNN ANCHOR:` (TV
    // transcripts), `Lake Luzerne, N.Y.:` (a reader's place in a chat). In prose a comma
    // before a colon follows a lower-case word (`However, in short:`).
    // In capitals the part after the comma is the speaker's role, which `key_of` drops:
    // the surname-only sequel (`O'BRIEN:`) joins the speaker (see `surname_sequel`).
    let capitalised_words = words
        .iter()
        .all(|w| w.chars().next().is_some_and(|c| !c.is_lowercase()));
    // `José Cárdenas (JC), conductor:`: a name that defines its short label, then a role.
    let aliased = label
        .split_once(',')
        .is_some_and(|(name, _)| name.trim_end().ends_with([')', '）']));
    if label.contains(['?', '!', ';', '/', '|', '='])
        || (label.contains(',') && !capitalised_words && !aliased)
        || label.starts_with(|c: char| c.is_ascii_digit())
    {
        return None;
    }
    // A dot only after a short abbreviation or initial (`Dr.`, `R.`).
    if words
        .iter()
        .any(|w| w.contains('.') && w.trim_end_matches('.').chars().count() > 3)
    {
        return None;
    }
    let key = key_of(label);
    let known = lexicon::contains(&lex.question_labels, &key)
        || lexicon::contains(&lex.answer_labels, &key);
    // Capitalised, or in a script without case (CJK names).
    let capital = label
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || (c.is_alphabetic() && !c.is_lowercase()));
    if !(known || capital || chevrons) {
        return None;
    }
    if lexicon::contains(&lex.not_labels, &key)
        || lexicon::starts_with_phrase(&lex.editor_note_prefixes, label).is_some()
        || lexicon::starts_with_phrase(&lex.source_prefixes, label).is_some()
        || lexicon::starts_with_phrase(&lex.credit_prefixes, label).is_some()
    {
        return None;
    }
    // `Ahora sobre el G20:` — a sentence, not a name: labels are mostly capitalised words.
    // (Tested before the date below, which costs far more.)
    let lower_words = words
        .iter()
        .filter(|w| w.chars().next().is_some_and(|c| c.is_lowercase()))
        .count();
    if !known && !chevrons && words.len() >= 3 && lower_words * 2 >= words.len() {
        return None;
    }
    // `প্রকাশ: ০৫ মার্চ ২০২৪, ১১:৩০` (`Published: …` in any language): a word before a
    // date line is about the date; nobody says only a date.
    let rest = text[c.end..].lines().next().unwrap_or("");
    if !known
        && crate::infer::dates::find(rest).is_some_and(|(_, r)| {
            format!("{} {}", &rest[..r.start], &rest[r.end..])
                .split_whitespace()
                .count()
                <= 3
        })
    {
        return None;
    }
    Some(LabelHit {
        label: label.to_string(),
        key,
        span: offset..offset + whole.trim_end().len(),
        content_start: offset + content_after_colon(text, whole),
        dash: false,
        weak: false,
    })
}

/// Where the turn's text starts: after the colon, its closing wrappers and spaces.
fn content_after_colon(text: &str, matched: &str) -> usize {
    let colon = matched.rfind([':', '：']).unwrap_or(0);
    let colon_len = matched[colon..].chars().next().map_or(1, |c| c.len_utf8());
    let skip = |s: &str| {
        s.len()
            - s.trim_start_matches(|c: char| c.is_whitespace() || "*_\"”'»".contains(c))
                .len()
    };
    let mut at = colon + colon_len;
    at += skip(&text[at..]);
    // `Name: (00:01:23) text` — the time says when, not what.
    if let Some(end) = matchers::opening_stamp(&text[at..]) {
        at += end;
        at += skip(&text[at..]);
    }
    at
}

/// `Q. How…` / `A. Well…` / `P. ¿Cómo…?` / `Pregunta. ¿…?`: a known label word with a dot,
/// or set off by two spaces or a tab (`Q  Minister, …`, the press-office transcript way).
pub fn dot_label(text: &str, offset: usize) -> Option<LabelHit> {
    // The pattern's word is a run of letters that ends in a dot, a tab or two spaces:
    // lines whose first word ends otherwise need not run it.
    let s = text.trim_start_matches(['*', '_']);
    let word_end = s.find(|c: char| !c.is_alphabetic()).unwrap_or(s.len());
    if word_end == 0
        || !s[word_end..].starts_with(['.', '\t'])
            && !s[word_end..].starts_with(" \t")
            && !s[word_end..].starts_with("  ")
    {
        return None;
    }
    let lex = lexicon();
    let (word, end) = matchers::dot_label(text)?;
    let label = within(&text[word], 12)?;
    let key = key_of(label);
    if !(lexicon::contains(&lex.question_labels, &key)
        || lexicon::contains(&lex.answer_labels, &key))
    {
        return None;
    }
    // Content starts at the last character the pattern looked at.
    let content = end - text[..end].chars().last().map_or(0, |ch| ch.len_utf8());
    let content =
        content - (text[..content].len() - text[..content].trim_end_matches(['*', '_']).len());
    Some(LabelHit {
        label: label.to_string(),
        key,
        span: offset..offset + text[..content].trim_end().len(),
        content_start: offset + content,
        dash: false,
        weak: false,
    })
}

/// `(Q) How…` / `[A] Well…` / `[SAM] What…` / `((Wikinews)) What…` (the subtitle way of naming a speaker): a known
/// label word, or a name in capitals, in brackets, no colon. A name counts only when said
/// more than once, and sound notes (`[MUSIC]`, `[LAUGHTER]`) are no speakers.
pub fn wrapped_label(text: &str, offset: usize) -> Option<LabelHit> {
    // Opens with a bracket (after emphasis), or the pattern cannot match.
    if !text.trim_start_matches(['*', '_']).starts_with(['(', '[']) {
        return None;
    }
    let lex = lexicon();
    let (brackets, label, end) = matchers::wrapped_label(text)?;
    let label = within(&text[label], 31)?.trim();
    let key = key_of(label);
    let known = lexicon::contains(&lex.question_labels, &key)
        || lexicon::contains(&lex.answer_labels, &key);
    let letters: Vec<char> = label.chars().filter(|c| c.is_alphabetic()).collect();
    let caps = letters.len() >= 2
        && letters.iter().all(|c| c.is_uppercase())
        && label.split_whitespace().count() <= 4;
    // `((Christopher Hill))`: doubled brackets are a template's rendering of a speaker,
    // which prose does not write; a capitalised name in them is a label.
    let doubled = brackets.len() == 2
        && label.split_whitespace().count() <= 4
        && label
            .split_whitespace()
            .all(|w| w.chars().next().is_some_and(char::is_uppercase));
    if !(known || caps || doubled)
        || lexicon::contains(&lex.not_labels, &key)
        || lexicon::contains(&lex.sound_notes, &key)
    {
        return None;
    }
    let content = end - text[..end].chars().last().map_or(0, |ch| ch.len_utf8());
    Some(LabelHit {
        label: label.to_string(),
        key,
        span: offset..offset + text[..content].trim_end().len(),
        content_start: offset + content,
        dash: false,
        weak: !known && !doubled,
    })
}

/// `Q – How…` / `MARÍA — El silencio…`: a label, then an en or em dash instead of a colon.
/// A known label word, a name in capitals, or a full name of two to four capitalised
/// words; one capitalised word alone (`Well — …`) is prose. A plain hyphen (`QUESTION - …`,
/// `MME DUVERNOY - …`, French press transcripts) only after a label word or capitals, as
/// title-case prose joins phrases with it too.
pub fn dash_label(text: &str, offset: usize) -> Option<LabelHit> {
    // A capital first (after emphasis) and a dash with a space or tab on both sides, or
    // the pattern cannot match.
    let spaced = |i: usize, d: char| {
        text[..i].ends_with([' ', '\t']) && text[i + d.len_utf8()..].starts_with([' ', '\t'])
    };
    if !text
        .trim_start_matches(['*', '_'])
        .starts_with(char::is_uppercase)
        || !text
            .char_indices()
            .any(|(i, d)| matches!(d, '–' | '—' | '-') && spaced(i, d))
    {
        return None;
    }
    let lex = lexicon();
    let c = crate::matchers::dash_label(text)?;
    let label = within(&text[c.label.clone()], 41)?.trim();
    let key = key_of(label);
    let known = lexicon::contains(&lex.question_labels, &key)
        || lexicon::contains(&lex.answer_labels, &key);
    let words: Vec<&str> = label.split_whitespace().collect();
    let letters: Vec<char> = label.chars().filter(|c| c.is_alphabetic()).collect();
    let caps = letters.len() >= 2 && letters.iter().all(|c| c.is_uppercase());
    let full = (2..=4).contains(&words.len())
        && words
            .iter()
            .all(|w| w.chars().next().is_some_and(|c| c.is_uppercase()));
    let hyphen = &text[c.dash.clone()] == "-";
    if !(known || (caps && words.len() <= 4) || (full && !hyphen))
        || lexicon::contains(&lex.not_labels, &key)
        || lexicon::starts_with_phrase(&lex.credit_prefixes, label).is_some()
        || lexicon::starts_with_phrase(&lex.source_prefixes, label).is_some()
    {
        return None;
    }
    let content = c.end - text[..c.end].chars().last().map_or(0, |ch| ch.len_utf8());
    let content =
        content - (text[..content].len() - text[..content].trim_end_matches(['*', '_']).len());
    Some(LabelHit {
        label: label.to_string(),
        key,
        span: offset..offset + c.label.end,
        content_start: offset + content,
        dash: false,
        weak: !known,
    })
}

/// A line that is only a speaker's name: `- Ludo` in a definition list, or `OKAFOR`.
pub fn name_line(text: &str) -> Option<&str> {
    if let Some(n) = dash_name(text) {
        return Some(n);
    }
    let t = text.trim();
    // The cheap tests first: most lines are long prose, which 40 characters (at most 160
    // bytes) rule out without looking at their letters.
    if t.len() > 160 || t.chars().count() > 40 || t.ends_with(['.', '?', '!', '…', ':', ';', ','])
    {
        return None;
    }
    // Every character is a letter, a space, `.`, `-` or `'`; at least two letters, all
    // capitals.
    let mut letters = 0;
    for c in t.chars() {
        if c.is_alphabetic() {
            if !c.is_uppercase() {
                return None;
            }
            letters += 1;
        } else if !matches!(c, ' ' | '.' | '-' | '\'') {
            return None;
        }
    }
    (letters >= 2 && t.split_whitespace().count() <= 4).then_some(t)
}

/// Strips a list bullet (`- `, `– `, `• `, `* `); returns the byte length removed.
pub fn bullet_len(text: &str) -> usize {
    // `――質問` / `──質問`: the doubled bar that marks the interviewer in Japanese.
    let bars = text.len() - text.trim_start_matches(['―', '─', '—']).len();
    // A single horizontal bar (`―질문`, Korean) is a turn mark even without a space: it
    // is no hyphen, so it never starts a word.
    if text[..bars].chars().count() >= 2 || text.starts_with(['―', '─']) {
        let rest = &text[bars..];
        return bars + (rest.len() - rest.trim_start().len());
    }
    for b in ["- ", "– ", "— ", "• ", "* "] {
        if let Some(rest) = text.strip_prefix(b) {
            return b.len() + (rest.len() - rest.trim_start().len());
        }
    }
    0
}

/// A short bullet line that could name a speaker in a definition list (`- Ludo`).
pub fn dash_name(text: &str) -> Option<&str> {
    let n = bullet_len(text);
    if n == 0 {
        return None;
    }
    let t = text[n..].trim();
    let words = t.split_whitespace().count();
    let ok = !t.is_empty()
        && words <= 4
        && t.chars().count() <= 40
        && !t.ends_with(['.', '?', '!', '…', ':', ';', ','])
        && t.chars().next().is_some_and(|c| c.is_uppercase());
    ok.then_some(t)
}

/// Which label keys are speakers, given every hit and, for each, whether the text after
/// it ends a sentence and how long it is.
pub fn speaker_keys(hits: &[(LabelHit, (bool, usize))]) -> Vec<String> {
    let lex = lexicon();
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for (h, _) in hits {
        *counts.entry(h.key.as_str()).or_default() += 1;
    }
    // A label said once must look like a name or role (`MODERATOR:`, `Ana Ruiz:`), not like
    // a phrase inside an answer (`Bottom line:`, `Menurut saya:`).
    let capitalised = |l: &str| {
        l.split_whitespace().count() <= 4
            && l.split_whitespace()
                .all(|w| w.chars().next().is_some_and(|c| !c.is_lowercase()))
    };
    // `Đại sứ Knapper`: a title in lower case before a capitalised name is fine too.
    let name_like = |l: &str| {
        capitalised(l) || super::people::names::label_core(l).is_some_and(|c| capitalised(&c))
    };
    let mut keys: Vec<String> = Vec::new();
    for (h, content) in hits {
        let known = lexicon::contains(&lex.question_labels, &h.key)
            || lexicon::contains(&lex.answer_labels, &h.key);
        let n = counts[h.key.as_str()];
        // Said once and followed by a short phrase: a heading (`Interview: John Smith`).
        let heading_like = n == 1 && !known && content.1 > 0 && content.1 < 40 && !content.0;
        let lone_ok = name_like(&h.label) && !h.weak;
        // A dash label (`Jean Dupont — AFP` under two photos) speaks only when most of
        // what follows it is said in sentences, not a credit or a caption's tail.
        let speaks = !h.weak || {
            let mine: Vec<&(bool, usize)> = hits
                .iter()
                .filter(|(o, _)| o.key == h.key)
                .map(|(_, c)| c)
                .collect();
            let said = mine.iter().filter(|c| c.0 || c.1 >= 40).count();
            said * 2 >= mine.len()
        };
        if (n >= 2 || known || (!heading_like && lone_ok)) && speaks && !keys.contains(&h.key) {
            keys.push(h.key.clone());
        }
    }
    keys
}

/// True when `short` abbreviates `long` (`WN` → `Wikinews`, `Q` → `Question`).
/// `O'BRIEN` after `MILES O'BRIEN`, `J. KING` after `JOHN KING`: a transcript's later
/// labels keep the surname, with initials for the given names they drop. `short` and
/// `long` are keys (see [`key_of`]).
pub fn surname_sequel(short: &str, long: &str) -> bool {
    let s: Vec<&str> = short.split_whitespace().collect();
    let l: Vec<&str> = long.split_whitespace().collect();
    if s.is_empty() || l.len() < 2 || s.len() > l.len() || s == l || s.last() != l.last() {
        return false;
    }
    let given = &l[l.len() - s.len()..l.len() - 1];
    s[..s.len() - 1].iter().zip(given).all(|(i, g)| {
        let i = i.trim_end_matches('.');
        i.chars().count() == 1 && g.starts_with(i)
    })
}

pub fn abbreviates(short: &str, long: &str) -> bool {
    let s: Vec<char> = short
        .chars()
        .filter(|c| c.is_alphabetic())
        .flat_map(|c| c.to_lowercase())
        .collect();
    let l: Vec<char> = long
        .chars()
        .filter(|c| c.is_alphabetic())
        .flat_map(|c| c.to_lowercase())
        .collect();
    if s.is_empty() || s.len() > 4 || s.len() >= l.len() || s[0] != l[0] {
        return false;
    }
    let mut it = l.iter();
    s.iter().all(|c| it.any(|x| x == c))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `key_of` as it was before its ASCII path.
    fn old_key_of(label: &str) -> String {
        let mut l = label.to_lowercase();
        if let Some(i) = l.find(['(', '（']) {
            l.truncate(i);
        }
        if label.contains(", ") && !label.chars().any(char::is_lowercase) {
            if let Some(i) = l.find(", ") {
                l.truncate(i);
            }
        }
        l.split_whitespace().collect::<Vec<_>>().join(" ")
    }

    #[test]
    fn keys_are_what_they_were_before_the_ascii_path() {
        let mut texts = crate::test_corpus::lines();
        texts.extend(crate::test_corpus::tricky_lines());
        for base in [
            "MILES O'BRIEN, CNN ANCHOR",
            "Ann (AL)",
            "Q",
            " a\x0bb\tC ",
            "X, y",
        ] {
            for extra in ["", " (1)", ", ROLE", "  ", "（注）", "\u{85}"] {
                texts.push(format!("{base}{extra}"));
            }
        }
        for t in &texts {
            assert_eq!(key_of(t), old_key_of(t), "{t:?}");
        }
    }

    /// `name_line` as it was before it tested the cheap conditions first.
    fn old_name_line(text: &str) -> Option<&str> {
        if let Some(n) = dash_name(text) {
            return Some(n);
        }
        let t = text.trim();
        let letters: Vec<char> = t.chars().filter(|c| c.is_alphabetic()).collect();
        let ok = letters.len() >= 2
            && letters.iter().all(|c| c.is_uppercase())
            && t.split_whitespace().count() <= 4
            && t.chars().count() <= 40
            && !t.ends_with(['.', '?', '!', '…', ':', ';', ','])
            && t.chars()
                .all(|c| c.is_alphabetic() || c == ' ' || c == '.' || c == '-' || c == '\'');
        ok.then_some(t)
    }

    #[test]
    fn name_line_decides_as_it_did() {
        let mut texts = crate::test_corpus::lines();
        texts.extend(crate::test_corpus::tricky_lines());
        // Generated: capitals, small letters, caseless letters, the allowed marks and
        // others, at lengths around the limits.
        let pieces = [
            "OKAFOR",
            "Ludo",
            "A",
            "b",
            "中",
            "Σ",
            "ǅ",
            " ",
            ".",
            "-",
            "'",
            "!",
            ",",
            "1",
            "\t",
            "- ",
            "MARÍA JOSÉ",
            "Ⅳ",
            "ⓐ",
        ];
        for a in pieces {
            for b in pieces {
                for c in pieces {
                    texts.push(format!("{a}{b}{c}"));
                    texts.push(format!("{a} {b} {c} {a}{b}"));
                    texts.push(format!("{a}{}{b}", "X".repeat(36)));
                    texts.push(format!("{a}{}{c}", "É".repeat(39)));
                }
            }
        }
        for t in &texts {
            assert_eq!(name_line(t), old_name_line(t), "{t:?}");
        }
    }

    #[test]
    fn surname_sequels() {
        assert!(surname_sequel("o'brien", "miles o'brien"));
        assert!(surname_sequel("j. king", "john king"));
        assert!(!surname_sequel("j. king", "martha king"));
        assert!(!surname_sequel("king", "king"));
        assert!(!surname_sequel("brien", "miles o'brien"));
    }

    #[test]
    fn label_styles() {
        for (line, label) in [
            ("Q: What now?", "Q"),
            ("**Frage:** Wie geht es?", "Frage"),
            ("**Frage**: Wie geht es?", "Frage"),
            ("\"Wartawan\": Apa kabar?", "Wartawan"),
            (">> rose: tell me.", "rose"),
            ("Khánh An – VOA: Cảm ơn.", "Khánh An – VOA"),
            ("Pertanyaan (P): Apa?", "Pertanyaan (P)"),
            ("SECRETARY CLINTON: Thank you.", "SECRETARY CLINTON"),
            ("Dr. Whitson: Yes.", "Dr. Whitson"),
            ("Interviewer:", "Interviewer"),
            ("记者：您好。", "记者"),
            ("JANE DOE (00:01:23): Welcome.", "JANE DOE"),
        ] {
            assert_eq!(
                colon_label(line, 0).map(|h| h.label),
                Some(label.to_string()),
                "{line}"
            );
        }
        for line in [
            "Wikipédia:Wikimag/2009/17/Interview",
            "Ahora sobre el G20: ¿Qué está haciendo?",
            "Sumber: https://example.org",
            "Lời Toà Soạn: Gần 2 tuần",
            "https://example.org",
            "12:04 and then",
            "Note: this is edited.",
        ] {
            assert_eq!(colon_label(line, 0), None, "{line}");
        }
    }

    #[test]
    fn labels_without_a_colon() {
        let h = colon_label("Q：What now?", 0).unwrap();
        assert_eq!(
            (h.label.as_str(), &"Q：What now?"[h.content_start..]),
            ("Q", "What now?")
        );
        let h = wrapped_label("(Q) What now?", 0).unwrap();
        assert_eq!((h.label.as_str(), h.content_start, h.weak), ("Q", 4, false));
        let h = wrapped_label("[SAM] What now?", 0).unwrap();
        assert_eq!((h.label.as_str(), h.weak), ("SAM", true));
        assert_eq!(wrapped_label("[MUSIC] Hello.", 0), None);
        assert_eq!(wrapped_label("(see below) the rest", 0), None);
        let h = dash_label("MARÍA — El silencio.", 0).unwrap();
        assert_eq!(
            (
                h.label.as_str(),
                &"MARÍA — El silencio."[h.content_start..],
                h.weak
            ),
            ("MARÍA", "El silencio.", true)
        );
        let h = dash_label("Q – What now?", 0).unwrap();
        assert_eq!((h.label.as_str(), h.weak), ("Q", false));
        for line in [
            "Well — I think so.",
            "Yesterday – it rained.",
            "The mayor — who — left.",
        ] {
            assert_eq!(dash_label(line, 0), None, "{line}");
        }
    }

    #[test]
    fn press_office_labels() {
        // `Q  text`: a label word set off by two spaces.
        let h = dot_label("Q  And if the talks fail?", 0).unwrap();
        assert_eq!(
            (
                h.label.as_str(),
                &"Q  And if the talks fail?"[h.content_start..]
            ),
            ("Q", "And if the talks fail?")
        );
        assert_eq!(dot_label("So  what?", 0), None);
        // A plain hyphen after a label word or capitals, not after a title-case phrase.
        let h = dash_label("QUESTION - Et sur le lait ?", 0).unwrap();
        assert_eq!((h.label.as_str(), h.weak), ("QUESTION", false));
        let h = dash_label("MME DUVERNOY - Que je les ai entendus.", 0).unwrap();
        assert_eq!((h.label.as_str(), h.weak), ("MME DUVERNOY", true));
        assert_eq!(
            dash_label("New York - the city that never sleeps.", 0),
            None
        );
        assert_eq!(dash_label("Well - I think so.", 0), None);
    }

    #[test]
    fn timestamps_next_to_labels_are_not_text() {
        let line = "Jane Doe: (00:12) Welcome back.";
        let h = colon_label(line, 0).unwrap();
        assert_eq!(&line[h.content_start..], "Welcome back.");
    }

    #[test]
    fn dot_labels_and_name_lines() {
        let h = dot_label("Q. How did it start?", 0).unwrap();
        assert_eq!((h.label.as_str(), h.content_start), ("Q", 3));
        assert_eq!(dot_label("P. ¿Cómo empezó?", 0).unwrap().label, "P");
        assert_eq!(dot_label("**Frage.** Warum?", 0).unwrap().label, "Frage");
        assert!(dot_label("Mr. Smith arrived.", 0).is_none());
        assert!(
            dot_label("A. Smith arrived.", 0).is_some(),
            "known word: counted later like any label"
        );
        assert_eq!(name_line("OKAFOR"), Some("OKAFOR"));
        assert_eq!(name_line("- Ludo"), Some("Ludo"));
        assert_eq!(name_line("THE END."), None);
        assert_eq!(name_line("Okafor"), None);
    }

    #[test]
    fn abbreviations() {
        assert!(abbreviates("WN", "Wikinews"));
        assert!(!abbreviates("A", "Q"));
        assert!(!abbreviates("VOA", "Whitson"));
    }
}
