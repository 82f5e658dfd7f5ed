//! Lines of the source with byte spans, and what each line is on its own: blank, chrome,
//! photo row, source line, timestamp, or text. Also splits one-line podcast transcripts at
//! their inline speaker names, so later stages see one turn per line.

use crate::lexicon::{self, lexicon};
use std::ops::Range;

/// One line (or a piece of a split line), trimmed, with its byte span in the source.
#[derive(Debug, Clone)]
pub struct Line {
    pub span: Range<usize>,
    pub kind: LineKind,
    /// The block (run of non-blank raw lines) this line belongs to.
    pub block: usize,
}

#[derive(Debug, Clone, PartialEq)]
pub enum LineKind {
    Blank,
    Chrome(&'static str),
    /// `![alt](url)` with an optional trailing `|`.
    Photo {
        alt: Option<String>,
        url: Option<String>,
    },
    /// `Sumber: https://…`; the span of the URL.
    Source {
        url: String,
        url_span: Range<usize>,
    },
    Text,
}

impl Line {
    pub fn text<'a>(&self, src: &'a str) -> &'a str {
        &src[self.span.clone()]
    }
}

/// The index of the line whose span holds byte `pos`. Spans are disjoint and in source
/// order, so a binary search finds it: looking up every label's line stays linear overall.
pub fn line_at(ls: &[Line], pos: usize) -> Option<usize> {
    let i = ls.partition_point(|l| l.span.start <= pos).checked_sub(1)?;
    ls[i].span.contains(&pos).then_some(i)
}

/// Whitespace, or a zero-width filler (U+200B, U+00AD) that readers of marked-up formats
/// write where markup was.
pub fn is_blank_char(c: char) -> bool {
    c.is_whitespace() || c == '\u{200b}' || c == '\u{ad}'
}

/// Splits the source into classified lines.
pub fn lines(src: &str) -> Vec<Line> {
    let mut out = Vec::new();
    let mut pos = 0;
    let mut block = 0;
    let mut prev_blank = true;
    let latin_doc = !mostly_cjk(src);
    for raw in src.split_inclusive('\n') {
        let start = pos;
        pos += raw.len();
        let content = raw.trim_end_matches(['\n', '\r']);
        // Invisible fillers left by blanked-out markup count as space here.
        let lead = content.len() - content.trim_start_matches(is_blank_char).len();
        let mut span = start + lead..start + content.trim_end_matches(is_blank_char).len();
        if span.start > span.end {
            span = start..start;
        }
        // Timestamps at the start of a line say when, not who or what: drop them.
        let head = &src[span.clone()];
        if let Some(end) = crate::matchers::leading_clock(head) {
            span.start += end;
        }
        let text = &src[span.clone()];
        if text.trim_matches(is_blank_char).is_empty() {
            out.push(Line {
                span,
                kind: LineKind::Blank,
                block,
            });
            if !prev_blank {
                block += 1;
            }
            prev_blank = true;
            continue;
        }
        prev_blank = false;
        for piece in split_inline_speakers(src, span) {
            let kind = classify(&src[piece.clone()], piece.start, latin_doc);
            out.push(Line {
                span: piece,
                kind,
                block,
            });
        }
    }
    page_furniture(src, &mut out);
    breadcrumbs_in_place(src, &mut out);
    out
}

/// Why a line is a trail of navigation links (`Home › News › World`).
pub const BREADCRUMBS: &str = "breadcrumbs";

/// Breadcrumbs stand at a page's edges: above the first question, or below the last
/// words said (a tail marker such as `Comments`, `Quellen` opens the bottom edge). A
/// line shaped like one that stands between a question and later sentences (`Paris >
/// London > Berlin` as an answer, or inside one) is what someone said, and is kept.
fn breadcrumbs_in_place(src: &str, out: &mut [Line]) {
    let tail = |l: &Line| l.kind == LineKind::Chrome("comments or related list");
    let says = |l: &Line| l.kind == LineKind::Text && super::ends_sentence(l.text(src));
    let asks = |l: &Line| {
        l.kind == LineKind::Text
            && l.text(src)
                .trim_end_matches(['*', '_', ' '])
                .ends_with(['?', '？'])
    };
    // Whether a sentence follows each line before the next tail marker (one pass from
    // the end, so this stays linear).
    let mut said_after = vec![false; out.len()];
    let mut seen = false;
    for i in (0..out.len()).rev() {
        said_after[i] = seen;
        seen = !tail(&out[i]) && (seen || says(&out[i]));
    }
    let mut asked = false;
    let mut last_asks = false;
    for i in 0..out.len() {
        if out[i].kind == LineKind::Chrome(BREADCRUMBS) && asked && (said_after[i] || last_asks) {
            out[i].kind = LineKind::Text;
        }
        if out[i].kind != LineKind::Blank {
            asked = !tail(&out[i]) && (asked || asks(&out[i]));
            last_asks = asks(&out[i]);
        }
    }
}

/// Why a line is a page's running header or footer (see `page_furniture`).
pub const PAGE_FURNITURE: &str = "page header or footer";

/// Running headers and footers of a PDF turned into text (`Harold Pennington, 6-17-2019
/// ··· Page 2`): a line that ends, after a wide gap, in a page number, and either says
/// `Page` or comes back with the same words on another page. They fall where the page
/// broke, often inside a turn, and belong to no one.
fn page_furniture(src: &str, out: &mut [Line]) {
    let key = |l: &Line| -> Option<(String, bool)> {
        if l.kind != LineKind::Text {
            return None;
        }
        let text = l.text(src);
        // The pattern ends in a digit: most lines need not run it.
        if !text.ends_with(char::is_numeric) {
            return None;
        }
        let (head, says_page) = crate::matchers::page_number(text)?;
        let words = text[head].split_whitespace().collect::<Vec<_>>().join(" ");
        (words.chars().count() <= 80).then(|| (words.to_lowercase(), says_page))
    };
    let keys: Vec<Option<(String, bool)>> = out.iter().map(key).collect();
    for (i, k) in keys.iter().enumerate() {
        let Some((words, says_page)) = k else {
            continue;
        };
        let again = keys
            .iter()
            .enumerate()
            .any(|(j, o)| j != i && o.as_ref().is_some_and(|(w, _)| w == words));
        if *says_page || again {
            out[i].kind = LineKind::Chrome(PAGE_FURNITURE);
        }
    }
}

fn classify(text: &str, offset: usize, latin_doc: bool) -> LineKind {
    let lex = lexicon();
    if let Some((alt, url)) = crate::matchers::photo_row(text) {
        let nonempty = |r: Range<usize>| Some(text[r].trim().to_string()).filter(|s| !s.is_empty());
        return LineKind::Photo {
            alt: nonempty(alt),
            url: nonempty(url),
        };
    }
    // An image address alone on its line: the photo of a scraped page.
    if text.contains("//") && crate::matchers::is_image_address(text.trim()) {
        return LineKind::Photo {
            alt: None,
            url: Some(text.trim().to_string()),
        };
    }
    // The prefix must be followed by a colon: a line without one need not look it up.
    let colon = memchr::memchr(b':', text.as_bytes()).is_some() || text.contains('：');
    if let Some(prefix) = colon
        .then(|| lexicon::starts_with_phrase(&lex.source_prefixes, text))
        .flatten()
    {
        let rest = &text[prefix.len().min(text.len())..];
        if rest.trim_start().starts_with([':', '：']) {
            if let Some(m) = crate::matchers::find_url(rest) {
                let url = rest[m.clone()]
                    .trim_end_matches(['.', ',', ')', '|'])
                    .to_string();
                let s = offset + (text.len() - rest.len()) + m.start;
                return LineKind::Source {
                    url_span: s..s + url.len(),
                    url,
                };
            }
        }
    }
    if let Some(why) = chrome(text, latin_doc) {
        return LineKind::Chrome(why);
    }
    LineKind::Text
}

/// Why a line is site chrome, if it is.
pub fn chrome(text: &str, latin_doc: bool) -> Option<&'static str> {
    let lex = lexicon();
    let t = text
        .trim()
        .trim_matches(|c: char| matches!(c, '|' | '›' | '»' | '•' | '·' | '>' | '<' | '«'))
        .trim();
    if t.is_empty() || t.chars().all(|c| !c.is_alphanumeric()) {
        return Some("separator");
    }
    // The line's lower case is made only for the few lines a rule needs it of; the
    // lexicon lookups lower-case what they look at themselves, and most lines are
    // prose that no phrase starts and no list holds whole.
    let mut lower = lexicon::Lowered::new(t);
    if lexicon::contains(&lex.chrome_lines, t) {
        return Some("chrome phrase");
    }
    // `Read more: …`, `Share: Facebook Twitter`: a chrome phrase as a prefix. A colon
    // must follow it, and only `:` lower-cases to one: a line without one need not look.
    if t.contains(':') {
        if let Some(p) = lexicon::starts_with_phrase(&lex.chrome_lines, t) {
            if lower.get()[p.len()..].trim_start().starts_with(':') && t.chars().count() < 150 {
                return Some("link or button text");
            }
        }
    }
    if lexicon::lower_starts_with(t, "skip to ") {
        return Some("skip link");
    }
    if tail_marker(t, &mut lower) {
        return Some("comments or related list");
    }
    // Share buttons glued together: nothing is left after removing share words.
    if !t.contains(' ') && t.len() >= 8 {
        // Removing share words removes only their letters: three letters or digits that
        // are in none of them stay, and no share rule can hold (a long unspaced line of
        // CJK prose is decided by its first characters, without lower-casing it).
        if share_rule_may_hold(t, &mut lower) {
            let mut rest = lower.get().to_string();
            let mut removed = 0;
            for w in share_words_longest_first() {
                if w.len() >= 4 && rest.contains(w.as_str()) {
                    rest = rest.replace(w.as_str(), "");
                    removed += 1;
                }
            }
            if removed >= 2 && rest.chars().filter(|c| c.is_alphanumeric()).count() <= 2 {
                return Some("share buttons");
            }
        }
        // Navigation links glued together: `PeopleProgramsNewsInfo`. (Letters only is
        // the cheaper test, and most lines fail it at once.)
        if t.chars().all(|c| c.is_alphabetic()) {
            let humps = t
                .char_indices()
                .filter(|(i, c)| {
                    *i > 0
                        && c.is_uppercase()
                        && t[..*i].chars().last().is_some_and(|p| p.is_lowercase())
                })
                .count();
            if humps >= 3 {
                return Some("navigation glued into one line");
            }
        }
    }
    // A link text repeated twice on one line. Its first word comes again after it, and
    // its last word before it: two searches rule out most lines without their words
    // being counted.
    let mut ends = t.split_whitespace();
    if let (Some(first), Some(last)) = (ends.next(), ends.next_back()) {
        let after_first = first.as_ptr() as usize - t.as_ptr() as usize + first.len();
        let before_last = last.as_ptr() as usize - t.as_ptr() as usize;
        if t[after_first..].contains(first) && t[..before_last].contains(last) {
            let words = t.split_whitespace().count();
            if words.is_multiple_of(2)
                && t.split_whitespace()
                    .take(words / 2)
                    .eq(t.split_whitespace().skip(words / 2))
            {
                return Some("repeated link text");
            }
        }
    }
    // Language switcher: only a line made of the names' letters can be one (a letter
    // nothing removes stays), and most lines are not. Its letters are lower-cased one
    // by one, which is the line's lower case but for `Σ` (decided by its neighbours).
    if t.split_whitespace().nth(6).is_none()
        && if t.contains('Σ') {
            lower
                .get()
                .chars()
                .all(|c| c.is_whitespace() || in_language_names(c))
        } else {
            t.chars()
                .flat_map(char::to_lowercase)
                .all(|c| c.is_whitespace() || in_language_names(c))
        }
        && {
            let l = lower.get();
            let mut rest = l.to_string();
            for n in &lex.language_names {
                if rest.contains(n.as_str()) {
                    rest = rest.replace(n.as_str(), "");
                }
            }
            rest.trim().is_empty() && l.len() > 2
        }
    {
        return Some("language switcher");
    }
    // Breadcrumbs: Home › News › World — a trail of short link texts, none a sentence or
    // markup (`the <code> and <pre> elements` has two `>` and is no trail).
    // (Lines of 120 bytes or more are neither kind of breadcrumbs: not split.)
    // (Fewer than two separators make fewer than three parts: not split either.)
    // (`›` and `»` end in bytes 0xBA and 0xBB: fewer than two such bytes and `>`s, fewer
    // than two separators, which most lines show without being searched by character.)
    let trail: Vec<&str> = if t.len() < 120
        && t.bytes()
            .filter(|&b| matches!(b, b'>' | 0xBA | 0xBB))
            .nth(1)
            .is_some()
        && t.matches(['›', '»', '>']).nth(1).is_some()
    {
        t.split(['›', '»', '>']).map(str::trim).collect()
    } else {
        Vec::new()
    };
    if trail.len() >= 3
        && t.len() < 120
        && trail.iter().all(|p| {
            !p.is_empty()
                && p.split_whitespace().count() <= 4
                && !ends_with_stop(p)
                && !p.contains('<')
        })
    {
        return Some(BREADCRUMBS);
    }
    // Breadcrumbs with slashes: `Home / Opinion`, `Beranda / Nasional / Wawancara`; two
    // crumbs with any separator when the first is the home link (`الرئيسية > ثقافة`).
    let crumbs: Vec<&str> = if t.len() < 120 {
        section_parts(t)
    } else {
        Vec::new()
    };
    if crumbs.len() >= 2
        && t.len() < 120
        && crumbs
            .iter()
            .all(|p| p.split_whitespace().count() <= 3 && !ends_with_stop(p))
        && (crumbs.len() >= 3 || lexicon::contains(&lex.chrome_lines, crumbs[0]))
    {
        return Some(BREADCRUMBS);
    }
    // Menus: `Politics | World | Business`.
    let parts: Vec<&str> = if memchr::memchr_iter(b'|', t.as_bytes()).nth(1).is_some() {
        t.split('|').map(str::trim).collect()
    } else {
        Vec::new()
    };
    if parts.len() >= 3
        && parts
            .iter()
            .all(|p| p.split_whitespace().count() <= 4 && !ends_with_stop(p))
    {
        return Some("menu");
    }
    // Footers: copyright lines (`©` and digits are their own lower case, and nothing
    // else lower-cases to them).
    if lexicon::lower_starts_with(t, "copyright ©")
        || (t.starts_with('©') && t.bytes().any(|b| b.is_ascii_digit()))
        || lexicon::lower_contains(t, "rights reserved")
            && (t.contains('©') || lexicon::lower_contains(t, "copyright"))
    {
        return Some("footer");
    }
    // Wrappers in another script (CJK around a Latin-script interview).
    if latin_doc && mostly_cjk(t) {
        return Some("text in another script around the interview");
    }
    None
}

/// The share words, longest first (each removed before its parts: `googleplus` before
/// `google`).
fn share_words_longest_first() -> &'static [&'static String] {
    static WORDS: std::sync::OnceLock<Vec<&'static String>> = std::sync::OnceLock::new();
    WORDS.get_or_init(|| {
        let mut words: Vec<&String> = lexicon().share_words.iter().collect();
        words.sort_by_key(|w| std::cmp::Reverse(w.len()));
        words
    })
}

/// True when `c` is in one of the language names of a language switcher.
fn in_language_names(c: char) -> bool {
    // ASCII letters, most of what is asked, by a table rather than a hash.
    type Chars = ([bool; 128], std::collections::HashSet<char>);
    static CHARS: std::sync::OnceLock<Chars> = std::sync::OnceLock::new();
    let (ascii, other) = CHARS.get_or_init(|| {
        let all: std::collections::HashSet<char> = lexicon()
            .language_names
            .iter()
            .flat_map(|n| n.chars())
            .collect();
        let mut ascii = [false; 128];
        for &c in all.iter().filter(|c| c.is_ascii()) {
            ascii[c as usize] = true;
        }
        (ascii, all)
    });
    if c.is_ascii() {
        ascii[c as usize]
    } else {
        other.contains(&c)
    }
}

/// The parts of a navigation line split at its separator (` / `, ` > `, ` › `, ` » `,
/// ` | `), or the whole line when it has none.
pub fn section_parts(t: &str) -> Vec<&str> {
    // Every separator holds one of these bytes (`›` and `»` end in 0xBA and 0xBB): a line
    // without any has none of them, and is not searched five times.
    if !t
        .bytes()
        .any(|b| matches!(b, b'/' | b'>' | b'|' | 0xBA | 0xBB))
    {
        return vec![t];
    }
    for sep in [" / ", " > ", " › ", " » ", " | "] {
        if t.contains(sep) {
            return t.split(sep).map(str::trim).collect();
        }
    }
    vec![t]
}

/// `Features / Music`, `Cronaca | Ambiente`: a section kicker above the headline — two
/// or three short parts, none a sentence.
pub fn section_kicker(t: &str) -> bool {
    let parts = section_parts(t);
    (2..=3).contains(&parts.len())
        && t.chars().count() < 60
        && parts
            .iter()
            .all(|p| !p.is_empty() && p.split_whitespace().count() <= 3 && !ends_with_stop(p))
}

fn ends_with_stop(p: &str) -> bool {
    p.ends_with(['.', '?', '!'])
}

/// `Comments (0)`, `Komentar (12)`, `Related articles`, `Tags: …` — after such a line at
/// the end of the text everything is chrome.
pub fn is_tail_marker(text: &str) -> bool {
    tail_marker(text, &mut lexicon::Lowered::new(text))
}

/// `is_tail_marker`, with the lower case of `text` when the caller has one made
/// (`chrome`): it is used when trimming leaves `text` as it is.
fn tail_marker<'a>(text: &'a str, lowered: &mut lexicon::Lowered<'a>) -> bool {
    let lex = lexicon();
    let t = text.trim().trim_end_matches(':').trim();
    if lexicon::contains(&lex.tail_markers, t) {
        return true;
    }
    let mut own;
    let lower = if t.len() == text.len() {
        lowered
    } else {
        own = lexicon::Lowered::new(t);
        &mut own
    };
    // The pattern's branches end in `(12)` or open with `12 `: other lines need not run
    // (or compile) it. (A line's lower case ends with `)`, opens with a numeral and holds
    // one just where the line does.)
    let count_like =
        (t.ends_with(')') || t.starts_with(char::is_numeric)) && t.contains(char::is_numeric);
    if let Some(w) = count_like
        .then(|| crate::matchers::count_words(lower.get()))
        .flatten()
    {
        return lexicon::contains(&lex.tail_markers, w.trim());
    }
    // A colon must follow the phrase (only `:` lower-cases to one), in a line under 200
    // bytes: other lines need not look it up.
    if t.len() >= 200 || !t.contains(':') {
        return false;
    }
    if let Some(p) = lexicon::starts_with_phrase(&lex.tail_markers, t) {
        return lower.get()[p.len()..].trim_start().starts_with(':');
    }
    false
}

/// Whether the share-button rule could hold for `t` (unspaced): false once three letters
/// or digits of its lower case are in no share word (removing the words leaves them).
fn share_rule_may_hold(t: &str, lower: &mut lexicon::Lowered) -> bool {
    static CHARS: std::sync::OnceLock<std::collections::HashSet<char>> = std::sync::OnceLock::new();
    let chars = CHARS.get_or_init(|| {
        lexicon()
            .share_words
            .iter()
            .flat_map(|w| w.chars())
            .collect()
    });
    let kept = |c: &char| c.is_alphanumeric() && !chars.contains(c);
    // Lower-cased one by one, which is the line's lower case but for `Σ` (decided by its
    // neighbours).
    if t.contains('Σ') {
        lower.get().chars().filter(kept).nth(2).is_none()
    } else {
        t.chars()
            .flat_map(char::to_lowercase)
            .filter(kept)
            .nth(2)
            .is_none()
    }
}

fn is_cjk(c: char) -> bool {
    matches!(c as u32, 0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xAC00..=0xD7AF | 0xF900..=0xFAFF | 0xFF66..=0xFF9F)
}

fn mostly_cjk(t: &str) -> bool {
    // ASCII has no CJK, and most lines and texts are ASCII.
    if t.is_ascii() {
        return false;
    }
    // One pass: runs of ASCII are counted many bytes at a time, and the commonest other
    // letters (Latin, Han, Hangul) are told without the Unicode tables (this runs on every
    // line and on the whole text).
    let b = t.as_bytes();
    let (mut letters, mut cjk) = (0usize, 0usize);
    let mut i = 0;
    while i < b.len() {
        // Every CJK character takes three bytes: once the rest of the text could not
        // bring the CJK count past half the letters, the answer is no. (Tested once per
        // run of ASCII rather than per byte: it only ever stops on a no.)
        if (cjk + (b.len() - i) / 3) * 2 <= letters {
            return false;
        }
        if b[i].is_ascii() {
            let end = b[i..]
                .iter()
                .position(|x| !x.is_ascii())
                .map_or(b.len(), |p| i + p);
            letters += b[i..end].iter().filter(|x| x.is_ascii_alphabetic()).count();
            i = end;
            continue;
        }
        let Some(c) = t[i..].chars().next() else {
            break;
        };
        letters += usize::from(is_letter(c));
        cjk += usize::from(is_cjk(c));
        i += c.len_utf8();
    }
    letters > 0 && cjk * 2 > letters
}

/// `char::is_alphabetic` of a character outside ASCII, with the blocks wholly made of
/// letters (Latin-1 and Latin Extended but for `×` and `÷`, Latin Extended Additional,
/// CJK Unified Ideographs, Hangul syllables) answered without a table lookup.
fn is_letter(c: char) -> bool {
    matches!(c as u32, 0xC0..=0xD6 | 0xD8..=0xF6 | 0xF8..=0x24F | 0x1E00..=0x1EFF | 0x4E00..=0x9FFF | 0xAC00..=0xD7A3)
        || c.is_alphabetic()
}

/// A long line holding a whole transcript (`Host: Hi. Guest: Hello. Host: …`) is split at
/// the speaker names, when at least two names each speak at least twice.
fn split_inline_speakers(src: &str, span: Range<usize>) -> Vec<Range<usize>> {
    let text = &src[span.clone()];
    if text.len() < 200 {
        return vec![span];
    }
    // A split needs two names with two turns each: four `Name: ` hits, each ending in a
    // colon and a space. Fewer such colons, and the names need not be looked for.
    let colons = text
        .match_indices(':')
        .filter(|(i, _)| text[i + 1..].starts_with(char::is_whitespace))
        .count();
    if colons < 4 {
        return vec![span];
    }
    let hits: Vec<(usize, String)> = crate::matchers::inline_speakers(text)
        .into_iter()
        .map(|r| (r.start, text[r].to_string()))
        .collect();
    let mut counts: std::collections::BTreeMap<&str, usize> = Default::default();
    for (_, name) in &hits {
        *counts.entry(name.as_str()).or_default() += 1;
    }
    let repeated: Vec<&str> = counts
        .iter()
        .filter(|(_, n)| **n >= 2)
        .map(|(k, _)| *k)
        .collect();
    if repeated.len() < 2 {
        return vec![span];
    }
    let mut cuts: Vec<usize> = hits
        .iter()
        .filter(|(_, n)| repeated.contains(&n.as_str()))
        .map(|(s, _)| *s)
        .collect();
    if cuts.first() != Some(&0) {
        cuts.insert(0, 0);
    }
    let mut out = Vec::new();
    for (i, s) in cuts.iter().enumerate() {
        let e = cuts.get(i + 1).copied().unwrap_or(text.len());
        let piece = &text[*s..e];
        let lead = piece.len() - piece.trim_start().len();
        let a = span.start + s + lead;
        let b = span.start + s + piece.trim_end().len();
        if a < b {
            out.push(a..b);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `chrome` as it was before it lower-cased lazily.
    fn old_chrome(text: &str, latin_doc: bool) -> Option<&'static str> {
        let lex = lexicon();
        let t = text
            .trim()
            .trim_matches(|c: char| matches!(c, '|' | '›' | '»' | '•' | '·' | '>' | '<' | '«'))
            .trim();
        let lower = t.to_lowercase();
        if t.is_empty() || t.chars().all(|c| !c.is_alphanumeric()) {
            return Some("separator");
        }
        if lexicon::contains(&lex.chrome_lines, &lower) {
            return Some("chrome phrase");
        }
        // `Read more: …`, `Share: Facebook Twitter`: a chrome phrase as a prefix.
        if let Some(p) = lexicon::starts_with_phrase(&lex.chrome_lines, &lower) {
            if lower[p.len()..].trim_start().starts_with(':') && t.chars().count() < 150 {
                return Some("link or button text");
            }
        }
        if lower.starts_with("skip to ") {
            return Some("skip link");
        }
        if old_tail_marker(t, Some(&lower)) {
            return Some("comments or related list");
        }
        // Share buttons glued together: nothing is left after removing share words.
        if !t.contains(' ') && t.len() >= 8 {
            let mut rest = lower.clone();
            let mut removed = 0;
            for w in share_words_longest_first() {
                if w.len() >= 4 && rest.contains(w.as_str()) {
                    rest = rest.replace(w.as_str(), "");
                    removed += 1;
                }
            }
            if removed >= 2 && rest.chars().filter(|c| c.is_alphanumeric()).count() <= 2 {
                return Some("share buttons");
            }
            // Navigation links glued together: `PeopleProgramsNewsInfo`.
            let humps = t
                .char_indices()
                .filter(|(i, c)| {
                    *i > 0
                        && c.is_uppercase()
                        && t[..*i].chars().last().is_some_and(|p| p.is_lowercase())
                })
                .count();
            if humps >= 3 && t.chars().all(|c| c.is_alphabetic()) {
                return Some("navigation glued into one line");
            }
        }
        // A link text repeated twice on one line.
        let words = t.split_whitespace().count();
        if words >= 2
            && words.is_multiple_of(2)
            && t.split_whitespace()
                .take(words / 2)
                .eq(t.split_whitespace().skip(words / 2))
        {
            return Some("repeated link text");
        }
        // Language switcher: only a line made of the names' letters can be one (a letter
        // nothing removes stays), and most lines are not.
        if words <= 6
            && lower
                .chars()
                .all(|c| c.is_whitespace() || in_language_names(c))
            && {
                let l = lower.clone();
                let mut rest = l.clone();
                for n in &lex.language_names {
                    if rest.contains(n.as_str()) {
                        rest = rest.replace(n.as_str(), "");
                    }
                }
                rest.trim().is_empty() && l.len() > 2
            }
        {
            return Some("language switcher");
        }
        // Breadcrumbs: Home › News › World — a trail of short link texts, none a sentence or
        // markup (`the <code> and <pre> elements` has two `>` and is no trail).
        // (Lines of 120 bytes or more are neither kind of breadcrumbs: not split.)
        // (Fewer than two separators make fewer than three parts: not split either.)
        let trail: Vec<&str> = if t.len() < 120 && t.matches(['›', '»', '>']).nth(1).is_some() {
            t.split(['›', '»', '>']).map(str::trim).collect()
        } else {
            Vec::new()
        };
        if trail.len() >= 3
            && t.len() < 120
            && trail.iter().all(|p| {
                !p.is_empty()
                    && p.split_whitespace().count() <= 4
                    && !ends_with_stop(p)
                    && !p.contains('<')
            })
        {
            return Some(BREADCRUMBS);
        }
        // Breadcrumbs with slashes: `Home / Opinion`, `Beranda / Nasional / Wawancara`; two
        // crumbs with any separator when the first is the home link (`الرئيسية > ثقافة`).
        let crumbs: Vec<&str> = if t.len() < 120 {
            section_parts(t)
        } else {
            Vec::new()
        };
        if crumbs.len() >= 2
            && t.len() < 120
            && crumbs
                .iter()
                .all(|p| p.split_whitespace().count() <= 3 && !ends_with_stop(p))
            && (crumbs.len() >= 3
                || lexicon::contains(&lex.chrome_lines, &crumbs[0].to_lowercase()))
        {
            return Some(BREADCRUMBS);
        }
        // Menus: `Politics | World | Business`.
        let parts: Vec<&str> = if t.matches('|').nth(1).is_some() {
            t.split('|').map(str::trim).collect()
        } else {
            Vec::new()
        };
        if parts.len() >= 3
            && parts
                .iter()
                .all(|p| p.split_whitespace().count() <= 4 && !ends_with_stop(p))
        {
            return Some("menu");
        }
        // Footers: copyright lines.
        if (lower.contains('©') || lower.contains("copyright")) && lower.contains("rights reserved")
            || lower.starts_with("copyright ©")
            || (lower.starts_with('©') && lower.chars().any(|c| c.is_ascii_digit()))
        {
            return Some("footer");
        }
        // Wrappers in another script (CJK around a Latin-script interview).
        if latin_doc && mostly_cjk(t) {
            return Some("text in another script around the interview");
        }
        None
    }

    /// `tail_marker` as it was before: `is_tail_marker`, given `text` lower-cased when the caller has it (`chrome`): it is
    /// used when trimming leaves `text` as it is.
    fn old_tail_marker(text: &str, lowered: Option<&str>) -> bool {
        let lex = lexicon();
        let t = text.trim().trim_end_matches(':').trim();
        let lower: std::borrow::Cow<str> = match lowered {
            Some(l) if t.len() == text.len() => l.into(),
            _ => t.to_lowercase().into(),
        };
        let lower: &str = &lower;
        if lexicon::contains(&lex.tail_markers, lower) {
            return true;
        }
        // The pattern's branches end in `(12)` or open with `12 `: other lines need not run
        // (or compile) it.
        let count_like = (lower.ends_with(')') || lower.starts_with(char::is_numeric))
            && lower.contains(char::is_numeric);
        if let Some(w) = count_like
            .then(|| crate::matchers::count_words(lower))
            .flatten()
        {
            return lexicon::contains(&lex.tail_markers, w.trim());
        }
        if let Some(p) = lexicon::starts_with_phrase(&lex.tail_markers, lower) {
            return lower[p.len()..].trim_start().starts_with(':') && t.len() < 200;
        }
        false
    }

    #[test]
    fn chrome_decides_as_it_did_when_it_lower_cased_every_line() {
        let mut texts = crate::test_corpus::lines();
        texts.extend(crate::test_corpus::tricky_lines());
        for t in &texts {
            for latin in [true, false] {
                assert_eq!(chrome(t, latin), old_chrome(t, latin), "{t:?}");
            }
            assert_eq!(is_tail_marker(t), old_tail_marker(t, None), "{t:?}");
        }
    }

    /// `section_parts` as it was before it looked for a separator's bytes first.
    fn old_section_parts(t: &str) -> Vec<&str> {
        for sep in [" / ", " > ", " › ", " » ", " | "] {
            if t.contains(sep) {
                return t.split(sep).map(str::trim).collect();
            }
        }
        vec![t]
    }

    /// Lines that reach the rules the guards and word counts of `chrome` changed: words
    /// apart by every kind of white space, halves that repeat, unspaced share buttons
    /// and CJK prose, separators and bytes that only look like them (`º`, `»`).
    fn chrome_stress_lines() -> Vec<String> {
        let pieces = [
            "Home",
            "home",
            "facebook",
            "Twitter",
            "google_plus",
            "微信",
            "本站新闻",
            "中文",
            "ΣΟΦΟΣ",
            "English",
            "Español",
            "› ",
            " » ",
            " > ",
            ">",
            "º",
            "»",
            " / ",
            " | ",
            "|",
            " ",
            "\u{a0}",
            "\u{2003}",
            "\u{3000}",
            "\t",
            "\u{b}",
            "\u{85}",
            "\u{200b}",
            "Read more:",
            "Comments:",
            "Sumber:",
            "© 2024",
            "1",
            "x",
        ];
        let mut out = Vec::new();
        for a in pieces {
            for b in pieces {
                out.push(format!("{a}{b}"));
                out.push(format!("{a}{b}{a}{b}"));
                out.push(format!("{a} {b} {a} {b}"));
                out.push(format!("{a}\u{a0}{b}\t{a} {b}"));
                for c in pieces {
                    out.push(format!("{a}{b}{c}"));
                    out.push(format!("{a} {c}{b} {a} {c}{b}"));
                }
            }
        }
        out
    }

    #[test]
    fn chrome_guards_decide_as_the_rules_did() {
        let mut texts = chrome_stress_lines();
        texts.extend(crate::test_corpus::lines());
        for t in &texts {
            for latin in [true, false] {
                assert_eq!(chrome(t, latin), old_chrome(t, latin), "{t:?}");
            }
            assert_eq!(is_tail_marker(t), old_tail_marker(t, None), "{t:?}");
            assert_eq!(section_parts(t), old_section_parts(t), "{t:?}");
        }
    }

    #[test]
    fn only_a_colon_lower_cases_to_a_colon() {
        // The colon guards of `chrome`, `tail_marker` and `classify` rest on this.
        for c in (0..=0x10ffff).filter_map(char::from_u32) {
            if c != ':' && c != '：' {
                assert!(!c.to_lowercase().any(|l| l == ':' || l == '：'), "{c:?}");
            }
        }
    }

    #[test]
    fn chrome_lines_are_recognized() {
        for t in [
            "Komentar (0)",
            "Comments (12)",
            "Facebooktwittergoogle_plusmail",
            "PeopleProgramsNewsInfoQuestions",
            "English English",
            "Return to home page Return to home page",
            "ADVERTISEMENT",
            "Skip to main content",
            "Home › World › Asia",
            "© 2024 Example Media. All rights reserved.",
            "本站新闻",
            "Politics | World | Business",
            "Read more: Rail strike ends after three days",
        ] {
            assert!(chrome(t, true).is_some(), "{t} is chrome");
        }
        for t in [
            "Duta Besar Vu Le Thai Hoang",
            "Why not?",
            "San José, Costa Rica",
            "Oral History Project",
            "We drove Paris > London > Berlin in two days.",
            "It is the <code> and <pre> elements that matter",
        ] {
            assert!(chrome(t, true).is_none(), "{t} is not chrome");
        }
    }

    #[test]
    fn letter_blocks_are_all_letters() {
        for c in (0x80..=0x10ffff).filter_map(char::from_u32) {
            assert_eq!(is_letter(c), c.is_alphabetic(), "{c:?}");
        }
    }

    /// `mostly_cjk` as it was before it counted runs of ASCII at once.
    fn old_mostly_cjk(t: &str) -> bool {
        if t.is_ascii() {
            return false;
        }
        let (mut letters, mut cjk) = (0usize, 0usize);
        for (i, c) in t.char_indices() {
            if (cjk + (t.len() - i) / 3) * 2 <= letters {
                return false;
            }
            if c.is_ascii() {
                letters += usize::from(c.is_ascii_alphabetic());
            } else {
                letters += usize::from(c.is_alphabetic());
                cjk += usize::from(is_cjk(c));
            }
        }
        letters > 0 && cjk * 2 > letters
    }

    #[test]
    fn mostly_cjk_decides_as_it_did() {
        let mut texts = crate::test_corpus::lines();
        texts.extend(crate::test_corpus::files());
        texts.extend(chrome_stress_lines());
        for t in &texts {
            assert_eq!(mostly_cjk(t), old_mostly_cjk(t), "{t:?}");
        }
    }

    #[test]
    fn mostly_cjk_stops_early_with_the_same_answer() {
        let full = |t: &str| {
            let letters = t.chars().filter(|c| c.is_alphabetic()).count();
            let cjk = t.chars().filter(|&c| is_cjk(c)).count();
            letters > 0 && cjk * 2 > letters
        };
        let parts = [
            "本站新闻",
            "Đại sứ",
            "ab",
            "・ー",
            "한국어",
            "“x”",
            " ",
            "12",
            "語",
        ];
        let mut texts = vec![String::new()];
        for a in parts {
            for b in parts {
                for c in parts {
                    texts.push(format!("{a}{b}{c}"));
                    texts.push(format!("{a}{a}{b} {c}{c}{c}"));
                }
            }
        }
        for t in &texts {
            assert_eq!(mostly_cjk(t), full(t), "{t}");
        }
    }

    #[test]
    fn breadcrumbs_only_at_the_edges_of_the_text() {
        let src = "Home > World > Europe\n\nWhich route did the tour take?\n\nParis > London > Berlin\n\nAnd then?\n\nWe rested.\n\nHome > World > Europe";
        let kinds: Vec<bool> = lines(src)
            .iter()
            .filter(|l| l.kind != LineKind::Blank)
            .map(|l| l.kind == LineKind::Chrome(BREADCRUMBS))
            .collect();
        assert_eq!(kinds, [true, false, false, false, false, true]);
    }

    #[test]
    fn page_headers_of_a_pdf_are_furniture() {
        let src = "A: We sold the milk to the cooperative, and\nHarold Pennington, 6-17-2019       Page 2\nday.\nIntro                 4\nChapter one        12\nOral History of Ann Lee       7\nOral History of Ann Lee       8";
        let ls = lines(src);
        let kinds: Vec<bool> = ls
            .iter()
            .map(|l| l.kind == LineKind::Chrome(PAGE_FURNITURE))
            .collect();
        // `Page 2` says so; the repeated header comes back; a one-off wide gap and a
        // number (a table of contents line) is no page furniture.
        assert_eq!(kinds, [false, true, false, false, false, true, true]);
    }

    #[test]
    fn timestamps_are_dropped_from_line_starts() {
        let src = "[12:04] Host: Hello there.\n00:01:23 Guest: Hi.";
        let ls = lines(src);
        assert_eq!(ls[0].text(src), "Host: Hello there.");
        assert_eq!(ls[1].text(src), "Guest: Hi.");
    }

    #[test]
    fn one_line_transcript_is_split_at_speakers() {
        let src = "Maya: Welcome to the show, it is good to have you here with us today. Leo: Thanks, Maya, glad to be here and to talk about the harbour project. Maya: What got you started on it in the first place? Leo: Honestly, a walk along the old docks one morning, when the fog was still low.";
        let ls = lines(src);
        let texts: Vec<&str> = ls.iter().map(|l| l.text(src)).collect();
        assert_eq!(texts.len(), 4, "{texts:?}");
        assert!(texts[1].starts_with("Leo: Thanks"));
    }
}
