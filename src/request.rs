//! `buildRequest`: validate `{apigwAddress?, orgId, firmwareId, body}` and build the
//! HTTP request. Paths are rooted at the input: `/orgId`, `/body/type`, ...

use std::collections::BTreeMap;

use serde::Serialize;
use serde_json::Value;

use crate::check::{self, Checked, Shape};
use crate::json::{self, Node};
use crate::model::{CreateOtaJob, HttpRequest, CONTENT_TYPE, PATH};
use crate::options::Options;
use crate::report::Report;
use crate::rules::{self, BODY_SCHEMA_MEMBER};

/// The result of [`build_request_json`]: the report, and the request when valid.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Built {
    /// The validation report of the whole input.
    pub report: Report,
    /// The request, when the report is valid.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub request: Option<HttpRequest>,
}

impl Built {
    /// `{"report": ..., "request"?: ...}` as JSON text, the same text as
    /// `serde_json::to_string`.
    #[must_use]
    pub fn to_json(&self) -> String {
        let mut out = String::from("{\"report\":");
        self.report.write_json(&mut out);
        if let Some(request) = &self.request {
            out.push_str(",\"request\":{");
            for (i, (key, value)) in [("method", &request.method), ("url", &request.url)]
                .into_iter()
                .enumerate()
            {
                if i > 0 {
                    out.push(',');
                }
                json::write_key(key, &mut out);
                json::write_string(value, &mut out);
            }
            out.push_str(",\"headers\":{");
            for (i, (name, value)) in request.headers.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                json::write_string(name, &mut out);
                out.push(':');
                json::write_string(value, &mut out);
            }
            out.push_str("},\"body\":");
            json::write_string(&request.body, &mut out);
            out.push('}');
        }
        out.push('}');
        out
    }
}

/// Validates the JSON text of `{apigwAddress?, orgId, firmwareId, body}` and builds the request.
///
/// The body is sent as given (not normalized), without a root `$schema` member.
///
/// ```
/// use enos_ota_job::{build_request_json, Options};
/// let input = r#"{"orgId": "o1", "firmwareId": "f1", "body": {"type": "verify",
///     "upgradeScope": {"type": "partial", "versionNumbers": ["1.0"], "deviceKeys": ["d"]}}}"#;
/// let built = build_request_json(input, &Options::new());
/// let request = built.request.unwrap();
/// assert_eq!(request.url, "/connect-service/v2.1/ota-jobs?action=create&orgId=o1&firmwareId=f1");
/// assert_eq!(request.body, r#"{"type":"verify","upgradeScope":{"type":"partial","versionNumbers":["1.0"],"deviceKeys":["d"]}}"#);
/// ```
#[must_use]
pub fn build_request_json(text: &str, options: &Options) -> Built {
    build(
        check::text(text, options, Shape::Request, &[], true),
        options,
    )
}

/// Validates `{apigwAddress?, orgId, firmwareId, body}` as a `serde_json::Value` and builds the request.
#[must_use]
pub fn build_request_value(value: &Value, options: &Options) -> Built {
    build(check::value(value, options, Shape::Request), options)
}

/// Builds the request of a checked input.
pub(crate) fn build(mut checked: Checked<'_>, options: &Options) -> Built {
    let report = checked.take_report(options);
    let request = checked
        .node
        .as_ref()
        .filter(|_| report.valid)
        .and_then(request);
    Built { report, request }
}

/// The request of a valid input.
fn request(input: &Node<'_>) -> Option<HttpRequest> {
    let Node::Object(obj) = input else {
        return None;
    };
    let text = |key| match obj.get(key) {
        Some(Node::String(s)) => Some(s.as_ref()),
        _ => None,
    };
    let mut url = text("apigwAddress")
        .and_then(rules::origin)
        .unwrap_or_default();
    url.push_str(PATH);
    url.push_str("?action=create&orgId=");
    percent_encode(text("orgId")?, &mut url);
    url.push_str("&firmwareId=");
    percent_encode(text("firmwareId")?, &mut url);
    let mut body = String::new();
    match obj.get("body")? {
        Node::Object(fields) if fields.members.iter().any(|(k, _)| k == BODY_SCHEMA_MEMBER) => {
            let mut sent = fields.clone();
            sent.members.retain(|(k, _)| k != BODY_SCHEMA_MEMBER);
            json::write_compact(&Node::Object(sent), &mut body);
        }
        other => json::write_compact(other, &mut body),
    }
    let mut headers = BTreeMap::new();
    headers.insert("Content-Type".into(), CONTENT_TYPE.into());
    Some(HttpRequest {
        method: "POST".into(),
        url,
        headers,
        body,
    })
}

impl CreateOtaJob {
    /// Validates the whole request and builds it.
    ///
    /// # Errors
    ///
    /// The [`Report`] of what is wrong, when the request has an error.
    ///
    /// ```
    /// use enos_ota_job::{CreateOtaJob, Options, OtaJob, UpgradeScope, VerifyJob};
    /// # fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// let job = OtaJob::Verify(VerifyJob::new(UpgradeScope::device_keys(["1.0"], ["dev1"])));
    /// let request = CreateOtaJob::new("o123", "fw 1", job).build(&Options::new())?;
    /// assert_eq!(request.method, "POST");
    /// # Ok(())
    /// # }
    /// ```
    pub fn build(&self, options: &Options) -> Result<HttpRequest, Report> {
        // Through text, so that the body keeps the model's field order.
        let text = serde_json::to_string(self).unwrap_or_default();
        let built = build(
            check::text(&text, options, Shape::Request, &[], false),
            options,
        );
        built.request.ok_or(built.report)
    }
}

/// Percent-encodes everything but RFC 3986's unreserved characters.
fn percent_encode(value: &str, out: &mut String) {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    for b in value.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(char::from(b));
        } else {
            out.push('%');
            out.push(char::from(HEX[usize::from(b >> 4)]));
            out.push(char::from(HEX[usize::from(b & 0xf)]));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encodes_query_values() {
        let mut out = String::new();
        percent_encode("a b&c=d/é~", &mut out);
        assert_eq!(out, "a%20b%26c%3Dd%2F%C3%A9~");
    }
}
