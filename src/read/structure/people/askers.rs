//! Readers' questions: who asked each one, from the signature the page prints beside it.
//!
//! Reader Q&As and online consultations print the asker's name with each question, in
//! one of a few layouts: a dash line under the question (`— Priya, Bristol`), brackets
//! after it (`…? (Mai Thương, 30 tuổi)`), or a name with a town and a state or an age
//! opening the line after it (`Aryane Reis, Patrocínio (MG) Não tem explicação…`). The
//! signature is no part of the question or the answer; the name in it is who asked, and
//! becomes an interviewer of the record.

use crate::model::{Diagnostic, Interview, Person, Role, Sourced};
use crate::read::structure::lines::{Line, LineKind};
use crate::read::structure::{short, Para};
use std::ops::Range;

/// A reader who signed a question.
#[derive(Debug, Clone)]
pub struct Asker {
    pub name: String,
    /// Where the name is printed.
    pub span: Range<usize>,
}

/// The name of a signature `Name, place or age`: the words before the first comma, when
/// they read as a name (one to five words, each capitalised or a name particle).
fn signer(sig: &str, at: usize) -> Option<Asker> {
    let name = sig.split(',').next()?.trim();
    let words: Vec<&str> = name.split_whitespace().collect();
    let ok = (1..=5).contains(&words.len())
        && words[0].chars().next().is_some_and(char::is_uppercase)
        && words.iter().all(|w| {
            w.chars().next().is_some_and(char::is_uppercase)
                || [
                    "de", "da", "do", "dos", "das", "di", "del", "van", "von", "la", "le",
                ]
                .contains(w)
        })
        && !name.chars().any(|c| c.is_ascii_digit());
    let start = at + sig.find(name)?;
    ok.then(|| Asker {
        name: name.to_string(),
        span: start..start + name.len(),
    })
}

/// `Can I still plant garlic in November?` / `— Priya, Bristol`: the line under a question
/// that signs it with a dash and a name (every word capitalised, no sentence) is who
/// asked, not the start of the answer. Marks such lines used.
pub fn dash_lines(src: &str, ls: &[Line], used: &mut [bool], iv: &mut Interview) -> Vec<Asker> {
    let mut out = Vec::new();
    for i in 1..ls.len() {
        let t = ls[i].text(src).trim();
        let Some(sig) = t.strip_prefix(['—', '–']) else {
            continue;
        };
        let words: Vec<&str> = sig.split_whitespace().collect();
        let signed = ls[i].kind == LineKind::Text
            && !used[i]
            && (1..=5).contains(&words.len())
            && words
                .iter()
                .all(|w| w.chars().next().is_some_and(char::is_uppercase))
            && !sig.trim_end().ends_with(['.', '?', '!', ':', '…']);
        let Some(q) = (0..i).rev().find(|&j| ls[j].kind != LineKind::Blank) else {
            continue;
        };
        let asks = ls[q].kind == LineKind::Text
            && ls[q]
                .text(src)
                .trim()
                .trim_end_matches(['*', '_', ' '])
                .ends_with(['?', '？']);
        if signed && asks {
            used[i] = true;
            iv.diagnostics.push(Diagnostic::info(
                "asker-signature",
                format!(
                    "the line under a question signs who asked, not the answer: '{}'",
                    short(t)
                ),
                Some(ls[i].span.clone()),
            ));
            let line = ls[i].text(src);
            let at = ls[i].span.start + line.find(sig).unwrap_or(0);
            out.extend(signer(sig, at));
        }
    }
    out
}

/// `…? (Mai Thương, 30 tuổi)`: a question signed in brackets at its end; the brackets are
/// cut from the question.
pub fn brackets(src: &str, paras: &mut [Para], iv: &mut Interview) -> Vec<Asker> {
    let mut out = Vec::new();
    for p in paras.iter_mut() {
        let t = p.text.trim_end();
        if !t.ends_with(')') {
            continue;
        }
        let Some(open) = t.rfind('(') else { continue };
        let before = t[..open].trim_end();
        let inner = &t[open + 1..t.len() - 1];
        if before.ends_with(['?', '？'])
            && (2..=60).contains(&inner.chars().count())
            && inner.chars().next().is_some_and(|c| c.is_uppercase())
            && !inner.contains(['(', ')', '?'])
        {
            iv.diagnostics.push(Diagnostic::info(
                "asker-signature",
                format!("'({inner})' after the question signs who asked, not the question"),
                Some(p.span.clone()),
            ));
            let printed = src[p.span.clone()].rfind(&t[open..]);
            // Only a name with its age or place after a comma is a name.
            if inner.contains(',') {
                if let Some(at) = printed {
                    out.extend(signer(inner, p.span.start + at + 1));
                }
            }
            let cut = before.len();
            if let Some(end) = printed {
                p.span.end = p.span.start + src[p.span.start..p.span.start + end].trim_end().len();
            }
            p.text_mut().truncate(cut);
        }
    }
    out
}

/// The length of a signature `Name, Town (ST)` or `Name, Town (30)` opening `t`, spaces
/// after it included.
fn leading_signature(t: &str) -> Option<usize> {
    let comma = t.find(", ")?;
    let open = comma + t[comma..].find('(')?;
    let close = open + t[open..].find(')')?;
    let place = &t[comma + 2..open];
    let inner = &t[open + 1..close];
    let code = (2..=3).contains(&inner.len()) && inner.chars().all(|c| c.is_ascii_uppercase())
        || (1..=3).contains(&inner.len()) && inner.chars().all(|c| c.is_ascii_digit());
    let place_words: Vec<&str> = place.split_whitespace().collect();
    let place_ok = (1..=4).contains(&place_words.len())
        && place_words.iter().all(|w| {
            w.chars().next().is_some_and(char::is_uppercase)
                || ["de", "da", "do", "dos", "das", "del"].contains(w)
        })
        && !place.contains(['.', '?', '!', ':', ';']);
    (code && place_ok && signer(&t[..comma], 0).is_some()).then(|| {
        let rest = &t[close + 1..];
        close + 1 + (rest.len() - rest.trim_start().len())
    })
}

/// `2-) Você acha …?` / `Bianca Vedovelli, São Paulo (SP)` / `No início …`: a name with a
/// town and a state (or an age) opening the paragraph after a question signs the
/// question; the answer starts after it. Read only when at least two questions are signed
/// so, as a page's layout, not a sentence that happens to start with a name.
pub fn leading(src: &str, paras: &mut Vec<Para>, iv: &mut Interview) -> Vec<Asker> {
    let asks = |p: &Para| p.text.trim_end().ends_with(['?', '？']);
    let signed: Vec<usize> = (1..paras.len())
        .filter(|&i| asks(&paras[i - 1]) && leading_signature(&paras[i].text).is_some())
        .collect();
    if signed.len() < 2 {
        return Vec::new();
    }
    let mut out = Vec::new();
    let mut notes = Vec::new();
    for &i in signed.iter().rev() {
        let p = &mut paras[i];
        let n = leading_signature(&p.text).expect("checked above");
        let Some(at) = src[p.span.clone()].find(p.text[..n].trim_end()) else {
            continue;
        };
        let start = p.span.start + at;
        out.extend(signer(&p.text[..n], start));
        notes.push(Diagnostic::info(
            "asker-signature",
            format!(
                "'{}' under the question signs who asked, not the answer",
                p.text[..n].trim_end()
            ),
            Some(start..start + p.text[..n].trim_end().len()),
        ));
        p.text_mut().drain(..n);
        p.span.start = start + n;
        if p.text.trim().is_empty() {
            paras.remove(i);
        }
    }
    out.reverse();
    iv.diagnostics.extend(notes.into_iter().rev());
    out
}

/// The askers as interviewers of the record, each once, and as the speaker of the
/// question they signed.
pub fn add(iv: &mut Interview, askers: &[Asker]) {
    for a in askers {
        let known = iv.people.iter().position(|p| p.name.value == a.name);
        let idx = match known {
            Some(i) if iv.people[i].role == Role::Interviewer => i,
            // Also named as a guest: who the reader is stays open.
            Some(_) => continue,
            None => {
                iv.people.push(Person {
                    name: Sourced::from_text(a.name.clone(), a.span.clone()),
                    role: Role::Interviewer,
                    job_title: None,
                    affiliation: None,
                    labels: Vec::new(),
                });
                iv.diagnostics.push(Diagnostic::info(
                    "person",
                    format!("interviewer {}: signs a reader's question", a.name),
                    Some(a.span.clone()),
                ));
                iv.people.len() - 1
            }
        };
        // The question the signature follows (or closes).
        if let Some(t) = iv
            .turns
            .iter_mut()
            .filter(|t| t.span.start <= a.span.start && t.role == Role::Interviewer)
            .last()
        {
            t.speaker = Some(idx);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signatures_with_a_town_and_a_state_or_an_age() {
        let t = "Aryane Reis, Patrocínio (MG) Não tem explicação.";
        let n = leading_signature(t).expect("a signature");
        assert_eq!(&t[n..], "Não tem explicação.");
        assert!(leading_signature("Flaviana de Oliveira Almeida, João Pessoa (PB)").is_some());
        assert!(leading_signature("Ana, 30 (25) x").is_none());
        // A sentence with a comma and brackets is no signature.
        assert!(leading_signature("Well, it was hard (for me) then.").is_none());
    }
}
