//! WebAssembly bindings: conversion only, no rule.
//!
//! The npm package's hand-written JavaScript (`pkg/api.js`) turns any JS value into JSON
//! text and writes, at the address `inputBuffer` returns, the options as JSON text (none
//! for the defaults), the list of values JSON could not carry (none, or
//! `[["/path", "kind"], ...]`) and the text; then it calls an export with their lengths
//! in bytes. Only numbers cross: `validateInput` returns the address of the report's
//! block (`Report::to_block`), or 0 for the common clean report (valid, no warnings), which the JS
//! side builds itself; the other exports return JSON text.
//! JSON text in was measured faster than walking JS objects from Rust through
//! serde-wasm-bindgen, and keeps `validate(value)` identical to `validateJson(text)`.
//! Every message, including those of the JS values, is written here in Rust.
//!
//! The module allocates from an arena ([`arena`]) that `inputBuffer` empties: no Rust
//! value lives from one call to the next.

#[cfg(not(test))]
mod arena;

use wasm_bindgen::prelude::*;

use crate::check::{self, Shape};
use crate::report::{Finding, JsonError, Problem, Report};
use crate::rules;
use crate::Options;

#[cfg(not(test))]
#[global_allocator]
static ARENA: arena::Arena = arena::Arena::new();

/// `wasmMemory()`: the module's `WebAssembly.Memory`, for writing the input and reading
/// reports.
#[wasm_bindgen(js_name = wasmMemory)]
pub fn wasm_memory() -> JsValue {
    wasm_bindgen::memory()
}

/// `inputBuffer(keep, capacity)`: room for `capacity` bytes of input, of which the first
/// `keep` (written by the caller after a previous `inputBuffer`) are kept. Returns where
/// to write, 0 when memory is full. The address does not change, and the room stays
/// (memory never shrinks): the caller asks again only for more. Each export takes its
/// input from there and frees everything the previous call allocated (its report block
/// included).
#[wasm_bindgen(js_name = inputBuffer)]
pub fn input_buffer(keep: usize, capacity: usize) -> *mut u8 {
    #[cfg(not(test))]
    return ARENA.reset(keep, capacity);
    #[cfg(test)]
    return test_input::reserve(keep, capacity);
}

/// The input of a call: the options text, the JS values list and the document's bytes.
struct Input<'a> {
    options: Options,
    foreign: Vec<rules::Foreign>,
    bytes: &'a [u8],
}

impl Input<'static> {
    /// The text checked as `shape` with these options and JS values.
    fn check(&self, shape: Shape, positions: bool) -> check::Checked<'static> {
        check::text(
            text_of(self.bytes),
            &self.options,
            shape,
            &self.foreign,
            positions,
        )
    }
}

fn input(options_len: usize, foreign_len: usize, text_len: usize) -> Input<'static> {
    let total = options_len
        .saturating_add(foreign_len)
        .saturating_add(text_len);
    #[cfg(not(test))]
    let all = ARENA.input(total);
    #[cfg(test)]
    let all = test_input::take(total);
    let (options, rest) = all.split_at(options_len.min(all.len()));
    let (foreign, bytes) = rest.split_at(foreign_len.min(rest.len()));
    let options = options_of(text_of(options));
    let foreign = match text_of(foreign) {
        "" => Vec::new(),
        text => rules::parse_foreign(text),
    };
    Input {
        options,
        foreign,
        bytes,
    }
}

/// The options of their JSON text; `""` for the defaults.
fn options_of(text: &str) -> Options {
    if text.is_empty() {
        Options::default()
    } else {
        Options::from_json_str(text)
    }
}

/// The input as text. `pkg/api.js`, the only writer of the input buffer (the package
/// exports none of the module's functions), writes it with `TextEncoder.encodeInto`,
/// which writes UTF-8 and whole characters only (the rest of a long text follows in a
/// second step). So the UTF-8 check is left out: it was 1.7% of the time of the
/// benchmark's mixed corpus in Node.
fn text_of(bytes: &[u8]) -> &str {
    debug_assert!(std::str::from_utf8(bytes).is_ok());
    // SAFETY: the bytes are UTF-8, as above.
    unsafe { std::str::from_utf8_unchecked(bytes) }
}

/// `validate(value)` (`positions` false: the text was written from the value) and
/// `validateJson(text)` (`positions` true): the address of the report's block, 0 when
/// the report is clean.
#[wasm_bindgen(js_name = validateInput)]
pub fn validate_input(
    options_len: usize,
    foreign_len: usize,
    text_len: usize,
    positions: bool,
) -> *const u32 {
    let input = input(options_len, foreign_len, text_len);
    let mut checked = input.check(Shape::Body, positions);
    let report = checked.take_report(&input.options);
    let at = if report.valid && report.warnings.is_empty() {
        std::ptr::null()
    } else {
        let (mut words, text) = report.to_block();
        words[crate::report::TEXT_ADDRESS] = text.as_ptr() as u32;
        let at = words.as_ptr();
        // Read by the JS side after this call; the arena takes them back at the next
        // `inputBuffer` (the exports' tests, on the default allocator, leak them).
        std::mem::forget(words);
        std::mem::forget(text);
        at
    };
    leave(report);
    leave(checked);
    at
}

/// Leaves a value to the arena, which takes its memory back at the next `inputBuffer`:
/// dropping the document's tree and the report value by value would only walk them.
fn leave<T>(value: T) {
    #[cfg(not(test))]
    std::mem::forget(value);
    #[cfg(test)]
    drop(value);
}

/// `normalize`: `{ report, body? }` as JSON text.
#[wasm_bindgen(js_name = normalizeInput)]
pub fn normalize_input(options_len: usize, foreign_len: usize, text_len: usize) -> String {
    let input = input(options_len, foreign_len, text_len);
    crate::normalize::normalize_checked(input.check(Shape::Body, false), &input.options).to_json()
}

/// `buildRequest`: `{ report, request? }` as JSON text; the input is the input object.
#[wasm_bindgen(js_name = buildRequestInput)]
pub fn build_request_input(options_len: usize, foreign_len: usize, text_len: usize) -> String {
    let input = input(options_len, foreign_len, text_len);
    crate::request::build(input.check(Shape::Request, false), &input.options).to_json()
}

/// `parseResponse`: the outcome as JSON text.
#[wasm_bindgen(js_name = parseResponseInput)]
pub fn parse_response_input(text_len: usize) -> String {
    let Input { bytes, .. } = input(0, 0, text_len);
    crate::parse_response(text_of(bytes)).to_json()
}

/// The input buffer of the wasm unit tests, which run on the default allocator.
#[cfg(test)]
mod test_input {
    use std::cell::RefCell;

    thread_local! {
        static INPUT: RefCell<Vec<u8>> = const { RefCell::new(Vec::new()) };
    }

    pub fn reserve(keep: usize, capacity: usize) -> *mut u8 {
        INPUT.with(|cell| {
            let mut buf = cell.borrow_mut();
            let keep = keep.min(buf.capacity());
            // SAFETY: u8 has no invalid values; the caller wrote these bytes.
            unsafe { buf.set_len(keep) };
            buf.reserve(capacity.saturating_sub(keep));
            buf.as_mut_ptr()
        })
    }

    pub fn take(len: usize) -> &'static [u8] {
        INPUT.with(|cell| {
            let mut buf = cell.borrow_mut();
            let len = len.min(buf.capacity());
            // SAFETY: as in `reserve`: the caller wrote `len` bytes there.
            unsafe { buf.set_len(len) };
            // A copy that lives to the end of the test.
            Vec::leak(buf.clone())
        })
    }
}

/// What the package returns when the module cannot take an input (its memory is full),
/// made in advance: `kind` 0 a report, 1 `{report}` (normalize, buildRequest), 2 a
/// `parseResponse` outcome.
#[wasm_bindgen(js_name = failureText)]
pub fn failure_text(kind: u8, options: &str) -> String {
    let problem = Problem::InvalidJson {
        error: JsonError::OutOfMemory,
    };
    let locale = options_of(options).locale();
    let report = Report::new(
        vec![Finding::new(String::new(), problem)],
        locale,
        false,
        None,
    );
    match kind {
        0 => report.to_json(),
        1 => {
            let mut out = String::from("{\"report\":");
            report.write_json(&mut out);
            out.push('}');
            out
        }
        _ => {
            let msg = report.errors.first().map_or("", |e| e.message.as_str());
            let mut out = String::from("{\"ok\":false,\"code\":null,\"msg\":");
            crate::json::write_string(msg, &mut out);
            out.push_str(",\"error\":\"invalid_json\"}");
            out
        }
    }
}

#[cfg(test)]
mod tests;
