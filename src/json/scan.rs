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
}
