//! Messages and hints are written with [`put!`]: pieces of text and integers appended to a
//! `String`, with no `core::fmt` (its machinery and each `format!`'s argument tables cost
//! the WebAssembly build several KB, and appending is faster).

use crate::json::write_int;

/// Something a message is made of.
pub(crate) trait Piece {
    /// Appends it to `out`.
    fn put(self, out: &mut String);
}

impl Piece for &str {
    fn put(self, out: &mut String) {
        out.push_str(self);
    }
}

impl Piece for bool {
    fn put(self, out: &mut String) {
        out.push_str(if self { "true" } else { "false" });
    }
}

impl Piece for i64 {
    fn put(self, out: &mut String) {
        write_int(self, out);
    }
}

impl Piece for u64 {
    fn put(self, out: &mut String) {
        match i64::try_from(self) {
            Ok(n) => write_int(n, out),
            Err(_) => {
                // Beyond i64: all digits but the last, then the last.
                write_int((self / 10) as i64, out);
                out.push(char::from(b'0' + (self % 10) as u8));
            }
        }
    }
}

impl Piece for usize {
    fn put(self, out: &mut String) {
        (self as u64).put(out);
    }
}

impl Piece for u32 {
    fn put(self, out: &mut String) {
        write_int(i64::from(self), out);
    }
}

/// `put!(out, "must be between ", min, " and ", max)` appends each piece to `out`
/// (a `&mut String`): text as it is, integers in decimal, booleans as `true`/`false`.
macro_rules! put {
    ($out:expr, $($piece:expr),+ $(,)?) => {{
        let out: &mut String = $out;
        out.reserve(32);
        $($crate::report::text::Piece::put($piece, out);)+
    }};
}
pub(crate) use put;

/// Appends `items`, each in double quotes, separated by `", "`.
pub(crate) fn quoted(items: &[&str], out: &mut String) {
    for (i, item) in items.iter().enumerate() {
        put!(out, if i > 0 { ", \"" } else { "\"" }, *item, "\"");
    }
}

/// Appends `items` separated by `", "`.
pub(crate) fn joined(items: &[&str], out: &mut String) {
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        out.push_str(item);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_what_format_writes() {
        let mut out = String::new();
        put!(
            &mut out,
            "a ",
            -7i64,
            " ",
            u64::MAX,
            " ",
            usize::MAX,
            " ",
            u32::MAX
        );
        put!(
            &mut out,
            " ",
            i64::MIN,
            " ",
            true,
            " ",
            0u64,
            " ",
            i64::MAX as u64 + 1
        );
        let want = format!(
            "a -7 {} {} {} {} true 0 {}",
            u64::MAX,
            usize::MAX,
            u32::MAX,
            i64::MIN,
            i64::MAX as u64 + 1
        );
        assert_eq!(out, want);
        let mut list = String::new();
        quoted(&["a", "b"], &mut list);
        list.push(' ');
        joined(&["c", "d"], &mut list);
        assert_eq!(list, r#""a", "b" c, d"#);
    }
}
