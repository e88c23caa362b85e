//! A report as the npm package's JS side reads it: one block of `u32` words and one
//! UTF-8 text, which `pkg/api.js` (`reader`) turns into the report's objects with one
//! `TextDecoder` call and `String.prototype.slice`. The WebAssembly export
//! `validateInput` returns its address.
//!
//! Writing the report as JSON text and `JSON.parse`-ing it in JS was measured at a
//! third of an invalid body's call (see the README's Performance section); this block
//! costs a fraction of that and carries the same values.
//!
//! Layout (all `u32`, little-endian, at the returned address):
//!
//! ```text
//! header  words, text bytes, errors, warnings, text address (set by the wasm export)
//! issue   flags, enosCode (0: none), code, path, message, hint, line, column, endLine,
//!         endColumn, fix operations            (a text slice is two words: start, end)
//! op      kind (0 move, 1 replace), from|path, path|value (the value as JSON text)
//! ```
//!
//! Text slices count UTF-16 code units of the decoded text, as `slice` does. `flags`:
//! bit 0 the issue has a position, bit 1 a hint. The text is a string of its own.

use super::{Issue, PatchOp, Report};
use crate::json;

const HEADER: usize = 5;
/// The header word that holds the text's address in wasm memory.
#[cfg_attr(not(all(target_arch = "wasm32", feature = "npm")), allow(dead_code))]
pub(crate) const TEXT_ADDRESS: usize = 4;
/// Words of an issue before its fix operations.
const ISSUE: usize = 15;
const OP: usize = 5;

const HAS_SPAN: u32 = 1;
const HAS_HINT: u32 = 2;

struct Writer {
    words: Vec<u32>,
    text: String,
    /// The length of `text` in UTF-16 code units.
    units: u32,
}

impl Writer {
    /// Appends `s` to the text; pushes its start and end.
    fn slice(&mut self, s: &str) {
        let start = self.units;
        self.text.push_str(s);
        let units = if s.is_ascii() {
            s.len()
        } else {
            s.chars().map(char::len_utf16).sum()
        };
        self.units = start.saturating_add(u32::try_from(units).unwrap_or(u32::MAX));
        self.words.push(start);
        self.words.push(self.units);
    }

    fn issue(&mut self, issue: &Issue) {
        let mut flags = 0;
        if issue.span.is_some() {
            flags |= HAS_SPAN;
        }
        if issue.hint.is_some() {
            flags |= HAS_HINT;
        }
        self.words.push(flags);
        self.words.push(issue.enos_code().unwrap_or(0));
        self.slice(issue.code.as_str());
        self.slice(&issue.path);
        self.slice(&issue.message);
        self.slice(issue.hint.as_deref().unwrap_or(""));
        let span = issue.span.unwrap_or_default();
        for n in [span.line, span.column, span.end_line, span.end_column] {
            self.words.push(u32::try_from(n).unwrap_or(u32::MAX));
        }
        let ops = issue.fix.as_deref().unwrap_or(&[]);
        self.words
            .push(u32::try_from(ops.len()).unwrap_or(u32::MAX));
        for op in ops {
            match op {
                PatchOp::Move { from, path } => {
                    self.words.push(0);
                    self.slice(from);
                    self.slice(path);
                }
                PatchOp::Replace { path, value } => {
                    self.words.push(1);
                    self.slice(path);
                    let mut text = String::new();
                    json::write_value(value, &mut text);
                    self.slice(&text);
                }
            }
        }
    }
}

/// The report's block: its words and its text. The wasm export writes the text's address
/// into the header word [`TEXT_ADDRESS`].
pub(super) fn write(report: &Report) -> (Vec<u32>, String) {
    let issues = report.errors.len() + report.warnings.len();
    let ops: usize = report
        .issues()
        .map(|i| i.fix.as_ref().map_or(0, Vec::len))
        .sum();
    let words = HEADER + issues * ISSUE + ops * OP;
    let mut w = Writer {
        words: Vec::with_capacity(words),
        text: String::with_capacity(issues * 160),
        units: 0,
    };
    w.words.extend([
        count(words),
        0,
        count(report.errors.len()),
        count(report.warnings.len()),
        0,
    ]);
    for issue in report.issues() {
        w.issue(issue);
    }
    debug_assert_eq!(w.words.len(), words);
    w.words[1] = count(w.text.len());
    (w.words, w.text)
}

fn count(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// The report of a block as the JSON wire format (what `pkg/api.js` builds from it): the
/// reference reader the tests hold the block and the JS reader to. `None` when the words
/// and text are not a block.
pub(super) fn read(words: &[u32], text: &str) -> Option<serde_json::Value> {
    use serde_json::{json, Map, Value};
    if words.len() < HEADER
        || *words.first()? as usize != words.len()
        || words[1] as usize != text.len()
    {
        return None;
    }
    let units: Vec<u16> = text.encode_utf16().collect();
    let mut at = HEADER;
    let mut next = || {
        at += 1;
        words.get(at - 1).map(|&w| w as usize)
    };
    let text = |next: &mut dyn FnMut() -> Option<usize>| {
        let (a, b) = (next()?, next()?);
        String::from_utf16(units.get(a..b)?).ok()
    };
    let mut lists = Vec::new();
    for (count, errors) in [(words[2], true), (words[3], false)] {
        let mut list = Vec::new();
        for _ in 0..count {
            let flags = next()? as u32;
            let enos = next()?;
            let code = text(&mut next)?;
            let path = text(&mut next)?;
            let message = text(&mut next)?;
            let hint = text(&mut next)?;
            let span = [next()?, next()?, next()?, next()?];
            let mut issue = Map::new();
            issue.insert("path".into(), json!(path));
            issue.insert("code".into(), json!(code));
            issue.insert("message".into(), json!(message));
            if errors {
                issue.insert(
                    "enosCode".into(),
                    if enos == 0 { Value::Null } else { json!(enos) },
                );
            }
            if flags & HAS_SPAN != 0 {
                for (key, n) in ["line", "column", "endLine", "endColumn"]
                    .into_iter()
                    .zip(span)
                {
                    issue.insert(key.into(), json!(n));
                }
            }
            if flags & HAS_HINT != 0 {
                issue.insert("hint".into(), json!(hint));
            }
            let ops = next()?;
            if ops > 0 {
                let mut fix = Vec::new();
                for _ in 0..ops {
                    let kind = next()?;
                    let (a, b) = (text(&mut next)?, text(&mut next)?);
                    fix.push(match kind {
                        0 => json!({"op": "move", "from": a, "path": b}),
                        _ => json!({"op": "replace", "path": a, "value": serde_json::from_str::<Value>(&b).ok()?}),
                    });
                }
                issue.insert("fix".into(), Value::Array(fix));
            }
            list.push(Value::Object(issue));
        }
        lists.push(list);
    }
    let warnings = lists.pop()?;
    let errors = lists.pop()?;
    Some(json!({"valid": errors.is_empty(), "errors": errors, "warnings": warnings}))
}
