//! The check pipeline, written once: read the document, run the rules and the firmware
//! checks, take in the values JavaScript could not write as JSON, keep only the fixes
//! that work, and make the report.
//!
//! Every entry point (`validate_*`, `parse_job*`, `normalize_*`, `build_request_*`,
//! `fix_json` and the WebAssembly exports) goes through [`text`], [`bytes`] or [`value`].

pub(crate) mod patch;

use serde_json::Value;

use crate::json::{self, Node, ParseError, SyntaxError, TooDeep, MAX_DEPTH};
use crate::options::Options;
use crate::pointer::Path;
use crate::report::{Code, Finding, JsonError, Problem, Report, Severity};
use crate::rules::{self, Checker, Foreign, JobKind, Verifier};

/// What the document is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Shape {
    /// A request body.
    Body,
    /// The `buildRequest` input `{apigwAddress?, orgId, firmwareId, body}`: one level more,
    /// so that the body's depth counts from the body's own root.
    Request,
}

impl Shape {
    fn max_depth(self) -> usize {
        match self {
            Shape::Body => MAX_DEPTH,
            Shape::Request => MAX_DEPTH + 1,
        }
    }
}

/// A document after every rule has run.
pub(crate) struct Checked<'a> {
    pub findings: Vec<Finding>,
    /// The parsed document, when it is JSON.
    pub node: Option<Node<'a>>,
    pub kind: JobKind,
    /// The text the user wrote, for positions.
    pub text: Option<&'a str>,
}

impl Checked<'_> {
    /// The report, consuming the findings.
    pub fn take_report(&mut self, options: &Options) -> Report {
        let findings = std::mem::take(&mut self.findings);
        let source = self.text.map(|text| json::Source {
            text,
            root: self.node.as_ref(),
        });
        Report::new(findings, options.locale(), options.is_strict(), source)
    }
}

/// Checks JSON text. `positions`: whether the user wrote this text (else it was made from
/// a value, and the report carries no positions).
pub(crate) fn text<'a>(
    text: &'a str,
    options: &Options,
    shape: Shape,
    foreign: &[Foreign],
    positions: bool,
) -> Checked<'a> {
    let parsed = json::parse_document(text, shape.max_depth()).map_err(|e| invalid_json(&e, text));
    let checked = run(parsed, options, shape, foreign, Some(text.len()));
    Checked {
        text: positions.then_some(text),
        ..checked
    }
}

/// Checks bytes; bytes that are not UTF-8 are `invalid_json` at the first bad byte.
pub(crate) fn bytes<'a>(bytes: &'a [u8], options: &Options, shape: Shape) -> Checked<'a> {
    match std::str::from_utf8(bytes) {
        Ok(t) => text(t, options, shape, &[], true),
        Err(e) => {
            let valid = std::str::from_utf8(&bytes[..e.valid_up_to()]).unwrap_or_default();
            let error = ParseError {
                kind: SyntaxError::InvalidUtf8,
                offset: valid.len(),
            };
            let checked = run(Err(invalid_json(&error, valid)), options, shape, &[], None);
            Checked {
                text: Some(valid),
                ..checked
            }
        }
    }
}

/// Checks a `serde_json::Value` (no positions: there is no text).
pub(crate) fn value<'a>(value: &'a Value, options: &Options, shape: Shape) -> Checked<'a> {
    let parsed = json::from_value(value, shape.max_depth())
        .map(|node| (node, false))
        .map_err(|TooDeep| {
            let problem = Problem::InvalidJson {
                error: JsonError::TooDeep,
            };
            Finding::new(String::new(), problem)
        });
    run(parsed, options, shape, &[], None)
}

fn invalid_json(error: &ParseError, text: &str) -> Finding {
    let (line, column) = error.line_column(text);
    let problem = Problem::InvalidJson {
        error: JsonError::Syntax {
            kind: error.kind,
            line,
            column,
        },
    };
    let mut finding = Finding::new(String::new(), problem);
    finding.offset = Some(error.offset);
    finding
}

/// Runs everything on a parsed document; `text_len` is the length of its text, if it has
/// one. The result carries no text (no positions): the callers with text set it.
fn run<'a>(
    parsed: Result<(Node<'a>, bool), Finding>,
    options: &Options,
    shape: Shape,
    foreign: &[Foreign],
    text_len: Option<usize>,
) -> Checked<'a> {
    let converted = rules::converted(foreign);
    let mut repeats = false;
    let (mut findings, mut node, kind) = match parsed {
        Ok((node, has_duplicates)) => {
            let mut ck = Checker::new(options);
            let kind = rules_of(&mut ck, &node, has_duplicates, shape, &converted);
            repeats = has_duplicates;
            (ck.findings, Some(node), kind)
        }
        Err(finding) => {
            let mut ck = Checker::new(options);
            ck.findings.push(finding);
            ck.firmware(JobKind::Unknown);
            (ck.findings, None, JobKind::Unknown)
        }
    };
    rules::apply_foreign(&mut findings, foreign);
    if let Some(node) = &mut node {
        let doc = Doc {
            node,
            repeats,
            shape,
            text_len,
        };
        keep_working_fixes(&mut findings, doc, options, &converted);
    } else {
        findings.iter_mut().for_each(|f| f.fix = None);
    }
    Checked {
        findings,
        node,
        kind,
        text: None,
    }
}

/// Every rule of the document, then the firmware checks.
fn rules_of(
    ck: &mut Checker<'_>,
    node: &Node<'_>,
    has_duplicates: bool,
    shape: Shape,
    converted: &[String],
) -> JobKind {
    let root = Path::Root("");
    if has_duplicates {
        ck.duplicates(node, &root);
    }
    let kind = match shape {
        Shape::Body => ck.body(node, &root),
        Shape::Request => ck.input(node, &root, converted),
    };
    ck.firmware(kind);
    kind
}

/// How many node visits the fix checks may cost in all: each candidate fix is applied to
/// the document, which is checked again and then put back as it was.
const FIX_BUDGET: usize = 4_000_000;

/// The document whose fixes are checked.
struct Doc<'d, 'a> {
    node: &'d mut Node<'a>,
    /// Whether some object repeats a key. A fix moves or replaces whole values and never
    /// adds a repeat, so this stays true of the patched document, or over-says (a value
    /// with repeats replaced), which only costs a search that finds nothing.
    repeats: bool,
    shape: Shape,
    /// The length of its text: a value takes a byte of it at least.
    text_len: Option<usize>,
}

/// Keeps a candidate fix only if applying it alone removes its problem and adds no error.
fn keep_working_fixes(
    findings: &mut [Finding],
    doc: Doc<'_, '_>,
    options: &Options,
    converted: &[String],
) {
    if findings.iter().all(|f| f.fix.is_none()) {
        return;
    }
    let strict = options.is_strict();
    let is_error = |f: &Finding| strict || f.code().severity() == Severity::Error;
    // Sorted once, searched by halves: a hash set's code costs the browser build more.
    let mut before: Vec<(Code, &str)> = findings
        .iter()
        .filter(|f| is_error(f))
        .map(|f| (f.code(), f.path.as_str()))
        .collect();
    before.sort_unstable();
    // Each check visits every value once. When the text is short enough for all the checks
    // to fit the budget, the values need not be counted.
    let fixes = findings.iter().filter(|f| f.fix.is_some()).count();
    let size = match doc.text_len {
        Some(len) if len.saturating_mul(fixes) <= FIX_BUDGET => 0,
        _ => count(doc.node).max(1),
    };
    let mut budget = FIX_BUDGET;
    let mut verdicts = Vec::new();
    // One buffer for the paths every check compares.
    let mut buf = String::new();
    for (i, f) in findings.iter().enumerate() {
        let Some(fix) = &f.fix else { continue };
        let works = budget >= size && {
            budget -= size;
            patch::with_applied(doc.node, fix, |patched| {
                let verifier = Verifier::new(&f.path, f.code(), &before, strict, &mut buf);
                let mut ck = Checker::verifying(options, verifier);
                rules_of(&mut ck, patched, doc.repeats, doc.shape, converted);
                ck.verdict().unwrap_or(false)
            })
            .unwrap_or(false)
        };
        verdicts.push((i, works));
    }
    for (i, works) in verdicts {
        if !works {
            findings[i].fix = None;
        }
    }
}

fn count(node: &Node<'_>) -> usize {
    match node {
        Node::Array(items) => items.iter().map(|item| count(item)).sum::<usize>() + 1,
        Node::Object(obj) => obj.members.iter().map(|(_, v)| count(v)).sum::<usize>() + 1,
        _ => 1,
    }
}
