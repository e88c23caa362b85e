#![doc = include_str!("../README.md")]
#![cfg_attr(not(target_arch = "wasm32"), forbid(unsafe_code))]
#![warn(missing_docs)]

mod json;
mod model;
mod normalize;
mod options;
mod pointer;
mod report;
mod request;
mod response;
mod rules;
mod schema;
mod unique;
mod validate;

#[cfg(target_arch = "wasm32")]
mod wasm;

pub use model::*;
pub use normalize::{normalize_json, normalize_value, Normalized};
pub use options::{FirmwareFacts, Locale, Options, DEFAULT_MAX_FOR_VERIFICATION};
pub use report::{Code, Issue, Report, Severity};
pub use request::{build_request_json, build_request_value, Built};
pub use response::{parse_response, ResponseOutcome};
pub use schema::JSON_SCHEMA;
pub use validate::{
    parse_job, parse_job_value, validate_bytes, validate_json, validate_value, Validated,
};
