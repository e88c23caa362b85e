//! Where things are in JSON text: the byte spans of the values (or member keys) at given
//! JSON Pointers, and the line and column of byte offsets.
//!
//! The reader records where each item and member value starts ([`Child::start`]), so a
//! pointer is followed through the tree, not through the text: the start comes from the
//! tree and the end from a short skim of the text (a container's end from its last
//! entry's). This runs only for the problems of a report.

use std::borrow::Cow;

use super::{scan, Child, Node, Object};

/// A byte range, end exclusive.
pub(crate) type ByteSpan = (usize, usize);

/// JSON text and, when it parsed, its tree.
#[derive(Clone, Copy)]
pub(crate) struct Source<'s, 'a> {
    pub text: &'s str,
    pub root: Option<&'s Node<'a>>,
}

/// Objects with more members than this are searched through their keys in order, sorted
/// once at their first search (a report can locate each of 10^6 unknown members).
const LARGE: usize = 32;

/// Finds the spans of pointers in one [`Source`].
pub(crate) struct Locator<'s, 'a> {
    bytes: &'s [u8],
    root: Option<&'s Node<'a>>,
    root_start: usize,
    /// `(address, member indexes sorted by key then index)` of each large object searched,
    /// in order of address.
    sorted: Vec<(usize, Vec<usize>)>,
}

impl<'s, 'a> Locator<'s, 'a> {
    pub fn new(source: Source<'s, 'a>) -> Locator<'s, 'a> {
        let bytes = source.text.as_bytes();
        Locator {
            bytes,
            root: source.root,
            root_start: scan::blank_from(bytes, 0),
            sorted: Vec::new(),
        }
    }

    /// The span of the value at `pointer`, or with `key` of its member's key. A member is
    /// the last copy of a repeated key. A pointer to an absent member gives the span of the
    /// deepest enclosing value that is there: the object that lacks it. Without a tree
    /// (text that is not JSON) every pointer gives the root as far as the text goes.
    pub fn span(&mut self, pointer: &str, key: bool) -> ByteSpan {
        let Some(root) = self.root else {
            return (
                self.root_start,
                scan::skim_value(self.bytes, self.root_start),
            );
        };
        let (mut node, mut start) = (root, self.root_start);
        let mut member = None;
        let escaped = scan::has_either(pointer.as_bytes(), b'~', b'~');
        let first = scan::byte_from(pointer.as_bytes(), 0, b'/');
        let mut rest = pointer.get(first..).unwrap_or("");
        while let Some(after) = rest.strip_prefix('/') {
            let end = scan::byte_from(after.as_bytes(), 0, b'/');
            let token = match &after[..end] {
                t if escaped => unescape(t),
                t => Cow::Borrowed(t),
            };
            rest = &after[end..];
            let found = match node {
                Node::Object(obj) => self.member(obj, &token).map(|(k, v)| (Some(k), v)),
                Node::Array(items) => index_of(&token)
                    .and_then(|i| items.get(i))
                    .map(|v| (None, v)),
                _ => None,
            };
            let Some((name, child)) = found else {
                member = None;
                break;
            };
            (node, start, member) = (&child.node, child.start, name);
        }
        match member {
            Some(name) if key => self.key_before(start, name.len()),
            _ => (start, end_of(self.bytes, node, start)),
        }
    }

    /// The span of a member's key, quotes included, from where its value starts; `len`
    /// is the key's length once unescaped (a hint: the key's text is at least as long).
    pub fn key_before(&self, value_start: usize, len: usize) -> ByteSpan {
        let bytes = self.bytes;
        let before = |mut i: usize| {
            while i > 0 && matches!(bytes.get(i - 1), Some(b' ' | b'\n' | b'\r' | b'\t')) {
                i -= 1;
            }
            i
        };
        // Back over the blanks, the colon and the blanks to the closing quote.
        let colon = before(value_start).saturating_sub(1);
        let end = before(colon);
        let close = end.saturating_sub(1);
        // The opening quote is the last one, at or before `close - len - 1`, that is not
        // escaped: after an even run of backslashes. A quote in the key is escaped, and
        // an unescaped key is never longer than its text.
        let mut at = close.saturating_sub(len.saturating_add(1));
        while at > 0 {
            if bytes.get(at) == Some(&b'"') {
                let run = bytes[..at]
                    .iter()
                    .rev()
                    .take_while(|&&b| b == b'\\')
                    .count();
                if run % 2 == 0 {
                    break;
                }
            }
            at -= 1;
        }
        (at, end)
    }

    /// The last member named `token`, with its key.
    fn member<'n>(&mut self, obj: &'n Object<'a>, token: &str) -> Option<(&'n str, &'n Child<'a>)> {
        let members = &obj.members;
        let i = if members.len() <= LARGE {
            members
                .iter()
                .rposition(|(k, _)| crate::unique::same(k, token))?
        } else {
            let sorted = self.sorted_keys(obj);
            let past = sorted.partition_point(|&i| members[i].0.as_ref() <= token);
            let &i = sorted.get(past.checked_sub(1)?)?;
            (members[i].0 == token).then_some(i)?
        };
        members.get(i).map(|(k, v)| (k.as_ref(), v))
    }

    /// A large object's member indexes in order of key, then of index.
    fn sorted_keys(&mut self, obj: &Object<'_>) -> &[usize] {
        let address = std::ptr::from_ref(obj) as usize;
        let at = match self.sorted.binary_search_by_key(&address, |e| e.0) {
            Ok(at) => at,
            Err(at) => {
                let members = &obj.members;
                let mut order: Vec<usize> = (0..members.len()).collect();
                order.sort_unstable_by(|&a, &b| members[a].0.cmp(&members[b].0).then(a.cmp(&b)));
                self.sorted.insert(at, (address, order));
                at
            }
        };
        &self.sorted[at].1
    }
}

/// Where the value `node` that starts at `start` ends: a container after its last entry
/// and the blanks and brackets that close it, a scalar by a skim of its text.
fn end_of(bytes: &[u8], mut node: &Node<'_>, mut start: usize) -> usize {
    let mut closing = 0usize;
    loop {
        let last = match node {
            Node::Array(items) => items.last(),
            Node::Object(obj) => obj.members.last().map(|(_, v)| v),
            _ => None,
        };
        let Some(last) = last else { break };
        (node, start, closing) = (&last.node, last.start, closing + 1);
    }
    let mut end = match node {
        // Empty: its closing bracket is the next byte that is not blank.
        Node::Array(_) | Node::Object(_) => close(bytes, start.saturating_add(1)),
        _ => scan::skim_value(bytes, start),
    };
    for _ in 0..closing {
        end = close(bytes, end);
    }
    end
}

/// Past the blanks at `at` and the bracket after them.
fn close(bytes: &[u8], at: usize) -> usize {
    scan::blank_from(bytes, at)
        .saturating_add(1)
        .min(bytes.len())
}

/// The value of a canonical array index token (`0`, `17`, not `017` or `-`).
fn index_of(token: &str) -> Option<usize> {
    let canonical = token == "0" || (!token.starts_with('0') && !token.is_empty());
    if canonical && token.bytes().all(|b| b.is_ascii_digit()) {
        token.parse().ok()
    } else {
        None
    }
}

/// A reference token unescaped (`~1` is `/`, `~0` is `~`).
fn unescape(token: &str) -> Cow<'_, str> {
    if token.bytes().any(|b| b == b'~') {
        Cow::Owned(token.replace("~1", "/").replace("~0", "~"))
    } else {
        Cow::Borrowed(token)
    }
}

/// The unescaped reference tokens of a JSON Pointer (`""` has none).
pub(crate) fn tokens(pointer: &str) -> impl Iterator<Item = Cow<'_, str>> + '_ {
    // `pointer.split('/').skip(1)`, byte by byte: a pointer's tokens are short, too short
    // for a searcher's setup to pay.
    let bytes = pointer.as_bytes();
    let slash = |from: usize| {
        bytes
            .get(from..)
            .and_then(|rest| rest.iter().position(|&b| b == b'/'))
            .map(|i| from + i)
    };
    // The slash before the next token.
    let mut next = slash(0);
    std::iter::from_fn(move || {
        let start = next? + 1;
        next = slash(start);
        let token = pointer.get(start..next.unwrap_or(bytes.len()))?;
        Some(unescape(token))
    })
}

/// 1-based `(line, column)` of each byte offset, columns counted in characters; one pass,
/// a word at a time.
pub(crate) fn line_columns(text: &str, offsets: &[usize]) -> Vec<(usize, usize)> {
    let bytes = text.as_bytes();
    let end = offsets.iter().max().map_or(0, |&m| m.min(bytes.len()));
    // What JSON.stringify writes is ASCII on one line, where a column is a byte: as far
    // as the text is, its columns are not counted.
    let plain = scan::ascii_line_len(&bytes[..end]);
    if plain == end {
        return offsets
            .iter()
            .map(|&o| (1, o.min(end).saturating_add(1)))
            .collect();
    }
    let mut at = Cursor {
        pos: plain,
        line: 1,
        column: plain + 1,
    };
    let mut place = |offset: usize| match offset {
        o if o <= plain => (1, o + 1),
        o => at.advance(bytes, o),
    };
    if offsets.is_sorted() {
        return offsets.iter().map(|&o| place(o)).collect();
    }
    // (offset, index, index), in order of offset.
    let mut order: Vec<(usize, usize, usize)> =
        (0..offsets.len()).map(|i| (offsets[i], i, i)).collect();
    order.sort_unstable();
    let mut out = vec![(1, 1); offsets.len()];
    for (offset, i, _) in order {
        out[i] = place(offset);
    }
    out
}

/// A place in the text and its line and column.
struct Cursor {
    pos: usize,
    line: usize,
    column: usize,
}

impl Cursor {
    /// Moves on to `offset` (not back), counting lines and characters.
    fn advance(&mut self, bytes: &[u8], offset: usize) -> (usize, usize) {
        let target = offset.min(bytes.len()).max(self.pos);
        let (lines, chars, new_line) = scan::lines_and_chars(&bytes[self.pos..target]);
        if new_line {
            self.line = self.line.saturating_add(lines);
            self.column = 1 + chars;
        } else {
            self.column = self.column.saturating_add(chars);
        }
        self.pos = target;
        (self.line, self.column)
    }
}
