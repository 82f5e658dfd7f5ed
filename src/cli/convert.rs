//! `colloquy convert`: inputs → checked documents, written atomically, one summary.

use super::{progress, usage_error, EXIT_FAILED, EXIT_OK};
use colloquy::batch::{self, Input, WriteOutcome};
use colloquy::check::report::printable_line;
use colloquy::check::Checker;
use colloquy::check::{report, FileReport, Finding, Location};
use colloquy::message::{self, MessageError};
use colloquy::model::{LineIndex, Severity};
use colloquy::pipeline::{
    self, ConvertError, ConvertOptions, MetaSources, OutputFormat, SidecarFrom, VersionCreated,
};
use colloquy::state;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Interview files, directories (walked recursively; .txt .text .md .markdown .html .htm
    /// .vtt .srt files and OHMS .xml records are taken), globs, or `-` for standard input.
    #[arg(value_name = "INPUT")]
    pub inputs: Vec<String>,
    /// Read more input paths from FILE, one per line (`-` for standard input).
    #[arg(long, value_name = "FILE")]
    pub files_from: Option<String>,
    /// Directory for the outputs: `<DIR>/<relative input path without extension>.<format>`
    /// (created when missing; directory walks never enter it).
    #[arg(short, long, value_name = "DIR", default_value = ".")]
    pub output: PathBuf,
    /// Output formats, comma-separated: jsonld (NAME.jsonld), newsml (NAME.newsml.xml),
    /// html (NAME.html, a page embedding the JSON-LD), dc (NAME.dc.xml, an oai_dc
    /// Dublin Core record), ohms (NAME.ohms.xml, an OHMS 6.0 record for oral-history
    /// archives).
    #[arg(
        long,
        ignore_case = true,
        value_delimiter = ',',
        default_value = "jsonld,newsml",
        value_name = "FORMATS"
    )]
    pub to: Vec<Format>,
    /// Print the single document on standard output instead of writing files (needs one
    /// input and one --to format; nothing is written, so -o, --newsml-message and --force
    /// do not apply).
    #[arg(long, conflicts_with_all = ["output", "newsml_message", "force"])]
    pub stdout: bool,
    /// Replace existing output files whose content differs (an input is never replaced).
    #[arg(long)]
    pub force: bool,
    /// Treat warnings as failures: exit 1 when there is any (outputs are still written).
    #[arg(long)]
    pub strict: bool,
    /// Worker threads; 0 (the default) means one per core available to this process
    /// (CPU quotas of containers count); more than that is capped, with a note.
    #[arg(long, short = 'j', value_name = "N", default_value_t = 0)]
    pub jobs: usize,
    /// Convert only share K of N (K from 0 to N-1): the inputs whose path relative to
    /// their input directory hashes (XXH3-64 of its UTF-8 bytes, `/` separators) to K
    /// modulo N. Stable across machines and runs, and the N shares are disjoint and
    /// cover every input, so N machines (a job array) convert a corpus exactly once.
    #[arg(long, value_name = "K/N", value_parser = batch::parse_shard, conflicts_with = "stdout")]
    pub shard: Option<batch::Shard>,
    /// Largest input read, in bytes or with K, M or G (powers of 1024); a larger input,
    /// or a FIFO or device, fails with one line naming it, and the batch goes on.
    #[arg(long, value_name = "SIZE", default_value = "64M", value_parser = batch::parse_size)]
    pub max_input_size: u64,
    /// Most turns and photos one interview may hold; an input that reads as more fails
    /// with one line naming it, and the batch goes on.
    #[arg(long, value_name = "N", default_value_t = colloquy::check::Limits::DEFAULT_ITEMS)]
    pub max_items: usize,
    /// Also write one NewsML-G2 newsMessage holding every interview of the batch (per
    /// interview a packageItem, the text item and a picture item per photo).
    #[arg(long, value_name = "FILE")]
    pub newsml_message: Option<PathBuf>,
    /// NewsML-G2 versionCreated (RFC 3339 with offset). Default: the interview's
    /// modification or publication date-time with offset, else SOURCE_DATE_EPOCH, else
    /// the input file's modification time — never the clock (standard input without
    /// either fails).
    #[arg(long, value_name = "TIME", conflicts_with = "now")]
    pub version_created: Option<String>,
    /// Use the clock for versionCreated (output is then not reproducible).
    #[arg(long)]
    pub now: bool,
    /// Also print a report of every input's errors and warnings on stdout, in the
    /// format a CI system reads (the same formats as `validate --report`).
    #[arg(
        long,
        value_enum,
        ignore_case = true,
        value_name = "FORMAT",
        conflicts_with = "stdout"
    )]
    pub report: Option<report::Format>,
    #[command(flatten)]
    pub meta: super::meta_args::MetaArgs,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Jsonld,
    Newsml,
    Html,
    Dc,
    Ohms,
}

impl From<Format> for OutputFormat {
    fn from(f: Format) -> Self {
        match f {
            Format::Jsonld => OutputFormat::JsonLd,
            Format::Newsml => OutputFormat::NewsMl,
            Format::Html => OutputFormat::Html,
            Format::Dc => OutputFormat::DublinCore,
            Format::Ohms => OutputFormat::Ohms,
        }
    }
}

/// What happened to one input.
struct InputResult {
    name: String,
    outcome: Result<Done, Failure>,
    /// Each warning as stderr shows it (the whole line), and as a report finding.
    warnings: Vec<(String, Finding)>,
}

/// Why an input failed: the one line stderr shows, and the findings a report carries.
struct Failure {
    message: String,
    findings: Vec<Finding>,
}

impl Failure {
    fn new(rule: &str, message: String) -> Self {
        Failure {
            findings: vec![finding(Severity::Error, rule, &message, None)],
            message,
        }
    }

    /// A failure of the input `name`: stderr shows the whole message; the report entry,
    /// which names the file already, drops the leading `name: ` and carries the place.
    fn of_input(name: &str, rule: &str, message: String, at: Option<(usize, usize)>) -> Self {
        let short = message
            .strip_prefix(&format!("{name}: "))
            .unwrap_or(&message);
        Failure {
            findings: vec![finding(Severity::Error, rule, short, at)],
            message,
        }
    }
}

/// An input whose documents could not be written: the message names the input, then
/// the path.
fn write_failure(name: &str, e: batch::BatchError) -> Failure {
    Failure::of_input(name, "convert/write", format!("{name}: {e}"), None)
}

/// Line and column (1-based, the column in bytes) of byte `offset` in raw bytes that
/// may not be UTF-8, so a report can point at the bad byte.
fn byte_line_col(bytes: &[u8], offset: usize) -> (usize, usize) {
    let before = &bytes[..offset.min(bytes.len())];
    let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
    let col = match before.iter().rposition(|&b| b == b'\n') {
        Some(nl) => offset - nl,
        None => offset + 1,
    };
    (line, col)
}

fn finding(
    severity: Severity,
    rule: &str,
    message: &str,
    line_col: Option<(usize, usize)>,
) -> Finding {
    Finding {
        severity,
        rule: rule.to_string(),
        message: message.to_string(),
        location: Location {
            line: line_col.map(|l| l.0),
            column: line_col.map(|l| l.1),
            pointer: None,
        },
        hint: None,
    }
}

/// The record of the output directory's last run, and what this run's inputs must
/// match in it.
struct Memo {
    state: state::State,
    /// The digest of every option and metadata file that shapes all outputs.
    options: String,
    /// Whether vouched-for inputs may be skipped (not with --newsml-message, whose
    /// parts need every interview, nor with --now, whose outputs change every second).
    skip: bool,
}

fn to_record((shown, f): &(String, Finding)) -> state::Warning {
    state::Warning {
        shown: shown.clone(),
        severity: report::severity_word(f.severity).to_string(),
        rule: f.rule.clone(),
        message: f.message.clone(),
        line: f.location.line,
        column: f.location.column,
        pointer: f.location.pointer.clone(),
        hint: f.hint.clone(),
    }
}

fn from_record(w: &state::Warning) -> (String, Finding) {
    let severity = match w.severity.as_str() {
        "error" => Severity::Error,
        "info" => Severity::Info,
        _ => Severity::Warning,
    };
    (
        w.shown.clone(),
        Finding {
            severity,
            rule: w.rule.clone(),
            message: w.message.clone(),
            location: Location {
                line: w.line,
                column: w.column,
                pointer: w.pointer.clone(),
            },
            hint: w.hint.clone(),
        },
    )
}

/// What a worker thread keeps from one input to the next.
#[derive(Default)]
struct Worker {
    /// Compiled on the worker's first conversion: a re-run that skips every input
    /// compiles no schema.
    checker: Option<Checker>,
    /// The sidecar names of the directory of the last input (inputs come directory by
    /// directory), for the record's lookups.
    sidecars: colloquy::meta::sidecar::SidecarDir,
}

impl Drop for Worker {
    fn drop(&mut self) {
        // A worker ends with its batch, and the process soon after: freeing libxml2's
        // compiled schemas would cost about 4 M instructions (~1 ms) per worker for
        // nothing.
        std::mem::forget(self.checker.take());
    }
}

struct Done {
    writes: Vec<(PathBuf, WriteOutcome)>,
    /// Documents written to temp files, published by the batch's next group commit.
    staged: Vec<batch::Staged>,
    /// This interview's part of the newsMessage, checked, when one is requested.
    unit: Option<message::Unit>,
    /// The line for the output directory's record, and its key.
    record: Option<(u128, state::Record)>,
    /// Not converted again: the record vouched for its outputs on disk.
    skipped: bool,
    stdout: Option<String>,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    if args.inputs.is_empty() && args.files_from.is_none() {
        return Ok(usage_error(
            "give at least one INPUT (a file, a directory, a glob or -)",
        ));
    }
    let mut formats: Vec<OutputFormat> = args.to.iter().map(|&f| f.into()).collect();
    formats.sort();
    formats.dedup();
    if let Some(t) = &args.version_created {
        if t.parse::<jiff::Timestamp>().is_err() {
            return Ok(usage_error(format!(
                "--version-created '{t}' is not an RFC 3339 timestamp with offset, e.g. 2024-03-15T09:30:00+07:00"
            )));
        }
    }
    if let Err(e) = args.meta.check_flags() {
        return Ok(super::usage_error(e));
    }
    // reproducible-builds.org: a malformed SOURCE_DATE_EPOCH must stop the run, not be
    // ignored in favour of 1970.
    if let Ok(epoch) = std::env::var("SOURCE_DATE_EPOCH") {
        let ok = epoch
            .trim()
            .parse::<i64>()
            .ok()
            .and_then(|s| jiff::Timestamp::from_second(s).ok())
            .is_some();
        if !ok {
            return Ok(usage_error(format!(
                "SOURCE_DATE_EPOCH='{epoch}' is not a number of seconds since 1970-01-01 UTC; set it to e.g. $(git log -1 --format=%ct), or unset it"
            )));
        }
    }
    if !args.stdout && args.output.exists() && !args.output.is_dir() {
        return Ok(usage_error(format!(
            "-o {}: this is a file, but -o takes a directory (created when missing); give a directory",
            args.output.display()
        )));
    }
    // HTML pages and OHMS records written into a directory this run walks (as `-o`,
    // which a walk enters only when it was named itself) would be read as interviews
    // by the next run over it, and clash with the texts they came from.
    if !args.stdout {
        let out = batch::normalize(&args.output);
        let walked_out = args
            .inputs
            .iter()
            .map(Path::new)
            .find(|i| i.is_dir() && batch::normalize(i) == out);
        if let (Some(dir), Some(format)) = (walked_out, formats.iter().find(|f| f.read_back())) {
            return Ok(usage_error(format!(
                "-o {}: the {} outputs would land in {}, the directory walked for inputs, and the next run over it would read them as interviews; give -o another directory (a walk never enters it)",
                args.output.display(),
                format.name(),
                dir.display()
            )));
        }
    }
    let suffixes: Vec<&str> = formats.iter().map(|f| f.suffix()).collect();
    // A walk never enters the output directory: re-running with `-o` inside the input
    // tree must not read the last run's outputs as interviews.
    let exclude = if args.stdout {
        Vec::new()
    } else {
        vec![args.output.clone()]
    };
    let found = match batch::discover_batch(
        &args.inputs,
        args.files_from.as_deref(),
        batch::INPUT_EXTENSIONS,
        &exclude,
    ) {
        Ok(f) => f,
        Err(e) if e.is_usage() => return Ok(super::usage_error(e)),
        Err(e) => {
            eprintln!("colloquy: error: {}", printable_line(&e.to_string()));
            return Ok(EXIT_FAILED);
        }
    };
    let inputs = found.inputs;
    if args.stdout {
        if let Some(problem) = found.problems.first() {
            eprintln!("colloquy: error: {}", printable_line(&problem.to_string()));
            return Ok(EXIT_FAILED);
        }
        if inputs.len() != 1 || formats.len() != 1 {
            return Ok(usage_error(format!(
                "--stdout prints exactly one document: give one input and one --to format, e.g. --to jsonld (got {} input(s) and {} format(s){})",
                inputs.len(),
                formats.len(),
                if args.to.len() == 2 && formats.len() == 2 { ", the default --to is jsonld,newsml" } else { "" }
            )));
        }
    }
    note_left_out(&found.skipped, &found.excluded);
    for dir in &found.earlier_outputs {
        eprintln!(
            "colloquy: note: {}: not walked, it holds an earlier run's outputs ({}); name its files to read them",
            printable_line(&dir.display().to_string()),
            state::STATE_FILE
        );
    }
    // Every output path is checked before anything is written; the paths themselves
    // are derived again from each input when needed, not kept.
    if !args.stdout {
        match batch::check_outputs(&inputs, &args.output, &suffixes) {
            Ok(()) => {}
            Err(problems) => {
                for e in &problems {
                    eprintln!("colloquy: error: {}", printable_line(&e.to_string()));
                }
                eprintln!(
                    "colloquy: nothing was written: {} output path problem(s) must be solved first",
                    problems.len()
                );
                // CI reads the report: it says why, not nothing.
                if let Some(format) = args.report {
                    let entry = |e: &batch::BatchError, rule: &str| FileReport {
                        path: e.subject().to_string(),
                        kind: None,
                        findings: vec![finding(Severity::Error, rule, &e.reason(), None)],
                        checked_against: Vec::new(),
                    };
                    let reports: Vec<FileReport> = found
                        .problems
                        .iter()
                        .map(|e| entry(e, "input/not-found"))
                        .chain(problems.iter().map(|e| entry(e, "convert/write")))
                        .collect();
                    super::emit(report::render_for(format, "convert", &reports).as_bytes())?;
                }
                return Ok(EXIT_FAILED);
            }
        }
    }
    let outputs_of = |input: &Input| -> Vec<PathBuf> {
        if args.stdout {
            Vec::new()
        } else {
            batch::output_paths(&args.output, input.rel(), &suffixes)
        }
    };
    // A manifest row is unused only when no share of the corpus has its file.
    let all_paths: Vec<PathBuf> = match args.meta.manifest {
        Some(_) => inputs
            .iter()
            .filter_map(|i| i.path().map(Path::to_path_buf))
            .collect(),
        None => Vec::new(),
    };
    // The whole corpus is planned (so every share sees the same clashes), then this
    // share's inputs are taken.
    let inputs: batch::Inputs = match args.shard {
        Some(shard) => {
            let all = inputs.len();
            let inputs: batch::Inputs = inputs
                .iter()
                .filter(|input| shard.contains(input))
                .collect();
            eprintln!(
                "colloquy: note: share {}/{}: {} of {all} input(s)",
                shard.index,
                shard.count,
                inputs.len()
            );
            inputs
        }
        None => inputs,
    };
    if let Some(message) = &args.newsml_message {
        if message.is_dir() {
            return Ok(usage_error(format!(
                "--newsml-message {}: this is a directory; give the file to write, e.g. {}",
                message.display(),
                message.join("batch.newsml.xml").display()
            )));
        }
        // Compared in normal form: `./out/a.jsonld` and `out/a.jsonld` are one file. The
        // manifest, an explicit sidecar and the --files-from list are inputs too.
        let target = batch::normalize(message);
        let same = |p: &Path| batch::normalize(p) == target;
        let clash = inputs
            .iter()
            .any(|i| outputs_of(&i).iter().any(|p| same(p)))
            || inputs.iter().any(|i| i.path().is_some_and(same))
            || args.meta.manifest.as_deref().is_some_and(same)
            || args.meta.sidecar.as_deref().is_some_and(same)
            || args
                .files_from
                .as_deref()
                .is_some_and(|f| same(Path::new(f)))
            || batch::is_read_by_colloquy(message);
        if clash {
            return Ok(usage_error(format!(
                "--newsml-message {}: this names an input (an interview, a sidecar, the manifest, the --files-from list, any file colloquy reads) or another output; choose another path, e.g. batch.newsml.xml",
                message.display()
            )));
        }
    }
    let options = ConvertOptions {
        formats,
        version_created: match (&args.version_created, args.now) {
            (Some(t), _) => VersionCreated::Fixed(t.clone()),
            (None, true) => VersionCreated::Now,
            (None, false) => VersionCreated::FromMetadata,
        },
        input_modified: None,
    };
    // Fail fast on a bad manifest rather than once per file. The schemas are compiled
    // by each worker when it first converts (they are compiled in: a failure there is
    // a broken libxml2, reported per input), never up front as well: one file costs one
    // compilation, an unchanged re-run none.
    let loaded = match args.meta.load() {
        Ok(l) => l,
        Err(e) => {
            eprintln!("colloquy: error: {}", printable_line(&e.to_string()));
            return Ok(EXIT_FAILED);
        }
    };
    let sources = loaded.sources();
    // A profile found in a parent directory must not fill records unannounced.
    if let Some(config) = sources.config {
        eprintln!(
            "colloquy: note: archive profile {} applies to every input",
            config.path.display()
        );
    }

    // An output directory that cannot be made fails the run once, not once per input.
    if !args.stdout {
        if let Err(e) = std::fs::create_dir_all(&args.output) {
            eprintln!(
                "colloquy: error: -o {}: cannot create the output directory: {e}; choose a directory you can write to",
                args.output.display()
            );
            return Ok(EXIT_FAILED);
        }
    }
    // One run at a time per output directory; the lock lives until the run returns.
    let _lock = if args.stdout {
        None
    } else {
        match batch::lock_output_dir(&args.output) {
            Ok(lock) => {
                // Inserted one by one: `collect` into a set first gathers every
                // input's directory in a list (6 MB at 100 000 inputs, kept by malloc).
                let mut dirs = std::collections::BTreeSet::new();
                for input in inputs.iter() {
                    if let Some(dir) = outputs_of(&input).first().and_then(|o| o.parent()) {
                        if !dirs.contains(dir) {
                            dirs.insert(dir.to_path_buf());
                        }
                    }
                }
                if let Err(e) = lock.refuse_runs_inside(dirs.iter().map(PathBuf::as_path)) {
                    eprintln!("colloquy: error: {}", printable_line(&e.to_string()));
                    return Ok(EXIT_FAILED);
                }
                let removed = lock.remove_stale_temps(dirs.iter().map(PathBuf::as_path));
                if removed > 0 {
                    eprintln!(
                        "colloquy: note: removed {removed} temp file(s) a stopped run left in {}",
                        args.output.display()
                    );
                }
                Some(lock)
            }
            Err(e) => {
                eprintln!("colloquy: error: {}", printable_line(&e.to_string()));
                return Ok(EXIT_FAILED);
            }
        }
    };
    let (jobs, capped) = batch::effective_jobs(args.jobs, inputs.len());
    if capped {
        eprintln!(
            "colloquy: note: --jobs {} is more than the {} core(s) available; using {}",
            args.jobs,
            batch::available_cores(),
            jobs
        );
    }
    let mut failed = 0;
    let mut counts = [0usize; 3];
    let mut warnings = 0;
    let stderr = std::io::stderr();
    // A manifest row that matches no input is most likely a misspelt file name: its
    // metadata would be lost without a word.
    if let Some(manifest) = sources.manifest {
        for row in manifest.rows_not_in(&all_paths) {
            eprintln!(
                "{}",
                printable_line(&format!(
                    "{}: warning: row {} (line {}): file '{}' is not an input of this run, so the row is unused; check the file column (relative to the manifest's directory)",
                    row.path, row.row, row.line, row.record.file
                ))
            );
            warnings += 1;
        }
    }
    // Arguments that named nothing fail like unreadable inputs; the rest go on.
    for problem in &found.problems {
        eprintln!("colloquy: error: {}", printable_line(&problem.to_string()));
        failed += 1;
    }
    // Report entries are made only when a report is asked for, and go to a spool on
    // disk: nothing of an input outlives its turn below.
    let mut reports = args.report.map(|_| report::Spool::new());
    let mut report_error: Option<std::io::Error> = None;
    if let Some(reports) = reports.as_mut() {
        for p in &found.problems {
            reports.push(&FileReport {
                path: p.subject().to_string(),
                kind: None,
                findings: vec![finding(
                    Severity::Error,
                    "input/not-found",
                    &p.reason(),
                    None,
                )],
                checked_against: Vec::new(),
            })?;
        }
    }
    let mut spool = match &args.newsml_message {
        Some(_) => Some(message::Spool::new().map_err(MessageError::Spool)?),
        None => None,
    };
    let keep = spool.is_some();
    let memo = (!args.stdout).then(|| {
        let mut options_digest = state::Digest::new();
        options_digest
            .part(colloquy::BUILD.as_bytes())
            .part(format!("{:?}", options.formats).as_bytes())
            .part(format!("{:?}", options.version_created).as_bytes())
            .part(
                std::env::var("SOURCE_DATE_EPOCH")
                    .unwrap_or_default()
                    .as_bytes(),
            )
            .part(format!("{:?}", args.meta).as_bytes())
            .file(args.meta.manifest.as_deref())
            .file(args.meta.sidecar.as_deref())
            .file(sources.config.map(|c| c.path.as_path()));
        Memo {
            state: state::State::open(&args.output),
            options: options_digest.finish(),
            skip: !keep && options.version_created != VersionCreated::Now,
        }
    });
    let mut record = memo
        .as_ref()
        .map(|m| state::Writer::new(&m.state, &args.output));
    let mut skipped = 0usize;
    // Directories this run published files into: synced once at the end, so the
    // renames survive a power loss without one directory sync per file.
    let mut written_dirs: std::collections::BTreeSet<PathBuf> = Default::default();
    let bar = progress(inputs.len());
    let mut io_error: Option<std::io::Error> = None;
    let mut state_error: Option<std::io::Error> = None;
    // Warnings and errors go to stderr in blocks, not one write per line (a re-run of
    // 10 000 inputs showed 35 000 lines). Only this thread prints while the batch runs.
    let mut lines = std::io::BufWriter::with_capacity(64 * 1024, std::io::stderr());
    // Asked here: inside `suspend` the bar's state is locked, and asking then deadlocks.
    let live = !bar.is_hidden();
    // Each result is reported once published, in input order, then dropped.
    let mut report = |index: usize, result: InputResult| {
        let mut shown = |line: &str| {
            bar.suspend(|| {
                let mut written = writeln!(lines, "{}", printable_line(line));
                // Under a progress bar each line shows at once.
                if written.is_ok() && live {
                    written = lines.flush();
                }
                if let Err(e) = written {
                    io_error.get_or_insert(e);
                }
            })
        };
        for (w, _) in &result.warnings {
            shown(w);
            warnings += 1;
        }
        if let Some(writer) = record.as_mut() {
            let pushed = match &result.outcome {
                Ok(Done {
                    record: Some((key, line)),
                    skipped,
                    ..
                }) => writer.push(*key, line, *skipped),
                _ => {
                    writer.drop_key(state::key(&args.output, &outputs_of(&inputs.get(index))));
                    Ok(())
                }
            };
            if let Err(e) = pushed {
                state_error.get_or_insert(e);
            }
        }
        match &result.outcome {
            Ok(done) => {
                skipped += usize::from(done.skipped);
                for (path, outcome) in &done.writes {
                    counts[*outcome as usize] += 1;
                    if *outcome != WriteOutcome::Unchanged {
                        if let Some(dir) = path.parent() {
                            if !written_dirs.contains(dir) {
                                written_dirs.insert(dir.to_path_buf());
                            }
                        }
                    }
                }
                if let Some(text) = &done.stdout {
                    if let Err(e) = super::emit(text.as_bytes()) {
                        io_error.get_or_insert(e);
                    }
                }
                if let (Some(spool), Some(unit)) = (spool.as_mut(), &done.unit) {
                    if let Err(e) = spool.push(&result.name, unit) {
                        io_error.get_or_insert(e);
                    }
                }
            }
            Err(e) => {
                shown(&format!("colloquy: error: {}", e.message));
                failed += 1;
            }
        }
        if let Some(reports) = reports.as_mut() {
            let findings = match &result.outcome {
                Ok(_) => Vec::new(),
                Err(e) => e.findings.clone(),
            };
            let pushed = reports.push(&FileReport {
                path: result.name.clone(),
                kind: None,
                findings: findings
                    .into_iter()
                    .chain(result.warnings.iter().map(|(_, f)| f.clone()))
                    .collect(),
                checked_against: Vec::new(),
            });
            if let Err(e) = pushed {
                report_error.get_or_insert(e);
            }
        }
    };
    // Outputs are published in groups, each after one sync (see `batch::Group`).
    let mut group: batch::Group<(usize, InputResult)> = batch::Group::default();
    let force = args.force;
    let commit = |group: &mut batch::Group<(usize, InputResult)>,
                  report: &mut dyn FnMut(usize, InputResult)| {
        for ((index, mut result), published) in group.commit(force) {
            match published {
                Ok(writes) => {
                    // Added to, not replaced: a skipped input waits in the group behind a
                    // converted one with nothing staged, and its outputs stay `unchanged`.
                    if let Ok(done) = &mut result.outcome {
                        done.writes.extend(writes);
                    }
                }
                Err(e) => result.outcome = Err(write_failure(&result.name, e)),
            }
            report(index, result);
        }
    };
    let stopped = batch::run_ordered(
        &inputs,
        jobs,
        Worker::default,
        |worker, _, input| {
            let result = convert_one(
                input,
                &outputs_of(input),
                &sources,
                &options,
                worker,
                &args,
                memo.as_ref(),
            );
            bar.inc(1);
            result
        },
        |index, mut result| {
            // Results wait in the group only while one before them does (input order).
            let staged = match &mut result.outcome {
                Ok(done) => std::mem::take(&mut done.staged),
                Err(_) => Vec::new(),
            };
            if staged.is_empty() && group.is_empty() {
                report(index, result);
            } else if group.push((index, result), staged) {
                commit(&mut group, &mut report);
            }
        },
    );
    commit(&mut group, &mut report);
    if let Err(e) = lines.flush() {
        io_error.get_or_insert(e);
    }
    drop(lines);
    bar.finish_and_clear();
    batch::sync_dirs(written_dirs.iter().map(PathBuf::as_path));
    if let Some(e) = io_error {
        return Err(e.into());
    }
    if let Some(writer) = record {
        // A record that cannot be written costs the next run time, not this run's outputs
        // (a record is always checked against the bytes on disk before it is believed).
        let finished = match state_error {
            Some(e) => Err(e.to_string()),
            None => writer.finish().map_err(|e| e.to_string()),
        };
        if let Err(e) = finished {
            eprintln!(
                "colloquy: warning: {}: the record of this run could not be written, so the next run may convert again what this one converted: {}",
                args.output.join(state::STATE_FILE).display(),
                printable_line(&e)
            );
            // Counted, so --strict fails a run whose next run cannot skip anything.
            warnings += 1;
        }
    }
    if skipped > 0 {
        eprintln!(
            "colloquy: note: {skipped} input(s) unchanged since the last run into {} (input, options, version and the outputs on disk match its {}): not converted again",
            args.output.display(),
            state::STATE_FILE
        );
    }
    if let Some(stopped) = super::stop_point(stopped, found.problems.len()) {
        // Neither a newsMessage nor a report of part of the batch: each would pass for
        // the whole. What was written is complete and in the record, so a re-run skips it.
        let rest = match stopped {
            super::Stop::During(_) => "; run the same command again to convert the rest",
            super::Stop::AfterLast => "",
        };
        return Ok(super::interrupted(
            stopped,
            &format!(
                "{failed} failed, {warnings} warning(s); the outputs written are complete and recorded, and no newsMessage or report was written{rest}"
            ),
        ));
    }
    let mut err = stderr.lock();
    let total = inputs.len() + found.problems.len();
    // The message is not an input: its failure fails the run without counting an
    // input as failed.
    let mut message_failed = false;
    if let (Some(path), Some(spool), Some(shard)) = (&args.newsml_message, &spool, args.shard) {
        // An empty share is no failure: `colloquy message` assembles what the shares hold.
        if spool.is_empty() && failed == 0 {
            writeln!(
                err,
                "colloquy: note: share {}/{} holds no interview, so no newsMessage {} was written",
                shard.index,
                shard.count,
                path.display()
            )?;
        }
    }
    let spool = spool.filter(|s| !(s.is_empty() && failed == 0 && args.shard.is_some()));
    if let (Some(path), Some(spool)) = (&args.newsml_message, spool) {
        let held = spool.len();
        let left_out = total - held;
        match spool.write(path, args.force) {
            // Say what the message holds: a batch with failed inputs gives a message
            // without them, which must not pass for the whole collection.
            Ok(outcome) => writeln!(
                err,
                "colloquy: newsMessage {}: {} interview(s){}; {}",
                path.display(),
                held,
                if left_out > 0 {
                    format!(", {left_out} failed input(s) not in it")
                } else {
                    String::new()
                },
                match outcome {
                    WriteOutcome::Written => "written",
                    WriteOutcome::Unchanged => "unchanged",
                    WriteOutcome::Replaced => "replaced",
                }
            )?,
            Err(message::MessageError::Stopped) => {
                drop(err);
                return Ok(super::interrupted(
                    super::Stop::AfterLast,
                    "the outputs written are complete and recorded, and no newsMessage or report was written",
                ));
            }
            Err(e) => {
                writeln!(err, "colloquy: error: {}", printable_line(&e.to_string()))?;
                message_failed = true;
                if let Some(reports) = reports.as_mut() {
                    reports.push(&FileReport {
                        path: path.display().to_string(),
                        kind: None,
                        findings: vec![finding(
                            Severity::Error,
                            "convert/write",
                            &e.to_string(),
                            None,
                        )],
                        checked_against: Vec::new(),
                    })?;
                }
            }
        }
    }
    if let (Some(format), Some(reports)) = (args.report, reports) {
        if let Some(e) = report_error {
            return Err(e.into());
        }
        let reports = reports.finish()?;
        super::emit_with(|out| report::write_for(format, "convert", &reports, out))?;
    }
    if !args.stdout {
        writeln!(
            err,
            "{} input(s): {} converted, {}{} failed; files: {} written, {} unchanged, {} replaced; {} warning(s)",
            total,
            total - failed - skipped,
            // A skipped input was not converted: saying so keeps the count honest.
            if skipped > 0 {
                format!("{skipped} skipped as unchanged, ")
            } else {
                String::new()
            },
            failed,
            counts[WriteOutcome::Written as usize],
            counts[WriteOutcome::Unchanged as usize],
            counts[WriteOutcome::Replaced as usize],
            warnings
        )?;
    }
    let strict_fail = args.strict && warnings > 0;
    if strict_fail {
        // Otherwise '0 failed' and exit 1 would contradict each other.
        writeln!(
            err,
            "colloquy: error: --strict: {warnings} warning(s) fail the run (the outputs were written)"
        )?;
    }
    Ok(if failed > 0 || message_failed || strict_fail {
        EXIT_FAILED
    } else {
        EXIT_OK
    })
}

/// Says, in one line each, what directory walks left out, so nothing is skipped
/// silently: files whose names are not interview formats, and the output directory.
pub(super) fn note_left_out(skipped: &[PathBuf], excluded: &[PathBuf]) {
    if let Some(first) = skipped.first() {
        eprintln!(
            "colloquy: note: {} file(s) in the given directories left out (endings colloquy does not take, or broken links), e.g. {}; name a file explicitly to read it",
            skipped.len(),
            printable_line(&first.display().to_string())
        );
    }
    for dir in excluded {
        eprintln!(
            "colloquy: note: {}: not walked, it is the output directory",
            dir.display()
        );
    }
}

/// A hint for a file that failed to read and, by its name, is no interview text at all:
/// an output of colloquy (or any structured document) given to `convert`, or an office
/// document swept up by a glob.
fn kind_hint(path: Option<&Path>) -> &'static str {
    let ext = path
        .and_then(|p| p.extension())
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default();
    match ext.as_str() {
        "jsonld" | "json" | "xml" => {
            "; this looks like a structured document, not an interview text: `colloquy validate FILE` checks JSON-LD, NewsML-G2 and Dublin Core files"
        }
        // The decoder already says what a binary file is and what colloquy reads; the
        // one thing it cannot know is that a document can be exported.
        "doc" | "docx" | "odt" | "rtf" | "pdf" | "pages" => {
            "; export the document as UTF-8 text (.txt) first"
        }
        _ => "",
    }
}

fn convert_one(
    input: &Input,
    outputs: &[PathBuf],
    sources: &MetaSources,
    options: &ConvertOptions,
    worker: &mut Worker,
    args: &Args,
    memo: Option<&Memo>,
) -> InputResult {
    let checker = &mut worker.checker;
    let name = input.name();
    let keep = args.newsml_message.is_some();
    let mut warnings = Vec::new();
    let outcome = (|| {
        let (bytes, metadata) = input.read_with_metadata(args.max_input_size).map_err(|e| {
            Failure::of_input(
                &name,
                "input/unreadable",
                batch::read_error_message(&name, &e),
                None,
            )
        })?;
        // The sidecar beside the input, found once in the worker's listing of the
        // directory: the one the record names is the one the reading applies. (Two
        // sidecars are an error the reading reports; it looks again to do so.)
        let beside = match (args.meta.sidecar.is_none(), input.path()) {
            (true, Some(p)) => worker.sidecars.find(p).ok(),
            _ => None,
        };
        // What the record of the last run must match for this input to be skipped.
        let recorded = memo.map(|memo| {
            let mut context = state::Digest::new();
            // The name is in the warnings replayed on a skip.
            context.part(memo.options.as_bytes()).part(name.as_bytes());
            let modified = metadata
                .as_ref()
                .and_then(|m| m.modified().ok())
                .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
                .map_or(-1, |d| d.as_secs() as i64);
            context.part(&modified.to_le_bytes());
            if args.meta.sidecar.is_none() {
                context.file(beside.as_ref().and_then(|found| found.as_deref()));
            }
            let record = state::Record {
                input: state::digest(&bytes),
                context: context.finish(),
                version: colloquy::BUILD.to_string(),
                outputs: Vec::new(),
                warnings: Vec::new(),
            };
            (state::key(&args.output, outputs), record)
        });
        if let (Some(memo), Some((key, want))) = (memo, &recorded) {
            if memo.skip {
                if let Some(old) = memo.state.get(*key) {
                    if old.vouches(&want.input, &want.context, outputs) {
                        warnings.extend(old.warnings.iter().map(from_record));
                        return Ok(Done {
                            writes: outputs
                                .iter()
                                .map(|p| (p.clone(), WriteOutcome::Unchanged))
                                .collect(),
                            staged: Vec::new(),
                            stdout: None,
                            unit: None,
                            record: Some((*key, old)),
                            skipped: true,
                        });
                    }
                }
            }
        }
        let sources = match &beside {
            Some(Some(file)) => MetaSources {
                sidecar: SidecarFrom::File(file),
                ..*sources
            },
            Some(None) => MetaSources {
                sidecar: SidecarFrom::Nothing,
                ..*sources
            },
            None => *sources,
        };
        let read = || pipeline::read_with_meta(&name, input.path(), &bytes, &sources);
        let read = if checker.is_none()
            && options
                .formats
                .iter()
                .any(|f| matches!(f, OutputFormat::NewsMl))
        {
            // A worker's first NewsML-G2 document needs the XSDs compiled, the longest
            // step of a one-file run: do that here while another thread reads the input.
            // (A failure to compile is reported below, where the checker is made.)
            std::thread::scope(|scope| {
                let reading = scope.spawn(read);
                if let Ok(compiled) = Checker::new(None) {
                    compiled.prepare_newsml();
                    *checker = Some(compiled);
                }
                reading
                    .join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
            })
        } else {
            read()
        };
        let (text, interview) = read.map_err(|e| match e {
            ConvertError::Meta(e) => {
                Failure::of_input(&name, "convert/metadata", e.to_string(), None)
            }
            other => {
                let at = match &other {
                    ConvertError::Read(colloquy::read::ReadError::Ohms {
                        line, column, ..
                    }) => Some((*line, *column)),
                    ConvertError::Read(e) => e.offset().map(|offset| byte_line_col(&bytes, offset)),
                    _ => None,
                };
                // An OHMS record is the structured input convert reads: no hint
                // that it looks like one.
                let hint = match &other {
                    ConvertError::Read(colloquy::read::ReadError::Ohms { .. }) => "",
                    _ => kind_hint(input.path()),
                };
                let message = format!("{other}{hint}");
                Failure::of_input(&name, "convert/read", message, at)
            }
        })?;
        let items = interview.turns.len() + interview.figures.len();
        if items > args.max_items {
            return Err(Failure::of_input(
                &name,
                "convert/too-many-items",
                format!(
                    "{name}: reads as {} turns and {} photos, more than --max-items {}; nothing written (raise --max-items to convert it)",
                    interview.turns.len(),
                    interview.figures.len(),
                    args.max_items
                ),
                None,
            ));
        }
        // The file's modification time is the last resort for versionCreated.
        let options = ConvertOptions {
            input_modified: metadata
                .as_ref()
                .and_then(|m| m.modified().ok())
                .and_then(|t| jiff::Timestamp::try_from(t).ok()),
            ..options.clone()
        };
        if checker.is_none() {
            *checker = Some(Checker::new(None).map_err(|e| {
                Failure::new(
                    "convert/schemas",
                    format!("{name}: the bundled schemas could not be compiled: {e}; check the libxml2 installation"),
                )
            })?);
        }
        let checker = checker.as_ref().expect("compiled above");
        let converted = pipeline::write_checked(&name, &text, interview, &options, checker)
            .map_err(|e| match e {
                ConvertError::Invalid { ref findings, .. } => Failure {
                    message: e.to_string(),
                    findings: findings.clone(),
                },
                ConvertError::NoVersionTime { .. } => {
                    Failure::of_input(&name, "convert/version-created", e.to_string(), None)
                }
                other => Failure::new("convert/read", other.to_string()),
            })?;
        // Notes (Severity::Info) are for `inspect` and `validate`; convert shows warnings.
        // One index of line starts for all of them (a count from byte 0 per warning is
        // quadratic when a long text has many).
        let mut lines: Option<LineIndex> = None;
        for d in converted
            .warnings
            .iter()
            .filter(|d| d.severity >= Severity::Warning)
        {
            let at = d.span.as_ref().map(|s| {
                lines
                    .get_or_insert_with(|| LineIndex::new(&text))
                    .line_col(&text, s.start)
            });
            // `FILE:LINE:COL: warning: …`, the shape editors and terminals jump to.
            let shown = match at {
                Some((line, col)) => {
                    format!("{name}:{line}:{col}: warning: {}: {}", d.code, d.message)
                }
                None => format!("{name}: warning: {}: {}", d.code, d.message),
            };
            let rule = format!("read/{}", d.code);
            warnings.push((shown, finding(d.severity, &rule, &d.message, at)));
        }
        for doc in &converted.documents {
            for f in doc
                .findings
                .iter()
                .filter(|f| f.severity >= Severity::Warning)
            {
                // The place of a finding is in the output document, not the input.
                let shown = format!(
                    "{name}: warning: {} output: {}: {}",
                    doc.format.name(),
                    f.rule,
                    f.message
                );
                warnings.push((shown, f.clone()));
            }
        }
        if args.stdout {
            return Ok(Done {
                writes: Vec::new(),
                staged: Vec::new(),
                stdout: Some(converted.documents[0].text.clone()),
                unit: None,
                record: None,
                skipped: false,
            });
        }
        // The message names the input whose documents could not be written, then the path.
        // The message part is checked before anything is written: an input whose
        // message part is invalid fails whole, like one with an invalid document.
        let unit = if keep {
            Some(
                message::unit_of(&converted.interview, &converted.context, checker).map_err(
                    |e| {
                        Failure::of_input(
                            &name,
                            "convert/newsml-message",
                            format!("{name}: its part of the newsMessage is invalid: {e}"),
                            None,
                        )
                    },
                )?,
            )
        } else {
            None
        };
        // Nothing of this input is published unless every output can be; the batch
        // publishes it with its group, after one sync (see `batch::Group`).
        // An output that differs may be replaced without --force when it is the one the
        // last run wrote, untouched since (its hash in the record): the input or an
        // option changed, and the file is colloquy's own. One edited by hand is not.
        let last_written = std::cell::OnceCell::new();
        let last_written = |i: usize| -> Option<String> {
            let (memo, (key, _)) = (memo?, recorded.as_ref()?);
            last_written
                .get_or_init(|| memo.state.get(*key).map(|r| r.outputs))
                .as_ref()?
                .get(i)
                .cloned()
        };
        let staged = outputs
            .iter()
            .zip(&converted.documents)
            .enumerate()
            .map(|(i, (path, doc))| {
                let may_replace =
                    |held: &[u8]| args.force || last_written(i) == Some(state::digest(held));
                batch::stage_replacing(path, doc.text.as_bytes(), &may_replace)
            })
            .collect::<Result<Vec<_>, _>>()
            .map_err(|e| write_failure(&name, e))?;
        let record = recorded.map(|(key, mut record)| {
            record.outputs = converted
                .documents
                .iter()
                .map(|d| state::digest(d.text.as_bytes()))
                .collect();
            record.warnings = warnings.iter().map(to_record).collect();
            (key, record)
        });
        Ok(Done {
            writes: Vec::new(),
            staged,
            stdout: None,
            unit,
            record,
            skipped: false,
        })
    })();
    InputResult {
        name,
        outcome,
        warnings,
    }
}
