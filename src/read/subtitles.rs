//! Subtitles: WebVTT and SRT.
//!
//! The cue numbers, timing lines, the `WEBVTT` header and NOTE/STYLE blocks are blanked out
//! byte for byte, a voice tag `<v Maya>` becomes the label `Maya:` in the same bytes, and
//! other tags, karaoke timestamps and `{\an8}` overrides are blanked (leaving no gap before
//! punctuation), consecutive cues are joined into one block, so the structure recognizer sees a labelled
//! transcript and every span still points into the original file.

use super::structure::{self, Options};
use crate::model::Interview;
use regex::Regex;
use std::sync::OnceLock;

fn voice_re() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    R.get_or_init(|| Regex::new(r"<v(?:\.[\w.-]+)?\s+([^>]+)>").unwrap())
}

fn tag_re() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    // Markup tags, karaoke timestamps (`<00:00:19.000>`) and SSA overrides (`{\an8}`).
    // The timestamps' digits are ASCII, as WebVTT defines them: a Unicode `\d` made
    // this pattern 3.5 times as costly to compile (2.2 M instructions), all of it in a
    // one-file run.
    R.get_or_init(|| {
        Regex::new(
            r"</?[a-zA-Z][^>]*>|<(?:[0-9]{1,2}:)?[0-9]{1,2}:[0-9]{2}[.,][0-9]{1,3}>|\{\\[^}]*\}",
        )
        .unwrap()
    })
}

/// True when the text is WebVTT or SRT.
pub fn looks_like(text: &str) -> bool {
    let t = text.trim_start_matches('\u{feff}').trim_start();
    // A timing line is matched by hand (`matchers::is_cue_timing`): texts whose first
    // lines open with a digit (a date, a number) compiled its Unicode `\d` pattern.
    t.starts_with("WEBVTT") || t.lines().take(4).any(crate::matchers::is_cue_timing)
}

fn blank(bytes: &mut [u8], range: std::ops::Range<usize>) {
    for b in &mut bytes[range] {
        if *b != b'\n' {
            *b = b' ';
        }
    }
}

/// The subtitle text with everything but the spoken words blanked out, same length.
pub fn mask(text: &str) -> String {
    let mut out = text.as_bytes().to_vec();
    let mut pos = 0;
    let mut skip_block = false;
    let lines: Vec<&str> = text.split_inclusive('\n').collect();
    for (i, raw) in lines.iter().enumerate() {
        let start = pos;
        pos += raw.len();
        let line = raw.trim_end_matches(['\n', '\r']);
        let t = line.trim();
        if t.is_empty() {
            skip_block = false;
            continue;
        }
        let next_is_timing = lines
            .get(i + 1)
            .is_some_and(|n| crate::matchers::is_cue_timing(n));
        let header =
            t.starts_with("WEBVTT") || t.starts_with("NOTE") || t == "STYLE" || t == "REGION";
        if header {
            skip_block = true;
        }
        if skip_block
            || crate::matchers::is_cue_timing(line)
            || (next_is_timing
                && t.chars()
                    .all(|c| c.is_ascii_digit() || c == '-' || c.is_alphanumeric())
                && !t.contains(' '))
        {
            blank(&mut out, start..start + line.len());
            continue;
        }
        // `<v Maya>` → `Maya:` + spaces, in place.
        // Voice and markup tags open with `<` (or `{\` for SSA): a line without one
        // need not run (or compile) their patterns.
        let tagged = line.contains(['<', '{']);
        let voiced = tagged && line.contains("<v");
        for c in voiced
            .then(|| voice_re().captures_iter(line))
            .into_iter()
            .flatten()
        {
            let (m, name) = (c.get(0).expect("match"), c.get(1).expect("group"));
            let at = start + m.start();
            let label = format!("{}:", name.as_str().trim());
            if label.len() <= m.len() {
                blank(&mut out, at..at + m.len());
                out[at..at + label.len()].copy_from_slice(label.as_bytes());
            }
        }
        for m in tagged
            .then(|| tag_re().find_iter(line))
            .into_iter()
            .flatten()
        {
            if m.as_str().starts_with("<v ") || m.as_str().starts_with("<v.") {
                continue;
            }
            // `<i>Lime trees</i>,`: a tag between a word and its punctuation leaves no gap.
            let closing = m.as_str().starts_with("</");
            if super::html::inline_is_tight(line, m.start(), m.end(), closing) {
                super::html::put_tight(&mut out, start + m.start(), m.len(), "");
            } else {
                blank(&mut out, start + m.start()..start + m.end());
            }
        }
    }
    // Join cues: the blank line between two cues becomes a space, so a speaker's cues
    // read as one paragraph (a new label still starts a new turn).
    let mut i = 0;
    while i + 1 < out.len() {
        if out[i] == b'\n' {
            let mut j = i + 1;
            while j < out.len() && (out[j] == b' ' || out[j] == b'\r') {
                j += 1;
            }
            if j < out.len() && out[j] == b'\n' {
                out[j] = b' ';
                continue;
            }
        }
        i += 1;
    }
    String::from_utf8(out).expect("only ASCII bytes were written over whole characters or ASCII")
}

/// Reads WebVTT or SRT. Each turn gets the times of the cues it spans (start of its
/// first cue, end of its last), so time-coded outputs (OHMS) keep them.
pub fn read(text: &str) -> Interview {
    let masked = mask(text);
    let mut iv = structure::recognize_with(
        &masked,
        &Options {
            join_lines: true,
            ..Default::default()
        },
    );
    let cues = cues(text);
    // The cues time every turn: stamps inside cue text (rare) give way to them.
    iv.timings.clear();
    iv.diagnostics.retain(|d| d.code != "turn-times");
    let cue_at = |offset: usize| cues.iter().rev().find(|c| c.0 <= offset);
    // The closing remark is timed as turn `turns.len()` (see `Timing::turn`).
    for (i, turn) in iv.turns.iter().chain(iv.closing.iter()).enumerate() {
        let (Some(first), Some(last)) = (
            cue_at(turn.span.start),
            cue_at(turn.span.end.saturating_sub(1).max(turn.span.start)),
        ) else {
            continue;
        };
        iv.timings.push(crate::model::Timing {
            turn: i,
            start_ms: first.1,
            end_ms: Some(last.2.max(first.1)),
            span: None,
        });
    }
    iv
}

/// `(byte offset of the cue's text, start ms, end ms)` for each cue, in file order.
fn cues(text: &str) -> Vec<(usize, u64, u64)> {
    let ms = |t: &str| -> Option<u64> {
        let t = t.trim().replace(',', ".");
        let (hms, frac) = t.split_once('.')?;
        let parts: Vec<u64> = hms
            .split(':')
            .map(|p| p.parse().ok())
            .collect::<Option<_>>()?;
        let secs = match parts.as_slice() {
            [h, m, s] => h * 3600 + m * 60 + s,
            [m, s] => m * 60 + s,
            _ => return None,
        };
        let frac: String = frac.chars().take(3).collect();
        Some(secs * 1000 + format!("{frac:0<3}").parse::<u64>().ok()?)
    };
    let mut out = Vec::new();
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        offset += line.len();
        // The timing pattern by hand (its Unicode `\d{1,2}`s cost 3.8 M instructions to
        // compile, most of a one-file run).
        if let Some(end) = crate::matchers::cue_timing_end(line) {
            let Some((a, b)) = line[..end].split_once("-->") else {
                continue;
            };
            if let (Some(start), Some(end)) = (ms(a), ms(b)) {
                out.push((offset, start, end));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const VTT: &str = "WEBVTT\n\n00:00:01.000 --> 00:00:03.000\n<v Maya>Welcome to the show.\n\n00:00:03.500 --> 00:00:06.000\n<v Maya>How did you start\n\n00:00:06.000 --> 00:00:08.000\nrestoring boats?\n\n00:00:08.500 --> 00:00:12.000\n<v Leo>My uncle left me a wreck.\n\n00:00:12.500 --> 00:00:14.000\n<v Maya>And now?\n\n00:00:14.500 --> 00:00:18.000\n<v Leo>Now I build them for others.\n";

    #[test]
    fn mask_keeps_length_and_turns_voices_into_labels() {
        let m = mask(VTT);
        assert_eq!(m.len(), VTT.len());
        assert!(m.contains("Maya:"));
        assert!(!m.contains("-->"));
    }

    #[test]
    fn webvtt_voices_become_turns() {
        let iv = read(VTT);
        let ex = iv.exchanges();
        assert_eq!(ex.len(), 2, "{:#?}", iv.turns);
        assert_eq!(
            ex[0].question.text(),
            "Welcome to the show. How did you start restoring boats?"
        );
        assert_eq!(ex[1].answers[0].text(), "Now I build them for others.");
        let span = ex[1].answers[0].paragraphs[0].span.clone();
        assert_eq!(&VTT[span], "Now I build them for others.");
        // Maya's first turn runs over two cues, 1 s to 6 s; Leo's last is 14.5–18 s.
        assert_eq!(iv.timings[0].start_ms, 1_000);
        assert_eq!(iv.timings[0].end_ms, Some(8_000));
        let last = iv.timings.last().unwrap();
        assert_eq!((last.start_ms, last.end_ms), (14_500, Some(18_000)));
    }

    #[test]
    fn srt_with_inline_names() {
        let srt = "1\n00:00:01,000 --> 00:00:03,000\nHOST: Where were you born?\n\n2\n00:00:03,500 --> 00:00:06,000\nGUEST: In a small town\n\n3\n00:00:06,000 --> 00:00:08,000\nby the sea.\n\n4\n00:00:08,500 --> 00:00:10,000\nHOST: And today?\n\n5\n00:00:10,500 --> 00:00:12,000\nGUEST: In the capital.\n";
        assert!(looks_like(srt));
        let iv = read(srt);
        let ex = iv.exchanges();
        assert_eq!(ex.len(), 2);
        assert_eq!(ex[0].answers[0].text(), "In a small town by the sea.");
    }

    #[test]
    fn tag_pattern_blanks_what_its_unicode_digit_form_blanked_but_non_ascii_timestamps() {
        // The former pattern, with Unicode `\d`: the same spans on every line whose
        // digits are ASCII; a karaoke timestamp in other digits is no longer a tag.
        let unicode =
            Regex::new(r"</?[a-zA-Z][^>]*>|<(?:\d{1,2}:)?\d{1,2}:\d{2}[.,]\d{1,3}>|\{\\[^}]*\}")
                .unwrap();
        let spans = |re: &Regex, l: &str| re.find_iter(l).map(|m| m.range()).collect::<Vec<_>>();
        let mut lines = crate::test_corpus::lines();
        lines.extend(crate::test_corpus::tricky_lines());
        for karaoke in [
            "<00:00:19.000>",
            "<1:02,5>",
            "<12:34.5678>",
            "<123:45.6>",
            "<00:19.000",
        ] {
            lines.push(format!("a {karaoke}b <i>c</i> {{\\an8}}d"));
        }
        let mut compared = 0;
        for l in lines
            .iter()
            .filter(|l| !l.chars().any(|c| c.is_numeric() && !c.is_ascii_digit()))
        {
            assert_eq!(spans(tag_re(), l), spans(&unicode, l), "{l:?}");
            compared += 1;
        }
        assert!(compared > 10, "{compared}");
        let arabic = "<٠٠:١٩.٠٠٠>";
        assert!(unicode.is_match(arabic) && !tag_re().is_match(arabic));
    }
}
