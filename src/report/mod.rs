//! The report: every problem found in one pass, with its path, code, message, position,
//! hint and fix.
//!
//! The rules record [`Finding`]s (a path and a typed [`Problem`]); the report writes their
//! messages and hints in one locale and, for JSON text, their positions, only for the
//! problems found: a valid body pays for none of it but the reader's note of where each
//! value starts.

mod block;
mod code;

#[cfg(all(target_arch = "wasm32", feature = "npm"))]
pub(crate) use block::TEXT_ADDRESS;
mod en;
mod issue;
mod problem;
pub(crate) mod text;
mod time;
mod wire;
mod zh;

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

pub use code::{Code, Severity};
pub use issue::{Issue, PatchOp, Span};
pub use problem::{
    Enumerated, Expected, FieldSuggestion, Found, Ignored, JsValueKind, JsonError, OptionProblem,
    Problem, Rescaled, TimeUnit, Window,
};
pub(crate) use text::put;

use crate::json;

/// The language of messages and hints.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum Locale {
    /// English (the default).
    #[default]
    En,
    /// Simplified Chinese.
    Zh,
}

impl Locale {
    /// `"en"` or `"zh"`.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Locale::En => "en",
            Locale::Zh => "zh",
        }
    }
}

impl fmt::Display for Locale {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The error of parsing a [`Locale`] other than `en` or `zh`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown locale `{0}`: expected `en` or `zh`")]
pub struct UnknownLocale(pub String);

impl FromStr for Locale {
    type Err = UnknownLocale;

    fn from_str(s: &str) -> Result<Locale, UnknownLocale> {
        match s {
            "en" => Ok(Locale::En),
            "zh" => Ok(Locale::Zh),
            other => Err(UnknownLocale(other.to_owned())),
        }
    }
}

/// A problem as the rules find it; its message is written when the report is made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Finding {
    pub path: String,
    pub problem: Problem,
    /// A candidate fix; the check pipeline keeps it only if it works.
    pub fix: Option<Vec<PatchOp>>,
    /// For `duplicate_key`: where the repeated copy's value starts in the text, whose key is
    /// the position (the path alone names the last copy).
    pub value_start: Option<usize>,
    /// A byte offset that is the position itself (the syntax error of `invalid_json`).
    pub offset: Option<usize>,
}

impl Finding {
    pub fn new(path: String, problem: Problem) -> Finding {
        Finding {
            path,
            problem,
            fix: None,
            value_start: None,
            offset: None,
        }
    }

    pub fn code(&self) -> Code {
        self.problem.code()
    }
}

/// The result of a validation.
///
/// It serializes to the wire format `{"valid", "errors": [...], "warnings": [...]}`, each
/// issue `{"path", "code", "message", "enosCode" (errors only), "line"?, "column"?,
/// "endLine"?, "endColumn"?, "hint"?, "fix"?}`. It is an [`std::error::Error`], so
/// `parse_job(..)?` works into `Box<dyn Error>`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[non_exhaustive]
pub struct Report {
    /// `true` exactly when `errors` is empty.
    pub valid: bool,
    /// The problems that make the request fail, in a deterministic order.
    pub errors: Vec<Issue>,
    /// The problems that do not (empty under `strict`).
    pub warnings: Vec<Issue>,
}

impl Report {
    /// Writes the findings' messages and hints in `locale`, their positions in `source`
    /// when the document was text, and sorts them into errors and warnings.
    pub(crate) fn new(
        findings: Vec<Finding>,
        locale: Locale,
        strict: bool,
        source: Option<json::Source<'_, '_>>,
    ) -> Report {
        // None for every finding when there is no text.
        let mut spans = match source {
            Some(source) if !findings.is_empty() => spans(source, &findings),
            _ => Vec::new(),
        }
        .into_iter();
        let mut errors = Vec::new();
        let mut warnings = Vec::new();
        for f in findings {
            let span = spans.next().flatten();
            let code = f.code();
            let (message, hint) = texts(&f, locale);
            let issue = Issue {
                path: f.path,
                code,
                message,
                span,
                hint,
                fix: f.fix,
                problem: f.problem,
            };
            if strict || code.severity() == Severity::Error {
                errors.push(issue);
            } else {
                warnings.push(issue);
            }
        }
        Report {
            valid: errors.is_empty(),
            errors,
            warnings,
        }
    }

    /// Whether some error or warning has this code.
    #[must_use]
    pub fn has(&self, code: Code) -> bool {
        self.issues().any(|i| i.code == code)
    }

    /// The same report without positions, as a report made from a value has none.
    #[must_use]
    pub fn without_spans(mut self) -> Report {
        for issue in self.errors.iter_mut().chain(self.warnings.iter_mut()) {
            issue.span = None;
        }
        self
    }

    /// Every issue: the errors, then the warnings.
    pub fn issues(&self) -> impl Iterator<Item = &Issue> {
        self.errors.iter().chain(&self.warnings)
    }

    /// The report as JSON text: the same text as `serde_json::to_string`.
    #[must_use]
    pub fn to_json(&self) -> String {
        let mut out = String::with_capacity(self.json_len_estimate());
        self.write_json(&mut out);
        out
    }

    /// About the length of the report's JSON text, so that writing it grows the buffer
    /// once at most.
    fn json_len_estimate(&self) -> usize {
        self.issues().fold(48, |n, i| {
            let hint = i.hint.as_ref().map_or(0, String::len);
            let fix = i.fix.as_ref().map_or(0, |ops| ops.len() * 96);
            n.saturating_add(i.path.len() + i.message.len() + hint + fix + 160)
        })
    }

    /// The report as the npm package's JS side reads it (see `block.rs`): its words and
    /// its text. Not part of the API.
    #[doc(hidden)]
    #[must_use]
    pub fn to_block(&self) -> (Vec<u32>, String) {
        block::write(self)
    }

    /// The wire format's JSON value of a block made by [`Report::to_block`]; `None` when
    /// it is not one. Not part of the API: the tests' reference reader.
    #[doc(hidden)]
    #[must_use]
    pub fn read_block(words: &[u32], text: &str) -> Option<serde_json::Value> {
        block::read(words, text)
    }

    /// Appends the report's JSON text (written by hand: no serde code in the wasm).
    pub(crate) fn write_json(&self, out: &mut String) {
        wire::write_report(self, out);
    }
}

/// The message and the hint of a finding in `locale`; the hint ends with what the fix does
/// when the finding has one.
fn texts(f: &Finding, locale: Locale) -> (String, Option<String>) {
    let mut message = String::with_capacity(64);
    let mut hint = String::new();
    let has_hint = match locale {
        Locale::En => {
            en::message(&f.problem, &mut message);
            en::hint(&f.problem, &mut hint)
        }
        Locale::Zh => {
            zh::message(&f.problem, &mut message);
            zh::hint(&f.problem, &mut hint)
        }
    };
    if f.fix.is_some() {
        let (clause, joint) = match locale {
            Locale::En => (en::fix_clause(&f.problem), "; "),
            Locale::Zh => (zh::fix_clause(&f.problem), ";"),
        };
        if has_hint {
            hint.push_str(if hint.ends_with('?') { " " } else { joint });
        }
        hint.push_str(clause);
    }
    let hint = (has_hint || f.fix.is_some()).then_some(hint);
    (message, hint)
}

/// The span of each finding in the text, where it has one: options and values JavaScript
/// could not write have none; a syntax error is its own offset; a repeated key is found
/// from where its value starts; the rest by their path through the tree.
fn spans(source: json::Source<'_, '_>, findings: &[Finding]) -> Vec<Option<Span>> {
    let located = |f: &Finding| match &f.problem {
        Problem::InvalidOption { .. }
        | Problem::InvalidJson {
            error: JsonError::NotText { .. } | JsonError::OutOfMemory | JsonError::TooDeep,
        } => false,
        Problem::InvalidJson { .. } => f.offset.is_some(),
        _ => true,
    };
    let mut locator = json::Locator::new(source);
    // The start and the end of each finding that has a place, in order.
    let mut offsets = Vec::with_capacity(findings.len() * 2);
    for f in findings.iter().filter(|f| located(f)) {
        let (start, end) = match (f.offset, f.value_start) {
            (Some(offset), _) => (offset, offset),
            (None, Some(start)) => locator.key_before(start, last_key_len(&f.path)),
            (None, None) => locator.span(&f.path, f.problem.points_to_key()),
        };
        offsets.push(start);
        offsets.push(end);
    }
    let positions = json::line_columns(source.text, &offsets);
    let mut placed = offsets.chunks_exact(2).zip(positions.chunks_exact(2));
    findings
        .iter()
        .map(|f| {
            if !located(f) {
                return None;
            }
            let (at, lc) = placed.next()?;
            Some(Span {
                line: lc[0].0,
                column: lc[0].1,
                end_line: lc[1].0,
                end_column: lc[1].1,
                start: at[0],
                end: at[1],
            })
        })
        .collect()
}

/// The length of a pointer's last reference token once unescaped (`~0` and `~1` are one
/// character each).
fn last_key_len(pointer: &str) -> usize {
    let token = pointer.rsplit('/').next().unwrap_or("");
    token.len() - token.bytes().filter(|&b| b == b'~').count()
}

impl fmt::Display for Report {
    /// One `path: code: message` line per problem, errors first.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for issue in &self.errors {
            writeln!(f, "error: {issue}")?;
        }
        for issue in &self.warnings {
            writeln!(f, "warning: {issue}")?;
        }
        Ok(())
    }
}

impl std::error::Error for Report {}

impl Serialize for Report {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        wire::serialize_report(self, serializer)
    }
}

#[cfg(test)]
mod tests;
