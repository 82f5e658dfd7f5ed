//! Names of the people in an interview, found only where the text gives evidence: a
//! phrase such as "Interviewed by …", a byline, a headline "A with B", a name printed
//! next to a speaker's surname, a title by which the interviewee is addressed.
//!
//! These helpers return names with the byte span where they were read, so every person
//! carries `Provenance::Text`. They never make up a name from a label alone when the
//! label is a generic word (`Q`, `PREGUNTA`) or an acronym (`VOA`).

use crate::lexicon::{self, lexicon};
use std::ops::Range;

/// A name read from the text, with where.
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    pub name: String,
    pub span: Range<usize>,
}

/// Word tokens of `text` read on demand, front to back: the name rules look at a few
/// words after a point, and splitting the whole rest of the interview for each was a
/// tenth of the reading time on long texts.
struct LazyTokens<'t> {
    text: &'t str,
    pos: usize,
    read: Vec<(usize, &'t str)>,
}

impl<'t> LazyTokens<'t> {
    fn new(text: &'t str) -> Self {
        LazyTokens {
            text,
            pos: 0,
            read: Vec::new(),
        }
    }

    /// The `i`-th token (as `tokens(text)[i]`), if the text has that many.
    fn get(&mut self, i: usize) -> Option<(usize, &'t str)> {
        while self.read.len() <= i {
            let rest = &self.text[self.pos..];
            let start = self.pos + rest.find(|c: char| !c.is_whitespace())?;
            let len = self.text[start..]
                .find(char::is_whitespace)
                .unwrap_or(self.text.len() - start);
            self.read.push((start, &self.text[start..start + len]));
            self.pos = start + len;
        }
        Some(self.read[i])
    }
}

/// Word tokens of `text` from the last to the first, as `tokens(text)` reversed, read on
/// demand (a name is walked back from its surname over a few words only).
fn tokens_rev(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut end = text.len();
    std::iter::from_fn(move || {
        let head = &text[..end];
        let stop = head.trim_end_matches(char::is_whitespace).len();
        if stop == 0 {
            end = 0;
            return None;
        }
        let start = head[..stop].rfind(char::is_whitespace).map_or(0, |i| {
            i + head[i..].chars().next().map_or(1, char::len_utf8)
        });
        end = start;
        Some((start, &text[start..stop]))
    })
}

/// Word tokens of `text` (split on whitespace) with their byte ranges relative to `text`.
fn tokens(text: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        if c.is_whitespace() {
            if let Some(s) = start.take() {
                out.push((s, &text[s..i]));
            }
        } else {
            start.get_or_insert(i);
        }
    }
    if let Some(s) = start {
        out.push((s, &text[s..]));
    }
    out
}

fn is_title(word: &str) -> bool {
    let w = word
        .trim_matches(|c: char| !lexicon::is_word_char(c))
        .to_lowercase();
    lexicon::contains(&lexicon().titles, &w)
}

/// `A.` / `R.` / `J.T.`: initials inside a name.
fn is_initial(tok: &str) -> bool {
    let cs: Vec<char> = tok.chars().collect();
    !cs.is_empty()
        && cs.len().is_multiple_of(2)
        && cs.chunks(2).all(|p| p[0].is_uppercase() && p[1] == '.')
}

/// A token that can be part of a name: starts with an upper-case letter (digits may
/// follow, as in user names), not a title.
pub fn name_token(tok: &str) -> Option<&str> {
    // A possessive or the word "Interview" is not part of a name.
    if tok.ends_with("'s") || tok.ends_with("’s") || tok.ends_with("'s,") {
        return None;
    }
    // `I'm`, `We're`: a pronoun, not a name.
    if let Some((_, suffix)) = tok.split_once(['\'', '’']) {
        let suffix = suffix.trim_end_matches(|c: char| !lexicon::is_word_char(c));
        if matches!(suffix, "m" | "ve" | "ll" | "re" | "d" | "t") {
            return None;
        }
    }
    let bare = tok
        .trim_matches(|c: char| !lexicon::is_word_char(c))
        .to_lowercase();
    if lexicon::contains(&lexicon().interview_words, &bare) {
        return None;
    }
    let core = tok.trim_end_matches([',', ';', ':', ')', '.', '!', '?', '"', '”', '’', '\'', '»']);
    let core = core.trim_start_matches(['(', '"', '“', '‘', '\'', '«']);
    let first = core.chars().next()?;
    if !first.is_uppercase() || core.chars().count() < 2 {
        return None;
    }
    if !core
        .chars()
        .all(|c| lexicon::is_word_char(c) || c == '-' || c == '\'' || c == '’' || c == '.')
    {
        return None;
    }
    Some(core)
}

/// `The`, `Die`, `El`: an article before a name and its description (`Die Regisseurin
/// Mira Kessler`), never part of the name itself.
fn is_article(tok: &str) -> bool {
    matches!(
        tok,
        "The"
            | "THE"
            | "Der"
            | "Die"
            | "Das"
            | "El"
            | "Los"
            | "Las"
            | "Les"
            | "Il"
            | "Ein"
            | "Eine"
    )
}

/// `Kompozytorka Ewa Zielińska`, `Chef Tomasz Lewandowski`: a name of three or more
/// words whose first word the text prints nowhere else, while it prints the rest again
/// (`Ewa Zielińska pisze…`), starts with a description; the rest is the name. `None` when
/// the first word is printed only here and the rest is not corroborated either.
pub fn without_description(src: &str, f: &Found) -> Option<Found> {
    let words: Vec<&str> = f.name.split_whitespace().collect();
    if words.len() < 3 || occurrences(src, words[0]).len() >= 2 {
        return Some(f.clone());
    }
    let skip = f.name.find(char::is_whitespace)?;
    let rest = f.name[skip..].trim_start();
    if src.matches(rest).count() < 2 {
        return None;
    }
    Some(Found {
        name: rest.to_string(),
        span: f.span.end - rest.len()..f.span.end,
    })
}

/// `van`, `de`, `von`, `al`: a lower-case word that belongs inside a surname.
fn is_particle(tok: &str) -> bool {
    tok.chars().next().is_some_and(char::is_lowercase)
        && lexicon::contains(&lexicon().name_particles, tok)
}

/// The rest of the line at `at` when it is a short name in a script without letter case
/// (`佐藤花子`, `يوسف الحسيني`): read only after a phrase that announces a name.
fn uncased_name(text: &str, at: usize) -> Option<Found> {
    let line = &text[at..];
    let line = &line[..line.find('\n').unwrap_or(line.len())];
    let name = line.trim_end();
    let first = name.chars().next()?;
    let uncased = first.is_alphabetic() && !first.is_uppercase() && !first.is_lowercase();
    // Thai runs its words together but spaces a given name from the family name.
    let unspaced = name
        .chars()
        .any(|c| lexicon::is_unspaced(c) && !matches!(c as u32, 0x0E00..=0x0E7F));
    let short = if unspaced {
        (2..=8).contains(&name.chars().count()) && !name.contains(' ')
    } else {
        (2..=4).contains(&name.split_whitespace().count()) && name.chars().count() <= 40
    };
    let plain = name
        .chars()
        .all(|c| (lexicon::is_word_char(c) && !c.is_numeric()) || c == ' ');
    (uncased && short && plain).then(|| Found {
        name: name.to_string(),
        span: at..at + name.len(),
    })
}

/// True when a token ends the name it is part of (`Nội,` `Otourly)`).
fn closes(tok: &str) -> bool {
    !is_initial(tok) && tok.ends_with([',', ';', ':', ')', '.', '!', '?', '"', '”', '»'])
}

/// The name that starts at byte `at` of `text` (titles before it are skipped).
pub fn name_after(text: &str, at: usize) -> Option<Found> {
    let mut toks = LazyTokens::new(&text[at..]);
    let mut parts: Vec<(usize, usize)> = Vec::new();
    let mut article = false;
    for i in 0.. {
        let Some((off, tok)) = toks.get(i) else {
            break;
        };
        if i == 0 && is_article(tok) {
            article = true;
            continue;
        }
        if parts.is_empty()
            && is_title(tok)
            && i < 3
            && tok.chars().next().is_some_and(|c| c.is_uppercase())
        {
            continue;
        }
        // `Joris van Dijk`, `Sanne de Vries`: a lower-case particle inside a name, when a
        // capitalised word of the same name follows on the line.
        if !parts.is_empty() && is_particle(tok) {
            // `Tobias de Voice of America`: a joiner after the word says an
            // organisation's name runs on, so `de` there means "of".
            let next_tok = toks.get(i + 1);
            let next = next_tok.map(|(_, t)| t);
            let after = toks.get(i + 2).map(|(_, t)| t.to_lowercase());
            // `Hugh Hewitt da MSNBC`: an acronym after the particle, in a name written in
            // mixed case, is an organisation.
            let acronym = next.is_some_and(|n| {
                let letters: Vec<char> = n.chars().filter(|c| c.is_alphabetic()).collect();
                letters.len() >= 2 && letters.iter().all(|c| c.is_uppercase())
            }) && parts
                .iter()
                .any(|&(s, e)| text[s..e].chars().any(char::is_lowercase));
            let org = acronym
                || after.is_some_and(|a| {
                    is_particle(&a) || lexicon::contains(&lexicon().org_joiners, &a)
                });
            let joined = next_tok.is_some_and(|(next_off, n)| {
                name_token(n).is_some()
                    && !is_title(n)
                    && !org
                    && !text[at + off..at + next_off].contains('\n')
            });
            if joined {
                continue;
            }
            break;
        }
        let Some(core) = (if is_initial(tok) {
            Some(tok)
        } else {
            name_token(tok)
        }) else {
            break;
        };
        if !parts.is_empty() && is_title(core) {
            break;
        }
        let s = at + off + tok.find(core).unwrap_or(0);
        if parts
            .last()
            .is_some_and(|&(_, e)| text[e..s].contains('\n'))
        {
            break; // a name does not run over a line end
        }
        parts.push((s, s + core.len()));
        if closes(tok) || parts.len() >= 5 {
            break;
        }
    }
    // `Die Regisseurin Mira Kessler`: after an article, the first word describes.
    if article && parts.len() >= 3 {
        parts.remove(0);
    }
    let (s, e) = (parts.first()?.0, parts.last()?.1);
    let name = text[s..e].trim_end_matches('.').to_string();
    (!name.is_empty()).then(|| Found {
        span: s..s + name.len(),
        name,
    })
}

/// The full name that ends with the word at `span` of `text` (`Marc Knapper` for
/// `Knapper`), walking back over capitalised words and initials; stops at titles.
pub fn name_ending_at(text: &str, span: Range<usize>) -> Found {
    let before = &text[..span.start];
    let mut start = span.start;
    let mut article = false;
    for (off, tok) in tokens_rev(before) {
        if is_article(tok) {
            article = true;
            break;
        }
        if closes(tok) || is_title(tok) {
            break;
        }
        let ok = is_initial(tok) || name_token(tok) == Some(tok);
        if !ok || span.end - off > 60 || text[off + tok.len()..start].contains('\n') {
            break;
        }
        start = off;
    }
    // `Die Regisseurin Mira Kessler`: after an article, the first word describes.
    let words: Vec<(usize, &str)> = tokens(&text[start..span.end]);
    if article && words.len() >= 3 {
        start += words[1].0;
    }
    Found {
        name: text[start..span.end].to_string(),
        span: start..span.end,
    }
}

/// Every occurrence of `word` in `text` as a whole, capitalised word.
pub fn occurrences(text: &str, word: &str) -> Vec<Range<usize>> {
    if word.is_empty() {
        return Vec::new();
    }
    let w = lexicon::lower(word);
    // The people rules ask about the same interview text thousands of times: its lower
    // case is made once (`with_lower` keeps the thread's last one).
    lexicon::with_lower(text, |lower| {
        if lower.len() != text.len() {
            // Case folding changed byte lengths: fall back to exact matches.
            return text
                .match_indices(word)
                .map(|(i, m)| i..i + m.len())
                .filter(|r| whole(text, r))
                .collect();
        }
        lower
            .match_indices(&*w)
            .map(|(i, _)| i..i + w.len())
            .filter(|r| {
                whole(text, r)
                    && text[r.clone()]
                        .chars()
                        .next()
                        .is_some_and(|c| c.is_uppercase())
            })
            .collect()
    })
}

/// Every occurrence of `word` in `text` as a whole word, exactly as spelt.
pub fn occurrences_exact(text: &str, word: &str) -> Vec<Range<usize>> {
    if word.is_empty() {
        return Vec::new();
    }
    text.match_indices(word)
        .map(|(i, m)| i..i + m.len())
        .filter(|r| whole(text, r))
        .collect()
}

fn whole(text: &str, r: &Range<usize>) -> bool {
    let before = text[..r.start].chars().last();
    let after = text[r.end..].chars().next();
    before.is_none_or(|c| !lexicon::is_word_char(c))
        && after.is_none_or(|c| !lexicon::is_word_char(c))
}

/// Names that follow one of `phrases` in `text` (at `offset` in the source).
pub fn after_phrases(text: &str, offset: usize, phrases: &[String]) -> Vec<Found> {
    // Where the phrases end, found on the (remembered) lower case; the names after them
    // are read outside, as reading them may lower-case other texts.
    let ends = lexicon::with_lower(text, |lower| {
        (lower.len() == text.len())
            .then(|| starting_words(text, lexicon::occurrences_in(phrases, lower)))
    });
    // Byte offsets would not line up; search the original with each casing we know.
    let ends = ends.unwrap_or_else(|| {
        let mut ends = Vec::new();
        for p in phrases {
            for variant in [p.clone(), capitalize(p)] {
                ends.extend(
                    text.match_indices(variant.as_str())
                        .map(|(i, m)| i + m.len()),
                );
            }
        }
        ends
    });
    names_after_ends(text, offset, ends)
}

/// Where the occurrences that start a word of `text` end, in the order given.
fn starting_words(text: &str, found: Vec<(usize, usize, usize)>) -> Vec<usize> {
    found
        .into_iter()
        .filter(|&(_, i, _)| {
            text[..i]
                .chars()
                .last()
                .is_none_or(|c| !lexicon::is_word_char(c))
        })
        .map(|(_, _, end)| end)
        .collect()
}

/// The names after phrases ending at `ends` (in the order found), by where they start.
fn names_after_ends(text: &str, offset: usize, ends: Vec<usize>) -> Vec<Found> {
    let mut out = Vec::new();
    for end in ends {
        push_after(text, offset, end, &mut out);
    }
    out.sort_by_key(|f| f.span.start);
    out.dedup_by(|a, b| a.span == b.span);
    out
}

/// `after_phrases` of the interviewer's phrases and of the interviewee's, in that order,
/// with the text read once for both lists (`lexicon::role_phrase_occurrences`).
pub fn after_role_phrases(text: &str, offset: usize) -> [Vec<Found>; 2] {
    let ends = lexicon::with_lower(text, |lower| {
        (lower.len() == text.len()).then(|| {
            lexicon::role_phrase_occurrences(lower).map(|found| starting_words(text, found))
        })
    });
    match ends {
        Some(ends) => ends.map(|ends| names_after_ends(text, offset, ends)),
        // Byte offsets would not line up: each list as `after_phrases` searches it then.
        None => {
            let lex = lexicon();
            [&lex.interviewer_phrases, &lex.interviewee_phrases]
                .map(|list| after_phrases(text, offset, list))
        }
    }
}

/// Where a full name (two words or more) starts after at most two lower-case words on the
/// line at `at`, if one does.
pub fn described_at(text: &str, at: usize) -> Option<usize> {
    let line = &text[at..];
    let line = &line[..line.find('\n').unwrap_or(line.len())];
    let mut pos = 0;
    for _ in 0..2 {
        let w = line[pos..].split(' ').next()?;
        if !w.chars().next().is_some_and(char::is_lowercase)
            || !w
                .chars()
                .all(|c| lexicon::is_word_char(c) || c == '-' || c == '\'')
        {
            return None;
        }
        pos += w.len();
        pos += line[pos..].len() - line[pos..].trim_start_matches(' ').len();
        if name_after(text, at + pos)
            .is_some_and(|f| f.span.start == at + pos && f.name.split_whitespace().count() >= 2)
        {
            return Some(at + pos);
        }
    }
    None
}

/// Where a full name starts after one to five lower-case words (a description, `and`
/// inside it) on the line from `at`, if one does.
pub fn described_after(text: &str, at: usize) -> Option<usize> {
    let line = &text[at..];
    let line = &line[..line.find('\n').unwrap_or(line.len())];
    let mut pos = 0;
    for i in 0..5 {
        let skip = line[pos..].len() - line[pos..].trim_start_matches(' ').len();
        if skip == 0 && i > 0 {
            return None;
        }
        pos += skip;
        let w = line[pos..].split(' ').next()?;
        // `the site's founder, Jack Herrick`: a comma may close the description.
        let bare = w.strip_suffix(',').unwrap_or(w);
        if !bare.chars().next().is_some_and(char::is_lowercase)
            || !bare
                .chars()
                .all(|c| lexicon::is_word_char(c) || matches!(c, '-' | '\'' | '’'))
        {
            return None;
        }
        pos += w.len();
        let next = at + pos + (line[pos..].len() - line[pos..].trim_start_matches(' ').len());
        if name_after(text, next)
            .is_some_and(|f| f.span.start == next && f.name.split_whitespace().count() >= 2)
        {
            return Some(next);
        }
    }
    None
}

fn push_after(text: &str, offset: usize, end: usize, out: &mut Vec<Found>) {
    let rest = &text[end..];
    let skip = rest.len() - rest.trim_start_matches([' ', ':', '\u{a0}']).len();
    // A phrase that ends with a colon (`聞き手・構成：`) needs no space after it.
    let colon = text[..end].ends_with([':', '：']);
    if skip == 0 && !rest.is_empty() && !colon {
        return; // the phrase ran into a longer word
    }
    let mut at = end + skip;
    let mut described = false;
    if name_after(text, at).is_none() {
        // `Interviu cu apicultorul Mihai Popescu`, `interview with novelist Jane Roe`: a
        // description in lower case (an article, a person marker such as Tagalog `si`,
        // a noun) between the phrase and a full name.
        if let Some(d) = described_at(text, at) {
            at = d;
            described = true;
        }
    }
    if name_after(text, at).is_none() {
        if let Some(f) = uncased_name(text, at) {
            out.push(Found {
                name: f.name,
                span: f.span.start + offset..f.span.end + offset,
            });
        }
        return;
    }
    // `Interview with US political activist and philosopher Noam Chomsky`, `Interview with
    // LibriVox founder Hugh McGuire`: one capitalised word (a country, an organisation)
    // opens the description; the full name follows the lower-case words.
    if let Some(f) = name_after(text, at).filter(|f| f.name.split_whitespace().count() == 1) {
        if let Some(d) = described_after(text, f.span.end) {
            at = d;
            described = true;
        }
    }
    // `Interviewed by Rebecca Wright and Sandra Johnson`: every name of the list.
    while let Some(f) = name_after(text, at) {
        // `mit dem Imker Bernd Hollweg`: a capitalised noun of the description (German)
        // goes when the text prints the name without it.
        let f = match described {
            true => without_description(text, &f).unwrap_or(f),
            false => f,
        };
        let next = &text[f.span.end..];
        out.push(Found {
            name: f.name,
            span: f.span.start + offset..f.span.end + offset,
        });
        let joiner = [
            " and ", ", ", " y ", " e ", " et ", " und ", " dan ", " và ", " & ",
        ]
        .into_iter()
        .find(|j| next.starts_with(j));
        match joiner {
            Some(j) if out.len() < 6 => at = f.span.end + j.len(),
            _ => break,
        }
    }
}

/// Every occurrence of `phrase` in `text` in any letter case, as whole words.
pub fn occurrences_any_case(text: &str, phrase: &str) -> Vec<Range<usize>> {
    let lp = crate::lexicon::lower(phrase);
    crate::lexicon::with_lower(text, |lt| {
        if lt.len() != text.len() || lp.len() != phrase.len() || lp.is_empty() {
            return text
                .match_indices(phrase)
                .map(|(i, m)| i..i + m.len())
                .filter(|r| whole(text, r))
                .collect();
        }
        lt.match_indices(&*lp)
            .map(|(i, m)| i..i + m.len())
            .filter(|r| whole(text, r))
            .collect()
    })
}

/// Every occurrence of every entry of `list` in `text` in any letter case, as whole words,
/// with the entry's index: just what `occurrences_any_case` gives entry by entry, in list
/// order. A lexicon list of lower-case entries is searched in one pass (issue #11).
pub fn occurrences_any_case_in(list: &[String], text: &str) -> Vec<(usize, Range<usize>)> {
    // `occurrences_any_case` searches the lower case for the entry itself when casing
    // keeps byte lengths and the entry is its own non-empty lower case.
    let found = lexicon::plain_lower(list)
        .then(|| {
            lexicon::with_lower(text, |lt| {
                (lt.len() == text.len()).then(|| lexicon::occurrences_in(list, lt))
            })
        })
        .flatten();
    match found {
        Some(found) => found
            .into_iter()
            .map(|(i, s, e)| (i, s..e))
            .filter(|(_, r)| whole(text, r))
            .collect(),
        None => list
            .iter()
            .enumerate()
            .flat_map(|(i, p)| {
                occurrences_any_case(text, p)
                    .into_iter()
                    .map(move |r| (i, r))
            })
            .collect(),
    }
}

fn capitalize(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().collect::<String>() + c.as_str(),
        None => String::new(),
    }
}

/// The part of a speaker label that can name a person: without an outlet after a dash
/// (`Khánh An – VOA`), without titles (`Đại sứ Knapper`, `SECRETARIO POMPEO`), without
/// parentheses. `None` for generic labels and acronyms.
pub fn label_core(label: &str) -> Option<String> {
    let lex = lexicon();
    let mut l = label.trim().to_string();
    // `Andrew Westphal（下简称 “安”）`: a note in full-width parentheses too.
    if let Some(i) = l.find(['(', '（']) {
        l.truncate(i);
    }
    // `Lake Luzerne, N.Y.`, `Seattle, WA`: a reader's place in a chat, with a state or
    // country code after the comma, is where the asker writes from, not who they are.
    if let Some((_, after)) = l.split_once(", ") {
        let code = after.trim();
        let letters: Vec<char> = code.chars().filter(|c| c.is_alphabetic()).collect();
        if (1..=3).contains(&letters.len())
            && letters.iter().all(|c| c.is_uppercase())
            && code.chars().all(|c| c.is_alphabetic() || c == '.')
        {
            return None;
        }
    }
    for sep in [" – ", " — ", " - ", " / ", ", "] {
        if let Some(i) = l.find(sep) {
            l.truncate(i);
        }
    }
    let lower = l.trim().to_lowercase();
    if lexicon::contains(&lex.question_labels, &lower)
        || lexicon::contains(&lex.answer_labels, &lower)
    {
        return None;
    }
    // Drop titles, including multi-word ones, from the front.
    let mut words: Vec<&str> = l.split_whitespace().collect();
    let all = words.len();
    loop {
        let mut dropped = false;
        for n in (1..=words.len().min(3)).rev() {
            let head = words[..n].join(" ").to_lowercase();
            let head = head.trim_end_matches('.');
            if words.len() > n && lexicon::contains(&lex.titles, head) {
                words.drain(..n);
                dropped = true;
                break;
            }
        }
        if !dropped {
            break;
        }
    }
    let core = words.join(" ");
    // `Speaker 1`, `AUDIENCE MEMBER`: a part, not a person.
    if core.split_whitespace().any(|w| {
        w.chars().all(|c| c.is_ascii_digit()) || lexicon::contains(&lex.generic_speakers, w)
    }) {
        return None;
    }
    let letters: Vec<char> = core.chars().filter(|c| c.is_alphabetic()).collect();
    if letters.is_empty() {
        return None;
    }
    // `VOA`, `WN`: an acronym names an outlet, not a person.
    // After a title it is a surname (`SECRETARY RICE`).
    let titled = words.len() < all;
    if !titled
        && !core.contains(' ')
        && letters.len() <= 4
        && letters.iter().all(|c| c.is_uppercase())
    {
        return None;
    }
    Some(core)
}

/// `SECRETARIO POMPEO` → `Pompeo`, for searching the text.
pub fn surname_of(core: &str) -> String {
    let last = core.split_whitespace().last().unwrap_or(core);
    if last.chars().all(|c| !c.is_lowercase()) {
        let mut cs = last.chars();
        match cs.next() {
            Some(f) => f.to_string() + &cs.as_str().to_lowercase(),
            None => String::new(),
        }
    } else {
        last.to_string()
    }
}

/// The vocative at the end of a question or thanks: `…, Duta Besar?` → `Duta Besar`.
pub fn trailing_vocative(text: &str) -> Option<(String, Range<usize>)> {
    let t = text.trim_end();
    let t = t.trim_end_matches(['?', '!', '.', '？', '"', '”']);
    let comma = t.rfind(',')?;
    let voc = t[comma + 1..].trim();
    let start = comma + 1 + (t[comma + 1..].len() - t[comma + 1..].trim_start().len());
    let words: Vec<&str> = voc.split_whitespace().collect();
    if words.is_empty()
        || words.len() > 4
        || !words[0].chars().next().is_some_and(|c| c.is_uppercase())
    {
        return None;
    }
    Some((voc.to_string(), start..start + voc.len()))
}

/// The vocative at the start of an answer: `Gesell, es estupendo…` → `Gesell`.
pub fn leading_vocative(text: &str) -> Option<String> {
    let comma = text.find(',')?;
    let head = text[..comma].trim();
    let words: Vec<&str> = head.split_whitespace().collect();
    if words.is_empty() || words.len() > 3 {
        return None;
    }
    let all_names = words
        .iter()
        .all(|w| name_token(w) == Some(*w) && !is_title(w));
    // Interjections and sentence openers are capitalised too; a name is not in the lexicon.
    let lex = lexicon();
    let common = words.iter().any(|w| {
        let l = w.to_lowercase();
        lexicon::contains(&lex.closing_phrases, &l)
            || lexicon::contains(&lex.first_person, &l)
            || lexicon::contains(&lex.second_person, &l)
    });
    (all_names && !common).then(|| head.to_string())
}

/// The forms of address in a question or thanks: a vocative at the end (`…, Captain
/// Ferris?`), at the start with a title (`Frau Obermoser, wie …`) or between commas
/// (`Was meinen Sie, Frau Obermoser, zu …`). Each is at most four words and opens with a
/// capital or a title.
pub fn address_forms(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    if let Some((v, _)) = trailing_vocative(text) {
        out.push(v);
    }
    let lex = lexicon();
    // `Xin cảm ơn bà Hạnh!`, `Merci Madame Lefèvre`: the thanks name whom they thank.
    let t = text
        .trim()
        .trim_start_matches(['¡', '"', '“', '«', '„', '*', '_']);
    if let Some(p) = lexicon::starts_with_phrase(&lex.closing_phrases, t) {
        let rest: String = t.chars().skip(p.chars().count()).collect();
        let rest = rest.trim_matches(|c: char| c.is_whitespace() || ",.!?;:*_\"”»".contains(c));
        let (n, name) = split_title(strip_opener(rest));
        let words = name.split_whitespace().count();
        let form = strip_opener(rest).to_string();
        if n > 0
            && words <= 3
            && name.split_whitespace().all(|w| name_token(w).is_some())
            && !out.contains(&form)
        {
            out.push(form);
        }
    }
    let pieces: Vec<&str> = text.split(',').collect();
    for (i, piece) in pieces.iter().enumerate() {
        let last = i + 1 == pieces.len();
        if last && i > 0 {
            break; // the trailing vocative, handled above
        }
        let p = strip_opener(
            piece
                .trim()
                .trim_start_matches(['¡', '¿', '"', '“', '«', '„', '*', '_'])
                .trim(),
        );
        let words: Vec<&str> = p.split_whitespace().collect();
        if words.is_empty() || words.len() > 4 || last {
            continue;
        }
        // A title opens it and a name follows (`Frau Obermoser`, `Ms. Ferris`).
        let (title_words, rest) = split_title(p);
        if title_words == 0 || rest.is_empty() {
            continue;
        }
        let all_names = rest.split_whitespace().all(|w| name_token(w).is_some());
        if all_names && !out.iter().any(|o| o == p) {
            out.push(p.to_string());
        }
    }
    out
}

/// `Thưa bà Hạnh` → `bà Hạnh`, `Dear Dr Amari` → `Dr Amari`: the word that opens an
/// address is not part of it.
fn strip_opener(text: &str) -> &str {
    match lexicon::starts_with_phrase(&lexicon().address_openers, text) {
        Some(p) => {
            let n = p.chars().count();
            let at = text.char_indices().nth(n).map_or(text.len(), |(i, _)| i);
            text[at..].trim_start()
        }
        None => text,
    }
}

/// How many leading words of `text` are titles (`Frau`, `Duta Besar`, `Dr.`), and the
/// rest after them.
pub fn split_title(text: &str) -> (usize, String) {
    let lex = lexicon();
    let mut words: Vec<&str> = text.split_whitespace().collect();
    let mut dropped = 0;
    loop {
        let mut hit = false;
        for n in (1..=words.len().min(3)).rev() {
            let head = words[..n].join(" ").to_lowercase();
            if lexicon::contains(&lex.titles, head.trim_end_matches('.')) {
                words.drain(..n);
                dropped += n;
                hit = true;
                break;
            }
        }
        if !hit || words.is_empty() {
            break;
        }
    }
    (dropped, words.join(" "))
}

/// True when the text capitalises common nouns (German): many capitalised words inside
/// sentences that stand alone, not in runs as names do (`Trần Văn Lực`, `Hà Nội`). There
/// a capital letter says little about names.
pub fn capitalises_nouns(text: &str) -> bool {
    let cap = |w: &str| w.chars().next().is_some_and(|c| c.is_uppercase());
    let mut inside = 0usize;
    let mut lone = 0usize;
    for line in text.lines() {
        let toks: Vec<&str> = line.split_whitespace().collect();
        if toks.len() < 8 {
            continue; // labels, headlines, name lines: not prose
        }
        for (i, w) in toks.iter().enumerate() {
            if i == 0 || toks[i - 1].ends_with(['.', '!', '?', ':', '|', '"', '“', '»']) {
                continue;
            }
            if !w.chars().next().is_some_and(|f| f.is_alphabetic()) {
                continue;
            }
            inside += 1;
            let next_cap = toks.get(i + 1).is_some_and(|n| cap(n)) && !w.ends_with([',', '.']);
            if cap(w) && !cap(toks[i - 1]) && !next_cap {
                lone += 1;
            }
        }
    }
    inside >= 20 && lone * 100 >= inside * 12
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phrase_lists_occur_as_their_entries_do() {
        // One pass over a list must find what the entries find one by one, in list order.
        let lex = lexicon();
        let lists = [
            &lex.lead_met_phrases,
            &lex.lead_subject_phrases,
            &lex.author_words,
            &lex.outlet_verbs,
            &lex.tells_outlet_verbs,
        ];
        let mut texts = vec![String::new(), "İstanbul ΣΟΦΟΣ: spoke with".to_string()];
        for list in lists {
            for e in list.iter().take(8) {
                texts.push(format!(
                    "Yes. {} Jane Roe, and {e} {e}{e} x{e}",
                    e.to_uppercase()
                ));
            }
        }
        for _ in 0..3 {
            // Enough searches that the lists' automata are built and used too.
            for list in lists {
                for t in &texts {
                    let one_by_one: Vec<(usize, Range<usize>)> = list
                        .iter()
                        .enumerate()
                        .flat_map(|(i, p)| {
                            occurrences_any_case(t, p).into_iter().map(move |r| (i, r))
                        })
                        .collect();
                    assert_eq!(occurrences_any_case_in(list, t), one_by_one, "{t}");
                }
            }
        }
    }

    #[test]
    fn tokens_read_on_demand_are_the_whole_split() {
        for text in [
            "",
            "   ",
            "one",
            "  Jan  van\tDijk \n said:  ",
            "Nguyễn\u{a0}Văn An\u{2003}nói",
            "\u{3000}周立文 记者\u{3000}",
            "a b\n\nc ",
        ] {
            let all = tokens(text);
            let mut lazy = LazyTokens::new(text);
            let read: Vec<_> = (0..).map_while(|i| lazy.get(i)).collect();
            assert_eq!(read, all, "{text:?}");
            let back: Vec<_> = tokens_rev(text).collect();
            assert_eq!(back, all.into_iter().rev().collect::<Vec<_>>(), "{text:?}");
        }
    }

    #[test]
    fn names_after_phrases() {
        let t = "Interview réalisée par Otourly (d · c · b) sur le wiki, réponses de Ludo29 (d · c · b).";
        let f = after_phrases(t, 0, &lexicon().interviewer_phrases);
        assert_eq!(f[0].name, "Otourly");
        let f = after_phrases(t, 0, &lexicon().interviewee_phrases);
        assert_eq!(f[0].name, "Ludo29");
        let t = "Cuộc phỏng vấn do phóng viên Khánh An thực hiện.";
        let f = after_phrases(t, 10, &lexicon().interviewer_phrases);
        assert_eq!(f[0].name, "Khánh An");
        assert_eq!(&format!("0123456789{t}")[f[0].span.clone()], "Khánh An");
        let t = "Interviewed by Rebecca Wright and Sandra Johnson";
        let f = after_phrases(t, 0, &lexicon().interviewer_phrases);
        let n: Vec<&str> = f.iter().map(|f| f.name.as_str()).collect();
        assert_eq!(n, ["Rebecca Wright", "Sandra Johnson"]);
        let t = "La entrevista fue realizada por un colaborador de Wikinoticias.";
        assert!(after_phrases(t, 0, &lexicon().interviewer_phrases).is_empty());
    }

    #[test]
    fn role_phrases_in_one_pass_find_what_each_list_finds() {
        // Generated texts: every phrase of both lists in three casings, at a word's start
        // or inside one, before a name, a description or nothing, alone and after another
        // phrase (overlaps, an entry inside a longer one); a dotted `İ` lower-cases longer.
        let lex = lexicon();
        let phrases: Vec<&String> = lex
            .interviewer_phrases
            .iter()
            .chain(&lex.interviewee_phrases)
            .collect();
        let mut texts: Vec<String> = Vec::new();
        for (k, p) in phrases.iter().enumerate() {
            let other = phrases[(k * 7 + 3) % phrases.len()];
            for phrase in [p.to_string(), capitalize(p), p.to_uppercase()] {
                for before in ["", "Text: ", "x", "\n", "İ ", other.as_str(), "of "] {
                    for after in [" Jane Roe", ": Jane Roe.", " novelist Jane Roe", "", "Roe"] {
                        texts.push(format!("{before}{phrase}{after}"));
                        texts.push(format!("{before}{phrase} {other}{after}"));
                    }
                }
            }
        }
        for text in crate::test_corpus::files() {
            texts.extend(text.split("\n\n").map(str::to_string));
            texts.push(text);
        }
        let mut found = 0;
        for (i, t) in texts.iter().enumerate() {
            let lists = [&lex.interviewer_phrases, &lex.interviewee_phrases];
            let each = lists.map(|l| after_phrases(t, i, l));
            found += each.iter().map(Vec::len).sum::<usize>();
            assert_eq!(after_role_phrases(t, i), each, "{t:?}");
        }
        // Names are found: the comparison is no vacuous one.
        assert!(found > 1000, "{found} names found");
    }

    #[test]
    fn full_name_before_surname() {
        let t = "đại sứ Hoa Kỳ tại Hà Nội, Marc Knapper, có mặt";
        let r = occurrences(t, "Knapper")[0].clone();
        assert_eq!(name_ending_at(t, r).name, "Marc Knapper");
        let t = "El Secretario de Estado Michael R. Pompeo";
        let r = occurrences(t, "Pompeo")[0].clone();
        assert_eq!(name_ending_at(t, r).name, "Michael R. Pompeo");
    }

    #[test]
    fn label_cores() {
        assert_eq!(label_core("Khánh An – VOA").as_deref(), Some("Khánh An"));
        assert_eq!(label_core("Đại sứ Knapper").as_deref(), Some("Knapper"));
        assert_eq!(label_core("SECRETARIO POMPEO").as_deref(), Some("POMPEO"));
        assert_eq!(label_core("PREGUNTA"), None);
        assert_eq!(label_core("VOA"), None);
        assert_eq!(label_core("Speaker 2"), None);
        assert_eq!(label_core("HOST"), None);
        assert_eq!(surname_of("POMPEO"), "Pompeo");
        // A short surname after a title is no acronym; a note in full-width brackets goes.
        assert_eq!(label_core("SECRETARY RICE").as_deref(), Some("RICE"));
        // A role word in another language is no first name.
        assert_eq!(label_core("Moderatorin"), None);
        assert_eq!(label_core("Dziennikarka"), None);
        assert_eq!(
            label_core("Andrew Westphal（下简称 “安”）").as_deref(),
            Some("Andrew Westphal")
        );
    }

    #[test]
    fn names_stop_before_outlets_and_skip_a_leading_description() {
        let t = "Pompeo fala com Hugh Hewitt da MSNBC hoje";
        assert_eq!(name_after(t, 16).unwrap().name, "Hugh Hewitt");
        assert_eq!(
            name_after("Joris van Dijk", 0).unwrap().name,
            "Joris van Dijk"
        );
        let found = after_phrases(
            "Interview with LibriVox founder Hugh McGuire",
            0,
            &["interview with".to_string()],
        );
        assert_eq!(found[0].name, "Hugh McGuire");
    }

    #[test]
    fn forms_of_address() {
        assert_eq!(
            address_forms("Frau Obermoser, wie hat sich der Berg verändert?"),
            ["Frau Obermoser"]
        );
        assert_eq!(
            address_forms("Was sagen Sie, Herr Brandauer, zum Bienensterben?"),
            ["Herr Brandauer"]
        );
        assert_eq!(
            address_forms("Thank you, Captain Ferris!"),
            ["Captain Ferris"]
        );
        assert_eq!(address_forms("Xin cảm ơn ông Lực!"), ["ông Lực"]);
        assert_eq!(
            address_forms("Thưa bà Hạnh, bà làm gốm bao lâu rồi?"),
            ["bà Hạnh"]
        );
        // A sentence opener is no address: no title before the name.
        assert!(address_forms("However, what changed?").is_empty());
        assert_eq!(split_title("Duta Besar Vu Le").1, "Vu Le");
    }

    #[test]
    fn noun_capitalisation_is_told_from_names() {
        let de = "Der Gletscher ist um fast einen Kilometer zurückgegangen. Wo wir früher über Eis gegangen sind, klettern wir heute über losen Schutt. Das macht manche Touren gefährlicher, als sie auf dem Papier aussehen. Im vergangenen Sommer habe ich jede vierte Tour abgesagt oder verlegt.";
        let en = "The survey last winter found that the lower courses are sound, but the upper third has been moving for decades. We will keep every stone we can lift out whole and set it back in the new wall, so from the water it will look much as it always has. Aileen Ferris said so.";
        assert!(capitalises_nouns(de));
        assert!(!capitalises_nouns(en));
    }

    #[test]
    fn vocatives() {
        assert_eq!(
            trailing_vocative("Pesan apa yang disampaikan, Duta Besar?")
                .unwrap()
                .0,
            "Duta Besar"
        );
        assert_eq!(
            leading_vocative("Gesell, es estupendo estar con usted.").as_deref(),
            Some("Gesell")
        );
        assert_eq!(leading_vocative("I think, yes."), None);
    }
}
