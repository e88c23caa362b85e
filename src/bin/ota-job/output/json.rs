//! The JSON format: one input's report exactly as the library writes it, or JSON
//! Lines `{"file", "valid", "errors", "warnings"}` for several inputs.

use super::{Checked, Sink};

pub struct Json {
    pub lines: bool,
}

impl Json {
    pub fn checked(&mut self, sink: &mut Sink, checked: &Checked<'_>) {
        let report = checked.report.to_json();
        if self.lines {
            // The report's own text with the file name as its first member.
            let name = serde_json::to_string(checked.name).unwrap_or_else(|_| "\"\"".into());
            let members = report.strip_prefix('{').unwrap_or(&report);
            sink.write(&format!("{{\"file\":{name},{members}\n"));
        } else {
            sink.write(&report);
            sink.write("\n");
        }
    }
}

/// Indents compact JSON text by two spaces, keeping every member where it is (the
/// text must be JSON, as the library writes it).
pub fn pretty(compact: &str) -> String {
    let mut out = String::with_capacity(compact.len() * 2);
    let mut depth = 0usize;
    let mut in_string = false;
    let mut escaped = false;
    let mut chars = compact.chars().peekable();
    let newline = |out: &mut String, depth: usize| {
        out.push('\n');
        for _ in 0..depth {
            out.push_str("  ");
        }
    };
    while let Some(c) = chars.next() {
        if in_string {
            out.push(c);
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == '"' {
                in_string = false;
            }
            continue;
        }
        match c {
            '"' => {
                in_string = true;
                out.push(c);
            }
            '{' | '[' => {
                out.push(c);
                if matches!(chars.peek(), Some('}' | ']')) {
                    out.push(chars.next().unwrap_or_default());
                } else {
                    depth += 1;
                    newline(&mut out, depth);
                }
            }
            '}' | ']' => {
                depth = depth.saturating_sub(1);
                newline(&mut out, depth);
                out.push(c);
            }
            ',' => {
                out.push(c);
                newline(&mut out, depth);
            }
            ':' => out.push_str(": "),
            c if c.is_whitespace() => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::pretty;

    #[test]
    fn pretty_keeps_member_order_and_strings() {
        let text = r#"{"b":[1,{"x":"a,{b}:\"c\""}],"a":{},"c":[]}"#;
        assert_eq!(
            pretty(text),
            "{\n  \"b\": [\n    1,\n    {\n      \"x\": \"a,{b}:\\\"c\\\"\"\n    }\n  ],\n  \"a\": {},\n  \"c\": []\n}"
        );
    }
}
