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
//! or `<title>` are read as metadata.

use super::lexicon::{self, lexicon};
use super::structure;
use crate::infer::dates;
use crate::model::{Interview, Sourced};
use regex::Regex;
use std::sync::OnceLock;

/// True when the text is an HTML document or fragment.
pub fn looks_like(text: &str) -> bool {
    let t = text
        .trim_start_matches('\u{feff}')
        .trim_start()
        .to_lowercase();
    t.starts_with("<!doctype html")
        || t.starts_with("<html")
        || (t.starts_with('<') && (t.contains("<p>") || t.contains("<p ") || t.contains("<body")))
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

/// True when the element's class or id names page furniture (`class="related-links"`).
fn furniture(attrs: &str) -> bool {
    ["class", "id"].iter().any(|a| {
        attr(attrs, a).is_some_and(|v| {
            v.split(|c: char| c.is_whitespace() || c == '-' || c == '_')
                .chain(v.split_whitespace())
                .any(|w| lexicon::contains(&lexicon().furniture_classes, w))
        })
    })
}

fn tag_re() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    R.get_or_init(|| Regex::new(r"(?s)<!--.*?-->|<![^>]*>|<\?[^>]*>|<(/?)([a-zA-Z][a-zA-Z0-9]*)\b([^>]*)>|&(#[0-9]+|#[xX][0-9a-fA-F]+|[a-zA-Z]+);").unwrap())
}

fn attr(attrs: &str, name: &str) -> Option<String> {
    let re = Regex::new(&format!(
        r#"(?i)\b{name}\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))"#
    ))
    .ok()?;
    let c = re.captures(attrs)?;
    c.get(1)
        .or(c.get(2))
        .or(c.get(3))
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
fn put_tight(out: &mut [u8], at: usize, len: usize, s: &str) {
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
            let src = attr(attrs, "src").unwrap_or_default();
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
        } else if !closing {
            // An opening inline tag may sit inside a word; a closing one ends a phrase.
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
    String::from_utf8(out).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

/// Reads an HTML page.
pub fn read(page: &str) -> Interview {
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
        masked = String::from_utf8(bytes).expect("whole characters replaced by ASCII spaces");
    }
    static BOLD: OnceLock<Regex> = OnceLock::new();
    let bold = BOLD
        .get_or_init(|| Regex::new(r"(?is)<(strong|b)\b[^>]*>(.*?)</(?:strong|b)\s*>").unwrap());
    let emphasis = bold
        .captures_iter(page)
        .filter_map(|c| c.get(2).map(|m| m.range()))
        .collect();
    let mut iv = structure::recognize_with(
        &masked,
        &structure::Options {
            emphasis,
            ..Default::default()
        },
    );
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
    head_meta(page, &mut iv);
    iv
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
        if masked[m.range()].trim().is_empty() {
            continue; // inside dropped furniture
        }
        if std::mem::take(&mut first) {
            continue;
        }
        let text = masked_text(page, &m.range());
        let asked_before = masked[..m.start()].contains(['?', '？']);
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

/// What the page's head says of itself: its publication date
/// (`article:published_time`), where it says it lives (`<link rel="canonical">`, the
/// record's `url`, not a claim about where the text came from), and, when the body shows
/// no headline, `og:title` or `<title>`.
fn head_meta(page: &str, iv: &mut Interview) {
    if iv.meta.date_published.is_none() {
        if let Some((v, r)) = meta_content(page, "article:published_time") {
            let day = v.get(..10).unwrap_or(&v);
            if let Ok(d) = dates::parse(day) {
                iv.meta.date_published = Some(Sourced::from_text(d, r));
                iv.diagnostics.retain(|d| d.code != "no-date");
            }
        }
    }
    if iv.meta.url.is_none() {
        static LINK: OnceLock<Regex> = OnceLock::new();
        let link = LINK.get_or_init(|| {
            Regex::new(r#"(?is)<link\b[^>]*\brel\s*=\s*["']?canonical["']?[^>]*>"#).unwrap()
        });
        static HREF: OnceLock<Regex> = OnceLock::new();
        let href = HREF.get_or_init(|| {
            Regex::new(r#"(?is)\bhref\s*=\s*(?:"(https?://[^"\s]+)"|'(https?://[^'\s]+)')"#)
                .unwrap()
        });
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
    fn page_reads_like_text_with_true_spans() {
        assert!(looks_like(PAGE));
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
