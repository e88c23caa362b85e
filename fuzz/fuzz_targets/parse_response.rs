//! Response text into parse_response: never fails, and agrees with serde_json on the
//! envelope's `code` and `data.jobId`.
#![no_main]

use enos_ota_job::{parse_response, ResponseOutcome};
use libfuzzer_sys::fuzz_target;
use serde_json::Value;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let outcome = parse_response(text);
    let wire: Value = serde_json::from_str(&outcome.to_json()).expect("JSON text");
    assert!(wire["ok"].is_boolean());
    let parsed = serde_json::from_str::<Value>(text).ok();
    match (&outcome, parsed) {
        (ResponseOutcome::Created { job_id, request_id }, Some(v)) => {
            assert_eq!(v["code"].as_f64(), Some(0.0), "{text}");
            assert_eq!(v["data"]["jobId"].as_str(), Some(job_id.as_str()));
            assert_eq!(v["requestId"].as_str(), request_id.as_deref());
        }
        (ResponseOutcome::Created { .. }, None) => {
            // serde_json refuses some texts the core reads: lone surrogates, depth.
        }
        (ResponseOutcome::Failed { code, error, .. }, parsed) => {
            assert!(error.is_some() || code.is_some_and(|c| c != 0), "{text}");
            if let Some(v) = parsed.filter(|v| v.is_object() && !v["code"].is_f64()) {
                assert_eq!(*code, v["code"].as_i64(), "{text}");
            }
        }
    }
});
