//! Speakers labelled only by an initial (`S.`, `M.`), named by the headline that pairs
//! their names (`# 24 Steve & Matthieu - Le Podcast High Tech`).
//!
//! Podcast and lesson transcripts label turns with the speakers' initials and print the
//! names once, in the title. A name is tied to a label only when the title pairs exactly
//! as many names as there are initial labels and each initial opens exactly one of them:
//! anything less is no evidence, and the speakers stay unnamed.

use crate::model::{Diagnostic, Interview, Person, Provenance, Role, Sourced};

/// `S.` or `S`: one capital letter.
fn initial(label: &str) -> Option<char> {
    let mut cs = label.trim_end_matches('.').chars();
    let c = cs.next()?;
    (c.is_uppercase() && cs.next().is_none()).then_some(c)
}

/// The capitalised words on each side of each `&` in `h`, with their byte offsets.
fn paired_names(h: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let word_at = |s: &str, rev: bool| -> Option<(usize, usize)> {
        let t = if rev { s.trim_end() } else { s.trim_start() };
        let start = if rev { 0 } else { s.len() - t.len() };
        let w = if rev {
            t.rsplit(char::is_whitespace).next()?
        } else {
            t.split(char::is_whitespace).next()?
        };
        let at = if rev {
            start + t.len() - w.len()
        } else {
            start
        };
        let mut cs = w.chars();
        let ok = cs.next().is_some_and(char::is_uppercase) && cs.all(char::is_alphabetic);
        ok.then_some((at, w.len()))
    };
    for (amp, _) in h.match_indices('&') {
        let (l, r) = (&h[..amp], &h[amp + 1..]);
        if let (Some((a, la)), Some((b, lb))) = (word_at(l, true), word_at(r, false)) {
            for (at, len) in [(a, la), (amp + 1 + b, lb)] {
                if !out.iter().any(|&(o, _)| o == at) {
                    out.push((at, &h[at..at + len]));
                }
            }
        }
    }
    out
}

/// Names initial-labelled speakers from the headline's `X & Y`.
pub fn name_initials(src: &str, iv: &mut Interview) {
    let Some(head) = &iv.meta.headline else {
        return;
    };
    let Provenance::Text { span } = &head.provenance else {
        return;
    };
    let Some(h) = src.get(span.clone()) else {
        return;
    };
    let base = span.start;
    let mut labels: Vec<String> = Vec::new();
    for t in &iv.turns {
        if let Some(l) = &t.label {
            if !labels.contains(l) {
                labels.push(l.clone());
            }
        }
    }
    if labels.len() < 2 || labels.iter().any(|l| initial(l).is_none()) {
        return;
    }
    let names = paired_names(h);
    if names.len() != labels.len() {
        return;
    }
    let mut tie: Vec<(String, usize, &str)> = Vec::new();
    for l in &labels {
        let c = initial(l).expect("checked");
        let hits: Vec<&(usize, &str)> = names.iter().filter(|(_, n)| n.starts_with(c)).collect();
        let [(at, name)] = hits[..] else { return };
        tie.push((l.clone(), base + at, name));
    }
    for (label, at, name) in tie {
        let roles: Vec<Role> = iv
            .turns
            .iter()
            .filter(|t| t.label.as_deref() == Some(label.as_str()))
            .map(|t| t.role)
            .collect();
        let role = roles[0];
        if role == Role::Other
            || roles.iter().any(|r| *r != role)
            || iv.people.iter().any(|p| p.labels.contains(&label))
        {
            continue;
        }
        iv.people.push(Person {
            name: Sourced::from_text(name.to_string(), at..at + name.len()),
            role,
            job_title: None,
            affiliation: None,
            labels: vec![label.clone()],
        });
        let idx = iv.people.len() - 1;
        for t in iv.turns.iter_mut().chain(iv.closing.iter_mut()) {
            if t.label.as_deref() == Some(label.as_str()) {
                t.speaker = Some(idx);
            }
        }
        iv.diagnostics.push(Diagnostic::info(
            "person",
            format!(
                "{} {name}: label '{label}' is the initial of '{name}', one of the names the headline pairs with '&'",
                role.as_str()
            ),
            Some(at..at + name.len()),
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_paired_in_a_title() {
        let h = "# 24 Steve & Matthieu - Le Podcast High Tech";
        let n: Vec<&str> = paired_names(h).into_iter().map(|(_, n)| n).collect();
        assert_eq!(n, ["Steve", "Matthieu"]);
        assert!(paired_names("Rock & roll").is_empty());
        assert_eq!(initial("S."), Some('S'));
        assert_eq!(initial("St."), None);
    }
}
