//! Runs every case of `tests/fixtures/*.json` (the same files the npm package's
//! tests run): a body or a text, options, and the exact `[path, code]` lists
//! expected in `errors` and `warnings`, in order.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

use enos_ota_job::{
    build_request_json, build_request_value, normalize_json, normalize_value, parse_response,
    validate_json, validate_value, Code, Options, Report,
};
use serde_json::{json, Value};

fn fixture_files(dir: &str) -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(dir);
    let mut files: Vec<PathBuf> = fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| entry.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no fixtures in {}", dir.display());
    files
}

fn cases(file: &Path) -> Vec<Value> {
    let text = fs::read_to_string(file).unwrap();
    let Value::Array(cases) = serde_json::from_str(&text).unwrap() else {
        panic!("{}: not an array of cases", file.display());
    };
    cases
}

fn assert_no_failures(failures: &[String]) {
    assert!(
        failures.is_empty(),
        "{} failing cases:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// The `{valid, errors: [[path, code]], warnings: [[path, code]]}` digest of a report.
fn digest(report: &Report) -> Value {
    let list = |issues: &[enos_ota_job::Issue]| -> Vec<Value> {
        issues
            .iter()
            .map(|i| json!([i.path, i.code.as_str()]))
            .collect()
    };
    json!({"valid": report.valid, "errors": list(&report.errors), "warnings": list(&report.warnings)})
}

/// Runs the body cases of one folder; returns the failures and the codes expected.
fn run_body_cases(failures: &mut Vec<String>, codes: &mut BTreeSet<String>) {
    for file in fixture_files("") {
        for case in cases(&file) {
            let name = format!(
                "{}: {}",
                file.file_name().unwrap().to_string_lossy(),
                case["name"]
            );
            let options = Options::from_json_value(&case["options"]);
            let expect = &case["expect"];
            for list in ["errors", "warnings"] {
                for item in expect[list].as_array().unwrap() {
                    codes.insert(item[1].as_str().unwrap().to_owned());
                }
            }
            let mut runs = Vec::new();
            if let Some(text) = case["text"].as_str() {
                runs.push(("text", validate_json(text, &options)));
            } else {
                let body = &case["body"];
                runs.push(("value", validate_value(body, &options)));
                runs.push(("text", validate_json(&body.to_string(), &options)));
            }
            for (how, report) in runs {
                // The hand-written JSON is the same text as serde's.
                assert_eq!(
                    report.to_json(),
                    serde_json::to_string(&report).unwrap(),
                    "{name}"
                );
                let got = digest(&report);
                if &got != expect {
                    failures.push(format!(
                        "{name} ({how})\n  expected {expect}\n  got      {got}"
                    ));
                }
            }
        }
    }
}

#[test]
fn body_fixtures() {
    let mut failures = Vec::new();
    let mut codes = BTreeSet::new();
    run_body_cases(&mut failures, &mut codes);
    assert_no_failures(&failures);
    // Every code of SPEC §3 is exercised by at least one fixture.
    let missing: Vec<_> = Code::ALL
        .iter()
        .map(|c| c.as_str())
        .filter(|c| !codes.contains(*c))
        .collect();
    assert!(missing.is_empty(), "codes no fixture expects: {missing:?}");
}

#[test]
fn request_fixtures() {
    let mut failures = Vec::new();
    for file in fixture_files("request") {
        for case in cases(&file) {
            let options = Options::from_json_value(&case["options"]);
            let built = match case["text"].as_str() {
                Some(text) => build_request_json(text, &options),
                None => build_request_value(&case["input"], &options),
            };
            assert_eq!(built.to_json(), serde_json::to_string(&built).unwrap());
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
            if got != expect {
                failures.push(format!(
                    "{}\n  expected {expect}\n  got      {got}",
                    case["name"]
                ));
            }
            if let (Some(input), None) = (case.get("input"), case["text"].as_str()) {
                let mut again = build_request_json(&input.to_string(), &options);
                again.report = again.report.without_spans();
                assert_eq!(again, built, "{}: text and value disagree", case["name"]);
            }
        }
    }
    assert_no_failures(&failures);
}

#[test]
fn normalize_fixtures() {
    let mut failures = Vec::new();
    for file in fixture_files("normalize") {
        for case in cases(&file) {
            let options = Options::from_json_value(&case["options"]);
            let normalized = normalize_value(&case["body"], &options);
            let mut from_text = normalize_json(&case["body"].to_string(), &options);
            from_text.report = from_text.report.without_spans();
            assert_eq!(
                normalized, from_text,
                "{}: text and value disagree",
                case["name"]
            );
            let mut got = digest(&normalized.report);
            got["body"] = normalized.body_value().unwrap_or(Value::Null);
            if got != case["expect"] {
                failures.push(format!(
                    "{}\n  expected {}\n  got      {got}",
                    case["name"], case["expect"]
                ));
            }
        }
    }
    assert_no_failures(&failures);
}

#[test]
fn response_fixtures() {
    let mut failures = Vec::new();
    for file in fixture_files("response") {
        for case in cases(&file) {
            let got: Value =
                serde_json::from_str(&parse_response(case["text"].as_str().unwrap()).to_json())
                    .unwrap();
            if got != case["expect"] {
                failures.push(format!(
                    "{}\n  expected {}\n  got      {got}",
                    case["name"], case["expect"]
                ));
            }
        }
    }
    assert_no_failures(&failures);
}
