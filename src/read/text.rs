//! Plain text as scraped from news sites, and labelled transcripts.
//!
//! Plain text needs no parsing of its own: the lines go straight to the structure
//! recognizer, which every other reader also ends in.

use crate::model::Interview;

/// Reads plain text.
pub fn read(text: &str) -> Interview {
    super::structure::recognize(text)
}
