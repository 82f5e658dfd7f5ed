//! Inference: values the text implies but does not state (language, roles, names,
//! dates). Every inferred value is marked `Provenance::Inferred` with how.

pub mod dates;
pub mod language;
pub mod people;

use crate::model::Interview;

/// Fills in what can be inferred and is not yet known.
pub fn infer(interview: &mut Interview, text: &str) {
    language::infer(interview, text);
}
