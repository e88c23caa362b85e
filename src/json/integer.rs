//! Integers as JSON text writes them: number literals and strings of digits.

/// What a JSON number literal is, as an integer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Integer {
    Value(i64),
    TooBig,
    Fraction,
    NegativeZero,
}

/// Classifies a valid JSON number literal.
pub(crate) fn parse_integer(raw: &str) -> Integer {
    if raw.bytes().any(|b| matches!(b, b'.' | b'e' | b'E')) {
        return Integer::Fraction;
    }
    if raw == "-0" {
        return Integer::NegativeZero;
    }
    let (negative, digits) = match raw.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, raw),
    };
    // Up to 18 digits cannot overflow: no overflow check (in wasm, i64::checked_mul is
    // a call to a 128-bit multiplication).
    if digits.len() <= SAFE_DIGITS {
        let v = unchecked(digits);
        return Integer::Value(if negative { -v } else { v });
    }
    let mut v: i64 = 0;
    for b in digits.bytes() {
        let d = i64::from(b.wrapping_sub(b'0'));
        let next = v.checked_mul(10).and_then(|v| {
            if negative {
                v.checked_sub(d)
            } else {
                v.checked_add(d)
            }
        });
        match next {
            Some(n) => v = n,
            None => return Integer::TooBig,
        }
    }
    Integer::Value(v)
}

/// Decimal strings this long or shorter fit an `i64` (10^18 - 1 < 2^63).
const SAFE_DIGITS: usize = 18;

/// The value of at most [`SAFE_DIGITS`] ASCII digits (a valid literal's digits).
fn unchecked(digits: &str) -> i64 {
    digits
        .bytes()
        .fold(0i64, |v, b| v * 10 + i64::from(b.wrapping_sub(b'0')))
}

/// The value of a string of ASCII digits, `None` beyond 64 bits.
pub(crate) fn parse_digits(s: &str) -> Option<i64> {
    if s.len() <= SAFE_DIGITS && s.bytes().all(|b| b.is_ascii_digit()) {
        return Some(unchecked(s));
    }
    s.bytes().try_fold(0i64, |v, b| {
        v.checked_mul(10)?
            .checked_add(i64::from(b.wrapping_sub(b'0')))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classifies_integer_literals_at_the_64_bit_edges() {
        assert_eq!(
            parse_integer("9223372036854775807"),
            Integer::Value(i64::MAX)
        );
        assert_eq!(
            parse_integer("-9223372036854775808"),
            Integer::Value(i64::MIN)
        );
        assert_eq!(parse_integer("9223372036854775808"), Integer::TooBig);
        assert_eq!(parse_integer("-9223372036854775809"), Integer::TooBig);
        assert_eq!(parse_integer("7200.0"), Integer::Fraction);
        assert_eq!(parse_integer("7.2e3"), Integer::Fraction);
        assert_eq!(parse_integer("72E2"), Integer::Fraction);
        assert_eq!(parse_integer("-0"), Integer::NegativeZero);
        assert_eq!(parse_integer("0"), Integer::Value(0));
        assert_eq!(parse_digits("007200"), Some(7200));
        assert_eq!(parse_digits("99999999999999999999"), None);
        // Around the length up to which no overflow check is made.
        assert_eq!(
            parse_integer("999999999999999999"),
            Integer::Value(999_999_999_999_999_999)
        );
        assert_eq!(
            parse_integer("-999999999999999999"),
            Integer::Value(-999_999_999_999_999_999)
        );
        assert_eq!(
            parse_digits("999999999999999999"),
            Some(999_999_999_999_999_999)
        );
        assert_eq!(
            parse_digits("0999999999999999999"),
            Some(999_999_999_999_999_999)
        );
        assert_eq!(parse_integer("-0000000000000000001"), Integer::Value(-1));
    }
}
