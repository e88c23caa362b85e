//! The `buildRequest` input `{apigwAddress?, orgId, firmwareId, body}`.
//!
//! - `orgId` and `firmwareId` are required non-empty strings; a JavaScript object that
//!   only became a string through `toJSON` (a `Date`) is `invalid_type`.
//! - `apigwAddress` is a host (`apim.example.com`, `host:8443`, `[::1]:8080`) or an
//!   `http`/`https` origin with at most a trailing `/`; anything else is `invalid_value`.
//!
//! ```
//! use enos_ota_job::{build_request_json, Options};
//! let built = build_request_json(r#"{"apigwAddress": "ftp://h", "orgId": "", "body": {}}"#, &Options::new());
//! let found: Vec<_> = built.report.errors.iter().map(|e| (e.path.as_str(), e.code.as_str())).collect();
//! assert_eq!(&found[..3], [("/apigwAddress", "invalid_value"), ("/orgId", "empty"), ("/firmwareId", "required")]);
//! ```

use crate::json::Node;
use crate::pointer::Path;
use crate::report::{Expected, Found, Problem};

use super::{Checker, JobKind};

/// The fields of the input object.
pub(crate) const FIELDS: [&str; 4] = ["apigwAddress", "orgId", "firmwareId", "body"];

pub(super) fn check<'n>(
    ck: &mut Checker<'_>,
    node: &'n Node<'n>,
    path: &Path<'_>,
    converted: &[String],
) -> JobKind {
    let Some(obj) = ck.object(node, path) else {
        return JobKind::Unknown;
    };
    let [address, org_id, firmware_id, body] = ck.fields(obj, path, &FIELDS);
    // A value that JavaScript turned into a string through `toJSON` was not a string.
    let text = |ck: &mut Checker<'_>, slot: Option<&'n Node<'n>>, key: &str, required: bool| {
        let p = path.key(key);
        let slot = if required {
            ck.required(slot, &p)?
        } else {
            slot?
        };
        let rendered = p.render();
        if converted.contains(&rendered) {
            let problem = Problem::InvalidType {
                expected: Expected::String,
                found: Found::Object,
            };
            ck.report(&p, problem);
            return None;
        }
        ck.text(slot, &p)
    };
    if let Some(address) = text(ck, address, "apigwAddress", false) {
        if origin(address).is_none() {
            ck.report(&path.key("apigwAddress"), Problem::InvalidAddress);
        }
    }
    text(ck, org_id, "orgId", true);
    text(ck, firmware_id, "firmwareId", true);
    let body_path = path.key("body");
    let body = ck.required(body, &body_path);
    body.map_or(JobKind::Unknown, |b| ck.body(b, &body_path))
}

/// `https://host[:port]` from a host, `host:port` or an `http(s)` origin.
pub(crate) fn origin(address: &str) -> Option<String> {
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
    (host_ok && port_ok).then(|| {
        let mut origin = String::with_capacity(scheme.len() + 3 + authority.len());
        origin.push_str(&scheme);
        origin.push_str("://");
        origin.push_str(authority);
        origin
    })
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
}
