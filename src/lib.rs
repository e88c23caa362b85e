#![doc = include_str!("../README.md")]
#![cfg_attr(not(target_arch = "wasm32"), forbid(unsafe_code))]
#![warn(missing_docs)]

// The layers, each using only those above it:
// JSON reader -> report -> options -> rules -> check pipeline -> entry points -> bindings.
mod json;
mod pointer;
mod report;
mod unique;

mod options;

mod rules;

mod check;

mod fix;
mod model;
mod normalize;
mod request;
mod response;
mod schema;
mod validate;

#[cfg(all(target_arch = "wasm32", feature = "npm"))]
mod wasm;

pub use fix::{fix_json, Fixed};
#[doc(hidden)]
pub use json::read_for_fuzzing as __read_json;
pub use json::SyntaxError;
pub use model::*;
pub use normalize::{normalize_json, normalize_value, Normalized};
pub use options::{FirmwareFacts, Options, DEFAULT_MAX_FOR_VERIFICATION};
pub use report::{
    Code, Enumerated, Expected, FieldSuggestion, Found, Ignored, Issue, JsValueKind, JsonError,
    Locale, OptionProblem, PatchOp, Problem, Report, Rescaled, Severity, Span, TimeUnit,
    UnknownLocale, Window,
};
pub use request::{build_request_json, build_request_value, Built};
pub use response::{parse_response, ResponseOutcome};
pub use schema::JSON_SCHEMA;
#[doc(hidden)]
pub use validate::{__Step, __validate_to};
pub use validate::{
    parse_job, parse_job_value, validate_bytes, validate_json, validate_value, Validated,
};
