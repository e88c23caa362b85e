//! Instants as people read them: `2024-01-01 23:00` in a fixed UTC offset.
//!
//! The calendar is chrono's; the text is written here, so that chrono's formatting
//! machinery stays out of the WebAssembly build.

use chrono::{DateTime, Datelike, Timelike};

use super::text::put;

/// Appends `2024-01-01 23:00` for a millisecond timestamp at `offset` minutes east of UTC;
/// the bare number for an instant outside chrono's calendar.
pub(crate) fn datetime(millis: i64, offset_minutes: i64, out: &mut String) {
    let shifted = millis.saturating_add(offset_minutes.saturating_mul(60_000));
    match DateTime::from_timestamp_millis(shifted) {
        Some(t) => {
            let t = t.naive_utc();
            push_padded(out, i64::from(t.year()), 4);
            out.push('-');
            push_padded(out, i64::from(t.month()), 2);
            out.push('-');
            push_padded(out, i64::from(t.day()), 2);
            out.push(' ');
            push_padded(out, i64::from(t.hour()), 2);
            out.push(':');
            push_padded(out, i64::from(t.minute()), 2);
        }
        None => put!(out, millis),
    }
}

/// Appends `UTC+08:00` for 480.
pub(crate) fn offset_text(minutes: i64, out: &mut String) {
    out.push_str(if minutes < 0 { "UTC-" } else { "UTC+" });
    let m = minutes.unsigned_abs();
    push_padded(out, i64::try_from(m / 60).unwrap_or(i64::MAX), 2);
    out.push(':');
    push_padded(out, i64::try_from(m % 60).unwrap_or(0), 2);
}

/// Appends `n` with zeros in front up to `width` characters (the sign counted).
fn push_padded(out: &mut String, n: i64, width: usize) {
    let mut len = 1 + usize::from(n < 0);
    let mut rest = n.unsigned_abs();
    while rest >= 10 {
        rest /= 10;
        len += 1;
    }
    for _ in len..width {
        out.push('0');
    }
    put!(out, n);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn datetime_text(millis: i64, offset: i64) -> String {
        let mut out = String::new();
        datetime(millis, offset, &mut out);
        out
    }

    fn offset(minutes: i64) -> String {
        let mut out = String::new();
        offset_text(minutes, &mut out);
        out
    }

    #[test]
    fn shows_instants_in_their_zone() {
        // 2024-01-01 23:00 UTC.
        assert_eq!(datetime_text(1_704_150_000_000, 0), "2024-01-01 23:00");
        assert_eq!(datetime_text(1_704_150_000_000, 480), "2024-01-02 07:00");
        assert_eq!(datetime_text(1_704_150_000_000, -330), "2024-01-01 17:30");
        assert_eq!(offset(480), "UTC+08:00");
        assert_eq!(offset(-330), "UTC-05:30");
        assert_eq!(offset(0), "UTC+00:00");
        assert_eq!(datetime_text(i64::MAX, 840), i64::MAX.to_string());
        // A year before 1000 is padded; a negative one keeps its sign first, as before.
        assert_eq!(datetime_text(-61_000_000_000_000, 0), "0036-12-26 11:33");
        assert_eq!(datetime_text(-62_200_000_000_000, 0), "00-2-12-17 14:13");
    }
}
