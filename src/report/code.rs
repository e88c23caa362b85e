//! The stable problem codes.

use std::fmt;

use serde::{Deserialize, Serialize};

/// How bad a problem is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The platform would refuse the request, or it would not do what was asked.
    Error,
    /// The request works, but part of it has no effect or looks like a slip.
    Warning,
}

macro_rules! codes {
    ($($(#[$doc:meta])* $variant:ident = $text:literal, $severity:ident, $enos:expr;)*) => {
        /// A machine-readable problem code. Its string form ([`Code::as_str`]) never changes.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[non_exhaustive]
        pub enum Code {
            $($(#[$doc])* #[serde(rename = $text)] $variant,)*
        }

        impl Code {
            /// Every code, errors then warnings.
            pub const ALL: &'static [Code] = &[$(Code::$variant),*];

            /// The stable string form, e.g. `"out_of_range"`.
            pub const fn as_str(self) -> &'static str {
                match self { $(Code::$variant => $text,)* }
            }

            /// Whether the code is an error or a warning (before `strict`).
            pub const fn severity(self) -> Severity {
                match self { $(Code::$variant => Severity::$severity,)* }
            }

            /// The EnOS platform error code for this problem, where it has one.
            pub const fn enos_code(self) -> Option<u32> {
                match self { $(Code::$variant => $enos,)* }
            }

            /// The code whose string form is `text`.
            pub fn from_name(text: &str) -> Option<Code> {
                match text { $($text => Some(Code::$variant),)* _ => None }
            }
        }
    };
}

codes! {
    /// The text is not JSON.
    InvalidJson = "invalid_json", Error, None;
    /// A value has the wrong JSON type.
    InvalidType = "invalid_type", Error, None;
    /// A required field is missing or `null`.
    Required = "required", Error, None;
    /// A string outside its allowed set.
    InvalidValue = "invalid_value", Error, None;
    /// A number outside its range or beyond its integer type.
    OutOfRange = "out_of_range", Error, None;
    /// An empty string, array or object where content is required.
    Empty = "empty", Error, None;
    /// More entries than allowed.
    TooMany = "too_many", Error, None;
    /// A JSON object repeats a key.
    DuplicateKey = "duplicate_key", Error, None;
    /// A partial upgrade names no selector.
    MissingSelector = "missing_selector", Error, None;
    /// More than one selector.
    ConflictingSelectors = "conflicting_selectors", Error, None;
    /// A verify job selects devices other than by `deviceKeys`.
    SelectorNotAllowed = "selector_not_allowed", Error, None;
    /// A verify job with scope `total` (EnOS 24611).
    VerifyRequiresPartial = "verify_requires_partial", Error, Some(24611);
    /// A verify job with more device keys than allowed (EnOS 24612).
    TooManyDeviceKeys = "too_many_device_keys", Error, Some(24612);
    /// Not a 13-digit millisecond timestamp.
    InvalidTimestamp = "invalid_timestamp", Error, None;
    /// `endTimestamp` is not later than `startTimestamp`.
    EndBeforeStart = "end_before_start", Error, None;
    /// A daily window whose start and end fall on different days.
    NotSameDay = "not_same_day", Error, None;
    /// The target firmware does not exist (EnOS 24404).
    FirmwareNotFound = "firmware_not_found", Error, Some(24404);
    /// The firmware must be verified before an upgrade job (EnOS 24610).
    FirmwareNotVerified = "firmware_not_verified", Error, Some(24610);
    /// The target version is one of the versions to upgrade from.
    TargetVersionInScope = "target_version_in_scope", Error, None;
    /// An option is unknown, of the wrong type or out of range.
    InvalidOption = "invalid_option", Error, None;
    /// A field the API does not name.
    UnknownField = "unknown_field", Warning, None;
    /// A known field that has no effect here.
    IgnoredField = "ignored_field", Warning, None;
    /// A repeated device key, version number, tree id, tag value or node.
    DuplicateValue = "duplicate_value", Warning, None;
    /// A schedule window under 30 minutes.
    ScheduleTooShort = "schedule_too_short", Warning, None;
    /// An integer field holds a string of digits.
    NumericString = "numeric_string", Warning, None;
}

impl Code {
    /// One English sentence saying when the code fires (for rule tables such as SARIF's).
    #[must_use]
    pub const fn description(self) -> &'static str {
        match self {
            Code::InvalidJson => "The text is not JSON.",
            Code::InvalidType => "A value has the wrong JSON type.",
            Code::Required => "A required field is missing or `null`.",
            Code::InvalidValue => "A string outside its allowed set.",
            Code::OutOfRange => "A number outside its range or beyond its integer type.",
            Code::Empty => "An empty string, array or object where content is required.",
            Code::TooMany => "More entries than allowed.",
            Code::DuplicateKey => "A JSON object repeats a key.",
            Code::MissingSelector => "A partial upgrade names no selector.",
            Code::ConflictingSelectors => "More than one selector.",
            Code::SelectorNotAllowed => "A verify job selects devices other than by `deviceKeys`.",
            Code::VerifyRequiresPartial => "A verify job with scope `total` (EnOS 24611).",
            Code::TooManyDeviceKeys => {
                "A verify job with more device keys than allowed (EnOS 24612)."
            }
            Code::InvalidTimestamp => "Not a 13-digit millisecond timestamp.",
            Code::EndBeforeStart => "`endTimestamp` is not later than `startTimestamp`.",
            Code::NotSameDay => "A daily window whose start and end fall on different days.",
            Code::FirmwareNotFound => "The target firmware does not exist (EnOS 24404).",
            Code::FirmwareNotVerified => {
                "The firmware must be verified before an upgrade job (EnOS 24610)."
            }
            Code::TargetVersionInScope => {
                "The target version is one of the versions to upgrade from."
            }
            Code::InvalidOption => "An option is unknown, of the wrong type or out of range.",
            Code::UnknownField => "A field the API does not name.",
            Code::IgnoredField => "A known field that has no effect here.",
            Code::DuplicateValue => {
                "A repeated device key, version number, tree id, tag value or node."
            }
            Code::ScheduleTooShort => "A schedule window under 30 minutes.",
            Code::NumericString => "An integer field holds a string of digits.",
        }
    }
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_and_enos_codes_match_the_spec() {
        for &code in Code::ALL {
            assert_eq!(Code::from_name(code.as_str()), Some(code));
            assert_eq!(serde_json::to_value(code).unwrap(), code.as_str());
        }
        assert_eq!(Code::ALL.len(), 25);
        let enos: Vec<_> = Code::ALL.iter().filter_map(|c| c.enos_code()).collect();
        assert_eq!(enos, [24611, 24612, 24404, 24610]);
        let warnings: Vec<_> = Code::ALL
            .iter()
            .filter(|c| c.severity() == Severity::Warning)
            .map(|c| c.as_str())
            .collect();
        assert_eq!(
            warnings,
            [
                "unknown_field",
                "ignored_field",
                "duplicate_value",
                "schedule_too_short",
                "numeric_string"
            ]
        );
    }
}
