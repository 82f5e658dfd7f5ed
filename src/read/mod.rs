//! Readers: bytes of one source → [`Interview`].
//!
//! This module owns decoding (UTF-8, with clear errors), format detection and the
//! dispatch to one reader per format. Readers know nothing of outputs; the turn
//! segmentation they share lives in [`structure`].

pub mod lexicon;
pub mod structure;
pub mod text;

use crate::model::Interview;
use thiserror::Error;

/// Why a source could not be read. Every variant names the input.
#[derive(Debug, Error)]
pub enum ReadError {
    #[error("{name}: the file is empty; give colloquy an interview text")]
    Empty { name: String },
    #[error("{name}: not valid UTF-8 at byte {offset}; re-save the file as UTF-8")]
    NotUtf8 { name: String, offset: usize },
    #[error("{name}: no questions found; colloquy needs at least one question and answer (see `colloquy inspect {name}` for how the text was read)")]
    NoQuestions { name: String },
}

/// Decodes the bytes of a source as UTF-8 (a leading BOM is dropped).
pub fn decode(name: &str, bytes: &[u8]) -> Result<String, ReadError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = std::str::from_utf8(bytes).map_err(|e| ReadError::NotUtf8 {
        name: name.to_string(),
        offset: e.valid_up_to(),
    })?;
    if text.trim().is_empty() {
        return Err(ReadError::Empty {
            name: name.to_string(),
        });
    }
    Ok(text.to_string())
}

/// Reads one decoded source into the interview model.
pub fn read(name: &str, text: &str) -> Result<Interview, ReadError> {
    let mut interview = text::read(text);
    interview.meta.source_name = name.to_string();
    crate::infer::infer(&mut interview, text);
    if interview.exchanges().is_empty() {
        return Err(ReadError::NoQuestions {
            name: name.to_string(),
        });
    }
    Ok(interview)
}
