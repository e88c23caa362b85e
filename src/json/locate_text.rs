//! The locator that read the text again (before the reader kept where values start), kept
//! for a while as the reference of the differential test in `locate_tests.rs`.
//!
//! This runs only for reports with problems, on text that already parsed: the reader
//! itself keeps no positions, so a valid body costs nothing. One pass over the text
//! follows only the members that lead to a wanted pointer and skips everything else.

use std::borrow::Cow;

use super::locate::ByteSpan;
use super::scan;
use super::trie::{build, Trie};

/// A place to find: a JSON Pointer, whether the member's key (not its value) is wanted,
/// and which copy of a repeated key (`None`: the last, which is the one read).
pub(crate) struct Target<'a> {
    pub pointer: &'a str,
    pub key: bool,
    pub occurrence: Option<usize>,
}

/// The span of each target in `text` (valid JSON). A pointer to an absent member gives the
/// span of the deepest enclosing value that is there: the object that lacks it.
pub(crate) fn locate(text: &str, targets: &[Target<'_>]) -> Vec<ByteSpan> {
    let (trie, paths, path_nodes) = build(targets);
    let mut scanner = Scanner {
        text,
        bytes: text.as_bytes(),
        pos: 0,
        trie: &trie,
        seen: Vec::new(),
    };
    scanner.skip_ws();
    let root = scanner.value(Some(0));
    // Each node's sightings together, in text order: (node, sighting, sighting).
    let spans = scanner.seen;
    let mut seen: Vec<(usize, usize, usize)> =
        (0..spans.len()).map(|i| (spans[i].0, i, i)).collect();
    seen.sort_unstable();
    let sightings = |node: usize| {
        let first = seen.partition_point(|s| s.0 < node);
        &seen[first..seen.partition_point(|s| s.0 <= node)]
    };

    targets
        .iter()
        .zip(paths)
        .map(|(target, (a, b))| {
            let mut span = root;
            let mut key_span = None;
            let path = &path_nodes[a..b];
            for (depth, &node) in path.iter().enumerate() {
                let seen = sightings(node);
                let chosen = match target.occurrence {
                    Some(k) if depth + 1 == path.len() => seen.get(k).or(seen.last()),
                    _ => seen.last(),
                };
                match chosen.map(|&(_, i, _)| spans[i]) {
                    Some((_, key, value)) => {
                        span = value;
                        key_span = key;
                    }
                    None => {
                        key_span = None;
                        break;
                    }
                }
            }
            match (target.key, key_span) {
                (true, Some(key)) => key,
                _ => span,
            }
        })
        .collect()
}

struct Scanner<'t, 'n> {
    text: &'t str,
    bytes: &'t [u8],
    pos: usize,
    trie: &'n Trie<'n>,
    /// `(node, key span, value span)` each time a wanted location is passed.
    seen: Vec<(usize, Option<ByteSpan>, ByteSpan)>,
}

impl<'t> Scanner<'t, '_> {
    fn peek(&self) -> u8 {
        self.bytes.get(self.pos).copied().unwrap_or(0)
    }

    fn skip_ws(&mut self) {
        while matches!(self.peek(), b' ' | b'\n' | b'\r' | b'\t') {
            self.pos += 1;
        }
    }

    /// Reads the value at `pos`, recording the locations of `node`'s children;
    /// returns the value's span.
    fn value(&mut self, node: Option<usize>) -> ByteSpan {
        let start = self.pos;
        match (self.peek(), node) {
            (b'{', Some(node)) if self.trie.wants_members(node) => self.object(node),
            (b'[', Some(node)) if !self.trie.indexes(node).is_empty() => self.array(node),
            _ => self.skip_value(),
        }
        (start, self.pos)
    }

    fn object(&mut self, node: usize) {
        self.pos += 1;
        loop {
            self.skip_ws();
            match self.peek() {
                b'}' => {
                    self.pos += 1;
                    return;
                }
                b',' => {
                    self.pos += 1;
                    continue;
                }
                b'"' => {}
                _ => return, // not reached for text that parsed
            }
            let key_start = self.pos;
            let key = self.key();
            let key_span = (key_start, self.pos);
            self.skip_ws();
            if self.peek() == b':' {
                self.pos += 1;
            }
            self.skip_ws();
            let child = self.trie.child(node, &key);
            let span = self.value(child);
            if let Some(child) = child {
                self.seen.push((child, Some(key_span), span));
            }
        }
    }

    fn array(&mut self, node: usize) {
        self.pos += 1;
        let wanted = self.trie.indexes(node);
        let mut next = 0;
        let mut i: usize = 0;
        loop {
            self.skip_ws();
            match self.peek() {
                b']' => {
                    self.pos += 1;
                    return;
                }
                b',' => {
                    self.pos += 1;
                    continue;
                }
                0 => return,
                _ => {}
            }
            while wanted.get(next).is_some_and(|&(index, _)| index < i) {
                next += 1;
            }
            let child = wanted
                .get(next)
                .filter(|&&(index, _)| index == i)
                .map(|&(_, child)| child);
            let span = self.value(child);
            if let Some(child) = child {
                self.seen.push((child, None, span));
            }
            i = i.saturating_add(1);
        }
    }

    /// Skips one value of any kind.
    fn skip_value(&mut self) {
        match self.peek() {
            b'"' => {
                self.skip_string();
            }
            b'{' | b'[' => self.skip_container(),
            b'}' | b']' => self.pos += 1,
            0 if self.pos >= self.bytes.len() => {}
            _ => {
                // A scalar: up to the next delimiter.
                while !matches!(
                    self.peek(),
                    b',' | b'}' | b']' | b' ' | b'\n' | b'\r' | b'\t'
                ) && self.pos < self.bytes.len()
                {
                    self.pos += 1;
                }
            }
        }
    }

    /// Skips an array or object, a word at a time between strings and brackets.
    fn skip_container(&mut self) {
        let mut depth = 0usize;
        loop {
            self.pos = scan::structural_from(self.bytes, self.pos);
            match self.bytes.get(self.pos) {
                None => return,
                Some(b'"') => {
                    self.skip_string();
                }
                Some(b'{' | b'[') => {
                    depth += 1;
                    self.pos += 1;
                }
                Some(b'}' | b']') => {
                    depth = depth.saturating_sub(1);
                    self.pos += 1;
                    if depth == 0 {
                        return;
                    }
                }
                // A byte that only looks like a bracket (`Y`, `_`, `y`, DEL).
                Some(_) => self.pos += 1,
            }
        }
    }

    /// Skips a string, a word at a time; tells whether it holds an escape.
    fn skip_string(&mut self) -> bool {
        self.pos += 1;
        let mut escaped = false;
        loop {
            self.pos = scan::special_from(self.bytes, self.pos);
            match self.bytes.get(self.pos) {
                None => return escaped,
                Some(b'"') => {
                    self.pos += 1;
                    return escaped;
                }
                Some(b'\\') => {
                    escaped = true;
                    self.pos += 2;
                }
                // A control character: only in text that is not JSON.
                Some(_) => self.pos += 1,
            }
        }
    }

    /// Reads a key, unescaped as the reader does (a lone surrogate is U+FFFD).
    fn key(&mut self) -> Cow<'t, str> {
        let start = self.pos;
        let escaped = self.skip_string();
        let text: &'t str = self.text;
        if !escaped {
            // Between the quotes (an unclosed key in text that is not JSON loses its last byte).
            let end = self.pos.saturating_sub(1).max(start + 1);
            return Cow::Borrowed(text.get(start + 1..end).unwrap_or(""));
        }
        match text.get(start..self.pos).map(super::parse) {
            Some(Ok(super::Node::String(s))) => Cow::Owned(s.into_owned()),
            _ => Cow::Borrowed(""),
        }
    }
}
