//! Where things are in JSON text: the byte spans of the values (or member keys) at
//! given JSON Pointers, and the line and column of byte offsets.
//!
//! This runs only for reports with problems, on text that already parsed: the reader
//! itself keeps no positions, so a valid body costs nothing. One pass over the text
//! follows only the members that lead to a wanted pointer and skips everything else.

use std::borrow::Cow;
use std::collections::BTreeMap;

/// A place to find: a JSON Pointer, whether the member's key (not its value) is wanted,
/// and which copy of a repeated key (`None`: the last, which is the one read).
pub(crate) struct Target<'a> {
    pub pointer: &'a str,
    pub key: bool,
    pub occurrence: Option<usize>,
}

/// A byte range, end exclusive.
pub(crate) type ByteSpan = (usize, usize);

#[derive(Default)]
struct TrieNode {
    /// The wanted members or items below (a million device keys may each be wanted).
    children: BTreeMap<String, usize>,
    /// Each time the location occurs in the text: its key's span (for members) and its value's.
    seen: Vec<(Option<ByteSpan>, ByteSpan)>,
}

impl TrieNode {
    fn child(&self, token: &str) -> Option<usize> {
        self.children.get(token).copied()
    }
}

/// The span of each target in `text` (valid JSON). A pointer to an absent member gives the
/// span of the deepest enclosing value that is there: the object that lacks it.
pub(crate) fn locate(text: &str, targets: &[Target<'_>]) -> Vec<ByteSpan> {
    let mut trie = vec![TrieNode::default()];
    let mut paths = Vec::with_capacity(targets.len());
    for target in targets {
        let mut node = 0;
        let mut path = Vec::new();
        for token in tokens(target.pointer) {
            node = match trie[node].child(&token) {
                Some(child) => child,
                None => {
                    trie.push(TrieNode::default());
                    let child = trie.len() - 1;
                    trie[node].children.insert(token.into_owned(), child);
                    child
                }
            };
            path.push(node);
        }
        paths.push(path);
    }
    let mut scanner = Scanner {
        bytes: text.as_bytes(),
        pos: 0,
        trie: &mut trie,
        index: String::new(),
    };
    scanner.skip_ws();
    let root = scanner.value(Some(0));
    trie[0].seen.push((None, root));

    targets
        .iter()
        .zip(paths)
        .map(|(target, path)| {
            let mut span = root;
            let mut key_span = None;
            let last = path.len();
            for (depth, node) in path.into_iter().enumerate() {
                let seen = &trie[node].seen;
                let chosen = match target.occurrence {
                    Some(k) if depth + 1 == last => seen.get(k).or(seen.last()),
                    _ => seen.last(),
                };
                match chosen {
                    Some(&(key, value)) => {
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

/// The unescaped reference tokens of a JSON Pointer (`""` has none).
pub(crate) fn tokens(pointer: &str) -> impl Iterator<Item = Cow<'_, str>> + '_ {
    pointer.split('/').skip(1).map(|t| {
        if t.contains('~') {
            Cow::Owned(t.replace("~1", "/").replace("~0", "~"))
        } else {
            Cow::Borrowed(t)
        }
    })
}

/// 1-based `(line, column)` of each byte offset, columns counted in characters; one pass.
pub(crate) fn line_columns(text: &str, offsets: &[usize]) -> Vec<(usize, usize)> {
    let bytes = text.as_bytes();
    let mut order: Vec<usize> = (0..offsets.len()).collect();
    order.sort_unstable_by_key(|&i| offsets[i]);
    let mut out = vec![(1, 1); offsets.len()];
    let (mut pos, mut line, mut column) = (0usize, 1usize, 1usize);
    // Counted a stretch at a time (loops the compiler vectorizes), not byte by byte.
    for i in order {
        let target = offsets[i].min(bytes.len()).max(pos);
        let stretch = &bytes[pos..target];
        let counted_from = match stretch.iter().rposition(|&b| b == b'\n') {
            Some(last) => {
                line = line.saturating_add(stretch.iter().filter(|&&b| b == b'\n').count());
                column = 1;
                pos + last + 1
            }
            None => pos,
        };
        column += bytes[counted_from..target]
            .iter()
            .filter(|&&b| (b & 0xC0) != 0x80)
            .count();
        pos = target;
        out[i] = (line, column);
    }
    out
}

struct Scanner<'t, 'n> {
    bytes: &'t [u8],
    pos: usize,
    trie: &'n mut Vec<TrieNode>,
    /// Scratch for array indexes as tokens.
    index: String,
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
        let node = node.filter(|&n| !self.trie[n].children.is_empty());
        match (self.peek(), node) {
            (b'{', Some(node)) => self.object(node),
            (b'[', Some(node)) => self.array(node),
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
            let key = self.string();
            let key_span = (key_start, self.pos);
            self.skip_ws();
            if self.peek() == b':' {
                self.pos += 1;
            }
            self.skip_ws();
            let child = self.trie[node].child(&key);
            let span = self.value(child);
            if let Some(child) = child {
                self.trie[child].seen.push((Some(key_span), span));
            }
        }
    }

    fn array(&mut self, node: usize) {
        self.pos += 1;
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
            self.index.clear();
            super::write::push_usize(i, &mut self.index);
            let child = self.trie[node].child(&self.index);
            let span = self.value(child);
            if let Some(child) = child {
                self.trie[child].seen.push((None, span));
            }
            i = i.saturating_add(1);
        }
    }

    /// Skips one value of any kind.
    fn skip_value(&mut self) {
        let mut depth = 0usize;
        loop {
            match self.peek() {
                b'"' => self.skip_string(),
                b'{' | b'[' => {
                    depth += 1;
                    self.pos += 1;
                }
                b'}' | b']' => {
                    depth = depth.saturating_sub(1);
                    self.pos += 1;
                }
                0 if self.pos >= self.bytes.len() => return,
                _ => {
                    if depth == 0 {
                        // A scalar: up to the next delimiter.
                        while !matches!(
                            self.peek(),
                            b',' | b'}' | b']' | b' ' | b'\n' | b'\r' | b'\t'
                        ) && self.pos < self.bytes.len()
                        {
                            self.pos += 1;
                        }
                        return;
                    }
                    self.pos += 1;
                }
            }
            if depth == 0 {
                return;
            }
        }
    }

    fn skip_string(&mut self) {
        self.pos += 1;
        while let Some(k) = self.bytes[self.pos.min(self.bytes.len())..]
            .iter()
            .position(|&b| b == b'"' || b == b'\\')
        {
            self.pos += k;
            if self.bytes[self.pos] == b'"' {
                self.pos += 1;
                return;
            }
            self.pos += 2;
        }
        self.pos = self.bytes.len();
    }

    /// Reads a key, unescaped as the reader does (a lone surrogate is U+FFFD).
    fn string(&mut self) -> Cow<'t, str> {
        let start = self.pos;
        self.skip_string();
        let bytes: &'t [u8] = self.bytes;
        let raw = &bytes[start..self.pos];
        let text = std::str::from_utf8(raw).unwrap_or("\"\"");
        if !text.contains('\\') {
            return Cow::Borrowed(&text[1..text.len().saturating_sub(1).max(1)]);
        }
        match super::parse(text) {
            Ok(super::Node::String(s)) => Cow::Owned(s.into_owned()),
            _ => Cow::Borrowed(""),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn find(text: &str, pointer: &str, key: bool) -> (usize, usize) {
        let spans = locate(
            text,
            &[Target {
                pointer,
                key,
                occurrence: None,
            }],
        );
        let (start, end) = spans[0];
        let lc = line_columns(text, &[start, end]);
        (lc[0].0, lc[0].1)
    }

    #[test]
    fn finds_values_keys_and_missing_members() {
        let text = "{\n  \"a\": [1, {\"b\\u0063\": \"x\"}],\n\t\"é😀\": true\n}";
        assert_eq!(find(text, "", false), (1, 1));
        assert_eq!(find(text, "/a", false), (2, 8));
        assert_eq!(find(text, "/a", true), (2, 3));
        assert_eq!(find(text, "/a/1/bc", false), (2, 24));
        assert_eq!(find(text, "/a/1/bc", true), (2, 13));
        assert_eq!(find(text, "/a/1/missing", false), (2, 12));
        assert_eq!(find(text, "/é😀", false), (3, 8));
        let spans = locate(
            text,
            &[Target {
                pointer: "/a",
                key: false,
                occurrence: None,
            }],
        );
        assert_eq!(&text[spans[0].0..spans[0].1], "[1, {\"b\\u0063\": \"x\"}]");
    }

    #[test]
    fn picks_the_copy_of_a_repeated_key() {
        let text = r#"{"k":1,"k":22,"k":333}"#;
        let at = |occurrence| {
            let s = locate(
                text,
                &[Target {
                    pointer: "/k",
                    key: false,
                    occurrence,
                }],
            )[0];
            &text[s.0..s.1]
        };
        assert_eq!(at(None), "333");
        assert_eq!(at(Some(1)), "22");
        assert_eq!(at(Some(0)), "1");
    }

    #[test]
    fn counts_crlf_and_characters() {
        let text = "{\r\n\"x\":\"ü\",\"y\":1}";
        let spans = locate(
            text,
            &[Target {
                pointer: "/y",
                key: false,
                occurrence: None,
            }],
        );
        assert_eq!(
            line_columns(text, &[spans[0].0, spans[0].1]),
            [(2, 13), (2, 14)]
        );
    }
}
