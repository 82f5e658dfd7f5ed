//! validate on any JSON-ish bytes (also wrapped in an HTML script block): a report,
//! never a panic or a stack overflow, whatever the nesting.
#![no_main]
use colloquy::check::Checker;
use libfuzzer_sys::fuzz_target;

thread_local! {
    // libxml2's validation contexts are per thread; libFuzzer runs the target on one.
    static CHECKER: Checker = Checker::new(None).expect("bundled schemas load").with_interview_profile();
}

fn checker<R>(f: impl FnOnce(&Checker) -> R) -> R {
    CHECKER.with(f)
}

fuzz_target!(|data: &[u8]| {
    let report = checker(|c| c.check("in.jsonld", data));
    // Every finding has a rule id reports can name.
    assert!(report.findings.iter().all(|f| !f.rule.is_empty()));
    if let Ok(text) = std::str::from_utf8(data) {
        let page = format!(
            "<!DOCTYPE html><html><head><title>t</title><script type=\"application/ld+json\">{text}</script></head><body></body></html>"
        );
        let _ = checker(|c| c.check("in.html", page.as_bytes()));
    }
});
