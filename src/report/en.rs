//! English messages and hints: lowercase, no final period (the Rust convention).
//!
//! Both functions match [`Problem`] exhaustively, with no fallback arm.

use super::problem::{
    Enumerated, Expected, FieldSuggestion, Found, Ignored, JsValueKind, JsonError, OptionProblem,
    Problem, Rescaled, SyntaxError, TimeUnit, Window,
};
use super::text::{joined, put, quoted};
use super::time::{datetime, offset_text};

/// Appends the message of a problem.
pub(super) fn message(problem: &Problem, out: &mut String) {
    use Problem as P;
    match problem {
        P::InvalidJson { error } => match error {
            JsonError::Syntax { kind, line, column } => {
                put!(out, syntax(*kind), " at line ", *line, " column ", *column);
            }
            JsonError::TooDeep => out.push_str("nested too deep (127 levels at most)"),
            JsonError::NotText { found } => {
                put!(out, "expected JSON text (a string), got ", js_kind(*found));
            }
            JsonError::OutOfMemory => out.push_str(
                "the input could not be checked: it does not fit in the WebAssembly memory",
            ),
        },
        P::InvalidType { expected: e, found } => {
            put!(out, "expected ", expected(*e), ", found ", found_text(found));
        }
        P::NotJson { value } => out.push_str(not_json(*value)),
        P::Required => out.push_str("this field is required"),
        P::InvalidValue { field, .. } => {
            out.push_str("must be one of: ");
            quoted(field.allowed(), out);
        }
        P::InvalidAddress => out.push_str(
            "must be a host such as apim.example.com or host:8443, or an http(s) origin",
        ),
        P::OutOfRange { min, max } => put!(out, "must be between ", *min, " and ", *max),
        P::Empty => out.push_str("must not be empty"),
        P::TooMany { count, max } => {
            put!(out, *count, " entries exceed the maximum of ", *max);
        }
        P::DuplicateKey => out.push_str("this key repeats an earlier key of the same object"),
        P::MissingSelector => out.push_str(
            "a partial upgrade needs one of deviceKeys, attributes, tags or assetTrees",
        ),
        P::ConflictingSelectors { given } => {
            put!(out, "choose one selector, not ", given.len(), ": ");
            joined(given, out);
        }
        P::SelectorNotAllowed => out.push_str("a verify job selects devices by deviceKeys only"),
        P::VerifyRequiresPartial => {
            out.push_str("upgradeScope type total is not allowed for verification task");
        }
        P::TooManyDeviceKeys { count, max } => put!(
            out,
            *count,
            " device keys exceed the verification maximum of ",
            *max
        ),
        P::InvalidTimestamp { .. } => out.push_str(
            "must be a 13-digit millisecond timestamp (1000000000000 to 9999999999999)",
        ),
        P::EndBeforeStart { window } => {
            out.push_str("must be later than startTimestamp: ");
            window_text(window, out);
        }
        P::NotSameDay { window } => {
            out.push_str("a daily window must start and end on the same day: ");
            window_text(window, out);
        }
        P::FirmwareNotFound => out.push_str("the target firmware was not found"),
        P::FirmwareNotVerified => {
            out.push_str("the firmware has verification enabled but is not verified yet");
        }
        P::TargetVersionInScope => out.push_str(
            "this is the target firmware's own version: a device cannot be upgraded to the version it runs",
        ),
        P::InvalidOption { problem } => match problem {
            OptionProblem::Unknown => out.push_str("unknown option"),
            OptionProblem::Expected(kind) => put!(out, "expected ", expected(*kind)),
            OptionProblem::Range { min, max } => {
                put!(out, "must be an integer from ", *min, " to ", *max);
            }
            OptionProblem::Locale => out.push_str("must be \"en\" or \"zh\""),
            OptionProblem::Json { kind, line, column } => {
                put!(out, syntax(*kind), " at line ", *line, " column ", *column);
            }
        },
        P::UnknownField { .. } => out.push_str("unknown field: the platform ignores it"),
        P::IgnoredField { reason } => out.push_str(match reason {
            Ignored::VerifyJob => "ignored: a verify job does not use this field",
            Ignored::ScopeTotal => {
                "ignored: scope `total` selects every device on the listed versions"
            }
            Ignored::RetryOff => "ignored: `enableRetry` is not true",
        }),
        P::DuplicateValue { first } => put!(out, "repeats the value at index ", *first),
        P::ScheduleTooShort { window } => {
            let minutes = window.end.saturating_sub(window.start) / 60_000;
            put!(out, "the window is ", minutes, " minutes long; the EnOS console's minimum is 30: ");
            window_text(window, out);
        }
        P::NumericString { .. } => out.push_str("a number written as a string: send the number"),
    }
}

/// Appends how to fix a problem, when there is something to say; returns whether it did.
pub(super) fn hint(problem: &Problem, out: &mut String) -> bool {
    use Problem as P;
    match problem {
        P::InvalidType { expected, found } => match (expected, found) {
            (_, Found::BooleanString(b)) => put!(out, "write ", *b, " without quotes"),
            (_, Found::LoneString(s)) => {
                put!(out, "a list is required: write [\"", s.as_str(), "\"] for one entry");
            }
            (Expected::Integer, Found::Fraction) => {
                out.push_str("write a whole number such as 7200");
            }
            _ => return false,
        },
        P::InvalidValue { field, suggestion } => match (field, suggestion) {
            (Enumerated::UpgradePolicyGivenJobType, _) => out.push_str(
                "`upgrade` and `verify` are values of the job's `type`; \
                 `upgradePolicy` is \"snapshot\" (the device list is fixed when the job is created) \
                 or \"incremental\" (devices that qualify later join the job)",
            ),
            (_, Some(value)) => put!(out, "did you mean \"", *value, "\"?"),
            (_, None) => return false,
        },
        P::InvalidTimestamp {
            rescaled: Some(rescaled),
        } => rescaled_hint(rescaled, out),
        P::EndBeforeStart { .. } => out.push_str("set endTimestamp after startTimestamp"),
        P::NotSameDay { window } => {
            out.push_str("end the window on the day it starts, in ");
            offset_text(window.offset_minutes, out);
            out.push_str(
                ", or set isRepeatDaily to false; timezoneOffsetInMinutes sets the zone",
            );
        }
        P::ScheduleTooShort { .. } => out.push_str("give the window at least 30 minutes"),
        P::MissingSelector => out.push_str(
            "add deviceKeys, attributes, tags or assetTrees, or set the scope type to total",
        ),
        P::ConflictingSelectors { .. } => out.push_str("keep one selector and remove the others"),
        P::SelectorNotAllowed => out.push_str("list the devices in deviceKeys instead"),
        P::VerifyRequiresPartial => {
            out.push_str("set the scope type to partial and list the devices in deviceKeys");
        }
        P::UnknownField {
            suggestion: Some(suggestion),
        } => match suggestion {
            FieldSuggestion::Typo {
                name: "includedNodes",
            } => out.push_str(
                "did you mean `includedNodes`? without it the whole asset tree is selected",
            ),
            FieldSuggestion::Typo { name } => put!(out, "did you mean `", *name, "`?"),
            FieldSuggestion::Misplaced { name, parent } => {
                put!(out, "`", *name, "` belongs in `", *parent, "`");
            }
            FieldSuggestion::Schedule { name } => put!(
                out,
                "the schedule is `schedulePolicy.",
                *name,
                "`, a 13-digit millisecond timestamp \
                 (with `startTimestamp`, `endTimestamp` and `isRepeatDaily`); this field is ignored"
            ),
        },
        P::NumericString { value: Some(v) } => put!(out, "write the number ", *v, " without quotes"),
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
        | P::NumericString { value: None } => return false,
    }
    true
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

fn rescaled_hint(r: &Rescaled, out: &mut String) {
    let (unit, op) = match r.unit {
        TimeUnit::Seconds => ("seconds", "× 1000"),
        TimeUnit::Microseconds => ("microseconds", "÷ 1000"),
    };
    put!(
        out,
        "this looks like ",
        unit,
        ": ",
        op,
        " gives ",
        r.millis,
        " ("
    );
    datetime(r.millis, r.offset_minutes, out);
    out.push(' ');
    offset_text(r.offset_minutes, out);
    out.push(')');
}

fn window_text(w: &Window, out: &mut String) {
    out.push_str("starts ");
    datetime(w.start, w.offset_minutes, out);
    out.push_str(" and ends ");
    datetime(w.end, w.offset_minutes, out);
    out.push_str(" (");
    offset_text(w.offset_minutes, out);
    out.push(')');
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
