//! JSON text (any bytes) into validate, normalize and parse_job.
#![no_main]

use enos_ota_job_fuzz::{check_report, check_text, options_for};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let options = options_for(data.len());
    match std::str::from_utf8(data) {
        Ok(text) => {
            check_text(text, &options);
        }
        Err(_) => {
            let report = enos_ota_job::validate_bytes(data, &options);
            check_report(&report, &options);
            assert_eq!(report.errors[0].code.as_str(), "invalid_json");
        }
    }
});
