//! The whole convert pipeline on any bytes: the property of issue #10 — any input gives
//! an error, or outputs that are valid against the bundled schemas, the official
//! NewsML-G2 2.35 XSD included. convert checks its own documents before writing, so an
//! `Invalid` error is a converter bug (it wrote what it must not) and fails here; the
//! documents it accepts are checked again the way `validate --profile interview` sees
//! them, by content.
#![no_main]
use colloquy::check::Checker;
use colloquy::pipeline::{
    self, ConvertError, ConvertOptions, MetaSources, OutputFormat, VersionCreated,
};
use libfuzzer_sys::fuzz_target;

const NAMES: [&str; 6] = ["a.txt", "a.md", "a.html", "a.vtt", "a.srt", "a.xml"];

thread_local! {
    // libxml2's validation contexts are per thread; libFuzzer runs the target on one.
    static CHECKER: Checker = Checker::new(None).expect("bundled schemas load").with_interview_profile();
}

fn checker<R>(f: impl FnOnce(&Checker) -> R) -> R {
    CHECKER.with(f)
}

fuzz_target!(|data: &[u8]| {
    let Some((&pick, bytes)) = data.split_first() else {
        return;
    };
    let name = NAMES[usize::from(pick) % NAMES.len()];
    let Ok((text, iv)) = pipeline::read_with_meta(name, None, bytes, &MetaSources::default())
    else {
        return;
    };
    let options = ConvertOptions {
        formats: vec![
            OutputFormat::JsonLd,
            OutputFormat::NewsMl,
            OutputFormat::Html,
            OutputFormat::DublinCore,
            OutputFormat::Ohms,
        ],
        version_created: VersionCreated::Fixed("2026-01-02T03:04:05Z".into()),
        input_modified: None,
    };
    match checker(|c| pipeline::write_checked(name, &text, iv, &options, c)) {
        Ok(done) => {
            for doc in &done.documents {
                if doc.format == OutputFormat::Ohms {
                    continue; // validate checks OHMS against the same bundled XSD convert did
                }
                let report = checker(|c| c.check("out", doc.text.as_bytes()));
                let errors: Vec<_> = report.errors().collect();
                assert!(
                    errors.is_empty(),
                    "{:?} output fails validate: {errors:?}\n{}",
                    doc.format,
                    doc.text
                );
            }
        }
        Err(ConvertError::Invalid {
            format, summary, ..
        }) => {
            panic!("convert built an invalid {format} document from a readable input: {summary}")
        }
        Err(_) => {}
    }
});
