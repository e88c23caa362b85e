//! `normalize`: a valid body with every documented default made explicit.
//!
//! - `upgradeTimeout` 7200;
//! - upgrade jobs: `maximumConcurrency` 300; `retryPolicy` `{"enableRetry": false}`
//!   when absent, `enableRetry: false` inside one that lacks it; `isRepeatDaily:
//!   false` inside a `schedulePolicy` that lacks it. An absent `schedulePolicy`
//!   stays absent: "start now" needs a clock.
//! - numeric strings in checked integer fields become numbers; unknown and ignored
//!   fields are kept as given, and so is a root `$schema`.

use std::borrow::Cow;

use serde::ser::{SerializeStruct, Serializer};
use serde::Serialize;
use serde_json::Value;

use crate::check::{self, Checked, Shape};
use crate::json::{self, parse_digits, Node, Object};
use crate::options::Options;
use crate::report::Report;
use crate::rules::JobKind;

/// The result of [`normalize_json`]: the report, and the normalized body when valid.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Normalized {
    /// The validation report of the body as given.
    pub report: Report,
    /// The normalized body as compact JSON text (members in the given order), when valid.
    pub body: Option<String>,
}

impl Normalized {
    /// The normalized body as a `serde_json::Value`.
    #[must_use]
    pub fn body_value(&self) -> Option<Value> {
        self.body
            .as_deref()
            .and_then(|b| serde_json::from_str(b).ok())
    }

    /// `{"report": ..., "body": {...}}`, the body's members in order.
    #[must_use]
    pub fn to_json(&self) -> String {
        let mut out = String::from("{\"report\":");
        self.report.write_json(&mut out);
        if let Some(body) = &self.body {
            out.push_str(",\"body\":");
            out.push_str(body);
        }
        out.push('}');
        out
    }
}

impl Serialize for Normalized {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let body = self.body_value();
        let mut s = serializer.serialize_struct("Normalized", 1 + usize::from(body.is_some()))?;
        s.serialize_field("report", &self.report)?;
        if let Some(body) = body {
            s.serialize_field("body", &body)?;
        }
        s.end()
    }
}

/// Validates JSON text and, when valid, returns it with its defaults made explicit.
///
/// ```
/// use enos_ota_job::{normalize_json, Options};
/// let text = r#"{"type":"upgrade","upgradePolicy":"snapshot","enableUpgradeRequest":true,
///     "upgradeScope":{"type":"total","versionNumbers":["1.0"]}}"#;
/// let normalized = normalize_json(text, &Options::new());
/// assert_eq!(normalized.body.unwrap(),
///     r#"{"type":"upgrade","upgradePolicy":"snapshot","enableUpgradeRequest":true,"upgradeScope":{"type":"total","versionNumbers":["1.0"]},"upgradeTimeout":7200,"maximumConcurrency":300,"retryPolicy":{"enableRetry":false}}"#);
/// ```
#[must_use]
pub fn normalize_json(text: &str, options: &Options) -> Normalized {
    normalize_checked(check::text(text, options, Shape::Body, &[], true), options)
}

/// Validates a `serde_json::Value` and, when valid, returns it with its defaults made explicit.
#[must_use]
pub fn normalize_value(value: &Value, options: &Options) -> Normalized {
    normalize_checked(check::value(value, options, Shape::Body), options)
}

/// [`normalize_json`] of text that was written from a value (no positions), with the
/// values JavaScript could not write (for the npm package).
pub(crate) fn normalize_checked(mut checked: Checked<'_>, options: &Options) -> Normalized {
    let kind = checked.kind;
    let report = checked.take_report(options);
    let body = checked.node.filter(|_| report.valid).map(|body| {
        let mut out = String::new();
        json::write_compact(&normalize(body, kind), &mut out);
        out
    });
    Normalized { report, body }
}

/// The normalized body (the body must be valid).
pub(crate) fn normalize(mut body: Node<'_>, kind: JobKind) -> Node<'_> {
    let Node::Object(obj) = &mut body else {
        return body;
    };
    integer_or(obj, "upgradeTimeout", "7200");
    if kind != JobKind::Upgrade {
        return body;
    }
    integer_or(obj, "maximumConcurrency", "300");
    match member(obj, "retryPolicy") {
        Some(Node::Object(retry)) => {
            boolean_or(retry, "enableRetry", false);
            integer(retry, "retryInterval");
            integer(retry, "retryCount");
        }
        _ => {
            let retry = Object {
                members: vec![("enableRetry".into(), Node::Bool(false).into())],
                has_duplicates: false,
            };
            set(obj, "retryPolicy", Node::Object(retry));
        }
    }
    if let Some(Node::Object(schedule)) = member(obj, "schedulePolicy") {
        boolean_or(schedule, "isRepeatDaily", false);
        for field in ["startTimestamp", "endTimestamp", "timezoneOffsetInMinutes"] {
            integer(schedule, field);
        }
    }
    body
}

/// The normalized body without the fields the platform ignores, for the typed model.
pub(crate) fn for_model(body: Node<'_>, kind: JobKind) -> Node<'_> {
    let mut body = normalize(body, kind);
    if let Node::Object(obj) = &mut body {
        if let Some(Node::Object(scope)) = member(obj, "upgradeScope") {
            if matches!(scope.get("type"), Some(Node::String(t)) if t == "total") {
                scope
                    .members
                    .retain(|(k, _)| k == "type" || k == "versionNumbers");
            }
        }
    }
    body
}

fn member<'o, 'a>(obj: &'o mut Object<'a>, key: &str) -> Option<&'o mut Node<'a>> {
    obj.members
        .iter_mut()
        .rev()
        .find(|(k, _)| k == key)
        .map(|(_, v)| &mut v.node)
}

/// Sets `key` to `value`, in place when present (even as `null`), else at the end.
fn set<'a>(obj: &mut Object<'a>, key: &'static str, value: Node<'a>) {
    match member(obj, key) {
        Some(slot) => *slot = value,
        None => obj.members.push((Cow::Borrowed(key), value.into())),
    }
}

fn boolean_or(obj: &mut Object<'_>, key: &'static str, default: bool) {
    if matches!(member(obj, key), None | Some(Node::Null)) {
        set(obj, key, Node::Bool(default));
    }
}

fn integer_or(obj: &mut Object<'_>, key: &'static str, default: &'static str) {
    if matches!(member(obj, key), None | Some(Node::Null)) {
        set(obj, key, Node::Number(Cow::Borrowed(default)));
    } else {
        integer(obj, key);
    }
}

/// Turns a numeric string at `key` into the number.
fn integer(obj: &mut Object<'_>, key: &str) {
    if let Some(node) = member(obj, key) {
        if let Node::String(s) = node {
            if let Some(v) = parse_digits(s) {
                let mut digits = String::new();
                json::write_int(v, &mut digits);
                *node = Node::Number(Cow::Owned(digits));
            }
        }
    }
}
