//! Searching JSON text 8 bytes at a time, in a `u64` ("SWAR": SIMD within a register).
//!
//! The SWAR tests flag a byte by setting its top bit. Their borrows can only run upward
//! (to later bytes), so the lowest flag is always exact; higher ones may be false, and
//! only the first match of a word is ever used.

const ONES: u64 = 0x0101_0101_0101_0101;
const HIGHS: u64 = 0x8080_8080_8080_8080;

/// The top bit of each byte of `x` equal to `b`; exact at the lowest match.
#[inline(always)]
fn eq(x: u64, b: u8) -> u64 {
    let y = x ^ (ONES * u64::from(b));
    y.wrapping_sub(ONES) & !y & HIGHS
}

/// The top bit of each byte of `x` that a JSON string cannot hold as it is (`"`, `\` or a
/// control character); exact at the lowest match.
#[inline(always)]
fn special(x: u64) -> u64 {
    // Flipping bit 1 turns `"` (0x22) into 0x20 and keeps the controls below 0x20, so one
    // test, "below 0x21", finds both; no other byte falls below 0x21.
    let y = x ^ (ONES * 0x02);
    eq(x, b'\\') | (y.wrapping_sub(ONES * 0x21) & !y & HIGHS)
}

/// The 8 bytes at `i` as a little-endian word, if there are 8.
#[inline(always)]
fn word(bytes: &[u8], i: usize) -> Option<u64> {
    let chunk: [u8; 8] = bytes.get(i..i.checked_add(8)?)?.try_into().ok()?;
    Some(u64::from_le_bytes(chunk))
}

/// The index of the first byte at or after `i` that is `"`, `\` or a control character
/// (below U+0020), or `bytes.len()`. Inside a JSON string, the end of what can be taken
/// as it is; in a string to write, the next byte to escape.
#[inline]
pub(crate) fn special_from(bytes: &[u8], mut i: usize) -> usize {
    while let Some(x) = word(bytes, i) {
        let found = special(x);
        if found != 0 {
            return i + (found.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    while let Some(&b) = bytes.get(i) {
        if b == b'"' || b == b'\\' || b < 0x20 {
            return i;
        }
        i += 1;
    }
    bytes.len()
}

/// The index of the first `b` at or after `i`, or `bytes.len()`.
pub(crate) fn byte_from(bytes: &[u8], mut i: usize, b: u8) -> usize {
    while let Some(x) = word(bytes, i) {
        let found = eq(x, b);
        if found != 0 {
            return i + (found.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    while let Some(&c) = bytes.get(i) {
        if c == b {
            return i;
        }
        i += 1;
    }
    bytes.len()
}

/// Whether `bytes` holds `a` or `b`, a word at a time.
pub(crate) fn has_either(bytes: &[u8], a: u8, b: u8) -> bool {
    let mut words = bytes.chunks_exact(8);
    let mut flags = 0u64;
    for chunk in &mut words {
        let x = u64::from_le_bytes(chunk.try_into().unwrap_or([0; 8]));
        // A false flag only ever comes above a true one.
        flags |= eq(x, a) | eq(x, b);
    }
    flags != 0 || words.remainder().iter().any(|&c| c == a || c == b)
}

/// The index of the first byte at or after `i` that is `"` or a bracket (`[`, `]`, `{`,
/// `}`), or a byte that is none of them but shares their bit pattern (`Y`, `_`, `y`,
/// DEL; none of them occurs in JSON outside strings), or `bytes.len()`.
#[inline]
pub(crate) fn structural_from(bytes: &[u8], mut i: usize) -> usize {
    // The four brackets are 0x5B, 0x5D, 0x7B, 0x7D: equal to 0x59 under the mask 0xD9.
    const MASK: u64 = ONES * 0xD9;
    while let Some(x) = word(bytes, i) {
        let found = eq(x, b'"') | eq(x & MASK, 0x59);
        if found != 0 {
            return i + (found.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    while let Some(&b) = bytes.get(i) {
        if b == b'"' || b & 0xD9 == 0x59 {
            return i;
        }
        i += 1;
    }
    bytes.len()
}

/// The index of the first byte at or after `i` that is not blank (space, tab, CR, LF).
pub(crate) fn blank_from(bytes: &[u8], mut i: usize) -> usize {
    while let Some(b' ' | b'\n' | b'\r' | b'\t') = bytes.get(i) {
        i += 1;
    }
    i
}

/// Where the value that starts at `i` ends: a string or a container found a word at a time,
/// a scalar at the next delimiter. Text that is not JSON gives an end too, never past the
/// text (a stray closing bracket is one byte).
pub(crate) fn skim_value(bytes: &[u8], i: usize) -> usize {
    match bytes.get(i) {
        None => i,
        Some(b'"') => skim_string(bytes, i),
        Some(b'{' | b'[') => skim_container(bytes, i),
        Some(b'}' | b']') => i + 1,
        Some(_) => {
            let mut i = i;
            while let Some(b) = bytes.get(i) {
                if matches!(b, b',' | b'}' | b']' | b' ' | b'\n' | b'\r' | b'\t') {
                    break;
                }
                i += 1;
            }
            i
        }
    }
}

/// Past the string whose opening quote is at `i`.
fn skim_string(bytes: &[u8], mut i: usize) -> usize {
    i += 1;
    loop {
        i = special_from(bytes, i);
        match bytes.get(i) {
            None => return i,
            Some(b'"') => return i + 1,
            Some(b'\\') => i = i.saturating_add(2),
            // A control character: only in text that is not JSON.
            Some(_) => i += 1,
        }
    }
}

/// Past the array or object that opens at `i`, a word at a time between strings and
/// brackets.
fn skim_container(bytes: &[u8], mut i: usize) -> usize {
    let mut depth = 0usize;
    loop {
        i = structural_from(bytes, i);
        match bytes.get(i) {
            None => return i,
            Some(b'"') => i = skim_string(bytes, i),
            Some(b'{' | b'[') => {
                depth += 1;
                i += 1;
            }
            Some(b'}' | b']') => {
                depth = depth.saturating_sub(1);
                i += 1;
                if depth == 0 {
                    return i;
                }
            }
            // A byte that only looks like a bracket (`Y`, `_`, `y`, DEL).
            Some(_) => i += 1,
        }
    }
}

/// The length of the start of `bytes` that is ASCII without a line feed: one line whose
/// columns are its bytes.
pub(crate) fn ascii_line_len(bytes: &[u8]) -> usize {
    let mut i = 0;
    while let Some(x) = word(bytes, i) {
        // Exact at the lowest flag: the top bits are, and a line-feed flag is.
        let found = (x & HIGHS) | eq(x, b'\n');
        if found != 0 {
            return i + (found.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    while let Some(&b) = bytes.get(i) {
        if !b.is_ascii() || b == b'\n' {
            return i;
        }
        i += 1;
    }
    bytes.len()
}

/// `(line feeds, characters after the last line feed, whether there was one)` in
/// `bytes`: characters are counted as the bytes that do not continue a UTF-8 sequence.
pub(crate) fn lines_and_chars(bytes: &[u8]) -> (usize, usize, bool) {
    let (mut lines, mut chars, mut any) = (0usize, 0usize, false);
    let mut words = bytes.chunks_exact(8);
    for chunk in &mut words {
        let x = u64::from_le_bytes(chunk.try_into().unwrap_or([0; 8]));
        // Exact flags (no borrow): a byte is a line feed when its xor with 0x0A is zero.
        let y = x ^ (ONES * 0x0A);
        let newline = !(((y & !HIGHS) + !HIGHS) | y) & HIGHS;
        if newline == 0 && x & HIGHS == 0 {
            // Eight ASCII characters, the common word.
            chars += 8;
            continue;
        }
        // A continuation byte is 0b10xx_xxxx: top bit set, next bit clear.
        let starts = !(x & !(x << 1) & HIGHS) & HIGHS;
        if newline != 0 {
            lines += newline.count_ones() as usize;
            any = true;
            // The bytes after the last line feed (the word is little-endian).
            let after = (63 - newline.leading_zeros()) + 1;
            chars = (starts.checked_shr(after).unwrap_or(0)).count_ones() as usize;
        } else {
            chars += starts.count_ones() as usize;
        }
    }
    for &b in words.remainder() {
        if b == b'\n' {
            lines += 1;
            any = true;
            chars = 0;
        } else if b & 0xC0 != 0x80 {
            chars += 1;
        }
    }
    (lines, chars, any)
}

#[cfg(test)]
mod tests {
    use super::*;
    // In wasm32 the tests run under wasm-bindgen-test (`make test-wasm-node`).
    #[cfg(not(target_arch = "wasm32"))]
    use core::prelude::v1::test as case;
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as case;

    #[case]
    fn finds_the_first_special_byte_at_every_offset() {
        for len in 0..40 {
            for at in 0..=len {
                for special in [b'"', b'\\', 0x00, 0x1F, b'\n'] {
                    let mut bytes = vec![b'a'; len];
                    // Bytes after the first match may be anything, including matches and
                    // bytes that would borrow.
                    if at < len {
                        bytes[at] = special;
                        for b in bytes.iter_mut().skip(at + 1).step_by(3) {
                            *b = 0x01;
                        }
                    }
                    for from in 0..=at {
                        assert_eq!(special_from(&bytes, from), at, "{len} {at} {from}");
                    }
                }
                let mut high = vec![0xC3u8; len];
                if at < len {
                    high[at] = b'"';
                }
                assert_eq!(special_from(&high, 0), at);
                let plain: Vec<u8> = (0x20u8..=0xFF)
                    .filter(|&b| b != b'"' && b != b'\\')
                    .cycle()
                    .take(len)
                    .collect();
                assert_eq!(special_from(&plain, 0), len);
            }
        }
    }

    #[case]
    fn finds_either_byte_anywhere() {
        for len in 0..20 {
            let plain = vec![b'k'; len];
            assert!(!has_either(&plain, b'~', b'/'));
            for at in 0..len {
                for c in [b'~', b'/'] {
                    let mut bytes = plain.clone();
                    bytes[at] = c;
                    assert!(has_either(&bytes, b'~', b'/'), "{len} {at}");
                    assert_eq!(byte_from(&bytes, 0, c), at);
                    assert_eq!(byte_from(&bytes, at + 1, c), len);
                }
            }
        }
    }

    #[case]
    fn finds_quotes_and_brackets() {
        let text = br#"  12.5e-3, true, null ,  "a" {x"#;
        assert_eq!(structural_from(text, 0), 25);
        assert_eq!(structural_from(text, 26), 27);
        assert_eq!(structural_from(text, 28), 29);
        assert_eq!(structural_from(text, 30), text.len());
        for b in [b'[', b']', b'{', b'}', b'"'] {
            for at in 0..20 {
                let mut bytes = vec![b' '; 20];
                bytes[at] = b;
                assert_eq!(structural_from(&bytes, 0), at);
            }
        }
    }

    #[case]
    fn counts_lines_and_characters() {
        let cases = [
            "",
            "abc",
            "a\nb",
            "\n",
            "é😀\nü x\n\nyz",
            "0123456\n89é",
            "ééééééééé",
        ];
        for text in cases {
            for from in 0..=text.len() {
                if !text.is_char_boundary(from) {
                    continue;
                }
                let part = &text[from..];
                let plain = part.find(|c: char| !c.is_ascii() || c == '\n');
                assert_eq!(
                    ascii_line_len(part.as_bytes()),
                    plain.unwrap_or(part.len()),
                    "{part:?}"
                );
                let lines = part.matches('\n').count();
                let tail = part.rsplit('\n').next().unwrap_or("");
                assert_eq!(
                    lines_and_chars(part.as_bytes()),
                    (lines, tail.chars().count(), lines > 0),
                    "{part:?}"
                );
            }
        }
    }
}
