//! A strict RFC 8259 parser into [`Node`], linear in the input size.

use super::{Child, Node, Object, MAX_DEPTH};
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

pub(super) struct Parser<'a> {
    pub(super) text: &'a str,
    pub(super) bytes: &'a [u8],
    pub(super) pos: usize,
    saw_duplicates: bool,
    max_depth: usize,
    /// The items read so far of the arrays being read, innermost last: each array takes
    /// its own at its end, in a `Vec` of their exact number (one allocation).
    items: Vec<Child<'a>>,
    /// The same for the members of the objects being read.
    members: Vec<Member<'a>>,
}

type Member<'a> = (Cow<'a, str>, Child<'a>);

/// Objects with at most this many members are checked for repeated keys pair by pair.
pub(super) const FEW_KEYS: usize = 16;

/// Containers of at least this many entries, outermost on their stack, take the whole
/// stack as their `Vec` rather than a copy (a 10^6-item array is not moved again).
pub(super) const TAKE_STACK: usize = 1024;

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
    pub(super) fn error(&self, kind: SyntaxError) -> ParseError {
        ParseError {
            kind,
            offset: self.pos,
        }
    }

    pub(super) fn peek(&self) -> Option<u8> {
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

    /// A string without escapes at `pos`, taken as it is; `None` (nothing read) otherwise.
    #[inline(always)]
    fn plain_string(&mut self) -> Option<&'a str> {
        let (bytes, open) = (self.bytes, self.pos);
        if bytes.get(open) != Some(&b'"') {
            return None;
        }
        let end = super::scan::special_from(bytes, open + 1);
        if bytes.get(end) != Some(&b'"') {
            return None;
        }
        let s = self.text.get(open + 1..end)?;
        self.pos = end + 1;
        Some(s)
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
            let start = self.pos;
            // A string without escapes, the most common item, read here: through a
            // `Result` of the string, a device list is read 1.4 times slower in the wasm.
            let node = match self.plain_string() {
                Some(s) => Node::String(Cow::Borrowed(s)),
                None => self.value(depth + 1)?,
            };
            self.items.push(Child { node, start });
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
            let key = match self.plain_string() {
                Some(key) => Cow::Borrowed(key),
                None => match self.peek() {
                    Some(b'"') => self.string()?,
                    None => return Err(self.error(SyntaxError::Eof)),
                    Some(_) => return Err(self.error(SyntaxError::KeyMustBeString)),
                },
            };
            self.skip_ws();
            match self.peek() {
                Some(b':') => self.pos += 1,
                None => return Err(self.error(SyntaxError::Eof)),
                Some(_) => return Err(self.error(SyntaxError::ExpectedColon)),
            }
            self.skip_ws();
            let start = self.pos;
            let node = match self.plain_string() {
                Some(s) => Node::String(Cow::Borrowed(s)),
                None => self.value(depth + 1)?,
            };
            self.members.push((key, Child { node, start }));
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
}
