//! Writers: [`Interview`] → document text. A writer knows nothing of source formats;
//! every writer reads only the model and the [`WriteContext`], so they agree on the GUID.
//! JSON-LD and NewsML-G2 are the two machine outputs; the HTML page ([`html`]) embeds
//! the JSON-LD for people and crawlers; the Dublin Core record ([`dublin_core`]) is
//! what archives harvest.

pub mod dublin_core;
pub mod html;
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
    /// NewsML-G2 `provider`: a URI (`https://…`) or a name. When `None` the publisher
    /// is the provider, else colloquy itself (the XSD requires a provider).
    pub provider: Option<String>,
}

impl WriteContext {
    /// A context without a provider.
    pub fn new(guid: impl Into<String>, version_created: impl Into<String>) -> Self {
        WriteContext {
            guid: guid.into(),
            version_created: version_created.into(),
            provider: None,
        }
    }
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

/// Removes characters XML 1.0 does not allow (C0 controls other than tab, LF, CR;
/// U+FFFE/U+FFFF; a Rust `str` cannot hold lone surrogates). quick-xml would pass
/// them through and libxml2 would then reject the document; every writer applies it
/// so the outputs carry the same text (HTML treats the same characters as errors).
pub fn clean_xml_text(text: &str) -> std::borrow::Cow<'_, str> {
    fn allowed(c: char) -> bool {
        matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..='\u{10FFFF}')
    }
    if text.chars().all(allowed) {
        std::borrow::Cow::Borrowed(text)
    } else {
        std::borrow::Cow::Owned(text.chars().filter(|&c| allowed(c)).collect())
    }
}
