//! Helpers the reader tests share (the writer tests have theirs in `common`): load a fixture we wrote, and look at what a user of
//! the outputs relies on (exchanges, names, headline, date).

use colloquy::model::{Interview, Role};
use colloquy::read::{decode, read};

/// Reads `tests/fixtures/read/<name>`; `SHOW=<name>` (or `SHOW=all`) prints how it was read.
pub fn fixture(name: &str) -> (Interview, String) {
    let path = format!("tests/fixtures/read/{name}");
    let text = decode(&path, &std::fs::read(&path).unwrap()).unwrap();
    let iv = read(&path, &text).unwrap_or_else(|e| panic!("{e}"));
    if std::env::var("SHOW").is_ok_and(|s| s == name || s == "all") {
        println!("{}", colloquy::inspect::render_human(&iv, &text));
    }
    (iv, text)
}

/// (question, answers joined by a blank line) per exchange.
pub fn qa(iv: &Interview) -> Vec<(String, String)> {
    iv.exchanges()
        .iter()
        .map(|e| {
            let a: Vec<String> = e.answers.iter().map(|a| a.text()).collect();
            (e.question.text(), a.join("\n\n"))
        })
        .collect()
}

pub fn names(iv: &Interview, role: Role) -> Vec<String> {
    iv.people_with_role(role)
        .map(|p| p.name.value.clone())
        .collect()
}

pub fn headline(iv: &Interview) -> Option<&str> {
    iv.meta.headline.as_ref().map(|h| h.value.as_str())
}

pub fn date(iv: &Interview) -> Option<&str> {
    iv.meta.date_published.as_ref().map(|d| d.value.as_str())
}
