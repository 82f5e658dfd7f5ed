//! Checks: judge the bytes that will be written (or any foreign file) against the
//! bundled schemas. `check/` never trusts the writer: it parses the text.

pub mod json_schema;
pub mod xsd;

use crate::model::Severity;
use serde::Serialize;
use thiserror::Error;

/// Where in a checked document a finding points.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Location {
    /// 1-based line.
    pub line: Option<usize>,
    /// 1-based column.
    pub column: Option<usize>,
    /// JSON pointer (JSON documents) or element path (XML).
    pub pointer: Option<String>,
}

/// One problem found in a document.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Finding {
    pub severity: Severity,
    /// A stable rule id, e.g. `json-schema/required`, `xsd/element`,
    /// `schemaorg/unknown-property`. Documented in the README.
    pub rule: String,
    pub message: String,
    pub location: Location,
    /// What to do about it.
    pub hint: Option<String>,
}

/// A check could not run at all (not: the document is invalid).
#[derive(Debug, Error)]
pub enum CheckError {
    #[error("cannot load schema {name}: {reason}")]
    Schema { name: String, reason: String },
}

/// The checks for one worker thread (the libxml2 validator is per thread).
pub struct Checker {
    json: json_schema::JsonSchemaCheck,
    xsd: xsd::XsdCheck,
}

impl Checker {
    pub fn new(_official_xsd: Option<&std::path::Path>) -> Result<Checker, CheckError> {
        Ok(Checker {
            json: json_schema::JsonSchemaCheck::bundled(),
            xsd: xsd::XsdCheck::profile()?,
        })
    }
    pub fn check_jsonld(&self, text: &str) -> Vec<Finding> {
        self.json.check(text)
    }
    pub fn check_newsml(&self, text: &str) -> Vec<Finding> {
        self.xsd.check(text)
    }
}
