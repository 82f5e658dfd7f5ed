//! Reports: the findings of a batch rendered for people (`human`) and for machines —
//! `json` (one document), `ndjson` (one finding per line), `junit` (one testcase per
//! file), `sarif` (SARIF 2.1.0, for code-scanning UIs) and `github` (workflow commands
//! that annotate pull requests). Every renderer is a pure function of the reports, so
//! output is byte-identical whatever order or thread count produced them — provided
//! the caller passes the reports in a deterministic order (the batch sorts by path).

pub mod github;
pub mod human;
pub mod json;
pub mod junit;
pub mod sarif;

use super::FileReport;
use crate::model::Severity;
use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::io::{self, BufRead as _, Seek as _, Write as _};

/// A report format (`--report`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, clap::ValueEnum)]
pub enum Format {
    Human,
    Json,
    Ndjson,
    Junit,
    Sarif,
    Github,
}

impl std::str::FromStr for Format {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        Ok(match s {
            "human" => Format::Human,
            "json" => Format::Json,
            "ndjson" => Format::Ndjson,
            "junit" => Format::Junit,
            "sarif" => Format::Sarif,
            "github" => Format::Github,
            other => {
                return Err(format!(
                    "unknown report format `{other}` (human, json, ndjson, junit, sarif, github)"
                ))
            }
        })
    }
}

/// Renders `reports` in `format`. The result ends with a newline (empty for NDJSON
/// and GitHub output without findings).
pub fn render(format: Format, reports: &[FileReport]) -> String {
    render_for(format, "validate", reports)
}

/// [`render`] for the report of one subcommand (`validate` or `convert`), which JUnit
/// names in its suite and class names so a CI dashboard shows which step reported.
pub fn render_for(format: Format, command: &str, reports: &[FileReport]) -> String {
    let mut out = Vec::new();
    write_for(format, command, &InMemory::new(reports), &mut out)
        .expect("reports in memory, written to memory");
    String::from_utf8(out).expect("reports are UTF-8")
}

/// A batch's reports as the renderers read them: what the whole batch counts, known
/// before the first file is written (JUnit and JSON print their totals first, SARIF
/// its rule table), then the files in order, walked once per pass (SARIF makes two).
pub trait Reports {
    fn totals(&self) -> Totals;
    /// Every rule id the findings name.
    fn rule_ids(&self) -> BTreeSet<String>;
    /// Calls `each` on every report, in order.
    fn each(&self, each: &mut dyn FnMut(&FileReport) -> io::Result<()>) -> io::Result<()>;
}

/// Reports held in memory.
pub struct InMemory<'a>(&'a [FileReport]);

impl<'a> InMemory<'a> {
    pub fn new(reports: &'a [FileReport]) -> Self {
        InMemory(reports)
    }
}

impl Reports for InMemory<'_> {
    fn totals(&self) -> Totals {
        Totals::of(self.0)
    }
    fn rule_ids(&self) -> BTreeSet<String> {
        self.0
            .iter()
            .flat_map(|r| r.findings.iter().map(|f| f.rule.clone()))
            .collect()
    }
    fn each(&self, each: &mut dyn FnMut(&FileReport) -> io::Result<()>) -> io::Result<()> {
        self.0.iter().try_for_each(each)
    }
}

/// Reports kept as they come, one JSON line each, in memory up to [`Spool::IN_MEMORY`]
/// bytes and past that in a temp file (in `TMPDIR`), so a batch of any size is
/// reported in flat memory (200 000 files held as reports took 350 MB) and a small one
/// needs no temp space. The counts the renderers need first are kept as the reports
/// pass.
pub struct Spool {
    file: io::BufWriter<tempfile::SpooledTempFile>,
    totals: Totals,
    rule_ids: BTreeSet<String>,
}

impl Spool {
    /// How many bytes of reports stay in memory before they go to a temp file.
    pub const IN_MEMORY: usize = 1 << 20;

    pub fn new() -> Spool {
        Spool::keeping(Self::IN_MEMORY)
    }

    /// A spool that keeps `bytes` in memory before it goes to a temp file.
    fn keeping(bytes: usize) -> Spool {
        Spool {
            file: io::BufWriter::new(tempfile::spooled_tempfile(bytes)),
            totals: Totals::default(),
            rule_ids: BTreeSet::new(),
        }
    }

    pub fn push(&mut self, r: &FileReport) -> io::Result<()> {
        self.totals.add(r);
        for f in &r.findings {
            if !self.rule_ids.contains(&f.rule) {
                self.rule_ids.insert(f.rule.clone());
            }
        }
        serde_json::to_writer(&mut self.file, r)
            .map_err(io::Error::from)
            .and_then(|()| self.file.write_all(b"\n"))
            .map_err(spool_error)
    }

    /// The spooled reports, ready to be read back.
    pub fn finish(self) -> io::Result<Spooled> {
        let file = self
            .file
            .into_inner()
            .map_err(|e| spool_error(e.into_error()))?;
        Ok(Spooled {
            file: std::cell::RefCell::new(file),
            totals: self.totals,
            rule_ids: self.rule_ids,
        })
    }
}

impl Default for Spool {
    fn default() -> Self {
        Spool::new()
    }
}

/// A spool that could not be written: where, and what to do.
fn spool_error(e: io::Error) -> io::Error {
    io::Error::new(
        e.kind(),
        format!(
            "the report could not be kept in a temp file in {}: {e}; set TMPDIR to a writable directory with room (a report past {} MB goes there)",
            std::env::temp_dir().display(),
            Spool::IN_MEMORY >> 20
        ),
    )
}

/// A finished [`Spool`].
pub struct Spooled {
    file: std::cell::RefCell<tempfile::SpooledTempFile>,
    totals: Totals,
    rule_ids: BTreeSet<String>,
}

impl Reports for Spooled {
    fn totals(&self) -> Totals {
        self.totals
    }
    fn rule_ids(&self) -> BTreeSet<String> {
        self.rule_ids.clone()
    }
    fn each(&self, each: &mut dyn FnMut(&FileReport) -> io::Result<()>) -> io::Result<()> {
        // Read from the start on every pass.
        let mut file = self.file.borrow_mut();
        file.seek(io::SeekFrom::Start(0))?;
        for line in io::BufReader::new(&mut *file).lines() {
            let report: FileReport = serde_json::from_str(&line?)?;
            each(&report)?;
        }
        Ok(())
    }
}

/// Writes `reports` in `format` to `out`, one file at a time (see [`render_for`]).
pub fn write_for(
    format: Format,
    command: &str,
    reports: &dyn Reports,
    out: &mut dyn io::Write,
) -> io::Result<()> {
    let mut text = String::new();
    // Each file's text goes out as soon as it is made.
    let mut file = |out: &mut dyn io::Write, make: &mut dyn FnMut(&mut String)| {
        text.clear();
        make(&mut text);
        out.write_all(text.as_bytes())
    };
    match format {
        Format::Human => {
            reports.each(&mut |r| file(out, &mut |t| human::file(t, r)))?;
            let mut summary = String::new();
            human::summary(&mut summary, reports.totals());
            out.write_all(summary.as_bytes())
        }
        Format::Ndjson => reports.each(&mut |r| file(out, &mut |t| json::ndjson_file(t, r))),
        Format::Github => reports.each(&mut |r| file(out, &mut |t| github::file(t, r))),
        Format::Junit => {
            let mut head = String::new();
            junit::head(&mut head, command, reports.totals());
            out.write_all(head.as_bytes())?;
            reports.each(&mut |r| file(out, &mut |t| junit::file(t, command, r)))?;
            let mut tail = String::new();
            junit::tail(&mut tail);
            out.write_all(tail.as_bytes())
        }
        Format::Json => {
            let frame = pretty(&json::frame(reports.totals()));
            let (before, indent, after) = split_frame(&frame, json::FILES);
            out.write_all(before.as_bytes())?;
            let mut array = Array::new(indent);
            reports.each(&mut |r| array.element(out, &json::file(r)))?;
            array.close(out)?;
            out.write_all(after.as_bytes())?;
            out.write_all(b"\n")
        }
        Format::Sarif => {
            let ids = sarif::rule_ids(&reports.rule_ids());
            let index: BTreeMap<&str, usize> = ids
                .iter()
                .enumerate()
                .map(|(i, id)| (id.as_str(), i))
                .collect();
            let frame = pretty(&sarif::frame(&ids));
            let (before, indent, rest) = split_frame(&frame, sarif::ARTIFACTS);
            let (between, results_indent, after) = split_frame(rest, sarif::RESULTS);
            out.write_all(before.as_bytes())?;
            let mut artifacts = Array::new(indent);
            reports.each(&mut |r| artifacts.element(out, &sarif::artifact(r)))?;
            artifacts.close(out)?;
            out.write_all(between.as_bytes())?;
            let mut results = Array::new(results_indent);
            let mut place = 0;
            reports.each(&mut |r| {
                for result in sarif::results(r, place, &index) {
                    results.element(out, &result)?;
                }
                place += 1;
                Ok(())
            })?;
            results.close(out)?;
            out.write_all(after.as_bytes())?;
            out.write_all(b"\n")
        }
    }
}

fn pretty(value: &serde_json::Value) -> String {
    serde_json::to_string_pretty(value).expect("JSON values serialize")
}

/// Splits a pretty-printed frame at the placeholder string `place`: the text before
/// it, the indent of its line, and the text after it.
fn split_frame<'a>(frame: &'a str, place: &str) -> (&'a str, usize, &'a str) {
    let quoted = serde_json::to_string(place).expect("a string serializes");
    let at = frame
        .find(&quoted)
        .expect("the frame holds its placeholder");
    let line_start = frame[..at].rfind('\n').map_or(0, |i| i + 1);
    let indent = frame[line_start..].len() - frame[line_start..].trim_start().len();
    (&frame[..at], indent, &frame[at + quoted.len()..])
}

/// A JSON array written element by element, laid out as `serde_json`'s pretty printer
/// lays out a whole document (two spaces a level), so the output is the same.
struct Array {
    indent: usize,
    count: usize,
}

impl Array {
    fn new(indent: usize) -> Array {
        Array { indent, count: 0 }
    }

    fn element(&mut self, out: &mut dyn io::Write, value: &serde_json::Value) -> io::Result<()> {
        let mut text = String::from(if self.count == 0 { "[\n" } else { ",\n" });
        for (i, line) in pretty(value).lines().enumerate() {
            if i > 0 {
                text.push('\n');
            }
            text.extend(std::iter::repeat_n(' ', self.indent + 2));
            text.push_str(line);
        }
        self.count += 1;
        out.write_all(text.as_bytes())
    }

    fn close(self, out: &mut dyn io::Write) -> io::Result<()> {
        if self.count == 0 {
            return out.write_all(b"[]");
        }
        let mut text = String::from("\n");
        text.extend(std::iter::repeat_n(' ', self.indent));
        text.push(']');
        out.write_all(text.as_bytes())
    }
}

/// Counts over a batch, shared by the renderers.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
pub struct Totals {
    pub files: usize,
    pub files_with_errors: usize,
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
}

impl Totals {
    pub fn of(reports: &[FileReport]) -> Self {
        let mut t = Totals::default();
        for r in reports {
            t.add(r);
        }
        t
    }

    /// Counts one more file.
    pub fn add(&mut self, r: &FileReport) {
        self.files += 1;
        self.errors += r.count(Severity::Error);
        self.warnings += r.count(Severity::Warning);
        self.infos += r.count(Severity::Info);
        self.files_with_errors += usize::from(r.has_errors());
    }
}

/// A path as CI systems match it against the repository: without leading `./`
/// (GitHub places `records/a.jsonld`, not `./records/a.jsonld`, on a pull request).
pub fn repo_path(path: &str) -> &str {
    let mut p = path;
    while let Some(rest) = p.strip_prefix("./") {
        p = rest.trim_start_matches('/');
    }
    p
}

/// Text from files (names, JSON keys, values) made safe to print: C0 and C1 control
/// characters and DEL become visible escapes (`\n`, `\r`, `\t`, `\u{1b}`), so a
/// report line can be neither split (a new line starting `::error` would be a GitHub
/// Actions workflow command) nor carry terminal escapes, and XML 1.0 can hold it.
pub fn printable(s: &str) -> Cow<'_, str> {
    if !s.chars().any(char::is_control) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{{{:x}}}", c as u32);
            }
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// A path that begins a printed line: [`printable`], and `./` before a name that would
/// make the line start with `::` (a workflow command to GitHub Actions).
pub fn line_path(path: &str) -> Cow<'_, str> {
    let p = printable(path);
    if p.trim_start().starts_with("::") {
        Cow::Owned(format!("./{p}"))
    } else {
        p
    }
}

/// A whole line for stderr or a log, made of colloquy's words and file-borne text:
/// [`printable`] and, like [`line_path`], never starting with `::`.
pub fn printable_line(line: &str) -> String {
    line_path(line).into_owned()
}

/// The lowercase word for a severity.
pub fn severity_word(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "info",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::{DocKind, Finding, Location};

    fn finding(severity: Severity, rule: &str, line: Option<usize>) -> Finding {
        Finding {
            severity,
            rule: rule.to_string(),
            message: format!("{rule} \"quoted\"\nsecond line"),
            location: Location {
                line,
                column: line.map(|l| l + 1),
                pointer: line.map(|_| "/a/0".to_string()),
            },
            hint: line.map(|_| "do this".to_string()),
        }
    }

    fn batch() -> Vec<FileReport> {
        vec![
            FileReport {
                path: "out/a.jsonld".into(),
                kind: Some(DocKind::JsonLd),
                findings: vec![
                    finding(Severity::Error, "json-schema/required", Some(3)),
                    finding(Severity::Warning, "validator/other", None),
                ],
                checked_against: vec!["one".into(), "two".into()],
            },
            FileReport {
                path: "b.xml".into(),
                kind: None,
                findings: Vec::new(),
                checked_against: Vec::new(),
            },
            FileReport {
                path: "c d.xml".into(),
                kind: Some(DocKind::NewsMl),
                findings: vec![finding(Severity::Info, "another/extra", Some(1))],
                checked_against: vec!["xsd".into()],
            },
        ]
    }

    /// The frame with its placeholders replaced by whole arrays, pretty-printed in one
    /// go: what the streamed writer must give byte for byte.
    fn whole(mut frame: serde_json::Value, arrays: &[(&str, Vec<serde_json::Value>)]) -> String {
        fn fill(v: &mut serde_json::Value, arrays: &[(&str, Vec<serde_json::Value>)]) {
            match v {
                serde_json::Value::String(s) => {
                    if let Some((_, a)) = arrays.iter().find(|(p, _)| p == s) {
                        *v = serde_json::Value::Array(a.clone());
                    }
                }
                serde_json::Value::Array(a) => a.iter_mut().for_each(|v| fill(v, arrays)),
                serde_json::Value::Object(o) => o.values_mut().for_each(|v| fill(v, arrays)),
                _ => {}
            }
        }
        fill(&mut frame, arrays);
        pretty(&frame) + "\n"
    }

    #[test]
    fn streamed_json_and_sarif_are_the_whole_documents() {
        for reports in [batch(), batch()[1..2].to_vec(), Vec::new()] {
            let json_whole = whole(
                json::frame(Totals::of(&reports)),
                &[(json::FILES, reports.iter().map(json::file).collect())],
            );
            assert_eq!(render(Format::Json, &reports), json_whole);

            let ids = sarif::rule_ids(&InMemory::new(&reports).rule_ids());
            let index: BTreeMap<&str, usize> = ids
                .iter()
                .enumerate()
                .map(|(i, id)| (id.as_str(), i))
                .collect();
            let sarif_whole = whole(
                sarif::frame(&ids),
                &[
                    (
                        sarif::ARTIFACTS,
                        reports.iter().map(sarif::artifact).collect(),
                    ),
                    (
                        sarif::RESULTS,
                        reports
                            .iter()
                            .enumerate()
                            .flat_map(|(i, r)| sarif::results(r, i, &index))
                            .collect(),
                    ),
                ],
            );
            assert_eq!(render(Format::Sarif, &reports), sarif_whole);
        }
    }

    #[test]
    fn a_spooled_batch_reads_as_the_same_batch_in_memory() {
        let reports = batch();
        // Held in memory, and past a limit of nothing on disk from the first byte.
        for (mut spool, on_disk) in [(Spool::new(), false), (Spool::keeping(0), true)] {
            for r in &reports {
                spool.push(r).unwrap();
            }
            let spooled = spool.finish().unwrap();
            assert_eq!(spooled.file.borrow().is_rolled(), on_disk);
            // Every format, also one added later.
            for &format in <Format as clap::ValueEnum>::value_variants() {
                let mut out = Vec::new();
                write_for(format, "validate", &spooled, &mut out).unwrap();
                assert_eq!(
                    String::from_utf8(out).unwrap(),
                    render(format, &reports),
                    "{format:?}"
                );
            }
        }
    }
}
