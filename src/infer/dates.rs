//! Dates: RFC 3339 timestamps, plain dates, and dates written with month names.

use crate::model::PubDate;
use thiserror::Error;

#[derive(Debug, Error, PartialEq)]
pub enum DateError {
    #[error("'{0}' is not a date colloquy can read; write it as 2024-03-15 or 2024-03-15T09:30:00+07:00")]
    Unreadable(String),
    #[error("'{0}' is ambiguous (day/month order); write it as YYYY-MM-DD")]
    Ambiguous(String),
}

/// Parses a date given as metadata (sidecar, manifest, flag).
pub fn parse(text: &str) -> Result<PubDate, DateError> {
    let t = text.trim();
    if t.parse::<jiff::Timestamp>().is_ok() {
        return Ok(PubDate::DateTime(t.to_string()));
    }
    if t.parse::<jiff::civil::Date>().is_ok() {
        return Ok(PubDate::Date(t.to_string()));
    }
    Err(DateError::Unreadable(t.to_string()))
}
