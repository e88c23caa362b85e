//! The `ota-job` binary, run on real files in a temporary directory: inputs and exit
//! statuses, option flags, the four output formats, the other commands, and robust I/O.
//! Every expected report comes from the library itself: the CLI holds no rule.

use std::fs;
use std::path::Path;
use std::process::{Command as StdCommand, Stdio};

use assert_cmd::Command;
use enos_ota_job::{validate_json, Locale, Options};
use predicates::prelude::*;
use serde_json::Value;
use tempfile::TempDir;

const BIN: &str = env!("CARGO_BIN_EXE_ota-job");

const VALID: &str = r#"{
  "type": "verify",
  "upgradeScope": {
    "type": "partial",
    "versionNumbers": ["1.0"],
    "deviceKeys": ["dev1"]
  }
}
"#;

/// One error (`verify_requires_partial`), one warning (`unknown_field`).
const INVALID: &str = r#"{
    "type": "verify",
    "upgradeScope": {
        "type": "total",
        "versionNumbers": ["1.0"],
        "deviceKeys": ["dev1"]
    },
    "extra": 1
}
"#;

/// Only a warning: valid.
const WARNING: &str = r#"{"type":"verify","upgradeScope":{"type":"partial","versionNumbers":["1.0"],"deviceKeys":["d"]},"x":true}"#;

fn ota() -> Command {
    let mut cmd = Command::new(BIN);
    cmd.env_remove("NO_COLOR");
    cmd
}

/// A temporary directory holding the given files (`sub/dir/name` paths allowed).
fn dir_with(files: &[(&str, &str)]) -> TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in files {
        let path = dir.path().join(name);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, text).unwrap();
    }
    dir
}

fn path(dir: &TempDir, name: &str) -> String {
    dir.path().join(name).display().to_string()
}

fn stdout_of(assert: &assert_cmd::assert::Assert) -> String {
    String::from_utf8(assert.get_output().stdout.clone()).unwrap()
}

fn stderr_of(assert: &assert_cmd::assert::Assert) -> String {
    String::from_utf8(assert.get_output().stderr.clone()).unwrap()
}

// ---- arguments ----------------------------------------------------------------

#[test]
fn help_and_version_exit_0_on_stdout() {
    ota()
        .arg("--help")
        .assert()
        .code(0)
        .stdout(predicate::str::contains("Usage: ota-job"))
        .stderr("");
    ota()
        .args(["validate", "-h"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("--utc-offset <MINUTES>"));
    ota()
        .arg("-V")
        .assert()
        .code(0)
        .stdout(format!("ota-job {}\n", env!("CARGO_PKG_VERSION")));
    ota()
        .args(["validate", "--version"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains(env!("CARGO_PKG_VERSION")));
}

#[test]
fn no_command_is_a_usage_error() {
    ota()
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::contains("Usage: ota-job"));
    ota()
        .arg("frobnicate")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("frobnicate"));
}

#[test]
fn an_unknown_flag_is_a_usage_error_naming_it() {
    let dir = dir_with(&[("a.json", VALID)]);
    for flag in ["--nope", "-q", "--nope=1"] {
        ota()
            .args(["validate", flag, &path(&dir, "a.json")])
            .assert()
            .code(2)
            .stdout("")
            .stderr(predicate::str::contains(flag.split('=').next().unwrap()));
    }
}

#[test]
fn double_dash_ends_the_options() {
    let dir = dir_with(&[("-q.json", VALID), ("--nope.json", INVALID)]);
    ota()
        .current_dir(dir.path())
        .args(["validate", "--format", "json", "--", "-q.json"])
        .assert()
        .code(0);
    ota()
        .current_dir(dir.path())
        .args(["validate", "--json", "--", "-q.json", "--nope.json"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains(
            r#"{"file":"--nope.json","valid":false"#,
        ));
}

#[test]
fn opt_equals_value_and_opt_space_value_are_the_same() {
    let dir = dir_with(&[("a.json", INVALID)]);
    let file = path(&dir, "a.json");
    let spaced = ota()
        .args(["validate", "--format", "json", "--locale", "zh", &file])
        .assert()
        .code(1);
    let joined = ota()
        .args(["validate", "--format=json", "--locale=zh", &file])
        .assert()
        .code(1);
    assert_eq!(stdout_of(&spaced), stdout_of(&joined));
    let expected = validate_json(INVALID, &Options::new().with_locale(Locale::Zh)).to_json();
    assert_eq!(stdout_of(&spaced), expected + "\n");
}

#[test]
fn bad_flag_values_are_usage_errors_that_say_why() {
    for (args, why) in [
        (&["--utc-offset", "841"][..], "-720..=840"),
        (&["--utc-offset=-721"][..], "-720..=840"),
        (&["--utc-offset", "abc"][..], "invalid digit"),
        (&["--max-verification", "0"][..], "1.."),
        (&["--locale", "fr"][..], "possible values: en, zh"),
        (&["--format", "xml"][..], "possible values"),
        (&["--color", "sometimes"][..], "possible values"),
    ] {
        ota()
            .arg("validate")
            .args(args)
            .arg("-")
            .write_stdin(VALID)
            .assert()
            .code(2)
            .stdout("")
            .stderr(predicate::str::contains(why));
    }
    // A negative offset is a value, not a flag.
    ota()
        .args(["validate", "--utc-offset", "-300", "-"])
        .write_stdin(VALID)
        .assert()
        .code(0);
}

#[test]
fn completions_for_bash_zsh_and_fish() {
    for shell in ["bash", "zsh", "fish"] {
        ota().args(["completions", shell]).assert().code(0).stdout(
            predicate::str::contains("validate").and(predicate::str::contains("utc-offset")),
        );
    }
    ota().args(["completions", "tcsh"]).assert().code(2);
}

// ---- options ------------------------------------------------------------------

#[test]
fn a_flag_wins_over_the_same_key_of_options() {
    let body = r#"{"type":"verify","upgradeScope":{"type":"partial","versionNumbers":["1.0"],"deviceKeys":["a","b","c"]},"x":1}"#;
    let cases: &[(&[&str], &str)] = &[
        (
            &["--options", r#"{"locale":"en"}"#, "--locale", "zh"],
            r#"{"locale":"zh"}"#,
        ),
        (
            &["--options", r#"{"strict":false}"#, "--strict"],
            r#"{"strict":true}"#,
        ),
        (
            &[
                "--options",
                r#"{"firmware":{"maxAllowedForVerification":10,"exists":true}}"#,
                "--max-verification",
                "2",
            ],
            r#"{"firmware":{"maxAllowedForVerification":2,"exists":true}}"#,
        ),
        (
            &["--no-firmware-exists"],
            r#"{"firmware":{"exists":false}}"#,
        ),
        (
            &["--no-firmware-exists", "--firmware-exists"],
            r#"{"firmware":{"exists":true}}"#,
        ),
        (
            &[
                "--enable-verification",
                "--not-verified",
                "--firmware-version",
                "1.0",
            ],
            r#"{"firmware":{"enableVerification":true,"verified":false,"version":"1.0"}}"#,
        ),
        (
            &["--verified", "--not-verified"],
            r#"{"firmware":{"verified":false}}"#,
        ),
        (
            &[
                "--utc-offset",
                "480",
                "--options",
                r#"{"utcOffsetMinutes":0}"#,
            ],
            r#"{"utcOffsetMinutes":480}"#,
        ),
    ];
    for (flags, same_as) in cases {
        let expected = validate_json(body, &Options::from_json_str(same_as)).to_json();
        ota()
            .args(["validate", "--json"])
            .args(*flags)
            .arg("-")
            .write_stdin(body)
            .assert()
            .stdout(expected + "\n");
    }
}

#[test]
fn bad_options_are_reported_by_the_library_not_fatal() {
    for options in [
        r#"{"strict":2}"#,
        r#"{"nope":1}"#,
        "{not json",
        r#"{"firmware":3}"#,
    ] {
        let expected = validate_json(VALID, &Options::from_json_str(options)).to_json();
        ota()
            .args(["validate", "--json", "--options", options, "-"])
            .write_stdin(VALID)
            .assert()
            .code(1)
            .stdout(expected + "\n");
    }
    // With a flag too, a bad `firmware` stays the library's to report.
    let expected = validate_json(
        VALID,
        &Options::from_json_str(r#"{"firmware":3,"strict":true}"#),
    )
    .to_json();
    ota()
        .args([
            "validate",
            "--json",
            "--strict",
            "--options",
            r#"{"firmware":3}"#,
            "--verified",
            "-",
        ])
        .write_stdin(VALID)
        .assert()
        .code(1)
        .stdout(expected + "\n");
}

// ---- inputs and exit statuses ---------------------------------------------------

#[test]
fn exit_status_0_valid_1_invalid_2_unreadable() {
    let dir = dir_with(&[
        ("ok.json", VALID),
        ("warn.json", WARNING),
        ("bad.json", INVALID),
    ]);
    let (ok, warn, bad) = (
        path(&dir, "ok.json"),
        path(&dir, "warn.json"),
        path(&dir, "bad.json"),
    );
    let missing = path(&dir, "missing.json");
    ota().args(["validate", &ok, &warn]).assert().code(0);
    ota().args(["validate", &ok, &bad, &warn]).assert().code(1);
    let assert = ota()
        .args(["validate", "--json", &ok, &missing, &bad])
        .assert()
        .code(2);
    // The unreadable input is named on stderr; the others are still checked, on stdout.
    assert!(stderr_of(&assert).contains(&format!("cannot read {missing}")));
    let lines: Vec<Value> = stdout_of(&assert)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["file"], ok.as_str());
    assert_eq!(lines[1]["file"], bad.as_str());
    assert_eq!(lines[1]["valid"], false);
    // Under --strict the warning is an error.
    ota().args(["validate", "--strict", &warn]).assert().code(1);
}

#[test]
fn a_directory_is_every_json_file_under_it_sorted() {
    let dir = dir_with(&[
        ("jobs/b.json", VALID),
        ("jobs/a.json", INVALID),
        ("jobs/sub/c.json", WARNING),
        ("jobs/notes.txt", "not json"),
        ("jobs/z.JSON", VALID),
    ]);
    let jobs = path(&dir, "jobs");
    let assert = ota().args(["validate", "--json", &jobs]).assert().code(1);
    let files: Vec<String> = stdout_of(&assert)
        .lines()
        .map(|l| {
            serde_json::from_str::<Value>(l).unwrap()["file"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect();
    let expected: Vec<String> = ["a.json", "b.json", "sub/c.json", "z.JSON"]
        .iter()
        .map(|f| Path::new(&jobs).join(f).display().to_string())
        .collect();
    assert_eq!(files, expected);
    // An empty directory is said, and checks nothing.
    fs::create_dir(dir.path().join("empty")).unwrap();
    ota()
        .args(["validate", &path(&dir, "empty")])
        .assert()
        .code(0)
        .stderr(predicate::str::contains("no *.json file"));
}

#[test]
fn standard_input_is_dash_or_no_argument() {
    let expected = validate_json(INVALID, &Options::new()).to_json() + "\n";
    ota()
        .args(["validate", "--json"])
        .write_stdin(INVALID)
        .assert()
        .code(1)
        .stdout(expected.clone());
    ota()
        .args(["validate", "--json", "-"])
        .write_stdin(INVALID)
        .assert()
        .code(1)
        .stdout(expected);
    ota()
        .args(["validate", "-"])
        .write_stdin(VALID)
        .assert()
        .code(0)
        .stdout(predicate::str::starts_with("1 file checked"));
}

#[test]
fn bytes_that_are_not_utf8_are_invalid_json_with_a_position() {
    let dir = dir_with(&[]);
    let file = dir.path().join("latin1.json");
    fs::write(&file, b"{\"type\":\"\xff\"}").unwrap();
    let expected = enos_ota_job::validate_bytes(b"{\"type\":\"\xff\"}", &Options::new());
    assert_eq!(expected.errors[0].code.as_str(), "invalid_json");
    ota()
        .args(["validate", "--json"])
        .arg(&file)
        .assert()
        .code(1)
        .stdout(expected.to_json() + "\n");
}

#[test]
fn an_input_over_256_mib_is_refused_without_reading_it() {
    let dir = dir_with(&[]);
    let big = dir.path().join("big.json");
    let file = fs::File::create(&big).unwrap();
    file.set_len(256 * 1024 * 1024 + 1).unwrap(); // sparse: costs no disk
    drop(file);
    let ok = dir.path().join("ok.json");
    fs::write(&ok, VALID).unwrap();
    ota()
        .arg("validate")
        .arg(&big)
        .arg(&ok)
        .assert()
        .code(2)
        .stdout(predicate::str::contains("1 file checked"))
        .stderr(
            predicate::str::contains("big.json: too large")
                .and(predicate::str::contains("256 MiB")),
        );
}

#[test]
fn a_directory_given_as_the_one_input_of_normalize_is_an_io_error() {
    let dir = dir_with(&[]);
    ota()
        .arg("normalize")
        .arg(dir.path())
        .assert()
        .code(2)
        .stderr(predicate::str::contains("cannot read"));
}

// ---- robust output ---------------------------------------------------------------

/// Runs `ota-job ARGS` with a standard output whose reader has gone away before the
/// first write, and returns its exit status and stderr.
fn with_closed_stdout(args: &str, stdin_file: Option<&Path>) -> (i32, String) {
    // `true` exits at once; `sleep` makes sure it did before ota-job writes.
    let redirect = stdin_file.map_or(String::new(), |p| format!(" < '{}'", p.display()));
    let script =
        format!("{{ sleep 0.3; \"$0\" {args}{redirect}; echo \"status=$?\" >&2; }} | true");
    let out = StdCommand::new("sh")
        .args(["-c", &script, BIN])
        .stdin(Stdio::null())
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr).to_string();
    let status = stderr
        .lines()
        .find_map(|l| l.strip_prefix("status="))
        .and_then(|s| s.parse().ok())
        .unwrap_or(-1);
    (status, stderr)
}

#[test]
fn a_closed_stdout_ends_quietly_with_the_normal_status() {
    let (status, stderr) = with_closed_stdout("--help", None);
    assert_eq!((status, stderr.as_str()), (0, "status=0\n"));
    let (status, stderr) = with_closed_stdout("validate --version", None);
    assert_eq!((status, stderr.as_str()), (0, "status=0\n"));
    let dir = dir_with(&[("bad.json", INVALID), ("ok.json", VALID)]);
    for format in ["text", "json", "github", "sarif"] {
        let (status, stderr) = with_closed_stdout(
            &format!("validate --format {format} {}", path(&dir, "bad.json")),
            None,
        );
        assert_eq!((status, stderr.as_str()), (1, "status=1\n"), "{format}");
        let (status, _) = with_closed_stdout(
            &format!("validate --format {format} {}", path(&dir, "ok.json")),
            None,
        );
        assert_eq!(status, 0, "{format}");
    }
    let (status, stderr) = with_closed_stdout("completions bash", None);
    assert_eq!((status, stderr.as_str()), (0, "status=0\n"));
    let (status, stderr) = with_closed_stdout("normalize -", Some(&dir.path().join("ok.json")));
    assert_eq!((status, stderr.as_str()), (0, "status=0\n"));
}

#[test]
fn much_output_into_head_ends_quietly() {
    // More output than a pipe holds, so the writer meets the closed pipe mid-run.
    let files: Vec<(String, &str)> = (0..300)
        .map(|i| (format!("j{i:03}.json"), INVALID))
        .collect();
    let refs: Vec<(&str, &str)> = files.iter().map(|(n, t)| (n.as_str(), *t)).collect();
    let dir = dir_with(&refs);
    let out = StdCommand::new("bash")
        .args([
            "-c",
            "\"$0\" validate --format github \"$1\" | head -n 1 >/dev/null; echo \"status=${PIPESTATUS[0]}\" >&2",
            BIN,
            &path(&dir, ""),
        ])
        .output()
        .unwrap();
    assert_eq!(String::from_utf8_lossy(&out.stderr), "status=1\n");
}

// ---- formats -------------------------------------------------------------------

#[test]
fn text_one_block_per_problem_then_a_summary() {
    let dir = dir_with(&[("a.json", INVALID), ("b.json", VALID), ("c.json", WARNING)]);
    let assert = ota()
        .current_dir(dir.path())
        .args(["validate", "a.json", "b.json", "c.json"])
        .assert()
        .code(1);
    let out = stdout_of(&assert);
    let report = validate_json(INVALID, &Options::new());
    let error = &report.errors[0];
    let header = out.lines().next().unwrap();
    assert!(header.starts_with("a.json:"), "{out}");
    assert!(
        header.ends_with(&format!(" error[{}]: {}", error.code, error.message)),
        "{out}"
    );
    assert!(
        out.contains(&format!("  = path: {}\n", error.path)),
        "{out}"
    );
    assert!(out.contains(" warning[unknown_field]: "), "{out}");
    assert!(out.contains("c.json"), "{out}");
    assert!(!out.contains("b.json"), "{out}");
    assert!(
        out.ends_with("3 files checked: 1 error, 2 warnings\n"),
        "{out}"
    );
    assert!(!out.contains('\x1b'), "no colour off a terminal: {out}");
}

#[test]
fn json_one_input_is_exactly_the_library_report() {
    let dir = dir_with(&[("a.json", INVALID)]);
    ota()
        .args(["validate", "--format", "json", &path(&dir, "a.json")])
        .assert()
        .code(1)
        .stdout(validate_json(INVALID, &Options::new()).to_json() + "\n");
}

#[test]
fn json_several_inputs_are_json_lines() {
    let dir = dir_with(&[("a.json", INVALID), ("b.json", VALID)]);
    let assert = ota()
        .current_dir(dir.path())
        .args(["validate", "--json", "a.json", "b.json"])
        .assert()
        .code(1);
    let out = stdout_of(&assert);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 2);
    for (line, (name, text)) in lines.iter().zip([("a.json", INVALID), ("b.json", VALID)]) {
        let mut expected: Value =
            serde_json::from_str(&validate_json(text, &Options::new()).to_json()).unwrap();
        expected["file"] = name.into();
        let got: Value = serde_json::from_str(line).unwrap();
        assert_eq!(got, expected);
        assert!(line.starts_with(&format!("{{\"file\":\"{name}\",\"valid\":")));
    }
}

#[test]
fn github_workflow_commands_escaped_as_documented() {
    let dir = dir_with(&[("a,b:c%.json", INVALID), ("ok.json", VALID)]);
    let assert = ota()
        .current_dir(dir.path())
        .args(["validate", "--format", "github", "a,b:c%.json", "ok.json"])
        .assert()
        .code(1);
    let out = stdout_of(&assert);
    let report = validate_json(INVALID, &Options::new());
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 2, "{out}");
    let error = &report.errors[0];
    assert!(
        lines[0].starts_with("::error file=a%2Cb%3Ac%25.json,"),
        "{out}"
    );
    assert!(
        lines[0].contains(&format!(",title=ota-job {}::{}", error.code, error.message)),
        "{out}"
    );
    assert!(
        lines[0].contains(&format!("%0Apath: {}", error.path)),
        "{out}"
    );
    assert!(
        lines[1].starts_with("::warning file=a%2Cb%3Ac%25.json,"),
        "{out}"
    );
    assert!(lines[1].contains("title=ota-job unknown_field::"), "{out}");
}

fn sarif_validator() -> jsonschema::Validator {
    let schema: Value = serde_json::from_str(include_str!("cli/sarif-schema-2.1.0.json")).unwrap();
    jsonschema::draft4::options()
        .should_validate_formats(true)
        .build(&schema)
        .unwrap()
}

fn assert_valid_sarif(log: &Value) {
    let validator = sarif_validator();
    let errors: Vec<String> = validator
        .iter_errors(log)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{errors:#?}\n{log:#}");
}

#[test]
fn sarif_one_log_valid_against_the_sarif_2_1_0_schema() {
    let dir = dir_with(&[
        ("jobs/a b.json", INVALID),
        ("jobs/ok.json", VALID),
        ("jobs/w.json", WARNING),
        ("jobs/not-json.json", "{\"type\": }"),
    ]);
    let assert = ota()
        .current_dir(dir.path())
        .args(["validate", "--format", "sarif", "jobs", "missing.json"])
        .assert()
        .code(2);
    let log: Value = serde_json::from_str(&stdout_of(&assert)).unwrap();
    assert_valid_sarif(&log);
    assert_eq!(log["version"], "2.1.0");
    let run = &log["runs"][0];
    assert_eq!(log["runs"].as_array().unwrap().len(), 1);
    let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
    assert_eq!(rules.len(), enos_ota_job::Code::ALL.len());
    for (rule, code) in rules.iter().zip(enos_ota_job::Code::ALL) {
        assert_eq!(rule["id"], code.as_str());
        assert!(rule["shortDescription"]["text"]
            .as_str()
            .is_some_and(|t| !t.is_empty()));
    }
    let results = run["results"].as_array().unwrap();
    let uris: Vec<&str> = results
        .iter()
        .map(|r| {
            r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
                .as_str()
                .unwrap()
        })
        .collect();
    assert_eq!(
        uris,
        [
            "jobs/a%20b.json",
            "jobs/a%20b.json",
            "jobs/not-json.json",
            "jobs/w.json"
        ]
    );
    let first = &results[0];
    let report = validate_json(INVALID, &Options::new());
    assert_eq!(first["ruleId"], report.errors[0].code.as_str());
    assert_eq!(first["level"], "error");
    assert_eq!(
        first["message"]["text"]
            .as_str()
            .unwrap()
            .lines()
            .next()
            .unwrap(),
        report.errors[0].message
    );
    assert_eq!(
        first["locations"][0]["logicalLocations"][0]["fullyQualifiedName"],
        report.errors[0].path.as_str()
    );
    assert_eq!(
        rules[first["ruleIndex"].as_u64().unwrap() as usize]["id"],
        first["ruleId"]
    );
    assert_eq!(results[1]["level"], "warning");
    // The unreadable input is a notification of a failed invocation.
    let invocation = &run["invocations"][0];
    assert_eq!(invocation["executionSuccessful"], false);
    let note = invocation["toolExecutionNotifications"][0]["message"]["text"]
        .as_str()
        .unwrap();
    assert!(note.starts_with("cannot read missing.json"), "{note}");
    // A clean run is valid SARIF too.
    let clean = ota()
        .current_dir(dir.path())
        .args(["validate", "--format=sarif", "jobs/ok.json"])
        .assert()
        .code(0);
    let log: Value = serde_json::from_str(&stdout_of(&clean)).unwrap();
    assert_valid_sarif(&log);
    assert_eq!(log["runs"][0]["results"], Value::Array(vec![]));
}

#[test]
fn the_schema_fixture_rejects_a_broken_log() {
    // The check has teeth: a result without its message is refused.
    let log = serde_json::json!({"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "x"}},
        "results": [{"ruleId": "r"}]}]});
    assert!(!sarif_validator().is_valid(&log));
}

// ---- colour and code frames ----------------------------------------------------

#[test]
fn colour_only_when_asked_or_on_a_terminal_without_no_color() {
    let dir = dir_with(&[("a.json", INVALID)]);
    let file = path(&dir, "a.json");
    let always = ota()
        .args(["--color", "always", "validate", &file])
        .assert()
        .code(1);
    assert!(stdout_of(&always).contains("\x1b["));
    let always_sub = ota()
        .args(["validate", "--color=always", &file])
        .assert()
        .code(1);
    assert!(stdout_of(&always_sub).contains("\x1b["));
    let never = ota()
        .args(["validate", "--color", "never", &file])
        .assert()
        .code(1);
    assert!(!stdout_of(&never).contains('\x1b'));
    let piped = ota().args(["validate", &file]).assert().code(1);
    assert!(!stdout_of(&piped).contains('\x1b'));
    // An explicit --color always wins over NO_COLOR; NO_COLOR only changes `auto`.
    let forced = ota()
        .env("NO_COLOR", "1")
        .args(["validate", "--color", "always", &file])
        .assert()
        .code(1);
    assert!(stdout_of(&forced).contains("\x1b["));
    // On a terminal (script(1) gives one): colour by default, none under NO_COLOR.
    if let Some(tty) = on_terminal(&format!("'{BIN}' validate '{file}'"), None) {
        assert!(tty.contains("\x1b["), "{tty:?}");
    }
    if let Some(tty) = on_terminal(&format!("'{BIN}' validate '{file}'"), Some("1")) {
        assert!(!tty.contains('\x1b'), "{tty:?}");
        assert!(tty.contains("error[verify_requires_partial]"), "{tty:?}");
    }
}

/// Runs a shell command line on a pseudo-terminal (util-linux `script`); `None` when
/// this machine has no `script`.
fn on_terminal(command: &str, no_color: Option<&str>) -> Option<String> {
    let mut cmd = StdCommand::new("script");
    cmd.args(["-qec", command, "/dev/null"])
        .stdin(Stdio::null());
    cmd.env_remove("NO_COLOR");
    if let Some(v) = no_color {
        cmd.env("NO_COLOR", v);
    }
    let out = cmd.output().ok()?;
    Some(String::from_utf8_lossy(&out.stdout).replace("\r\n", "\n"))
}

// ---- fix, normalize, request, schema --------------------------------------------

#[test]
fn normalize_prints_the_body_with_defaults_or_the_report() {
    let dir = dir_with(&[("ok.json", VALID), ("bad.json", INVALID)]);
    let normalized = enos_ota_job::normalize_json(VALID, &Options::new());
    let assert = ota()
        .args(["normalize", &path(&dir, "ok.json")])
        .assert()
        .code(0);
    let got: Value = serde_json::from_str(&stdout_of(&assert)).unwrap();
    assert_eq!(got, normalized.body_value().unwrap());
    // The body's member order is kept.
    let keys: Vec<&String> = got.as_object().unwrap().keys().collect();
    assert!(!keys.is_empty());
    ota()
        .args(["normalize", "--json", &path(&dir, "ok.json")])
        .assert()
        .code(0)
        .stdout(normalized.to_json() + "\n");
    ota()
        .args(["normalize", "--json", &path(&dir, "bad.json")])
        .assert()
        .code(1)
        .stdout(validate_json(INVALID, &Options::new()).to_json() + "\n");
}

const ORG: &str = "o'rg $HOME \"q\" é";
const FIRMWARE: &str = "fw`id` \\ 1";

/// The library's request for ORG, FIRMWARE, a gateway and a body text.
fn expected_request(apigw: &str, body: &str) -> enos_ota_job::HttpRequest {
    let s = |v: &str| serde_json::to_string(v).unwrap();
    let input = format!(
        "{{\"orgId\":{},\"firmwareId\":{},\"apigwAddress\":{},\"body\":{body}}}",
        s(ORG),
        s(FIRMWARE),
        s(apigw)
    );
    let built = enos_ota_job::build_request_json(&input, &Options::new());
    built.request.expect("a valid request")
}

#[test]
fn request_prints_method_url_headers_and_body() {
    let dir = dir_with(&[("ok.json", VALID)]);
    let request = expected_request("apim.example.com", VALID);
    let assert = ota()
        .args([
            "request",
            "--org-id",
            ORG,
            "--firmware-id",
            FIRMWARE,
            "--apigw",
            "apim.example.com",
        ])
        .arg(path(&dir, "ok.json"))
        .assert()
        .code(0);
    let out = stdout_of(&assert);
    let mut lines = out.lines();
    assert_eq!(lines.next().unwrap(), format!("POST {}", request.url));
    for (name, value) in &request.headers {
        assert_eq!(lines.next().unwrap(), format!("{name}: {value}"));
    }
    assert_eq!(lines.next().unwrap(), "");
    assert_eq!(
        out.split_once("\n\n").unwrap().1,
        format!("{}\n", request.body)
    );
}

#[test]
fn request_reports_an_invalid_body_or_flag() {
    let dir = dir_with(&[("bad.json", INVALID), ("broken.json", "{\"type\": }")]);
    let assert = ota()
        .args([
            "request",
            "--org-id",
            "o",
            "--firmware-id",
            "f",
            "--json",
            &path(&dir, "bad.json"),
        ])
        .assert()
        .code(1);
    let report: Value = serde_json::from_str(&stdout_of(&assert)).unwrap();
    assert_eq!(report["errors"][0]["path"], "/body/upgradeScope/type");
    ota()
        .args([
            "request",
            "--org-id",
            "o",
            "--firmware-id",
            "f",
            "--json",
            &path(&dir, "broken.json"),
        ])
        .assert()
        .code(1)
        .stdout(validate_json("{\"type\": }", &Options::new()).to_json() + "\n");
    let assert = ota()
        .args([
            "request",
            "--org-id",
            "o",
            "--firmware-id",
            "f",
            "--apigw",
            "not a host/",
            "--json",
        ])
        .arg(path(&dir, "bad.json"))
        .assert()
        .code(1);
    let report: Value = serde_json::from_str(&stdout_of(&assert)).unwrap();
    assert!(report["errors"]
        .as_array()
        .unwrap()
        .iter()
        .any(|e| e["path"] == "/apigwAddress"));
    ota()
        .args(["request", "--firmware-id", "f", "-"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--org-id"));
    ota()
        .args([
            "request",
            "--org-id",
            "o",
            "--firmware-id",
            "f",
            "--curl",
            "-",
        ])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--apigw"));
}

#[test]
fn request_curl_quotes_every_value_for_the_shell() {
    let body = "{\"type\":\"verify\",\"name\":{\"defaultValue\":\"it's $HOME `x` \\\"q\\\" 日本 \\\\n\"},\n \"upgradeScope\":{\"type\":\"partial\",\"versionNumbers\":[\"1.0\"],\"deviceKeys\":[\"d'1\"]}}";
    let dir = dir_with(&[("job.json", body)]);
    let request = expected_request("https://apim.example.com:8443", body);
    let assert = ota()
        .args([
            "request",
            "--curl",
            "--org-id",
            ORG,
            "--firmware-id",
            FIRMWARE,
        ])
        .args(["--apigw", "https://apim.example.com:8443"])
        .arg(path(&dir, "job.json"))
        .assert()
        .code(0);
    let command = stdout_of(&assert);
    let last = command.lines().last().unwrap();
    assert!(
        last.starts_with("# ") && last.contains("authentication header"),
        "{command}"
    );
    // The shell must hand curl exactly these arguments.
    let mut expected = vec!["-X".to_string(), "POST".into(), request.url.clone()];
    for (name, value) in &request.headers {
        expected.push("-H".into());
        expected.push(format!("{name}: {value}"));
    }
    expected.push("--data-raw".into());
    expected.push(request.body.clone());
    let script =
        format!("curl() {{ for a in \"$@\"; do printf '%s\\0' \"$a\"; done; }}\n{command}");
    let out = StdCommand::new("sh")
        .args(["-c", &script])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let args: Vec<String> = String::from_utf8(out.stdout)
        .unwrap()
        .split_terminator('\0')
        .map(String::from)
        .collect();
    assert_eq!(args, expected);
}

#[test]
fn schema_prints_the_library_schema() {
    let out = ota()
        .arg("schema")
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    let printed: serde_json::Value = serde_json::from_slice(&out).expect("JSON");
    let shipped: serde_json::Value = serde_json::from_str(enos_ota_job::JSON_SCHEMA).unwrap();
    assert_eq!(printed, shipped);
    assert_eq!(
        printed["$schema"],
        "https://json-schema.org/draft/2020-12/schema"
    );
}

// ---- positions, hints, frames and fixes (the library's diagnostics) -------------

/// Four-space indent, CRLF-free; three machine-applicable fixes and one left by hand.
const FIXABLE_4: &str = "{\n    \"type\": \"upgrade\",\n    \"upgradePolicy\": \"Snapshot\",\n    \"enableUpgradeRequest\": true,\n    \"deviceKeys\": [\"d1\"],\n    \"upgradeScope\": {\"type\": \"partial\", \"versionNumbers\": [\"1.0\"]},\n    \"upgradeTimeOut\": 600\n}\n";

#[test]
fn text_shows_line_column_hint_and_a_frame_when_asked() {
    let dir = dir_with(&[("f.json", FIXABLE_4)]);
    let report = validate_json(FIXABLE_4, &Options::new());
    let assert = ota()
        .current_dir(dir.path())
        .args(["validate", "--frame", "always", "f.json"])
        .assert()
        .code(1);
    let out = stdout_of(&assert);
    for issue in report.errors.iter().chain(&report.warnings) {
        let span = issue.span.expect("a position from text");
        let level = if report.errors.contains(issue) {
            "error"
        } else {
            "warning"
        };
        let header = format!(
            "f.json:{}:{}: {level}[{}]: {}\n  = path: {}\n",
            span.line, span.column, issue.code, issue.message, issue.path
        );
        assert!(out.contains(&header), "{header}\n{out}");
        if let Some(hint) = &issue.hint {
            assert!(
                out.contains(&format!("{header}  = hint: {hint}\n")),
                "{out}"
            );
        }
        // The frame shows the span's line with carets under the span.
        let line = FIXABLE_4.lines().nth(span.line - 1).unwrap();
        assert!(out.contains(&format!("{} | {line}\n", span.line)), "{out}");
    }
    assert!(out.contains("^^^^^^^^^^"), "{out}");
    // No frame off a terminal by default, nor with --frame never.
    for args in [
        &["validate", "f.json"][..],
        &["validate", "--frame", "never", "f.json"],
    ] {
        let plain = ota().current_dir(dir.path()).args(args).assert().code(1);
        assert!(!stdout_of(&plain).contains(" | "), "{}", stdout_of(&plain));
    }
    // On a terminal: a frame by default.
    if let Some(tty) = on_terminal(
        &format!("cd '{}' && '{BIN}' validate f.json", dir.path().display()),
        Some("1"),
    ) {
        assert!(
            tty.contains("3 |     \"upgradePolicy\": \"Snapshot\","),
            "{tty}"
        );
    }
}

#[test]
fn invalid_json_points_at_the_syntax_error() {
    let text = "{\n  \"type\": \"verify\",\n  \"upgradeScope\": }\n";
    let dir = dir_with(&[("broken.json", text)]);
    let span = validate_json(text, &Options::new()).errors[0].span.unwrap();
    ota()
        .current_dir(dir.path())
        .args(["validate", "broken.json"])
        .assert()
        .code(1)
        .stdout(predicate::str::starts_with(format!(
            "broken.json:{}:{}: error[invalid_json]: ",
            span.line, span.column
        )));
}

#[test]
fn github_and_sarif_carry_the_positions() {
    let dir = dir_with(&[("f.json", FIXABLE_4)]);
    let report = validate_json(FIXABLE_4, &Options::new());
    let first = &report.errors[0];
    let span = first.span.unwrap();
    let github = ota()
        .current_dir(dir.path())
        .args(["validate", "--format", "github", "f.json"])
        .assert()
        .code(1);
    let line = stdout_of(&github).lines().next().unwrap().to_string();
    let columns = if span.line == span.end_line {
        format!(
            "col={},endLine={},endColumn={},",
            span.column, span.end_line, span.end_column
        )
    } else {
        format!("endLine={},", span.end_line)
    };
    assert!(
        line.starts_with(&format!(
            "::error file=f.json,line={},{columns}title=ota-job {}::",
            span.line, first.code
        )),
        "{line}"
    );
    if let Some(hint) = &first.hint {
        assert!(line.ends_with(&format!("%0Ahint: {hint}")), "{line}");
    }
    let sarif = ota()
        .current_dir(dir.path())
        .args(["validate", "--format", "sarif", "f.json"])
        .assert()
        .code(1);
    let log: Value = serde_json::from_str(&stdout_of(&sarif)).unwrap();
    assert_valid_sarif(&log);
    let region = &log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"];
    assert_eq!(
        (
            &region["startLine"],
            &region["startColumn"],
            &region["endLine"],
            &region["endColumn"]
        ),
        (
            &span.line.into(),
            &span.column.into(),
            &span.end_line.into(),
            &span.end_column.into()
        )
    );
    assert_eq!(log["runs"][0]["columnKind"], "unicodeCodePoints");
}

#[test]
fn fix_prints_the_fixed_body_and_reports_what_is_left_on_stderr() {
    let dir = dir_with(&[("f.json", FIXABLE_4)]);
    let fixed = enos_ota_job::fix_json(FIXABLE_4, &Options::new());
    assert!(fixed.applied >= 2);
    let assert = ota()
        .current_dir(dir.path())
        .args(["fix", "f.json"])
        .assert()
        .code(if fixed.report.valid { 0 } else { 1 })
        .stdout(fixed.text.clone().unwrap());
    assert!(stderr_of(&assert).contains(&format!("f.json: {} fixes applied", fixed.applied)));
    // The file itself is untouched.
    assert_eq!(
        fs::read_to_string(dir.path().join("f.json")).unwrap(),
        FIXABLE_4
    );
    // Several inputs need --write; --write cannot rewrite stdin.
    ota()
        .current_dir(dir.path())
        .args(["fix", "f.json", "f.json"])
        .assert()
        .code(2);
    ota()
        .args(["fix", "--write", "-"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("standard input"));
}

#[test]
fn fix_write_rewrites_keeping_key_order_and_indentation() {
    let two = FIXABLE_4.replace("    ", "  ");
    let clean = VALID;
    let dir = dir_with(&[
        ("jobs/four.json", FIXABLE_4),
        ("jobs/two.json", &two),
        ("jobs/clean.json", clean),
    ]);
    let clean_path = dir.path().join("jobs/clean.json");
    let before = fs::metadata(&clean_path).unwrap().modified().unwrap();
    let assert = ota()
        .current_dir(dir.path())
        .args(["fix", "--write", "--json", "jobs"])
        .assert();
    let four = fs::read_to_string(dir.path().join("jobs/four.json")).unwrap();
    let two_after = fs::read_to_string(dir.path().join("jobs/two.json")).unwrap();
    let fixed4 = enos_ota_job::fix_json(FIXABLE_4, &Options::new());
    let fixed2 = enos_ota_job::fix_json(&two, &Options::new());
    assert_eq!(four, fixed4.text.unwrap());
    assert_eq!(two_after, fixed2.text.unwrap());
    assert!(
        four.contains("\n    \"upgradePolicy\": \"snapshot\",\n"),
        "{four}"
    );
    assert!(
        two_after.contains("\n  \"upgradePolicy\": \"snapshot\",\n"),
        "{two_after}"
    );
    // Key order kept: the members that were there stay in their order.
    let order = |text: &str| -> Vec<String> {
        text.lines()
            .filter(|l| l.starts_with("    \"") && !l.starts_with("     "))
            .map(|l| l.trim().split('"').nth(1).unwrap().to_string())
            .collect()
    };
    assert_eq!(
        order(&four)[..3],
        ["type", "upgradePolicy", "enableUpgradeRequest"]
    );
    // A file with nothing to fix is not rewritten.
    assert_eq!(fs::read_to_string(&clean_path).unwrap(), clean);
    assert_eq!(
        fs::metadata(&clean_path).unwrap().modified().unwrap(),
        before
    );
    // What is left is reported as validate reports the fixed file, with its status.
    let left = validate_json(&four, &Options::new());
    let code = if left.valid && fixed2.report.valid {
        0
    } else {
        1
    };
    assert.code(code);
    let again = ota()
        .current_dir(dir.path())
        .args(["validate", "--json", "jobs/four.json"])
        .assert();
    assert_eq!(stdout_of(&again), left.to_json() + "\n");
}

#[test]
fn request_positions_are_those_of_the_file() {
    let dir = dir_with(&[("f.json", FIXABLE_4)]);
    let alone = validate_json(FIXABLE_4, &Options::new());
    let assert = ota()
        .current_dir(dir.path())
        .args([
            "request",
            "--org-id",
            "o",
            "--firmware-id",
            "f",
            "--json",
            "f.json",
        ])
        .assert()
        .code(1);
    // An invalid input prints its report, as validate does (paths rooted at /body).
    let report: Value = serde_json::from_str(&stdout_of(&assert)).unwrap();
    for issue in alone.errors.iter().chain(&alone.warnings) {
        let span = issue.span.unwrap();
        let path = format!("/body{}", issue.path);
        let found = report["errors"]
            .as_array()
            .unwrap()
            .iter()
            .chain(report["warnings"].as_array().unwrap())
            .find(|i| i["path"] == path.as_str() && i["code"] == issue.code.as_str())
            .unwrap_or_else(|| panic!("{path} in {report}"));
        assert_eq!(
            (
                &found["line"],
                &found["column"],
                &found["endLine"],
                &found["endColumn"]
            ),
            (
                &span.line.into(),
                &span.column.into(),
                &span.end_line.into(),
                &span.end_column.into()
            ),
            "{path}"
        );
    }
    // A bad flag value has no place in the file.
    let assert = ota()
        .current_dir(dir.path())
        .args([
            "request",
            "--org-id",
            "o",
            "--firmware-id",
            "f",
            "--apigw",
            "not a host/",
            "f.json",
        ])
        .assert()
        .code(1);
    assert!(
        stdout_of(&assert).contains("f.json: error[invalid_value]"),
        "{}",
        stdout_of(&assert)
    );
}
