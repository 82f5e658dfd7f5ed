//! `colloquy schema`: list, print or export the schemas compiled into the binary, so
//! other tools (editors, CI, check-jsonschema, xmllint) can use exactly what colloquy
//! checks against.

use super::{usage_error, EXIT_FAILED, EXIT_OK};
use colloquy::schemas::{self, BUNDLED};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(subcommand)]
    pub action: Option<Action>,
}

#[derive(Debug, clap::Subcommand)]
pub enum Action {
    /// List the bundled schemas (the default).
    List,
    /// Print one schema by name (see `list`).
    Show { name: String },
    /// Write every schema into DIR, keeping their relative paths (the XSD imports
    /// resolve there).
    Export { dir: PathBuf },
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    match args.action.unwrap_or(Action::List) {
        Action::List => {
            for b in BUNDLED {
                println!("{:<16} {:<42} {}", b.name, b.file, b.describes);
            }
        }
        Action::Show { name } => match schemas::find(&name) {
            Some(b) => print!("{}", b.text),
            None => {
                let names: Vec<_> = BUNDLED.iter().map(|b| b.name).collect();
                return Ok(usage_error(format!(
                    "no bundled schema '{name}'; the names are: {}",
                    names.join(", ")
                )));
            }
        },
        Action::Export { dir } => {
            for b in BUNDLED {
                let path = dir.join(b.file);
                if let Err(e) = colloquy::batch::write_atomic(&path, b.text.as_bytes(), false) {
                    eprintln!("colloquy: error: {e}");
                    return Ok(EXIT_FAILED);
                }
                println!("{}", path.display());
            }
        }
    }
    Ok(EXIT_OK)
}
