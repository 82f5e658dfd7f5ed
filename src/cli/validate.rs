//! `colloquy validate`: judge JSON-LD, NewsML-G2, HTML and Dublin Core files, ours or anyone's, and
//! report in the format a CI system reads.

use super::{progress, EXIT_FAILED, EXIT_OK};
use clap::builder::TypedValueParser as _;
use colloquy::batch;
use colloquy::check::report::{self, Reports as _};
use colloquy::check::{Checker, FileReport, Finding, Limits, Location};
use colloquy::model::Severity;
use std::path::PathBuf;
use std::process::ExitCode;

/// File name endings `validate` picks up when it walks a directory.
const DOCUMENT_EXTENSIONS: &[&str] = &["jsonld", "json", "xml", "html", "htm"];

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Files, directories (walked recursively; .jsonld .json .xml .html .htm files are
    /// taken), globs, or `-` for standard input.
    #[arg(value_name = "FILE", required_unless_present = "files_from")]
    pub files: Vec<String>,
    /// Read more paths from FILE, one per line (`-` for standard input).
    #[arg(long, value_name = "FILE")]
    pub files_from: Option<String>,
    /// Report format: human (file:line:col lines with hints), json, ndjson (one finding
    /// per line), junit (one testcase per file), sarif (SARIF 2.1.0), github (workflow
    /// annotations).
    #[arg(long, value_enum, ignore_case = true, default_value = "human")]
    pub report: report::Format,
    /// Validate NewsML-G2 against this XSD instead of the bundled official NewsML-G2
    /// 2.35 schema (e.g. another version's -All-Power.xsd; its imports are resolved
    /// beside it, never over the network).
    #[arg(long, value_name = "PATH")]
    pub xsd: Option<PathBuf>,
    /// Also hold JSON-LD, HTML and NewsML-G2 files to a profile: `interview` is
    /// colloquy's own output contract (its JSON Schema and NewsML-G2 profile XSD),
    /// stricter than the standards. Without it files are judged by the standards alone.
    #[arg(long, value_enum, ignore_case = true, value_name = "PROFILE")]
    pub profile: Option<Profile>,
    /// Worker threads; 0 means one per core.
    #[arg(long, short = 'j', value_name = "N", default_value_t = 0)]
    pub jobs: usize,
    /// Largest file read, in bytes or with K, M or G (powers of 1024); a larger file,
    /// or a FIFO or device, is an error finding for that file, and the batch goes on.
    #[arg(long, value_name = "SIZE", default_value = "64M", value_parser = batch::parse_size)]
    pub max_input_size: u64,
    /// Deepest nesting of JSON arrays/objects and XML elements checked (1 to 256, the
    /// default; libxml2 stops at 256 itself); deeper is an error finding for that file.
    #[arg(long, value_name = "N", default_value_t = Limits::DEPTH_CEILING,
          value_parser = clap::value_parser!(u16).range(1..=256).map(usize::from))]
    pub max_depth: usize,
    /// Most items in one document: JSON-LD blocks in an HTML page, nodes in a JSON-LD
    /// top-level array or @graph, items in a NewsML-G2 itemSet; more is an error finding.
    #[arg(long, value_name = "N", default_value_t = Limits::DEFAULT_ITEMS)]
    pub max_items: usize,
}

/// A profile `--profile` can name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Profile {
    /// colloquy's interview profile: what `convert` writes.
    Interview,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let found = match batch::discover_batch(
        &args.files,
        args.files_from.as_deref(),
        DOCUMENT_EXTENSIONS,
        &[],
    ) {
        Ok(f) => f,
        Err(e) if e.is_usage() => return Ok(super::usage_error(e)),
        Err(e) => {
            eprintln!(
                "colloquy: error: {}",
                colloquy::check::report::printable_line(&e.to_string())
            );
            return Ok(EXIT_FAILED);
        }
    };
    super::convert::note_left_out(&found.skipped, &[]);
    let inputs = found.inputs;
    if let Some(xsd) = &args.xsd {
        if !xsd.is_file() {
            return Ok(super::usage_error(format!(
                "--xsd {}: no such file; give the path of an XSD, e.g. the official NewsML-G2_2.35-spec-All-Power.xsd (its imports must lie beside it)",
                xsd.display()
            )));
        }
    }
    // Fail fast when a schema (say, a --xsd path) cannot be loaded.
    let checker = || {
        let checker = Checker::new(args.xsd.as_deref())?.with_limits(Limits {
            max_depth: args.max_depth,
            max_items: args.max_items,
        });
        Ok::<_, colloquy::check::CheckError>(match args.profile {
            Some(Profile::Interview) => checker.with_interview_profile(),
            None => checker,
        })
    };
    checker()?;
    // Reports go to a spool as they finish, in input order, and are written from it
    // at the end: the report of any batch is made in flat memory.
    let mut spool = report::Spool::new();
    // A path that names nothing is a failed entry of the report, in the format CI reads;
    // the files that exist are still checked.
    for p in &found.problems {
        spool.push(&FileReport {
            path: p.subject().to_string(),
            kind: None,
            findings: vec![Finding {
                severity: Severity::Error,
                rule: "input/not-found".to_string(),
                message: p.reason(),
                location: Location::default(),
                hint: Some("check the path or pattern".to_string()),
            }],
            checked_against: Vec::new(),
        })?;
    }
    let bar = progress(inputs.len());
    let mut spooled: std::io::Result<()> = Ok(());
    let stopped = batch::run_ordered(
        &inputs,
        args.jobs,
        // Left to the process's end: freeing libxml2's compiled schemas would cost
        // about 4 M instructions (~1 ms) per worker for nothing.
        || std::mem::ManuallyDrop::new(checker().expect("schemas loaded a moment ago")),
        |checker, _, input| {
            let name = input.name();
            let report = match input.read_limited(args.max_input_size) {
                Ok(bytes) => checker.check(&name, &bytes),
                Err(e) => unreadable(&name, &e),
            };
            bar.inc(1);
            report
        },
        |_, report| {
            if spooled.is_ok() {
                spooled = spool.push(&report);
            }
        },
    );
    bar.finish_and_clear();
    if let Some(stopped) = super::stop_point(stopped, found.problems.len()) {
        // A report of part of a batch would pass for the whole.
        return Ok(super::interrupted(stopped, "no report was written"));
    }
    spooled?;
    let reports = spool.finish()?;
    super::emit_with(|out| report::write_for(args.report, "validate", &reports, out))?;
    Ok(if reports.totals().files_with_errors > 0 {
        EXIT_FAILED
    } else {
        EXIT_OK
    })
}

fn unreadable(name: &str, err: &std::io::Error) -> FileReport {
    FileReport {
        path: name.to_string(),
        kind: None,
        findings: vec![Finding {
            severity: Severity::Error,
            rule: "input/unreadable".to_string(),
            message: match err.kind() {
                std::io::ErrorKind::InvalidInput | std::io::ErrorKind::FileTooLarge => {
                    err.to_string()
                }
                _ => format!("cannot read the file: {err}"),
            },
            location: Location::default(),
            hint: match err.kind() {
                std::io::ErrorKind::InvalidInput | std::io::ErrorKind::FileTooLarge => None,
                _ => Some("check the path and its permissions".to_string()),
            },
        }],
        checked_against: Vec::new(),
    }
}
