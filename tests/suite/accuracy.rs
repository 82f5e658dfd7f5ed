//! Accuracy harness: reads every case in `../shared/corpus/dev` and `../shared/seeds`,
//! compares the reading with the `.expected.json` beside it, prints a per-case and a
//! total score table, and fails unless every case is right on every field the text can
//! support.
//!
//! A field counts as "not in text" (n/a) when its expected value cannot be read from the
//! text at all: a string that does not occur in it (a URL the crawler knew), or a date
//! whose year the text never shows. Those are printed as n/a, never faked.
//!
//! Run: `cargo test --test suite accuracy -- --nocapture`

use colloquy::model::{Interview, Role};
use serde_json::Value;
use std::path::{Path, PathBuf};

fn cases() -> Vec<PathBuf> {
    let mut out = Vec::new();
    for dir in ["../shared/corpus/dev", "../shared/seeds"] {
        let Ok(rd) = std::fs::read_dir(dir) else {
            continue;
        };
        for e in rd.flatten() {
            let p = e.path();
            if p.extension().is_some_and(|x| x == "txt")
                && p.with_extension("expected.json").exists()
            {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}

fn norm(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[derive(Debug)]
enum Score {
    Ok,
    Wrong(String),
    NotInText,
}

fn names(iv: &Interview, role: Role) -> Vec<String> {
    let mut v: Vec<String> = iv
        .people_with_role(role)
        .map(|p| p.name.value.clone())
        .collect();
    v.sort();
    v
}

fn str_list(v: &Value) -> Vec<String> {
    let mut out: Vec<String> = v
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(|x| x.as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default();
    out.sort();
    out
}

fn judge(path: &Path) -> Vec<(&'static str, Score)> {
    let name = path.display().to_string();
    let bytes = std::fs::read(path).unwrap();
    let text = colloquy::read::decode(&name, &bytes).unwrap();
    let exp: Value = serde_json::from_str(
        &std::fs::read_to_string(path.with_extension("expected.json")).unwrap(),
    )
    .unwrap();
    let in_text = |s: &str| norm(&text).contains(&norm(s));
    let iv = match colloquy::read::read(&name, &text) {
        Ok(iv) => iv,
        Err(e) => return vec![("read", Score::Wrong(e.to_string()))],
    };
    let ex = iv.exchanges();
    let mut out: Vec<(&'static str, Score)> = Vec::new();
    let cmp = |want: String, got: String| {
        if want == got {
            Score::Ok
        } else {
            Score::Wrong(format!("want {want:?}, got {got:?}"))
        }
    };

    out.push(("qa", cmp(exp["qa_pairs"].to_string(), ex.len().to_string())));
    let first = ex
        .first()
        .map(|e| norm(&e.question.text()))
        .unwrap_or_default();
    out.push((
        "first_q",
        cmp(norm(exp["first_question"].as_str().unwrap_or("")), first),
    ));
    let last_answer = ex
        .iter()
        .rev()
        .find(|e| !e.answers.is_empty())
        .map(|e| {
            norm(
                &e.answers
                    .iter()
                    .map(|a| a.text())
                    .collect::<Vec<_>>()
                    .join("\n\n"),
            )
        })
        .unwrap_or_default();
    let want_last = norm(exp["last_answer_starts_with"].as_str().unwrap_or(""));
    out.push((
        "last_a",
        if last_answer.starts_with(&want_last) {
            Score::Ok
        } else {
            Score::Wrong(format!(
                "want start {want_last:?}, got {:?}",
                last_answer.chars().take(60).collect::<String>()
            ))
        },
    ));
    out.push((
        "lang",
        cmp(
            exp["language"].as_str().unwrap_or("").to_string(),
            iv.language().unwrap_or("").to_string(),
        ),
    ));
    out.push((
        "images",
        cmp(exp["images"].to_string(), iv.figures.len().to_string()),
    ));
    let mut credits: Vec<String> = iv.figures.iter().filter_map(|f| f.credit.clone()).collect();
    credits.sort();
    credits.dedup();
    out.push((
        "credits",
        cmp(
            format!("{:?}", str_list(&exp["photo_credits"])),
            format!("{credits:?}"),
        ),
    ));
    for (field, role) in [
        ("interviewees", Role::Interviewee),
        ("interviewer", Role::Interviewer),
    ] {
        let want = str_list(&exp[field]);
        let label: &'static str = if role == Role::Interviewee {
            "ivee"
        } else {
            "ivwer"
        };
        if want.iter().any(|n| !in_text(n)) {
            out.push((label, Score::NotInText));
        } else {
            out.push((
                label,
                cmp(format!("{want:?}"), format!("{:?}", names(&iv, role))),
            ));
        }
    }
    let got_headline = iv.meta.headline.as_ref().map(|h| norm(&h.value));
    match exp["headline"].as_str() {
        Some(h) if !in_text(h) => out.push(("headline", Score::NotInText)),
        h => out.push((
            "headline",
            cmp(format!("{:?}", h.map(norm)), format!("{got_headline:?}")),
        )),
    }
    let got_date = iv
        .meta
        .date_published
        .as_ref()
        .map(|d| d.value.as_str().to_string());
    match exp["published"].as_str() {
        Some(d) if !text.contains(&d[..4]) => out.push(("date", Score::NotInText)),
        d => out.push((
            "date",
            cmp(format!("{:?}", d), format!("{:?}", got_date.as_deref())),
        )),
    }
    let got_url = iv.meta.source_url.as_ref().map(|u| u.value.clone());
    match exp["source_url"].as_str() {
        Some(u) if !text.contains(u) => out.push((
            "src_url",
            if got_url.is_none() {
                Score::NotInText
            } else {
                Score::Wrong(format!("invented {got_url:?}"))
            },
        )),
        u => out.push(("src_url", cmp(format!("{u:?}"), format!("{got_url:?}")))),
    }
    // No invented answers: every answer paragraph is text of the source, and the closing
    // is in no answer.
    let src = norm(&text);
    let mut invented = Vec::new();
    for e in &ex {
        for a in &e.answers {
            for p in &a.paragraphs {
                if !src.contains(&norm(&p.text)) {
                    invented.push(p.text.chars().take(40).collect::<String>());
                }
                if let Some(c) = &iv.closing {
                    if norm(&p.text).contains(&norm(&c.text())) {
                        invented.push(format!("closing inside an answer: {}", c.text()));
                    }
                }
            }
        }
    }
    out.push((
        "no_invent",
        if invented.is_empty() {
            Score::Ok
        } else {
            Score::Wrong(format!("{invented:?}"))
        },
    ));
    out
}

#[test]
fn accuracy_on_dev_corpus_and_seed() {
    let cases = cases();
    assert!(!cases.is_empty(), "no cases found under ../shared");
    let mut rows = Vec::new();
    let mut fails = Vec::new();
    let (mut ok_total, mut scored_total, mut na_total) = (0, 0, 0);
    for c in &cases {
        let scores = judge(c);
        let name = c.file_stem().unwrap().to_string_lossy().to_string();
        let ok = scores
            .iter()
            .filter(|(_, s)| matches!(s, Score::Ok))
            .count();
        let na = scores
            .iter()
            .filter(|(_, s)| matches!(s, Score::NotInText))
            .count();
        let scored = scores.len() - na;
        ok_total += ok;
        scored_total += scored;
        na_total += na;
        let cells: Vec<String> = scores
            .iter()
            .map(|(f, s)| match s {
                Score::Ok => format!("{f}:ok"),
                Score::NotInText => format!("{f}:n/a"),
                Score::Wrong(_) => format!("{f}:FAIL"),
            })
            .collect();
        rows.push(format!(
            "{name:<42} {ok:>2}/{scored:<2} {}",
            cells.join(" ")
        ));
        for (f, s) in &scores {
            if let Score::Wrong(why) = s {
                fails.push(format!("{name} {f}: {why}"));
            }
        }
    }
    println!(
        "\naccuracy (n/a = the expected value is not in the text, so no reader can derive it)"
    );
    for r in &rows {
        println!("{r}");
    }
    println!(
        "TOTAL {ok_total}/{scored_total} fields right, {na_total} n/a, over {} cases",
        cases.len()
    );
    for f in &fails {
        println!("  {f}");
    }
    assert!(
        fails.is_empty(),
        "{} field(s) wrong:\n{}",
        fails.len(),
        fails.join("\n")
    );
}
