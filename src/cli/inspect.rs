//! `colloquy inspect`: how an interview was read, and where each value came from.

use super::{EXIT_FAILED, EXIT_OK};
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The interview file (`-` for standard input).
    pub input: String,
    /// Print the model as JSON instead of text.
    #[arg(long)]
    pub json: bool,
    #[command(flatten)]
    pub meta: super::meta_args::MetaArgs,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let input = match colloquy::batch::discover(std::slice::from_ref(&args.input), None) {
        Ok(mut inputs) if inputs.len() == 1 => inputs.remove(0),
        Ok(inputs) => {
            return Ok(super::usage_error(format!(
                "inspect takes exactly one file, and '{}' names {} input(s); name one of them",
                args.input,
                inputs.len()
            )))
        }
        Err(e) => {
            eprintln!("colloquy: error: {e}");
            return Ok(EXIT_FAILED);
        }
    };
    let name = input.name();
    let bytes = input.read().map_err(|e| anyhow::anyhow!("{name}: {e}"))?;
    if let Err(e) = args.meta.check_flags() {
        return Ok(super::usage_error(e));
    }
    let loaded = match args.meta.load() {
        Ok(l) => l,
        Err(e) => {
            eprintln!("colloquy: error: {e}");
            return Ok(EXIT_FAILED);
        }
    };
    let sources = loaded.sources();
    let read = colloquy::pipeline::read_with_meta(&name, input.path(), &bytes, &sources);
    let (text, interview) = match read {
        Ok(r) => r,
        // The reader's own message sends the user to `colloquy inspect`, which is
        // where they are: say instead what makes a question.
        Err(colloquy::pipeline::ConvertError::Read(colloquy::read::ReadError::NoQuestions {
            name,
        })) => {
            eprintln!(
                "colloquy: error: {name}: no questions found, so there is no reading to show; colloquy takes as a question a paragraph ending in '?', a labelled turn (Q:, Interviewer:, Wartawan:, NAME:) or a bold or heading question (README: What colloquy reads)"
            );
            return Ok(EXIT_FAILED);
        }
        Err(e) => {
            eprintln!("colloquy: error: {e}");
            return Ok(EXIT_FAILED);
        }
    };
    if args.json {
        let value = colloquy::inspect::render_json(&interview, &text);
        super::emit(format!("{}\n", serde_json::to_string_pretty(&value)?).as_bytes())?;
    } else {
        super::emit(colloquy::inspect::render_human(&interview, &text).as_bytes())?;
    }
    Ok(EXIT_OK)
}
