//! RFC 6902 `move` and `replace` on a parsed document, for the fixes of a report.

use std::borrow::Cow;

use crate::json::{pointer_tokens as tokens, Child, Node, Object};
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
    apply_logged(doc, ops, &mut Vec::new())
}

/// Applies `ops` to `doc`, runs `f` on the result and puts `doc` back as it was: a fix is
/// checked on the document itself, with no copy of it. `None` when an operation does not
/// apply.
pub(crate) fn with_applied<'a, R>(
    doc: &mut Node<'a>,
    ops: &[PatchOp],
    f: impl FnOnce(&Node<'a>) -> R,
) -> Option<R> {
    let mut log = Vec::new();
    let out = apply_logged(doc, ops, &mut log).is_ok().then(|| f(doc));
    for undo in log.into_iter().rev() {
        let undone = revert(doc, undo);
        debug_assert!(undone.is_ok(), "an applied operation reverts");
    }
    out
}

/// How to take one applied operation back.
enum Undo<'a, 'p> {
    /// `path` held `old` before a `replace`.
    Replaced { path: &'p str, old: Node<'a> },
    /// A `move` took the value out of `place` in `from`'s parent and `added` it at `path`.
    Moved {
        from: &'p str,
        place: Place<'a>,
        path: &'p str,
        added: Added<'a>,
    },
}

/// Where a removed value was in its container.
enum Place<'a> {
    Member(usize, Cow<'a, str>),
    Item(usize),
}

/// What adding a value at a pointer did.
enum Added<'a> {
    /// It replaced this member's value.
    Replaced(Child<'a>),
    /// It became the object's last member.
    Pushed,
    /// It went into the array at this index.
    Inserted(usize),
}

fn apply_logged<'a, 'p>(
    doc: &mut Node<'a>,
    ops: &'p [PatchOp],
    log: &mut Vec<Undo<'a, 'p>>,
) -> Result<(), PatchError> {
    for op in ops {
        match op {
            PatchOp::Replace { path, value } => {
                let slot = get_mut(doc, path)?;
                let old = std::mem::replace(slot, owned(value));
                log.push(Undo::Replaced { path, old });
            }
            PatchOp::Move { from, path } => {
                let (value, place) = remove(doc, from)?;
                match add(doc, path, value) {
                    Ok(added) => log.push(Undo::Moved {
                        from,
                        place,
                        path,
                        added,
                    }),
                    Err((e, value)) => {
                        put_back(doc, from, place, value)?;
                        return Err(e);
                    }
                }
            }
        }
    }
    Ok(())
}

fn revert<'a>(doc: &mut Node<'a>, undo: Undo<'a, '_>) -> Result<(), PatchError> {
    match undo {
        Undo::Replaced { path, old } => {
            *get_mut(doc, path)? = old;
            Ok(())
        }
        Undo::Moved {
            from,
            place,
            path,
            added,
        } => {
            let (container, last) = parent(doc, path)?;
            let value = match (container, added) {
                (Node::Object(obj), Added::Replaced(old)) => {
                    let i = member(obj, &last, path)?;
                    std::mem::replace(&mut obj.members[i].1, old)
                }
                (Node::Object(obj), Added::Pushed) => obj
                    .members
                    .pop()
                    .map(|(_, v)| v)
                    .ok_or_else(|| PatchError::NoTarget(path.to_owned()))?,
                (Node::Array(items), Added::Inserted(i)) if i < items.len() => items.remove(i),
                _ => return Err(PatchError::NoTarget(path.to_owned())),
            };
            put_back(doc, from, place, value)
        }
    }
}

/// Puts a removed value back where it was.
fn put_back<'a>(
    doc: &mut Node<'a>,
    from: &str,
    place: Place<'a>,
    value: Child<'a>,
) -> Result<(), PatchError> {
    let (container, _) = parent(doc, from)?;
    match (container, place) {
        (Node::Object(obj), Place::Member(i, key)) if i <= obj.members.len() => {
            obj.members.insert(i, (key, value));
        }
        (Node::Array(items), Place::Item(i)) if i <= items.len() => items.insert(i, value),
        _ => return Err(PatchError::NoTarget(from.to_owned())),
    }
    Ok(())
}

fn member<'o, 'a>(obj: &'o mut Object<'a>, key: &str, pointer: &str) -> Result<usize, PatchError> {
    match find(obj, key) {
        Found::One(i) => Ok(i),
        Found::Many => Err(PatchError::Ambiguous(pointer.to_owned())),
        Found::None => Err(PatchError::NoTarget(pointer.to_owned())),
    }
}

/// How many members have a key.
enum Found {
    None,
    One(usize),
    Many,
}

/// The member named `key`, when there is one only; no error (and no error's text) made.
fn find(obj: &Object<'_>, key: &str) -> Found {
    let mut found = obj
        .members
        .iter()
        .enumerate()
        .filter(|(_, (k, _))| crate::unique::same(k, key));
    let first = found.next();
    // An object without repeated keys has one such member at most.
    let second = if obj.has_duplicates {
        found.next()
    } else {
        None
    };
    match (first, second) {
        (Some((i, _)), None) => Found::One(i),
        (Some(_), Some(_)) => Found::Many,
        _ => Found::None,
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
            Ok(&mut obj.members[i].1.node)
        }
        Node::Array(items) => token
            .parse::<usize>()
            .ok()
            .and_then(|i| items.get_mut(i))
            .map(|item| &mut item.node)
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
    let mut node = doc;
    let mut tokens = tokens(pointer).peekable();
    while let Some(token) = tokens.next() {
        if tokens.peek().is_none() {
            return Ok((node, token));
        }
        node = step(node, &token, pointer)?;
    }
    Err(PatchError::NoTarget(pointer.to_owned()))
}

/// Takes a value out, with its place in the text: a fix taken back puts it back as it was.
fn remove<'a>(doc: &mut Node<'a>, pointer: &str) -> Result<(Child<'a>, Place<'a>), PatchError> {
    let (container, last) = parent(doc, pointer)?;
    match container {
        Node::Object(obj) => {
            let i = member(obj, &last, pointer)?;
            let (key, value) = obj.members.remove(i);
            Ok((value, Place::Member(i, key)))
        }
        Node::Array(items) => match last.parse::<usize>() {
            Ok(i) if i < items.len() => Ok((items.remove(i), Place::Item(i))),
            _ => Err(PatchError::NoTarget(pointer.to_owned())),
        },
        _ => Err(PatchError::NoTarget(pointer.to_owned())),
    }
}

/// Adds `value` at `pointer`; on an error, gives the value back.
fn add<'a>(
    doc: &mut Node<'a>,
    pointer: &str,
    value: Child<'a>,
) -> Result<Added<'a>, (PatchError, Child<'a>)> {
    let (container, last) = match parent(doc, pointer) {
        Ok(found) => found,
        Err(e) => return Err((e, value)),
    };
    match container {
        Node::Object(obj) => match find(obj, &last) {
            Found::One(i) => Ok(Added::Replaced(std::mem::replace(
                &mut obj.members[i].1,
                value,
            ))),
            Found::None => {
                obj.members.push((Cow::Owned(last.into_owned()), value));
                Ok(Added::Pushed)
            }
            Found::Many => Err((PatchError::Ambiguous(pointer.to_owned()), value)),
        },
        Node::Array(items) => {
            let i = if last == "-" {
                Some(items.len())
            } else {
                last.parse::<usize>().ok().filter(|&i| i <= items.len())
            };
            match i {
                Some(i) => {
                    items.insert(i, value);
                    Ok(Added::Inserted(i))
                }
                None => Err((PatchError::NoTarget(pointer.to_owned()), value)),
            }
        }
        _ => Err((PatchError::NoTarget(pointer.to_owned()), value)),
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
        Value::Array(items) => Node::Array(items.iter().map(|item| owned(item).into()).collect()),
        Value::Object(map) => Node::Object(Object {
            members: map
                .iter()
                .map(|(k, v)| (Cow::Owned(k.clone()), owned(v).into()))
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

    #[test]
    fn a_checked_fix_leaves_the_document_as_it_was() {
        let text = r#"{"a":{"x":1,"z":[1,2]},"b":{"y":0},"c":[0,1]}"#;
        let mut doc = parse(text).unwrap();
        let before = doc.clone();
        let mv = |from: &str, path: &str| PatchOp::Move {
            from: from.into(),
            path: path.into(),
        };
        let rp = |path: &str| PatchOp::Replace {
            path: path.into(),
            value: serde_json::json!({"new": true}),
        };
        let cases = [
            (
                vec![mv("/a/x", "/b/x")],
                Some(r#"{"a":{"z":[1,2]},"b":{"y":0,"x":1},"c":[0,1]}"#),
            ),
            (
                vec![mv("/a/x", "/b/y")],
                Some(r#"{"a":{"z":[1,2]},"b":{"y":1},"c":[0,1]}"#),
            ),
            (
                vec![mv("/c/0", "/c/-")],
                Some(r#"{"a":{"x":1,"z":[1,2]},"b":{"y":0},"c":[1,0]}"#),
            ),
            (
                vec![mv("/a/z", "/c/1"), rp("/b/y")],
                Some(r#"{"a":{"x":1},"b":{"y":{"new":true}},"c":[0,[1,2],1]}"#),
            ),
            // The second operation fails: the first is taken back too.
            (vec![rp("/a/x"), mv("/a/nothing", "/b/x")], None),
            (vec![mv("/a/x", "/nowhere/x")], None),
        ];
        for (ops, want) in cases {
            let got = with_applied(&mut doc, &ops, |d| {
                let mut out = String::new();
                write_compact(d, &mut out);
                out
            });
            assert_eq!(got.as_deref(), want, "{ops:?}");
            assert_eq!(doc, before, "{ops:?} left the document changed");
        }
    }
}
