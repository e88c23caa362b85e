//! The locale parity test: every problem has an English and a Chinese message, and every
//! hint exists in both locales or in neither.

use super::problem::*;
use super::*;

/// The message `write` writes for `p`.
fn message(write: fn(&Problem, &mut String), p: &Problem) -> String {
    let mut out = String::new();
    write(p, &mut out);
    out
}

/// The hint `write` writes for `p`, if any.
fn hint(write: fn(&Problem, &mut String) -> bool, p: &Problem) -> Option<String> {
    let mut out = String::new();
    write(p, &mut out).then_some(out)
}

/// One sample of every variant, and of every hint case.
fn samples() -> Vec<Problem> {
    let window = Window {
        start: 1_704_150_000_000,
        end: 1_704_157_200_000,
        offset_minutes: 480,
    };
    vec![
        Problem::InvalidJson {
            error: JsonError::Syntax {
                kind: SyntaxError::Eof,
                line: 1,
                column: 2,
            },
        },
        Problem::InvalidJson {
            error: JsonError::TooDeep,
        },
        Problem::InvalidJson {
            error: JsonError::NotText {
                found: JsValueKind::Number,
            },
        },
        Problem::InvalidJson {
            error: JsonError::OutOfMemory,
        },
        Problem::InvalidType {
            expected: Expected::Integer,
            found: Found::Fraction,
        },
        Problem::InvalidType {
            expected: Expected::Boolean,
            found: Found::BooleanString(true),
        },
        Problem::InvalidType {
            expected: Expected::Array,
            found: Found::LoneString("dev1".into()),
        },
        Problem::NotJson {
            value: JsValueKind::Undefined,
        },
        Problem::Required,
        Problem::InvalidValue {
            field: Enumerated::UpgradePolicy,
            suggestion: Some("snapshot"),
        },
        Problem::InvalidValue {
            field: Enumerated::UpgradePolicyGivenJobType,
            suggestion: None,
        },
        Problem::InvalidAddress,
        Problem::OutOfRange {
            min: 300,
            max: 172_800,
        },
        Problem::Empty,
        Problem::TooMany { count: 6, max: 5 },
        Problem::DuplicateKey,
        Problem::MissingSelector,
        Problem::ConflictingSelectors {
            given: vec!["deviceKeys", "tags"],
        },
        Problem::SelectorNotAllowed,
        Problem::VerifyRequiresPartial,
        Problem::TooManyDeviceKeys { count: 6, max: 5 },
        Problem::InvalidTimestamp {
            rescaled: Some(Rescaled {
                unit: TimeUnit::Seconds,
                millis: 1_704_150_000_000,
                offset_minutes: 0,
            }),
        },
        Problem::EndBeforeStart { window },
        Problem::NotSameDay { window },
        Problem::FirmwareNotFound,
        Problem::FirmwareNotVerified,
        Problem::TargetVersionInScope,
        Problem::InvalidOption {
            problem: OptionProblem::Locale,
        },
        Problem::UnknownField {
            suggestion: Some(FieldSuggestion::Typo {
                name: "includedNodes",
            }),
        },
        Problem::UnknownField {
            suggestion: Some(FieldSuggestion::Misplaced {
                name: "deviceKeys",
                parent: "upgradeScope",
            }),
        },
        Problem::UnknownField {
            suggestion: Some(FieldSuggestion::Schedule {
                name: "startTimestamp",
            }),
        },
        Problem::IgnoredField {
            reason: Ignored::RetryOff,
        },
        Problem::DuplicateValue { first: 0 },
        Problem::ScheduleTooShort { window },
        Problem::NumericString { value: Some(600) },
    ]
}

/// Every variant, by number: this match must grow with the enum, and the samples with it.
fn variant(p: &Problem) -> usize {
    match p {
        Problem::InvalidJson { .. } => 0,
        Problem::InvalidType { .. } => 1,
        Problem::NotJson { .. } => 2,
        Problem::Required => 3,
        Problem::InvalidValue { .. } => 4,
        Problem::InvalidAddress => 5,
        Problem::OutOfRange { .. } => 6,
        Problem::Empty => 7,
        Problem::TooMany { .. } => 8,
        Problem::DuplicateKey => 9,
        Problem::MissingSelector => 10,
        Problem::ConflictingSelectors { .. } => 11,
        Problem::SelectorNotAllowed => 12,
        Problem::VerifyRequiresPartial => 13,
        Problem::TooManyDeviceKeys { .. } => 14,
        Problem::InvalidTimestamp { .. } => 15,
        Problem::EndBeforeStart { .. } => 16,
        Problem::NotSameDay { .. } => 17,
        Problem::FirmwareNotFound => 18,
        Problem::FirmwareNotVerified => 19,
        Problem::TargetVersionInScope => 20,
        Problem::InvalidOption { .. } => 21,
        Problem::UnknownField { .. } => 22,
        Problem::IgnoredField { .. } => 23,
        Problem::DuplicateValue { .. } => 24,
        Problem::ScheduleTooShort { .. } => 25,
        Problem::NumericString { .. } => 26,
    }
}

const VARIANTS: usize = 27;

fn has_cjk(s: &str) -> bool {
    s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
}

#[test]
fn every_problem_speaks_both_locales() {
    let samples = samples();
    let mut seen = [false; VARIANTS];
    for p in &samples {
        seen[variant(p)] = true;
        let (en, zh) = (message(en::message, p), message(zh::message, p));
        assert!(!en.is_empty() && !zh.is_empty(), "{p:?}");
        assert_ne!(en, zh, "{p:?}");
        assert!(
            !en.ends_with('.'),
            "English messages end without a period: {en}"
        );
        assert!(
            !en.starts_with(|c: char| c.is_ascii_uppercase()) || en.starts_with("NaN"),
            "English messages start lowercase: {en}"
        );
        assert!(has_cjk(&zh), "{zh}");
        match (hint(en::hint, p), hint(zh::hint, p)) {
            (Some(en), Some(zh)) => {
                assert!(!en.ends_with('.'), "{en}");
                assert!(has_cjk(&zh), "{zh}");
            }
            (None, None) => {}
            other => panic!("a hint in one locale only: {p:?} {other:?}"),
        }
        assert!(has_cjk(zh::fix_clause(p)) && !en::fix_clause(p).is_empty());
    }
    let missing: Vec<usize> = (0..VARIANTS).filter(|&i| !seen[i]).collect();
    assert!(missing.is_empty(), "variants without a sample: {missing:?}");
    let codes: std::collections::BTreeSet<Code> = samples.iter().map(Problem::code).collect();
    assert_eq!(codes.len(), Code::ALL.len(), "every code has a sample");
}

#[test]
fn dates_show_in_the_deciding_zone() {
    let p = Problem::NotSameDay {
        window: Window {
            start: 1_704_121_200_000, // 2024-01-01 15:00 UTC
            end: 1_704_128_400_000,   // 2024-01-01 17:00 UTC
            offset_minutes: 480,
        },
    };
    assert_eq!(
        message(en::message, &p),
        "a daily window must start and end on the same day: starts 2024-01-01 23:00 and ends 2024-01-02 01:00 (UTC+08:00)"
    );
}
