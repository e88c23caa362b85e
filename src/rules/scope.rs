//! `upgradeScope`: its `type`, `versionNumbers`, and which selectors a job may use.
//!
//! - upgrade + `partial`: exactly one of `deviceKeys`, `attributes`, `tags`,
//!   `assetTrees` (`missing_selector`, `conflicting_selectors` at `/upgradeScope`).
//! - upgrade + `total`: each selector given is an `ignored_field` warning.
//! - verify: scope `total` is 24611; `deviceKeys` is required and the only selector
//!   allowed; more keys than `firmware.maxAllowedForVerification` (5) is 24612.
//! - `firmware.version` listed in `versionNumbers` is `target_version_in_scope`.
//!
//! ```
//! use enos_ota_job::{validate_value, Options};
//! let body = serde_json::json!({"type": "verify", "upgradeScope": {"type": "total",
//!     "versionNumbers": ["1.0"], "deviceKeys": ["a", "b", "c", "d", "e", "f"]}});
//! let report = validate_value(&body, &Options::new());
//! let codes: Vec<_> = report.errors.iter().map(|e| e.enos_code()).collect();
//! assert_eq!(codes, [Some(24611), Some(24612)]);
//! ```

use crate::json::Node;
use crate::options::DEFAULT_MAX_FOR_VERIFICATION;
use crate::pointer::Path;
use crate::report::{Enumerated, Ignored, Problem};

use super::body::one_of;
use super::{selectors, Checker, JobKind, ScopeKind};

/// The fields of `upgradeScope`, in the order the rules visit them.
pub(crate) const FIELDS: [&str; 6] = [
    "type",
    "versionNumbers",
    "deviceKeys",
    "attributes",
    "tags",
    "assetTrees",
];

/// The selectors, as they appear in [`FIELDS`] from index 2.
pub(crate) const SELECTORS: [&str; 4] = ["deviceKeys", "attributes", "tags", "assetTrees"];

pub(super) fn check(ck: &mut Checker<'_>, slot: Option<&Node<'_>>, path: &Path<'_>, job: JobKind) {
    let Some(node) = ck.required(slot, path) else {
        return;
    };
    let Some(obj) = ck.object(node, path) else {
        return;
    };
    let [scope_type, versions, device_keys, attributes, tags, asset_trees] =
        ck.fields(obj, path, &FIELDS);

    let scope = scope_kind(ck, scope_type, &path.key("type"), job);
    version_numbers(ck, versions, &path.key("versionNumbers"));

    let selectors = [device_keys, attributes, tags, asset_trees];
    let given: Vec<usize> = (0..SELECTORS.len())
        .filter(|&i| selectors[i].is_some())
        .collect();
    match (job, scope) {
        (JobKind::Verify, _) => verify(ck, path, &selectors),
        (JobKind::Upgrade, ScopeKind::Total) => {
            for &i in &given {
                let reason = Ignored::ScopeTotal;
                ck.report(&path.key(SELECTORS[i]), Problem::IgnoredField { reason });
            }
        }
        (JobKind::Upgrade, ScopeKind::Partial) => {
            contents(ck, path, &selectors);
            match given.len() {
                0 => ck.report(path, Problem::MissingSelector),
                1 => {}
                _ => {
                    let given = given.iter().map(|&i| SELECTORS[i]).collect();
                    ck.report(path, Problem::ConflictingSelectors { given });
                }
            }
        }
        _ => contents(ck, path, &selectors),
    }
}

fn scope_kind(
    ck: &mut Checker<'_>,
    slot: Option<&Node<'_>>,
    path: &Path<'_>,
    job: JobKind,
) -> ScopeKind {
    let Some(node) = ck.required(slot, path) else {
        return ScopeKind::Unknown;
    };
    match one_of(ck, node, path, Enumerated::ScopeType) {
        Some("partial") => ScopeKind::Partial,
        Some(_) => {
            if job == JobKind::Verify {
                ck.report(path, Problem::VerifyRequiresPartial);
            }
            ScopeKind::Total
        }
        None => ScopeKind::Unknown,
    }
}

fn version_numbers(ck: &mut Checker<'_>, slot: Option<&Node<'_>>, path: &Path<'_>) {
    let Some(node) = ck.required(slot, path) else {
        return;
    };
    let Some(items) = ck.string_list(node, path, false) else {
        return;
    };
    let Some(target) = ck.options.firmware().version.as_deref() else {
        return;
    };
    for (i, item) in items.iter().enumerate() {
        if matches!(&item.node, Node::String(s) if s == target) {
            ck.report(&path.index(i), Problem::TargetVersionInScope);
        }
    }
}

/// Checks the content of every selector given.
fn contents(ck: &mut Checker<'_>, path: &Path<'_>, selectors: &[Option<&Node<'_>>; 4]) {
    for (i, selector) in selectors.iter().enumerate() {
        if let Some(node) = selector {
            selectors::check(ck, SELECTORS[i], node, &path.key(SELECTORS[i]));
        }
    }
}

/// A verify job: `deviceKeys` required, at most the verification maximum, and no other selector.
fn verify(ck: &mut Checker<'_>, path: &Path<'_>, selectors: &[Option<&Node<'_>>; 4]) {
    let keys_path = path.key("deviceKeys");
    if let Some(keys) = ck.required(selectors[0], &keys_path) {
        selectors::check(ck, "deviceKeys", keys, &keys_path);
        let max = ck
            .options
            .firmware()
            .max_allowed_for_verification
            .unwrap_or(DEFAULT_MAX_FOR_VERIFICATION);
        if let Node::Array(items) = keys {
            if items.len() as u64 > u64::from(max) {
                let count = items.len();
                ck.report(&keys_path, Problem::TooManyDeviceKeys { count, max });
            }
        }
    }
    for (i, selector) in selectors.iter().enumerate().skip(1) {
        if let Some(node) = selector {
            let selector_path = path.key(SELECTORS[i]);
            ck.report(&selector_path, Problem::SelectorNotAllowed);
            selectors::check(ck, SELECTORS[i], node, &selector_path);
        }
    }
}
