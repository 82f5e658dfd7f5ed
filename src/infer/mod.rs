//! Inference: values the text implies but does not state (language, dates). People —
//! names and roles — are read in one place, `read/structure/people/`. Every inferred value is marked `Provenance::Inferred` with how.

pub mod dates;
pub mod language;

use crate::model::Interview;

/// Fills in what can be inferred and is not yet known.
pub fn infer(interview: &mut Interview, text: &str) {
    language::infer(interview, text);
}
