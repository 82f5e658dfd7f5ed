//! schema.org JSON-LD: one `NewsArticle` per interview.
//!
//! The types here serialize the document *and* generate its JSON Schema
//! (`schemas/colloquy-interview.schema.json`), so the two cannot drift.

use super::WriteContext;
use crate::model::Interview;

/// Renders the JSON-LD document (2-space indent, fixed key order, trailing newline).
pub fn render(_interview: &Interview, _ctx: &WriteContext) -> String {
    String::new()
}
