//! Turn times from the time stamps of a text transcript.
//!
//! Transcripts exported from recorders and caption tools print where each turn starts in
//! the recording: before the label (`[00:01:23] Host: …`, `00:02 - Pourquoi ?`), after it
//! (`Jane: (00:12) …`), or on a header line of their own above the turn (`Speaker 1  0:03`,
//! `Voice 12 03:41`, a bare `0:00`). The line rules drop those stamps from the text; this
//! pass reads them back, from the source, as [`Timing`]s so outputs that carry times (the
//! OHMS transcript) keep them.
//!
//! Only a stamp that stands right at a turn's start counts: a clock that falls mid-turn
//! says nothing about where the turn begins. Clock times of day (`1:02 pm`) are a
//! broadcast's wall clock, not a place in the recording, and never count. The times must
//! run forward through the interview and mark at least two turns; otherwise they are not a
//! recording's clock and none is kept (an info note says so).

use crate::model::{Diagnostic, Interview, Span, Timing, Turn};

/// A stamp: `h:mm:ss`, `mm:ss` or `m:ss`, with an optional `.mmm`/`,mmm` fraction, in
/// optional brackets. Two parts are minutes and seconds (the transcript tools' way; a
/// recording time is never written as hours and minutes). Returns milliseconds.
fn parse_stamp(s: &str) -> Option<u64> {
    let inner = match s.as_bytes().first() {
        Some(b'[') => s.strip_prefix('[')?.strip_suffix(']')?,
        Some(b'(') => s.strip_prefix('(')?.strip_suffix(')')?,
        _ => s,
    };
    let (clock, frac) = match inner.split_once(['.', ',']) {
        Some((c, f)) => (c, Some(f)),
        None => (inner, None),
    };
    let parts: Vec<&str> = clock.split(':').collect();
    let num = |p: &str, max_len: usize| -> Option<u64> {
        (!p.is_empty() && p.len() <= max_len && p.bytes().all(|b| b.is_ascii_digit()))
            .then(|| p.parse().ok())
            .flatten()
    };
    let (h, m, sec) = match parts.as_slice() {
        [m, s] => (0, num(m, 3)?, num(s, 2)?),
        [h, m, s] => (num(h, 2)?, num(m, 2)?, num(s, 2)?),
        _ => return None,
    };
    if parts.last()?.len() != 2
        || sec >= 60
        || (parts.len() == 3 && (m >= 60 || parts[1].len() != 2))
    {
        return None;
    }
    let ms = match frac {
        None => 0,
        Some(f) if (1..=3).contains(&f.len()) && f.bytes().all(|b| b.is_ascii_digit()) => {
            f.parse::<u64>().ok()? * 10u64.pow(3 - f.len() as u32)
        }
        Some(_) => return None,
    };
    Some(((h * 60 + m) * 60 + sec) * 1000 + ms)
}

/// The stamp `text` is made of, with its trailing dash (`00:02 -`), or `None`.
fn whole_stamp(text: &str) -> Option<u64> {
    let t = text.trim().trim_end_matches(['-', '–']).trim_end();
    parse_stamp(t)
}

/// A header line above a turn: a stamp alone, or a few words and a stamp (`Speaker 1
/// 0:03`, `Voice 12 03:41`, `Jane Roe  00:01:23`).
fn header_stamp(line: &str) -> Option<u64> {
    match header(line) {
        Some((_, ms)) => Some(ms),
        None => parse_stamp(line.trim()),
    }
}

/// A speaker header of a recorder's transcript: one to four words, the first a capital
/// or a digit, then a stamp (`Speaker 1  0:03`, `Sam Liang  00:01:23`, `Voice 12 03:41`).
/// Returns the speaker's words and the time.
pub fn header(line: &str) -> Option<(&str, u64)> {
    let t = line.trim();
    let (words, last) = t.rsplit_once(char::is_whitespace)?;
    let ms = parse_stamp(last)?;
    let words = words.trim();
    let n = words.split_whitespace().count();
    let plain = words
        .chars()
        .all(|c| c.is_alphanumeric() || " -'’".contains(c));
    let capital = words
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || !c.is_alphabetic());
    ((1..=4).contains(&n) && plain && capital).then_some((words, ms))
}

/// Where a turn's time is printed, if it is: the stamp's span and time.
fn turn_stamp(src: &str, turn: &Turn) -> Option<(Span, u64)> {
    let start = turn.span.start.min(src.len());
    let line_start = src[..start].rfind('\n').map_or(0, |i| i + 1);
    // Before the label or text, on its line: `[00:01:23] Host:`, `00:02 - Pourquoi ?`.
    let before = &src[line_start..start];
    if !before.trim().is_empty() {
        return whole_stamp(before).map(|ms| (line_start..start, ms));
    }
    // Between the label and the words: `Jane: (00:12) Welcome back.`, `Speaker 1  0:03`.
    if let (Some(p), Some(_)) = (turn.paragraphs.first(), &turn.label) {
        let head = src[start..p.span.start.clamp(start, src.len())].trim_end();
        let at = head.rfind(char::is_whitespace).map_or(0, |i| i + 1);
        if let Some(ms) = parse_stamp(&head[at..]) {
            return Some((start + at..start + head.len(), ms));
        }
    }
    // A header line above the turn, blank lines between allowed.
    let mut end = line_start;
    while end > 0 {
        let prev_start = src[..end - 1].rfind('\n').map_or(0, |i| i + 1);
        let line = &src[prev_start..end - 1];
        if line.trim().is_empty() {
            end = prev_start;
            continue;
        }
        return header_stamp(line).map(|ms| (prev_start..end - 1, ms));
    }
    None
}

/// Reads the turn times `src` prints (see the module comment) into `iv.timings`.
pub fn read(src: &str, iv: &mut Interview) {
    if !iv.timings.is_empty() {
        return;
    }
    // The closing remark is timed as turn `turns.len()` (see `Timing::turn`).
    let found: Vec<(usize, Span, u64)> = iv
        .turns
        .iter()
        .chain(iv.closing.iter())
        .enumerate()
        .filter_map(|(i, t)| turn_stamp(src, t).map(|(span, ms)| (i, span, ms)))
        .collect();
    if found.is_empty() {
        return;
    }
    let forward = found.windows(2).all(|w| w[0].2 <= w[1].2);
    if found.len() < 2 || !forward {
        iv.diagnostics.push(Diagnostic::info(
            "turn-times",
            format!(
                "{} time stamp(s) at turn starts not kept as turn times: {}",
                found.len(),
                if forward {
                    "one stamp is no recording clock"
                } else {
                    "they do not run forward"
                }
            ),
            Some(found[0].1.clone()),
        ));
        return;
    }
    iv.diagnostics.push(Diagnostic::info(
        "turn-times",
        format!(
            "{} of {} turn(s) timed from the time stamps at their starts",
            found.len(),
            iv.turns.len() + usize::from(iv.closing.is_some())
        ),
        Some(found[0].1.clone()),
    ));
    iv.timings = found
        .into_iter()
        .map(|(turn, span, start_ms)| Timing {
            turn,
            start_ms,
            end_ms: None,
            span: Some(span),
        })
        .collect();
}

#[cfg(test)]
mod tests {
    use super::{header_stamp, parse_stamp};
    use crate::read::structure::recognize;

    #[test]
    fn stamps_in_the_common_forms() {
        assert_eq!(parse_stamp("0:03"), Some(3_000));
        assert_eq!(parse_stamp("[00:01:23]"), Some(83_000));
        assert_eq!(parse_stamp("(00:12)"), Some(12_000));
        assert_eq!(parse_stamp("01:02:03.5"), Some(3_723_500));
        assert_eq!(parse_stamp("12:61"), None);
        assert_eq!(parse_stamp("1:2"), None);
        assert_eq!(parse_stamp("10:30pm"), None);
        assert_eq!(header_stamp("Speaker 1  0:03"), Some(3_000));
        assert_eq!(header_stamp("Voice 12 03:41"), Some(221_000));
        assert_eq!(header_stamp("We met at 10:30."), None);
        assert_eq!(header_stamp("And then, at 10:30"), None);
    }

    #[test]
    fn stamps_before_labels_time_their_turns() {
        let src = "[00:00:05] Host: How did it start?\n\n[00:00:09] Guest: With a walk by the docks.\n\n[00:01:02] Host: And then?\n\n[00:01:10] Guest: Then the fog lifted.\n";
        let iv = recognize(src);
        let starts: Vec<(usize, u64)> = iv.timings.iter().map(|t| (t.turn, t.start_ms)).collect();
        assert_eq!(starts, [(0, 5_000), (1, 9_000), (2, 62_000), (3, 70_000)]);
        let span = iv.timings[2].span.clone().unwrap();
        assert_eq!(&src[span], "[00:01:02] ");
    }

    #[test]
    fn header_lines_and_stamps_after_labels_time_their_turns() {
        let src = "Speaker 1  0:03\nWhat brought you here?\n\nSpeaker 2  0:07\nA job, at first.\n\nSpeaker 1  0:15\nAnd now?\n\nSpeaker 2  0:18\nNow it is home.\n";
        let iv = recognize(src);
        let starts: Vec<u64> = iv.timings.iter().map(|t| t.start_ms).collect();
        assert_eq!(starts, [3_000, 7_000, 15_000, 18_000], "{:#?}", iv.turns);
        let src = "Jane: (00:12) Why the harbour?\n\nLeo: (00:20) It was there.\n\nJane: (00:31) Why now?\n\nLeo: (00:40) Because it is going.\n";
        let iv = recognize(src);
        let starts: Vec<u64> = iv.timings.iter().map(|t| t.start_ms).collect();
        assert_eq!(starts, [12_000, 20_000, 31_000, 40_000]);
    }

    #[test]
    fn times_of_day_and_times_running_backwards_are_no_turn_times() {
        let src = "[10:00] Host: How did it start?\n\n[09:00] Guest: With a walk.\n\n[11:00] Host: And then?\n\n[12:00] Guest: Fog.\n";
        let iv = recognize(src);
        assert!(iv.timings.is_empty());
        assert!(iv.diagnostics.iter().any(|d| d.code == "turn-times"));
        let src = "Host: How did it start?\n\n1:02 pm\n\nGuest: With a walk.\n\nHost: And then?\n\nGuest: Fog.\n";
        assert!(recognize(src).timings.is_empty());
    }
}
