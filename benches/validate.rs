//! `cargo bench --bench validate`: throughput of `validate_json` beside serde_json
//! parsing the same text into a `Value` alone. Prints figures; asserts nothing.
//!
//! Rows: a corpus of 1,000 small requests (valid and invalid), one request with
//! 100,000 device keys, one with 1,000,000.

use std::hint::black_box;
use std::time::{Duration, Instant};

use enos_ota_job::{validate_json, Options};

/// A deterministic corpus of small bodies: every fixture-like shape, valid and not.
fn small_corpus() -> Vec<String> {
    let shapes = [
        r#"{"type":"upgrade","upgradePolicy":"snapshot","enableUpgradeRequest":true,"upgradeScope":{"type":"partial","versionNumbers":["1.0"],"deviceKeys":["dev-%","dev-b"]}}"#,
        r#"{"name":{"defaultValue":"job %","i18nValue":{"en_US":"job","zh_CN":"任务"}},"type":"upgrade","upgradePolicy":"incremental","enableUpgradeRequest":false,"upgradeTimeout":7200,"retryPolicy":{"enableRetry":true,"retryInterval":60,"retryCount":3},"schedulePolicy":{"isRepeatDaily":true,"startTimestamp":1704067200000,"endTimestamp":1704096000000,"timezoneOffsetInMinutes":480},"maximumConcurrency":300,"upgradeScope":{"type":"partial","versionNumbers":["1.0","1.1"],"tags":{"site":["s%"],"floor":["1","2"]}}}"#,
        r#"{"type":"verify","upgradeScope":{"type":"partial","versionNumbers":["2.%"],"deviceKeys":["a","b","c"]}}"#,
        r#"{"type":"verify","upgradeScope":{"type":"total","versionNumbers":["2.%"],"deviceKeys":["a","b","c","d","e","f"]},"maximumConcurrency":5}"#,
        r#"{"type":"upgrade","upgradePolicy":"upgrade","enableUpgradeRequest":"yes","upgradeTimeout":%,"upgradeScope":{"type":"partial","versionNumbers":[],"attributes":{"model":["A1",2]},"assetTrees":[{"treeId":"t"}]}}"#,
        r#"{"type":"upgrade","upgradePolicy":"snapshot","enableUpgradeRequest":true,"upgradeScope":{"type":"total","versionNumbers":["1.%"]},"schedulePolicy":{"startTimestamp":"1704067200000","endTimestamp":1704067200%}}"#,
    ];
    (0..1000)
        .map(|i| shapes[i % shapes.len()].replace('%', &i.to_string()))
        .collect()
}

fn many_keys(n: usize) -> String {
    let keys: Vec<String> = (0..n).map(|i| format!("\"device-key-{i:07}\"")).collect();
    format!(
        r#"{{"type":"upgrade","upgradePolicy":"snapshot","enableUpgradeRequest":true,"upgradeScope":{{"type":"partial","versionNumbers":["1.0"],"deviceKeys":[{}]}}}}"#,
        keys.join(",")
    )
}

/// Median time of `rounds` runs of `f` over the whole input set.
fn median(rounds: usize, mut f: impl FnMut()) -> Duration {
    f(); // warm-up
    let mut times: Vec<Duration> = (0..rounds)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed()
        })
        .collect();
    times.sort();
    times[rounds / 2]
}

fn row(name: &str, texts: &[String], rounds: usize) {
    let options = Options::new();
    let bytes: usize = texts.iter().map(String::len).sum();
    let ours = median(rounds, || {
        for t in texts {
            black_box(validate_json(black_box(t), &options));
        }
    });
    let bare = median(rounds, || {
        for t in texts {
            black_box(serde_json::from_str::<serde_json::Value>(black_box(t)).ok());
        }
    });
    let mbps = |d: Duration| bytes as f64 / d.as_secs_f64() / 1e6;
    println!(
        "{name:<34} {:>9} B  validate {:>7.1} MB/s ({:>9.1} µs)  serde_json::Value {:>7.1} MB/s ({:>9.1} µs)  ratio {:.2}x",
        bytes,
        mbps(ours),
        ours.as_secs_f64() * 1e6,
        mbps(bare),
        bare.as_secs_f64() * 1e6,
        ours.as_secs_f64() / bare.as_secs_f64(),
    );
}

fn main() {
    // `cargo bench --bench validate -- small` runs only the rows whose name contains `small`.
    let filter: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with("--"))
        .collect();
    let wanted = |name: &str| filter.is_empty() || filter.iter().any(|f| name.contains(f.as_str()));
    println!("median of rounds; ratio = validate time / bare parse time (lower is better)");
    if wanted("1,000 small requests") {
        row("1,000 small requests", &small_corpus(), 51);
    }
    if wanted("100,000 device keys") {
        row("100,000 device keys", &[many_keys(100_000)], 31);
    }
    if wanted("1,000,000 device keys") {
        row("1,000,000 device keys", &[many_keys(1_000_000)], 7);
    }
}
