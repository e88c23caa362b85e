//! RFC 6902 `move` and `replace` on a parsed document, for the fixes of a report.

use std::borrow::Cow;

use crate::json::{pointer_tokens as tokens, Node, Object};
use crate::report::PatchOp;

/// Why a patch could not be applied.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub(crate) enum PatchError {
    /// The pointer names no value, or its parent is not a container.
    #[error("no value at `{0}`")]
    NoTarget(String),
    /// The member is repeated in its object, so the pointer is ambiguous.
    #[error("`{0}` names a repeated key")]
    Ambiguous(String),
}

/// Applies `ops` in order; on an error the document is left partly patched.
pub(crate) fn apply(doc: &mut Node<'_>, ops: &[PatchOp]) -> Result<(), PatchError> {
    for op in ops {
        match op {
            PatchOp::Replace { path, value } => {
                let slot = get_mut(doc, path)?;
                *slot = owned(value);
            }
            PatchOp::Move { from, path } => {
                let value = remove(doc, from)?;
                add(doc, path, value)?;
            }
        }
    }
    Ok(())
}

fn member<'o, 'a>(obj: &'o mut Object<'a>, key: &str, pointer: &str) -> Result<usize, PatchError> {
    let mut found = obj
        .members
        .iter()
        .enumerate()
        .filter(|(_, (k, _))| k == key);
    match (found.next(), found.next()) {
        (Some((i, _)), None) => Ok(i),
        (Some(_), Some(_)) => Err(PatchError::Ambiguous(pointer.to_owned())),
        _ => Err(PatchError::NoTarget(pointer.to_owned())),
    }
}

fn step<'d, 'a>(
    node: &'d mut Node<'a>,
    token: &str,
    pointer: &str,
) -> Result<&'d mut Node<'a>, PatchError> {
    match node {
        Node::Object(obj) => {
            let i = member(obj, token, pointer)?;
            Ok(&mut obj.members[i].1)
        }
        Node::Array(items) => token
            .parse::<usize>()
            .ok()
            .and_then(|i| items.get_mut(i))
            .ok_or_else(|| PatchError::NoTarget(pointer.to_owned())),
        _ => Err(PatchError::NoTarget(pointer.to_owned())),
    }
}

fn get_mut<'d, 'a>(doc: &'d mut Node<'a>, pointer: &str) -> Result<&'d mut Node<'a>, PatchError> {
    let mut node = doc;
    for token in tokens(pointer) {
        node = step(node, &token, pointer)?;
    }
    Ok(node)
}

/// The parent container of `pointer` and its last token.
fn parent<'d, 'a, 'p>(
    doc: &'d mut Node<'a>,
    pointer: &'p str,
) -> Result<(&'d mut Node<'a>, Cow<'p, str>), PatchError> {
    let mut tokens: Vec<Cow<'p, str>> = tokens(pointer).collect();
    let last = tokens
        .pop()
        .ok_or_else(|| PatchError::NoTarget(pointer.to_owned()))?;
    let mut node = doc;
    for token in tokens {
        node = step(node, &token, pointer)?;
    }
    Ok((node, last))
}

fn remove<'a>(doc: &mut Node<'a>, pointer: &str) -> Result<Node<'a>, PatchError> {
    let (container, last) = parent(doc, pointer)?;
    match container {
        Node::Object(obj) => {
            let i = member(obj, &last, pointer)?;
            Ok(obj.members.remove(i).1)
        }
        Node::Array(items) => match last.parse::<usize>() {
            Ok(i) if i < items.len() => Ok(items.remove(i)),
            _ => Err(PatchError::NoTarget(pointer.to_owned())),
        },
        _ => Err(PatchError::NoTarget(pointer.to_owned())),
    }
}

fn add<'a>(doc: &mut Node<'a>, pointer: &str, value: Node<'a>) -> Result<(), PatchError> {
    let (container, last) = parent(doc, pointer)?;
    match container {
        Node::Object(obj) => {
            match member(obj, &last, pointer) {
                Ok(i) => obj.members[i].1 = value,
                Err(PatchError::NoTarget(_)) => {
                    obj.members.push((Cow::Owned(last.into_owned()), value))
                }
                Err(e) => return Err(e),
            }
            Ok(())
        }
        Node::Array(items) => {
            let i = if last == "-" {
                items.len()
            } else {
                last.parse::<usize>()
                    .ok()
                    .filter(|&i| i <= items.len())
                    .ok_or_else(|| PatchError::NoTarget(pointer.to_owned()))?
            };
            items.insert(i, value);
            Ok(())
        }
        _ => Err(PatchError::NoTarget(pointer.to_owned())),
    }
}

/// An owned [`Node`] of a `serde_json::Value`.
pub(crate) fn owned(value: &serde_json::Value) -> Node<'static> {
    use serde_json::Value;
    match value {
        Value::Null => Node::Null,
        Value::Bool(b) => Node::Bool(*b),
        Value::Number(n) => Node::Number(Cow::Owned(n.to_string())),
        Value::String(s) => Node::String(Cow::Owned(s.clone())),
        Value::Array(items) => Node::Array(items.iter().map(owned).collect()),
        Value::Object(map) => Node::Object(Object {
            members: map
                .iter()
                .map(|(k, v)| (Cow::Owned(k.clone()), owned(v)))
                .collect(),
            has_duplicates: false,
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::json::{parse, write_compact};

    fn patched(text: &str, ops: &[PatchOp]) -> Result<String, PatchError> {
        let mut doc = parse(text).unwrap();
        apply(&mut doc, ops)?;
        let mut out = String::new();
        write_compact(&doc, &mut out);
        Ok(out)
    }

    #[test]
    fn moves_and_replaces() {
        let mv = PatchOp::Move {
            from: "/a/x".into(),
            path: "/b/y".into(),
        };
        assert_eq!(
            patched(r#"{"a":{"x":1},"b":{}}"#, std::slice::from_ref(&mv)).unwrap(),
            r#"{"a":{},"b":{"y":1}}"#
        );
        let rp = PatchOp::Replace {
            path: "/a/0".into(),
            value: serde_json::json!(["d"]),
        };
        assert_eq!(
            patched(r#"{"a":["x",2]}"#, &[rp]).unwrap(),
            r#"{"a":[["d"],2]}"#
        );
        assert_eq!(
            patched(r#"{"a":{"x":1},"a":{}}"#, std::slice::from_ref(&mv)),
            Err(PatchError::Ambiguous("/a/x".into()))
        );
        assert_eq!(
            patched(r#"{"b":{}}"#, &[mv]),
            Err(PatchError::NoTarget("/a/x".into()))
        );
    }
}
