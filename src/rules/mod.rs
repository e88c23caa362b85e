//! The rules of SPEC §2 and §7, one file per part of the body.
//!
//! | part | file |
//! |---|---|
//! | the body, job `type`, upgrade-only fields, `upgradeTimeout`, `maximumConcurrency` | `body.rs` |
//! | `name` (StringI18n) | `name.rs` |
//! | `upgradeScope`: `type`, `versionNumbers`, which selector a job may use | `scope.rs` |
//! | selector contents: `deviceKeys`, `attributes`, `tags`, `assetTrees` | `selectors.rs` |
//! | `retryPolicy` | `retry.rs` |
//! | `schedulePolicy`, the same-day and 30-minute rules | `schedule.rs` |
//! | firmware facts: 24404, 24610 | `firmware.rs` |
//! | repeated object keys | `duplicates.rs` |
//! | reading integers, timestamps, strings and lists | `read.rs` |

mod body;
mod duplicates;
mod firmware;
mod name;
mod read;
mod retry;
mod schedule;
mod scope;
mod selectors;

use crate::json::Node;
use crate::options::Options;
use crate::pointer::Path;
use crate::report::{Code, Detail, Finding};

pub(crate) use read::{parse_digits, parse_integer, Integer};

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
}

impl<'o> Checker<'o> {
    pub fn new(options: &'o Options) -> Checker<'o> {
        Checker {
            findings: options.problems().to_vec(),
            options,
        }
    }

    /// Records a problem at `path`.
    pub fn report(&mut self, path: &Path<'_>, code: Code, detail: Detail) {
        self.findings.push(Finding {
            path: path.render(),
            code,
            detail,
        });
    }

    /// `duplicate_key` for every repeated key in `node`.
    pub fn duplicates(&mut self, node: &Node<'_>, path: &Path<'_>) {
        duplicates::check(self, node, path);
    }

    /// Every rule of the body at `path`. Returns the job kind the body declares.
    pub fn body(&mut self, body: &Node<'_>, path: &Path<'_>) -> JobKind {
        body::check(self, body, path)
    }

    /// The firmware rules, which apply even when the body is not JSON.
    pub fn firmware(&mut self, kind: JobKind) {
        firmware::check(self, kind);
    }
}
