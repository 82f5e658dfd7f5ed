//! The end of the conversation: the closing thanks and their reply, and the floor lines
//! of a transcript (a chair giving the floor) — whose they are once roles are known.

use super::*;

/// The interviewer's final thanks, unanswered (or answered only with thanks), is the
/// closing: neither a question nor part of an answer.
/// `MODERATOR: First question, please.` then `Journalist (Daily Ledger): …?`: a labelled
/// asker's line that asks nothing, gets no answer and hands over to another asker (another
/// label) gives the floor; it is no exchange of its own.
pub(super) fn settle_floor_lines(iv: &mut Interview) {
    for i in 0..iv.turns.len().saturating_sub(1) {
        let (t, next) = (&iv.turns[i], &iv.turns[i + 1]);
        let handover = t.kind == TurnKind::Question
            && next.kind == TurnKind::Question
            && t.role == Role::Interviewer
            && next.role == Role::Interviewer
            && match (&t.label, &next.label) {
                (Some(a), Some(b)) => labels::key_of(a) != labels::key_of(b),
                _ => false,
            }
            && t.text().chars().count() <= 120
            && crate::read::structure::question_rule(&t.text(), None).is_none()
            && crate::read::structure::question_rule(&next.text(), None).is_some();
        if handover {
            let t = &mut iv.turns[i];
            t.kind = TurnKind::Remark;
            t.decision = Decision::new(
                "floor-line",
                "asks nothing, gets no answer, and another asker's question follows: it gives the floor",
            );
        }
    }
}

pub(super) fn settle_closing(iv: &mut Interview) {
    let n = iv.turns.len();
    if n == 0 {
        return;
    }
    // The interviewer's last turn is thanks and then short lines that ask nothing (`(Transcript
    // by the press office)`, `Transcripts are generated automatically…`, a credit): the
    // interviewer does not go on talking after the thanks, so those lines are the page's
    // notes, not the turn's.
    let last = &mut iv.turns[n - 1];
    if last.role == Role::Interviewer
        && last.paragraphs.len() >= 2
        && closing_thanks(&last.paragraphs[0].text).is_some()
        && last.paragraphs[1..]
            .iter()
            .all(|p| p.text.chars().count() <= 200 && !p.text.contains(['?', '¿', '？', '؟']))
    {
        let moved: Vec<_> = last.paragraphs.drain(1..).collect();
        last.span.end = last.paragraphs[0].span.end;
        for p in &moved {
            iv.diagnostics.push(Diagnostic::info(
                "note-after-interview",
                format!(
                    "moved out of the closing thanks (a note, not the interviewer's words): '{}'",
                    crate::read::structure::short(&p.text)
                ),
                Some(p.span.clone()),
            ));
        }
        iv.notes.extend(moved);
    }
    // Labelled or unlabelled: the last turn is the interviewer's thanks.
    let last = &iv.turns[n - 1];
    if last.role == Role::Interviewer && last.paragraphs.len() == 1 {
        if let Some(p) = closing_thanks(&last.text()) {
            let mut t = iv.turns.pop().expect("n > 0");
            t.kind = TurnKind::Remark;
            t.decision = Decision::new(
                "closing-thanks",
                format!("the interviewer's last turn opens with '{p}' and gets no answer"),
            );
            iv.closing = Some(t);
            return;
        }
    }
    // Thanks answered with thanks or a courtesy (`Sama-sama.`, `My pleasure.`): the reply
    // is a remark. A short reply of one sentence to thanks that ask nothing is courtesy.
    let courtesy = is_courtesy(&last.text());
    if n >= 2
        && last.role == Role::Interviewee
        && courtesy
        && last.paragraphs.len() == 1
        && !iv.turns[n - 2].text().contains(['?', '¿', '？'])
    {
        let prev = &iv.turns[n - 2];
        if prev.role == Role::Interviewer {
            if let Some(p) = closing_thanks(&prev.text()) {
                let mut reply = iv.turns.pop().expect("n >= 2");
                let mut t = iv.turns.pop().expect("n >= 2");
                t.kind = TurnKind::Remark;
                t.decision = Decision::new(
                    "closing-thanks",
                    format!(
                        "the interviewer's last turn opens with '{p}'; the reply is thanks or a courtesy"
                    ),
                );
                reply.kind = TurnKind::Remark;
                reply.decision = Decision::new("closing-reply", "thanks in reply to the closing");
                iv.closing = Some(t);
                iv.turns.push(reply);
                return;
            }
        }
    }
    // Unlabelled: a short thanks as the last paragraph of the last answer, or the one
    // before a last short courtesy (`Gern geschehen.`), which is the reply.
    // Under a labelled answer the same pair (thanks, then a courtesy reply, both
    // unlabelled) is the closing too: the speaker who answered does not thank themself
    // and then reply to it.
    let last = iv.turns.last_mut().expect("n > 0");
    let k = last.paragraphs.len();
    let pair = k >= 3 && {
        let (t, r) = (&last.paragraphs[k - 2].text, &last.paragraphs[k - 1].text);
        closing_thanks(t).is_some() && t.chars().count() <= 120 && is_courtesy(r)
    };
    // `SAGOT: …` then `Maraming salamat po, Teacher Liza.` alone: a short thanks after a
    // labelled answer, unlabelled, is the interviewer's closing (nobody ends their own
    // answer thanking the one they answer, by name or not, in a paragraph of its own).
    let bare_thanks = k >= 2
        && last.label.is_some()
        && last.paragraphs[k - 1].text.chars().count() <= 60
        && closing_thanks(&last.paragraphs[k - 1].text).is_some()
        && !last.paragraphs[k - 1].text.contains(['?', '¿', '？']);
    if (last.label.is_none() || pair || bare_thanks) && last.kind == TurnKind::Answer && k >= 2 {
        let mut reply = None;
        if pair {
            reply = last.paragraphs.pop();
        }
        let p = last.paragraphs.last().expect("len >= 2");
        if let Some(phrase) = closing_thanks(&p.text).filter(|_| p.text.chars().count() <= 120) {
            let p = last.paragraphs.pop().expect("len >= 2");
            last.span.end = last.paragraphs.last().map_or(last.span.end, |q| q.span.end);
            iv.closing = Some(crate::model::Turn {
                speaker: None,
                label: None,
                role: Role::Interviewer,
                kind: TurnKind::Remark,
                span: p.span.clone(),
                paragraphs: vec![p],
                decision: Decision::new(
                    "closing-thanks",
                    format!("a short last paragraph opening with '{phrase}' after the last answer"),
                ),
            });
            if let Some(r) = reply {
                iv.turns.push(crate::model::Turn {
                    speaker: None,
                    label: None,
                    role: Role::Interviewee,
                    kind: TurnKind::Remark,
                    span: r.span.clone(),
                    paragraphs: vec![r],
                    decision: Decision::new("closing-reply", "a short courtesy after the thanks"),
                });
            }
        } else if let Some(r) = reply {
            last.paragraphs.push(r);
        }
    }
}

/// A short reply of one sentence that asks nothing (`Sama-sama.`, `My pleasure.`), or
/// thanks in return.
fn is_courtesy(reply: &str) -> bool {
    closing_thanks(reply).is_some()
        // `My pleasure. Now I'm going to bed.`: a courtesy and a word of goodbye.
        || (reply.chars().count() <= 80
            && lexicon::starts_with_phrase(&lexicon().courtesy_replies, reply).is_some()
            && !reply.contains(['?', '¿', '？']))
        || (reply.chars().count() <= 60
            && reply
                .split_inclusive(['.', '!', '?'])
                .filter(|s| s.trim().chars().count() > 1)
                .count()
                <= 1
            && !reply.contains(['?', '¿']))
}
