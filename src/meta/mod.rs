//! Metadata the text does not carry — sidecar files, CSV manifests, command-line flags
//! and the archive profile (`colloquy.toml`, [`config`]) — merged into the model with
//! precedence flag > sidecar > manifest > config > text > inference, each value marked
//! with where it came from.
//!
//! Layout: [`values`] checks dates, language tags and URLs; [`sidecar`] and [`manifest`]
//! parse the two file formats (their serde types also generate the published JSON
//! Schemas, see [`schema`]); [`flags`] is the plain struct the CLI fills; [`input`] turns
//! each layer into one common shape with provenance; [`merge`] applies them to an
//! [`Interview`](crate::model::Interview) and reports conflicts.

pub mod clean;
pub mod config;
pub mod flags;
pub mod input;
pub mod manifest;
pub mod merge;
pub mod schema;
pub mod sidecar;
pub mod values;

pub use config::{find_config, load_config, Config};
pub use flags::FlagMeta;
pub use manifest::{Manifest, ManifestRecord, ManifestRow};
pub use merge::{apply, Layers};
pub use sidecar::{find_sidecar, load_sidecar, parse_sidecar, sidecar_for, Sidecar, SidecarFormat};

use thiserror::Error;

/// The most a sidecar or `colloquy.toml` may hold: a record's metadata is a few KiB, so
/// 1 MiB is far above any real one, and a mistaken or endless file fails at once.
pub const SIDECAR_LIMIT: u64 = 1 << 20;
/// The most a manifest may hold: 256 MiB is about a million rows of full metadata.
pub const MANIFEST_LIMIT: u64 = 256 << 20;

/// Reads a metadata file: a regular file only (a FIFO or device named as a sidecar,
/// manifest or profile would block or never end) of at most `limit` bytes; errors name
/// the file and say what to do.
pub fn read_limited(path: &std::path::Path, limit: u64) -> Result<Vec<u8>, MetaError> {
    use std::io::Read;
    let shown = || path.display().to_string();
    let io = |e: std::io::Error| MetaError::Io {
        path: shown(),
        reason: e.to_string(),
    };
    let meta = std::fs::metadata(path).map_err(io)?;
    if !meta.is_file() {
        return Err(MetaError::Io {
            path: shown(),
            reason: "not a regular file (a directory, FIFO or device); metadata is read from regular files only".into(),
        });
    }
    let too_big = || {
        MetaError::Io {
        path: shown(),
        reason: format!("larger than {limit} bytes, the limit for this kind of metadata file; split it or check that it is the file you meant"),
    }
    };
    if meta.len() > limit {
        return Err(too_big());
    }
    let mut bytes = Vec::new();
    std::fs::File::open(path)
        .map_err(io)?
        .take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(io)?;
    if bytes.len() as u64 > limit {
        return Err(too_big());
    }
    Ok(bytes)
}

/// Why metadata could not be used. Every variant names the file (or flag) and the place.
#[derive(Debug, Clone, PartialEq, Error)]
pub enum MetaError {
    #[error("{path}: cannot read: {reason}")]
    Io { path: String, reason: String },
    #[error("{path}: not a sidecar format colloquy reads; name it NAME.meta.toml, NAME.meta.yaml or NAME.meta.json")]
    SidecarFormat { path: String },
    #[error("{path}:{line}:{column}: {reason}")]
    Sidecar {
        path: String,
        line: usize,
        column: usize,
        reason: String,
    },
    #[error("{input} has more than one sidecar ({}); keep only one", .found.join(", "))]
    TwoSidecars { input: String, found: Vec<String> },
    #[error("{path}:{line}:{column}: {reason}")]
    Csv {
        path: String,
        line: usize,
        column: usize,
        reason: String,
    },
    #[error("{path}: row {row} (line {line}), column '{column}': {reason}")]
    Row {
        path: String,
        row: usize,
        line: usize,
        column: String,
        reason: String,
    },
    #[error("{path}:1: unknown column '{column}' (header field {position}){}; the known columns are: {known}", did_you_mean(.suggestion))]
    UnknownColumn {
        path: String,
        column: String,
        position: usize,
        suggestion: Option<String>,
        known: String,
    },
    #[error("{path}:1: no 'file' column; the header needs a column named 'file' giving each row's input, relative to the manifest (header has: {found})")]
    NoFileColumn { path: String, found: String },
    #[error("flag {flag}: {reason}")]
    Flag { flag: String, reason: String },
}

fn did_you_mean(s: &Option<String>) -> String {
    match s {
        Some(s) => format!(" (did you mean '{s}'?)"),
        None => String::new(),
    }
}

/// Rewrites serde's "unknown field `x`, expected one of `a`, `b`" into a message that
/// suggests the closest key and lists the known ones; other messages pass unchanged.
pub(crate) fn explain_serde_message(message: &str) -> String {
    let Some(rest) = message.strip_prefix("unknown field `") else {
        return message.to_string();
    };
    let Some((unknown, tail)) = rest.split_once('`') else {
        return message.to_string();
    };
    // serde_derive quotes the names in backticks, serde-saphyr does not.
    let list = tail
        .strip_prefix(", expected one of ")
        .or_else(|| tail.strip_prefix(", expected "));
    let known: Vec<&str> = list
        .map(|l| {
            l.split(", ")
                .flat_map(|p| p.split(" or "))
                .map(|k| k.trim().trim_matches('`'))
                .filter(|k| !k.is_empty())
                .collect()
        })
        .unwrap_or_default();
    if known.is_empty() {
        return format!("unknown key '{unknown}'; no keys are allowed here");
    }
    let suggestion = values::closest(unknown, known.iter().copied());
    format!(
        "unknown key '{unknown}'{}; the known keys here are: {}",
        did_you_mean(&suggestion.map(str::to_string)),
        known.join(", ")
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_field_messages_suggest_and_list() {
        let m = explain_serde_message(
            "unknown field `headlin`, expected one of `headline`, `description`",
        );
        assert_eq!(
            m,
            "unknown key 'headlin' (did you mean 'headline'?); the known keys here are: headline, description"
        );
        let m = explain_serde_message("unknown field `zz`, expected `name`");
        assert_eq!(m, "unknown key 'zz'; the known keys here are: name");
        assert_eq!(explain_serde_message("invalid type"), "invalid type");
        let m = explain_serde_message("unknown field `nam`, expected one of name, url, logo");
        assert!(
            m.starts_with("unknown key 'nam' (did you mean 'name'?)"),
            "{m}"
        );
        let m = explain_serde_message("unknown field `b`, expected `a` or `c`");
        assert!(m.ends_with("are: a, c"), "{m}");
    }
}
