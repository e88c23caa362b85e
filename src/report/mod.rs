//! The report: every problem found in one pass, with its path, code and message.

mod code;
mod message;

use std::fmt;

use serde::ser::{SerializeStruct, Serializer};
use serde::Serialize;

pub use code::{Code, Severity};
pub(crate) use message::{Detail, Ignored, Kind, OptionProblem};

use crate::json;
use crate::options::Locale;

/// A problem as the rules find it; its message is written when the report is made.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Finding {
    pub path: String,
    pub code: Code,
    pub detail: Detail,
}

/// One problem of a [`Report`].
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Issue {
    /// RFC 6901 JSON Pointer into the validated document (`""` is the root).
    pub path: String,
    /// The stable machine-readable code.
    pub code: Code,
    /// A human sentence in the requested locale.
    pub message: String,
}

impl Issue {
    /// The EnOS platform error code of this problem, where it has one.
    pub fn enos_code(&self) -> Option<u32> {
        self.code.enos_code()
    }
}

impl fmt::Display for Issue {
    /// `path: code: message`; the root path shows as `""`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let path = if self.path.is_empty() {
            "\"\""
        } else {
            &self.path
        };
        write!(f, "{path}: {}: {}", self.code, self.message)
    }
}

/// The result of a validation (SPEC §3).
///
/// It serializes to the wire format
/// `{"valid", "errors": [{"path", "code", "message", "enosCode"}], "warnings": [{"path", "code", "message"}]}`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Report {
    /// `true` exactly when `errors` is empty.
    pub valid: bool,
    /// The problems that make the request fail, in a deterministic order.
    pub errors: Vec<Issue>,
    /// The problems that do not (empty under `strict`).
    pub warnings: Vec<Issue>,
}

impl Report {
    /// Sorts findings into errors and warnings and writes their messages.
    pub(crate) fn new(findings: Vec<Finding>, locale: Locale, strict: bool) -> Report {
        let mut errors = Vec::new();
        let mut warnings = Vec::new();
        for f in findings {
            let issue = Issue {
                message: message::render(f.code, &f.detail, locale),
                path: f.path,
                code: f.code,
            };
            if strict || f.code.severity() == Severity::Error {
                errors.push(issue);
            } else {
                warnings.push(issue);
            }
        }
        Report {
            valid: errors.is_empty(),
            errors,
            warnings,
        }
    }

    /// Whether some error or warning has this code.
    pub fn has(&self, code: Code) -> bool {
        self.errors
            .iter()
            .chain(&self.warnings)
            .any(|i| i.code == code)
    }

    /// The report as JSON text (SPEC §3): the same text as `serde_json::to_string`.
    pub fn to_json(&self) -> String {
        let mut out = String::new();
        self.write_json(&mut out);
        out
    }

    /// Appends the report's JSON text (written by hand: no serde code in the wasm).
    pub(crate) fn write_json(&self, out: &mut String) {
        out.push_str("{\"valid\":");
        out.push_str(if self.valid { "true" } else { "false" });
        out.push_str(",\"errors\":");
        write_issues(&self.errors, true, out);
        out.push_str(",\"warnings\":");
        write_issues(&self.warnings, false, out);
        out.push('}');
    }
}

impl fmt::Display for Report {
    /// One `path: code: message` line per problem, errors first.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for issue in &self.errors {
            writeln!(f, "error: {issue}")?;
        }
        for issue in &self.warnings {
            writeln!(f, "warning: {issue}")?;
        }
        Ok(())
    }
}

fn write_issues(issues: &[Issue], with_enos: bool, out: &mut String) {
    out.push('[');
    for (i, issue) in issues.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push('{');
        json::write_key("path", out);
        json::write_string(&issue.path, out);
        out.push(',');
        json::write_key("code", out);
        json::write_string(issue.code.as_str(), out);
        out.push(',');
        json::write_key("message", out);
        json::write_string(&issue.message, out);
        if with_enos {
            out.push(',');
            json::write_key("enosCode", out);
            match issue.enos_code() {
                Some(code) => json::write_int(i64::from(code), out),
                None => out.push_str("null"),
            }
        }
        out.push('}');
    }
    out.push(']');
}

struct Wire<'a>(&'a Issue, bool);

impl Serialize for Wire<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let Wire(issue, with_enos) = *self;
        let mut s = serializer.serialize_struct("Issue", if with_enos { 4 } else { 3 })?;
        s.serialize_field("path", &issue.path)?;
        s.serialize_field("code", issue.code.as_str())?;
        s.serialize_field("message", &issue.message)?;
        if with_enos {
            s.serialize_field("enosCode", &issue.enos_code())?;
        }
        s.end()
    }
}

struct WireList<'a>(&'a [Issue], bool);

impl Serialize for WireList<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.0.iter().map(|i| Wire(i, self.1)))
    }
}

impl Serialize for Report {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut s = serializer.serialize_struct("Report", 3)?;
        s.serialize_field("valid", &self.valid)?;
        s.serialize_field("errors", &WireList(&self.errors, true))?;
        s.serialize_field("warnings", &WireList(&self.warnings, false))?;
        s.end()
    }
}
