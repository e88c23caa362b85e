//! WebAssembly bindings: conversion only, no rule.
//!
//! The npm package's hand-written JavaScript (`pkg/api.js`) turns any JS value into JSON
//! text and calls these exports; each takes that text and the options as JSON text
//! (`""` for the defaults) and returns the result as JSON text in the shape of SPEC §3/§4.
//! JSON text both ways was measured faster than walking JS objects from Rust through
//! serde-wasm-bindgen, and keeps `validate(value)` identical to `validateJson(text)`.

use std::cell::RefCell;

use wasm_bindgen::prelude::*;

use crate::Options;

thread_local! {
    /// The options of the previous call, by their JSON text: callers usually pass the
    /// same options each time, and reading them once saves a parse per call.
    static OPTIONS: RefCell<(String, Options)> = RefCell::new((String::new(), Options::default()));
}

fn with_options<R>(text: &str, f: impl FnOnce(&Options) -> R) -> R {
    OPTIONS.with(|cell| {
        let mut cached = cell.borrow_mut();
        if cached.0 != text {
            cached.1 = if text.is_empty() {
                Options::default()
            } else {
                Options::from_json_str(text)
            };
            cached.0.clear();
            cached.0.push_str(text);
        }
        f(&cached.1)
    })
}

/// The report as JSON text, or nothing for the common case of a clean report (valid,
/// no warnings), which the JS side then builds itself without decoding a string.
fn report_text(report: crate::Report) -> Option<String> {
    if report.valid && report.warnings.is_empty() {
        None
    } else {
        Some(report.to_json())
    }
}

/// `validateJson(text, options)`: the report as JSON text (`undefined` when clean).
#[wasm_bindgen(js_name = validateJson)]
pub fn validate_json(text: &str, options: &str) -> Option<String> {
    with_options(options, |o| report_text(crate::validate_json(text, o)))
}

/// `validateJson` for long texts: the JS side encodes them with `TextEncoder` (native),
/// which beats wasm-bindgen's per-character copy of a `&str` above a few kilobytes.
#[wasm_bindgen(js_name = validateBytes)]
pub fn validate_bytes(bytes: &[u8], options: &str) -> Option<String> {
    with_options(options, |o| report_text(crate::validate_bytes(bytes, o)))
}

/// `normalize`: `{ report, body? }` as JSON text.
#[wasm_bindgen(js_name = normalizeJson)]
pub fn normalize_json(text: &str, options: &str) -> String {
    with_options(options, |o| crate::normalize_json(text, o).to_json())
}

/// `buildRequest`: `{ report, request? }` as JSON text; `text` is the input object.
#[wasm_bindgen(js_name = buildRequestJson)]
pub fn build_request_json(text: &str, options: &str) -> String {
    with_options(options, |o| crate::build_request_json(text, o).to_json())
}

/// `parseResponse`: the outcome as JSON text.
#[wasm_bindgen(js_name = parseResponse)]
pub fn parse_response(text: &str) -> String {
    crate::parse_response(text).to_json()
}

#[cfg(test)]
mod tests {
    //! The exports as the JS wrapper calls them (run by `make test-wasm-node` and
    //! `make test-wasm-browser`).
    use serde_json::{json, Value};
    use wasm_bindgen_test::wasm_bindgen_test;

    const BODY: &str = r#"{"type":"upgrade","upgradePolicy":"snapshot","enableUpgradeRequest":true,
        "upgradeScope":{"type":"partial","versionNumbers":["1.0"],"deviceKeys":["d1","d2"]}}"#;

    fn parse(text: &str) -> Value {
        serde_json::from_str(text).expect("the exports return JSON text")
    }

    /// A validation export's result: `None` stands for the clean report.
    fn report(text: Option<String>) -> Value {
        text.map_or_else(
            || json!({"valid": true, "errors": [], "warnings": []}),
            |t| parse(&t),
        )
    }

    #[wasm_bindgen_test]
    fn validate_json_export() {
        assert_eq!(
            super::validate_json(BODY, ""),
            None,
            "a clean report is built in JS"
        );
        let warned = report(super::validate_json(&BODY.replace("{", "{\"x\":1,"), ""));
        assert_eq!(warned["valid"], json!(true));
        assert_eq!(warned["warnings"][0]["code"], "unknown_field");
        let bad = report(super::validate_json(
            r#"{"type":"upgrade","upgradeTimeout":1}"#,
            r#"{"locale":"zh"}"#,
        ));
        assert_eq!(bad["valid"], json!(false));
        let timeout = bad["errors"]
            .as_array()
            .unwrap()
            .iter()
            .find(|e| e["path"] == "/upgradeTimeout")
            .unwrap();
        assert_eq!(timeout["code"], "out_of_range");
        assert_eq!(timeout["enosCode"], Value::Null);
        assert!(timeout["message"]
            .as_str()
            .unwrap()
            .chars()
            .any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)));
    }

    #[wasm_bindgen_test]
    fn validate_bytes_export_matches_text() {
        for text in [BODY, "{", r#"{"type":"verify","type":"verify"}"#, "[]"] {
            for options in ["", r#"{"strict":true}"#, "nonsense"] {
                assert_eq!(
                    super::validate_bytes(text.as_bytes(), options),
                    super::validate_json(text, options),
                    "{text} {options}"
                );
            }
        }
    }

    #[wasm_bindgen_test]
    fn options_text_and_cache() {
        // A bad option is reported, the next call with other options is not affected.
        let bad = report(super::validate_json(BODY, r#"{"locale":"fr","strict":1}"#));
        let paths: Vec<&str> = bad["errors"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["path"].as_str().unwrap())
            .collect();
        assert_eq!(paths, ["/options/locale", "/options/strict"]);
        assert_eq!(report(super::validate_json(BODY, ""))["valid"], json!(true));
        let not_json = report(super::validate_json(BODY, "{"));
        assert_eq!(not_json["errors"][0]["path"], "/options");
        assert_eq!(not_json["errors"][0]["code"], "invalid_option");
        let strict = report(super::validate_json(r#"{"x":1}"#, r#"{"strict":true}"#));
        assert!(strict["errors"]
            .as_array()
            .unwrap()
            .iter()
            .any(|e| e["code"] == "unknown_field"));
        assert_eq!(
            report(super::validate_json(r#"{"x":1}"#, ""))["warnings"][0]["code"],
            "unknown_field"
        );
    }

    #[wasm_bindgen_test]
    fn normalize_export() {
        let out = parse(&super::normalize_json(BODY, ""));
        assert_eq!(out["report"]["valid"], json!(true));
        assert_eq!(out["body"]["upgradeTimeout"], json!(7200));
        assert_eq!(out["body"]["maximumConcurrency"], json!(300));
        assert_eq!(out["body"]["retryPolicy"], json!({"enableRetry": false}));
        let bad = parse(&super::normalize_json("{}", ""));
        assert_eq!(bad["report"]["valid"], json!(false));
        assert!(bad.get("body").is_none());
    }

    #[wasm_bindgen_test]
    fn build_request_export() {
        let input = format!(
            r#"{{"apigwAddress":"https://h:8443","orgId":"o 1","firmwareId":"f","body":{BODY}}}"#
        );
        let out = parse(&super::build_request_json(&input, ""));
        assert_eq!(out["report"]["valid"], json!(true), "{out}");
        assert_eq!(
            out["request"]["url"],
            "https://h:8443/connect-service/v2.1/ota-jobs?action=create&orgId=o%201&firmwareId=f"
        );
        assert_eq!(out["request"]["method"], "POST");
        assert_eq!(parse(out["request"]["body"].as_str().unwrap()), parse(BODY));
        let bad = parse(&super::build_request_json(r#"{"body":{}}"#, ""));
        assert_eq!(bad["report"]["errors"][0]["path"], "/orgId");
        assert!(bad.get("request").is_none());
    }

    #[wasm_bindgen_test]
    fn parse_response_export() {
        let ok = parse(&super::parse_response(
            r#"{"code":0,"msg":"OK","data":{"jobId":"j"}}"#,
        ));
        assert_eq!(ok, json!({"ok": true, "jobId": "j"}));
        let junk = parse(&super::parse_response("<html>"));
        assert_eq!(junk["ok"], json!(false));
        assert_eq!(junk["code"], Value::Null);
        assert_eq!(junk["error"], "invalid_json");
    }
}
