//! String literals of the reader: taken as they are when they hold no escape (borrowed
//! from the text), unescaped otherwise.

use std::borrow::Cow;

use super::parse::{ParseError, Parser, SyntaxError};

impl<'a> Parser<'a> {
    /// Reads a string; `self.pos` is at the opening quote.
    #[inline(always)]
    pub(super) fn string(&mut self) -> Result<Cow<'a, str>, ParseError> {
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
