//! A strict RFC 8259 parser into [`Node`], linear in the input size.

use super::{Node, Object, MAX_DEPTH};
use crate::unique;
use std::borrow::Cow;

/// Why a text is not JSON, and where (a byte offset into the text).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct ParseError {
    pub kind: SyntaxError,
    pub offset: usize,
}

/// The syntax errors of the JSON reader.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum SyntaxError {
    /// The text ends inside a value.
    Eof,
    /// No value starts here.
    ExpectedValue,
    /// A member's key is not followed by `:`.
    ExpectedColon,
    /// An array item is not followed by `,` or `]`.
    ExpectedCommaOrBracket,
    /// An object member is not followed by `,` or `}`.
    ExpectedCommaOrBrace,
    /// An object key that is not a string.
    KeyMustBeString,
    /// A malformed number.
    InvalidNumber,
    /// A malformed escape in a string.
    InvalidEscape,
    /// An unescaped control character in a string.
    ControlCharacter,
    /// Text after the JSON value.
    TrailingCharacters,
    /// Nested 128 levels deep or more.
    TooDeep,
    /// Only for byte input: the text is not UTF-8.
    InvalidUtf8,
}

impl ParseError {
    /// 1-based line and column (in characters) of the error in `text`.
    pub fn line_column(&self, text: &str) -> (usize, usize) {
        super::locate::line_columns(text, &[self.offset])[0]
    }
}

/// Parses a whole JSON text.
pub(crate) fn parse(text: &str) -> Result<Node<'_>, ParseError> {
    parse_document(text, MAX_DEPTH).map(|(node, _)| node)
}

/// Parses a whole JSON text, refusing containers at level `max_depth` (the root is
/// level 1), and tells whether some object in it repeats a key.
pub(crate) fn parse_document(text: &str, max_depth: usize) -> Result<(Node<'_>, bool), ParseError> {
    let mut p = Parser {
        text,
        bytes: text.as_bytes(),
        pos: 0,
        saw_duplicates: false,
        max_depth,
        items: Vec::with_capacity(16),
        members: Vec::with_capacity(16),
    };
    p.skip_ws();
    let node = p.value(1)?;
    p.skip_ws();
    if p.pos != p.bytes.len() {
        return Err(p.error(SyntaxError::TrailingCharacters));
    }
    Ok((node, p.saw_duplicates))
}

struct Parser<'a> {
    text: &'a str,
    bytes: &'a [u8],
    pos: usize,
    saw_duplicates: bool,
    max_depth: usize,
    /// The items read so far of the arrays being read, innermost last: each array takes
    /// its own at its end, in a `Vec` of their exact number (one allocation).
    items: Vec<Node<'a>>,
    /// The same for the members of the objects being read.
    members: Vec<Member<'a>>,
}

type Member<'a> = (Cow<'a, str>, Node<'a>);

/// Objects with at most this many members are checked for repeated keys pair by pair.
const FEW_KEYS: usize = 16;

/// Containers of at least this many entries, outermost on their stack, take the whole
/// stack as their `Vec` rather than a copy (a 10^6-item array is not moved again).
const TAKE_STACK: usize = 1024;

/// Takes the entries from `mark` on, as an exact-size `Vec` unless the stack is taken.
fn take<T>(stack: &mut Vec<T>, mark: usize) -> Vec<T> {
    if mark == 0 && stack.len() >= TAKE_STACK {
        return std::mem::take(stack);
    }
    if mark > 0 {
        return stack.split_off(mark);
    }
    // `split_off(0)` would hand over the stack's own capacity.
    let mut out = Vec::with_capacity(stack.len());
    out.append(stack);
    out
}

/// Whether some key equals an earlier one.
fn repeats_a_key(members: &[Member<'_>]) -> bool {
    if members.len() > FEW_KEYS {
        return unique::has_repeat(members.iter().map(|(k, _)| Some(k.as_ref())));
    }
    // Pair by pair, by length first: most keys of an object differ in length.
    let mut lens = [0usize; FEW_KEYS];
    for (i, (key, _)) in members.iter().enumerate() {
        let len = key.len();
        for (j, &l) in lens[..i].iter().enumerate() {
            if l == len && members[j].0.as_bytes() == key.as_bytes() {
                return true;
            }
        }
        lens[i] = len;
    }
    false
}

impl<'a> Parser<'a> {
    fn error(&self, kind: SyntaxError) -> ParseError {
        ParseError {
            kind,
            offset: self.pos,
        }
    }

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    fn skip_ws(&mut self) {
        while let Some(b' ' | b'\n' | b'\r' | b'\t') = self.peek() {
            self.pos += 1;
        }
    }

    fn value(&mut self, depth: usize) -> Result<Node<'a>, ParseError> {
        match self.peek() {
            None => Err(self.error(SyntaxError::Eof)),
            Some(b'{') => self.object(depth),
            Some(b'[') => self.array(depth),
            Some(b'"') => Ok(Node::String(self.string()?)),
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(b't') => self.literal("true", Node::Bool(true)),
            Some(b'f') => self.literal("false", Node::Bool(false)),
            Some(b'n') => self.literal("null", Node::Null),
            Some(_) => Err(self.error(SyntaxError::ExpectedValue)),
        }
    }

    fn literal(&mut self, word: &str, node: Node<'a>) -> Result<Node<'a>, ParseError> {
        for &expected in word.as_bytes() {
            match self.peek() {
                None => return Err(self.error(SyntaxError::Eof)),
                Some(b) if b == expected => self.pos += 1,
                Some(_) => return Err(self.error(SyntaxError::ExpectedValue)),
            }
        }
        Ok(node)
    }

    fn enter(&self, depth: usize) -> Result<(), ParseError> {
        if depth >= self.max_depth {
            Err(self.error(SyntaxError::TooDeep))
        } else {
            Ok(())
        }
    }

    /// A value inside a container: strings, the most common, read here directly.
    #[inline(always)]
    fn item(&mut self, depth: usize) -> Result<Node<'a>, ParseError> {
        if self.peek() == Some(b'"') {
            return Ok(Node::String(self.string()?));
        }
        self.value(depth)
    }

    #[inline(never)]
    fn array(&mut self, depth: usize) -> Result<Node<'a>, ParseError> {
        self.enter(depth)?;
        self.pos += 1;
        self.skip_ws();
        if self.peek() == Some(b']') {
            self.pos += 1;
            return Ok(Node::Array(Vec::new()));
        }
        let mark = self.items.len();
        loop {
            self.skip_ws();
            let item = self.item(depth + 1)?;
            self.items.push(item);
            self.skip_ws();
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b']') => {
                    self.pos += 1;
                    return Ok(Node::Array(take(&mut self.items, mark)));
                }
                None => return Err(self.error(SyntaxError::Eof)),
                Some(_) => return Err(self.error(SyntaxError::ExpectedCommaOrBracket)),
            }
        }
    }

    #[inline(never)]
    fn object(&mut self, depth: usize) -> Result<Node<'a>, ParseError> {
        self.enter(depth)?;
        self.pos += 1;
        self.skip_ws();
        if self.peek() == Some(b'}') {
            self.pos += 1;
            return Ok(Node::Object(Object::default()));
        }
        let mark = self.members.len();
        loop {
            self.skip_ws();
            match self.peek() {
                Some(b'"') => {}
                None => return Err(self.error(SyntaxError::Eof)),
                Some(_) => return Err(self.error(SyntaxError::KeyMustBeString)),
            }
            let key = self.string()?;
            self.skip_ws();
            match self.peek() {
                Some(b':') => self.pos += 1,
                None => return Err(self.error(SyntaxError::Eof)),
                Some(_) => return Err(self.error(SyntaxError::ExpectedColon)),
            }
            self.skip_ws();
            let value = self.item(depth + 1)?;
            self.members.push((key, value));
            self.skip_ws();
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b'}') => {
                    self.pos += 1;
                    let members = take(&mut self.members, mark);
                    let has_duplicates = repeats_a_key(&members);
                    self.saw_duplicates |= has_duplicates;
                    return Ok(Node::Object(Object {
                        members,
                        has_duplicates,
                    }));
                }
                None => return Err(self.error(SyntaxError::Eof)),
                Some(_) => return Err(self.error(SyntaxError::ExpectedCommaOrBrace)),
            }
        }
    }

    fn number(&mut self) -> Result<Node<'a>, ParseError> {
        let start = self.pos;
        if self.peek() == Some(b'-') {
            self.pos += 1;
        }
        match self.peek() {
            Some(b'0') => self.pos += 1,
            Some(b'1'..=b'9') => self.digits(),
            None => return Err(self.error(SyntaxError::Eof)),
            Some(_) => return Err(self.error(SyntaxError::InvalidNumber)),
        }
        if self.peek() == Some(b'.') {
            self.pos += 1;
            self.required_digits()?;
        }
        if let Some(b'e' | b'E') = self.peek() {
            self.pos += 1;
            if let Some(b'+' | b'-') = self.peek() {
                self.pos += 1;
            }
            self.required_digits()?;
        }
        Ok(Node::Number(Cow::Borrowed(&self.text[start..self.pos])))
    }

    fn digits(&mut self) {
        while let Some(b'0'..=b'9') = self.peek() {
            self.pos += 1;
        }
    }

    fn required_digits(&mut self) -> Result<(), ParseError> {
        match self.peek() {
            Some(b'0'..=b'9') => {
                self.digits();
                Ok(())
            }
            None => Err(self.error(SyntaxError::Eof)),
            Some(_) => Err(self.error(SyntaxError::InvalidNumber)),
        }
    }

    /// Reads a string; `self.pos` is at the opening quote.
    #[inline(always)]
    fn string(&mut self) -> Result<Cow<'a, str>, ParseError> {
        self.pos += 1;
        let start = self.pos;
        self.skip_plain();
        match self.peek() {
            Some(b'"') => {
                let s = &self.text[start..self.pos];
                self.pos += 1;
                Ok(Cow::Borrowed(s))
            }
            _ => self.owned_string(start),
        }
    }

    /// The rest of a string that has an escape (or is broken) from `self.pos`; the
    /// string's text starts at `start`.
    #[inline(never)]
    fn owned_string(&mut self, start: usize) -> Result<Cow<'a, str>, ParseError> {
        let mut owned = String::from(&self.text[start..self.pos]);
        self.string_escaped(&mut owned)?;
        Ok(Cow::Owned(owned))
    }

    /// Advances over bytes that need no attention: not `"`, `\` or a control character.
    fn skip_plain(&mut self) {
        self.pos = super::scan::special_from(self.bytes, self.pos);
    }

    fn string_escaped(&mut self, out: &mut String) -> Result<(), ParseError> {
        loop {
            match self.peek() {
                None => return Err(self.error(SyntaxError::Eof)),
                Some(b'"') => {
                    self.pos += 1;
                    return Ok(());
                }
                Some(b'\\') => {
                    self.pos += 1;
                    self.escape(out)?;
                }
                Some(_) => return Err(self.error(SyntaxError::ControlCharacter)),
            }
            let start = self.pos;
            self.skip_plain();
            out.push_str(&self.text[start..self.pos]);
        }
    }

    fn escape(&mut self, out: &mut String) -> Result<(), ParseError> {
        let Some(b) = self.peek() else {
            return Err(self.error(SyntaxError::Eof));
        };
        self.pos += 1;
        let c = match b {
            b'"' => '"',
            b'\\' => '\\',
            b'/' => '/',
            b'b' => '\u{8}',
            b'f' => '\u{c}',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'u' => self.unicode_escape()?,
            _ => {
                self.pos -= 1;
                return Err(self.error(SyntaxError::InvalidEscape));
            }
        };
        out.push(c);
        Ok(())
    }

    /// Reads the `XXXX` of `\uXXXX` (and a following low surrogate). A lone
    /// surrogate, which JavaScript strings may hold, becomes U+FFFD.
    fn unicode_escape(&mut self) -> Result<char, ParseError> {
        let first = self.hex4()?;
        if !(0xD800..0xDC00).contains(&first) {
            return Ok(char::from_u32(first).unwrap_or('\u{FFFD}'));
        }
        if self.bytes.get(self.pos..self.pos + 2) != Some(b"\\u") {
            return Ok('\u{FFFD}');
        }
        let save = self.pos;
        self.pos += 2;
        let second = self.hex4()?;
        if (0xDC00..0xE000).contains(&second) {
            let c = 0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00);
            return Ok(char::from_u32(c).unwrap_or('\u{FFFD}'));
        }
        // Not a low surrogate: the high one stands alone; read the next escape anew.
        self.pos = save;
        Ok('\u{FFFD}')
    }

    fn hex4(&mut self) -> Result<u32, ParseError> {
        let mut v = 0u32;
        for _ in 0..4 {
            let d = match self.peek() {
                None => return Err(self.error(SyntaxError::Eof)),
                Some(b) => (b as char).to_digit(16),
            };
            let Some(d) = d else {
                return Err(self.error(SyntaxError::InvalidEscape));
            };
            v = v * 16 + d;
            self.pos += 1;
        }
        Ok(v)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_numbers_as_written() {
        let node = parse(r#"[7200, -0, 7.2e3, 18446744073709551616]"#).unwrap();
        let Node::Array(items) = node else { panic!() };
        let raw: Vec<_> = items
            .iter()
            .map(|n| match n {
                Node::Number(r) => r.to_string(),
                _ => panic!(),
            })
            .collect();
        assert_eq!(raw, ["7200", "-0", "7.2e3", "18446744073709551616"]);
    }

    #[test]
    fn unescapes_strings_and_replaces_lone_surrogates() {
        let node =
            parse(r#"["a\"b\\\/\n\u00e9\ud83d\ude00", "\ud800x", "\udc00\ud800\u0041"]"#).unwrap();
        let Node::Array(items) = node else { panic!() };
        assert_eq!(items[0], Node::String("a\"b\\/\né😀".into()));
        assert_eq!(items[1], Node::String("\u{FFFD}x".into()));
        assert_eq!(items[2], Node::String("\u{FFFD}\u{FFFD}A".into()));
    }

    #[test]
    fn flags_repeated_keys_in_small_and_large_objects() {
        let small = parse(r#"{"a":1,"b":2,"a":3}"#).unwrap();
        let Node::Object(obj) = small else { panic!() };
        assert!(obj.has_duplicates);
        assert_eq!(obj.get("a"), Some(&Node::Number("3".into())));
        let keys: Vec<String> = (0..40).map(|i| format!("\"k{i}\":0")).collect();
        let large = format!("{{{},\"k7\":1}}", keys.join(","));
        let Node::Object(obj) = parse(&large).unwrap() else {
            panic!()
        };
        assert!(obj.has_duplicates);
        let distinct = format!("{{{}}}", keys.join(","));
        let Node::Object(obj) = parse(&distinct).unwrap() else {
            panic!()
        };
        assert!(!obj.has_duplicates);
        // Around the pair-by-pair limit, keys of one length and of several.
        for n in 1..=FEW_KEYS + 2 {
            let keys: Vec<String> = (0..n)
                .map(|i| format!("{}{}", "k".repeat(i % 3 + 1), i / 3))
                .collect();
            let object = |keys: &[String]| {
                let members: Vec<String> = keys.iter().map(|k| format!("\"{k}\":0")).collect();
                let text = format!("{{{}}}", members.join(","));
                let Ok(Node::Object(obj)) = parse(&text) else {
                    panic!()
                };
                obj.has_duplicates
            };
            assert!(!object(&keys), "{keys:?}");
            for j in 1..n {
                for i in 0..j {
                    let mut repeated = keys.clone();
                    repeated[j] = keys[i].clone();
                    assert!(object(&repeated), "{repeated:?}");
                }
            }
        }
    }

    #[test]
    fn reports_errors_with_positions() {
        let cases = [
            ("", SyntaxError::Eof, (1, 1)),
            ("{\n  \"a\": tru }", SyntaxError::ExpectedValue, (2, 11)),
            ("[1,]", SyntaxError::ExpectedValue, (1, 4)),
            ("{\"a\" 1}", SyntaxError::ExpectedColon, (1, 6)),
            ("{1:2}", SyntaxError::KeyMustBeString, (1, 2)),
            ("[1 2]", SyntaxError::ExpectedCommaOrBracket, (1, 4)),
            ("{\"a\":1 \"b\"}", SyntaxError::ExpectedCommaOrBrace, (1, 8)),
            ("01", SyntaxError::TrailingCharacters, (1, 2)),
            ("1.", SyntaxError::Eof, (1, 3)),
            ("-x", SyntaxError::InvalidNumber, (1, 2)),
            ("\"\\x\"", SyntaxError::InvalidEscape, (1, 3)),
            ("\"a\tb\"", SyntaxError::ControlCharacter, (1, 3)),
            ("\"é\u{1}\"", SyntaxError::ControlCharacter, (1, 3)),
        ];
        for (text, kind, pos) in cases {
            let err = parse(text).unwrap_err();
            assert_eq!((err.kind, err.line_column(text)), (kind, pos), "{text:?}");
        }
    }

    #[test]
    fn nested_containers_keep_their_own_entries() {
        let many: Vec<String> = (0..TAKE_STACK + 5)
            .map(|i| format!("[{i},{{\"k\":[{i}]}}]"))
            .collect();
        let texts = [
            r#"[[1,2],[3,[4,5]],6,{"a":[7,{"b":{}}],"c":[]},[]]"#.to_string(),
            r#"{"a":{"b":{"c":[1,[2]],"d":3},"e":[{"f":4},{"g":5}]},"h":[[[]]]}"#.to_string(),
            format!("[{}]", many.join(",")),
            format!("{{\"x\":[1],\"big\":[{}],\"y\":[2]}}", many.join(",")),
        ];
        for text in &texts {
            let ours = super::super::to_value(&parse(text).unwrap());
            let theirs: serde_json::Value = serde_json::from_str(text).unwrap();
            assert_eq!(ours, theirs);
        }
        // Inner containers get a Vec of their exact size.
        let Node::Array(items) = parse(&texts[0]).unwrap() else {
            panic!()
        };
        let Node::Array(inner) = &items[1] else {
            panic!()
        };
        assert_eq!((inner.len(), inner.capacity()), (2, 2));
    }

    #[test]
    fn refuses_the_128th_level_and_reads_the_127th() {
        let ok = format!("{}{}", "[".repeat(127), "]".repeat(127));
        assert!(parse(&ok).is_ok());
        let deep = format!("{}{}", "[".repeat(128), "]".repeat(128));
        assert_eq!(parse(&deep).unwrap_err().kind, SyntaxError::TooDeep);
        let very_deep = "[".repeat(100_000);
        assert_eq!(parse(&very_deep).unwrap_err().kind, SyntaxError::TooDeep);
    }
}
