//! The `ota-job` binary: output formats and exit statuses.

use std::io::Write;
use std::process::{Command, Output, Stdio};

use serde_json::{json, Value};

const SEED: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/seed-request.json");

fn run(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_ota-job"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut input = child.stdin.take().unwrap();
    if let Some(bytes) = stdin {
        input.write_all(bytes).unwrap();
    }
    drop(input);
    child.wait_with_output().unwrap()
}

fn stdout(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).unwrap()
}

#[test]
fn the_seed_example_is_valid_with_two_warnings() {
    let out = run(&["validate", SEED], None);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        stdout(&out),
        "warning: /startSchedule: unknown_field: unknown field: the platform ignores it\n\
         warning: /endSchedule: unknown_field: unknown field: the platform ignores it\n"
    );
}

#[test]
fn json_output_is_the_exact_report_of_spec_3() {
    let out = run(&["validate", "--json", SEED], None);
    assert_eq!(out.status.code(), Some(0));
    let report: Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(
        report,
        json!({"valid": true, "errors": [], "warnings": [
            {"path": "/startSchedule", "code": "unknown_field", "message": "unknown field: the platform ignores it"},
            {"path": "/endSchedule", "code": "unknown_field", "message": "unknown field: the platform ignores it"}
        ]})
    );
}

#[test]
fn invalid_input_from_stdin_exits_1_with_options_applied() {
    let body = br#"{"type":"verify","upgradeScope":{"type":"total","versionNumbers":["1.0"],"deviceKeys":["a"]}}"#;
    let out = run(
        &["validate", "--json", "--options", r#"{"locale":"zh"}"#, "-"],
        Some(body),
    );
    assert_eq!(out.status.code(), Some(1));
    let report: Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(
        report,
        json!({"valid": false, "errors": [{
            "path": "/upgradeScope/type", "code": "verify_requires_partial",
            "message": "验证任务不能使用 upgradeScope 的 total 选项", "enosCode": 24611
        }], "warnings": []})
    );
    let text = run(&["validate"], Some(b"{\"type\": }"));
    assert_eq!(text.status.code(), Some(1));
    assert_eq!(
        stdout(&text),
        "error: \"\": invalid_json: expected a value at line 1 column 10\n"
    );
}

#[test]
fn bytes_that_are_not_utf8_are_invalid_json() {
    let out = run(&["validate", "--json"], Some(b"{\"type\":\"\xff\"}"));
    assert_eq!(out.status.code(), Some(1));
    let report: Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(
        report["errors"][0]["message"],
        "invalid UTF-8 at line 1 column 10"
    );
}

#[test]
fn bad_options_are_reported_not_fatal() {
    let out = run(&["validate", "--options", "{\"strict\":2}", SEED], None);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stdout(&out).starts_with("error: /options/strict: invalid_option: expected a boolean\n")
    );
}

#[test]
fn usage_and_io_errors_exit_2() {
    for args in [
        &["frobnicate"][..],
        &[],
        &["validate", "--nope"],
        &["validate", "a", "b"],
        &["validate", "--options"],
    ] {
        let out = run(args, None);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(
            String::from_utf8_lossy(&out.stderr).contains("usage: ota-job validate"),
            "{args:?}"
        );
    }
    let missing = run(&["validate", "/nonexistent/job.json"], None);
    assert_eq!(missing.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&missing.stderr)
        .starts_with("ota-job: cannot read /nonexistent/job.json"));
    let help = run(&["--help"], None);
    assert_eq!(help.status.code(), Some(0));
    assert!(stdout(&help).starts_with("usage: ota-job validate"));
}
