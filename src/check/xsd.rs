//! XSD validation in-process with libxml2. One validator per thread: libxml's wrapper
//! types are neither `Send` nor `Sync`, so an [`XsdCheck`] stays on the thread that
//! made it (each batch worker makes its own on its first conversion).
//!
//! Documents are parsed strictly — `recover` off, errors reported, no network, no
//! entity substitution (libxml2 only expands entities with `XML_PARSE_NOENT`, which is
//! never set; a DOCTYPE is refused outright), so a malformed document is a finding with its line, never silently
//! repaired. colloquy's own profile (`schemas/newsml-g2/`) is compiled into the binary
//! and served to libxml2 through an input callback under `colloquy-embed:///`, so its
//! relative imports resolve without touching the disk. The official NewsML-G2 2.35
//! schema (`schemas/newsml-g2/iptc/`, IPTC's file) and the Dublin Core schema
//! (`schemas/dublin-core/`) are served the same way. What libxml2 is served is each
//! file without its documentation (see `xsd_compact.rs`); a schema given by path
//! (`--xsd`) is read as it is.

use super::{CheckError, Finding, Location};
use crate::model::Severity;
use libxml::parser::{Parser, ParserOptions, XmlParseFailure};
use libxml::schemas::{SchemaParserContext, SchemaValidationContext};
use libxml::tree::Document;
use std::cell::RefCell;
use std::path::Path;
use std::sync::Once;

const EMBED_PREFIX: &str = "colloquy-embed:///";

/// Path under `schemas/` of colloquy's NewsML-G2 interview profile.
pub const PROFILE_FILE: &str = "newsml-g2/colloquy-interview-profile.xsd";
/// Path under `schemas/` of the official NewsML-G2 2.35 schema (IPTC's file).
pub const OFFICIAL_FILE: &str = "newsml-g2/iptc/NewsML-G2_2.35-spec-All-Power.xsd";
/// Path under `schemas/` of the OHMS 6.0 schema (Apache-2.0, unmodified).
pub const OHMS_FILE: &str = "ohms/ohms-6.0.xsd";
/// Path under `schemas/` of the oai_dc record schema.
pub const DUBLIN_CORE_FILE: &str = "dublin-core/oai-dc.xsd";

/// What reports call the bundled official schema.
pub const OFFICIAL_NAME: &str = "NewsML-G2 2.35 XSD (IPTC, bundled)";
/// What reports call the interview profile.
pub const PROFILE_NAME: &str = "colloquy NewsML-G2 interview profile XSD";

/// Registers the bundled schemas with libxml2 and forbids network loads of schema
/// imports. Idempotent; call it early (before worker threads start parsing), as
/// libxml2's callback table is not locked. [`XsdCheck::profile`] calls it too.
pub fn init() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        // libxml2 2.9 creates its catalog mutex lazily, on the first entity load; two
        // threads doing that at once can leave the mutex held for ever, and the process
        // then hangs in xmlCatalogCleanup at exit. Initialize both here, once, first.
        unsafe {
            libxml::bindings::xmlInitParser();
            libxml::bindings::xmlInitializeCatalog();
        }
        libxml::io::register_input_callback(
            |url| url.starts_with(EMBED_PREFIX),
            |url| {
                let name = url.strip_prefix(EMBED_PREFIX)?;
                served(name).map(|text| text.as_bytes().to_vec())
            },
        );
        // Schema imports by http(s)/ftp URL are refused rather than fetched.
        unsafe {
            libxml::bindings::xmlSetExternalEntityLoader(Some(
                libxml::bindings::xmlNoNetExternalEntityLoader,
            ));
        }
    });
}

/// The text libxml2 is given for the bundled file `name` (a path under `schemas/`): an
/// XSD as build.rs compacted it (`src/check/xsd_compact.rs`), any other file as it is.
fn served(name: &str) -> Option<&'static str> {
    const COMPACT: &[(&str, &str)] = include!(concat!(env!("OUT_DIR"), "/xsd_compact.rs"));
    match COMPACT.iter().find(|(file, _)| *file == name) {
        Some((_, text)) => Some(text),
        None => crate::schemas::BUNDLED
            .iter()
            .find(|b| b.file == name)
            .map(|b| b.text),
    }
}

/// A compiled XML Schema.
pub struct XsdCheck {
    name: String,
    validator: RefCell<SchemaValidationContext>,
}

impl XsdCheck {
    /// colloquy's own NewsML-G2 interview profile, bundled into the binary.
    pub fn profile() -> Result<Self, CheckError> {
        init();
        Self::compile(PROFILE_NAME, &format!("{EMBED_PREFIX}{PROFILE_FILE}"))
    }

    /// The official NewsML-G2 2.35 schema, bundled into the binary (its `xml.xsd`
    /// import resolves to the bundled copy beside it).
    pub fn official() -> Result<Self, CheckError> {
        init();
        Self::compile(OFFICIAL_NAME, &format!("{EMBED_PREFIX}{OFFICIAL_FILE}"))
    }

    /// colloquy's schema of OAI-PMH `oai_dc:dc` Dublin Core records, bundled.
    pub fn dublin_core() -> Result<Self, CheckError> {
        init();
        Self::compile(
            "colloquy Dublin Core (oai_dc) schema",
            &format!("{EMBED_PREFIX}{DUBLIN_CORE_FILE}"),
        )
    }

    /// The OHMS 6.0 XSD (Apache-2.0, bundled unmodified; 5.3 and 5.4 files pass it too).
    pub fn ohms() -> Result<Self, CheckError> {
        init();
        Self::compile("OHMS 6.0 XSD", &format!("{EMBED_PREFIX}{OHMS_FILE}"))
    }

    /// Any XSD on disk (e.g. the official NewsML-G2 2.35 schema via `--xsd`); its
    /// relative imports are resolved next to it.
    pub fn from_path(xsd: &Path) -> Result<Self, CheckError> {
        init();
        let name = xsd.display().to_string();
        if !xsd.is_file() {
            return Err(CheckError::Schema {
                name,
                reason: "no such file".into(),
            });
        }
        let path = xsd.to_str().ok_or_else(|| CheckError::Schema {
            name: name.clone(),
            reason: "the path is not valid UTF-8".into(),
        })?;
        Self::compile(&name, path)
    }

    fn compile(name: &str, url: &str) -> Result<Self, CheckError> {
        let mut parser = SchemaParserContext::from_file(url);
        let validator = SchemaValidationContext::from_parser(&mut parser).map_err(|errors| {
            CheckError::Schema {
                name: name.to_string(),
                reason: errors
                    .iter()
                    .filter_map(|e| e.message.as_deref().map(str::trim))
                    .collect::<Vec<_>>()
                    .join("; "),
            }
        })?;
        Ok(XsdCheck {
            name: name.to_string(),
            validator: RefCell::new(validator),
        })
    }

    /// The schema's name (for messages).
    pub fn name(&self) -> &str {
        &self.name
    }

    /// Parses (rejecting malformed XML, no network, no entity expansion) and validates.
    pub fn check(&self, xml: &str) -> Vec<Finding> {
        check_against(xml, &[self])
    }

    fn validate(&self, doc: &Document) -> Vec<Finding> {
        match self.validator.borrow_mut().validate_document(doc) {
            Ok(()) => Vec::new(),
            Err(errors) => errors
                .iter()
                .map(|e| {
                    let message = e.message.as_deref().unwrap_or("");
                    let (rule, hint) = classify(message);
                    finding(rule, e, hint)
                })
                .collect(),
        }
    }
}

/// Parses `xml` once (rejecting malformed XML, no network, no entity expansion) and
/// validates the tree against each schema in turn, their findings in that order: the
/// parse is most of the cost, and validating leaves the tree as it was (no
/// `XML_SCHEMA_VAL_VC_I_CREATE`: no default attributes or text are added to it).
/// A document that cannot be parsed gets its parse findings once, whatever the number
/// of schemas.
pub fn check_against(xml: &str, schemas: &[&XsdCheck]) -> Vec<Finding> {
    if let Some(finding) = doctype(xml) {
        return vec![finding];
    }
    let options = ParserOptions {
        recover: false,
        no_net: true,
        no_error: false,
        no_warning: false,
        // Short text nodes (the indentation between elements) live inside their node
        // instead of a separate allocation; validation only reads the tree.
        compact: true,
        ..Default::default()
    };
    let doc = match Parser::default().parse_string_with_diagnostics(xml, options) {
        Ok((doc, _warnings)) => doc,
        Err(XmlParseFailure::ParseFailed(errors)) => {
            let mut findings: Vec<Finding> = errors
                .iter()
                .map(|e| finding("xml/malformed", e, "fix the XML syntax at this place"))
                .collect();
            if findings.is_empty() {
                findings.push(plain(
                    "xml/malformed",
                    "the document is not well-formed XML",
                ));
            }
            findings.truncate(10);
            return findings;
        }
        Err(other) => return vec![plain("xml/malformed", &other.to_string())],
    };
    schemas
        .iter()
        .flat_map(|schema| schema.validate(&doc))
        .collect()
}

/// NewsML-G2 needs no DTD; refusing any DOCTYPE rules out entity tricks (expansion
/// bombs, external entities) before libxml2 sees the text.
pub(crate) fn doctype(xml: &str) -> Option<Finding> {
    use quick_xml::events::Event;
    let mut reader = quick_xml::Reader::from_str(xml);
    loop {
        let before = reader.buffer_position() as usize;
        match reader.read_event() {
            Ok(Event::DocType(_)) => {
                let at = xml[before..]
                    .find("<!DOCTYPE")
                    .map_or(before, |i| before + i);
                let (line, column) = crate::model::line_col(xml, at);
                return Some(Finding {
                    severity: Severity::Error,
                    rule: "xml/doctype".into(),
                    message: "a DOCTYPE declaration is not allowed: colloquy checks NewsML-G2 and Dublin Core without DTDs or entities".into(),
                    location: Location {
                        line: Some(line),
                        column: Some(column),
                        pointer: None,
                    },
                    hint: Some("remove the DOCTYPE declaration and any entity references".into()),
                });
            }
            // Past the prolog, or unreadable: libxml2 will judge the rest.
            Ok(Event::Start(_) | Event::Empty(_) | Event::Eof) | Err(_) => return None,
            Ok(_) => {}
        }
    }
}

/// A rule id and a hint from libxml2's message (its error codes are too fine-grained
/// to be stable rule ids).
fn classify(message: &str) -> (&'static str, &'static str) {
    if message.contains("Duplicate key")
        || message.contains("xs:ID")
        || message.contains("xs:IDREF")
    {
        (
            "xsd/identity",
            "make each identifier unique in the document",
        )
    } else if message.contains("This element is not expected")
        || message.contains("Missing child element")
        || message.contains("No matching global declaration")
        || message.contains("element is not allowed")
        || message.contains("Element content is not allowed")
    {
        (
            "xsd/element",
            "put the elements the schema expects here, in the order it lists them",
        )
    } else if message.contains("is not a valid value")
        || message.contains("is not accepted by the pattern")
        || message.contains("is not an element of the set")
        || message.contains("fixed value")
    {
        (
            "xsd/value",
            "write the value in the form the schema requires",
        )
    } else if message.contains("attribute") {
        (
            "xsd/attribute",
            "add, remove or correct the attribute the message names",
        )
    } else {
        ("xsd/invalid", "see the schema for what is allowed here")
    }
}

fn tidy(message: &str) -> String {
    message
        .trim()
        .replace("{http://iptc.org/std/nar/2006-10-01/}", "")
        .replace("{http://www.w3.org/1999/xhtml}", "xhtml:")
        .replace("{http://purl.org/dc/elements/1.1/}", "dc:")
        .replace("{http://www.openarchives.org/OAI/2.0/oai_dc/}", "oai_dc:")
}

fn finding(rule: &str, e: &libxml::error::StructuredError, hint: &str) -> Finding {
    Finding {
        severity: Severity::Error,
        rule: rule.to_string(),
        message: tidy(e.message.as_deref().unwrap_or("invalid")),
        location: Location {
            line: e
                .line
                .and_then(|l| usize::try_from(l).ok())
                .filter(|&l| l > 0),
            column: e
                .col
                .and_then(|c| usize::try_from(c).ok())
                .filter(|&c| c > 0),
            pointer: None,
        },
        hint: Some(hint.to_string()),
    }
}

fn plain(rule: &str, message: &str) -> Finding {
    Finding {
        severity: Severity::Error,
        rule: rule.to_string(),
        message: message.to_string(),
        location: Location::default(),
        hint: None,
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_bundled_xsd_is_served_compacted() {
        for b in crate::schemas::BUNDLED.iter() {
            let served = super::served(b.file).unwrap();
            if b.file.ends_with(".xsd") {
                let compact = super::super::xsd_compact::compact(b.text).unwrap();
                assert_eq!(served, compact, "{}", b.file);
            } else {
                assert_eq!(served, b.text, "{}", b.file);
            }
        }
    }
}
