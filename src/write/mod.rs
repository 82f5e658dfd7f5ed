//! Writers: [`Interview`] → document text. A writer knows nothing of source formats.

pub mod jsonld;
pub mod newsml;

use crate::model::Interview;

/// What a writer needs besides the interview: values that belong to the record rather
/// than to the text.
#[derive(Debug, Clone)]
pub struct WriteContext {
    /// `urn:uuid:…`, the same in every output of one interview.
    pub guid: String,
    /// RFC 3339 with offset; NewsML-G2 `versionCreated`.
    pub version_created: String,
}

/// The record GUID: UUID v5 over the source URL when known, else over the
/// NFC-normalized content, so the same input always gets the same id.
pub fn guid(interview: &Interview, text: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    let key: String = match interview.meta.source_url.as_ref() {
        Some(url) => url.value.clone(),
        None => text.nfc().collect(),
    };
    let id = uuid::Uuid::new_v5(&uuid::Uuid::NAMESPACE_URL, key.as_bytes());
    format!("urn:uuid:{id}")
}
