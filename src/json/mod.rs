//! A small JSON reader built for validation.
//!
//! `serde_json::Value` cannot tell a validator what it needs: it keeps the last of
//! repeated keys silently, turns `1e3` and `18446744073709551616` into the same kind
//! of float, and copies every string. [`Node`] keeps the literal text of numbers,
//! borrows strings that need no unescaping, records repeated keys and keeps member
//! order, so every rule can report exactly what the user wrote; and where each value
//! starts ([`Child`]), so that a report finds its positions in the tree.

mod integer;
mod locate;
#[cfg(test)]
mod locate_tests;
mod parse;
#[cfg(test)]
mod parse_tests;
mod scan;
mod strings;
mod write;

use std::borrow::Cow;
use std::ops::{Deref, DerefMut};

pub(crate) use integer::{parse_digits, parse_integer, Integer};
pub(crate) use locate::{line_columns, tokens as pointer_tokens, Locator, Source};
pub use parse::SyntaxError;
pub(crate) use parse::{parse, parse_document, ParseError};
pub(crate) use scan::has_either;
pub(crate) use write::{
    write_compact, write_int, write_key, write_pretty, write_string, write_value,
};

/// The deepest nesting read: the root container is level 1, and a container at
/// level [`MAX_DEPTH`] is refused (serde_json's own limit).
pub(crate) const MAX_DEPTH: usize = 128;

/// One JSON value of a parsed document.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Node<'a> {
    Null,
    Bool(bool),
    /// The number as written, e.g. `7200`, `-0`, `7.2e3`.
    Number(Cow<'a, str>),
    String(Cow<'a, str>),
    Array(Vec<Child<'a>>),
    Object(Object<'a>),
}

/// An array's item or a member's value, and the byte offset in the text of its first
/// character, for positions (the root starts at the text's first non-blank byte). It
/// dereferences to its [`Node`]. A value made rather than read (by `from_value`, a fix, a
/// normalization) has no place in a text: its `start` is 0 and means nothing.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Child<'a> {
    pub node: Node<'a>,
    pub start: usize,
}

impl<'a> Deref for Child<'a> {
    type Target = Node<'a>;

    fn deref(&self) -> &Node<'a> {
        &self.node
    }
}

impl DerefMut for Child<'_> {
    fn deref_mut(&mut self) -> &mut Self::Target {
        &mut self.node
    }
}

impl<'a> From<Node<'a>> for Child<'a> {
    /// A value made, not read: no place in a text.
    fn from(node: Node<'a>) -> Child<'a> {
        Child { node, start: 0 }
    }
}

/// A JSON object with its members in document order, repeats included.
#[derive(Debug, Clone, PartialEq, Default)]
pub(crate) struct Object<'a> {
    pub members: Vec<(Cow<'a, str>, Child<'a>)>,
    /// Whether some key appears more than once.
    pub has_duplicates: bool,
}

impl<'a> Object<'a> {
    /// The value of `key`; the last one wins, as in serde_json and JavaScript.
    pub fn get(&self, key: &str) -> Option<&Node<'a>> {
        self.members
            .iter()
            .rev()
            .find(|(k, _)| k == key)
            .map(|(_, v)| &v.node)
    }
}

impl Node<'_> {
    /// The JSON type name used in messages.
    pub fn type_name(&self) -> &'static str {
        match self {
            Node::Null => "null",
            Node::Bool(_) => "boolean",
            Node::Number(_) => "number",
            Node::String(_) => "string",
            Node::Array(_) => "array",
            Node::Object(_) => "object",
        }
    }
}

/// Why a `serde_json::Value` could not be read as a [`Node`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct TooDeep;

/// Borrows a `serde_json::Value` as a [`Node`], refusing containers at level `max_depth`
/// (the root is level 1), as [`parse_document`] does.
pub(crate) fn from_value(value: &serde_json::Value, max_depth: usize) -> Result<Node<'_>, TooDeep> {
    from_value_at(value, 1, max_depth)
}

fn from_value_at(
    value: &serde_json::Value,
    depth: usize,
    max_depth: usize,
) -> Result<Node<'_>, TooDeep> {
    use serde_json::Value;
    Ok(match value {
        Value::Null => Node::Null,
        Value::Bool(b) => Node::Bool(*b),
        Value::Number(n) => Node::Number(Cow::Owned(n.to_string())),
        Value::String(s) => Node::String(Cow::Borrowed(s)),
        Value::Array(items) => {
            if depth >= max_depth {
                return Err(TooDeep);
            }
            let mut out = Vec::with_capacity(items.len());
            for item in items {
                out.push(from_value_at(item, depth + 1, max_depth)?.into());
            }
            Node::Array(out)
        }
        Value::Object(map) => {
            if depth >= max_depth {
                return Err(TooDeep);
            }
            let mut members = Vec::with_capacity(map.len());
            for (k, v) in map {
                members.push((
                    Cow::Borrowed(k.as_str()),
                    from_value_at(v, depth + 1, max_depth)?.into(),
                ));
            }
            Node::Object(Object {
                members,
                has_duplicates: false,
            })
        }
    })
}

/// The `serde_json::Value` of a number literal. Integers that fit 64 bits stay integers;
/// every other number is read by the standard library's correctly rounded parser (serde_json's
/// default one can be one ulp off, so a typed job would not read back equal to itself),
/// and a literal beyond f64's range (`1e400`) becomes the largest finite float of its sign:
/// still a number, never `null` (which would read as absent).
fn number(raw: &str) -> serde_json::Value {
    let integer = raw != "-0" && !raw.contains(['.', 'e', 'E']);
    if integer {
        if let Ok(v) = raw.parse::<i64>() {
            return v.into();
        }
        if let Ok(v) = raw.parse::<u64>() {
            return v.into();
        }
    }
    let v = raw.parse::<f64>().unwrap_or_default();
    let finite = if v.is_finite() {
        v
    } else if v < 0.0 {
        f64::MIN
    } else {
        f64::MAX
    };
    finite.into()
}

/// Converts a [`Node`] into an owned `serde_json::Value` (the last of repeated keys wins).
pub(crate) fn to_value(node: &Node<'_>) -> serde_json::Value {
    use serde_json::Value;
    match node {
        Node::Null => Value::Null,
        Node::Bool(b) => Value::Bool(*b),
        Node::Number(raw) => number(raw),
        Node::String(s) => Value::String(s.to_string()),
        Node::Array(items) => Value::Array(items.iter().map(|item| to_value(item)).collect()),
        Node::Object(obj) => Value::Object(
            obj.members
                .iter()
                .map(|(k, v)| (k.to_string(), to_value(v)))
                .collect(),
        ),
    }
}

/// The reader's value of a JSON text, or `None` when it refuses the text: for the
/// differential fuzz target that holds the reader to serde_json. Not part of the API.
#[doc(hidden)]
pub fn read_for_fuzzing(text: &str) -> Option<serde_json::Value> {
    parse(text).ok().map(|node| to_value(&node))
}
