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

/// The value of a string of ASCII digits, `None` beyond 64 bits.
pub(crate) fn parse_digits(s: &str) -> Option<i64> {
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
    }
}
