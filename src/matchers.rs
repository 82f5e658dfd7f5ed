//! Hand-written matchers for the patterns that typical inputs reach: line shapes (a URL
//! after `Source:`, an image address alone on a line, a `Comments (12)` count, a photo
//! row, a clock opening a line, a page number after a wide gap), speaker labels (`LABEL:`,
//! `Name – `, `Q.`, `(Q)`, `Name: ` inside a one-line transcript), transcript marks
//! (clock lines, stamps, signed replies), caption credits (`UPI/Mike Theiler`) and the
//! numeric dates of `infer::dates`. As regexes they were compiled on every run that
//! reached them, and their Unicode classes (`\p{L}`, `\S`, `\d`, `\b`) made that cost
//! millions of instructions, milliseconds of a one-file run. Each function decides
//! exactly what its pattern (in its doc) decides, with the same leftmost-first and
//! greedy/lazy choices and the same captures; the tests compare them with the patterns on
//! generated lines and on every line of the corpus and samples.
//!
//! The recognizer and `infer::dates` both use them (and the HTML reader and check, the
//! search for a tag in any case), so they sit beside the lexicon at the top of the crate
//! rather than inside one stage.

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

/// What `label_re` in `labels` finds: a `LABEL:` at the start of a line (see
/// [`colon_label`] for the pattern).
#[derive(Debug, PartialEq)]
pub struct ColonLabel {
    /// Group 1 took part: the label follows `>>`.
    pub chevrons: bool,
    /// Group 2: the label as printed.
    pub label: Range<usize>,
    /// The end of the whole match.
    pub end: usize,
}

/// `^(>>\s*)?[*_"“„'«\[]*([^\s:：*_"“”\[\]][^:：\n]*?)(?:\s*[\[(]\d{1,2}:\d{2}(?::\d{2})?[\])])?[*_"”“'»\]]*\s*(?::[*_"”'»]*(?:\s+|$|[\p{Han}\p{Hiragana}\p{Katakana}])|：[*_"”'»]*\s*)`
pub fn colon_label(text: &str) -> Option<ColonLabel> {
    // Every match holds a colon: most lines are decided here (by bytes, many at a time).
    if memchr::memchr(b':', text.as_bytes()).is_none() && !text.contains('：') {
        return None;
    }
    // `>>` and its spaces first. Fewer of the spaces cannot match: the label may not
    // start with one, and no opener is a space.
    let chevrons = text
        .strip_prefix(">>")
        .map(|r| (true, 2 + run(r, is_space)));
    for (chevrons, at) in chevrons.into_iter().chain([(false, 0)]) {
        if let Some((label, end)) = label_after_openers(text, at) {
            return Some(ColonLabel {
                chevrons,
                label,
                end,
            });
        }
    }
    None
}

/// `[*_"“„'«\[]*([^\s:：*_"“”\[\]][^:：\n]*?)` and the rest of [`colon_label`]'s
/// pattern from byte `at`: the label and the end of the match.
fn label_after_openers(text: &str, at: usize) -> Option<(Range<usize>, usize)> {
    let opener = |c: char| matches!(c, '*' | '_' | '"' | '“' | '„' | '\'' | '«' | '[');
    let first = |c: char| {
        !(is_space(c) || matches!(c, ':' | '：' | '*' | '_' | '"' | '“' | '”' | '[' | ']'))
    };
    // The openers are greedy: the label starts after all of them, then (backtracking)
    // at each of them from the last; some openers may start a label (`„`, `'`, `«`).
    let openers = run(&text[at..], opener);
    let mut starts: Vec<usize> = text[at..at + openers]
        .char_indices()
        .map(|(i, _)| at + i)
        .collect();
    starts.push(at + openers);
    // Where the ending is known not to match from onwards (the label ends at the same
    // colon or line end whichever opener it starts at, and the ending does not depend
    // on where the label started), so that backtracking stays linear.
    let mut failed_from: Option<usize> = None;
    for &s in starts.iter().rev() {
        let Some(c) = text[s..].chars().next().filter(|&c| first(c)) else {
            continue;
        };
        // The label is lazy: the shortest one after which the ending matches.
        let mut e = s + c.len_utf8();
        loop {
            if failed_from.is_some_and(|f| e >= f) {
                break;
            }
            let next = text[e..].chars().next();
            // The ending opens with a space, a bracket, a closer or a colon: before any
            // other character (most of a label's) it cannot match.
            if next.is_some_and(|c| {
                is_space(c) || label_closer(c) || matches!(c, '[' | '(' | ':' | '：')
            }) {
                if let Some(end) = label_ending(text, e) {
                    return Some((s..e, end));
                }
            }
            let c = match next {
                Some(c) if !matches!(c, ':' | '：' | '\n') => c,
                _ => break,
            };
            // Inside a run of closers, or of spaces, the ending decides the same at every
            // position (it takes the rest of the run first): the run is crossed in one step,
            // which keeps long runs linear.
            e += if label_closer(c) {
                run(&text[e..], label_closer)
            } else if is_space(c) {
                run(&text[e..], |c| is_space(c) && c != '\n')
            } else {
                c.len_utf8()
            };
        }
        failed_from = Some(s + c.len_utf8());
    }
    None
}

/// The rest of [`colon_label`]'s pattern after the label, at byte `at`:
/// `(?:\s*[\[(]\d{1,2}:\d{2}(?::\d{2})?[\])])?` then [`label_colon`]; the end of the
/// match.
fn label_ending(text: &str, at: usize) -> Option<usize> {
    // The optional clock is tried first, then its absence.
    bracketed_clock(text, at)
        .and_then(|e| label_colon(text, e))
        .or_else(|| label_colon(text, at))
}

/// `\s*[\[(]\d{1,2}:\d{2}(?::\d{2})?[\])]` at byte `at`: its end. No run here can give
/// characters back (spaces, brackets, digits and colons are apart), so each is taken
/// whole.
fn bracketed_clock(text: &str, at: usize) -> Option<usize> {
    let s = at + run(&text[at..], is_space);
    let rest = text[s..].strip_prefix(['[', '('])?;
    let p = text.len() - rest.len();
    let p = digits_then_colon(text, p)?;
    let p = exactly_digits(text, p, 2)?;
    let closes = |p: usize| text[p..].starts_with([']', ')']).then_some(p + 1);
    text[p..]
        .strip_prefix(':')
        .and_then(|_| exactly_digits(text, p + 1, 2))
        .and_then(closes)
        .or_else(|| closes(p))
}

/// `\d{1,2}:` at byte `at`: its end.
fn digits_then_colon(text: &str, at: usize) -> Option<usize> {
    let mut p = at;
    for _ in 0..2 {
        match text[p..].chars().next() {
            Some(c) if is_digit(c) => p += c.len_utf8(),
            _ => break,
        }
    }
    (p > at && text[p..].starts_with(':')).then_some(p + 1)
}

/// `\d{n}` at byte `at`: its end.
fn exactly_digits(text: &str, at: usize, n: usize) -> Option<usize> {
    let mut p = at;
    for _ in 0..n {
        let c = text[p..].chars().next().filter(|&c| is_digit(c))?;
        p += c.len_utf8();
    }
    Some(p)
}

/// `[*_"”“'»\]]*\s*(?::[*_"”'»]*(?:\s+|$|[\p{Han}\p{Hiragana}\p{Katakana}])|：[*_"”'»]*\s*)`
/// at byte `at`: the end of the match. Closers, spaces, colons and wrappers are apart,
/// so every run is taken whole (giving one back leaves a character nothing after it
/// accepts).
fn label_colon(text: &str, at: usize) -> Option<usize> {
    let closer = label_closer;
    let wrapper = |c: char| matches!(c, '*' | '_' | '"' | '”' | '\'' | '»');
    let a = at + run(&text[at..], closer);
    let b = a + run(&text[a..], is_space);
    if let Some(rest) = text[b..].strip_prefix(':') {
        let w = text.len() - rest.len() + run(rest, wrapper);
        let spaces = run(&text[w..], is_space);
        if spaces > 0 {
            return Some(w + spaces);
        }
        return match text[w..].chars().next() {
            None => Some(w),
            Some(c) if is_kana_or_han(c) => Some(w + c.len_utf8()),
            Some(_) => None,
        };
    }
    let rest = text[b..].strip_prefix('：')?;
    let w = text.len() - rest.len() + run(rest, wrapper);
    Some(w + run(&text[w..], is_space))
}

/// `[*_"”“'»\]]`, a closer after a colon label.
fn label_closer(c: char) -> bool {
    matches!(c, '*' | '_' | '"' | '”' | '“' | '\'' | '»' | ']')
}

/// `[\p{Han}\p{Hiragana}\p{Katakana}]`.
fn is_kana_or_han(c: char) -> bool {
    if c.is_ascii() {
        return false;
    }
    static CJK: OnceLock<Class> = OnceLock::new();
    CJK.get_or_init(|| Class::of(r"[\p{Han}\p{Hiragana}\p{Katakana}]"))
        .has(c)
}

/// What the photo row pattern `^!\[([^\]]*)\]\(([^)]*)\)\s*\|?\s*$` captures: the alt
/// text and the address, as byte ranges.
pub fn photo_row(text: &str) -> Option<(Range<usize>, Range<usize>)> {
    // Each group runs to the first character it excludes, which the pattern needs next.
    let rest = text.strip_prefix("![")?;
    let alt_end = 2 + rest.find(']')?;
    let url_start = text[alt_end + 1..].strip_prefix('(').map(|_| alt_end + 2)?;
    let url_end = url_start + text[url_start..].find(')')?;
    let tail = text[url_end + 1..].trim_start_matches(is_space);
    let tail = tail.strip_prefix('|').unwrap_or(tail);
    tail.trim_start_matches(is_space)
        .is_empty()
        .then_some((2..alt_end, url_start..url_end))
}

/// `^[\[(]?\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d{1,3})?[\])]?(?:\s*[-–]\s*|\s+|$)`: the end of
/// a clock that opens the line. Digits, separators, brackets and spaces are apart, so
/// every optional part is taken when present (leaving it out, or giving digits back,
/// leaves a character that nothing after it accepts).
pub fn leading_clock(t: &str) -> Option<usize> {
    let mut p = clock_head(t)?;
    if t[p..].starts_with([']', ')']) {
        p += 1;
    }
    // `\s*[-–]\s*` first, then `\s+`, then the end.
    let spaces = run(&t[p..], is_space);
    let q = p + spaces;
    if let Some(c) = t[q..].chars().next().filter(|&c| c == '-' || c == '–') {
        let d = q + c.len_utf8();
        return Some(d + run(&t[d..], is_space));
    }
    (spaces > 0 || p == t.len()).then_some(q)
}

/// What the page-number pattern
/// `(?i)^(.*?\S)(?:[ \t]{3,}|\t)(?:(page|p\.|seite|página|page n°)\s*)?\d{1,4}$` finds:
/// group 1 and whether group 2 took part.
pub fn page_number(text: &str) -> Option<(Range<usize>, bool)> {
    for (i, c) in text.char_indices() {
        if c == '\n' {
            break;
        }
        if is_space(c) {
            continue;
        }
        // Group 1 is lazy: the shortest run ending in a non-space after which the rest
        // matches.
        let a = i + c.len_utf8();
        let gap = run(&text[a..], |c| c == ' ' || c == '\t');
        // `[ \t]{3,}` gives back nothing the rest could use (it starts with no blank),
        // and a lone `\t` only helps when it is the whole gap.
        if gap >= 3 || (gap == 1 && text[a..].starts_with('\t')) {
            if let Some(says_page) = page_number_tail(&text[a + gap..]) {
                return Some((0..a, says_page));
            }
        }
    }
    None
}

/// `(?i)(?:(page|p\.|seite|página|page n°)\s*)?\d{1,4}$` over all of `s`: whether it
/// matches, and with the word.
fn page_number_tail(s: &str) -> Option<bool> {
    // One to four digits and nothing else (looking at five characters at most).
    let number = |s: &str| {
        let n = s.chars().take(5).take_while(|&c| is_digit(c)).count();
        (1..=4).contains(&n) && s.chars().nth(n).is_none()
    };
    for word in ["page", "p.", "seite", "página", "page n°"] {
        if let Some(n) = ci_prefix_unicode(s, word) {
            if number(s[n..].trim_start_matches(is_space)) {
                return Some(true);
            }
        }
    }
    number(s).then_some(false)
}

/// The length of `s`'s prefix that spells `word` under `(?i)`'s simple case folding.
fn ci_prefix_unicode(s: &str, word: &str) -> Option<usize> {
    let mut chars = s.char_indices();
    for a in word.chars() {
        let (_, c) = chars.next()?;
        let same = c == a
            || fold_eq(c, a)
            || (!c.is_ascii() && {
                let mut l = c.to_lowercase();
                l.next() == Some(a) && l.next().is_none()
            });
        if !same {
            return None;
        }
    }
    Some(chars.next().map_or(s.len(), |(i, _)| i))
}

/// The names found by
/// `(?:^|[.!?…]['’”]?\s+)(\p{Lu}[\p{L}'’.\-]*(?:\s\p{Lu}[\p{L}'’.\-]*){0,2}):\s`, one
/// per match as `captures_iter` finds them: group 1's range.
pub fn inline_speakers(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some((name, end)) = next_inline_speaker(text, from) {
        out.push(name);
        from = end;
    }
    out
}

/// The leftmost match of [`inline_speakers`]'s pattern at or after byte `from`.
fn next_inline_speaker(text: &str, from: usize) -> Option<(Range<usize>, usize)> {
    // `^` is the start of the text, not of the search.
    if from == 0 {
        if let Some(m) = speaker_name(text, 0) {
            return Some(m);
        }
    }
    for (i, c) in text[from..].char_indices() {
        if !matches!(c, '.' | '!' | '?' | '…') {
            continue;
        }
        let mut p = from + i + c.len_utf8();
        if let Some(q) = text[p..]
            .chars()
            .next()
            .filter(|&q| matches!(q, '\'' | '’' | '”'))
        {
            p += q.len_utf8();
        }
        let spaces = run(&text[p..], is_space);
        if spaces == 0 {
            continue;
        }
        if let Some(m) = speaker_name(text, p + spaces) {
            return Some(m);
        }
    }
    None
}

/// `(\p{Lu}[\p{L}'’.\-]*(?:\s\p{Lu}[\p{L}'’.\-]*){0,2}):\s` at byte `at`: the name and
/// the end of the match.
fn speaker_name(text: &str, at: usize) -> Option<(Range<usize>, usize)> {
    let word_char = |c: char| is_letter(c) || matches!(c, '\'' | '’' | '.' | '-');
    let word = |p: usize| {
        let c = text[p..].chars().next().filter(|&c| is_upper_letter(c))?;
        let q = p + c.len_utf8();
        Some(q + run(&text[q..], word_char))
    };
    // Each word runs to its end (a word character is neither space nor colon); the
    // repetition is greedy: the most words after which `:\s` follows.
    let mut ends = vec![word(at)?];
    while ends.len() < 3 {
        let last = *ends.last()?;
        let Some(sp) = text[last..].chars().next().filter(|&c| is_space(c)) else {
            break;
        };
        match word(last + sp.len_utf8()) {
            Some(e) => ends.push(e),
            None => break,
        }
    }
    ends.iter().rev().find_map(|&e| {
        let rest = text[e..].strip_prefix(':')?;
        let sp = rest.chars().next().filter(|&c| is_space(c))?;
        Some((at..e, e + 1 + sp.len_utf8()))
    })
}

/// `^[\[(]?\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d{1,3})?`, the clock that opens the clock
/// patterns: its end. Digits, separators and brackets are apart, so every optional part
/// is taken when present: in each pattern that uses it, leaving a part out (or giving
/// digits back) leaves a character that nothing after it accepts.
fn clock_head(t: &str) -> Option<usize> {
    let p = usize::from(t.starts_with(['[', '(']));
    let p = digits_then_colon(t, p)?;
    let mut p = exactly_digits(t, p, 2)?;
    if t[p..].starts_with(':') {
        if let Some(e) = exactly_digits(t, p + 1, 2) {
            p = e;
        }
    }
    if t[p..].starts_with(['.', ',']) {
        let mut e = p + 1;
        for _ in 0..3 {
            match t[e..].chars().next() {
                Some(c) if is_digit(c) => e += c.len_utf8(),
                _ => break,
            }
        }
        if e > p + 1 {
            p = e;
        }
    }
    Some(p)
}

/// `(?i)^[\[(]?\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d{1,3})?(?:\s*[ap]\.?\s?m\.?)?[\])]?$`: all
/// of `t` is a clock (`00:12`, `[3:05 p.m.]`).
pub fn is_clock_line(t: &str) -> bool {
    let Some(p) = clock_head(t) else {
        return false;
    };
    let closes = |r: &str| r.is_empty() || r == "]" || r == ")";
    let r = &t[p..];
    if closes(r) {
        return true;
    }
    // `\s*[ap]\.?\s?m\.?`: its pieces are apart, so each optional one is taken when there.
    let r = r.trim_start_matches(is_space);
    let Some(r) = r.strip_prefix(['a', 'A', 'p', 'P']) else {
        return false;
    };
    let r = r.strip_prefix('.').unwrap_or(r);
    let r = match r.chars().next() {
        Some(c) if is_space(c) => &r[c.len_utf8()..],
        _ => r,
    };
    let Some(r) = r.strip_prefix(['m', 'M']) else {
        return false;
    };
    closes(r.strip_prefix('.').unwrap_or(r))
}

/// `^[\[(]?\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d{1,3})?[\])]?\s+[-–]\s`: the end of a clock
/// and the dash after it that open a line.
pub fn stamp_dash(t: &str) -> Option<usize> {
    let mut p = clock_head(t)?;
    if t[p..].starts_with([']', ')']) {
        p += 1;
    }
    let spaces = run(&t[p..], is_space);
    if spaces == 0 {
        return None;
    }
    let q = p + spaces;
    let d = t[q..].chars().next().filter(|&c| c == '-' || c == '–')?;
    let q = q + d.len_utf8();
    let s = t[q..].chars().next().filter(|&c| is_space(c))?;
    Some(q + s.len_utf8())
}

/// `[?？]\s*\([^()\n]{2,60}\)( - )[^:\n]{2,50}:\s`, as `captures_iter` finds it: group 1
/// (the ` - ` between a reader's signed question and the reply) of every match.
pub fn signed_replies(src: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut from = 0;
    'search: while from < src.len() {
        for (i, c) in src[from..].char_indices() {
            if c != '?' && c != '？' {
                continue;
            }
            let at = from + i + c.len_utf8();
            if let Some((dash, end)) = signed_reply_at(src, at) {
                out.push(dash);
                from = end;
                continue 'search;
            }
        }
        break;
    }
    out
}

/// `\s*\([^()\n]{2,60}\)( - )[^:\n]{2,50}:\s` at byte `at`. Each run is taken whole:
/// every bounded run ends where its class does, at the character the pattern needs next.
fn signed_reply_at(src: &str, at: usize) -> Option<(Range<usize>, usize)> {
    let p = at + run(&src[at..], is_space);
    let p = p + src[p..].strip_prefix('(').map(|_| 1)?;
    let (inner, n) = run_upto(&src[p..], 61, |c| !matches!(c, '(' | ')' | '\n'));
    if !(2..=60).contains(&n) {
        return None;
    }
    let p = p + inner;
    let p = p + src[p..].strip_prefix(')').map(|_| 1)?;
    src[p..].strip_prefix(" - ")?;
    let dash = p..p + 3;
    let q = dash.end;
    let (reply, n) = run_upto(&src[q..], 51, |c| c != ':' && c != '\n');
    // Greedy up to 50: a longer run leaves a non-colon where `:` is needed.
    if !(2..=50).contains(&n) {
        return None;
    }
    let q = q + reply;
    let rest = src[q..].strip_prefix(':')?;
    let s = rest.chars().next().filter(|&c| is_space(c))?;
    Some((dash, q + 1 + s.len_utf8()))
}

/// Bytes and characters of `s` that `f` accepts from its start, counting `max` at most
/// (a bounded repetition looks no further).
fn run_upto(s: &str, max: usize, f: impl Fn(char) -> bool) -> (usize, usize) {
    let mut bytes = 0;
    let mut n = 0;
    for c in s.chars().take(max) {
        if !f(c) {
            break;
        }
        bytes += c.len_utf8();
        n += 1;
    }
    (bytes, n)
}

/// `(?:^|[.!?)]\s+)(\p{Lu}[\p{L}.\-]*(?:\s\p{Lu}[\p{L}.\-]*)?/\p{Lu}[\p{L}.\-]*(?:\s\p{Lu}[\p{L}.\-]*){0,3})\s*$`:
/// group 1 of the first match, an `AGENCY/Photographer` credit ending a caption.
pub fn agency_after_caption(t: &str) -> Option<Range<usize>> {
    if let Some(m) = agency_at(t, 0) {
        return Some(m);
    }
    for (i, c) in t.char_indices() {
        if !matches!(c, '.' | '!' | '?' | ')') {
            continue;
        }
        let p = i + c.len_utf8();
        let spaces = run(&t[p..], is_space);
        if spaces > 0 {
            if let Some(m) = agency_at(t, p + spaces) {
                return Some(m);
            }
        }
    }
    None
}

/// `\p{Lu}[\p{L}.\-]*` at byte `p`: its end (the run is taken whole, as nothing after it
/// in [`agency_after_caption`]'s pattern accepts a letter, dot or hyphen).
fn agency_word(t: &str, p: usize) -> Option<usize> {
    let c = t[p..].chars().next().filter(|&c| is_upper_letter(c))?;
    let q = p + c.len_utf8();
    Some(q + run(&t[q..], |c| is_letter(c) || c == '.' || c == '-'))
}

/// Up to `more` further words, each after one space: the ends after 0, 1, … of them.
fn agency_words(t: &str, first_end: usize, more: usize) -> Vec<usize> {
    let mut ends = vec![first_end];
    while ends.len() <= more {
        let last = ends[ends.len() - 1];
        let Some(sp) = t[last..].chars().next().filter(|&c| is_space(c)) else {
            break;
        };
        match agency_word(t, last + sp.len_utf8()) {
            Some(e) => ends.push(e),
            None => break,
        }
    }
    ends
}

/// Group 1 of [`agency_after_caption`]'s pattern at byte `at`, followed by `\s*$`.
fn agency_at(t: &str, at: usize) -> Option<Range<usize>> {
    let agency = agency_words(t, agency_word(t, at)?, 1);
    // Greedy repetitions: the most words first.
    agency.iter().rev().find_map(|&e| {
        let p = e + t[e..].strip_prefix('/').map(|_| 1)?;
        let person = agency_words(t, agency_word(t, p)?, 3);
        person
            .iter()
            .rev()
            .find(|&&e| t[e..].chars().all(is_space))
            .map(|&e| at..e)
    })
}

/// `^[\[(]\d{1,2}:\d{2}(?::\d{2})?[\])]`: the end of a bracketed clock opening `t`.
pub fn opening_stamp(t: &str) -> Option<usize> {
    t.starts_with(['[', '('])
        .then(|| bracketed_clock(t, 0))
        .flatten()
}

/// What `^[*_]*(\p{L}+)(?:\.[*_]*\s+|[ \t]{2,}|\t)[*_]*[\p{Lu}¿¡\d\x22“«]` finds: group 1
/// (the label word) and the end of the match. Letters, dots, blanks, emphasis and the
/// final characters are apart, so every run is taken whole (giving one back leaves a
/// character that nothing after it accepts).
pub fn dot_label(text: &str) -> Option<(Range<usize>, usize)> {
    let emph = |c: char| c == '*' || c == '_';
    let s = run(text, emph);
    let w = s + run(&text[s..], is_letter);
    if w == s {
        return None;
    }
    let p = if let Some(rest) = text[w..].strip_prefix('.') {
        let q = text.len() - rest.len();
        let q = q + run(&text[q..], emph);
        let spaces = run(&text[q..], is_space);
        if spaces == 0 {
            return None;
        }
        q + spaces
    } else {
        let gap = run(&text[w..], |c| c == ' ' || c == '\t');
        // `[ \t]{2,}`, or a lone `\t` (which helps only as the whole gap).
        if gap < 2 && !text[w..].starts_with('\t') {
            return None;
        }
        w + gap
    };
    let p = p + run(&text[p..], emph);
    let c = text[p..].chars().next().filter(|&c| {
        is_upper_letter(c) || is_digit(c) || matches!(c, '¿' | '¡' | '"' | '“' | '«')
    })?;
    Some((s..w, p + c.len_utf8()))
}

/// What `^[*_]*([(\[]{1,2})\s*(\p{L}[\p{L} .'’\-]*?)\s*[)\]]{1,2}[*_]*[.:]?[*_]*\s+\S`
/// finds: group 1 (the brackets), group 2 (the label) and the end of the match.
pub fn wrapped_label(text: &str) -> Option<(Range<usize>, Range<usize>, usize)> {
    let emph = |c: char| c == '*' || c == '_';
    // Emphasis, brackets (two when there are: one leaves a bracket where a letter is
    // needed) and spaces are apart, so each run is taken whole.
    let s = run(text, emph);
    let mut b = s;
    for _ in 0..2 {
        if text[b..].starts_with(['(', '[']) {
            b += 1;
        }
    }
    if b == s {
        return None;
    }
    let l = b + run(&text[b..], is_space);
    let first = text[l..].chars().next().filter(|&c| is_letter(c))?;
    // The label is lazy: the shortest after which the rest matches.
    let mut e = l + first.len_utf8();
    loop {
        if let Some(end) = after_wrapped_label(text, e) {
            return Some((s..b, l..e, end));
        }
        let c = text[e..].chars().next()?;
        if is_space(c) {
            // At every position of a run of spaces the rest decides the same (it takes the
            // run first): cross it in one step, as far as the label may go (` ` only).
            let spaces = &text[e..e + run(&text[e..], is_space)];
            if spaces.contains(|c| c != ' ') {
                return None;
            }
            e += spaces.len();
            continue;
        }
        if !(is_letter(c) || matches!(c, '.' | '\'' | '’' | '-')) {
            return None;
        }
        e += c.len_utf8();
    }
}

/// `\s*[)\]]{1,2}[*_]*[.:]?[*_]*\s+\S` at byte `at`: the end of the match. Spaces,
/// brackets, emphasis, `.:` and the final non-space are apart, so each run is taken
/// whole; the two emphasis runs around an absent `.:` end at the same place whichever
/// takes the characters.
fn after_wrapped_label(text: &str, at: usize) -> Option<usize> {
    let emph = |c: char| c == '*' || c == '_';
    let p = at + run(&text[at..], is_space);
    let mut q = p;
    for _ in 0..2 {
        if text[q..].starts_with([')', ']']) {
            q += 1;
        }
    }
    if q == p {
        return None;
    }
    let q = q + run(&text[q..], emph);
    let q = q + usize::from(text[q..].starts_with(['.', ':']));
    let q = q + run(&text[q..], emph);
    let spaces = run(&text[q..], is_space);
    if spaces == 0 {
        return None;
    }
    let c = text[q + spaces..].chars().next()?;
    Some(q + spaces + c.len_utf8())
}

/// `\w` next to `\b`: the Unicode word characters of the `regex` crate's word boundary.
fn is_word(c: char) -> bool {
    regex_syntax::is_word_character(c)
}

/// `\b` at byte `at` of `s`, where the character at `at` (if any) is a word character:
/// the one before it is none.
fn boundary_before(s: &str, at: usize) -> bool {
    !s[..at].chars().next_back().is_some_and(is_word)
}

/// `\b` at byte `at` of `s`, where the character before `at` is a word character: the
/// one at `at` is none.
fn boundary_after(s: &str, at: usize) -> bool {
    !s[at..].chars().next().is_some_and(is_word)
}

/// The end of the run of `\d` at byte `at`, at most `max` of them.
fn digits_upto(s: &str, at: usize, max: usize) -> usize {
    let mut p = at;
    for c in s[at..].chars().take(max) {
        if !is_digit(c) {
            break;
        }
        p += c.len_utf8();
    }
    p
}

/// `\b\d{4}-\d{2}-\d{2}\b`, the first match (an ISO date).
pub(crate) fn find_iso_date(line: &str) -> Option<Range<usize>> {
    line.char_indices().find_map(|(i, c)| {
        if !is_digit(c) || !boundary_before(line, i) {
            return None;
        }
        let p = exactly_digits(line, i, 4)?;
        let p = exactly_digits(line, p + line[p..].strip_prefix('-').map(|_| 1)?, 2)?;
        let p = exactly_digits(line, p + line[p..].strip_prefix('-').map(|_| 1)?, 2)?;
        boundary_after(line, p).then_some(i..p)
    })
}

/// `\b(?:\d{1,2}[./]\d{1,2}[./]\d{4}|\d{4}/\d{1,2}/\d{1,2})\b`, every match as
/// `find_iter` finds them (numeric dates). Digits, separators and the boundary are apart,
/// so every bounded run of digits is taken whole: giving a digit back leaves one where a
/// separator or a boundary is needed.
pub(crate) fn numeric_dates(line: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(m) = line[from..].char_indices().find_map(|(i, c)| {
        let i = from + i;
        (is_digit(c) && boundary_before(line, i))
            .then(|| day_month_year(line, i).or_else(|| year_month_day(line, i)))
            .flatten()
            .map(|e| i..e)
    }) {
        from = m.end;
        out.push(m);
    }
    out
}

/// `\d{1,2}[./]\d{1,2}[./]\d{4}\b` at byte `at`: its end.
fn day_month_year(s: &str, at: usize) -> Option<usize> {
    let mut p = at;
    for _ in 0..2 {
        let e = digits_upto(s, p, 2);
        if e == p || !s[e..].starts_with(['.', '/']) {
            return None;
        }
        p = e + 1;
    }
    let e = exactly_digits(s, p, 4)?;
    boundary_after(s, e).then_some(e)
}

/// `\d{4}/\d{1,2}/\d{1,2}\b` at byte `at`: its end.
fn year_month_day(s: &str, at: usize) -> Option<usize> {
    let p = exactly_digits(s, at, 4)?;
    let p = p + s[p..].strip_prefix('/').map(|_| 1)?;
    let e = digits_upto(s, p, 2);
    if e == p || !s[e..].starts_with('/') {
        return None;
    }
    let p = e + 1;
    let e = digits_upto(s, p, 2);
    (e > p && boundary_after(s, e)).then_some(e)
}

/// What `(\d{4})\s*[年년]\s*(\d{1,2})\s*[月월]\s*(\d{1,2})\s*[日일]` captures first: the
/// whole match and the year, month and day. Digits, spaces and the marks are apart, so
/// each run is taken whole.
pub(crate) fn cjk_date(line: &str) -> Option<[Range<usize>; 4]> {
    line.char_indices().find_map(|(i, c)| {
        if !is_digit(c) {
            return None;
        }
        let y = exactly_digits(line, i, 4)?;
        // `\s*` and a mark: the end of the mark.
        let mark = |p: usize, marks: [char; 2]| {
            let p = p + run(&line[p..], is_space);
            let c = line[p..].chars().next().filter(|c| marks.contains(c))?;
            Some(p + c.len_utf8())
        };
        // `\s*\d{1,2}` after a mark: where the digits start and end.
        let number = |p: usize| {
            let s = p + run(&line[p..], is_space);
            let e = digits_upto(line, s, 2);
            (e > s).then_some((s, e))
        };
        let (ms, me) = number(mark(y, ['年', '년'])?)?;
        let (ds, de) = number(mark(me, ['月', '월'])?)?;
        let end = mark(de, ['日', '일'])?;
        Some([i..end, i..y, ms..me, ds..de])
    })
}

/// `^\s*(?:\d{1,2}:)?\d{1,2}:\d{2}[.,]\d{1,3}\s*-->\s*(?:\d{1,2}:)?\d{1,2}:\d{2}[.,]\d{1,3}`
/// matches: `l` opens with a subtitle cue's timing (`00:01:02,500 --> 00:01:04,000`).
pub(crate) fn is_cue_timing(l: &str) -> bool {
    cue_timing_end(l).is_some()
}

/// Where [`is_cue_timing`]'s pattern's match ends (it starts at 0): the first way through
/// it in the order the pattern tries them (hours, then none; each time's digits taken
/// whole or as far as the pattern allows).
pub(crate) fn cue_timing_end(l: &str) -> Option<usize> {
    let p = run(l, is_space);
    cue_time_ends(l, p).into_iter().flatten().find_map(|e| {
        // The first time's digits run to a space or `-`, so they are taken whole.
        let q = e + run(&l[e..], is_space);
        l[q..].starts_with("-->").then_some(())?;
        let r = q + 3 + run(&l[q + 3..], is_space);
        cue_time_ends(l, r).into_iter().flatten().next()
    })
}

/// `(?m)(?:^|[^\w*_\\])([*_])[^*_\s](?:[^*_\n]*[^*_\s])?([*_])(?:[^\w*_]|$)`, Markdown
/// emphasis, every match as `captures_iter` finds them: the byte offsets of the opening
/// and the closing mark. (Its negated Unicode `\w` classes cost 5.2 M instructions to
/// compile, most of a one-file Markdown run.)
///
/// A start has one way through the pattern: the mark at the start of a line, or after a
/// character that is no word character, mark or backslash; then one character that is no
/// mark or space; the closing mark can only be the first mark after it (nothing between
/// may be one), on the same line, after a character that is no space; then a character
/// that is no word character or mark (consumed, a line break too) or the end of the
/// line. Matches do not overlap: the next is looked for after the character consumed.
pub(crate) fn emphasis_marks(text: &str) -> Vec<(usize, usize)> {
    let is_mark = |c: char| c == '*' || c == '_';
    let bytes = text.as_bytes();
    // The match whose mark is at `m`: (closing mark, end of the match).
    let from_mark = |m: usize| -> Option<(usize, usize)> {
        let x = text[m + 1..].chars().next()?;
        if is_mark(x) || is_space(x) {
            return None;
        }
        let after_x = m + 1 + x.len_utf8();
        let k = after_x + text[after_x..].find(['*', '_', '\n'])?;
        if bytes[k] == b'\n' || (k > after_x && text[..k].ends_with(is_space)) {
            return None;
        }
        match text[k + 1..].chars().next() {
            None => Some((k, k + 1)),
            Some(c) if !is_word(c) && !is_mark(c) => Some((k, k + 1 + c.len_utf8())),
            Some(_) => None,
        }
    };
    let mut out = Vec::new();
    let mut from = 0;
    'search: while from < text.len() {
        for (i, c) in text[from..].char_indices() {
            let s = from + i;
            let m = if is_mark(c) && (s == 0 || bytes[s - 1] == b'\n') {
                s
            } else if !is_mark(c)
                && c != '\\'
                && !is_word(c)
                && text[s + c.len_utf8()..].starts_with(is_mark)
            {
                s + c.len_utf8()
            } else {
                continue;
            };
            if let Some((k, end)) = from_mark(m) {
                out.push((m, k));
                from = end;
                continue 'search;
            }
        }
        break;
    }
    out
}

/// `(?:\d{1,2}:)?\d{1,2}:\d{2}[.,]\d{1,3}` at byte `p`: its end with the hours, then
/// without them (the order the optional group tries).
fn cue_time_ends(s: &str, p: usize) -> [Option<usize>; 2] {
    let rest = |p: usize| {
        let p = digits_then_colon(s, p)?;
        let p = exactly_digits(s, p, 2)?;
        let p = p + s[p..].strip_prefix(['.', ',']).map(|_| 1)?;
        let e = digits_upto(s, p, 3);
        (e > p).then_some(e)
    };
    [digits_then_colon(s, p).and_then(rest), rest(p)]
}

/// Where `needle` first starts in `hay` at or after `from`, its ASCII letters matched in
/// any case (`</Script` for `</script`): a search that neither copies nor lower-cases the
/// rest of a page. The HTML reader and the HTML check both look for tags this way.
pub fn find_ascii_ci(hay: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    let first = *needle.first()?;
    let rest = hay.get(from..)?;
    memchr::memchr2_iter(first.to_ascii_lowercase(), first.to_ascii_uppercase(), rest)
        .map(|i| from + i)
        .find(|&i| {
            hay[i..]
                .get(..needle.len())
                .is_some_and(|t| t.eq_ignore_ascii_case(needle))
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn find_ascii_ci_is_the_plain_search() {
        let plain = |hay: &[u8], from: usize, needle: &[u8]| {
            let last = hay.len().checked_sub(needle.len())?;
            (from..=last).find(|&i| hay[i..i + needle.len()].eq_ignore_ascii_case(needle))
        };
        let mut seed = 11u64;
        for _ in 0..3000 {
            let hay: Vec<u8> = (0..(seed % 24) as usize)
                .map(|_| {
                    seed = seed
                        .wrapping_mul(6364136223846793005)
                        .wrapping_add(1442695040888963407);
                    b"<</sScCrRiIpPtT>x"[(seed >> 40) as usize % 16]
                })
                .collect();
            for needle in [&b"</script"[..], b"<script", b"s", b"Sc"] {
                for from in 0..=hay.len() {
                    assert_eq!(
                        find_ascii_ci(&hay, from, needle),
                        plain(&hay, from, needle),
                        "{:?} {from} {:?}",
                        String::from_utf8_lossy(&hay),
                        String::from_utf8_lossy(needle)
                    );
                }
            }
        }
    }
    use regex::Regex;

    /// Lines built from the pieces the patterns care about, every combination up to a
    /// length, plus the texts of [`corpus_texts`].
    fn lines() -> Vec<String> {
        let pieces = [
            "a", "Q", "É", "ž", "ſ", "S", "1", "٣", " ", "\t", "\u{a0}", "*", "_", "-", "–", "—",
            ".", "(", ")", "'", "’", ":", "?", "/", "//", "http", "https:", "HTTP://", "jpg",
            "JPEG", ".png", "webp", "?x", "中",
        ];
        let mut out = cases(&pieces, 4);
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

    /// Every string of up to `depth` pieces, then every text of [`corpus_texts`]: what
    /// each matcher is compared with its pattern on (before its own edge cases).
    fn cases(pieces: &[&str], depth: usize) -> Vec<String> {
        let mut out = combos(pieces, depth);
        out.extend(corpus_texts());
        out
    }

    /// Every string of up to `depth` pieces.
    fn combos(pieces: &[&str], depth: usize) -> Vec<String> {
        let mut out = vec![String::new()];
        let mut layer = vec![String::new()];
        for _ in 0..depth {
            let mut next = Vec::new();
            for s in &layer {
                for p in pieces {
                    next.push(format!("{s}{p}"));
                }
            }
            out.extend(next.iter().cloned());
            layer = next;
        }
        out
    }

    /// Every line of every file of the corpus and the samples (as read, trimmed and
    /// lower-cased), and every whole file: the texts the matchers meet in practice.
    fn corpus_texts() -> Vec<String> {
        let mut out = Vec::new();
        for text in crate::test_corpus::files() {
            for l in text.lines() {
                out.push(l.to_string());
                out.push(l.trim().to_string());
                out.push(l.trim().to_lowercase());
            }
            out.push(text);
        }
        out
    }

    #[test]
    fn colon_label_decides_what_its_pattern_decides() {
        let re = Regex::new(r#"^(>>\s*)?[*_"“„'«\[]*([^\s:：*_"“”\[\]][^:：\n]*?)(?:\s*[\[(]\d{1,2}:\d{2}(?::\d{2})?[\])])?[*_"”“'»\]]*\s*(?::[*_"”'»]*(?:\s+|$|[\p{Han}\p{Hiragana}\p{Katakana}])|：[*_"”'»]*\s*)"#).unwrap();
        let pieces = [
            "Q", "a b", ">>", " ", "\n", ":", "：", "*", "_", "\"", "“", "”", "„", "'", "«", "»",
            "[", "]", "(", "1", "12:30", "٣", ":05", ")", "中", "あ", "x",
        ];
        let mut texts = cases(&pieces, 4);
        texts.extend(
            [
                ">>  rose: hi",
                "**Frage:** Wie?",
                "\"Wartawan\": Apa",
                "Khánh An – VOA: x",
                "Ann [00:01:02]: so",
                "Ann (1:02) : so",
                "Ann [1:02:3]: so",
                "„'«Name»': x",
                "'':",
                "Q：答",
                "記者:質問",
                "A:b",
                "A :\n  b",
                "A\n: b",
                "«'„x",
            ]
            .map(String::from),
        );
        // Long runs of spaces and closers inside a label, crossed in one step.
        let spaces = " ".repeat(300);
        texts.extend([
            format!("A{spaces}x: y"),
            format!("A{spaces}: y"),
            format!("A{spaces}\n{spaces}: y"),
            format!("A \u{a0}\t{spaces}[1:02]: y"),
            format!("A{}: y", "\"'»*".repeat(100)),
            format!("'\"„{}x :x", "\"'".repeat(100)),
        ]);
        for t in &texts {
            let want = re.captures(t).map(|c| ColonLabel {
                chevrons: c.get(1).is_some(),
                label: c.get(2).unwrap().range(),
                end: c.get(0).unwrap().end(),
            });
            assert_eq!(colon_label(t), want, "{t:?}");
        }
    }

    #[test]
    fn line_matchers_decide_what_their_patterns_decide() {
        let photo = Regex::new(r"^!\[([^\]]*)\]\(([^)]*)\)\s*\|?\s*$").unwrap();
        let clock = Regex::new(
            r"^[\[(]?\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d{1,3})?[\])]?(?:\s*[-–]\s*|\s+|$)",
        )
        .unwrap();
        let page = Regex::new(
            r"(?i)^(.*?\S)(?:[ \t]{3,}|\t)(?:(page|p\.|seite|página|page n°)\s*)?\d{1,4}$",
        )
        .unwrap();
        let pieces = [
            "![", "]", "(", ")", "x", " ", "\t", "|", "\n", "[", "1", "12", "٣", ":", ":30", ".",
            ",", "-", "–", "   ", "Page", "p.", "SEITE", "PÁGINA", "page n°", "ſ", "İ",
        ];
        let mut texts = cases(&pieces, 4);
        texts.extend(
            [
                "![a](b) | ",
                "![a](b)x",
                "![a]](b)",
                "[00:01:02.5] - Hi",
                "12:30:4 x",
                "1:23.4567 x",
                "(12:30)",
                "12:30  –  so",
                "Harold Pennington, 6-17-2019    Page 2",
                "Seite\t3",
                "x    page n° 12",
                "x    pagE N° 12345",
                "x   \t 7",
            ]
            .map(String::from),
        );
        let spaces = "   ".repeat(100);
        texts.extend([
            format!("x{spaces}page 12"),
            format!("x{spaces}{}", "1".repeat(300)),
            format!("x{spaces}x{spaces}x{spaces}12345"),
        ]);
        for t in &texts {
            let want = photo
                .captures(t)
                .map(|c| (c.get(1).unwrap().range(), c.get(2).unwrap().range()));
            assert_eq!(photo_row(t), want, "photo {t:?}");
            assert_eq!(
                leading_clock(t),
                clock.find(t).map(|m| m.end()),
                "clock {t:?}"
            );
            let want = page
                .captures(t)
                .map(|c| (c.get(1).unwrap().range(), c.get(2).is_some()));
            assert_eq!(page_number(t), want, "page {t:?}");
        }
    }

    #[test]
    fn inline_speakers_are_what_the_pattern_captures() {
        let re = Regex::new(
            r"(?:^|[.!?…]['’”]?\s+)(\p{Lu}[\p{L}'’.\-]*(?:\s\p{Lu}[\p{L}'’.\-]*){0,2}):\s",
        )
        .unwrap();
        let pieces = [
            "Ann", "lee", "É", " ", "\u{a0}", ":", ": ", ". ", "…", "!", "?’ ", "”", "-", "'",
            "\n", "1",
        ];
        let mut texts = cases(&pieces, 5);
        texts.extend(
            [
                "Host: Hi. Guest: Hello. Host: So? Guest: Yes.",
                "Ann Lee Bob Smith: x. Ann Lee Bob: y",
                "A. B: C. D:  E",
                "Ann: . Bob: ",
            ]
            .map(String::from),
        );
        for t in &texts {
            let want: Vec<Range<usize>> = re
                .captures_iter(t)
                .map(|c| c.get(1).unwrap().range())
                .collect();
            assert_eq!(inline_speakers(t), want, "{t:?}");
        }
    }

    #[test]
    fn mark_matchers_decide_what_their_patterns_decide() {
        let clock_line = Regex::new(
            r"(?i)^[\[(]?\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d{1,3})?(?:\s*[ap]\.?\s?m\.?)?[\])]?$",
        )
        .unwrap();
        let stamp =
            Regex::new(r"^[\[(]?\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d{1,3})?[\])]?\s+[-–]\s").unwrap();
        let pieces = [
            "[", "(", "1", "٣", "12:3", ":", "0", ":00", ".5", ",123", " ", "\u{a0}", "p", "A",
            ".", "m", "M", "]", ")", "-", "–", "x", "\n",
        ];
        let mut texts = cases(&pieces, 4);
        texts.extend(
            [
                "1:02 pm",
                "[3:05 p.m.]",
                "12:30:45.123 A. M.",
                "12:30:45,1234",
                "00:01:23 - Hi - there",
                "(1:02) – so",
                "1:02  -x",
            ]
            .map(String::from),
        );
        for t in &texts {
            assert_eq!(is_clock_line(t), clock_line.is_match(t), "clock line {t:?}");
            assert_eq!(stamp_dash(t), stamp.find(t).map(|m| m.end()), "stamp {t:?}");
        }

        let signed = Regex::new("[?？]\\s*\\([^()\n]{2,60}\\)( - )[^:\n]{2,50}:\\s").unwrap();
        let pieces = [
            "?", "？", " ", "\n", "(", ")", " - ", "ab", ":", ": ", "x", "é",
        ];
        let mut texts = cases(&pieces, 6);
        let long = "y".repeat(49);
        texts.extend([
            "Apa? (Mai Thương, 30 tuổi) - Ca sĩ Hồ Ngọc Hà: Vâng. Và? (An, 20) - Hà: Có"
                .to_string(),
            format!("? ({long}x) - ab: "),
            format!("? ({long}xyzzyzzyzzy) - ab: "),
            format!("? (ab) - {long}x: "),
            format!("? (ab) - {long}xy: "),
        ]);
        for t in &texts {
            let want: Vec<Range<usize>> = signed
                .captures_iter(t)
                .map(|c| c.get(1).unwrap().range())
                .collect();
            assert_eq!(signed_replies(t), want, "signed {t:?}");
        }
    }

    #[test]
    fn agency_matcher_decides_what_its_pattern_decides() {
        let re = Regex::new(r"(?:^|[.!?)]\s+)(\p{Lu}[\p{L}.\-]*(?:\s\p{Lu}[\p{L}.\-]*)?/\p{Lu}[\p{L}.\-]*(?:\s\p{Lu}[\p{L}.\-]*){0,3})\s*$").unwrap();
        let pieces = [
            "UPI", "Ann", "x", "É", " ", "\u{a0}", "/", ".", ")", "!", "-", "1", "\n",
        ];
        let mut texts = cases(&pieces, 5);
        texts.extend(
            [
                "… in Washington. UPI/Mike Theiler",
                "ANTARA FOTO/Hafidz Mubarak A",
                "x. A B C/D E F G H",
                "x. A B/D E F G ",
                "x. A B/D E F G H I",
                "A.B/C",
            ]
            .map(String::from),
        );
        for t in &texts {
            let want = re.captures(t).map(|c| c.get(1).unwrap().range());
            assert_eq!(agency_after_caption(t), want, "{t:?}");
        }
    }

    #[test]
    fn label_shape_matchers_decide_what_their_patterns_decide() {
        let stamp = Regex::new(r"^[\[(]\d{1,2}:\d{2}(?::\d{2})?[\])]").unwrap();
        let dot = Regex::new(r"^[*_]*(\p{L}+)(?:\.[*_]*\s+|[ \t]{2,}|\t)[*_]*[\p{Lu}¿¡\d\x22“«]")
            .unwrap();
        let wrapped = Regex::new(
            r"^[*_]*([(\[]{1,2})\s*(\p{L}[\p{L} .'’\-]*?)\s*[)\]]{1,2}[*_]*[.:]?[*_]*\s+\S",
        )
        .unwrap();
        let pieces = [
            "*", "_", "(", "[", "((", " ", "\t", "\u{a0}", "\n", "Q", "é", "a b", ".", ":", "'",
            "-", ")", "]", "1", "¿", "\"", "“", "«", "12:30", ":05",
        ];
        let mut texts = cases(&pieces, 4);
        texts.extend(
            [
                "(00:01:23) text",
                "[1:02:3] x",
                "Q. How",
                "**P.** ¿Cómo?",
                "Pregunta.  «Sí»",
                "Q  Minister",
                "Q\t\tMinister",
                "Q \tx",
                "(Q) How",
                "[SAM] What",
                "((Wikinews)) What",
                "*[ A b ]*: x",
                "( a ))**.** y",
                "(a  \u{a0} b) x",
                "(a \u{a0}) x",
            ]
            .map(String::from),
        );
        let spaces = " ".repeat(300);
        texts.extend([format!("(a{spaces}b) x"), format!("(a{spaces}) x")]);
        for t in &texts {
            assert_eq!(
                opening_stamp(t),
                stamp.find(t).map(|m| m.end()),
                "stamp {t:?}"
            );
            let want = dot
                .captures(t)
                .map(|c| (c.get(1).unwrap().range(), c.get(0).unwrap().end()));
            assert_eq!(dot_label(t), want, "dot {t:?}");
            let want = wrapped.captures(t).map(|c| {
                (
                    c.get(1).unwrap().range(),
                    c.get(2).unwrap().range(),
                    c.get(0).unwrap().end(),
                )
            });
            assert_eq!(wrapped_label(t), want, "wrapped {t:?}");
        }
    }

    #[test]
    fn date_matchers_decide_what_their_patterns_decide() {
        let iso = Regex::new(r"\b\d{4}-\d{2}-\d{2}\b").unwrap();
        let numeric =
            Regex::new(r"\b(?:\d{1,2}[./]\d{1,2}[./]\d{4}|\d{4}/\d{1,2}/\d{1,2})\b").unwrap();
        let cjk =
            Regex::new(r"(\d{4})\s*[年년]\s*(\d{1,2})\s*[月월]\s*(\d{1,2})\s*[日일]").unwrap();
        let pieces = [
            "1", "12", "2024", "٣", "-", "/", ".", " ", "年", "년", "月", "월", "日", "일", "a",
            "é", "_", "中",
        ];
        let mut texts = cases(&pieces, 5);
        texts.extend(
            [
                "Houston – 2015-08-03",
                "x2015-08-03",
                "2015-08-033",
                "25/04/2024 and 2024/04/25",
                "1.2/2024/3/4",
                "2024/4/255 12/1/2024",
                "12024年 5 月20 日",
                "2024년 3월 15일",
                "2024年123月1日 2024年1月2日",
            ]
            .map(String::from),
        );
        for t in &texts {
            assert_eq!(
                find_iso_date(t),
                iso.find(t).map(|m| m.range()),
                "iso {t:?}"
            );
            let want: Vec<Range<usize>> = numeric.find_iter(t).map(|m| m.range()).collect();
            assert_eq!(numeric_dates(t), want, "numeric {t:?}");
            let want = cjk
                .captures(t)
                .map(|c| [0, 1, 2, 3].map(|i| c.get(i).unwrap().range()));
            assert_eq!(cjk_date(t), want, "cjk {t:?}");
        }
    }

    #[test]
    fn emphasis_matcher_finds_what_its_pattern_finds() {
        let re =
            Regex::new(r"(?m)(?:^|[^\w*_\\])([*_])[^*_\s](?:[^*_\n]*[^*_\s])?([*_])(?:[^\w*_]|$)")
                .unwrap();
        let pieces = [
            "*", "_", "**", "a", "é", "٣", " ", "\n", "\\", "(", "\u{a0}", "\t",
        ];
        let mut texts = combos(&pieces, 5);
        // Whole files too: matches run over line breaks and do not overlap.
        texts.extend(crate::test_corpus::files());
        texts.extend(
            [
                "*a* *b* _c_ __d__ **e**\n*f*\n_g_x *h *i* j*",
                "x*y* (*z*) \\*w* *v*. *u*\n",
                "*a*\n*b*\n_c_\n",
            ]
            .map(String::from),
        );
        let mut found = 0;
        for t in &texts {
            let want: Vec<(usize, usize)> = re
                .captures_iter(t)
                .map(|c| (c.get(1).unwrap().start(), c.get(2).unwrap().start()))
                .collect();
            assert_eq!(emphasis_marks(t), want, "{t:?}");
            found += want.len();
        }
        assert!(found > 1_000, "{found}");
    }

    #[test]
    fn cue_timing_matcher_decides_what_its_pattern_decides() {
        let re = Regex::new(
            r"^\s*(?:\d{1,2}:)?\d{1,2}:\d{2}[.,]\d{1,3}\s*-->\s*(?:\d{1,2}:)?\d{1,2}:\d{2}[.,]\d{1,3}",
        )
        .unwrap();
        let pieces = [
            "1", "12", "٣", ":", ":00", ".", ",5", "000", " ", "\n", "-->", "-", ">",
        ];
        let mut texts = cases(&pieces, 5);
        texts.extend(
            [
                "00:01:02,500 --> 00:01:04,000",
                "1:02.5-->1:04.0 x",
                "  12:34.567 --> 1:2:34.5",
                "12:34.5678 --> 1:23.4",
                "123:45.6 --> 1:23.4",
            ]
            .map(String::from),
        );
        for t in &texts {
            assert_eq!(is_cue_timing(t), re.is_match(t), "{t:?}");
            assert_eq!(cue_timing_end(t), re.find(t).map(|m| m.end()), "{t:?}");
        }
    }
}
