//! Dates: RFC 3339 timestamps, plain dates, and dates written with month names.
//!
//! Metadata layers call [`parse`] for a whole value; the structure recognizer calls
//! [`find`] to spot the date inside a dateline. Both use the month tables of the reader's
//! lexicon, so a language is added by data. Day/month order is never guessed: a numeric
//! date such as 03/04/2024 is [`DateError::Ambiguous`].

use crate::lexicon::lexicon;
use crate::matchers;
use crate::model::PubDate;
use std::ops::Range;
use thiserror::Error;

#[derive(Debug, Error, PartialEq)]
pub enum DateError {
    #[error("'{0}' is not a date colloquy can read; write it as 2024-03-15 or 2024-03-15T09:30:00+07:00")]
    Unreadable(String),
    #[error("'{0}' is ambiguous (day/month order); write it as YYYY-MM-DD, e.g. 2024-04-03 for 3 April 2024")]
    Ambiguous(String),
}

/// Parses a date given as metadata (sidecar, manifest, flag). The whole value must be a date.
pub fn parse(text: &str) -> Result<PubDate, DateError> {
    let t = text.trim();
    let unreadable = || DateError::Unreadable(t.to_string());
    if t.contains('T') && t.len() >= 16 && t.as_bytes()[0].is_ascii_digit() {
        // RFC 3339 requires an offset; a timestamp without one would be a guess.
        return match t.parse::<jiff::Timestamp>() {
            Ok(_) => Ok(PubDate::DateTime(t.to_string())),
            Err(_) => Err(unreadable()),
        };
    }
    if let Some(d) = iso(t) {
        return Ok(d);
    }
    if let Some(d) = numeric(t)? {
        return Ok(d);
    }
    match month_name(t) {
        Some((d, leftover)) if leftover.iter().all(|w| is_filler(w)) => Ok(d),
        _ => Err(unreadable()),
    }
}

/// Finds a date written with a month name (or as YYYY-MM-DD) inside a short line, e.g. the
/// dateline `Houston, TX – 3 August 2015`. Returns the date and the byte range it covers.
pub fn find(line: &str) -> Option<(PubDate, Range<usize>)> {
    // Every form below holds a year of four digits in a row (`\d` is a numeric character,
    // and so is every digit a month-name date's year is written in): a line without four
    // holds no date, and none of the patterns need run (or compile) for it.
    if !numeric_run(line, 4) {
        return None;
    }
    // ISO date anywhere in the line.
    if let Some(m) = matchers::find_iso_date(line) {
        if let Some(d) = iso(&line[m.clone()]) {
            return Some((d, m));
        }
    }
    // Numeric dates only when the order is certain (`25/04/2024`, `2024/04/25`), and
    // only Gregorian ones: `28/1/1427 هـ` counts in the Hijri calendar.
    for m in matchers::numeric_dates(line) {
        if other_calendar(&line[m.end..]) {
            continue;
        }
        if let Ok(Some(d)) = numeric(&line[m.clone()]) {
            return Some((d, m));
        }
    }
    // `2024年5月20日`, `2024년 3월 15일`: year, month and day each marked, so the order is
    // certain.
    if let Some([r, y, m, d]) = matchers::cjk_date(line) {
        let n = |r: Range<usize>| line[r].parse::<u32>().unwrap_or(0);
        let (y, m, d) = (n(y), n(m), n(d));
        if valid_ymd(y as i32, m as u8, d as u8) {
            return Some((PubDate::Date(format!("{y:04}-{m:02}-{d:02}")), r));
        }
    }
    let (d, _) = month_name(line)?;
    // The covered range: from the first to the last token that took part.
    let range = covered_range(line);
    Some((d, range))
}

/// The text right after a date marks another calendar (`هـ`, `AH`).
fn other_calendar(after: &str) -> bool {
    let next = after
        .trim_start()
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | '،' | ')' | '-'))
        .next()
        .unwrap_or("")
        .to_lowercase();
    !next.is_empty() && lexicon().other_calendar_marks.contains(&next)
}

/// The clock time of a date line with its offset, as `HH:MM:SS` and `+HH:MM`, when the
/// line states both: an explicit offset (`10:48 GMT+3`, `09:30 +07:00`), a clock marked
/// as Greenwich or UTC time (`13:57 GMT`), or a local clock beside the same moment in
/// Greenwich time (`16:57 (Mecca), 13:57 (GMT)`: +03:00). A clock without an offset gives
/// nothing: the time would be a guess.
pub fn clock_with_offset(line: &str, date: &str) -> Option<(String, String)> {
    let clocks = clocks(line, date);
    let fmt = |o: i32| {
        let sign = if o < 0 { '-' } else { '+' };
        format!("{sign}{:02}:{:02}", o.abs() / 60, o.abs() % 60)
    };
    let hms = |c: &Clock| format!("{:02}:{:02}:{:02}", c.h, c.m, c.s);
    let first = clocks.first()?;
    if let Some(o) = first.offset {
        return Some((hms(first), fmt(o)));
    }
    // A local clock and the same moment in Greenwich time.
    let g = clocks
        .iter()
        .skip(1)
        .find(|c| c.offset == Some(0) && c.utc)?;
    let mut o = (first.h * 60 + first.m) as i32 - (g.h * 60 + g.m) as i32;
    if o > 14 * 60 {
        o -= 24 * 60;
    } else if o < -12 * 60 {
        o += 24 * 60;
    }
    ((-12 * 60..=14 * 60).contains(&o) && o % 15 == 0).then(|| (hms(first), fmt(o)))
}

/// The first clock of `line` without an offset (`11:00 AM`), as hours and minutes.
pub fn bare_clock(line: &str, date: &str) -> Option<(u32, u32)> {
    clocks(line, date)
        .first()
        .filter(|c| c.offset.is_none())
        .map(|c| (c.h, c.m))
}

/// The offset `text` gives to the clock `h:m` elsewhere (`… at 11 a.m. ET` for a date
/// line's `11:00 AM`): the same time stated with its zone, in `+HH:MM`.
pub fn offset_of_clock(text: &str, date: &str, (h, m): (u32, u32)) -> Option<String> {
    text.lines().find_map(|l| {
        clocks(l, date)
            .into_iter()
            .find(|c| c.h == h && c.m == m && c.offset.is_some())
            .and_then(|c| c.offset)
            .map(|o| {
                let sign = if o < 0 { '-' } else { '+' };
                format!("{sign}{:02}:{:02}", o.abs() / 60, o.abs() % 60)
            })
    })
}

/// A clock time on a line, with its offset in minutes when the line states one.
struct Clock {
    h: u32,
    m: u32,
    s: u32,
    /// Marked as Greenwich or universal time.
    utc: bool,
    offset: Option<i32>,
}

fn clocks(line: &str, date: &str) -> Vec<Clock> {
    static CLOCK: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    let re = CLOCK.get_or_init(|| {
        regex::Regex::new(r"(?i)\b(\d{1,2})(?::(\d{2}))?(?::(\d{2}))?(?:\s*([ap])\.?\s?m\b\.?)?")
            .unwrap()
    });
    let utc_words = &lexicon().utc_words;
    // Clock matches (minutes or am/pm), not an offset's digits (`+07:00`).
    let found: Vec<regex::Captures> = re
        .captures_iter(line)
        .filter(|c| {
            let at = c.get(0).expect("match").start();
            (c.get(2).is_some() || c.get(4).is_some()) && !line[..at].ends_with(['+', '-', '−'])
        })
        .collect();
    let mut out = Vec::new();
    for (k, c) in found.iter().enumerate() {
        let m = c.get(0).expect("match");
        let n = |i: usize| {
            c.get(i)
                .map_or(0, |g| g.as_str().parse::<u32>().unwrap_or(99))
        };
        let (mut h, mi, se) = (n(1), n(2), n(3));
        if let Some(ap) = c.get(4) {
            if !(1..=12).contains(&h) {
                continue;
            }
            let pm = ap.as_str().eq_ignore_ascii_case("p");
            h = match (h, pm) {
                (12, false) => 0,
                (12, true) => 12,
                (h, true) => h + 12,
                (h, false) => h,
            };
        }
        if h > 23 || mi > 59 || se > 59 {
            continue;
        }
        // What follows the clock, up to the next clock.
        let end = found
            .get(k + 1)
            .map_or(line.len(), |c| c.get(0).expect("match").start());
        let after = &line[m.end()..end];
        let lower = after.to_lowercase();
        let first_word = crate::lexicon::words(&lower).into_iter().next();
        let utc = first_word.as_ref().is_some_and(|w| utc_words.contains(w));
        let offset = offset_in(after)
            .or_else(|| utc.then_some(0))
            .or_else(|| first_word.and_then(|w| zone_offset(&w, date)));
        out.push(Clock {
            h,
            m: mi,
            s: se,
            utc: utc && offset_in(after).is_none(),
            offset,
        });
    }
    out
}

/// The offset in minutes of a time-zone abbreviation on `date` (YYYY-MM-DD): fixed ones
/// (`EST`, `CEST`, `WIB`), and the United States' generic `ET`, `CT`, `MT`, `PT` by the
/// daylight-saving rule in force that year. Abbreviations that name several zones (`CST`,
/// `IST`, `BST`) give nothing, and so does a day on which the clocks change.
fn zone_offset(abbr: &str, date: &str) -> Option<i32> {
    const FIXED: &[(&str, i32)] = &[
        ("est", -300),
        ("edt", -240),
        ("mst", -420),
        ("mdt", -360),
        ("pst", -480),
        ("pdt", -420),
        ("akst", -540),
        ("akdt", -480),
        ("hst", -600),
        ("wet", 0),
        ("west", 60),
        ("cet", 60),
        ("cest", 120),
        ("eet", 120),
        ("eest", 180),
        ("wib", 420),
        ("wita", 480),
        ("wit", 540),
        ("jst", 540),
        ("kst", 540),
        ("hkt", 480),
        ("sgt", 480),
        ("aest", 600),
        ("aedt", 660),
        ("nzst", 720),
        ("nzdt", 780),
    ];
    if let Some((_, o)) = FIXED.iter().find(|(a, _)| *a == abbr) {
        return Some(*o);
    }
    let standard = match abbr {
        "et" => -300,
        "ct" => -360,
        "mt" => -420,
        "pt" => -480,
        _ => return None,
    };
    let day = date.parse::<jiff::civil::Date>().ok()?;
    let y = day.year();
    let nth_sunday = |month: i8, n: i8| -> Option<jiff::civil::Date> {
        jiff::civil::Date::new(y, month, 1)
            .ok()?
            .nth_weekday_of_month(n, jiff::civil::Weekday::Sunday)
            .ok()
    };
    let (start, end) = if y >= 2007 {
        (nth_sunday(3, 2)?, nth_sunday(11, 1)?)
    } else if y >= 1987 {
        (nth_sunday(4, 1)?, nth_sunday(10, -1)?)
    } else {
        return None;
    };
    if day == start || day == end {
        return None;
    }
    Some(if day > start && day < end {
        standard + 60
    } else {
        standard
    })
}

/// An explicit offset right after a clock: `+07:00`, `-0500`, `GMT+3`, `UTC-05:30`, in
/// minutes.
fn offset_in(after: &str) -> Option<i32> {
    static OFF: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    let re = OFF.get_or_init(|| {
        regex::Regex::new(r"(?i)^\s*\(?\s*(?:gmt|utc)?\s*([+-])(\d{1,2})(?::?(\d{2}))?\b").unwrap()
    });
    let c = re.captures(after)?;
    // `1:00pm-2:01pm`: the end of a range of hours, not an offset.
    let tail = &after[c.get(0)?.end()..];
    if tail.starts_with(':') || tail.starts_with(['a', 'p', 'A', 'P']) {
        return None;
    }
    let h: i32 = c[2].parse().ok()?;
    let m: i32 = c.get(3).map_or(Some(0), |g| g.as_str().parse().ok())?;
    if h > 14 || m > 59 {
        return None;
    }
    let o = h * 60 + m;
    Some(if &c[1] == "-" { -o } else { o })
}

fn valid_ymd(y: i32, m: u8, d: u8) -> bool {
    (1000..=2999).contains(&y) && jiff::civil::Date::new(y as i16, m as i8, d as i8).is_ok()
}

fn iso(t: &str) -> Option<PubDate> {
    let parts: Vec<&str> = t.split('-').collect();
    if !parts
        .iter()
        .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
    {
        return None;
    }
    match parts.as_slice() {
        [y] if y.len() == 4 => Some(PubDate::Date(y.to_string())),
        [y, m] if y.len() == 4 && m.len() == 2 => {
            let m: u8 = m.parse().ok()?;
            (1..=12).contains(&m).then(|| PubDate::Date(t.to_string()))
        }
        [y, m, d] if y.len() == 4 && m.len() == 2 && d.len() == 2 => {
            valid_ymd(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
                .then(|| PubDate::Date(t.to_string()))
        }
        _ => None,
    }
}

/// `25/04/2024`, `2024/04/25`, `3.4.2024`: accepted only when the order is certain.
fn numeric(t: &str) -> Result<Option<PubDate>, DateError> {
    let sep = match ['/', '.'].into_iter().find(|c| t.contains(*c)) {
        Some(c) => c,
        None => return Ok(None),
    };
    let parts: Vec<&str> = t.trim_end_matches('.').split(sep).collect();
    if parts.len() != 3
        || !parts
            .iter()
            .all(|p| !p.is_empty() && p.len() <= 4 && p.bytes().all(|b| b.is_ascii_digit()))
    {
        return Ok(None);
    }
    let n: Vec<u32> = parts.iter().map(|p| p.parse().unwrap_or(0)).collect();
    let (y, m, d) = if parts[0].len() == 4 {
        (n[0], n[1], n[2])
    } else if parts[2].len() == 4 {
        match (n[0] <= 12, n[1] <= 12) {
            (true, true) if n[0] != n[1] => return Err(DateError::Ambiguous(t.to_string())),
            (_, true) => (n[2], n[1], n[0]),
            (true, false) => (n[2], n[0], n[1]),
            (false, false) => return Err(DateError::Unreadable(t.to_string())),
        }
    } else {
        return Err(DateError::Ambiguous(t.to_string()));
    };
    if !valid_ymd(y as i32, m as u8, d as u8) {
        return Err(DateError::Unreadable(t.to_string()));
    }
    Ok(Some(PubDate::Date(format!("{y:04}-{m:02}-{d:02}"))))
}

/// Decimal digits of other scripts as ASCII (`০৫` → `05`, `٢٠٢٤` → `2024`).
fn ascii_digits(tok: &str) -> String {
    tok.chars()
        .map(|c| {
            native_digit(c)
                .and_then(|d| char::from_digit(d, 10))
                .unwrap_or(c)
        })
        .collect()
}

/// The value of a decimal digit of another script (`০` → 0, `٤` → 4): each of these
/// blocks holds its ten digits in a row from zero.
fn native_digit(c: char) -> Option<u32> {
    const ZEROS: [u32; 17] = [
        0x0660, 0x06F0, 0x07C0, 0x0966, 0x09E6, 0x0A66, 0x0AE6, 0x0B66, 0x0BE6, 0x0C66, 0x0CE6,
        0x0D66, 0x0E50, 0x0ED0, 0x1040, 0x17E0, 0xFF10,
    ];
    let u = c as u32;
    ZEROS
        .iter()
        .find(|&&z| (z..z + 10).contains(&u))
        .map(|&z| u - z)
}

/// `line` holds `n` numeric characters in a row.
fn numeric_run(line: &str, n: usize) -> bool {
    let mut run = 0;
    line.chars().any(|c| {
        run = if c.is_numeric() { run + 1 } else { 0 };
        run == n
    })
}

/// Some token of `line` (see `tokens`) is a year (`year_of`), found without building the
/// tokens: a run of exactly four word characters, each an ASCII digit or one `ascii_digits`
/// turns into one (lower-casing changes no digit, and turns nothing else into one).
fn has_year(line: &str) -> bool {
    // The current run of word characters: its length, and its value while all are digits.
    let (mut len, mut value) = (0u32, Some(0u32));
    let year = |len: u32, value: Option<u32>| {
        len == 4 && value.is_some_and(|v| (1000..=2999).contains(&v))
    };
    for c in line.chars() {
        if crate::lexicon::is_word_char(c) {
            len += 1;
            let digit = c.to_digit(10).or_else(|| native_digit(c));
            value = value
                .zip(digit)
                .filter(|_| len <= 4)
                .map(|(v, d)| v * 10 + d);
        } else {
            if year(len, value) {
                return true;
            }
            (len, value) = (0, Some(0));
        }
    }
    year(len, value)
}

/// Tokens of a line with their byte ranges, lower-cased, digits as ASCII.
fn tokens(line: &str) -> Vec<(String, Range<usize>)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in line.char_indices() {
        if crate::lexicon::is_word_char(c) {
            start.get_or_insert(i);
        } else if let Some(s) = start.take() {
            out.push((token(&line[s..i]), s..i));
        }
    }
    if let Some(s) = start {
        out.push((token(&line[s..]), s..line.len()));
    }
    out
}

/// One token lower-cased with ASCII digits: one allocation, none more for ASCII.
fn token(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    crate::lexicon::lower_into(word, &mut out);
    if out.is_ascii() {
        out
    } else {
        ascii_digits(&out)
    }
}

fn is_filler(w: &str) -> bool {
    matches!(
        w,
        "de" | "del"
            | "ngày"
            | "năm"
            | "le"
            | "the"
            | "of"
            | "am"
            | "den"
            | "tanggal"
            | "el"
            | "er"
            | "st"
            | "nd"
            | "rd"
            | "th"
    )
}

/// A day number token: `3`, `03`, `1er`, `3rd`.
fn day_of(tok: &str) -> Option<u8> {
    let digits: String = tok.chars().take_while(|c| c.is_ascii_digit()).collect();
    let rest = &tok[digits.len()..];
    if digits.is_empty()
        || digits.len() > 2
        || !matches!(rest, "" | "er" | "st" | "nd" | "rd" | "th" | "e")
    {
        return None;
    }
    let d: u8 = digits.parse().ok()?;
    (1..=31).contains(&d).then_some(d)
}

fn year_of(tok: &str) -> Option<i32> {
    (tok.len() == 4 && tok.bytes().all(|b| b.is_ascii_digit()))
        .then(|| tok.parse().ok())
        .flatten()
        .filter(|y| (1000..=2999).contains(y))
}

/// Every month spelling (its words), keyed by its first word, with its rank in
/// [`Lexicon::month_spellings`](crate::lexicon::Lexicon::month_spellings) order
/// (ascending within a key) and its month.
#[allow(clippy::type_complexity)]
fn month_index() -> &'static std::collections::HashMap<String, Vec<(usize, Vec<String>, u8)>> {
    static INDEX: std::sync::OnceLock<
        std::collections::HashMap<String, Vec<(usize, Vec<String>, u8)>>,
    > = std::sync::OnceLock::new();
    INDEX.get_or_init(|| {
        let mut index: std::collections::HashMap<String, Vec<(usize, Vec<String>, u8)>> =
            Default::default();
        for (rank, (name, month)) in lexicon().month_spellings().iter().enumerate() {
            let parts: Vec<String> = name.split_whitespace().map(str::to_string).collect();
            if let Some(first) = parts.first() {
                index
                    .entry(first.clone())
                    .or_default()
                    .push((rank, parts, *month));
            }
        }
        index
    })
}

/// Finds `month` (by name), `year` and, next to the month, a `day`. Returns the date and
/// the tokens that were not used.
fn month_name(line: &str) -> Option<(PubDate, Vec<String>)> {
    // A date here needs a year token: a line without one is not split into tokens (most
    // lines with a number are without a year).
    if !has_year(line) {
        return None;
    }
    let toks = tokens(line);
    let lower: Vec<&str> = toks.iter().map(|(t, _)| t.as_str()).collect();
    // Find the month phrase (one or more tokens) — longest spelling first.
    // The first spelling in that order that occurs, at its first place: the spellings
    // starting with each token are looked up rather than every spelling tried at every token.
    let index = month_index();
    let mut found: Option<(usize, usize, usize, u8)> = None; // (spelling, first token, token count, month)
    for i in 0..lower.len() {
        for (rank, parts, month) in index.get(lower[i]).into_iter().flatten() {
            if found.is_some_and(|(r, ..)| r <= *rank) {
                break;
            }
            if i + parts.len() <= lower.len() && lower[i..i + parts.len()].iter().eq(parts.iter()) {
                found = Some((*rank, i, parts.len(), *month));
            }
        }
    }
    let (_, mi, mlen, month) = found?;
    let after = mi + mlen;
    let year_idx =
        (0..lower.len()).find(|&i| (i < mi || i >= after) && year_of(lower[i]).is_some())?;
    let mut year = year_of(lower[year_idx])?;
    // A Thai date counts years from the Buddha (B.E. 2567 = 2024 CE).
    if year > 2400 && line.chars().any(|c| matches!(c as u32, 0x0E00..=0x0E7F)) {
        year -= 543;
    }
    // Day: the nearest day token before the month (skipping fillers), else right after it.
    let mut day_idx = None;
    let mut j = mi;
    while j > 0 {
        j -= 1;
        if day_of(lower[j]).is_some() {
            day_idx = Some(j);
            break;
        }
        if !is_filler(lower[j]) {
            break;
        }
    }
    if day_idx.is_none()
        && after < lower.len()
        && after != year_idx
        && day_of(lower[after]).is_some()
    {
        day_idx = Some(after);
    }
    let mut used = vec![year_idx];
    used.extend(mi..after);
    let date = match day_idx {
        Some(di) => {
            used.push(di);
            let day = day_of(lower[di])?;
            if !valid_ymd(year, month, day) {
                return None;
            }
            PubDate::Date(format!("{year:04}-{month:02}-{day:02}"))
        }
        None => PubDate::Date(format!("{year:04}-{month:02}")),
    };
    let leftover = (0..lower.len())
        .filter(|i| !used.contains(i))
        .map(|i| lower[i].to_string())
        .collect();
    Some((date, leftover))
}

/// The byte range from the first date-ish token to the last one (day, month, year, fillers).
fn covered_range(line: &str) -> Range<usize> {
    let toks = tokens(line);
    let months = lexicon().month_spellings();
    let is_part = |t: &str| {
        day_of(t).is_some()
            || year_of(t).is_some()
            || is_filler(t)
            || t == "tháng"
            || months.iter().any(|(n, _)| n == t)
    };
    let mut parts: Vec<(&str, &Range<usize>)> = toks
        .iter()
        .filter(|(t, _)| is_part(t))
        .map(|(t, r)| (t.as_str(), r))
        .collect();
    // Fillers (`the`, `of`, `de`) after the last part are the sentence's: `March 15,
    // 2012 Wikinews interviewed one of the …` ends at the year.
    while parts.last().is_some_and(|(t, _)| is_filler(t)) {
        parts.pop();
    }
    let parts: Vec<&Range<usize>> = parts.into_iter().map(|(_, r)| r).collect();
    match (parts.first(), parts.last()) {
        (Some(a), Some(b)) => a.start..b.end,
        _ => 0..line.len(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> PubDate {
        PubDate::Date(s.to_string())
    }

    #[test]
    fn plain_and_rfc3339() {
        assert_eq!(parse("2024-03-15"), Ok(d("2024-03-15")));
        assert_eq!(parse("2024-03"), Ok(d("2024-03")));
        assert_eq!(parse("2024"), Ok(d("2024")));
        assert_eq!(
            parse("2024-03-15T09:30:00+07:00"),
            Ok(PubDate::DateTime("2024-03-15T09:30:00+07:00".into()))
        );
        assert!(parse("2024-03-15T09:30:00").is_err(), "no offset, no guess");
        assert!(parse("2024-13-01").is_err());
    }

    #[test]
    fn month_names_in_six_languages() {
        assert_eq!(parse("30 de noviembre de 2010"), Ok(d("2010-11-30")));
        assert_eq!(parse("3 August 2015"), Ok(d("2015-08-03")));
        assert_eq!(parse("August 3, 2015"), Ok(d("2015-08-03")));
        assert_eq!(parse("ngày 1 tháng 5 năm 2024"), Ok(d("2024-05-01")));
        assert_eq!(parse("ngày 12 tháng 10 năm 2023"), Ok(d("2023-10-12")));
        assert_eq!(parse("1 Mei 2024"), Ok(d("2024-05-01")));
        assert_eq!(parse("1er mai 2024"), Ok(d("2024-05-01")));
        assert_eq!(parse("3. März 2021"), Ok(d("2021-03-03")));
        assert_eq!(parse("September 2023"), Ok(d("2023-09")));
        assert!(parse("30 de noviembre").is_err(), "no year, no date");
        assert!(parse("the weather in May 2024 was fine").is_err());
    }

    #[test]
    fn numeric_dates_only_when_certain() {
        let e = parse("03/04/2024").unwrap_err();
        assert!(matches!(e, DateError::Ambiguous(_)));
        assert!(e.to_string().contains("YYYY-MM-DD"));
        assert_eq!(parse("25/04/2024"), Ok(d("2024-04-25")));
        assert_eq!(parse("2024/04/25"), Ok(d("2024-04-25")));
        assert_eq!(parse("04/04/2024"), Ok(d("2024-04-04")));
    }

    #[test]
    fn finds_cjk_dates_with_marked_parts() {
        assert_eq!(find("2024年5月20日").unwrap().0, d("2024-05-20"));
        assert_eq!(
            find("입력 2024년 3월 15일 10:30").unwrap().0,
            d("2024-03-15")
        );
        assert!(find("2024年13月20日").is_none());
    }

    #[test]
    fn month_names_in_scripts_with_vowel_signs_and_other_calendars() {
        // Vowel signs stay inside the word (`मार्च`, `มกราคม`).
        assert_eq!(find("नई दिल्ली | 15 मार्च 2024").unwrap().0, d("2024-03-15"));
        assert_eq!(find("20 ஏப்ரல் 2024").unwrap().0, d("2024-04-20"));
        // Thai years count from the Buddha: 2567 B.E. is 2024.
        assert_eq!(find("เผยแพร่: 12 มกราคม 2567").unwrap().0, d("2024-01-12"));
        // Hebrew writes 'in January' as one word.
        assert_eq!(find("10 בינואר 2024, 08:40").unwrap().0, d("2024-01-10"));
        assert_eq!(find("3 Απριλίου 2024, 11:20").unwrap().0, d("2024-04-03"));
        assert_eq!(find("5. března 2024 10:42").unwrap().0, d("2024-03-05"));
        assert_eq!(find("Jumatatu, Machi 4, 2024").unwrap().0, d("2024-03-04"));
        // Native digits are digits.
        assert_eq!(find("প্রকাশ: ০৫ মার্চ ২০২৪").unwrap().0, d("2024-03-05"));
        // Only Thai text counts from the Buddha.
        assert_eq!(find("12 January 2567").unwrap().0, d("2567-01-12"));
    }

    #[test]
    fn hijri_dates_are_skipped_and_two_clocks_give_the_offset() {
        let line = "الاثنين 28/1/1427 هـ - الموافق 27/2/2006 م (آخر تحديث) الساعة 16:57 (مكة المكرمة)، 13:57 (غرينتش)";
        assert_eq!(find(line).unwrap().0, d("2006-02-27"));
        assert_eq!(
            clock_with_offset(line, "2006-02-27"),
            Some(("16:57:00".into(), "+03:00".into()))
        );
    }

    #[test]
    fn a_range_of_hours_is_no_offset() {
        assert_eq!(offset_in("-2:01pm PDT"), None);
        assert_eq!(offset_in("-2pm"), None);
        assert_eq!(offset_in(" -05:00"), Some(-300));
    }

    #[test]
    fn a_clock_gives_a_time_only_with_its_offset() {
        let c = |l: &str, d: &str| clock_with_offset(l, d);
        assert_eq!(
            c("10 Juli 2024 14:20 GMT+7", "2024-07-10"),
            Some(("14:20:00".into(), "+07:00".into()))
        );
        assert_eq!(
            c("March 3, 2024, 9:05 p.m. UTC", "2024-03-03"),
            Some(("21:05:00".into(), "+00:00".into()))
        );
        assert_eq!(
            c("2024-03-15 09:30 +07:00", "2024-03-15"),
            Some(("09:30:00".into(), "+07:00".into()))
        );
        assert_eq!(
            c("Senin, 5 Februari 2024 | 09:15 WIB", "2024-02-05"),
            Some(("09:15:00".into(), "+07:00".into()))
        );
        // US generic zones follow the daylight-saving rule of the day.
        assert_eq!(
            c("Aired May 12, 2005 - 13:30   ET", "2005-05-12"),
            Some(("13:30:00".into(), "-04:00".into()))
        );
        assert_eq!(
            c("January 12, 2007, 11 a.m. ET", "2007-01-12"),
            Some(("11:00:00".into(), "-05:00".into()))
        );
        // No offset, no time; an abbreviation of several zones gives none.
        assert_eq!(c("Friday, January 12, 2007; 11:00 AM", "2007-01-12"), None);
        assert_eq!(c("03.12.10, 10:48", "2010-12-03"), None);
        assert_eq!(c("5 March 2024, 10:00 IST", "2024-03-05"), None);
        assert_eq!(
            offset_of_clock(
                "Jonathan Weisman was online Friday, Jan. 12, at 11 a.m. ET to discuss",
                "2007-01-12",
                (11, 0)
            ),
            Some("-05:00".into())
        );
    }

    #[test]
    fn a_date_in_a_sentence_covers_only_the_date() {
        let line = "Thursday, March 15, 2012 Wikinews interviewed one of the owners";
        let (date, r) = find(line).unwrap();
        assert_eq!(date, d("2012-03-15"));
        assert_eq!(&line[r], "March 15, 2012");
    }

    #[test]
    fn finds_dates_in_datelines() {
        let line = "Houston, TX – 3 August 2015";
        let (date, r) = find(line).unwrap();
        assert_eq!(date, d("2015-08-03"));
        assert_eq!(&line[r], "3 August 2015");
        assert!(find("Buenos Aires, Argentina").is_none());
        assert_eq!(find("Hanoi, 25/04/2024").unwrap().0, d("2024-04-25"));
        assert!(
            find("Hanoi, 03/04/2024").is_none(),
            "day/month order unknown: no date"
        );
    }

    #[test]
    fn the_gates_pass_every_line_that_can_hold_a_date() {
        // Generated lines: digits of several scripts and kinds (ASCII, Arabic-Indic,
        // fullwidth, superscript, Roman), letters, marks and the separators the forms use.
        let alphabet = [
            "1", "2", "0", "9", "٢", "٠", "２", "²", "Ⅻ", "a", "É", "\u{301}", "_", " ", "-", "/",
            ".", "年", "月", "日", "Σ",
        ];
        let mut lines: Vec<String> = Vec::new();
        let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
        for _ in 0..60_000 {
            let mut line = String::new();
            seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
            for _ in 0..(seed >> 60) {
                seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
                line.push_str(alphabet[(seed >> 33) as usize % alphabet.len()]);
            }
            lines.push(line);
        }
        for text in crate::test_corpus::files() {
            lines.extend(text.lines().map(str::to_string));
        }
        let mut years = 0;
        for l in &lines {
            // `month_name` needs a year token: `has_year` says whether there is one.
            let year = tokens(l).iter().any(|(t, _)| year_of(t).is_some());
            assert_eq!(has_year(l), year, "{l:?}");
            years += usize::from(year);
            // Without four numeric characters in a row no form matches.
            if !numeric_run(l, 4) {
                assert!(!year, "{l:?}");
                assert!(matchers::find_iso_date(l).is_none(), "{l:?}");
                assert!(matchers::numeric_dates(l).is_empty(), "{l:?}");
                assert!(matchers::cjk_date(l).is_none(), "{l:?}");
            }
        }
        // The generated lines hold years: the comparison is no vacuous one.
        assert!(years > 100, "{years} lines with a year");
    }
}
