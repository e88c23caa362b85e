//! Instants as people read them: `2024-01-01 23:00` in a fixed UTC offset.
//!
//! The calendar is chrono's; the text is written here, so that chrono's formatting
//! machinery stays out of the WebAssembly build.

use chrono::{DateTime, Datelike, Timelike};

/// `2024-01-01 23:00` for a millisecond timestamp at `offset` minutes east of UTC;
/// the bare number for an instant outside chrono's calendar.
pub(crate) fn datetime(millis: i64, offset_minutes: i64) -> String {
    let shifted = millis.saturating_add(offset_minutes.saturating_mul(60_000));
    match DateTime::from_timestamp_millis(shifted) {
        Some(t) => {
            let t = t.naive_utc();
            let mut out = String::with_capacity(16);
            push_padded(&mut out, i64::from(t.year()), 4);
            out.push('-');
            push_padded(&mut out, i64::from(t.month()), 2);
            out.push('-');
            push_padded(&mut out, i64::from(t.day()), 2);
            out.push(' ');
            push_padded(&mut out, i64::from(t.hour()), 2);
            out.push(':');
            push_padded(&mut out, i64::from(t.minute()), 2);
            out
        }
        None => millis.to_string(),
    }
}

/// `UTC+08:00` for 480.
pub(crate) fn offset_text(minutes: i64) -> String {
    let mut out = String::from(if minutes < 0 { "UTC-" } else { "UTC+" });
    let m = minutes.unsigned_abs();
    push_padded(&mut out, i64::try_from(m / 60).unwrap_or(i64::MAX), 2);
    out.push(':');
    push_padded(&mut out, i64::try_from(m % 60).unwrap_or(0), 2);
    out
}

fn push_padded(out: &mut String, n: i64, width: usize) {
    let mut digits = String::new();
    crate::json::write_int(n, &mut digits);
    for _ in digits.len()..width {
        out.push('0');
    }
    out.push_str(&digits);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shows_instants_in_their_zone() {
        // 2024-01-01 23:00 UTC.
        assert_eq!(datetime(1_704_150_000_000, 0), "2024-01-01 23:00");
        assert_eq!(datetime(1_704_150_000_000, 480), "2024-01-02 07:00");
        assert_eq!(datetime(1_704_150_000_000, -330), "2024-01-01 17:30");
        assert_eq!(offset_text(480), "UTC+08:00");
        assert_eq!(offset_text(-330), "UTC-05:30");
        assert_eq!(offset_text(0), "UTC+00:00");
        assert_eq!(datetime(i64::MAX, 840), i64::MAX.to_string());
    }
}
