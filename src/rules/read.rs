//! Reading typed values out of [`Node`]s, reporting what does not fit.
//!
//! Each reader reports its own problem at `path` and returns `None` when the value
//! cannot be used, so a rule can go on with the next field. Where a slip has one
//! sensible repair (a number in quotes, `"true"`, one string for a list, a 10-digit
//! timestamp, a misspelt field) the problem carries it as a fix.

use serde_json::Value;

use crate::json::{parse_digits, parse_integer, Child, Integer, Node, Object};
use crate::pointer::Path;
use crate::report::{Expected, FieldSuggestion, Found, PatchOp, Problem, Rescaled, TimeUnit};
use crate::unique;

use super::Checker;

/// A field one level down that is sometimes written at this level.
pub(crate) struct Nested {
    /// The object it belongs in.
    pub parent: &'static str,
    /// That object's fields.
    pub fields: &'static [&'static str],
}

/// What a value is, for an `invalid_type` message.
pub(crate) fn found(node: &Node<'_>) -> Found {
    match node {
        Node::Null => Found::Null,
        Node::Bool(_) => Found::Boolean,
        Node::Number(_) => Found::Number,
        Node::String(_) => Found::String,
        Node::Array(_) => Found::Array,
        Node::Object(_) => Found::Object,
    }
}

impl<'o> Checker<'o> {
    /// Splits an object into the slots of `names` (the last of repeated keys wins,
    /// `null` is absent) and warns of every other key as `unknown_field`, once per key.
    pub fn fields<'n, const N: usize>(
        &mut self,
        obj: &'n Object<'n>,
        path: &Path<'_>,
        names: &[&'static str; N],
    ) -> [Option<&'n Node<'n>>; N] {
        self.fields_nested(obj, path, names, &[])
    }

    /// [`Checker::fields`], also knowing which fields of `nested` objects are often
    /// written one level too high.
    pub fn fields_nested<'n, const N: usize>(
        &mut self,
        obj: &'n Object<'n>,
        path: &Path<'_>,
        names: &[&'static str; N],
        nested: &[Nested],
    ) -> [Option<&'n Node<'n>>; N] {
        let mut slots = [None; N];
        for (i, (key, value)) in obj.members.iter().enumerate() {
            match names.iter().position(|name| unique::same(name, key)) {
                Some(slot) => slots[slot] = (!matches!(**value, Node::Null)).then_some(&**value),
                None => {
                    let repeated_later =
                        obj.has_duplicates && obj.members[i + 1..].iter().any(|(k, _)| k == key);
                    if !repeated_later {
                        self.unknown(obj, path, key, names, nested);
                    }
                }
            }
        }
        slots
    }

    fn unknown(
        &mut self,
        obj: &Object<'_>,
        path: &Path<'_>,
        key: &str,
        names: &[&'static str],
        nested: &[Nested],
    ) {
        let key_path = path.key(key);
        let single = !obj.has_duplicates;
        let absent = |o: &Object<'_>, k: &str| o.members.iter().all(|(m, _)| m != k);
        if !nested.is_empty() {
            if let Some(name) = ["startSchedule", "endSchedule"]
                .iter()
                .position(|s| *s == key)
                .map(|i| ["startTimestamp", "endTimestamp"][i])
            {
                let suggestion = Some(FieldSuggestion::Schedule { name });
                return self.report(&key_path, Problem::UnknownField { suggestion });
            }
        }
        for n in nested {
            if let Some(name) = n.fields.iter().find(|f| **f == key) {
                let suggestion = Some(FieldSuggestion::Misplaced {
                    name,
                    parent: n.parent,
                });
                let problem = Problem::UnknownField { suggestion };
                let target = matches!(obj.get(n.parent),
                    Some(Node::Object(p)) if single && !p.has_duplicates && absent(p, key));
                return if target {
                    let fix = || {
                        let (from, to) = (key_path.render(), path.key(n.parent).key(key).render());
                        vec![PatchOp::Move { from, path: to }]
                    };
                    self.report_fix(&key_path, problem, fix);
                } else {
                    self.report(&key_path, problem);
                };
            }
        }
        match self.near(key, names) {
            Some(name) => {
                let problem = Problem::UnknownField {
                    suggestion: Some(FieldSuggestion::Typo { name }),
                };
                if single && absent(obj, name) {
                    let fix = || {
                        let (from, to) = (key_path.render(), path.key(name).render());
                        vec![PatchOp::Move { from, path: to }]
                    };
                    self.report_fix(&key_path, problem, fix);
                } else {
                    self.report(&key_path, problem);
                }
            }
            None => self.report(&key_path, Problem::UnknownField { suggestion: None }),
        }
    }

    /// The field, or `required` when it is absent.
    pub fn required<'n>(
        &mut self,
        slot: Option<&'n Node<'n>>,
        path: &Path<'_>,
    ) -> Option<&'n Node<'n>> {
        if slot.is_none() {
            self.report(path, Problem::Required);
        }
        slot
    }

    /// `invalid_type` for `node`, expected `kind`.
    pub fn wrong_type(&mut self, node: &Node<'_>, path: &Path<'_>, expected: Expected) {
        self.report(
            path,
            Problem::InvalidType {
                expected,
                found: found(node),
            },
        );
    }

    pub fn object<'n>(&mut self, node: &'n Node<'n>, path: &Path<'_>) -> Option<&'n Object<'n>> {
        match node {
            Node::Object(obj) => Some(obj),
            _ => {
                self.wrong_type(node, path, Expected::Object);
                None
            }
        }
    }

    pub fn array<'n>(&mut self, node: &'n Node<'n>, path: &Path<'_>) -> Option<&'n [Child<'n>]> {
        match node {
            Node::Array(items) => Some(items),
            _ => {
                self.wrong_type(node, path, Expected::Array);
                None
            }
        }
    }

    pub fn string<'n>(&mut self, node: &'n Node<'n>, path: &Path<'_>) -> Option<&'n str> {
        match node {
            Node::String(s) => Some(s),
            _ => {
                self.wrong_type(node, path, Expected::String);
                None
            }
        }
    }

    /// A boolean; `"true"` and `"false"` are `invalid_type` with the fix.
    pub fn boolean(&mut self, node: &Node<'_>, path: &Path<'_>) -> Option<bool> {
        match node {
            Node::Bool(b) => Some(*b),
            Node::String(s) if s == "true" || s == "false" => {
                let b = s == "true";
                let problem = Problem::InvalidType {
                    expected: Expected::Boolean,
                    found: Found::BooleanString(b),
                };
                self.report_fix(path, problem, || replace(path, Value::Bool(b)));
                None
            }
            _ => {
                self.wrong_type(node, path, Expected::Boolean);
                None
            }
        }
    }

    /// `empty` when `is_empty`; returns whether the value has content.
    pub fn non_empty(&mut self, is_empty: bool, path: &Path<'_>) -> bool {
        if is_empty {
            self.report(path, Problem::Empty);
        }
        !is_empty
    }

    /// A string that must not be empty.
    pub fn text<'n>(&mut self, node: &'n Node<'n>, path: &Path<'_>) -> Option<&'n str> {
        let s = self.string(node, path)?;
        self.non_empty(s.is_empty(), path).then_some(s)
    }

    /// An array of non-empty strings; a repeated entry is `duplicate_value`.
    /// With `allow_empty` false an empty array is `empty`. One non-empty string in
    /// place of the array is `invalid_type` with the fix `[string]`.
    pub fn string_list<'n>(
        &mut self,
        node: &'n Node<'n>,
        path: &Path<'_>,
        allow_empty: bool,
    ) -> Option<&'n [Child<'n>]> {
        if let Node::String(s) = node {
            if !s.is_empty() {
                let problem = Problem::InvalidType {
                    expected: Expected::Array,
                    found: Found::LoneString(s.to_string()),
                };
                let fix = || replace(path, Value::Array(vec![Value::String(s.to_string())]));
                self.report_fix(path, problem, fix);
                return None;
            }
        }
        let items = self.array(node, path)?;
        if !allow_empty && !self.non_empty(items.is_empty(), path) {
            return Some(items);
        }
        for (i, item) in items.iter().enumerate() {
            self.text(item, &path.index(i));
        }
        let strings = items.iter().map(|item| match &item.node {
            Node::String(s) if !s.is_empty() => Some(s.as_ref()),
            _ => None,
        });
        unique::for_each_repeat(strings, |i, first| {
            self.report(&path.index(i), Problem::DuplicateValue { first });
        });
        Some(items)
    }

    /// An integer within `min..=max`, as a number literal or a numeric string.
    pub fn integer(&mut self, node: &Node<'_>, path: &Path<'_>, min: i64, max: i64) -> Option<i64> {
        let parsed = self.integer_literal(node, path)?;
        match parsed {
            Some(v) if (min..=max).contains(&v) => Some(v),
            _ => {
                self.report(path, Problem::OutOfRange { min, max });
                None
            }
        }
    }

    /// A 13-digit millisecond timestamp, as a number literal or a numeric string.
    /// A value in seconds or microseconds gets the rescaled value as its fix, shown
    /// in the zone `offset`.
    pub fn timestamp(&mut self, node: &Node<'_>, path: &Path<'_>, offset: i64) -> Option<i64> {
        let parsed = self.integer_literal(node, path)?;
        match parsed {
            Some(v) if (TIMESTAMP_MIN..=TIMESTAMP_MAX).contains(&v) => Some(v),
            _ => {
                let rescaled = parsed.and_then(|v| rescale(v, offset));
                match rescaled {
                    Some(r) => {
                        let fix = || replace(path, Value::from(r.millis));
                        let problem = Problem::InvalidTimestamp { rescaled };
                        self.report_fix(path, problem, fix);
                    }
                    None => self.report(path, Problem::InvalidTimestamp { rescaled: None }),
                }
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
                Integer::Fraction => Found::Fraction,
                Integer::NegativeZero => Found::NegativeZero,
            },
            Node::String(s) if !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()) => {
                let value = parse_digits(s);
                let problem = Problem::NumericString { value };
                match value {
                    Some(v) => self.report_fix(path, problem, || replace(path, Value::from(v))),
                    None => self.report(path, problem),
                }
                return Some(value);
            }
            Node::String(_) => Found::NonDigitString,
            other => found(other),
        };
        self.report(
            path,
            Problem::InvalidType {
                expected: Expected::Integer,
                found,
            },
        );
        None
    }
}

/// A one-operation `replace` patch.
pub(crate) fn replace(path: &Path<'_>, value: Value) -> Vec<PatchOp> {
    vec![PatchOp::Replace {
        path: path.render(),
        value,
    }]
}

/// A 10-digit value read as seconds, or a 16-digit multiple of 1000 read as microseconds.
fn rescale(v: i64, offset: i64) -> Option<Rescaled> {
    let (unit, millis) = match v {
        1_000_000_000..=9_999_999_999 => (TimeUnit::Seconds, v.saturating_mul(1000)),
        1_000_000_000_000_000..=9_999_999_999_999_999 if v % 1000 == 0 => {
            (TimeUnit::Microseconds, v / 1000)
        }
        _ => return None,
    };
    Some(Rescaled {
        unit,
        millis,
        offset_minutes: offset,
    })
}

/// The smallest and largest 13-digit millisecond timestamps.
pub(crate) const TIMESTAMP_MIN: i64 = 1_000_000_000_000;
pub(crate) const TIMESTAMP_MAX: i64 = 9_999_999_999_999;
