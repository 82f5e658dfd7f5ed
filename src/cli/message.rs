//! `colloquy message`: one NewsML-G2 newsMessage from the newsMessages that several
//! runs wrote (`convert --shard K/N --newsml-message …`), so a corpus converted on N
//! machines still travels as one message — the same bytes one unsharded run writes.

use super::{usage_error, EXIT_FAILED, EXIT_OK};
use colloquy::batch::{self, WriteOutcome};
use colloquy::check::report::printable_line;
use colloquy::check::Checker;
use colloquy::message::{self, Spool, Unit};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// newsMessage files written by `convert --newsml-message`, or directories holding
    /// them (walked recursively; other NewsML-G2 files there, such as the text items,
    /// are left out).
    #[arg(value_name = "INPUT", required = true)]
    pub inputs: Vec<String>,
    /// The newsMessage to write.
    #[arg(short, long, value_name = "FILE")]
    pub output: PathBuf,
    /// Replace an existing FILE whose content differs.
    #[arg(long)]
    pub force: bool,
    /// Worker threads checking the items; 0 (the default) means one per core available.
    #[arg(long, short = 'j', value_name = "N", default_value_t = 0)]
    pub jobs: usize,
}

/// True when the file's first 4 KiB open a newsMessage.
fn is_news_message(path: &std::path::Path) -> bool {
    use std::io::Read;
    let mut head = Vec::new();
    std::fs::File::open(path)
        .and_then(|f| f.take(4096).read_to_end(&mut head))
        .is_ok()
        && String::from_utf8_lossy(&head).contains("<newsMessage")
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    if args.output.is_dir() {
        return Ok(usage_error(format!(
            "-o {}: this is a directory; give the file to write, e.g. {}",
            args.output.display(),
            args.output.join("batch.newsml.xml").display()
        )));
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
    let named: Vec<PathBuf> = args.inputs.iter().map(PathBuf::from).collect();
    let mut left_out = 0;
    let inputs: batch::Inputs = found
        .inputs
        .iter()
        .filter(|i| {
            let path = i.path().expect("no standard input here");
            // The message being written is no input of itself (a re-run into one of
            // the directories); a walked file that is no newsMessage is left out.
            if batch::normalize(path) == target {
                return false;
            }
            let explicit = named.iter().any(|n| n == path);
            let keep = explicit || is_news_message(path);
            left_out += usize::from(!keep);
            keep
        })
        .collect();
    if left_out > 0 {
        eprintln!(
            "colloquy: note: {left_out} NewsML-G2 file(s) that are not newsMessages left out (the text items beside them)"
        );
    }
    if inputs.is_empty() {
        eprintln!(
            "colloquy: error: no newsMessage found in {}; write one per run with `colloquy convert … --newsml-message FILE`",
            args.inputs.join(" ")
        );
        return Ok(EXIT_FAILED);
    }
    Checker::new(None)?;
    let mut spool = Spool::new()?;
    let mut failed = 0;
    let mut io_error = None;
    batch::run_ordered(
        &inputs,
        args.jobs,
        || Checker::new(None).expect("the bundled schemas compiled a moment ago"),
        |checker, _, input| -> Result<Vec<Unit>, String> {
            let name = input.name();
            let text = input
                .read()
                .map_err(|e| batch::read_error_message(&name, &e))?;
            let text = String::from_utf8(text).map_err(|e| {
                format!(
                    "{name}: not UTF-8 at byte {}; a newsMessage colloquy wrote is UTF-8",
                    e.utf8_error().valid_up_to()
                )
            })?;
            let parts = message::split(&text).map_err(|e| format!("{name}: {e}"))?;
            parts
                .iter()
                .enumerate()
                .map(|(n, part)| {
                    let unit = message::unit_from(part)
                        .map_err(|e| format!("{name}: item group {}: {e}", n + 1))?;
                    message::check_unit(&unit, checker).map_err(|e| {
                        format!("{name}: the items of {} are invalid: {e}", unit.key)
                    })?;
                    Ok(unit)
                })
                .collect()
        },
        |index, result| match result {
            Ok(units) => {
                let name = inputs.get(index).name();
                for unit in &units {
                    if let Err(e) = spool.push(&format!("{} in {name}", unit.key), unit) {
                        io_error.get_or_insert(e);
                    }
                }
            }
            Err(e) => {
                eprintln!("colloquy: error: {}", printable_line(&e));
                failed += 1;
            }
        },
    );
    if let Some(e) = io_error {
        return Err(e.into());
    }
    if failed > 0 {
        eprintln!(
            "colloquy: error: {}: not written: {failed} of {} newsMessage(s) could not be used",
            args.output.display(),
            inputs.len()
        );
        return Ok(EXIT_FAILED);
    }
    let held = spool.len();
    match spool.write(&args.output, args.force) {
        Ok(outcome) => {
            eprintln!(
                "colloquy: newsMessage {}: {held} interview(s) from {} newsMessage(s); {}",
                args.output.display(),
                inputs.len(),
                match outcome {
                    WriteOutcome::Written => "written",
                    WriteOutcome::Unchanged => "unchanged",
                    WriteOutcome::Replaced => "replaced",
                }
            );
            Ok(EXIT_OK)
        }
        Err(e) => {
            eprintln!("colloquy: error: {}", printable_line(&e.to_string()));
            Ok(EXIT_FAILED)
        }
    }
}
