//! The texts that differential tests compare a rewritten rule with its former self on:
//! every line of the shared corpus (`../shared/corpus`, when it is there) and of the
//! samples. Tests only; one place, so every such test skips or fails alike without it.

use std::path::{Path, PathBuf};

/// `../shared/corpus` when it is there. Without it the tests still run on generated
/// lines and the samples (one line says so); under CI its absence fails.
pub fn corpus_dir() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus");
    if dir.is_dir() {
        return Some(dir);
    }
    assert!(
        std::env::var_os("CI").is_none(),
        "{} is missing, and CI must run every test",
        dir.display()
    );
    println!(
        "note: {} is absent: compared on generated lines and samples only",
        dir.display()
    );
    None
}

/// Every file of the corpus and the samples that reads as UTF-8, whole.
pub fn files() -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut out = Vec::new();
    for dir in corpus_dir().into_iter().chain([root.join("samples")]) {
        for entry in walkdir::WalkDir::new(dir).into_iter().flatten() {
            if let Ok(text) = std::fs::read_to_string(entry.path()) {
                out.push(text);
            }
        }
    }
    out
}

/// Every line of [`files`], as it stands and trimmed, without repeats.
pub fn lines() -> Vec<String> {
    let mut seen = std::collections::HashSet::new();
    let mut out = Vec::new();
    for text in files() {
        for l in text.lines() {
            for l in [l, l.trim()] {
                if seen.insert(l.to_string()) {
                    out.push(l.to_string());
                }
            }
        }
    }
    out
}

/// Generated lines that stress lower-casing: capitals whose lower case is longer or
/// shorter in bytes (`İ`, the Kelvin sign `K`, `Ω`-like signs, `ẞ`), the Greek final
/// sigma, the Turkish dotless `ı`, mixed with the words chrome and credit rules look for.
pub fn tricky_lines() -> Vec<String> {
    let pieces = [
        "",
        " ",
        "İ",
        "\u{212a}",
        "\u{2126}",
        "ẞ",
        "ΣΟΦΟΣ",
        "Σ",
        "ς",
        "ı",
        "I",
        "Ǆ",
        "©",
        ":",
        "(12)",
        "Ⅻ",
        "SKIP TO ",
        "Skip to",
        "COPYRIGHT",
        "rights reserved",
        "Read more",
        "Photo",
        "FOTO",
        "Ảnh",
        "image:",
        "Comments",
        "|",
        " › ",
        " / ",
        "English",
        "ÉNGLISH",
        "FacebookTwitter",
        "x",
    ];
    let mut out = Vec::new();
    for a in pieces {
        for b in pieces {
            out.push(format!("{a}{b}"));
            for c in ["", " ", ": ", "İ", "Σ ", "K"] {
                out.push(format!("{a}{c}{b}"));
                out.push(format!("{a} {b}{c}{a}"));
            }
        }
    }
    out
}
