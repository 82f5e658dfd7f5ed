//! HTML pages.
//!
//! The page is turned into text in place: tags are blanked out byte for byte, block-level
//! tags end a line, `<script>`, `<style>`, `<nav>`, `<header>`, `<footer>`, `<aside>`,
//! `<form>` and `<head>` content is dropped, entities are decoded into the bytes they
//! occupied, `<img>` becomes a photo row (`![alt](src) |`) when it fits, and a
//! `<figcaption>` ends with `|` so the caption joins its photo. The structure recognizer
//! then reads it like scraped text, with spans that point into the page itself. Elements
//! whose class or id names site furniture (related, share, comments …), text after the
//! last `</article>`, and section headings inside the interview are left out too. The
//! page's `<html lang>`, `article:published_time`, `<link rel="canonical">` (the record's
//! `url`: where the page says it lives) and, when the body shows no headline, `og:title`
//! or `<title>` are read as metadata; so are the headline and `datePublished` of a JSON-LD
//! article the page carries about itself and a shown `<time datetime>`, each with its
//! span. Lazy-loaded images give their real address (`data-src`, `srcset`), and a caption's
//! `class="credit"` element is its credit, whatever label it opens with.

use super::structure;
use crate::infer::dates;
use crate::lexicon::{self, lexicon};
use crate::model::{Interview, PubDate, Sourced};
use regex::Regex;
use std::sync::OnceLock;

/// True when the text is an HTML document or fragment.
pub fn looks_like(text: &str) -> bool {
    let t = text.trim_start_matches('\u{feff}').trim_start();
    // Every test below needs a `<` first; a plain text is not lower-cased to learn that.
    if !t.starts_with('<') {
        return false;
    }
    // Compared in any case where they stand, not in a lower-cased copy of the page.
    let t = t.as_bytes();
    let at = |i: usize, tag: &str| {
        t[i..]
            .get(..tag.len())
            .is_some_and(|b| b.eq_ignore_ascii_case(tag.as_bytes()))
    };
    at(0, "<!doctype html")
        || at(0, "<html")
        || memchr::memchr_iter(b'<', t).any(|i| at(i, "<p>") || at(i, "<p ") || at(i, "<body"))
}

const BLOCK: &[&str] = &[
    "p",
    "div",
    "br",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "tr",
    "td",
    "th",
    "table",
    "blockquote",
    "figure",
    "figcaption",
    "section",
    "article",
    "main",
    "dt",
    "dd",
    "dl",
    "hr",
    "pre",
    "title",
];
const VOID: &[&str] = &["img", "br", "hr", "meta", "link", "input", "source", "wbr"];
const DROP: &[&str] = &[
    "script", "style", "nav", "header", "footer", "aside", "form", "noscript", "head", "svg",
    "button", "iframe", "template",
];

/// Class or id values that mark site chrome only as a whole word (`id="header"`,
/// `class="top-bar"`): their parts (`header` in `entry-header`) also name parts of the
/// article itself, such as the block with the headline and byline.
const FURNITURE_WHOLE: &[&str] = &[
    "header",
    "footer",
    "masthead",
    "colophon",
    "top-bar",
    "topbar",
    "navbar",
    "nav",
    "menu",
    "pull-quote",
    "most-read",
    "mostread",
    "skip-link",
    "screen-reader-text",
    "visually-hidden",
    "sr-only",
];

/// True when the element's class or id names page furniture (`class="related-links"`).
fn furniture(attrs: &str) -> bool {
    ["class", "id"].iter().any(|a| {
        attr(attrs, a).is_some_and(|v| {
            v.split(|c: char| c.is_whitespace() || c == '-' || c == '_')
                .chain(v.split_whitespace())
                .any(|w| lexicon::contains(&lexicon().furniture_classes, w))
                || v.split_whitespace()
                    .any(|w| FURNITURE_WHOLE.contains(&w.to_lowercase().as_str()))
        })
    })
}

fn tag_re() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    R.get_or_init(|| Regex::new(r"(?s)<!--.*?-->|<![^>]*>|<\?[^>]*>|<(/?)([a-zA-Z][a-zA-Z0-9]*)\b([^>]*)>|&(#[0-9]+|#[xX][0-9a-fA-F]+|[a-zA-Z]+);").unwrap())
}

/// The value of attribute `name` in a tag's attribute text (exact name, any case).
fn attr(attrs: &str, name: &str) -> Option<String> {
    // One compiled pattern for every tag of every page (this runs per element).
    static ATTR: OnceLock<Regex> = OnceLock::new();
    let re = ATTR.get_or_init(|| {
        Regex::new(r#"([A-Za-z_:][-A-Za-z0-9_:.]*)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>"']+))"#)
            .unwrap()
    });
    re.captures_iter(attrs)
        .find(|c| c[1].eq_ignore_ascii_case(name))
        .and_then(|c| c.get(2).or(c.get(3)).or(c.get(4)))
        .map(|m| m.as_str().to_string())
}

/// An attribute or title value with its character references (`&amp;`, `&#233;`) decoded.
fn decode_entities(v: &str) -> String {
    static ENT: OnceLock<Regex> = OnceLock::new();
    let re = ENT.get_or_init(|| Regex::new(r"&(#?[A-Za-z0-9]{1,8});").unwrap());
    re.replace_all(v, |c: &regex::Captures| {
        entity(&c[1]).map_or_else(|| c[0].to_string(), |ch| ch.to_string())
    })
    .into_owned()
}

fn entity(name: &str) -> Option<char> {
    if let Some(num) = name.strip_prefix('#') {
        let n = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse().ok()?,
        };
        return char::from_u32(n);
    }
    Some(match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => ' ',
        "ndash" => '–',
        "mdash" => '—',
        "hellip" => '…',
        "laquo" => '«',
        "raquo" => '»',
        "lsquo" => '‘',
        "rsquo" => '’',
        "ldquo" => '“',
        "rdquo" => '”',
        "copy" => '©',
        "eacute" => 'é',
        "egrave" => 'è',
        "agrave" => 'à',
        "ccedil" => 'ç',
        "uuml" => 'ü',
        "ouml" => 'ö',
        "auml" => 'ä',
        "iquest" => '¿',
        "iexcl" => '¡',
        "ntilde" => 'ñ',
        "aacute" => 'á',
        "iacute" => 'í',
        "oacute" => 'ó',
        "uacute" => 'ú',
        _ => return None,
    })
}

fn put(out: &mut [u8], at: usize, len: usize, s: &str) -> bool {
    if s.len() > len {
        return false;
    }
    for b in &mut out[at..at + len] {
        *b = b' ';
    }
    out[at..at + s.len()].copy_from_slice(s.as_bytes());
    true
}

/// Writes `s` and fills the rest of the bytes with zero-width characters, so that an
/// entity or inline tag inside a word leaves the word whole (`C&oacute;mo` → `Cómo`).
pub(crate) fn put_tight(out: &mut [u8], at: usize, len: usize, s: &str) {
    let mut fill = String::from(s);
    let mut rest = len.saturating_sub(s.len());
    while rest > 0 {
        let (ch, n) = match rest {
            1 => (" ", 1),
            2 | 4 => ("\u{ad}", 2),
            _ => ("\u{200b}", 3),
        };
        fill.push_str(ch);
        rest -= n;
    }
    if fill.len() == len {
        out[at..at + len].copy_from_slice(fill.as_bytes());
    } else {
        put(out, at, len, s);
    }
}

/// Whether an inline tag leaves no gap: an opening tag inside a word (`C<b>ó</b>mo`), a
/// closing one before punctuation (`</em>.`, `</i>,`). Next to a space or another tag the
/// tag becomes spaces, so what follows (`<span class="credit">Foto: …`) starts a word as
/// printed and nothing invisible trails a phrase; a closing tag before a letter ends a
/// phrase (`<b>Q:</b>Why`).
pub(crate) fn inline_is_tight(text: &str, start: usize, end: usize, closing: bool) -> bool {
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    let space = |c: Option<char>| c.is_none_or(char::is_whitespace);
    if space(before) || space(after) || after == Some('<') {
        return false;
    }
    !closing || !after.is_some_and(char::is_alphanumeric)
}

/// Where an `<img>`'s picture is. Lazy-loading pages put a placeholder (a `data:` URI or
/// nothing) in `src` and the picture in `data-src`, `data-lazy-src`, `data-original` or a
/// `srcset`; the first candidate of a srcset is taken as printed.
fn image_source(attrs: &str) -> String {
    let real = |v: &String| !v.trim().is_empty() && !v.trim_start().starts_with("data:");
    if let Some(src) = attr(attrs, "src").filter(real) {
        return src;
    }
    for key in ["data-src", "data-lazy-src", "data-original", "data-url"] {
        if let Some(v) = attr(attrs, key).filter(real) {
            return v;
        }
    }
    for key in ["data-srcset", "data-lazy-srcset", "srcset"] {
        if let Some(v) = attr(attrs, key) {
            let first = v.split(',').next().unwrap_or("").split_whitespace().next();
            if let Some(url) = first.filter(|u| !u.starts_with("data:")) {
                return url.to_string();
            }
        }
    }
    String::new()
}

/// The page as text, same length as the page.
pub fn mask(page: &str) -> String {
    let mut out = page.as_bytes().to_vec();
    let mut drop_depth: Vec<String> = Vec::new();
    let mut last = 0;
    for c in tag_re().captures_iter(page) {
        let m = c.get(0).expect("match");
        // Text between tags inside a dropped element goes too.
        if !drop_depth.is_empty() {
            for b in &mut out[last..m.start()] {
                if *b != b'\n' {
                    *b = b' ';
                }
            }
        }
        last = m.end();
        if let Some(ent) = c.get(4) {
            if drop_depth.is_empty() {
                if let Some(ch) = entity(ent.as_str()) {
                    put_tight(&mut out, m.start(), m.len(), &ch.to_string());
                }
            } else {
                put(&mut out, m.start(), m.len(), "");
            }
            continue;
        }
        let closing = c.get(1).is_some_and(|x| !x.as_str().is_empty());
        let name = c
            .get(2)
            .map(|x| x.as_str().to_lowercase())
            .unwrap_or_default();
        let attrs = c.get(3).map_or("", |x| x.as_str());
        put(&mut out, m.start(), m.len(), "");
        let dropping = DROP.contains(&name.as_str())
            || (!closing
                && drop_depth.is_empty()
                && !["html", "body", "main", "article"].contains(&name.as_str())
                && furniture(attrs))
            // Nested like a dropped ancestor (`<div>` in a dropped `<div>`): counted so the
            // right closing tag ends the drop.
            || drop_depth.contains(&name);
        if dropping && !attrs.trim_end().ends_with('/') && !VOID.contains(&name.as_str()) {
            if closing {
                if let Some(i) = drop_depth.iter().rposition(|n| *n == name) {
                    drop_depth.truncate(i);
                }
            } else {
                drop_depth.push(name.clone());
            }
            continue;
        }
        if !drop_depth.is_empty() {
            continue;
        }
        if name == "img" {
            let alt = attr(attrs, "alt").unwrap_or_default();
            let src = image_source(attrs);
            if !put(
                &mut out,
                m.start(),
                m.len(),
                &format!("\n![{alt}]({src}) |\n"),
            ) {
                put(&mut out, m.start(), m.len(), "\n![]() |\n");
            }
        } else if name == "figcaption" && closing {
            put(&mut out, m.start(), m.len(), " |\n");
        } else if BLOCK.contains(&name.as_str()) {
            put(&mut out, m.start(), m.len(), "\n");
        } else if inline_is_tight(page, m.start(), m.end(), closing) {
            put_tight(&mut out, m.start(), m.len(), "");
        }
    }
    // After the story's last `</article>` comes the site (related lists, promotions).
    let lower = page.to_ascii_lowercase();
    if lower.contains("<article") {
        if let Some(end) = lower.rfind("</article") {
            for b in &mut out[end..] {
                if *b != b'\n' {
                    *b = b' ';
                }
            }
        }
    }
    // Line breaks inside a paragraph of the source are spaces in the page.
    super::masked_text(out)
}

/// The masked page with its blanks cut short. A news site's page is mostly scripts,
/// styles and furniture, blanked byte for byte (hundreds of kilobytes of spaces, and a
/// blank line for every line of markup), and the recognizer's work per byte on them was
/// most of what such a page cost (issue #11: 115 M of a 346 KB page's 262 M
/// instructions). No line break is cut, so the lines are the page's lines; a line of
/// blanks (spaces, tabs, carriage returns) becomes empty, and a run of
/// [`Shortened::LONG`] spaces or more in a line keeps [`Shortened::KEPT`]: shorter gaps,
/// all the recognizer's rules look at (two spaces), stay as they are.
struct Shortened {
    text: String,
    /// Where each cut run now ends in `text`, and where it ends in the page; ascending.
    cuts: Vec<(usize, usize)>,
}

impl Shortened {
    /// A run of spaces this long or longer is cut ...
    const LONG: usize = 64;
    /// ... to this many.
    const KEPT: usize = 16;

    fn new(masked: &str) -> Shortened {
        let bytes = masked.as_bytes();
        let mut text = Vec::new();
        let mut cuts = Vec::new();
        let mut from = 0;
        // Keeps `keep` bytes of the run `start..end` and drops the rest.
        let mut cut = |start: usize, end: usize, keep: usize| {
            text.extend_from_slice(&bytes[from..start + keep]);
            cuts.push((text.len(), end));
            from = end;
        };
        let mut line_start = 0;
        for line_end in memchr::memchr_iter(b'\n', bytes).chain([bytes.len()]) {
            let line = &bytes[line_start..line_end];
            if !line.is_empty() && line.iter().all(|b| matches!(b, b' ' | b'\t' | b'\r')) {
                cut(line_start, line_end, 0);
            } else {
                // A run of LONG spaces starting anywhere in `at..at + LONG` holds the
                // byte at `at + LONG - 1`: one look per LONG bytes of text.
                let mut at = line_start;
                while at + Self::LONG <= line_end {
                    let probe = at + Self::LONG - 1;
                    if bytes[probe] != b' ' {
                        at += Self::LONG;
                        continue;
                    }
                    let mut start = probe;
                    while start > at && bytes[start - 1] == b' ' {
                        start -= 1;
                    }
                    let mut end = probe;
                    while end < line_end && bytes[end] == b' ' {
                        end += 1;
                    }
                    if end - start >= Self::LONG {
                        cut(start, end, Self::KEPT);
                    }
                    at = end;
                }
            }
            line_start = line_end + 1;
        }
        if cuts.is_empty() {
            return Shortened {
                text: masked.to_string(),
                cuts,
            };
        }
        text.extend_from_slice(&bytes[from..]);
        Shortened {
            // Only ASCII blanks were taken out, so the text is as valid as the page's.
            text: String::from_utf8(text).expect("cut at ASCII blanks"),
            cuts,
        }
    }

    /// The page offset of offset `x` of the short text.
    fn to_page(&self, x: usize) -> usize {
        match self.cuts.partition_point(|&(short, _)| short <= x) {
            0 => x,
            i => {
                let (short, page) = self.cuts[i - 1];
                page + (x - short)
            }
        }
    }

    /// The short text's offset of page offset `y`; an offset in a cut-out part of a run
    /// goes to where the run now ends.
    fn to_short(&self, y: usize) -> usize {
        let i = self.cuts.partition_point(|&(_, page)| page <= y);
        let (short, page) = if i == 0 { (0, 0) } else { self.cuts[i - 1] };
        let x = short + (y - page);
        match self.cuts.get(i) {
            Some(&(next, _)) => x.min(next),
            None => x,
        }
    }
}

/// The page with the content of its `<script>` and `<style>` elements blanked (line
/// breaks kept), for every reading of the page's markup but its JSON-LD. HTML parses that
/// content as raw text, where a `<` starts no tag: a script's `"<b>" + x` is no bold text
/// and its `<time datetime>` no date of the page's. It is also most of a news page's
/// bytes, and every pattern that looks for tags stopped at each of its `<` (issue #11).
/// Comments are passed over as the tag pattern passes over them, so a `<script` inside
/// one blanks nothing.
fn raw_text_blanked(page: &str) -> std::borrow::Cow<'_, str> {
    use aho_corasick::{AhoCorasick, MatchKind};
    static OPEN: OnceLock<AhoCorasick> = OnceLock::new();
    let open = OPEN.get_or_init(|| {
        AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostFirst)
            .build(["<!--", "<script", "<style"])
            .expect("three plain patterns")
    });
    let bytes = page.as_bytes();
    let find =
        |from: usize, what: &[u8]| memchr::memmem::find(&bytes[from..], what).map(|i| from + i);
    let mut out: Option<Vec<u8>> = None;
    let mut at = 0;
    while let Some(m) = open.find(&bytes[at..]) {
        let (start, name_end) = (at + m.start(), at + m.end());
        if m.pattern().as_usize() == 0 {
            // `<!-- … -->`; unterminated, the tag pattern reads `<!…>` up to the next `>`.
            at = find(name_end, b"-->").map_or_else(
                || find(start, b">").map_or(bytes.len(), |gt| gt + 1),
                |end| end + 3,
            );
            continue;
        }
        // The whole tag name (`<styles>` is another element).
        if !bytes
            .get(name_end)
            .is_some_and(|&b| b.is_ascii_whitespace() || b == b'>' || b == b'/')
        {
            at = name_end;
            continue;
        }
        let Some(content) = find(name_end, b">").map(|gt| gt + 1) else {
            break;
        };
        let close: &[u8] = if m.pattern().as_usize() == 1 {
            b"</script"
        } else {
            b"</style"
        };
        let end = crate::matchers::find_ascii_ci(bytes, content, close).unwrap_or(bytes.len());
        let out = out.get_or_insert_with(|| bytes.to_vec());
        for b in &mut out[content..end] {
            if *b != b'\n' {
                *b = b' ';
            }
        }
        at = end;
    }
    match out {
        None => std::borrow::Cow::Borrowed(page),
        // Only whole characters were blanked (from after a `>` to a `<`).
        Some(bytes) => std::borrow::Cow::Owned(String::from_utf8(bytes).expect("blanked whole")),
    }
}

/// Reads an HTML page.
pub fn read(page: &str) -> Interview {
    // Every reading of the markup but the JSON-LD's sees scripts and styles as blanks.
    let json_ld_page = page;
    let scanned = raw_text_blanked(page);
    let page: &str = &scanned;
    let mut masked = mask(page);
    let sections = section_headings(page, &masked);
    if !sections.is_empty() {
        let mut bytes = masked.into_bytes();
        for r in &sections {
            for b in &mut bytes[r.clone()] {
                if *b != b'\n' {
                    *b = b' ';
                }
            }
        }
        masked = super::masked_text(bytes);
    }
    static BOLD: OnceLock<Regex> = OnceLock::new();
    let bold = BOLD
        .get_or_init(|| Regex::new(r"(?is)<(strong|b)\b[^>]*>(.*?)</(?:strong|b)\s*>").unwrap());
    let emphasis: Vec<std::ops::Range<usize>> = bold
        .captures_iter(page)
        .filter_map(|c| c.get(2).map(|m| m.range()))
        .collect();
    // The page's `<h1>` is the title its markup states.
    static H1: OnceLock<Regex> = OnceLock::new();
    let h1 = H1.get_or_init(|| Regex::new(r"(?is)<h1\b[^>]*>(.*?)</h1>").unwrap());
    let titles: Vec<std::ops::Range<usize>> = h1
        .captures_iter(page)
        .filter_map(|c| c.get(1).map(|m| m.range()))
        .collect();
    // The recognizer reads the page with its long blanks cut short, and its spans are
    // mapped back into the page.
    let short = Shortened::new(&masked);
    let to_short = |r: std::ops::Range<usize>| short.to_short(r.start)..short.to_short(r.end);
    let mut iv = structure::recognize_with(
        &short.text,
        &structure::Options {
            emphasis: emphasis.into_iter().map(to_short).collect(),
            titles: titles.into_iter().map(to_short).collect(),
            ..Default::default()
        },
    );
    if !short.cuts.is_empty() {
        iv.map_offsets(|x| short.to_page(x));
    }
    static LANG: OnceLock<Regex> = OnceLock::new();
    let lang = LANG.get_or_init(|| {
        Regex::new(r#"(?i)<html\b[^>]*\blang\s*=\s*["']?([A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*)"#)
            .unwrap()
    });
    if let Some(c) = lang.captures(page) {
        let m = c.get(1).expect("group");
        iv.meta.language = Some(Sourced::from_text(m.as_str().to_string(), m.range()));
    }
    for r in sections {
        let shown = masked_text(page, &r);
        iv.diagnostics.push(crate::model::Diagnostic::info(
            "section-heading",
            format!("left out a section heading inside the interview, not a turn: '{shown}'"),
            Some(r),
        ));
    }
    credit_spans(page, &masked, &mut iv);
    json_ld(json_ld_page, &mut iv);
    head_meta(page, &mut iv);
    time_element(page, &masked, &mut iv);
    iv
}

/// `<span class="credit">Foto: Petra Maas</span>` inside a caption: the page's markup says
/// which part of the caption is the credit, whatever word (or none) it opens with. A
/// figure whose credit the text alone did not reveal gets it from there; the credit leaves
/// the caption. A short prefix ending in a colon (`Foto:`, `撮影：`) is the credit's label.
fn credit_spans(page: &str, masked: &str, iv: &mut Interview) {
    static OPEN: OnceLock<Regex> = OnceLock::new();
    let open =
        OPEN.get_or_init(|| Regex::new(r#"(?is)<(span|small|em|i|p|div|cite)\b([^>]*)>"#).unwrap());
    for c in open.captures_iter(page) {
        let attrs = c.get(2).map_or("", |m| m.as_str());
        let creditish = attr(attrs, "class").is_some_and(|v| {
            v.split(|ch: char| ch.is_whitespace() || ch == '-' || ch == '_')
                .any(|w| {
                    matches!(
                        w.to_lowercase().as_str(),
                        "credit" | "credits" | "copyright" | "photographer"
                    )
                })
        });
        if !creditish {
            continue;
        }
        let m = c.get(0).expect("match");
        let close = format!("</{}", &c[1]);
        let Some(end) = crate::matchers::find_ascii_ci(page.as_bytes(), m.end(), close.as_bytes())
        else {
            continue;
        };
        let shown = masked_text(masked, &(m.end()..end)).replace(['\u{200b}', '\u{ad}'], "");
        let Some(fig) = iv
            .figures
            .iter_mut()
            .find(|f| f.span.start <= m.start() && m.start() < f.span.end)
        else {
            continue;
        };
        if fig.credit.is_some() || shown.is_empty() {
            continue;
        }
        let credit = credit_without_label(&shown);
        if credit.is_empty() {
            continue;
        }
        if let Some(cap) = &fig.caption {
            if let Some(i) = cap.rfind(shown.as_str()) {
                let rest = cap[..i].trim_end().to_string();
                fig.caption = Some(rest).filter(|r| !r.is_empty()).or(fig.alt.clone());
            }
        }
        fig.credit = Some(credit);
        fig.photographer = fig
            .credit
            .as_deref()
            .and_then(structure::figures::photographer_in_credit);
    }
}

/// `Foto: Petra Maas` → `Petra Maas`, `撮影：田中誠` → `田中誠`, `© Hugo Lenoir` → `Hugo Lenoir`:
/// a label of one or two words before a colon is not part of the credit.
fn credit_without_label(t: &str) -> String {
    let t = t.trim().trim_start_matches('©').trim();
    if let Some(i) = t.find([':', '：']) {
        let label = &t[..i];
        if !label.is_empty()
            && label.split_whitespace().count() <= 2
            && label.chars().count() <= 16
            && !label.chars().any(|c| c.is_ascii_digit())
        {
            let colon = t[i..].chars().next().map_or(1, char::len_utf8);
            return t[i + colon..].trim().to_string();
        }
    }
    t.trim_end_matches(['.', ')']).to_string()
}

/// A `<script type="application/ld+json">` the page carries about itself: the article's
/// `headline` and `datePublished`, read as the page states them, with the span of the value
/// in the page. Only objects typed as an article (`NewsArticle`, `Article`, `BlogPosting` …),
/// also inside `@graph`. Values the body already gave are kept.
fn json_ld(page: &str, iv: &mut Interview) {
    static SCRIPT: OnceLock<Regex> = OnceLock::new();
    let script = SCRIPT.get_or_init(|| {
        Regex::new(r#"(?is)<script\b[^>]*type\s*=\s*["']?application/ld\+json["']?[^>]*>(.*?)</script\s*>"#)
            .unwrap()
    });
    for c in script.captures_iter(page) {
        let body = c.get(1).expect("group");
        let Ok(json) = serde_json::from_str::<serde_json::Value>(body.as_str()) else {
            continue;
        };
        let Some(article) = article_object(&json) else {
            continue;
        };
        // Where a key's string value sits in the page (first occurrence in this script).
        let locate = |key: &str| -> Option<std::ops::Range<usize>> {
            let re = Regex::new(&format!(r#""{key}"\s*:\s*"((?:[^"\\]|\\.)*)""#)).ok()?;
            let g = re.captures(body.as_str())?.get(1)?;
            Some(body.start() + g.start()..body.start() + g.end())
        };
        let text = |key: &str| {
            article
                .get(key)
                .and_then(|v| v.as_str())
                .map(|v| decode_entities(v).trim().to_string())
                .filter(|v| !v.is_empty())
        };
        if let (Some(v), Some(r)) = (text("datePublished"), locate("datePublished")) {
            if let Some(d) = page_date(&v) {
                take_date(iv, d, r);
            }
        }
        if iv.meta.headline.is_none() {
            if let (Some(v), Some(r)) = (text("headline"), locate("headline")) {
                iv.meta.headline = Some(Sourced::from_text(v, r));
                iv.diagnostics.retain(|d| d.code != "no-headline");
            }
        }
    }
}

/// The first object typed as an article in a JSON-LD document (top level, array, `@graph`).
fn article_object(v: &serde_json::Value) -> Option<&serde_json::Map<String, serde_json::Value>> {
    match v {
        serde_json::Value::Array(items) => items.iter().find_map(article_object),
        serde_json::Value::Object(o) => {
            let is_article = |t: &serde_json::Value| {
                t.as_str()
                    .is_some_and(|t| t.ends_with("Article") || t == "BlogPosting")
            };
            let typed = match o.get("@type") {
                Some(serde_json::Value::Array(ts)) => ts.iter().any(is_article),
                Some(t) => is_article(t),
                None => false,
            };
            if typed {
                return Some(o);
            }
            o.get("@graph").and_then(article_object)
        }
        _ => None,
    }
}

/// `<time datetime="2023-11-02">` shown on the page (not inside dropped furniture such as
/// comments): the publication date, when nothing else gave one.
fn time_element(page: &str, masked: &str, iv: &mut Interview) {
    static TIME: OnceLock<Regex> = OnceLock::new();
    let time = TIME.get_or_init(|| {
        Regex::new(r#"(?is)<time\b[^>]*\bdatetime\s*=\s*["']([^"']+)["'][^>]*>(.*?)</time\s*>"#)
            .unwrap()
    });
    for c in time.captures_iter(page) {
        let v = c.get(1).expect("group");
        let shown = c.get(2).map_or(0..0, |g| g.range());
        if masked[shown].trim().is_empty() {
            continue; // dropped with its furniture, or never shown
        }
        let raw = v.as_str().trim();
        if page_date(raw).is_some_and(|d| take_date(iv, d, v.range())) {
            return;
        }
    }
}

/// The visible text of a stretch of the page, tags stripped, spaces collapsed.
fn masked_text(page: &str, r: &std::ops::Range<usize>) -> String {
    static TAG: OnceLock<Regex> = OnceLock::new();
    let tag = TAG.get_or_init(|| Regex::new(r"<[^>]*>").unwrap());
    let t = decode_entities(&tag.replace_all(&page[r.clone()], " "));
    t.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `<h2>Über die Zukunft</h2>` between the exchanges: a heading below the page's first
/// visible heading, after the interview has begun (something before it asks with '?'),
/// that asks nothing itself. It announces a section; it is nobody's turn.
fn section_headings(page: &str, masked: &str) -> Vec<std::ops::Range<usize>> {
    static H: OnceLock<Regex> = OnceLock::new();
    let h = H.get_or_init(|| Regex::new(r"(?is)<h([1-6])\b[^>]*>(.*?)</h[1-6]\s*>").unwrap());
    let mut out = Vec::new();
    let mut first = true;
    for c in h.captures_iter(page) {
        let m = c.get(0).expect("match");
        // The masked page matches the page byte for byte, but not always at character
        // boundaries (a tag blanked next to a zero-width space): compare bytes.
        if masked.as_bytes()[m.range()]
            .iter()
            .all(u8::is_ascii_whitespace)
        {
            continue; // inside dropped furniture
        }
        if std::mem::take(&mut first) {
            continue;
        }
        let text = masked_text(page, &m.range());
        let before = &masked.as_bytes()[..m.start()];
        let asked_before =
            before.contains(&b'?') || before.windows(3).any(|w| w == "？".as_bytes());
        if asked_before && !text.is_empty() && !text.ends_with(['?', '？']) {
            out.push(m.range());
        }
    }
    out
}

/// The `content` of `<meta property|name="key" content="…">`, with its byte range.
fn meta_content(page: &str, key: &str) -> Option<(String, std::ops::Range<usize>)> {
    static META: OnceLock<Regex> = OnceLock::new();
    static ATTR: OnceLock<Regex> = OnceLock::new();
    let meta = META.get_or_init(|| Regex::new(r"(?is)<meta\b[^>]*>").unwrap());
    let attr = ATTR.get_or_init(|| {
        Regex::new(r#"(?is)\b(property|name|content|rel|href)\s*=\s*(?:"([^"]*)"|'([^']*)')"#)
            .unwrap()
    });
    for m in meta.find_iter(page) {
        let (mut named, mut content) = (false, None);
        for c in attr.captures_iter(m.as_str()) {
            let v = c.get(2).or(c.get(3)).expect("a value");
            match c[1].to_ascii_lowercase().as_str() {
                "property" | "name" => named |= v.as_str().eq_ignore_ascii_case(key),
                "content" => content = Some(v),
                _ => {}
            }
        }
        if let (true, Some(v)) = (named, content) {
            let r = m.start() + v.start()..m.start() + v.end();
            let value = decode_entities(v.as_str());
            if !value.trim().is_empty() {
                return Some((value.trim().to_string(), r));
            }
        }
    }
    None
}

/// A machine-readable date the page states: the whole timestamp when it carries an offset
/// (what it says, to the second), else its day — a clock time without a zone would be a
/// guess about which day-time it meant.
fn page_date(v: &str) -> Option<PubDate> {
    dates::parse(v)
        .or_else(|_| dates::parse(v.get(..10).unwrap_or(v)))
        .ok()
}

/// Takes a date the page states in machine-readable form when no date is known yet, or
/// when the text showed only the day and this is a timestamp of that same day (`14. Mai
/// 2025` shown, `2025-05-14T08:30:00+02:00` in its `<time>`): the same statement, more
/// precise. A different day never replaces what the text shows. True when taken.
fn take_date(iv: &mut Interview, d: PubDate, at: std::ops::Range<usize>) -> bool {
    let take = match (&iv.meta.date_published, &d) {
        (None, _) => true,
        (Some(known), PubDate::DateTime(t)) => {
            matches!(&known.value, PubDate::Date(day) if day.len() == 10 && t.starts_with(day.as_str()))
        }
        _ => false,
    };
    if take {
        iv.meta.date_published = Some(Sourced::from_text(d, at));
        iv.diagnostics.retain(|d| d.code != "no-date");
    }
    take
}

/// An `href` attribute holding an absolute http(s) address (in group 1 or 2), compiled
/// once for both the page's base and its canonical link.
fn absolute_href() -> &'static Regex {
    static HREF: OnceLock<Regex> = OnceLock::new();
    HREF.get_or_init(|| {
        Regex::new(r#"(?is)\bhref\s*=\s*(?:"(https?://[^"\s]+)"|'(https?://[^'\s]+)')"#).unwrap()
    })
}

/// The address the page states for itself, to resolve its relative image addresses
/// against: `<base href>`, else the canonical link, else `og:url` (absolute http(s) only).
pub fn page_base(page: &str) -> Option<String> {
    static BASE: OnceLock<Regex> = OnceLock::new();
    let base = BASE.get_or_init(|| Regex::new(r#"(?is)<(base|link)\b[^>]*>"#).unwrap());
    let href = absolute_href();
    static CANONICAL: OnceLock<Regex> = OnceLock::new();
    let canonical =
        CANONICAL.get_or_init(|| Regex::new(r#"(?is)\brel\s*=\s*["']?canonical\b"#).unwrap());
    let mut link = None;
    for m in base.captures_iter(page) {
        let tag = m.get(0).expect("match").as_str();
        let is_base = m[1].eq_ignore_ascii_case("base");
        if !is_base && (link.is_some() || !canonical.is_match(tag)) {
            continue;
        }
        let Some(h) = href.captures(tag).and_then(|c| c.get(1).or(c.get(2))) else {
            continue;
        };
        let h = decode_entities(h.as_str());
        if is_base {
            return Some(h);
        }
        link = Some(h);
    }
    link.or_else(|| meta_content(page, "og:url").map(|(v, _)| v))
        .filter(|u| u.starts_with("http://") || u.starts_with("https://"))
}

/// What the page's head says of itself: its publication date
/// (`article:published_time`), where it says it lives (`<link rel="canonical">`, the
/// record's `url`, not a claim about where the text came from), and, when the body shows
/// no headline, `og:title` or `<title>`.
fn head_meta(page: &str, iv: &mut Interview) {
    if let Some((v, r)) = meta_content(page, "article:published_time") {
        if let Some(d) = page_date(&v) {
            take_date(iv, d, r);
        }
    }
    if iv.meta.url.is_none() {
        static LINK: OnceLock<Regex> = OnceLock::new();
        let link = LINK.get_or_init(|| {
            Regex::new(r#"(?is)<link\b[^>]*\brel\s*=\s*["']?canonical["']?[^>]*>"#).unwrap()
        });
        let href = absolute_href();
        if let Some(l) = link.find(page) {
            if let Some(h) = href
                .captures(l.as_str())
                .and_then(|c| c.get(1).or(c.get(2)))
            {
                let r = l.start() + h.start()..l.start() + h.end();
                iv.meta.url = Some(Sourced::from_text(h.as_str().to_string(), r));
            }
        }
    }
    if iv.meta.headline.is_none() {
        static TITLE: OnceLock<Regex> = OnceLock::new();
        let title =
            TITLE.get_or_init(|| Regex::new(r"(?is)<title\b[^>]*>([^<]*)</title>").unwrap());
        let found = meta_content(page, "og:title").or_else(|| {
            title
                .captures(page)
                .and_then(|c| c.get(1))
                .map(|m| (decode_entities(m.as_str()).trim().to_string(), m.range()))
        });
        if let Some((v, r)) = found.filter(|(v, _)| !v.is_empty()) {
            iv.meta.headline = Some(Sourced::from_text(v, r));
            iv.diagnostics.retain(|d| d.code != "no-headline");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_page_heavy_with_scripts_reads_as_the_page_without_them() {
        let page = include_str!("../../samples/fr-atelier.html");
        let filler = "  var x = 1 < 2 ? \"<b>non</b>\" : 0; // une ligne de script assez longue\n";
        for (before, script) in [
            (
                "<body",
                format!("<script>\n{}</script>\n", filler.repeat(3000)),
            ),
            // Minified: one line of 150 000 bytes.
            (
                "</body",
                format!(
                    "<script>{}</script>",
                    filler.replace('\n', " ").repeat(2000)
                ),
            ),
        ] {
            let at = page.find(before).expect("the sample has a body");
            let heavy = format!("{}{script}{}", &page[..at], &page[at..]);
            let mut light = read(page);
            assert!(light.turns.len() >= 4, "{:?}", light.turns);
            // Every span after the script moves by its length; nothing else changes.
            light.map_offsets(|x| if x >= at { x + script.len() } else { x });
            assert_eq!(
                serde_json::to_value(&light).unwrap(),
                serde_json::to_value(read(&heavy)).unwrap()
            );
        }
    }

    #[test]
    fn script_and_style_content_is_raw_text() {
        let (script, style, unclosed) = (
            "if (a < b) {\n s = \"<b>no</b>\"; }",
            "\np < q {}",
            "never closed <time datetime=\"2020\">",
        );
        let page = format!(
            "<p>a</p><SCRIPT type=\"x\">{script}</Script ><p>b</p><style>{style}</style>\
             <scripts>kept</scripts><!-- <script> --><p>c</p><script>{unclosed}"
        );
        let blank = |s: &str| s.replace(|c| c != '\n', " ");
        let want = page
            .replace(script, &blank(script))
            .replace(style, &blank(style))
            .replace(unclosed, &blank(unclosed));
        assert_eq!(raw_text_blanked(&page), want);
        // A page without either is not copied.
        assert!(matches!(
            raw_text_blanked("<p>x</p>"),
            std::borrow::Cow::Borrowed(_)
        ));
        // A script is not markup: its `<!--` opens no comment that would swallow the
        // `</script>` and, with it, the interview after it.
        let page = "<html><body><script>var ad = \"<!-- slot\";</script>\
                    <p>Q: Why did you start?</p><p>A: Because I liked it.</p></body></html>";
        assert_eq!(read(page).turns.len(), 2);
    }

    #[test]
    fn shortened_offsets_map_both_ways() {
        let masked = format!(
            "a{}b\n{}c{}",
            " ".repeat(100),
            " ".repeat(64),
            " ".repeat(63)
        );
        let short = Shortened::new(&masked);
        // Runs of 64 spaces or more are cut to 16; a run of 63 is left.
        assert_eq!(
            short.text,
            format!(
                "a{}b\n{}c{}",
                " ".repeat(16),
                " ".repeat(16),
                " ".repeat(63)
            )
        );
        for (x, ch) in short.text.char_indices() {
            let y = short.to_page(x);
            assert_eq!(masked[y..].chars().next(), Some(ch), "{x}");
            assert_eq!(short.to_short(y), x);
        }
        assert_eq!(short.to_page(short.text.len()), masked.len());
        // A page offset in a cut-out part goes to where the run now ends.
        assert_eq!(short.to_short(50), 17);
        assert_eq!(&short.text[17..18], "b");
        // Lines of blanks become empty; no line break goes.
        let blank_lines = Shortened::new("x\n   \n\t\r\n\ny \n ");
        assert_eq!(blank_lines.text, "x\n\n\n\ny \n");
        assert_eq!(blank_lines.to_page(3), 8);
        // Against the plain rule (lines of blanks emptied, other runs of 64 spaces or more
        // cut to 16), on texts with runs of every length near the limit, anywhere.
        let mut seed = 7u64;
        for _ in 0..500 {
            let mut masked = String::new();
            for _ in 0..12 {
                seed = seed
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                masked.push_str(&" ".repeat((seed >> 33) as usize % 140));
                masked.push(['x', '\n', '\t'][(seed >> 50) as usize % 3]);
            }
            let plain: Vec<String> = masked
                .split('\n')
                .map(|line| {
                    if !line.is_empty() && line.chars().all(|c| matches!(c, ' ' | '\t' | '\r')) {
                        return String::new();
                    }
                    let (mut out, mut run) = (String::new(), 0);
                    for c in line.chars().chain(['.']) {
                        if c == ' ' {
                            run += 1;
                            continue;
                        }
                        out.push_str(&" ".repeat(if run >= 64 { 16 } else { run }));
                        out.push(c);
                        run = 0;
                    }
                    out.pop();
                    out
                })
                .collect();
            let short = Shortened::new(&masked);
            assert_eq!(short.text, plain.join("\n"), "{masked:?}");
            for (x, ch) in short.text.char_indices() {
                assert_eq!(masked[short.to_page(x)..].chars().next(), Some(ch));
            }
        }
    }

    const PAGE: &str = r#"<!DOCTYPE html>
<html lang="es"><head><title>Entrevista</title><style>p { color: red }</style></head>
<body><nav><a href="/">Inicio</a> <a href="/mundo">Mundo</a></nav>
<article>
<h1>&laquo;Cada &aacute;rbol cuenta&raquo;</h1>
<figure><img src="https://img.example/a.jpg" alt="Luc&iacute;a"><figcaption>Luc&iacute;a Ferrer en el vivero. (Foto: Ana Ruiz)</figcaption></figure>
<p><strong>&iquest;C&oacute;mo empez&oacute; el vivero?</strong></p>
<p>Con veinte macetas en un balc&oacute;n.</p>
<p><strong>&iquest;Qu&eacute; necesita ahora?</strong></p>
<p>Voluntarios &amp; agua.</p>
</article>
<footer>&copy; 2024 Diario</footer>
<script>var x = "<p>no</p>";</script>
</body></html>"#;

    #[test]
    fn lazy_images_credit_labels_and_tight_tags() {
        let lazy = r#" class="lazyload" src="data:image/gif;base64,R0l" data-src="https://x.example/a.jpg""#;
        assert_eq!(image_source(lazy), "https://x.example/a.jpg");
        let set = r#" srcset="https://x.example/s.jpg 480w, https://x.example/l.jpg 980w""#;
        assert_eq!(image_source(set), "https://x.example/s.jpg");
        assert_eq!(credit_without_label("Foto: Petra Maas"), "Petra Maas");
        assert_eq!(credit_without_label("撮影：田中誠"), "田中誠");
        assert_eq!(credit_without_label("© Hugo Lenoir"), "Hugo Lenoir");
        assert_eq!(credit_without_label("dpa"), "dpa");
        // `</em>.` stays next to its word; a tag after a space is spaces.
        let m = mask("<p>in der <em>Broschüre</em>. <span class=\"credit\">Foto: X</span></p>");
        let shown: String = m
            .chars()
            .filter(|c| !matches!(c, '\u{200b}' | '\u{ad}'))
            .collect();
        assert!(shown.contains("Broschüre."), "{shown:?}");
        assert!(
            shown.contains(". ") && shown.contains(" Foto: X"),
            "{shown:?}"
        );
    }

    #[test]
    fn a_stated_timestamp_refines_the_shown_day_but_never_replaces_another_day() {
        let page = |shown: &str, stamp: &str| {
            format!(
                "<html lang=\"en\"><body><article><p>London, {shown}</p>\
                 <time datetime=\"{stamp}\">{shown}</time>\
                 <p><strong>Why bees?</strong></p><p>A friend gave me a hive.</p>\
                 <p><strong>And now?</strong></p><p>Forty hives.</p></article></body></html>"
            )
        };
        let date = |iv: Interview| iv.meta.date_published.map(|d| d.value.as_str().to_string());
        let same = read(&page("3 March 2024", "2024-03-03T09:30:00+01:00"));
        assert_eq!(date(same).as_deref(), Some("2024-03-03T09:30:00+01:00"));
        let other = read(&page("3 March 2024", "2024-03-04T09:30:00+01:00"));
        assert_eq!(date(other).as_deref(), Some("2024-03-03"));
    }

    #[test]
    fn page_reads_like_text_with_true_spans() {
        assert!(looks_like(PAGE));
        for page in [
            "<!DOCTYPE HTML><p>x",
            "\u{feff} <HTML>",
            "<div>\n<P class=q>x</P>",
            "<x><Body>",
        ] {
            assert!(looks_like(page), "{page}");
        }
        for text in [
            "<notes> p",
            "<div>pre</div>",
            "Q: <p>?",
            "<b>Q:</b> x <pre>",
        ] {
            assert!(!looks_like(text), "{text}");
        }
        let m = mask(PAGE);
        assert_eq!(m.len(), PAGE.len());
        let iv = read(PAGE);
        let ex = iv.exchanges();
        assert_eq!(ex.len(), 2, "{m}");
        assert_eq!(ex[0].question.text(), "¿Cómo empezó el vivero?");
        assert_eq!(ex[1].answers[0].text(), "Voluntarios & agua.");
        assert_eq!(iv.language(), Some("es"));
        assert_eq!(iv.figures.len(), 1);
        assert_eq!(iv.figures[0].credit.as_deref(), Some("Ana Ruiz"));
        assert_eq!(
            iv.figures[0].image_url.as_deref(),
            Some("https://img.example/a.jpg")
        );
        assert_eq!(
            iv.meta.headline.as_ref().unwrap().value,
            "«Cada árbol cuenta»"
        );
        let span = ex[0].answers[0].paragraphs[0].span.clone();
        assert!(PAGE[span].contains("Con veinte macetas"));
    }
}
