//! The `colloquy` binary: parse arguments, call the library, map the result to an exit
//! code (0 all good, 1 some input failed or is invalid, 2 usage error).

mod cli;

use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args = cli::Cli::parse();
    match cli::run(args) {
        Ok(code) => code,
        Err(err) => {
            eprintln!(
                "colloquy: error: {}",
                colloquy::check::report::printable_line(&format!("{err:#}"))
            );
            cli::EXIT_FAILED
        }
    }
}
