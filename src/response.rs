//! `parseResponse`: read the EnOS envelope `{code, msg, requestId, data: {jobId}}`.

use serde::ser::{SerializeStruct, Serializer};
use serde::Serialize;

use crate::json::{self, Integer, Node};
use crate::report::{put, Code};

/// What a Create OTA Job response says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ResponseOutcome {
    /// `code: 0` with a job ID.
    Created {
        /// The new job's ID.
        job_id: String,
        /// The request's trace ID.
        request_id: Option<String>,
    },
    /// Anything else.
    Failed {
        /// The platform's code; `None` when the text is not an envelope.
        code: Option<i64>,
        /// The platform's message, or why the text could not be read.
        msg: String,
        /// The request's trace ID.
        request_id: Option<String>,
        /// A code name: `invalid_json`, `invalid_response`, or the problem code of a
        /// known EnOS error (24404 `firmware_not_found`, 24610 `firmware_not_verified`,
        /// 24611 `verify_requires_partial`, 24612 `too_many_device_keys`).
        error: Option<&'static str>,
    },
}

impl ResponseOutcome {
    /// `{ok: true, jobId, requestId?}` or `{ok: false, code, msg, requestId?, error?}` as
    /// JSON text, the same text as `serde_json::to_string`.
    pub fn to_json(&self) -> String {
        let mut out = String::new();
        let field = |out: &mut String, key: &str, value: &str| {
            out.push(',');
            json::write_key(key, out);
            json::write_string(value, out);
        };
        match self {
            ResponseOutcome::Created { job_id, request_id } => {
                out.push_str("{\"ok\":true");
                field(&mut out, "jobId", job_id);
                if let Some(id) = request_id {
                    field(&mut out, "requestId", id);
                }
            }
            ResponseOutcome::Failed {
                code,
                msg,
                request_id,
                error,
            } => {
                out.push_str("{\"ok\":false,\"code\":");
                match code {
                    Some(code) => json::write_int(*code, &mut out),
                    None => out.push_str("null"),
                }
                field(&mut out, "msg", msg);
                if let Some(id) = request_id {
                    field(&mut out, "requestId", id);
                }
                if let Some(error) = error {
                    field(&mut out, "error", error);
                }
            }
        }
        out.push('}');
        out
    }
}

impl Serialize for ResponseOutcome {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            ResponseOutcome::Created { job_id, request_id } => {
                let mut s = serializer.serialize_struct("Created", 3)?;
                s.serialize_field("ok", &true)?;
                s.serialize_field("jobId", job_id)?;
                if let Some(id) = request_id {
                    s.serialize_field("requestId", id)?;
                }
                s.end()
            }
            ResponseOutcome::Failed {
                code,
                msg,
                request_id,
                error,
            } => {
                let mut s = serializer.serialize_struct("Failed", 5)?;
                s.serialize_field("ok", &false)?;
                s.serialize_field("code", code)?;
                s.serialize_field("msg", msg)?;
                if let Some(id) = request_id {
                    s.serialize_field("requestId", id)?;
                }
                if let Some(error) = error {
                    s.serialize_field("error", error)?;
                }
                s.end()
            }
        }
    }
}

/// Reads the response text of Create OTA Job. Never fails: text that is not an
/// envelope is a `Failed` outcome that says why.
///
/// ```
/// use enos_ota_job::{parse_response, ResponseOutcome};
/// let ok = parse_response(r#"{"code":0,"msg":"OK","requestId":"r1","data":{"jobId":"5ee1"}}"#);
/// assert_eq!(ok, ResponseOutcome::Created { job_id: "5ee1".into(), request_id: Some("r1".into()) });
/// let failed = parse_response(r#"{"code":24611,"msg":"upgradeScope type total is not allowed"}"#);
/// assert_eq!(failed.to_json(), r#"{"ok":false,"code":24611,"msg":"upgradeScope type total is not allowed","error":"verify_requires_partial"}"#);
/// ```
pub fn parse_response(text: &str) -> ResponseOutcome {
    let failed = |code, msg: String, request_id, error| ResponseOutcome::Failed {
        code,
        msg,
        request_id,
        error: Some(error),
    };
    let node = match json::parse(text) {
        Ok(node) => node,
        Err(e) => {
            let (line, column) = e.line_column(text);
            let mut msg = String::from("the response is not JSON (line ");
            put!(&mut msg, line, " column ", column, ")");
            return failed(None, msg, None, "invalid_json");
        }
    };
    let Node::Object(envelope) = &node else {
        let mut msg = String::from("the response is a JSON ");
        put!(&mut msg, node.type_name(), ", not an object");
        return failed(None, msg, None, "invalid_json");
    };
    let string = |node: Option<&Node<'_>>| match node {
        Some(Node::String(s)) => Some(s.to_string()),
        _ => None,
    };
    let code = match envelope.get("code") {
        // The reader's integer classification: `-0` is 0, as `str::parse` reads it.
        Some(Node::Number(raw)) => match json::parse_integer(raw) {
            Integer::Value(v) => Some(v),
            Integer::NegativeZero => Some(0),
            Integer::TooBig | Integer::Fraction => None,
        },
        _ => None,
    };
    let msg = string(envelope.get("msg")).unwrap_or_default();
    let request_id = string(envelope.get("requestId"));
    let job_id = match envelope.get("data") {
        Some(Node::Object(data)) => string(data.get("jobId")),
        _ => None,
    };
    match (code, job_id) {
        (Some(0), Some(job_id)) => ResponseOutcome::Created { job_id, request_id },
        (Some(0) | None, _) => failed(code, msg, request_id, "invalid_response"),
        (Some(code), _) => ResponseOutcome::Failed {
            code: Some(code),
            msg,
            request_id,
            error: known_error(code),
        },
    }
}

fn known_error(code: i64) -> Option<&'static str> {
    [
        Code::FirmwareNotFound,
        Code::FirmwareNotVerified,
        Code::VerifyRequiresPartial,
        Code::TooManyDeviceKeys,
    ]
    .into_iter()
    .find(|c| c.enos_code().map(i64::from) == Some(code))
    .map(Code::as_str)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_code_as_str_parse_reads_integers() {
        for (literal, code) in [
            ("-0", Some(0)),
            ("24611", Some(24611)),
            ("-9223372036854775808", Some(i64::MIN)),
            ("9223372036854775808", None),
            ("1.0", None),
            ("1e3", None),
            ("-0.0", None),
        ] {
            let outcome = parse_response(&format!(r#"{{"code":{literal},"msg":"m"}}"#));
            let ResponseOutcome::Failed { code: got, .. } = outcome else {
                panic!("{literal}: {outcome:?}");
            };
            assert_eq!(got, code, "{literal}");
            assert_eq!(literal.parse::<i64>().ok(), code, "{literal}");
        }
    }
}
