//! Photo rows and their captions: `![alt](url) |` followed by a caption that ends with
//! `|` (possibly over several lines), or by a line that carries a credit. The caption is
//! split into caption text and credit (without its `Foto:` / `Photo:` / `©` prefix).
//! A credit that pairs a known agency with a person's name (`Reuters/Jane Roe`) also
//! names the photographer; the credit itself stays as printed.
//!
//! Scrapes often keep only the caption of a picture, as its own paragraph: a caption
//! sentence ending in `Image: Name.` / `Ảnh: Name` / `(Foto: X) |`, a credit row alone
//! (`Foto: Lena Hoff/dpa`), or a bare `image` where the picture was. Such a paragraph is a
//! figure, never a turn, and an answer runs on across it.

use super::lines::{Line, LineKind};
use crate::lexicon::{self, lexicon};
use crate::model::Figure;

/// Finds the figures; marks photo rows and caption lines as used.
pub fn extract(src: &str, lines: &[Line], used: &mut [bool]) -> Vec<Figure> {
    let mut out = Vec::new();
    for i in 0..lines.len() {
        let LineKind::Photo { alt, url } = &lines[i].kind else {
            continue;
        };
        used[i] = true;
        let mut span = lines[i].span.clone();
        // The caption: up to 4 following text lines, the last of which ends with `|`.
        let next: Vec<usize> = (i + 1..lines.len())
            .filter(|&j| lines[j].kind != LineKind::Blank)
            .take(4)
            .take_while(|&j| lines[j].kind == LineKind::Text)
            .collect();
        let mut caption_lines: Vec<usize> = Vec::new();
        if let Some(k) = next.iter().position(|&j| lines[j].text(src).ends_with('|')) {
            caption_lines.extend(&next[..=k]);
        } else {
            for (n, &j) in next.iter().enumerate() {
                let t = unemphasised(lines[j].text(src));
                if alt.as_deref() == Some(t) {
                    caption_lines.push(j); // alt text repeated as a line
                    continue;
                }
                let (cap, credit) = split_credit(t);
                // The caption, then its credit alone on the very next line
                // (`사진=이민호 기자` under the caption).
                if credit.is_none() && caption_like(t) {
                    let below = next.get(n + 1).filter(|&&k| k == j + 1);
                    if let Some(&k) = below {
                        let (c2, cr2) = split_credit(unemphasised(lines[k].text(src)));
                        if c2.is_empty() && cr2.is_some() {
                            caption_lines.extend([j, k]);
                        }
                    }
                    break;
                }
                if credit.is_some() {
                    caption_lines.push(j);
                    // `Foto: Lena Hoff/dpa` alone, the caption on the very next line.
                    let k = j + 1;
                    if cap.is_empty()
                        && k < lines.len()
                        && lines[k].kind == LineKind::Text
                        && caption_like(lines[k].text(src))
                    {
                        caption_lines.push(k);
                    }
                }
                break;
            }
        }
        let mut parts: Vec<String> = Vec::new();
        for &j in &caption_lines {
            used[j] = true;
            span.end = lines[j].span.end;
            let t = unemphasised(lines[j].text(src))
                .trim_end_matches('|')
                .trim();
            if !t.is_empty() && alt.as_deref() != Some(t) || caption_lines.len() == 1 {
                parts.push(t.to_string());
            }
        }
        // Credit first, caption after: split each line, keep the first credit.
        let mut caption_parts: Vec<String> = Vec::new();
        let mut credit: Option<String> = None;
        for part in &parts {
            let (c, cr) = split_credit(part);
            if !c.is_empty() {
                caption_parts.push(c);
            }
            credit = credit.or(cr);
        }
        let caption = super::collapse_spaces(&caption_parts.join(" "));
        let caption = Some(caption)
            .filter(|c| !c.is_empty())
            .or_else(|| alt.clone());
        let photographer = credit.as_deref().and_then(photographer_in_credit);
        out.push(Figure {
            caption,
            credit,
            photographer,
            image_url: url.clone(),
            alt: alt.clone(),
            span,
        });
    }
    // `Image: Szene aus dem Film (© Kessler Film)`, `Foto: Lena Hoff/dpa` alone in its
    // paragraph: a photo's caption or credit whose image the scrape left out.
    for i in 0..lines.len() {
        if used[i] || lines[i].kind != LineKind::Text {
            continue;
        }
        let blank = |j: usize| j >= lines.len() || lines[j].kind == LineKind::Blank;
        if i > 0 && !blank(i - 1) {
            continue;
        }
        let t = lines[i].text(src).trim();
        let (found, last) = if blank(i + 1) {
            let found = caption_row(t)
                .or_else(|| trailing_credit(t).map(|(c, cr)| (Some(c), Some(cr))))
                .or_else(|| agency_credit(t).map(|cr| (None, Some(cr))))
                .or_else(|| placeholder(t).then_some((None, None)))
                .or_else(|| {
                    let next = (i + 1..lines.len()).find(|&j| !blank(j));
                    let next = next.map(|j| lines[j].text(src).trim()).unwrap_or("");
                    alt_line(t, next).then_some((None, None))
                })
                .or_else(|| {
                    let first = (0..i).all(|j| used[j] || lines[j].kind != LineKind::Text);
                    let elsewhere = |w: &str| {
                        src[..lines[i].span.start].contains(w)
                            || src[lines[i].span.end..].contains(w)
                    };
                    (!first && uncredited_caption(t, elsewhere))
                        .then(|| (Some(unemphasised(t).to_string()), None))
                });
            (found, i)
        } else if lines[i + 1].kind == LineKind::Text && !used[i + 1] && blank(i + 2) {
            // The caption, and its credit alone on the line under it (`REUTERS/Jane Roe`,
            // `© AFP`, `Foto: Lena Hoff`).
            // Or the credit first, the caption under it.
            let t2 = lines[i + 1].text(src).trim();
            let pair = |caption: &str, credit: &str| {
                let caption = unemphasised(caption);
                credit_line(credit)
                    .filter(|_| {
                        caption_like(caption)
                            && !caption.ends_with(['?', '？'])
                            && split_credit(caption).1.is_none()
                    })
                    .map(|cr| (Some(caption.to_string()), Some(cr)))
            };
            (pair(t, t2).or_else(|| pair(t2, t)), i + 1)
        } else {
            continue;
        };
        let Some((caption, credit)) = found else {
            continue;
        };
        for u in &mut used[i..=last] {
            *u = true;
        }
        let photographer = credit.as_deref().and_then(photographer_in_credit);
        out.push(Figure {
            caption,
            credit,
            photographer,
            image_url: None,
            alt: None,
            span: lines[i].span.start..lines[last].span.end,
        });
    }
    // The caption printed again on its own, without its credit: the same picture.
    let captions: Vec<String> = out.iter().filter_map(repeat_key).collect();
    for i in 0..lines.len() {
        let blank = |j: usize| j >= lines.len() || lines[j].kind == LineKind::Blank;
        if used[i] || lines[i].kind != LineKind::Text || (i > 0 && !blank(i - 1)) || !blank(i + 1) {
            continue;
        }
        let t = unemphasised(lines[i].text(src));
        // Most texts have no figure: no key to make.
        if !captions.is_empty() && captions.contains(&super::collapse_spaces(t).to_lowercase()) {
            used[i] = true;
        }
    }
    out.sort_by_key(|f| f.span.start);
    merge_repeats(out)
}

/// What makes two printings of a caption the same: the text without case and spacing, when
/// long enough not to be a generic word (`Photo`).
fn repeat_key(f: &Figure) -> Option<String> {
    f.caption
        .as_deref()
        .or(f.alt.as_deref())
        .map(|c| super::collapse_spaces(c).to_lowercase())
        .filter(|c| c.chars().filter(|ch| ch.is_alphabetic()).count() >= 10)
}

/// A caption printed twice or three times (as the image's alt text, then as the caption
/// under it, or at the top of the page and again in the story) is one picture: the
/// repeats fill in what the first printing lacks.
fn merge_repeats(figures: Vec<Figure>) -> Vec<Figure> {
    let key = repeat_key;
    let mut out: Vec<Figure> = Vec::new();
    for f in figures {
        let k = key(&f);
        let same = out.iter_mut().find(|o| {
            k.is_some()
                && (key(o) == k || o.alt.as_deref().map(|a| a.to_lowercase()) == k)
                && (o.image_url.is_none() || f.image_url.is_none() || o.image_url == f.image_url)
        });
        match same {
            Some(o) => {
                o.credit = o.credit.take().or(f.credit);
                o.photographer = o.photographer.take().or(f.photographer);
                o.image_url = o.image_url.take().or(f.image_url);
                o.alt = o.alt.take().or(f.alt);
                o.caption = o.caption.take().or(f.caption);
            }
            None => out.push(f),
        }
    }
    out
}

/// A line that is only a credit: `Foto: Lena Hoff/dpa`, `© AFP`, `REUTERS/Jane Roe`.
fn credit_line(t: &str) -> Option<String> {
    let t = unemphasised(t);
    if let Some(Some(credit)) = caption_row(t).filter(|(c, _)| c.is_none()).map(|r| r.1) {
        return Some(credit);
    }
    if let Some(rest) = t.strip_prefix('©') {
        let credit = trim_credit(rest);
        return credit_shaped(&credit).then_some(credit);
    }
    agency_credit(t)
}

/// `REUTERS/Jane Roe`, `AP Photo/Evan Vucci`, `Lena Hoff/dpa`, `© AFP/Getty Images`, `©
/// dpa`: a known agency, alone or with a name beside it after a slash. Alone on a line such
/// a line credits a picture; a bare name or a bare `© Name` may be a footer or a signature.
fn agency_credit(t: &str) -> Option<String> {
    let lex = lexicon();
    let t = unemphasised(t);
    if !t.contains(['/', '©']) {
        return None;
    }
    let (t, copyright) = match t.strip_prefix('©') {
        Some(rest) => (rest.trim(), true),
        None => (t, false),
    };
    let credit = trim_credit(t);
    let parts: Vec<&str> = credit.split('/').map(str::trim).collect();
    let agency = |s: &str| crate::lexicon::contains(&lex.photo_agencies, s);
    // `dpa`, `imago/…`: agencies that write their name in lower case.
    let shaped =
        credit_shaped(&credit) || agency(parts[0]) && credit_shaped(&credit.to_uppercase());
    if !shaped || credit.split_whitespace().count() > 6 {
        return None;
    }
    let capitalised = |s: &str| {
        !s.is_empty()
            && s.split_whitespace()
                .all(|w| w.starts_with(|c: char| !c.is_lowercase()) || agency(w))
    };
    let ok = match parts[..] {
        [a] => copyright && agency(a),
        [_, _] | [_, _, _] => {
            parts.iter().any(|p| agency(p)) && parts.iter().all(|p| capitalised(p))
        }
        _ => false,
    };
    ok.then_some(credit)
}

/// A caption line set in italics or bold (`*Photo: Jane Roe*`) without the marks.
fn unemphasised(t: &str) -> &str {
    let t = t.trim();
    for m in ["**", "__", "*", "_"] {
        if t.len() > 2 * m.len() && t.starts_with(m) && t.ends_with(m) {
            return t[m.len()..t.len() - m.len()].trim();
        }
    }
    t
}

/// A line right under a credit that reads as its caption: short, not a label or heading.
fn caption_like(t: &str) -> bool {
    let t = t.trim();
    (10..=250).contains(&t.chars().count()) && !t.ends_with(':') && !t.contains("://")
}

/// (caption, credit) of a caption row with an image word first (`Image: …`, `[caption] …`
/// give a caption, maybe with a credit; `Foto: Lena Hoff/dpa` gives a credit).
fn caption_row(t: &str) -> Option<(Option<String>, Option<String>)> {
    if t.chars().count() > 250 {
        return None;
    }
    // The line's lower case is not made: its head is compared as it lower-cases.
    let caption_word = [
        "[caption]",
        "image:",
        "picture:",
        "caption:",
        "imagen:",
        "gambar:",
    ]
    .into_iter()
    .find(|w| lexicon::lower_starts_with(t, w))
    .filter(|_| lexicon::lower_keeps_length(t));
    if let Some(w) = caption_word {
        let rest = t[w.len()..].trim().trim_end_matches("[/caption]").trim();
        if rest.is_empty() {
            return None;
        }
        let (cap, credit) = split_credit(rest);
        return Some((Some(cap).filter(|c| !c.is_empty()), credit));
    }
    static PHOTO_WORDS: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    let photo_words = PHOTO_WORDS.get_or_init(|| {
        ["foto", "fotos", "photo", "photos", "bild", "ảnh"]
            .into_iter()
            .map(String::from)
            .collect()
    });
    let credit = strip_prefix(t, photo_words)?;
    // A credit is a name or an agency, not a sentence.
    if credit.split_whitespace().count() > 6 || credit.ends_with(['.', '?', '!']) {
        return None;
    }
    Some((None, Some(credit)))
}

/// (caption, credit) of a caption sentence that ends with a photo word and its credit:
/// `Formica fusca, from file. Image: Mathias Krumbholz.`, `Bộ trưởng … tối 26/7. Ảnh: Phạm
/// Hải`, `… relative to McMurdo Station image: Daily et al.`, `… (2012). Image; Pacific
/// Standard, provided by the owners.`, `Der Minister in Berlin (Foto: Lena Hoff) |`. The
/// credit must read as one (a few words, no sentence, no question); a photo word printed in
/// lower case needs a credit shaped like a name, since a sentence may say `image:` too.
fn trailing_credit(t: &str) -> Option<(String, String)> {
    let lex = lexicon();
    let t = unemphasised(t).trim_end_matches('|').trim_end();
    if t.chars().count() > 300 {
        return None;
    }
    // `… (ANTARA FOTO/Hafidz Mubarak A)`, `… in Washington. UPI/Mike Theiler`: an agency
    // credit after the caption, in parentheses or after its last sentence.
    if let Some(open) = Some(t)
        .filter(|t| t.contains('/'))
        .and_then(|t| t.strip_suffix([')', '）']))
        .and_then(|inner| inner.rfind(['(', '（']))
    {
        let open_len = t[open..].chars().next().map_or(1, char::len_utf8);
        let inner = &t[open + open_len..t.len() - t.chars().last().map_or(1, char::len_utf8)];
        let caption = t[..open].trim();
        if let Some(credit) = agency_credit(inner).filter(|_| !caption.is_empty()) {
            return Some((caption.to_string(), credit));
        }
    }
    if let Some(m) = Some(t)
        .filter(|t| may_hold_agency(t))
        .and_then(crate::matchers::agency_after_caption)
    {
        let caption = t[..m.start].trim();
        if let Some(credit) = agency_credit(&t[m]).filter(|_| !caption.is_empty()) {
            return Some((caption.to_string(), credit));
        }
    }
    // Where a credit word may start (this runs on every short paragraph): a credit word
    // ends right before a separator (`Image:`, `사진=`) or is `©`, and a credit phrase
    // (`Photo by`) is found by substring search. When lower-casing changes the byte
    // offsets, every character is tried.
    let mut lowered = lexicon::Lowered::new(t);
    let lower = lowered.get();
    let mut starts: Vec<usize> = if lower.len() == t.len() {
        // One pass for every phrase (issue #11); the starts are sorted below.
        let mut v: Vec<usize> = lexicon::occurrences_in(&lex.credit_phrases, lower)
            .into_iter()
            .map(|(_, i, _)| i)
            .collect();
        for (sep, c) in lower.char_indices() {
            if c == '©' {
                v.push(sep);
            }
            if !matches!(c, ':' | '：' | ';' | '=') {
                continue;
            }
            let head = lower[..sep].trim_end();
            v.extend(
                lex.credit_prefixes
                    .iter()
                    .filter(|p| head.ends_with(p.as_str()))
                    .map(|p| head.len() - p.len()),
            );
        }
        v.retain(|&i| i > 0 && t.is_char_boundary(i));
        v
    } else {
        t.char_indices().skip(1).map(|(i, _)| i).collect()
    };
    starts.sort_unstable();
    starts.dedup();
    let mut found = None;
    for i in starts {
        let before = t[..i].chars().last()?;
        let close = match before {
            '(' => Some(')'),
            '（' => Some('）'),
            '[' => Some(']'),
            '【' => Some('】'),
            _ => None,
        };
        if !(before.is_whitespace() || close.is_some() || ".,;|-–—/。，、".contains(before))
        {
            continue;
        }
        let Some(rest) = credit_after(&t[i..]) else {
            continue;
        };
        // `… is © Disney` may be said in an answer: `©` credits a caption only after its
        // sentence ends (`Au festival. © AFP`) or set apart (`(© AFP)`, `| © AFP`).
        let set_apart = close.is_some()
            || t[..i]
                .trim_end()
                .ends_with(['.', '!', ')', '）', '|', '-', '–', '—', '。']);
        if t[i..].starts_with('©') && !set_apart {
            continue;
        }
        let rest = match close {
            Some(c) => {
                let Some(r) = rest.strip_suffix(c) else {
                    continue;
                };
                r.trim_end()
            }
            None => rest,
        };
        let capital = !t[i..].starts_with(|c: char| c.is_lowercase());
        if credit_ok(rest, capital) {
            found = Some((i, rest, capital));
            break;
        }
    }
    // `（新华社记者 李贺 摄）`, `…现场。新华社记者 李贺 摄`: a credit before a word that says
    // who shot or gave the picture.
    if found.is_none() {
        let inner = t.trim_end_matches([')', '）', ']', '】']).trim_end();
        let closed = inner.len() < t.len();
        if let Some(sfx) = lex
            .credit_suffixes
            .iter()
            .find(|s| inner.ends_with(s.as_str()))
        {
            let body = inner[..inner.len() - sfx.len()].trim_end();
            let start = body
                .rfind(['(', '（', '[', '【', '。', '.', '|'])
                .map(|k| k + body[k..].chars().next().map_or(1, char::len_utf8));
            if let Some(k) = start.filter(|&k| {
                let opener = body[..k].chars().last();
                // A closing bracket needs its opener; a sentence end opens a bare credit.
                closed == matches!(opener, Some('(' | '（' | '[' | '【'))
            }) {
                found = Some((k, &body[k..], true));
            }
        }
    }
    let (i, rest, capital) = found?;
    if !credit_ok(rest, capital) {
        return None;
    }
    let credit = trim_credit(rest);
    let caption = t[..i]
        .trim_end()
        .trim_end_matches(['(', '（', '[', '【', '/'])
        .trim_end()
        .trim_end_matches(['-', '–', '—', '|'])
        .trim();
    if !caption.chars().any(char::is_alphabetic) || caption.ends_with([':', '：']) {
        return None;
    }
    Some((caption.to_string(), credit))
}

/// The credit after a credit word at the start of `t`: `Image: X`, `Ảnh: X`, `© X`,
/// `사진=X`, `Image; X` (a typo for the colon), or a phrase that needs none (`Photo by X`,
/// `Courtesy of X`, `Foto di X`).
fn credit_after(t: &str) -> Option<&str> {
    let lex = lexicon();
    let skip = |p: &str| {
        t.char_indices()
            .nth(p.chars().count())
            .map_or(t.len(), |(k, _)| k)
    };
    if let Some(p) = crate::lexicon::starts_with_phrase(&lex.credit_phrases, t) {
        return Some(t[skip(p)..].trim_start());
    }
    let p = crate::lexicon::starts_with_phrase(&lex.credit_prefixes, t)?;
    let rest = t[skip(p)..].trim_start();
    if p == "©" {
        return Some(rest);
    }
    rest.strip_prefix([':', '：', ';', '='])
        .map(str::trim_start)
}

/// Whether `rest` reads as a credit; after a photo word printed in lower case it must also
/// be shaped like a name, since a sentence may say `image:` too.
fn credit_ok(rest: &str, capital: bool) -> bool {
    let credit = trim_credit(rest);
    let name_like = credit.split_whitespace().all(|w| {
        w.starts_with(|c: char| !c.is_lowercase()) || w.trim_end_matches('.').chars().count() <= 3
    });
    credit_shaped(&credit) && (capital || name_like)
}

/// A credit as printed, without the full stop that ends the caption sentence (`Image: Marco
/// Bernardini.`) but with one that ends an abbreviation (`Daily et al.`, `Acme Inc.`).
fn trim_credit(c: &str) -> String {
    let c = c.trim();
    let Some(body) = c.strip_suffix('.') else {
        return c.to_string();
    };
    let last = body.rsplit(char::is_whitespace).next().unwrap_or("");
    let abbreviation = (1..=3).contains(&last.chars().count())
        && last.chars().any(char::is_lowercase)
        && body.contains(char::is_whitespace);
    if abbreviation { c } else { body.trim_end() }.to_string()
}

/// A credit is a name, an agency or a short source line: at most 8 words, not a question
/// or an exclamation, no quotation, no sentence inside, not opening in lower case.
fn credit_shaped(c: &str) -> bool {
    let words: Vec<&str> = c.split_whitespace().collect();
    if words.is_empty() || words.len() > 8 || c.chars().count() > 80 {
        return false;
    }
    if c.contains(['?', '!', '？', '！', ':', '：', '"', '“', '”', '«', '»']) {
        return false;
    }
    if c.starts_with(|ch: char| ch.is_lowercase() || !ch.is_alphanumeric()) {
        return false;
    }
    // A full stop inside ends a sentence unless it ends an initial or a short abbreviation.
    words[..words.len() - 1]
        .iter()
        .all(|w| !w.ends_with('.') || w.trim_end_matches('.').chars().count() <= 3)
}

/// A caption that prints no credit, told by what only captions say: where a pictured person
/// stands (`Hill (right) with fellow candidate Buddy Roemer.`), a caption opener (`File
/// photo of …`, `Von links: …`), or a name printed elsewhere in the text followed at once by a
/// preposition, in a long line without a full stop (`Hill at the Lesser-known candidates
/// forum in 2011`, `Bundespräsident Joachim Gauck während des Zeitungsinterviews …`) — a
/// scene, not a sentence, and too long for a section heading.
fn uncredited_caption(t: &str, elsewhere: impl Fn(&str) -> bool) -> bool {
    let lex = lexicon();
    let t = unemphasised(t);
    let n = t.chars().count();
    if !(10..=250).contains(&n) || t.ends_with(['?', '？', ':', '：']) || t.contains("://") {
        return false;
    }
    // Where the pictured person stands: `(right)`, `（左二）`, after a name.
    let mut rest = t;
    while let Some(open) = rest.find(['(', '（']) {
        // The word before is a name: capitalised, or in a script without case.
        let before = rest[..open]
            .split_whitespace()
            .last()
            .and_then(|w| w.chars().next())
            .filter(|c| c.is_uppercase() || !c.is_lowercase());
        let after = &rest[open + rest[open..].chars().next().map_or(1, char::len_utf8)..];
        let Some(close) = after.find([')', '）']) else {
            break;
        };
        if before.is_some_and(char::is_alphabetic)
            && crate::lexicon::contains(&lex.caption_positions, &after[..close])
        {
            return true;
        }
        rest = &after[close..];
    }
    let words: Vec<&str> = t.split_whitespace().collect();
    if let Some(p) = crate::lexicon::starts_with_phrase(&lex.caption_openers, t) {
        let n = p.chars().count();
        let more = t.trim_start().chars().skip(n).collect::<String>();
        // `图为…`: an opener in a script without spaces needs no separator.
        let unspaced = p.chars().last().is_some_and(crate::lexicon::is_unspaced);
        if (unspaced && more.chars().count() >= 4)
            || (more.starts_with([':', '：', ',', ' ']) && words.len() >= 4)
        {
            return true;
        }
    }
    // A name, then a preposition: a scene. Not a sentence (no full stop, no colon), longer
    // than a heading, the name printed elsewhere (a person of the text, not a headline's
    // subject alone), and no interview word in front (`Interview with …` is a headline).
    if t.ends_with(['.', '!', '…', ';', '。', '！']) || t.contains([':', '：']) {
        return false;
    }
    if !(7..=40).contains(&words.len()) {
        return false;
    }
    let capital = |w: &str| w.starts_with(|c: char| c.is_uppercase());
    let run = words.iter().take_while(|w| capital(w)).count();
    if !(1..=5).contains(&run) || run >= words.len() {
        return false;
    }
    let name = words[..run].join(" ");
    let next = words[run];
    // `Joachim Gauck im Interview mit …`: a headline or kicker about the interview.
    let interview_word = words.iter().any(|w| {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        crate::lexicon::contains(&lex.interview_words, w)
    });
    !interview_word
        && name.chars().count() >= 3
        && crate::lexicon::contains(&lex.caption_prepositions, next)
        && next.chars().all(char::is_lowercase)
        && elsewhere(&name)
}

/// `The Podcast: Sam Liang banner image` over `The Podcast: Sam Liang`: a picture's alt
/// text (the next line's words and a word naming a picture) printed where the image was.
fn alt_line(t: &str, next: &str) -> bool {
    let Some(rest) = t.strip_prefix(next).filter(|_| next.chars().count() >= 10) else {
        return false;
    };
    let words: Vec<&str> = rest.split_whitespace().collect();
    rest.starts_with(char::is_whitespace)
        && (1..=2).contains(&words.len())
        && words
            .last()
            .is_some_and(|w| crate::lexicon::contains(&lexicon().picture_words, w))
}

/// `image` alone on its line: what a scrape leaves of a picture with no caption.
fn placeholder(t: &str) -> bool {
    crate::lexicon::contains(&lexicon().picture_words, unemphasised(t))
}

/// Whether `t` has a capital right after a slash, as every agency credit does
/// (`UPI/Mike`): the pattern is the costliest to compile of the reader (Unicode classes
/// repeated), so it is built and run only for a text that could match it.
fn may_hold_agency(t: &str) -> bool {
    t.match_indices('/')
        .any(|(i, _)| t[i + 1..].starts_with(char::is_uppercase))
}

/// Splits a caption into (caption, credit).
pub fn split_credit(caption: &str) -> (String, Option<String>) {
    let lex = lexicon();
    let c = caption.trim();
    // `(Foto: NVCC)`, `(imago/MiS)` at the end.
    if c.ends_with([')', '）']) {
        if let Some(open) = c.rfind(['(', '（']) {
            let open_len = c[open..].chars().next().map_or(1, char::len_utf8);
            let close_len = c.chars().last().map_or(1, char::len_utf8);
            let inner = c[open + open_len..c.len() - close_len].trim();
            if let Some(credit) = strip_prefix(inner, &lex.credit_prefixes) {
                return (c[..open].trim().to_string(), Some(credit));
            }
            if inner.contains('/') && !inner.contains(' ') && inner.len() <= 40 {
                return (c[..open].trim().to_string(), Some(inner.to_string()));
            }
        }
    }
    // `… Photo: X`, `… Ảnh: X`, `… © X` after the caption text.
    let mut lowered = lexicon::Lowered::new(c);
    let lower = lowered.get();
    let same_len = lower.len() == c.len();
    let mut best: Option<usize> = None;
    // The first hit is kept, so the order of the hits does not matter.
    let mut hits = lexicon::occurrences_in(&lex.credit_prefixes, c);
    if same_len {
        hits.extend(lexicon::occurrences_in(&lex.credit_prefixes, lower));
    }
    for (p, i, _) in hits {
        let p = &lex.credit_prefixes[p];
        let before_ok = i == 0 || c[..i].ends_with([' ', '.', '|', '-', '–', '(', '（', '。']);
        let after_ok = p == "©" || c[i + p.len()..].trim_start().starts_with([':', '：', '=']);
        if before_ok && after_ok && best.is_none_or(|b| i < b) {
            best = Some(i);
        }
    }
    if let Some(i) = best {
        if let Some(credit) = strip_prefix(&c[i..], &lex.credit_prefixes) {
            let cap = c[..i].trim().trim_end_matches(['-', '–', '|']).trim();
            return (cap.to_string(), Some(credit));
        }
    }
    // `Ada Moreau — AFP`, `… - Reuters`: a known agency after a dash ends the caption.
    for sep in [" — ", " – ", " - ", " | "] {
        if let Some(i) = c.rfind(sep) {
            let tail = c[i + sep.len()..].trim();
            let agency = tail
                .split('/')
                .any(|w| crate::lexicon::contains(&lex.photo_agencies, &w.trim().to_lowercase()));
            if agency && tail.split_whitespace().count() <= 4 {
                return (c[..i].trim().to_string(), Some(tail.to_string()));
            }
        }
    }
    if let Some(m) = Some(c)
        .filter(|c| may_hold_agency(c))
        .and_then(crate::matchers::agency_after_caption)
    {
        return (c[..m.start].trim().to_string(), Some(c[m].to_string()));
    }
    (c.to_string(), None)
}

/// The photographer a credit names: only `AGENCY/Person Name` or `Person Name/AGENCY` with
/// an agency from the lexicon's `photo_agencies`, where the other side is shaped like a
/// person's name (2–4 capitalised words, not all capitals). A bare name (`Photo: Lena
/// Berg`) may be a photographer, an owner or a source, and an organisation (`Foto: NVCC`)
/// is none: both give no photographer rather than a guess.
pub fn photographer_in_credit(credit: &str) -> Option<String> {
    let lex = lexicon();
    let parts: Vec<&str> = credit.split('/').map(str::trim).collect();
    let [a, b] = parts[..] else {
        return None;
    };
    let agency = |s: &str| crate::lexicon::contains(&lex.photo_agencies, s);
    let person = match (agency(a), agency(b)) {
        (true, false) => b,
        (false, true) => a,
        _ => return None,
    };
    person_shaped(person).then(|| person.to_string())
}

/// 2–4 words, the first and last capitalised and not in capitals only (`AP`, `NVCC` are
/// organisations), inner lower-case particles allowed (`Jan van Dijk`); letters, `.`, `-`
/// and `'` only.
fn person_shaped(s: &str) -> bool {
    const PARTICLES: [&str; 12] = [
        "van", "von", "der", "den", "de", "da", "di", "del", "du", "la", "le", "bin",
    ];
    let words: Vec<&str> = s.split_whitespace().collect();
    if !(2..=4).contains(&words.len()) {
        return false;
    }
    let name_word = |w: &str| {
        let mut cs = w.chars();
        cs.next().is_some_and(char::is_uppercase)
            && w.chars().any(char::is_lowercase)
            && w.chars()
                .all(|c| c.is_alphabetic() || matches!(c, '.' | '-' | '\''))
    };
    let last = words.len() - 1;
    words.iter().enumerate().all(|(i, w)| {
        name_word(w) || (i != 0 && i != last && PARTICLES.contains(&w.to_lowercase().as_str()))
    })
}

fn strip_prefix(text: &str, prefixes: &[String]) -> Option<String> {
    // The prefixes `text` starts with, as it is or lower-cased (then only when that keeps
    // byte offsets), longest first: most texts start with none, and then nothing is
    // lower-cased, copied or sorted.
    let mut keeps_length = None;
    let mut ps: Vec<&String> = prefixes
        .iter()
        .filter(|p| {
            text.starts_with(p.as_str())
                || (lexicon::lower_starts_with(text, p)
                    && *keeps_length.get_or_insert_with(|| lexicon::lower_keeps_length(text)))
        })
        .collect();
    ps.sort_by_key(|p| std::cmp::Reverse(p.len()));
    for p in ps {
        let rest = text[p.len()..].trim_start();
        let rest = if p == "©" {
            rest
        } else {
            // `사진=이민호 기자`: Korean papers credit with '='.
            rest.strip_prefix([':', '：', '='])?
        };
        let credit = rest.trim().trim_end_matches(['.', ')', '）', '|']).trim();
        if !credit.is_empty() {
            return Some(credit.to_string());
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `caption_row` as it was when it lower-cased every line: (caption, credit) of a caption row with an image word first (`Image: …`, `[caption] …`
    /// give a caption, maybe with a credit; `Foto: Lena Hoff/dpa` gives a credit).
    fn old_caption_row(t: &str) -> Option<(Option<String>, Option<String>)> {
        if t.chars().count() > 250 {
            return None;
        }
        let lower = t.to_lowercase();
        let caption_word = [
            "[caption]",
            "image:",
            "picture:",
            "caption:",
            "imagen:",
            "gambar:",
        ]
        .into_iter()
        .find(|w| lower.starts_with(w) && lower.len() == t.len());
        if let Some(w) = caption_word {
            let rest = t[w.len()..].trim().trim_end_matches("[/caption]").trim();
            if rest.is_empty() {
                return None;
            }
            let (cap, credit) = split_credit(rest);
            return Some((Some(cap).filter(|c| !c.is_empty()), credit));
        }
        static PHOTO_WORDS: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
        let photo_words = PHOTO_WORDS.get_or_init(|| {
            ["foto", "fotos", "photo", "photos", "bild", "ảnh"]
                .into_iter()
                .map(String::from)
                .collect()
        });
        let credit = old_strip_prefix(t, photo_words)?;
        // A credit is a name or an agency, not a sentence.
        if credit.split_whitespace().count() > 6 || credit.ends_with(['.', '?', '!']) {
            return None;
        }
        Some((None, Some(credit)))
    }

    /// `strip_prefix` as it was when it lower-cased every text.
    fn old_strip_prefix(text: &str, prefixes: &[String]) -> Option<String> {
        let lower = text.to_lowercase();
        let mut ps: Vec<&String> = prefixes.iter().collect();
        ps.sort_by_key(|p| std::cmp::Reverse(p.len()));
        for p in ps {
            if (lower.len() == text.len() && lower.starts_with(p.as_str()))
                || text.starts_with(p.as_str())
            {
                let rest = text[p.len()..].trim_start();
                let rest = if p == "©" {
                    rest
                } else {
                    // `사진=이민호 기자`: Korean papers credit with '='.
                    rest.strip_prefix([':', '：', '='])?
                };
                let credit = rest.trim().trim_end_matches(['.', ')', '）', '|']).trim();
                if !credit.is_empty() {
                    return Some(credit.to_string());
                }
            }
        }
        None
    }

    #[test]
    fn caption_rows_and_prefixes_read_as_when_lines_were_lower_cased() {
        let lex = lexicon();
        let mut texts = crate::test_corpus::lines();
        texts.extend(crate::test_corpus::tricky_lines());
        let shapes: Vec<String> = lex
            .credit_prefixes
            .iter()
            .flat_map(|p| {
                [
                    format!("{}: Lena Hoff", p.to_uppercase()),
                    format!("{p} = İpek"),
                    format!("{}İ: ẞ", p.to_uppercase()),
                    p.to_string(),
                ]
            })
            .collect();
        texts.extend(shapes);
        for t in &texts {
            assert_eq!(caption_row(t), old_caption_row(t), "{t:?}");
            assert_eq!(
                strip_prefix(t, &lex.credit_prefixes),
                old_strip_prefix(t, &lex.credit_prefixes),
                "{t:?}"
            );
        }
    }

    #[test]
    fn photographers_only_beside_a_known_agency() {
        let cases = [
            ("Reuters/Jane Roe", Some("Jane Roe")),
            ("Lena Hoff/dpa", Some("Lena Hoff")),
            ("AP Photo/Evan Vucci", Some("Evan Vucci")),
            ("ANTARA/Jan van Dijk", Some("Jan van Dijk")),
            ("NVCC", None),
            ("Lena Berg", None),
            ("imago/MiS", None),
            ("UPI/Mike Theiler", Some("Mike Theiler")),
            ("Kessler Media/Mike Theiler", None),
            ("Reuters/Getty Images", None),
            ("AFP/NVCC", None),
            ("Reuters/Jane Roe/Pool", None),
            ("Reuters/jane roe", None),
        ];
        for (credit, want) in cases {
            assert_eq!(photographer_in_credit(credit).as_deref(), want, "{credit}");
        }
    }

    #[test]
    fn agencies_after_a_dash_are_credits() {
        assert_eq!(
            split_credit("Ada Moreau — AFP"),
            ("Ada Moreau".to_string(), Some("AFP".to_string()))
        );
        assert_eq!(
            split_credit("The harbour at dawn - Reuters/Jane Roe"),
            (
                "The harbour at dawn".to_string(),
                Some("Reuters/Jane Roe".to_string())
            )
        );
        assert_eq!(split_credit("Paris — the city").1, None);
    }

    #[test]
    fn caption_sentences_end_with_a_photo_word_and_a_credit() {
        let cases = [
            (
                "Formica fusca, from file. Image: Mathias Krumbholz.",
                "Formica fusca, from file.",
                "Mathias Krumbholz",
            ),
            (
                "The ice shelf relative to McMurdo Station image: Daily et al.",
                "The ice shelf relative to McMurdo Station",
                "Daily et al.",
            ),
            (
                "The owner at the bar. (2012). Image; Pacific Standard, provided by the owners.",
                "The owner at the bar. (2012).",
                "Pacific Standard, provided by the owners",
            ),
            (
                "Bộ trưởng trong cuộc trực tuyến tối 26/7. Ảnh: Phạm Hải",
                "Bộ trưởng trong cuộc trực tuyến tối 26/7.",
                "Phạm Hải",
            ),
            (
                "Der Minister in Berlin (Foto: Lena Hoff) |",
                "Der Minister in Berlin",
                "Lena Hoff",
            ),
            (
                "Le ministre à Paris. Photo : AFP",
                "Le ministre à Paris.",
                "AFP",
            ),
            ("Путин в Кремле. Фото: ТАСС", "Путин в Кремле.", "ТАСС"),
            ("首相官邸で。写真：共同通信", "首相官邸で。", "共同通信"),
            (
                "The senator in Richmond. (Photo by Jane Roe/Getty Images)",
                "The senator in Richmond.",
                "Jane Roe/Getty Images",
            ),
            (
                "The band backstage. Photo courtesy of Kessler Records",
                "The band backstage.",
                "Kessler Records",
            ),
            (
                "국회에서 발언하는 장관 [사진=연합뉴스]",
                "국회에서 발언하는 장관",
                "연합뉴스",
            ),
            (
                "图为论坛现场。（新华社记者 李贺 摄）",
                "图为论坛现场。",
                "新华社记者 李贺",
            ),
            (
                "图为论坛现场。新华社记者 李贺 摄",
                "图为论坛现场。",
                "新华社记者 李贺",
            ),
            (
                "Presiden menyapa warga di Jakarta. (ANTARA FOTO/Hafidz Mubarak A)",
                "Presiden menyapa warga di Jakarta.",
                "ANTARA FOTO/Hafidz Mubarak A",
            ),
            (
                "The secretary speaks in Washington. UPI/Mike Theiler",
                "The secretary speaks in Washington.",
                "UPI/Mike Theiler",
            ),
        ];
        for (line, cap, credit) in cases {
            assert_eq!(
                trailing_credit(line),
                Some((cap.to_string(), credit.to_string())),
                "{line}"
            );
        }
        // Sentences that only mention a picture are no captions.
        for line in [
            "I saw the image: it was lovely.",
            "We used the photo: Marco took it in 2010 for the cover.",
            "Have you seen the photo: Jane Roe?",
            "Image: Jane Roe",
            "The photo: who took it, and why does it matter so much to all of us today?",
            "He talked about the picture; Then he left the room and did not come back.",
            "We used a photo by the river for the cover.",
            "Foto de archivo de la reunión.",
            "他说这些材料都是我们提供",
            "Everything in that park is © Disney",
            "We met in the city (and/or the suburbs)",
            "The result was clear. Input/Output",
        ] {
            assert_eq!(trailing_credit(line), None, "{line}");
        }
    }

    #[test]
    fn credit_lines_alone() {
        let yes = [
            ("REUTERS/Jane Roe", "REUTERS/Jane Roe"),
            ("AP Photo/Evan Vucci", "AP Photo/Evan Vucci"),
            ("Lena Hoff/dpa", "Lena Hoff/dpa"),
            ("© AFP", "AFP"),
            ("© Reuters/Jane Roe", "Reuters/Jane Roe"),
            ("© Kessler Film", "Kessler Film"),
            ("Foto: Lena Hoff", "Lena Hoff"),
            ("*Photo: Jane Roe*", "Jane Roe"),
        ];
        for (line, credit) in yes {
            assert_eq!(credit_line(line).as_deref(), Some(credit), "{line}");
        }
        for line in [
            "Jane Roe",
            "and/or",
            "Kessler Media/Mike Theiler",
            "Reuters reported that/this was true",
            "© Kessler Film. All rights reserved. Contact us.",
        ] {
            assert_eq!(credit_line(line), None, "{line}");
        }
        // Alone in its paragraph, a bare `© Name` may be the page's footer: only an agency
        // counts there.
        assert_eq!(agency_credit("© Kessler Film"), None);
        assert_eq!(agency_credit("© dpa").as_deref(), Some("dpa"));
    }

    #[test]
    fn a_caption_printed_twice_is_one_picture() {
        let fig = |caption: &str, credit: Option<&str>, start: usize| Figure {
            caption: Some(caption.to_string()),
            credit: credit.map(str::to_string),
            photographer: None,
            image_url: None,
            alt: None,
            span: start..start + 1,
        };
        let merged = merge_repeats(vec![
            fig("The minister in the port of Hamburg.", None, 0),
            fig("The minister  in the port of Hamburg.", Some("dpa"), 10),
            fig("A quiet street in Hanoi at dawn.", None, 20),
        ]);
        assert_eq!(merged.len(), 2);
        assert_eq!(merged[0].credit.as_deref(), Some("dpa"));
        // Short generic captions are not taken for the same picture.
        assert_eq!(
            merge_repeats(vec![fig("Photo", None, 0), fig("Photo", None, 5)]).len(),
            2
        );
    }

    #[test]
    fn a_caption_with_its_credit_on_the_next_line_is_one_picture_between_turns() {
        let src = "Q: Where were you that night?\n\n\
                   A: At home, with my family.\n\n\
                   The minister at the harbour in Hamburg, 2019.\nREUTERS/Jane Roe\n\n\
                   Q: And the next morning?\n\n\
                   A: In the office.\n\n\
                   The minister at the harbour in Hamburg, 2019.\n";
        let iv = crate::read::structure::recognize(src);
        assert_eq!(iv.figures.len(), 1, "{:?}", iv.figures);
        let f = &iv.figures[0];
        assert_eq!(
            f.caption.as_deref(),
            Some("The minister at the harbour in Hamburg, 2019.")
        );
        assert_eq!(f.credit.as_deref(), Some("REUTERS/Jane Roe"));
        assert_eq!(f.photographer.as_deref(), Some("Jane Roe"));
        // Neither the credit nor the caption printed again at the end is anyone's words.
        assert!(iv
            .turns
            .iter()
            .all(|t| !t.text().contains("REUTERS") && !t.text().contains("harbour")));
    }

    #[test]
    fn captions_without_credit_by_their_grammar() {
        let everywhere = |_: &str| true;
        for line in [
            "Hill (right) with fellow 2012 presidential candidate Buddy Roemer.",
            "王毅大使（左二）出席论坛。",
            "图为论坛现场的观众和与会嘉宾。",
            "File photo of the harbour before the storm.",
            "Von links: Anna Berg, Jan Roe und Lena Hoff",
            "Hill at the Lesser-known candidates forum in 2011",
            "Bundespräsident Joachim Gauck während des Zeitungsinterviews in seinem Amtszimmer",
        ] {
            assert!(uncredited_caption(line, everywhere), "{line}");
        }
        for line in [
            // Sentences, questions, headings, headlines.
            "Hill at the forum said that he would run again in the next election.",
            "Did you meet Hill at the forum in 2011 with the other candidates?",
            "Obama in Berlin",
            "Interview with US political activist and philosopher Noam Chomsky",
            "Labor actions as a revival of the Left",
            "Joachim Gauck im Interview mit der Berliner Zeitung über den Mauerfall",
            "The party moved to the (left) after the election, and lost.",
            "Senator Smith (R) with the other senators of the committee.",
        ] {
            assert!(!uncredited_caption(line, everywhere), "{line}");
        }
        // The name must be one the text prints elsewhere.
        assert!(!uncredited_caption(
            "Hill at the Lesser-known candidates forum in 2011",
            |_| false
        ));
    }

    #[test]
    fn alt_text_over_the_headline_and_a_credit_over_its_caption() {
        assert!(alt_line(
            "The Podcast: Sam Liang - CEO of Otter.ai banner image",
            "The Podcast: Sam Liang - CEO of Otter.ai"
        ));
        assert!(!alt_line(
            "The Podcast: Sam Liang - CEO of Otter.ai and more",
            "The Podcast: Sam Liang - CEO of Otter.ai"
        ));
        assert!(!alt_line("Short image", "Short"));
        let src =
            "Title of the story\n\nFoto: Lena Hoff/dpa\nDie Ministerin am Hafen von Hamburg.\n\n\
                   F: Wo waren Sie?\n\nA: Zu Hause.\n";
        let iv = crate::read::structure::recognize(src);
        assert_eq!(iv.figures.len(), 1, "{:?}", iv.figures);
        assert_eq!(
            iv.figures[0].caption.as_deref(),
            Some("Die Ministerin am Hafen von Hamburg.")
        );
        assert_eq!(iv.figures[0].credit.as_deref(), Some("Lena Hoff/dpa"));
    }

    #[test]
    fn a_credit_keeps_the_full_stop_of_an_abbreviation() {
        assert_eq!(trim_credit("Marco Bernardini."), "Marco Bernardini");
        assert_eq!(trim_credit("Daily et al."), "Daily et al.");
        assert_eq!(trim_credit("Acme Inc."), "Acme Inc.");
        assert_eq!(trim_credit("AP."), "AP");
    }

    #[test]
    fn credits_are_split_from_captions() {
        let cases = [
            (
                "Duta Besar X di Wina. (Foto: NVCC)",
                "Duta Besar X di Wina.",
                "NVCC",
            ),
            (
                "The mayor in the port. Photo: Lena Berg",
                "The mayor in the port.",
                "Lena Berg",
            ),
            (
                "Đại sứ tại Hà Nội. Ảnh: TTXVN",
                "Đại sứ tại Hà Nội.",
                "TTXVN",
            ),
            (
                "Die Ministerin in Berlin. Bild: dpa",
                "Die Ministerin in Berlin.",
                "dpa",
            ),
            ("Au festival. © AFP", "Au festival.", "AFP"),
            (
                "Der Trainer am Spielfeldrand (imago/MiS)",
                "Der Trainer am Spielfeldrand",
                "imago/MiS",
            ),
            (
                "The secretary speaks in Washington. UPI/Mike Theiler",
                "The secretary speaks in Washington.",
                "UPI/Mike Theiler",
            ),
            (
                "王毅大使（左二）出席论坛。（照片：NVCC）",
                "王毅大使（左二）出席论坛。",
                "NVCC",
            ),
        ];
        for (input, cap, credit) in cases {
            let (c, cr) = split_credit(input);
            assert_eq!(c, cap, "{input}");
            assert_eq!(cr.as_deref(), Some(credit), "{input}");
        }
        assert_eq!(split_credit("A quiet street in Hanoi.").1, None);
        assert_eq!(
            split_credit("사진=이민호 기자"),
            (String::new(), Some("이민호 기자".to_string()))
        );
    }
}
