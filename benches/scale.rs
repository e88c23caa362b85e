//! `cargo bench --bench scale` (`make bench-scale`): time and peak memory of
//! `validate_json` at 10^4, 10^5 and 10^6 device keys, and the per-byte time ratio
//! across that range (linear growth keeps it near 1.0). Peak memory is counted by a
//! global allocator wrapper and given beside the input's size. Prints figures; asserts
//! nothing.

use std::alloc::{GlobalAlloc, Layout, System};
use std::hint::black_box;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use enos_ota_job::{normalize_json, validate_json, validate_value, Options};

/// Counts the bytes in use and their high-water mark.
struct Counting;

static IN_USE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

// SAFETY: every call is forwarded to the system allocator unchanged; only counters are added.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            let now = IN_USE.fetch_add(layout.size(), Ordering::Relaxed) + layout.size();
            PEAK.fetch_max(now, Ordering::Relaxed);
        }
        p
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) };
        IN_USE.fetch_sub(layout.size(), Ordering::Relaxed);
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let p = unsafe { System.realloc(ptr, layout, new_size) };
        if !p.is_null() {
            if new_size > layout.size() {
                let grow = new_size - layout.size();
                let now = IN_USE.fetch_add(grow, Ordering::Relaxed) + grow;
                PEAK.fetch_max(now, Ordering::Relaxed);
            } else {
                IN_USE.fetch_sub(layout.size() - new_size, Ordering::Relaxed);
            }
        }
        p
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// The bytes `f` allocates at its peak beyond what was in use before it.
fn peak_of<R>(f: impl FnOnce() -> R) -> (R, usize) {
    let base = IN_USE.load(Ordering::Relaxed);
    PEAK.store(base, Ordering::Relaxed);
    let out = f();
    (out, PEAK.load(Ordering::Relaxed) - base)
}

/// The device keys of a body.
#[derive(Clone, Copy)]
enum Keys {
    /// All different, in order.
    Distinct,
    /// Every other key a repeat of the one before it.
    Repeated,
    /// All different, in a fixed shuffled order (a list not in order takes the hash
    /// tables of the repeated-value search, not its one pass over neighbours).
    Shuffled,
}

/// An upgrade body selecting `n` device keys.
fn body(n: usize, job: &str, keys: Keys) -> String {
    let mut order: Vec<usize> = (0..n).collect();
    if let Keys::Shuffled = keys {
        // Fisher-Yates with a fixed linear congruential generator.
        let mut x: u64 = 7;
        for i in (1..n).rev() {
            x = x.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
            order.swap(i, (x >> 33) as usize % (i + 1));
        }
    }
    let mut text = String::with_capacity(n * 20 + 200);
    text.push_str(r#"{"type":""#);
    text.push_str(job);
    text.push_str(r#"","upgradePolicy":"snapshot","enableUpgradeRequest":true,"upgradeScope":{"type":"partial","versionNumbers":["1.0"],"deviceKeys":["#);
    for (i, &k) in order.iter().enumerate() {
        if i > 0 {
            text.push(',');
        }
        let k = if let Keys::Repeated = keys { k / 2 } else { k };
        text.push_str(&format!("\"device-key-{k:07}\""));
    }
    text.push_str("]}}");
    text
}

/// The best and the median of `rounds` timed runs after one warm-up. On a shared machine
/// the best run is the figure to compare: the median carries the other processes' load.
fn timed(rounds: usize, mut f: impl FnMut()) -> (Duration, Duration) {
    f();
    let mut times: Vec<Duration> = (0..rounds)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed()
        })
        .collect();
    times.sort();
    (times[0], times[rounds / 2])
}

struct Row {
    n: usize,
    bytes: usize,
    best: Duration,
    median: Duration,
    peak: usize,
}

fn measure(shape: &str, job: &str, keys: Keys, what: &str) -> Vec<Row> {
    let options = Options::new();
    let mut rows = Vec::new();
    for n in [10_000, 100_000, 1_000_000] {
        let text = body(n, job, keys);
        let rounds = if n >= 1_000_000 { 9 } else { 21 };
        let (time, peak) = match what {
            "validate_json" => {
                let time = timed(rounds, || {
                    black_box(validate_json(black_box(&text), &options));
                });
                (
                    time,
                    peak_of(|| black_box(validate_json(&text, &options))).1,
                )
            }
            "normalize_json" => {
                let time = timed(rounds, || {
                    black_box(normalize_json(black_box(&text), &options));
                });
                (
                    time,
                    peak_of(|| black_box(normalize_json(&text, &options))).1,
                )
            }
            _ => {
                let value: serde_json::Value = serde_json::from_str(&text).expect("JSON");
                let time = timed(rounds, || {
                    black_box(validate_value(black_box(&value), &options));
                });
                (
                    time,
                    peak_of(|| black_box(validate_value(&value, &options))).1,
                )
            }
        };
        rows.push(Row {
            n,
            bytes: text.len(),
            best: time.0,
            median: time.1,
            peak,
        });
    }
    println!("{what} — {shape}");
    println!(
        "  {:>9} {:>11} {:>10} {:>10} {:>9} {:>11} {:>12} {:>10}",
        "keys", "input", "best", "median", "ns/byte", "ratio/10^4", "peak memory", "peak/input"
    );
    let base = rows[0].best.as_secs_f64() / rows[0].bytes as f64;
    for r in &rows {
        let per_byte = r.best.as_secs_f64() / r.bytes as f64;
        println!(
            "  {:>9} {:>8.2} MB {:>7.2} ms {:>7.2} ms {:>9.2} {:>10.2}x {:>9.2} MB {:>9.2}x",
            r.n,
            r.bytes as f64 / 1e6,
            r.best.as_secs_f64() * 1e3,
            r.median.as_secs_f64() * 1e3,
            per_byte * 1e9,
            per_byte / base,
            r.peak as f64 / 1e6,
            r.peak as f64 / r.bytes as f64,
        );
    }
    rows
}

fn main() {
    // `cargo bench` passes `--bench`; `cargo test --benches` runs this once, quickly.
    if std::env::args().all(|a| a != "--bench") {
        for keys in [Keys::Distinct, Keys::Shuffled] {
            let text = body(1_000, "upgrade", keys);
            assert!(validate_json(&text, &Options::new()).valid);
        }
        let repeated = body(1_000, "upgrade", Keys::Repeated);
        assert_eq!(
            validate_json(&repeated, &Options::new()).warnings.len(),
            500
        );
        println!("scale: smoke run only (use cargo bench --bench scale)");
        return;
    }
    println!("enos-ota-job scale: time (best and median of 9-21 runs; ns/byte of the best) and peak memory by device key count");
    let shapes = [
        (
            "upgrade, distinct keys (valid)",
            "upgrade",
            Keys::Distinct,
            "validate_json",
        ),
        (
            "upgrade, distinct keys shuffled (valid)",
            "upgrade",
            Keys::Shuffled,
            "validate_json",
        ),
        (
            "verify, distinct keys (one 24612 error)",
            "verify",
            Keys::Distinct,
            "validate_json",
        ),
        (
            "upgrade, every other key a repeat (n/2 warnings)",
            "upgrade",
            Keys::Repeated,
            "validate_json",
        ),
        (
            "upgrade, distinct keys (valid)",
            "upgrade",
            Keys::Distinct,
            "normalize_json",
        ),
        (
            "upgrade, distinct keys (valid), from a serde_json::Value",
            "upgrade",
            Keys::Distinct,
            "validate_value",
        ),
    ];
    let mut worst: f64 = 0.0;
    for (shape, job, keys, what) in shapes {
        let rows = measure(shape, job, keys, what);
        let per_byte: Vec<f64> = rows
            .iter()
            .map(|r| r.best.as_secs_f64() / r.bytes as f64)
            .collect();
        let max = per_byte.iter().cloned().fold(f64::MIN, f64::max);
        let min = per_byte.iter().cloned().fold(f64::MAX, f64::min);
        worst = worst.max(max / min);
        println!();
    }
    println!("largest per-byte time spread (best runs) across 10^4..10^6 in any row: {worst:.2}x");
}
