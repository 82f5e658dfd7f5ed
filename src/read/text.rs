//! Plain text as scraped from news sites, and labelled transcripts.
//!
//! Splits the text into lines with byte spans and hands them to the structure
//! recognizer.

use crate::model::Interview;

/// Reads plain text.
pub fn read(text: &str) -> Interview {
    super::structure::recognize(text)
}
