//! `cargo bench --bench breakdown`: where the time of one invalid small body goes inside
//! the core (native; the wasm build's shares are similar, its times longer), step by step
//! through the pipeline (`__validate_to`, hidden from the API): parse; rules and the
//! checks of candidate fixes; messages and hints; positions; the npm package's report
//! block. Each step is the difference to the run that stops before it. Beside it: a valid
//! body of the same length, and serde_json's reading of the same text for scale.
//!
//! The two bodies are those of `benches/breakdown-bodies.json`, which the npm breakdown
//! (`benches/js/row.mjs breakdown`) uses too. Prints figures; asserts nothing.

use std::hint::black_box;
use std::time::Instant;

use enos_ota_job::{__Step, __validate_to, validate_json, Options};

/// Median ns per call of each of `fs`, over `rounds` rounds of `reps` calls each; every
/// round runs all of them, so that a change of load hits them alike.
fn per_call(rounds: usize, reps: usize, fs: &mut [&mut dyn FnMut() -> usize]) -> Vec<f64> {
    for f in fs.iter_mut() {
        for _ in 0..reps {
            black_box(f());
        }
    }
    let mut times = vec![Vec::with_capacity(rounds); fs.len()];
    for _ in 0..rounds {
        for (f, t) in fs.iter_mut().zip(&mut times) {
            let start = Instant::now();
            for _ in 0..reps {
                black_box(f());
            }
            t.push(start.elapsed().as_secs_f64() * 1e9 / reps as f64);
        }
    }
    times
        .into_iter()
        .map(|mut t| {
            t.sort_by(f64::total_cmp);
            t[rounds / 2]
        })
        .collect()
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

    let steps = [
        (__Step::Parse, "parse (the crate's reader)"),
        (__Step::Rules, "rules, and the candidate fixes checked"),
        (__Step::Messages, "messages and hints"),
        (__Step::Positions, "positions (lines and columns)"),
        (__Step::Block, "report out (the npm package's block)"),
    ];
    let options = &options;
    let mut runs: Vec<Box<dyn FnMut() -> usize>> = Vec::new();
    for text in [&invalid, &valid] {
        for &(step, _) in &steps {
            runs.push(Box::new(move || {
                __validate_to(black_box(text), options, step)
            }));
        }
    }
    runs.push(Box::new(|| {
        serde_json::from_str::<serde_json::Value>(black_box(&invalid)).map_or(0, |_| 1)
    }));
    runs.push(Box::new(|| black_box(&report).to_json().len()));
    let mut fs: Vec<&mut dyn FnMut() -> usize> = runs.iter_mut().map(|f| &mut **f as _).collect();
    let ns = per_call(rounds, reps, &mut fs);
    let (invalid_ns, rest) = ns.split_at(steps.len());
    let (valid_ns, rest) = rest.split_at(steps.len());
    let (serde, to_json) = (rest[0], rest[1]);

    println!(
        "one invalid body of {} B ({} errors, {} warnings) beside a valid one of {} B; median ns per call, each step the difference to the one before",
        invalid.len(),
        report.errors.len(),
        report.warnings.len(),
        valid.len()
    );
    let total = invalid_ns[invalid_ns.len() - 1];
    let mut before = (0.0, 0.0);
    for ((_, name), (inv, val)) in steps.iter().zip(invalid_ns.iter().zip(valid_ns)) {
        println!(
            "  {name:<44} {:>8.0} ns {:>4.0}%   valid body {:>7.0} ns",
            inv - before.0,
            100.0 * (inv - before.0) / total,
            val - before.1
        );
        before = (*inv, *val);
    }
    println!(
        "  {:<44} {total:>8.0} ns         valid body {:>7.0} ns",
        "= the whole wasm call's work", before.1
    );
    println!("  for scale: serde_json::Value of the invalid text {serde:.0} ns; Report::to_json (the Rust API's wire format) {to_json:.0} ns");
}
