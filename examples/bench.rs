//! Native throughput of `kupas::analyze` with default options, in MB/s (10^6 bytes of UTF-8
//! per second), on a ~5 KB article and on ~1 MB of text.
//!
//! ```text
//! cargo run --release --example bench                    # inputs built from tests/fixtures
//! cargo run --release --example bench -- a.txt b.txt     # inputs built from these articles
//! cargo run --release --example bench -- --raw x.txt     # each file measured as it is
//! cargo run --release --example bench -- --json …        # one JSON object per line
//! ```
//!
//! The ~5 KB article is the articles joined by blank lines (repeated if they are short), cut
//! at the last line break at or before 5 KiB; the ~1 MB text repeats the joined articles up to
//! at least 1 MiB. `scripts/bench.mjs` builds the same inputs, hands them over with `--raw`
//! and compares with the wasm package. A benchmark, not a test: it asserts nothing.

use std::hint::black_box;
use std::time::{Duration, Instant};

const ARTICLE_BYTES: usize = 5 * 1024;
const LARGE_BYTES: usize = 1024 * 1024;
/// Warm-up before measuring: fills caches, faults in memory, builds any lazy tables.
const WARM_UP: Duration = Duration::from_millis(300);
/// Each sample runs for at least this long; the reported figure is the median sample.
const SAMPLE: Duration = Duration::from_millis(200);
const SAMPLES: usize = 7;

struct Input {
    name: String,
    text: String,
}

struct Measurement {
    /// Median seconds per call.
    seconds: f64,
    /// Fastest sample's seconds per call: on a shared, noisy machine the best estimate of
    /// what the code can do.
    best: f64,
    calls: usize,
}

fn main() {
    let mut json = false;
    let mut raw = false;
    let mut paths = Vec::new();
    for arg in std::env::args().skip(1) {
        match arg.as_str() {
            "--json" => json = true,
            "--raw" => raw = true,
            "-h" | "--help" => {
                println!("usage: bench [--json] [--raw] [FILE...]  (see examples/bench.rs)");
                return;
            }
            _ => paths.push(arg),
        }
    }
    let inputs = match load_inputs(&paths, raw) {
        Ok(inputs) => inputs,
        Err(message) => {
            eprintln!("bench: {message}");
            std::process::exit(2);
        }
    };
    if !json {
        println!(
            "{:<24} {:>10} {:>10} {:>12}",
            "input", "bytes", "MB/s", "ms/call"
        );
    }
    for input in &inputs {
        let m = measure(&input.text);
        let mb_per_s = input.text.len() as f64 / m.seconds / 1e6;
        if json {
            println!(
                "{{\"input\":{:?},\"bytes\":{},\"mbPerS\":{:.3},\"bestMbPerS\":{:.3},\"msPerCall\":{:.6},\"calls\":{}}}",
                input.name,
                input.text.len(),
                mb_per_s,
                input.text.len() as f64 / m.best / 1e6,
                m.seconds * 1e3,
                m.calls
            );
        } else {
            println!(
                "{:<24} {:>10} {:>10.2} {:>12.4}",
                input.name,
                input.text.len(),
                mb_per_s,
                m.seconds * 1e3
            );
        }
    }
}

fn read(path: &str) -> Result<String, String> {
    std::fs::read_to_string(path).map_err(|e| format!("cannot read {path}: {e}"))
}

fn load_inputs(paths: &[String], raw: bool) -> Result<Vec<Input>, String> {
    if raw {
        if paths.is_empty() {
            return Err("--raw needs at least one file".into());
        }
        return paths
            .iter()
            .map(|p| {
                let name = std::path::Path::new(p)
                    .file_name()
                    .map_or_else(|| p.clone(), |n| n.to_string_lossy().into_owned());
                Ok(Input {
                    name,
                    text: read(p)?,
                })
            })
            .collect();
    }
    let articles: Vec<String> = if paths.is_empty() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/");
        ["id_banjir.txt", "en_summit.txt"]
            .iter()
            .map(|f| read(&format!("{dir}{f}")))
            .collect::<Result<_, _>>()?
    } else {
        paths.iter().map(|p| read(p)).collect::<Result<_, _>>()?
    };
    let joined = articles
        .iter()
        .map(|a| a.trim())
        .filter(|a| !a.is_empty())
        .collect::<Vec<_>>()
        .join("\n\n");
    if joined.is_empty() {
        return Err("the articles are empty".into());
    }
    Ok(vec![
        Input {
            name: "article ~5 KB".into(),
            text: article(&joined),
        },
        Input {
            name: "text ~1 MB".into(),
            text: repeat_to(&joined, LARGE_BYTES),
        },
    ])
}

/// `joined` repeated (separated by blank lines) until it is at least `bytes` long.
fn repeat_to(joined: &str, bytes: usize) -> String {
    let mut text = String::from(joined);
    while text.len() < bytes {
        text.push_str("\n\n");
        text.push_str(joined);
    }
    text
}

/// About 5 KiB of `joined`: cut at the last line break at or before 5 KiB.
fn article(joined: &str) -> String {
    let text = repeat_to(joined, ARTICLE_BYTES);
    if text.len() <= ARTICLE_BYTES {
        return text;
    }
    let head = &text.as_bytes()[..=ARTICLE_BYTES];
    match head.iter().rposition(|&b| b == b'\n') {
        Some(cut) if cut > 0 => text[..cut].trim_end().to_string(),
        _ => text,
    }
}

fn run(text: &str, calls: usize) {
    let options = kupas::Options::default();
    for _ in 0..calls {
        black_box(kupas::analyze(black_box(text), &options));
    }
}

fn measure(text: &str) -> Measurement {
    // Warm up, and learn how many calls fill a sample.
    let start = Instant::now();
    let mut warm_calls = 0usize;
    while start.elapsed() < WARM_UP || warm_calls == 0 {
        run(text, 1);
        warm_calls += 1;
    }
    let per_call = start.elapsed().as_secs_f64() / warm_calls as f64;
    let calls = ((SAMPLE.as_secs_f64() / per_call).ceil() as usize).max(1);
    let mut samples: Vec<f64> = (0..SAMPLES)
        .map(|_| {
            let t = Instant::now();
            run(text, calls);
            t.elapsed().as_secs_f64() / calls as f64
        })
        .collect();
    samples.sort_by(f64::total_cmp);
    Measurement {
        seconds: samples[SAMPLES / 2],
        best: samples[0],
        calls,
    }
}
