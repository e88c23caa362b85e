//! Reading typed values out of [`Node`]s, reporting what does not fit.
//!
//! Each reader reports its own problem at `path` and returns `None` when the value
//! cannot be used, so a rule can go on with the next field.

use crate::json::{Node, Object};
use crate::pointer::Path;
use crate::report::{Code, Detail, Kind};
use crate::unique;

use super::Checker;

impl<'o> Checker<'o> {
    /// Splits an object into the slots of `names` (the last of repeated keys wins,
    /// `null` is absent) and warns of every other key as `unknown_field`.
    pub fn fields<'n, const N: usize>(
        &mut self,
        obj: &'n Object<'n>,
        path: &Path<'_>,
        names: [&str; N],
    ) -> [Option<&'n Node<'n>>; N] {
        let mut slots = [None; N];
        for (key, value) in &obj.members {
            match names.iter().position(|name| name == key) {
                Some(i) => slots[i] = (!matches!(value, Node::Null)).then_some(value),
                None => self.report(&path.key(key), Code::UnknownField, Detail::Plain),
            }
        }
        slots
    }

    /// The field, or `required` when it is absent.
    pub fn required<'n>(
        &mut self,
        slot: Option<&'n Node<'n>>,
        path: &Path<'_>,
    ) -> Option<&'n Node<'n>> {
        if slot.is_none() {
            self.report(path, Code::Required, Detail::Plain);
        }
        slot
    }

    /// `invalid_type` for `node`, expected `kind`.
    pub fn wrong_type(&mut self, node: &Node<'_>, path: &Path<'_>, kind: Kind) {
        self.report(
            path,
            Code::InvalidType,
            Detail::Expected {
                expected: kind,
                found: node.type_name(),
            },
        );
    }

    pub fn object<'n>(&mut self, node: &'n Node<'n>, path: &Path<'_>) -> Option<&'n Object<'n>> {
        match node {
            Node::Object(obj) => Some(obj),
            _ => {
                self.wrong_type(node, path, Kind::Object);
                None
            }
        }
    }

    pub fn array<'n>(&mut self, node: &'n Node<'n>, path: &Path<'_>) -> Option<&'n [Node<'n>]> {
        match node {
            Node::Array(items) => Some(items),
            _ => {
                self.wrong_type(node, path, Kind::Array);
                None
            }
        }
    }

    pub fn string<'n>(&mut self, node: &'n Node<'n>, path: &Path<'_>) -> Option<&'n str> {
        match node {
            Node::String(s) => Some(s),
            _ => {
                self.wrong_type(node, path, Kind::String);
                None
            }
        }
    }

    pub fn boolean(&mut self, node: &Node<'_>, path: &Path<'_>) -> Option<bool> {
        match node {
            Node::Bool(b) => Some(*b),
            _ => {
                self.wrong_type(node, path, Kind::Boolean);
                None
            }
        }
    }

    /// `empty` when `is_empty`; returns whether the value has content.
    pub fn non_empty(&mut self, is_empty: bool, path: &Path<'_>) -> bool {
        if is_empty {
            self.report(path, Code::Empty, Detail::Plain);
        }
        !is_empty
    }

    /// A string that must not be empty.
    pub fn text<'n>(&mut self, node: &'n Node<'n>, path: &Path<'_>) -> Option<&'n str> {
        let s = self.string(node, path)?;
        self.non_empty(s.is_empty(), path).then_some(s)
    }

    /// An array of non-empty strings; a repeated entry is `duplicate_value`.
    /// With `allow_empty` false an empty array is `empty`.
    pub fn string_list<'n>(
        &mut self,
        node: &'n Node<'n>,
        path: &Path<'_>,
        allow_empty: bool,
    ) -> Option<&'n [Node<'n>]> {
        let items = self.array(node, path)?;
        if !allow_empty && !self.non_empty(items.is_empty(), path) {
            return Some(items);
        }
        for (i, item) in items.iter().enumerate() {
            self.text(item, &path.index(i));
        }
        let strings = items.iter().map(|item| match item {
            Node::String(s) if !s.is_empty() => Some(s.as_ref()),
            _ => None,
        });
        unique::for_each_repeat(strings, |i, first| {
            self.report(
                &path.index(i),
                Code::DuplicateValue,
                Detail::RepeatOf(first),
            );
        });
        Some(items)
    }

    /// An integer within `min..=max`, as a number literal or a numeric string.
    pub fn integer(&mut self, node: &Node<'_>, path: &Path<'_>, min: i64, max: i64) -> Option<i64> {
        let parsed = self.integer_literal(node, path)?;
        match parsed {
            Some(v) if (min..=max).contains(&v) => Some(v),
            _ => {
                self.report(path, Code::OutOfRange, Detail::Range { min, max });
                None
            }
        }
    }

    /// A 13-digit millisecond timestamp, as a number literal or a numeric string.
    pub fn timestamp(&mut self, node: &Node<'_>, path: &Path<'_>) -> Option<i64> {
        let parsed = self.integer_literal(node, path)?;
        match parsed {
            Some(v) if (TIMESTAMP_MIN..=TIMESTAMP_MAX).contains(&v) => Some(v),
            _ => {
                self.report(path, Code::InvalidTimestamp, Detail::Plain);
                None
            }
        }
    }

    /// Reads an integer written without fraction or exponent: `Some(Some(v))`,
    /// `Some(None)` when it does not fit in 64 bits, `None` (reported) otherwise.
    /// A string of digits is accepted with a `numeric_string` warning.
    fn integer_literal(&mut self, node: &Node<'_>, path: &Path<'_>) -> Option<Option<i64>> {
        let found = match node {
            Node::Number(raw) => match parse_integer(raw) {
                Integer::Value(v) => return Some(Some(v)),
                Integer::TooBig => return Some(None),
                Integer::Fraction => "fraction",
                Integer::NegativeZero => "-0",
            },
            Node::String(s) if !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()) => {
                self.report(path, Code::NumericString, Detail::Plain);
                return Some(parse_digits(s));
            }
            Node::String(_) => "non-digit string",
            other => other.type_name(),
        };
        self.report(
            path,
            Code::InvalidType,
            Detail::Expected {
                expected: Kind::Integer,
                found,
            },
        );
        None
    }
}

/// The smallest and largest 13-digit millisecond timestamps.
pub(crate) const TIMESTAMP_MIN: i64 = 1_000_000_000_000;
pub(crate) const TIMESTAMP_MAX: i64 = 9_999_999_999_999;

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
