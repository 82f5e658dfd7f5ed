//! Batches: input discovery, output naming, collision checks, atomic writes and the
//! parallel map over inputs.
//!
//! This module owns the promises an archivist relies on when converting a collection:
//! every input is found (hidden files too, in a deterministic order), no two inputs are
//! written to one path, an input is never overwritten, nothing is half-written (temp
//! file + rename in the target directory), identical re-runs touch nothing, and one bad
//! file does not stop the batch. It knows nothing of formats; the caller passes the
//! per-input work as a closure.

use std::collections::BTreeMap;
use std::fs;
use std::io::{self, Read, Write};
use std::path::{Component, Path, PathBuf};
use thiserror::Error;

mod list;
pub use list::Inputs;

/// File name endings colloquy reads when it walks a directory or expands a glob. The
/// entry [`OHMS_XML`] takes an `.xml` file only when it is an OHMS record
/// ([`is_ohms_file`]): NewsML-G2 and Dublin Core files, colloquy's own outputs among
/// them, are not interviews.
pub const INPUT_EXTENSIONS: &[&str] = &[
    "txt", "text", "md", "markdown", "html", "htm", "vtt", "srt", OHMS_XML,
];

/// The extension-list entry for "`.xml` files that are OHMS records".
pub const OHMS_XML: &str = "xml (OHMS)";

/// True when the file opens like an OHMS record (its first 4 KiB).
pub fn is_ohms_file(path: &Path) -> bool {
    use std::io::Read;
    let mut head = Vec::new();
    let ok = open_regular(path)
        .and_then(|f| f.take(4096).read_to_end(&mut head))
        .is_ok();
    ok && crate::read::ohms::looks_like(&String::from_utf8_lossy(&head))
}

/// Opens `path` for reading if it is a regular file. On Linux it is opened without
/// blocking (opening a FIFO for reading waits for a writer) and its type read from the
/// open file, so nothing can swap it between the check and the read; elsewhere the type
/// is checked first.
pub fn open_regular(path: &Path) -> io::Result<fs::File> {
    let not_regular = || {
        io::Error::new(
            io::ErrorKind::InvalidInput,
            "not a regular file (a FIFO or device?); colloquy reads and replaces regular files only",
        )
    };
    #[cfg(target_os = "linux")]
    let file = {
        use std::os::unix::fs::OpenOptionsExt;
        fs::OpenOptions::new()
            .read(true)
            .custom_flags(rustix::fs::OFlags::NONBLOCK.bits() as i32)
            .open(path)?
    };
    #[cfg(not(target_os = "linux"))]
    let file = {
        if !fs::metadata(path)?.is_file() {
            return Err(not_regular());
        }
        fs::File::open(path)?
    };
    if file.metadata()?.is_file() {
        Ok(file)
    } else {
        Err(not_regular())
    }
}

/// One input of a batch: the path as given, with the relative path (which names
/// outputs) as a count of leading components to skip in it. Only when the relative path
/// is not a tail of the given one (standard input, `a/./b.txt`) is it kept apart. A
/// batch holds its inputs as an [`Inputs`] list and makes these as it goes.
#[derive(Clone, PartialEq, Eq)]
pub struct Input {
    /// `None` for standard input.
    path: Option<Box<Path>>,
    rel: Rel,
}

#[derive(Clone, PartialEq, Eq)]
enum Rel {
    /// The given path without its first `n` components.
    Tail(u32),
    Own(Box<Path>),
}

impl std::fmt::Debug for Input {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Input")
            .field("path", &self.path())
            .field("rel", &self.rel())
            .finish()
    }
}

impl Input {
    /// A file input: `path` as given, `rel` the path used to name its outputs
    /// (relative, without `..`).
    pub fn new(path: PathBuf, rel: &Path) -> Input {
        let rel = match tail_of(&path, rel) {
            Some(n) => Rel::Tail(n),
            None => Rel::Own(rel.into()),
        };
        Input {
            path: Some(path.into_boxed_path()),
            rel,
        }
    }

    /// Standard input, named `stdin` for outputs.
    pub fn stdin() -> Input {
        Input {
            path: None,
            rel: Rel::Own(Path::new("stdin").into()),
        }
    }

    /// The path as given; `None` for standard input.
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// The path used to name outputs: relative, without `..`.
    pub fn rel(&self) -> &Path {
        match (&self.rel, &self.path) {
            (Rel::Own(rel), _) => rel,
            (Rel::Tail(n), Some(path)) => {
                let mut components = path.components();
                for _ in 0..*n {
                    components.next();
                }
                components.as_path()
            }
            (Rel::Tail(_), None) => Path::new(""),
        }
    }

    /// The name used in messages: the path as given, or `-`.
    pub fn name(&self) -> String {
        match &self.path {
            Some(p) => p.display().to_string(),
            None => "-".to_string(),
        }
    }

    /// Opens the input to be read in pieces, with [`Input::read_limited`]'s check of its
    /// type first (opening a FIFO blocks); `InvalidInput` for standard input.
    pub fn open(&self) -> io::Result<fs::File> {
        let Some(p) = &self.path else {
            return Err(io::Error::new(
                io::ErrorKind::InvalidInput,
                "standard input is read whole, not opened",
            ));
        };
        let meta = fs::metadata(p)?;
        if !meta.is_file() {
            return Err(not_regular(&meta));
        }
        fs::File::open(p)
    }

    /// Reads the input's bytes (standard input for `-`) within [`DEFAULT_MAX_INPUT`].
    pub fn read(&self) -> io::Result<Vec<u8>> {
        self.read_limited(DEFAULT_MAX_INPUT)
    }

    /// Reads the input's bytes, at most `max`: a larger input is an error
    /// (`FileTooLarge`), and so is anything but a regular file or standard input (a FIFO
    /// or `/dev/zero` named explicitly would block or never end; `InvalidInput`). The
    /// type is checked before the file is opened: opening a FIFO blocks.
    pub fn read_limited(&self, max: u64) -> io::Result<Vec<u8>> {
        self.read_with_metadata(max).map(|(bytes, _)| bytes)
    }

    /// [`Input::read_limited`], also giving the file's metadata from the one `stat`
    /// that checked its type (`None` for standard input), so a caller that needs the
    /// modification time asks the file system no second time.
    pub fn read_with_metadata(&self, max: u64) -> io::Result<(Vec<u8>, Option<fs::Metadata>)> {
        let too_large = || {
            io::Error::new(
                io::ErrorKind::FileTooLarge,
                format!("larger than the input size limit of {max} bytes; raise it with --max-input-size if this really is one document"),
            )
        };
        let mut buf = Vec::new();
        let mut metadata = None;
        match &self.path {
            Some(p) => {
                let meta = fs::metadata(p)?;
                if !meta.is_file() {
                    return Err(not_regular(&meta));
                }
                if meta.len() > max {
                    return Err(too_large());
                }
                let file = fs::File::open(p)?;
                // Room for the whole file and the read that finds its end.
                buf.reserve_exact(meta.len() as usize + 1);
                // The file may grow after the check: the limit holds for what is read.
                file.take(max.saturating_add(1)).read_to_end(&mut buf)?;
                metadata = Some(meta);
            }
            None => {
                io::stdin()
                    .lock()
                    .take(max.saturating_add(1))
                    .read_to_end(&mut buf)?;
            }
        }
        if buf.len() as u64 > max {
            return Err(too_large());
        }
        Ok((buf, metadata))
    }
}

fn not_regular(meta: &fs::Metadata) -> io::Error {
    io::Error::new(
        io::ErrorKind::InvalidInput,
        format!(
            "is {}, not a regular file; colloquy reads regular files, and standard input as `-`",
            file_kind(meta)
        ),
    )
}

/// How many leading components of `path` to skip so that the rest is `rel`, byte for
/// byte (`None` when `rel` is no such tail).
fn tail_of(path: &Path, rel: &Path) -> Option<u32> {
    let mut components = path.components();
    let mut skipped = 0u32;
    loop {
        if components.as_path().as_os_str() == rel.as_os_str() {
            return Some(skipped);
        }
        components.next()?;
        skipped = skipped.checked_add(1)?;
    }
}

/// One share of a batch split over several machines (`--shard K/N`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shard {
    /// This share, `0..count`.
    pub index: u64,
    /// How many shares.
    pub count: u64,
}

impl Shard {
    /// Whether `input` belongs to this share: XXH3-64 of its relative path (UTF-8, `/`
    /// between components, so Windows and Unix agree) modulo the count. The relative
    /// path is the path below the directory argument (or the path as given for a file
    /// argument), never the absolute one, so machines that mount the corpus in
    /// different places agree. Standard input belongs to share 0.
    pub fn contains(&self, input: &Input) -> bool {
        match input.path {
            None => self.index == 0,
            Some(_) => shard_hash(input.rel()) % self.count == self.index,
        }
    }
}

/// The hash that places a relative path in a share.
pub fn shard_hash(rel: &Path) -> u64 {
    let key: Vec<String> = rel
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    xxhash_rust::xxh3::xxh3_64(key.join("/").as_bytes())
}

/// Parses `--shard K/N` (K from 0 to N-1).
pub fn parse_shard(text: &str) -> Result<Shard, String> {
    let bad = || format!("'{text}' is not a share; give K/N with 0 <= K < N, e.g. 0/4 … 3/4");
    let (k, n) = text.split_once('/').ok_or_else(bad)?;
    // Digits only: `u64::from_str` also takes a leading `+`, and neither `+1/3` nor
    // ` 1/3` is a way to write a share.
    let number = |s: &str| {
        (!s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse::<u64>().ok())
            .flatten()
            .ok_or_else(bad)
    };
    let (index, count) = (number(k)?, number(n)?);
    if count == 0 || index >= count {
        return Err(bad());
    }
    Ok(Shard { index, count })
}

/// The largest input read by default: 64 MiB, far above any interview, far below what
/// exhausts a machine when a batch reads several at once.
pub const DEFAULT_MAX_INPUT: u64 = 64 * 1024 * 1024;

/// Parses a size for `--max-input-size`: bytes, or a number with `K`, `M` or `G`
/// (powers of 1024; `KB`, `MiB` and lower case read the same).
pub fn parse_size(text: &str) -> Result<u64, String> {
    let t = text.trim();
    let digits = t.find(|c: char| !c.is_ascii_digit()).unwrap_or(t.len());
    let (number, unit) = t.split_at(digits);
    let number: u64 = number
        .parse()
        .map_err(|_| format!("'{text}' is not a size; give bytes or e.g. 64M, 512K, 1G"))?;
    let unit = unit.trim().to_ascii_lowercase();
    let factor: u64 = match unit.trim_end_matches("ib").trim_end_matches('b') {
        "" => 1,
        "k" => 1 << 10,
        "m" => 1 << 20,
        "g" => 1 << 30,
        _ => {
            return Err(format!(
                "'{text}': unknown unit; give bytes or e.g. 64M, 512K, 1G"
            ))
        }
    };
    number
        .checked_mul(factor)
        .filter(|&n| n > 0)
        .ok_or_else(|| format!("'{text}' is not a usable size; give e.g. 64M"))
}

/// The message for an input that could not be read, naming it; the hint about paths
/// and permissions only where they are the likely cause.
pub fn read_error_message(name: &str, err: &io::Error) -> String {
    match err.kind() {
        io::ErrorKind::InvalidInput | io::ErrorKind::FileTooLarge => format!("{name}: {err}"),
        _ => format!("{name}: cannot read: {err}; check the path and its permissions"),
    }
}

fn file_kind(meta: &fs::Metadata) -> &'static str {
    let t = meta.file_type();
    if t.is_dir() {
        return "a directory";
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if t.is_fifo() {
            return "a FIFO (named pipe)";
        }
        if t.is_char_device() {
            return "a character device";
        }
        if t.is_block_device() {
            return "a block device";
        }
        if t.is_socket() {
            return "a socket";
        }
    }
    "not a regular file"
}

#[derive(Debug, Error)]
pub enum BatchError {
    #[error("{path}: {source}")]
    Io {
        path: String,
        #[source]
        source: io::Error,
    },
    #[error("{0}: no such file or directory; check the path (relative paths start from the current directory)")]
    Missing(String),
    #[error("{dir}: no input file found in this directory (colloquy takes {wanted}){skipped}; name a file explicitly to read it whatever its name")]
    EmptyDir {
        dir: String,
        wanted: String,
        skipped: String,
    },
    #[error("bad glob '{pattern}': {reason}")]
    Glob { pattern: String, reason: String },
    #[error("glob '{0}' matches no input file; check the pattern, and quote it so that colloquy, not the shell, expands it")]
    GlobEmpty(String),
    #[error("'-' (standard input) was given more than once (as an input, or as an input and the --files-from list); standard input can be read once")]
    StdinTwice,
    #[error("--files-from {path}: cannot read the list of inputs: {source}")]
    FilesFrom {
        path: String,
        #[source]
        source: io::Error,
    },
    #[error("{path}: its bytes could not be synced to disk, so nothing of this input was published ({reason}); check the disk and run again")]
    NotDurable { path: String, reason: String },
    #[error("{output}: both {first} and {second} would be written here; rename one input or convert them into different --output directories")]
    Collision {
        output: String,
        first: String,
        second: String,
    },
    #[error("{output}: differs only in letter case from {other} (written for {first}); on macOS and Windows they are one file, so one input's documents would replace the other's — rename one input")]
    CaseCollision {
        output: String,
        other: String,
        first: String,
    },
    #[error("{output}: this is an input, and {writer} would overwrite it; colloquy never overwrites an input (--force or not) — give -o a directory of its own (a walk never enters the -o directory, even inside the input tree)")]
    WouldOverwriteInput { output: String, writer: String },
    #[error("{0}: exists with other content; pass --force to replace it")]
    Exists(String),
    #[error("{lock}: cannot create the run's lock file: {source}; a run keeps it in its -o directory while it lasts, so give -o a directory you can write to")]
    LockFile {
        lock: String,
        #[source]
        source: io::Error,
    },
    #[error("{dir}: another colloquy run{holder} is writing here (it holds {lock}); wait until it has finished and run again, or give another -o directory")]
    Locked {
        dir: String,
        lock: String,
        holder: String,
    },
}

impl BatchError {
    /// The message without the leading `subject: `, for a report entry that names the
    /// subject already.
    pub fn reason(&self) -> String {
        let full = self.to_string();
        match full.strip_prefix(&format!("{}: ", self.subject())) {
            Some(rest) => rest.to_string(),
            None => full,
        }
    }

    /// A mistake in the command line itself (exit 2), not in an input.
    pub fn is_usage(&self) -> bool {
        matches!(self, BatchError::StdinTwice | BatchError::Glob { .. })
    }

    /// The path or argument the error is about, for a report entry.
    pub fn subject(&self) -> &str {
        match self {
            BatchError::Io { path, .. }
            | BatchError::FilesFrom { path, .. }
            | BatchError::NotDurable { path, .. } => path,
            BatchError::Missing(p) | BatchError::GlobEmpty(p) | BatchError::Exists(p) => p,
            BatchError::EmptyDir { dir, .. } | BatchError::Locked { dir, .. } => dir,
            BatchError::LockFile { lock, .. } => lock,
            BatchError::Glob { pattern, .. } => pattern,
            BatchError::StdinTwice => "-",
            BatchError::Collision { output, .. }
            | BatchError::CaseCollision { output, .. }
            | BatchError::WouldOverwriteInput { output, .. } => output,
        }
    }
}

/// A path that is a symbolic link but leads nowhere: "no such file" would send the user
/// looking for a file that is there. Says whether the link loops or dangles.
fn broken_link(path: &Path) -> Option<io::Error> {
    fs::symlink_metadata(path).ok()?;
    let e = fs::metadata(path).err()?;
    // ELOOP (40 on Linux, 62 on macOS and the BSDs): too many levels of links.
    let looped = matches!(e.raw_os_error(), Some(40) if cfg!(target_os = "linux"))
        || matches!(e.raw_os_error(), Some(62) if cfg!(not(target_os = "linux")));
    let message = if looped {
        "a symbolic link that loops (it leads, through links, back to itself), so it names no file; fix or remove the link".to_string()
    } else if e.kind() == io::ErrorKind::NotFound {
        let target = fs::read_link(path)
            .map(|t| format!(" to {}", t.display()))
            .unwrap_or_default();
        format!("a symbolic link{target} whose target does not exist; fix the link or name the file itself")
    } else {
        format!("a symbolic link that cannot be followed: {e}")
    };
    Some(io::Error::new(e.kind(), message))
}

fn io_err(path: &Path) -> impl FnOnce(io::Error) -> BatchError + '_ {
    move |source| BatchError::Io {
        path: path.display().to_string(),
        source,
    }
}

/// Expands command-line arguments (files, directories, globs, `-`) and the lines of a
/// `--files-from` list into inputs, in a deterministic order, without duplicates. The
/// first argument that names nothing is an error (for one-file commands like `inspect`).
pub fn discover(args: &[String], files_from: Option<&str>) -> Result<Vec<Input>, BatchError> {
    discover_with(args, files_from, INPUT_EXTENSIONS)
}

/// [`discover`] with another set of file name endings for directory walks and globs
/// (`validate` looks for documents, not interviews). Files named explicitly are always
/// taken.
pub fn discover_with(
    args: &[String],
    files_from: Option<&str>,
    extensions: &[&str],
) -> Result<Vec<Input>, BatchError> {
    let found = discover_batch(args, files_from, extensions, &[])?;
    match found.problems.into_iter().next() {
        Some(problem) => Err(problem),
        None => Ok(found.inputs.iter().collect()),
    }
}

/// What a batch's arguments name.
#[derive(Debug, Default)]
pub struct Discovery {
    /// The inputs, in a deterministic order, without duplicates.
    pub inputs: Inputs,
    /// Arguments that name nothing (a missing path, a glob that matches nothing, a
    /// directory without one input file). Each is a failed input of the batch; the
    /// others still run, so one typo does not stop a collection.
    pub problems: Vec<BatchError>,
    /// Files met in directory walks and globs that are not inputs (other endings,
    /// sidecars), so a summary can say they were left out rather than skip them silently.
    pub skipped: Vec<PathBuf>,
    /// Files left out because they lie in an excluded directory (the run's output).
    pub excluded: Vec<PathBuf>,
    /// Directories not walked because they hold an earlier run's outputs (a
    /// `.colloquy-state` record); only when the caller excludes output directories.
    pub earlier_outputs: Vec<PathBuf>,
}

/// Expands a batch's arguments like [`discover`], but a missing path, an empty glob or a
/// directory without inputs is a problem of the batch rather than its end. Directory
/// walks never enter a directory in `exclude` (the run's output directory, so a re-run
/// does not read its own outputs as inputs) unless that directory was named itself;
/// and when `exclude` is given, nor one holding an earlier run's record
/// ([`crate::state::STATE_FILE`]): another run's output directory inside the input tree.
/// Errors only for what makes the whole run meaningless: `-` twice, an unreadable
/// `--files-from` list, a malformed glob.
pub fn discover_batch(
    args: &[String],
    files_from: Option<&str>,
    extensions: &[&str],
    exclude: &[PathBuf],
) -> Result<Discovery, BatchError> {
    let mut all: Vec<String> = args.to_vec();
    if let Some(list) = files_from {
        if list == "-" && args.iter().any(|a| a == "-") {
            return Err(BatchError::StdinTwice);
        }
        let files_from_err = |source| BatchError::FilesFrom {
            path: list.to_string(),
            source,
        };
        // A list may come from a pipe (`--files-from <(find …)`), but never without end.
        let mut bytes = Vec::new();
        let read = if list == "-" {
            io::stdin()
                .lock()
                .take(DEFAULT_MAX_INPUT + 1)
                .read_to_end(&mut bytes)
        } else {
            fs::File::open(list).and_then(|f| f.take(DEFAULT_MAX_INPUT + 1).read_to_end(&mut bytes))
        };
        read.map_err(files_from_err)?;
        if bytes.len() as u64 > DEFAULT_MAX_INPUT {
            return Err(files_from_err(io::Error::new(
                io::ErrorKind::FileTooLarge,
                format!("longer than {DEFAULT_MAX_INPUT} bytes; split the list"),
            )));
        }
        let text = String::from_utf8(bytes).map_err(|e| {
            files_from_err(io::Error::new(
                io::ErrorKind::InvalidData,
                format!("not UTF-8 (byte {})", e.utf8_error().valid_up_to()),
            ))
        })?;
        all.extend(
            text.lines()
                .map(|l| l.trim_end_matches('\r'))
                .filter(|l| !l.trim().is_empty())
                .map(str::to_string),
        );
    }
    let skip_earlier = !exclude.is_empty();
    let exclude: Vec<PathBuf> = exclude.iter().map(|p| normalize(p)).collect();
    let mut found = Discovery::default();
    let mut stdin_seen = false;
    for arg in &all {
        if arg == "-" {
            if stdin_seen {
                return Err(BatchError::StdinTwice);
            }
            stdin_seen = true;
            found.inputs.push(&Input::stdin());
            continue;
        }
        let path = Path::new(arg);
        if path.is_dir() {
            // The excluded directory itself, named by the user, is walked as asked.
            let root = normalize(path);
            let exclude: Vec<&PathBuf> = exclude.iter().filter(|e| **e != root).collect();
            let before = found.inputs.len();
            let walked = walk(
                path,
                path,
                extensions,
                &exclude,
                skip_earlier,
                &mut found.inputs,
            )?;
            if found.inputs.len() == before
                && walked.excluded.is_empty()
                && walked.earlier_outputs.is_empty()
            {
                found.problems.push(BatchError::EmptyDir {
                    dir: arg.clone(),
                    wanted: extensions
                        .iter()
                        .map(|e| format!(".{e}"))
                        .collect::<Vec<_>>()
                        .join(" "),
                    skipped: match walked.skipped.len() {
                        0 => String::new(),
                        n => format!(
                            "; {n} other file(s) left out, e.g. {}",
                            walked.skipped[0].display()
                        ),
                    },
                });
            }
            found.skipped.extend(walked.skipped);
            found.excluded.extend(walked.excluded);
            found.earlier_outputs.extend(walked.earlier_outputs);
        } else if path.exists() {
            found
                .inputs
                .push(&Input::new(path.to_path_buf(), &rel_for_file(path)));
        } else if is_glob(arg) {
            let before = found.inputs.len();
            expand_glob(arg, extensions, &mut found.inputs)?;
            if found.inputs.len() == before {
                found.problems.push(BatchError::GlobEmpty(arg.clone()));
            }
        } else if let Some(source) = broken_link(path) {
            found.problems.push(BatchError::Io {
                path: arg.clone(),
                source,
            });
        } else {
            found.problems.push(BatchError::Missing(arg.clone()));
        }
    }
    // The same file named twice (say, by a glob and a directory) is converted once.
    let duplicate = duplicates(&found.inputs, xxhash_rust::xxh3::xxh3_64);
    if duplicate.iter().any(|&d| d) {
        found.inputs = (found.inputs.iter().zip(&duplicate))
            .filter(|(_, &d)| !d)
            .map(|(input, _)| input)
            .collect();
    }
    Ok(found)
}

/// Which inputs name a file an earlier input names already (the same canonical path,
/// symlinks resolved). Keeps about 9 bytes per input, not the canonical paths: 32 bits
/// of a hash of each and the index of its first input, whose path is resolved again to
/// check a hit exactly (paths that only share a hash are kept apart in a set of their
/// own; at 100 000 inputs a few pairs do).
fn duplicates(inputs: &Inputs, hash: fn(&[u8]) -> u64) -> Vec<bool> {
    let mut canon = Canonical::default();
    let mut canonical = |p: &Path| canon.of(p);
    let mut first: std::collections::HashMap<u32, u32> =
        std::collections::HashMap::with_capacity(inputs.len());
    let mut same_hash_other_file = std::collections::HashSet::new();
    let mut duplicate = vec![false; inputs.len()];
    for (n, input) in inputs.iter().enumerate() {
        let Some(path) = input.path() else { continue };
        let c = canonical(path);
        match first.entry(hash(c.as_os_str().as_encoded_bytes()) as u32) {
            std::collections::hash_map::Entry::Vacant(v) => {
                v.insert(n as u32);
            }
            std::collections::hash_map::Entry::Occupied(o) => {
                let earlier = inputs.get(*o.get() as usize).path().map(&mut canonical);
                duplicate[n] = earlier.as_ref() == Some(&c) || !same_hash_other_file.insert(c);
            }
        }
    }
    duplicate
}

/// Canonical paths (symlinks resolved), each directory resolved once: a file that is no
/// symlink is its directory's canonical path joined with its name. `realpath` per input
/// costs a `getcwd` and a `readlink` per component (a third of the system calls of an
/// unchanged re-run); this costs one `lstat`.
#[derive(Default)]
struct Canonical {
    /// The last directory resolved, as given, and what it resolved to.
    dir: Option<(PathBuf, Option<PathBuf>)>,
}

impl Canonical {
    /// As `fs::canonicalize(p)`, or `p` itself when that fails.
    fn of(&mut self, p: &Path) -> PathBuf {
        let full = |p: &Path| fs::canonicalize(p).unwrap_or_else(|_| p.to_path_buf());
        let (Some(parent), Some(name)) = (p.parent(), p.file_name()) else {
            return full(p);
        };
        if !fs::symlink_metadata(p).is_ok_and(|m| !m.file_type().is_symlink()) {
            return full(p);
        }
        if self.dir.as_ref().is_none_or(|(d, _)| d != parent) {
            let dir = if parent.as_os_str().is_empty() {
                Path::new(".")
            } else {
                parent
            };
            self.dir = Some((parent.to_path_buf(), fs::canonicalize(dir).ok()));
        }
        match self.dir.as_ref().and_then(|(_, c)| c.as_ref()) {
            Some(c) => c.join(name),
            None => full(p),
        }
    }
}

/// A file argument is named by its relative path when that stays inside the working
/// directory, else by its file name.
fn rel_for_file(path: &Path) -> PathBuf {
    let clean = path
        .components()
        .all(|c| matches!(c, Component::Normal(_) | Component::CurDir));
    if clean {
        path.components()
            .filter(|c| matches!(c, Component::Normal(_)))
            .collect()
    } else {
        PathBuf::from(path.file_name().unwrap_or(path.as_os_str()))
    }
}

fn is_glob(arg: &str) -> bool {
    arg.contains(['*', '?', '[', '{'])
}

/// The files colloquy keeps for itself in an output directory.
fn is_bookkeeping(path: &Path) -> bool {
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
    name == crate::state::STATE_FILE || name == LOCK_FILE || is_temp_name(name)
}

/// A temp file's name as [`stage_replacing`] makes it.
fn is_temp_name(name: &str) -> bool {
    name.starts_with(TEMP_PREFIX) && name.ends_with(TEMP_SUFFIX)
}

fn is_sidecar(path: &Path) -> bool {
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
    name.contains(".meta.")
}

fn has_extension(path: &Path, extensions: &[&str]) -> bool {
    // Metadata sidecars (`x.meta.toml`, `x.meta.json`) are never inputs themselves.
    if is_sidecar(path) {
        return false;
    }
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    match ext.as_deref() {
        Some("xml") if !extensions.contains(&"xml") => {
            extensions.contains(&OHMS_XML) && is_ohms_file(path)
        }
        Some(e) => extensions.contains(&e),
        None => false,
    }
}

/// What one directory walk found besides its inputs.
#[derive(Debug, Default)]
struct Walked {
    skipped: Vec<PathBuf>,
    excluded: Vec<PathBuf>,
    earlier_outputs: Vec<PathBuf>,
}

/// Walks a directory recursively in file-name order. Hidden files are included: an
/// archive's `.draft.txt` is still an input the user gave. Directories in `exclude`
/// (normalised) are not entered; their files are counted as excluded; with
/// `skip_earlier`, neither are directories holding an earlier run's record. The inputs
/// go to `inputs`.
fn walk(
    root: &Path,
    base: &Path,
    extensions: &[&str],
    exclude: &[&PathBuf],
    skip_earlier: bool,
    inputs: &mut Inputs,
) -> Result<Walked, BatchError> {
    let mut out = Walked::default();
    let mut it = walkdir::WalkDir::new(root).sort_by_file_name().into_iter();
    while let Some(entry) = it.next() {
        let entry = entry.map_err(|e| BatchError::Io {
            path: e.path().unwrap_or(root).display().to_string(),
            source: e.into(),
        })?;
        if entry.file_type().is_dir() && entry.depth() > 0 {
            if !exclude.is_empty() {
                let here = normalize(entry.path());
                if exclude.iter().any(|e| **e == here) {
                    out.excluded.push(entry.path().to_path_buf());
                    it.skip_current_dir();
                    continue;
                }
            }
            if skip_earlier && entry.path().join(crate::state::STATE_FILE).is_file() {
                out.earlier_outputs.push(entry.path().to_path_buf());
                it.skip_current_dir();
                continue;
            }
        }
        // A symlink to a file is read like the file (archives link shared texts); links
        // to directories are not followed (no cycles), and a dangling one is left out
        // and counted, never skipped silently.
        let is_file =
            entry.file_type().is_file() || (entry.path_is_symlink() && entry.path().is_file());
        if !is_file {
            if entry.path_is_symlink() {
                out.skipped.push(entry.path().to_path_buf());
            }
            continue;
        }
        if !has_extension(entry.path(), extensions) {
            // Sidecars are read with their input, not left out; colloquy's own files (a
            // run's record, lock and temp files) are no one's inputs.
            if !is_sidecar(entry.path()) && !is_bookkeeping(entry.path()) {
                out.skipped.push(entry.path().to_path_buf());
            }
            continue;
        }
        let rel = entry.path().strip_prefix(base).unwrap_or(entry.path());
        inputs.push(&Input::new(entry.path().to_path_buf(), rel));
    }
    Ok(out)
}

/// Expands a glob by walking from its longest literal directory prefix; the matches go
/// to `found`.
fn expand_glob(pattern: &str, extensions: &[&str], found: &mut Inputs) -> Result<(), BatchError> {
    let matcher = globset::GlobBuilder::new(pattern)
        .literal_separator(true)
        .build()
        .map_err(|e| BatchError::Glob {
            pattern: pattern.to_string(),
            reason: e.kind().to_string(),
        })?
        .compile_matcher();
    let mut base = PathBuf::new();
    for comp in Path::new(pattern).components() {
        if is_glob(&comp.as_os_str().to_string_lossy()) {
            break;
        }
        base.push(comp);
    }
    let root = if base.as_os_str().is_empty() {
        PathBuf::from(".")
    } else {
        base
    };
    if !root.is_dir() {
        return Ok(());
    }
    let mut walked = Inputs::new();
    walk(&root, &root, extensions, &[], false, &mut walked)?;
    for input in walked.iter() {
        let path = input.path().expect("walked files have paths");
        // A pattern without a directory part (`*.txt`) names paths without `./`.
        let path = match path.strip_prefix(".") {
            Ok(p) if pattern_is_bare(pattern) => p,
            _ => path,
        };
        if matcher.is_match(path) {
            found.push(&Input::new(path.to_path_buf(), input.rel()));
        }
    }
    Ok(())
}

fn pattern_is_bare(pattern: &str) -> bool {
    !pattern.starts_with("./")
}

/// `<out>/<rel without extension>.<suffix>`.
pub fn output_path(out_dir: &Path, rel: &Path, suffix: &str) -> PathBuf {
    // Built from the name's own bytes: a name that is not UTF-8 (`caf\xe9.txt`) keeps
    // them, where a lossy copy would give two such names one output.
    let mut name = rel.file_stem().unwrap_or(rel.as_os_str()).to_os_string();
    name.push(".");
    name.push(suffix);
    match rel.parent() {
        Some(parent) => out_dir.join(parent).join(name),
        None => out_dir.join(name),
    }
}

/// Plans every output path before anything is written: two inputs that map to one
/// path, or an output that is an input, are errors for the whole batch.
pub fn plan_outputs(
    inputs: &Inputs,
    out_dir: &Path,
    suffixes: &[&str],
) -> Result<Vec<Vec<PathBuf>>, BatchError> {
    plan_outputs_all(inputs, out_dir, suffixes).map_err(|mut all| all.remove(0))
}

/// [`plan_outputs`], but every problem of the plan at once, so a collection with fifty
/// name clashes is fixed in one pass, not fifty runs. The first output of each clash is
/// named once per path.
pub fn plan_outputs_all(
    inputs: &Inputs,
    out_dir: &Path,
    suffixes: &[&str],
) -> Result<Vec<Vec<PathBuf>>, Vec<BatchError>> {
    check_outputs(inputs, out_dir, suffixes)?;
    Ok(inputs
        .iter()
        .map(|i| output_paths(out_dir, i.rel(), suffixes))
        .collect())
}

/// The output paths of one input, one per suffix (see [`output_path`]).
pub fn output_paths(out_dir: &Path, rel: &Path, suffixes: &[&str]) -> Vec<PathBuf> {
    suffixes
        .iter()
        .map(|s| output_path(out_dir, rel, s))
        .collect()
}

/// The identity of the file a path names (symlinks followed), or `None` when it names
/// none: device and inode on Unix, the canonical path elsewhere.
pub fn file_id(path: &Path) -> Option<u128> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        fs::metadata(path)
            .ok()
            .map(|m| (u128::from(m.dev()) << 64) | u128::from(m.ino()))
    }
    #[cfg(not(unix))]
    {
        fs::canonicalize(path)
            .ok()
            .map(|c| xxhash_rust::xxh3::xxh3_128(c.as_os_str().as_encoded_bytes()))
    }
}

/// Checks the plan of [`plan_outputs_all`] without keeping it: every problem at once.
/// Per output it holds about 13 bytes: 32 bits of a hash of the case-folded normal path
/// and the (input, suffix) that planned it; per input, its file's identity. A hit is
/// checked exactly by deriving that output's path again ([`output_path`]); paths that
/// only share a hash go to a set of their own.
pub fn check_outputs(
    inputs: &Inputs,
    out_dir: &Path,
    suffixes: &[&str],
) -> Result<(), Vec<BatchError>> {
    check_outputs_with(inputs, out_dir, suffixes, xxhash_rust::xxh3::xxh3_64)
}

/// [`check_outputs`] with the hash as a parameter, so tests can make every path share one.
fn check_outputs_with(
    inputs: &Inputs,
    out_dir: &Path,
    suffixes: &[&str],
    hash: fn(&[u8]) -> u64,
) -> Result<(), Vec<BatchError>> {
    // Sorted, not hashed: exact, and 16 bytes an input with no spare room.
    let mut input_set: Vec<u128> = inputs
        .iter()
        .filter_map(|i| i.path().and_then(file_id))
        .collect();
    input_set.sort_unstable();
    input_set.dedup();
    let mut planned = Planned::with_capacity(inputs.len() * suffixes.len(), hash);
    let mut problems = Vec::new();
    let path_of = |(n, s): (u32, u32)| {
        output_path(out_dir, inputs.get(n as usize).rel(), suffixes[s as usize])
    };
    for (n, input) in inputs.iter().enumerate() {
        for (s, suffix) in suffixes.iter().enumerate() {
            let path = output_path(out_dir, input.rel(), suffix);
            let key = normalize(&path);
            // Case-insensitive file systems (macOS, Windows) would merge `A.jsonld` and
            // `a.jsonld` into one file: outputs are told apart by their case-folded path.
            let key_folded = folded(&key);
            let earlier = planned.find(&key_folded, |owner| folded(&normalize(&path_of(owner))));
            if let Some(first) = earlier.filter(|&owner| normalize(&path_of(owner)) == key) {
                problems.push(BatchError::Collision {
                    output: path.display().to_string(),
                    first: inputs.get(first.0 as usize).name(),
                    second: input.name(),
                });
                // One line per pair of inputs: their other formats clash the same way.
                break;
            }
            // An output that does not exist yet is no input; one that does is compared
            // by file identity (one stat, where resolving its path took one per
            // component).
            if file_id(&path).is_some_and(|f| input_set.binary_search(&f).is_ok()) {
                let own = input.path().is_some_and(|p| normalize(p) == key);
                problems.push(BatchError::WouldOverwriteInput {
                    output: path.display().to_string(),
                    writer: if own {
                        format!("its own .{suffix} output")
                    } else {
                        format!("the .{suffix} output of {}", input.name())
                    },
                });
                continue;
            }
            if let Some(first) = earlier {
                problems.push(BatchError::CaseCollision {
                    output: path.display().to_string(),
                    other: path_of(first).display().to_string(),
                    first: inputs.get(first.0 as usize).name(),
                });
                break;
            }
            planned.insert(key_folded, (n as u32, s as u32));
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems)
    }
}

/// A path as case-insensitive file systems compare it: lower-cased when it is UTF-8;
/// a name in another encoding is compared byte for byte (its case cannot be known).
fn folded(path: &Path) -> Vec<u8> {
    match path.to_str() {
        Some(text) => text.to_lowercase().into_bytes(),
        None => path.as_os_str().as_encoded_bytes().to_vec(),
    }
}

/// The outputs planned so far, by case-folded path: 32 bits of a hash each (12 bytes an
/// output with its owner), the path itself only for the rare path whose hash an earlier,
/// other path has.
struct Planned {
    by_hash: std::collections::HashMap<u32, (u32, u32)>,
    same_hash: std::collections::HashMap<Vec<u8>, (u32, u32)>,
    hash: fn(&[u8]) -> u64,
}

impl Planned {
    fn with_capacity(n: usize, hash: fn(&[u8]) -> u64) -> Planned {
        Planned {
            by_hash: std::collections::HashMap::with_capacity(n),
            same_hash: std::collections::HashMap::new(),
            hash,
        }
    }

    /// The owner of `folded`, if planned; `folded_of` derives an owner's folded path.
    fn find(&self, folded: &[u8], folded_of: impl Fn((u32, u32)) -> Vec<u8>) -> Option<(u32, u32)> {
        let &owner = self.by_hash.get(&((self.hash)(folded) as u32))?;
        if folded_of(owner) == folded {
            Some(owner)
        } else {
            self.same_hash.get(folded).copied()
        }
    }

    /// Records a path [`Planned::find`] did not find.
    fn insert(&mut self, folded: Vec<u8>, owner: (u32, u32)) {
        match self.by_hash.entry((self.hash)(&folded) as u32) {
            std::collections::hash_map::Entry::Vacant(v) => {
                v.insert(owner);
            }
            std::collections::hash_map::Entry::Occupied(_) => {
                self.same_hash.insert(folded, owner);
            }
        }
    }
}

/// A lexical normal form for collision checks (case-sensitive; plan_outputs_all also
/// compares case-folded paths, for macOS and Windows): absolute, without `.` and `..`.
pub fn normalize(path: &Path) -> PathBuf {
    let abs = if path.is_absolute() {
        path.to_path_buf()
    } else {
        // colloquy never changes its working directory: asked once, not once per path
        // (a plan of 100 000 inputs normalises 200 000 paths).
        static CWD: std::sync::OnceLock<PathBuf> = std::sync::OnceLock::new();
        CWD.get_or_init(|| std::env::current_dir().unwrap_or_default())
            .join(path)
    };
    let mut out = PathBuf::new();
    for comp in abs.components() {
        match comp {
            Component::ParentDir => {
                out.pop();
            }
            Component::CurDir => {}
            other => out.push(other),
        }
    }
    out
}

/// What a write did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WriteOutcome {
    Written,
    Unchanged,
    Replaced,
}

/// Checks whether `path` may receive `bytes`: `Ok(Some(Unchanged))` when it already
/// holds them, an error when it holds something else and `force` is off.
pub fn precheck(
    path: &Path,
    bytes: &[u8],
    force: bool,
) -> Result<Option<WriteOutcome>, BatchError> {
    let read = open_regular(path).and_then(|mut f| {
        let mut held = Vec::new();
        f.read_to_end(&mut held).map(|_| held)
    });
    match read {
        Ok(existing) if existing == bytes => Ok(Some(WriteOutcome::Unchanged)),
        Ok(_) if !force => Err(BatchError::Exists(path.display().to_string())),
        Ok(_) => Ok(None),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(io_err(path)(e)),
    }
}

/// Writes `bytes` to `path` atomically: a temp file in the same directory, then a
/// rename, so a reader never sees half a file and a crash leaves the old one intact.
/// Without `force` the rename never replaces a file that appeared meanwhile.
pub fn write_atomic(path: &Path, bytes: &[u8], force: bool) -> Result<WriteOutcome, BatchError> {
    let staged = stage(path, bytes, force)?;
    let outcome = publish(vec![staged], force)?.remove(0).1;
    if outcome != WriteOutcome::Unchanged {
        sync_parent_dirs([path]);
    }
    Ok(outcome)
}

/// The name prefix and suffix of colloquy's temp files; a run that holds the output
/// directory's lock removes files named so that a killed run left behind.
const TEMP_PREFIX: &str = ".colloquy-";
const TEMP_SUFFIX: &str = ".tmp";

/// One document made ready beside its target: its bytes in a closed temp file with the
/// mode the target gets, or nothing to do when the target holds them already. A temp
/// file is renamed into place only once its bytes are durable: [`stage`] syncs it at
/// once, [`stage_unsynced`] leaves that to one [`sync_staged`] for a whole group.
#[derive(Debug)]
pub struct Staged {
    path: PathBuf,
    bytes_len: usize,
    tmp: Option<tempfile::TempPath>,
    /// The target exists with other content and `--force` replaces it.
    replaces: bool,
    /// The temp file's bytes are on stable storage (or there is no temp file).
    synced: bool,
}

/// Prepares `bytes` for `path` (see [`publish`]): checks the target like [`precheck`],
/// then writes a temp file in the target's directory. New files get the mode the umask
/// gives (0644 under the usual 022); a replaced file keeps its mode.
pub fn stage(path: &Path, bytes: &[u8], force: bool) -> Result<Staged, BatchError> {
    let mut staged = stage_unsynced(path, bytes, force)?;
    sync_staged([&mut staged])?;
    Ok(staged)
}

/// [`stage`] without the sync: the temp file is written and closed, and [`publish`]
/// syncs it before the rename unless [`sync_staged`] did so for a whole group first.
/// One `fsync` per file was the largest system cost of a batch (a journal commit and a
/// cache flush each); one sync for hundreds of files gives the same promise.
pub fn stage_unsynced(path: &Path, bytes: &[u8], force: bool) -> Result<Staged, BatchError> {
    stage_replacing(path, bytes, &|_| force)
}

/// [`stage_unsynced`], where a target with other content is replaced when
/// `may_replace` says so of the bytes it holds (`--force`, or the run's record showing
/// that they are the output an earlier run wrote, untouched since).
pub fn stage_replacing(
    path: &Path,
    bytes: &[u8],
    may_replace: &dyn Fn(&[u8]) -> bool,
) -> Result<Staged, BatchError> {
    let mut staged = Staged {
        path: path.to_path_buf(),
        bytes_len: bytes.len(),
        tmp: None,
        replaces: false,
        synced: true,
    };
    // What the target holds, and its mode (one open, no second lookup: most targets do
    // not exist yet, and each failed lookup is a system call).
    let existing = match open_regular(path) {
        Ok(mut file) => {
            let meta = file.metadata().map_err(io_err(path))?;
            let mut held = Vec::with_capacity(meta.len() as usize);
            file.read_to_end(&mut held).map_err(io_err(path))?;
            if held == bytes {
                return Ok(staged);
            }
            if !may_replace(&held) {
                return Err(BatchError::Exists(path.display().to_string()));
            }
            Some(meta)
        }
        Err(e) if e.kind() == io::ErrorKind::NotFound => None,
        Err(e) => return Err(io_err(path)(e)),
    };
    staged.replaces = existing.is_some();
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let mut builder = tempfile::Builder::new();
    builder.prefix(TEMP_PREFIX).suffix(TEMP_SUFFIX);
    // tempfile creates 0600; an archive's outputs are read by others, as any file the
    // user's shell would create (0666 less the umask, applied by open(2)).
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(fs::Permissions::from_mode(0o666));
    }
    // The directory is made when the temp file cannot be created for want of it: asking
    // for every output cost two system calls each, for a directory there since the first.
    let mut tmp = match builder.tempfile_in(dir) {
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            fs::create_dir_all(dir).map_err(io_err(dir))?;
            builder.tempfile_in(dir)
        }
        made => made,
    }
    .map_err(io_err(dir))?;
    tmp.write_all(bytes).map_err(io_err(path))?;
    if let Some(meta) = &existing {
        fs::set_permissions(tmp.path(), meta.permissions()).map_err(io_err(path))?;
    }
    // Closed now: a group of hundreds of staged files must not hold hundreds of
    // descriptors (the usual soft limit is 1 024).
    staged.tmp = Some(tmp.into_temp_path());
    staged.synced = false;
    Ok(staged)
}

/// Makes the bytes of every unsynced temp file among `staged` durable. Many files on
/// Linux take one `syncfs` per file system they are on: it writes back and flushes
/// everything dirty there in one go instead of once per file, and (since Linux 5.8)
/// reports a write-back error on any of them. It also waits for other programs' dirty
/// data on that file system, so a few files (a one-file run) are synced each on their
/// own, as everywhere else. On an error nothing is marked synced, so nothing of the
/// group is published.
pub fn sync_staged<'a>(staged: impl IntoIterator<Item = &'a mut Staged>) -> Result<(), BatchError> {
    /// Fewer temp files than this are synced one by one.
    const SYNCFS_FROM: usize = 16;
    let mut todo: Vec<&mut Staged> = staged
        .into_iter()
        .filter(|s| !s.synced && s.tmp.is_some())
        .collect();
    if cfg!(target_os = "linux") && todo.len() >= SYNCFS_FROM {
        #[cfg(target_os = "linux")]
        {
            use std::os::unix::fs::MetadataExt;
            let mut dirs: std::collections::BTreeSet<&Path> = Default::default();
            for s in &todo {
                let dir = s.tmp.as_deref().and_then(Path::parent);
                dirs.insert(
                    dir.filter(|d| !d.as_os_str().is_empty())
                        .unwrap_or(Path::new(".")),
                );
            }
            let mut devices = Vec::new();
            for dir in dirs {
                let handle = fs::File::open(dir).map_err(io_err(dir))?;
                let device = handle.metadata().map_err(io_err(dir))?.dev();
                if !devices.contains(&device) {
                    devices.push(device);
                    rustix::fs::syncfs(&handle).map_err(|e| io_err(dir)(e.into()))?;
                }
            }
        }
    } else {
        for s in &todo {
            let tmp = s.tmp.as_deref().expect("filtered above");
            fs::OpenOptions::new()
                .write(true)
                .open(tmp)
                .and_then(|f| f.sync_all())
                .map_err(io_err(&s.path))?;
        }
    }
    for s in &mut todo {
        s.synced = true;
    }
    Ok(())
}

/// Like [`stage`], for a document too large to hold in memory (a batch's newsMessage):
/// `fill` writes it into the temp file beside `path`; then it is compared with what
/// `path` holds — the same bytes are `Unchanged` (nothing to publish), other bytes an
/// error unless `force`. Publish the result with [`publish`].
pub fn stage_with(
    path: &Path,
    force: bool,
    fill: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> Result<Staged, BatchError> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    fs::create_dir_all(dir).map_err(io_err(dir))?;
    let mut builder = tempfile::Builder::new();
    builder.prefix(TEMP_PREFIX).suffix(TEMP_SUFFIX);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(fs::Permissions::from_mode(0o666));
    }
    let mut tmp = builder.tempfile_in(dir).map_err(io_err(dir))?;
    {
        let mut w = io::BufWriter::new(tmp.as_file_mut());
        fill(&mut w).map_err(io_err(path))?;
        w.flush().map_err(io_err(path))?;
    }
    let len = tmp.as_file().metadata().map_err(io_err(path))?.len();
    let existing = fs::metadata(path).ok();
    if let Some(meta) = &existing {
        if meta.len() == len && same_content(tmp.path(), path).map_err(io_err(path))? {
            return Ok(Staged {
                path: path.to_path_buf(),
                bytes_len: len as usize,
                tmp: None,
                replaces: false,
                synced: true,
            });
        }
        if !force {
            return Err(BatchError::Exists(path.display().to_string()));
        }
        fs::set_permissions(tmp.path(), meta.permissions()).map_err(io_err(path))?;
    }
    tmp.as_file().sync_all().map_err(io_err(path))?;
    Ok(Staged {
        path: path.to_path_buf(),
        bytes_len: len as usize,
        tmp: Some(tmp.into_temp_path()),
        replaces: existing.is_some(),
        synced: true,
    })
}

/// Whether two files hold the same bytes, compared in blocks (no file is loaded whole).
fn same_content(a: &Path, b: &Path) -> io::Result<bool> {
    let mut a = io::BufReader::new(open_regular(a)?);
    let mut b = io::BufReader::new(open_regular(b)?);
    let (mut x, mut y) = (vec![0u8; 64 * 1024], vec![0u8; 64 * 1024]);
    loop {
        let n = read_full(&mut a, &mut x)?;
        let m = read_full(&mut b, &mut y)?;
        if n != m || x[..n] != y[..m] {
            return Ok(false);
        }
        if n == 0 {
            return Ok(true);
        }
    }
}

fn read_full(r: &mut impl Read, buf: &mut [u8]) -> io::Result<usize> {
    let mut n = 0;
    while n < buf.len() {
        match r.read(&mut buf[n..]) {
            Ok(0) => break,
            Ok(k) => n += k,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(n)
}

/// Publishes one input's staged documents together: when one cannot be published, the
/// ones this call created are removed again, so the outputs of an input appear together
/// or not at all (a `--force` replacement cannot be undone, so replacements come last,
/// after every new file). New files get a rename that never replaces (renameat2
/// RENAME_NOREPLACE, or link + unlink), so a file another process wrote since the check
/// is never clobbered. Temp files not yet synced are synced first (see [`sync_staged`]).
pub fn publish(
    mut staged: Vec<Staged>,
    force: bool,
) -> Result<Vec<(PathBuf, WriteOutcome)>, BatchError> {
    sync_staged(staged.iter_mut())?;
    let mut outcomes: Vec<Option<WriteOutcome>> = vec![None; staged.len()];
    let mut created: Vec<PathBuf> = Vec::new();
    let mut order: Vec<usize> = (0..staged.len()).collect();
    order.sort_by_key(|&i| staged[i].replaces);
    let mut staged: Vec<Option<Staged>> = staged.into_iter().map(Some).collect();
    let paths: Vec<PathBuf> = staged
        .iter()
        .map(|s| s.as_ref().expect("staged").path.clone())
        .collect();
    let mut failure = None;
    for i in order {
        let item = staged[i].take().expect("each staged once");
        let Some(tmp) = item.tmp else {
            outcomes[i] = Some(WriteOutcome::Unchanged);
            continue;
        };
        let path = &item.path;
        if item.replaces {
            match tmp.persist(path) {
                Ok(_) => outcomes[i] = Some(WriteOutcome::Replaced),
                Err(e) => {
                    failure = Some(io_err(path)(e.error));
                    break;
                }
            }
            continue;
        }
        match tmp.persist_noclobber(path) {
            Ok(_) => {
                created.push(path.clone());
                outcomes[i] = Some(WriteOutcome::Written);
            }
            Err(e) if e.error.kind() == io::ErrorKind::AlreadyExists => {
                // Another process wrote the file since the check.
                let same = fs::metadata(path).is_ok_and(|m| m.len() == item.bytes_len as u64)
                    && fs::read(path).ok() == Some(fs::read(&e.path).unwrap_or_default());
                if same {
                    outcomes[i] = Some(WriteOutcome::Unchanged);
                } else if force {
                    match e.path.persist(path) {
                        Ok(_) => outcomes[i] = Some(WriteOutcome::Replaced),
                        Err(e) => {
                            failure = Some(io_err(path)(e.error));
                            break;
                        }
                    }
                } else {
                    failure = Some(BatchError::Exists(path.display().to_string()));
                    break;
                }
            }
            Err(e) => {
                failure = Some(io_err(path)(e.error));
                break;
            }
        }
    }
    if let Some(err) = failure {
        // The temp files not yet published are removed when `staged` drops.
        for path in &created {
            let _ = fs::remove_file(path);
        }
        return Err(err);
    }
    Ok(paths
        .into_iter()
        .zip(outcomes)
        .map(|(p, o)| (p, o.expect("every staged document published")))
        .collect())
}

/// The staged documents of many inputs, published together after one
/// [`sync_staged`]: a batch queues each finished input here in input order and commits
/// when [`Group::push`] says the group is full or old, and once more at its end. No
/// output is renamed into place before the sync that makes its bytes durable, so the
/// promise of one `fsync` per file holds at the cost of one sync per group.
pub struct Group<T> {
    items: Vec<(T, Vec<Staged>)>,
    bytes: usize,
    since: Option<std::time::Instant>,
}

/// What committing a group did to one of its items: the outcome of each document, or
/// why none of the item's documents was published.
pub type Published = Result<Vec<(PathBuf, WriteOutcome)>, BatchError>;

impl<T> Default for Group<T> {
    fn default() -> Self {
        Group {
            items: Vec::new(),
            bytes: 0,
            since: None,
        }
    }
}

impl<T> Group<T> {
    /// Inputs per sync: 256 inputs of two documents amortise a sync's few
    /// milliseconds to a few microseconds per file.
    const MAX_ITEMS: usize = 256;
    /// Bytes per sync, so a group of large documents does not wait on one long flush.
    const MAX_BYTES: usize = 32 << 20;
    /// Age of the oldest item: a slow batch still shows its results within a second
    /// or so, and a killed run loses little more than a second's work.
    const MAX_AGE: std::time::Duration = std::time::Duration::from_secs(1);

    /// True when nothing is queued.
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// Queues `item` with its staged documents; true when the group should be
    /// committed now.
    pub fn push(&mut self, item: T, staged: Vec<Staged>) -> bool {
        self.bytes += staged
            .iter()
            .filter(|s| s.tmp.is_some())
            .map(|s| s.bytes_len)
            .sum::<usize>();
        self.since.get_or_insert_with(std::time::Instant::now);
        self.items.push((item, staged));
        self.items.len() >= Self::MAX_ITEMS
            || self.bytes >= Self::MAX_BYTES
            || self.since.is_some_and(|t| t.elapsed() >= Self::MAX_AGE)
    }

    /// Syncs every queued temp file, then publishes each item's documents (see
    /// [`publish`]) and hands the items back in the order they were queued. When the
    /// sync fails, no item with a temp file is published (its temp files are removed).
    pub fn commit(&mut self, force: bool) -> Vec<(T, Published)> {
        let mut items = std::mem::take(&mut self.items);
        self.bytes = 0;
        self.since = None;
        let synced = sync_staged(items.iter_mut().flat_map(|(_, staged)| staged.iter_mut()));
        items
            .into_iter()
            .map(|(item, staged)| {
                let published = match &synced {
                    Err(e) if staged.iter().any(|s| !s.synced) => Err(BatchError::NotDurable {
                        path: staged[0].path.display().to_string(),
                        reason: e.to_string(),
                    }),
                    _ => publish(staged, force),
                };
                (item, published)
            })
            .collect()
    }
}

/// Makes the renames that published files in these directories durable: a file's own
/// fsync (done before its rename) keeps its bytes, but the directory entry that names
/// it lives in the directory, which must be synced too or a power loss can forget the
/// file. One sync per directory after a whole batch costs little; errors are ignored
/// (some file systems cannot sync a directory, and the files are already written).
pub fn sync_dirs<'a>(dirs: impl IntoIterator<Item = &'a Path>) {
    for dir in dirs {
        let dir = if dir.as_os_str().is_empty() {
            Path::new(".")
        } else {
            dir
        };
        if let Ok(d) = fs::File::open(dir) {
            let _ = d.sync_all();
        }
    }
}

/// [`sync_dirs`] for the directories holding `files`.
pub fn sync_parent_dirs<'a>(files: impl IntoIterator<Item = &'a Path>) {
    let dirs: std::collections::BTreeSet<&Path> =
        files.into_iter().filter_map(Path::parent).collect();
    sync_dirs(dirs);
}

/// The file whose lock marks an output directory as in use by one run.
pub const LOCK_FILE: &str = ".colloquy.lock";

/// An exclusive lock on an output directory, held for a whole run: two runs writing
/// into one directory would otherwise mix their outputs. An advisory `flock`, so it dies
/// with the process; the lock file is removed when the lock is dropped.
#[derive(Debug)]
pub struct OutputLock {
    file: fs::File,
    path: PathBuf,
    dir: PathBuf,
}

impl Drop for OutputLock {
    fn drop(&mut self) {
        // Unlinked while still held: a run that opened this file meanwhile finds, once
        // it holds the lock, that the path names another file, and tries again.
        let _ = fs::remove_file(&self.path);
        let _ = self.file.unlock();
    }
}

/// Takes the lock of `dir` (created when missing), or says which run holds it.
pub fn lock_output_dir(dir: &Path) -> Result<OutputLock, BatchError> {
    fs::create_dir_all(dir).map_err(io_err(dir))?;
    let path = dir.join(LOCK_FILE);
    loop {
        // No truncation before the lock is held: the holder's pid is in the file.
        let mut file = fs::OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(&path)
            .map_err(|source| BatchError::LockFile {
                lock: path.display().to_string(),
                source,
            })?;
        match file.try_lock() {
            Ok(()) => {}
            Err(fs::TryLockError::WouldBlock) => {
                return Err(BatchError::Locked {
                    dir: dir.display().to_string(),
                    lock: path.display().to_string(),
                    holder: holder_of(&mut file),
                });
            }
            Err(fs::TryLockError::Error(e)) => return Err(io_err(&path)(e)),
        }
        if !same_file(&file, &path) {
            // The holder removed it between our open and our lock.
            continue;
        }
        file.set_len(0).map_err(io_err(&path))?;
        write!(file, "{}", std::process::id()).map_err(io_err(&path))?;
        let lock = OutputLock {
            file,
            path,
            dir: dir.to_path_buf(),
        };
        // A run into a directory around this one may write here too. Checked once this
        // lock is held: of two runs, the later check sees the earlier lock.
        for around in normalize(dir).ancestors().skip(1) {
            lock.refuse_if_held(dir, around)?;
        }
        return Ok(lock);
    }
}

/// ` (pid N)` from a lock file's text, or nothing.
fn holder_of(file: &mut fs::File) -> String {
    let mut holder = String::new();
    let _ = file.read_to_string(&mut holder);
    let holder = holder.trim();
    if !holder.is_empty() && holder.chars().all(|c| c.is_ascii_digit()) {
        format!(" (pid {holder})")
    } else {
        String::new()
    }
}

#[cfg(unix)]
fn same_file(file: &fs::File, path: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    match (file.metadata(), fs::metadata(path)) {
        (Ok(a), Ok(b)) => a.dev() == b.dev() && a.ino() == b.ino(),
        _ => false,
    }
}

#[cfg(not(unix))]
fn same_file(_: &fs::File, path: &Path) -> bool {
    path.exists()
}

impl OutputLock {
    /// An error when another run holds the lock of `other` (a directory around or
    /// inside this run's, where both would write); `dir` names this run's directory.
    /// A lock file that a stopped run left is not held.
    fn refuse_if_held(&self, dir: &Path, other: &Path) -> Result<(), BatchError> {
        let path = other.join(LOCK_FILE);
        let Ok(mut file) = fs::File::open(&path) else {
            return Ok(());
        };
        match file.try_lock() {
            Ok(()) => {
                let _ = file.unlock();
                Ok(())
            }
            Err(fs::TryLockError::WouldBlock) => Err(BatchError::Locked {
                dir: dir.display().to_string(),
                lock: path.display().to_string(),
                holder: holder_of(&mut file),
            }),
            Err(fs::TryLockError::Error(_)) => Ok(()),
        }
    }

    /// Checks the directories this run writes into (`dirs`, inside the locked one) for
    /// another run's lock: a run into `out/a` and one into `out` would write the same
    /// files, and each would take the other's temp files for a stopped run's.
    pub fn refuse_runs_inside<'a>(
        &self,
        dirs: impl IntoIterator<Item = &'a Path>,
    ) -> Result<(), BatchError> {
        let root = normalize(&self.dir);
        let mut seen = std::collections::BTreeSet::new();
        for dir in dirs {
            let norm = normalize(dir);
            for inside in norm.ancestors() {
                if inside == root
                    || !inside.starts_with(&root)
                    || !seen.insert(inside.to_path_buf())
                {
                    break;
                }
                self.refuse_if_held(&self.dir, inside)?;
            }
        }
        Ok(())
    }

    /// Removes the temp files a killed run left in `dirs` (each inside the locked
    /// directory; others are left alone): only colloquy's own names
    /// (`.colloquy-*.tmp`), only regular files. Safe because no other run can be
    /// writing here while this lock is held (nor, after [`lock_output_dir`] and
    /// [`OutputLock::refuse_runs_inside`], around or inside it). Returns how many were
    /// removed.
    pub fn remove_stale_temps<'a>(&'a self, dirs: impl IntoIterator<Item = &'a Path>) -> usize {
        let root = normalize(&self.dir);
        let mut seen = std::collections::BTreeSet::new();
        let mut removed = 0;
        let own: &Path = &self.dir;
        for dir in dirs.into_iter().chain(std::iter::once(own)) {
            let norm = normalize(dir);
            if !norm.starts_with(&root) || !seen.insert(norm) {
                continue;
            }
            let Ok(entries) = fs::read_dir(dir) else {
                continue;
            };
            for entry in entries.flatten() {
                let name = entry.file_name();
                let name = name.to_string_lossy();
                let ours = is_temp_name(&name);
                if ours
                    && entry.file_type().is_ok_and(|t| t.is_file())
                    && fs::remove_file(entry.path()).is_ok()
                {
                    removed += 1;
                }
            }
        }
        removed
    }
}

/// Whether colloquy reads files of this name (interviews, sidecars, its config): such
/// a file is never a target of a write, `--force` or not.
pub fn is_read_by_colloquy(path: &Path) -> bool {
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
    is_sidecar(path)
        || name == "colloquy.toml"
        || path
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| INPUT_EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()))
        || ["csv", "json", "toml", "yaml", "yml"]
            .iter()
            .any(|e| name.to_ascii_lowercase().ends_with(&format!(".{e}")))
}

/// The cores this process may use: `std::thread::available_parallelism`, which
/// respects the affinity mask and cgroup CPU quotas (a container limited to 2 CPUs on a
/// 64-core host gets 2), or 1 when it cannot tell.
pub fn available_cores() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get())
}

/// The worker count for `--jobs requested` (0 = the cores available): never more than
/// the cores available — a CPU-bound worker beyond them only adds switching and memory
/// (`--jobs 8` on 2 cores cost 1.5× the time of `--jobs 2`) — and never more than the
/// inputs. The second value is true when a larger request was capped, so the caller can
/// say so.
pub fn effective_jobs(requested: usize, inputs: usize) -> (usize, bool) {
    let cores = available_cores();
    let capped = requested > cores;
    let jobs = if requested == 0 {
        cores
    } else {
        requested.min(cores)
    };
    (jobs.min(inputs).max(1), capped)
}

/// The flag that stops a batch between inputs: the binary sets it on the first SIGINT or
/// SIGTERM. Shared (an `Arc`) because signal handlers are registered with one.
pub fn stop_flag() -> &'static std::sync::Arc<std::sync::atomic::AtomicBool> {
    static STOP: std::sync::OnceLock<std::sync::Arc<std::sync::atomic::AtomicBool>> =
        std::sync::OnceLock::new();
    STOP.get_or_init(Default::default)
}

/// Whether [`stop_flag`] is set: a run checks it once more before its final writes (a
/// report, a newsMessage), which a signal after the last input was taken must stop too.
pub fn stop_requested() -> bool {
    stop_flag().load(std::sync::atomic::Ordering::SeqCst)
}

/// A batch stopped by [`stop_flag`] before every input was done. The first `done`
/// inputs (in input order) were handed to `consume`; none after them were.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Error)]
#[error("interrupted after {done} of {total} input(s)")]
pub struct Interrupted {
    pub done: usize,
    pub total: usize,
}

/// Runs `work` over `inputs` on [`effective_jobs`] threads, with one `init()` state per
/// worker thread (libxml2 validators are per thread; `work` gets each input's index),
/// and hands each result to `consume` on the calling thread as soon as
/// it and every result before it are done — in input order, so reports are
/// deterministic — and keeps nothing: memory stays flat however many inputs a batch
/// has. Workers run at most a window of inputs ahead of the oldest unfinished one, so
/// a slow input cannot make the reorder buffer grow without bound. A panicking worker
/// stops the others and the panic is passed on. When [`stop_flag`] is set, workers
/// finish the input in hand and take no other; results after the first one missing are
/// dropped, so what was consumed is a prefix of the batch.
pub fn run_ordered<S, T, I, F, C>(
    inputs: &Inputs,
    jobs: usize,
    init: I,
    work: F,
    mut consume: C,
) -> Result<(), Interrupted>
where
    T: Send,
    I: Fn() -> S + Sync + Send,
    F: Fn(&mut S, usize, &Input) -> T + Sync + Send,
    C: FnMut(usize, T),
{
    use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
    use std::sync::{mpsc, Condvar, Mutex};
    if inputs.is_empty() {
        return Ok(());
    }
    let stop = stop_flag();
    let (jobs, _) = effective_jobs(jobs, inputs.len());
    let window = jobs * 8;
    let next = AtomicUsize::new(0);
    // The index of the oldest result not yet consumed, and a flag set when a worker
    // panics so that no other worker waits for it forever.
    let emitted = Mutex::new(0usize);
    let moved = Condvar::new();
    let aborted = AtomicBool::new(false);
    struct PanicGuard<'a>(&'a AtomicBool, &'a Condvar);
    impl Drop for PanicGuard<'_> {
        fn drop(&mut self) {
            if std::thread::panicking() {
                self.0.store(true, Ordering::SeqCst);
                self.1.notify_all();
            }
        }
    }
    std::thread::scope(|scope| {
        let (tx, rx) = mpsc::sync_channel::<(usize, T)>(window);
        for _ in 0..jobs {
            let tx = tx.clone();
            let (next, emitted, moved, aborted) = (&next, &emitted, &moved, &aborted);
            let (init, work) = (&init, &work);
            std::thread::Builder::new()
                .spawn_scoped(scope, move || {
                    let _guard = PanicGuard(aborted, moved);
                    let mut state = init();
                    loop {
                        if stop.load(Ordering::SeqCst) {
                            return;
                        }
                        let i = next.fetch_add(1, Ordering::SeqCst);
                        if i >= inputs.len() {
                            return;
                        }
                        {
                            let mut done = emitted.lock().unwrap_or_else(|e| e.into_inner());
                            while i >= *done + window && !aborted.load(Ordering::SeqCst) {
                                done = moved.wait(done).unwrap_or_else(|e| e.into_inner());
                            }
                        }
                        if aborted.load(Ordering::SeqCst) {
                            return;
                        }
                        let result = work(&mut state, i, &inputs.get(i));
                        if tx.send((i, result)).is_err() {
                            return;
                        }
                    }
                })
                .expect("a worker thread");
        }
        drop(tx);
        let mut pending: BTreeMap<usize, T> = BTreeMap::new();
        let mut want = 0usize;
        for (i, result) in rx {
            pending.insert(i, result);
            while let Some(result) = pending.remove(&want) {
                consume(want, result);
                want += 1;
                *emitted.lock().unwrap_or_else(|e| e.into_inner()) = want;
                moved.notify_all();
            }
        }
        if want < inputs.len() {
            return Err(Interrupted {
                done: want,
                total: inputs.len(),
            });
        }
        Ok(())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input(rel: &str) -> Input {
        Input::new(PathBuf::from(rel), Path::new(rel))
    }

    #[test]
    fn output_names_keep_the_relative_path() {
        let p = output_path(Path::new("out"), Path::new("a/b/x.txt"), "newsml.xml");
        assert_eq!(p, PathBuf::from("out/a/b/x.newsml.xml"));
    }

    #[test]
    fn two_inputs_on_one_output_is_an_error_before_writing() {
        let err = plan_outputs(
            &[input("x.txt"), input("x.md")].into_iter().collect(),
            Path::new("out"),
            &["jsonld"],
        )
        .unwrap_err();
        let msg = err.to_string();
        assert!(msg.contains("x.txt") && msg.contains("x.md"), "{msg}");
    }

    #[test]
    fn atomic_write_is_idempotent_and_refuses_to_clobber() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("sub/a.jsonld");
        assert_eq!(
            write_atomic(&p, b"one", false).unwrap(),
            WriteOutcome::Written
        );
        assert_eq!(
            write_atomic(&p, b"one", false).unwrap(),
            WriteOutcome::Unchanged
        );
        assert!(matches!(
            write_atomic(&p, b"two", false),
            Err(BatchError::Exists(_))
        ));
        assert_eq!(fs::read(&p).unwrap(), b"one");
        assert_eq!(
            write_atomic(&p, b"two", true).unwrap(),
            WriteOutcome::Replaced
        );
        assert_eq!(fs::read(&p).unwrap(), b"two");
        // No temp files are left behind.
        let names: Vec<_> = fs::read_dir(dir.path().join("sub")).unwrap().collect();
        assert_eq!(names.len(), 1);
    }

    fn temps(dir: &Path) -> Vec<String> {
        fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
            .filter(|n| n.starts_with(TEMP_PREFIX))
            .collect()
    }

    #[test]
    fn a_file_written_by_another_process_after_the_check_is_never_clobbered() {
        let dir = tempfile::tempdir().unwrap();
        let a = dir.path().join("a.jsonld");
        let b = dir.path().join("a.newsml.xml");
        let staged = vec![
            stage(&a, b"ours a", false).unwrap(),
            stage(&b, b"ours b", false).unwrap(),
        ];
        // Another run publishes its .newsml.xml between our check and our rename.
        fs::write(&b, "theirs b").unwrap();
        let err = publish(staged, false).unwrap_err();
        assert!(matches!(err, BatchError::Exists(_)), "{err}");
        assert_eq!(fs::read(&b).unwrap(), b"theirs b");
        // The pair appears together or not at all: our .jsonld is taken back.
        assert!(!a.exists(), "half of the pair was left behind");
        assert!(temps(dir.path()).is_empty());
    }

    #[test]
    fn the_same_bytes_written_meanwhile_are_unchanged_and_force_replaces() {
        let dir = tempfile::tempdir().unwrap();
        let a = dir.path().join("a.jsonld");
        let staged = stage(&a, b"same", false).unwrap();
        fs::write(&a, "same").unwrap();
        assert_eq!(
            publish(vec![staged], false).unwrap()[0].1,
            WriteOutcome::Unchanged
        );
        let staged = stage(&dir.path().join("b.jsonld"), b"ours", true).unwrap();
        fs::write(dir.path().join("b.jsonld"), "theirs").unwrap();
        assert_eq!(
            publish(vec![staged], true).unwrap()[0].1,
            WriteOutcome::Replaced
        );
        assert_eq!(fs::read(dir.path().join("b.jsonld")).unwrap(), b"ours");
    }

    #[cfg(unix)]
    #[test]
    fn new_files_get_the_umask_mode_and_force_keeps_the_old_mode() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let mode = |p: &Path| fs::metadata(p).unwrap().permissions().mode() & 0o7777;
        // What the user's shell would create here (0666 less the umask).
        let probe = dir.path().join("probe");
        fs::File::create(&probe).unwrap();
        let a = dir.path().join("a.jsonld");
        write_atomic(&a, b"one", false).unwrap();
        assert_eq!(mode(&a), mode(&probe));
        assert_ne!(mode(&a), 0o600, "tempfile's private mode leaked");
        fs::set_permissions(&a, fs::Permissions::from_mode(0o640)).unwrap();
        write_atomic(&a, b"two", true).unwrap();
        assert_eq!(mode(&a), 0o640);
    }

    #[test]
    fn a_second_lock_on_one_output_directory_is_refused_naming_the_holder() {
        let dir = tempfile::tempdir().unwrap();
        let first = lock_output_dir(dir.path()).unwrap();
        let err = lock_output_dir(dir.path()).unwrap_err();
        let msg = err.to_string();
        assert!(matches!(err, BatchError::Locked { .. }), "{msg}");
        assert!(
            msg.contains(&format!("pid {}", std::process::id())) && msg.contains(LOCK_FILE),
            "{msg}"
        );
        drop(first);
        assert!(!dir.path().join(LOCK_FILE).exists(), "the lock file stays");
        lock_output_dir(dir.path()).unwrap();
    }

    #[test]
    fn a_lock_file_that_cannot_be_made_says_what_to_do() {
        // A directory where the lock file goes (a read-only -o fails the same way).
        let dir = tempfile::tempdir().unwrap();
        fs::create_dir(dir.path().join(LOCK_FILE)).unwrap();
        let err = lock_output_dir(dir.path()).unwrap_err();
        let msg = err.to_string();
        assert!(matches!(err, BatchError::LockFile { .. }), "{msg}");
        assert!(
            msg.contains("cannot create the run's lock file")
                && msg.contains("give -o a directory you can write to"),
            "{msg}"
        );
    }

    #[test]
    fn a_run_around_or_inside_a_locked_directory_is_refused_and_a_stale_lock_file_is_not_held() {
        let dir = tempfile::tempdir().unwrap();
        let (outer, inner) = (dir.path().join("out"), dir.path().join("out/d001"));
        // A run into `out` holds it: a run into `out/d001` would write its files too.
        let around = lock_output_dir(&outer).unwrap();
        let err = lock_output_dir(&inner).unwrap_err().to_string();
        assert!(
            err.starts_with(&inner.display().to_string())
                && err.contains(&outer.join(LOCK_FILE).display().to_string()),
            "{err}"
        );
        assert!(
            !inner.join(LOCK_FILE).exists(),
            "the refused run keeps no lock"
        );
        drop(around);
        // And the other way: `out/d001` held, a run into `out` that writes there.
        let inside = lock_output_dir(&inner).unwrap();
        let outer_lock = lock_output_dir(&outer).unwrap();
        let err = outer_lock
            .refuse_runs_inside([inner.join("deeper").as_path()])
            .unwrap_err()
            .to_string();
        assert!(
            err.contains(&inner.join(LOCK_FILE).display().to_string()),
            "{err}"
        );
        // Directories it does not write into are none of its business.
        outer_lock
            .refuse_runs_inside([outer.join("d002").as_path()])
            .unwrap();
        drop((inside, outer_lock));
        // A lock file a killed run left is not held by anyone.
        fs::write(outer.join(LOCK_FILE), "4242").unwrap();
        let inside = lock_output_dir(&inner).unwrap();
        drop(inside);
    }

    #[test]
    fn only_colloquys_own_stale_temps_are_removed() {
        let dir = tempfile::tempdir().unwrap();
        let sub = dir.path().join("sub");
        fs::create_dir_all(&sub).unwrap();
        let outside = tempfile::tempdir().unwrap();
        for d in [dir.path(), sub.as_path(), outside.path()] {
            for name in [".colloquy-x1.tmp", "notes.tmp", ".colloquy-keep.txt"] {
                fs::write(d.join(name), "x").unwrap();
            }
        }
        let lock = lock_output_dir(dir.path()).unwrap();
        let removed = lock.remove_stale_temps([sub.as_path(), outside.path()]);
        assert_eq!(removed, 2);
        assert!(!sub.join(".colloquy-x1.tmp").exists());
        assert!(sub.join("notes.tmp").exists() && sub.join(".colloquy-keep.txt").exists());
        assert!(outside.path().join(".colloquy-x1.tmp").exists());
    }

    #[test]
    fn files_colloquy_reads_are_never_targets() {
        for name in [
            "a.meta.toml",
            "x/a.meta.json",
            "list.csv",
            "colloquy.toml",
            "a.txt",
        ] {
            assert!(is_read_by_colloquy(Path::new(name)), "{name}");
        }
        for name in ["batch.newsml.xml", "out/a.jsonld", "a.dc.xml"] {
            assert!(!is_read_by_colloquy(Path::new(name)), "{name}");
        }
    }

    #[test]
    fn sizes_read_with_binary_units() {
        assert_eq!(parse_size("64M"), Ok(64 * 1024 * 1024));
        assert_eq!(parse_size("512k"), Ok(512 * 1024));
        assert_eq!(parse_size("1GiB"), Ok(1 << 30));
        assert_eq!(parse_size("1000"), Ok(1000));
        assert!(parse_size("0").is_err() && parse_size("lots").is_err());
        assert!(parse_size("3T").is_err() && parse_size("99999999999999G").is_err());
    }

    #[test]
    fn directories_are_walked_in_order_with_hidden_files() {
        let dir = tempfile::tempdir().unwrap();
        for name in [
            "b.txt",
            "a.txt",
            ".hidden.txt",
            "a.meta.toml",
            "sub/c.md",
            "x.jsonld",
        ] {
            let p = dir.path().join(name);
            fs::create_dir_all(p.parent().unwrap()).unwrap();
            fs::write(p, "x").unwrap();
        }
        let inputs = discover(&[dir.path().display().to_string()], None).unwrap();
        let rels: Vec<_> = inputs
            .iter()
            .map(|i| i.rel().display().to_string())
            .collect();
        assert_eq!(rels, [".hidden.txt", "a.txt", "b.txt", "sub/c.md"]);
    }

    #[test]
    fn results_keep_input_order_whatever_the_thread_count() {
        let inputs: Inputs = (0..200).map(|i| input(&format!("{i}.txt"))).collect();
        let run = |jobs| {
            let mut names = Vec::new();
            run_ordered(
                &inputs,
                jobs,
                || (),
                |_, _, i| i.name(),
                |index, name| {
                    assert_eq!(index, names.len());
                    names.push(name);
                },
            )
            .expect("nothing stops this batch");
            names
        };
        let (one, four) = (run(1), run(4));
        assert_eq!(one, four);
        assert_eq!(one[199], "199.txt");
    }

    #[test]
    fn an_input_keeps_its_relative_path_as_a_tail_of_the_given_one_or_apart() {
        let walked = Input::new(PathBuf::from("in/d0001/x.txt"), Path::new("d0001/x.txt"));
        assert_eq!(walked.path(), Some(Path::new("in/d0001/x.txt")));
        assert_eq!(walked.rel().as_os_str(), "d0001/x.txt");
        assert!(matches!(walked.rel, Rel::Tail(1)));
        let dotted = Input::new(PathBuf::from("a/./b.txt"), Path::new("a/b.txt"));
        assert_eq!(dotted.rel().as_os_str(), "a/b.txt");
        assert!(matches!(dotted.rel, Rel::Own(_)));
        let same = Input::new(PathBuf::from("x.txt"), Path::new("x.txt"));
        assert_eq!(same.rel().as_os_str(), "x.txt");
        assert_eq!(Input::stdin().rel(), Path::new("stdin"));
        assert_eq!(Input::stdin().path(), None);
        // A batch holds one per input until its end.
        assert!(std::mem::size_of::<Input>() <= 32);
    }

    /// Every path shares this hash: the exact checks behind the hashes must do the work.
    fn one_hash(_: &[u8]) -> u64 {
        7
    }

    #[test]
    fn output_checks_stay_exact_when_paths_share_a_hash() {
        let inputs: Inputs = ["x.txt", "x.md", "A.txt", "a.md", "b.txt", "c.txt", "d.txt"]
            .into_iter()
            .map(input)
            .collect();
        let suffixes = ["jsonld", "newsml.xml"];
        let messages = |hash| {
            check_outputs_with(&inputs, Path::new("out"), &suffixes, hash)
                .unwrap_err()
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
        };
        let real = messages(xxhash_rust::xxh3::xxh3_64);
        assert_eq!(messages(one_hash), real);
        assert_eq!(real.len(), 2, "{real:?}");
        assert!(
            real[0].contains("x.txt") && real[0].contains("x.md"),
            "{real:?}"
        );
        assert!(
            real[1].contains("A.jsonld") && real[1].contains("a.jsonld"),
            "{real:?}"
        );
        let distinct: Inputs = ["b.txt", "c.txt", "d.txt"].into_iter().map(input).collect();
        assert!(check_outputs_with(&distinct, Path::new("out"), &suffixes, one_hash).is_ok());
    }

    #[cfg(unix)]
    #[test]
    fn duplicates_stay_exact_when_paths_share_a_hash() {
        let dir = tempfile::tempdir().unwrap();
        let file = |name: &str| dir.path().join(name);
        fs::write(file("a.txt"), "a").unwrap();
        fs::write(file("b.txt"), "b").unwrap();
        std::os::unix::fs::symlink(file("a.txt"), file("link.txt")).unwrap();
        let inputs: Inputs = ["a.txt", "b.txt", "link.txt", "b.txt", "a.txt"]
            .into_iter()
            .map(|n| Input::new(file(n), Path::new(n)))
            .collect();
        let expected = [false, false, true, true, true];
        assert_eq!(duplicates(&inputs, xxhash_rust::xxh3::xxh3_64), expected);
        assert_eq!(duplicates(&inputs, one_hash), expected);
    }

    #[cfg(unix)]
    #[test]
    fn duplicates_see_through_linked_directories_and_dot_dots() {
        // Directories are resolved once and files joined to them: a file reached through
        // a linked directory, or a `..`, is still the same file.
        let dir = tempfile::tempdir().unwrap();
        let sub = dir.path().join("sub");
        fs::create_dir(&sub).unwrap();
        fs::write(sub.join("a.txt"), "a").unwrap();
        fs::write(sub.join("b.txt"), "b").unwrap();
        std::os::unix::fs::symlink(&sub, dir.path().join("linked")).unwrap();
        let inputs: Inputs = [
            "sub/a.txt",
            "linked/a.txt",
            "sub/b.txt",
            "sub/../sub/b.txt",
            "linked/b.txt",
            "sub/missing.txt",
        ]
        .into_iter()
        .map(|n| Input::new(dir.path().join(n), Path::new(n)))
        .collect();
        let expected = [false, true, false, true, true, false];
        assert_eq!(duplicates(&inputs, xxhash_rust::xxh3::xxh3_64), expected);
        assert_eq!(duplicates(&inputs, one_hash), expected);
    }

    #[test]
    fn a_group_publishes_nothing_before_its_commit_then_everything_in_order() {
        let dir = tempfile::tempdir().unwrap();
        let (a, b, c) = (
            dir.path().join("a.jsonld"),
            dir.path().join("sub/b.jsonld"),
            dir.path().join("c.jsonld"),
        );
        fs::write(&c, "same").unwrap();
        let mut group = Group::default();
        let full = group.push(
            "first",
            vec![
                stage_unsynced(&a, b"ours a", false).unwrap(),
                stage_unsynced(&b, b"ours b", false).unwrap(),
            ],
        );
        assert!(!full);
        group.push("second", vec![stage_unsynced(&c, b"same", false).unwrap()]);
        // Staged, not published: the targets do not exist yet, only temp files do.
        assert!(!a.exists() && !b.exists());
        assert_eq!(temps_in(dir.path()) + temps_in(&dir.path().join("sub")), 2);
        let done = group.commit(false);
        assert!(group.is_empty());
        let names: Vec<&str> = done.iter().map(|(n, _)| *n).collect();
        assert_eq!(names, ["first", "second"]);
        let outcomes: Vec<Vec<WriteOutcome>> = done
            .into_iter()
            .map(|(_, p)| p.unwrap().into_iter().map(|(_, o)| o).collect())
            .collect();
        assert_eq!(
            outcomes,
            [
                vec![WriteOutcome::Written, WriteOutcome::Written],
                vec![WriteOutcome::Unchanged]
            ]
        );
        assert_eq!(fs::read(&a).unwrap(), b"ours a");
        assert_eq!(fs::read(&b).unwrap(), b"ours b");
        assert_eq!(temps_in(dir.path()) + temps_in(&dir.path().join("sub")), 0);
    }

    #[test]
    fn a_group_asks_for_its_commit_when_full() {
        let dir = tempfile::tempdir().unwrap();
        let mut group = Group::default();
        // (A slow machine may also find the group old before it is full.)
        let mut full = false;
        for i in 1..=Group::<usize>::MAX_ITEMS {
            let path = dir.path().join(format!("{i}.jsonld"));
            full = group.push(i, vec![stage_unsynced(&path, b"x", false).unwrap()]);
        }
        assert!(full);
        assert_eq!(group.commit(false).len(), Group::<usize>::MAX_ITEMS);
    }

    #[test]
    fn an_input_whose_output_appeared_meanwhile_is_refused_at_commit_and_leaves_no_temp() {
        let dir = tempfile::tempdir().unwrap();
        let a = dir.path().join("a.jsonld");
        let mut group = Group::default();
        group.push((), vec![stage_unsynced(&a, b"ours", false).unwrap()]);
        fs::write(&a, "theirs").unwrap();
        let (_, published) = group.commit(false).remove(0);
        assert!(matches!(published, Err(BatchError::Exists(_))));
        assert_eq!(fs::read(&a).unwrap(), b"theirs");
        assert_eq!(temps_in(dir.path()), 0);
    }

    fn temps_in(dir: &Path) -> usize {
        fs::read_dir(dir).map_or(0, |entries| {
            entries
                .filter(|e| {
                    let name = e.as_ref().unwrap().file_name();
                    let name = name.to_string_lossy();
                    name.starts_with(TEMP_PREFIX) && name.ends_with(TEMP_SUFFIX)
                })
                .count()
        })
    }
}
