//! The head: everything before the first turn. It gives the headline, the dateline and
//! publication date, the lead and editor's note; title blocks and navigation are left out.
//! Nothing is guessed: no headline line, no headline.

use super::lines::{Line, LineKind};
use super::{ends_sentence, short, Para};
use crate::infer::dates;
use crate::lexicon::{self, lexicon};
use crate::model::{Diagnostic, Interview, Sourced};

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
    titles: &[std::ops::Range<usize>],
    iv: &mut Interview,
) {
    let lex = lexicon();
    let head: Vec<usize> = (0..ls.len().min(end_line))
        .filter(|&i| !used[i] && ls[i].kind == LineKind::Text)
        .filter(|&i| {
            // `Share this page: Facebook Twitter Email`: share buttons under a label.
            let t = ls[i].text(src);
            // The cheap tests first: most head lines are longer than a bar or a menu item.
            let bar = t.split_whitespace().nth(8).is_none()
                && lexicon::words(t)
                    .iter()
                    .filter(|w| lexicon::contains(&lex.share_words, w))
                    .count()
                    >= 2;
            // `English English, العربية العربية, Français Français, …`: a menu of four or
            // more short items (languages, sections), no sentence.
            let mut parts = t.split([',', '،', '、']).map(str::trim);
            let menu = parts
                .clone()
                .all(|p| !p.is_empty() && p.split_whitespace().nth(3).is_none())
                && parts.nth(3).is_some()
                && !ends_sentence(t);
            if bar || menu {
                let what = if bar { "share buttons" } else { "menu" };
                iv.diagnostics.push(Diagnostic::info(
                    "chrome-dropped",
                    format!("dropped site chrome ({what}): '{}'", short(t)),
                    Some(ls[i].span.clone()),
                ));
            }
            !bar && !menu
        })
        .collect();
    let mut seen_prose = false;
    let mut date_line: Option<usize> = None;
    // An archive's title block below: a line ending in `Project`/`Collection` names the
    // collection, not this interview. Looked for only once a line ends so.
    let archive = std::cell::OnceCell::new();
    let archive = || *archive.get_or_init(|| !super::title_block(src, ls).is_empty());
    for (n, &i) in head.iter().enumerate() {
        let t = ls[i].text(src);
        // Paragraphs are in line order: a search, not a scan per line (a text with no
        // question is all head, and the scan made it quadratic).
        let para = paras
            .binary_search_by_key(&i, |p| p.line)
            .ok()
            .map(|k| &paras[k]);
        // Editor's note: part of the lead.
        if lexicon::starts_with_phrase(&lex.editor_note_prefixes, t).is_some() {
            if let Some(p) = para {
                iv.lead.push(p.paragraph());
            }
            seen_prose = true;
            continue;
        }
        // Date line or dateline.
        if iv.meta.date_published.is_none() && t.chars().count() <= 200 {
            if let Some((date, r)) = dates::find(t) {
                let rest = format!("{} {}", &t[..r.start], &t[r.end..]);
                // A long line is a date line only when nothing but date words is left
                // beside the date (`الاثنين 28/1/1427 هـ - الموافق 27/2/2006 م … 16:57 …`).
                let long = t.chars().count() > 80;
                let rest = if long {
                    without_date_words(&without_asides(&rest))
                } else {
                    rest
                };
                let too_much = long && rest.split_whitespace().count() > 1;
                let rest = rest.trim().trim_matches(|c: char| {
                    c == '–' || c == '-' || c == '—' || c == ',' || c == '|' || c.is_whitespace()
                });
                // `Oleh **Sari Wulandari** · Rabu, 10 Juli 2024 14:20 WIB`: a byline, then
                // the date with its weekday and clock.
                let byline_date = lexicon::starts_with_phrase(&lex.byline_prefixes, rest).is_some()
                    && without_date_words(rest).split_whitespace().count() <= 6;
                // `tv Deadline White House MSNBC July 4, 2019 1:00pm-2:01pm PDT`: a
                // broadcast listing, the date followed by the hours on air.
                let on_air = hours_on_air(&t[r.start..]) && rest.split_whitespace().count() <= 9;
                if (rest.split_whitespace().count() <= 5 || byline_date || on_air) && !too_much {
                    let s = ls[i].span.start;
                    // The clock with its offset, when the line gives both.
                    let date = match &date {
                        crate::model::PubDate::Date(d) if d.len() == 10 => {
                            match date_time(src, ls, &head, t, d) {
                                Some(dt) => crate::model::PubDate::DateTime(dt),
                                None => date,
                            }
                        }
                        _ => date,
                    };
                    let r = if matches!(date, crate::model::PubDate::DateTime(_)) {
                        0..t.len()
                    } else {
                        r
                    };
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
        let collection = t
            .split_whitespace()
            .last()
            .is_some_and(|w| lexicon::contains(&lex.collection_words, w))
            && archive();
        // The first line is no evidence by itself: the page's shape must mark the line as
        // the title (a date, byline or lead under it, or the title printed again).
        let evidence = (iv.meta.headline.is_none()
            && !seen_prose
            && !kicker
            && !collection
            && (headline_like(src, ls, i) || last_over_lead(src, ls, i))
            && !place_like_line(t)
            && !never_headline(t))
        .then(|| {
            // The markup says so: a Markdown `# ` heading, a front-matter title.
            let marked = titles
                .iter()
                .any(|r| r.start < ls[i].span.end && ls[i].span.start < r.end);
            if marked {
                Some(("the markup marks it as the title".to_string(), None))
            } else {
                title_evidence(src, ls, &head, n)
            }
        })
        .flatten();
        if let Some((why, copy)) = evidence {
            // A Markdown heading mark is formatting, not part of the headline, unless the
            // title's other printing has it too (`# 24 Steve & Matthieu`: an episode number):
            // then the evidence gives the headline as printed.
            let h = copy.unwrap_or_else(|| t.trim_start_matches('#').trim());
            let s = h.as_ptr() as usize - src.as_ptr() as usize;
            iv.meta.headline = Some(Sourced::from_text(
                super::collapse_spaces(h),
                s..s + h.len(),
            ));
            iv.diagnostics.push(Diagnostic::info(
                "headline",
                format!("'{}' is the headline: {why}", short(h)),
                Some(ls[i].span.clone()),
            ));
            continue;
        }
        // A cookie or consent notice above the article is chrome, not the lead.
        if is_prose(t) && lexicon::mentions(&lex.consent_words, t) && iv.lead.is_empty() {
            iv.diagnostics.push(Diagnostic::info(
                "chrome-dropped",
                format!("dropped site chrome (consent notice): '{}'", short(t)),
                Some(ls[i].span.clone()),
            ));
            continue;
        }
        if is_prose(t) {
            // `Thursday, March 15, 2012 Wikinews interviewed …`, `WASHINGTON, March 15,
            // 2012 — …`: the dateline that opens the lead dates the article.
            if iv.meta.date_published.is_none() && !seen_prose && iv.lead.is_empty() {
                if let Some((date, r)) = lead_date(t) {
                    let s = ls[i].span.start;
                    iv.meta.date_published = Some(Sourced::from_text(date, s + r.start..s + r.end));
                }
            }
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

/// A range of clock times (`1:00pm-2:01pm`, `10:00 – 11:30`) in `t`.
fn hours_on_air(t: &str) -> bool {
    let clock_at = |s: &str| -> Option<usize> {
        let d = s.chars().take_while(char::is_ascii_digit).count();
        ((1..=2).contains(&d)
            && s[d..].starts_with(':')
            && s[d + 1..].chars().take_while(char::is_ascii_digit).count() == 2)
            .then_some(d + 3)
    };
    t.char_indices().any(|(i, _)| {
        let Some(n) = clock_at(&t[i..]) else {
            return false;
        };
        let rest = t[i + n..]
            .trim_start_matches(|c: char| c.is_ascii_alphabetic() || c == '.' || c == ' ');
        rest.strip_prefix(['-', '–'])
            .is_some_and(|r| clock_at(r.trim_start()).is_some())
    })
}

/// A `Label: text` line that is the title, not a turn: the first label of the text, its
/// text no sentence (`Frank Messina: An Interview with the 'Mets Poet'`), and a date line
/// right below it (`Wednesday, October 3, 2007`).
pub(super) fn label_is_title(src: &str, ls: &[Line], used: &[bool], line: usize) -> bool {
    let t = ls[line].text(src).trim();
    if super::ends_sentence(t) || t.chars().count() > 200 || t.ends_with([':', '：']) {
        return false;
    }
    let next: Vec<usize> = (line + 1..ls.len())
        .filter(|&k| !used[k] && ls[k].kind == LineKind::Text)
        .take(6)
        .collect();
    let date_line = |k: usize| {
        let u = ls[k].text(src).trim();
        u.chars().count() <= 80
            && dates::find(u).is_some_and(|(_, r)| {
                let rest = format!("{} {}", &u[..r.start], &u[r.end..]);
                without_date_words(&rest).split_whitespace().count() <= 3
            })
    };
    next.first().is_some_and(|&k| date_line(k))
}

/// A line that is never the headline whatever follows it: a list bullet or metadata
/// stamp (`• il y a 6 mois`), a navigation or accessibility link (`Return to Transcripts
/// main page`), a photo credit (`… Foto: Jan Novák`, `© AP`), a short tagline or credit with a bare year
/// (`Since 1887`, `Redaktionen - 2024`).
fn never_headline(t: &str) -> bool {
    let lex = lexicon();
    let t = t.trim();
    let lower = t.to_lowercase();
    if t.starts_with(['•', '·', '▪', '◦', '►', '▶', '→', '»']) || t.starts_with("- ")
    {
        return true;
    }
    if lexicon::starts_with_phrase(&lex.nav_phrases, t).is_some() {
        return true;
    }
    if lower.contains('©')
        || lexicon::occurrences_in(&lex.credit_prefixes, &lower)
            .into_iter()
            .any(|(p, at, end)| {
                let before_ok = lower[..at]
                    .chars()
                    .next_back()
                    .is_none_or(|c| !lexicon::is_word_char(c));
                let after = lower[end..].trim_start();
                lex.credit_prefixes[p].chars().count() >= 3
                    && before_ok
                    && (after.starts_with(':') || after.starts_with('：'))
            })
    {
        return true;
    }
    let words: Vec<&str> = t.split_whitespace().collect();
    let bare_year = words.iter().any(|w| {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit())
    });
    words.len() <= 5 && bare_year && dates::find(t).is_none()
}

/// Why the page's shape marks head line `head[n]` as the title, and the title's other
/// printing when that is the evidence; `None` when nothing does.
///
/// Evidence: the head prints it again (a page title above the displayed one, `Course,
/// Lesson title`); it names an interview and someone in it; a date line, a byline or the
/// lead follows it, or a dateline or byline block that holds the date.
fn title_evidence<'a>(
    src: &'a str,
    ls: &[Line],
    head: &[usize],
    n: usize,
) -> Option<(String, Option<&'a str>)> {
    let lex = lexicon();
    let t = ls[head[n]].text(src).trim();
    // The title printed again: the same words with other quotation marks, or the end of a
    // longer title bar (`French LingQ Podcast 1.0, # 24 Steve & Matthieu …`).
    let quotes = |s: &str| -> String {
        s.chars()
            .map(|c| {
                if matches!(
                    c,
                    '"' | '“' | '”' | '„' | '«' | '»' | '‘' | '’' | '\'' | '「' | '」'
                ) {
                    '\''
                } else {
                    c
                }
            })
            .collect::<String>()
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    };
    // The line as printed, with any mark the line reader set aside (`# 24 …`).
    let line_start = src[..ls[head[n]].span.start]
        .rfind('\n')
        .map_or(0, |p| p + 1);
    let raw = src[line_start..ls[head[n]].span.end].trim();
    let words = t.split_whitespace().count();
    // Both tests below need three words or more; the line's own forms are made once.
    let keys = (words >= 3).then(|| [(raw, quotes(raw)), (t, quotes(t))]);
    for (m, &k) in head.iter().enumerate() {
        if m == n {
            continue;
        }
        let other = match &keys {
            Some(_) => quotes(ls[k].text(src).trim()),
            None => String::new(),
        };
        for (cand, key) in keys.iter().flatten() {
            let cand: &'a str = cand;
            if words >= 4 && other == *key {
                return Some((
                    "the head prints it twice (a page title and the displayed one)".into(),
                    Some(cand),
                ));
            }
            let seps = [',', '-', '–', '—', '|', ':', '·'];
            let rest = (words >= 3 && other.len() > key.len())
                .then(|| {
                    other
                        .strip_suffix(key.as_str())
                        .map(|r| r.trim_end().ends_with(seps))
                        .or_else(|| {
                            other
                                .strip_prefix(key.as_str())
                                .map(|r| r.trim_start().starts_with(seps))
                        })
                })
                .flatten();
            if rest == Some(true) {
                return Some((
                    "a title bar in the head prints it after the site's or series' name".into(),
                    Some(cand),
                ));
            }
        }
        // `French LingQ Podcast 1.0, # 24 Steve & Matthieu …` above `# 24 Steve & …`,
        // whose heading mark the line reader set aside: the bar prints the title whole,
        // episode number and all.
        let bar = ls[k].text(src).trim();
        if words >= 3 && bar.len() > t.len() && bar.ends_with(t) {
            let before = bar[..bar.len() - t.len()].trim_end();
            if let Some(mark) = before.strip_suffix('#') {
                if mark
                    .trim_end()
                    .ends_with([',', '-', '–', '—', '|', ':', '·'])
                {
                    return Some((
                        "a title bar in the head prints it after the site's or series' name".into(),
                        Some(&bar[mark.len()..]),
                    ));
                }
            }
        }
    }
    let date_line = |u: &str| {
        u.chars().count() <= 80
            && dates::find(u).is_some_and(|(_, r)| {
                let rest = format!("{} {}", &u[..r.start], &u[r.end..]);
                without_date_words(&rest).split_whitespace().count() <= 6
            })
    };
    // A byline, or a credit of who asked (`Entrevista de Juan Pérez`, `حاوره: …`).
    let byline = |u: &str| {
        let u = u.trim_matches(['*', '_']);
        lexicon::starts_with_phrase(&lex.byline_prefixes, u).is_some()
            || lexicon::starts_with_phrase(&lex.interviewer_phrases, u).is_some()
    };
    let j = head.get(n + 1).copied();
    let u = j.map_or("", |j| ls[j].text(src).trim());
    let bar = t.contains(" | ");
    if date_line(u) && !bar {
        return Some(("a date line follows it".into(), None));
    }
    if byline(u) && !bar {
        return Some(("a byline follows it".into(), None));
    }
    if is_lead(u) && !bar {
        return Some(("the lead follows it".into(), None));
    }
    // A deck or kicker line alone (`Intervista a Giulia Ferri, apicoltrice`), then the
    // date line, the byline or the lead.
    if let (Some(j), Some(&k)) = (j, head.get(n + 2)) {
        let alone = !head.iter().any(|&m| m != j && ls[m].block == ls[j].block);
        let v = ls[k].text(src).trim();
        if alone && !bar && !is_lead(u) && (date_line(v) || byline(v) || is_lead(v)) {
            return Some((
                "a deck line and then a date line, byline or the lead follow it".into(),
                None,
            ));
        }
    }
    // The line names an interview and someone in it (`Wikinews interviews Christopher
    // Hill, …`, `Interview mit der Berliner Zeitung …`): the interview's own title.
    let ws: Vec<&str> = t.split_whitespace().collect();
    let capital = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    // Scripts without capitals (Arabic, Persian, Han, Thai) cannot show the name's
    // capitals; there a long enough line with the interview word does.
    let caseless = !t.chars().any(|c| c.is_uppercase() || c.is_lowercase());
    let named = ws.len() >= 2 && ws[1..].windows(2).any(|p| capital(p[0]) && capital(p[1]));
    let long = ws.len() >= 4 || (caseless && t.chars().count() >= 8);
    // Unspaced scripts (`インタビューとは何か。松家仁之さん篇`) have no words to match: there the
    // interview word is looked for inside the line, a line standing alone (a hard-wrapped
    // lead that mentions an interview runs on over several lines).
    let alone = !head
        .iter()
        .any(|&m| m != head[n] && ls[m].block == ls[head[n]].block);
    let unspaced_mention = caseless
        && alone
        && lex
            .interview_words
            .iter()
            .any(|w| w.chars().all(crate::lexicon::is_unspaced) && t.contains(w.as_str()));
    if long
        && (lexicon::mentions(&lex.interview_words, t) || unspaced_mention)
        && (named || caseless)
    {
        return Some(("it names an interview and who is in it".into(), None));
    }
    // `Harbour Voices — Episode 42: …`, `… | Ep. 7 – …`: a programme's numbered episode.
    let episode = ws.windows(2).any(|p| {
        lexicon::contains(&lex.episode_words, p[0].trim_start_matches(['—', '–', '|']))
            && p[1]
                .trim_start_matches(['#', '№'])
                .trim_end_matches([':', ',', '.'])
                .parse::<u32>()
                .is_ok()
    });
    if episode {
        return Some(("it names a programme's numbered episode".into(), None));
    }
    // `"Cada árbol cuenta": Lucía Ferrer`, `Nhà văn X: "…"`: a quotation and who said it.
    if quote_and_speaker(t) {
        return Some(("it quotes someone and names them".into(), None));
    }
    if t.contains(" | ") {
        return None; // a site's name and slogan, unless the line names what it is
    }
    let j = j?;
    // A dateline or byline block that holds the date.
    let block: Vec<usize> = head[n + 1..]
        .iter()
        .copied()
        .take_while(|&k| ls[k].block == ls[j].block)
        .collect();
    let short_lines = block.len() <= 10
        && block.iter().all(|&k| {
            let v = ls[k].text(src).trim();
            v.chars().count() <= 80 && !is_prose(v)
        });
    if !short_lines {
        return None;
    }
    // A dateline block (`San José, Costa Rica` / `30 de noviembre de 2010`) or a byline
    // block with its date; another headline-like line first would be the title instead.
    let first_ok = !headline_like(src, ls, j)
        || place_like_line(u)
        || (block.len() <= 3 && ws.len() >= 4 && !title_case_name(t));
    if first_ok && block.iter().any(|&k| date_line(ls[k].text(src).trim())) {
        return Some(("a byline block with a date follows it".into(), None));
    }
    None
}

/// `"Quote": Name` or `Name: "Quote"`: one quotation and two to four capitalised words.
fn quote_and_speaker(t: &str) -> bool {
    let opens = ['"', '“', '„', '«', '「'];
    let closes = ['"', '”', '“', '»', '」'];
    let name = |s: &str| {
        let ws: Vec<&str> = s.split_whitespace().collect();
        (2..=4).contains(&ws.len())
            && ws
                .iter()
                .all(|w| w.chars().next().is_some_and(char::is_uppercase))
    };
    let Some(colon) = t.find(':') else {
        return false;
    };
    let (a, b) = (t[..colon].trim(), t[colon + 1..].trim());
    let quoted = |s: &str| s.starts_with(opens) && s.ends_with(closes) && s.chars().count() >= 8;
    (quoted(a) && name(b)) || (name(a) && quoted(b))
}

/// A sentence of the lead under a title: it ends as a sentence (a question is the
/// interview starting), or runs long with sentences inside; not a cookie notice.
fn is_lead(u: &str) -> bool {
    let lex = lexicon();
    let u = u.trim();
    let sentence = (ends_sentence(u) && u.split_whitespace().count() >= 6)
        || (u.chars().count() >= 150 && u.contains(". "));
    sentence && !lexicon::mentions(&lex.consent_words, u) && !u.ends_with(['?', '？', '؟'])
}

/// The last text line of a block of page metadata, with the lead after it (`…` / `Article`
/// / `null` / `Ông Mai Ái Trực nói về 'nghề' Bộ trưởng`, then the lead): shaped like a
/// headline and placed like one, though not alone in its block.
fn last_over_lead(src: &str, ls: &[Line], i: usize) -> bool {
    let t = ls[i].text(src).trim();
    let shaped = (8..=200).contains(&t.chars().count())
        && !t.ends_with(['.', ':', ';', ',', '。', '：', '；', '，'])
        && t.split_whitespace().count() >= 3;
    let last = !ls[i + 1..]
        .iter()
        .take_while(|l| l.block == ls[i].block)
        .any(|l| l.kind == LineKind::Text);
    let others = ls[..i]
        .iter()
        .rev()
        .take_while(|l| l.block == ls[i].block)
        .any(|l| l.kind == LineKind::Text);
    let next = ls[i + 1..]
        .iter()
        .find(|l| l.kind == LineKind::Text)
        .is_some_and(|l| is_lead(l.text(src)));
    shaped && last && others && next
}

/// The date line's day with its clock and offset, when the line gives both, or gives the
/// clock and another head line states the same time with its zone (`11:00 AM` over `… at
/// 11 a.m. ET`).
fn date_time(src: &str, ls: &[Line], head: &[usize], t: &str, day: &str) -> Option<String> {
    if let Some((time, off)) = dates::clock_with_offset(t, day) {
        return Some(format!("{day}T{time}{off}"));
    }
    let (h, m) = dates::bare_clock(t, day)?;
    let others: String = head
        .iter()
        .map(|&k| ls[k].text(src))
        .filter(|u| *u != t)
        .collect::<Vec<_>>()
        .join("\n");
    let off = dates::offset_of_clock(&others, day, (h, m))?;
    Some(format!("{day}T{h:02}:{m:02}:00{off}"))
}

/// The date that opens a lead paragraph as its dateline: within its first words, with
/// only a weekday or a place before it (`Thursday,`, `WASHINGTON,`) and the sentence or a
/// dash after it.
fn lead_date(t: &str) -> Option<(crate::model::PubDate, std::ops::Range<usize>)> {
    let mut cut = t.len().min(60);
    while !t.is_char_boundary(cut) {
        cut -= 1;
    }
    let opening = &t[..cut];
    let (date, r) = dates::find(opening)?;
    if r.end >= cut {
        return None; // the date may run on past the opening
    }
    let before = without_date_words(&opening[..r.start]);
    let place =
        before.is_empty() || (place_like(&before) && before.split_whitespace().count() <= 3);
    let after = &t[r.end..];
    let sentence_goes_on = after.starts_with([' ', '—', '–', '-', ':', ',']);
    (place && sentence_goes_on && date.as_str().len() == 10).then_some((date, r))
}

/// The text without its parenthesised asides and dates of another calendar (`(Mecca)`,
/// `28/1/1427 هـ`) and clock times: what is left of a long date line.
fn without_asides(t: &str) -> String {
    let lex = lexicon();
    let mut out = String::new();
    let mut depth = 0;
    for c in t.chars() {
        match c {
            '(' => depth += 1,
            ')' => depth = (depth - 1).max(0),
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out.split_whitespace()
        .filter(|w| {
            let w = w.trim_matches(|c: char| matches!(c, ',' | '،' | '-' | '–'));
            let numeric = !w.is_empty()
                && w.chars()
                    .all(|c| c.is_ascii_digit() || matches!(c, '/' | '.' | ':'));
            !numeric && !lexicon::contains(&lex.other_calendar_marks, w)
        })
        .collect::<Vec<_>>()
        .join(" ")
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
