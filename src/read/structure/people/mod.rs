//! Who speaks: roles of labelled speakers (from evidence first, then from label words,
//! then from who asks), the closing thanks, and the people with their names — only names
//! the text shows (bylines, title blocks, headlines, captions, how a speaker is addressed).
//!
//! People have this one home: `names` finds a name in running text, `evidence` gathers
//! who the text says is who, `lead` reads the lead's introduction of the guest, `askers`
//! the readers who sign their questions, `title_names` the names a title pairs with
//! initial labels, `closing` the closing thanks; this file weighs them against the labels
//! and the turns.

pub mod askers;
mod closing;
mod evidence;
pub mod lead;
pub mod names;
pub mod title_names;

use super::{closing_thanks, labels};
use crate::lexicon::{self, lexicon};
use crate::model::{
    Decision, Diagnostic, Interview, Person, Provenance, Role, Sourced, Turn, TurnKind,
};
use closing::{settle_closing, settle_floor_lines};
use evidence::{
    bare_byline, gather_evidence, head_text, outlet_interviews, shared_surname,
    uncased_headline_name, Evidence,
};
use names::Found;
use std::collections::BTreeMap;

/// Sets roles and kinds of labelled turns, the closing, the people and the speakers.
pub fn assign(src: &str, iv: &mut Interview, labelled: bool) {
    let lex = lexicon();
    let mut ev = gather_evidence(src, iv);
    // Speaker labels name who speaks better than the head's `Wikinews interviews X`.
    if !labelled {
        ev.extend(outlet_interviews(src, iv));
    }
    // `EVELYN MARSH` from a title in capitals, printed `Evelyn Marsh` elsewhere: the name
    // as written in running text.
    for e in ev.iter_mut() {
        let caps =
            |n: &str| n.chars().any(char::is_alphabetic) && !n.chars().any(char::is_lowercase);
        if !caps(&e.found.name) {
            continue;
        }
        // Ranges of the lower-cased text: checked against the source before use.
        let mixed = names::occurrences_any_case(src, &e.found.name)
            .into_iter()
            .find(|r| {
                src.get(r.clone())
                    .is_some_and(|t| !caps(t) && t.to_lowercase() == e.found.name.to_lowercase())
            });
        if let Some(r) = mixed {
            e.found = Found {
                name: src[r.clone()].to_string(),
                span: r,
            };
        }
    }
    // A Han name alone on the line right above or below the date line in the head (`周立文`
    // under `2024年4月18日 10:32`): the byline without a `记者`. The weakest evidence of who asks: only when nothing else names anyone asking.
    if !ev.iter().any(|e| e.role == Role::Interviewer) {
        ev.extend(bare_byline(src, iv));
    }
    if !ev.iter().any(|e| e.role == Role::Interviewee) {
        ev.extend(uncased_headline_name(src, iv));
    }
    ev.retain(|e| plausible_name(&e.found.name) && !surname_after_title(src, &e.found));
    // Speakers by label group (aliases such as `WN` for `Wikinews` join one group).
    let mut groups: Vec<String> = Vec::new(); // representative key per group
    let mut group_of: BTreeMap<String, usize> = BTreeMap::new();
    // The key of each turn's label, taken once.
    let turn_keys: Vec<Option<String>> = iv
        .turns
        .iter()
        .map(|t| t.label.as_deref().filter(|_| labelled).map(labels::key_of))
        .collect();
    if labelled {
        let mut keys: Vec<String> = Vec::new();
        for k in turn_keys.iter().flatten() {
            if !keys.contains(k) {
                keys.push(k.clone());
            }
        }
        for k in &keys {
            let long = keys.iter().find(|o| {
                *o != k
                    && labels::abbreviates(k, o)
                    && !lexicon::contains(&lex.answer_labels, k)
                    && !lexicon::contains(&lex.question_labels, o)
            });
            // A surname-only sequel joins the one full label it shortens; two full labels
            // sharing the surname (`JOHN KING`, `MARTHA KING`) leave a bare `KING` alone.
            let long = long.or_else(|| {
                let mut full = keys.iter().filter(|o| labels::surname_sequel(k, o));
                match (full.next(), full.next()) {
                    (Some(o), None) => Some(o),
                    _ => None,
                }
            });
            let rep = long.unwrap_or(k).clone();
            let g = match groups.iter().position(|r| *r == rep) {
                Some(g) => g,
                None => {
                    groups.push(rep);
                    groups.len() - 1
                }
            };
            group_of.insert(k.clone(), g);
        }
    }
    // Each turn's group, looked up once; built again once the closing has moved turns.
    let tg: Vec<Option<usize>> = turn_keys
        .iter()
        .map(|k| k.as_ref().and_then(|k| group_of.get(k).copied()))
        .collect();
    // Which evidence person each group is.
    let mut person_of: Vec<Option<usize>> = vec![None; groups.len()];
    let mut role_of: Vec<Option<(Role, String)>> = vec![None; groups.len()];
    let mut unnamed: Vec<bool> = vec![false; groups.len()];
    for g in 0..groups.len() {
        let label = group_label(iv, &tg, g);
        let key = labels::key_of(&label);
        if lexicon::contains(&lex.question_labels, &key) {
            role_of[g] = Some((
                Role::Interviewer,
                format!("'{label}' is an interviewer's label"),
            ));
        } else if lexicon::contains(&lex.answer_labels, &key) {
            role_of[g] = Some((
                Role::Interviewee,
                format!("'{label}' is an interviewee's label"),
            ));
        }
        // `MK:` for Marc Knapper: initials of a name the text gives.
        let initials = |n: &str| -> String {
            n.split_whitespace()
                .filter_map(|w| w.chars().next())
                .filter(|c| c.is_uppercase())
                .collect()
        };
        if label.chars().count() >= 2
            && label.chars().count() <= 3
            && label.chars().all(|c| c.is_uppercase())
        {
            if let Some(e) = ev.iter().position(|e| initials(&e.found.name) == label) {
                person_of[g] = Some(e);
                role_of[g] = Some((
                    ev[e].role,
                    format!(
                        "'{label}' are the initials of {} ({})",
                        ev[e].found.name, ev[e].how
                    ),
                ));
                continue;
            }
        }
        if let Some(core) = names::label_core(&label) {
            let sur = names::surname_of(&core).to_lowercase();
            let hit = ev.iter().position(|e| {
                e.found.name.split_whitespace().any(|w| {
                    let w = w.to_lowercase();
                    w == sur || (sur.chars().count() >= 3 && w.starts_with(&sur))
                })
            });
            if let Some(e) = hit {
                person_of[g] = Some(e);
                role_of[g] = Some((
                    ev[e].role,
                    format!("'{label}' is {} ({})", ev[e].found.name, ev[e].how),
                ));
            }
        }
    }
    // Who asks: the remaining groups by share of turns with '?', first turn and length.
    if !groups.is_empty() {
        let mut stats: Vec<(f32, f32, f32)> = Vec::new(); // (asker score, avg len, share asking)
        for g in 0..groups.len() {
            let ts: Vec<&crate::model::Turn> = iv
                .turns
                .iter()
                .zip(&tg)
                .filter(|(_, k)| **k == Some(g))
                .map(|(t, _)| t)
                .collect();
            let n = ts.len().max(1) as f32;
            let q = ts
                .iter()
                .filter(|t| t.text().contains(['?', '¿', '？']))
                .count() as f32
                / n;
            let len = ts.iter().map(|t| t.text().chars().count()).sum::<usize>() as f32 / n;
            let first = tg.first() == Some(&Some(g));
            stats.push((q * 2.0 + if first { 0.5 } else { 0.0 }, len, q));
        }
        let mean_len = stats.iter().map(|s| s.1).sum::<f32>() / stats.len() as f32;
        let scores: Vec<f32> = stats
            .iter()
            .map(|(s, len, _)| s + if *len < mean_len { 0.5 } else { 0.0 })
            .collect();
        let has_interviewer = role_of
            .iter()
            .any(|r| matches!(r, Some((Role::Interviewer, _))));
        // Three speakers or more, none placed yet, and exactly one of them never asks while
        // each of the others does: that one is the interviewee and the others share the
        // asking (two hosts and a guest, `Deniz:`/`Gizem:`/`Ümit:`).
        let open: Vec<usize> = (0..groups.len())
            .filter(|&g| role_of[g].is_none())
            .collect();
        let silent: Vec<usize> = open
            .iter()
            .copied()
            .filter(|&g| stats[g].2 == 0.0)
            .collect();
        if !has_interviewer && open.len() == groups.len() && groups.len() >= 3 && silent.len() == 1
        {
            let guest = silent[0];
            for &g in &open {
                let label = group_label(iv, &tg, g);
                role_of[g] = Some(if g == guest {
                    (
                        Role::Interviewee,
                        format!("'{label}' never asks while each other speaker does"),
                    )
                } else {
                    (
                        Role::Interviewer,
                        format!(
                            "'{label}' asks ({:.0}% of turns) beside another asker; only the guest never asks",
                            stats[g].2 * 100.0
                        ),
                    )
                });
            }
        }
        let best = (0..groups.len())
            .filter(|&g| role_of[g].is_none())
            .max_by(|&a, &b| scores[a].total_cmp(&scores[b]).then(b.cmp(&a)));
        for g in 0..groups.len() {
            if role_of[g].is_some() {
                continue;
            }
            let label = group_label(iv, &tg, g);
            let why = format!(
                "asks most ({:.0}% of turns hold a question, {:.0} characters on average)",
                stats[g].2 * 100.0,
                stats[g].1
            );
            // A second label that asks as the best asker does (`William Saturn:` once,
            // `WSS:` after, both asking in nearly every short turn) asks too.
            let asks_alike = best
                .is_some_and(|b| stats[b].2 >= 0.75 && stats[g].2 >= 0.75 && stats[g].1 < mean_len);
            role_of[g] = if !has_interviewer && (Some(g) == best || asks_alike) {
                // A speaker none of whose turns asks anything is the asker only because
                // someone must be: no name is tied to that guess.
                // Unless the turns greet as a host does (`thanks so much for joining us`,
                // answered `thank you for having me`): then the guess is borne out.
                let welcomes = group_texts(iv, &tg, g)
                    .iter()
                    .any(|t| lexicon::mentions(&lex.host_welcomes, t))
                    || (0..groups.len()).filter(|&o| o != g).any(|o| {
                        group_texts(iv, &tg, o)
                            .iter()
                            .any(|t| lexicon::mentions(&lex.guest_thanks, t))
                    });
                if stats[g].2 == 0.0 && !(groups.len() == 2 && welcomes) {
                    unnamed[g] = true;
                }
                Some((Role::Interviewer, format!("'{label}' {why}")))
            } else {
                Some((
                    Role::Interviewee,
                    format!("'{label}' answers; another speaker asks"),
                ))
            };
        }
    }
    // Two speakers, and the head's phrase made the one who asks in nearly every turn the
    // interviewee (`Ada Moreau talks to Sam Reed` reads both ways) while the other never
    // asks: what the turns do outweighs the phrase.
    if groups.len() == 2 {
        let share = |g: usize| asking_share(&group_texts(iv, &tg, g));
        for (a, b) in [(0, 1), (1, 0)] {
            let known = |g: usize| {
                let k = labels::key_of(&group_label(iv, &tg, g));
                lexicon::contains(&lex.question_labels, &k)
                    || lexicon::contains(&lex.answer_labels, &k)
            };
            let asker_named_answerer = person_of[a].is_some()
                && matches!(role_of[a], Some((Role::Interviewee, _)))
                && matches!(role_of[b], Some((Role::Interviewer, _)))
                && !known(a)
                && !known(b);
            if asker_named_answerer && share(a) >= 0.75 && share(b) <= 0.25 {
                let (la, lb) = (group_label(iv, &tg, a), group_label(iv, &tg, b));
                for (g, role) in [(a, Role::Interviewer), (b, Role::Interviewee)] {
                    if let Some(e) = person_of[g] {
                        ev[e].role = role;
                        ev[e].how.push_str("; the turns show who asks");
                    }
                }
                role_of[a] = Some((
                    Role::Interviewer,
                    format!("'{la}' asks in {:.0}% of turns, '{lb}' in {:.0}%: the turns outweigh the head's phrase", share(a) * 100.0, share(b) * 100.0),
                ));
                role_of[b] = Some((Role::Interviewee, format!("'{lb}' answers; '{la}' asks")));
                // The turns settle who asks: no guess is left to keep names from.
                unnamed[a] = false;
                unnamed[b] = false;
                break;
            }
        }
    }
    // Kinds of labelled turns follow roles.
    for (t, &g) in iv.turns.iter_mut().zip(&tg) {
        let Some(g) = g else { continue };
        let (role, why) = role_of[g].clone().unwrap_or((Role::Other, String::new()));
        t.role = role;
        t.kind = match role {
            Role::Interviewer => TurnKind::Question,
            Role::Interviewee => TurnKind::Answer,
            Role::Other => TurnKind::Remark,
        };
        let asks = if t.text().contains('?') {
            "; asks with '?'"
        } else {
            ""
        };
        t.decision = Decision::new(
            t.decision.rule,
            format!("{}: {why}{asks}", t.decision.evidence),
        );
    }
    settle_floor_lines(iv);
    settle_closing(iv);
    let tg = turn_groups(&iv.turns, &group_of);

    // Names from how the interviewee is addressed (`…, Duta Besar?`), looked up in the
    // captions and the head; and how the interviewer is addressed in the first answers.
    // A speaker label that carries a name (`Đại sứ Knapper`) is better evidence than how
    // the questions address someone; the address rules are for the rest.
    let named_answerer = (0..groups.len()).any(|g| {
        role_of[g]
            .as_ref()
            .is_some_and(|r| r.0 == Role::Interviewee)
            // `MINISTRA:` is a title, no name: the questions and the head may still name her.
            && names::label_core(&group_label(iv, &tg, g))
                .is_some_and(|c| !lexicon::contains(&lex.titles, &c.to_lowercase()))
    });
    let has = |ev: &[Evidence], r: Role| {
        ev.iter().any(|e| e.role == r) || (r == Role::Interviewee && named_answerer)
    };
    // What the interviewer says to the interviewee: the questions, then the closing.
    let questions: Vec<String> = iv
        .turns
        .iter()
        .filter(|t| t.kind == TurnKind::Question)
        .map(|t| t.text())
        .collect();
    let addressed: Vec<String> = questions
        .iter()
        .cloned()
        .chain(iv.closing.as_ref().map(|c| c.text()))
        .collect();
    if !has(&ev, Role::Interviewee) {
        'asks: for q in &addressed {
            for voc in names::address_forms(q) {
                if let Some(e) = name_for_address(src, iv, &voc) {
                    ev.push(Evidence {
                        how: format!(
                            "addressed as '{voc}' in the questions; named '{}' in the text",
                            e.0.name
                        ),
                        found: e.0,
                        role: Role::Interviewee,
                        job_title: e.1,
                    });
                    break 'asks;
                }
            }
        }
    }
    // `Bagaimana Duta Besar menilai…?`: a title the questions use, printed with the name
    // in a caption or the head (`Duta Besar Vu Le Thai Hoang`).
    if !has(&ev, Role::Interviewee) {
        'titles: for q in &questions {
            let present = title_words_in(q);
            for (title, _) in lex.titles.iter().zip(present).filter(|(_, p)| *p) {
                if title.chars().count() < 3 {
                    continue;
                }
                for r in names::occurrences(q, title_word(title)) {
                    let Some(voc) = q.get(r.start..r.start + title.len()) else {
                        continue;
                    };
                    if voc.to_lowercase() != *title {
                        continue;
                    }
                    if let Some(e) = name_for_address(src, iv, voc).filter(|e| e.1.is_some()) {
                        ev.push(Evidence {
                            how: format!(
                                "the questions speak to '{voc}'; named '{}' in the text",
                                e.0.name
                            ),
                            found: e.0,
                            role: Role::Interviewee,
                            job_title: e.1,
                        });
                        break 'titles;
                    }
                }
            }
        }
    }
    // `大使，…？` / `谢谢大使！` / `대사님, …`: a title written after the name in Chinese,
    // Japanese and Korean, used alone in the questions, and printed after a name in a
    // caption or the head (`黎文山大使（左三）`, `ホー・ティ・マイ大使`, `부 호앙 남 대사(`).
    if !has(&ev, Role::Interviewee) {
        let asks = &addressed;
        'suffixes: for title in &lex.name_suffixes {
            if !asks.iter().any(|q| q.contains(title.as_str())) {
                continue;
            }
            for (off, text) in head_text(src, iv) {
                if let Some((name, title_at)) = name_before_title(src, &text, title) {
                    ev.push(Evidence {
                        how: format!(
                            "the questions speak to '{title}'; named '{}' before it in the text",
                            name.name
                        ),
                        found: Found {
                            name: name.name,
                            span: name.span.start + off..name.span.end + off,
                        },
                        role: Role::Interviewee,
                        job_title: Some(Found {
                            name: title.clone(),
                            span: title_at + off..title_at + off + title.len(),
                        }),
                    });
                    break 'suffixes;
                }
            }
        }
    }
    // `Pieter, what is…?`: the interviewee addressed by first name, named in the head.
    if !has(&ev, Role::Interviewee) {
        for t in iv.turns.iter().filter(|t| t.kind == TurnKind::Question) {
            let Some(w) = names::leading_vocative(&t.text()) else {
                continue;
            };
            let (off, head) = head_text(src, iv).into_iter().next().unwrap_or_default();
            let found = names::occurrences(&head, &w)
                .into_iter()
                .filter_map(|r| names::name_after(&head, r.start))
                .find(|f| f.name.split_whitespace().count() >= 2 && f.name.starts_with(&w));
            if let Some(f) = found {
                ev.push(Evidence {
                    how: format!(
                        "the questions address '{w}'; named '{}' in the head",
                        f.name
                    ),
                    found: Found {
                        name: f.name,
                        span: f.span.start + off..f.span.end + off,
                    },
                    role: Role::Interviewee,
                    job_title: None,
                });
                break;
            }
        }
    }
    // The lead names the interviewee (`Samir Haddad still starts work at five…`, `Wir
    // trafen die Architektin Mira Kessler…`): weaker than how the questions address them.
    if !has(&ev, Role::Interviewee) {
        if let Some((found, how)) = lead::interviewee(src, iv) {
            ev.push(Evidence {
                found,
                role: Role::Interviewee,
                how,
                job_title: None,
            });
        }
    }
    // `Professor Chomsky sat down with Michael Dranove for an interview`: the interviewee
    // as the subject of a meeting phrase in the lead; the one met asks.
    if !has(&ev, Role::Interviewer) {
        let surnames: Vec<String> = ev
            .iter()
            .filter(|e| e.role == Role::Interviewee)
            .filter_map(|e| e.found.name.split_whitespace().last().map(str::to_string))
            .collect();
        'met: for p in &iv.lead {
            let text = &src[p.span.clone()];
            for (_, r) in names::occurrences_any_case_in(&lex.lead_subject_phrases, text) {
                let subject = text[..r.start].split_whitespace().next_back().unwrap_or("");
                if !surnames.iter().any(|s| s == subject) {
                    continue;
                }
                let at = p.span.start + r.end + 1;
                let Some(f) = src
                    .get(at..)
                    .filter(|_| text[r.end..].starts_with(' '))
                    .and_then(|_| names::name_after(src, at))
                    .filter(|f| {
                        f.span.start == at
                            && (2..=4).contains(&f.name.split_whitespace().count())
                            && plausible_name(&f.name)
                            && !surnames.iter().any(|s| f.name.ends_with(s.as_str()))
                    })
                else {
                    continue;
                };
                ev.push(Evidence {
                    how: format!(
                        "the interviewee '{subject} {}' this person in the lead",
                        &text[r.clone()]
                    ),
                    found: f,
                    role: Role::Interviewer,
                    job_title: None,
                });
                break 'met;
            }
        }
    }
    if !has(&ev, Role::Interviewer) {
        if let Some((found, how)) = lead::interviewer(src, iv) {
            ev.push(Evidence {
                found,
                role: Role::Interviewer,
                how,
                job_title: None,
            });
        }
    }
    if !has(&ev, Role::Interviewer) {
        for t in iv
            .turns
            .iter()
            .filter(|t| t.kind == TurnKind::Answer)
            .take(3)
        {
            let Some(w) = names::leading_vocative(&t.text()) else {
                continue;
            };
            let (off, head) = head_text(src, iv).into_iter().next().unwrap_or_default();
            let found = names::occurrences(&head, &w)
                .into_iter()
                .filter_map(|r| names::name_after(&head, r.start))
                .find(|f| f.name.split_whitespace().count() >= 2 && f.name.starts_with(&w));
            if let Some(f) = found {
                ev.push(Evidence {
                    how: format!(
                        "the interviewee addresses '{w}'; named '{}' in the head",
                        f.name
                    ),
                    found: Found {
                        name: f.name,
                        span: f.span.start + off..f.span.end + off,
                    },
                    role: Role::Interviewer,
                    job_title: None,
                });
                break;
            }
        }
    }
    // `Titley:` for `David Titley` printed in a caption: where a one-word label is the
    // surname of a full name the text prints, one-word labels are surnames, not first names.
    let surname_labels = (0..groups.len()).any(|g| {
        names::label_core(&group_label(iv, &tg, g)).is_some_and(|core| {
            !core.contains(char::is_whitespace)
                && names::occurrences(src, &names::surname_of(&core))
                    .into_iter()
                    .any(|r| {
                        let f = names::name_ending_at(src, r);
                        f.name.split_whitespace().count() >= 2 && plausible_name(&f.name)
                    })
        })
    });
    // Groups still without a person: a fuller form of the label's name in the text.
    for g in 0..groups.len() {
        if person_of[g].is_some() || unnamed[g] {
            continue;
        }
        let label = group_label(iv, &tg, g);
        let role = role_of[g].as_ref().map_or(Role::Other, |r| r.0);
        // Evidence of this role that no group has claimed.
        let free = (0..ev.len()).find(|&e| {
            ev[e].role == role && !person_of.contains(&Some(e)) && plausible_name(&ev[e].found.name)
        });
        let one_group_of_role = (0..groups.len())
            .filter(|&o| role_of[o].as_ref().map(|r| r.0) == Some(role))
            .count()
            == 1;
        if let (Some(e), true) = (free, one_group_of_role) {
            person_of[g] = Some(e);
            continue;
        }
        // `JC:` where the text defines it: `José Cárdenas (JC), conductor:`.
        let letters: Vec<char> = label.trim().chars().collect();
        if (2..=4).contains(&letters.len()) && letters.iter().all(|c| c.is_uppercase()) {
            let defined = src
                .match_indices(&format!(" ({})", label.trim()))
                .find_map(|(i, _)| {
                    let line_start = src[..i].rfind('\n').map_or(0, |l| l + 1);
                    let word_start = src[line_start..i]
                        .rfind(char::is_whitespace)
                        .map_or(line_start, |w| line_start + w + 1);
                    let f = names::name_ending_at(src, word_start..i);
                    let initials: String = f
                        .name
                        .split_whitespace()
                        .filter_map(|w| w.chars().next())
                        .filter(|c| c.is_uppercase())
                        .collect();
                    (f.name.split_whitespace().count() >= 2
                        && initials == label.trim()
                        && plausible_name(&f.name))
                    .then_some(f)
                });
            if let Some(f) = defined {
                ev.push(Evidence {
                    how: format!("label '{label}': the text defines it after the full name"),
                    found: f,
                    role,
                    job_title: None,
                });
                person_of[g] = Some(ev.len() - 1);
                continue;
            }
        }
        // `安：` where the text defines it: `Andrew Westphal（下简称 “安”）：` (a label that
        // names its short form with a 'hereafter' word).
        if let Some(f) = alias_defined(src, label.trim()) {
            ev.push(Evidence {
                how: format!(
                    "label '{label}': the text defines it as the short form of a full name"
                ),
                found: f,
                role,
                job_title: None,
            });
            person_of[g] = Some(ev.len() - 1);
            continue;
        }
        let Some(core) = names::label_core(&label) else {
            continue;
        };
        let sur = names::surname_of(&core);
        let first_turn = iv.turns.first().map_or(src.len(), |t| t.span.start);
        let mut best: Option<Found> = None;
        for r in names::occurrences(src, &sur) {
            // A first name as the label (`NIAMH:`): the full name runs on after it
            // (`Niamh Brennan`), not before.
            let back = names::name_ending_at(src, r.clone());
            let f = match names::name_after(src, r.start) {
                Some(fw)
                    if fw.span.start == r.start
                        && core.split_whitespace().count() == 1
                        && fw.name.split_whitespace().count()
                            > back.name.split_whitespace().count() =>
                {
                    fw
                }
                _ => back,
            };
            // `Imker Bernd Hollweg` for the label `Bernd Hollweg:` that the text also
            // prints alone: the word before is a description.
            let mut f = f;
            loop {
                let words: Vec<&str> = f.name.split_whitespace().collect();
                if words.len() <= core.split_whitespace().count().max(2)
                    || !printed_without(src, words[0], &words[1..])
                {
                    break;
                }
                let cut = f.name.len() - f.name[words[0].len()..].trim_start().len();
                f = Found {
                    name: f.name[cut..].to_string(),
                    span: f.span.start + cut..f.span.end,
                };
            }
            // `Editorial Manager Chet Clem` for the label `Chet Clem:`: a label that is a
            // full name shows where the name starts.
            if core.split_whitespace().count() >= 2 {
                let first = core.split_whitespace().next().unwrap_or("").to_lowercase();
                let words: Vec<&str> = f.name.split_whitespace().collect();
                if let Some(k) = (1..words.len()).find(|&k| words[k].to_lowercase() == first) {
                    let cut = f.name.len() - words[k..].join(" ").len();
                    if f.name.ends_with(&words[k..].join(" ")) {
                        f = Found {
                            name: f.name[cut..].to_string(),
                            span: f.span.start + cut..f.span.end,
                        };
                    }
                }
            }
            // `JOHN KING:` is not the `Martha King` the text also prints: a full-name label
            // takes only a name holding its first name too.
            if core.split_whitespace().count() >= 2 {
                let cw: Vec<String> = core
                    .split_whitespace()
                    .map(|w| w.trim_end_matches('.').to_lowercase())
                    .collect();
                let fw: Vec<String> = f.name.split_whitespace().map(str::to_lowercase).collect();
                let shares_given = cw[..cw.len() - 1]
                    .iter()
                    .any(|c| fw.iter().any(|w| w.starts_with(c.as_str())));
                if !shares_given {
                    continue;
                }
            }
            if !plausible_name(&f.name) {
                continue;
            }
            let better = best.as_ref().is_none_or(|b| {
                let (fw, bw) = (
                    f.name.split_whitespace().count(),
                    b.name.split_whitespace().count(),
                );
                let caps = |n: &str| !n.chars().any(char::is_lowercase);
                // `Maya Chen` in the text beats the label line `MAYA CHEN`.
                (fw > bw || (fw == bw && caps(&b.name) && !caps(&f.name)))
                    && !(b.span.start < first_turn && f.span.start >= first_turn)
            });
            if better {
                best = Some(f);
            }
        }
        // `Aoife and Niamh Brennan` with `AOIFE:` and `NIAMH:` both speaking: the first
        // name shares the surname printed once for both.
        if best
            .as_ref()
            .is_none_or(|b| b.name.split_whitespace().count() < 2)
            && core.split_whitespace().count() == 1
        {
            let others: Vec<String> = (0..groups.len())
                .filter(|&o| o != g)
                .filter_map(|o| names::label_core(&group_label(iv, &tg, o)))
                .map(|c| c.to_lowercase())
                .collect();
            best = shared_surname(src, &core, &others).or(best);
        }
        let found = match best {
            Some(f) if f.name.split_whitespace().count() >= 2 => {
                let how = if src.contains(f.name.as_str()) {
                    "full name printed in the text"
                } else {
                    "first name joined to another speaker's full name: the surname is shared"
                };
                Some((f, how))
            }
            // `鈴木：` and `鈴木一郎社長` in the lead: the surname, one or two more Han
            // characters, then an honorific or a title — the full name.
            _ if cjk_full_name(src, &core).is_some() => cjk_full_name(src, &core)
                .map(|f| (f, "full name printed before an honorific in the text")),
            // Chinese names are written whole, without a space: two to four Han
            // characters that are no role word (`王立`, `欧阳娜娜`).
            // In a script without case (Arabic, Persian, Hebrew) two or three words the
            // lead or a caption prints too (`سارا احمدی`): an outlet's label (`صدای آمریکا`)
            // is not written there.
            _ if (core.split_whitespace().count() >= 2
                && core.chars().any(|c| c.is_lowercase()))
                || ((2..=3).contains(&core.split_whitespace().count())
                    && core
                        .chars()
                        .filter(|c| c.is_alphabetic())
                        .all(|c| !c.is_lowercase() && !c.is_uppercase())
                    && !core.chars().any(
                        |c| matches!(c, '\u{3040}'..='\u{9FFF}' | '\u{AC00}'..='\u{D7AF}'),
                    )
                    && (iv
                        .lead
                        .iter()
                        .map(|p| &src[p.span.clone()])
                        .chain(iv.figures.iter().map(|f| &src[f.span.clone()]))
                        .any(|t| t.contains(core.as_str()))
                        // `… مع رئيس الحكومة الإيطالية السيد سيلفيو بيرلسكوني`: printed
                        // after a title, as a person is introduced or addressed.
                        || src.match_indices(core.as_str()).any(|(i, _)| {
                            src[..i].split_whitespace().next_back().is_some_and(|w| {
                                lexicon::contains(&lex.titles, w) && src[..i].ends_with(' ')
                            })
                        })))
                || (core.chars().count() <= 4
                    && core.chars().count() >= 2
                    && core.chars().all(|c| matches!(c, '\u{3400}'..='\u{9FFF}'))) =>
            {
                let t = iv
                    .turns
                    .iter()
                    .find(|t| t.label.as_deref() == Some(label.as_str()));
                t.map(|t| {
                    let s = t.span.start + src[t.span.start..].find(core.as_str()).unwrap_or(0);
                    (
                        Found {
                            name: core.clone(),
                            span: s..s + core.len(),
                        },
                        "the label is a full name",
                    )
                })
            }
            // `Bill:`, `Deniz:`: a one-word label in mixed case that is no role word, no
            // title and never printed in lower case is a first name; it is all the text
            // gives, and a reader takes it as the name.
            // Only where the turns bear the role out: the label speaks twice or more, and
            // an answerer rarely asks while an asker mostly does (`Deniz` asks, though the
            // guess of who asks picked another: no name on a doubtful role).
            _ if !surname_labels && given_name_label(src, &label, &core) && {
                let ts = group_texts(iv, &tg, g);
                let asks = asking_share(&ts);
                ts.len() >= 2
                    && match role {
                        Role::Interviewee => asks < 0.25,
                        Role::Interviewer => asks >= 0.5,
                        Role::Other => false,
                    }
            } =>
            {
                iv.turns
                    .iter()
                    .find(|t| t.label.as_deref() == Some(label.as_str()))
                    .and_then(|t| {
                        let s = t.span.start + src[t.span.start..].find(core.as_str())?;
                        Some((
                            Found {
                                name: core.clone(),
                                span: s..s + core.len(),
                            },
                            "the label is a first name (no role word, never printed in lower case)",
                        ))
                    })
            }
            _ => None,
        };
        if let Some((f, how)) = found {
            // `Secretary Condoleezza Rice`: the title printed before the name is the job
            // title, kept apart from the name.
            let job_title = title_before(src, &f.span);
            ev.push(Evidence {
                found: f,
                role,
                how: format!("label '{label}': {how}"),
                job_title,
            });
            person_of[g] = Some(ev.len() - 1);
        }
    }

    // Never a name made of the interview itself (`Pompeo's Interview`).
    for e in ev.iter_mut() {
        if !plausible_name(&e.found.name) {
            e.found.name.clear();
        }
    }
    // People, one per distinct name.
    let mut index_of_ev: Vec<usize> = Vec::new();
    for e in &ev {
        if e.found.name.is_empty() {
            index_of_ev.push(usize::MAX);
            continue;
        }
        let same = iv.people.iter().position(|p| {
            p.name.value.eq_ignore_ascii_case(&e.found.name)
                || (p.role == e.role && names_overlap(&p.name.value, &e.found.name))
        });
        let idx = match same {
            Some(i) => {
                if e.found.name.split_whitespace().count()
                    > iv.people[i].name.value.split_whitespace().count()
                {
                    iv.people[i].name =
                        Sourced::from_text(e.found.name.clone(), e.found.span.clone());
                }
                i
            }
            None => {
                iv.people.push(Person {
                    name: Sourced::from_text(e.found.name.clone(), e.found.span.clone()),
                    role: e.role,
                    job_title: e
                        .job_title
                        .as_ref()
                        .map(|j| Sourced::from_text(j.name.clone(), j.span.clone())),
                    affiliation: None,
                    labels: Vec::new(),
                });
                iv.diagnostics.push(Diagnostic::info(
                    "person",
                    format!("{} {}: {}", e.role.as_str(), e.found.name, e.how),
                    Some(e.found.span.clone()),
                ));
                iv.people.len() - 1
            }
        };
        index_of_ev.push(idx);
    }
    // Speakers of turns.
    let closing_group = iv.closing.as_ref().and_then(|c| {
        c.label
            .as_ref()
            .and_then(|l| group_of.get(&labels::key_of(l)).copied())
    });
    let groups_of_turns = tg.iter().copied().chain([closing_group]);
    for (t, g) in iv
        .turns
        .iter_mut()
        .chain(iv.closing.iter_mut())
        .zip(groups_of_turns)
    {
        let person = match &t.label {
            Some(_) => g
                .and_then(|g| person_of[g])
                .map(|e| index_of_ev[e])
                .filter(|&i| i != usize::MAX),
            None => {
                let of_role: Vec<usize> = (0..iv.people.len())
                    .filter(|&p| iv.people[p].role == t.role)
                    .collect();
                (of_role.len() == 1).then(|| of_role[0])
            }
        };
        t.speaker = person;
        if let (Some(p), Some(l)) = (person, &t.label) {
            if !iv.people[p].labels.contains(l) {
                iv.people[p].labels.push(l.clone());
            }
        }
    }
    if !iv.people.iter().any(|p| p.role == Role::Interviewee) {
        iv.diagnostics.push(Diagnostic::warning("no-interviewee-name", "the text names no interviewee (no byline, title block, caption or label with a name); none is given", None));
    }
    if !iv.people.iter().any(|p| p.role == Role::Interviewer) {
        iv.diagnostics.push(Diagnostic::warning(
            "no-interviewer-name",
            "the text names no interviewer; none is given",
            None,
        ));
    }
}

/// The full name a line opens with when it defines `short` as its short form:
/// `Andrew Westphal（下简称 “安”）：`, `Jane Roe (hereafter "JR"):`.
fn alias_defined(src: &str, short: &str) -> Option<Found> {
    for (i, _) in src.match_indices(short) {
        let line_start = src[..i].rfind('\n').map_or(0, |l| l + 1);
        let before = &src[line_start..i];
        let Some(open) = before.rfind(['(', '（']) else {
            continue;
        };
        let inside = before[open..]
            .trim_start_matches(['(', '（'])
            .trim_end_matches(['"', '“', '「', '\'', '‘', ' ']);
        if !lexicon().alias_words.iter().any(|h| inside.trim() == h) {
            continue;
        }
        let name = before[..open].trim();
        if (1..=4).contains(&name.split_whitespace().count()) && plausible_name(name) {
            let start = line_start + (before.len() - before.trim_start().len());
            return Some(Found {
                name: name.to_string(),
                span: start..start + name.len(),
            });
        }
    }
    None
}

/// The speaker group of each turn's label (`None` unlabelled or in no group), by turn.
fn turn_groups(turns: &[Turn], group_of: &BTreeMap<String, usize>) -> Vec<Option<usize>> {
    if group_of.is_empty() {
        return vec![None; turns.len()];
    }
    turns
        .iter()
        .map(|t| {
            t.label
                .as_ref()
                .and_then(|l| group_of.get(&labels::key_of(l)).copied())
        })
        .collect()
}

/// The first label of speaker group `g` (`tg` from `turn_groups` of these turns).
fn group_label(iv: &Interview, tg: &[Option<usize>], g: usize) -> String {
    debug_assert_eq!(tg.len(), iv.turns.len());
    iv.turns
        .iter()
        .zip(tg)
        .find(|(_, k)| **k == Some(g))
        .and_then(|(t, _)| t.label.clone())
        .unwrap_or_default()
}

/// The texts of the turns of speaker group `g` (`tg` from `turn_groups` of these turns).
fn group_texts(iv: &Interview, tg: &[Option<usize>], g: usize) -> Vec<String> {
    debug_assert_eq!(tg.len(), iv.turns.len());
    iv.turns
        .iter()
        .zip(tg)
        .filter(|(_, k)| **k == Some(g))
        .map(|(t, _)| t.text())
        .collect()
}

/// The share of `texts` that hold a question mark.
fn asking_share(texts: &[String]) -> f32 {
    texts
        .iter()
        .filter(|t| t.contains(['?', '¿', '？']))
        .count() as f32
        / texts.len().max(1) as f32
}

fn plausible_name(name: &str) -> bool {
    let lex = lexicon();
    // `The Guardian`, `The Glacier Keeper`: a title or an outlet, not a person's name.
    let article = name
        .split_whitespace()
        .next()
        .is_some_and(|w| matches!(w, "The" | "THE"));
    let outlet = lexicon::starts_with_phrase(&lex.outlet_words, name).is_some();
    let words: Vec<String> = name
        .split_whitespace()
        .map(|w| {
            w.trim_matches(|c: char| !lexicon::is_word_char(c))
                .to_lowercase()
        })
        .collect();
    // `Wikinews`, `PREGUNTA`: an outlet's or a role's label is no one's name.
    let label = lexicon::contains(&lex.question_labels, &name.to_lowercase())
        || lexicon::contains(&lex.answer_labels, &name.to_lowercase());
    // `US`: a lone acronym names a country or an organisation.
    let acronym = words.len() == 1 && {
        let letters: Vec<char> = name.chars().filter(|c| c.is_alphabetic()).collect();
        letters.len() <= 4 && letters.iter().all(|c| c.is_uppercase())
    };
    // `On Thursday`: a sentence's opening preposition is no part of a name.
    let preposition = words
        .first()
        .is_some_and(|w| words.len() > 1 && lexicon::contains(&lex.place_prepositions, w));
    !name.is_empty()
        && !article
        && !outlet
        && !label
        && !acronym
        && !preposition
        && !name.split_whitespace().any(|w| {
            let w = w.to_lowercase();
            w.ends_with("'s") || w.ends_with("’s") || lexicon::contains(&lex.interview_words, &w)
        })
        // `Berliner Zeitung`, `Fox News`, `Fuchs Oral History Transcripts`: a publication's
        // or a collection's name.
        && !words.iter().any(|w| {
            lexicon::contains(&lex.outlet_words, w) || lexicon::contains(&lex.collection_words, w)
        })
}

/// The title words (one to three, from the lexicon) printed right before `span` on its
/// line, capitalised as a title before a name is (`Secretary Condoleezza Rice`).
fn title_before(src: &str, span: &std::ops::Range<usize>) -> Option<Found> {
    let lex = lexicon();
    let line_start = src[..span.start].rfind('\n').map_or(0, |i| i + 1);
    let head = &src[line_start..span.start];
    if !head.ends_with(' ') {
        return None;
    }
    let words: Vec<&str> = head.split_whitespace().collect();
    (1..=3.min(words.len())).rev().find_map(|n| {
        let t = words[words.len() - n..].join(" ");
        let capital = t.chars().next().is_some_and(char::is_uppercase);
        let start = line_start + head.trim_end().len() - t.len();
        (capital
            && src.get(start..start + t.len()) == Some(t.as_str())
            && lexicon::contains(&lex.titles, t.trim_end_matches('.').to_lowercase().as_str()))
        .then(|| Found {
            span: start..start + t.len(),
            name: t,
        })
    })
}

/// `President Obama`, `Herr Müller`: a lone word printed right after a title is a surname;
/// without the given name the text does not print, it is no one's full name.
fn surname_after_title(src: &str, f: &Found) -> bool {
    if f.name.split_whitespace().count() != 1 || !f.name.chars().any(char::is_uppercase) {
        return false;
    }
    let line_start = src[..f.span.start].rfind('\n').map_or(0, |i| i + 1);
    let before: Vec<&str> = src[line_start..f.span.start].split_whitespace().collect();
    let lex = lexicon();
    (1..=3.min(before.len())).any(|n| {
        let t = before[before.len() - n..].join(" ").to_lowercase();
        lexicon::contains(&lex.titles, t.trim_end_matches('.'))
    })
}

/// A speaker label that is one capitalised word in mixed case (`Rebecca`, `Ümit`), the
/// whole label, no title or role word, and a word the text never prints in lower case
/// (`Bill`, not `bill` the invoice; `Teacher`, printed `teacher` elsewhere, is a role).
fn given_name_label(src: &str, label: &str, core: &str) -> bool {
    let lex = lexicon();
    let lower = core.to_lowercase();
    let mut cs = core.chars();
    label.trim() == core
        && !core.contains(char::is_whitespace)
        && cs.next().is_some_and(char::is_uppercase)
        && core.chars().count() >= 3
        && cs.clone().all(|c| c.is_lowercase() || c == '-' || c == '\'')
        && cs.any(char::is_lowercase)
        && !lexicon::contains(&lex.titles, &lower)
        && !lexicon::contains(&lex.interview_words, &lower)
        && !lexicon::contains(&lex.author_words, &lower)
        && plausible_name(core)
        && names::occurrences_exact(src, &lower).is_empty()
        // `Zhang` where the text prints `Fuqing Zhang`: a surname, not the whole name.
        && names::occurrences(src, core).iter().all(|r| {
            // `Ümit Bey`: an honorific after the name is no surname.
            let capital = |w: Option<&str>| {
                w.is_some_and(|w| {
                    names::name_token(w).is_some()
                        && !w.ends_with([',', ':'])
                        && !lexicon::contains(
                            &lex.titles,
                            &w.trim_matches(|c: char| !lexicon::is_word_char(c))
                                .to_lowercase(),
                        )
                })
            };
            let line_start = src[..r.start].rfind('\n').map_or(0, |i| i + 1);
            let before = src[line_start..r.start].split_whitespace().next_back();
            let after = src[r.end..].lines().next().unwrap_or("");
            let next = after
                .strip_prefix(' ')
                .and_then(|a| a.split_whitespace().next());
            !capital(before) && !capital(next)
        })
}

fn names_overlap(a: &str, b: &str) -> bool {
    let (a, b) = (a.to_lowercase(), b.to_lowercase());
    let la = a.split_whitespace().last();
    la.is_some()
        && la == b.split_whitespace().last()
        && (a.starts_with(b.split_whitespace().next().unwrap_or(""))
            || b.starts_with(a.split_whitespace().next().unwrap_or("")))
}

/// The person addressed as `voc`: a title alone (`Duta Besar`) followed by a name in the
/// captions or the head, or a name with or without a title (`Frau Obermoser`, `Rosa
/// Elvira`) whose full form the captions, the head or else the text print.
fn name_for_address(src: &str, iv: &Interview, voc: &str) -> Option<(Found, Option<Found>)> {
    let (_, rest) = names::split_title(voc);
    let name_like = !rest.is_empty()
        && rest
            .split_whitespace()
            .all(|w| names::name_token(w).is_some());
    if name_like {
        return full_name_of(src, iv, &rest).map(|f| (f, None));
    }
    for (off, text) in head_text(src, iv) {
        // Case-insensitive: `L'ambassadeur Vu …` answers to `Monsieur l'Ambassadeur`.
        for r in names::occurrences_any_case(&text, voc) {
            let after = r.start + voc.len();
            // `la ministra de Transición Ecológica, Lucía Ferrándiz,`: the title's
            // description, then the name set off by commas.
            let apposed = || {
                let rest = &text[after..];
                let comma = rest.find(", ")?;
                let desc = &rest[..comma];
                if desc.contains(['.', '\n', ';', ':', '?', '!'])
                    || desc.split_whitespace().count() > 6
                {
                    return None;
                }
                let at = after + comma + 2;
                names::name_after(&text, at).filter(|f| {
                    f.span.start == at
                        && text[f.span.end..].starts_with(',')
                        && (2..=4).contains(&f.name.split_whitespace().count())
                })
            };
            if let Some(f) = names::name_after(&text, after)
                .filter(|f| f.span.start <= after + 1 && f.name.split_whitespace().count() >= 2)
                .or_else(apposed)
            {
                return Some((
                    Found {
                        name: f.name,
                        span: f.span.start + off..f.span.end + off,
                    },
                    Some(Found {
                        name: voc.to_string(),
                        span: r.start + off..r.start + off + voc.len(),
                    }),
                ));
            }
        }
    }
    None
}

/// The fullest name printed around `part` (a surname, given names, or both): captions and
/// the head first, then the whole text. A word that opens the name but is printed in lower
/// case elsewhere is a common word (`Photographer Aileen Ferris`); in a text that
/// capitalises nouns (German) a name grows by one word at most (`Bergführerin Katrin
/// Obermoser` → `Katrin Obermoser`), since a capital says nothing there.
fn full_name_of(src: &str, iv: &Interview, part: &str) -> Option<Found> {
    let part_words = part.split_whitespace().count();
    let nouns = names::capitalises_nouns(src);
    let max_words = if nouns { part_words + 1 } else { 5 };
    let mut regions = head_text(src, iv);
    let n_head = regions.len();
    regions.push((0, src.to_string()));
    let mut best: Option<Found> = None;
    for (i, (off, text)) in regions.iter().enumerate() {
        if i == n_head
            && best
                .as_ref()
                .is_some_and(|b| b.name.split_whitespace().count() > part_words)
        {
            break; // the head or a caption gave a fuller name: that is the evidence
        }
        for r in names::occurrences(text, part) {
            let back = names::name_ending_at(text, r.start..r.end);
            let end = names::name_after(text, r.start).map_or(r.end, |f| f.span.end.max(r.end));
            let mut start = back.span.start.min(r.start);
            loop {
                let words: Vec<&str> = text[start..end].split_whitespace().collect();
                if words.len() <= part_words || start >= r.start {
                    break;
                }
                let first = words[0];
                let lower = first.to_lowercase();
                let common = lower != first && !names::occurrences_exact(src, &lower).is_empty();
                if !(common || words.len() > max_words || printed_without(src, first, &words[1..]))
                {
                    break;
                }
                start += first.len();
                start += text[start..].len() - text[start..].trim_start().len();
            }
            let name = text[start..end].trim_end_matches('.').to_string();
            let count = name.split_whitespace().count();
            if count >= 2
                && best
                    .as_ref()
                    .is_none_or(|b| count > b.name.split_whitespace().count())
            {
                best = Some(Found {
                    span: off + start..off + start + name.len(),
                    name,
                });
            }
        }
    }
    best
}

/// `Imker Bernd Hollweg` where the text also prints `Bernd Hollweg` on its own (at a line's
/// or sentence's start, or after a lower-case word): the name is the two words, the one
/// before is a description (a job, a title) the text leaves off elsewhere.
fn printed_without(src: &str, first: &str, rest: &[&str]) -> bool {
    if rest.len() < 2 {
        return false;
    }
    let rest = rest.join(" ");
    names::occurrences(src, &rest).iter().any(|r| {
        let before = src[..r.start].trim_end_matches([' ', '\t']);
        let prev = before.split_whitespace().next_back().unwrap_or("");
        before.is_empty()
            || before.ends_with(['\n', '.', '–', '—', '-', ':', '(', '"', '“', '„'])
            || (prev != first && prev.chars().next().is_some_and(char::is_lowercase))
    })
}

/// A name printed right before `title` in `text`, where the script shows where it starts:
/// a katakana run (`ホー・ティ・マイ大使`), a Han run of two to four characters opening the
/// line or set off by punctuation (`黎文山大使`), or one to four Hangul words opening the
/// line (`부 호앙 남 대사`). After the title comes no letter, or a particle (`대사가`,
/// `大使と`): `대사관` (embassy) is no title. `src` is the whole text. Returns the name and where the title starts.
fn name_before_title(src: &str, text: &str, title: &str) -> Option<(Found, usize)> {
    let han = |c: char| matches!(c, '\u{3400}'..='\u{9FFF}');
    let kata = |c: char| matches!(c, '\u{30A0}'..='\u{30FF}' | '\u{FF65}'..='\u{FF9F}');
    let hangul = |c: char| matches!(c, '\u{AC00}'..='\u{D7A3}');
    let hira = |c: char| matches!(c, '\u{3041}'..='\u{309F}');
    for (at, _) in text.match_indices(title) {
        let next = text[at + title.len()..].chars().next();
        let ends = next
            .is_none_or(|c| !c.is_alphanumeric() || hira(c) || "가는의와이은을도님".contains(c));
        // Chinese runs a verb on after the title (`阮清河教授在…`), as it runs a word on
        // after `越南` in `越南大使馆`: there the run before is a name only if the text
        // never prints it without the title after it.
        let run_on = !ends && next.is_some_and(han);
        if !ends && !run_on {
            continue;
        }
        let before = &text[..at];
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let before = &before[line_start..];
        let tight = before.trim_end_matches(' ');
        let last = tight.chars().next_back();
        let found = if last.is_some_and(kata) {
            let start = tight
                .char_indices()
                .rev()
                .take_while(|(_, c)| kata(*c))
                .last()
                .map_or(tight.len(), |(i, _)| i);
            let run = &tight[start..];
            (run.chars().filter(|c| *c != '・' && *c != '＝').count() >= 2
                && !run.starts_with(['・', 'ー']))
            .then_some((start, run))
        } else if last.is_some_and(han) && tight.len() == before.len() {
            let start = tight
                .char_indices()
                .rev()
                .take_while(|(_, c)| han(*c))
                .last()
                .map_or(tight.len(), |(i, _)| i);
            let run = &tight[start..];
            let opens = tight[..start]
                .chars()
                .next_back()
                .is_none_or(|c| !c.is_alphanumeric());
            (opens && (2..=4).contains(&run.chars().count())).then_some((start, run))
        } else if last.is_some_and(hangul) {
            let words: Vec<&str> = tight.split(' ').collect();
            let ok = (1..=4).contains(&words.len())
                && words
                    .iter()
                    .all(|w| (1..=3).contains(&w.chars().count()) && w.chars().all(hangul))
                && (words.len() > 1 || words[0].chars().count() >= 2);
            ok.then_some((0, tight))
        } else {
            None
        };
        if let Some((start, run)) = found {
            if run_on
                && src
                    .match_indices(run)
                    .any(|(i, _)| !src[i + run.len()..].starts_with(title))
            {
                continue;
            }
            let from = line_start + start;
            return Some((
                Found {
                    name: run.to_string(),
                    span: from..from + run.len(),
                },
                at,
            ));
        }
    }
    None
}

/// `松家` alone on its line before an answer (a turn break of the bar layout, see
/// `marks`): the speaker of the turn after it, named in full where the text prints the
/// surname with its given name and an honorific (`松家仁之さん`).
pub fn name_breaks(src: &str, iv: &mut Interview, breaks: &[(usize, String)]) {
    for (at, short) in breaks {
        let Some(t) = iv.turns.iter().position(|t| t.span.start >= *at) else {
            continue;
        };
        let role = iv.turns[t].role;
        if iv.turns[t].speaker.is_some() || role == Role::Other {
            continue;
        }
        let Some(f) = cjk_full_name(src, short) else {
            continue;
        };
        let idx = match iv.people.iter().position(|p| p.name.value == f.name) {
            Some(i) if iv.people[i].role == role => i,
            Some(_) => continue,
            None => {
                iv.diagnostics.push(Diagnostic::info(
                    "person",
                    format!(
                        "{} {}: the name line '{short}' before the turn begins the name printed in full with an honorific",
                        role.as_str(),
                        f.name
                    ),
                    Some(f.span.clone()),
                ));
                iv.people.push(Person {
                    name: Sourced::from_text(f.name.clone(), f.span.clone()),
                    role,
                    job_title: None,
                    affiliation: None,
                    labels: Vec::new(),
                });
                iv.people.len() - 1
            }
        };
        iv.turns[t].speaker = Some(idx);
    }
}

/// The full name a Han-script surname label stands for, where the text prints the
/// surname, one or two more Han characters and an honorific (`鈴木一郎社長`, `王立先生`).
fn cjk_full_name(src: &str, core: &str) -> Option<Found> {
    let han = |c: char| matches!(c, '\u{3400}'..='\u{9FFF}');
    let n = core.chars().count();
    if !(1..=3).contains(&n) || !core.chars().all(han) {
        return None;
    }
    let lex = lexicon();
    for (i, _) in src.match_indices(core) {
        let rest = &src[i + core.len()..];
        for given in 1..=2 {
            let g: String = rest.chars().take(given).collect();
            if g.chars().count() != given || !g.chars().all(han) {
                break;
            }
            let after = &rest[g.len()..];
            let titled = lex
                .name_suffixes
                .iter()
                .any(|t| after.starts_with(t.as_str()));
            if titled {
                let name = format!("{core}{g}");
                return Some(Found {
                    span: i..i + name.len(),
                    name,
                });
            }
        }
    }
    None
}

/// The word of a title a question is searched for (`duta` of `duta besar`).
fn title_word(title: &str) -> &str {
    title.split_whitespace().next().unwrap_or(title)
}

/// For each title of the lexicon, false when `names::occurrences(q, title_word(title))`
/// is surely empty: the word's lower case occurs nowhere in the lower case of `q`. One
/// pass over a question for all titles, instead of a search per title (issue #11).
fn title_words_in(q: &str) -> Vec<bool> {
    static WORDS: std::sync::OnceLock<aho_corasick::AhoCorasick> = std::sync::OnceLock::new();
    let titles = &lexicon().titles;
    let ac = WORDS.get_or_init(|| {
        let words: Vec<String> = titles
            .iter()
            .map(|t| lexicon::lower(title_word(t)).into_owned())
            .collect();
        lexicon::automaton(&words).expect("the titles' words build")
    });
    lexicon::with_lower(q, |lower| {
        if lower.len() != q.len() {
            // `occurrences` then searches `q` as spelt.
            return vec![true; titles.len()];
        }
        let mut seen = vec![false; titles.len()];
        for m in ac.find_overlapping_iter(lower) {
            seen[m.pattern().as_usize()] = true;
        }
        seen
    })
}

#[cfg(test)]
mod tests {
    use super::{given_name_label, name_before_title};

    fn name(text: &str, title: &str) -> Option<String> {
        name_before_title(text, text, title).map(|(f, _)| f.name)
    }

    #[test]
    fn a_name_before_a_cjk_title_is_read_where_its_script_shows_its_start() {
        assert_eq!(
            name("黎文山大使（左三）出席开幕式。", "大使").as_deref(),
            Some("黎文山")
        );
        assert_eq!(
            name("開会式に出席したホー・ティ・マイ大使（右）。", "大使").as_deref(),
            Some("ホー・ティ・マイ")
        );
        assert_eq!(
            name("부 호앙 남 대사(왼쪽)가 참석했다.", "대사").as_deref(),
            Some("부 호앙 남")
        );
        assert_eq!(
            name("김순자 대사가 말했다.", "대사").as_deref(),
            Some("김순자")
        );
    }

    #[test]
    fn a_one_word_label_is_a_first_name_only_when_nothing_says_otherwise() {
        let src = "Bill: We opened in May.\nRebecca: Yes.\nBill: And the bill came.";
        assert!(!given_name_label(src, "Bill", "Bill")); // `bill` in lower case
        assert!(given_name_label(src, "Rebecca", "Rebecca"));
        let src = "Zhang: Yes.\nThe meteorologist Fuqing Zhang said so.";
        assert!(!given_name_label(src, "Zhang", "Zhang")); // part of a longer name
        let src = "Ümit: Evet.\nDeniz: Kastınız nedir Ümit Bey?";
        assert!(given_name_label(src, "Ümit", "Ümit")); // an honorific is no surname
    }

    #[test]
    fn a_word_that_only_starts_with_the_title_is_no_title() {
        // 대사관 is the embassy; 大使馆 likewise: a letter after the title ends nothing.
        assert_eq!(name("베트남 대사관 직원들이 참석했다.", "대사"), None);
        assert_eq!(name("越南大使馆举行招待会。越南代表团出席。", "大使"), None);
        // A verb run on after the title: the name is one the text prints only before it.
        assert_eq!(
            name("阮清河教授在研讨会上发言。", "教授").as_deref(),
            Some("阮清河")
        );
        // A sentence before the title is no name: Hangul words must open the line.
        assert_eq!(
            name("서울에서 열린 박람회에 참석한 대사(왼쪽).", "대사").as_deref(),
            None
        );
    }
}
