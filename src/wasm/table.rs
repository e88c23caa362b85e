//! A report as the JS side reads it: one block of `u32` words and one UTF-8 text, which
//! `pkg/api.js` (`readReport`) turns into the report's objects with one `TextDecoder`
//! call and `String.prototype.slice`.
//!
//! Writing the report as JSON text and `JSON.parse`-ing it in JS was measured at a
//! third of an invalid body's call (see the README's Performance section); this block
//! costs a fraction of that and carries the same values.
//!
//! Layout (all `u32`, little-endian, at the returned address):
//!
//! ```text
//! header  words, text bytes, errors, warnings
//! issue   flags, enosCode (0: none), code, path, message, hint, line, column, endLine,
//!         endColumn, fix operations            (a text slice is two words: start, end)
//! op      kind (0 move, 1 replace), from|path, path|value (the value as JSON text)
//! ```
//!
//! Text slices count UTF-16 code units of the decoded text, as `slice` does. `flags`:
//! bit 0 the issue has a position, bit 1 a hint. The text follows the words.

use crate::json;
use crate::report::{Issue, PatchOp, Report};

const HEADER: usize = 4;
/// Words of an issue before its fix operations.
const ISSUE: usize = 15;
const OP: usize = 5;

pub(super) const HAS_SPAN: u32 = 1;
pub(super) const HAS_HINT: u32 = 2;

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

/// The report's block; its address is the first word's. The block is never freed here:
/// the package's arena takes it back when the next input comes in.
pub(super) fn write(report: &Report) -> Vec<u32> {
    let issues = report.errors.len() + report.warnings.len();
    let ops: usize = report
        .issues()
        .map(|i| i.fix.as_ref().map_or(0, Vec::len))
        .sum();
    let words = HEADER + issues * ISSUE + ops * OP;
    let mut w = Writer {
        words: Vec::with_capacity(words + 1),
        text: String::with_capacity(issues * 160),
        units: 0,
    };
    w.words.extend([
        0,
        0,
        count(report.errors.len()),
        count(report.warnings.len()),
    ]);
    for issue in report.issues() {
        w.issue(issue);
    }
    debug_assert_eq!(w.words.len(), words);
    w.words[0] = count(w.words.len());
    w.words[1] = count(w.text.len());
    // The text after the words, four bytes to a word.
    let bytes = w.text.as_bytes();
    w.words.reserve(bytes.len().div_ceil(4));
    for chunk in bytes.chunks(4) {
        let mut b = [0u8; 4];
        b[..chunk.len()].copy_from_slice(chunk);
        w.words.push(u32::from_le_bytes(b));
    }
    w.words
}

fn count(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}
