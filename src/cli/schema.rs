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
    Show {
        /// A name from `colloquy schema list` (jsonld, newsml, sidecar, …).
        name: String,
    },
    /// Write every schema into DIR, keeping their relative paths (the XSD imports
    /// resolve there). Identical files are left alone; nothing is written unless every
    /// file can be.
    Export {
        /// The directory to write into (created when missing).
        dir: PathBuf,
        /// Replace files in DIR whose content differs.
        #[arg(long)]
        force: bool,
    },
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    match args.action.unwrap_or(Action::List) {
        Action::List => {
            let mut list = String::new();
            for b in BUNDLED {
                list.push_str(&format!("{:<16} {:<49} {}\n", b.name, b.file, b.describes));
            }
            super::emit(list.as_bytes())?;
        }
        Action::Show { name } => match schemas::find(&name) {
            Some(b) => super::emit(b.text.as_bytes())?,
            None => {
                let names: Vec<_> = BUNDLED.iter().map(|b| b.name).collect();
                return Ok(usage_error(format!(
                    "no bundled schema '{name}'; the names are: {}",
                    names.join(", ")
                )));
            }
        },
        Action::Export { dir, force } => {
            if dir.exists() && !dir.is_dir() {
                return Ok(usage_error(format!(
                    "schema export {}: this is a file; give a directory (created when missing)",
                    dir.display()
                )));
            }
            // All or nothing: a stale file found halfway must not leave half an export.
            for b in BUNDLED {
                let path = dir.join(b.file);
                if let Err(e) = colloquy::batch::precheck(&path, b.text.as_bytes(), force) {
                    eprintln!("colloquy: error: {e}; nothing was exported");
                    return Ok(EXIT_FAILED);
                }
            }
            for b in BUNDLED {
                let path = dir.join(b.file);
                if let Err(e) = colloquy::batch::write_atomic(&path, b.text.as_bytes(), force) {
                    eprintln!("colloquy: error: {e}");
                    return Ok(EXIT_FAILED);
                }
                super::emit(format!("{}\n", path.display()).as_bytes())?;
            }
        }
    }
    Ok(EXIT_OK)
}
