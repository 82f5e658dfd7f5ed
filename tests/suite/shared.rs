//! Files only `../shared` has (the seed, the real corpus, the standards' examples). A bare
//! clone has no `../shared`: tests that need it skip with one line; under `CI` they fail.

use std::path::PathBuf;

/// `<crate>/../shared/<rel>` when it exists; otherwise skip (print one line, `None`), or
/// panic when the `CI` environment variable is set, so CI never skips silently.
pub fn shared(rel: &str) -> Option<PathBuf> {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../shared")
        .join(rel);
    if p.exists() {
        return Some(p);
    }
    if std::env::var_os("CI").is_some() {
        panic!("CI is set but {} is missing", p.display());
    }
    println!("skipped: needs ../shared/{rel} (absent in a bare clone)");
    None
}
