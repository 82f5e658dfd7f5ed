//! The record of what a run wrote into an output directory (`.colloquy-state`), so a
//! re-run skips the inputs it would convert to the very same bytes.
//!
//! One line per converted input, keyed by the XXH3-128 of its output paths (relative to
//! the output directory): the hash of the input's bytes, of everything else that shapes
//! its outputs (the options, metadata files, sidecar, modification time, colloquy's
//! build: [`crate::BUILD`]) and of each output as written, plus the warnings its conversion gave, so a
//! skipped input reports them again. An input is skipped only when all of that matches
//! *and* every output on disk still hashes to its recorded value; anything else — no
//! record, another build, an unreadable or malformed line, an output edited or
//! removed — converts it. XXH3 is not a cryptographic hash: the record guards against
//! change and mistakes, not against someone crafting collisions in a directory they can
//! already write to.
//!
//! Only an index (key → place in the file, about 40 bytes per input) is held in memory;
//! records are read when their input comes up. The new record is written line by line
//! to a temp file as inputs finish and replaces the old one atomically at the end;
//! records of inputs this run did not see are carried over.

use crate::batch::{self, BatchError, WriteOutcome};
use serde::{Deserialize, Serialize};
use std::collections::{HashMap, HashSet};
use std::fs;
use std::io::{self, BufRead, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};
#[cfg(not(unix))]
use std::sync::Mutex;
use xxhash_rust::xxh3::{xxh3_128, Xxh3};

/// The record's file name in the output directory.
pub const STATE_FILE: &str = ".colloquy-state";
/// The record's format; a record of another is read as none (everything converts once).
/// 2: a warning keeps its finding's pointer, which the report of a skipped input shows.
const HEADER: &str = "colloquy-state 2";

/// A 128-bit digest as 32 hex digits.
pub fn hex(digest: u128) -> String {
    format!("{digest:032x}")
}

/// The XXH3-128 of some bytes, in hex.
pub fn digest(bytes: &[u8]) -> String {
    hex(xxh3_128(bytes))
}

/// A digest built from several parts, each length-prefixed so parts cannot run into
/// each other.
#[derive(Clone, Default)]
pub struct Digest(Xxh3);

impl Digest {
    pub fn new() -> Self {
        Digest(Xxh3::new())
    }
    pub fn part(&mut self, bytes: &[u8]) -> &mut Self {
        self.0.update(&(bytes.len() as u64).to_le_bytes());
        self.0.update(bytes);
        self
    }
    /// A file's bytes (by their digest), or a mark that it is absent or unreadable. Only
    /// a regular file is read: a FIFO named as a sidecar would block the run here, before
    /// loading it reports what it is.
    pub fn file(&mut self, path: Option<&Path>) -> &mut Self {
        match path.map(file_digest) {
            Some(Ok(digest)) => self.part(b"file").part(digest.as_bytes()),
            Some(Err(_)) => self.part(b"unreadable"),
            None => self.part(b"none"),
        }
    }
    pub fn finish(&self) -> String {
        hex(self.0.digest128())
    }
}

/// The key of an input: its output paths relative to the output directory.
pub fn key(out_dir: &Path, outputs: &[PathBuf]) -> u128 {
    let mut d = Xxh3::new();
    for p in outputs {
        // The path's own bytes (a UTF-8 path's are its text): two names that are not
        // UTF-8 must not share a record.
        let rel = p
            .strip_prefix(out_dir)
            .unwrap_or(p)
            .as_os_str()
            .as_encoded_bytes();
        d.update(&(rel.len() as u64).to_le_bytes());
        d.update(rel);
    }
    d.digest128()
}

/// A warning as a conversion gave it: the stderr line and the report finding's parts.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Warning {
    pub shown: String,
    pub severity: String,
    pub rule: String,
    pub message: String,
    pub line: Option<usize>,
    pub column: Option<usize>,
    pub pointer: Option<String>,
    pub hint: Option<String>,
}

/// What one conversion of one input produced.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Record {
    /// XXH3-128 of the input's bytes.
    pub input: String,
    /// XXH3-128 of everything else that shapes the outputs.
    pub context: String,
    /// The colloquy build that wrote the record ([`crate::BUILD`]).
    pub version: String,
    /// XXH3-128 of each output, in the order of the planned paths.
    pub outputs: Vec<String>,
    pub warnings: Vec<Warning>,
}

impl Record {
    /// Whether this record vouches for `outputs`: the input and context match and
    /// every file on disk holds the bytes recorded (read and hashed now).
    pub fn vouches(&self, input: &str, context: &str, outputs: &[PathBuf]) -> bool {
        self.input == input
            && self.context == context
            && self.version == crate::BUILD
            && self.outputs.len() == outputs.len()
            && outputs
                .iter()
                .zip(&self.outputs)
                .all(|(path, want)| file_digest(path).is_ok_and(|d| d == *want))
    }
}

/// The XXH3-128 of a regular file's bytes, in hex, read in blocks through one buffer
/// per thread: no copy of the whole file. Anything else is an error: a FIFO or device
/// put where an output or a metadata file was would block or never end.
pub fn file_digest(path: &Path) -> io::Result<String> {
    thread_local! {
        static BUF: std::cell::RefCell<Vec<u8>> = const { std::cell::RefCell::new(Vec::new()) };
    }
    let mut file = batch::open_regular(path)?;
    BUF.with(|buf| {
        let mut buf = buf.borrow_mut();
        if buf.is_empty() {
            buf.resize(64 * 1024, 0);
        }
        let mut hasher = Xxh3::new();
        loop {
            match file.read(&mut buf[..]) {
                Ok(0) => break,
                Ok(n) => hasher.update(&buf[..n]),
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(e) => return Err(e),
            }
        }
        Ok(hex(hasher.digest128()))
    })
}

/// The record of the last run in an output directory, opened for lookups.
pub struct State {
    #[cfg(unix)]
    file: Option<fs::File>,
    #[cfg(not(unix))]
    file: Option<Mutex<fs::File>>,
    index: HashMap<u128, (u64, u32)>,
    /// Lines that are no record (no key, or a key met again further down): a rewrite
    /// drops them, so an unchanged re-run rewrites a record that holds any.
    stray: usize,
}

impl State {
    /// Opens `dir`'s record. A missing, unreadable or foreign file is an empty record:
    /// every input is converted.
    pub fn open(dir: &Path) -> State {
        let empty = State {
            file: None,
            index: HashMap::new(),
            stray: 0,
        };
        let Ok(file) = fs::File::open(dir.join(STATE_FILE)) else {
            return empty;
        };
        let mut reader = io::BufReader::new(file);
        let mut line = Vec::new();
        let mut offset = 0u64;
        let mut index = HashMap::new();
        let mut first = true;
        let mut stray = 0;
        loop {
            line.clear();
            match reader.read_until(b'\n', &mut line) {
                Ok(0) => break,
                Ok(n) => {
                    if first {
                        if line.strip_suffix(b"\n") != Some(HEADER.as_bytes()) {
                            return empty;
                        }
                        first = false;
                    } else if let Some(key) = key_of(&line) {
                        stray += usize::from(index.insert(key, (offset, n as u32)).is_some());
                    } else {
                        stray += 1;
                    }
                    offset += n as u64;
                }
                Err(_) => return empty,
            }
        }
        let file = reader.into_inner();
        #[cfg(not(unix))]
        let file = Mutex::new(file);
        State {
            file: Some(file),
            index,
            stray,
        }
    }

    /// The raw line recorded for `key`, with its newline.
    fn line(&self, key: u128) -> Option<Vec<u8>> {
        let &(offset, len) = self.index.get(&key)?;
        let mut buf = vec![0; len as usize];
        // A positioned read: one call, and workers need not take turns.
        #[cfg(unix)]
        {
            use std::os::unix::fs::FileExt;
            let file = self.file.as_ref()?;
            file.read_exact_at(&mut buf, offset).ok()?;
        }
        #[cfg(not(unix))]
        {
            let mut file = self.file.as_ref()?.lock().ok()?;
            file.seek(SeekFrom::Start(offset)).ok()?;
            file.read_exact(&mut buf).ok()?;
        }
        Some(buf)
    }

    /// The record for `key`, when there is a well-formed one.
    pub fn get(&self, key: u128) -> Option<Record> {
        let line = self.line(key)?;
        let tab = line.iter().position(|&b| b == b'\t')?;
        serde_json::from_slice(line[tab + 1..].strip_suffix(b"\n")?).ok()
    }

    pub fn len(&self) -> usize {
        self.index.len()
    }

    pub fn is_empty(&self) -> bool {
        self.index.is_empty()
    }
}

/// The new record, written as inputs finish.
///
/// Nothing is spooled while every input so far is vouched for by the old record: an
/// unchanged re-run (the usual one) keeps only their keys, in order, and leaves the
/// record as it is (issue #11: writing 17 MB of lines a re-run then threw away was a
/// third of its user time). The first line that differs spools the kept ones first, so
/// the record's lines keep the inputs' order either way.
pub struct Writer<'s> {
    old: &'s State,
    spool: Option<io::BufWriter<fs::File>>,
    /// Keys vouched for before anything was spooled.
    kept: Vec<u128>,
    /// Keys of the old record this run has met: the others' lines are carried over.
    /// Only those: a first run holds nothing per input here.
    seen: HashSet<u128>,
    /// Some line differs from the old record (a new conversion, a dropped input).
    changed: bool,
    /// The output directory: the spool is made there (a run can write there, and a
    /// missing or small TMPDIR must not cost the record).
    dir: std::path::PathBuf,
}

impl<'s> Writer<'s> {
    /// A writer of the record that replaces `old`.
    pub fn new(old: &'s State, dir: &Path) -> Writer<'s> {
        Writer {
            old,
            spool: None,
            kept: Vec::new(),
            seen: HashSet::new(),
            changed: false,
            dir: dir.to_path_buf(),
        }
    }

    /// Records one input: converted now, or `vouched` for by the old record (its line
    /// is then the old one).
    pub fn push(&mut self, key: u128, record: &Record, vouched: bool) -> io::Result<()> {
        // A key comes once (outputs are planned apart); an old one is checked.
        if self.old.index.contains_key(&key) && !self.seen.insert(key) {
            return Ok(());
        }
        if vouched && self.spool.is_none() {
            self.kept.push(key);
            return Ok(());
        }
        self.changed |= !vouched;
        let spool = self.spool()?;
        write_line(spool, key, record)
    }

    /// The spool, started on first use with the header and the lines kept so far.
    fn spool(&mut self) -> io::Result<&mut io::BufWriter<fs::File>> {
        if self.spool.is_none() {
            let mut spool = io::BufWriter::new(tempfile::tempfile_in(&self.dir)?);
            writeln!(spool, "{HEADER}")?;
            for key in std::mem::take(&mut self.kept) {
                // Read back and written as a converted line is (vouched means well-formed).
                let record = self.old.get(key).ok_or_else(|| {
                    io::Error::other("the record of the last run changed while this run read it")
                })?;
                write_line(&mut spool, key, &record)?;
            }
            self.spool = Some(spool);
        }
        Ok(self.spool.as_mut().expect("just started"))
    }

    /// Forgets what the directory held for `key`: the input was converted again and
    /// failed, or its outputs changed, so the old line must not be carried over.
    pub fn drop_key(&mut self, key: u128) {
        if self.old.index.contains_key(&key) {
            self.seen.insert(key);
        }
        self.changed = true;
    }

    /// Replaces `dir`'s record: this run's lines, then the old lines of inputs this run
    /// did not see. Atomic and durable like every output.
    pub fn finish(mut self) -> Result<WriteOutcome, BatchError> {
        let dir = self.dir.clone();
        let dir = dir.as_path();
        let old = self.old;
        let path = dir.join(STATE_FILE);
        // Every input vouched for and none other recorded: the record stands as it is
        // (an unchanged re-run reads it, never rewrites it), unless it holds stray lines.
        if !self.changed
            && self.seen.len() == old.index.len()
            && old.file.is_some()
            && old.stray == 0
        {
            return Ok(WriteOutcome::Unchanged);
        }
        let io_err = |e: io::Error| BatchError::Io {
            path: path.display().to_string(),
            source: e,
        };
        self.spool().map_err(io_err)?;
        let mut keys: Vec<(&u128, &(u64, u32))> = old
            .index
            .iter()
            .filter(|(k, _)| !self.seen.contains(k))
            .collect();
        keys.sort_by_key(|(_, (offset, _))| *offset);
        for (key, _) in keys {
            // Carried over only when it still reads as a record.
            if let Some(line) = old.line(*key).filter(|_| old.get(*key).is_some()) {
                self.spool()
                    .map_err(io_err)?
                    .write_all(&line)
                    .map_err(io_err)?;
            }
        }
        let mut spool = self
            .spool
            .take()
            .expect("started above")
            .into_inner()
            .map_err(|e| io_err(e.into_error()))?;
        spool.seek(SeekFrom::Start(0)).map_err(io_err)?;
        let staged = batch::stage_with(&path, true, |out| {
            io::copy(&mut spool, out)?;
            Ok(())
        })?;
        let outcome = batch::publish(vec![staged], true)?.remove(0).1;
        if outcome != WriteOutcome::Unchanged {
            batch::sync_dirs([dir]);
        }
        Ok(outcome)
    }
}

/// The key of a record line: 32 lower-case hex digits, a tab, then a JSON object to
/// the line's end. Anything else is a stray line (a hand edit, a bad merge).
fn key_of(line: &[u8]) -> Option<u128> {
    let (key, rest) = (line.get(..32)?, &line[32..]);
    let hex = |b: &u8| b.is_ascii_digit() || (b'a'..=b'f').contains(b);
    if !key.iter().all(hex) || !rest.starts_with(b"\t{") || !rest.ends_with(b"}\n") {
        return None;
    }
    u128::from_str_radix(std::str::from_utf8(key).ok()?, 16).ok()
}

/// One line of the record: the key in hex, a tab, the record as JSON.
fn write_line(out: &mut impl Write, key: u128, record: &Record) -> io::Result<()> {
    let json = serde_json::to_string(record).map_err(io::Error::other)?;
    writeln!(out, "{}\t{json}", hex(key))
}
