//! Dialogue dashes: turns marked by a dash instead of a name.
//!
//! Two conventions share the mark. In dialogue style (French, Spanish, Russian prose) every
//! turn opens with `—` and the asking side is found by where the '?' fall in the
//! alternation. In interviewer-dash style only the questions carry it (`— Depuis quand… ?`
//! over bare answers), and the doubled bar `――` is the Japanese interviewer's mark by
//! convention. Each rule proposes the turns with the evidence it saw; the recognizer in
//! `mod.rs` picks the one whose evidence holds.

use super::Para;
use crate::model::Decision;

/// Dialogue style (`— …` turns, French, Spanish, Russian): when most paragraphs open with
/// a dash and the ones that ask with '?' all sit at the same place in the alternation,
/// every dash at that place is the interviewer's (even without '?') and every other dash
/// is an answer (even one that ends with '?'). Keyed by body index: (asks, decision).
pub fn dash_turns(body: &[Para]) -> Option<std::collections::BTreeMap<usize, (bool, Decision)>> {
    let idx: Vec<usize> = (0..body.len()).filter(|&i| body[i].dash).collect();
    if idx.len() < 4 || idx.len() * 10 < body.len() * 6 {
        return None;
    }
    let mut asks = [0usize; 2];
    for (k, &i) in idx.iter().enumerate() {
        if body[i].asks().is_some() {
            asks[k % 2] += 1;
        }
    }
    // A rhetorical '?' in a reply or two is allowed; the asking side must be clear.
    let parity = if asks[0] >= 2 && asks[1] * 2 < asks[0] {
        0
    } else if asks[1] >= 2 && asks[0] * 2 < asks[1] {
        1
    } else {
        return None;
    };
    let n = idx.len().div_ceil(2);
    Some(
        idx.iter()
            .enumerate()
            .map(|(k, &i)| {
                let q = k % 2 == parity;
                let why = if q {
                    format!(
                        "dash turn {} of {}: the interviewer's dashes alternate with the answers ({} of about {n} ask with '?')",
                        k + 1,
                        idx.len(),
                        asks[parity]
                    )
                } else {
                    format!("dash turn {} of {}: the reply to the dash before", k + 1, idx.len())
                };
                (i, (q, Decision::new("dash-alternation", why)))
            })
            .collect(),
    )
}

/// `――` / `──` opening a line; `——` only in Japanese text (kana), as Chinese uses it
/// for attributions.
pub fn doubled_bar(line: &str) -> bool {
    let mut c = line.chars();
    match (c.next(), c.next()) {
        (Some(a), Some(b)) if "―─".contains(a) && "―─—".contains(b) => true,
        (Some('—'), Some('—')) => line
            .chars()
            .any(|ch| matches!(ch, '\u{3041}'..='\u{309F}' | '\u{30A0}'..='\u{30FF}')),
        _ => false,
    }
}

/// Interviewer-dash style: at least two paragraphs open with a dash, no two in a row, each
/// followed by paragraphs without one, all short; and either the dash is the doubled bar
/// (`――`, the Japanese mark for the interviewer) or most dashed paragraphs ask with '?'.
/// Returns (dashed paragraphs, how many ask).
pub fn dash_questions(body: &[Para]) -> Option<(usize, usize)> {
    let idx: Vec<usize> = (0..body.len()).filter(|&i| body[i].dash).collect();
    // The doubled bar is the interviewer's mark by convention: one is enough.
    let doubled = !idx.is_empty() && idx.iter().all(|&i| body[i].doubled);
    if idx.len() < if doubled { 1 } else { 2 }
        || idx.windows(2).any(|w| w[1] == w[0] + 1)
        || idx.last().is_some_and(|&l| l + 1 >= body.len())
        || idx.iter().any(|&i| body[i].text.chars().count() > 300)
    {
        return None;
    }
    let asks = idx.iter().filter(|&&i| body[i].asks().is_some()).count();
    (doubled || asks * 10 >= idx.len() * 8).then_some((idx.len(), asks))
}
