//! Properties of the diagnostics, on bodies that users slip on: valid fixture bodies with
//! random slips (a misspelt or misplaced field, a number in quotes, `"true"`, one string
//! for a list, a timestamp in seconds or microseconds, an enum value in the wrong case).
//!
//! - Applying any issue's `fix` alone removes that issue and adds no error.
//! - Every position slices the text at the issue's value (or, for key problems, its key).
//!
//! `PROPTEST_CASES=10000 cargo test --test fixes` runs a longer campaign.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::HashSet;
use std::fs;

use enos_ota_job::{
    fix_json, validate_json, validate_value, Code, Issue, Options, PatchOp, Report,
};
use proptest::prelude::*;
use proptest::sample::Index;
use serde_json::Value;

/// The bodies of the valid fixture cases.
fn bodies() -> Vec<Value> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");
    let mut out = Vec::new();
    let mut files: Vec<_> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    for file in files
        .iter()
        .filter(|f| f.extension().is_some_and(|e| e == "json"))
    {
        let Value::Array(cases) = serde_json::from_str(&fs::read_to_string(file).unwrap()).unwrap()
        else {
            continue;
        };
        for case in cases {
            if case["expect"]["valid"] == true
                && case["body"].is_object()
                && case.get("options").is_none()
            {
                out.push(case["body"].clone());
            }
        }
    }
    assert!(out.len() > 50, "{} bodies", out.len());
    out
}

/// Every location in the value, as (JSON Pointer, value).
fn locations(v: &Value, path: String, out: &mut Vec<(String, Value)>) {
    out.push((path.clone(), v.clone()));
    match v {
        Value::Object(map) => {
            for (k, x) in map {
                locations(
                    x,
                    format!("{path}/{}", k.replace('~', "~0").replace('/', "~1")),
                    out,
                );
            }
        }
        Value::Array(items) => {
            for (i, x) in items.iter().enumerate() {
                locations(x, format!("{path}/{i}"), out);
            }
        }
        _ => {}
    }
}

fn split(pointer: &str) -> (String, String) {
    let i = pointer.rfind('/').unwrap_or(0);
    (
        pointer[..i].to_owned(),
        pointer[i + 1..].replace("~1", "/").replace("~0", "~"),
    )
}

/// One slip at the `pick`-th place it can go; `false` when it cannot go anywhere.
fn slip(body: &mut Value, kind: usize, pick: Index) -> bool {
    let mut all = Vec::new();
    locations(body, String::new(), &mut all);
    let spots: Vec<&(String, Value)> = all
        .iter()
        .filter(|(p, v)| match kind {
            0 => !p.is_empty() && !p.ends_with(|c: char| c.is_ascii_digit()), // a member to misspell
            1 => v.is_i64() && v.as_i64().is_some_and(|n| n >= 0),            // a number to quote
            2 => v.is_boolean(),                                              // a boolean to quote
            3 => v
                .as_array()
                .is_some_and(|a| a.len() == 1 && a[0].is_string()), // a list of one
            4 => p.ends_with("Timestamp"), // a timestamp to rescale
            5 => p.ends_with("/type") || p.ends_with("upgradePolicy"), // an enum value
            _ => [
                "/upgradeScope/deviceKeys",
                "/upgradeScope/versionNumbers",
                "/retryPolicy/enableRetry",
            ]
            .contains(&p.as_str()), // a field to lift
        })
        .collect();
    if spots.is_empty() {
        return false;
    }
    let (path, value) = (*pick.get(&spots)).clone();
    let (parent, key) = split(&path);
    match kind {
        0 => {
            let mut chars: Vec<char> = key.chars().collect();
            let n = chars.len();
            match n {
                0 => return false,
                1 => chars[0] = chars[0].to_ascii_uppercase(),
                _ => chars.swap(n / 2 - 1, n / 2),
            }
            let new_key: String = chars.into_iter().collect();
            if let Some(Value::Object(map)) = body.pointer_mut(&parent) {
                if map.contains_key(&new_key) {
                    return false;
                }
                let v = map.remove(&key).unwrap();
                map.insert(new_key, v);
            }
        }
        1 => *body.pointer_mut(&path).unwrap() = Value::String(value.to_string()),
        2 => *body.pointer_mut(&path).unwrap() = Value::String(value.to_string()),
        3 => *body.pointer_mut(&path).unwrap() = value[0].clone(),
        4 => {
            let ms = value.as_i64().unwrap_or(1_704_150_000_000);
            let rescaled = if ms % 2 == 0 { ms / 1000 } else { ms * 1000 };
            *body.pointer_mut(&path).unwrap() = Value::from(rescaled);
        }
        5 => {
            let s = value.as_str().unwrap_or("x");
            *body.pointer_mut(&path).unwrap() = Value::String(s.to_uppercase());
        }
        _ => {
            let v = body
                .pointer_mut(&parent)
                .unwrap()
                .as_object_mut()
                .unwrap()
                .remove(&key)
                .unwrap();
            body.as_object_mut().unwrap().insert(key, v);
        }
    }
    true
}

/// Applies a patch to a value (`move` and `replace`, as the report's fixes use them).
fn apply(doc: &mut Value, ops: &[PatchOp]) {
    for op in ops {
        match op {
            PatchOp::Replace { path, value } => {
                *doc.pointer_mut(path).expect("replace target") = value.clone()
            }
            PatchOp::Move { from, path } => {
                let (from_parent, from_key) = split(from);
                let v = doc
                    .pointer_mut(&from_parent)
                    .unwrap()
                    .as_object_mut()
                    .unwrap()
                    .remove(&from_key)
                    .unwrap();
                let (parent, key) = split(path);
                let target = doc
                    .pointer_mut(&parent)
                    .unwrap()
                    .as_object_mut()
                    .expect("an object");
                assert!(!target.contains_key(&key), "a move onto an existing member");
                target.insert(key, v);
            }
            other => panic!("unexpected op {other:?}"),
        }
    }
}

fn errors(report: &Report) -> HashSet<(String, Code)> {
    report
        .errors
        .iter()
        .map(|e| (e.path.clone(), e.code))
        .collect()
}

/// The text at an issue's position is its value, or its key.
fn check_position(text: &str, body: &Value, issue: &Issue) -> Result<(), TestCaseError> {
    let span = issue
        .span
        .ok_or_else(|| TestCaseError::fail(format!("no span: {issue:?}")))?;
    let slice = &text[span.start..span.end];
    if matches!(
        issue.code,
        Code::UnknownField | Code::IgnoredField | Code::DuplicateKey
    ) {
        let (_, key) = split(&issue.path);
        prop_assert_eq!(
            serde_json::from_str::<String>(slice).ok(),
            Some(key),
            "key of {}",
            issue.path
        );
    } else if let Some(value) = body.pointer(&issue.path) {
        let at: Value = serde_json::from_str(slice)
            .map_err(|e| TestCaseError::fail(format!("{slice}: {e}")))?;
        prop_assert_eq!(&at, value, "value of {}", issue.path);
    } else {
        // An absent member: the position is that of an enclosing value.
        let at: Result<Value, _> = serde_json::from_str(slice);
        prop_assert!(
            at.is_ok_and(|v| v.is_object()),
            "{} at {}",
            issue.path,
            slice
        );
    }
    Ok(())
}

fn config() -> ProptestConfig {
    ProptestConfig {
        cases: std::env::var("PROPTEST_CASES")
            .ok()
            .and_then(|c| c.parse().ok())
            .unwrap_or(512),
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn fixes_remove_their_issue_and_add_no_error(
        which in any::<Index>(),
        slips in prop::collection::vec((0usize..7, any::<Index>()), 1..4),
        pretty in any::<bool>(),
    ) {
        let bodies = bodies();
        let mut body = which.get(&bodies).clone();
        for (kind, pick) in slips {
            slip(&mut body, kind, pick);
        }
        let text = if pretty { serde_json::to_string_pretty(&body).unwrap() } else { body.to_string() };
        let options = Options::new();
        let report = validate_json(&text, &options);
        let before = errors(&report);
        for issue in report.issues() {
            check_position(&text, &body, issue)?;
            let Some(fix) = &issue.fix else { continue };
            prop_assert!(issue.hint.is_some(), "a fix without a hint: {:?}", issue);
            let mut fixed = body.clone();
            apply(&mut fixed, fix);
            let after = validate_value(&fixed, &options);
            prop_assert!(
                !after.issues().any(|i| i.path == issue.path && i.code == issue.code),
                "the fix of {} {} leaves it: {}", issue.path, issue.code, after
            );
            let added: Vec<_> = errors(&after).difference(&before).cloned().collect();
            prop_assert!(added.is_empty(), "the fix of {} {} adds {:?}", issue.path, issue.code, added);
        }
        // fix_json applies them all and its report is what is left.
        let out = fix_json(&text, &options);
        let fixed_text = out.text.expect("JSON");
        prop_assert_eq!(out.report, validate_json(&fixed_text, &options));
        prop_assert!(out.applied <= report.issues().filter(|i| i.fix.is_some()).count());
    }
}
