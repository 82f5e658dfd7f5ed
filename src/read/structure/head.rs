//! The head: everything before the first turn. It gives the headline, the dateline and
//! publication date, the lead and editor's note; title blocks and navigation are left out.
//! Nothing is guessed: no headline line, no headline.

use super::lines::{Line, LineKind};
use super::{ends_sentence, short, Para};
use crate::infer::dates;
use crate::model::{Diagnostic, Interview, Sourced};
use crate::read::lexicon::{self, lexicon};

fn is_prose(t: &str) -> bool {
    let words = t.split_whitespace().count();
    t.chars().count() >= 80 || (ends_sentence(t) && words >= 6 && !t.ends_with(':'))
}

/// Reads the head (lines before `end_line`) into `iv.meta` and `iv.lead`.
pub fn read_head(
    src: &str,
    ls: &[Line],
    used: &[bool],
    paras: &[Para],
    end_line: usize,
    iv: &mut Interview,
) {
    let lex = lexicon();
    let head: Vec<usize> = (0..ls.len().min(end_line))
        .filter(|&i| !used[i] && ls[i].kind == LineKind::Text)
        .collect();
    let mut seen_prose = false;
    let mut date_line: Option<usize> = None;
    // An archive's title block below: a line ending in `Project`/`Collection` names the
    // collection, not this interview.
    let archive = !super::title_block(src, ls).is_empty();
    for (n, &i) in head.iter().enumerate() {
        let t = ls[i].text(src);
        let para = paras.iter().find(|p| p.line == i);
        // Editor's note: part of the lead.
        if lexicon::starts_with_phrase(&lex.editor_note_prefixes, t).is_some() {
            if let Some(p) = para {
                iv.lead.push(p.paragraph());
            }
            seen_prose = true;
            continue;
        }
        // Date line or dateline.
        if iv.meta.date_published.is_none() && t.chars().count() <= 80 {
            if let Some((date, r)) = dates::find(t) {
                let rest = format!("{} {}", &t[..r.start], &t[r.end..]);
                let rest = rest.trim().trim_matches(|c: char| {
                    c == '–' || c == '-' || c == '—' || c == ',' || c == '|' || c.is_whitespace()
                });
                // `Oleh **Sari Wulandari** · Rabu, 10 Juli 2024 14:20 WIB`: a byline, then
                // the date with its weekday and clock.
                let byline_date = lexicon::starts_with_phrase(&lex.byline_prefixes, rest).is_some()
                    && without_date_words(rest).split_whitespace().count() <= 6;
                if rest.split_whitespace().count() <= 5 || byline_date {
                    let s = ls[i].span.start;
                    iv.meta.date_published = Some(Sourced::from_text(date, s + r.start..s + r.end));
                    // `Published 4 June 2023`: a word about the date, not a place.
                    let about_date = lexicon::contains(&lex.not_labels, rest.trim_end_matches(':'));
                    // `Por Marta Vidal | 30 de noviembre`: a byline, not a place.
                    let byline = lexicon::starts_with_phrase(&lex.byline_prefixes, rest).is_some();
                    // `Senin, … 10:30 WIB`, `…, 18:04 Uhr`: weekday and clock, not a place.
                    let rest = without_date_words(rest);
                    let rest = rest.as_str();
                    if !rest.is_empty()
                        && t.contains(rest)
                        && place_like(rest)
                        && !about_date
                        && !byline
                    {
                        let off = t.find(rest).unwrap_or(0);
                        iv.meta.dateline = Some(Sourced::from_text(
                            rest.to_string(),
                            s + off..s + off + rest.len(),
                        ));
                    }
                    date_line = Some(n);
                    continue;
                }
            }
        }
        // A section kicker (`Features / Music`) above a headline is not the headline.
        let kicker = super::lines::section_kicker(t)
            && head[n + 1..].iter().take(2).any(|&j| {
                headline_like(src, ls, j) && !super::lines::section_kicker(ls[j].text(src))
            });
        // `Morning Edition Extra` over `Why small farms are betting on solar`: a short
        // name in title case right above a headline written as a sentence is the
        // programme's or section's name.
        let kicker = kicker
            || (title_case_name(t)
                && head.get(n + 1).is_some_and(|&j| {
                    let u = ls[j].text(src);
                    headline_like(src, ls, j)
                        && !title_case_name(u)
                        && (4..=10).contains(&u.split_whitespace().count())
                        && dates::find(u).is_none()
                        && lexicon::starts_with_phrase(&lex.byline_prefixes, u).is_none()
                        && ls[j].block != ls[i].block
                }));
        let collection = archive
            && t.split_whitespace()
                .last()
                .is_some_and(|w| lexicon::contains(&lex.collection_words, w));
        if iv.meta.headline.is_none()
            && (!seen_prose)
            && !kicker
            && !collection
            && headline_like(src, ls, i)
            && !place_like_line(t)
        {
            // A Markdown heading mark is formatting, not part of the headline.
            let h = t.trim_start_matches('#').trim_start();
            let s = ls[i].span.start + (t.len() - h.len());
            iv.meta.headline = Some(Sourced::from_text(
                super::collapse_spaces(h),
                s..ls[i].span.end,
            ));
            continue;
        }
        if is_prose(t) {
            seen_prose = true;
            if let Some(p) = para {
                iv.lead.push(p.paragraph());
            }
            continue;
        }
        iv.diagnostics.push(Diagnostic::info(
            "title-block",
            format!(
                "left out of the lead (title block or heading): '{}'",
                short(t)
            ),
            Some(ls[i].span.clone()),
        ));
    }
    // A place line next to a date line is the dateline.
    if let (Some(n), None) = (date_line, &iv.meta.dateline) {
        for m in [n.wrapping_sub(1), n + 1] {
            if let Some(&i) = head.get(m) {
                let t = ls[i].text(src);
                let is_headline = iv.meta.headline.as_ref().is_some_and(|h| {
                    h.provenance
                        == crate::model::Provenance::Text {
                            span: ls[i].span.clone(),
                        }
                });
                if place_like_line(t) && !is_headline {
                    iv.meta.dateline = Some(Sourced::from_text(t.to_string(), ls[i].span.clone()));
                    break;
                }
            }
        }
    }
    if iv.meta.headline.is_none() {
        iv.diagnostics.push(Diagnostic::warning("no-headline", "the text shows no headline line; none is given (pass --headline or a sidecar to set one)", None));
    }
    if iv.meta.date_published.is_none() {
        iv.diagnostics.push(Diagnostic::warning("no-date", "the text shows no date line; no publication date is given (pass one in a sidecar or manifest)", None));
    }
}

/// Two to four words, each capitalised, no sentence mark: `Morning Edition Extra`.
fn title_case_name(t: &str) -> bool {
    let words: Vec<&str> = t.split_whitespace().collect();
    (2..=4).contains(&words.len())
        && !t.starts_with('#')
        && !ends_sentence(t)
        && words
            .iter()
            .all(|w| w.chars().next().is_some_and(char::is_uppercase))
}

/// `San José, Costa Rica`, `Buenos Aires, Argentina`, `Houston, TX`.
/// `rest` of a date line without weekday names, clock times and time zones, trimmed.
fn without_date_words(rest: &str) -> String {
    let lex = lexicon();
    let words: Vec<&str> = rest.split_whitespace().collect();
    let bare = |w: &str| {
        w.trim_matches(|c: char| matches!(c, ',' | '(' | ')' | '|' | '-' | '–' | '—'))
            .to_lowercase()
    };
    let clock = |w: &str| {
        let w = bare(w);
        let w = w.trim_start_matches("gmt").trim_start_matches("utc");
        !w.is_empty()
            && w.chars().any(|c| c.is_ascii_digit())
            && w.chars()
                .all(|c| c.is_ascii_digit() || matches!(c, ':' | '.' | 'h' | '+' | '-'))
    };
    let mut keep = vec![true; words.len()];
    let mut i = 0;
    while i < words.len() {
        let two =
            (i + 1 < words.len()).then(|| format!("{} {}", bare(words[i]), bare(words[i + 1])));
        if two.is_some_and(|p| lexicon::contains(&lex.date_words, &p)) {
            keep[i] = false;
            keep[i + 1] = false;
            i += 2;
            continue;
        }
        if clock(words[i]) || lexicon::contains(&lex.date_words, &bare(words[i])) {
            keep[i] = false;
        }
        i += 1;
    }
    let kept: Vec<&str> = words
        .iter()
        .zip(keep)
        .filter(|(_, k)| *k)
        .map(|(w, _)| *w)
        .collect();
    kept.join(" ")
        .trim()
        .trim_matches(|c: char| matches!(c, '–' | '-' | '—' | ',' | '|') || c.is_whitespace())
        .to_string()
}

fn place_like(t: &str) -> bool {
    let words: Vec<&str> = t.split_whitespace().collect();
    !words.is_empty()
        && words.len() <= 5
        && !ends_sentence(t)
        && words
            .iter()
            .all(|w| w.chars().next().is_some_and(|c| c.is_uppercase()) || w.chars().count() <= 3)
}

fn place_like_line(t: &str) -> bool {
    t.contains(',') && place_like(t)
}

/// A headline stands apart: alone in its block, or first in a block whose next line is
/// prose (a byline or lead directly under it).
fn headline_like(src: &str, ls: &[Line], i: usize) -> bool {
    let lex = lexicon();
    let t = ls[i].text(src);
    // Width, not characters: a Han, kana or Hangul character says about as much as two
    // Latin letters (`城市里的养蜂人` is a headline, `Home` is not).
    let chars: usize = t
        .chars()
        .map(|c| {
            if matches!(c, '\u{1100}'..='\u{11FF}' | '\u{3040}'..='\u{30FF}' | '\u{3400}'..='\u{9FFF}' | '\u{AC00}'..='\u{D7AF}') {
                2
            } else {
                1
            }
        })
        .sum();
    if !(8..=200).contains(&chars)
        || t.split_whitespace().count() > 30
        || t.ends_with(['.', ':', ';', ',', '。', '：', '；', '，', '।', '។', '။'])
    {
        return false;
    }
    // `Entrevista de Juan Pérez` credits who asked; `Entrevista de la ministra …` (an
    // article or a lower-case word after the phrase) is a headline about the interview.
    if let Some(p) = lexicon::starts_with_phrase(&lex.interviewer_phrases, t) {
        let next = t.trim_start()[p.len()..].trim_start();
        if !next.chars().next().is_some_and(char::is_lowercase) {
            return false;
        }
    }
    let block: Vec<usize> = (0..ls.len())
        .filter(|&j| ls[j].block == ls[i].block && ls[j].kind != LineKind::Blank)
        .collect();
    if block.len() == 1 {
        return true;
    }
    // First in its block, with prose or a date line right under it.
    block.first() == Some(&i)
        && block.get(1).is_some_and(|&j| {
            let u = ls[j].text(src);
            ls[j].kind == LineKind::Text
                && (is_prose(u) || (u.chars().count() <= 40 && dates::find(u).is_some()))
        })
}
