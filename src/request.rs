//! `buildRequest`: validate `{apigwAddress?, orgId, firmwareId, body}` and build the
//! HTTP request (SPEC §4). Paths are rooted at the input: `/orgId`, `/body/type`, ...

use std::collections::BTreeMap;

use serde::Serialize;
use serde_json::Value;

use crate::json::{self, Node};
use crate::model::{HttpRequest, CONTENT_TYPE, PATH};
use crate::options::Options;
use crate::pointer::Path;
use crate::report::{Code, Detail, Finding, Report};
use crate::rules::{Checker, JobKind};
use crate::validate::{invalid_json, too_deep};

/// The result of [`build_request_json`]: the report, and the request when valid.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Built {
    /// The validation report of the whole input.
    pub report: Report,
    /// The request, when the report is valid.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub request: Option<HttpRequest>,
}

impl Built {
    /// `{"report": ..., "request"?: ...}` as JSON text (SPEC §4), the same text as
    /// `serde_json::to_string`.
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

/// The fields of the input object.
pub(crate) const FIELDS: [&str; 4] = ["apigwAddress", "orgId", "firmwareId", "body"];

/// Validates the JSON text of `{apigwAddress?, orgId, firmwareId, body}` and builds the request.
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
pub fn build_request_json(text: &str, options: &Options) -> Built {
    let root = Path::Root("");
    let parsed = json::parse_document(text).map_err(|e| invalid_json(&e, text, &root));
    build(parsed, options)
}

/// Validates `{apigwAddress?, orgId, firmwareId, body}` as a `serde_json::Value` and builds the request.
pub fn build_request_value(value: &Value, options: &Options) -> Built {
    let parsed = json::from_value(value)
        .map(|node| (node, false))
        .map_err(|_| too_deep(&Path::Root("")));
    build(parsed, options)
}

struct Parts<'n> {
    origin: Option<String>,
    org_id: &'n str,
    firmware_id: &'n str,
    body: &'n Node<'n>,
}

fn build(parsed: Result<(Node<'_>, bool), Finding>, options: &Options) -> Built {
    let mut ck = Checker::new(options);
    let root = Path::Root("");
    let (parts, kind) = match &parsed {
        Ok((node, has_duplicates)) => {
            if *has_duplicates {
                ck.duplicates(node, &root);
            }
            input(&mut ck, node, &root)
        }
        Err(finding) => {
            ck.findings.push(finding.clone());
            (None, JobKind::Unknown)
        }
    };
    ck.firmware(kind);
    let report = Report::new(ck.findings, options.get_locale(), options.is_strict());
    let request = parts.filter(|_| report.valid).map(|parts| {
        let mut url = parts.origin.unwrap_or_default();
        url.push_str(PATH);
        url.push_str("?action=create&orgId=");
        percent_encode(parts.org_id, &mut url);
        url.push_str("&firmwareId=");
        percent_encode(parts.firmware_id, &mut url);
        let mut body = String::new();
        json::write_compact(parts.body, &mut body);
        HttpRequest {
            method: "POST".into(),
            url,
            headers: BTreeMap::from([("Content-Type".into(), CONTENT_TYPE.into())]),
            body,
        }
    });
    Built { report, request }
}

/// Checks the input object; returns its parts when they are all usable.
fn input<'n>(
    ck: &mut Checker<'_>,
    node: &'n Node<'n>,
    path: &Path<'_>,
) -> (Option<Parts<'n>>, JobKind) {
    let Some(obj) = ck.object(node, path) else {
        return (None, JobKind::Unknown);
    };
    let [address, org_id, firmware_id, body] = ck.fields(obj, path, FIELDS);
    let address_path = path.key("apigwAddress");
    let origin = match address.map(|a| ck.text(a, &address_path)) {
        None => Ok(None),
        Some(None) => Err(()),
        Some(Some(address)) => match origin(address) {
            Some(origin) => Ok(Some(origin)),
            None => {
                ck.report(&address_path, Code::InvalidValue, Detail::Gateway);
                Err(())
            }
        },
    };
    let text = |ck: &mut Checker<'_>, slot, key| {
        let p = path.key(key);
        ck.required(slot, &p).and_then(|n| ck.text(n, &p))
    };
    let org_id = text(ck, org_id, "orgId");
    let firmware_id = text(ck, firmware_id, "firmwareId");
    let body_path = path.key("body");
    let body = ck.required(body, &body_path);
    let kind = body.map_or(JobKind::Unknown, |b| ck.body(b, &body_path));
    let parts = match (origin, org_id, firmware_id, body) {
        (Ok(origin), Some(org_id), Some(firmware_id), Some(body)) => Some(Parts {
            origin,
            org_id,
            firmware_id,
            body,
        }),
        _ => None,
    };
    (parts, kind)
}

/// `https://host[:port]` from a host, `host:port` or an `http(s)` origin.
fn origin(address: &str) -> Option<String> {
    let (scheme, rest) = match address.find(':') {
        Some(i) if address[i..].starts_with("://") => {
            (address[..i].to_ascii_lowercase(), &address[i + 3..])
        }
        _ => ("https".to_owned(), address),
    };
    if scheme != "https" && scheme != "http" {
        return None;
    }
    let authority = rest.strip_suffix('/').unwrap_or(rest);
    let (host, port) = match authority.rsplit_once(':') {
        Some((host, port)) if !port.contains(']') => (host, Some(port)),
        _ => (authority, None),
    };
    let host_ok = if let Some(inner) = host.strip_prefix('[').and_then(|h| h.strip_suffix(']')) {
        !inner.is_empty()
            && inner
                .bytes()
                .all(|b| b.is_ascii_hexdigit() || b == b':' || b == b'.')
    } else {
        !host.is_empty()
            && host
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'.' || b == b'_')
    };
    let port_ok = port.is_none_or(|p| {
        !p.is_empty()
            && p.len() <= 5
            && p.bytes().all(|b| b.is_ascii_digit())
            && p.parse::<u16>().is_ok_and(|n| n > 0)
    });
    (host_ok && port_ok).then(|| format!("{scheme}://{authority}"))
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
    fn accepts_hosts_and_http_origins_only() {
        let cases = [
            ("apim.example.com", Some("https://apim.example.com")),
            ("host:8443", Some("https://host:8443")),
            ("https://host", Some("https://host")),
            ("HTTP://host:80/", Some("http://host:80")),
            ("[::1]:8080", Some("https://[::1]:8080")),
            ("ftp://host", None),
            ("javascript:alert(1)", None),
            ("host/path", None),
            ("host:0", None),
            ("host:65536", None),
            ("https://", None),
            ("a b", None),
            ("user@host", None),
        ];
        for (address, expected) in cases {
            assert_eq!(origin(address).as_deref(), expected, "{address}");
        }
    }

    #[test]
    fn encodes_query_values() {
        let mut out = String::new();
        percent_encode("a b&c=d/é~", &mut out);
        assert_eq!(out, "a%20b%26c%3Dd%2F%C3%A9~");
    }
}
