//! The SARIF format: one SARIF 2.1.0 log for the whole run. Every code is a rule;
//! every problem a result with its physical location (file and region, columns in
//! Unicode code points) and its JSON Pointer as a logical location.

use enos_ota_job::{Code, Severity};
use serde_json::{json, Value};

use super::{hint, issues, position, Checked, Sink};
use crate::inputs::STDIN_NAME;

const SCHEMA: &str =
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

#[derive(Default)]
pub struct Sarif {
    results: Vec<Value>,
    notifications: Vec<Value>,
}

impl Sarif {
    pub fn checked(&mut self, checked: &Checked<'_>) {
        for (level, issue) in issues(checked.report) {
            let mut physical = json!({ "artifactLocation": { "uri": uri(checked.name) } });
            if let Some(p) = position(issue) {
                physical["region"] = json!({
                    "startLine": p.line,
                    "startColumn": p.column,
                    "endLine": p.end_line,
                    "endColumn": p.end_column,
                    "byteOffset": p.start,
                    "byteLength": p.end.saturating_sub(p.start),
                });
            }
            let mut text = issue.message.clone();
            if let Some(hint) = hint(issue) {
                text.push_str("\nhint: ");
                text.push_str(hint);
            }
            let mut result = json!({
                "ruleId": issue.code.as_str(),
                "level": level.as_str(),
                "message": { "text": text },
                "locations": [{
                    "physicalLocation": physical,
                    "logicalLocations": [{ "fullyQualifiedName": issue.path }],
                }],
            });
            if let Some(index) = Code::ALL.iter().position(|&c| c == issue.code) {
                result["ruleIndex"] = index.into();
            }
            if let Some(hint) = hint(issue) {
                result["properties"] = json!({ "hint": hint });
            }
            self.results.push(result);
        }
    }

    pub fn unreadable(&mut self, name: &str, why: &str) {
        self.notifications.push(json!({
            "level": "error",
            "message": { "text": format!("cannot read {name}: {why}") },
            "locations": [{ "physicalLocation": { "artifactLocation": { "uri": uri(name) } } }],
        }));
    }

    pub fn finish(self, sink: &mut Sink) {
        let rules: Vec<Value> = Code::ALL.iter().map(|&code| rule(code)).collect();
        let log = json!({
            "$schema": SCHEMA,
            "version": "2.1.0",
            "runs": [{
                "tool": { "driver": {
                    "name": "ota-job",
                    "version": env!("CARGO_PKG_VERSION"),
                    "semanticVersion": env!("CARGO_PKG_VERSION"),
                    "rules": rules,
                }},
                "invocations": [{
                    "executionSuccessful": self.notifications.is_empty(),
                    "toolExecutionNotifications": self.notifications,
                }],
                "columnKind": "unicodeCodePoints",
                "results": self.results,
            }],
        });
        let text = serde_json::to_string_pretty(&log).unwrap_or_default();
        sink.write(&text);
        sink.write("\n");
    }
}

fn rule(code: Code) -> Value {
    let level = match code.severity() {
        Severity::Error => "error",
        Severity::Warning => "warning",
    };
    let mut rule = json!({
        "id": code.as_str(),
        "shortDescription": { "text": code.description() },
        "defaultConfiguration": { "level": level },
    });
    if let Some(enos) = code.enos_code() {
        rule["properties"] = json!({ "enosCode": enos });
    }
    rule
}

/// A relative URI reference for a path as given (RFC 3986: every byte outside the
/// unreserved set and `/` percent-encoded); an absolute path becomes a `file:` URI.
pub fn uri(name: &str) -> String {
    let name = if name == STDIN_NAME { "stdin" } else { name };
    let mut out = String::new();
    if name.starts_with('/') {
        out.push_str("file://");
    }
    for &b in name.as_bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uris_are_percent_encoded() {
        assert_eq!(uri("jobs/a b#1.json"), "jobs/a%20b%231.json");
        assert_eq!(uri("/tmp/é.json"), "file:///tmp/%C3%A9.json");
        assert_eq!(uri(STDIN_NAME), "stdin");
    }
}
