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
//! assert!(validate_value(&body, &Options::new().with_utc_offset_minutes(480)).valid);
//! ```

use crate::json::{parse_integer, Integer, Node};
use crate::options::OFFSET_RANGE;
use crate::pointer::Path;
use crate::report::{Problem, Window};

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
    let [daily, start, end, zone] = ck.fields(obj, path, &FIELDS);
    let daily = match daily {
        None => Some(false),
        Some(node) => ck.boolean(node, &path.key("isRepeatDaily")),
    };
    // The zone the timestamps' hints show dates in: the body's when it reads, else the option's.
    let shown_zone = zone
        .and_then(literal_offset)
        .unwrap_or_else(|| i64::from(ck.options.utc_offset_minutes()));
    let start_path = path.key("startTimestamp");
    let start = ck
        .required(start, &start_path)
        .and_then(|n| ck.timestamp(n, &start_path, shown_zone));
    let end_path = path.key("endTimestamp");
    let end = ck
        .required(end, &end_path)
        .and_then(|n| ck.timestamp(n, &end_path, shown_zone));
    // `Err(())` when the zone is given but invalid: then the same-day rule is skipped.
    let zone = match zone {
        None => Ok(i64::from(ck.options.utc_offset_minutes())),
        Some(node) => {
            let (min, max) = OFFSET_RANGE;
            ck.integer(node, &path.key("timezoneOffsetInMinutes"), min, max)
                .ok_or(())
        }
    };

    let (Some(start), Some(end)) = (start, end) else {
        return;
    };
    let window = Window {
        start,
        end,
        offset_minutes: zone.unwrap_or(shown_zone),
    };
    if end <= start {
        ck.report(&end_path, Problem::EndBeforeStart { window });
        return;
    }
    if let (Some(true), Ok(offset)) = (daily, zone) {
        if day(start, offset) != day(end, offset) {
            ck.report(&end_path, Problem::NotSameDay { window });
        }
    }
    if end.saturating_sub(start) < MIN_WINDOW_MS {
        ck.report(&end_path, Problem::ScheduleTooShort { window });
    }
}

/// A zone written as an integer literal in range, without reporting anything.
fn literal_offset(node: &Node<'_>) -> Option<i64> {
    match node {
        Node::Number(raw) => match parse_integer(raw) {
            Integer::Value(v) if (OFFSET_RANGE.0..=OFFSET_RANGE.1).contains(&v) => Some(v),
            _ => None,
        },
        _ => None,
    }
}

/// The calendar day of a millisecond timestamp at `offset` minutes east of UTC.
pub(crate) fn day(timestamp: i64, offset: i64) -> i64 {
    timestamp
        .saturating_add(offset.saturating_mul(60_000))
        .div_euclid(DAY_MS)
}
