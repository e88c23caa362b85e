//! [`Problem`]: one typed value per kind of problem, carrying its own parameters.
//!
//! The stable [`Code`], the [`Severity`] and the EnOS code all derive from it, and the
//! message and hint functions (`en.rs`, `zh.rs`) match it exhaustively: a new variant
//! does not compile until both locales say something for it.

use super::code::Code;
pub use crate::json::SyntaxError;

/// What is wrong, with the facts its message, hint and fix need.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Problem {
    /// The text is not JSON, or not text at all.
    InvalidJson {
        /// Why.
        error: JsonError,
    },
    /// A value has the wrong JSON type.
    InvalidType {
        /// The type the field takes.
        expected: Expected,
        /// What was found instead.
        found: Found,
    },
    /// A JavaScript value that JSON cannot carry (`undefined`, `NaN`, a cycle...).
    NotJson {
        /// What it was.
        value: JsValueKind,
    },
    /// A required field is missing or `null`.
    Required,
    /// A string outside its allowed set.
    InvalidValue {
        /// Which field.
        field: Enumerated,
        /// The allowed value it is close to (same ignoring case, or a typo).
        suggestion: Option<&'static str>,
    },
    /// `apigwAddress` is neither a host nor an `http(s)` origin.
    InvalidAddress,
    /// A number outside its inclusive range, or beyond its integer type.
    OutOfRange {
        /// The smallest value allowed.
        min: i64,
        /// The largest value allowed.
        max: i64,
    },
    /// An empty string, array or object where content is required.
    Empty,
    /// More entries than allowed.
    TooMany {
        /// The entries given.
        count: usize,
        /// The most allowed.
        max: usize,
    },
    /// A JSON object repeats a key.
    DuplicateKey,
    /// A partial upgrade names no selector.
    MissingSelector,
    /// More than one selector.
    ConflictingSelectors {
        /// The selectors given, in field order.
        given: Vec<&'static str>,
    },
    /// A verify job selects devices other than by `deviceKeys`.
    SelectorNotAllowed,
    /// A verify job with scope `total` (EnOS 24611).
    VerifyRequiresPartial,
    /// A verify job with more device keys than allowed (EnOS 24612).
    TooManyDeviceKeys {
        /// The keys given, repeats included.
        count: usize,
        /// The verification maximum.
        max: u32,
    },
    /// Not a 13-digit millisecond timestamp.
    InvalidTimestamp {
        /// Set when the value looks like seconds or microseconds.
        rescaled: Option<Rescaled>,
    },
    /// `endTimestamp` is not later than `startTimestamp`.
    EndBeforeStart {
        /// The window as given.
        window: Window,
    },
    /// A daily window whose start and end fall on different days.
    NotSameDay {
        /// The window as given, with the zone that decided the day.
        window: Window,
    },
    /// The target firmware does not exist (EnOS 24404).
    FirmwareNotFound,
    /// The firmware must be verified before an upgrade job (EnOS 24610).
    FirmwareNotVerified,
    /// The target version is one of the versions to upgrade from.
    TargetVersionInScope,
    /// An option is unknown, of the wrong type or out of range.
    InvalidOption {
        /// What is wrong with it.
        problem: OptionProblem,
    },
    /// A field the API does not name.
    UnknownField {
        /// What the field probably was meant to be.
        suggestion: Option<FieldSuggestion>,
    },
    /// A known field that has no effect here.
    IgnoredField {
        /// Why it has no effect.
        reason: Ignored,
    },
    /// A repeated device key, version number, tree id, tag value or node.
    DuplicateValue {
        /// The index of the first copy.
        first: usize,
    },
    /// A schedule window under 30 minutes.
    ScheduleTooShort {
        /// The window as given.
        window: Window,
    },
    /// An integer field holds a string of digits.
    NumericString {
        /// The number, when it fits 64 bits.
        value: Option<i64>,
    },
}

impl Problem {
    /// The stable code of this problem.
    #[must_use]
    pub const fn code(&self) -> Code {
        match self {
            Problem::InvalidJson { .. } => Code::InvalidJson,
            Problem::InvalidType { .. } | Problem::NotJson { .. } => Code::InvalidType,
            Problem::Required => Code::Required,
            Problem::InvalidValue { .. } | Problem::InvalidAddress => Code::InvalidValue,
            Problem::OutOfRange { .. } => Code::OutOfRange,
            Problem::Empty => Code::Empty,
            Problem::TooMany { .. } => Code::TooMany,
            Problem::DuplicateKey => Code::DuplicateKey,
            Problem::MissingSelector => Code::MissingSelector,
            Problem::ConflictingSelectors { .. } => Code::ConflictingSelectors,
            Problem::SelectorNotAllowed => Code::SelectorNotAllowed,
            Problem::VerifyRequiresPartial => Code::VerifyRequiresPartial,
            Problem::TooManyDeviceKeys { .. } => Code::TooManyDeviceKeys,
            Problem::InvalidTimestamp { .. } => Code::InvalidTimestamp,
            Problem::EndBeforeStart { .. } => Code::EndBeforeStart,
            Problem::NotSameDay { .. } => Code::NotSameDay,
            Problem::FirmwareNotFound => Code::FirmwareNotFound,
            Problem::FirmwareNotVerified => Code::FirmwareNotVerified,
            Problem::TargetVersionInScope => Code::TargetVersionInScope,
            Problem::InvalidOption { .. } => Code::InvalidOption,
            Problem::UnknownField { .. } => Code::UnknownField,
            Problem::IgnoredField { .. } => Code::IgnoredField,
            Problem::DuplicateValue { .. } => Code::DuplicateValue,
            Problem::ScheduleTooShort { .. } => Code::ScheduleTooShort,
            Problem::NumericString { .. } => Code::NumericString,
        }
    }

    /// Where its position points: the member's key, or the value at its path.
    pub(crate) const fn points_to_key(&self) -> bool {
        matches!(
            self,
            Problem::UnknownField { .. } | Problem::IgnoredField { .. } | Problem::DuplicateKey
        )
    }
}

/// Why a text is not JSON.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum JsonError {
    /// A syntax error at a 1-based line and column (in characters).
    Syntax {
        /// What the reader expected.
        kind: SyntaxError,
        /// 1-based line.
        line: usize,
        /// 1-based column, in characters.
        column: usize,
    },
    /// A `serde_json::Value` nested deeper than 127 levels.
    TooDeep,
    /// `validateJson` was given something other than a string.
    NotText {
        /// What it was given.
        found: JsValueKind,
    },
    /// The WebAssembly module could not take the input (its memory is full).
    OutOfMemory,
}

/// The JSON type a field takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Expected {
    /// An object.
    Object,
    /// An array.
    Array,
    /// A string.
    String,
    /// `true` or `false`.
    Boolean,
    /// An integer without fraction or exponent.
    Integer,
    /// Anything but `null`.
    NonNull,
}

/// What was found where another type was expected.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Found {
    /// `null`.
    Null,
    /// `true` or `false`.
    Boolean,
    /// A number (where no number is allowed).
    Number,
    /// A string.
    String,
    /// An array.
    Array,
    /// An object.
    Object,
    /// A number with a fraction or an exponent, where an integer is required.
    Fraction,
    /// `-0`, where an integer is required.
    NegativeZero,
    /// A string that is not all digits, where an integer is required.
    NonDigitString,
    /// `"true"` or `"false"`, where a boolean is required.
    BooleanString(bool),
    /// One non-empty string where an array of strings is required.
    LoneString(String),
}

/// A JavaScript value that JSON cannot carry, as the npm package reports it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum JsValueKind {
    /// `undefined`.
    Undefined,
    /// `null` (given where text was expected).
    Null,
    /// `NaN`.
    NaN,
    /// `Infinity`.
    Infinity,
    /// `-Infinity`.
    NegativeInfinity,
    /// A number (given where text was expected).
    Number,
    /// A boolean (given where text was expected).
    Boolean,
    /// A `BigInt` (given where text was expected).
    BigInt,
    /// A function.
    Function,
    /// A symbol.
    Symbol,
    /// An object (given where text was expected).
    Object,
    /// An array (given where text was expected).
    Array,
    /// A reference to one of its own ancestors.
    Cycle,
    /// A value whose getter or proxy threw.
    Unreadable,
    /// A value too large to convert.
    TooLarge,
    /// More values JSON cannot carry than are worth listing.
    TooManyForeign,
}

/// The string fields with a fixed set of values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Enumerated {
    /// The body's `type`: `upgrade` or `verify`.
    JobType,
    /// `upgradeScope.type`: `total` or `partial`.
    ScopeType,
    /// `upgradePolicy`: `snapshot` or `incremental`.
    UpgradePolicy,
    /// `upgradePolicy` given a job type (`upgrade`, `verify`).
    UpgradePolicyGivenJobType,
}

impl Enumerated {
    /// The accepted strings.
    #[must_use]
    pub const fn allowed(self) -> &'static [&'static str] {
        match self {
            Enumerated::JobType => &["upgrade", "verify"],
            Enumerated::ScopeType => &["total", "partial"],
            Enumerated::UpgradePolicy | Enumerated::UpgradePolicyGivenJobType => {
                &["snapshot", "incremental"]
            }
        }
    }
}

/// A timestamp that is a 13-digit millisecond timestamp at another scale.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Rescaled {
    /// The unit the value looks written in.
    pub unit: TimeUnit,
    /// The value in milliseconds.
    pub millis: i64,
    /// The zone in which to show it, minutes east of UTC.
    pub offset_minutes: i64,
}

/// The unit a timestamp looks written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum TimeUnit {
    /// Ten digits: seconds (×1000).
    Seconds,
    /// Sixteen digits: microseconds (÷1000).
    Microseconds,
}

/// A schedule window and the zone that decides its calendar days.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Window {
    /// `startTimestamp`, in milliseconds.
    pub start: i64,
    /// `endTimestamp`, in milliseconds.
    pub end: i64,
    /// Minutes east of UTC.
    pub offset_minutes: i64,
}

/// What is wrong with an option.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum OptionProblem {
    /// An option this crate does not know.
    Unknown,
    /// The wrong JSON type.
    Expected(Expected),
    /// An integer outside its range.
    Range {
        /// The smallest value allowed.
        min: i64,
        /// The largest value allowed.
        max: i64,
    },
    /// A locale other than `en` and `zh`.
    Locale,
    /// The options text is not JSON.
    Json {
        /// What the reader expected.
        kind: SyntaxError,
        /// 1-based line.
        line: usize,
        /// 1-based column, in characters.
        column: usize,
    },
}

/// Why a known field has no effect.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Ignored {
    /// An upgrade-only field in a verify job.
    VerifyJob,
    /// A selector in a scope of type `total`.
    ScopeTotal,
    /// A retry value while `enableRetry` is not true.
    RetryOff,
}

/// What an unknown field was probably meant to be.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum FieldSuggestion {
    /// A near miss of a field known at this place.
    Typo {
        /// The known field.
        name: &'static str,
    },
    /// A field of a nested object, written one level too high.
    Misplaced {
        /// The field's name.
        name: &'static str,
        /// The object it belongs in, e.g. `upgradeScope`.
        parent: &'static str,
    },
    /// The seed's `startSchedule`/`endSchedule`: the schedule's timestamps live in
    /// `schedulePolicy` and count milliseconds.
    Schedule {
        /// `startTimestamp` or `endTimestamp`.
        name: &'static str,
    },
}
