//! `colloquy message`: one NewsML-G2 newsMessage from the newsMessages that several
//! runs wrote (`convert --shard K/N --newsml-message …`), so a corpus converted on N
//! machines still travels as one message — the same bytes one unsharded run writes.

use super::{usage_error, EXIT_FAILED, EXIT_OK};
use colloquy::batch::{self, BatchError, WriteOutcome};
use colloquy::check::report::printable_line;
use colloquy::check::Checker;
use colloquy::message::{self, MessageError, Share, ShareSource, Spool, UnitAt};
use std::io::BufRead;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// newsMessage files written by `convert --newsml-message`, or directories holding
    /// them (walked recursively; other well-formed XML there, such as the text items, is
    /// left out; an empty or malformed .xml file is an error).
    #[arg(value_name = "INPUT", required = true)]
    pub inputs: Vec<String>,
    /// The newsMessage to write.
    #[arg(short, long, value_name = "FILE")]
    pub output: PathBuf,
    /// Replace an existing FILE whose content differs (never one of the input
    /// newsMessages).
    #[arg(long)]
    pub force: bool,
    /// Worker threads checking the items; 0 (the default) means one per core available.
    #[arg(long, short = 'j', value_name = "N", default_value_t = 0)]
    pub jobs: usize,
}

/// True when the file's first 4 KiB open a newsMessage (said of the target, which is
/// not read whole: it may be the large message of an earlier run).
fn is_news_message(path: &Path) -> bool {
    use std::io::Read;
    let mut head = Vec::new();
    std::fs::File::open(path)
        .and_then(|f| f.take(4096).read_to_end(&mut head))
        .is_ok()
        && String::from_utf8_lossy(&head).contains("<newsMessage")
}

/// What one input gave.
enum Found {
    /// A newsMessage's units, checked, and where to read them again: the units are not
    /// held, so a worker needs about one unit's memory, whatever the share's size.
    Units(ShareSource, Vec<UnitAt>),
    /// Well-formed XML of another kind, met in a walk: left out.
    Other,
}

/// A share that is not UTF-8 as written, read whole and decoded (an editor's "save as
/// UTF-16" keeps the XML).
fn whole(name: &str, input: &batch::Input, checker: &Checker) -> Result<Found, String> {
    // No size limit: a share is as large as its batch (a share of the messages' own
    // layout is streamed; only this rare one is held whole).
    let bytes = input
        .read_limited(u64::MAX)
        .map_err(|e| batch::read_error_message(name, &e))?;
    let text = colloquy::decode::decode(&bytes).map_err(|e| {
        format!(
            "{name}: not UTF-8 at byte {}; a newsMessage colloquy wrote is UTF-8",
            e.offset()
        )
    })?;
    let text = text.into_owned();
    match message::read_share(name, text.as_bytes(), 0, checker)? {
        Share::Units(units) => Ok(Found::Units(ShareSource::Text(text), units)),
        Share::Other => Ok(Found::Other),
        Share::NotUtf8 => Err(format!(
            "{name}: not UTF-8 (it holds NUL); a newsMessage colloquy wrote is UTF-8"
        )),
    }
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    if args.output.is_dir() {
        return Ok(usage_error(format!(
            "-o {}: this is a directory; give the file to write, e.g. {}",
            args.output.display(),
            args.output.join("batch.newsml.xml").display()
        )));
    }
    // A message named like an interview (`corpus/batch.txt`) would be read as one by
    // the next `convert` over that directory, as `convert --newsml-message` refuses too.
    if batch::is_read_by_colloquy(&args.output) {
        return Ok(usage_error(format!(
            "-o {}: colloquy reads files of this name as inputs (interviews, sidecars, its config); name the newsMessage e.g. batch.newsml.xml",
            args.output.display()
        )));
    }
    // A share is read twice (checked, then copied into the message): a pipe cannot be.
    if args.inputs.iter().any(|i| i == "-") {
        return Ok(usage_error(
            "message reads newsMessage files, not standard input (`-`); save it to a file first"
                .to_string(),
        ));
    }
    let found = match batch::discover_batch(&args.inputs, None, &["xml"], &[]) {
        Ok(f) => f,
        Err(e) => return Ok(usage_error(e)),
    };
    for problem in &found.problems {
        eprintln!("colloquy: error: {}", printable_line(&problem.to_string()));
    }
    if !found.problems.is_empty() {
        return Ok(EXIT_FAILED);
    }
    let target = batch::normalize(&args.output);
    // By identity too, so a link or another spelling of the path is still the target.
    let target_id = batch::file_id(&args.output);
    let named: Vec<PathBuf> = args.inputs.iter().map(PathBuf::from).collect();
    let mut explicit = Vec::new();
    // The target as the inputs hold it, and whether it was named as one (else a walk met
    // it).
    let mut target_met: Option<(PathBuf, bool)> = None;
    let inputs: batch::Inputs = found
        .inputs
        .iter()
        .filter(|i| {
            let path = i.path().expect("no standard input here");
            let is_named = named.iter().any(|n| n == path);
            // The message being written is no input of itself (a re-run into one of
            // the directories); whether it may be replaced is decided once it is built.
            if batch::normalize(path) == target
                || target_id.is_some_and(|t| batch::file_id(path) == Some(t))
            {
                target_met = Some((path.to_path_buf(), is_named));
                return false;
            }
            explicit.push(is_named);
            true
        })
        .collect();
    // A newsMessage among the inputs is never replaced: it may be a share's only
    // message. A walked target that is no newsMessage (a text item) is an ordinary file.
    let target_is_input = match &target_met {
        Some((_, is_named)) => *is_named || is_news_message(&args.output),
        None => false,
    };
    Checker::new(None)?;
    let mut spool = Spool::new().map_err(MessageError::Spool)?;
    let (mut messages, mut left_out, mut failed) = (0, 0, 0);
    let mut io_error = None;
    let stopped = batch::run_ordered(
        &inputs,
        args.jobs,
        || Checker::new(None).expect("the bundled schemas compiled a moment ago"),
        |checker, index, input| -> Result<Found, String> {
            let name = input.name();
            let read_error = |e: std::io::Error| batch::read_error_message(&name, &e);
            let file = input.open().map_err(read_error)?;
            let stamp = message::Stamp::of(&file).map_err(read_error)?;
            let mut source = std::io::BufReader::with_capacity(1 << 16, &file);
            let base = if source
                .fill_buf()
                .map_err(read_error)?
                .starts_with(b"\xEF\xBB\xBF")
            {
                source.consume(3);
                3
            } else {
                0
            };
            let found = match message::read_share(&name, source, base, checker)? {
                Share::Units(units) => Found::Units(ShareSource::File(file, stamp), units),
                Share::Other => Found::Other,
                Share::NotUtf8 => whole(&name, input, checker)?,
            };
            if matches!(found, Found::Other) && explicit[index] {
                return Err(format!("{name}: {}", message::not_ours()));
            }
            Ok(found)
        },
        |index, result| match result {
            Ok(Found::Units(source, units)) => {
                let name = inputs.get(index).name();
                let mut buf = String::new();
                let mut read_all = || -> std::io::Result<()> {
                    for unit in &units {
                        let text = source.unit(unit, &mut buf)?;
                        let (key, time) =
                            message::unit_head(text).map_err(std::io::Error::other)?;
                        if let Err(e) =
                            spool.push_part(&format!("{key} in {name}"), &key, &time, text)
                        {
                            io_error.get_or_insert(e);
                        }
                    }
                    source.unchanged()
                };
                match read_all() {
                    Ok(()) => messages += 1,
                    Err(e) => {
                        eprintln!("colloquy: error: {name}: cannot read its items again: {e}");
                        failed += 1;
                    }
                }
            }
            Ok(Found::Other) => left_out += 1,
            Err(e) => {
                eprintln!("colloquy: error: {}", printable_line(&e));
                failed += 1;
            }
        },
    );
    if let Some(stopped) = super::stop_point(stopped, 0) {
        return Ok(super::interrupted(
            stopped,
            &format!("{} not written", args.output.display()),
        ));
    }
    if let Some(e) = io_error {
        return Err(MessageError::Spool(e).into());
    }
    if left_out > 0 {
        eprintln!(
            "colloquy: note: {left_out} well-formed XML file(s) that are not newsMessages left out (such as the text items beside them)"
        );
    }
    if failed > 0 {
        eprintln!(
            "colloquy: error: {}: not written: {failed} of {} input file(s) could not be used",
            args.output.display(),
            messages + failed
        );
        return Ok(EXIT_FAILED);
    }
    if messages == 0 {
        eprintln!(
            "colloquy: error: no newsMessage found in {}; write one per run with `colloquy convert … --newsml-message FILE`",
            args.inputs.join(" ")
        );
        return Ok(EXIT_FAILED);
    }
    let held = spool.len();
    match spool.write(&args.output, args.force && !target_is_input) {
        Ok(outcome) => {
            eprintln!(
                "colloquy: newsMessage {}: {held} interview(s) from {messages} newsMessage(s); {}",
                args.output.display(),
                match outcome {
                    WriteOutcome::Written => "written",
                    WriteOutcome::Unchanged => "unchanged",
                    WriteOutcome::Replaced => "replaced",
                }
            );
            Ok(EXIT_OK)
        }
        Err(MessageError::Write(BatchError::Exists(_))) if target_is_input => {
            let (found, is_named) = target_met.expect("the target is an input");
            eprintln!(
                "colloquy: error: {}",
                printable_line(&input_target_error(&args, &found, is_named))
            );
            Ok(EXIT_FAILED)
        }
        Err(MessageError::Stopped) => Ok(super::interrupted(
            super::Stop::AfterLast,
            &format!("{} not written", args.output.display()),
        )),
        Err(e) => {
            eprintln!("colloquy: error: {}", printable_line(&e.to_string()));
            Ok(EXIT_FAILED)
        }
    }
}

/// Why `-o` may not replace the newsMessage it names (`found`, as the inputs hold it),
/// and where to write instead: beside the directory that holds it, when that place is
/// outside every input directory and not the target itself (a link to it).
fn input_target_error(args: &Args, found: &Path, named: bool) -> String {
    let target = batch::normalize(found);
    let target_id = batch::file_id(&args.output);
    let dirs: Vec<&String> = args
        .inputs
        .iter()
        .filter(|d| Path::new(d).is_dir())
        .collect();
    let holder = dirs
        .iter()
        .find(|d| target.starts_with(batch::normalize(Path::new(d))));
    let example = holder
        .and_then(|d| Path::new(d).parent())
        .zip(args.output.file_name())
        .map(|(parent, file)| parent.join(file))
        .filter(|e| {
            let outside = !dirs
                .iter()
                .any(|d| batch::normalize(e).starts_with(batch::normalize(Path::new(d))));
            outside && (target_id.is_none() || batch::file_id(e) != target_id)
        });
    format!(
        "{}: this newsMessage is one of the inputs ({}), and the message assembled from the others differs from it; an input is never replaced (--force or not) — give -o {}",
        args.output.display(),
        match (named, holder) {
            (true, _) => "named as one".to_string(),
            (false, Some(d)) if found == args.output => format!("found in {d}"),
            (false, Some(d)) => format!("found in {d} as {}", found.display()),
            (false, None) => format!("found among them as {}", found.display()),
        },
        match (named, example) {
            (true, _) => "another path".to_string(),
            (false, Some(e)) => format!(
                "a path outside the directories given, e.g. {}",
                e.display()
            ),
            (false, None) => "a path outside the directories given".to_string(),
        }
    )
}
