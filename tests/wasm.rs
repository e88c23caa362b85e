//! The crate's Rust API compiled to wasm32 and run by wasm-bindgen-test, in Node
//! (`make test-wasm-node`) and in headless Chromium (`make test-wasm-browser`): the
//! shared fixtures must give the same results there as natively. Files are embedded
//! with `include_str!` (a wasm test has no file system), so a new fixture file must be
//! added to the lists below; the npm consumer test globs the folder and runs them all.
#![cfg(target_arch = "wasm32")]

use enos_ota_job::{
    build_request_json, normalize_json, parse_response, validate_bytes, validate_json,
    validate_value, Issue, Options, Report,
};
use serde_json::{json, Value};
use wasm_bindgen_test::wasm_bindgen_test;

macro_rules! fixtures {
    ($($file:literal),* $(,)?) => {
        &[$(($file, include_str!(concat!("fixtures/", $file)))),*]
    };
}

const BODY_FIXTURES: &[(&str, &str)] = fixtures![
    "job-type.json",
    "json.json",
    "name.json",
    "numbers.json",
    "options.json",
    "retry.json",
    "schedule.json",
    "scope.json",
    "seed.json",
    "selectors.json",
    "verify.json",
    "diagnostics/positions.json",
    "diagnostics/hints.json",
];
const REQUEST_FIXTURES: &[(&str, &str)] = fixtures!["request/build-request.json"];
const NORMALIZE_FIXTURES: &[(&str, &str)] = fixtures!["normalize/normalize.json"];
const RESPONSE_FIXTURES: &[(&str, &str)] = fixtures!["response/parse-response.json"];

fn cases(file: &str, text: &str) -> Vec<Value> {
    match serde_json::from_str(text) {
        Ok(Value::Array(cases)) => cases,
        _ => panic!("{file}: not an array of cases"),
    }
}

fn digest(report: &Report) -> Value {
    let list = |issues: &[Issue]| -> Vec<Value> {
        issues
            .iter()
            .map(|i| json!([i.path, i.code.as_str()]))
            .collect()
    };
    json!({"valid": report.valid, "errors": list(&report.errors), "warnings": list(&report.warnings)})
}

fn expected(expect: &Value) -> Value {
    json!({"valid": expect["valid"], "errors": expect["errors"], "warnings": expect["warnings"]})
}

fn check(failures: &mut Vec<String>, name: &str, got: &Value, want: &Value) {
    if got != want {
        failures.push(format!("{name}\n  expected {want}\n  got      {got}"));
    }
}

fn assert_no_failures(failures: &[String]) {
    assert!(
        failures.is_empty(),
        "{} failing cases:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[wasm_bindgen_test]
fn body_fixtures_in_wasm() {
    let mut failures = Vec::new();
    let mut count = 0;
    for (file, text) in BODY_FIXTURES {
        for case in cases(file, text) {
            count += 1;
            let name = format!("{file}: {}", case["name"]);
            let options = Options::from_json_value(&case["options"]);
            let want = expected(&case["expect"]);
            if let Some(text) = case["text"].as_str() {
                check(
                    &mut failures,
                    &name,
                    &digest(&validate_json(text, &options)),
                    &want,
                );
                check(
                    &mut failures,
                    &name,
                    &digest(&validate_bytes(text.as_bytes(), &options)),
                    &want,
                );
            } else {
                let body = &case["body"];
                check(
                    &mut failures,
                    &name,
                    &digest(&validate_value(body, &options)),
                    &want,
                );
                check(
                    &mut failures,
                    &name,
                    &digest(&validate_json(&body.to_string(), &options)),
                    &want,
                );
            }
        }
    }
    assert!(count >= 100, "only {count} cases");
    assert_no_failures(&failures);
}

#[wasm_bindgen_test]
fn request_fixtures_in_wasm() {
    let mut failures = Vec::new();
    for (file, text) in REQUEST_FIXTURES {
        for case in cases(file, text) {
            let name = format!("{file}: {}", case["name"]);
            let options = Options::from_json_value(&case["options"]);
            let input = match case["text"].as_str() {
                Some(text) => text.to_owned(),
                None => case["input"].to_string(),
            };
            let built = build_request_json(&input, &options);
            check(
                &mut failures,
                &name,
                &digest(&built.report),
                &expected(&case["expect"]),
            );
            let got: Value = serde_json::from_str(&built.to_json()).unwrap();
            match case["expect"].get("request") {
                Some(want) => {
                    for key in ["method", "url", "headers"] {
                        check(&mut failures, &name, &got["request"][key], &want[key]);
                    }
                    let body = |v: &Value| {
                        serde_json::from_str::<Value>(v.as_str().unwrap_or("null")).ok()
                    };
                    check(
                        &mut failures,
                        &name,
                        &json!(body(&got["request"]["body"])),
                        &json!(body(&want["body"])),
                    );
                }
                None => check(
                    &mut failures,
                    &name,
                    &json!(got.get("request").is_some()),
                    &json!(built.report.valid),
                ),
            }
        }
    }
    assert_no_failures(&failures);
}

#[wasm_bindgen_test]
fn normalize_fixtures_in_wasm() {
    let mut failures = Vec::new();
    for (file, text) in NORMALIZE_FIXTURES {
        for case in cases(file, text) {
            let name = format!("{file}: {}", case["name"]);
            let options = Options::from_json_value(&case["options"]);
            let out = normalize_json(&case["body"].to_string(), &options);
            check(
                &mut failures,
                &name,
                &digest(&out.report),
                &expected(&case["expect"]),
            );
            let got: Value = serde_json::from_str(&out.to_json()).unwrap();
            check(
                &mut failures,
                &name,
                got.get("body").unwrap_or(&Value::Null),
                &case["expect"]["body"],
            );
        }
    }
    assert_no_failures(&failures);
}

#[wasm_bindgen_test]
fn response_fixtures_in_wasm() {
    let mut failures = Vec::new();
    for (file, text) in RESPONSE_FIXTURES {
        for case in cases(file, text) {
            let name = format!("{file}: {}", case["name"]);
            let got: Value =
                serde_json::from_str(&parse_response(case["text"].as_str().unwrap()).to_json())
                    .unwrap();
            check(&mut failures, &name, &got, &case["expect"]);
        }
    }
    assert_no_failures(&failures);
}

/// Inputs that stress a 32-bit target: deep nesting, numbers beyond 64 bits, a big
/// array, invalid UTF-8. Each gives a report (a panic would abort the test run).
#[wasm_bindgen_test]
fn hostile_text_in_wasm() {
    let options = Options::new();
    let deep = "[".repeat(100_000);
    let report = validate_json(&deep, &options);
    assert_eq!(digest(&report)["errors"], json!([["", "invalid_json"]]));

    let huge = r#"{"type":"upgrade","upgradeTimeout":123456789012345678901234567890}"#;
    let report = validate_json(huge, &options);
    assert!(report
        .errors
        .iter()
        .any(|e| e.path == "/upgradeTimeout" && e.code.as_str() == "out_of_range"));

    let keys: Vec<String> = (0..200_000)
        .map(|i| format!("\"d{}\"", i % 199_999))
        .collect();
    let text = format!(
        r#"{{"type":"upgrade","upgradePolicy":"snapshot","enableUpgradeRequest":true,"upgradeScope":{{"type":"partial","versionNumbers":["1"],"deviceKeys":[{}]}}}}"#,
        keys.join(",")
    );
    let report = validate_json(&text, &options);
    assert!(report.valid);
    assert_eq!(
        digest(&report)["warnings"],
        json!([["/upgradeScope/deviceKeys/199999", "duplicate_value"]])
    );

    let report = validate_bytes(b"{\"type\": \"\xff\"}", &options);
    assert_eq!(digest(&report)["errors"], json!([["", "invalid_json"]]));
}
