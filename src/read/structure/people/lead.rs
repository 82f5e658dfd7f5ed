//! The interviewee named only in the lead ("Samir Haddad still starts work at five…",
//! "Wir trafen die Architektin Mira Kessler…", "Bộ trưởng … trả lời phỏng vấn báo …").
//!
//! Two kinds of evidence, tried only when nothing stronger (byline, title block, label,
//! form of address) names the interviewee:
//! 1. an interview verb of the lead with a name beside it: the subject before a phrase
//!    such as `menerima` / `trả lời phỏng vấn`, or the person after a phrase such as
//!    `we spoke with` / `hablamos con`, past an article and a description;
//! 2. the name that opens the lead's first sentence, when the questions speak to "you"
//!    (or the lead says it met "her": `Conversamos con ella`), the lead goes on about that
//!    person (a pronoun or the surname again) and names no one else as a sentence's subject.
//!
//! A name beside a newsroom word (`reporter`, `Notre journaliste …`) or joined to a second
//! name (`X and Y`) is never taken: the first is the interviewer (`interviewer` reads it
//! when the lead speaks of the interview), the second is several people.

use super::names::{self, Found};
use crate::lexicon::{self, lexicon};
use crate::model::{Interview, TurnKind};

/// The interviewee's name in the lead, with why.
pub fn interviewee(src: &str, iv: &Interview) -> Option<(Found, String)> {
    let lex = lexicon();
    for p in &iv.lead {
        let text = &src[p.span.clone()];
        // 1a. The subject before an interview verb.
        for (i, r) in names::occurrences_any_case_in(&lex.lead_subject_phrases, text) {
            if !to_the_press(&lex.lead_subject_phrases[i], &text[r.end..]) {
                continue;
            }
            let Some(f) = subject_before(src, p.span.start + r.start) else {
                continue;
            };
            if alone(src, &f) {
                let how = format!("subject of '{}' in the lead", &text[r.clone()]);
                return Some((f, how));
            }
        }
        // 1b. The person after a phrase that says they were met.
        for (_, r) in names::occurrences_any_case_in(&lex.lead_met_phrases, text) {
            let Some(f) = named_after(src, p.span.start + r.end) else {
                continue;
            };
            if alone(src, &f) {
                let how = format!("named after '{}' in the lead", &text[r.clone()]);
                return Some((f, how));
            }
        }
    }
    opening_subject(src, iv)
}

/// The interviewer named in the lead beside a newsroom word, in a sentence about the
/// interview (`Notre journaliste Marc Leroy s'est entretenu avec elle`, `reporter Jane
/// Roe spoke with him`).
pub fn interviewer(src: &str, iv: &Interview) -> Option<(Found, String)> {
    let lex = lexicon();
    for p in &iv.lead {
        let text = &src[p.span.clone()];
        // Most paragraphs hold no newsroom word: the one search that can rule them out
        // goes first.
        let authors = names::occurrences_any_case_in(&lex.author_words, text);
        if authors.is_empty() {
            continue;
        }
        let about_interview = !names::occurrences_any_case_in(&lex.lead_met_phrases, text)
            .is_empty()
            || !names::occurrences_any_case_in(&lex.lead_subject_phrases, text).is_empty()
            || lexicon::mentions(&lex.interview_words, text);
        if !about_interview {
            continue;
        }
        for (_, r) in authors {
            let at = p.span.start + r.end;
            let Some(f) = names::name_after(src, at) else {
                continue;
            };
            let gap = &src[at..f.span.start];
            let n = f.name.split_whitespace().count();
            let outlet = lexicon::starts_with_phrase(&lex.outlet_words, &f.name).is_some();
            if gap.trim().is_empty() && !gap.contains('\n') && (2..=4).contains(&n) && !outlet {
                let how = format!("named after '{}' in the lead", &text[r]);
                return Some((f, how));
            }
        }
    }
    None
}

/// The subject phrase speaks of the interview: it says so itself (`trả lời phỏng vấn`,
/// `nos recibió`), or what follows is us, a newsroom word or a name such as an outlet
/// (`menerima Tempo`, `spoke with reporter …`) — not `spoke with the council`.
fn to_the_press(phrase: &str, after: &str) -> bool {
    let lex = lexicon();
    let own = lexicon::mentions(&lex.interview_words, phrase)
        || lexicon::mentions(&lex.first_person, phrase);
    let next = after.split_whitespace().next().unwrap_or("");
    let word = next
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase();
    own || lexicon::contains(&lex.first_person, &word)
        || lexicon::contains(&lex.author_words, &word)
        || names::name_token(next).is_some()
}

/// The name that ends right before byte `at` (a space between), 2–4 words; a longer run
/// of capitals holds the title's portfolio (`Kelautan dan Perikanan Sakti …`), so only its
/// last three words are kept.
fn subject_before(src: &str, at: usize) -> Option<Found> {
    let before = src[..at].trim_end_matches([' ', '\u{a0}']);
    if before.len() == at {
        return None;
    }
    let word_start = before.rfind(char::is_whitespace).map_or(0, |i| {
        i + before[i..].chars().next().map_or(1, char::len_utf8)
    });
    let last = &before[word_start..];
    if names::name_token(last) != Some(last) {
        return None;
    }
    let mut f = names::name_ending_at(src, word_start..before.len());
    let words: Vec<(usize, &str)> = src[f.span.clone()]
        .split_whitespace()
        .map(|w| (w.as_ptr() as usize - src.as_ptr() as usize, w))
        .collect();
    let keep = words.len().min(3);
    let start = words[words.len() - keep].0;
    f = Found {
        name: src[start..f.span.end].to_string(),
        span: start..f.span.end,
    };
    let n = f.name.split_whitespace().count();
    (n >= 2 && plausible(&f.name)).then_some(f)
}

/// The name after byte `at`, past at most two lower-case words (an article and a
/// description: `la escritora`, `die Architektin`). Rejects a newsroom word among them.
fn named_after(src: &str, at: usize) -> Option<Found> {
    let lex = lexicon();
    let mut pos = at;
    let mut last_article = false;
    for _ in 0..3 {
        let rest = &src[pos..];
        let ws = rest.len() - rest.trim_start_matches([' ', '\u{a0}']).len();
        if ws == 0 {
            return None; // the phrase ran into a longer word, or punctuation follows
        }
        let w_start = pos + ws;
        let w_end = src[w_start..]
            .find(char::is_whitespace)
            .map_or(src.len(), |i| w_start + i);
        let word = &src[w_start..w_end];
        let lower = word.to_lowercase();
        if lexicon::contains(
            &lex.author_words,
            lower.trim_matches(|c: char| !c.is_alphanumeric()),
        ) {
            return None; // `reporter Jane Roe` asks
        }
        if word.chars().next().is_some_and(char::is_lowercase)
            && word
                .chars()
                .all(|c| c.is_alphabetic() || c == '\'' || c == '’')
        {
            last_article = lexicon::contains(&lex.articles, &lower);
            pos = w_end;
            continue;
        }
        break;
    }
    let mut f = names::name_after(src, pos)?;
    // `die Architektin Mira Kessler`: after an article, a capitalised first word of three
    // describes (nouns are capitalised in German).
    let words: Vec<&str> = f.name.split_whitespace().collect();
    if last_article && words.len() >= 3 {
        let skip = f.name.find(words[1]).unwrap_or(0);
        f = Found {
            name: f.name[skip..].to_string(),
            span: f.span.start + skip..f.span.end,
        };
    }
    let n = f.name.split_whitespace().count();
    ((2..=4).contains(&n) && plausible(&f.name)).then_some(f)
}

/// Not a title, an outlet or a headline phrase.
fn plausible(name: &str) -> bool {
    let lex = lexicon();
    !name.split_whitespace().any(|w| {
        let w = w.to_lowercase();
        lexicon::contains(&lex.interview_words, &w)
            || lexicon::contains(&lex.articles, &w)
            || w.ends_with("'s")
            || w.ends_with("’s")
    })
}

/// The name is one person and not the interviewer: no second name joined to it (`X and
/// Y`), no newsroom word or outlet right after it (`Jane Roe, a reporter for …`).
fn alone(src: &str, f: &Found) -> bool {
    let lex = lexicon();
    let after = &src[f.span.end..];
    let line_end = after.find('\n').unwrap_or(after.len());
    let after = &after[..line_end];
    let next: Vec<String> = lexicon::words(after).into_iter().take(3).collect();
    let joiners = [
        "and", "und", "y", "e", "et", "dan", "và", "with", "mit", "con", "avec",
    ];
    let toks: Vec<&str> = after.split_whitespace().collect();
    let is_name = |i: usize| toks.get(i).is_some_and(|w| names::name_token(w).is_some());
    // `X and Y …`, `X & Y …`, `X, Y Z and …`: several people.
    let joined = (toks
        .first()
        .is_some_and(|w| *w == "&" || joiners.contains(&w.to_lowercase().as_str()))
        && is_name(1))
        || (after.starts_with(", ") && {
            let t: Vec<&str> = after[2..].split_whitespace().take(2).collect();
            t.len() == 2 && t.iter().all(|w| names::name_token(w).is_some())
        });
    // `Jane Roe, reporter …`, `Jane Roe, a reporter …`, `Khánh An phóng viên …`.
    let newsroom = next
        .iter()
        .skip_while(|w| lexicon::contains(&lex.articles, w))
        .take(2)
        .any(|w| lexicon::contains(&lex.author_words, w))
        || next.len() >= 2 && lexicon::contains(&lex.author_words, &next[..2].join(" "));
    let line_start = src[..f.span.start].rfind('\n').map_or(0, |i| i + 1);
    let before: Vec<String> = lexicon::words(&src[line_start..f.span.start]);
    let newsroom_before = before
        .last()
        .is_some_and(|w| lexicon::contains(&lex.author_words, w));
    !joined && !newsroom && !newsroom_before
}

/// The name that opens the lead's first sentence, when the questions speak to "you", the
/// lead goes on about that person and no other sentence of the lead opens with a name.
fn opening_subject(src: &str, iv: &Interview) -> Option<(Found, String)> {
    let lex = lexicon();
    let questions: Vec<String> = iv
        .turns
        .iter()
        .filter(|t| t.kind == TurnKind::Question)
        .map(|t| t.text())
        .collect();
    let you = questions
        .iter()
        .filter(|q| lexicon::mentions(&lex.second_person, q))
        .count();
    // Or the lead says it met "her" (`Conversamos con ella`, `We asked her`): Spanish and
    // Indonesian questions often address no one by a pronoun.
    // Or the lead's sentence ends with the meeting (`Okulun ilk yılını konuştuk.`, a verb
    // last): the person it opens with was met.
    let met_pronoun = iv.lead.iter().any(|p| {
        let t = &src[p.span.clone()];
        names::occurrences_any_case_in(&lex.lead_met_phrases, t)
            .into_iter()
            .any(|(_, r)| {
                let next = lexicon::words(&t[r.end..]);
                let ends = t[r.end..].trim_start().starts_with(['.', '!']);
                // `Ela nos recebeu`: the pronoun is the subject of the meeting.
                let by = lexicon::words(&t[..r.start])
                    .last()
                    .is_some_and(|w| lexicon::contains(&lex.person_pronouns, w));
                ends || by
                    || next
                        .first()
                        .is_some_and(|w| lexicon::contains(&lex.person_pronouns, w))
            })
    });
    if questions.is_empty() || (you * 2 < questions.len() && !met_pronoun) {
        return None;
    }
    let first = iv.lead.iter().find(|p| {
        // A headline or a dateline line is no sentence: the lead proper has a verb and ends.
        p.text.split_whitespace().count() >= 6
    })?;
    let text = &src[first.span.clone()];
    let lead_ws = text.len() - text.trim_start().len();
    let at = first.span.start + lead_ws;
    // The name opens the sentence (titles before it are fine: `Dr. Amina Yusuf`), or
    // comes after a short phrase set off by a comma and a lower-case description (`Aos
    // 82 anos, a poeta Dulce Mendonça lança…`, `The last of them, Bridget Mallory, grew
    // up…`, `Keman sanatçısı Mehmet Aydın, …`).
    let opens = |at: usize| -> Option<(usize, Found)> {
        let at = at + described_start(&src[at..first.span.end]);
        let f = names::name_after(src, at)?;
        let opening = &src[at..f.span.start];
        (!opening
            .split_whitespace()
            .any(|w| !lexicon::contains(&lex.titles, w.trim_end_matches('.')))
            && (2..=4).contains(&f.name.split_whitespace().count()))
        .then_some((at, f))
    };
    // The first sentence; or, when it names no one, a later sentence of the paragraph
    // whose name is set off by commas (`… by one family. The last of them, Bridget
    // Mallory, grew up …`).
    let (at, f) = opens(at).or_else(|| {
        sentence_starts(text).into_iter().skip(1).find_map(|i| {
            let s = at - lead_ws + i;
            let sentence = &src[s..first.span.end];
            // A fronted phrase of at most five words that names no one, then the name.
            let comma = sentence.find(", ")?;
            let phrase: Vec<&str> = sentence[..comma].split_whitespace().collect();
            if phrase.is_empty()
                || phrase.len() > 5
                || phrase[1..].iter().any(|w| names::name_token(w).is_some())
            {
                return None;
            }
            let a = s + comma + 2;
            names::name_after(src, a)
                .filter(|f| {
                    f.span.start == a
                        && src[f.span.end..].starts_with(',')
                        && (2..=4).contains(&f.name.split_whitespace().count())
                })
                .map(|f| (a, f))
        })
    })?;
    let n = f.name.split_whitespace().count();
    if !(2..=4).contains(&n) || !plausible(&f.name) || !alone(src, &f) {
        return None;
    }
    // A capitalised description may open the run (`Chef Tomasz Lewandowski`, `Пекарь
    // Ольга Смирнова`): the rest is the name when the text prints it again, else no name.
    let f = if f.span.start == at {
        names::without_description(src, &f)?
    } else {
        f
    };
    let n = f.name.split_whitespace().count();
    // The next word is lower case (a verb: `still`, `has`, `étudie`), not more of a name
    // or a place (`Hamburg Harbour`).
    let rest = &src[f.span.end..];
    let next = rest.split_whitespace().next().unwrap_or("");
    let continues = next.starts_with(',') || next.chars().next().is_some_and(char::is_lowercase);
    if !continues && !rest.trim_start().starts_with(',') {
        return None;
    }
    // A name the text also prints after a preposition of place is a place (`… her window
    // in New York`), whatever pronouns follow.
    let place = names::occurrences(src, &f.name).iter().any(|r| {
        let line_start = src[..r.start].rfind('\n').map_or(0, |i| i + 1);
        lexicon::words(&src[line_start..r.start])
            .last()
            .is_some_and(|w| lexicon::contains(&lex.place_prepositions, w))
    });
    if place {
        return None;
    }
    // Another sentence of the lead that opens with a different name: several people.
    let surname = f.name.split_whitespace().last().unwrap_or("");
    for p in &iv.lead {
        let t = &src[p.span.clone()];
        for i in sentence_starts(t) {
            let at = p.span.start + i;
            if at == f.span.start || (at >= first.span.start && at <= f.span.start) {
                continue;
            }
            if let Some(g) = names::name_after(src, at).filter(|g| g.span.start == at) {
                let gw = g.name.split_whitespace().count();
                if gw >= 2 && !g.name.contains(surname) && plausible(&g.name) {
                    return None;
                }
            }
        }
    }
    // The lead goes on about a person: a pronoun after the name or the surname again.
    let after_name = &src[f.span.end..first.span.end];
    let later_lead: String = iv
        .lead
        .iter()
        .filter(|p| p.span.start > first.span.start)
        .map(|p| src[p.span.clone()].to_string())
        .collect::<Vec<_>>()
        .join(" ");
    let about = met_pronoun
        || lexicon::mentions(&lex.person_pronouns, after_name)
        || lexicon::mentions(&lex.person_pronouns, &later_lead)
        || names::occurrences(src, surname)
            .iter()
            .any(|r| r.start >= f.span.end);
    if !about {
        return None;
    }
    let how = format!(
        "opens the lead ('{}…'), which goes on about this person, and {}; no one else is named as a subject",
        src[f.span.start..]
            .split_whitespace()
            .take(n + 2)
            .collect::<Vec<_>>()
            .join(" "),
        if you * 2 >= questions.len() {
            "the questions speak to 'you'"
        } else {
            "the lead says it met this person"
        }
    );
    Some((f, how))
}

/// Where the name starts in a sentence that opens with a phrase set off by a comma (at
/// most five words) and then up to two lower-case words (an article and a description),
/// or with one capitalised word and a lower-case description (`Keman sanatçısı …`): the
/// byte offset past them, or 0 when the sentence opens otherwise.
fn described_start(sentence: &str) -> usize {
    let toks: Vec<(usize, &str)> = sentence
        .split_whitespace()
        .map(|w| (w.as_ptr() as usize - sentence.as_ptr() as usize, w))
        .take(9)
        .collect();
    let lower = |w: &str| {
        w.chars().next().is_some_and(char::is_lowercase)
            && w.chars()
                .all(|c| c.is_alphabetic() || c == '\'' || c == '’')
    };
    let mut i = 0;
    // A fronted phrase: `Aos 82 anos,`, `The last of them,`.
    // No capitalised word after the first: `Keman sanatçısı Mehmet Aydın,` is the name's
    // apposition, not a fronted phrase. A description must follow it (`Last week, Tom
    // Price spoke…` names someone in passing).
    if let Some(k) = toks.iter().take(5).position(|(_, w)| w.ends_with(',')) {
        if toks[1..=k]
            .iter()
            .all(|(_, w)| names::name_token(w).is_none())
            && toks.get(k + 1).is_some_and(|(_, w)| lower(w))
        {
            i = k + 1;
        }
    }
    let start = i;
    let title = |w: &str| {
        lexicon::contains(
            &lexicon().titles,
            w.trim_end_matches('.').to_lowercase().as_str(),
        )
    };
    if i == 0 && toks.len() >= 3 && !lower(toks[0].1) && !title(toks[0].1) {
        // Not a verb: `October is National Magic Month` opens with its subject.
        if lower(toks[1].1) && !lexicon::contains(&lexicon().bio_verbs, toks[1].1) {
            i = 1; // `Keman sanatçısı`: a capitalised first word, then the description
        } else if title(toks[1].1) {
            return toks[1].0; // `Astronomer Dr. Felipe Arroyo`: the title opens the name
        }
    }
    while i < toks.len() && i < start + 2 && lower(toks[i].1) {
        i += 1;
    }
    if i == 0 || i >= toks.len() || names::name_token(toks[i].1).is_none() {
        return 0;
    }
    toks[i].0
}

/// Byte offsets in `t` where sentences start (the first word, and each word after
/// `.`, `!`, `?` and a space).
fn sentence_starts(t: &str) -> Vec<usize> {
    let lead = t.len() - t.trim_start().len();
    let mut out = vec![lead];
    for (i, c) in t.char_indices() {
        if matches!(c, '.' | '!' | '?') {
            let rest = &t[i + 1..];
            if rest.starts_with(' ') {
                let ws = rest.len() - rest.trim_start().len();
                let at = i + 1 + ws;
                if at < t.len() {
                    out.push(at);
                }
            }
        }
    }
    out
}
