//! `retryPolicy`: with `enableRetry: true`, `retryInterval` (0..=86400 s) and
//! `retryCount` (1..=5) are required. Their ranges are checked whenever they are
//! given; given while retry is off, each is also an `ignored_field` warning.
//!
//! ```
//! use enos_ota_job::{validate_value, Options};
//! let body = serde_json::json!({"type": "upgrade", "upgradePolicy": "snapshot",
//!     "enableUpgradeRequest": true, "retryPolicy": {"enableRetry": true, "retryCount": 6},
//!     "upgradeScope": {"type": "total", "versionNumbers": ["1.0"]}});
//! let report = validate_value(&body, &Options::new());
//! let found: Vec<_> = report.errors.iter().map(|e| (e.path.as_str(), e.code.as_str())).collect();
//! assert_eq!(found, [("/retryPolicy/retryInterval", "required"), ("/retryPolicy/retryCount", "out_of_range")]);
//! ```

use crate::json::Node;
use crate::pointer::Path;
use crate::report::{Ignored, Problem};

use super::Checker;

pub(crate) const FIELDS: [&str; 3] = ["enableRetry", "retryInterval", "retryCount"];
pub(crate) const INTERVAL_RANGE: (i64, i64) = (0, 86_400);
pub(crate) const COUNT_RANGE: (i64, i64) = (1, 5);

pub(super) fn check(ck: &mut Checker<'_>, node: &Node<'_>, path: &Path<'_>) {
    let Some(obj) = ck.object(node, path) else {
        return;
    };
    let [enable, interval, count] = ck.fields(obj, path, &FIELDS);
    // `None` when `enableRetry` has the wrong type: then neither rule on it applies.
    let enabled = match enable {
        None => Some(false),
        Some(node) => ck.boolean(node, &path.key("enableRetry")),
    };
    for (field, slot, (min, max)) in [
        ("retryInterval", interval, INTERVAL_RANGE),
        ("retryCount", count, COUNT_RANGE),
    ] {
        let field_path = path.key(field);
        match (slot, enabled) {
            (None, Some(true)) => ck.report(&field_path, Problem::Required),
            (None, _) => {}
            (Some(value), _) => {
                ck.integer(value, &field_path, min, max);
                if enabled == Some(false) {
                    let reason = Ignored::RetryOff;
                    ck.report(&field_path, Problem::IgnoredField { reason });
                }
            }
        }
    }
}
