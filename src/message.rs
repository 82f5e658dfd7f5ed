//! A batch's NewsML-G2 `newsMessage`, built without holding the batch in memory.
//!
//! Each interview becomes one *unit* — its `packageItem`, text `newsItem` and one
//! picture `newsItem` per photo, exactly as [`crate::write::newsml::news_message`]
//! writes them — checked on its own inside a one-interview message (the official XSD,
//! the profile and the lax checks) by the worker that converted it. Units are spooled
//! to a temp file as they finish; the message is then streamed into its target in the
//! order of the units' package GUIDs. That order does not depend on how the inputs were
//! split, so the message `colloquy message` assembles from the messages of N shards is
//! byte for byte the message of one unsharded run. What the checks of the whole message
//! add over the per-unit checks — unique GUIDs and ids across items — is checked here
//! over the sorted GUIDs (item ids derive from them). `colloquy message` reads each
//! share line by line ([`read_share`]), one unit at a time, so neither a share nor the
//! batch is ever held whole.

use crate::batch::{self, BatchError, WriteOutcome};
use crate::check::Checker;
use crate::model::{Interview, Severity};
use crate::write::{newsml, WriteContext};
use std::io::{self, Read, Seek, SeekFrom, Write};
use std::path::Path;
use thiserror::Error;

/// One interview's part of a newsMessage.
#[derive(Debug, Clone)]
pub struct Unit {
    /// The `packageItem` GUID: the order of units in a message.
    pub key: String,
    /// The package's `versionCreated` (the interview's): the message's `sent` is the
    /// latest.
    pub version_created: String,
    /// The items, indented as they stand in the message's `itemSet`.
    pub xml: String,
}

#[derive(Debug, Error)]
pub enum MessageError {
    #[error("{0}")]
    Invalid(String),
    #[error(transparent)]
    Write(#[from] BatchError),
    #[error("the newsMessage's units could not be kept in a temp file in {dir}: {0}; set TMPDIR to a writable directory with room (about the size of the message)", dir = std::env::temp_dir().display())]
    Spool(io::Error),
    /// A stop was asked for ([`batch::stop_flag`]) while the message was written: it
    /// was not published.
    #[error("stopped by a signal before the newsMessage was published")]
    Stopped,
}

// Not `#[from]`: that would make the io error the source too, and a chain printed
// whole would say it twice.
impl From<io::Error> for MessageError {
    fn from(e: io::Error) -> Self {
        MessageError::Spool(e)
    }
}

const ITEM_SET_OPEN: &str = "  <itemSet>\n";
const ITEM_SET_CLOSE: &str = "  </itemSet>\n";
const UNIT_START: &str = "    <packageItem ";

/// Builds and checks the unit of one converted interview. An error is the first error
/// finding of the check, as one line.
pub fn unit_of(
    interview: &Interview,
    context: &WriteContext,
    checker: &Checker,
) -> Result<Unit, String> {
    let xml = newsml::news_message(&[(interview, context)], &context.version_created);
    check(&xml, checker)?;
    let units = split(&xml)?;
    match units.as_slice() {
        [one] => unit_from(one),
        _ => Err("a one-interview newsMessage does not hold one packageItem".into()),
    }
}

fn check(xml: &str, checker: &Checker) -> Result<(), String> {
    match checker
        .check_newsml(xml)
        .into_iter()
        .find(|f| f.severity == Severity::Error)
    {
        Some(f) => Err(format!(
            "{}: {}{}",
            f.rule,
            f.message,
            f.location
                .line
                .map(|l| format!(" (line {l})"))
                .unwrap_or_default()
        )),
        None => Ok(()),
    }
}

/// The local name of the first element, `None` when the text ends before one; an error
/// when the XML breaks before it (the full pass then says where).
fn root_name(text: &str) -> Result<Option<String>, quick_xml::Error> {
    Ok(root_qname(text)?.map(|q| local_name(&q).to_string()))
}

/// [`root_name`] with its prefix, as its end tag must spell it.
fn root_qname(text: &str) -> Result<Option<String>, quick_xml::Error> {
    use quick_xml::events::Event;
    let mut reader = quick_xml::Reader::from_str(text);
    loop {
        match reader.read_event()? {
            Event::Start(e) | Event::Empty(e) => return Ok(Some(e.name().as_ref().to_owned())),
            Event::Eof => return Ok(None),
            _ => {}
        }
    }
}

fn local_name(qname: &str) -> &str {
    qname.rsplit(':').next().unwrap_or(qname)
}

/// Where a share's units are read again when they go into the message.
pub enum ShareSource {
    /// The share itself, still open: a share replaced meanwhile (by a new run's rename)
    /// is not what this handle reads. With its stamp when opened: a share written in
    /// place meanwhile has another (see [`ShareSource::unchanged`]).
    File(std::fs::File, Stamp),
    /// The text the decoder made of a share that was not UTF-8 (saved as UTF-16).
    Text(String),
}

impl ShareSource {
    /// The text of `unit`, checked against the digest taken when it was checked.
    pub fn unit<'a>(&'a self, unit: &UnitAt, buf: &'a mut String) -> io::Result<&'a str> {
        let (start, end) = (unit.range.start, unit.range.end);
        let text = match self {
            ShareSource::Text(text) => &text[start as usize..end as usize],
            ShareSource::File(file, _) => {
                let mut bytes = std::mem::take(buf).into_bytes();
                bytes.clear();
                bytes.resize((end - start) as usize, 0);
                read_exact_at(file, &mut bytes, start).map_err(|e| match e.kind() {
                    io::ErrorKind::UnexpectedEof => changed(),
                    _ => e,
                })?;
                *buf = String::from_utf8(bytes).map_err(|_| changed())?;
                buf.as_str()
            }
        };
        if xxhash_rust::xxh3::xxh3_128(text.as_bytes()) != unit.digest {
            return Err(changed());
        }
        Ok(text)
    }
}

/// A file's size and times: what a write in place changes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stamp(u64, Option<std::time::SystemTime>, Option<(i64, i64)>);

impl Stamp {
    pub fn of(file: &std::fs::File) -> io::Result<Stamp> {
        let meta = file.metadata()?;
        #[cfg(unix)]
        let changed = {
            use std::os::unix::fs::MetadataExt;
            Some((meta.ctime(), meta.ctime_nsec()))
        };
        #[cfg(not(unix))]
        let changed = None;
        Ok(Stamp(meta.len(), meta.modified().ok(), changed))
    }
}

impl ShareSource {
    /// Whether the share is still as it was when it was opened, once its units were
    /// read again: the digests cover the bytes read twice, this covers a write in
    /// place between the two reads that left those bytes alone but not the others.
    pub fn unchanged(&self) -> io::Result<()> {
        match self {
            ShareSource::File(file, stamp) if Stamp::of(file)? != *stamp => Err(changed()),
            _ => Ok(()),
        }
    }
}

fn changed() -> io::Error {
    io::Error::other("the file changed while colloquy read it; run the command again")
}

#[cfg(unix)]
fn read_exact_at(file: &std::fs::File, buf: &mut [u8], at: u64) -> io::Result<()> {
    std::os::unix::fs::FileExt::read_exact_at(file, buf, at)
}

#[cfg(not(unix))]
fn read_exact_at(mut file: &std::fs::File, buf: &mut [u8], at: u64) -> io::Result<()> {
    use io::{Read, Seek, SeekFrom};
    file.seek(SeekFrom::Start(at))?;
    file.read_exact(buf)
}

/// The largest head (the text before `<itemSet>`) of a newsMessage read as a share.
const HEAD_MAX: usize = 1 << 20;

/// Where the first element at or after byte `from` of the well-formed `text` starts.
fn first_element(text: &str, from: usize) -> Option<usize> {
    use quick_xml::events::Event;
    let mut reader = quick_xml::Reader::from_str(text);
    loop {
        let at = reader.buffer_position() as usize;
        match reader.read_event() {
            Ok(Event::Start(_) | Event::Empty(_)) if at >= from => return Some(at),
            Ok(Event::Eof) | Err(_) => return None,
            _ => {}
        }
    }
}

/// The error for XML that is not a newsMessage as colloquy writes them.
pub fn not_ours() -> String {
    "not a newsMessage as `colloquy convert --newsml-message` writes it (an itemSet of packageItems, each followed by its items)".to_string()
}

/// What a file among `colloquy message`'s inputs turned out to be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    NewsMessage,
    /// Well-formed XML with another root, such as the text items `convert` writes beside
    /// its messages.
    Other,
}

/// Tells a newsMessage from other XML: by its root element, and for a newsMessage by
/// one streaming pass over the whole file (other XML, such as the text items beside the
/// messages, is read no further than its root). An empty or malformed file is an error
/// naming the place: it may be a message cut short
/// (a share's run killed mid-write by hand, a disk full), and a message assembled
/// without it would silently lack that share. So is a package's `itemRef` that names no
/// item of the message (the lax rule `newsml/itemref-unresolved`): colloquy's packages
/// always name items of their own message, so one of its items was lost.
pub fn survey(name: &str, text: &str) -> Result<Kind, String> {
    if text.trim().is_empty() {
        return Err(empty(name, text));
    }
    if root_name(text).is_ok_and(|root| root.is_some_and(|r| r != "newsMessage")) {
        return Ok(Kind::Other);
    }
    let lax = crate::check::newsml_lax::check(text, &whole_limits());
    verdict(name, &lax, |line| line)?;
    if lax.root.as_deref() != Some("newsMessage") {
        return Ok(Kind::Other);
    }
    Ok(Kind::NewsMessage)
}

const CUT_SHORT: &str = "it may be a newsMessage cut short, so no message is written while it is among the inputs — convert its share again, or move the file out of the inputs";

/// The error for a file with nothing but white space (after any byte-order mark).
fn empty(name: &str, text: &str) -> String {
    // No size: `text` is decoded (a byte-order mark gone, UTF-16 made UTF-8), so its
    // length is not the file's.
    let what = if text.is_empty() {
        "holds no text (at most a byte-order mark)"
    } else {
        "holds only white space"
    };
    format!("{name}:1:1: the file {what}, not XML; {CUT_SHORT}")
}

/// The lax checks' limits for a message read whole or a share's parts. Units are
/// checked one by one later; past the read limit no file gets here, so the item count
/// needs no limit of its own.
fn whole_limits() -> crate::check::Limits {
    crate::check::Limits {
        max_items: usize::MAX,
        ..Default::default()
    }
}

/// What the lax checks of (part of) a message say against using it: XML that is not
/// well-formed, a package's `itemRef` that names no item. `line` maps a line of the
/// checked text to the line of the file.
fn verdict(
    name: &str,
    lax: &crate::check::newsml_lax::LaxResult,
    line: impl Fn(usize) -> usize,
) -> Result<(), String> {
    let at = |f: &crate::check::Finding| {
        format!(
            "{name}:{}:{}",
            line(f.location.line.unwrap_or(1)),
            f.location.column.unwrap_or(1)
        )
    };
    if !lax.well_formed {
        let f = lax
            .findings
            .iter()
            .find(|f| f.rule.starts_with("xml/"))
            .expect("a document not well-formed has an xml/ finding");
        return Err(format!("{}: {}; {CUT_SHORT}", at(f), f.message));
    }
    let mut dangling = lax
        .findings
        .iter()
        .filter(|f| f.rule == "newsml/itemref-unresolved");
    if let Some(f) = dangling.next() {
        let more = match dangling.count() {
            0 => String::new(),
            n => format!(" ({n} more such itemRef(s) after it)"),
        };
        return Err(format!(
            "{}: {} ({}){more}; an item of this interview is missing from the message, so no message is written — convert its share again",
            at(f),
            f.message,
            f.rule
        ));
    }
    Ok(())
}

/// Where a checked unit lies in its share: 32 bytes a unit, whatever its size (its GUID
/// and time are read again with its text, by [`unit_head`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnitAt {
    /// Byte offsets in the file (or in the decoded text, for a share read whole).
    pub range: std::ops::Range<u64>,
    /// The XXH3-128 of the unit's bytes as checked: read back for the message, they
    /// must still be those (a share replaced meanwhile is an error, not a silent mix).
    pub digest: u128,
}

/// What [`read_share`] found in a file.
#[derive(Debug, PartialEq, Eq)]
pub enum Share {
    /// A newsMessage as `convert --newsml-message` writes it: its units, in file order,
    /// each checked.
    Units(Vec<UnitAt>),
    /// Well-formed XML with another root, read no further than its root.
    Other,
    /// Bytes that are not UTF-8 (or hold NUL): only the decoder can tell what they are
    /// (a share an editor saved as UTF-16), so the caller reads the file whole.
    NotUtf8,
}

/// Reads a share line by line, holding its head and one unit at a time, never the
/// whole message: a share of 100 000 interviews is 700 MB of NewsML-G2. Each unit is
/// checked as [`survey`] and [`check_part`] check a message read whole, inside the
/// file's own head (so the file restricted to that unit must be well-formed and
/// resolve its `itemRef`s), then the head with the file's tail; errors name the line
/// of the file. `base` is where `source` starts in the file (after a byte-order mark).
pub fn read_share(
    name: &str,
    source: impl io::BufRead,
    base: u64,
    checker: &Checker,
) -> Result<Share, String> {
    ShareReader {
        name,
        checker,
        phase: Phase::Head,
        head: String::new(),
        head_lines: 0,
        root: None,
        next_try: 4096,
        unit: String::new(),
        unit_start: (base, 1),
        unit_lines: 0,
        tail: String::new(),
        tail_line: 0,
        line_no: 0,
        units: Vec::new(),
    }
    .read(source, base)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Phase {
    Head,
    Units,
    Tail,
}

struct ShareReader<'a> {
    name: &'a str,
    checker: &'a Checker,
    phase: Phase,
    /// The text up to and including `<itemSet>`'s line, and its number of lines.
    head: String,
    head_lines: usize,
    /// The root element's qualified name, once read, and the head's size at which it
    /// is looked for next.
    root: Option<String>,
    next_try: usize,
    /// The unit being read, where it starts (offset, line) and its number of lines.
    unit: String,
    unit_start: (u64, usize),
    unit_lines: usize,
    /// The text from `</itemSet>`'s line on, and that line's number.
    tail: String,
    tail_line: usize,
    line_no: usize,
    units: Vec<UnitAt>,
}

impl ShareReader<'_> {
    fn read(mut self, mut source: impl io::BufRead, base: u64) -> Result<Share, String> {
        let mut line = Vec::new();
        let mut at = base;
        loop {
            line.clear();
            let n = source
                .read_until(b'\n', &mut line)
                .map_err(|e| batch::read_error_message(self.name, &e))?;
            if n == 0 {
                return self.end(at);
            }
            let Some(text) = std::str::from_utf8(&line)
                .ok()
                .filter(|t| !t.contains('\0'))
            else {
                return Ok(Share::NotUtf8);
            };
            self.line_no += 1;
            if let Some(done) = self.line(text, at)? {
                return Ok(done);
            }
            at += n as u64;
        }
    }

    /// Takes one line starting at byte `at`; `Some` when the file needs no more reading.
    fn line(&mut self, text: &str, at: u64) -> Result<Option<Share>, String> {
        match self.phase {
            Phase::Head => {
                self.head.push_str(text);
                // The root is looked for again each time the head has doubled (and at
                // an `<itemSet>` line), so a file whose first element never comes (a
                // broken declaration, an unclosed comment, text) costs linear time.
                // An error may be a tag the next lines complete: read on.
                if self.root.is_none()
                    && (self.head.len() >= self.next_try || text == ITEM_SET_OPEN)
                {
                    self.next_try = self.head.len() * 2;
                    if let Ok(Some(root)) = root_qname(&self.head) {
                        if local_name(&root) != "newsMessage" {
                            return Ok(Some(Share::Other));
                        }
                        self.root = Some(root);
                    }
                }
                // colloquy's head is a few hundred bytes; past this size the file is
                // not its layout, and is not held whole to say so.
                if self.head.len() > HEAD_MAX {
                    return Err(match self.root {
                        Some(_) => format!("{}: {}", self.name, not_ours()),
                        None => format!(
                            "{}: no XML element starts in its first {} MiB; {}",
                            self.name,
                            HEAD_MAX >> 20,
                            not_ours()
                        ),
                    });
                }
                if self.root.is_some() && text == ITEM_SET_OPEN {
                    self.phase = Phase::Units;
                    self.head_lines = self.line_no;
                    // Where a first unit would start (a share cut here has none).
                    self.unit_start = (at + text.len() as u64, self.line_no + 1);
                }
            }
            Phase::Units if text == ITEM_SET_CLOSE => {
                self.finish_unit(at, true)?;
                self.phase = Phase::Tail;
                self.tail_line = self.line_no;
                self.tail.push_str(text);
            }
            Phase::Units => {
                if text.starts_with(UNIT_START) {
                    self.finish_unit(at, true)?;
                    self.unit_start = (at, self.line_no);
                } else if self.unit.is_empty() {
                    return Err(format!("{}: {}", self.name, not_ours()));
                }
                self.unit.push_str(text);
                self.unit_lines += 1;
            }
            Phase::Tail => self.tail.push_str(text),
        }
        Ok(None)
    }

    /// Checks the unit read so far (ending at byte `end`; `complete` when the next unit
    /// or `</itemSet>` follows it) and notes where it lies.
    fn finish_unit(&mut self, end: u64, complete: bool) -> Result<(), String> {
        if self.unit.is_empty() && complete {
            return Ok(());
        }
        let closing = match (&self.root, complete) {
            (Some(root), true) => format!("{ITEM_SET_CLOSE}</{root}>\n"),
            _ => String::new(),
        };
        let text = format!("{}{}{closing}", self.head, self.unit);
        let lax = crate::check::newsml_lax::check(&text, &whole_limits());
        let (head, lines, start) = (self.head_lines, self.unit_lines, self.unit_start.1);
        verdict(self.name, &lax, |l| {
            if l <= head {
                l
            } else {
                // Past the unit: the line after it, where the closing tags are missing.
                start + (l - head - 1).min(lines)
            }
        })?;
        if !complete {
            // Not reached: an unclosed itemSet is not well-formed.
            return Err(format!("{}: {}", self.name, not_ours()));
        }
        let n = self.units.len() + 1;
        let (key, version_created) =
            unit_head(&self.unit).map_err(|e| format!("{}: item group {n}: {e}", self.name))?;
        check_part(&version_created, &self.unit, self.checker)
            .map_err(|e| format!("{}: the items of {key} are invalid: {e}", self.name))?;
        self.units.push(UnitAt {
            range: self.unit_start.0..end,
            digest: xxhash_rust::xxh3::xxh3_128(self.unit.as_bytes()),
        });
        self.unit.clear();
        self.unit_lines = 0;
        Ok(())
    }

    fn end(mut self, at: u64) -> Result<Share, String> {
        match self.phase {
            // No `<itemSet>` line: the head is the whole file, judged as when read whole.
            Phase::Head => match survey(self.name, &self.head)? {
                Kind::Other => Ok(Share::Other),
                Kind::NewsMessage => Err(format!("{}: {}", self.name, not_ours())),
            },
            // Cut short: the file ends inside the itemSet.
            Phase::Units => {
                self.finish_unit(at, false)?;
                Err(format!("{}: {}", self.name, not_ours()))
            }
            Phase::Tail => {
                let text = format!("{}{}", self.head, self.tail);
                let lax = crate::check::newsml_lax::check(&text, &whole_limits());
                let (head, tail) = (self.head_lines, self.tail_line);
                verdict(self.name, &lax, |l| {
                    if l <= head {
                        l
                    } else {
                        tail + l - head - 1
                    }
                })?;
                // Only end tags may follow the itemSet: items after it (a second
                // itemSet, units after its end) would be left out of the message.
                if let Some(at) = first_element(&text, self.head.len()) {
                    let line = tail + text[self.head.len()..at].matches('\n').count();
                    return Err(format!(
                        "{}:{line}:1: an element follows the itemSet, so its interviews would be left out; {}",
                        self.name,
                        not_ours()
                    ));
                }
                Ok(Share::Units(self.units))
            }
        }
    }
}

/// The units of a newsMessage as colloquy writes it (`convert --newsml-message`): the
/// text of its `itemSet`, cut before each `packageItem`. A message of another shape is
/// an error saying so.
pub fn split(message: &str) -> Result<Vec<&str>, String> {
    let start = message.find(ITEM_SET_OPEN).ok_or_else(not_ours)? + ITEM_SET_OPEN.len();
    let end = message.rfind(ITEM_SET_CLOSE).ok_or_else(not_ours)?;
    if end < start || !message[..start].contains("<newsMessage") {
        return Err(not_ours());
    }
    let body = &message[start..end];
    if !body.is_empty() && !body.starts_with(UNIT_START) {
        return Err(not_ours());
    }
    let mut units = Vec::new();
    let mut rest = body;
    while !rest.is_empty() {
        let next = rest[UNIT_START.len()..]
            .find(&format!("\n{UNIT_START}"))
            .map_or(rest.len(), |i| UNIT_START.len() + i + 1);
        units.push(&rest[..next]);
        rest = &rest[next..];
    }
    Ok(units)
}

/// The key and versionCreated of a unit's text.
pub fn unit_from(xml: &str) -> Result<Unit, String> {
    let (key, version_created) = unit_head(xml)?;
    Ok(Unit {
        key,
        version_created,
        xml: xml.to_string(),
    })
}

/// A unit's package GUID and versionCreated, read from its text.
pub fn unit_head(xml: &str) -> Result<(String, String), String> {
    let attr = |from: &str, name: &str| -> Option<String> {
        let open = format!("{name}=\"");
        let at = from.find(&open)? + open.len();
        Some(from[at..at + from[at..].find('"')?].to_string())
    };
    let key = attr(xml, "guid").ok_or("a packageItem without a guid")?;
    let version_created = xml
        .find("<versionCreated>")
        .and_then(|at| {
            let from = &xml[at + "<versionCreated>".len()..];
            Some(from[..from.find('<')?].to_string())
        })
        .ok_or("a packageItem without versionCreated")?;
    Ok((key, version_created))
}

/// Checks a unit taken from a message on disk, as a one-interview message.
pub fn check_unit(unit: &Unit, checker: &Checker) -> Result<(), String> {
    check_part(&unit.version_created, &unit.xml, checker)
}

/// [`check_unit`] for a unit's text still inside its message's (see [`unit_head`]).
pub fn check_part(version_created: &str, xml: &str, checker: &Checker) -> Result<(), String> {
    check(&envelope(version_created, xml), checker)
}

fn envelope(sent: &str, units: &str) -> String {
    let (head, tail) = head_tail(sent);
    format!("{head}{units}{tail}")
}

/// The message's text before and after its units.
fn head_tail(sent: &str) -> (String, String) {
    let empty = newsml::news_message(&[], sent);
    // The writer closes an empty itemSet as `<itemSet/>`, or opens and closes it.
    let (before, after) = match empty.find("  <itemSet/>\n") {
        Some(i) => (&empty[..i], &empty[i + "  <itemSet/>\n".len()..]),
        None => {
            let i = empty
                .find(ITEM_SET_OPEN)
                .expect("a newsMessage has an itemSet");
            let j = empty.rfind(ITEM_SET_CLOSE).expect("an itemSet closes");
            (&empty[..i], &empty[j + ITEM_SET_CLOSE.len()..])
        }
    };
    (
        format!("{before}{ITEM_SET_OPEN}"),
        format!("{ITEM_SET_CLOSE}{after}"),
    )
}

/// Units on their way into one message: spooled to an anonymous temp file, so a batch
/// of any size keeps only a few dozen bytes per interview: its GUID (in one shared
/// buffer) and where its unit lies in the spool. The input's name, wanted only when two
/// units share a GUID, is spooled after its unit; of the `versionCreated` times only
/// the latest is kept. (With a `String` each for GUID, time and name, 100 000
/// interviews held 30 MB.)
pub struct Spool {
    file: io::BufWriter<std::fs::File>,
    written: u64,
    index: Vec<Entry>,
    /// Every unit's GUID, one after another.
    keys: String,
    /// The latest `versionCreated` so far (unreadable times count as earliest), the
    /// GUID breaking ties, and the time as written.
    sent: Option<(Option<jiff::Timestamp>, String, String)>,
}

struct Entry {
    /// Where its GUID lies in `keys`.
    key: (usize, usize),
    /// Where its unit lies in the spool; the input's name follows it.
    offset: u64,
    len: usize,
    name_len: usize,
}

impl Spool {
    pub fn new() -> io::Result<Spool> {
        Ok(Spool {
            file: io::BufWriter::new(tempfile::tempfile()?),
            written: 0,
            index: Vec::new(),
            keys: String::new(),
            sent: None,
        })
    }

    /// Adds the unit of `name`.
    pub fn push(&mut self, name: &str, unit: &Unit) -> io::Result<()> {
        self.push_part(name, &unit.key, &unit.version_created, &unit.xml)
    }

    /// Adds the unit of `name` whose GUID, versionCreated and text are given apart
    /// (see [`unit_head`]).
    pub fn push_part(
        &mut self,
        name: &str,
        key: &str,
        version_created: &str,
        xml: &str,
    ) -> io::Result<()> {
        self.file.write_all(xml.as_bytes())?;
        self.file.write_all(name.as_bytes())?;
        self.index.push(Entry {
            key: (self.keys.len(), key.len()),
            offset: self.written,
            len: xml.len(),
            name_len: name.len(),
        });
        self.keys.push_str(key);
        self.written += (xml.len() + name.len()) as u64;
        // The latest time; among equal instants the last in GUID order, so the choice
        // does not depend on how the batch was split.
        let time = version_created.parse::<jiff::Timestamp>().ok();
        let later = match &self.sent {
            None => true,
            Some((t, latest, _)) => (time, key) > (*t, latest.as_str()),
        };
        if later {
            self.sent = Some((time, key.to_string(), version_created.to_string()));
        }
        Ok(())
    }

    /// How many interviews the message holds.
    pub fn len(&self) -> usize {
        self.index.len()
    }

    pub fn is_empty(&self) -> bool {
        self.index.is_empty()
    }

    /// Writes the message to `path` (atomically, durably, never clobbering unless
    /// `force`): units in GUID order, `sent` the latest versionCreated. Two units with
    /// one GUID (two interviews of one source URL) are an error naming both.
    pub fn write(self, path: &Path, force: bool) -> Result<WriteOutcome, MessageError> {
        let shown = path.display();
        let Some((_, _, sent)) = self.sent else {
            return Err(MessageError::Invalid(format!(
                "{shown}: no interview was converted, so the newsMessage would be empty; it was not written"
            )));
        };
        let keys = self.keys;
        let key = |e: &Entry| &keys[e.key.0..e.key.0 + e.key.1];
        let mut index = self.index;
        index.sort_by(|a, b| key(a).cmp(key(b)));
        let mut spool = self.file.into_inner().map_err(|e| e.into_error())?;
        if let Some(pair) = index.windows(2).find(|w| key(&w[0]) == key(&w[1])) {
            let mut name = |e: &Entry| -> io::Result<String> {
                spool.seek(SeekFrom::Start(e.offset + e.len as u64))?;
                let mut buf = vec![0; e.name_len];
                spool.read_exact(&mut buf)?;
                Ok(String::from_utf8_lossy(&buf).into_owned())
            };
            return Err(MessageError::Invalid(format!(
                "{shown}: {} and {} have the same GUID (the same source URL); a newsMessage needs unique items — convert them into separate messages",
                name(&pair[0])?,
                name(&pair[1])?
            )));
        }
        let (head, tail) = head_tail(&sent);
        let staged = batch::stage_with(path, force, |out| {
            out.write_all(head.as_bytes())?;
            let mut buf = Vec::new();
            for e in &index {
                spool.seek(SeekFrom::Start(e.offset))?;
                buf.resize(e.len, 0);
                spool.read_exact(&mut buf)?;
                out.write_all(&buf)?;
            }
            out.write_all(tail.as_bytes())
        })?;
        // A signal while the message was being written: the temp file goes, nothing
        // is published (the last moment a stop can still leave no message).
        if batch::stop_requested() {
            return Err(MessageError::Stopped);
        }
        let mut done = batch::publish(vec![staged], force)?;
        batch::sync_parent_dirs([path]);
        Ok(done.remove(0).1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_unit_read_again_must_be_the_bytes_that_were_checked() {
        let checked = "    <packageItem guid=\"urn:a\"/>\n";
        let unit = UnitAt {
            range: 3..3 + checked.len() as u64,
            digest: xxhash_rust::xxh3::xxh3_128(checked.as_bytes()),
        };
        let mut buf = String::new();
        let same = ShareSource::Text(format!("<x>{checked}</x>"));
        assert_eq!(same.unit(&unit, &mut buf).unwrap(), checked);
        // The share as a file, replaced in place by one of the same size.
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("m.xml");
        std::fs::write(&path, format!("<x>{checked}</x>")).unwrap();
        let opened = std::fs::File::open(&path).unwrap();
        let stamp = Stamp::of(&opened).unwrap();
        let file = ShareSource::File(opened, stamp);
        assert_eq!(file.unit(&unit, &mut buf).unwrap(), checked);
        file.unchanged().unwrap();
        // Written in place elsewhere: the unit's own bytes are the same, the file not.
        std::thread::sleep(std::time::Duration::from_millis(20));
        std::fs::write(&path, format!("<x>{checked}</x><!-- more -->")).unwrap();
        assert_eq!(file.unit(&unit, &mut buf).unwrap(), checked);
        let err = file.unchanged().unwrap_err();
        assert!(err.to_string().contains("the file changed"), "{err}");
        // The unit's bytes changed, or the file shrank past them.
        std::fs::write(&path, format!("<x>{}</x>", checked.replace('a', "b"))).unwrap();
        let err = file.unit(&unit, &mut buf).unwrap_err();
        assert!(err.to_string().contains("the file changed"), "{err}");
        std::fs::write(&path, "<x/>").unwrap();
        let err = file.unit(&unit, &mut buf).unwrap_err();
        assert!(err.to_string().contains("the file changed"), "{err}");
    }

    /// A message of two interviews with photos, as `convert --newsml-message` writes it.
    fn two_interviews() -> String {
        let read = |n: usize| {
            let text = format!(
                "![]() |\nDr. Mara Quist{n} in vault {n}. (Photo: Lab {n}) |\n\
                 How many seeds does vault {n} hold?\nAbout {n} thousand samples.\n\
                 Who may take seeds out again?\nAny country that deposited them.\n\
                 Source: https://news.example.org/seeds/{n}\n"
            );
            let (text, interview) = crate::pipeline::read("talk.txt", text.as_bytes()).unwrap();
            let guid = crate::write::guid(&interview, &text);
            (interview, WriteContext::new(guid, "2025-01-01T00:00:00Z"))
        };
        let (a, b) = (read(1), read(2));
        newsml::news_message(&[(&a.0, &a.1), (&b.0, &b.1)], "2025-01-01T00:00:00Z")
    }

    /// What `colloquy message` made of a share read whole (before shares were streamed).
    fn read_whole(text: &str, checker: &Checker) -> Result<Share, String> {
        if survey("m.xml", text)? == Kind::Other {
            return Ok(Share::Other);
        }
        let parts = split(text).map_err(|e| format!("m.xml: {e}"))?;
        let mut units = Vec::new();
        for (n, part) in parts.iter().enumerate() {
            let (key, time) =
                unit_head(part).map_err(|e| format!("m.xml: item group {}: {e}", n + 1))?;
            check_part(&time, part, checker)
                .map_err(|e| format!("m.xml: the items of {key} are invalid: {e}"))?;
            let at = (part.as_ptr() as usize - text.as_ptr() as usize) as u64;
            units.push(UnitAt {
                range: at..at + part.len() as u64,
                digest: xxhash_rust::xxh3::xxh3_128(part.as_bytes()),
            });
        }
        Ok(Share::Units(units))
    }

    #[test]
    fn a_share_read_line_by_line_gives_what_it_gives_read_whole() {
        let checker = Checker::new(None).unwrap();
        let text = two_interviews();
        let streamed = read_share("m.xml", text.as_bytes(), 0, &checker);
        assert!(
            matches!(&streamed, Ok(Share::Units(u)) if u.len() == 2),
            "{streamed:?}"
        );
        assert_eq!(streamed, read_whole(&text, &checker));
        // Cut short anywhere (a run killed mid-write, a full disk): the same error,
        // naming the same place, as when the share is read whole.
        let mut cuts: Vec<usize> = text.match_indices('\n').map(|(i, _)| i + 1).collect();
        cuts.extend((1..text.len()).step_by(97));
        for cut in cuts
            .into_iter()
            .filter(|&c| c < text.len() && text.is_char_boundary(c))
        {
            let part = &text[..cut];
            let streamed = read_share("m.xml", part.as_bytes(), 0, &checker);
            assert!(streamed.is_err(), "cut at {cut} accepted");
            assert_eq!(streamed, read_whole(part, &checker), "cut at {cut}");
        }
        // Broken inside the first unit, and in the tail: the same place named.
        for (from, to) in [("</genre>", "</genr>"), ("</newsMessage>", "</newsMessag>")] {
            let broken = text.replacen(from, to, 1);
            let streamed = read_share("m.xml", broken.as_bytes(), 0, &checker);
            assert!(streamed.is_err(), "{to} accepted");
            assert_eq!(streamed, read_whole(&broken, &checker), "{to}");
        }
        // A broken declaration: no root ever starts (read in linear time).
        let broken = text.replacen("?>", "?", 1);
        let streamed = read_share("m.xml", broken.as_bytes(), 0, &checker);
        assert!(streamed.is_err());
        assert_eq!(streamed, read_whole(&broken, &checker));
        // Interviews after the itemSet's end (in a second itemSet, or bare) would be
        // left out of the message: refused, naming the line.
        let second = text.match_indices(UNIT_START).nth(1).unwrap().0;
        let close = format!("{ITEM_SET_CLOSE}{ITEM_SET_OPEN}");
        for moved in [
            format!("{}{close}{}", &text[..second], &text[second..]),
            format!("{}{ITEM_SET_CLOSE}{}", &text[..second], &text[second..]).replacen(
                &format!("{ITEM_SET_CLOSE}</newsMessage>"),
                "</newsMessage>",
                1,
            ),
        ] {
            let line = text[..second].matches('\n').count() + 2;
            let streamed = read_share("m.xml", moved.as_bytes(), 0, &checker);
            assert_eq!(
                streamed,
                Err(format!(
                    "m.xml:{line}:1: an element follows the itemSet, so its interviews would be left out; {}",
                    not_ours()
                ))
            );
        }
        // A unit whose item is gone: its package's itemRef names nothing.
        let second_item = text.match_indices("    <newsItem ").nth(1).unwrap().0;
        let end = second_item + text[second_item..].find("    </newsItem>\n").unwrap() + 16;
        let lost = format!("{}{}", &text[..second_item], &text[end..]);
        let streamed = read_share("m.xml", lost.as_bytes(), 0, &checker);
        assert!(
            streamed
                .as_ref()
                .is_err_and(|e| e.contains("newsml/itemref-unresolved")),
            "{streamed:?}"
        );
        assert_eq!(streamed, read_whole(&lost, &checker));
    }

    fn unit(key: &str, time: &str) -> Unit {
        Unit {
            key: key.to_string(),
            version_created: time.to_string(),
            xml: format!("    <packageItem guid=\"{key}\"/>\n"),
        }
    }

    #[test]
    fn units_go_in_guid_order_and_sent_is_the_latest_time() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("m.xml");
        let mut spool = Spool::new().unwrap();
        // The same instant twice: the later GUID's spelling wins, whatever the order.
        spool
            .push("b.txt", &unit("urn:b", "2025-01-01T01:00:00+01:00"))
            .unwrap();
        spool.push("c.txt", &unit("urn:c", "not a time")).unwrap();
        spool
            .push("a.txt", &unit("urn:a", "2025-01-01T00:00:00Z"))
            .unwrap();
        spool.write(&path, false).unwrap();
        let xml = std::fs::read_to_string(&path).unwrap();
        assert!(
            xml.contains("<sent>2025-01-01T01:00:00+01:00</sent>"),
            "{xml}"
        );
        let at = |k: &str| xml.find(&format!("guid=\"{k}\"")).unwrap();
        assert!(
            at("urn:a") < at("urn:b") && at("urn:b") < at("urn:c"),
            "{xml}"
        );
    }

    #[test]
    fn two_units_of_one_guid_are_named_by_their_inputs() {
        let dir = tempfile::tempdir().unwrap();
        let mut spool = Spool::new().unwrap();
        spool
            .push("first.txt", &unit("urn:x", "2025-01-01T00:00:00Z"))
            .unwrap();
        spool
            .push("other.txt", &unit("urn:y", "2025-01-01T00:00:00Z"))
            .unwrap();
        spool
            .push("second.txt", &unit("urn:x", "2025-01-01T00:00:00Z"))
            .unwrap();
        let err = spool.write(&dir.path().join("m.xml"), false).unwrap_err();
        let text = err.to_string();
        assert!(
            text.contains("first.txt and second.txt have the same GUID"),
            "{text}"
        );
        assert!(!dir.path().join("m.xml").exists());
    }
}
