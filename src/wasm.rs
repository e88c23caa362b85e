//! WebAssembly bindings: conversion only, no rule.
//!
//! The npm package's hand-written JavaScript (`pkg/api.js`) turns any JS value into JSON
//! text, writes it into the input buffer (`inputBuffer`) and calls these exports with its
//! length, the options as JSON text (`""` for the defaults) and the list of values JSON
//! could not carry (`""` for none, else `[["/path", "kind"], ...]`); they return the
//! result as JSON text (the report's wire format).
//! JSON text both ways was measured faster than walking JS objects from Rust through
//! serde-wasm-bindgen, and keeps `validate(value)` identical to `validateJson(text)`.
//! Every message, including those of the JS values, is written here in Rust.

use std::cell::RefCell;

use wasm_bindgen::prelude::*;

use crate::check::{self, Shape};
use crate::report::{Finding, JsonError, Problem, Report};
use crate::rules;
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

/// Texts come in through one buffer in wasm memory that the JS side fills with
/// `TextEncoder.encodeInto`: a native copy, where wasm-bindgen's `&str` argument
/// copies character by character (measured as a quarter of a small call's time).
/// Above this capacity the buffer is freed after the call instead of kept.
const KEEP_INPUT: usize = 1 << 20;

thread_local! {
    static INPUT: RefCell<Vec<u8>> = const { RefCell::new(Vec::new()) };
}

/// `wasmMemory()`: the module's `WebAssembly.Memory`, for writing into the input buffer.
#[wasm_bindgen(js_name = wasmMemory)]
pub fn wasm_memory() -> JsValue {
    wasm_bindgen::memory()
}

/// `inputBuffer(filled, capacity)`: room for `capacity` bytes of input, of which the
/// first `filled` (written by the caller before a previous `inputBuffer`) are kept.
/// Returns where to write; the address changes when the buffer grows.
#[wasm_bindgen(js_name = inputBuffer)]
pub fn input_buffer(filled: usize, capacity: usize) -> *mut u8 {
    INPUT.with(|cell| {
        let mut buf = cell.borrow_mut();
        let filled = filled.min(buf.capacity());
        // SAFETY: u8 has no invalid values, and the caller wrote these `filled` bytes
        // through the pointer this function returned before.
        unsafe { buf.set_len(filled) };
        buf.reserve(capacity.saturating_sub(filled));
        buf.as_mut_ptr()
    })
}

/// Runs `f` on the first `len` bytes of the input buffer, then empties it.
fn with_input<R>(len: usize, f: impl FnOnce(&[u8]) -> R) -> R {
    INPUT.with(|cell| {
        let mut buf = cell.borrow_mut();
        let len = len.min(buf.capacity());
        // SAFETY: as in `input_buffer`: the caller wrote `len` bytes there.
        unsafe { buf.set_len(len) };
        let out = f(&buf);
        buf.clear();
        if buf.capacity() > KEEP_INPUT {
            *buf = Vec::new();
        }
        out
    })
}

/// The input as text (`TextEncoder` always writes UTF-8).
fn text_of(bytes: &[u8]) -> std::borrow::Cow<'_, str> {
    String::from_utf8_lossy(bytes)
}

fn foreign_of(text: &str) -> Vec<rules::Foreign> {
    if text.is_empty() {
        Vec::new()
    } else {
        rules::parse_foreign(text)
    }
}

/// `validate(value)` (`positions` false: the text was written from the value) and
/// `validateJson(text)` (`positions` true) on the `len` bytes of the input buffer: the
/// report as JSON text (`undefined` when clean).
#[wasm_bindgen(js_name = validateInput)]
pub fn validate_input(len: usize, options: &str, foreign: &str, positions: bool) -> Option<String> {
    let foreign = foreign_of(foreign);
    with_input(len, |bytes| {
        with_options(options, |o| {
            let report = match std::str::from_utf8(bytes) {
                Ok(text) => check::text(text, o, Shape::Body, &foreign, positions).take_report(o),
                Err(_) => check::bytes(bytes, o, Shape::Body).take_report(o),
            };
            report_text(report)
        })
    })
}

/// `normalize`: `{ report, body? }` as JSON text.
#[wasm_bindgen(js_name = normalizeInput)]
pub fn normalize_input(len: usize, options: &str, foreign: &str) -> String {
    let foreign = foreign_of(foreign);
    with_input(len, |bytes| {
        with_options(options, |o| {
            let text = text_of(bytes);
            let checked = check::text(&text, o, Shape::Body, &foreign, false);
            crate::normalize::normalize_checked(checked, o).to_json()
        })
    })
}

/// `buildRequest`: `{ report, request? }` as JSON text; the input is the input object.
#[wasm_bindgen(js_name = buildRequestInput)]
pub fn build_request_input(len: usize, options: &str, foreign: &str) -> String {
    let foreign = foreign_of(foreign);
    with_input(len, |bytes| {
        with_options(options, |o| {
            let text = text_of(bytes);
            let checked = check::text(&text, o, Shape::Request, &foreign, false);
            crate::request::build(checked, o).to_json()
        })
    })
}

/// `parseResponse`: the outcome as JSON text.
#[wasm_bindgen(js_name = parseResponseInput)]
pub fn parse_response_input(len: usize) -> String {
    with_input(len, |bytes| {
        crate::parse_response(&text_of(bytes)).to_json()
    })
}

/// What the package returns when the module cannot take an input (its memory is full),
/// made in advance: `kind` 0 a report, 1 `{report}` (normalize, buildRequest), 2 a
/// `parseResponse` outcome.
#[wasm_bindgen(js_name = failureText)]
pub fn failure_text(kind: u8, options: &str) -> String {
    with_options(options, |o| {
        let problem = Problem::InvalidJson {
            error: JsonError::OutOfMemory,
        };
        let report = Report::new(
            vec![Finding::new(String::new(), problem)],
            o.locale(),
            false,
            None,
        );
        match kind {
            0 => report.to_json(),
            1 => format!("{{\"report\":{}}}", report.to_json()),
            _ => {
                let msg = report
                    .errors
                    .first()
                    .map(|e| e.message.clone())
                    .unwrap_or_default();
                let mut out = String::from("{\"ok\":false,\"code\":null,\"msg\":");
                crate::json::write_string(&msg, &mut out);
                out.push_str(",\"error\":\"invalid_json\"}");
                out
            }
        }
    })
}

#[cfg(test)]
mod tests {
    //! The exports as the JS wrapper calls them (run by `make test-wasm-node` and
    //! `make test-wasm-browser`).
    use serde_json::{json, Value};
    use wasm_bindgen_test::wasm_bindgen_test;

    const BODY: &str = r#"{"type":"upgrade","upgradePolicy":"snapshot","enableUpgradeRequest":true,
        "upgradeScope":{"type":"partial","versionNumbers":["1.0"],"deviceKeys":["d1","d2"]}}"#;

    /// Writes `text` into the input buffer as the JS side does; returns its length.
    fn put(text: &str) -> usize {
        let ptr = super::input_buffer(0, text.len());
        // SAFETY: input_buffer reserved text.len() bytes at ptr.
        unsafe { std::ptr::copy_nonoverlapping(text.as_ptr(), ptr, text.len()) };
        text.len()
    }

    fn validate_json(text: &str, options: &str) -> Option<String> {
        super::validate_input(put(text), options, "", true)
    }

    fn normalize_json(text: &str, options: &str) -> String {
        super::normalize_input(put(text), options, "")
    }

    fn build_request_json(text: &str, options: &str) -> String {
        super::build_request_input(put(text), options, "")
    }

    fn parse_response(text: &str) -> String {
        super::parse_response_input(put(text))
    }

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
            validate_json(BODY, ""),
            None,
            "a clean report is built in JS"
        );
        let warned = report(validate_json(&BODY.replace("{", "{\"x\":1,"), ""));
        assert_eq!(warned["valid"], json!(true));
        assert_eq!(warned["warnings"][0]["code"], "unknown_field");
        let bad = report(validate_json(
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
    fn input_buffer_in_two_steps() {
        // As api.js does for non-ASCII text: a first part, then more room, then the rest.
        let text = r#"{"type":"verify","name":{"defaultValue":"升级任务"},"x":1}"#;
        let (head, tail) = text.split_at(text.find('升').unwrap());
        let ptr = super::input_buffer(0, head.len());
        unsafe { std::ptr::copy_nonoverlapping(head.as_ptr(), ptr, head.len()) };
        let ptr = super::input_buffer(head.len(), text.len() * 3);
        unsafe { std::ptr::copy_nonoverlapping(tail.as_ptr(), ptr.add(head.len()), tail.len()) };
        let got = report(super::validate_input(text.len(), "", "", true));
        let want = parse(&crate::validate_json(text, &crate::Options::new()).to_json());
        assert_eq!(got, want);
        assert_eq!(got["warnings"][0]["path"], "/x");
        // A big input, then the buffer is released and small inputs still work.
        let big = format!(r#"{{"type":"verify","x":"{}"}}"#, "a".repeat(3 << 20));
        assert_eq!(report(validate_json(&big, ""))["warnings"][0]["path"], "/x");
        super::INPUT.with(|b| assert_eq!(b.borrow().capacity(), 0, "a big buffer is freed"));
        for (text, options) in [(BODY, ""), ("{", r#"{"strict":true}"#), ("[]", "nonsense")] {
            let o = match options {
                "" => crate::Options::new(),
                _ => crate::Options::from_json_str(options),
            };
            let want = crate::validate_json(text, &o);
            assert_eq!(report(validate_json(text, options)), parse(&want.to_json()));
        }
    }

    #[wasm_bindgen_test]
    fn options_text_and_cache() {
        // A bad option is reported, the next call with other options is not affected.
        let bad = report(validate_json(BODY, r#"{"locale":"fr","strict":1}"#));
        let paths: Vec<&str> = bad["errors"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["path"].as_str().unwrap())
            .collect();
        assert_eq!(paths, ["/options/locale", "/options/strict"]);
        assert_eq!(report(validate_json(BODY, ""))["valid"], json!(true));
        let not_json = report(validate_json(BODY, "{"));
        assert_eq!(not_json["errors"][0]["path"], "/options");
        assert_eq!(not_json["errors"][0]["code"], "invalid_option");
        let strict = report(validate_json(r#"{"x":1}"#, r#"{"strict":true}"#));
        assert!(strict["errors"]
            .as_array()
            .unwrap()
            .iter()
            .any(|e| e["code"] == "unknown_field"));
        assert_eq!(
            report(validate_json(r#"{"x":1}"#, ""))["warnings"][0]["code"],
            "unknown_field"
        );
    }

    #[wasm_bindgen_test]
    fn normalize_export() {
        let out = parse(&normalize_json(BODY, ""));
        assert_eq!(out["report"]["valid"], json!(true));
        assert_eq!(out["body"]["upgradeTimeout"], json!(7200));
        assert_eq!(out["body"]["maximumConcurrency"], json!(300));
        assert_eq!(out["body"]["retryPolicy"], json!({"enableRetry": false}));
        let bad = parse(&normalize_json("{}", ""));
        assert_eq!(bad["report"]["valid"], json!(false));
        assert!(bad.get("body").is_none());
    }

    #[wasm_bindgen_test]
    fn build_request_export() {
        let input = format!(
            r#"{{"apigwAddress":"https://h:8443","orgId":"o 1","firmwareId":"f","body":{BODY}}}"#
        );
        let out = parse(&build_request_json(&input, ""));
        assert_eq!(out["report"]["valid"], json!(true), "{out}");
        assert_eq!(
            out["request"]["url"],
            "https://h:8443/connect-service/v2.1/ota-jobs?action=create&orgId=o%201&firmwareId=f"
        );
        assert_eq!(out["request"]["method"], "POST");
        assert_eq!(parse(out["request"]["body"].as_str().unwrap()), parse(BODY));
        let bad = parse(&build_request_json(r#"{"body":{}}"#, ""));
        assert_eq!(bad["report"]["errors"][0]["path"], "/orgId");
        assert!(bad.get("request").is_none());
    }

    #[wasm_bindgen_test]
    fn parse_response_export() {
        let ok = parse(&parse_response(
            r#"{"code":0,"msg":"OK","data":{"jobId":"j"}}"#,
        ));
        assert_eq!(ok, json!({"ok": true, "jobId": "j"}));
        let junk = parse(&parse_response("<html>"));
        assert_eq!(junk["ok"], json!(false));
        assert_eq!(junk["code"], Value::Null);
        assert_eq!(junk["error"], "invalid_json");
    }
}
