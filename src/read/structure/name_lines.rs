//! Speaker name lines without a colon: `Keith Cline, VentureFizz` alone on its line, the
//! speaker's words on the lines below (podcast and magazine transcripts).
//!
//! A line of capitalised words is also what a heading looks like, so the evidence is
//! taken over the whole text: two speakers or more; each name line is followed by text,
//! not by another name line; no word of a name line is ever printed in lower case (names
//! are proper nouns, heading words are not); and each speaker's first name is printed
//! again outside the name lines (the lead introduces them, the other speaker addresses
//! them). Anything less and no line is a label.

use super::labels::{self, LabelHit};
use super::lines::{Line, LineKind};
use crate::lexicon::{self, lexicon};
use std::collections::BTreeSet;

/// `Keith Cline, VentureFizz` → `Keith Cline`: a name of two to four capitalised words,
/// optionally followed by a comma and an affiliation of up to four capitalised words.
pub fn name_of(line: &str) -> Option<&str> {
    let t = line.trim();
    if t.is_empty()
        || t.chars().count() > 60
        || t.ends_with(['.', '?', '!', ':', ';', '…', ','])
        || !t
            .chars()
            .all(|c| c.is_alphabetic() || " ,.-'’".contains(c) || c.is_ascii_digit())
    {
        return None;
    }
    let (name, affiliation) = match t.split_once(", ") {
        Some((n, a)) => (n.trim(), Some(a.trim())),
        None => (t, None),
    };
    let capital = |w: &str| {
        let mut cs = w.chars();
        cs.next().is_some_and(char::is_uppercase)
            && (w.chars().count() <= 2 || cs.any(char::is_lowercase))
    };
    let words: Vec<&str> = name.split_whitespace().collect();
    let name_ok = (2..=4).contains(&words.len())
        && words.iter().all(|w| capital(w))
        && !name.chars().any(|c| c.is_ascii_digit());
    let affiliation_ok = affiliation.is_none_or(|a| {
        let w: Vec<&str> = a.split_whitespace().collect();
        (1..=4).contains(&w.len())
            && w.iter()
                .all(|w| w.chars().next().is_some_and(|c| !c.is_lowercase()))
    });
    (name_ok && affiliation_ok).then_some(name)
}

/// The label hits of a name-line transcript, or `None` when the text is not one.
pub fn find(src: &str, ls: &[Line], used: &[bool]) -> Option<Vec<Option<LabelHit>>> {
    let lex = lexicon();
    let text_line = |i: usize| !used[i] && ls[i].kind == LineKind::Text;
    let words_of = |i: usize| {
        ls[i]
            .text(src)
            .split(|c: char| !c.is_alphabetic())
            .filter(|w| !w.is_empty())
            .map(str::to_string)
            .collect::<Vec<String>>()
    };
    // Candidates: name-shaped lines none of whose words is a common word. Most texts
    // have fewer than two name-shaped lines, and are done before their words are indexed.
    let shaped: Vec<(usize, &str)> = (0..ls.len())
        .filter(|&i| text_line(i))
        .filter_map(|i| name_of(ls[i].text(src)).map(|n| (i, n)))
        .collect();
    if shaped.len() < 2 || shaped.iter().all(|(_, n)| *n == shaped[0].1) {
        return None;
    }
    let mut lower: BTreeSet<&str> = BTreeSet::new();
    for i in (0..ls.len()).filter(|&i| ls[i].kind != LineKind::Blank) {
        for w in ls[i]
            .text(src)
            .split(|c: char| !c.is_alphabetic())
            .filter(|w| w.chars().next().is_some_and(char::is_lowercase))
        {
            lower.insert(w);
        }
    }
    let named: Vec<(usize, &str)> = shaped
        .into_iter()
        .filter(|(i, _)| {
            words_of(*i).iter().all(|w| {
                !lower.contains(w.to_lowercase().as_str())
                    && !lexicon::contains(&lex.interview_words, w)
                    && !lexicon::contains(&lex.not_labels, w)
            })
        })
        .collect();
    let speakers: BTreeSet<&str> = named.iter().map(|(_, n)| *n).collect();
    if named.len() < 2 || speakers.len() < 2 {
        return None;
    }
    let name_lines: BTreeSet<usize> = named.iter().map(|(i, _)| *i).collect();
    let next_text = |i: usize| (i + 1..ls.len()).find(|&j| text_line(j));
    // Each name line is followed by the speaker's words, not by another name line.
    if named
        .iter()
        .any(|(i, _)| next_text(*i).is_none_or(|j| name_lines.contains(&j)))
    {
        return None;
    }
    // Each speaker's first name is printed outside the name lines too.
    let mut elsewhere = BTreeSet::new();
    for i in (0..ls.len()).filter(|i| !name_lines.contains(i) && ls[*i].kind != LineKind::Blank) {
        elsewhere.extend(words_of(i));
    }
    let introduced = speakers.iter().all(|n| {
        n.split_whitespace()
            .next()
            .is_some_and(|first| elsewhere.contains(first))
    });
    if !introduced {
        return None;
    }
    let mut hits = vec![None; ls.len()];
    for (i, n) in named {
        let l = &ls[i];
        let at = l.span.start + l.text(src).find(n).unwrap_or(0);
        hits[i] = Some(LabelHit {
            label: n.to_string(),
            key: labels::key_of(n),
            span: l.span.clone(),
            content_start: l.span.end.max(at + n.len()),
            dash: true,
            weak: false,
        });
    }
    Some(hits)
}

#[cfg(test)]
mod tests {
    use super::name_of;

    #[test]
    fn a_name_line_is_a_name_with_an_optional_affiliation() {
        assert_eq!(name_of("Keith Cline, VentureFizz"), Some("Keith Cline"));
        assert_eq!(name_of("Sam Liang, Otter  "), Some("Sam Liang"));
        assert_eq!(name_of("Marie-Claire O'Neil"), Some("Marie-Claire O'Neil"));
        assert_eq!(name_of("Interview Transcript."), None);
        assert_eq!(name_of("Thank you Keith for having me here."), None);
        assert_eq!(name_of("Sam"), None);
        assert_eq!(name_of("the end of it"), None);
    }
}
