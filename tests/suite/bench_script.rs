//! The batch benchmark script (scripts/bench-batch.sh) stays runnable: its syntax, and
//! one run over a tiny corpus with the debug binary, every section printed. Timings are
//! printed by the script, never asserted here.

use std::path::Path;
use std::process::Command;

const SCRIPT: &str = "scripts/bench-batch.sh";

#[test]
fn the_script_parses() {
    let status = Command::new("bash").args(["-n", SCRIPT]).status().unwrap();
    assert!(status.success());
}

#[test]
fn the_script_runs_every_section_on_a_tiny_corpus() {
    let missing: Vec<&str> = [
        ("xmllint", "/usr/bin/xmllint"),
        ("/usr/bin/time", "/usr/bin/time"),
        ("python3", "/usr/bin/python3"),
    ]
    .iter()
    .filter(|(_, path)| !Path::new(path).exists())
    .map(|(name, _)| *name)
    .collect();
    if !missing.is_empty() {
        assert!(
            std::env::var_os("CI").is_none(),
            "the benchmark needs {missing:?} (.ci/run installs them)"
        );
        println!("skipped: the_script_runs_every_section_on_a_tiny_corpus: needs {missing:?}");
        return;
    }
    let out = Command::new("bash")
        .args([SCRIPT, "9"])
        .env("COLLOQUY", assert_cmd::cargo::cargo_bin("colloquy"))
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stdout}\n{stderr}");
    for section in [
        "corpus: 9 interviews, copied round-robin from",
        "convert ",
        "rerun_unchanged ",
        "9 input(s) unchanged since the last run",
        "xmllint_newsml ",
        "durable_copy_floor ",
        "union of their outputs vs one run: identical, byte for byte",
        "one file (",
        "unchanged re-run CPU / xmllint CPU:",
    ] {
        assert!(
            stdout.contains(section) || stderr.contains(section),
            "missing {section:?}:\n{stdout}\n{stderr}"
        );
    }
    // Every NewsML-G2 file colloquy wrote is valid to xmllint too.
    assert!(
        stdout.contains("xmllint: 9 of 9 files validate"),
        "{stdout}"
    );
}
