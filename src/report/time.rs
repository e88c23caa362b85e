//! Instants as people read them: `2024-01-01 23:00` in a fixed UTC offset.
//!
//! The proleptic Gregorian calendar over the years -262143 to 262142 (chrono's range, which
//! the tests hold it to), written here: no calendar crate and no lookup table in the
//! WebAssembly build.

use super::text::put;

/// The first and last years shown as dates; other instants show as their number.
const YEARS: (i64, i64) = (-262_143, 262_142);

/// Appends `2024-01-01 23:00` for a millisecond timestamp at `offset` minutes east of UTC;
/// the bare number for an instant outside the calendar's years.
pub(crate) fn datetime(millis: i64, offset_minutes: i64, out: &mut String) {
    const DAY_MS: i64 = 86_400_000;
    let shifted = millis.saturating_add(offset_minutes.saturating_mul(60_000));
    let (year, month, day) = civil(shifted.div_euclid(DAY_MS));
    if !(YEARS.0..=YEARS.1).contains(&year) {
        return put!(out, millis);
    }
    let minutes = shifted.rem_euclid(DAY_MS) / 60_000;
    push_padded(out, year, 4);
    out.push('-');
    push_padded(out, month, 2);
    out.push('-');
    push_padded(out, day, 2);
    out.push(' ');
    push_padded(out, minutes / 60, 2);
    out.push(':');
    push_padded(out, minutes % 60, 2);
}

/// The year, month and day of a day counted from 1970-01-01 (day 0), by the era arithmetic
/// of H. Hinnant's `civil_from_days`: 400-year eras of 146,097 days, years starting on
/// 1 March so that the leap day ends them. Exact for every `i64` day an `i64` of
/// milliseconds can reach.
fn civil(days: i64) -> (i64, i64, i64) {
    let z = days + 719_468; // days from 0000-03-01
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097; // day of the era, 0..=146_096
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365; // 0..=399
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100); // day of the March year, 0..=365
    let mp = (5 * doy + 2) / 153; // month from March, 0..=11
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    (yoe + era * 400 + i64::from(month <= 2), month, day)
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

    /// chrono's text of the same instant, as this module wrote it when it used chrono
    /// (a native dev-dependency: not in the wasm32 tests).
    #[cfg(not(target_arch = "wasm32"))]
    fn chrono_text(millis: i64, offset: i64) -> String {
        use chrono::{DateTime, Datelike, Timelike};
        let shifted = millis.saturating_add(offset.saturating_mul(60_000));
        let Some(t) = DateTime::from_timestamp_millis(shifted) else {
            return millis.to_string();
        };
        let t = t.naive_utc();
        let pad = |n: i64, width: usize| format!("{:0>width$}", n.to_string());
        format!(
            "{}-{}-{} {}:{}",
            pad(i64::from(t.year()), 4),
            pad(i64::from(t.month()), 2),
            pad(i64::from(t.day()), 2),
            pad(i64::from(t.hour()), 2),
            pad(i64::from(t.minute()), 2)
        )
    }

    #[test]
    #[cfg(not(target_arch = "wasm32"))]
    fn agrees_with_chrono() {
        let mut cases: Vec<i64> = vec![
            0,
            -1,
            1,
            i64::MIN,
            i64::MAX,
            951_782_400_000,
            951_868_800_000,
        ];
        // The edges of chrono's range: the first and last millisecond of years -262143 and
        // 262142, and one beyond.
        for edge in [-8_334_601_228_800_000_i64, 8_210_298_412_800_000] {
            cases.extend((-3..3).map(|d| edge + d));
            cases.extend((-3..3).map(|d| edge + d * 86_400_000));
        }
        // Leap days and year ends over 800 years around 1970, then spread over the range.
        cases.extend(
            (-146_097 * 2..146_097 * 2)
                .step_by(97)
                .map(|d| d * 86_400_000 + 59_999),
        );
        let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
        for _ in 0..20_000 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            let v = x as i64;
            cases.extend([v >> 1, v >> 10, v >> 20, v >> 24]);
        }
        for &millis in &cases {
            for offset in [0, 480, -720, 840, -330] {
                assert_eq!(
                    datetime_text(millis, offset),
                    chrono_text(millis, offset),
                    "{millis} {offset}"
                );
            }
        }
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
