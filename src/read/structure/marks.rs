//! Transcript marks: the clock lines, time stamps and turn marks of broadcast captions and
//! ASR transcripts, rewritten byte for byte into the layout the recognizer reads.
//!
//! Captions and machine transcripts mark turns with symbols, not names: `>>` before each
//! new speaker (closed captions), ` - ` inside a time-stamped line (YouTube-style
//! transcripts), and they interleave clock lines (`1:02 pm`, `00:01:23`) that fall in the
//! middle of sentences. Each mark is replaced by bytes of the same length — a clock line by
//! spaces, a turn mark by a line break and a dialogue dash (`>> ` → `\n- `) — so every span
//! still points into the source and the dialogue-dash rules take it from there. A text is
//! rewritten only when its marks recur (a lone `>>` or time in prose is left alone).

use crate::matchers;

/// What rewriting found, for the turn rules and `inspect`.
#[derive(Debug, Clone, Default)]
pub struct Marks {
    /// Clock lines and stamps blanked.
    pub clocks: usize,
    /// Turn marks (`>>`, stamped ` - `) turned into dialogue dashes.
    pub turns: usize,
    /// Byte offset of a turn the marks imply without marking it: the text before the first
    /// `>>` on its line is the speaker the `>>` hands over from.
    pub unmarked_first: Option<usize>,
    /// Where a reader's question and the reply on its line were parted: the reply's label
    /// starts here.
    pub replies: Vec<usize>,
    /// Bare speaker-name lines of a bar layout (`──` asks, `松家` answers), blanked into a
    /// turn break: (byte offset, name).
    pub name_breaks: Vec<(usize, String)>,
}

// The clock lines, stamped lines and signed replies are matched by hand
// (`matchers::is_clock_line`, `stamp_dash`, `signed_replies`; their patterns in their docs):
// as regexes, their Unicode `\d` and bounded repetitions were compiled on every input
// with a line opening with a digit.

/// Rewrites the marks of `src`, or returns `None` when it has none that recur.
pub fn rewrite(src: &str) -> Option<(String, Marks)> {
    let mut out = src.as_bytes().to_vec();
    let mut marks = Marks::default();
    let mut clock_lines = Vec::new();
    let mut stamped = Vec::new();
    let mut pos = 0;
    for raw in src.split_inclusive('\n') {
        let start = pos;
        pos += raw.len();
        let t = raw.trim();
        let lead = raw.len() - raw.trim_start().len();
        if matchers::is_clock_line(t) {
            clock_lines.push(start..pos);
        } else if let Some(end) = matchers::stamp_dash(t) {
            // Keep the dash: blank the stamp and the space before the dash.
            let dash = t[..end].rfind(['-', '–']).unwrap_or(0);
            stamped.push((start + lead, start + lead + dash, start..pos));
        }
    }
    // Clock lines between caption lines: a run of them is the broadcast's minute marks.
    if clock_lines.len() >= 2 {
        for (k, r) in clock_lines.iter().enumerate() {
            // The line break goes too: a clock mark falls mid-sentence, and the caption
            // runs on across it. The first run keeps it: it parts the programme's listing
            // line from the captions.
            let leading = clock_lines[..=k].windows(2).all(|w| w[0].end == w[1].start);
            let end = if leading && src[..r.end].ends_with('\n') {
                r.end - 1
            } else {
                r.end
            };
            blank(&mut out, r.start..end);
            marks.clocks += 1;
        }
    }
    // Time-stamped lines whose turns are marked by dashes: ` - ` inside them opens a turn.
    if stamped.len() >= 3 {
        for (s, dash, line) in &stamped {
            blank(&mut out, *s..*dash);
            marks.clocks += 1;
            let text = &src[*dash..line.end];
            for (i, _) in text.match_indices(" - ").chain(text.match_indices(" – ")) {
                if i == 0 {
                    continue;
                }
                out[*dash + i] = b'\n';
                marks.turns += 1;
            }
        }
    }
    // Caption turn marks: `>>` before each new speaker, inside running caption lines. At a
    // line's start it is already a turn of its own (and often opens a label, `>> rose:`).
    let carets: Vec<usize> = src
        .match_indices(">> ")
        .map(|(i, _)| i)
        .filter(|&i| i > 0 && src.as_bytes()[i - 1] == b' ')
        .collect();
    if carets.len() >= 3 {
        let first = carets[0];
        let line_start = src[..first].rfind('\n').map_or(0, |n| n + 1);
        if !src[line_start..first].trim().is_empty() {
            marks.unmarked_first =
                Some(line_start + (src[line_start..].len() - src[line_start..].trim_start().len()));
        }
        for i in carets {
            out[i..i + 3].copy_from_slice(b"\n- ");
            marks.turns += 1;
        }
    }
    // Japanese magazine layout: a line of only `──` marks the interviewer's turn, which
    // runs on the next lines; a bare name line (`松家`, the start of a name printed in
    // full elsewhere, `松家仁之`) marks the reply. The bar joins its turn's first line, and
    // the name line becomes a blank line, the turn break.
    let bar_only = |t: &str| t.chars().count() >= 2 && t.chars().all(|c| matches!(c, '─' | '―'));
    let mut lines: Vec<(usize, &str)> = Vec::new();
    let mut at = 0;
    for raw in src.split_inclusive('\n') {
        lines.push((at, raw));
        at += raw.len();
    }
    if lines.iter().any(|(_, l)| bar_only(l.trim())) {
        for (k, (start, raw)) in lines.iter().enumerate() {
            let t = raw.trim();
            if bar_only(t) && raw.ends_with('\n') {
                out[start + raw.len() - 1] = b' ';
                marks.turns += 1;
                continue;
            }
            let n = t.chars().count();
            let cjk = t.chars().all(crate::lexicon::is_unspaced);
            let after_stop = k > 0
                && lines[k - 1]
                    .1
                    .trim_end()
                    .ends_with(['。', '？', '?', '！', '!']);
            // The name runs on into a longer name elsewhere (`松家仁之`, `松家さん`). Asked
            // last, of a short name only: a search of the whole text for every line (and
            // for a blank line's empty text, a match at every byte) made a page of many
            // lines quadratic (issue #11: 15.5 G instructions for a 32 KB page).
            let printed_longer = || {
                src.match_indices(t).any(|(i, _)| {
                    i != start + (raw.len() - raw.trim_start().len())
                        && src[i + t.len()..]
                            .chars()
                            .next()
                            .is_some_and(crate::lexicon::is_unspaced)
                })
            };
            if (1..=4).contains(&n) && cjk && after_stop && printed_longer() {
                let lead = raw.len() - raw.trim_start().len();
                blank(&mut out, start + lead..start + lead + t.len());
                marks.name_breaks.push((start + lead, t.to_string()));
                marks.turns += 1;
            }
        }
    }
    // Speaker initials whose colon slipped to the next line (`S.` / `: Ici c'est Steve. M.` /
    // `: Comment vas-tu?`): the initial ends the line before (alone, or glued after the last
    // sentence), the colon opens the next. The initial moves to its own line and the line
    // breaks up to the colon become spaces, so the label reads `S.  : …`.
    let colon_lines: Vec<usize> = lines
        .iter()
        .enumerate()
        .filter(|(_, (_, l))| l.starts_with(": "))
        .map(|(k, _)| k)
        .collect();
    if colon_lines.len() >= 3 {
        for k in colon_lines {
            let Some(p) = (0..k).rev().find(|&p| !lines[p].1.trim().is_empty()) else {
                continue;
            };
            let (pstart, prev) = lines[p];
            let body = prev.trim_end();
            let tok_at = body.rfind(' ').map_or(0, |i| i + 1);
            let tok = &body[tok_at..];
            let initial = tok.len() >= 2
                && tok.len() <= 4
                && tok.ends_with('.')
                && tok[..tok.len() - 1].chars().all(|c| c.is_ascii_uppercase());
            if !initial {
                continue;
            }
            if tok_at > 0 {
                // `… détendu. S.`: the initial starts its own line.
                if !body[..tok_at]
                    .trim_end()
                    .ends_with(['.', '?', '!', '…', '»', '"'])
                {
                    continue;
                }
                out[pstart + tok_at - 1] = b'\n';
            }
            // Everything between the initial and the colon becomes space.
            let from = pstart + body.len();
            let to = lines[k].0;
            for b in &mut out[from..to] {
                *b = b' ';
            }
            marks.turns += 1;
        }
    }
    // Readers' questions with the reply on the same line: the reply starts a line.
    // The pattern holds `) - ` literally: without one it need not run.
    let signed = src.contains(") - ");
    for m in signed
        .then(|| matchers::signed_replies(src))
        .into_iter()
        .flatten()
    {
        out[m.clone()].copy_from_slice(b"\n  ");
        marks.replies.push(m.end);
        marks.turns += 1;
    }
    if marks.clocks == 0 && marks.turns == 0 {
        return None;
    }
    // Only ASCII bytes were replaced by ASCII bytes, at char boundaries.
    let text = String::from_utf8(out).expect("ASCII replaced by ASCII");
    Some((text, marks))
}

fn blank(out: &mut [u8], r: std::ops::Range<usize>) {
    for b in &mut out[r] {
        // Multi-byte characters do not occur in a stamp; any byte becomes a space.
        *b = b' ';
    }
}

#[cfg(test)]
mod tests {
    use super::rewrite;

    #[test]
    fn caption_marks_become_dialogue_dashes_and_clock_lines_spaces() {
        let src =
            "1:00 pm\nthank you. >> hello. >> what now? >> an immature\n1:01 pm\nfault. >> ok?\n";
        // The first clock run parts the listing from the captions: it keeps its break.
        let (t, m) = rewrite(src).expect("marks recur");
        assert_eq!(t.len(), src.len());
        assert_eq!(m.turns, 4);
        assert_eq!(m.clocks, 2);
        assert!(t.contains("thank you. \n- hello. \n- what now?"));
        assert!(t.starts_with("       \nthank you."));
        assert!(t.contains("an immature\n        fault."));
        assert_eq!(m.unmarked_first, Some(8));
    }

    #[test]
    fn stamped_dash_turns_split_at_inline_dashes() {
        let src = "00:00 - Vous avez un prompteur ? - Non.\n00:02 - Pourquoi ? - Alors.\n00:05 Je bouge.\n00:07 - Et ?\n";
        let (t, _) = rewrite(src).expect("stamped dashes");
        assert!(t.starts_with("      - Vous avez un prompteur ?\n- Non.\n"));
        assert!(t.contains("      - Pourquoi ?\n- Alors."));
    }

    #[test]
    fn a_signed_readers_question_and_its_reply_part() {
        let src = "- Bí quyết gì vậy? (Mai Thương, 30 tuổi) - Ca sĩ Hà: Chào bạn.\n";
        let (t, m) = rewrite(src).expect("a signed question");
        assert_eq!(
            t,
            "- Bí quyết gì vậy? (Mai Thương, 30 tuổi)\n  Ca sĩ Hà: Chào bạn.\n"
        );
        assert_eq!(m.replies.len(), 1);
    }

    #[test]
    fn a_bar_line_opens_the_question_and_a_bare_name_line_the_reply() {
        let src = "──\n松家さんのお仕事で、\n何かありますか。\n松家\nそうですね。\n松家仁之\n";
        let (t, m) = rewrite(src).expect("a bar layout");
        assert!(t.starts_with("── 松家さんのお仕事で、\n何かありますか。\n      \nそうですね。"));
        assert_eq!(m.name_breaks.len(), 1);
    }

    #[test]
    fn initials_whose_colon_slipped_to_the_next_line() {
        let src = "S.\n\n: Ici c'est Steve. M.\n\n: Comment vas-tu?\n\nS.\n\n: Bien. Et toi?\n";
        let (t, _) = rewrite(src).expect("slipped colons");
        assert_eq!(
            t,
            "S.  : Ici c'est Steve.\nM.  : Comment vas-tu?\n\nS.  : Bien. Et toi?\n"
        );
    }

    #[test]
    fn prose_with_one_caret_or_time_is_left_alone() {
        assert!(rewrite("She said >> no.\nWe met at 10:30.\n").is_none());
        assert!(rewrite("Meeting\n10:30\nThen lunch.\n").is_none());
    }
}
