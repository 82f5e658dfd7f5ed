//! Scraped text arrives decomposed (NFD), with no-break spaces from HTML, zero-width
//! characters and Windows line ends. None of that may change how an interview is read:
//! every dev case and the seed read the same in each of those disguises.

use colloquy::model::Interview;
use unicode_normalization::UnicodeNormalization;

fn cases() -> Option<Vec<std::path::PathBuf>> {
    let mut paths = Vec::new();
    for dir in ["corpus/dev", "seeds"] {
        for e in std::fs::read_dir(crate::shared::shared(dir)?).unwrap() {
            let p = e.unwrap().path();
            if p.extension().is_some_and(|x| x == "txt") {
                paths.push(p);
            }
        }
    }
    paths.sort();
    assert!(paths.len() >= 6);
    Some(paths)
}

/// What a reader of the output relies on, in a comparable form.
fn reading(name: &str, bytes: &[u8]) -> (usize, String, Option<String>, Vec<String>, usize) {
    let text = colloquy::read::decode(name, bytes).unwrap();
    let iv: Interview = colloquy::read::read(name, &text).unwrap();
    let ex = iv.exchanges();
    (
        ex.len(),
        ex[0].question.text(),
        iv.language().map(str::to_string),
        iv.people.iter().map(|p| p.name.value.clone()).collect(),
        iv.figures.len(),
    )
}

#[test]
fn disguised_text_reads_the_same() {
    let Some(cases) = cases() else {
        return;
    };
    for path in cases {
        let name = path.display().to_string();
        let original = std::fs::read_to_string(&path).unwrap();
        let expected = reading(&name, original.as_bytes());
        let nfd: String = original.nfd().collect();
        let nbsp = original.replace(' ', "\u{a0}");
        let zero_width = original.replacen(". ", ".\u{200b} ", 3);
        let crlf = original.replace('\n', "\r\n");
        for (disguise, text) in [
            ("NFD", nfd),
            ("NBSP", nbsp),
            ("ZWSP", zero_width),
            ("CRLF", crlf),
        ] {
            let got = reading(&name, text.as_bytes());
            assert_eq!(got, expected, "{name} read differently as {disguise}");
        }
    }
}
