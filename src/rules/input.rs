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
///
/// Read byte by byte (the address is ASCII when it is valid): the `str` searches and
/// `u16` parsing this took before cost the WebAssembly build 0.4 KB gzip.
pub(crate) fn origin(address: &str) -> Option<String> {
    let bytes = address.as_bytes();
    // A scheme is what comes before the first `:` when `//` follows it.
    let (scheme, rest) = match bytes.iter().position(|&b| b == b':') {
        Some(i) if bytes[i..].starts_with(b"://") => {
            let scheme = &address[..i];
            let known = ["https", "http"]
                .into_iter()
                .find(|s| scheme.eq_ignore_ascii_case(s))?;
            (known, &bytes[i + 3..])
        }
        _ => ("https", bytes),
    };
    let authority = rest.strip_suffix(b"/").unwrap_or(rest);
    let (host, port) = match authority.iter().rposition(|&b| b == b':') {
        Some(i) if !authority[i + 1..].contains(&b']') => {
            (&authority[..i], Some(&authority[i + 1..]))
        }
        _ => (authority, None),
    };
    let host_ok = match host {
        [b'[', inner @ .., b']'] => {
            !inner.is_empty()
                && inner
                    .iter()
                    .all(|&b| b.is_ascii_hexdigit() || b == b':' || b == b'.')
        }
        _ => {
            !host.is_empty()
                && host
                    .iter()
                    .all(|&b| b.is_ascii_alphanumeric() || b == b'-' || b == b'.' || b == b'_')
        }
    };
    // 1 to 65535, in at most five digits.
    let port_ok = port.is_none_or(|p| {
        (1..=5).contains(&p.len())
            && p.iter().all(u8::is_ascii_digit)
            && (1..=65_535).contains(&p.iter().fold(0u32, |n, &d| n * 10 + u32::from(d - b'0')))
    });
    // `rest` follows an ASCII `://` or is the whole address, so it starts on a character.
    let authority = &address[address.len() - rest.len()..][..authority.len()];
    (host_ok && port_ok).then(|| {
        let mut origin = String::with_capacity(scheme.len() + 3 + authority.len());
        origin.push_str(scheme);
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

    /// The `str`-based reading `origin` replaced, as the oracle of the byte-based one.
    fn origin_by_str(address: &str) -> Option<String> {
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
        let host_ok = match host.strip_prefix('[').and_then(|h| h.strip_suffix(']')) {
            Some(inner) => {
                !inner.is_empty()
                    && inner
                        .bytes()
                        .all(|b| b.is_ascii_hexdigit() || b == b':' || b == b'.')
            }
            None => {
                !host.is_empty()
                    && host
                        .bytes()
                        .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'.' || b == b'_')
            }
        };
        let port_ok = port.is_none_or(|p| {
            !p.is_empty()
                && p.len() <= 5
                && p.bytes().all(|b| b.is_ascii_digit())
                && p.parse::<u16>().is_ok_and(|n| n > 0)
        });
        (host_ok && port_ok).then(|| format!("{scheme}://{authority}"))
    }

    #[test]
    fn reads_addresses_as_the_str_version_did() {
        const PIECES: [&str; 24] = [
            "h", "t", "p", "s", "HTTP", "https", ":", "/", "//", "://", "[", "]", "::1", "0",
            "65535", "65536", "8443", "a", ".", "-", "_", "é", " ", "@",
        ];
        let mut x: u64 = 0x2545_F491_4F6C_DD1D;
        let mut accepted = 0;
        for _ in 0..200_000 {
            let mut address = String::new();
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            let mut r = x;
            for _ in 0..(r % 9) {
                r /= 9;
                address.push_str(PIECES[(r % 24) as usize]);
                r /= 24;
            }
            let read = origin(&address);
            assert_eq!(read, origin_by_str(&address), "{address:?}");
            accepted += usize::from(read.is_some());
        }
        assert!(
            accepted > 10_000,
            "the corpus reaches valid addresses: {accepted}"
        );
    }
}
