//! The entry points: JSON text, bytes or a `serde_json::Value` in, a [`Report`] out.

use serde_json::Value;

use crate::json::{self, Node, ParseError, ParseErrorKind, TooDeep};
use crate::model::OtaJob;
use crate::normalize;
use crate::options::Options;
use crate::pointer::Path;
use crate::report::{Code, Detail, Finding, Report};
use crate::rules::{Checker, JobKind};

/// Validates a request body given as JSON text.
///
/// ```
/// use enos_ota_job::{validate_json, Options};
/// let report = validate_json(r#"{"type": "verify"}"#, &Options::new());
/// assert!(!report.valid);
/// assert_eq!(report.errors[0].path, "/upgradeScope");
/// ```
pub fn validate_json(text: &str, options: &Options) -> Report {
    check_text(text, options).report(options)
}

/// Validates a request body given as bytes; bytes that are not UTF-8 are `invalid_json`.
pub fn validate_bytes(bytes: &[u8], options: &Options) -> Report {
    match std::str::from_utf8(bytes) {
        Ok(text) => validate_json(text, options),
        Err(e) => {
            let valid = std::str::from_utf8(&bytes[..e.valid_up_to()]).unwrap_or_default();
            let error = ParseError {
                kind: ParseErrorKind::InvalidUtf8,
                offset: valid.len(),
            };
            let mut ck = Checker::new(options);
            ck.findings
                .push(invalid_json(&error, valid, &Path::Root("")));
            ck.firmware(JobKind::Unknown);
            Checked {
                findings: ck.findings,
                body: None,
                kind: JobKind::Unknown,
            }
            .report(options)
        }
    }
}

/// Validates a request body given as a `serde_json::Value`.
///
/// A `Value` cannot hold repeated keys, and serde_json has already turned integers
/// beyond 64 bits into floats, which are then `invalid_type`: validate the text
/// with [`validate_json`] when you have it.
pub fn validate_value(value: &Value, options: &Options) -> Report {
    check_value(value, options).report(options)
}

/// A body that passed validation, as the typed model, with the report's warnings.
#[derive(Debug, Clone, PartialEq)]
pub struct Validated {
    /// The job with every documented default made explicit (see [`crate::normalize_json`]),
    /// without the fields the platform ignores.
    pub job: OtaJob,
    /// The report: valid, perhaps with warnings.
    pub report: Report,
}

/// Validates JSON text and, when it is valid, reads it into the typed model.
///
/// ```
/// use enos_ota_job::{parse_job, Options, OtaJob};
/// let text = r#"{"type": "verify", "upgradeTimeout": "600",
///     "upgradeScope": {"type": "partial", "versionNumbers": ["1.0"], "deviceKeys": ["d1"]}}"#;
/// let validated = parse_job(text, &Options::new()).unwrap();
/// let OtaJob::Verify(job) = validated.job else { panic!() };
/// assert_eq!(job.upgrade_timeout, Some(600));
/// assert_eq!(validated.report.warnings[0].code.as_str(), "numeric_string");
/// ```
pub fn parse_job(text: &str, options: &Options) -> Result<Validated, Report> {
    check_text(text, options).into_job(options)
}

/// Validates a `serde_json::Value` and, when it is valid, reads it into the typed model.
pub fn parse_job_value(value: &Value, options: &Options) -> Result<Validated, Report> {
    check_value(value, options).into_job(options)
}

/// A body after every rule has run.
pub(crate) struct Checked<'a> {
    pub findings: Vec<Finding>,
    /// The parsed body, when it is JSON.
    pub body: Option<Node<'a>>,
    pub kind: JobKind,
}

impl<'a> Checked<'a> {
    pub fn report(self, options: &Options) -> Report {
        Report::new(self.findings, options.get_locale(), options.is_strict())
    }

    fn into_job(self, options: &Options) -> Result<Validated, Report> {
        let kind = self.kind;
        let body = self.body;
        let report = Report::new(self.findings, options.get_locale(), options.is_strict());
        let Some(body) = body.filter(|_| report.valid) else {
            return Err(report);
        };
        let typed = json::to_value(&normalize::for_model(body, kind));
        match serde_json::from_value(typed) {
            Ok(job) => Ok(Validated { job, report }),
            // Unreachable for a valid body; reported rather than panicking all the same.
            Err(_) => {
                let finding = Finding {
                    path: String::new(),
                    code: Code::InvalidType,
                    detail: Detail::Plain,
                };
                Err(Report::new(
                    vec![finding],
                    options.get_locale(),
                    options.is_strict(),
                ))
            }
        }
    }
}

/// Runs every rule on JSON text.
pub(crate) fn check_text<'a>(text: &'a str, options: &Options) -> Checked<'a> {
    let root = Path::Root("");
    let parsed = json::parse_document(text).map_err(|e| invalid_json(&e, text, &root));
    check_parsed(parsed, options)
}

/// Runs every rule on a `serde_json::Value`.
pub(crate) fn check_value<'a>(value: &'a Value, options: &Options) -> Checked<'a> {
    let parsed = json::from_value(value)
        .map(|node| (node, false))
        .map_err(|TooDeep| too_deep(&Path::Root("")));
    check_parsed(parsed, options)
}

fn check_parsed<'a>(parsed: Result<(Node<'a>, bool), Finding>, options: &Options) -> Checked<'a> {
    let mut ck = Checker::new(options);
    let root = Path::Root("");
    let (body, kind) = match parsed {
        Ok((node, has_duplicates)) => {
            if has_duplicates {
                ck.duplicates(&node, &root);
            }
            let kind = ck.body(&node, &root);
            (Some(node), kind)
        }
        Err(finding) => {
            ck.findings.push(finding);
            (None, JobKind::Unknown)
        }
    };
    ck.firmware(kind);
    Checked {
        findings: ck.findings,
        body,
        kind,
    }
}

/// The `invalid_json` finding of a parse error.
pub(crate) fn invalid_json(error: &ParseError, text: &str, path: &Path<'_>) -> Finding {
    let (line, column) = error.line_column(text);
    Finding {
        path: path.render(),
        code: Code::InvalidJson,
        detail: Detail::Json {
            kind: error.kind,
            line,
            column,
        },
    }
}

/// The `invalid_json` finding of a `serde_json::Value` nested too deep.
pub(crate) fn too_deep(path: &Path<'_>) -> Finding {
    Finding {
        path: path.render(),
        code: Code::InvalidJson,
        detail: Detail::TooDeep,
    }
}
