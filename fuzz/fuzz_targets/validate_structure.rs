//! An `arbitrary` JSON structure (free, or a valid body with a few mutations) into
//! validate_value and normalize_value, with options read leniently from another one.
//! The value and its JSON text must give the same verdict at the same paths.
#![no_main]

use enos_ota_job::{build_request_value, normalize_value, validate_value, Options};
use enos_ota_job_fuzz::{check_normalized, check_report, check_text, depth, summary, Body, Json};
use libfuzzer_sys::fuzz_target;
use serde_json::json;

fuzz_target!(|input: (Body, Option<Json>)| {
    let (body, options) = input;
    let options = match options {
        Some(Json(v)) => Options::from_json_value(&v),
        None => Options::new(),
    };
    let value = body.to_value();
    let report = validate_value(&value, &options);
    check_report(&report, &options);

    let normalized = normalize_value(&value, &options);
    assert_eq!(normalized.report, report);
    assert_eq!(normalized.body.is_some(), report.valid);
    if let Some(body) = &normalized.body {
        check_normalized(body, &options);
    }

    // The same body as JSON text: same findings at the same paths (messages of a
    // too-deep text name a line and column, so only paths and codes are compared).
    let text = serde_json::to_string(&value).expect("a Value serializes");
    let from_text = check_text(&text, &options);
    assert_eq!(summary(&from_text), summary(&report), "{text}");
    if report.valid {
        assert_eq!(normalize_enos(&text, &options), normalized.body);
    }

    // Inside a request, the body's verdict decides whether a request is built.
    if depth(&value) < 100 {
        let input = json!({"orgId": "o1", "firmwareId": "f1", "body": value});
        let built = build_request_value(&input, &options);
        check_report(&built.report, &options);
        assert_eq!(built.request.is_some(), report.valid, "{text}");
    }
});

fn normalize_enos(text: &str, options: &Options) -> Option<String> {
    enos_ota_job::normalize_json(text, options).body
}
