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

/// `validateJson(text, options)`: the report as JSON text.
#[wasm_bindgen(js_name = validateJson)]
pub fn validate_json(text: &str, options: &str) -> String {
    with_options(options, |o| crate::validate_json(text, o).to_json())
}

/// `validateJson` for long texts: the JS side encodes them with `TextEncoder` (native),
/// which beats wasm-bindgen's per-character copy of a `&str` above a few kilobytes.
#[wasm_bindgen(js_name = validateBytes)]
pub fn validate_bytes(bytes: &[u8], options: &str) -> String {
    with_options(options, |o| crate::validate_bytes(bytes, o).to_json())
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
