//! The subcommands: each one reads its inputs, calls one library entry point, and
//! prints what it returns. No rule and no validator message lives here.

use std::fs;
use std::io;
use std::path::PathBuf;

use clap::CommandFactory;
use enos_ota_job::{build_request_json, fix_json, normalize_json, validate_bytes, Code, Report};
use serde_json::json;

use crate::args::{
    Cli, ColorWhen, FixArgs, Format, NormalizeArgs, OutputArgs, RequestArgs, ValidateArgs,
};
use crate::inputs::{self, Entry, Input};
use crate::output::{self, Checked, Reporter, Sink, Text};

/// Exit statuses.
pub const VALID: u8 = 0;
pub const INVALID: u8 = 1;
pub const TROUBLE: u8 = 2;

/// The running status of a command over several inputs: the worst seen.
#[derive(Default)]
struct Status {
    invalid: bool,
    unreadable: bool,
}

impl Status {
    fn code(&self) -> u8 {
        if self.unreadable {
            TROUBLE
        } else if self.invalid {
            INVALID
        } else {
            VALID
        }
    }
}

fn reporter(output: &OutputArgs, color: ColorWhen, single: bool) -> Reporter {
    let terminal = output::stdout_is_terminal();
    let frame = match output.frame {
        ColorWhen::Always => true,
        ColorWhen::Never => false,
        ColorWhen::Auto => terminal,
    };
    Reporter::new(
        output.format(),
        output::colour(color, terminal),
        frame,
        single,
    )
}

/// Whether a run's JSON output is one report (one input named as a file or `-`).
fn single(args: &[PathBuf]) -> bool {
    args.len() <= 1 && !inputs::names_a_directory(args)
}

fn cannot_read(reporter: &mut Reporter, name: &str, why: &str) {
    output::to_stderr(&format!("ota-job: cannot read {name}: {why}"));
    reporter.unreadable(name, why);
}

/// Reads every input of the command line, in order, and hands each one's bytes to
/// `check`; reports what cannot be read on stderr.
fn each_input(
    args: &[PathBuf],
    reporter: &mut Reporter,
    status: &mut Status,
    mut check: impl FnMut(&mut Reporter, &Input, Vec<u8>) -> bool,
) {
    for entry in inputs::expand(args) {
        match entry {
            Entry::Input(input) => match input.read() {
                Ok(bytes) => {
                    if !check(reporter, &input, bytes) {
                        status.invalid = true;
                    }
                }
                Err(why) => {
                    status.unreadable = true;
                    cannot_read(reporter, &input.name(), &why.to_string());
                }
            },
            Entry::Unlisted(name, e) => {
                status.unreadable = true;
                cannot_read(reporter, &name, &inputs::plain_io_error(&e));
            }
            Entry::Empty(name) => {
                output::to_stderr(&format!("ota-job: no *.json file under {name}"));
            }
        }
    }
}

/// `ota-job validate`.
pub fn validate(args: &ValidateArgs, color: ColorWhen, sink: &mut Sink) -> u8 {
    let options = args.check.options();
    let mut reporter = reporter(&args.output, color, single(&args.inputs));
    let mut status = Status::default();
    each_input(
        &args.inputs,
        &mut reporter,
        &mut status,
        |reporter, input, bytes| {
            let report = validate_bytes(&bytes, &options);
            let name = input.name();
            reporter.checked(
                sink,
                &Checked {
                    name: &name,
                    source: std::str::from_utf8(&bytes).ok(),
                    report: &report,
                },
            );
            report.valid
        },
    );
    reporter.finish(sink);
    status.code()
}

/// `ota-job fix`: the library's `fix_json` on each input. Without --write the fixed
/// body goes to stdout and what is left to stderr; with it each file is rewritten
/// (only when a fix applied) and what is left is reported on stdout.
pub fn fix(args: &FixArgs, color: ColorWhen, sink: &mut Sink) -> Result<u8, String> {
    let stdin = args.inputs.iter().any(|a| a.as_os_str() == "-");
    if args.write && stdin {
        return Err("fix: --write cannot rewrite standard input".into());
    }
    if !args.write && !single(&args.inputs) {
        return Err(
            "fix: several inputs need --write (one fixed body at a time goes to stdout)".into(),
        );
    }
    let options = args.check.options();
    let write_failed = std::cell::Cell::new(false);
    let mut reporter = if args.write {
        reporter(&args.output, color, single(&args.inputs))
    } else {
        Reporter::new(Format::Text, false, false, true)
    };
    let mut status = Status::default();
    each_input(
        &args.inputs,
        &mut reporter,
        &mut status,
        |reporter, input, bytes| {
            let name = input.name();
            let Ok(text) = std::str::from_utf8(&bytes) else {
                let report = validate_bytes(&bytes, &options);
                if args.write {
                    reporter.checked(
                        sink,
                        &Checked {
                            name: &name,
                            source: None,
                            report: &report,
                        },
                    );
                } else {
                    warn_on_stderr(color, &name, None, &report, true);
                }
                return false;
            };
            let fixed = fix_json(text, &options);
            let source = fixed.text.as_deref().unwrap_or(text);
            let checked = Checked {
                name: &name,
                source: Some(source),
                report: &fixed.report,
            };
            let fixes = if fixed.applied == 1 { "fix" } else { "fixes" };
            if !args.write {
                if fixed.applied > 0 {
                    output::to_stderr(&format!(
                        "ota-job: {name}: {} {fixes} applied",
                        fixed.applied
                    ));
                }
                if let Some(body) = &fixed.text {
                    sink.write(body);
                    if !body.ends_with('\n') {
                        sink.write("\n");
                    }
                }
                warn_on_stderr(color, &name, Some(source), &fixed.report, true);
                return fixed.report.valid;
            }
            if let (Some(body), Input::File(path), true) = (&fixed.text, input, fixed.applied > 0) {
                if let Err(e) = fs::write(path, body) {
                    output::to_stderr(&format!(
                        "ota-job: cannot write {name}: {}",
                        inputs::plain_io_error(&e)
                    ));
                    reporter.unreadable(&name, &inputs::plain_io_error(&e));
                    write_failed.set(true);
                } else {
                    output::to_stderr(&format!(
                        "ota-job: {name}: {} {fixes} applied",
                        fixed.applied
                    ));
                }
            }
            reporter.checked(sink, &checked);
            fixed.report.valid
        },
    );
    if args.write {
        reporter.finish(sink);
    }
    if write_failed.get() {
        status.unreadable = true;
    }
    Ok(status.code())
}

/// Reads the one input of `normalize` and `request`; `Err` has been reported.
fn read_one(input: &Option<PathBuf>) -> Result<(Input, Vec<u8>), u8> {
    let input = match input {
        None => Input::Stdin,
        Some(p) if p.as_os_str() == "-" => Input::Stdin,
        Some(p) => Input::File(p.clone()),
    };
    match input.read() {
        Ok(bytes) => Ok((input, bytes)),
        Err(why) => {
            output::to_stderr(&format!("ota-job: cannot read {}: {why}", input.name()));
            Err(TROUBLE)
        }
    }
}

/// Prints one report in the chosen format (the output of an invalid input).
fn print_report(
    output: &OutputArgs,
    color: ColorWhen,
    sink: &mut Sink,
    name: &str,
    source: Option<&str>,
    report: &Report,
) {
    let mut reporter = reporter(output, color, true);
    reporter.checked(
        sink,
        &Checked {
            name,
            source,
            report,
        },
    );
    reporter.finish(sink);
}

/// The problems of a command whose stdout is its product (a body, a request): on
/// stderr, as text. `all`: errors too, else only warnings.
fn warn_on_stderr(color: ColorWhen, name: &str, source: Option<&str>, report: &Report, all: bool) {
    use std::io::IsTerminal;
    let mut shown;
    let report = if all {
        report
    } else {
        shown = report.clone();
        shown.errors.clear();
        &shown
    };
    if report.errors.is_empty() && report.warnings.is_empty() {
        return;
    }
    let text = Text::new(output::colour(color, io::stderr().is_terminal()), false);
    let blocks = text.blocks(&Checked {
        name,
        source,
        report,
    });
    output::to_stderr(blocks.trim_end_matches('\n'));
}

/// `ota-job normalize`.
pub fn normalize(args: &NormalizeArgs, color: ColorWhen, sink: &mut Sink) -> u8 {
    let options = args.check.options();
    let (input, bytes) = match read_one(&args.input) {
        Ok(read) => read,
        Err(status) => return status,
    };
    let name = input.name();
    let Ok(text) = std::str::from_utf8(&bytes) else {
        let report = validate_bytes(&bytes, &options);
        print_report(&args.output, color, sink, &name, None, &report);
        return INVALID;
    };
    let normalized = normalize_json(text, &options);
    match &normalized.body {
        Some(body) if args.output.format() == Format::Json => {
            sink.write(&normalized.to_json());
            sink.write("\n");
            let _ = body;
            VALID
        }
        Some(body) => {
            sink.write(&output::pretty(body));
            sink.write("\n");
            warn_on_stderr(color, &name, Some(text), &normalized.report, false);
            VALID
        }
        None => {
            print_report(
                &args.output,
                color,
                sink,
                &name,
                Some(text),
                &normalized.report,
            );
            INVALID
        }
    }
}

/// `ota-job request`.
pub fn request(args: &RequestArgs, color: ColorWhen, sink: &mut Sink) -> u8 {
    let options = args.check.options();
    let (input, bytes) = match read_one(&args.input) {
        Ok(read) => read,
        Err(status) => return status,
    };
    let name = input.name();
    // A body that is not JSON is reported as `validate` reports it, at its own place.
    let text = match std::str::from_utf8(&bytes) {
        Ok(text) if !validate_bytes(&bytes, &options).has(Code::InvalidJson) => text,
        _ => {
            let report = validate_bytes(&bytes, &options);
            let source = std::str::from_utf8(&bytes).ok();
            print_report(&args.output, color, sink, &name, source, &report);
            return INVALID;
        }
    };
    // The input object of `build_request_json`, its body the file's own text so that
    // positions stay those of the file.
    let mut wrapper = json!({ "orgId": args.org_id, "firmwareId": args.firmware_id });
    if let Some(apigw) = &args.apigw {
        wrapper["apigwAddress"] = apigw.as_str().into();
    }
    let head = serde_json::to_string(&wrapper).unwrap_or_default();
    let head = format!("{},\"body\":", head.trim_end_matches('}'));
    let built = build_request_json(&format!("{head}{text}}}"), &options);
    let report = rebase(built.report.clone(), &head);
    match &built.request {
        Some(request) => {
            if args.output.format() == Format::Json {
                sink.write(&built.to_json());
                sink.write("\n");
            } else if args.curl {
                sink.write(&curl(request));
            } else {
                let mut out = format!("{} {}\n", request.method, request.url);
                for (header, value) in &request.headers {
                    out.push_str(&format!("{header}: {value}\n"));
                }
                out.push('\n');
                out.push_str(&request.body);
                out.push('\n');
                sink.write(&out);
            }
            warn_on_stderr(color, &name, Some(text), &report, false);
            VALID
        }
        None => {
            print_report(&args.output, color, sink, &name, Some(text), &report);
            INVALID
        }
    }
}

/// Positions of the built input made positions of the file: the head has no line
/// break, so only the first line's columns and the byte offsets move. Problems in
/// the head (the flags' values) have no place in the file.
fn rebase(mut report: Report, head: &str) -> Report {
    let shift_bytes = head.len();
    let shift_columns = head.chars().count();
    for issue in report.errors.iter_mut().chain(report.warnings.iter_mut()) {
        issue.span = issue.span.and_then(|mut span| {
            if span.start < shift_bytes {
                return None;
            }
            span.start -= shift_bytes;
            span.end -= shift_bytes;
            if span.line == 1 {
                span.column -= shift_columns;
            }
            if span.end_line == 1 {
                span.end_column -= shift_columns;
            }
            Some(span)
        });
    }
    report
}

/// One `curl` command, every value in POSIX single quotes.
fn curl(request: &enos_ota_job::HttpRequest) -> String {
    let mut out = format!("curl -X {} {}", request.method, quote(&request.url));
    for (header, value) in &request.headers {
        out.push_str(" \\\n  -H ");
        out.push_str(&quote(&format!("{header}: {value}")));
    }
    out.push_str(" \\\n  --data-raw ");
    out.push_str(&quote(&request.body));
    out.push('\n');
    out.push_str(
        "# add the API gateway's authentication header (-H '...') before running this command\n",
    );
    out
}

/// `'...'` with each `'` written as `'\''`: the shell takes every other byte as is.
pub fn quote(text: &str) -> String {
    format!("'{}'", text.replace('\'', "'\\''"))
}

/// `ota-job schema`: the library's JSON Schema of the body.
pub fn schema(sink: &mut Sink) -> Result<u8, String> {
    sink.write(enos_ota_job::JSON_SCHEMA);
    if !enos_ota_job::JSON_SCHEMA.ends_with('\n') {
        sink.write("\n");
    }
    Ok(VALID)
}

/// `ota-job completions SHELL`.
pub fn completions(shell: clap_complete::Shell, sink: &mut Sink) -> u8 {
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "ota-job", &mut script);
    sink.write(&String::from_utf8_lossy(&script));
    VALID
}

#[cfg(test)]
mod tests {
    use super::quote;

    #[test]
    fn quotes_for_posix_shells() {
        assert_eq!(quote("a b"), "'a b'");
        assert_eq!(quote("it's $HOME"), "'it'\\''s $HOME'");
    }
}
