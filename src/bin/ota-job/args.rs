//! The command line: subcommands, flags and their value checks (clap derive).

use std::path::PathBuf;

use clap::{value_parser, Args, Parser, Subcommand, ValueEnum};
use enos_ota_job::Options;
use serde_json::{Map, Value};

/// Check EnOS "Create OTA Job" request bodies, in a terminal or a CI pipeline.
///
/// Exit status: 0 when every input is valid, 1 when any is invalid, 2 on a usage
/// error or when an input could not be read.
#[derive(Debug, Parser)]
#[command(
    name = "ota-job",
    version,
    propagate_version = true,
    arg_required_else_help = true,
    max_term_width = 100
)]
pub struct Cli {
    /// When to colour the output: `auto` colours a terminal unless NO_COLOR is set.
    #[arg(long, value_enum, value_name = "WHEN", default_value_t = ColorWhen::Auto, global = true)]
    pub color: ColorWhen,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check job files: every problem, with its place in the file.
    ///
    /// A directory stands for every `*.json` file under it, in sorted order; `-`
    /// or no argument at all reads standard input.
    Validate(ValidateArgs),
    /// Apply every machine-applicable fix, then report what is left.
    ///
    /// Prints the fixed body, or with --write rewrites each file in place (keeping its
    /// key order and indentation). The exit status is that of `validate` on the result.
    Fix(FixArgs),
    /// Print the body with every documented default made explicit, or the report when invalid.
    Normalize(NormalizeArgs),
    /// Print the HTTP request that creates the job (method, URL, headers, body).
    Request(RequestArgs),
    /// Print the JSON Schema of the request body.
    Schema,
    /// Print a shell completion script, e.g. `ota-job completions bash > /etc/bash_completion.d/ota-job`.
    Completions {
        /// The shell to complete for.
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
}

#[derive(Debug, Args)]
pub struct ValidateArgs {
    /// Job files, directories, or `-` for standard input.
    #[arg(value_name = "FILE|DIR|-")]
    pub inputs: Vec<PathBuf>,

    #[command(flatten)]
    pub output: OutputArgs,

    #[command(flatten)]
    pub check: CheckArgs,
}

#[derive(Debug, Args)]
pub struct FixArgs {
    /// Rewrite each file in place instead of printing the fixed body.
    #[arg(long)]
    pub write: bool,

    /// Job files or directories (or `-` without --write).
    #[arg(value_name = "FILE|DIR|-", required = true)]
    pub inputs: Vec<PathBuf>,

    #[command(flatten)]
    pub output: OutputArgs,

    #[command(flatten)]
    pub check: CheckArgs,
}

#[derive(Debug, Args)]
pub struct NormalizeArgs {
    /// The job file; `-` or nothing reads standard input.
    #[arg(value_name = "FILE|-")]
    pub input: Option<PathBuf>,

    #[command(flatten)]
    pub output: OutputArgs,

    #[command(flatten)]
    pub check: CheckArgs,
}

#[derive(Debug, Args)]
pub struct RequestArgs {
    /// The organization (OU) id.
    #[arg(long, value_name = "O")]
    pub org_id: String,

    /// The id of the target firmware.
    #[arg(long, value_name = "F")]
    pub firmware_id: String,

    /// The API gateway: a host such as apim.example.com, host:8443, or an http(s) origin.
    #[arg(long, value_name = "HOST")]
    pub apigw: Option<String>,

    /// Print one ready `curl` command instead (needs --apigw).
    #[arg(long, requires = "apigw")]
    pub curl: bool,

    /// The job file (the request body); `-` or nothing reads standard input.
    #[arg(value_name = "FILE|-")]
    pub input: Option<PathBuf>,

    #[command(flatten)]
    pub output: OutputArgs,

    #[command(flatten)]
    pub check: CheckArgs,
}

/// How problems are printed.
#[derive(Debug, Args)]
pub struct OutputArgs {
    /// The output format.
    #[arg(long, value_enum, value_name = "FORMAT", default_value_t = Format::Text)]
    pub format: Format,

    /// The same as `--format json`.
    #[arg(long)]
    pub json: bool,

    /// When to show a code frame under each problem: `auto` on a terminal only.
    #[arg(long, value_enum, value_name = "WHEN", default_value_t = ColorWhen::Auto)]
    pub frame: ColorWhen,
}

impl OutputArgs {
    pub fn format(&self) -> Format {
        if self.json {
            Format::Json
        } else {
            self.format
        }
    }
}

/// The validation options. A flag wins over the same key of `--options`.
#[derive(Debug, Args)]
#[command(next_help_heading = "Validation options")]
pub struct CheckArgs {
    /// Options as JSON, e.g. '{"locale":"zh","firmware":{"verified":true}}'.
    #[arg(long, value_name = "JSON")]
    pub options: Option<String>,

    /// The language of messages.
    #[arg(long, value_enum, value_name = "LOCALE")]
    pub locale: Option<LocaleArg>,

    /// Every warning counts as an error.
    #[arg(long)]
    pub strict: bool,

    /// The time zone of the same-day rule when the body names none: minutes east of UTC.
    #[arg(long, value_name = "MINUTES", allow_negative_numbers = true,
          value_parser = value_parser!(i64).range(-720..=840))]
    pub utc_offset: Option<i64>,

    /// The target firmware exists.
    #[arg(long, overrides_with = "no_firmware_exists")]
    pub firmware_exists: bool,

    /// The target firmware does not exist.
    #[arg(long, overrides_with = "firmware_exists")]
    pub no_firmware_exists: bool,

    /// The target firmware's own version.
    #[arg(long, value_name = "V")]
    pub firmware_version: Option<String>,

    /// The firmware requires verification before upgrade jobs.
    #[arg(long)]
    pub enable_verification: bool,

    /// The firmware has been verified.
    #[arg(long, overrides_with = "not_verified")]
    pub verified: bool,

    /// The firmware has not been verified.
    #[arg(long, overrides_with = "verified")]
    pub not_verified: bool,

    /// The most device keys a verify job may list.
    #[arg(long, value_name = "N", value_parser = value_parser!(u32).range(1..))]
    pub max_verification: Option<u32>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// One block per problem, then a summary line.
    Text,
    /// The report as JSON; JSON Lines for several inputs.
    Json,
    /// GitHub Actions workflow commands (annotations).
    Github,
    /// One SARIF 2.1.0 log (GitHub code scanning).
    Sarif,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorWhen {
    Auto,
    Always,
    Never,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LocaleArg {
    En,
    Zh,
}

impl LocaleArg {
    pub fn as_str(self) -> &'static str {
        match self {
            LocaleArg::En => "en",
            LocaleArg::Zh => "zh",
        }
    }
}

impl CheckArgs {
    /// Whether some option flag (other than `--options`) was given.
    fn has_flags(&self) -> bool {
        self.locale.is_some()
            || self.strict
            || self.utc_offset.is_some()
            || self.firmware_exists
            || self.no_firmware_exists
            || self.firmware_version.is_some()
            || self.enable_verification
            || self.verified
            || self.not_verified
            || self.max_verification.is_some()
    }

    /// The options of every check: `--options` with each flag written over its key,
    /// read by the library (which reports every bad entry as `invalid_option`).
    pub fn options(&self) -> Options {
        if !self.has_flags() {
            return match &self.options {
                Some(text) => Options::from_json_str(text),
                None => Options::new(),
            };
        }
        let mut root = match &self.options {
            None => Map::new(),
            Some(text) => match serde_json::from_str::<Value>(text) {
                Ok(Value::Object(map)) => map,
                Ok(Value::Null) => Map::new(),
                // Not an object: the library says why, and the flags have nothing to merge into.
                _ => return Options::from_json_str(text),
            },
        };
        if let Some(locale) = self.locale {
            root.insert("locale".into(), locale.as_str().into());
        }
        if self.strict {
            root.insert("strict".into(), true.into());
        }
        if let Some(minutes) = self.utc_offset {
            root.insert("utcOffsetMinutes".into(), minutes.into());
        }
        let mut firmware = Vec::<(&str, Value)>::new();
        if self.firmware_exists || self.no_firmware_exists {
            firmware.push(("exists", self.firmware_exists.into()));
        }
        if let Some(version) = &self.firmware_version {
            firmware.push(("version", version.as_str().into()));
        }
        if self.enable_verification {
            firmware.push(("enableVerification", true.into()));
        }
        if self.verified || self.not_verified {
            firmware.push(("verified", self.verified.into()));
        }
        if let Some(n) = self.max_verification {
            firmware.push(("maxAllowedForVerification", n.into()));
        }
        if !firmware.is_empty() {
            let entry = root
                .entry("firmware")
                .or_insert_with(|| Value::Object(Map::new()));
            if entry.is_null() {
                *entry = Value::Object(Map::new());
            }
            // A `firmware` that is not an object stays as given: the library reports it.
            if let Value::Object(facts) = entry {
                for (key, value) in firmware {
                    facts.insert(key.into(), value);
                }
            }
        }
        Options::from_json_value(&Value::Object(root))
    }
}
