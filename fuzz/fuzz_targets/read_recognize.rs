//! Any bytes under any input name: decoding and reading (format detection, the Markdown,
//! HTML, subtitle and OHMS readers, the structure recognizer, inference) end in an
//! interview or an error, never a panic, and every span the reader reports lies inside
//! the text on character boundaries (inspect prints them).
#![no_main]
use libfuzzer_sys::fuzz_target;

const NAMES: [&str; 6] = ["a.txt", "a.md", "a.html", "a.vtt", "a.srt", "a.xml"];

fuzz_target!(|data: &[u8]| {
    let Some((&pick, bytes)) = data.split_first() else {
        return;
    };
    let name = NAMES[usize::from(pick) % NAMES.len()];
    let Ok((text, iv)) = colloquy::pipeline::read(name, bytes) else {
        return;
    };
    for t in &iv.turns {
        assert!(
            t.span.start <= t.span.end && t.span.end <= text.len(),
            "turn span {:?} outside {} bytes",
            t.span,
            text.len()
        );
        assert!(text.is_char_boundary(t.span.start) && text.is_char_boundary(t.span.end));
    }
    for d in &iv.diagnostics {
        if let Some(s) = &d.span {
            assert!(
                s.start <= s.end && s.end <= text.len(),
                "{}: span {s:?} outside {} bytes",
                d.code,
                text.len()
            );
        }
    }
});
