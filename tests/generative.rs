//! Generative tests (issue 5 §2): a generator of valid upgrade and verify bodies, one
//! and two faults planted in them, and the round trips of normalize and the typed model.
//!
//! Every case runs through `validate_value` and through `validate_json` of the value's
//! text. `PROPTEST_CASES=10000 cargo test --test generative` runs a longer campaign.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeSet;

use enos_ota_job::{
    normalize_json, normalize_value, parse_job, parse_job_value, validate_json, validate_value,
    Options, OtaJob, Report,
};
use proptest::collection::{btree_map, btree_set, vec};
use proptest::prelude::*;
use proptest::sample::Index;
use serde_json::{json, Map, Value};

const DAY: i64 = 86_400_000;
const MIN30: i64 = 30 * 60_000;

// --- the generator of valid bodies ----------------------------------------------------

/// A non-empty string: mostly short ASCII, sometimes any Unicode (NUL, RTL marks, emoji).
fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => vec(prop::char::range('a', 'z'), 1..8).prop_map(|c| c.into_iter().collect()),
        1 => vec(any::<char>(), 1..6).prop_map(|c| c.into_iter().collect()),
    ]
}

/// `1..=max` distinct non-empty strings, in a random order.
fn distinct(max: usize) -> impl Strategy<Value = Vec<String>> {
    btree_set(text(), 1..=max)
        .prop_map(|s| s.into_iter().collect::<Vec<_>>())
        .prop_shuffle()
}

fn name() -> impl Strategy<Value = Value> {
    (text(), prop::option::of(btree_map(text(), text(), 0..3))).prop_map(|(default, i18n)| {
        let mut name = json!({ "defaultValue": default });
        if let Some(map) = i18n {
            name["i18nValue"] = json!(map);
        }
        name
    })
}

/// The selector a partial scope uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Selector {
    DeviceKeys,
    Attributes,
    Tags,
    AssetTrees,
}

const SELECTORS: [Selector; 4] = [
    Selector::DeviceKeys,
    Selector::Attributes,
    Selector::Tags,
    Selector::AssetTrees,
];

impl Selector {
    fn key(self) -> &'static str {
        match self {
            Selector::DeviceKeys => "deviceKeys",
            Selector::Attributes => "attributes",
            Selector::Tags => "tags",
            Selector::AssetTrees => "assetTrees",
        }
    }
}

fn attribute_value() -> impl Strategy<Value = Value> {
    prop_oneof![
        text().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<bool>().prop_map(Value::from),
        (-1e9f64..1e9).prop_map(Value::from),
        Just(json!({"nested": [1, "a"]})),
    ]
}

fn selector_value(selector: Selector, max_keys: usize) -> BoxedStrategy<Value> {
    match selector {
        Selector::DeviceKeys => distinct(max_keys).prop_map(Value::from).boxed(),
        Selector::Attributes => btree_map(text(), vec(attribute_value(), 1..4), 1..4)
            .prop_map(|m| json!(m))
            .boxed(),
        Selector::Tags => btree_map(text(), distinct(3), 1..4)
            .prop_map(|m| json!(m))
            .boxed(),
        Selector::AssetTrees => distinct(5)
            .prop_flat_map(|ids| {
                let n = ids.len();
                (Just(ids), vec(prop::option::of(btree_set(text(), 0..3)), n))
            })
            .prop_map(|(ids, nodes)| {
                let trees: Vec<Value> = ids
                    .into_iter()
                    .zip(nodes)
                    .map(|(id, nodes)| match nodes {
                        Some(nodes) => json!({"treeId": id, "includedNodes": nodes}),
                        None => json!({"treeId": id}),
                    })
                    .collect();
                Value::from(trees)
            })
            .boxed(),
    }
}

/// A valid `schedulePolicy`: a window of at least 30 minutes, within one day of its
/// zone when it repeats daily.
fn schedule() -> impl Strategy<Value = Value> {
    (
        any::<bool>(),
        any::<bool>(),
        prop::option::of(-720i64..=840),
        11_600i64..115_000,
        0..DAY - MIN30,
        any::<u64>(),
    )
        .prop_map(|(daily, say_daily, zone, day, local_start, raw)| {
            let offset = zone.unwrap_or(0) * 60_000;
            let start = day * DAY + local_start - offset;
            let room = if daily {
                DAY - 1 - local_start - MIN30
            } else {
                40 * DAY
            };
            let end = start + MIN30 + (raw % (room as u64 + 1)) as i64;
            let mut s = json!({"startTimestamp": start, "endTimestamp": end});
            if daily || say_daily {
                s["isRepeatDaily"] = json!(daily);
            }
            if let Some(zone) = zone {
                s["timezoneOffsetInMinutes"] = json!(zone);
            }
            s
        })
}

fn retry() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(json!({})),
        Just(json!({"enableRetry": false})),
        (0i64..=86_400, 1i64..=5)
            .prop_map(|(i, c)| json!({"enableRetry": true, "retryInterval": i, "retryCount": c})),
    ]
}

/// What a generated body is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Shape {
    Upgrade(Option<Selector>),
    Verify,
}

#[derive(Debug, Clone)]
struct Body {
    value: Value,
    shape: Shape,
}

fn upgrade() -> impl Strategy<Value = Body> {
    let selector = prop_oneof![
        Just(None),
        prop::sample::select(SELECTORS.to_vec()).prop_map(Some)
    ];
    selector
        .prop_flat_map(|selector| {
            let selector_value = match selector {
                Some(s) => selector_value(s, 20).prop_map(Some).boxed(),
                None => Just(None).boxed(),
            };
            (
                Just(selector),
                selector_value,
                distinct(4),
                prop::option::of(name()),
                prop::sample::select(vec!["snapshot", "incremental"]),
                any::<bool>(),
                prop::option::of(300i64..=172_800),
                prop::option::of(retry()),
                prop::option::of(schedule()),
                prop::option::of(1i64..=i64::from(i32::MAX)),
            )
        })
        .prop_map(|(selector, selector_value, versions, name, policy, request, timeout, retry, schedule, concurrency)| {
            let mut scope = json!({"type": if selector.is_some() { "partial" } else { "total" }, "versionNumbers": versions});
            if let (Some(s), Some(v)) = (selector, selector_value) {
                scope[s.key()] = v;
            }
            let mut body = json!({"type": "upgrade", "upgradeScope": scope, "upgradePolicy": policy, "enableUpgradeRequest": request});
            put(&mut body, "name", name);
            put(&mut body, "upgradeTimeout", timeout.map(Value::from));
            put(&mut body, "retryPolicy", retry);
            put(&mut body, "schedulePolicy", schedule);
            put(&mut body, "maximumConcurrency", concurrency.map(Value::from));
            Body { value: body, shape: Shape::Upgrade(selector) }
        })
}

fn verify() -> impl Strategy<Value = Body> {
    (distinct(5), distinct(4), prop::option::of(name()), prop::option::of(300i64..=172_800)).prop_map(
        |(keys, versions, name, timeout)| {
            let mut body = json!({"type": "verify",
                "upgradeScope": {"type": "partial", "versionNumbers": versions, "deviceKeys": keys}});
            put(&mut body, "name", name);
            put(&mut body, "upgradeTimeout", timeout.map(Value::from));
            Body { value: body, shape: Shape::Verify }
        },
    )
}

fn body() -> impl Strategy<Value = Body> {
    prop_oneof![2 => upgrade(), 1 => verify()]
}

fn put(body: &mut Value, key: &str, value: Option<Value>) {
    if let Some(v) = value {
        body[key] = v;
    }
}

// --- faults ---------------------------------------------------------------------------

/// One broken rule: what it does to a body, and the one problem it must cause.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Fault {
    TimeoutLow,
    TimeoutHigh,
    TimeoutFraction,
    TimeoutNegativeZero,
    TypeMissing,
    TypeWrongCase,
    ScopeTypeUnknown,
    VersionsEmpty,
    VersionEntryEmpty,
    VersionsMissing,
    VersionEntryNumber,
    NameDefaultEmpty,
    NameNotObject,
    PolicyUpgrade,
    RequestMissing,
    RequestString,
    ConcurrencyZero,
    ConcurrencyBeyondI32,
    RetryCountSix,
    RetryIntervalMissing,
    ScheduleEndEqualsStart,
    ScheduleStartTwelveDigits,
    ScheduleNotSameDay,
    ScheduleZoneOutOfRange,
    SecondSelector,
    SelectorMissing,
    SelectorEntryEmpty,
    TooManyTrees,
    VerifyTotal,
    VerifyTooManyKeys,
    VerifySelectorNotAllowed,
    VerifyKeysMissing,
    // Warnings: the body stays valid with exactly this warning.
    UnknownField,
    DuplicateVersion,
    TimeoutNumericString,
    ScheduleTooShort,
    VerifyIgnoredField,
    TotalIgnoredSelector,
}

const FAULTS: &[Fault] = &[
    Fault::TimeoutLow,
    Fault::TimeoutHigh,
    Fault::TimeoutFraction,
    Fault::TimeoutNegativeZero,
    Fault::TypeMissing,
    Fault::TypeWrongCase,
    Fault::ScopeTypeUnknown,
    Fault::VersionsEmpty,
    Fault::VersionEntryEmpty,
    Fault::VersionsMissing,
    Fault::VersionEntryNumber,
    Fault::NameDefaultEmpty,
    Fault::NameNotObject,
    Fault::PolicyUpgrade,
    Fault::RequestMissing,
    Fault::RequestString,
    Fault::ConcurrencyZero,
    Fault::ConcurrencyBeyondI32,
    Fault::RetryCountSix,
    Fault::RetryIntervalMissing,
    Fault::ScheduleEndEqualsStart,
    Fault::ScheduleStartTwelveDigits,
    Fault::ScheduleNotSameDay,
    Fault::ScheduleZoneOutOfRange,
    Fault::SecondSelector,
    Fault::SelectorMissing,
    Fault::SelectorEntryEmpty,
    Fault::TooManyTrees,
    Fault::VerifyTotal,
    Fault::VerifyTooManyKeys,
    Fault::VerifySelectorNotAllowed,
    Fault::VerifyKeysMissing,
    Fault::UnknownField,
    Fault::DuplicateVersion,
    Fault::TimeoutNumericString,
    Fault::ScheduleTooShort,
    Fault::VerifyIgnoredField,
    Fault::TotalIgnoredSelector,
];

/// The problem a fault causes: its path, code, and whether it is a warning.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
struct Problem {
    path: String,
    code: &'static str,
    warning: bool,
}

fn error(path: &str, code: &'static str) -> Problem {
    Problem {
        path: path.into(),
        code,
        warning: false,
    }
}

fn warning(path: &str, code: &'static str) -> Problem {
    Problem {
        path: path.into(),
        code,
        warning: true,
    }
}

/// The body's fields a fault touches; two faults on distinct fields are independent.
/// `None`: the fault changes how other rules run (job or scope type), so it is only
/// used alone.
fn field(fault: Fault) -> Option<&'static str> {
    use Fault::*;
    Some(match fault {
        TimeoutLow | TimeoutHigh | TimeoutFraction | TimeoutNegativeZero | TimeoutNumericString => {
            "upgradeTimeout"
        }
        VersionsEmpty | VersionEntryEmpty | VersionsMissing | VersionEntryNumber
        | DuplicateVersion => "versionNumbers",
        NameDefaultEmpty | NameNotObject => "name",
        PolicyUpgrade => "upgradePolicy",
        RequestMissing | RequestString => "enableUpgradeRequest",
        ConcurrencyZero | ConcurrencyBeyondI32 => "maximumConcurrency",
        RetryCountSix | RetryIntervalMissing => "retryPolicy",
        ScheduleEndEqualsStart
        | ScheduleStartTwelveDigits
        | ScheduleNotSameDay
        | ScheduleZoneOutOfRange
        | ScheduleTooShort => "schedulePolicy",
        SelectorEntryEmpty | VerifyTooManyKeys => "selector",
        UnknownField => "unknown",
        VerifyIgnoredField => "ignored",
        TypeMissing
        | TypeWrongCase
        | ScopeTypeUnknown
        | SecondSelector
        | SelectorMissing
        | TooManyTrees
        | VerifyTotal
        | VerifySelectorNotAllowed
        | VerifyKeysMissing
        | TotalIgnoredSelector => return None,
    })
}

fn scope(body: &mut Value) -> &mut Map<String, Value> {
    body["upgradeScope"]
        .as_object_mut()
        .expect("a scope object")
}

/// Plants `fault` in `body`; `None` when it does not apply to this shape of body.
fn plant(fault: Fault, body: &mut Body) -> Option<Problem> {
    use Fault::*;
    let upgrade = matches!(body.shape, Shape::Upgrade(_));
    let partial = match body.shape {
        Shape::Upgrade(s) => s,
        Shape::Verify => Some(Selector::DeviceKeys),
    };
    let v = &mut body.value;
    Some(match fault {
        TimeoutLow => {
            v["upgradeTimeout"] = json!(299);
            error("/upgradeTimeout", "out_of_range")
        }
        TimeoutHigh => {
            v["upgradeTimeout"] = json!(172_801);
            error("/upgradeTimeout", "out_of_range")
        }
        TimeoutFraction => {
            v["upgradeTimeout"] = json!(7200.5);
            error("/upgradeTimeout", "invalid_type")
        }
        TimeoutNegativeZero => {
            v["upgradeTimeout"] = json!(-0.0);
            error("/upgradeTimeout", "invalid_type")
        }
        TimeoutNumericString => {
            v["upgradeTimeout"] = json!("7200");
            warning("/upgradeTimeout", "numeric_string")
        }
        TypeMissing => {
            v.as_object_mut()?.remove("type");
            error("/type", "required")
        }
        TypeWrongCase => {
            v["type"] = json!(if upgrade { "Upgrade" } else { "VERIFY" });
            error("/type", "invalid_value")
        }
        ScopeTypeUnknown => {
            scope(v).insert("type".into(), json!("some"));
            error("/upgradeScope/type", "invalid_value")
        }
        VersionsEmpty => {
            scope(v).insert("versionNumbers".into(), json!([]));
            error("/upgradeScope/versionNumbers", "empty")
        }
        VersionEntryEmpty | VersionEntryNumber | DuplicateVersion => {
            let versions = scope(v)["versionNumbers"].as_array_mut()?;
            let entry = match fault {
                VersionEntryEmpty => json!(""),
                VersionEntryNumber => json!(1.0),
                _ => versions[0].clone(),
            };
            versions.push(entry);
            let path = format!("/upgradeScope/versionNumbers/{}", versions.len() - 1);
            match fault {
                VersionEntryEmpty => error(&path, "empty"),
                VersionEntryNumber => error(&path, "invalid_type"),
                _ => warning(&path, "duplicate_value"),
            }
        }
        VersionsMissing => {
            scope(v).remove("versionNumbers");
            error("/upgradeScope/versionNumbers", "required")
        }
        NameDefaultEmpty => {
            v["name"] = json!({"defaultValue": ""});
            error("/name/defaultValue", "empty")
        }
        NameNotObject => {
            v["name"] = json!("job");
            error("/name", "invalid_type")
        }
        PolicyUpgrade if upgrade => {
            v["upgradePolicy"] = json!("upgrade");
            error("/upgradePolicy", "invalid_value")
        }
        RequestMissing if upgrade => {
            v.as_object_mut()?.remove("enableUpgradeRequest");
            error("/enableUpgradeRequest", "required")
        }
        RequestString if upgrade => {
            v["enableUpgradeRequest"] = json!("true");
            error("/enableUpgradeRequest", "invalid_type")
        }
        ConcurrencyZero if upgrade => {
            v["maximumConcurrency"] = json!(0);
            error("/maximumConcurrency", "out_of_range")
        }
        ConcurrencyBeyondI32 if upgrade => {
            v["maximumConcurrency"] = json!(i64::from(i32::MAX) + 1);
            error("/maximumConcurrency", "out_of_range")
        }
        RetryCountSix if upgrade => {
            v["retryPolicy"] = json!({"enableRetry": true, "retryInterval": 10, "retryCount": 6});
            error("/retryPolicy/retryCount", "out_of_range")
        }
        RetryIntervalMissing if upgrade => {
            v["retryPolicy"] = json!({"enableRetry": true, "retryCount": 2});
            error("/retryPolicy/retryInterval", "required")
        }
        ScheduleEndEqualsStart if upgrade => {
            v["schedulePolicy"] = json!({"startTimestamp": 1_704_150_000_000_i64, "endTimestamp": 1_704_150_000_000_i64});
            error("/schedulePolicy/endTimestamp", "end_before_start")
        }
        ScheduleStartTwelveDigits if upgrade => {
            v["schedulePolicy"] = json!({"startTimestamp": 999_999_999_999_i64, "endTimestamp": 1_704_150_000_000_i64});
            error("/schedulePolicy/startTimestamp", "invalid_timestamp")
        }
        ScheduleNotSameDay if upgrade => {
            // 23:00 to 01:00 UTC, daily.
            v["schedulePolicy"] = json!({"isRepeatDaily": true,
                "startTimestamp": 1_704_150_000_000_i64, "endTimestamp": 1_704_157_200_000_i64});
            error("/schedulePolicy/endTimestamp", "not_same_day")
        }
        ScheduleZoneOutOfRange if upgrade => {
            v["schedulePolicy"] = json!({"isRepeatDaily": true, "timezoneOffsetInMinutes": 841,
                "startTimestamp": 1_704_150_000_000_i64, "endTimestamp": 1_704_157_200_000_i64});
            error("/schedulePolicy/timezoneOffsetInMinutes", "out_of_range")
        }
        ScheduleTooShort if upgrade => {
            v["schedulePolicy"] = json!({"startTimestamp": 1_704_150_000_000_i64, "endTimestamp": 1_704_150_600_000_i64});
            warning("/schedulePolicy/endTimestamp", "schedule_too_short")
        }
        SecondSelector if upgrade && partial.is_some() => {
            let other = if partial == Some(Selector::Tags) {
                "deviceKeys"
            } else {
                "tags"
            };
            let value = if other == "tags" {
                json!({"site": ["a"]})
            } else {
                json!(["d"])
            };
            scope(v).insert(other.into(), value);
            error("/upgradeScope", "conflicting_selectors")
        }
        SelectorMissing if upgrade => {
            let s = partial?;
            scope(v).remove(s.key());
            error("/upgradeScope", "missing_selector")
        }
        SelectorEntryEmpty => {
            let s = partial?;
            let path = format!("/upgradeScope/{}", s.key());
            let at = scope(v).get_mut(s.key())?;
            match s {
                Selector::DeviceKeys => {
                    // Replaced, not added: a verify job may hold 5 keys at most.
                    let keys = at.as_array_mut()?;
                    let last = keys.len() - 1;
                    keys[last] = json!("");
                    error(&format!("{path}/{last}"), "empty")
                }
                Selector::Attributes => {
                    at.as_object_mut()?.insert("zz".into(), json!([null]));
                    error(&format!("{path}/zz/0"), "invalid_type")
                }
                Selector::Tags => {
                    at.as_object_mut()?.insert("zz".into(), json!([]));
                    error(&format!("{path}/zz"), "empty")
                }
                Selector::AssetTrees => {
                    let trees = at.as_array_mut()?;
                    if trees.len() >= 5 {
                        return None;
                    }
                    trees.push(json!({}));
                    error(&format!("{path}/{}/treeId", trees.len() - 1), "required")
                }
            }
        }
        TooManyTrees if upgrade && partial == Some(Selector::AssetTrees) => {
            let trees: Vec<Value> = (0..6).map(|i| json!({"treeId": format!("t{i}")})).collect();
            scope(v).insert("assetTrees".into(), json!(trees));
            error("/upgradeScope/assetTrees", "too_many")
        }
        TotalIgnoredSelector if upgrade && partial.is_none() => {
            scope(v).insert("attributes".into(), json!({"x": [null]}));
            warning("/upgradeScope/attributes", "ignored_field")
        }
        VerifyTotal if !upgrade => {
            scope(v).insert("type".into(), json!("total"));
            error("/upgradeScope/type", "verify_requires_partial")
        }
        VerifyTooManyKeys if !upgrade => {
            let keys: Vec<String> = (0..6).map(|i| format!("k{i}")).collect();
            scope(v).insert("deviceKeys".into(), json!(keys));
            error("/upgradeScope/deviceKeys", "too_many_device_keys")
        }
        VerifySelectorNotAllowed if !upgrade => {
            scope(v).insert("tags".into(), json!({"site": ["a"]}));
            error("/upgradeScope/tags", "selector_not_allowed")
        }
        VerifyKeysMissing if !upgrade => {
            scope(v).remove("deviceKeys");
            error("/upgradeScope/deviceKeys", "required")
        }
        VerifyIgnoredField if !upgrade => {
            v["retryPolicy"] = json!({"enableRetry": "yes"});
            warning("/retryPolicy", "ignored_field")
        }
        UnknownField => {
            v["zzUnknown"] = json!(null);
            warning("/zzUnknown", "unknown_field")
        }
        _ => return None,
    })
}

// --- checks ---------------------------------------------------------------------------

/// Every problem of a report, errors then warnings, as a sorted list.
fn problems(report: &Report) -> Vec<Problem> {
    let mut out: Vec<Problem> = report
        .errors
        .iter()
        .map(|i| error(&i.path, i.code.as_str()))
        .chain(
            report
                .warnings
                .iter()
                .map(|i| warning(&i.path, i.code.as_str())),
        )
        .collect();
    out.sort();
    out
}

/// Validates the value and its text: both must give the same report.
fn check(value: &Value) -> Report {
    let options = Options::new();
    let report = validate_value(value, &options);
    let from_text = validate_json(&value.to_string(), &options).without_spans();
    assert_eq!(
        report, from_text,
        "validate_value and validate_json disagree on {value}"
    );
    assert_eq!(report.valid, report.errors.is_empty());
    report
}

fn config() -> ProptestConfig {
    // PROPTEST_CASES overrides the count; failures are not written to files.
    ProptestConfig {
        cases: std::env::var("PROPTEST_CASES")
            .ok()
            .and_then(|c| c.parse().ok())
            .unwrap_or(256),
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn generated_bodies_are_valid_with_no_problem(body in body()) {
        let report = check(&body.value);
        prop_assert!(report.valid, "{}\n{}", body.value, report);
        prop_assert!(report.warnings.is_empty(), "{}\n{}", body.value, report);
    }

    #[test]
    fn one_fault_gives_exactly_its_problem(mut body in body(), pick in any::<Index>()) {
        let fault = *pick.get(FAULTS);
        let original = body.value.clone();
        let Some(expected) = plant(fault, &mut body) else {
            return Ok(());
        };
        let report = check(&body.value);
        prop_assert_eq!(problems(&report), vec![expected.clone()], "{:?} on {}", fault, original);
        prop_assert_eq!(report.valid, expected.warning);
    }

    #[test]
    fn two_independent_faults_give_both(mut body in body(), a in any::<Index>(), b in any::<Index>()) {
        let (fa, fb) = (*a.get(FAULTS), *b.get(FAULTS));
        let (Some(field_a), Some(field_b)) = (field(fa), field(fb)) else {
            return Ok(());
        };
        if field_a == field_b {
            return Ok(());
        }
        let (Some(pa), Some(pb)) = (plant(fa, &mut body), plant(fb, &mut body)) else {
            return Ok(());
        };
        let report = check(&body.value);
        let mut want = vec![pa, pb];
        want.sort();
        prop_assert_eq!(problems(&report), want, "{:?} + {:?} on {}", fa, fb, body.value);
    }

    #[test]
    fn normalize_is_idempotent_and_its_body_validates(body in body(), numeric in any::<bool>()) {
        let mut value = body.value.clone();
        if numeric && value.get("upgradeTimeout").is_some() {
            value["upgradeTimeout"] = json!(value["upgradeTimeout"].to_string());
        }
        let options = Options::new();
        let once = normalize_value(&value, &options);
        prop_assert!(once.report.valid);
        let text = once.body.clone().expect("a normalized body");
        prop_assert_eq!(&normalize_json(&value.to_string(), &options).body, &once.body);
        let normal: Value = serde_json::from_str(&text).expect("JSON");
        // The documented defaults are explicit, numeric strings are numbers.
        prop_assert!(normal["upgradeTimeout"].is_i64(), "{}", text);
        if let Shape::Upgrade(_) = body.shape {
            prop_assert!(normal["maximumConcurrency"].is_i64(), "{}", text);
            prop_assert!(normal["retryPolicy"]["enableRetry"].is_boolean(), "{}", text);
            if normal.get("schedulePolicy").is_some() {
                prop_assert!(normal["schedulePolicy"]["isRepeatDaily"].is_boolean(), "{}", text);
            }
        }
        // Validates with no warning, and normalizing again changes nothing.
        let report = check(&normal);
        prop_assert!(report.valid && report.warnings.is_empty(), "{}\n{}", text, report);
        let twice = normalize_json(&text, &options);
        prop_assert_eq!(twice.body.as_deref(), Some(text.as_str()));
    }

    #[test]
    fn the_typed_model_serializes_and_parses_back(body in body()) {
        let options = Options::new();
        let job = parse_job_value(&body.value, &options).expect("a valid body").job;
        prop_assert_eq!(&parse_job(&body.value.to_string(), &options).expect("valid").job, &job);
        // What the model holds is what the body said.
        let versions: BTreeSet<&str> = body.value["upgradeScope"]["versionNumbers"]
            .as_array().expect("versions").iter().filter_map(Value::as_str).collect();
        let held: BTreeSet<&str> = job.upgrade_scope().version_numbers.iter().map(String::as_str).collect();
        prop_assert_eq!(held, versions);
        prop_assert_eq!(matches!(job, OtaJob::Verify(_)), body.shape == Shape::Verify);
        // Serialize, parse back: the same job, and the text is a valid body.
        let text = serde_json::to_string(&job).expect("serializes");
        let again = parse_job(&text, &options).unwrap_or_else(|r| panic!("{text}\n{r}"));
        prop_assert_eq!(&again.job, &job);
        prop_assert!(again.report.warnings.is_empty(), "{}", again.report);
        let value = serde_json::to_value(&job).expect("serializes");
        prop_assert_eq!(serde_json::from_value::<OtaJob>(value).expect("deserializes"), job);
    }
}

/// The fault table covers every rule code of a body that a generated body can break.
#[test]
fn the_faults_cover_every_body_code() {
    let mut codes = BTreeSet::new();
    let upgrade = json!({"type": "upgrade", "upgradePolicy": "snapshot", "enableUpgradeRequest": true,
        "upgradeScope": {"type": "partial", "versionNumbers": ["1.0"], "assetTrees": [{"treeId": "t"}]}});
    let total = json!({"type": "upgrade", "upgradePolicy": "snapshot", "enableUpgradeRequest": true,
        "upgradeScope": {"type": "total", "versionNumbers": ["1.0"]}});
    let verify = json!({"type": "verify", "upgradeScope": {"type": "partial", "versionNumbers": ["1.0"], "deviceKeys": ["d"]}});
    for &fault in FAULTS {
        let mut applied = false;
        for (value, shape) in [
            (&upgrade, Shape::Upgrade(Some(Selector::AssetTrees))),
            (&total, Shape::Upgrade(None)),
            (&verify, Shape::Verify),
        ] {
            let mut body = Body {
                value: value.clone(),
                shape,
            };
            if let Some(problem) = plant(fault, &mut body) {
                assert_eq!(
                    problems(&check(&body.value)),
                    vec![problem.clone()],
                    "{fault:?}"
                );
                codes.insert(problem.code);
                applied = true;
            }
        }
        assert!(applied, "{fault:?} applies to no body");
    }
    let body_codes = [
        "invalid_type",
        "required",
        "invalid_value",
        "out_of_range",
        "empty",
        "too_many",
        "missing_selector",
        "conflicting_selectors",
        "selector_not_allowed",
        "verify_requires_partial",
        "too_many_device_keys",
        "invalid_timestamp",
        "end_before_start",
        "not_same_day",
        "unknown_field",
        "ignored_field",
        "duplicate_value",
        "schedule_too_short",
        "numeric_string",
    ];
    for code in body_codes {
        assert!(codes.contains(code), "no fault produces {code}");
    }
}
