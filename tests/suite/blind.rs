//! The scoring the blind rounds share (tests/suite/read_blind*.rs): each round lists its
//! cases — what a careful reader gets from each fixture, written from the text before
//! colloquy read it — and its known misses with why; [`score`] judges every field, prints
//! the score and fails on any miss that is not a known one.

use colloquy::model::{Interview, Role};
use colloquy::read::{decode, read};

use crate::reading::{self, date, headline, names, qa};

/// (fixture, field, why it is still missed).
pub type KnownMiss = (&'static str, &'static str, &'static str);

pub struct Case {
    pub file: &'static str,
    pub pairs: usize,
    pub first_q: &'static str,
    /// Start of the last answer given (an unanswered last question is skipped).
    pub last_a: &'static str,
    pub lang: &'static str,
    /// `None`: the text gives no name a reader could write down as printed.
    pub interviewees: Option<&'static [&'static str]>,
    /// `None`: the text leaves it open (a byline author who may or may not have asked).
    pub interviewer: Option<&'static [&'static str]>,
    pub headline: Option<&'static str>,
    pub date: Option<&'static str>,
    pub images: usize,
    pub credits: &'static [&'static str],
    /// Site chrome, page furniture and notes that belong to no turn.
    pub not_in_turns: &'static [&'static str],
}

const FIELDS: &[&str] = &[
    "pairs",
    "first_q",
    "last_a",
    "lang",
    "interviewees",
    "interviewer",
    "headline",
    "date",
    "images",
    "credits",
    "chrome",
    "no_invent",
];

/// Reads a fixture like `reading::fixture`, but hands back a refusal instead of panicking.
fn try_read(name: &str) -> Result<(Interview, String), String> {
    if std::env::var("SHOW").is_ok_and(|s| s == name || s == "all") {
        let _ = std::panic::catch_unwind(|| reading::fixture(name));
    }
    let path = format!("tests/fixtures/read/{name}");
    let text = decode(&path, &std::fs::read(&path).unwrap()).map_err(|e| e.to_string())?;
    let iv = read(&path, &text).map_err(|e| e.to_string())?;
    Ok((iv, text))
}

/// The paragraph is the source's own words: in at most two pieces, in order (a page's
/// running header between two lines of a turn is left out, nothing else).
fn from_source(src: &str, para: &str) -> bool {
    let words: Vec<&str> = para.split(' ').collect();
    let (mut at, mut i, mut pieces) = (0, 0, 0);
    while i < words.len() {
        let mut j = i + 1;
        let mut found = None;
        while j <= words.len() {
            match src[at..].find(&words[i..j].join(" ")) {
                Some(k) => {
                    found = Some(at + k + words[i..j].join(" ").len());
                    j += 1;
                }
                None => break,
            }
        }
        let Some(end) = found else { return false };
        at = end;
        i = j - 1;
        pieces += 1;
    }
    pieces <= 2
}

fn norm(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Field by field: `(field, None)` when right, `(field, Some(what went wrong))` otherwise.
fn judge(c: &Case, iv: &Interview, text: &str) -> Vec<(&'static str, Option<String>)> {
    let ex = qa(iv);
    let mut out = Vec::new();
    let mut check = |field: &'static str, ok: bool, got: String| {
        out.push((field, (!ok).then_some(got)));
    };
    check("pairs", ex.len() == c.pairs, format!("{}", ex.len()));
    let first = ex.first().map(|e| e.0.clone()).unwrap_or_default();
    check("first_q", first == c.first_q, first);
    let last = ex
        .iter()
        .rev()
        .find(|e| !e.1.is_empty())
        .map(|e| e.1.clone())
        .unwrap_or_default();
    check(
        "last_a",
        last.starts_with(c.last_a),
        last.chars().take(60).collect(),
    );
    let lang = iv.language().unwrap_or("").to_string();
    check("lang", lang == c.lang, lang);
    if let Some(want) = c.interviewees {
        let got = names(iv, Role::Interviewee);
        check("interviewees", got == want, format!("{got:?}"));
    }
    if let Some(want) = c.interviewer {
        let got = names(iv, Role::Interviewer);
        check("interviewer", got == want, format!("{got:?}"));
    }
    let h = headline(iv).map(str::to_string);
    check("headline", h.as_deref() == c.headline, format!("{h:?}"));
    let d = date(iv).map(str::to_string);
    check("date", d.as_deref() == c.date, format!("{d:?}"));
    check(
        "images",
        iv.figures.len() == c.images,
        format!("{}", iv.figures.len()),
    );
    let mut credits: Vec<String> = iv.figures.iter().filter_map(|f| f.credit.clone()).collect();
    credits.sort();
    credits.dedup();
    check("credits", credits == c.credits, format!("{credits:?}"));
    // A label is part of what a turn shows (`প্রকাশ:` read as a speaker is chrome leaking).
    let turns: Vec<String> = iv
        .turns
        .iter()
        .map(|t| format!("{} {}", t.label.as_deref().unwrap_or(""), t.text()))
        .collect();
    let leaked: Vec<&&str> = c
        .not_in_turns
        .iter()
        .filter(|s| turns.iter().any(|t| t.contains(**s)))
        .collect();
    check("chrome", leaked.is_empty(), format!("{leaked:?}"));
    // No invented answers: every answer paragraph is the source's own text.
    let src = norm(text);
    let invented: Vec<String> = iv
        .exchanges()
        .iter()
        .flat_map(|e| e.answers.iter().flat_map(|a| a.paragraphs.iter()))
        .filter(|p| !from_source(&src, &norm(&p.text)))
        .map(|p| p.text.chars().take(40).collect())
        .collect();
    check("no_invent", invented.is_empty(), format!("{invented:?}"));
    out
}

/// Scores every case field by field, prints the score and every miss, and fails on any
/// miss that is not a known one.
pub fn score(round: &str, cases: &[Case], known_misses: &[KnownMiss]) {
    let (mut right, mut total, mut full) = (0, 0, 0);
    let mut wrong = Vec::new();
    let mut known = Vec::new();
    for c in cases {
        // A text colloquy refuses to read scores every field wrong (and the run goes on).
        let judged = match try_read(c.file) {
            Ok((iv, text)) => judge(c, &iv, &text),
            Err(e) => FIELDS
                .iter()
                .map(|f| {
                    (
                        *f,
                        Some(format!(
                            "not read: {}",
                            e.chars().take(40).collect::<String>()
                        )),
                    )
                })
                .collect(),
        };
        let mut all = true;
        for (field, miss) in judged {
            total += 1;
            let why = known_misses
                .iter()
                .find(|(f, k, _)| *f == c.file && *k == field)
                .map(|m| m.2);
            match (miss, why) {
                (None, _) => right += 1,
                (Some(got), Some(why)) => {
                    all = false;
                    known.push(format!("{}: {field}: got {got} (known: {why})", c.file))
                }
                (Some(got), None) => {
                    all = false;
                    wrong.push(format!("{}: {field}: got {got}", c.file))
                }
            }
        }
        full += usize::from(all);
    }
    println!(
        "{round}: {right}/{total} fields right, {full}/{} fixtures fully right",
        cases.len()
    );
    for w in wrong.iter().chain(&known) {
        println!("  {w}");
    }
    assert!(wrong.is_empty(), "{} fields wrong", wrong.len());
}
