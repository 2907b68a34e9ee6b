//! `kupas-bench-yake LANG TOP FILE RUNS`: YAKE keywords of FILE (stopwords of LANG, `id` or
//! `en`; up to 3-word phrases; yake-rust's defaults otherwise), RUNS times in a row. Prints one
//! JSON line: the wall time of each run in ms, the TOP keywords of the last run, and the
//! process's peak resident memory (VmHWM, KiB).
use std::time::Instant;
use yake_rust::{get_n_best, Config, StopWords};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let [_, lang, top, file, runs] = args.as_slice() else {
        eprintln!("usage: kupas-bench-yake LANG TOP FILE RUNS");
        std::process::exit(2);
    };
    let top: usize = top.parse().expect("TOP is a number");
    let runs: usize = runs.parse().expect("RUNS is a number");
    let stop = StopWords::predefined(lang).expect("LANG has a stopword list");
    let config = Config::default();
    let text = std::fs::read_to_string(file).expect("FILE is readable UTF-8");
    let mut times = Vec::new();
    let mut keywords = Vec::new();
    for _ in 0..runs.max(1) {
        let t = Instant::now();
        keywords = get_n_best(top, &text, &stop, &config);
        times.push(t.elapsed().as_secs_f64() * 1e3);
    }
    let hwm = std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find_map(|l| l.strip_prefix("VmHWM:"))
                .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<u64>().ok())
        })
        .unwrap_or(0);
    let keywords: Vec<&str> = keywords.iter().map(|k| k.raw.as_str()).collect();
    let line = serde_json::json!({ "timesMs": times, "keywords": keywords, "maxRssKb": hwm });
    println!("{line}");
}
