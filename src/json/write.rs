//! Compact JSON text of a [`Node`], members in document order.

use super::Node;

/// Appends the compact JSON text of `node` to `out`.
pub(crate) fn write_compact(node: &Node<'_>, out: &mut String) {
    match node {
        Node::Null => out.push_str("null"),
        Node::Bool(true) => out.push_str("true"),
        Node::Bool(false) => out.push_str("false"),
        Node::Number(raw) => out.push_str(raw),
        Node::String(s) => write_string(s, out),
        Node::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_compact(item, out);
            }
            out.push(']');
        }
        Node::Object(obj) => {
            out.push('{');
            for (i, (key, value)) in obj.members.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_string(key, out);
                out.push(':');
                write_compact(value, out);
            }
            out.push('}');
        }
    }
}

/// Appends `node` as `JSON.stringify(node, null, indent)` writes it: one member or item a
/// line, `": "` after keys, empty containers as `{}` and `[]`.
pub(crate) fn write_pretty(node: &Node<'_>, indent: &str, level: usize, out: &mut String) {
    let newline = |out: &mut String, level: usize| {
        out.push('\n');
        for _ in 0..level {
            out.push_str(indent);
        }
    };
    match node {
        Node::Array(items) if !items.is_empty() => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                newline(out, level + 1);
                write_pretty(item, indent, level + 1, out);
            }
            newline(out, level);
            out.push(']');
        }
        Node::Object(obj) if !obj.members.is_empty() => {
            out.push('{');
            for (i, (key, value)) in obj.members.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                newline(out, level + 1);
                write_string(key, out);
                out.push_str(": ");
                write_pretty(value, indent, level + 1, out);
            }
            newline(out, level);
            out.push('}');
        }
        other => write_compact(other, out),
    }
}

/// Appends the decimal digits of `n` (no `core::fmt`: it keeps the wasm small).
pub(crate) fn write_int(n: i64, out: &mut String) {
    if n < 0 {
        out.push('-');
    }
    let mut v = n.unsigned_abs();
    let mut digits = [0u8; 20];
    let mut start = digits.len();
    loop {
        start -= 1;
        digits[start] = b'0' + (v % 10) as u8;
        v /= 10;
        if v == 0 {
            break;
        }
    }
    for &d in &digits[start..] {
        out.push(char::from(d));
    }
}

/// Appends the compact JSON text of a `serde_json::Value` (map members in the map's order,
/// numbers as serde_json writes them).
pub(crate) fn write_value(value: &serde_json::Value, out: &mut String) {
    use serde_json::Value;
    match value {
        Value::Null => out.push_str("null"),
        Value::Bool(true) => out.push_str("true"),
        Value::Bool(false) => out.push_str("false"),
        Value::Number(n) => match n.as_i64() {
            Some(i) => write_int(i, out),
            None => out.push_str(&n.to_string()),
        },
        Value::String(s) => write_string(s, out),
        Value::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_value(item, out);
            }
            out.push(']');
        }
        Value::Object(map) => {
            out.push('{');
            for (i, (key, item)) in map.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_string(key, out);
                out.push(':');
                write_value(item, out);
            }
            out.push('}');
        }
    }
}

/// Appends `"key":` (the key needs no escaping).
pub(crate) fn write_key(key: &str, out: &mut String) {
    out.push('"');
    out.push_str(key);
    out.push_str("\":");
}

/// Appends `s` as a JSON string literal, escaped as `JSON.stringify` does. The bytes
/// to escape are found a word at a time; the stretches between them are copied whole.
pub(crate) fn write_string(s: &str, out: &mut String) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    out.reserve(s.len() + 2);
    out.push('"');
    let bytes = s.as_bytes();
    let mut plain = 0;
    loop {
        // An ASCII byte or the end: both are character boundaries.
        let i = super::scan::special_from(bytes, plain);
        out.push_str(s.get(plain..i).unwrap_or_default());
        let Some(&b) = bytes.get(i) else { break };
        let escape = match b {
            b'"' => "\\\"",
            b'\\' => "\\\\",
            b'\n' => "\\n",
            b'\r' => "\\r",
            b'\t' => "\\t",
            0x08 => "\\b",
            0x0c => "\\f",
            _ => "",
        };
        if escape.is_empty() {
            out.push_str("\\u00");
            out.push(HEX[usize::from(b >> 4)] as char);
            out.push(HEX[usize::from(b & 0xf)] as char);
        } else {
            out.push_str(escape);
        }
        plain = i + 1;
    }
    out.push('"');
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::json::parse;

    #[test]
    fn writes_integers_without_fmt() {
        for n in [0, 7, -7, 24612, i64::MAX, i64::MIN] {
            let mut out = String::new();
            write_int(n, &mut out);
            assert_eq!(out, n.to_string());
        }
    }

    #[test]
    fn escapes_as_json_stringify_at_every_place() {
        // JSON.stringify and serde_json escape the same way: the short escapes, other
        // controls as \u00xx, nothing else.
        let specials: Vec<char> = (0u8..0x20).map(char::from).chain(['"', '\\']).collect();
        for len in 0..20 {
            for at in 0..=len {
                for &c in &specials {
                    let mut s: String = "aé😀b".chars().cycle().take(len).collect();
                    let byte = s.char_indices().nth(at).map_or(s.len(), |(i, _)| i);
                    s.insert(byte, c);
                    let mut out = String::new();
                    write_string(&s, &mut out);
                    assert_eq!(out, serde_json::to_string(&s).unwrap(), "{s:?}");
                }
            }
        }
    }

    #[test]
    fn round_trips_through_the_parser() {
        let text = r#"{"b":[1,-0,7.2e3,true,false,null],"a":"q\"\\\n\r\t\b\f\u0001é😀","b":{}}"#;
        let mut out = String::new();
        write_compact(&parse(text).unwrap(), &mut out);
        assert_eq!(out, text);
    }
}
