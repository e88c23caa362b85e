//! The body: its job `type`, the fields each job type takes, `upgradeTimeout`
//! (300..=172800 s) and `maximumConcurrency` (>= 1).
//!
//! - A verify job does not take `upgradePolicy`, `enableUpgradeRequest`,
//!   `retryPolicy`, `schedulePolicy` or `maximumConcurrency`: each is an
//!   `ignored_field` warning, its content unchecked.
//! - With a missing or unknown `type` only the rules common to both job types run.
//! - A root `$schema` string (an editor's link to the JSON Schema) is known: no warning.
//! - A field of `upgradeScope`, `retryPolicy` or `schedulePolicy` written at the root is
//!   an `unknown_field` whose hint names where it belongs (and a fix that moves it).
//!
//! ```
//! use enos_ota_job::{validate_value, Options};
//! let body = serde_json::json!({"type": "upgrade", "upgradePolicy": "upgrade",
//!     "enableUpgradeRequest": true, "upgradeTimeout": 299,
//!     "upgradeScope": {"type": "total", "versionNumbers": ["1.0"]}});
//! let report = validate_value(&body, &Options::new());
//! let found: Vec<_> = report.errors.iter().map(|e| (e.path.as_str(), e.code.as_str())).collect();
//! assert_eq!(found, [("/upgradePolicy", "invalid_value"), ("/upgradeTimeout", "out_of_range")]);
//! ```

use serde_json::Value;

use crate::json::Node;
use crate::pointer::Path;
use crate::report::{Enumerated, Expected, Ignored, Problem};

use super::read::{replace, Nested};
use super::{retry, schedule, scope, Checker, JobKind};
use crate::unique;

/// The fields of the body, in the order the rules visit them.
pub(crate) const FIELDS: [&str; 9] = [
    "name",
    "type",
    "upgradeScope",
    "upgradePolicy",
    "enableUpgradeRequest",
    "upgradeTimeout",
    "retryPolicy",
    "schedulePolicy",
    "maximumConcurrency",
];

/// The root member that links a job file to its JSON Schema.
pub(crate) const SCHEMA_MEMBER: &str = "$schema";

/// The fields of the nested objects, for the hint of a field written at the root.
const NESTED: [Nested; 3] = [
    Nested {
        parent: "upgradeScope",
        fields: &scope::FIELDS,
    },
    Nested {
        parent: "retryPolicy",
        fields: &retry::FIELDS,
    },
    Nested {
        parent: "schedulePolicy",
        fields: &schedule::FIELDS,
    },
];

pub(crate) const TIMEOUT_RANGE: (i64, i64) = (300, 172_800);
pub(crate) const CONCURRENCY_RANGE: (i64, i64) = (1, i32::MAX as i64);

pub(super) fn check(ck: &mut Checker<'_>, node: &Node<'_>, path: &Path<'_>) -> JobKind {
    let Some(obj) = ck.object(node, path) else {
        return JobKind::Unknown;
    };
    let mut names = [""; 10];
    names[..9].copy_from_slice(&FIELDS);
    names[9] = SCHEMA_MEMBER;
    let [name, job_type, upgrade_scope, policy, enable_request, timeout, retry, schedule, concurrency, schema] =
        ck.fields_nested(obj, path, &names, &NESTED);
    if let Some(schema) = schema {
        ck.string(schema, &path.key(SCHEMA_MEMBER));
    }

    let kind = kind(ck, job_type, &path.key("type"));
    if let Some(name) = name {
        super::name::check(ck, name, &path.key("name"));
    }
    scope::check(ck, upgrade_scope, &path.key("upgradeScope"), kind);

    let policy_path = path.key("upgradePolicy");
    let enable_path = path.key("enableUpgradeRequest");
    match kind {
        JobKind::Upgrade => {
            if let Some(policy) = ck.required(policy, &policy_path) {
                one_of(ck, policy, &policy_path, Enumerated::UpgradePolicy);
            }
            if let Some(enable) = ck.required(enable_request, &enable_path) {
                ck.boolean(enable, &enable_path);
            }
        }
        JobKind::Verify => {
            let upgrade_only = [
                ("upgradePolicy", policy),
                ("enableUpgradeRequest", enable_request),
                ("retryPolicy", retry),
                ("schedulePolicy", schedule),
                ("maximumConcurrency", concurrency),
            ];
            for (field, slot) in upgrade_only {
                if slot.is_some() {
                    let reason = Ignored::VerifyJob;
                    ck.report(&path.key(field), Problem::IgnoredField { reason });
                }
            }
        }
        JobKind::Unknown => {}
    }

    if let Some(timeout) = timeout {
        let (min, max) = TIMEOUT_RANGE;
        ck.integer(timeout, &path.key("upgradeTimeout"), min, max);
    }
    if kind == JobKind::Upgrade {
        if let Some(retry) = retry {
            retry::check(ck, retry, &path.key("retryPolicy"));
        }
        if let Some(schedule) = schedule {
            schedule::check(ck, schedule, &path.key("schedulePolicy"));
        }
        if let Some(concurrency) = concurrency {
            let (min, max) = CONCURRENCY_RANGE;
            ck.integer(concurrency, &path.key("maximumConcurrency"), min, max);
        }
    }
    kind
}

fn kind(ck: &mut Checker<'_>, slot: Option<&Node<'_>>, path: &Path<'_>) -> JobKind {
    let Some(node) = ck.required(slot, path) else {
        return JobKind::Unknown;
    };
    match one_of(ck, node, path, Enumerated::JobType) {
        Some("upgrade") => JobKind::Upgrade,
        Some("verify") => JobKind::Verify,
        _ => JobKind::Unknown,
    }
}

/// A string from the field's allowed set: `invalid_type` or `invalid_value` otherwise.
/// A near miss of one allowed value gets it as the fix; a job type given as the
/// upgrade policy gets a hint of its own.
pub(super) fn one_of<'n>(
    ck: &mut Checker<'_>,
    node: &'n Node<'n>,
    path: &Path<'_>,
    field: Enumerated,
) -> Option<&'n str> {
    let Node::String(s) = node else {
        ck.wrong_type(node, path, Expected::String);
        return None;
    };
    let allowed = field.allowed();
    if allowed.iter().any(|a| unique::same(a, s)) {
        return Some(s);
    }
    let job_type = Enumerated::JobType.allowed();
    let field = match field {
        Enumerated::UpgradePolicy if job_type.contains(&s.as_ref()) => {
            Enumerated::UpgradePolicyGivenJobType
        }
        other => other,
    };
    let suggestion = match field {
        Enumerated::UpgradePolicyGivenJobType => None,
        _ => ck.near(s, allowed),
    };
    let problem = Problem::InvalidValue { field, suggestion };
    match suggestion {
        Some(value) => ck.report_fix(path, problem, || replace(path, Value::from(value))),
        None => ck.report(path, problem),
    }
    None
}
