//! The JSON wire formats of the report, `normalize`, `buildRequest` and `parseResponse`,
//! tested against `json!` literals. Positions are tested on their own
//! (`positions_hints_and_fixes_on_the_wire`); elsewhere they are left out.

use enos_ota_job::{
    build_request_json, normalize_json, parse_response, validate_json, Code, Options, Severity,
};
use serde_json::{json, Value};

/// The wire JSON of `value`, without the position members.
fn wire<T: serde::Serialize>(value: &T) -> Value {
    fn strip(v: &mut Value) {
        match v {
            Value::Object(map) => {
                for key in ["line", "column", "endLine", "endColumn"] {
                    map.remove(key);
                }
                map.values_mut().for_each(strip);
            }
            Value::Array(items) => items.iter_mut().for_each(strip),
            _ => {}
        }
    }
    let mut v = serde_json::to_value(value).unwrap();
    strip(&mut v);
    v
}

const VERIFY_TOTAL_SEVEN: &str = r#"{"type":"verify","upgradeTimeout":"100","maximumConcurrency":3,
    "upgradeScope":{"type":"total","versionNumbers":["1.0"],"deviceKeys":["a","b","c","d","e","f","a"]}}"#;

#[test]
fn report_in_english() {
    let report = validate_json(VERIFY_TOTAL_SEVEN, &Options::new());
    assert_eq!(
        wire(&report),
        json!({
            "valid": false,
            "errors": [
                {"path": "/upgradeScope/type", "code": "verify_requires_partial",
                 "message": "upgradeScope type total is not allowed for verification task", "enosCode": 24611,
                 "hint": "set the scope type to partial and list the devices in deviceKeys"},
                {"path": "/upgradeScope/deviceKeys", "code": "too_many_device_keys",
                 "message": "7 device keys exceed the verification maximum of 5", "enosCode": 24612},
                {"path": "/upgradeTimeout", "code": "out_of_range",
                 "message": "must be between 300 and 172800", "enosCode": null}
            ],
            "warnings": [
                {"path": "/upgradeScope/deviceKeys/6", "code": "duplicate_value", "message": "repeats the value at index 0"},
                {"path": "/maximumConcurrency", "code": "ignored_field", "message": "ignored: a verify job does not use this field"},
                {"path": "/upgradeTimeout", "code": "numeric_string", "message": "a number written as a string: send the number",
                 "hint": "write the number 100 without quotes; the fix removes the quotes",
                 "fix": [{"op": "replace", "path": "/upgradeTimeout", "value": 100}]}
            ]
        })
    );
    // `to_json` is the same text as serde's.
    assert_eq!(report.to_json(), serde_json::to_string(&report).unwrap());
}

#[test]
fn report_in_chinese_and_strict() {
    let options = Options::from_json_value(&json!({"locale": "zh", "strict": true}));
    let report = validate_json(VERIFY_TOTAL_SEVEN, &options);
    assert_eq!(
        wire(&report),
        json!({
            "valid": false,
            "errors": [
                {"path": "/upgradeScope/type", "code": "verify_requires_partial",
                 "message": "验证任务不能使用 upgradeScope 的 total 选项", "enosCode": 24611,
                 "hint": "请把范围类型设为 partial,并在 deviceKeys 中列出设备"},
                {"path": "/upgradeScope/deviceKeys/6", "code": "duplicate_value",
                 "message": "与索引 0 处的值重复", "enosCode": null},
                {"path": "/upgradeScope/deviceKeys", "code": "too_many_device_keys",
                 "message": "7 个设备超过了验证任务允许的最大数 5", "enosCode": 24612},
                {"path": "/maximumConcurrency", "code": "ignored_field",
                 "message": "已忽略:验证任务不使用此字段", "enosCode": null},
                {"path": "/upgradeTimeout", "code": "numeric_string",
                 "message": "以字符串表示的数字:请直接发送数字", "enosCode": null,
                 "hint": "去掉引号,直接写数字 100;修复会去掉引号",
                 "fix": [{"op": "replace", "path": "/upgradeTimeout", "value": 100}]},
                {"path": "/upgradeTimeout", "code": "out_of_range",
                 "message": "必须在 300 到 172800 之间", "enosCode": null}
            ],
            "warnings": []
        })
    );
}

#[test]
fn positions_hints_and_fixes_on_the_wire() {
    let text = "{\n  \"type\": \"verify\",\n  \"upgradeScope\": {\"type\": \"partial\", \"versionNumbers\": [\"1\"],\n    \"devicekeys\": [\"d\"]}\n}";
    let report = validate_json(text, &Options::new());
    assert_eq!(
        serde_json::to_value(&report).unwrap(),
        json!({"valid": false, "errors": [
            {"path": "/upgradeScope/deviceKeys", "code": "required", "message": "this field is required",
             "enosCode": null, "line": 3, "column": 19, "endLine": 4, "endColumn": 25}
        ], "warnings": [
            {"path": "/upgradeScope/devicekeys", "code": "unknown_field", "message": "unknown field: the platform ignores it",
             "line": 4, "column": 5, "endLine": 4, "endColumn": 17,
             "hint": "did you mean `deviceKeys`? the fix renames the field",
             "fix": [{"op": "move", "from": "/upgradeScope/devicekeys", "path": "/upgradeScope/deviceKeys"}]}
        ]})
    );
    assert_eq!(report.to_json(), serde_json::to_string(&report).unwrap());
}

#[test]
fn a_valid_report() {
    let body = r#"{"type":"verify","upgradeScope":{"type":"partial","versionNumbers":["1"],"deviceKeys":["d"]}}"#;
    assert_eq!(
        wire(&validate_json(body, &Options::new())),
        json!({"valid": true, "errors": [], "warnings": []})
    );
}

#[test]
fn messages_follow_the_conventions_in_both_locales() {
    // One body per code family, so that every message is rendered at least once.
    let bodies = [
        ("{", json!({})),
        (
            r#"{"a":1,"a":2}"#,
            json!({"firmware": {"exists": false, "version": "1"}}),
        ),
        (
            r#"{"type":"upgrade","upgradePolicy":"x","enableUpgradeRequest":1,"upgradeTimeout":1.5,"name":{"defaultValue":""},
               "retryPolicy":{"enableRetry":false,"retryCount":2},
               "schedulePolicy":{"isRepeatDaily":true,"startTimestamp":1704150000000,"endTimestamp":1704151000000,"timezoneOffsetInMinutes":-90},
               "upgradeScope":{"type":"partial","versionNumbers":["1","1"],"tags":{"a":["b"]},"assetTrees":[{"treeId":"1"},{"treeId":"2"},{"treeId":"3"},{"treeId":"4"},{"treeId":"5"},{"treeId":"6"}]}}"#,
            json!({"firmware": {"version": "1", "enableVerification": true, "verified": false}, "bogus": 1}),
        ),
        (
            r#"{"type":"upgrade","upgradePolicy":"snapshot","enableUpgradeRequest":true,"schedulePolicy":{"startTimestamp":1,"endTimestamp":1704151000000},
               "upgradeScope":{"type":"partial","versionNumbers":["1"]}}"#,
            json!({"locale": "fr", "utcOffsetMinutes": 5000}),
        ),
        (VERIFY_TOTAL_SEVEN, json!({})),
        (
            r#"{"type":"upgrade","upgradePolicy":"snapshot","enableUpgradeRequest":true,"upgradeScope":{"type":"total","versionNumbers":["1"]},
               "schedulePolicy":{"isRepeatDaily":true,"startTimestamp":1704150000000,"endTimestamp":1704157200000}}"#,
            json!({}),
        ),
        (
            r#"{"type":"verify","upgradeScope":{"type":"partial","versionNumbers":["1"],"tags":{}},
               "schedulePolicy":{}}"#,
            json!({}),
        ),
        (
            r#"{"type":"upgrade","upgradePolicy":"snapshot","enableUpgradeRequest":true,"upgradeScope":{"type":"total","versionNumbers":["1"],"deviceKeys":["a"]},
               "schedulePolicy":{"startTimestamp":1704151000000,"endTimestamp":1704150000000}}"#,
            json!({}),
        ),
    ];
    let mut seen = std::collections::BTreeSet::new();
    for locale in ["en", "zh"] {
        for (text, options) in &bodies {
            let mut options = options.clone();
            if options.get("locale").is_none() {
                options["locale"] = json!(locale);
            }
            let report = validate_json(text, &Options::from_json_value(&options));
            for issue in report.errors.iter().chain(&report.warnings) {
                seen.insert(issue.code);
                let m = &issue.message;
                assert!(
                    !m.is_empty() && !m.ends_with('.') && !m.ends_with('。'),
                    "{m:?}"
                );
                assert_ne!(
                    m,
                    &issue.code.as_str().replace('_', " "),
                    "{} has no message of its own",
                    issue.code
                );
                if locale == "en" && options["locale"] == "en" {
                    assert!(!m.starts_with(|c: char| c.is_uppercase()), "{m:?}");
                }
            }
        }
    }
    let missing: Vec<_> = Code::ALL.iter().filter(|c| !seen.contains(c)).collect();
    assert_eq!(missing, Vec::<&Code>::new());
    assert_eq!(Code::UnknownField.severity(), Severity::Warning);
}

#[test]
fn normalize_wire() {
    let body = r#"{"type":"verify","upgradeScope":{"type":"partial","versionNumbers":["1"],"deviceKeys":["d"]}}"#;
    let normalized = normalize_json(body, &Options::new());
    let expected = json!({
        "report": {"valid": true, "errors": [], "warnings": []},
        "body": {"type": "verify", "upgradeScope": {"type": "partial", "versionNumbers": ["1"], "deviceKeys": ["d"]}, "upgradeTimeout": 7200}
    });
    assert_eq!(wire(&normalized), expected);
    assert_eq!(
        serde_json::from_str::<Value>(&normalized.to_json()).unwrap(),
        expected
    );
    // Member order is kept in the text.
    assert_eq!(
        normalized.to_json(),
        r#"{"report":{"valid":true,"errors":[],"warnings":[]},"body":{"type":"verify","upgradeScope":{"type":"partial","versionNumbers":["1"],"deviceKeys":["d"]},"upgradeTimeout":7200}}"#
    );
    let invalid = normalize_json("[]", &Options::new());
    assert_eq!(wire(&invalid)["body"], Value::Null);
    assert!(!invalid.to_json().contains("body"));
}

#[test]
fn build_request_wire() {
    let input = r#"{"orgId":"o","firmwareId":"f","body":{"type":"verify","upgradeScope":{"type":"partial","versionNumbers":["1"],"deviceKeys":["d"]}}}"#;
    assert_eq!(
        wire(&build_request_json(input, &Options::new())),
        json!({
            "report": {"valid": true, "errors": [], "warnings": []},
            "request": {
                "method": "POST",
                "url": "/connect-service/v2.1/ota-jobs?action=create&orgId=o&firmwareId=f",
                "headers": {"Content-Type": "application/json;charset=UTF-8"},
                "body": r#"{"type":"verify","upgradeScope":{"type":"partial","versionNumbers":["1"],"deviceKeys":["d"]}}"#
            }
        })
    );
    let bad = build_request_json(r#"{"firmwareId":"f","body":{}}"#, &Options::new());
    assert_eq!(
        wire(&bad),
        json!({"report": {"valid": false, "errors": [
            {"path": "/orgId", "code": "required", "message": "this field is required", "enosCode": null},
            {"path": "/body/type", "code": "required", "message": "this field is required", "enosCode": null},
            {"path": "/body/upgradeScope", "code": "required", "message": "this field is required", "enosCode": null}
        ], "warnings": []}})
    );
}

#[test]
fn parse_response_wire() {
    assert_eq!(
        wire(&parse_response(
            r#"{"code":0,"msg":"OK","requestId":"r","data":{"jobId":"j"}}"#
        )),
        json!({"ok": true, "jobId": "j", "requestId": "r"})
    );
    assert_eq!(
        wire(&parse_response(
            r#"{"code":24612,"msg":"Exceeded max verification deviceKeys, max[5]","requestId":"r"}"#
        )),
        json!({"ok": false, "code": 24612, "msg": "Exceeded max verification deviceKeys, max[5]", "requestId": "r", "error": "too_many_device_keys"})
    );
    assert_eq!(
        wire(&parse_response("null")),
        json!({"ok": false, "code": null, "msg": "the response is a JSON null, not an object", "error": "invalid_json"})
    );
}
