//! Command-line definitions (clap) and the glue from each subcommand to the library.
//! One file per subcommand; nothing here decides anything about interviews.

mod convert;
mod inspect;
mod message;
mod meta_args;
mod schema;
mod validate;

use clap::{CommandFactory, Parser, Subcommand};
use std::process::ExitCode;

pub const EXIT_OK: ExitCode = ExitCode::SUCCESS;
/// Exit 1: some input failed or is invalid.
pub const EXIT_FAILED: ExitCode = ExitCode::FAILURE;
/// Exit 130 (128 + SIGINT, as shells report it): a batch stopped by SIGINT or SIGTERM.
pub const EXIT_INTERRUPTED: u8 = 130;

/// Makes the first SIGINT or SIGTERM stop a batch between inputs (see
/// [`colloquy::batch::stop_flag`]): the inputs in hand finish, temp files and the lock
/// go, and what was done is recorded, so the same command again resumes. A second
/// signal ends the process at once, for a run stuck reading a FIFO or a dead mount.
fn stop_on_signals() {
    use signal_hook::consts::{SIGINT, SIGTERM};
    use signal_hook::flag;
    let stop = colloquy::batch::stop_flag();
    for signal in [SIGINT, SIGTERM] {
        // The shutdown first: it sees the flag the first signal has not set yet.
        let armed =
            flag::register_conditional_shutdown(signal, EXIT_INTERRUPTED.into(), stop.clone())
                .and_then(|_| flag::register(signal, stop.clone()));
        if let Err(e) = armed {
            // The default action (the process ends at once) is still in place.
            eprintln!("colloquy: warning: cannot catch signal {signal}: {e}; a stopped run leaves its temp files for the next run to remove");
        }
    }
}

/// Where a batch stopped by a signal stops.
enum Stop {
    /// Between inputs: `run_ordered` handed on the first `done`.
    During(colloquy::batch::Interrupted),
    /// After the last input was taken, before the final writes (a report, a message).
    AfterLast,
}

/// Whether a batch stops before its final writes: when `run_ordered` was stopped
/// (`ran`), or when a signal came after it took the last input. `before` counts the
/// inputs settled before the batch ran (paths that match nothing), which the run's
/// totals include.
fn stop_point(ran: Result<(), colloquy::batch::Interrupted>, before: usize) -> Option<Stop> {
    match ran {
        Err(s) => Some(Stop::During(colloquy::batch::Interrupted {
            done: s.done + before,
            total: s.total + before,
        })),
        Ok(()) => colloquy::batch::stop_requested().then_some(Stop::AfterLast),
    }
}

/// Whether a stop was reported: a signal after the last check is noted at the end.
static STOP_REPORTED: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// The note and exit code of a batch stopped by a signal.
fn interrupted(stop: Stop, what: &str) -> ExitCode {
    STOP_REPORTED.store(true, std::sync::atomic::Ordering::SeqCst);
    match stop {
        Stop::During(s) => eprintln!(
            "colloquy: interrupted after {} of {} input(s): {what}",
            s.done, s.total
        ),
        Stop::AfterLast => eprintln!("colloquy: interrupted after the last input: {what}"),
    }
    ExitCode::from(EXIT_INTERRUPTED)
}

/// Turn interviews into validated schema.org JSON-LD and IPTC NewsML-G2.
#[derive(Debug, Parser)]
#[command(name = "colloquy", version, about, long_about = None, max_term_width = 100)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Convert interviews to JSON-LD, NewsML-G2, HTML or Dublin Core, checking every
    /// document before it is written.
    Convert(Box<convert::Args>),
    /// Check JSON-LD, NewsML-G2, HTML or Dublin Core files, colloquy's or anyone's.
    Validate(validate::Args),
    /// Show how colloquy read an interview, and where each value came from.
    Inspect(Box<inspect::Args>),
    /// Assemble one NewsML-G2 newsMessage from the newsMessages of several runs (the
    /// shards of a corpus): the same bytes one unsharded run writes.
    Message(message::Args),
    /// List, print or export the schemas colloquy checks against.
    Schema(schema::Args),
    /// Write a commented archive profile (colloquy.toml): publisher, provider, rights,
    /// collection and default language, set once for every record.
    Init {
        /// Directory to write colloquy.toml into.
        #[arg(default_value = ".")]
        dir: std::path::PathBuf,
    },
    /// Print shell completions.
    Completions {
        /// The shell.
        shell: clap_complete::Shell,
    },
    /// Print a man page (roff): colloquy's, or with SUBCOMMAND that subcommand's, with
    /// its options and exit codes (`colloquy man convert | man -l -`).
    Man {
        /// The subcommand (convert, validate, inspect, schema, init, completions).
        subcommand: Option<String>,
    },
}

/// The exit codes each subcommand documents in its man page.
fn exit_codes(subcommand: &str) -> &'static [(&'static str, &'static str)] {
    match subcommand {
        "convert" => &[
            ("0", "every input converted"),
            ("1", "some input failed (or, with --strict, a warning was given; or the manifest or colloquy.toml is invalid); the other inputs were still converted"),
            ("2", "usage error (unknown option, a bad flag value, --stdout with several documents, a malformed SOURCE_DATE_EPOCH); nothing is written"),
            ("130", "stopped by SIGINT or SIGTERM: the inputs before the stop were converted and recorded (run the same command again to convert the rest); no --newsml-message or --report was written"),
        ],
        "validate" => &[
            ("0", "every file is valid"),
            ("1", "some file is invalid or unreadable"),
            ("2", "usage error"),
            ("130", "stopped by SIGINT or SIGTERM; no report was written"),
        ],
        "inspect" => &[
            ("0", "the input was read"),
            ("1", "the input could not be read"),
            ("2", "usage error"),
        ],
        "message" => &[
            ("0", "the newsMessage was written (or was already there, unchanged)"),
            ("1", "a newsMessage could not be read or is invalid (a package names an item it lacks), an .xml file met is empty or not well-formed, two items share a GUID, FILE exists with other content (without --force), or FILE is one of the input newsMessages and would change (--force or not); nothing is written"),
            ("2", "usage error"),
            ("130", "stopped by SIGINT or SIGTERM; nothing is written"),
        ],
        "init" => &[
            ("0", "colloquy.toml was written"),
            ("1", "colloquy.toml already exists (it is left as it is) or could not be written"),
            ("2", "usage error (the directory does not exist)"),
        ],
        _ => &[("0", "success"), ("1", "failure"), ("2", "usage error")],
    }
}

/// The man page of colloquy, or of one subcommand (`colloquy-convert(1)`).
fn man_page(subcommand: Option<&str>) -> anyhow::Result<Option<Vec<u8>>> {
    let cli = Cli::command();
    let mut buf = Vec::new();
    let Some(name) = subcommand else {
        clap_mangen::Man::new(cli).render(&mut buf)?;
        return Ok(Some(buf));
    };
    let Some(sub) = cli.find_subcommand(name) else {
        return Ok(None);
    };
    let full = format!("colloquy-{name}");
    let cmd = sub
        .clone()
        // clap keeps names as &'static str; one page per process, so leaking is fine.
        .name(&*Box::leak(full.clone().into_boxed_str()))
        .bin_name(format!("colloquy {name}"));
    clap_mangen::Man::new(cmd).title(full).render(&mut buf)?;
    buf.extend_from_slice(b".SH \"EXIT STATUS\"\n");
    for (code, meaning) in exit_codes(name) {
        buf.extend_from_slice(format!(".TP\n{code}\n{}\n", meaning.replace('-', "\\-")).as_bytes());
    }
    buf.extend_from_slice(b".SH \"SEE ALSO\"\ncolloquy(1)\n");
    Ok(Some(buf))
}

pub fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    // libxml2's input-callback table has no lock: register ours before any worker starts.
    colloquy::check::xsd::init();
    if matches!(
        cli.command,
        Command::Convert(_) | Command::Validate(_) | Command::Message(_)
    ) {
        stop_on_signals();
    }
    let code = match cli.command {
        Command::Convert(args) => convert::run(*args),
        Command::Validate(args) => validate::run(args),
        Command::Inspect(args) => inspect::run(*args),
        Command::Message(args) => message::run(args),
        Command::Schema(args) => schema::run(args),
        Command::Init { dir } => init(&dir),
        Command::Completions { shell } => {
            let mut cmd = Cli::command();
            let mut buf = Vec::new();
            clap_complete::generate(shell, &mut cmd, "colloquy", &mut buf);
            emit(&buf)?;
            Ok(EXIT_OK)
        }
        Command::Man { subcommand } => match man_page(subcommand.as_deref())? {
            Some(buf) => {
                emit(&buf)?;
                Ok(EXIT_OK)
            }
            None => {
                let names: Vec<String> = Cli::command()
                    .get_subcommands()
                    .map(|c| c.get_name().to_string())
                    .filter(|n| n != "help")
                    .collect();
                Ok(usage_error(format!(
                    "man {}: no such subcommand; give one of {}",
                    subcommand.unwrap_or_default(),
                    names.join(", ")
                )))
            }
        },
    };
    // The signal came after the last check: the run did all it was asked.
    if colloquy::batch::stop_requested() && !STOP_REPORTED.load(std::sync::atomic::Ordering::SeqCst)
    {
        eprintln!("colloquy: note: the signal came after the last write began; the run finished");
    }
    code
}

/// `colloquy init`: writes the commented profile, never over an existing one.
fn init(dir: &std::path::Path) -> anyhow::Result<ExitCode> {
    let path = dir.join(colloquy::meta::config::CONFIG_FILE);
    if path.exists() {
        eprintln!(
            "colloquy: error: {}: already exists and was left as it is; edit it, or remove it first",
            path.display()
        );
        return Ok(EXIT_FAILED);
    }
    if !dir.is_dir() {
        return Ok(usage_error(format!(
            "{}: not a directory; give the directory to write colloquy.toml into",
            dir.display()
        )));
    }
    colloquy::batch::write_atomic(&path, colloquy::meta::config::TEMPLATE.as_bytes(), false)?;
    eprintln!(
        "colloquy: wrote {}; uncomment and fill in what is true for your archive",
        path.display()
    );
    Ok(EXIT_OK)
}

/// Writes to standard output. A reader that went away (`colloquy man | head`) is not an
/// error: the rest is dropped quietly instead of a panic with a backtrace.
pub fn emit(bytes: &[u8]) -> std::io::Result<()> {
    emit_with(|out| out.write_all(bytes))
}

/// Like [`emit`], for output written piece by piece (a batch's report).
pub fn emit_with(
    write: impl FnOnce(&mut dyn std::io::Write) -> std::io::Result<()>,
) -> std::io::Result<()> {
    use std::io::Write;
    let mut out = std::io::BufWriter::with_capacity(64 * 1024, std::io::stdout().lock());
    match write(&mut out).and_then(|()| out.flush()) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        other => other,
    }
}

/// Prints a usage error the way clap does and returns exit code 2.
pub fn usage_error(message: impl std::fmt::Display) -> ExitCode {
    eprintln!(
        "colloquy: usage: {}",
        colloquy::check::report::printable_line(&message.to_string())
    );
    ExitCode::from(2)
}

/// A progress bar on stderr when it is a terminal; hidden in pipes and CI.
pub fn progress(len: usize) -> indicatif::ProgressBar {
    use std::io::IsTerminal;
    if len < 2 || !std::io::stderr().is_terminal() || std::env::var_os("CI").is_some() {
        return indicatif::ProgressBar::hidden();
    }
    let bar = indicatif::ProgressBar::new(len as u64);
    bar.set_style(
        indicatif::ProgressStyle::with_template("{bar:40} {pos}/{len} {wide_msg}")
            .expect("a valid progress template"),
    );
    bar
}
