//! What every fuzz target checks beyond "no panic": the invariants of the report, the
//! requests and bad input (docs/rules.md) that hold for any input, and a structured input
//! type biased toward the fields of the body (docs/rules.md, "Fields").

use arbitrary::{Arbitrary, Result, Unstructured};
use enos_ota_job::{
    normalize_json, parse_job, validate_json, Code, FirmwareFacts, Locale, Options, Report,
    Severity,
};
use serde_json::{Map, Number, Value};

/// A few option sets, picked by the input's length so that seeds stay unchanged.
pub fn options_for(len: usize) -> Options {
    match len % 4 {
        0 => Options::new(),
        1 => Options::new().with_strict(true).with_locale(Locale::Zh),
        2 => Options::new()
            .with_utc_offset_minutes(480)
            .with_firmware(FirmwareFacts {
                version: Some("2.0".into()),
                max_allowed_for_verification: Some(2),
                ..FirmwareFacts::default()
            }),
        _ => Options::new()
            .with_utc_offset_minutes(-720)
            .with_firmware(FirmwareFacts {
                exists: Some(true),
                enable_verification: Some(true),
                verified: Some(false),
                ..FirmwareFacts::default()
            }),
    }
}

/// The shape of every report: `valid` iff no error, pointers well formed, severities
/// in their list (all in `errors` under `strict`), messages non-empty, JSON text readable.
pub fn check_report(report: &Report, options: &Options) {
    assert_eq!(report.valid, report.errors.is_empty(), "{report:?}");
    for issue in &report.errors {
        assert!(
            options.is_strict() || issue.code.severity() == Severity::Error,
            "{issue:?}"
        );
    }
    for issue in &report.warnings {
        assert!(!options.is_strict(), "a warning under strict: {issue:?}");
        assert_eq!(issue.code.severity(), Severity::Warning, "{issue:?}");
    }
    for issue in report.errors.iter().chain(&report.warnings) {
        assert!(
            issue.path.is_empty() || issue.path.starts_with('/'),
            "{issue:?}"
        );
        assert!(!issue.message.is_empty(), "{issue:?}");
        assert_eq!(Code::from_name(issue.code.as_str()), Some(issue.code));
    }
    let wire: Value = serde_json::from_str(&report.to_json()).expect("the report's JSON text");
    assert_eq!(wire["valid"], Value::Bool(report.valid));
}

/// `(path, code)` of every error, then every warning: what must agree between entry points.
pub fn summary(report: &Report) -> (bool, Vec<(String, Code)>, Vec<(String, Code)>) {
    let pairs =
        |list: &[enos_ota_job::Issue]| list.iter().map(|i| (i.path.clone(), i.code)).collect();
    (report.valid, pairs(&report.errors), pairs(&report.warnings))
}

/// Validates JSON text and checks every invariant that follows from its report:
/// `validate_json` = `validate_bytes`; when valid, `normalize` gives a body, the body
/// validates, normalizing it again changes nothing, and the typed model round-trips.
pub fn check_text(text: &str, options: &Options) -> Report {
    let report = validate_json(text, options);
    check_report(&report, options);
    check_spans(text, &report);
    assert_eq!(
        enos_ota_job::validate_bytes(text.as_bytes(), options),
        report
    );

    let normalized = normalize_json(text, options);
    assert_eq!(normalized.report, report);
    assert_eq!(normalized.body.is_some(), report.valid);
    if let Some(body) = &normalized.body {
        check_normalized(body, options);
    }

    match parse_job(text, options) {
        Ok(validated) => {
            assert!(report.valid);
            assert_eq!(validated.report, report);
            let typed = serde_json::to_string(&validated.job).expect("the typed job serializes");
            let again = parse_job(&typed, options).unwrap_or_else(|r| panic!("{typed}: {r}"));
            assert_eq!(again.job, validated.job, "{typed}");
        }
        Err(failed) => {
            assert!(!report.valid);
            assert_eq!(failed, report);
        }
    }
    report
}

/// Every position lies in the text on character boundaries, its lines and columns count
/// what comes before it; and in JSON text each span is a JSON value (a key is a string).
pub fn check_spans(text: &str, report: &Report) {
    let json = !report.has(Code::InvalidJson);
    let at = |offset: usize| {
        let before = &text[..offset];
        let line = before.matches('\n').count() + 1;
        (
            line,
            before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1,
        )
    };
    for issue in report.issues() {
        let Some(span) = issue.span else { continue };
        let (start, end) = (span.start, span.end);
        assert!(start <= end && end <= text.len(), "{issue:?}");
        assert!(
            text.is_char_boundary(start) && text.is_char_boundary(end),
            "{issue:?}"
        );
        assert_eq!((span.line, span.column), at(start), "{issue:?}");
        assert_eq!((span.end_line, span.end_column), at(end), "{issue:?}");
        if json {
            let part = &text[start..end];
            assert!(
                enos_ota_job::__read_json(part).is_some(),
                "{issue:?}: {part}"
            );
        }
    }
}

/// A normalized body validates, and normalizing it again gives the same text.
pub fn check_normalized(body: &str, options: &Options) {
    let again = normalize_json(body, options);
    assert!(
        again.report.valid,
        "normalized body invalid: {body}\n{}",
        again.report
    );
    assert_eq!(
        again.body.as_deref(),
        Some(body),
        "normalize is not idempotent"
    );
}

/// Field names and values of the body (docs/rules.md, "Fields"), so that generated structures reach the rules.
pub const KEYS: &[&str] = &[
    "name",
    "type",
    "upgradeScope",
    "upgradePolicy",
    "enableUpgradeRequest",
    "upgradeTimeout",
    "retryPolicy",
    "schedulePolicy",
    "maximumConcurrency",
    "defaultValue",
    "i18nValue",
    "en_US",
    "versionNumbers",
    "deviceKeys",
    "attributes",
    "tags",
    "assetTrees",
    "treeId",
    "includedNodes",
    "enableRetry",
    "retryInterval",
    "retryCount",
    "isRepeatDaily",
    "startTimestamp",
    "endTimestamp",
    "timezoneOffsetInMinutes",
    "orgId",
    "firmwareId",
    "apigwAddress",
    "body",
    "code",
    "msg",
    "requestId",
    "data",
    "jobId",
    "locale",
    "strict",
    "utcOffsetMinutes",
    "firmware",
    "exists",
    "version",
    "enableVerification",
    "verified",
    "maxAllowedForVerification",
    "",
    "a/b~c",
];

pub const WORDS: &[&str] = &[
    "upgrade",
    "verify",
    "total",
    "partial",
    "snapshot",
    "incremental",
    "",
    " ",
    "1.0",
    "2.0",
    "dev1",
    "dev2",
    "7200",
    "0300",
    "1704150000000",
    "1704157200000",
    "99999999999999999999",
    "-1",
    "1e3",
    "zh",
    "en",
    "apim.example.com",
    "https://host:8443",
    "ftp://x",
    "http://h/p",
    "\u{0}",
    "\u{200f}",
    "😀",
    "\u{fffd}",
];

pub const INTS: &[i64] = &[
    0,
    1,
    2,
    5,
    6,
    299,
    300,
    7200,
    172_800,
    172_801,
    86_400,
    86_401,
    -1,
    -720,
    -721,
    840,
    841,
    480,
    999_999_999_999,
    1_000_000_000_000,
    1_704_150_000_000,
    1_704_151_800_000,
    1_704_153_600_000,
    1_704_157_200_000,
    9_999_999_999_999,
    10_000_000_000_000,
    24_404,
    24_610,
    24_611,
    24_612,
    i32::MAX as i64,
    i32::MAX as i64 + 1,
    u32::MAX as i64,
    u32::MAX as i64 + 1,
    i64::MAX,
    i64::MIN,
];

/// A JSON value whose keys, strings and integers are mostly the interesting ones.
#[derive(Debug, Clone)]
pub struct Json(pub Value);

fn word(u: &mut Unstructured<'_>, list: &[&str]) -> Result<String> {
    Ok(if u.ratio(7, 8)? {
        u.choose(list)?.to_string()
    } else {
        String::arbitrary(u)?
    })
}

fn value(u: &mut Unstructured<'_>, depth: usize) -> Result<Value> {
    let leaf = depth > 12 || u.is_empty();
    let kind = if leaf {
        u.int_in_range(0..=6)?
    } else {
        u.int_in_range(0..=9)?
    };
    Ok(match kind {
        0 => Value::Null,
        1 => Value::Bool(bool::arbitrary(u)?),
        2 | 3 => Value::from(*u.choose(INTS)?),
        4 => match f64::arbitrary(u).ok().and_then(Number::from_f64) {
            Some(n) => Value::Number(n),
            None => Value::from(u64::arbitrary(u)?),
        },
        5 | 6 => Value::String(word(u, WORDS)?),
        7 => {
            let n = u.int_in_range(0..=7)?;
            let mut items = Vec::with_capacity(n);
            for _ in 0..n {
                items.push(value(u, depth + 1)?);
            }
            Value::Array(items)
        }
        _ => {
            let n = u.int_in_range(0..=9)?;
            let mut map = Map::new();
            for _ in 0..n {
                map.insert(word(u, KEYS)?, value(u, depth + 1)?);
            }
            Value::Object(map)
        }
    })
}

impl<'a> Arbitrary<'a> for Json {
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
        value(u, 0).map(Json)
    }
}

/// Valid bodies to start mutations from.
pub const BASES: &[&str] = &[
    r#"{"type":"upgrade","name":{"defaultValue":"job","i18nValue":{"en_US":"job","zh_CN":"任务"}},"upgradePolicy":"snapshot","enableUpgradeRequest":true,"upgradeTimeout":7200,"maximumConcurrency":300,"retryPolicy":{"enableRetry":true,"retryInterval":60,"retryCount":3},"schedulePolicy":{"isRepeatDaily":true,"startTimestamp":1704150000000,"endTimestamp":1704157200000,"timezoneOffsetInMinutes":480},"upgradeScope":{"type":"partial","versionNumbers":["1.0","1.1"],"deviceKeys":["dev1","dev2"]}}"#,
    r#"{"type":"upgrade","upgradePolicy":"incremental","enableUpgradeRequest":false,"upgradeScope":{"type":"partial","versionNumbers":["1.0"],"attributes":{"color":["red",1,true,{"a":1}]}}}"#,
    r#"{"type":"upgrade","upgradePolicy":"snapshot","enableUpgradeRequest":false,"upgradeScope":{"type":"partial","versionNumbers":["1.0"],"tags":{"site":["a","b"]}}}"#,
    r#"{"type":"upgrade","upgradePolicy":"snapshot","enableUpgradeRequest":false,"upgradeScope":{"type":"partial","versionNumbers":["1.0"],"assetTrees":[{"treeId":"t1","includedNodes":["n1"]},{"treeId":"t2"}]}}"#,
    r#"{"type":"upgrade","upgradePolicy":"snapshot","enableUpgradeRequest":true,"upgradeScope":{"type":"total","versionNumbers":["1.0"]}}"#,
    r#"{"type":"verify","name":{"defaultValue":"v"},"upgradeTimeout":"600","upgradeScope":{"type":"partial","versionNumbers":["1.0"],"deviceKeys":["d1","d2","d3"]}}"#,
];

/// A path step chosen by the fuzzer, taken modulo the number of children.
#[derive(Debug, Clone, Arbitrary)]
pub struct Mutation {
    pub steps: Vec<u8>,
    pub action: Action,
}

#[derive(Debug, Clone, Arbitrary)]
pub enum Action {
    Replace(Json),
    Remove,
    Insert(Json),
}

/// Either a free structure or a valid body with a few mutations.
#[derive(Debug, Clone)]
pub enum Body {
    Free(Json),
    Mutated(u8, Vec<Mutation>),
}

impl<'a> Arbitrary<'a> for Body {
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
        Ok(if u.ratio(1, 4)? {
            Body::Free(Json::arbitrary(u)?)
        } else {
            let base = u8::arbitrary(u)?;
            let n = u.int_in_range(0..=3)?;
            let mut muts = Vec::with_capacity(n);
            for _ in 0..n {
                muts.push(Mutation::arbitrary(u)?);
            }
            Body::Mutated(base, muts)
        })
    }
}

impl Body {
    pub fn to_value(&self) -> Value {
        match self {
            Body::Free(json) => json.0.clone(),
            Body::Mutated(base, muts) => {
                let text = BASES[usize::from(*base) % BASES.len()];
                let mut v: Value = serde_json::from_str(text).expect("a base body");
                for m in muts {
                    apply(&mut v, &m.steps, &m.action);
                }
                v
            }
        }
    }
}

fn apply(v: &mut Value, steps: &[u8], action: &Action) {
    let Some((&step, rest)) = steps.split_first() else {
        if let Action::Replace(json) | Action::Insert(json) = action {
            *v = json.0.clone();
        }
        return;
    };
    let descend = !rest.is_empty();
    match v {
        Value::Object(map) if !map.is_empty() => {
            let key = map
                .keys()
                .nth(usize::from(step) % map.len())
                .cloned()
                .unwrap_or_default();
            match (descend, action) {
                (true, _) => apply(map.get_mut(&key).expect("the key"), rest, action),
                (false, Action::Remove) => {
                    map.remove(&key);
                }
                (false, Action::Replace(json)) => {
                    map.insert(key, json.0.clone());
                }
                (false, Action::Insert(json)) => {
                    let name = KEYS[usize::from(step) % KEYS.len()];
                    map.insert(name.to_string(), json.0.clone());
                }
            }
        }
        Value::Array(items) if !items.is_empty() => {
            let i = usize::from(step) % items.len();
            match (descend, action) {
                (true, _) => apply(&mut items[i], rest, action),
                (false, Action::Remove) => {
                    items.remove(i);
                }
                (false, Action::Replace(json)) => items[i] = json.0.clone(),
                (false, Action::Insert(json)) => items.insert(i, json.0.clone()),
            }
        }
        other => {
            if let Action::Replace(json) | Action::Insert(json) = action {
                *other = json.0.clone();
            }
        }
    }
}

/// The nesting depth of a value (a scalar is 0).
pub fn depth(v: &Value) -> usize {
    match v {
        Value::Array(items) => 1 + items.iter().map(depth).max().unwrap_or(0),
        Value::Object(map) => 1 + map.values().map(depth).max().unwrap_or(0),
        _ => 0,
    }
}
