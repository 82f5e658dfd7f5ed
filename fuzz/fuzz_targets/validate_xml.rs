//! validate on any XML-ish bytes (NewsML-G2, Dublin Core, OHMS, or none): a report,
//! never a panic or a stack overflow; no entity is expanded from outside the file.
#![no_main]
use colloquy::check::Checker;
use libfuzzer_sys::fuzz_target;

thread_local! {
    // libxml2's validation contexts are per thread; libFuzzer runs the target on one.
    static CHECKER: Checker = Checker::new(None).expect("bundled schemas load");
}

fn checker<R>(f: impl FnOnce(&Checker) -> R) -> R {
    CHECKER.with(f)
}

fuzz_target!(|data: &[u8]| {
    let report = checker(|c| c.check("in.xml", data));
    assert!(report.findings.iter().all(|f| !f.rule.is_empty()));
});
