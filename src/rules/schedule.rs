//! `schedulePolicy`: two 13-digit millisecond timestamps, the end later than the
//! start. With `isRepeatDaily: true` both fall on the same calendar day in the zone
//! `timezoneOffsetInMinutes` (else option `utcOffsetMinutes`, else UTC). A window
//! under 30 minutes is a `schedule_too_short` warning. The cross-checks run only
//! when both timestamps are valid; `end_before_start` excludes the other two.
//!
//! ```
//! use enos_ota_job::{validate_value, Options};
//! // 2024-01-01 23:00 to 2024-01-02 01:00 UTC, repeated daily.
//! let body = serde_json::json!({"type": "upgrade", "upgradePolicy": "snapshot",
//!     "enableUpgradeRequest": true, "upgradeScope": {"type": "total", "versionNumbers": ["1.0"]},
//!     "schedulePolicy": {"isRepeatDaily": true,
//!         "startTimestamp": 1704150000000_i64, "endTimestamp": 1704157200000_i64}});
//! let utc = validate_value(&body, &Options::new());
//! assert_eq!(utc.errors[0].code.as_str(), "not_same_day");
//! // In UTC+08:00 both are on 2 January.
//! assert!(validate_value(&body, &Options::new().utc_offset_minutes(480)).valid);
//! ```

use crate::json::Node;
use crate::options::OFFSET_RANGE;
use crate::pointer::Path;
use crate::report::{Code, Detail};

use super::Checker;

pub(crate) const FIELDS: [&str; 4] = [
    "isRepeatDaily",
    "startTimestamp",
    "endTimestamp",
    "timezoneOffsetInMinutes",
];

/// The EnOS console's shortest schedule window.
pub(crate) const MIN_WINDOW_MS: i64 = 30 * 60 * 1000;
const DAY_MS: i64 = 24 * 60 * 60 * 1000;

pub(super) fn check(ck: &mut Checker<'_>, node: &Node<'_>, path: &Path<'_>) {
    let Some(obj) = ck.object(node, path) else {
        return;
    };
    let [daily, start, end, zone] = ck.fields(obj, path, FIELDS);
    let daily = match daily {
        None => Some(false),
        Some(node) => ck.boolean(node, &path.key("isRepeatDaily")),
    };
    let start_path = path.key("startTimestamp");
    let start = ck
        .required(start, &start_path)
        .and_then(|n| ck.timestamp(n, &start_path));
    let end_path = path.key("endTimestamp");
    let end = ck
        .required(end, &end_path)
        .and_then(|n| ck.timestamp(n, &end_path));
    // `Err(())` when the zone is given but invalid: then the same-day rule is skipped.
    let zone = match zone {
        None => Ok(i64::from(ck.options.get_utc_offset_minutes())),
        Some(node) => {
            let (min, max) = OFFSET_RANGE;
            ck.integer(node, &path.key("timezoneOffsetInMinutes"), min, max)
                .ok_or(())
        }
    };

    let (Some(start), Some(end)) = (start, end) else {
        return;
    };
    if end <= start {
        ck.report(&end_path, Code::EndBeforeStart, Detail::Plain);
        return;
    }
    if let (Some(true), Ok(offset)) = (daily, zone) {
        if day(start, offset) != day(end, offset) {
            ck.report(&end_path, Code::NotSameDay, Detail::Offset(offset));
        }
    }
    let window = end.saturating_sub(start);
    if window < MIN_WINDOW_MS {
        ck.report(
            &end_path,
            Code::ScheduleTooShort,
            Detail::Minutes(window / 60_000),
        );
    }
}

/// The calendar day of a millisecond timestamp at `offset` minutes east of UTC.
pub(crate) fn day(timestamp: i64, offset: i64) -> i64 {
    timestamp
        .saturating_add(offset.saturating_mul(60_000))
        .div_euclid(DAY_MS)
}
