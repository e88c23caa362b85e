//! `ota-job`: check Create OTA Job bodies from the command line or a CI pipeline.
//!
//! ```text
//! ota-job validate [--options JSON] [--json] [FILE|-]
//! ```
//!
//! Exit status: 0 valid, 1 invalid, 2 usage or I/O error. A thin shell over the
//! library: every rule lives there.

use std::io::{self, Read, Write};
use std::process::ExitCode;

use enos_ota_job::{validate_bytes, Options};

const USAGE: &str = "\
usage: ota-job validate [--options JSON] [--json] [FILE|-]

Validates an EnOS Create OTA Job request body (JSON) and prints every problem
as `path: code: message`, or with --json the report as JSON.

  --options JSON  validation options, e.g. '{\"locale\":\"zh\",\"strict\":true}'
  --json          print the report as JSON (SPEC §3)
  FILE            the body to check; `-` or nothing reads standard input

exit status: 0 valid, 1 invalid, 2 usage or I/O error";

struct Args {
    options: Options,
    json: bool,
    file: Option<String>,
}

fn parse_args(mut args: impl Iterator<Item = String>) -> Result<Args, String> {
    match args.next().as_deref() {
        Some("validate") => {}
        Some("-h" | "--help" | "help") => return Err(String::new()),
        Some(other) => return Err(format!("unknown command `{other}`")),
        None => return Err("missing command".into()),
    }
    let mut parsed = Args {
        options: Options::default(),
        json: false,
        file: None,
    };
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--json" => parsed.json = true,
            "--options" => {
                let text = args.next().ok_or("--options needs a JSON value")?;
                parsed.options = Options::from_json_str(&text);
            }
            "-h" | "--help" => return Err(String::new()),
            flag if flag.starts_with("--") => return Err(format!("unknown flag `{flag}`")),
            _ if parsed.file.is_some() => return Err("more than one file".into()),
            _ => parsed.file = Some(arg),
        }
    }
    Ok(parsed)
}

fn read_input(file: Option<&str>) -> io::Result<Vec<u8>> {
    match file {
        None | Some("-") => {
            let mut bytes = Vec::new();
            io::stdin().read_to_end(&mut bytes)?;
            Ok(bytes)
        }
        Some(path) => std::fs::read(path),
    }
}

fn main() -> ExitCode {
    let args = match parse_args(std::env::args().skip(1)) {
        Ok(args) => args,
        Err(why) if why.is_empty() => {
            println!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Err(why) => {
            eprintln!("ota-job: {why}\n\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    let bytes = match read_input(args.file.as_deref()) {
        Ok(bytes) => bytes,
        Err(e) => {
            let name = args.file.as_deref().unwrap_or("standard input");
            eprintln!("ota-job: cannot read {name}: {e}");
            return ExitCode::from(2);
        }
    };
    let report = validate_bytes(&bytes, &args.options);
    let out = if args.json {
        report.to_json() + "\n"
    } else {
        report.to_string()
    };
    // A closed pipe (`| head`) is not worth a panic.
    let _ = io::stdout().write_all(out.as_bytes());
    if report.valid {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}
