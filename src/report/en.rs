//! English messages and hints: lowercase, no final period (the Rust convention).
//!
//! Both functions match [`Problem`] exhaustively, with no fallback arm.

use super::problem::{
    Enumerated, Expected, FieldSuggestion, Found, Ignored, JsValueKind, JsonError, OptionProblem,
    Problem, Rescaled, SyntaxError, TimeUnit, Window,
};
use super::time::{datetime, offset_text};

/// The message of a problem.
pub(super) fn message(problem: &Problem) -> String {
    use Problem as P;
    match problem {
        P::InvalidJson { error } => match error {
            JsonError::Syntax { kind, line, column } => {
                format!("{} at line {line} column {column}", syntax(*kind))
            }
            JsonError::TooDeep => "nested too deep (127 levels at most)".into(),
            JsonError::NotText { found } => {
                format!("expected JSON text (a string), got {}", js_kind(*found))
            }
            JsonError::OutOfMemory => {
                "the input could not be checked: it does not fit in the WebAssembly memory".into()
            }
        },
        P::InvalidType { expected: e, found } => {
            format!("expected {}, found {}", expected(*e), found_text(found))
        }
        P::NotJson { value } => not_json(*value).into(),
        P::Required => "this field is required".into(),
        P::InvalidValue { field, .. } => format!("must be one of: {}", quoted(field.allowed())),
        P::InvalidAddress => {
            "must be a host such as apim.example.com or host:8443, or an http(s) origin".into()
        }
        P::OutOfRange { min, max } => format!("must be between {min} and {max}"),
        P::Empty => "must not be empty".into(),
        P::TooMany { count, max } => format!("{count} entries exceed the maximum of {max}"),
        P::DuplicateKey => "this key repeats an earlier key of the same object".into(),
        P::MissingSelector => {
            "a partial upgrade needs one of deviceKeys, attributes, tags or assetTrees".into()
        }
        P::ConflictingSelectors { given } => format!(
            "choose one selector, not {}: {}",
            given.len(),
            given.join(", ")
        ),
        P::SelectorNotAllowed => "a verify job selects devices by deviceKeys only".into(),
        P::VerifyRequiresPartial => {
            "upgradeScope type total is not allowed for verification task".into()
        }
        P::TooManyDeviceKeys { count, max } => {
            format!("{count} device keys exceed the verification maximum of {max}")
        }
        P::InvalidTimestamp { .. } => {
            "must be a 13-digit millisecond timestamp (1000000000000 to 9999999999999)".into()
        }
        P::EndBeforeStart { window } => {
            format!("must be later than startTimestamp: {}", window_text(window))
        }
        P::NotSameDay { window } => format!(
            "a daily window must start and end on the same day: {}",
            window_text(window)
        ),
        P::FirmwareNotFound => "the target firmware was not found".into(),
        P::FirmwareNotVerified => {
            "the firmware has verification enabled but is not verified yet".into()
        }
        P::TargetVersionInScope => {
            "this is the target firmware's own version: a device cannot be upgraded to the version it runs".into()
        }
        P::InvalidOption { problem } => match problem {
            OptionProblem::Unknown => "unknown option".into(),
            OptionProblem::Expected(kind) => format!("expected {}", expected(*kind)),
            OptionProblem::Range { min, max } => format!("must be an integer from {min} to {max}"),
            OptionProblem::Locale => "must be \"en\" or \"zh\"".into(),
            OptionProblem::Json { kind, line, column } => {
                format!("{} at line {line} column {column}", syntax(*kind))
            }
        },
        P::UnknownField { .. } => "unknown field: the platform ignores it".into(),
        P::IgnoredField { reason } => match reason {
            Ignored::VerifyJob => "ignored: a verify job does not use this field".into(),
            Ignored::ScopeTotal => {
                "ignored: scope `total` selects every device on the listed versions".into()
            }
            Ignored::RetryOff => "ignored: `enableRetry` is not true".into(),
        },
        P::DuplicateValue { first } => format!("repeats the value at index {first}"),
        P::ScheduleTooShort { window } => format!(
            "the window is {} minutes long; the EnOS console's minimum is 30: {}",
            window.end.saturating_sub(window.start) / 60_000,
            window_text(window)
        ),
        P::NumericString { .. } => "a number written as a string: send the number".into(),
    }
}

/// How to fix a problem, when there is something to say.
pub(super) fn hint(problem: &Problem) -> Option<String> {
    use Problem as P;
    Some(match problem {
        P::InvalidType { expected, found } => match (expected, found) {
            (_, Found::BooleanString(b)) => format!("write {b} without quotes"),
            (_, Found::LoneString(s)) => {
                format!("a list is required: write [\"{s}\"] for one entry")
            }
            (Expected::Integer, Found::Fraction) => "write a whole number such as 7200".into(),
            _ => return None,
        },
        P::InvalidValue { field, suggestion } => match (field, suggestion) {
            (Enumerated::UpgradePolicyGivenJobType, _) => "`upgrade` and `verify` are values of the job's `type`; \
                 `upgradePolicy` is \"snapshot\" (the device list is fixed when the job is created) \
                 or \"incremental\" (devices that qualify later join the job)"
                .into(),
            (_, Some(value)) => format!("did you mean \"{value}\"?"),
            (_, None) => return None,
        },
        P::InvalidTimestamp {
            rescaled: Some(rescaled),
        } => rescaled_hint(rescaled),
        P::EndBeforeStart { .. } => "set endTimestamp after startTimestamp".into(),
        P::NotSameDay { window } => format!(
            "end the window on the day it starts, in {}, or set isRepeatDaily to false; \
             timezoneOffsetInMinutes sets the zone",
            offset_text(window.offset_minutes)
        ),
        P::ScheduleTooShort { .. } => "give the window at least 30 minutes".into(),
        P::MissingSelector => {
            "add deviceKeys, attributes, tags or assetTrees, or set the scope type to total".into()
        }
        P::ConflictingSelectors { .. } => "keep one selector and remove the others".into(),
        P::SelectorNotAllowed => "list the devices in deviceKeys instead".into(),
        P::VerifyRequiresPartial => {
            "set the scope type to partial and list the devices in deviceKeys".into()
        }
        P::UnknownField {
            suggestion: Some(suggestion),
        } => match suggestion {
            FieldSuggestion::Typo {
                name: "includedNodes",
            } => "did you mean `includedNodes`? without it the whole asset tree is selected".into(),
            FieldSuggestion::Typo { name } => {
                format!("did you mean `{name}`?")
            }
            FieldSuggestion::Misplaced { name, parent } => {
                format!("`{name}` belongs in `{parent}`")
            }
            FieldSuggestion::Schedule { name } => format!(
                "the schedule is `schedulePolicy.{name}`, a 13-digit millisecond timestamp \
                 (with `startTimestamp`, `endTimestamp` and `isRepeatDaily`); this field is ignored"
            ),
        },
        P::NumericString { value: Some(v) } => {
            format!("write the number {v} without quotes")
        }
        P::InvalidJson { .. }
        | P::NotJson { .. }
        | P::Required
        | P::InvalidAddress
        | P::OutOfRange { .. }
        | P::Empty
        | P::TooMany { .. }
        | P::DuplicateKey
        | P::TooManyDeviceKeys { .. }
        | P::InvalidTimestamp { rescaled: None }
        | P::FirmwareNotFound
        | P::FirmwareNotVerified
        | P::TargetVersionInScope
        | P::InvalidOption { .. }
        | P::UnknownField { suggestion: None }
        | P::IgnoredField { .. }
        | P::DuplicateValue { .. }
        | P::NumericString { value: None } => return None,
    })
}

/// What the fix does, said after its hint.
pub(super) fn fix_clause(problem: &Problem) -> &'static str {
    match problem {
        Problem::UnknownField {
            suggestion: Some(FieldSuggestion::Misplaced { .. }),
        } => "the fix moves it there",
        Problem::UnknownField { .. } => "the fix renames the field",
        Problem::InvalidType {
            found: Found::LoneString(_),
            ..
        } => "the fix wraps it in a list",
        Problem::InvalidType { .. } | Problem::NumericString { .. } => "the fix removes the quotes",
        _ => "the fix writes it",
    }
}

fn rescaled_hint(r: &Rescaled) -> String {
    let (unit, op) = match r.unit {
        TimeUnit::Seconds => ("seconds", "× 1000"),
        TimeUnit::Microseconds => ("microseconds", "÷ 1000"),
    };
    format!(
        "this looks like {unit}: {op} gives {} ({} {})",
        r.millis,
        datetime(r.millis, r.offset_minutes),
        offset_text(r.offset_minutes)
    )
}

fn window_text(w: &Window) -> String {
    format!(
        "starts {} and ends {} ({})",
        datetime(w.start, w.offset_minutes),
        datetime(w.end, w.offset_minutes),
        offset_text(w.offset_minutes)
    )
}

fn syntax(kind: SyntaxError) -> &'static str {
    match kind {
        SyntaxError::Eof => "unexpected end of input",
        SyntaxError::ExpectedValue => "expected a value",
        SyntaxError::ExpectedColon => "expected `:`",
        SyntaxError::ExpectedCommaOrBracket => "expected `,` or `]`",
        SyntaxError::ExpectedCommaOrBrace => "expected `,` or `}`",
        SyntaxError::KeyMustBeString => "expected a string key",
        SyntaxError::InvalidNumber => "invalid number",
        SyntaxError::InvalidEscape => "invalid escape in string",
        SyntaxError::ControlCharacter => "control character in string (escape it)",
        SyntaxError::TrailingCharacters => "unexpected text after the JSON value",
        SyntaxError::TooDeep => "nested too deep (127 levels at most)",
        SyntaxError::InvalidUtf8 => "invalid UTF-8",
    }
}

fn expected(kind: Expected) -> &'static str {
    match kind {
        Expected::Object => "an object",
        Expected::Array => "an array",
        Expected::String => "a string",
        Expected::Boolean => "a boolean",
        Expected::Integer => "an integer",
        Expected::NonNull => "a value other than null",
    }
}

fn found_text(found: &Found) -> &'static str {
    match found {
        Found::Null => "null",
        Found::Boolean => "boolean",
        Found::Number => "number",
        Found::String | Found::LoneString(_) => "string",
        Found::Array => "array",
        Found::Object => "object",
        Found::Fraction => "fraction",
        Found::NegativeZero => "-0",
        Found::NonDigitString => "non-digit string",
        Found::BooleanString(_) => "a boolean written as a string",
    }
}

fn js_kind(kind: JsValueKind) -> &'static str {
    match kind {
        JsValueKind::Undefined => "undefined",
        JsValueKind::Null => "null",
        JsValueKind::NaN | JsValueKind::Infinity | JsValueKind::NegativeInfinity => "number",
        JsValueKind::Number => "number",
        JsValueKind::Boolean => "boolean",
        JsValueKind::BigInt => "bigint",
        JsValueKind::Function => "function",
        JsValueKind::Symbol => "symbol",
        JsValueKind::Object
        | JsValueKind::Cycle
        | JsValueKind::Unreadable
        | JsValueKind::TooLarge
        | JsValueKind::TooManyForeign => "an object",
        JsValueKind::Array => "an array",
    }
}

fn not_json(kind: JsValueKind) -> &'static str {
    match kind {
        JsValueKind::Undefined => "undefined is not a JSON value",
        JsValueKind::NaN => "NaN is not a JSON value (JSON numbers are finite)",
        JsValueKind::Infinity => "Infinity is not a JSON value (JSON numbers are finite)",
        JsValueKind::NegativeInfinity => "-Infinity is not a JSON value (JSON numbers are finite)",
        JsValueKind::Function => "a function is not a JSON value",
        JsValueKind::Symbol => "a symbol is not a JSON value",
        JsValueKind::Cycle => "a cyclic reference cannot be written as JSON",
        JsValueKind::Unreadable => "reading this value threw an exception",
        JsValueKind::TooLarge => "the value is too large to convert to JSON",
        JsValueKind::TooManyForeign => "too many values that JSON cannot represent",
        JsValueKind::Null
        | JsValueKind::Number
        | JsValueKind::Boolean
        | JsValueKind::BigInt
        | JsValueKind::Object
        | JsValueKind::Array => "this value cannot be written as JSON",
    }
}

fn quoted(items: &[&str]) -> String {
    let quoted: Vec<String> = items.iter().map(|s| format!("\"{s}\"")).collect();
    quoted.join(", ")
}
