//! Markdown with optional YAML-style front matter.
//!
//! Front matter (`---` … `---` at the top) gives metadata: `title`, `date`, `lang` /
//! `language`, `source` / `url`, `description`, `interviewer`, `interviewee`, and `author`
//! (a personal name there is the byline: the interviewer, unless the text names one) — flat
//! `key: value` lines (lists and nesting are not read). Section headings that ask nothing
//! and blockquotes that are one quotation (pull quotes) are left out of the turns. The Markdown itself is read by the
//! structure recognizer after its markup (emphasis, link brackets, blockquote marks, HTML
//! comments, heading marks) is blanked out byte for byte, so spans stay true to the file;
//! image lines stay, as they are the photo rows the recognizer knows. Exports from CMSs,
//! Notion and Obsidian add HTML blocks and inline tags, image titles, single emphasis,
//! reference and wiki links and callouts; those are blanked the same way (an HTML
//! `<figure>` is read as the HTML reader reads it). A front-matter title the body does not
//! repeat as a heading stays visible, so the recognizer reads it as the headline line.

use super::structure;
use crate::infer::dates;
use crate::model::{Diagnostic, Interview, Person, Role, Sourced};
use regex::Regex;
use std::ops::Range;
use std::sync::OnceLock;

/// True when the text opens with front matter or uses Markdown headings.
pub fn looks_like(text: &str) -> bool {
    let t = text.trim_start_matches('\u{feff}');
    front_matter(t).is_some()
        || t.lines()
            .take(20)
            .any(|l| l.starts_with("# ") || l.starts_with("## "))
}

/// A front matter entry: key (lower case), value, and where the value is.
type Entry = (String, String, Range<usize>);

/// The byte range of the front matter block (fences included) and its key/value pairs
/// with the range of each value.
fn front_matter(text: &str) -> Option<(Range<usize>, Vec<Entry>)> {
    let first = text.lines().next()?;
    if first.trim_end() != "---" {
        return None;
    }
    let mut pos = text.find('\n')? + 1;
    let mut pairs = Vec::new();
    for raw in text[pos..].split_inclusive('\n') {
        let start = pos;
        pos += raw.len();
        let line = raw.trim_end_matches(['\n', '\r']);
        if line.trim_end() == "---" || line.trim_end() == "..." {
            return Some((0..pos, pairs));
        }
        let Some(colon) = line.find(':') else {
            continue;
        };
        if line.starts_with([' ', '\t', '-']) {
            continue;
        }
        let key = line[..colon].trim().to_lowercase();
        let v = line[colon + 1..].trim();
        let v_start =
            start + colon + 1 + (line[colon + 1..].len() - line[colon + 1..].trim_start().len());
        let (value, range) = match v.chars().next() {
            Some(q @ ('"' | '\'')) if v.len() >= 2 && v.ends_with(q) => (
                v[1..v.len() - 1].to_string(),
                v_start + 1..v_start + v.len() - 1,
            ),
            _ => (v.to_string(), v_start..v_start + v.len()),
        };
        if !value.is_empty() {
            pairs.push((key, value, range));
        }
    }
    None
}

fn markup_re() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    // Emphasis marks, link text brackets with their targets, HTML comments, heading marks
    // and blockquote marks at line starts.
    R.get_or_init(|| Regex::new(r"(?m)\*\*|__|<!--[\s\S]*?-->|^#{1,6}[ \t]|^>[ \t]?|(?:^|[^!])\[([^\]\n]*)\]\([^)\n]*\)").unwrap())
}

fn blank(bytes: &mut [u8], range: Range<usize>) {
    for b in &mut bytes[range] {
        if *b != b'\n' {
            *b = b' ';
        }
    }
}

/// Byte ranges of the text inside `**…**` and `__…__` (on one line).
fn emphasis(text: &str) -> Vec<Range<usize>> {
    static R: OnceLock<Regex> = OnceLock::new();
    let re = R.get_or_init(|| Regex::new(r"\*\*([^*\n]+)\*\*|__([^_\n]+)__").unwrap());
    re.captures_iter(text)
        .filter_map(|c| c.get(1).or(c.get(2)).map(|m| m.range()))
        .collect()
}

/// Markup that the main pattern does not cover, each blanked the way it reads: HTML blocks
/// (`<figure>` … `</figure>`) read as the HTML reader reads them, so an embedded photo
/// becomes a photo row; inline HTML tags (`<em>`, `<br>`, `<span style>`); the title of an
/// image (`![alt](url "title")`), which is no part of its address; single emphasis
/// (`*Foto: X*`, `_so_`); reference links (`[text][ref]`, text kept) and their definitions
/// (`[ref]: url`); wiki links (`[[Page]]`, `[[Page|shown]]`, the shown text kept); the
/// type mark of a callout (`> [!note]`).
fn mask_extra(text: &str, out: &mut [u8], skip: &mut Vec<Range<usize>>) {
    static BLOCK: OnceLock<Regex> = OnceLock::new();
    let block = BLOCK.get_or_init(|| {
        Regex::new(r"(?is)<(figure|table|div)\b[^>]*>.*?</(?:figure|table|div)\s*>").unwrap()
    });
    for m in block.find_iter(text) {
        let html = super::html::mask(m.as_str());
        out[m.range()].copy_from_slice(html.as_bytes());
        skip.push(m.range());
    }
    let free = |r: &Range<usize>, skip: &[Range<usize>]| {
        !skip.iter().any(|s| s.start < r.end && r.start < s.end)
    };
    static TAG: OnceLock<Regex> = OnceLock::new();
    let tag = TAG.get_or_init(|| Regex::new(r"</?[a-zA-Z][a-zA-Z0-9]*(?:\s[^<>\n]*)?/?>").unwrap());
    for m in tag.find_iter(text) {
        if !free(&m.range(), skip) {
            continue;
        }
        let closing = m.as_str().starts_with("</");
        if super::html::inline_is_tight(text, m.start(), m.end(), closing) {
            super::html::put_tight(out, m.start(), m.len(), "");
        } else {
            blank(out, m.range());
        }
    }
    static TITLE: OnceLock<Regex> = OnceLock::new();
    let title = TITLE.get_or_init(|| {
        Regex::new(r#"!\[[^\]\n]*\]\([^\s)]+(\s+(?:"[^"\n]*"|'[^'\n]*'))\)"#).unwrap()
    });
    for c in title.captures_iter(text) {
        let g = c.get(1).expect("group");
        blank(out, g.range());
    }
    static DEF: OnceLock<Regex> = OnceLock::new();
    let def = DEF.get_or_init(|| Regex::new(r"(?m)^ {0,3}\[[^\]\n]+\]:[ \t]*\S.*$").unwrap());
    for m in def.find_iter(text) {
        blank(out, m.range());
        skip.push(m.range());
    }
    static WIKI: OnceLock<Regex> = OnceLock::new();
    let wiki = WIKI.get_or_init(|| Regex::new(r"\[\[(?:[^\]|\n]*\|)?([^\]\n]+)\]\]").unwrap());
    for c in wiki.captures_iter(text) {
        let (m, shown) = (c.get(0).expect("match"), c.get(1).expect("group"));
        keep_at_end(out, m.range(), shown.as_str());
        skip.push(m.range());
    }
    static REF: OnceLock<Regex> = OnceLock::new();
    let reflink =
        REF.get_or_init(|| Regex::new(r"(?:^|[^!\]])\[([^\]\n]+)\]\[[^\]\n]*\]").unwrap());
    for c in reflink.captures_iter(text) {
        let (m, shown) = (c.get(0).expect("match"), c.get(1).expect("group"));
        if !free(&m.range(), skip) {
            continue;
        }
        let open = m.start() + m.as_str().find('[').unwrap_or(0);
        keep_at_end(out, open..m.end(), shown.as_str());
        skip.push(m.range());
    }
    static CALLOUT: OnceLock<Regex> = OnceLock::new();
    let callout =
        CALLOUT.get_or_init(|| Regex::new(r"(?m)^>[ \t]?(\[![A-Za-z-]+\][+-]?)").unwrap());
    for c in callout.captures_iter(text) {
        blank(out, c.get(1).expect("group").range());
    }
    // `*emphasis*` and `_emphasis_`: the marks, found by hand (`matchers::emphasis_marks`).
    for (a, b) in crate::matchers::emphasis_marks(text) {
        if text.as_bytes()[a] == text.as_bytes()[b] && free(&(a..b + 1), skip) {
            blank(out, a..a + 1);
            blank(out, b..b + 1);
        }
    }
}

/// Blanks `range` and writes `shown` at its end, so punctuation after the link stays next
/// to the text.
fn keep_at_end(out: &mut [u8], range: Range<usize>, shown: &str) {
    blank(out, range.clone());
    let at = range.end - shown.len();
    out[at..range.end].copy_from_slice(shown.as_bytes());
}

/// Where the Markdown marks the title: a front-matter `title` or `headline`, and a
/// level-1 heading (`# …`) that opens the document (a `# 24 …` line further down, under
/// other text, may be an episode number in a plain text).
fn titles(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut at = 0;
    if let Some((fm, pairs)) = front_matter(text) {
        out.extend(
            pairs
                .iter()
                .filter(|(k, _, _)| k == "title" || k == "headline")
                .map(|(_, _, r)| r.clone()),
        );
        at = fm.end;
    }
    for line in text[at..].split_inclusive('\n') {
        if line.trim().is_empty() {
            at += line.len();
            continue;
        }
        if let Some(h) = line.strip_prefix("# ") {
            let h = h.trim_end();
            let start = at + 2 + (h.len() - h.trim_start().len());
            out.push(start..at + 2 + h.len());
        }
        break;
    }
    out
}

/// The Markdown with its markup blanked out, same length.
pub fn mask(text: &str) -> String {
    let mut out = text.as_bytes().to_vec();
    if let Some((fm, pairs)) = front_matter(text) {
        blank(&mut out, fm.clone());
        // The title is the page's headline as shown; when the body repeats it in no
        // heading of its own, the recognizer sees it where it stands, as a headline line,
        // so what a headline tells (`Name: "…"` names the interviewee) is read from it.
        let body_heading = text[fm.end..]
            .lines()
            .any(|l| l.starts_with("# ") || l.trim() == "#");
        if let Some((_, value, r)) = pairs
            .iter()
            .find(|(k, _, _)| k == "title" || k == "headline")
        {
            if !body_heading && !value.contains('\n') {
                out[r.clone()].copy_from_slice(&text.as_bytes()[r.clone()]);
            }
        }
    }
    let mut skip = Vec::new();
    mask_extra(text, &mut out, &mut skip);
    for c in markup_re().captures_iter(text) {
        let m = c.get(0).expect("match");
        if skip.iter().any(|s| s.start < m.end() && m.start() < s.end) {
            continue;
        }
        match c.get(1) {
            // `[text](url)`: keep the text, moved to the end of the link's bytes so that
            // the punctuation after the link stays next to it.
            Some(inner) => {
                let open = m.start() + m.as_str().find('[').unwrap_or(0);
                let text = inner.as_str().as_bytes().to_vec();
                blank(&mut out, open..m.end());
                let at = m.end() - text.len();
                out[at..m.end()].copy_from_slice(&text);
            }
            None => blank(&mut out, m.range()),
        }
    }
    super::masked_text(out)
}

/// Section headings (`## Über die Arbeit`: a heading below the first that asks nothing)
/// and pull quotes (a blockquote that is one quotation, `> "…"`, maybe with its
/// attribution): page furniture that repeats or announces, never a turn. Their byte ranges
/// and what they are.
fn furniture(text: &str) -> Vec<(Range<usize>, &'static str)> {
    let mut out = Vec::new();
    let body = front_matter(text).map_or(0, |(r, _)| r.end);
    let mut pos = body;
    let mut seen_heading = false;
    let mut quote: Option<Range<usize>> = None;
    let opens = ['"', '“', '„', '«', '‚', '\'', '‘', '»'];
    let closes = ['"', '”', '“', '»', '«', '\'', '’'];
    let is_pull = |r: &Range<usize>| {
        let joined: String = text[r.clone()]
            .lines()
            .map(|l| l.trim_start_matches('>').trim())
            .collect::<Vec<_>>()
            .join(" ");
        let j = joined.trim();
        // Drop an attribution after the quotation (`"…" — Lena Vogt`).
        let j = match j.rfind(['—', '–']) {
            Some(i) if i > 0 && j[..i].trim_end().ends_with(closes) => j[..i].trim_end(),
            _ => j,
        };
        // An Obsidian callout of a quotation (`> [!quote] …`) is a pull quote by its type.
        let callout = j.get(..8).is_some_and(|t| {
            let t = t.to_ascii_lowercase();
            t.starts_with("[!quote]") || t.starts_with("[!cite]")
        });
        callout || j.chars().count() > 2 && j.starts_with(opens) && j.ends_with(closes)
    };
    for line in text[body..].split_inclusive('\n') {
        let start = pos;
        pos += line.len();
        let t = line.trim_end();
        if t.starts_with('>') {
            quote = Some(quote.map_or(start..start + t.len(), |q| q.start..start + t.len()));
            continue;
        }
        if let Some(q) = quote.take() {
            if is_pull(&q) {
                out.push((q, "pull quote"));
            }
        }
        if nav_row(t) {
            out.push((start..start + t.len(), "navigation row"));
            continue;
        }
        let hashes = t.len() - t.trim_start_matches('#').len();
        if (1..=6).contains(&hashes) && t[hashes..].starts_with([' ', '\t']) {
            let h = t[hashes..].trim().trim_end_matches('#').trim();
            if seen_heading && hashes >= 2 && !h.ends_with(['?', '？']) && !h.is_empty() {
                out.push((start..start + t.len(), "section heading"));
            }
            seen_heading = true;
        }
    }
    if let Some(q) = quote.filter(|q| is_pull(q)) {
        out.push((q, "pull quote"));
    }
    out
}

/// `[Home](/) [Culture](/culture) [Books](/books)`: a line of two or more links and
/// nothing else but separators is the site's navigation, whatever the links say (a
/// headline or a turn is never only links).
fn nav_row(t: &str) -> bool {
    static LINK: OnceLock<Regex> = OnceLock::new();
    let link = LINK.get_or_init(|| Regex::new(r"\[[^\]\n]+\]\([^)\n]*\)").unwrap());
    let n = link.find_iter(t).count();
    n >= 2
        && link.replace_all(t, "").chars().all(|c| {
            c.is_whitespace()
                || matches!(c, '|' | '/' | '·' | '•' | '>' | '»' | '›' | '-' | '–' | ',')
        })
}

/// Reads Markdown.
pub fn read(text: &str) -> Interview {
    let mut masked = mask(text);
    let furniture = furniture(text);
    if !furniture.is_empty() {
        let mut bytes = masked.into_bytes();
        for (r, _) in &furniture {
            blank(&mut bytes, r.clone());
        }
        masked = super::masked_text(bytes);
    }
    let mut iv = structure::recognize_with(
        &masked,
        &structure::Options {
            emphasis: emphasis(text),
            titles: titles(text),
            ..Default::default()
        },
    );
    for (r, what) in furniture {
        let shown: String = text[r.clone()].trim().chars().take(60).collect();
        iv.diagnostics.push(Diagnostic::info(
            "markdown-furniture",
            format!("left out a {what}, not a turn: '{shown}'"),
            Some(r),
        ));
    }
    let Some((_, pairs)) = front_matter(text) else {
        return iv;
    };
    for (key, value, span) in pairs {
        let sourced = || Sourced::from_text(value.clone(), span.clone());
        match key.as_str() {
            "title" | "headline" => iv.meta.headline = Some(sourced()),
            "description" | "summary" => iv.meta.description = Some(sourced()),
            // Front matter is metadata as a sidecar is: its values get the sidecar's
            // checks (URLs in `urls::tidy`, after every reader), and a bad one is
            // dropped with a warning at its line in this file.
            "lang" | "language" | "inlanguage" => {
                match crate::meta::values::parse_language(&value) {
                    Ok(tag) => iv.meta.language = Some(Sourced::from_text(tag, span.clone())),
                    Err(e) => iv.diagnostics.push(Diagnostic::warning(
                        "bad-language",
                        format!("front matter '{key}': {e}; dropped"),
                        Some(span.clone()),
                    )),
                }
            }
            "source" | "source_url" | "original" => iv.meta.source_url = Some(sourced()),
            "url" | "canonical" => iv.meta.url = Some(sourced()),
            "date" | "published" | "datepublished" => match dates::parse(&value) {
                Ok(d) => iv.meta.date_published = Some(Sourced::from_text(d, span.clone())),
                Err(e) => iv.diagnostics.push(Diagnostic::warning(
                    "bad-date",
                    format!("front matter '{key}': {e}"),
                    Some(span.clone()),
                )),
            },
            // `author:` is the article's byline: the author of a Q&A asks the questions,
            // unless the text already names who does. Only a personal name counts.
            "author"
                if !byline_name(&value)
                    || iv.people.iter().any(|p| p.role == Role::Interviewer) => {}
            "interviewer" | "interviewee" | "author" => {
                let role = if key != "interviewee" {
                    Role::Interviewer
                } else {
                    Role::Interviewee
                };
                if !iv
                    .people
                    .iter()
                    .any(|p| p.role == role && p.name.value == value)
                {
                    iv.people.push(Person {
                        name: sourced(),
                        role,
                        job_title: None,
                        affiliation: None,
                        labels: Vec::new(),
                    });
                    let idx = iv.people.len() - 1;
                    let only_one = iv.people.iter().filter(|p| p.role == role).count() == 1;
                    for t in iv.turns.iter_mut().chain(iv.closing.iter_mut()) {
                        if t.role == role && t.speaker.is_none() && only_one {
                            t.speaker = Some(idx);
                        }
                    }
                    let code = if role == Role::Interviewer {
                        "no-interviewer-name"
                    } else {
                        "no-interviewee-name"
                    };
                    iv.diagnostics.retain(|d| d.code != code);
                }
            }
            _ => {}
        }
    }
    // What the front matter says beats what the text only seemed to show.
    if iv.meta.headline.is_some() {
        iv.diagnostics.retain(|d| d.code != "no-headline");
    }
    if iv.meta.date_published.is_some() {
        iv.diagnostics.retain(|d| d.code != "no-date");
    }
    iv
}

/// A personal name as a byline gives it: two to four capitalised words, no digits.
fn byline_name(v: &str) -> bool {
    let words: Vec<&str> = v.split_whitespace().collect();
    (2..=4).contains(&words.len())
        && words.iter().all(|w| {
            w.chars().next().is_some_and(char::is_uppercase)
                && w.chars().all(|c| c.is_alphabetic() || "-.'’".contains(c))
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    const MD: &str = "---\ntitle: \"Keeping the harbour alive\"\ndate: 2024-05-01\nlang: en\ninterviewee: Ana Ruiz\nsource: https://example.org/harbour\n---\n\n# Keeping the harbour alive\n\n> \"We fix what the sea breaks.\"\n\n**Q:** Why did you stay in the harbour?\n\n**A:** Because the boats need someone who knows them. See [our workshop](https://example.org/w).\n\n**Q:** What comes next?\n\n**A:** A school for young boat builders.\n";

    #[test]
    fn exports_markup_is_blanked() {
        let md = "![Ida](a/b.jpg \"Werkstatt\")\n*Ida an der Bank. Foto: Mats Falk*\n\nSiehe [[Reisen 2024]] und den [Bericht][r], <em>bitte</em>.\n\n[r]: https://x.example/r\n";
        let m = mask(md);
        assert_eq!(m.len(), md.len());
        let shown: String = m
            .chars()
            .filter(|c| !matches!(c, '\u{200b}' | '\u{ad}'))
            .collect();
        let words: Vec<&str> = shown.split_whitespace().collect();
        assert_eq!(
            words.join(" "),
            "![Ida](a/b.jpg ) Ida an der Bank. Foto: Mats Falk Siehe Reisen 2024 und den Bericht, bitte."
        );
    }

    #[test]
    fn front_matter_and_markup() {
        let m = mask(MD);
        assert_eq!(m.len(), MD.len());
        let iv = read(MD);
        assert_eq!(
            iv.meta.headline.as_ref().unwrap().value,
            "Keeping the harbour alive"
        );
        assert_eq!(
            iv.meta.date_published.as_ref().unwrap().value.as_str(),
            "2024-05-01"
        );
        assert_eq!(iv.meta.language.as_ref().unwrap().value, "en");
        assert_eq!(
            iv.meta.source_url.as_ref().unwrap().value,
            "https://example.org/harbour"
        );
        let ex = iv.exchanges();
        assert_eq!(ex.len(), 2, "{:#?}", iv.turns);
        assert_eq!(ex[0].question.text(), "Why did you stay in the harbour?");
        assert_eq!(
            ex[0].answers[0].text(),
            "Because the boats need someone who knows them. See our workshop."
        );
        assert_eq!(iv.people[0].name.value, "Ana Ruiz");
        assert_eq!(ex[1].answers[0].speaker, Some(0));
    }
}
