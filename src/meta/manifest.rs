//! CSV manifests: one row of metadata per input, since collections are curated in
//! spreadsheets.
//!
//! A row names its input in the `file` column, relative to the manifest's own directory.
//! Lists sit in one cell separated by `;`. The row type [`ManifestRecord`] is both the
//! parser (serde via the csv crate) and the source of `schemas/manifest.schema.json`.
//! Quoting is checked strictly (RFC 4180) before parsing, because the csv crate is lenient
//! and would otherwise turn a stray quote into silently wrong values.

use super::values::{closest, DateText, LanguageTag, UrlText};
use super::MetaError;
use schemars::JsonSchema;
use serde::Deserialize;
use std::collections::HashMap;
use std::path::{Component, Path, PathBuf};

/// One manifest row; each column is optional except `file`. Empty cells mean "not given".
#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(
    title = "colloquy manifest row",
    description = "One row of a colloquy CSV manifest (UTF-8, with or without BOM, header row first). Every cell is text; empty cells mean not given. List cells separate their items with ';'."
)]
pub struct ManifestRecord {
    /// The input this row describes, relative to the manifest's directory.
    pub file: String,
    /// The article's headline.
    pub headline: Option<String>,
    /// A secondary headline or subtitle.
    pub alternative_headline: Option<String>,
    /// A short summary.
    pub description: Option<String>,
    /// Language of the text, BCP 47.
    pub language: Option<LanguageTag>,
    /// When the text was published: RFC 3339 with offset (2026-05-12T09:30:00+07:00) or a date (2026-05-12, 2026-05, 2026).
    pub date_published: Option<DateText>,
    /// When the text was last modified; same forms as date_published.
    pub date_modified: Option<DateText>,
    /// Where the text was taken from.
    pub source_url: Option<UrlText>,
    /// Where this text is published.
    pub url: Option<UrlText>,
    /// The site's section.
    pub section: Option<String>,
    /// Keywords, separated by ';'.
    pub keywords: Option<String>,
    /// The publisher's name.
    pub publisher_name: Option<String>,
    /// The publisher's home page.
    pub publisher_url: Option<UrlText>,
    /// URL of the publisher's logo.
    pub publisher_logo: Option<UrlText>,
    /// Interviewer names, separated by ';'.
    pub interviewers: Option<String>,
    /// Interviewer job titles, ';'-separated, by position (leave an item empty to skip one).
    pub interviewer_job_titles: Option<String>,
    /// Interviewer affiliations, ';'-separated, by position.
    pub interviewer_affiliations: Option<String>,
    /// Interviewee names, separated by ';'.
    pub interviewees: Option<String>,
    /// Interviewee job titles, ';'-separated, by position.
    pub interviewee_job_titles: Option<String>,
    /// Interviewee affiliations, ';'-separated, by position.
    pub interviewee_affiliations: Option<String>,
    /// Who holds the copyright.
    pub copyright_holder: Option<String>,
    /// The copyright notice as printed.
    pub copyright_notice: Option<String>,
    /// URL of the licence.
    pub license: Option<UrlText>,
    /// URL of the original this text translates.
    pub original_url: Option<UrlText>,
    /// Language of the original, BCP 47.
    pub original_language: Option<LanguageTag>,
    /// Headline of the original.
    pub original_headline: Option<String>,
    /// Who translated the text.
    pub translator: Option<String>,
    /// Identifiers as scheme=value, separated by ';'.
    pub identifiers: Option<String>,
    /// Image URLs by photo position, ';'-separated.
    pub image_urls: Option<String>,
    /// Photo credits by position, ';'-separated.
    pub image_credits: Option<String>,
    /// Who took each photo (the picture's creator), by position, ';'-separated.
    pub image_photographers: Option<String>,
}

/// One parsed row with where it is.
#[derive(Debug, Clone)]
pub struct ManifestRow {
    /// The manifest file, as given, for provenance.
    pub path: String,
    /// 1-based row number, the header being row 1.
    pub row: usize,
    /// 1-based line where the row starts (differs from `row` when cells span lines).
    pub line: usize,
    pub record: ManifestRecord,
}

/// A loaded manifest.
#[derive(Debug, Clone)]
pub struct Manifest {
    pub path: PathBuf,
    pub rows: Vec<ManifestRow>,
    /// Normalized absolute input path → index into `rows`.
    index: HashMap<PathBuf, usize>,
}

/// The column names, in schema order, taken from the same type that parses the rows.
pub fn known_columns() -> Vec<String> {
    let schema = schemars::schema_for!(ManifestRecord);
    schema
        .get("properties")
        .and_then(|p| p.as_object())
        .map(|o| o.keys().cloned().collect())
        .unwrap_or_default()
}

impl Manifest {
    /// Reads and checks a manifest. Every row is parsed and checked now, so errors show
    /// before any conversion starts.
    pub fn load(path: &Path) -> Result<Manifest, MetaError> {
        let shown = path.display().to_string();
        let bytes = super::read_limited(path, super::MANIFEST_LIMIT)?;
        let base = path.parent().unwrap_or(Path::new("")).to_path_buf();
        Manifest::parse(&shown, &base, &bytes).map(|mut m| {
            m.path = path.to_path_buf();
            m
        })
    }

    /// Parses manifest bytes; `name` is used in errors and provenance, `base` is the
    /// directory the `file` column is relative to.
    pub fn parse(name: &str, base: &Path, bytes: &[u8]) -> Result<Manifest, MetaError> {
        let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
        let text = std::str::from_utf8(bytes).map_err(|e| {
            let (line, column) =
                crate::model::line_col(&String::from_utf8_lossy(bytes), e.valid_up_to());
            MetaError::Csv {
                path: name.into(),
                line,
                column,
                reason: "not valid UTF-8; save the manifest as UTF-8 (with or without BOM)".into(),
            }
        })?;
        // Spreadsheets on Windows write CRLF, also inside multi-line cells; the cells'
        // text should not carry the CR. Lines and columns are unaffected.
        let text = &text.replace("\r\n", "\n");
        check_quoting(name, text)?;
        // Each row's line from one index of line starts: counting from byte 0 per row
        // made a 20 000-row manifest quadratic (3.5 s).
        let lines = crate::model::LineIndex::new(text);

        let mut reader = csv::ReaderBuilder::new()
            .has_headers(true)
            .trim(csv::Trim::All)
            .from_reader(text.as_bytes());
        let headers = reader
            .headers()
            .map_err(|e| csv_error(name, text, &e))?
            .clone();
        let known = known_columns();
        let mut seen = HashMap::new();
        for (i, h) in headers.iter().enumerate() {
            if !known.iter().any(|k| k == h) {
                let suggestion = closest(h, known.iter().map(String::as_str)).map(str::to_string);
                return Err(MetaError::UnknownColumn {
                    path: name.into(),
                    column: h.to_string(),
                    position: i + 1,
                    suggestion,
                    known: known.join(", "),
                });
            }
            if let Some(first) = seen.insert(h.to_string(), i + 1) {
                return Err(MetaError::Csv {
                    path: name.into(),
                    line: 1,
                    column: i + 1,
                    reason: format!("column '{h}' appears twice (fields {first} and {})", i + 1),
                });
            }
        }
        if !headers.iter().any(|h| h == "file") {
            return Err(MetaError::NoFileColumn {
                path: name.into(),
                found: headers.iter().collect::<Vec<_>>().join(", "),
            });
        }

        let mut rows = Vec::new();
        let mut index = HashMap::new();
        for result in reader.records() {
            let record = result.map_err(|e| csv_error(name, text, &e))?;
            let pos = record
                .position()
                .cloned()
                .unwrap_or_else(csv::Position::new);
            let row = pos.record() as usize + 1;
            // Computed from the byte offset: csv's own line count can miss line breaks
            // inside quoted cells.
            let line = lines.position(text, pos.byte() as usize).0;
            if record.iter().all(str::is_empty) {
                continue;
            }
            let parsed: ManifestRecord = record.deserialize(Some(&headers)).map_err(|e| {
                let column = match e.kind() {
                    csv::ErrorKind::Deserialize { err, .. } => err
                        .field()
                        .and_then(|f| headers.get(f as usize))
                        .map(str::to_string),
                    _ => None,
                }
                .or_else(|| failing_column(&headers, &record));
                let reason = match e.kind() {
                    csv::ErrorKind::Deserialize { err, .. } => err.to_string(),
                    other => format!("{other:?}"),
                };
                MetaError::Row {
                    path: name.into(),
                    row,
                    line,
                    column: column.unwrap_or_else(|| "?".into()),
                    reason: super::explain_serde_message(&reason),
                }
            })?;
            let manifest_row = ManifestRow {
                path: name.into(),
                row,
                line,
                record: parsed,
            };
            check_lists(&manifest_row)?;
            if manifest_row.record.file.is_empty() {
                return Err(MetaError::Row {
                    path: name.into(),
                    row,
                    line,
                    column: "file".into(),
                    reason: "the file cell is empty; name the input this row describes".into(),
                });
            }
            let key = normalize(&base.join(&manifest_row.record.file));
            if let Some(&first) = index.get(&key) {
                let first: &ManifestRow = &rows[first];
                return Err(MetaError::Row {
                    path: name.into(),
                    row,
                    line,
                    column: "file".into(),
                    reason: format!(
                        "'{}' is already described by row {}; give each input one row",
                        manifest_row.record.file, first.row
                    ),
                });
            }
            index.insert(key, rows.len());
            rows.push(manifest_row);
        }
        Ok(Manifest {
            path: PathBuf::from(name),
            rows,
            index,
        })
    }

    /// The row describing `input`, comparing paths after resolving both (the row's `file`
    /// relative to the manifest's directory).
    pub fn row_for(&self, input: &Path) -> Option<&ManifestRow> {
        self.index.get(&normalize(input)).map(|&i| &self.rows[i])
    }

    /// Rows whose file is not among `inputs` (for a warning: probably a misspelt name).
    pub fn rows_not_in<'a>(&'a self, inputs: &[PathBuf]) -> Vec<&'a ManifestRow> {
        let given: std::collections::HashSet<PathBuf> =
            inputs.iter().map(|p| normalize(p)).collect();
        let mut out: Vec<(&PathBuf, usize)> = self
            .index
            .iter()
            .filter(|(k, _)| !given.contains(*k))
            .map(|(k, &i)| (k, i))
            .collect();
        out.sort_by_key(|&(_, i)| i);
        out.into_iter().map(|(_, i)| &self.rows[i]).collect()
    }
}

/// The column whose cell fails to parse on its own. Needed because the csv crate does not
/// say which field a custom (validation) error came from.
fn failing_column(headers: &csv::StringRecord, record: &csv::StringRecord) -> Option<String> {
    headers.iter().zip(record.iter()).find_map(|(h, cell)| {
        if h == "file" {
            return None;
        }
        let one_h = csv::StringRecord::from(vec!["file", h]);
        let one = csv::StringRecord::from(vec!["x", cell]);
        one.deserialize::<ManifestRecord>(Some(&one_h))
            .is_err()
            .then(|| h.to_string())
    })
}

/// An absolute, canonical path when the file exists; otherwise an absolute path with `.`
/// and `..` resolved lexically, so rows can name inputs that are compared before creation.
fn normalize(path: &Path) -> PathBuf {
    if let Ok(c) = std::fs::canonicalize(path) {
        return c;
    }
    let abs = if path.is_absolute() {
        path.to_path_buf()
    } else {
        std::env::current_dir().unwrap_or_default().join(path)
    };
    let mut out = PathBuf::new();
    for c in abs.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}

/// Splits a list cell on `;`, trimming each item; empty items are kept (positions matter).
pub fn split_list(cell: &str) -> Vec<String> {
    cell.split(';').map(|s| s.trim().to_string()).collect()
}

/// Checks the list cells whose items have their own syntax, so errors name row and column.
fn check_lists(row: &ManifestRow) -> Result<(), MetaError> {
    let err = |column: &str, reason: String| MetaError::Row {
        path: row.path.clone(),
        row: row.row,
        line: row.line,
        column: column.into(),
        reason,
    };
    let r = &row.record;
    for (column, cell) in [
        ("interviewers", &r.interviewers),
        ("interviewees", &r.interviewees),
    ] {
        if let Some(cell) = cell {
            if split_list(cell).iter().any(String::is_empty) {
                return Err(err(
                    column,
                    format!("'{cell}' has an empty name between ';'"),
                ));
            }
        }
    }
    let count = |c: &Option<String>| c.as_deref().map_or(0, |c| split_list(c).len());
    for (names, name_col, lists) in [
        (
            &r.interviewers,
            "interviewers",
            [
                ("interviewer_job_titles", &r.interviewer_job_titles),
                ("interviewer_affiliations", &r.interviewer_affiliations),
            ],
        ),
        (
            &r.interviewees,
            "interviewees",
            [
                ("interviewee_job_titles", &r.interviewee_job_titles),
                ("interviewee_affiliations", &r.interviewee_affiliations),
            ],
        ),
    ] {
        for (column, cell) in lists {
            if count(cell) > count(names) {
                return Err(err(
                    column,
                    format!(
                        "{} items for {} name(s) in '{name_col}'; give one per person, in the same order",
                        count(cell),
                        count(names)
                    ),
                ));
            }
        }
    }
    if let Some(cell) = &r.identifiers {
        for item in split_list(cell).iter().filter(|s| !s.is_empty()) {
            parse_identifier(item).map_err(|e| err("identifiers", e))?;
        }
    }
    if let Some(cell) = &r.image_urls {
        for item in split_list(cell).iter().filter(|s| !s.is_empty()) {
            super::values::parse_url(item).map_err(|e| err("image_urls", e))?;
        }
    }
    Ok(())
}

/// `scheme=value` (the form of manifest cells and the `--identifier` flag).
pub fn parse_identifier(item: &str) -> Result<(String, String), String> {
    match item.split_once('=') {
        Some((s, v)) if !s.trim().is_empty() && !v.trim().is_empty() => {
            Ok((s.trim().to_string(), v.trim().to_string()))
        }
        _ => Err(format!(
            "'{item}' is not an identifier; write it as scheme=value, e.g. doi=10.1000/182"
        )),
    }
}

fn csv_error(name: &str, text: &str, e: &csv::Error) -> MetaError {
    let (line, column) = match e.position() {
        Some(p) => crate::model::line_col(text, p.byte() as usize),
        None => (1, 1),
    };
    let reason = match e.kind() {
        csv::ErrorKind::UnequalLengths {
            expected_len, len, ..
        } => format!(
            "this row has {len} fields but the header has {expected_len}; quote cells that contain commas"
        ),
        _ => e.to_string(),
    };
    MetaError::Csv {
        path: name.into(),
        line,
        column,
        reason,
    }
}

/// Strict RFC 4180 quoting: a quote may only open a field, close it, or be doubled inside
/// a quoted field. The first violation is reported at its line:column.
fn check_quoting(name: &str, text: &str) -> Result<(), MetaError> {
    #[derive(PartialEq)]
    enum State {
        FieldStart,
        Unquoted,
        Quoted,
        QuoteInQuoted,
    }
    let bad = |offset: usize, reason: &str| {
        let (line, column) = crate::model::line_col(text, offset);
        MetaError::Csv {
            path: name.into(),
            line,
            column,
            reason: reason.into(),
        }
    };
    let mut state = State::FieldStart;
    let mut opened = 0;
    for (i, c) in text.char_indices() {
        state = match (state, c) {
            (State::FieldStart, '"') => {
                opened = i;
                State::Quoted
            }
            (State::FieldStart | State::Unquoted, ',' | '\n' | '\r') => State::FieldStart,
            (State::FieldStart | State::Unquoted, ' ' | '\t') => State::Unquoted,
            (State::Unquoted, '"') => {
                return Err(bad(
                    i,
                    "a quote inside an unquoted cell; put the whole cell in quotes and double the quote (\"\")",
                ))
            }
            (State::FieldStart | State::Unquoted, _) => State::Unquoted,
            (State::Quoted, '"') => State::QuoteInQuoted,
            (State::Quoted, _) => State::Quoted,
            (State::QuoteInQuoted, '"') => State::Quoted,
            (State::QuoteInQuoted, ',' | '\n' | '\r') => State::FieldStart,
            (State::QuoteInQuoted, _) => {
                return Err(bad(
                    i,
                    "text after the closing quote of a cell; a quote inside a quoted cell is written twice (\"\")",
                ))
            }
        };
    }
    if state == State::Quoted {
        return Err(bad(
            opened,
            "this quoted cell is never closed; add the closing quote",
        ));
    }
    Ok(())
}
