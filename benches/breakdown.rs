//! `cargo bench --bench breakdown`: where the time of one invalid small body goes inside
//! the core (native; the wasm build's shares are similar, its times longer). Uses only the
//! public API, so the split is by difference:
//!
//! - parse: `serde_json::from_str::<Value>` of the text (the crate reads with its own
//!   parser; the same text with one trailing `x`, which that parser reads to the end and
//!   then refuses, bounds it from the other side);
//! - rules: `validate_json` of a valid body of the same length, minus parse;
//! - issues and messages: `validate_json` of the invalid body minus that of the valid one
//!   (finding the problems, their paths and messages); `Report::clone` of its report is
//!   the floor of that: allocating and copying the issues' strings;
//! - report out: `Report::to_json` (the text that crosses into JS in the npm package).
//!
//! The two bodies are those of `benches/breakdown-bodies.json`, which the npm breakdown
//! (`benches/js/row.mjs breakdown`) uses too. Prints figures; asserts nothing.

use std::hint::black_box;
use std::time::Instant;

use enos_ota_job::{validate_json, Options};

/// Median ns per call of `f`, over `rounds` rounds of `reps` calls.
fn per_call<T>(rounds: usize, reps: usize, mut f: impl FnMut() -> T) -> f64 {
    for _ in 0..reps {
        black_box(f());
    }
    let mut times: Vec<f64> = (0..rounds)
        .map(|_| {
            let start = Instant::now();
            for _ in 0..reps {
                black_box(f());
            }
            start.elapsed().as_secs_f64() * 1e9 / reps as f64
        })
        .collect();
    times.sort_by(f64::total_cmp);
    times[rounds / 2]
}

fn body(json: &serde_json::Value, key: &str) -> String {
    json[key]
        .as_str()
        .unwrap_or_else(|| panic!("breakdown-bodies.json: no {key}"))
        .to_owned()
}

fn main() {
    let bodies: serde_json::Value =
        serde_json::from_str(include_str!("breakdown-bodies.json")).expect("breakdown-bodies.json");
    let invalid = body(&bodies, "invalid");
    let valid = body(&bodies, "valid");
    let broken = format!("{invalid}x");
    let options = Options::new();
    let report = validate_json(&invalid, &options);
    assert!(!report.valid, "the invalid body must be invalid");
    assert!(
        validate_json(&valid, &options).errors.is_empty()
            && validate_json(&valid, &options).warnings.is_empty(),
        "the valid body must be clean"
    );
    // `cargo bench` passes `--bench`; `cargo test --benches` runs this once, quickly.
    let (rounds, reps) = if std::env::args().any(|a| a == "--bench") {
        (31, 20_000)
    } else {
        println!("breakdown: smoke run only (use cargo bench --bench breakdown)");
        (1, 10)
    };

    let parse = per_call(rounds, reps, || {
        serde_json::from_str::<serde_json::Value>(black_box(&invalid)).ok()
    });
    let own_parse = per_call(rounds, reps, || validate_json(black_box(&broken), &options));
    let clean = per_call(rounds, reps, || validate_json(black_box(&valid), &options));
    let full = per_call(rounds, reps, || {
        validate_json(black_box(&invalid), &options)
    });
    let clone = per_call(rounds, reps, || black_box(&report).clone());
    let to_json = per_call(rounds, reps, || black_box(&report).to_json());

    let issues = report.errors.len() + report.warnings.len();
    println!(
        "one invalid body of {} B ({} errors, {} warnings; report {} B of JSON) beside a valid one of {} B; median ns per call",
        invalid.len(),
        report.errors.len(),
        report.warnings.len(),
        report.to_json().len(),
        valid.len()
    );
    let total = full + to_json;
    let line =
        |step: &str, ns: f64| println!("  {step:<62} {ns:>8.0} ns  {:>4.0}%", 100.0 * ns / total);
    line("parse (serde_json::Value of the text)", parse);
    line(
        "rules (validate_json of the valid body, minus parse)",
        clean - parse,
    );
    line(
        &format!("issues and messages ({issues}; invalid minus valid body)"),
        full - clean,
    );
    line("report out (Report::to_json)", to_json);
    line("= validate_json(invalid) + to_json", total);
    println!("  for scale:");
    line(
        "  validate_json of the text + `x` (own parser to the end)",
        own_parse,
    );
    line("  validate_json of the valid body (clean report)", clean);
    line("  Report::clone of the invalid report (its strings)", clone);
}
