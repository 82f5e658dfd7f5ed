//! One input through the whole pipeline: decode → read → metadata → write → check.
//!
//! This is the only place that knows the order of the stages. Every document is
//! checked (by parsing the exact bytes that will be written) before it is handed back;
//! an invalid document is an error, never an output.

use crate::check::{Checker, Finding};
use crate::meta::{self, FlagMeta, Manifest, MetaError};
use crate::model::{Diagnostic, Interview, PubDate, Severity};
use crate::read::ReadError;
use crate::write::{self, WriteContext};
use thiserror::Error;

/// An output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum OutputFormat {
    JsonLd,
    NewsMl,
    /// An HTML5 page embedding the JSON-LD.
    Html,
    /// An OAI-PMH `oai_dc:dc` Dublin Core record.
    DublinCore,
}

impl OutputFormat {
    /// The file name suffix after the input's stem.
    pub fn suffix(self) -> &'static str {
        match self {
            OutputFormat::JsonLd => "jsonld",
            OutputFormat::NewsMl => "newsml.xml",
            OutputFormat::Html => "html",
            OutputFormat::DublinCore => "dc.xml",
        }
    }
    pub fn name(self) -> &'static str {
        match self {
            OutputFormat::JsonLd => "JSON-LD",
            OutputFormat::NewsMl => "NewsML-G2",
            OutputFormat::Html => "HTML",
            OutputFormat::DublinCore => "Dublin Core",
        }
    }
}

/// How `versionCreated` of NewsML-G2 items is set. It must be deterministic unless the
/// user asks for the clock.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum VersionCreated {
    /// From the interview's dates, else `SOURCE_DATE_EPOCH`, else the Unix epoch (with
    /// a warning).
    #[default]
    FromMetadata,
    /// A fixed RFC 3339 timestamp.
    Fixed(String),
    /// The clock at conversion time.
    Now,
}

/// Options for one conversion.
#[derive(Debug, Clone, Default)]
pub struct ConvertOptions {
    pub formats: Vec<OutputFormat>,
    pub version_created: VersionCreated,
}

/// One written document.
#[derive(Debug, Clone)]
pub struct Document {
    pub format: OutputFormat,
    pub text: String,
    /// Non-blocking findings of the check (warnings, notes).
    pub findings: Vec<Finding>,
}

/// A converted interview.
#[derive(Debug, Clone)]
pub struct Converted {
    pub interview: Interview,
    pub context: WriteContext,
    pub documents: Vec<Document>,
    /// Reader, metadata and pipeline warnings.
    pub warnings: Vec<Diagnostic>,
}

#[derive(Debug, Error)]
pub enum ConvertError {
    #[error(transparent)]
    Read(#[from] ReadError),
    #[error(transparent)]
    Meta(#[from] MetaError),
    #[error("{name}: the {format} output is invalid and was not written: {summary}")]
    Invalid {
        name: String,
        format: &'static str,
        summary: String,
        findings: Vec<Finding>,
    },
}

/// Where metadata beyond the text comes from, for a whole run.
#[derive(Debug, Clone, Copy, Default)]
pub struct MetaSources<'a> {
    /// Command-line flags; they apply to every input of the run.
    pub flags: Option<&'a FlagMeta>,
    /// An explicit sidecar (`--meta FILE`) instead of the one beside each input.
    pub sidecar: Option<&'a std::path::Path>,
    pub manifest: Option<&'a Manifest>,
}

/// Decodes and reads one source into the model (no metadata layers applied).
pub fn read(name: &str, bytes: &[u8]) -> Result<(String, Interview), ReadError> {
    let text = crate::read::decode(name, bytes)?;
    let interview = crate::read::read(name, &text)?;
    Ok((text, interview))
}

/// The reader warns about what the text does not give (`no-headline`, …). When a flag,
/// sidecar or manifest then gives it, the warning would tell the user a value they
/// supplied is missing: it goes.
fn drop_answered_gaps(interview: &mut Interview) {
    use crate::model::Role;
    let meta = &interview.meta;
    let has_role = |role: Role| interview.people.iter().any(|p| p.role == role);
    let answered: Vec<&str> = [
        ("no-headline", meta.headline.is_some()),
        ("no-date", meta.date_published.is_some()),
        ("no-language", meta.language.is_some()),
        ("no-interviewee-name", has_role(Role::Interviewee)),
        ("no-interviewer-name", has_role(Role::Interviewer)),
    ]
    .into_iter()
    .filter_map(|(code, given)| given.then_some(code))
    .collect();
    interview
        .diagnostics
        .retain(|d| !answered.contains(&d.code));
}

/// Reads one source and applies the metadata layers (flag > sidecar > manifest > text >
/// inference). `path` is `None` for standard input, which has no sidecar or manifest row.
pub fn read_with_meta(
    name: &str,
    path: Option<&std::path::Path>,
    bytes: &[u8],
    sources: &MetaSources,
) -> Result<(String, Interview), ConvertError> {
    let (text, mut interview) = read(name, bytes)?;
    let sidecar = match (path, sources.sidecar) {
        (_, Some(explicit)) => Some(meta::load_sidecar(explicit)?),
        (Some(p), None) => meta::sidecar_for(p, None)?,
        (None, None) => None,
    };
    let row = path.and_then(|p| sources.manifest.and_then(|m| m.row_for(p)));
    let layers = meta::Layers {
        flags: sources.flags,
        sidecar: sidecar.as_ref(),
        manifest: row,
    };
    let diagnostics = meta::apply(&mut interview, &layers)?;
    interview.diagnostics.extend(diagnostics);
    drop_answered_gaps(&mut interview);
    Ok((text, interview))
}

/// Writes and checks every requested format for an interview that has been read and
/// enriched with metadata.
pub fn write_checked(
    name: &str,
    text: &str,
    interview: Interview,
    options: &ConvertOptions,
    checker: &Checker,
) -> Result<Converted, ConvertError> {
    let mut warnings = Vec::new();
    let mut version_notes = Vec::new();
    let version_created = version_created(&interview, &options.version_created, &mut version_notes);
    // Only NewsML-G2 carries versionCreated; JSON-LD users need not hear of it.
    if options.formats.contains(&OutputFormat::NewsMl) {
        warnings.extend(version_notes);
    }
    let context = WriteContext::new(write::guid(&interview, text), version_created);
    let mut documents = Vec::new();
    // The HTML page embeds exactly the JSON-LD document: render it once for both.
    let mut json = None;
    let mut jsonld = || {
        json.get_or_insert_with(|| write::jsonld::render(&interview, &context))
            .clone()
    };
    for &format in &options.formats {
        let text = match format {
            OutputFormat::JsonLd => jsonld(),
            OutputFormat::NewsMl => write::newsml::news_item(&interview, &context),
            OutputFormat::Html => write::html::page_with_jsonld(&interview, &jsonld()),
            OutputFormat::DublinCore => write::dublin_core::record(&interview, &context),
        };
        let findings = match format {
            OutputFormat::JsonLd => checker.check_jsonld(&text),
            OutputFormat::NewsMl => checker.check_newsml(&text),
            OutputFormat::Html => checker.check_html(&text),
            OutputFormat::DublinCore => checker.check_dublin_core(&text),
        };
        let (errors, mut rest): (Vec<Finding>, Vec<Finding>) = findings
            .into_iter()
            .partition(|f| f.severity == Severity::Error);
        // The page's JSON-LD block is the .jsonld document byte for byte: when both are
        // written, its warnings were already reported once.
        if format == OutputFormat::Html && options.formats.contains(&OutputFormat::JsonLd) {
            rest.retain(|f| f.rule.starts_with("html/"));
        }
        if !errors.is_empty() {
            return Err(ConvertError::Invalid {
                name: name.to_string(),
                format: format.name(),
                summary: summarize(&errors),
                findings: errors,
            });
        }
        documents.push(Document {
            format,
            text,
            findings: rest,
        });
    }
    warnings.extend(interview.diagnostics.iter().cloned());
    Ok(Converted {
        interview,
        context,
        documents,
        warnings,
    })
}

fn summarize(errors: &[Finding]) -> String {
    let first = &errors[0];
    let place = match (&first.location.line, &first.location.pointer) {
        (Some(line), _) => format!(" (line {line})"),
        (None, Some(ptr)) => format!(" (at {ptr})"),
        _ => String::new(),
    };
    let more = if errors.len() > 1 {
        format!(" and {} more", errors.len() - 1)
    } else {
        String::new()
    };
    format!("{}: {}{place}{more}", first.rule, first.message)
}

fn version_created(
    interview: &Interview,
    how: &VersionCreated,
    warnings: &mut Vec<Diagnostic>,
) -> String {
    match how {
        VersionCreated::Fixed(t) => return t.clone(),
        VersionCreated::Now => {
            return jiff::Timestamp::now()
                .round(jiff::Unit::Second)
                .map(|t| t.to_string())
                .unwrap_or_else(|_| jiff::Timestamp::now().to_string())
        }
        VersionCreated::FromMetadata => {}
    }
    let meta = &interview.meta;
    let dated = meta.date_modified.as_ref().or(meta.date_published.as_ref());
    if let Some(PubDate::DateTime(t)) = dated.map(|d| &d.value) {
        return t.clone();
    }
    if let Some(epoch) = std::env::var("SOURCE_DATE_EPOCH")
        .ok()
        .and_then(|s| s.trim().parse::<i64>().ok())
        .and_then(|s| jiff::Timestamp::from_second(s).ok())
    {
        return epoch.to_string();
    }
    warnings.push(Diagnostic::warning(
        "version-created-default",
        "no publication time with an offset is known, so NewsML-G2 versionCreated is \
         1970-01-01T00:00:00Z; pass --version-created TIME (or --now, or set \
         SOURCE_DATE_EPOCH)",
        None,
    ));
    "1970-01-01T00:00:00Z".to_string()
}
