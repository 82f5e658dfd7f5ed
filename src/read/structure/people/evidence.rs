//! Evidence of who is who, gathered before any role is settled: bylines and interview
//! credits, title blocks, headlines (`A with B`, `Wikinews interviews X`), captions, the
//! credits after a name (`(entrevistador)`), the outlet that interviews, a Han byline.
//! Each piece is a name with the span it was read from, the role it gives and how; the
//! parent module weighs them against the labels and the turns.

use super::names::{self, Found};
use super::*;

/// A name with the role the evidence gives and how it was found.
#[derive(Debug, Clone)]
pub(super) struct Evidence {
    pub(super) found: Found,
    pub(super) role: Role,
    pub(super) how: String,
    pub(super) job_title: Option<Found>,
}

/// Text regions where bylines and title blocks live: everything before the first turn,
/// the lead, and the captions.
pub(super) fn head_text(src: &str, iv: &Interview) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    let first = iv.turns.first().map_or(src.len(), |t| t.span.start);
    out.push((0, src[..first].to_string()));
    for f in &iv.figures {
        out.push((f.span.start, src[f.span.clone()].to_string()));
    }
    for n in &iv.notes {
        out.push((n.span.start, src[n.span.clone()].to_string()));
    }
    out
}

/// The last few words before byte `at` on its line, to show as evidence.
pub(super) fn context_before(src: &str, at: usize) -> String {
    let line_start = src[..at].rfind('\n').map_or(0, |i| i + 1);
    let words: Vec<&str> = src[line_start..at].split_whitespace().collect();
    words[words.len().saturating_sub(4)..].join(" ")
}

/// True when the name's first or last word also occurs outside `span` (corroboration).
pub(super) fn corroborated(src: &str, name: &str, span: &std::ops::Range<usize>) -> bool {
    let words: Vec<&str> = name.split_whitespace().collect();
    let ends = [words.first().copied(), words.last().copied()];
    let found = ends.into_iter().flatten().any(|w| {
        names::occurrences(src, w)
            .iter()
            .any(|r| r.end <= span.start || r.start >= span.end)
    });
    found
}

pub(super) fn gather_evidence(src: &str, iv: &Interview) -> Vec<Evidence> {
    let lex = lexicon();
    let mut ev = Vec::new();
    for (off, text) in head_text(src, iv) {
        let [asks, answers] = names::after_role_phrases(&text, off);
        for f in asks {
            ev.push(Evidence {
                how: format!("after '{}'", context_before(src, f.span.start)),
                found: f,
                role: Role::Interviewer,
                job_title: None,
            });
        }
        for f in answers {
            // `Pompeo's Interview With Dana Whitfield`: the interview belongs to the one
            // who answers, so the one after "with" asks.
            let before = context_before(src, f.span.start);
            let possessed = before
                .split_whitespace()
                .rev()
                .nth(2)
                .is_some_and(|w| w.ends_with("'s") || w.ends_with("’s"));
            // `Im Gespräch mit Lena Krause erzählt der Förster, …`: a verb whose subject is
            // someone else, named by an article and a noun, tells; the one "with" asks.
            let told = {
                let rest = src[f.span.end..].lines().next().unwrap_or("");
                let after: Vec<&str> = rest.split_whitespace().take(3).collect();
                rest.starts_with(' ')
                    && after.len() == 3
                    && after[0].chars().all(char::is_lowercase)
                    && !lexicon::contains(&lex.place_prepositions, after[0])
                    && lexicon::contains(&lex.articles, &after[1].to_lowercase())
                    // The subject is a noun (`der Förster`), not a place (`en el vivero`).
                    && after[2].chars().next().is_some_and(char::is_uppercase)
            };
            // `Interview With Greta Van Susteren of Fox News`: the one from an outlet asks.
            let of_outlet = from_outlet(src, f.span.end);
            let role = if possessed || told || of_outlet {
                Role::Interviewer
            } else {
                Role::Interviewee
            };
            let before = if of_outlet {
                format!("{before}' (named with an outlet: the one from the outlet asks)")
            } else {
                before
            };
            let before = if told {
                format!("{before}' (another subject tells: 'the one with' asks)")
            } else {
                before
            };
            ev.push(Evidence {
                how: format!("after '{before}'"),
                found: f,
                role,
                job_title: None,
            });
        }
    }
    ev.extend(credit_lines(src, iv));
    ev.extend(suffix_credits(src, iv));
    // A byline alone on its line in the head (`By Jane Roe`, `Oleh Dimas Pratama`): the
    // author of a Q&A asks the questions. Weaker than a phrase that says so.
    if !ev.iter().any(|e| e.role == Role::Interviewer) {
        let first = iv.turns.first().map_or(src.len(), |t| t.span.start);
        let mut at = 0;
        for line in src[..first].split_inclusive('\n') {
            // `*By Owen Hartley · June 3, 2024*`: a byline set in italics.
            let t = line.trim().trim_start_matches(['*', '_']);
            let lead_ws = line.len() - line.trim_start().trim_start_matches(['*', '_']).len();
            if let Some(p) = lexicon::starts_with_phrase(&lex.byline_prefixes, t) {
                let name_at = at + lead_ws + p.len();
                let name_at = name_at
                    + (src[name_at..].len() - src[name_at..].trim_start_matches([' ', ':']).len());
                if let Some(f) = names::name_after(src, name_at) {
                    let line_end = at + line.trim_end().len();
                    // `by J.T. Curry and P.D. Lagerquist`: a second name after a joiner.
                    let second = {
                        let rest = &src[f.span.end..line_end];
                        let joiner = rest.split_whitespace().next().unwrap_or("");
                        let from = f.span.end + rest.find(joiner).unwrap_or(0) + joiner.len() + 1;
                        (rest.starts_with(' ')
                            && (joiner == "&" || lexicon::contains(&lex.org_joiners, joiner))
                            && from < line_end)
                            .then(|| names::name_after(src, from))
                            .flatten()
                            .filter(|g| {
                                g.span.start == from
                                    && (2..=4).contains(&g.name.split_whitespace().count())
                            })
                    };
                    let end = second.as_ref().map_or(f.span.end, |g| g.span.end);
                    let rest = src[end..line_end].trim();
                    let words = f.name.split_whitespace().count();
                    if f.span.start == name_at
                        && (2..=4).contains(&words)
                        && (rest.is_empty()
                            || rest.starts_with(['|', ',', '·', '-', '–', '—', '(']))
                    {
                        for f in std::iter::once(f).chain(second) {
                            ev.push(Evidence {
                                how: format!("byline '{}'", t),
                                found: f,
                                role: Role::Interviewer,
                                job_title: None,
                            });
                        }
                        break;
                    }
                }
            }
            at += line.len();
        }
    }
    // The author's bio after the interview names who asked (`Jane Roe is a reporter …`).
    for n in &iv.notes {
        if crate::read::structure::note_kind(&n.text) != Some("author's bio") {
            continue;
        }
        let at =
            n.span.start + (src[n.span.clone()].len() - src[n.span.clone()].trim_start().len());
        if let Some(f) = names::name_after(src, at).filter(|f| f.span.start == at) {
            ev.push(Evidence {
                how: "named in the author's bio after the interview".into(),
                found: f,
                role: Role::Interviewer,
                job_title: None,
            });
        }
    }
    if let Some(h) = &iv.meta.headline {
        let Provenance::Text { span } = &h.provenance else {
            return ev;
        };
        let t = &src[span.clone()];
        // `Interview: Aileen Ferris, harbour master`: the headline names who is interviewed.
        // `Wawancara Khusus: Kepala Dinas Rini Hapsari soal …`: a kicker holding an
        // interview word, a description, the name, then the topic.
        if let Some(c) = t.find(':') {
            let word = t[..c].trim().to_lowercase();
            let kicker = lexicon::contains(&lex.interview_words, &word)
                || (word.split_whitespace().count() <= 3
                    && word
                        .split_whitespace()
                        .any(|w| lexicon::contains(&lex.interview_words, w)));
            if kicker {
                let at = span.start + c + 1;
                let at = at + (src[at..].len() - src[at..].trim_start().len());
                // Printed outside the headline, standing alone there.
                let elsewhere = |name: &str| {
                    names::occurrences(src, name).iter().any(|r| {
                        (r.end <= span.start || r.start >= span.end) && {
                            let before = src[..r.start].trim_end_matches([' ', '\t']);
                            let prev = before.split_whitespace().next_back().unwrap_or("");
                            before.is_empty()
                                || before.ends_with(['\n', '.', ',', '–', '—', '-', ':', '('])
                                || prev.chars().next().is_some_and(char::is_lowercase)
                        }
                    })
                };
                // The description before the name goes when the text prints the name
                // without it.
                let found = names::name_after(src, at).map(|f| {
                    let words: Vec<&str> = f.name.split_whitespace().collect();
                    (1..words.len().saturating_sub(1))
                        .find(|&k| elsewhere(&words[k..].join(" ")))
                        .and_then(|k| {
                            let name = words[k..].join(" ");
                            f.name.ends_with(&name).then(|| Found {
                                span: f.span.end - name.len()..f.span.end,
                                name,
                            })
                        })
                        .unwrap_or(f)
                });
                // The name stands alone: it ends the headline or a comma, dash or
                // parenthesis follows (`Wawancara: Menjaga Hutan Mangrove di …` is a title),
                // or the topic follows in lower case and the text prints the name again.
                if let Some(f) = found.filter(|f| {
                    let rest = src[f.span.end..span.end].trim_start_matches(['.', ' ']);
                    let described = f.span.start > at
                        && src[at..f.span.start]
                            .split_whitespace()
                            .all(|w| w.chars().next().is_some_and(char::is_uppercase));
                    // A name that is the whole rest of the headline needs the text to
                    // name the person again (`Wawancara: Nelayan Kecil Harus Dilindungi`
                    // is a title-cased slogan no one answers to).
                    (f.span.start == at || described)
                        && (2..=4).contains(&f.name.split_whitespace().count())
                        && (rest.starts_with([',', '–', '—', '-', '(', '|'])
                            || rest.is_empty()
                                && f.name.split_whitespace().last().is_some_and(|w| {
                                    names::occurrences(src, w)
                                        .iter()
                                        .any(|r| r.end <= span.start || r.start >= span.end)
                                })
                            || rest.chars().next().is_some_and(char::is_lowercase)
                                && elsewhere(&f.name))
                }) {
                    ev.push(Evidence {
                        found: f,
                        role: Role::Interviewee,
                        how: format!("named after '{}:' in the headline", &t[..c]),
                        job_title: None,
                    });
                }
                // `PANAYAM: Guro sa bundok na si Liza Manalo, "…"`: a person marker (Tagalog
                // `si`) names the one the description is about.
                let marked = (!ev.iter().any(|e| e.role == Role::Interviewee))
                    .then(|| {
                        let words: Vec<(usize, &str)> = src[at..span.end]
                            .split(' ')
                            .scan(at, |p, w| {
                                let here = *p;
                                *p += w.len() + 1;
                                Some((here, w))
                            })
                            .collect();
                        words.iter().find_map(|&(p, w)| {
                            if !lexicon::contains(&lex.person_markers, w) {
                                return None;
                            }
                            let from = p + w.len() + 1;
                            names::name_after(src, from).filter(|f| {
                                f.span.start == from
                                    && src[f.span.end..span.end]
                                        .trim_start()
                                        .chars()
                                        .next()
                                        .is_none_or(|c| {
                                            matches!(c, ',' | '–' | '—' | '-' | '(' | '|')
                                        })
                            })
                        })
                    })
                    .flatten();
                if let Some(f) = marked {
                    ev.push(Evidence {
                        found: f,
                        role: Role::Interviewee,
                        how: format!("named after a person marker in the headline '{}:'", &t[..c]),
                        job_title: None,
                    });
                }
            }
        }
        // `"Quote": Name`
        if let Some(i) = t.rfind(['"', '”', '»']) {
            let q_len = t[i..].chars().next().map_or(1, char::len_utf8);
            let rest = t[i + q_len..].trim_start();
            if let Some(r) = rest.strip_prefix(':') {
                let at = span.start + t.len() - r.trim_start().len();
                if let Some(f) = names::name_after(src, at).filter(|f| f.span.end == span.end) {
                    ev.push(Evidence {
                        found: f,
                        role: Role::Interviewee,
                        how: "named after the quote in the headline".into(),
                        job_title: None,
                    });
                }
            }
        }
        // `Lucía Méndez: "La música … no es un museo"`: the name before a quotation.
        if let Some(c) = t.find(':') {
            let rest = t[c + 1..].trim();
            let quoted = rest.starts_with(['"', '“', '„', '«', '\''])
                && rest.ends_with(['"', '”', '“', '»', '\'']);
            let lead = t[..c].trim();
            let mut at = span.start + (lead.as_ptr() as usize - t.as_ptr() as usize);
            // `Η κεραμίστρια Ελένη Παπαδάκη: «…»`: an article and a description in lower
            // case before the name.
            let first = lead.split_whitespace().next().unwrap_or("");
            if quoted
                && names::name_after(src, at).is_none_or(|f| f.span.start != at)
                && lexicon::contains(&lex.articles, first)
            {
                let after = at + first.len();
                let after = after + (src[after..].len() - src[after..].trim_start().len());
                if let Some(d) = names::described_at(src, after) {
                    at = d;
                }
            }
            let lead =
                &src[at..span.start + (lead.as_ptr() as usize - t.as_ptr() as usize) + lead.len()];
            if quoted {
                if let Some(f) = names::name_after(src, at).filter(|f| {
                    f.span.start == at
                        && f.span.end == at + lead.len()
                        && (2..=4).contains(&f.name.split_whitespace().count())
                }) {
                    // `Kompozytorka Ewa Zielińska: "…"`: without the description the lead
                    // prints again.
                    let f = names::without_description(src, &f).unwrap_or(f);
                    ev.push(Evidence {
                        found: f,
                        role: Role::Interviewee,
                        how: "named before the quote in the headline".into(),
                        job_title: None,
                    });
                }
            }
        }
        // `A with B`: A answers, B asks.
        for w in &lex.headline_with {
            let pat = format!(" {w} ");
            let lower = t.to_lowercase();
            let at = if lower.len() == t.len() {
                lower.find(&pat)
            } else {
                t.find(&pat)
            };
            if let Some(i) = at {
                let a_end = span.start + i;
                let last_word = t[..i].rfind(' ').map_or(0, |s| s + 1);
                let a = names::name_ending_at(src, span.start + last_word..a_end);
                // `a conversation with B`, `Interview with B`: B is the one interviewed.
                let before = t[last_word..i].trim().to_lowercase();
                // Not `Pompeo's Interview With B` (B asks there): the word opens the headline
                // or a part of it, or follows an article.
                let ahead = t[..last_word].trim_end();
                let opens = ahead.is_empty()
                    || ahead.ends_with([':', '"', '”', '»', '–', '—', '-', '|'])
                    || matches!(
                        ahead.rsplit(' ').next().map(str::to_lowercase).as_deref(),
                        Some("a" | "an" | "our" | "un" | "une" | "ein" | "eine" | "una")
                    );
                // A compound that ends in an interview word (`Werkstattgespräch`) is one too.
                let interview_word = lexicon::contains(&lex.interview_words, &before)
                    || lex.interview_words.iter().any(|w| {
                        w.chars().count() >= 6 && !w.contains(' ') && before.ends_with(w.as_str())
                    });
                if opens && interview_word {
                    if let Some(b) =
                        names::name_after(src, span.start + i + pat.len()).filter(|b| {
                            b.name.split_whitespace().count() >= 2
                                && corroborated(src, &b.name, span)
                        })
                    {
                        // `Interview With Greta Van Susteren of Fox News`: she asks.
                        let asks = from_outlet(src, b.span.end);
                        ev.push(Evidence {
                            role: if asks {
                                Role::Interviewer
                            } else {
                                Role::Interviewee
                            },
                            how: format!(
                                "after '{before} {w}' in the headline{}",
                                if asks {
                                    " (named with an outlet: the one from the outlet asks)"
                                } else {
                                    ""
                                }
                            ),
                            found: b,
                            job_title: None,
                        });
                    }
                    break;
                }
                // Only names the rest of the text also shows: `Town Hall with Students` names no one.
                // And B asks only when A is a person: in `Mending nets with Ruth Calloway`
                // the one "with" is the guest.
                // `Mme Claire Duvernoy, ministre de l'Agriculture, avec B`: the name before a
                // description set off by commas (lower case, a few words).
                let a = if a.name.split_whitespace().count() >= 2 {
                    a
                } else {
                    let head = t[..i].trim_end();
                    let apposed = head.strip_suffix(',').and_then(|h| {
                        let c0 = h.rfind(", ")?;
                        let desc = &h[c0 + 2..];
                        let ws = h[..c0].rfind(' ').map_or(0, |s| s + 1);
                        (desc.chars().next().is_some_and(char::is_lowercase)
                            && desc.split_whitespace().count() <= 6)
                            .then(|| names::name_ending_at(src, span.start + ws..span.start + c0))
                    });
                    match apposed {
                        Some(f) => f,
                        None => break,
                    }
                };
                if a.name.split_whitespace().count() < 2 || !corroborated(src, &a.name, span) {
                    break;
                }
                ev.push(Evidence {
                    found: a,
                    role: Role::Interviewee,
                    how: format!("before '{w}' in the headline"),
                    job_title: None,
                });
                // B is printed again, or given with an outlet (`Julien Marchetti de Radio
                // Vallée`, `Gesell Tobias de Voice of America`): a journalist's credit.
                let of_outlet = |b: &Found| {
                    let rest = &src[b.span.end..];
                    let mut ws = rest.split_whitespace();
                    rest.starts_with(' ')
                        && ws.next().is_some_and(|w| {
                            matches!(w, "of" | "de" | "du" | "from" | "von" | "vom" | "di" | "da")
                        })
                        && ws
                            .next()
                            .is_some_and(|w| w.chars().next().is_some_and(char::is_uppercase))
                };
                // `Julien Marchetti de Radio Vallée` read as one name: the outlet goes.
                let b_found = names::name_after(src, span.start + i + pat.len()).map(|b| {
                    let words: Vec<&str> = b.name.split_whitespace().collect();
                    let cut = (2..words.len().saturating_sub(1)).find(|&k| {
                        matches!(words[k], "of" | "de" | "du" | "von" | "vom" | "di" | "da")
                            && words[k + 1].chars().next().is_some_and(char::is_uppercase)
                    });
                    match cut {
                        Some(k) => {
                            let name = words[..k].join(" ");
                            if b.name.starts_with(&name) {
                                Found {
                                    span: b.span.start..b.span.start + name.len(),
                                    name,
                                }
                            } else {
                                b
                            }
                        }
                        None => b,
                    }
                });
                if let Some(b) = b_found.filter(|b| {
                    b.name.split_whitespace().count() >= 2
                        && (corroborated(src, &b.name, span) || of_outlet(b))
                }) {
                    ev.push(Evidence {
                        found: b,
                        role: Role::Interviewer,
                        how: format!("after '{w}' in the headline"),
                        job_title: None,
                    });
                }
                break;
            }
        }
    }
    ev
}

/// True when `word` names the outlet as questions are labelled with it (`Wikinews`):
/// three or more characters, not lower case, and a question label.
fn names_outlet(word: &str) -> bool {
    word.chars().count() >= 3
        && word.chars().next().is_some_and(|c| !c.is_lowercase())
        && lexicon::contains(&lexicon().question_labels, word)
}

/// `Wikinews interviews Mario J. Lucero and Isabel Ruiz of …`, `Wikinews spoke with William
/// Evans, president of …`: an outlet's label (the one a question label names) and a verb of
/// interviewing, then the ones interviewed. A name counts when the text prints its surname
/// again or sets a description after it with a comma (`William Evans, president …`).
pub(super) fn outlet_interviews(src: &str, iv: &Interview) -> Vec<Evidence> {
    let lex = lexicon();
    let mut out = Vec::new();
    for (off, text) in head_text(src, iv) {
        // `Biologist Nick Bos tells Wikinews about …`: the one who tells the outlet answers.
        for (_, r) in names::occurrences_any_case_in(&lex.tells_outlet_verbs, &text) {
            let object = text[r.end..]
                .split_whitespace()
                .next()
                .unwrap_or("")
                .trim_matches(|c: char| !lexicon::is_word_char(c));
            let outlet = names_outlet(object);
            let before = text[..r.start].trim_end_matches(' ');
            let word_start = before.rfind(char::is_whitespace).map_or(0, |i| i + 1);
            if !outlet || before.len() == r.start || word_start >= before.len() {
                continue;
            }
            let f = names::name_ending_at(src, off + word_start..off + before.len());
            let Some(f) = names::without_description(src, &f) else {
                continue;
            };
            let again = f.name.split_whitespace().last().is_some_and(|s| {
                names::occurrences(src, s)
                    .iter()
                    .any(|o| o.end <= f.span.start || o.start >= f.span.end)
            });
            if (2..=4).contains(&f.name.split_whitespace().count()) && again {
                out.push(Evidence {
                    how: format!("before '{} {object}'", &text[r.clone()]),
                    found: f,
                    role: Role::Interviewee,
                    job_title: None,
                });
            }
        }
        for (v, r) in names::occurrences_any_case_in(&lex.outlet_verbs, &text) {
            let verb = &lex.outlet_verbs[v];
            let before = text[..r.start].trim_end_matches(' ');
            let subject = before
                .rsplit(char::is_whitespace)
                .next()
                .unwrap_or("")
                .trim_matches(|c: char| !lexicon::is_word_char(c));
            let outlet = names_outlet(subject);
            if !outlet || before.len() == r.start {
                continue;
            }
            let mut found =
                names::after_phrases(&text[r.start..], off + r.start, std::slice::from_ref(verb));
            // `Andrew Westphal is the director of … Wikinews interviewed him …`: a
            // pronoun stands for the full name opening the sentence before, whose
            // next word is lower case (a verb).
            let object = text[r.end..]
                .split_whitespace()
                .next()
                .unwrap_or("")
                .trim_matches(|c: char| !lexicon::is_word_char(c))
                .to_lowercase();
            if found.is_empty() && lexicon::contains(&lex.person_pronouns, &object) {
                let para_start = text[..r.start].rfind('\n').map_or(0, |i| i + 1);
                let sentence_start = text[para_start..before.len()]
                    .trim_end_matches(|c: char| !matches!(c, '.' | '!' | '?'))
                    .trim_end_matches(['.', '!', '?']);
                let prev_start = sentence_start
                    .rfind(['.', '!', '?'])
                    .map_or(para_start, |i| para_start + i + 1);
                let prev_start =
                    prev_start + (text[prev_start..].len() - text[prev_start..].trim_start().len());
                if prev_start < before.len() {
                    if let Some(f) = names::name_after(&text, prev_start).filter(|f| {
                        f.span.start == prev_start
                            && text[f.span.end..]
                                .trim_start()
                                .chars()
                                .next()
                                .is_some_and(char::is_lowercase)
                    }) {
                        found.push(Found {
                            name: f.name,
                            span: f.span.start + off..f.span.end + off,
                        });
                    }
                }
            }
            // `Wikinews interviewed the site's founder, Jack Herrick.`
            if found.is_empty() {
                found.extend(
                    names::described_after(&text, r.end)
                        .and_then(|d| names::name_after(&text, d))
                        .map(|f| Found {
                            name: f.name,
                            span: f.span.start + off..f.span.end + off,
                        }),
                );
            }
            // Only the names right after this verb (the list it introduces); a name
            // after a bare comma is an apposition (`Christopher Hill, U.S. Republican
            // Party presidential candidate`), not a second person.
            let mut prev_end: Option<usize> = None;
            for f in found {
                let apposition = prev_end.is_some_and(|e| src.get(e..f.span.start) == Some(", "));
                prev_end = Some(f.span.end);
                if apposition {
                    continue;
                }
                let words = f.name.split_whitespace().count();
                let rest = &src[f.span.end..];
                let apposed = rest.starts_with(", ")
                    && rest[2..].chars().next().is_some_and(char::is_lowercase);
                let again = f.name.split_whitespace().last().is_some_and(|s| {
                    names::occurrences(src, s)
                        .iter()
                        .any(|o| o.end <= f.span.start || o.start >= f.span.end)
                });
                if (2..=4).contains(&words) && (apposed || again) {
                    out.push(Evidence {
                        how: format!("after '{subject} {}'", &text[r.clone()]),
                        found: f,
                        role: Role::Interviewee,
                        job_title: None,
                    });
                }
            }
        }
    }
    out
}

/// The name ending at `end` is followed by `of`/`de` and an outlet's name (`Greta Van
/// Susteren of Fox News`, `Julia Roth von der Berliner Zeitung`): a journalist's credit.
pub(super) fn from_outlet(src: &str, end: usize) -> bool {
    let lex = lexicon();
    let rest = src[end..].lines().next().unwrap_or("");
    let mut ws = rest.split_whitespace().peekable();
    let of = rest.starts_with(' ')
        && ws.next().is_some_and(|w| {
            matches!(
                w,
                "of" | "from" | "de" | "du" | "da" | "di" | "von" | "vom" | "do"
            )
        });
    if ws
        .peek()
        .is_some_and(|w| lexicon::contains(&lex.articles, &w.to_lowercase()))
    {
        ws.next();
    }
    of && ws
        .take_while(|w| w.chars().next().is_some_and(char::is_uppercase))
        .any(|w| {
            lexicon::contains(
                &lex.outlet_words,
                &w.trim_matches(|c: char| !lexicon::is_word_char(c))
                    .to_lowercase(),
            )
        })
}

/// `Interview: Markus Weber` on a line of its own that is not the headline — below the
/// headline and teaser, or after the last answer — is the credit of who conducted the
/// interview (the German press convention). As the headline itself (`Interview: Aileen
/// Ferris, harbour master`) the same words name the interviewee; that rule lives in
/// `gather_evidence`.
pub(super) fn credit_lines(src: &str, iv: &Interview) -> Vec<Evidence> {
    let lex = lexicon();
    let headline = iv.meta.headline.as_ref().and_then(|h| match &h.provenance {
        Provenance::Text { span } => Some(span.clone()),
        _ => None,
    });
    let Some(headline) = headline else {
        return Vec::new(); // no headline: a lone `Interview: X` line may be the title
    };
    let first = iv.turns.first().map_or(src.len(), |t| t.span.start);
    let last = iv.turns.last().map_or(src.len(), |t| t.span.end);
    let mut out = Vec::new();
    let mut at = 0;
    for line in src.split_inclusive('\n') {
        let here = at;
        at += line.len();
        let in_head = here >= headline.end && here < first;
        let in_tail = here >= last;
        if !(in_head || in_tail) {
            continue;
        }
        let t = line.trim();
        let Some(c) = t.find(':') else { continue };
        if !lexicon::contains(&lex.interview_words, &t[..c]) {
            continue;
        }
        let lead_ws = line.len() - line.trim_start().len();
        let name_at = here + lead_ws + c + 1;
        let name_at = name_at + (src[name_at..].len() - src[name_at..].trim_start().len());
        let Some(f) = names::name_after(src, name_at) else {
            continue;
        };
        // The name is the whole rest of the line: a credit, not a title or a sentence.
        let rest = src[f.span.end..here + line.trim_end().len()].trim();
        if f.span.start == name_at
            && (2..=4).contains(&f.name.split_whitespace().count())
            && rest.is_empty()
        {
            out.push(Evidence {
                how: format!(
                    "credit line '{t}' {} (not the headline)",
                    if in_head {
                        "below the headline"
                    } else {
                        "after the last answer"
                    }
                ),
                found: f,
                role: Role::Interviewer,
                job_title: None,
            });
        }
    }
    out
}

/// `साक्षात्कार: किसान नेता रमेश यादव बोले- "…"`: in a script without letter case nothing
/// marks a name, but the one the headline is about is printed again, word for word, in
/// the lead or a caption (`… अध्यक्ष रमेश यादव से …`). The one run of two or three words
/// the headline shares with them (interview words and the quoted part left out) is the
/// interviewee. Used only when nothing else names one.
pub(super) fn uncased_headline_name(src: &str, iv: &Interview) -> Option<Evidence> {
    let lex = lexicon();
    let h = iv.meta.headline.as_ref()?;
    let Provenance::Text { span } = &h.provenance else {
        return None;
    };
    let t = &src[span.clone()];
    let letters: Vec<char> = t.chars().filter(|c| c.is_alphabetic()).collect();
    let uncased = letters
        .iter()
        .filter(|c| !c.is_uppercase() && !c.is_lowercase())
        .count();
    if letters.is_empty() || uncased * 10 < letters.len() * 9 {
        return None;
    }
    let body = t.split_once(':').map_or(t, |(_, b)| b);
    let clean = |w: &str| {
        w.trim_matches(|c: char| !lexicon::is_word_char(c))
            .to_string()
    };
    // Headline words up to the quoted part; an interview word breaks a run.
    let mut runs: Vec<Vec<String>> = vec![Vec::new()];
    for w in body.split_whitespace() {
        if w.starts_with(['"', '“', '„', '«', '\'', '‘']) {
            break;
        }
        let c = clean(w);
        if c.is_empty()
            || c.chars().any(|ch| ch.is_numeric())
            || lexicon::contains(&lex.interview_words, &c)
        {
            runs.push(Vec::new());
            continue;
        }
        runs.last_mut().expect("one run").push(c);
    }
    let elsewhere: Vec<Vec<String>> = head_text(src, iv)
        .into_iter()
        .flat_map(|(off, text)| {
            text.lines()
                .scan(off, |p, l| {
                    let here = *p;
                    *p += l.len() + 1;
                    Some((here, l.to_string()))
                })
                .filter(|(here, l)| !(span.start..span.end).contains(here) && !l.trim().is_empty())
                .map(|(_, l)| l.split_whitespace().map(clean).collect::<Vec<_>>())
                .collect::<Vec<_>>()
        })
        .collect();
    for n in [3, 2] {
        let mut found: Vec<Vec<String>> = Vec::new();
        for run in &runs {
            for win in run.windows(n) {
                let shared = elsewhere
                    .iter()
                    .any(|line| line.windows(n).any(|w| w == win));
                if shared && !found.contains(&win.to_vec()) {
                    found.push(win.to_vec());
                }
            }
        }
        // `গবেষক ফারহানা আক্তার` in the lead too, but `ফারহানা আক্তার` alone in a
        // caption: the first word is a description the text can leave out.
        let count = |w: &[String]| -> usize {
            elsewhere
                .iter()
                .map(|l| l.windows(w.len()).filter(|x| *x == w).count())
                .sum()
        };
        let found: Vec<Vec<String>> = found
            .into_iter()
            .map(|w| {
                if w.len() == 3 && count(&w[1..]) > count(&w) {
                    w[1..].to_vec()
                } else {
                    w
                }
            })
            .collect();
        match found.as_slice() {
            [one] => {
                let name = one.join(" ");
                let at = span.start + t.find(&name)?;
                return Some(Evidence {
                    how: "a run of headline words printed again in the lead or a caption (a script without letter case)".into(),
                    found: Found {
                        name,
                        span: at..at + one.join(" ").len(),
                    },
                    role: Role::Interviewee,
                    job_title: None,
                });
            }
            [] => continue,
            _ => return None,
        }
    }
    None
}

pub(super) fn bare_byline(src: &str, iv: &Interview) -> Option<Evidence> {
    let Provenance::Text { span } = &iv.meta.date_published.as_ref()?.provenance else {
        return None;
    };
    let first = iv.turns.first().map_or(src.len(), |t| t.span.start);
    if span.start >= first {
        return None;
    }
    let headline = iv.meta.headline.as_ref().and_then(|h| match &h.provenance {
        Provenance::Text { span } => Some(span.clone()),
        _ => None,
    });
    // The non-blank lines of the head, as byte ranges.
    let mut lines: Vec<std::ops::Range<usize>> = Vec::new();
    let mut at = 0;
    for l in src[..first].split_inclusive('\n') {
        let lead = l.len() - l.trim_start().len();
        if !l.trim().is_empty() {
            lines.push(at + lead..at + l.trim_end().len());
        }
        at += l.len();
    }
    let d = lines
        .iter()
        .position(|r| r.start <= span.start && span.end <= r.end)?;
    let han = |c: char| matches!(c, '\u{3400}'..='\u{9FFF}');
    for n in [d.checked_sub(1), Some(d + 1)].into_iter().flatten() {
        let Some(r) = lines.get(n) else { continue };
        if headline
            .as_ref()
            .is_some_and(|h| h.start < r.end && r.start < h.end)
        {
            continue;
        }
        let t = &src[r.clone()];
        let k = t.chars().count();
        // In cased scripts an outlet's name (`Kompas Pesisir`) looks the same as a person's:
        // only a Han name, which outlets' names are not (`美国之音中文网`), is taken.
        if t.chars().all(han) && (2..=4).contains(&k) {
            let f = Found {
                name: t.to_string(),
                span: r.clone(),
            };
            return Some(Evidence {
                how: "a name alone beside the date line (a byline)".into(),
                found: f,
                role: Role::Interviewer,
                job_title: None,
            });
        }
    }
    None
}

/// `Aoife and Niamh Brennan`: `first` (a speaker's one-word label), a joiner, and the
/// full name of another speaker (`others`: their label names, lower case) whose surname
/// then is `first`'s too. The span covers the whole phrase.
pub(super) fn shared_surname(src: &str, first: &str, others: &[String]) -> Option<Found> {
    let lex = lexicon();
    for r in names::occurrences_any_case(src, first) {
        let Some(word) = src.get(r.clone()) else {
            continue;
        };
        if !word.chars().next().is_some_and(char::is_uppercase)
            || word.chars().all(char::is_uppercase)
        {
            continue; // the running text's `Aoife`, not the label `AOIFE`
        }
        let rest = &src[r.end..];
        let mut ws = rest.split_whitespace();
        let joiner = ws.next().unwrap_or("");
        if !(joiner == "&" || lexicon::contains(&lex.org_joiners, joiner)) || !rest.starts_with(' ')
        {
            continue;
        }
        let at = r.end + rest.find(joiner).unwrap_or(0) + joiner.len();
        let at = at + (src[at..].len() - src[at..].trim_start().len());
        let Some(other) = names::name_after(src, at).filter(|f| f.span.start == at) else {
            continue;
        };
        let words: Vec<&str> = other.name.split_whitespace().collect();
        if words.len() == 2 && others.iter().any(|o| o == &words[0].to_lowercase()) {
            return Some(Found {
                name: format!("{word} {}", words[1]),
                span: r.start..other.span.end,
            });
        }
    }
    None
}

/// `Hoàng Lan (thực hiện)` on a line of its own outside the turns: a name, then a word that
/// says it conducted the interview — the interviewer's credit, printed after the name.
pub(super) fn suffix_credits(src: &str, iv: &Interview) -> Vec<Evidence> {
    let lex = lexicon();
    let mut out = Vec::new();
    // The head, and the lines after the last turn (a closing's notes are not yet apart).
    let mut regions = head_text(src, iv);
    if let Some(t) = iv.turns.last() {
        let end = t.paragraphs.first().map_or(t.span.end, |p| p.span.end);
        regions.push((end, src[end..].to_string()));
    }
    for (off, text) in regions {
        let mut at = 0;
        for line in text.split_inclusive('\n') {
            let start = off + at;
            at += line.len();
            let t = line.trim();
            let Some(open) = t.rfind('(').filter(|_| t.ends_with(')')) else {
                continue;
            };
            let word = t[open + 1..t.len() - 1].trim().to_lowercase();
            if !lexicon::contains(&lex.interviewer_suffixes, &word) {
                continue;
            }
            let lead = line.len() - line.trim_start().len();
            let Some(f) = names::name_after(src, start + lead) else {
                continue;
            };
            let n = f.name.split_whitespace().count();
            let rest = src[f.span.end..start + lead + open].trim();
            if f.span.start == start + lead && rest.is_empty() && (2..=4).contains(&n) {
                out.push(Evidence {
                    how: format!("credited '({word})' after the name"),
                    found: f,
                    role: Role::Interviewer,
                    job_title: None,
                });
            }
        }
    }
    out
}
