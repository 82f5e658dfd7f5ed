//! colloquy turns interviews — scraped news text, labelled transcripts, Markdown, HTML
//! pages, subtitles — into one interview model, and writes that model as schema.org
//! JSON-LD and IPTC NewsML-G2 2.35, each document checked against bundled schemas
//! before it is written.
//!
//! The pipeline is visible in the modules:
//!
//! ```text
//! read/ ─▶ model::Interview ─▶ infer/ + meta/ ─▶ write/ ─▶ check/ ─▶ batch (atomic files)
//! ```
//!
//! [`pipeline::read`] and [`pipeline::write_checked`] run it for one input; [`batch`] runs it for many.

/// This build of colloquy: its version and a hash of the sources it was built from
/// (`0.1.0+3f2a…`). A re-run trusts a record of earlier outputs only when the same
/// build wrote it: between releases the version stays while the code changes.
pub const BUILD: &str = concat!(env!("CARGO_PKG_VERSION"), "+", env!("COLLOQUY_SOURCE_HASH"));

pub mod batch;
pub mod check;
pub mod decode;
pub mod infer;
pub mod inspect;
pub mod lexicon;
pub(crate) mod matchers;
pub mod message;
pub mod meta;
pub mod model;
pub mod pipeline;
pub mod read;
pub mod schemas;
pub mod state;
#[cfg(test)]
pub(crate) mod test_corpus;
pub mod write;
