//! JSON text of `{apigwAddress?, orgId, firmwareId, body}` into build_request.
#![no_main]

use enos_ota_job::{build_request_json, validate_json};
use enos_ota_job_fuzz::{check_report, options_for};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let options = options_for(data.len());
    let built = build_request_json(text, &options);
    check_report(&built.report, &options);
    let wire: serde_json::Value = serde_json::from_str(&built.to_json()).expect("JSON text");
    assert_eq!(wire["report"]["valid"], built.report.valid);
    assert_eq!(built.request.is_some(), built.report.valid);
    if let Some(request) = &built.request {
        assert_eq!(request.method, "POST");
        assert!(request
            .url
            .contains("/connect-service/v2.1/ota-jobs?action=create&orgId="));
        assert!(
            request.url.starts_with('/') || request.url.starts_with("http"),
            "{}",
            request.url
        );
        // Query values are percent-encoded: no space, `&` or `#` of their own.
        let query = &request.url[request.url.find('?').expect("a query")..];
        assert_eq!(query.matches('&').count(), 2, "{}", request.url);
        assert!(!request.url.contains([' ', '#']), "{}", request.url);
        // The body as sent validates on its own.
        let report = validate_json(&request.body, &options);
        assert!(report.valid, "{}\n{report}", request.body);
    }
});
