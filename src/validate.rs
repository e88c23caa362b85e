//! The entry points of validation: JSON text, bytes or a `serde_json::Value` in, a
//! [`Report`] out; and `parse_job*`, which also read a valid body into the typed model.

use serde_json::Value;

use crate::check::{self, Checked, Shape};
use crate::model::OtaJob;
use crate::normalize;
use crate::options::Options;
use crate::report::{Expected, Finding, Found, Problem, Report};

/// Validates a request body given as JSON text. Every issue carries its position.
///
/// ```
/// use enos_ota_job::{validate_json, Options};
/// let report = validate_json("{\"type\": \"verify\"}", &Options::new());
/// assert!(!report.valid);
/// assert_eq!(report.errors[0].path, "/upgradeScope");
/// // `required` points at the object that lacks the member.
/// assert_eq!(report.errors[0].span.map(|s| (s.line, s.column)), Some((1, 1)));
/// ```
#[must_use]
pub fn validate_json(text: &str, options: &Options) -> Report {
    check::text(text, options, Shape::Body, &[], true).take_report(options)
}

/// Validates a request body given as bytes; bytes that are not UTF-8 are `invalid_json`
/// at the first bad byte.
#[must_use]
pub fn validate_bytes(bytes: &[u8], options: &Options) -> Report {
    check::bytes(bytes, options, Shape::Body).take_report(options)
}

/// Validates a request body given as a `serde_json::Value`.
///
/// A `Value` cannot hold repeated keys, and serde_json has already turned integers
/// beyond 64 bits into floats, which are then `invalid_type`: validate the text
/// with [`validate_json`] when you have it. The report carries no positions.
#[must_use]
pub fn validate_value(value: &Value, options: &Options) -> Report {
    check::value(value, options, Shape::Body).take_report(options)
}

/// How far [`__validate_to`] runs. Not part of the API.
#[doc(hidden)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum __Step {
    /// Read the text.
    Parse,
    /// Then run the rules and check the candidate fixes.
    Rules,
    /// Then write the messages and hints (the report of a value: no positions).
    Messages,
    /// Then find the positions in the text (the report of `validate_json`).
    Positions,
    /// Then write the npm package's block.
    Block,
}

/// [`validate_json`] up to `step`, for the breakdown benchmark (benches/breakdown.rs):
/// each step's time is the difference to the step before. Returns a number that depends
/// on the work done. Not part of the API.
#[doc(hidden)]
#[must_use]
pub fn __validate_to(text: &str, options: &Options, step: __Step) -> usize {
    if step == __Step::Parse {
        return crate::json::parse(text).map_or(0, |_| 1);
    }
    let mut checked = check::text(text, options, Shape::Body, &[], step != __Step::Messages);
    if step == __Step::Rules {
        return checked.findings.len();
    }
    let report = checked.take_report(options);
    match step {
        __Step::Block => report.to_block().1.len(),
        _ => report.errors.len() + report.warnings.len(),
    }
}

/// A body that passed validation, as the typed model, with the report's warnings.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Validated {
    /// The job with every documented default made explicit (see [`crate::normalize_json`]),
    /// without the fields the platform ignores.
    pub job: OtaJob,
    /// The report: valid, perhaps with warnings.
    pub report: Report,
}

/// Validates JSON text and, when it is valid, reads it into the typed model.
///
/// # Errors
///
/// The [`Report`] of the body, when it has an error (or, with `strict`, a warning).
///
/// ```
/// use enos_ota_job::{parse_job, Options, OtaJob};
///
/// fn timeout(text: &str) -> Result<Option<i64>, Box<dyn std::error::Error>> {
///     let validated = parse_job(text, &Options::new())?;
///     let OtaJob::Verify(job) = validated.job else { return Ok(None) };
///     Ok(job.upgrade_timeout)
/// }
/// let text = r#"{"type": "verify", "upgradeTimeout": "600",
///     "upgradeScope": {"type": "partial", "versionNumbers": ["1.0"], "deviceKeys": ["d1"]}}"#;
/// assert_eq!(timeout(text).unwrap(), Some(600));
/// let error = timeout(r#"{"type": "verify"}"#).unwrap_err();
/// assert!(error.to_string().starts_with("error: /upgradeScope: required"));
/// ```
pub fn parse_job(text: &str, options: &Options) -> Result<Validated, Report> {
    into_job(check::text(text, options, Shape::Body, &[], true), options)
}

/// Validates a `serde_json::Value` and, when it is valid, reads it into the typed model.
///
/// # Errors
///
/// The [`Report`] of the body, when it has an error (or, with `strict`, a warning).
pub fn parse_job_value(value: &Value, options: &Options) -> Result<Validated, Report> {
    into_job(check::value(value, options, Shape::Body), options)
}

fn into_job(mut checked: Checked<'_>, options: &Options) -> Result<Validated, Report> {
    let report = checked.take_report(options);
    let Some(body) = checked.node.filter(|_| report.valid) else {
        return Err(report);
    };
    let typed = crate::json::to_value(&normalize::for_model(body, checked.kind));
    match serde_json::from_value(typed) {
        Ok(job) => Ok(Validated { job, report }),
        // Unreachable for a valid body; reported rather than panicking all the same.
        Err(_) => {
            let problem = Problem::InvalidType {
                expected: Expected::Object,
                found: Found::Object,
            };
            let finding = Finding::new(String::new(), problem);
            Err(Report::new(
                vec![finding],
                options.locale(),
                options.is_strict(),
                None,
            ))
        }
    }
}
