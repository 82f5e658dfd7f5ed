//! A standalone HTML5 page of the interview, for people and for crawlers.
//!
//! The page carries the very JSON-LD document the [`super::jsonld`] writer
//! produces, byte for byte, inside `<script type="application/ld+json">` — one builder,
//! so the page and the `.jsonld` file can never disagree — and shows the same content
//! as the NewsML-G2 body: headline, lead, each turn (question, answer or remark by
//! class, with the speaker's name when known), figures with caption and credit, the
//! closing and a link to the source.
//!
//! Why a string builder and not an HTML library: the page is small, fixed in shape and
//! must be byte-deterministic; every piece of text goes through [`escape`] and every
//! attribute value through [`escape_attr`], and nothing else is ever interpolated.
//! Text is also cleaned of the control characters HTML treats as parse errors
//! ([`super::clean_xml_text`], the same set XML 1.0 forbids), so the
//! three outputs carry the same text.
//!
//! HTML requires a `<title>`: it is the headline, or when none is known a title built
//! only from facts ([`super::fallback_title`]: the genre in the text's language and the
//! interviewees' names), which the page's `<h1>` does not repeat as a headline. `lang`
//! appears only when the language is known.

use super::{clean_xml_text, jsonld, WriteContext};
use crate::model::{Figure, Interview, Turn, TurnKind};
use std::fmt::Write as _;

/// Escapes text content: `&`, `<`, `>` (and cleans forbidden characters: those XML
/// forbids, plus what HTML alone forbids — C1 controls and noncharacters, which real
/// archive records carry as mojibake).
pub fn escape(text: &str) -> String {
    let cleaned = clean_xml_text(text);
    let mut out = String::with_capacity(cleaned.len());
    let html_forbidden = |c: char| {
        ('\u{7f}'..='\u{9f}').contains(&c)
            || ('\u{fdd0}'..='\u{fdef}').contains(&c)
            || (c as u32 & 0xfffe) == 0xfffe
    };
    for c in cleaned.chars().filter(|&c| !html_forbidden(c)) {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            c => out.push(c),
        }
    }
    out
}

/// Escapes a double-quoted attribute value: as [`escape`], plus `"` and `'`.
pub fn escape_attr(text: &str) -> String {
    escape(text).replace('"', "&quot;").replace('\'', "&#39;")
}

/// Makes JSON safe inside a `<script>` element: `</` (which would close the element)
/// becomes `<\/` and `<!--` (which would switch the HTML tokenizer into its escaped
/// script state) becomes `\u003c!--`. Both are the same strings to a JSON parser, and
/// `<` only ever occurs inside JSON strings. The jsonld writer already writes `<` as
/// `\u003c`, so for colloquy's own documents this changes nothing — it is the guarantee
/// that holds even if that ever changes.
pub fn script_safe(json: &str) -> String {
    json.replace("</", "<\\/").replace("<!--", "\\u003c!--")
}

fn known(s: Option<&str>) -> Option<&str> {
    s.map(str::trim)
        .filter(|s| !clean_xml_text(s).trim().is_empty())
}

/// Renders the page. Deterministic: same model and context → same bytes.
pub fn page(interview: &Interview, ctx: &WriteContext) -> String {
    page_with_jsonld(interview, &jsonld::render(interview, ctx))
}

/// Renders the page around an already rendered JSON-LD document (the pipeline renders
/// it once for both outputs).
pub fn page_with_jsonld(interview: &Interview, json: &str) -> String {
    let meta = &interview.meta;
    let headline = known(meta.headline.as_ref().map(|h| h.value.as_str()));
    let mut out = String::with_capacity(json.len() * 2 + 1024);
    out.push_str("<!DOCTYPE html>\n");
    match known(interview.language()) {
        Some(lang) => {
            let _ = writeln!(out, "<html lang=\"{}\">", escape_attr(lang));
        }
        None => out.push_str("<html>\n"),
    }
    out.push_str("<head>\n<meta charset=\"utf-8\">\n");
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    let title = headline.map_or_else(|| super::fallback_title(interview), str::to_string);
    let _ = writeln!(out, "<title>{}</title>", escape(&title));
    if let Some(d) = known(meta.description.as_ref().map(|d| d.value.as_str())) {
        let _ = writeln!(
            out,
            "<meta name=\"description\" content=\"{}\">",
            escape_attr(d)
        );
    }
    if let Some(url) = known(meta.url.as_ref().map(|u| u.value.as_str())) {
        let _ = writeln!(
            out,
            "<link rel=\"canonical\" href=\"{}\">",
            escape_attr(url)
        );
    }
    // The block's content is exactly the .jsonld file (trailing newline included), so
    // extracting it gives those bytes back.
    out.push_str("<script type=\"application/ld+json\">");
    out.push_str(&script_safe(json));
    out.push_str("</script>\n</head>\n<body>\n<article class=\"interview\">\n");

    if let Some(h) = headline {
        let _ = writeln!(out, "<h1>{}</h1>", escape(h));
    }
    if let Some(date) = meta.date_published.as_ref() {
        let d = date.value.as_str().trim();
        if !d.is_empty() {
            let _ = writeln!(
                out,
                "<p class=\"date\"><time datetime=\"{}\">{}</time></p>",
                escape_attr(d),
                escape(d)
            );
        }
    }
    let lead: Vec<&str> = interview
        .lead
        .iter()
        .filter_map(|p| known(Some(&p.text)))
        .collect();
    if !lead.is_empty() {
        out.push_str("<div class=\"lead\">\n");
        for p in lead {
            let _ = writeln!(out, "<p>{}</p>", escape(p));
        }
        out.push_str("</div>\n");
    }
    // Figures stand where they stood in the source, between the turns.
    let mut figures = interview.figures.iter().peekable();
    for turn in &interview.turns {
        while let Some(f) = figures.next_if(|f| f.span.start < turn.span.start) {
            write_figure(&mut out, f);
        }
        let class = match turn.kind {
            TurnKind::Question => "question",
            TurnKind::Answer => "answer",
            TurnKind::Remark => "remark",
        };
        write_turn(&mut out, interview, class, turn);
    }
    for f in figures {
        write_figure(&mut out, f);
    }
    if let Some(closing) = &interview.closing {
        write_turn(&mut out, interview, "closing", closing);
    }
    if let Some(src) = known(meta.source_url.as_ref().map(|s| s.value.as_str())) {
        let _ = writeln!(
            out,
            "<p class=\"source\"><a href=\"{}\">{}</a></p>",
            escape_attr(src),
            escape(src)
        );
    }
    out.push_str("</article>\n</body>\n</html>\n");
    out
}

/// The name shown for a turn's speaker: the person's name when the speaker is known
/// (the same rule the JSON-LD `author` uses), else the label as printed.
fn speaker_name<'a>(interview: &'a Interview, turn: &'a Turn) -> Option<&'a str> {
    jsonld::turn_speaker(interview, turn)
        .and_then(|i| known(Some(interview.people[i].name.value.as_str())))
        .or_else(|| known(turn.label.as_deref()))
}

fn write_turn(out: &mut String, interview: &Interview, class: &str, turn: &Turn) {
    let paragraphs: Vec<&str> = turn
        .paragraphs
        .iter()
        .filter_map(|p| known(Some(&p.text)))
        .collect();
    if paragraphs.is_empty() {
        return;
    }
    let speaker = speaker_name(interview, turn);
    match speaker {
        Some(name) => {
            let _ = writeln!(
                out,
                "<div class=\"{class}\" data-speaker=\"{}\">",
                escape_attr(name)
            );
        }
        None => {
            let _ = writeln!(out, "<div class=\"{class}\">");
        }
    }
    for (i, p) in paragraphs.iter().enumerate() {
        match speaker.filter(|_| i == 0) {
            Some(name) => {
                let _ = writeln!(
                    out,
                    "<p><strong class=\"speaker\">{}:</strong> {}</p>",
                    escape(name),
                    escape(p)
                );
            }
            None => {
                let _ = writeln!(out, "<p>{}</p>", escape(p));
            }
        }
    }
    out.push_str("</div>\n");
}

fn write_figure(out: &mut String, f: &Figure) {
    let caption = known(f.caption.as_deref());
    let credit = known(f.credit.as_deref());
    let url = known(f.image_url.as_deref());
    if caption.is_none() && credit.is_none() && url.is_none() {
        return;
    }
    out.push_str("<figure>\n");
    if let Some(src) = url {
        let _ = writeln!(
            out,
            "<img src=\"{}\" alt=\"{}\">",
            escape_attr(src),
            escape_attr(known(f.alt.as_deref()).unwrap_or(""))
        );
    }
    if caption.is_some() || credit.is_some() {
        out.push_str("<figcaption>");
        if let Some(c) = caption {
            out.push_str(&escape(c));
        }
        if let Some(c) = credit {
            if caption.is_some() {
                out.push(' ');
            }
            let _ = write!(out, "<span class=\"credit\">{}</span>", escape(c));
        }
        out.push_str("</figcaption>\n");
    }
    out.push_str("</figure>\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_quotes() {
        assert_eq!(escape("a < b & \"c\""), "a &lt; b &amp; \"c\"");
        assert_eq!(escape_attr("x\"y'z<"), "x&quot;y&#39;z&lt;");
        assert_eq!(escape("bell\u{7}"), "bell");
    }

    #[test]
    fn script_safe_cannot_close_the_block() {
        let s = script_safe(r#"{"a": "</script><!-- x"}"#);
        assert!(!s.contains("</"));
        assert!(!s.contains("<!--"));
        let v: serde_json::Value = serde_json::from_str(&s).unwrap();
        assert_eq!(v["a"], "</script><!-- x");
    }
}
