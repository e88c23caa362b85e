//! `fix_json`: apply every machine-applicable fix of a report to JSON text.

use crate::check::{self, patch, Shape};
use crate::json::{self, Node};
use crate::options::Options;
use crate::report::Report;
use crate::validate_json;

/// The result of [`fix_json`].
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Fixed {
    /// The fixed body, with its key order and its indentation (two or four spaces, a
    /// tab, or none for compact text); `None` when the text is not JSON.
    pub text: Option<String>,
    /// How many fixes were applied.
    pub applied: usize,
    /// The report of the fixed body: what is left to do by hand.
    pub report: Report,
}

/// Validates a body and applies every fix its report offers, one after another.
///
/// Each fix is one the report would show: it removes its own problem and adds no
/// error. A fix that no longer applies after the ones before it is skipped.
///
/// ```
/// use enos_ota_job::{fix_json, Options};
/// let text = r#"{
///     "type": "upgrade",
///     "upgradePolicy": "Snapshot",
///     "enableUpgradeRequest": true,
///     "upgradeTimeout": "600",
///     "upgradeScope": {"type": "partial", "versionNumbers": ["1.0"], "devicekeys": ["d1"]}
/// }"#;
/// let fixed = fix_json(text, &Options::new());
/// assert_eq!(fixed.applied, 3);
/// assert!(fixed.report.valid && fixed.report.warnings.is_empty(), "{}", fixed.report);
/// assert_eq!(fixed.text.unwrap(), r#"{
///     "type": "upgrade",
///     "upgradePolicy": "snapshot",
///     "enableUpgradeRequest": true,
///     "upgradeTimeout": 600,
///     "upgradeScope": {
///         "type": "partial",
///         "versionNumbers": [
///             "1.0"
///         ],
///         "deviceKeys": [
///             "d1"
///         ]
///     }
/// }"#);
/// ```
#[must_use]
pub fn fix_json(text: &str, options: &Options) -> Fixed {
    let mut checked = check::text(text, options, Shape::Body, &[], true);
    let fixes: Vec<_> = checked
        .findings
        .iter_mut()
        .filter_map(|f| f.fix.take())
        .collect();
    let Some(mut doc) = checked.node.take() else {
        return Fixed {
            text: None,
            applied: 0,
            report: checked.take_report(options),
        };
    };
    let mut applied = 0;
    for fix in &fixes {
        let mut copy = doc.clone();
        if patch::apply(&mut copy, fix).is_ok() {
            doc = copy;
            applied += 1;
        }
    }
    let out = write_like(&doc, text);
    let report = validate_json(&out, options);
    Fixed {
        text: Some(out),
        applied,
        report,
    }
}

/// Writes `doc` with the indentation `text` uses.
fn write_like(doc: &Node<'_>, text: &str) -> String {
    let mut out = String::new();
    let indent = text.lines().skip(1).find_map(|line| {
        let width = line.len() - line.trim_start_matches([' ', '\t']).len();
        (width > 0).then(|| &line[..width])
    });
    match indent {
        None if !text.trim().contains('\n') => json::write_compact(doc, &mut out),
        None => json::write_pretty(doc, "  ", 0, &mut out),
        Some(indent) => json::write_pretty(doc, indent, 0, &mut out),
    }
    if text.ends_with('\n') {
        out.push('\n');
    }
    out
}
