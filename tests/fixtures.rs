//! Runs every case of `tests/fixtures/**/*.json` (the same files the npm package's tests
//! run) as a test of its own, named `<folder>::<file>::<case name>`, so a failure names
//! its case and `cargo test --test fixtures <part of a name>` runs just those.
//!
//! A validation case gives a body or a text, options, and the exact `[path, code]` lists
//! expected in `errors` and `warnings`, in order; optional `issues` pin more members
//! (position, hint text, fix) of the issues they name by path and code.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

use enos_ota_job::{
    build_request_json, build_request_value, fix_json, normalize_json, normalize_value,
    parse_response, validate_json, validate_value, Code, Issue, Options, Report,
};
use libtest_mimic::{Arguments, Failed, Trial};
use serde_json::{json, Value};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

/// Every `*.json` under `dir`, sorted, with its path relative to the fixtures.
fn files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut entries: Vec<_> = fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            out.extend(files(&path));
        } else if path.extension().is_some_and(|e| e == "json") {
            out.push(path);
        }
    }
    out
}

fn cases(file: &Path) -> Vec<Value> {
    let text = fs::read_to_string(file).unwrap();
    match serde_json::from_str(&text).unwrap() {
        Value::Array(cases) => cases,
        _ => panic!("{}: not an array of cases", file.display()),
    }
}

/// `{valid, errors: [[path, code]], warnings: [[path, code]]}` of a report.
fn digest(report: &Report) -> Value {
    let list = |issues: &[Issue]| -> Vec<Value> {
        issues
            .iter()
            .map(|i| json!([i.path, i.code.as_str()]))
            .collect()
    };
    json!({"valid": report.valid, "errors": list(&report.errors), "warnings": list(&report.warnings)})
}

fn expect_eq(got: &Value, expect: &Value, how: &str) -> Result<(), Failed> {
    if got == expect {
        Ok(())
    } else {
        Err(format!("({how})\n  expected {expect}\n  got      {got}").into())
    }
}

/// The members that `issues` pins, on the issue of the same path and code.
fn check_issues(report: &Report, pins: &Value) -> Result<(), Failed> {
    for pin in pins.as_array().into_iter().flatten() {
        let (path, code) = (pin["path"].as_str().unwrap(), pin["code"].as_str().unwrap());
        let issue = report
            .issues()
            .find(|i| i.path == path && i.code.as_str() == code)
            .ok_or_else(|| format!("no issue {path} {code}"))?;
        let got = wire_issue(issue);
        for (key, want) in pin.as_object().unwrap() {
            let have = got.get(key).cloned().unwrap_or(Value::Null);
            let ok = match (key.as_str(), want) {
                // A hint is pinned by a part of its text.
                ("hint", Value::String(part)) => {
                    have.as_str().is_some_and(|h| h.contains(part.as_str()))
                }
                _ => &have == want,
            };
            if !ok {
                return Err(format!("{path} {code}: `{key}` expected {want}, got {have}").into());
            }
        }
    }
    Ok(())
}

/// One issue in the wire format (positions, hint and fix included).
fn wire_issue(issue: &Issue) -> Value {
    let mut v = json!({"path": issue.path, "code": issue.code.as_str(), "message": issue.message});
    if let Some(s) = &issue.span {
        v["line"] = json!(s.line);
        v["column"] = json!(s.column);
        v["endLine"] = json!(s.end_line);
        v["endColumn"] = json!(s.end_column);
    }
    v["hint"] = json!(issue.hint);
    v["fix"] = serde_json::to_value(&issue.fix).unwrap();
    v
}

fn body_case(case: &Value) -> Result<(), Failed> {
    let options = Options::from_json_value(&case["options"]);
    let expect = &case["expect"];
    let mut runs = Vec::new();
    if let Some(text) = case["text"].as_str() {
        runs.push(("text", validate_json(text, &options)));
    } else {
        let body = &case["body"];
        runs.push(("value", validate_value(body, &options)));
        runs.push(("text", validate_json(&body.to_string(), &options)));
    }
    for (how, report) in &runs {
        // The hand-written JSON is the same text as serde's.
        if report.to_json() != serde_json::to_string(report).unwrap() {
            return Err(format!("({how}) to_json differs from serde").into());
        }
        // The npm package's block carries the same report.
        let json: Value = serde_json::from_str(&report.to_json()).unwrap();
        let (words, text) = report.to_block();
        if Report::read_block(&words, &text).as_ref() != Some(&json) {
            return Err(format!("({how}) the block differs from the JSON").into());
        }
        expect_eq(&digest(report), expect, how)?;
        // Every issue of a text carries its position; of a value, none.
        let spans = report
            .issues()
            .all(|i| i.span.is_some() == (*how == "text") || i.code == Code::InvalidOption);
        if !spans {
            return Err(format!("({how}) positions where they do not belong, or missing").into());
        }
    }
    if let Some(pins) = case.get("issues") {
        check_issues(&runs.last().unwrap().1, pins)?;
    }
    if let Some(fixed) = case.get("fixed") {
        let text = case["text"]
            .as_str()
            .map_or_else(|| case["body"].to_string(), str::to_owned);
        let out = fix_json(&text, &options);
        let got = out
            .text
            .as_deref()
            .map(|t| serde_json::from_str::<Value>(t).unwrap());
        expect_eq(&got.unwrap_or(Value::Null), fixed, "fix_json")?;
    }
    Ok(())
}

fn request_case(case: &Value) -> Result<(), Failed> {
    let options = Options::from_json_value(&case["options"]);
    let built = match case["text"].as_str() {
        Some(text) => build_request_json(text, &options),
        None => build_request_value(&case["input"], &options),
    };
    if built.to_json() != serde_json::to_string(&built).unwrap() {
        return Err("to_json differs from serde".into());
    }
    let mut got = digest(&built.report);
    if let Some(request) = &built.request {
        got["request"] = serde_json::to_value(request).unwrap();
    }
    // Bodies compare as JSON: a `Value` input has no member order to keep.
    let mut expect = case["expect"].clone();
    for v in [&mut got, &mut expect] {
        if let Some(body) = v.pointer_mut("/request/body") {
            *body = serde_json::from_str(body.as_str().unwrap()).unwrap();
        }
    }
    expect_eq(&got, &expect, "buildRequest")?;
    if let (Some(input), None) = (case.get("input"), case["text"].as_str()) {
        let mut again = build_request_json(&input.to_string(), &options);
        again.report = again.report.without_spans();
        if again != built {
            return Err("text and value disagree".into());
        }
    }
    Ok(())
}

fn normalize_case(case: &Value) -> Result<(), Failed> {
    let options = Options::from_json_value(&case["options"]);
    let normalized = normalize_value(&case["body"], &options);
    let mut from_text = normalize_json(&case["body"].to_string(), &options);
    from_text.report = from_text.report.without_spans();
    if normalized != from_text {
        return Err("text and value disagree".into());
    }
    let mut got = digest(&normalized.report);
    got["body"] = normalized.body_value().unwrap_or(Value::Null);
    expect_eq(&got, &case["expect"], "normalize")
}

fn response_case(case: &Value) -> Result<(), Failed> {
    let got: Value =
        serde_json::from_str(&parse_response(case["text"].as_str().unwrap()).to_json()).unwrap();
    expect_eq(&got, &case["expect"], "parseResponse")
}

fn main() {
    let args = Arguments::from_args();
    let root = root();
    let mut trials = Vec::new();
    let mut codes = BTreeSet::new();
    for file in files(&root) {
        let rel = file.strip_prefix(&root).unwrap().with_extension("");
        let rel = rel
            .to_string_lossy()
            .replace(std::path::MAIN_SEPARATOR, "::");
        let folder = rel.split("::").next().unwrap_or_default().to_owned();
        let validation = !matches!(folder.as_str(), "request" | "normalize" | "response");
        let run: fn(&Value) -> Result<(), Failed> = match folder.as_str() {
            "request" => request_case,
            "normalize" => normalize_case,
            "response" => response_case,
            _ => body_case,
        };
        let kind = match folder.as_str() {
            "request" | "normalize" | "response" => "",
            _ => "validate::",
        };
        for case in cases(&file) {
            if validation {
                for list in ["errors", "warnings"] {
                    for item in case["expect"][list].as_array().into_iter().flatten() {
                        codes.insert(item[1].as_str().unwrap().to_owned());
                    }
                }
            }
            let name = format!("{kind}{rel}::{}", case["name"].as_str().unwrap_or("?"));
            trials.push(Trial::test(name, move || run(&case)));
        }
    }
    // Every code is expected by at least one fixture.
    let missing: Vec<&str> = Code::ALL
        .iter()
        .map(|c| c.as_str())
        .filter(|c| !codes.contains(*c))
        .collect();
    trials.push(Trial::test("every_code_has_a_fixture", move || {
        if missing.is_empty() {
            Ok(())
        } else {
            Err(format!("codes no fixture expects: {missing:?}").into())
        }
    }));
    libtest_mimic::run(&args, trials).exit();
}
