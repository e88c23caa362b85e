//! The GitHub Actions format: one workflow command per problem,
//! `::error file=F,line=L,col=C,endLine=..,endColumn=..,title=ota-job CODE::MESSAGE`.

use super::{hint, issues, position, Checked, Sink};

pub fn checked(sink: &mut Sink, checked: &Checked<'_>) {
    for (level, issue) in issues(checked.report) {
        let mut props = vec![("file", checked.name.to_string())];
        if let Some(p) = position(issue) {
            props.push(("line", p.line.to_string()));
            // Annotations carry columns only within one line.
            if p.end_line == p.line {
                props.push(("col", p.column.to_string()));
                props.push(("endLine", p.end_line.to_string()));
                props.push(("endColumn", p.end_column.to_string()));
            } else {
                props.push(("endLine", p.end_line.to_string()));
            }
        }
        props.push(("title", format!("ota-job {}", issue.code)));
        let mut message = issue.message.clone();
        let path = if issue.path.is_empty() {
            "\"\""
        } else {
            &issue.path
        };
        message.push_str("\npath: ");
        message.push_str(path);
        if let Some(hint) = hint(issue) {
            message.push_str("\nhint: ");
            message.push_str(hint);
        }
        let props: Vec<String> = props
            .into_iter()
            .map(|(k, v)| format!("{k}={}", escape_property(&v)))
            .collect();
        sink.write(&format!(
            "::{} {}::{}\n",
            level.as_str(),
            props.join(","),
            escape_data(&message)
        ));
    }
}

/// `%`, CR and LF, as the runner decodes a command's message.
pub fn escape_data(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '%' => out.push_str("%25"),
            '\r' => out.push_str("%0D"),
            '\n' => out.push_str("%0A"),
            c => out.push(c),
        }
    }
    out
}

/// The data escapes, and `:` and `,`, which end a property.
pub fn escape_property(text: &str) -> String {
    escape_data(text).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_as_the_runner_decodes() {
        assert_eq!(escape_data("100%\r\nok: a,b"), "100%25%0D%0Aok: a,b");
        assert_eq!(escape_property("C:\\a,b%.json"), "C%3A\\a%2Cb%25.json");
    }
}
