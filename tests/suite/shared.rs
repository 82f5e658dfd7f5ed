//! Files only `../shared` holds — the seed interview, the real corpus, the schema.org
//! vocabulary, the official NewsML-G2 examples — are not in the repository (they are
//! reference material beside it, not ours to redistribute). Every test that reads one
//! asks for it here: on a bare clone the test is skipped with one line naming what is
//! missing; when `CI` is set it fails instead, so CI never skips silently.

use std::io::Write as _;
use std::path::{Path, PathBuf};

/// `../shared/<rel>` beside the crate, or `None` (after one printed line) when it is
/// absent and `CI` is not set. Panics when it is absent and `CI` is set.
pub fn shared(rel: &str) -> Option<PathBuf> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared")
        .join(rel);
    if path.exists() {
        return Some(path);
    }
    assert!(
        std::env::var_os("CI").is_none(),
        "CI is set but ../shared/{rel} is missing ({}): CI must run every test; put the shared reference material beside the repository",
        path.display()
    );
    // Straight to stderr: libtest captures print!/eprint!, and a skip must be seen. The
    // test thread is named after the test.
    let test = std::thread::current()
        .name()
        .map_or(String::new(), |n| format!("{n}: "));
    let _ = writeln!(
        std::io::stderr(),
        "skipped: {test}needs ../shared/{rel} (reference material beside the repository, absent here)"
    );
    None
}

/// [`shared`] for a test that needs the file: returns from the test when it is absent.
#[macro_export]
macro_rules! shared_or_skip {
    ($rel:expr) => {
        match $crate::shared::shared($rel) {
            Some(path) => path,
            None => return,
        }
    };
}
