//! Hand-written matchers for four line patterns that almost every input reaches (a URL
//! after `Source:`, an image address alone on a line, a `Comments (12)` count, a
//! `Name – ` dash label). As regexes they were compiled on every run, and their Unicode
//! classes (`\p{L}`, `\S`, `\D`) made that cost about 7 M instructions, more than half a
//! millisecond of a one-file run. Each function decides exactly what its pattern (in
//! its doc) decides, with the same leftmost-first and greedy/lazy choices; the tests
//! compare them with the patterns on generated lines and on the corpus.

use std::ops::Range;
use std::sync::OnceLock;

/// A Unicode class as sorted, disjoint ranges, taken from `regex-syntax` (the tables the
/// `regex` crate itself uses, so `\p{L}` here is `\p{L}` there) without compiling an
/// automaton.
struct Class(Vec<(char, char)>);

impl Class {
    fn of(pattern: &str) -> Class {
        use regex_syntax::hir::{Class as C, HirKind};
        let hir = regex_syntax::Parser::new()
            .parse(pattern)
            .expect("a Unicode class");
        match hir.kind() {
            HirKind::Class(C::Unicode(c)) => {
                Class(c.ranges().iter().map(|r| (r.start(), r.end())).collect())
            }
            _ => unreachable!("{pattern} is a Unicode class"),
        }
    }

    fn has(&self, c: char) -> bool {
        self.0
            .binary_search_by(|&(lo, hi)| {
                if hi < c {
                    std::cmp::Ordering::Less
                } else if lo > c {
                    std::cmp::Ordering::Greater
                } else {
                    std::cmp::Ordering::Equal
                }
            })
            .is_ok()
    }
}

/// `\p{L}`: a letter.
fn is_letter(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphabetic();
    }
    static L: OnceLock<Class> = OnceLock::new();
    L.get_or_init(|| Class::of(r"\p{L}")).has(c)
}

/// `\p{Lu}`: an upper-case letter.
fn is_upper_letter(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_uppercase();
    }
    static LU: OnceLock<Class> = OnceLock::new();
    LU.get_or_init(|| Class::of(r"\p{Lu}")).has(c)
}

/// `\d`: a decimal digit of any script (`\p{Nd}`).
fn is_digit(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_digit();
    }
    static ND: OnceLock<Class> = OnceLock::new();
    ND.get_or_init(|| Class::of(r"\d")).has(c)
}

/// `\s`: Unicode White_Space, which `char::is_whitespace` is.
fn is_space(c: char) -> bool {
    c.is_whitespace()
}

/// Bytes of `s` that `f` accepts from its start.
fn run(s: &str, f: impl Fn(char) -> bool) -> usize {
    s.len() - s.trim_start_matches(f).len()
}

/// `https?://\S+`, the first match.
pub fn find_url(s: &str) -> Option<Range<usize>> {
    let mut from = 0;
    while let Some(i) = s[from..].find("http") {
        let at = from + i;
        let after = &s[at + 4..];
        let scheme = if after.starts_with("s://") {
            8
        } else if after.starts_with("://") {
            7
        } else {
            0
        };
        if scheme > 0 {
            let len = run(&s[at + scheme..], |c| !is_space(c));
            if len > 0 {
                return Some(at..at + scheme + len);
            }
        }
        from = at + 1;
    }
    None
}

/// `c` equals the ASCII letter `a` under the simple case folding of `(?i)`, where `s` is
/// also `ſ` (U+017F); none of the other letters used here folds outside ASCII.
fn fold_eq(c: char, a: char) -> bool {
    c.to_ascii_lowercase() == a || (a == 's' && c == 'ſ')
}

/// The length of `s`'s prefix that spells `word` case-insensitively, if it does.
fn ci_prefix(s: &str, word: &str) -> Option<usize> {
    let mut chars = s.char_indices();
    for a in word.chars() {
        let (_, c) = chars.next()?;
        if !fold_eq(c, a) {
            return None;
        }
    }
    Some(chars.next().map_or(s.len(), |(i, _)| i))
}

/// `(?i)^(?:https?:)?//\S+\.(?:jpe?g|png|webp|gif|avif)(?:\?\S*)?$`: all of `t` is the
/// address of an image.
pub fn is_image_address(t: &str) -> bool {
    let after_scheme = ci_prefix(t, "http").and_then(|n| {
        let rest = &t[n..];
        let n = n + ci_prefix(rest, "s").unwrap_or(0);
        t[n..].starts_with(':').then_some(n + 1)
    });
    // The optional scheme is tried first, then its absence (`//` cannot follow both).
    [after_scheme, Some(0)]
        .into_iter()
        .flatten()
        .any(|n| image_path(&t[n..]))
}

/// `//\S+\.(?:jpe?g|png|webp|gif|avif)(?:\?\S*)?$` over all of `s`.
fn image_path(s: &str) -> bool {
    let Some(r) = s.strip_prefix("//") else {
        return false;
    };
    if r.chars().any(is_space) {
        return false;
    }
    r.match_indices('.').any(|(d, _)| {
        d > 0 && {
            let ext = &r[d + 1..];
            ["jpg", "jpeg", "png", "webp", "gif", "avif"]
                .iter()
                .filter_map(|e| ci_prefix(ext, e))
                .any(|n| ext[n..].is_empty() || ext[n..].starts_with('?'))
        }
    })
}

/// `^(?:(\D+?)\s*\(\s*\d+\s*\)|\d+\s+(\D+))$`: the words of a count line (`comments (12)`,
/// `12 comments`), as the pattern's group 1 or, failing that, group 2.
pub fn count_words(s: &str) -> Option<&str> {
    words_before_count(s).or_else(|| words_after_count(s))
}

/// `^(\D+?)\s*\(\s*\d+\s*\)$`, group 1.
fn words_before_count(s: &str) -> Option<&str> {
    // From the end: `)`, spaces, digits, spaces, `(` — each run is forced, as spaces,
    // digits and brackets are apart.
    let t = s.strip_suffix(')')?;
    let t = t.trim_end_matches(is_space);
    let digits = t.len() - t.trim_end_matches(is_digit).len();
    if digits == 0 {
        return None;
    }
    let t = t[..t.len() - digits].trim_end_matches(is_space);
    let before = t.strip_suffix('(')?;
    // The shortest non-empty run of non-digits that leaves only spaces before `(`.
    if before.is_empty() || before.chars().any(is_digit) {
        return None;
    }
    let words = before.trim_end_matches(is_space);
    if words.is_empty() {
        let first = before.chars().next()?.len_utf8();
        return Some(&before[..first]);
    }
    Some(words)
}

/// `^\d+\s+(\D+)$`, group 1.
fn words_after_count(s: &str) -> Option<&str> {
    let digits = run(s, is_digit);
    if digits == 0 {
        return None;
    }
    let spaces = run(&s[digits..], is_space);
    if spaces == 0 {
        return None;
    }
    let rest = &s[digits + spaces..];
    if rest.is_empty() {
        // The spaces reach the end: the last of them is the group.
        let last = s[digits..].chars().next_back()?.len_utf8();
        return (spaces > last).then(|| &s[s.len() - last..]);
    }
    (!rest.chars().any(is_digit)).then_some(rest)
}

/// What `^[*_]*(\p{Lu}[\p{L}.'’\- ]*?)[*_]*[ \t]+([–—]|-)[ \t]+[*_]*\S` finds.
#[derive(Debug, PartialEq)]
pub struct DashLabel {
    /// Group 1: the label.
    pub label: Range<usize>,
    /// Group 2: the dash.
    pub dash: Range<usize>,
    /// The end of the whole match.
    pub end: usize,
}

/// `^[*_]*(\p{Lu}[\p{L}.'’\- ]*?)[*_]*[ \t]+([–—]|-)[ \t]+[*_]*\S` (see [`DashLabel`]).
pub fn dash_label(text: &str) -> Option<DashLabel> {
    let start = run(text, |c| matches!(c, '*' | '_'));
    let first = text[start..].chars().next()?;
    if !is_upper_letter(first) {
        return None;
    }
    // The label is lazy: the shortest one after which the rest matches.
    let mut end = start + first.len_utf8();
    loop {
        if let Some((dash, whole)) = after_dash_label(text, end) {
            return Some(DashLabel {
                label: start..end,
                dash,
                end: whole,
            });
        }
        let c = text[end..].chars().next()?;
        if !(is_letter(c) || matches!(c, '.' | '\'' | '’' | '-' | ' ')) {
            return None;
        }
        end += c.len_utf8();
    }
}

/// `[*_]*[ \t]+([–—]|-)[ \t]+[*_]*\S` at byte `at`: the dash and the end of the match.
fn after_dash_label(text: &str, at: usize) -> Option<(Range<usize>, usize)> {
    let blank = |c: char| c == ' ' || c == '\t';
    let emph = |c: char| c == '*' || c == '_';
    // No run here can give characters back to the next piece: none of them could take
    // them (a space is no dash, a dash no space).
    let q = at + run(&text[at..], emph);
    let r = q + run(&text[q..], blank);
    if r == q {
        return None;
    }
    let dash = text[r..].chars().next()?;
    if !matches!(dash, '–' | '—' | '-') {
        return None;
    }
    let a = r + dash.len_utf8();
    let s = a + run(&text[a..], blank);
    if s == a {
        return None;
    }
    let e = s + run(&text[s..], emph);
    match text[e..].chars().next() {
        Some(c) if !is_space(c) => Some((r..a, e + c.len_utf8())),
        // `\S` takes the last `*` or `_` back.
        _ if e > s => Some((r..a, e)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use regex::Regex;

    /// Lines built from the pieces the patterns care about, every combination up to a
    /// length, plus the real corpus's lines when it is present.
    fn lines() -> Vec<String> {
        let pieces = [
            "a", "Q", "É", "ž", "ſ", "S", "1", "٣", " ", "\t", "\u{a0}", "*", "_", "-", "–", "—",
            ".", "(", ")", "'", "’", ":", "?", "/", "//", "http", "https:", "HTTP://", "jpg",
            "JPEG", ".png", "webp", "?x", "中",
        ];
        let mut out = vec![String::new()];
        let mut layer = vec![String::new()];
        for _ in 0..4 {
            let mut next = Vec::new();
            for s in &layer {
                for p in pieces {
                    next.push(format!("{s}{p}"));
                }
            }
            out.extend(next.iter().cloned());
            layer = next;
        }
        let corpus = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus");
        for entry in walkdir::WalkDir::new(corpus).into_iter().flatten() {
            if entry.path().extension().is_some_and(|e| e == "txt") {
                if let Ok(text) = std::fs::read_to_string(entry.path()) {
                    out.extend(text.lines().map(|l| l.trim().to_string()));
                    out.extend(text.lines().map(|l| l.trim().to_lowercase()));
                }
            }
        }
        out.extend(
            [
                "Source: https://example.org/a.",
                "http:// x https://y",
                "httphttps://z",
                "//cdn.example.org/p.JPG?w=1",
                "HTTPſ://x/a.gif",
                "https://x.png ",
                "//.png",
                "comments (12)",
                "Komentar ( ١٢ )",
                "  (3)",
                "12 comments",
                "3  ",
                "3 ",
                "12 x 4",
                "MARÍA — El silencio",
                "Q – How",
                "**Dr. Ann Lee** – Well",
                "A - **",
                "A - *",
                "Ana -  _x",
                "ÉLODIE-ROSE - QUESTION - oui",
            ]
            .map(String::from),
        );
        out
    }

    #[test]
    fn matchers_decide_what_their_patterns_decide() {
        let url = Regex::new(r"https?://\S+").unwrap();
        let image =
            Regex::new(r"(?i)^(?:https?:)?//\S+\.(?:jpe?g|png|webp|gif|avif)(?:\?\S*)?$").unwrap();
        let count = Regex::new(r"^(?:(\D+?)\s*\(\s*\d+\s*\)|\d+\s+(\D+))$").unwrap();
        let dash =
            Regex::new(r"^[*_]*(\p{Lu}[\p{L}.'’\- ]*?)[*_]*[ \t]+([–—]|-)[ \t]+[*_]*\S").unwrap();
        let lines = lines();
        for l in &lines {
            assert_eq!(find_url(l), url.find(l).map(|m| m.range()), "url {l:?}");
            assert_eq!(is_image_address(l), image.is_match(l), "image {l:?}");
            let want = count
                .captures(l)
                .and_then(|c| c.get(1).or(c.get(2)))
                .map(|m| m.as_str());
            assert_eq!(count_words(l), want, "count {l:?}");
            let want = dash.captures(l).map(|c| DashLabel {
                label: c.get(1).unwrap().range(),
                dash: c.get(2).unwrap().range(),
                end: c.get(0).unwrap().end(),
            });
            assert_eq!(dash_label(l), want, "dash {l:?}");
        }
    }
}
