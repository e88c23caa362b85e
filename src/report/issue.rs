//! [`Issue`]: one problem as a report shows it, with where it is and how to fix it.

use std::fmt;

use serde::Serialize;

use super::code::Code;
use super::problem::Problem;

/// One problem of a [`Report`](super::Report).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct Issue {
    /// RFC 6901 JSON Pointer into the validated document (`""` is the root).
    pub path: String,
    /// The stable machine-readable code.
    pub code: Code,
    /// A human sentence in the requested locale.
    pub message: String,
    /// Where in the JSON text it is; `None` for a report made from a value, not text.
    pub span: Option<Span>,
    /// How to fix it, in the requested locale.
    pub hint: Option<String>,
    /// An RFC 6902 JSON Patch, rooted like `path`, that removes this issue and adds no error.
    pub fix: Option<Vec<PatchOp>>,
    /// The problem, with its parameters.
    pub problem: Problem,
}

impl Issue {
    /// The EnOS platform error code of this problem, where it has one.
    #[must_use]
    pub fn enos_code(&self) -> Option<u32> {
        self.code.enos_code()
    }
}

impl fmt::Display for Issue {
    /// `path: code: message`; the root path shows as `""`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let path = if self.path.is_empty() {
            "\"\""
        } else {
            &self.path
        };
        write!(f, "{path}: {}: {}", self.code, self.message)
    }
}

/// A place in JSON text: 1-based lines and columns (columns count Unicode characters),
/// and byte offsets; both ends exclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[non_exhaustive]
pub struct Span {
    /// The line of the first character.
    pub line: usize,
    /// The column of the first character.
    pub column: usize,
    /// The line just past the end.
    pub end_line: usize,
    /// The column just past the end.
    pub end_column: usize,
    /// The byte offset of the first character.
    pub start: usize,
    /// The byte offset just past the end.
    pub end: usize,
}

/// One operation of an RFC 6902 JSON Patch.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[serde(tag = "op", rename_all = "lowercase")]
#[non_exhaustive]
pub enum PatchOp {
    /// Removes the value at `from` and adds it at `path`.
    Move {
        /// Where the value is.
        from: String,
        /// Where it goes.
        path: String,
    },
    /// Replaces the value at `path`.
    Replace {
        /// Where the value is.
        path: String,
        /// The new value.
        value: serde_json::Value,
    },
}

impl PatchOp {
    /// The location this operation writes.
    #[must_use]
    pub fn path(&self) -> &str {
        match self {
            PatchOp::Move { path, .. } | PatchOp::Replace { path, .. } => path,
        }
    }
}
