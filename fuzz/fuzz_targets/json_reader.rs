//! Differential: the crate's JSON reader beside serde_json on the same bytes.
//!
//! They accept and refuse the same texts and read the same values, apart from the
//! documented decisions: a lone surrogate escape reads as U+FFFD (serde_json refuses
//! it), and a number beyond f64's range reads as the largest float of its sign (serde_json
//! refuses it). Both refuse nesting of 128 levels. The position tracking of the report
//! lives outside the reader, so it cannot change what the reader accepts.
#![no_main]

use libfuzzer_sys::fuzz_target;
use serde_json::Value;

/// Whether serde_json's refusal is one of the documented differences.
fn documented(text: &str, error: &serde_json::Error) -> bool {
    let why = error.to_string();
    let lower = text.to_ascii_lowercase();
    let surrogate = [
        "\\ud8", "\\ud9", "\\uda", "\\udb", "\\udc", "\\udd", "\\ude", "\\udf",
    ]
    .iter()
    .any(|s| lower.contains(s));
    (surrogate && (why.contains("surrogate") || why.contains("hex escape")))
        || why.contains("number out of range")
}

/// Numbers compare by value: integers exactly, floats as f64.
fn same(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => {
            match (x.as_i64(), y.as_i64(), x.as_u64(), y.as_u64()) {
                (Some(p), Some(q), _, _) => p == q,
                (_, _, Some(p), Some(q)) => p == q,
                _ => x.as_f64() == y.as_f64(),
            }
        }
        (Value::Array(x), Value::Array(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(p, q)| same(p, q))
        }
        (Value::Object(x), Value::Object(y)) => {
            x.len() == y.len()
                && x.iter()
                    .zip(y)
                    .all(|((k1, v1), (k2, v2))| k1 == k2 && same(v1, v2))
        }
        _ => a == b,
    }
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let ours = enos_ota_job::__read_json(text);
    let theirs = serde_json::from_str::<Value>(text);
    match (&ours, &theirs) {
        (Some(a), Ok(b)) => assert!(same(a, b), "values differ on {text:?}: {a} vs {b}"),
        (None, Err(_)) => {}
        (Some(_), Err(e)) => assert!(documented(text, e), "only serde_json refuses {text:?}: {e}"),
        (None, Ok(_)) => panic!("only the reader refuses {text:?}"),
    }
});
