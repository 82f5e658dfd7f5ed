//! One input through the whole pipeline: decode → read → metadata → write → check.
//!
//! This is the only place that knows the order of the stages. Every document is
//! checked (by parsing the exact bytes that will be written) before it is handed back;
//! an invalid document is an error, never an output.

use crate::check::{Checker, Finding};
use crate::meta::{self, FlagMeta, Manifest, MetaError};
use crate::model::{Diagnostic, Interview, PubDate, Severity};
use crate::read::{Known, ReadError};
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
    /// An OHMS 6.0 record (oral-history archives).
    Ohms,
}

impl OutputFormat {
    /// The file name suffix after the input's stem.
    pub fn suffix(self) -> &'static str {
        match self {
            OutputFormat::JsonLd => "jsonld",
            OutputFormat::NewsMl => "newsml.xml",
            OutputFormat::Html => "html",
            OutputFormat::DublinCore => "dc.xml",
            OutputFormat::Ohms => "ohms.xml",
        }
    }
    /// Whether a walk for interviews takes this format's files as inputs (HTML pages
    /// and OHMS records are interviews too).
    pub fn read_back(self) -> bool {
        matches!(self, OutputFormat::Html | OutputFormat::Ohms)
    }
    pub fn name(self) -> &'static str {
        match self {
            OutputFormat::JsonLd => "JSON-LD",
            OutputFormat::NewsMl => "NewsML-G2",
            OutputFormat::Html => "HTML",
            OutputFormat::DublinCore => "Dublin Core",
            OutputFormat::Ohms => "OHMS",
        }
    }
}

/// How `versionCreated` of NewsML-G2 items is set. It must be deterministic unless the
/// user asks for the clock.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum VersionCreated {
    /// From a stated value (the interview's modification or publication date-time),
    /// else `SOURCE_DATE_EPOCH` (the reproducible-builds convention), else the input
    /// file's modification time ([`ConvertOptions::input_modified`]). With none of
    /// them (standard input), NewsML-G2 cannot be written and the input fails.
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
    /// When the input file was last modified (`None` for standard input): the last
    /// resort for `versionCreated`, so a record is as reproducible as its file.
    pub input_modified: Option<jiff::Timestamp>,
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
    #[error("{name}: NewsML-G2 and OHMS need the record's time (versionCreated, the OHMS export date), and none is known: the text states no modification or publication time, SOURCE_DATE_EPOCH is not set, and {name} has no file modification time; pass --version-created TIME or set SOURCE_DATE_EPOCH")]
    NoVersionTime { name: String },
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
    /// Where each input's sidecar comes from.
    pub sidecar: SidecarFrom<'a>,
    pub manifest: Option<&'a Manifest>,
    /// The archive profile (`colloquy.toml`).
    pub config: Option<&'a meta::Config>,
}

/// Where an input's sidecar comes from.
#[derive(Debug, Clone, Copy, Default)]
pub enum SidecarFrom<'a> {
    /// `NAME.meta.*` beside the input, looked for when it is read.
    #[default]
    Beside,
    /// This file: `--meta FILE`, or the sidecar a batch found beside the input in its
    /// listing of the directory.
    File(&'a std::path::Path),
    /// None: the batch's listing has no sidecar beside the input.
    Nothing,
}

/// Decodes and reads one source into the model (no metadata layers applied).
pub fn read(name: &str, bytes: &[u8]) -> Result<(String, Interview), ReadError> {
    read_knowing(name, bytes, Known::default())
}

/// [`read`], inferring only what `known` does not say is given.
fn read_knowing(name: &str, bytes: &[u8], known: Known) -> Result<(String, Interview), ReadError> {
    let text = crate::read::decode(name, bytes)?;
    let interview = crate::read::read_knowing(name, &text, known)?;
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

/// Reads one source and applies the metadata layers (flag > sidecar > manifest > config
/// > text > inference). `path` is `None` for standard input, which has no sidecar or manifest row.
pub fn read_with_meta(
    name: &str,
    path: Option<&std::path::Path>,
    bytes: &[u8],
    sources: &MetaSources,
) -> Result<(String, Interview), ConvertError> {
    let sidecar = match (path, sources.sidecar) {
        (_, SidecarFrom::File(file)) => meta::load_sidecar(file).map(Some),
        (Some(p), SidecarFrom::Beside) => meta::sidecar_for(p, None),
        (None, SidecarFrom::Beside) | (_, SidecarFrom::Nothing) => Ok(None),
    };
    let row = path.and_then(|p| sources.manifest.and_then(|m| m.row_for(p)));
    let layers = meta::Layers {
        flags: sources.flags,
        sidecar: sidecar.as_ref().ok().and_then(Option::as_ref),
        manifest: row,
        config: sources.config,
    };
    let known = Known {
        language: layers.give_language(),
    };
    let (text, mut interview) = read_knowing(name, bytes, known)?;
    // A source that cannot be read is reported before a sidecar that cannot be.
    if let Err(e) = &sidecar {
        return Err(e.clone().into());
    }
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
    // Only NewsML-G2 (versionCreated) and OHMS (the export date) carry the record's
    // time: without them no time is needed at all.
    let needs_time = options
        .formats
        .iter()
        .any(|f| matches!(f, OutputFormat::NewsMl | OutputFormat::Ohms));
    let version_created = match version_created(&interview, options) {
        Some(t) => t,
        None if needs_time => {
            return Err(ConvertError::NoVersionTime {
                name: name.to_string(),
            })
        }
        None => String::new(),
    };
    if options.formats.contains(&OutputFormat::NewsMl)
        && write::newsml::provider_unknown(&interview)
    {
        warnings.push(Diagnostic::warning(
            "no-provider",
            format!(
                "no provider or publisher is known, so NewsML-G2 provider is the placeholder '{}'; \
                 set provider (or publisher) in colloquy.toml (`colloquy init` writes one), a \
                 sidecar or --publisher",
                write::newsml::PROVIDER_NOT_STATED
            ),
            None,
        ));
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
            OutputFormat::Ohms => write::ohms::record(&interview, &context),
        };
        let findings = match format {
            OutputFormat::JsonLd => checker.check_jsonld(&text),
            OutputFormat::NewsMl => checker.check_newsml(&text),
            OutputFormat::Html => checker.check_html(&text),
            OutputFormat::DublinCore => checker.check_dublin_core(&text),
            OutputFormat::Ohms => crate::check::ohms::check(&text).unwrap_or_else(|e| {
                vec![crate::check::Finding {
                    severity: Severity::Error,
                    rule: "ohms/schema".into(),
                    message: e,
                    location: Default::default(),
                    hint: None,
                }]
            }),
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

/// `versionCreated`: a fixed value, the clock when asked, else (in this order) the
/// interview's stated modification or publication date-time, `SOURCE_DATE_EPOCH`, the
/// input file's modification time. `None` when none is known.
fn version_created(interview: &Interview, options: &ConvertOptions) -> Option<String> {
    match &options.version_created {
        VersionCreated::Fixed(t) => return Some(t.clone()),
        VersionCreated::Now => return Some(whole_seconds(jiff::Timestamp::now())),
        VersionCreated::FromMetadata => {}
    }
    let meta = &interview.meta;
    let dated = meta.date_modified.as_ref().or(meta.date_published.as_ref());
    if let Some(PubDate::DateTime(t)) = dated.map(|d| &d.value) {
        return Some(t.clone());
    }
    source_date_epoch()
        .or(options.input_modified)
        .map(whole_seconds)
}

/// `SOURCE_DATE_EPOCH` (reproducible-builds.org) as a timestamp, when set and valid.
/// The CLI refuses a malformed value before any input is read.
pub fn source_date_epoch() -> Option<jiff::Timestamp> {
    std::env::var("SOURCE_DATE_EPOCH")
        .ok()
        .and_then(|s| s.trim().parse::<i64>().ok())
        .and_then(|s| jiff::Timestamp::from_second(s).ok())
}

/// RFC 3339 in UTC to the second: file systems keep nanoseconds that a record does not
/// need and that differ between two copies of one file.
fn whole_seconds(t: jiff::Timestamp) -> String {
    jiff::Timestamp::from_second(t.as_second())
        .unwrap_or(t)
        .to_string()
}
