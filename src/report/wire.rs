//! The report's wire format, written by hand (no serde code in the wasm) and through
//! serde (for Rust callers); a test holds the two to the same text.
//!
//! `{"valid", "errors": [issue], "warnings": [issue]}`; an issue is `{"path", "code",
//! "message", "enosCode" (errors only), "line"?, "column"?, "endLine"?, "endColumn"?,
//! "hint"?, "fix"?}`, absent members meaning not known.

use serde::ser::{SerializeStruct, Serializer};
use serde::Serialize;

use super::{Issue, PatchOp, Report};
use crate::json;

pub(super) fn write_report(report: &Report, out: &mut String) {
    out.push_str("{\"valid\":");
    out.push_str(if report.valid { "true" } else { "false" });
    out.push_str(",\"errors\":");
    write_issues(&report.errors, true, out);
    out.push_str(",\"warnings\":");
    write_issues(&report.warnings, false, out);
    out.push('}');
}

fn write_issues(issues: &[Issue], with_enos: bool, out: &mut String) {
    out.push('[');
    for (i, issue) in issues.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        write_issue(issue, with_enos, out);
    }
    out.push(']');
}

fn write_issue(issue: &Issue, with_enos: bool, out: &mut String) {
    out.push_str("{\"path\":");
    json::write_string(&issue.path, out);
    // Codes are lowercase ASCII words: nothing to escape.
    out.push_str(",\"code\":\"");
    out.push_str(issue.code.as_str());
    out.push_str("\",\"message\":");
    json::write_string(&issue.message, out);
    if with_enos {
        out.push_str(",\"enosCode\":");
        match issue.enos_code() {
            Some(code) => json::write_int(i64::from(code), out),
            None => out.push_str("null"),
        }
    }
    if let Some(span) = &issue.span {
        for (key, n) in [
            (",\"line\":", span.line),
            (",\"column\":", span.column),
            (",\"endLine\":", span.end_line),
            (",\"endColumn\":", span.end_column),
        ] {
            out.push_str(key);
            json::write_int(i64::try_from(n).unwrap_or(i64::MAX), out);
        }
    }
    if let Some(hint) = &issue.hint {
        out.push_str(",\"hint\":");
        json::write_string(hint, out);
    }
    if let Some(fix) = &issue.fix {
        out.push_str(",\"fix\":");
        write_patch(fix, out);
    }
    out.push('}');
}

/// Appends an RFC 6902 patch as JSON text.
pub(crate) fn write_patch(ops: &[PatchOp], out: &mut String) {
    out.push('[');
    for (i, op) in ops.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        match op {
            PatchOp::Move { from, path } => {
                out.push_str("{\"op\":\"move\",\"from\":");
                json::write_string(from, out);
                out.push_str(",\"path\":");
                json::write_string(path, out);
            }
            PatchOp::Replace { path, value } => {
                out.push_str("{\"op\":\"replace\",\"path\":");
                json::write_string(path, out);
                out.push_str(",\"value\":");
                json::write_value(value, out);
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
        let mut s = serializer.serialize_struct("Issue", 10)?;
        s.serialize_field("path", &issue.path)?;
        s.serialize_field("code", issue.code.as_str())?;
        s.serialize_field("message", &issue.message)?;
        if with_enos {
            s.serialize_field("enosCode", &issue.enos_code())?;
        }
        if let Some(span) = &issue.span {
            s.serialize_field("line", &span.line)?;
            s.serialize_field("column", &span.column)?;
            s.serialize_field("endLine", &span.end_line)?;
            s.serialize_field("endColumn", &span.end_column)?;
        }
        if let Some(hint) = &issue.hint {
            s.serialize_field("hint", hint)?;
        }
        if let Some(fix) = &issue.fix {
            s.serialize_field("fix", fix)?;
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

pub(super) fn serialize_report<S: Serializer>(
    report: &Report,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    let mut s = serializer.serialize_struct("Report", 3)?;
    s.serialize_field("valid", &report.valid)?;
    s.serialize_field("errors", &WireList(&report.errors, true))?;
    s.serialize_field("warnings", &WireList(&report.warnings, false))?;
    s.end()
}
