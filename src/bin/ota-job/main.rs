//! `ota-job`: check Create OTA Job bodies from the command line or a CI pipeline.
//!
//! ```text
//! ota-job validate [OPTIONS] [FILE|DIR|-]...
//! ota-job fix [--write] FILE...
//! ota-job normalize [FILE|-]
//! ota-job request --org-id O --firmware-id F [--apigw HOST] [--curl] [FILE|-]
//! ota-job schema
//! ota-job completions bash|zsh|fish|elvish|powershell
//! ```
//!
//! Exit status: 0 valid, 1 invalid, 2 usage or I/O error. A thin shell over the
//! library: every rule and every validator message lives there.

mod args;
mod commands;
mod inputs;
mod output;

use std::io::{self, IsTerminal, Write};
use std::process::ExitCode;

use clap::error::ErrorKind;
use clap::Parser;

use args::{Cli, ColorWhen, Command};
use output::Sink;

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => return ExitCode::from(clap_exit(&e)),
    };
    let mut sink = Sink::stdout();
    let color = cli.color;
    let status = match &cli.command {
        Command::Validate(args) => Ok(commands::validate(args, color, &mut sink)),
        Command::Fix(args) => commands::fix(args, color, &mut sink),
        Command::Normalize(args) => Ok(commands::normalize(args, color, &mut sink)),
        Command::Request(args) => Ok(commands::request(args, color, &mut sink)),
        Command::Schema => commands::schema(&mut sink),
        Command::Completions { shell } => Ok(commands::completions(*shell, &mut sink)),
    };
    let status = match status {
        Ok(status) => status,
        Err(usage) => {
            output::to_stderr(&format!("ota-job {usage}"));
            commands::TROUBLE
        }
    };
    match sink.finish() {
        Ok(()) => ExitCode::from(status),
        Err(e) => {
            output::to_stderr(&format!(
                "ota-job: cannot write to standard output: {}",
                inputs::plain_io_error(&e)
            ));
            ExitCode::from(commands::TROUBLE)
        }
    }
}

/// Prints clap's help, version or usage error ourselves, so that a closed pipe
/// ends quietly: help and version exit 0, a usage error 2.
fn clap_exit(e: &clap::Error) -> u8 {
    let to_stdout = matches!(e.kind(), ErrorKind::DisplayHelp | ErrorKind::DisplayVersion);
    let terminal = if to_stdout {
        io::stdout().is_terminal()
    } else {
        io::stderr().is_terminal()
    };
    let rendered = e.render();
    let text = if output::colour(color_flag(), terminal) {
        rendered.ansi().to_string()
    } else {
        rendered.to_string()
    };
    let written = if to_stdout {
        let mut out = io::stdout().lock();
        out.write_all(text.as_bytes()).and_then(|()| out.flush())
    } else {
        let mut err = io::stderr().lock();
        err.write_all(text.as_bytes()).and_then(|()| err.flush())
    };
    match written {
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe && to_stdout => commands::TROUBLE,
        _ => {
            if to_stdout {
                commands::VALID
            } else {
                commands::TROUBLE
            }
        }
    }
}

/// `--color` as far as it can be read from a command line that did not parse.
fn color_flag() -> ColorWhen {
    let mut when = ColorWhen::Auto;
    let mut args = std::env::args_os().skip(1);
    while let Some(arg) = args.next() {
        let value = match arg.to_str() {
            Some("--") => break,
            Some("--color") => args.next(),
            Some(a) if a.starts_with("--color=") => Some(a["--color=".len()..].into()),
            _ => continue,
        };
        when = match value.as_ref().and_then(|v| v.to_str()) {
            Some("always") => ColorWhen::Always,
            Some("never") => ColorWhen::Never,
            _ => ColorWhen::Auto,
        };
    }
    when
}
