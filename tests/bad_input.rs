//! The rows of the bad-input matrix (issue 5 §3) too big to store in
//! `tests/fixtures/bad-input.json`: 10,000-deep nesting, 1,000,000 device keys, a
//! 50 MB string, and bytes that are not UTF-8. Each row states the expected report,
//! through every entry point that takes the input, and never a panic.
//! (The stored rows run through `tests/fixtures.rs` and the npm package's tests.)

use enos_ota_job::{
    build_request_json, normalize_json, parse_response, validate_bytes, validate_json,
    validate_value, Code, Options, Report, ResponseOutcome,
};
use serde_json::{json, Value};

type Pairs = Vec<(String, &'static str)>;

/// `(path, code)` of every error and every warning.
fn pairs(report: &Report) -> (Pairs, Pairs) {
    let list = |l: &[enos_ota_job::Issue]| {
        l.iter()
            .map(|i| (i.path.clone(), i.code.as_str()))
            .collect()
    };
    (list(&report.errors), list(&report.warnings))
}

fn one(path: &str, code: &str) -> Pairs {
    let code = Code::from_name(code).expect("a code").as_str();
    vec![(path.to_string(), code)]
}

/// Checks the text's report through validate_json and validate_bytes.
fn expect_text(text: &str, errors: &[(&str, &str)], warnings: &[(&str, &str)]) -> Report {
    let report = validate_json(text, &Options::new());
    let want = |l: &[(&str, &str)]| -> Vec<(String, &'static str)> {
        l.iter().flat_map(|(p, c)| one(p, c)).collect()
    };
    assert_eq!(pairs(&report), (want(errors), want(warnings)));
    assert_eq!(report.valid, errors.is_empty());
    assert_eq!(validate_bytes(text.as_bytes(), &Options::new()), report);
    report
}

const VERIFY_HEAD: &str =
    r#"{"type":"verify","upgradeScope":{"type":"partial","versionNumbers":["1.0"],"deviceKeys":"#;
const UPGRADE_HEAD: &str = r#"{"type":"upgrade","upgradePolicy":"snapshot","enableUpgradeRequest":true,"upgradeScope":{"type":"partial","versionNumbers":["1.0"],"deviceKeys":"#;

fn with_keys(head: &str, keys: impl Iterator<Item = String>) -> String {
    let mut text = String::from(head);
    text.push('[');
    for (i, key) in keys.enumerate() {
        if i > 0 {
            text.push(',');
        }
        text.push('"');
        text.push_str(&key);
        text.push('"');
    }
    text.push_str("]}}");
    text
}

const DEEP: usize = 10_000;

#[test]
fn ten_thousand_deep_arrays_and_objects_are_one_invalid_json() {
    let arrays = format!("{}{}", "[".repeat(DEEP), "]".repeat(DEEP));
    let objects = format!("{}1{}", r#"{"a":"#.repeat(DEEP), "}".repeat(DEEP));
    let unclosed = "[{\"a\":".repeat(DEEP);
    let in_field = format!(r#"{{"type":"verify","x":{arrays}}}"#);
    let in_keys = format!("{VERIFY_HEAD}{arrays}}}}}");
    for text in [&arrays, &objects, &unclosed, &in_field, &in_keys] {
        let report = expect_text(text, &[("", "invalid_json")], &[]);
        assert!(
            report.errors[0].message.contains("line 1 column"),
            "{}",
            report.errors[0].message
        );
    }
    // In a request body and a response: the same single error, no crash.
    let request = format!(r#"{{"orgId":"o","firmwareId":"f","body":{objects}}}"#);
    let built = build_request_json(&request, &Options::new());
    assert_eq!(pairs(&built.report).0, one("", "invalid_json"));
    assert!(built.request.is_none());
    match parse_response(&format!(r#"{{"code":0,"data":{arrays}}}"#)) {
        ResponseOutcome::Failed { error, code, .. } => {
            assert_eq!((error, code), (Some("invalid_json"), None))
        }
        other => panic!("{other:?}"),
    }
    // The module answers the next input normally.
    expect_text(
        &with_keys(VERIFY_HEAD, ["d1".to_string()].into_iter()),
        &[],
        &[],
    );
}

/// A `serde_json::Value` nested `DEEP` levels, built without recursion.
fn deep_value(object: bool) -> Value {
    // Not `json!`: it copies an interpolated value recursively.
    let mut v = json!(1);
    for _ in 0..DEEP {
        v = if object {
            Value::Object(serde_json::Map::from_iter([("a".to_string(), v)]))
        } else {
            Value::Array(vec![v])
        };
    }
    v
}

/// serde_json's `Value` drops recursively: unwind it by hand so the test thread's
/// stack holds only the validator's own frames.
fn drop_deep(mut v: Value) {
    loop {
        v = match v {
            Value::Array(mut items) if !items.is_empty() => items.swap_remove(0),
            Value::Object(mut map) if !map.is_empty() => map.remove("a").unwrap_or(Value::Null),
            _ => return,
        };
    }
}

#[test]
fn ten_thousand_deep_values_are_one_invalid_json() {
    for object in [false, true] {
        let value = deep_value(object);
        let report = validate_value(&value, &Options::new());
        assert_eq!(pairs(&report), (one("", "invalid_json"), vec![]));
        let mut body = json!({"type": "verify"});
        body["x"] = value;
        let report = validate_value(&body, &Options::new());
        assert_eq!(pairs(&report).0, one("", "invalid_json"));
        drop_deep(body["x"].take());
    }
}

const MILLION: usize = 1_000_000;

#[test]
fn a_million_distinct_device_keys() {
    let text = with_keys(UPGRADE_HEAD, (0..MILLION).map(|i| format!("device-{i:07}")));
    expect_text(&text, &[], &[]);
    // A verify job: exactly one 24612 at the array, whatever its size.
    let text = with_keys(VERIFY_HEAD, (0..MILLION).map(|i| format!("device-{i:07}")));
    let report = expect_text(
        &text,
        &[("/upgradeScope/deviceKeys", "too_many_device_keys")],
        &[],
    );
    assert_eq!(report.errors[0].enos_code(), Some(24612));
    assert!(
        report.errors[0].message.contains("1000000"),
        "{}",
        report.errors[0].message
    );
}

#[test]
fn a_million_device_keys_as_a_value() {
    let keys: Vec<String> = (0..MILLION).map(|i| format!("device-{i:07}")).collect();
    let body = json!({"type": "verify", "upgradeScope": {"type": "partial", "versionNumbers": ["1.0"], "deviceKeys": keys}});
    let report = validate_value(&body, &Options::new());
    assert_eq!(
        pairs(&report),
        (
            one("/upgradeScope/deviceKeys", "too_many_device_keys"),
            vec![]
        )
    );
}

#[test]
fn a_million_device_keys_half_of_them_repeats() {
    // d0, d0, d1, d1, ...: every odd entry repeats the one before it.
    let text = with_keys(UPGRADE_HEAD, (0..MILLION).map(|i| format!("d{}", i / 2)));
    let report = validate_json(&text, &Options::new());
    assert!(report.valid);
    assert!(report.errors.is_empty());
    assert_eq!(report.warnings.len(), MILLION / 2);
    for (n, issue) in report.warnings.iter().enumerate() {
        assert_eq!(issue.code, Code::DuplicateValue);
        assert_eq!(
            issue.path,
            format!("/upgradeScope/deviceKeys/{}", 2 * n + 1)
        );
    }
}

#[test]
fn a_million_empty_device_keys_are_a_million_errors_in_order() {
    let text = with_keys(UPGRADE_HEAD, (0..MILLION).map(|_| String::new()));
    let report = validate_json(&text, &Options::new());
    assert_eq!(report.errors.len(), MILLION);
    assert!(report.warnings.is_empty());
    let last = &report.errors[MILLION - 1];
    assert_eq!(
        (last.path.as_str(), last.code),
        ("/upgradeScope/deviceKeys/999999", Code::Empty)
    );
}

const FIFTY_MB: usize = 50 * 1024 * 1024;
const EIGHT_MB: usize = 8 * 1024 * 1024;

#[test]
fn a_fifty_megabyte_string_where_a_string_goes() {
    let big = "k".repeat(FIFTY_MB);
    // As a device key: valid, and normalize keeps it whole.
    let text = with_keys(VERIFY_HEAD, [big.clone()].into_iter());
    expect_text(&text, &[], &[]);
    let normalized = normalize_json(&text, &Options::new());
    assert!(normalized.report.valid);
    assert!(normalized.body.expect("a body").contains(&big));
    // As the name and an i18n text: valid.
    let named = format!(
        r#"{{"type":"verify","name":{{"defaultValue":"{big}","i18nValue":{{"en_US":"{big}"}}}},"upgradeScope":{{"type":"partial","versionNumbers":["1.0"],"deviceKeys":["d"]}}}}"#
    );
    expect_text(&named, &[], &[]);
    // As a key: an unknown field whose path is the key itself.
    let keyed = format!(
        r#"{{"type":"verify","upgradeScope":{{"type":"partial","versionNumbers":["1.0"],"deviceKeys":["d"]}},"{big}":1}}"#
    );
    let report = validate_json(&keyed, &Options::new());
    assert!(report.valid);
    assert_eq!(report.warnings.len(), 1);
    assert_eq!(report.warnings[0].code, Code::UnknownField);
    assert_eq!(report.warnings[0].path.len(), FIFTY_MB + 1);
    // Twice as a device key: a duplicate_value warning.
    expect_text(
        &with_keys(VERIFY_HEAD, [big.clone(), big].into_iter()),
        &[],
        &[("/upgradeScope/deviceKeys/1", "duplicate_value")],
    );
}

#[test]
fn a_long_string_where_it_does_not_belong() {
    // 8 MB: the 50 MB rows are above; these test the same paths at a lower cost.
    let big = "k".repeat(EIGHT_MB);
    let timeout = |value: &str| {
        format!(
            r#"{{"type":"verify","upgradeTimeout":{value},"upgradeScope":{{"type":"partial","versionNumbers":["1.0"],"deviceKeys":["d"]}}}}"#
        )
    };
    // Where an enum or an integer goes.
    let policy = format!(
        r#"{{"type":"upgrade","upgradePolicy":"{big}","enableUpgradeRequest":true,"upgradeScope":{{"type":"total","versionNumbers":["1.0"]}}}}"#
    );
    expect_text(&policy, &[("/upgradePolicy", "invalid_value")], &[]);
    expect_text(
        &timeout(&format!("\"{big}\"")),
        &[("/upgradeTimeout", "invalid_type")],
        &[],
    );
    // 8 MB of digits: a numeric string beyond 64 bits, a number literal beyond 64 bits.
    let digits = "9".repeat(EIGHT_MB);
    expect_text(
        &timeout(&format!("\"{digits}\"")),
        &[("/upgradeTimeout", "out_of_range")],
        &[("/upgradeTimeout", "numeric_string")],
    );
    expect_text(
        &timeout(&digits),
        &[("/upgradeTimeout", "out_of_range")],
        &[],
    );
    // Unterminated: invalid_json at the end of the text (line 1, column in characters).
    let unterminated = format!(r#"{{"type":"{big}"#);
    let report = expect_text(&unterminated, &[("", "invalid_json")], &[]);
    let column = format!("column {}", unterminated.len() + 1);
    assert!(
        report.errors[0].message.contains(&column),
        "{}",
        report.errors[0].message
    );
}

#[test]
fn a_long_string_of_escapes_and_multibyte_characters() {
    // Smaller (8 MB): unescaping and counting characters are the slow paths.
    let escapes = "\\n".repeat(EIGHT_MB / 2);
    expect_text(&with_keys(VERIFY_HEAD, [escapes].into_iter()), &[], &[]);
    let wide = "é😀".repeat(EIGHT_MB / 6);
    let report = expect_text(&format!("[\"{wide}\" x]"), &[("", "invalid_json")], &[]);
    // The column counts characters, not bytes.
    let column = format!("column {}", wide.chars().count() + 5);
    assert!(
        report.errors[0].message.contains(&column),
        "{}",
        report.errors[0].message
    );
}

#[test]
fn bytes_that_are_not_utf8_are_invalid_json_with_a_position() {
    let cases: [(&[u8], &str); 7] = [
        (b"\xff", "line 1 column 1"),
        (b"{\"type\":\"\xc3\"}", "line 1 column 10"),
        (b"{\n\"a\":\"\xe2\x82\"}", "line 2 column 6"),
        (b"\"\xed\xa0\x80\"", "line 1 column 2"), // a UTF-8-encoded surrogate
        (b"\"\xc0\xaf\"", "line 1 column 2"),     // an overlong encoding
        (b"\"\xf4\x90\x80\x80\"", "line 1 column 2"), // beyond U+10FFFF
        (b"\"\xe9\"", "line 1 column 2"),         // Latin-1
    ];
    for (bytes, position) in cases {
        let report = validate_bytes(bytes, &Options::new());
        assert_eq!(
            pairs(&report),
            (one("", "invalid_json"), vec![]),
            "{bytes:?}"
        );
        assert!(
            report.errors[0].message.contains(position),
            "{bytes:?}: {}",
            report.errors[0].message
        );
    }
}

/// Regression (found by the fuzz invariants): a number literal beyond f64's range was
/// read as `null` wherever the core converts to a `serde_json::Value`: options text
/// dropped such an option as absent, and `parse_job` put `null` in `attributes`.
#[test]
fn numbers_beyond_f64_are_numbers_not_null() {
    for (text, path) in [
        (
            r#"{"strict": null, "utcOffsetMinutes": 1e400}"#,
            "/options/utcOffsetMinutes",
        ),
        (
            r#"{"firmware": {"maxAllowedForVerification": -1e400}}"#,
            "/options/firmware/maxAllowedForVerification",
        ),
    ] {
        let options = Options::from_json_str(text);
        let report = validate_json("{}", &options);
        assert_eq!(report.errors[0].path, path, "{text}");
        assert_eq!(report.errors[0].code, Code::InvalidOption, "{text}");
    }
    let body = r#"{"type":"upgrade","upgradePolicy":"snapshot","enableUpgradeRequest":true,"upgradeScope":{"type":"partial","versionNumbers":["1.0"],"attributes":{"a":[1e400,-1e400,1e-400]}}}"#;
    let job = enos_ota_job::parse_job(body, &Options::new())
        .expect("valid")
        .job;
    let text = serde_json::to_string(&job).expect("serializes");
    let again =
        enos_ota_job::parse_job(&text, &Options::new()).expect("the typed job is a valid body");
    assert_eq!(again.job, job);
    let values = &job.upgrade_scope().attributes.as_ref().expect("attributes")["a"];
    assert_eq!(values, &[json!(f64::MAX), json!(f64::MIN), json!(0.0)]);
}

/// Regression (found by the validate_structure fuzz target): serde_json's default float
/// parser can be one ulp off, so a typed job holding such a float in `attributes` did not
/// read back equal to itself after serializing.
#[test]
fn the_typed_model_reads_floats_back_exactly() {
    let floats = "4.1806722793175597e-178,32.501960784313724,-0,1.8446744073709552e19,18446744073709551616,5e-324,1.7976931348623157e308,18446744073709551615";
    let body = format!(
        r#"{{"type":"upgrade","upgradePolicy":"snapshot","enableUpgradeRequest":true,"upgradeScope":{{"type":"partial","versionNumbers":["1.0"],"attributes":{{"a":[{floats}]}}}}}}"#
    );
    let job = enos_ota_job::parse_job(&body, &Options::new())
        .expect("valid")
        .job;
    let text = serde_json::to_string(&job).expect("serializes");
    let again = enos_ota_job::parse_job(&text, &Options::new()).expect("valid");
    assert_eq!(again.job, job, "{text}");
    let values = &job.upgrade_scope().attributes.as_ref().expect("attributes")["a"];
    let read: Vec<f64> = values
        .iter()
        .map(|v| v.as_f64().expect("a number"))
        .collect();
    let want: Vec<f64> = floats.split(',').map(|f| f.parse().expect("f64")).collect();
    assert_eq!(read, want);
    assert!(
        values[2].as_f64().expect("-0").is_sign_negative(),
        "-0 stays a negative zero"
    );
}
