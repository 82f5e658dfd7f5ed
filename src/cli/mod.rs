//! Command-line definitions (clap) and the glue from each subcommand to the library.
//! One file per subcommand; nothing here decides anything about interviews.

mod convert;
mod inspect;
mod meta_args;
mod schema;
mod validate;

use clap::{CommandFactory, Parser, Subcommand};
use std::process::ExitCode;

pub const EXIT_OK: ExitCode = ExitCode::SUCCESS;
/// Exit 1: some input failed or is invalid.
pub const EXIT_FAILED: ExitCode = ExitCode::FAILURE;

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
    /// List, print or export the schemas colloquy checks against.
    Schema(schema::Args),
    /// Print shell completions.
    Completions {
        /// The shell.
        shell: clap_complete::Shell,
    },
    /// Print the man page (roff).
    Man,
}

pub fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    // libxml2's input-callback table has no lock: register ours before any worker starts.
    colloquy::check::xsd::init();
    match cli.command {
        Command::Convert(args) => convert::run(*args),
        Command::Validate(args) => validate::run(args),
        Command::Inspect(args) => inspect::run(*args),
        Command::Schema(args) => schema::run(args),
        Command::Completions { shell } => {
            let mut cmd = Cli::command();
            let mut buf = Vec::new();
            clap_complete::generate(shell, &mut cmd, "colloquy", &mut buf);
            emit(&buf)?;
            Ok(EXIT_OK)
        }
        Command::Man => {
            let mut buf = Vec::new();
            clap_mangen::Man::new(Cli::command()).render(&mut buf)?;
            emit(&buf)?;
            Ok(EXIT_OK)
        }
    }
}

/// Writes to standard output. A reader that went away (`colloquy man | head`) is not an
/// error: the rest is dropped quietly instead of a panic with a backtrace.
pub fn emit(bytes: &[u8]) -> std::io::Result<()> {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    match out.write_all(bytes).and_then(|()| out.flush()) {
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
