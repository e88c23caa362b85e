//! The rules of the request, one file per part of it.
//!
//! | part | file |
//! |---|---|
//! | the body, job `type`, upgrade-only fields, `upgradeTimeout`, `maximumConcurrency`, `$schema` | `body.rs` |
//! | `name` (StringI18n) | `name.rs` |
//! | `upgradeScope`: `type`, `versionNumbers`, which selector a job may use | `scope.rs` |
//! | selector contents: `deviceKeys`, `attributes`, `tags`, `assetTrees` | `selectors.rs` |
//! | `retryPolicy` | `retry.rs` |
//! | `schedulePolicy`, the same-day and 30-minute rules | `schedule.rs` |
//! | firmware facts: 24404, 24610 | `firmware.rs` |
//! | repeated object keys | `duplicates.rs` |
//! | the `buildRequest` input: `apigwAddress`, `orgId`, `firmwareId` | `input.rs` |
//! | values JavaScript cannot write as JSON (`undefined`, `NaN`, cycles...) | `foreign.rs` |
//! | reading integers, timestamps, strings and lists; unknown fields | `read.rs` |
//! | near-miss names and values | `suggest.rs` |
//! | what a fix check looks for: its problem gone, no error added | `verify.rs` |

mod body;
mod duplicates;
mod firmware;
mod foreign;
mod input;
mod name;
mod read;
mod retry;
mod schedule;
mod scope;
mod selectors;
mod suggest;
mod verify;

use crate::json::Node;
use crate::options::Options;
use crate::pointer::Path;
use crate::report::{Code, Finding, PatchOp, Problem};

pub(crate) use body::SCHEMA_MEMBER as BODY_SCHEMA_MEMBER;
#[cfg(all(target_arch = "wasm32", feature = "npm"))]
pub(crate) use foreign::parse_list as parse_foreign;
pub(crate) use foreign::{apply as apply_foreign, converted, Foreign};
pub(crate) use input::origin;
pub(crate) use verify::Verifier;

/// The kind of job a body declares.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum JobKind {
    Upgrade,
    Verify,
    /// `type` is missing or not one of the two: only the common rules run.
    Unknown,
}

/// The scope type a body declares.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ScopeKind {
    Total,
    Partial,
    Unknown,
}

/// Collects findings as the rules walk the document.
pub(crate) struct Checker<'o> {
    pub findings: Vec<Finding>,
    pub options: &'o Options,
    /// Re-checking a document with one candidate fix applied, where only which problems
    /// are where matters: the problems go to the verifier, not to `findings`, and no
    /// near-miss suggestions and no candidate fixes are made.
    verifier: Option<Verifier<'o>>,
}

impl<'o> Checker<'o> {
    pub fn new(options: &'o Options) -> Checker<'o> {
        Checker {
            findings: options.problems().to_vec(),
            options,
            verifier: None,
        }
    }

    /// A checker for re-checking a document with a candidate fix applied. The options'
    /// own problems are left out: each is an error of the document as it was (`before`),
    /// and none is a fix's problem.
    pub fn verifying(options: &'o Options, verifier: Verifier<'o>) -> Checker<'o> {
        Checker {
            findings: Vec::new(),
            options,
            verifier: Some(verifier),
        }
    }

    /// The verifier's verdict (see [`Verifier::verdict`]); `None` for a checker that is
    /// not verifying.
    pub fn verdict(&self) -> Option<bool> {
        self.verifier.as_ref().map(Verifier::verdict)
    }

    /// The near-miss candidate `given` was meant to be ([`suggest::near`]); none while
    /// verifying a fix.
    pub fn near<'c>(&self, given: &str, candidates: &[&'c str]) -> Option<&'c str> {
        if self.verifier.is_some() {
            None
        } else {
            suggest::near(given, candidates)
        }
    }

    /// Records a problem at `path`.
    pub fn report(&mut self, path: &Path<'_>, problem: Problem) {
        match &mut self.verifier {
            Some(v) => v.see(path, problem.code()),
            None => self.findings.push(Finding::new(path.render(), problem)),
        }
    }

    /// Records a problem at `path` with a candidate fix, made by `fix` (not while
    /// verifying).
    pub fn report_fix(
        &mut self,
        path: &Path<'_>,
        problem: Problem,
        fix: impl FnOnce() -> Vec<PatchOp>,
    ) {
        match &mut self.verifier {
            Some(v) => v.see(path, problem.code()),
            None => {
                let mut finding = Finding::new(path.render(), problem);
                finding.fix = Some(fix());
                self.findings.push(finding);
            }
        }
    }

    /// Records a `duplicate_key` at the member `key` of the object at `path`, whose
    /// repeated copy's value starts at `value_start`.
    pub fn report_repeat(&mut self, path: &Path<'_>, key: &str, value_start: usize) {
        let path = path.key(key);
        match &mut self.verifier {
            Some(v) => v.see(&path, Code::DuplicateKey),
            None => {
                let mut finding = Finding::new(path.render(), Problem::DuplicateKey);
                // This copy's place: the path names only the last.
                finding.value_start = Some(value_start);
                self.findings.push(finding);
            }
        }
    }

    /// `duplicate_key` for every repeated key in `node`.
    pub fn duplicates(&mut self, node: &Node<'_>, path: &Path<'_>) {
        duplicates::check(self, node, path);
    }

    /// Every rule of the body at `path`. Returns the job kind the body declares.
    pub fn body(&mut self, body: &Node<'_>, path: &Path<'_>) -> JobKind {
        body::check(self, body, path)
    }

    /// Every rule of the `buildRequest` input at `path`. Returns the body's job kind.
    pub fn input(&mut self, node: &Node<'_>, path: &Path<'_>, converted: &[String]) -> JobKind {
        input::check(self, node, path, converted)
    }

    /// The firmware rules, which apply even when the body is not JSON.
    pub fn firmware(&mut self, kind: JobKind) {
        firmware::check(self, kind);
    }
}
