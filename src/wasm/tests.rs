//! The exports as the JS wrapper calls them (run by `make test-wasm-node` and
//! `make test-wasm-browser`).
use serde_json::{json, Value};
use wasm_bindgen_test::wasm_bindgen_test;

const BODY: &str = r#"{"type":"upgrade","upgradePolicy":"snapshot","enableUpgradeRequest":true,
    "upgradeScope":{"type":"partial","versionNumbers":["1.0"],"deviceKeys":["d1","d2"]}}"#;

/// Writes the options, the JS values list and the text into the input buffer as api.js
/// does; returns their lengths.
fn put(options: &str, foreign: &str, text: &str) -> (usize, usize, usize) {
    let all = [options, foreign, text].concat();
    let ptr = super::input_buffer(0, all.len());
    // SAFETY: input_buffer reserved all.len() bytes at ptr.
    unsafe { std::ptr::copy_nonoverlapping(all.as_ptr(), ptr, all.len()) };
    (options.len(), foreign.len(), text.len())
}

/// `validateInput`'s result as the wire format's JSON value, read from its block as
/// `pkg/api.js` reads it (the null address stands for the clean report).
fn validate(text: &str, options: &str, foreign: &str, positions: bool) -> Value {
    let (o, f, t) = put(options, foreign, text);
    read_block(super::validate_input(o, f, t, positions))
}

fn validate_json(text: &str, options: &str) -> Value {
    validate(text, options, "", true)
}

fn normalize_json(text: &str, options: &str) -> String {
    let (o, f, t) = put(options, "", text);
    super::normalize_input(o, f, t)
}

fn build_request_json(text: &str, options: &str) -> String {
    let (o, f, t) = put(options, "", text);
    super::build_request_input(o, f, t)
}

fn parse_response(text: &str) -> String {
    let (_, _, t) = put("", "", text);
    super::parse_response_input(t)
}

fn parse(text: &str) -> Value {
    serde_json::from_str(text).expect("the exports return JSON text")
}

/// The report of a block, read from the module's memory (`Report::read_block` is the
/// reference reader; the null address stands for the clean report).
fn read_block(at: *const u32) -> Value {
    if at.is_null() {
        return json!({"valid": true, "errors": [], "warnings": []});
    }
    // SAFETY: the block's header holds its length in words, and its text's length and
    // address; the arena (or, in these tests, a leak) keeps both.
    let (words, text) = unsafe {
        let words = std::slice::from_raw_parts(at, *at as usize);
        let text = std::slice::from_raw_parts(
            words[crate::report::TEXT_ADDRESS] as usize as *const u8,
            words[1] as usize,
        );
        (words, std::str::from_utf8(text).expect("UTF-8"))
    };
    crate::Report::read_block(words, text).expect("a block")
}

#[wasm_bindgen_test]
fn validate_json_export() {
    let (o, f, t) = put("", "", BODY);
    assert!(
        super::validate_input(o, f, t, true).is_null(),
        "a clean report is built in JS"
    );
    let warned = validate_json(&BODY.replace("{", "{\"x\":1,"), "");
    assert_eq!(warned["valid"], json!(true));
    assert_eq!(warned["warnings"][0]["code"], "unknown_field");
    let bad = validate_json(
        r#"{"type":"upgrade","upgradeTimeout":1}"#,
        r#"{"locale":"zh"}"#,
    );
    assert_eq!(bad["valid"], json!(false));
    let timeout = bad["errors"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["path"] == "/upgradeTimeout")
        .unwrap();
    assert_eq!(timeout["code"], "out_of_range");
    assert_eq!(timeout["enosCode"], Value::Null);
    assert!(timeout["message"]
        .as_str()
        .unwrap()
        .chars()
        .any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)));
}

#[wasm_bindgen_test]
fn blocks_carry_the_wire_format() {
    // Every value of the JSON wire format, in the block: non-ASCII text (UTF-16 slices),
    // positions, hints, enosCode, both kinds of fix operation, errors and warnings.
    let cases = [
        (
            r#"{"type":"verify","name":{"defaultValue":"升级任务𝄞"},"x":1}"#,
            "",
        ),
        (
            r#"{"type":"verify","upgradeScope":{"type":"total"}}"#,
            r#"{"locale":"zh"}"#,
        ),
        (
            r#"{"type":"upgrade","upgradeTimeout":"600","enableUpgradeReqest":true}"#,
            "",
        ),
        (
            r#"{"type":"upgrade","upgradePolicy":"Snapshot","devicekeys":["d"]}"#,
            r#"{"strict":true}"#,
        ),
        (
            "{\n  \"type\": \"verify\",\n  \"upgradeTimeout\": 1.5\n}",
            "",
        ),
        ("{", ""),
    ];
    for (text, options) in cases {
        let o = match options {
            "" => crate::Options::new(),
            _ => crate::Options::from_json_str(options),
        };
        let want = parse(&crate::validate_json(text, &o).to_json());
        assert_eq!(validate_json(text, options), want, "{text}");
    }
    let seen = |key: &str| {
        cases.iter().any(|(text, options)| {
            let r = validate_json(text, options);
            ["errors", "warnings"].iter().any(|list| {
                r[list].as_array().unwrap().iter().any(|i| {
                    let fix = i["fix"]
                        .as_array()
                        .map(|ops| ops.iter().map(|op| op["op"].clone()).collect::<Vec<_>>());
                    match key {
                        "move" | "replace" => fix.is_some_and(|ops| ops.contains(&json!(key))),
                        "enosCode" => i["enosCode"].is_number(),
                        _ => i.get(key).is_some(),
                    }
                })
            })
        })
    };
    for key in ["line", "hint", "move", "replace", "enosCode"] {
        assert!(seen(key), "no case shows {key}");
    }
}

#[wasm_bindgen_test]
fn input_buffer_in_two_steps() {
    // As api.js does for non-ASCII text: a first part, then more room, then the rest.
    let text = r#"{"type":"verify","name":{"defaultValue":"升级任务"},"x":1}"#;
    let (head, tail) = text.split_at(text.find('升').unwrap());
    let ptr = super::input_buffer(0, head.len());
    unsafe { std::ptr::copy_nonoverlapping(head.as_ptr(), ptr, head.len()) };
    let ptr = super::input_buffer(head.len(), text.len() * 3);
    unsafe { std::ptr::copy_nonoverlapping(tail.as_ptr(), ptr.add(head.len()), tail.len()) };
    let got = read_block(super::validate_input(0, 0, text.len(), true));
    let want = parse(&crate::validate_json(text, &crate::Options::new()).to_json());
    assert_eq!(got, want);
    assert_eq!(got["warnings"][0]["path"], "/x");
    // A big input, then small inputs still work.
    let big = format!(r#"{{"type":"verify","x":"{}"}}"#, "a".repeat(3 << 20));
    assert_eq!(validate_json(&big, "")["warnings"][0]["path"], "/x");
    for (text, options) in [(BODY, ""), ("{", r#"{"strict":true}"#), ("[]", "nonsense")] {
        let o = match options {
            "" => crate::Options::new(),
            _ => crate::Options::from_json_str(options),
        };
        let want = crate::validate_json(text, &o);
        assert_eq!(validate_json(text, options), parse(&want.to_json()));
    }
}

#[wasm_bindgen_test]
fn options_text_each_call() {
    // A bad option is reported, the next call with other options is not affected.
    let bad = validate_json(BODY, r#"{"locale":"fr","strict":1}"#);
    let paths: Vec<&str> = bad["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["path"].as_str().unwrap())
        .collect();
    assert_eq!(paths, ["/options/locale", "/options/strict"]);
    assert_eq!(validate_json(BODY, "")["valid"], json!(true));
    let not_json = validate_json(BODY, "{");
    assert_eq!(not_json["errors"][0]["path"], "/options");
    assert_eq!(not_json["errors"][0]["code"], "invalid_option");
    let strict = validate_json(r#"{"x":1}"#, r#"{"strict":true}"#);
    assert!(strict["errors"]
        .as_array()
        .unwrap()
        .iter()
        .any(|e| e["code"] == "unknown_field"));
    assert_eq!(
        validate_json(r#"{"x":1}"#, "")["warnings"][0]["code"],
        "unknown_field"
    );
}

#[wasm_bindgen_test]
fn normalize_export() {
    let out = parse(&normalize_json(BODY, ""));
    assert_eq!(out["report"]["valid"], json!(true));
    assert_eq!(out["body"]["upgradeTimeout"], json!(7200));
    assert_eq!(out["body"]["maximumConcurrency"], json!(300));
    assert_eq!(out["body"]["retryPolicy"], json!({"enableRetry": false}));
    let bad = parse(&normalize_json("{}", ""));
    assert_eq!(bad["report"]["valid"], json!(false));
    assert!(bad.get("body").is_none());
}

#[wasm_bindgen_test]
fn build_request_export() {
    let input = format!(
        r#"{{"apigwAddress":"https://h:8443","orgId":"o 1","firmwareId":"f","body":{BODY}}}"#
    );
    let out = parse(&build_request_json(&input, ""));
    assert_eq!(out["report"]["valid"], json!(true), "{out}");
    assert_eq!(
        out["request"]["url"],
        "https://h:8443/connect-service/v2.1/ota-jobs?action=create&orgId=o%201&firmwareId=f"
    );
    assert_eq!(out["request"]["method"], "POST");
    assert_eq!(parse(out["request"]["body"].as_str().unwrap()), parse(BODY));
    let bad = parse(&build_request_json(r#"{"body":{}}"#, ""));
    assert_eq!(bad["report"]["errors"][0]["path"], "/orgId");
    assert!(bad.get("request").is_none());
}

#[wasm_bindgen_test]
fn js_values_and_positions() {
    // validate(object): the text was written from a value, so no positions; the
    // values JSON could not carry come in as a list and get the core's messages.
    let text = r#"{"type":"verify","upgradeTimeout":0.5}"#;
    let foreign = r#"[["/upgradeTimeout","NaN"]]"#;
    let out = validate(text, r#"{"locale":"zh"}"#, foreign, false);
    let timeout = &out["errors"][1];
    assert_eq!(timeout["path"], "/upgradeTimeout");
    assert_eq!(
        timeout["message"],
        "NaN 不是 JSON 值(JSON 数字必须是有限数)"
    );
    assert!(timeout.get("line").is_none());
    // validateJson(text): positions.
    let out = validate_json(text, "");
    assert_eq!(out["errors"][1]["column"], 35);
    assert_eq!(
        out["errors"][1]["hint"],
        "write a whole number such as 7200"
    );
}

#[wasm_bindgen_test]
fn failure_texts_are_made_by_the_core() {
    let report = parse(&super::failure_text(0, r#"{"locale":"zh"}"#));
    assert_eq!(report["errors"][0]["code"], "invalid_json");
    assert_eq!(
        report["errors"][0]["message"],
        "无法检查该输入:它超出了 WebAssembly 内存"
    );
    let wrapped = parse(&super::failure_text(1, ""));
    assert_eq!(wrapped["report"]["valid"], json!(false));
    let response = parse(&super::failure_text(2, ""));
    assert_eq!(response["error"], "invalid_json");
    assert_eq!(response["code"], Value::Null);
}

#[wasm_bindgen_test]
fn parse_response_export() {
    let ok = parse(&parse_response(
        r#"{"code":0,"msg":"OK","data":{"jobId":"j"}}"#,
    ));
    assert_eq!(ok, json!({"ok": true, "jobId": "j"}));
    let junk = parse(&parse_response("<html>"));
    assert_eq!(junk["ok"], json!(false));
    assert_eq!(junk["code"], Value::Null);
    assert_eq!(junk["error"], "invalid_json");
}
