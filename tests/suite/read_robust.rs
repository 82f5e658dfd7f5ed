//! The reader never panics: every fixture and shared case, cut at many places and read as
//! each format, gives a reading or a clean error.

use colloquy::read::read;

fn inputs() -> Vec<(String, String)> {
    let mut out = Vec::new();
    let dirs = [Some("tests/fixtures/read".into())]
        .into_iter()
        .chain(["corpus/dev", "seeds"].map(crate::shared::shared))
        .flatten();
    for dir in dirs {
        let rd: std::path::PathBuf = dir;
        let rd = std::fs::read_dir(rd).unwrap();
        for e in rd.flatten() {
            let p = e.path();
            if p.extension().is_some_and(|x| x == "txt") {
                out.push((
                    p.display().to_string(),
                    std::fs::read_to_string(&p).unwrap(),
                ));
            }
        }
    }
    out
}

#[test]
fn cut_texts_in_every_format_never_panic() {
    let inputs = inputs();
    assert!(inputs.len() > 10);
    for (name, text) in &inputs {
        let cuts: Vec<usize> = text.char_indices().map(|(i, _)| i).step_by(41).collect();
        for ext in ["txt", "md", "html", "vtt"] {
            let n = format!("{name}.{ext}");
            for &c in &cuts {
                let _ = read(&n, &text[..c]);
                let _ = read(&n, &text[c..]);
            }
            // Lines reversed and blank lines removed: other shapes from the same words.
            let reversed: Vec<&str> = text.lines().rev().collect();
            let _ = read(&n, &reversed.join("\n"));
            let dense: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
            let _ = read(&n, &dense.join("\n"));
        }
    }
}
