//! Values that JavaScript holds but JSON cannot carry, as the npm package reports them.
//!
//! The package writes a JS value as JSON text with a placeholder (`0.5`) at each such
//! value and passes their paths and kinds in; the placeholder's own `invalid_type` then
//! takes the true problem, or one is added. A value given to `validateJson` that is not
//! text at all turns the `invalid_json` of the empty text into "expected JSON text".

use crate::json::{self, Node};
use crate::report::{Code, Finding, JsValueKind, JsonError, Problem};

/// One value JSON could not carry: its path and kind.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Foreign {
    pub path: String,
    pub kind: ForeignKind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
pub(crate) enum ForeignKind {
    /// A value JSON cannot write.
    NotJson(JsValueKind),
    /// `validateJson` was given this instead of text.
    NotText(JsValueKind),
    /// An object written through its `toJSON` (a `Date`): kept as a note for the input rules.
    Converted,
}

/// Reads the package's list `[["/path", "kind"], ...]`; unknown kinds are skipped.
#[cfg_attr(not(all(target_arch = "wasm32", feature = "npm")), allow(dead_code))]
pub(crate) fn parse_list(text: &str) -> Vec<Foreign> {
    let Ok(Node::Array(items)) = json::parse(text) else {
        return Vec::new();
    };
    items
        .iter()
        .filter_map(|item| match &item.node {
            Node::Array(pair) => match pair.as_slice() {
                [path, kind] => match (&path.node, &kind.node) {
                    (Node::String(path), Node::String(kind)) => Some(Foreign {
                        path: path.to_string(),
                        kind: kind_of(kind)?,
                    }),
                    _ => None,
                },
                _ => None,
            },
            _ => None,
        })
        .collect()
}

#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
fn kind_of(name: &str) -> Option<ForeignKind> {
    use JsValueKind as K;
    if name == "converted" {
        return Some(ForeignKind::Converted);
    }
    if let Some(t) = name.strip_prefix("text:") {
        let kind = match t {
            "undefined" => K::Undefined,
            "null" => K::Null,
            "number" => K::Number,
            "boolean" => K::Boolean,
            "bigint" => K::BigInt,
            "symbol" => K::Symbol,
            "function" => K::Function,
            "array" => K::Array,
            _ => K::Object,
        };
        return Some(ForeignKind::NotText(kind));
    }
    let kind = match name {
        "undefined" => K::Undefined,
        "NaN" => K::NaN,
        "Infinity" => K::Infinity,
        "-Infinity" => K::NegativeInfinity,
        "function" => K::Function,
        "symbol" => K::Symbol,
        "cycle" => K::Cycle,
        "unreadable" => K::Unreadable,
        "tooLarge" => K::TooLarge,
        "tooManyForeign" => K::TooManyForeign,
        _ => return None,
    };
    Some(ForeignKind::NotJson(kind))
}

/// The paths of values written through `toJSON`.
pub(crate) fn converted(foreign: &[Foreign]) -> Vec<String> {
    foreign
        .iter()
        .filter(|f| f.kind == ForeignKind::Converted)
        .map(|f| f.path.clone())
        .collect()
}

/// Gives each foreign value its problem: the first `invalid_type` already at its path
/// (caused by the placeholder) becomes it, or a new one is added at the end.
pub(crate) fn apply(findings: &mut Vec<Finding>, foreign: &[Foreign]) {
    let mut taken = vec![false; findings.len()];
    for f in foreign {
        match f.kind {
            ForeignKind::Converted => {}
            ForeignKind::NotText(found) => {
                let problem = Problem::InvalidJson {
                    error: JsonError::NotText { found },
                };
                match findings
                    .iter_mut()
                    .find(|x| x.code() == Code::InvalidJson && x.path == f.path)
                {
                    Some(x) => x.problem = problem,
                    None => findings.push(Finding::new(f.path.clone(), problem)),
                }
            }
            ForeignKind::NotJson(value) => {
                let problem = Problem::NotJson { value };
                let at = findings.iter().enumerate().position(|(i, x)| {
                    i < taken.len()
                        && !taken[i]
                        && x.code() == Code::InvalidType
                        && x.path == f.path
                });
                match at {
                    Some(i) => {
                        taken[i] = true;
                        findings[i].problem = problem;
                        findings[i].fix = None;
                    }
                    None => findings.push(Finding::new(f.path.clone(), problem)),
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::{self, Shape};
    use crate::options::Options;

    #[test]
    fn foreign_values_take_the_placeholder_problem() {
        let foreign = parse_list(
            r#"[["/upgradeTimeout","NaN"],["/x","undefined"],["/orgId","converted"],["/y","nonsense"]]"#,
        );
        assert_eq!(foreign.len(), 3);
        let text = r#"{"type":"verify","upgradeTimeout":0.5}"#;
        let mut checked = check::text(text, &Options::new(), Shape::Body, &foreign, false);
        let report = checked.take_report(&Options::new());
        let found: Vec<_> = report
            .errors
            .iter()
            .map(|e| (e.path.as_str(), e.message.as_str()))
            .collect();
        assert_eq!(
            found,
            [
                ("/upgradeScope", "this field is required"),
                (
                    "/upgradeTimeout",
                    "NaN is not a JSON value (JSON numbers are finite)"
                ),
                ("/x", "undefined is not a JSON value"),
            ]
        );
        let not_text = parse_list(r#"[["","text:number"]]"#);
        let zh = Options::new().with_locale(crate::report::Locale::Zh);
        let mut checked = check::text("", &zh, Shape::Body, &not_text, false);
        let report = checked.take_report(&zh);
        assert_eq!(
            report.errors[0].message,
            "应为 JSON 文本(字符串),实际为 数字"
        );
        assert_eq!(report.errors[0].span, None);
    }
}
