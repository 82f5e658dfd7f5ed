//! Checks: judge the bytes that will be written (or any foreign file) against the
//! bundled schemas. `check/` never trusts the writer: it parses the text.
//!
//! [`Checker`] is the entry point: it detects what a file is by content
//! ([`detect`]) and runs the checks for that kind:
//! - JSON-LD ([`jsonld`]): syntax, relative IRIs, duplicate keys, the bundled JSON
//!   Schema (the interview profile, as for NewsML-G2), the offline schema.org vocabulary check ([`vocabulary`]) and the
//!   Google Article profile ([`google`]);
//! - NewsML-G2: the official NewsML-G2 2.35 XSD (bundled; `--xsd` names another), the
//!   checks it leaves lax ([`newsml_lax`]), and colloquy's interview profile XSD for
//!   convert's own output or on request (`validate --profile interview`);
//! - HTML ([`html`]): every `application/ld+json` block, checked as JSON-LD with
//!   positions mapped back into the HTML file;
//! - Dublin Core ([`dublin_core`]): an OAI-PMH `oai_dc:dc` record against colloquy's
//!   bundled oai_dc XSD, plus warnings for empty elements and non-W3CDTF dates.
//!
//! Every finding carries a stable rule id from [`RULES`].

pub mod dublin_core;
pub mod google;
pub mod html;
pub mod json_schema;
pub mod jsonld;
pub mod jsontree;
pub mod newsml_lax;
pub mod ohms;
pub mod report;
pub mod rules;
pub mod vocabulary;
pub mod xsd;
#[cfg(test)]
mod xsd_compact;

pub use rules::{rule_doc, RuleDoc, RULES};

use crate::model::Severity;
use jsontree::LineIndex;
use serde::{Deserialize, Serialize};
use std::cell::OnceCell;
use std::path::Path;
use thiserror::Error;

/// Where in a checked document a finding points.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Location {
    /// 1-based line.
    pub line: Option<usize>,
    /// 1-based column.
    pub column: Option<usize>,
    /// JSON pointer (JSON documents) or element path (XML).
    pub pointer: Option<String>,
}

/// One problem found in a document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
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

/// What a checked file is, decided by its content.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum DocKind {
    #[serde(rename = "jsonld")]
    JsonLd,
    #[serde(rename = "newsml")]
    NewsMl,
    #[serde(rename = "html")]
    Html,
    #[serde(rename = "dc")]
    DublinCore,
    #[serde(rename = "ohms")]
    Ohms,
}

impl DocKind {
    pub fn as_str(self) -> &'static str {
        match self {
            DocKind::JsonLd => "jsonld",
            DocKind::NewsMl => "newsml",
            DocKind::Html => "html",
            DocKind::DublinCore => "dc",
            DocKind::Ohms => "ohms",
        }
    }
}

impl std::fmt::Display for DocKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            DocKind::JsonLd => "JSON-LD",
            DocKind::NewsMl => "NewsML-G2",
            DocKind::Html => "HTML",
            DocKind::DublinCore => "Dublin Core",
            DocKind::Ohms => "OHMS",
        })
    }
}

/// The NewsML-G2 (IPTC News Architecture) namespace.
pub const NAR_NS: &str = "http://iptc.org/std/nar/2006-10-01/";
/// The XHTML namespace.
pub const XHTML_NS: &str = "http://www.w3.org/1999/xhtml";

/// Root elements of NewsML-G2 documents: the six item kinds and the message wrapper.
pub const NEWSML_ROOTS: &[&str] = &[
    "newsItem",
    "packageItem",
    "conceptItem",
    "knowledgeItem",
    "planningItem",
    "catalogItem",
    "newsMessage",
];

/// Top-level parts of NewsML-G2 items: a document rooted at one of these is a NewsML-G2
/// fragment (the IPTC guide prints several), detected so it fails with `newsml/root`
/// instead of "unknown kind".
const NEWSML_PARTS: &[&str] = &[
    "itemMeta",
    "contentMeta",
    "contentSet",
    "itemSet",
    "groupSet",
    "inlineXML",
    "rightsInfo",
    "partMeta",
    "catalogRef",
];

/// Decides what a file is by its content (never its name):
/// JSON (`{` or `[` first) is JSON-LD; markup whose first element is `html`, `head`,
/// `body` or `script` (or that starts with an HTML doctype) is HTML; XML whose root is
/// in the NewsML-G2 namespace or named like a NewsML-G2 item, message or item part is
/// NewsML-G2; XML whose root is `dc` in the OAI-PMH `oai_dc` namespace is a Dublin Core
/// record.
pub fn detect(bytes: &[u8]) -> Option<DocKind> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let start = bytes.iter().position(|b| !b.is_ascii_whitespace())?;
    let rest = &bytes[start..];
    match rest[0] {
        b'{' | b'[' => return Some(DocKind::JsonLd),
        b'<' => {}
        _ => return None,
    }
    let head = String::from_utf8_lossy(&rest[..rest.len().min(64 * 1024)]);
    let (name, tag) = first_element(&head)?;
    let local = name.rsplit(':').next().unwrap_or(&name);
    if head
        .trim_start()
        .to_ascii_lowercase()
        .starts_with("<!doctype html")
        || ["html", "head", "body", "script"].contains(&local.to_ascii_lowercase().as_str())
    {
        return Some(DocKind::Html);
    }
    if local == "dc" && tag.contains(dublin_core::OAI_DC_NS) {
        return Some(DocKind::DublinCore);
    }
    if local == "ROOT" && crate::read::ohms::looks_like(&head) {
        return Some(DocKind::Ohms);
    }
    if tag.contains(NAR_NS) || NEWSML_ROOTS.contains(&local) || NEWSML_PARTS.contains(&local) {
        return Some(DocKind::NewsMl);
    }
    None
}

/// The first element's name and its whole start tag, skipping the XML declaration,
/// processing instructions, comments and doctype.
fn first_element(text: &str) -> Option<(String, String)> {
    let mut rest = text;
    loop {
        let i = rest.find('<')?;
        rest = &rest[i..];
        if rest.starts_with("<?") {
            rest = &rest[rest.find("?>")? + 2..];
        } else if rest.starts_with("<!--") {
            rest = &rest[rest.find("-->")? + 3..];
        } else if rest.starts_with("<!") {
            rest = &rest[rest.find('>')? + 1..];
        } else {
            let end = rest.find('>').unwrap_or(rest.len());
            let tag = &rest[..end];
            let name: String = tag[1..]
                .chars()
                .take_while(|c| !c.is_whitespace() && *c != '/' && *c != '>')
                .collect();
            return (!name.is_empty()).then(|| (name, tag.to_string()));
        }
    }
}

/// The findings for one checked file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FileReport {
    pub path: String,
    pub kind: Option<DocKind>,
    pub findings: Vec<Finding>,
    /// The schemas and rule sets the file was checked against (empty when no check
    /// could run: unreadable, unknown kind, malformed XML).
    pub checked_against: Vec<String>,
}

impl FileReport {
    pub fn count(&self, severity: Severity) -> usize {
        self.findings
            .iter()
            .filter(|f| f.severity == severity)
            .count()
    }
    pub fn has_errors(&self) -> bool {
        self.count(Severity::Error) > 0
    }
    pub fn has_warnings(&self) -> bool {
        self.count(Severity::Warning) > 0
    }
    pub fn errors(&self) -> impl Iterator<Item = &Finding> {
        self.findings
            .iter()
            .filter(|f| f.severity == Severity::Error)
    }
}

/// Whether a finding list contains an error (convert refuses to write then).
pub fn has_errors(findings: &[Finding]) -> bool {
    findings.iter().any(|f| f.severity == Severity::Error)
}

/// Collects findings for one text, turning byte offsets into line:column.
pub struct Sink<'a> {
    text: &'a str,
    /// Built on the first finding: a clean document (the usual case) never needs it.
    index: std::cell::OnceCell<LineIndex>,
    pub findings: Vec<Finding>,
}

impl<'a> Sink<'a> {
    pub fn new(text: &'a str) -> Self {
        Sink {
            text,
            index: std::cell::OnceCell::new(),
            findings: Vec::new(),
        }
    }

    pub fn position(&self, offset: usize) -> (usize, usize) {
        self.index
            .get_or_init(|| LineIndex::new(self.text))
            .position(self.text, offset)
    }

    pub fn push(
        &mut self,
        severity: Severity,
        rule: &str,
        message: String,
        offset: usize,
        pointer: &str,
        hint: Option<String>,
    ) {
        let (line, column) = self.position(offset);
        self.findings.push(Finding {
            severity,
            rule: rule.to_string(),
            message,
            location: Location {
                line: Some(line),
                column: Some(column),
                pointer: (!pointer.is_empty()).then(|| pointer.to_string()),
            },
            hint,
        });
    }
}

/// A finding that points at no particular place.
pub(crate) fn finding(
    severity: Severity,
    rule: &str,
    message: String,
    hint: Option<String>,
) -> Finding {
    Finding {
        severity,
        rule: rule.to_string(),
        message,
        location: Location::default(),
        hint,
    }
}

/// Orders findings by position, then rule, so output never depends on check order.
pub(crate) fn sort_findings(findings: &mut [Finding]) {
    findings.sort_by(|a, b| {
        let key = |f: &Finding| (f.location.line.unwrap_or(0), f.location.column.unwrap_or(0));
        key(a).cmp(&key(b))
    });
}

/// Runs every check for one thread. The XSD validators are not `Send`: build one
/// `Checker` per thread.
///
/// Every NewsML-G2 document is held to the official NewsML-G2 2.35 XSD (bundled, or the
/// one `--xsd` names). colloquy's interview profile — the JSON Schema of its JSON-LD and
/// the profile XSD of its NewsML-G2 — is an extra layer: the `check_*` methods (what
/// convert runs on its own output) always apply it; [`Checker::check`] (any file, what
/// `validate` runs) applies it only when [`Checker::with_interview_profile`] asked for
/// it. It is never chosen by guessing from a document's guid or genre.
/// How far `validate` goes into one document before it stops with a finding: deep
/// nesting and endless repetition are how a file makes a checker overflow its stack or
/// run for minutes; the input size limit bounds the bytes, these bound the structure.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Deepest nesting of JSON arrays and objects, and of XML elements (at most
    /// [`Limits::DEPTH_CEILING`]).
    pub max_depth: usize,
    /// Most items in one document: JSON-LD blocks in an HTML page, nodes in a JSON-LD
    /// document's top-level array or `@graph`, items in a NewsML-G2 `itemSet`.
    pub max_items: usize,
}

impl Limits {
    /// libxml2 stops at 256 levels itself (without XML_PARSE_HUGE), so a deeper limit
    /// could not be checked; no real document comes near it.
    pub const DEPTH_CEILING: usize = 256;
    /// Far above any real page or batch message (a newsMessage of 100 000 interviews
    /// holds about 300 000 items); a limit against files made to exhaust the checker.
    pub const DEFAULT_ITEMS: usize = 1_000_000;
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_depth: Limits::DEPTH_CEILING,
            max_items: Limits::DEFAULT_ITEMS,
        }
    }
}

pub struct Checker {
    // Each schema is compiled on first use: a run that writes only JSON-LD never pays
    // for the NewsML-G2 XSDs (tens of milliseconds), which matters for one-file runs.
    profile: OnceCell<xsd::XsdCheck>,
    dublin_core: OnceCell<xsd::XsdCheck>,
    official: OnceCell<xsd::XsdCheck>,
    /// What reports call `official`.
    official_name: String,
    interview_profile: bool,
    limits: Limits,
}

/// What reports call the bundled JSON Schema of colloquy's JSON-LD.
pub const JSON_SCHEMA_NAME: &str = "colloquy interview JSON Schema";
/// What reports call the vocabulary and Google checks every JSON-LD document gets.
pub const VOCABULARY_NAME: &str = "schema.org 30.0 vocabulary and Google Article profile (bundled)";
/// What reports call the bundled oai_dc schema.
pub const DUBLIN_CORE_NAME: &str = "colloquy oai_dc XSD (bundled)";

impl Checker {
    /// `official_xsd`: another NewsML-G2 schema to use instead of the bundled official
    /// 2.35 XSD (e.g. another version's `-All-Power.xsd`, with `xml.xsd` beside it).
    ///
    /// A schema given by path is compiled here, so that a bad one is an error at once;
    /// the bundled schemas are compiled when first needed (they are tested to compile).
    pub fn new(official_xsd: Option<&Path>) -> Result<Checker, CheckError> {
        xsd::init();
        let official = OnceCell::new();
        let official_name = match official_xsd {
            Some(path) => {
                let _ = official.set(xsd::XsdCheck::from_path(path)?);
                format!("{} (--xsd)", path.display())
            }
            None => xsd::OFFICIAL_NAME.to_string(),
        };
        Ok(Checker {
            profile: OnceCell::new(),
            dublin_core: OnceCell::new(),
            official,
            official_name,
            interview_profile: false,
            limits: Limits::default(),
        })
    }

    fn schema(&self) -> &'static json_schema::JsonSchemaCheck {
        json_schema::JsonSchemaCheck::shared()
    }

    /// Compiles now the XSDs [`Checker::check_newsml`] applies, which are otherwise
    /// compiled on first use: most of a one-file conversion's time, which a caller can
    /// spend while other work goes on.
    pub fn prepare_newsml(&self) {
        self.official();
        self.profile();
    }

    fn official(&self) -> &xsd::XsdCheck {
        self.official.get_or_init(|| {
            xsd::XsdCheck::official().expect("the bundled NewsML-G2 XSD compiles (tested)")
        })
    }

    fn profile(&self) -> &xsd::XsdCheck {
        self.profile.get_or_init(|| {
            xsd::XsdCheck::profile().expect("the bundled NewsML-G2 profile XSD compiles (tested)")
        })
    }

    fn dublin_core(&self) -> &xsd::XsdCheck {
        self.dublin_core.get_or_init(|| {
            xsd::XsdCheck::dublin_core().expect("the bundled oai_dc XSD compiles (tested)")
        })
    }

    /// Makes [`Checker::check`] hold every JSON-LD, HTML and NewsML-G2 file to
    /// colloquy's interview profile too (`validate --profile interview`).
    pub fn with_interview_profile(mut self) -> Checker {
        self.interview_profile = true;
        self
    }

    /// Sets how deep and how long a document may be before checking stops with a
    /// finding (`validate --max-depth`, `--max-items`); the depth is capped at
    /// [`Limits::DEPTH_CEILING`].
    pub fn with_limits(mut self, limits: Limits) -> Checker {
        self.limits = Limits {
            max_depth: limits.max_depth.clamp(1, Limits::DEPTH_CEILING),
            max_items: limits.max_items.max(1),
        };
        self
    }

    /// Checks any file, ours or foreign; `name` is used only for the report.
    pub fn check(&self, name: &str, bytes: &[u8]) -> FileReport {
        let report = |kind, findings, checked_against| FileReport {
            path: name.to_string(),
            kind,
            findings,
            checked_against,
        };
        let text = match crate::decode::decode(bytes) {
            Ok(t) => t,
            Err(e) => {
                use crate::decode::DecodeError;
                let (rule, message, hint) = match e {
                    DecodeError::NotUtf8 { offset } => (
                        "input/not-utf8",
                        format!("not valid UTF-8 at byte {offset}"),
                        "re-save the file as UTF-8",
                    ),
                    DecodeError::BadUtf16 { offset } => (
                        "input/not-utf8",
                        format!("not valid UTF-16 at byte {offset} (the file opens with a UTF-16 byte-order mark)"),
                        "re-save the file as UTF-8",
                    ),
                    DecodeError::Binary { kind, offset } => (
                        "input/binary",
                        format!("{kind}, not text (byte {offset})"),
                        "validate checks JSON-LD, NewsML-G2, HTML and Dublin Core documents; leave other files out of its inputs",
                    ),
                };
                return report(
                    None,
                    vec![finding(Severity::Error, rule, message, Some(hint.into()))],
                    Vec::new(),
                );
            }
        };
        let text: &str = &text;
        if text.bytes().all(|b| b.is_ascii_whitespace()) {
            return report(
                None,
                vec![finding(
                    Severity::Error,
                    "input/empty",
                    "the file is empty".into(),
                    Some("give a JSON-LD, NewsML-G2 or HTML document".into()),
                )],
                Vec::new(),
            );
        }
        let kind = detect(text.as_bytes());
        let profile = self.interview_profile;
        let (findings, checked_against) = match kind {
            Some(DocKind::JsonLd) => self.jsonld(text, profile),
            Some(DocKind::NewsMl) => self.newsml(text, profile),
            Some(DocKind::Html) => self.html(text, profile),
            Some(DocKind::DublinCore) => (
                self.check_dublin_core(text),
                vec![DUBLIN_CORE_NAME.to_string()],
            ),
            Some(DocKind::Ohms) => (ohms::check_any(text), vec!["OHMS 6.0 XSD (bundled)".to_string()]),
            None => (vec![finding(
                Severity::Error,
                "input/unknown-kind",
                "not JSON-LD, NewsML-G2, HTML, a Dublin Core record or an OHMS record".into(),
                Some("validate accepts JSON-LD (a JSON object or array), NewsML-G2 XML (root in the IPTC NAR namespace), HTML with <script type=\"application/ld+json\"> and oai_dc:dc Dublin Core records".into()),
            )], Vec::new()),
        };
        report(kind, findings, checked_against)
    }

    /// Checks one of colloquy's own JSON-LD documents, interview profile included
    /// (convert calls this before writing).
    pub fn check_jsonld(&self, text: &str) -> Vec<Finding> {
        self.jsonld(text, true).0
    }

    /// Checks one of colloquy's own HTML pages: every JSON-LD block with the same
    /// checks as a `.jsonld` file, interview profile included (convert calls this
    /// before writing).
    pub fn check_html(&self, text: &str) -> Vec<Finding> {
        self.html(text, true).0
    }

    /// Checks an `oai_dc:dc` Dublin Core record against the bundled schema (convert
    /// calls this before writing its own record).
    pub fn check_dublin_core(&self, text: &str) -> Vec<Finding> {
        dublin_core::check(text, self.dublin_core())
    }

    /// Checks one of colloquy's own NewsML-G2 documents against the official schema
    /// and the interview profile (convert calls this before writing).
    pub fn check_newsml(&self, text: &str) -> Vec<Finding> {
        self.newsml(text, true).0
    }

    /// JSON-LD findings, and what the document was checked against.
    fn jsonld(&self, text: &str, profile: bool) -> (Vec<Finding>, Vec<String>) {
        let findings = jsonld::check(text, profile.then(|| self.schema()), false, &self.limits);
        // Invalid JSON: nothing else could run.
        if findings
            .iter()
            .any(|f| f.rule == "json/syntax" || f.rule == "json/too-deep")
        {
            return (findings, Vec::new());
        }
        (findings, jsonld_checked_against(profile))
    }

    fn html(&self, text: &str, profile: bool) -> (Vec<Finding>, Vec<String>) {
        let findings = html::check(text, self.limits.max_items, |block| {
            jsonld::check(block, profile.then(|| self.schema()), true, &self.limits)
        });
        (findings, jsonld_checked_against(profile))
    }

    /// Checks one JSON-LD block of someone's HTML page as [`Checker::check`] does for
    /// pages (relative IRIs resolve against the page; no interview profile).
    pub fn check_page_block(&self, block: &str) -> Vec<Finding> {
        jsonld::check(block, None, true, &self.limits)
    }

    /// NewsML-G2 findings, and the schemas the document was checked against (none when
    /// it is malformed or no NewsML-G2 document at all: the schemas could only repeat
    /// that, less clearly).
    fn newsml(&self, text: &str, profile: bool) -> (Vec<Finding>, Vec<String>) {
        let lax = newsml_lax::check(text, &self.limits);
        let mut findings = lax.findings;
        if !lax.well_formed || findings.iter().any(|f| f.rule == "newsml/root") {
            return (findings, Vec::new());
        }
        let mut against = vec![self.official_name.clone()];
        if profile {
            against.push(xsd::PROFILE_NAME.to_string());
            findings.extend(xsd::check_against(text, &[self.official(), self.profile()]));
        } else {
            findings.extend(self.official().check(text));
        }
        sort_findings(&mut findings);
        // The profile and the official schema can report the same violation, and both
        // refuse a DOCTYPE.
        let mut seen = std::collections::HashSet::new();
        findings.retain(|f| {
            seen.insert((
                f.rule.clone(),
                f.message.clone(),
                f.location.line,
                f.location.column,
            ))
        });
        (findings, against)
    }
}

fn jsonld_checked_against(profile: bool) -> Vec<String> {
    let mut against = vec![VOCABULARY_NAME.to_string()];
    if profile {
        against.push(JSON_SCHEMA_NAME.to_string());
    }
    against
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_by_content() {
        assert_eq!(detect(b"  {\"@context\": 1}"), Some(DocKind::JsonLd));
        assert_eq!(detect(b"\xEF\xBB\xBF[1]"), Some(DocKind::JsonLd));
        assert_eq!(detect(b"<!DOCTYPE html><p>x"), Some(DocKind::Html));
        assert_eq!(detect(b"<?xml version=\"1.0\"?>\n<!-- c -->\n<html xmlns=\"http://www.w3.org/1999/xhtml\"/>"), Some(DocKind::Html));
        assert_eq!(
            detect(
                b"<?xml version=\"1.0\"?><newsItem xmlns=\"http://iptc.org/std/nar/2006-10-01/\"/>"
            ),
            Some(DocKind::NewsMl)
        );
        assert_eq!(
            detect(b"<contentSet xmlns=\"http://iptc.org/std/nar/2006-10-01/\"/>"),
            Some(DocKind::NewsMl)
        );
        assert_eq!(
            detect(b"<?xml version=\"1.0\"?>\n<oai_dc:dc xmlns:oai_dc=\"http://www.openarchives.org/OAI/2.0/oai_dc/\"/>"),
            Some(DocKind::DublinCore)
        );
        assert_eq!(detect(b"<dc xmlns=\"urn:other\"/>"), None);
        assert_eq!(detect(b"<rss version=\"2.0\"/>"), None);
        assert_eq!(detect(b"Q: hello?"), None);
    }
}
