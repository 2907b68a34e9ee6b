//! Scores keyword extraction against gold keyphrases: `npm run eval:keywords -- FILE.jsonl`.
//!
//! Each line of the file is `{"id", "text", "keys": [...]}` (optionally `"lang"`). Per
//! document the top k keywords are compared with the gold keys; a keyword matches a key
//! when both are equal after lower-casing, deleting word-internal hyphens and stemming
//! every word (Porter's revised English stemmer for English, Snowball Indonesian for
//! Indonesian). Precision, recall and F1 at k = 5, 10, 20 and 50 are computed per document
//! and averaged over documents. `EVAL_VERBOSE=1` prints each document's top 10, matches in
//! brackets.

use kupas::stem::Stemmer;
use std::collections::HashSet;

fn normalize(phrase: &str, stemmer: Stemmer) -> String {
    phrase
        .to_lowercase()
        .split_whitespace()
        .map(|w| {
            let w = w.trim_matches(|c: char| !c.is_alphanumeric());
            let joined: String = w.split('-').collect();
            stemmer.stem(&joined).into_owned()
        })
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: npm run eval:keywords -- FILE.jsonl");
        std::process::exit(2);
    };
    let data = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        eprintln!("cannot read {path}: {e}");
        std::process::exit(2);
    });
    let ks = [5usize, 10, 20, 50];
    let mut sums = [[0f64; 3]; 4];
    let mut docs = 0usize;
    let verbose = std::env::var_os("EVAL_VERBOSE").is_some();
    let started = std::time::Instant::now();
    let mut bytes = 0usize;
    for line in data.lines().filter(|l| !l.trim().is_empty()) {
        let doc: serde_json::Value = serde_json::from_str(line).unwrap_or_else(|e| {
            eprintln!("bad line in {path}: {e}");
            std::process::exit(2);
        });
        let text = doc["text"].as_str().unwrap_or_default();
        bytes += text.len();
        let lang = doc["lang"].as_str();
        let options = kupas::Options {
            language: match lang {
                Some("id") => kupas::LanguageChoice::Id,
                Some("en") => kupas::LanguageChoice::En,
                _ => kupas::LanguageChoice::Auto,
            },
            // Deep enough for @50; the order of the first 20 does not depend on it.
            keywords: Some(50),
            ..Default::default()
        };
        let analysis = kupas::analyze(text, &options);
        let stemmer = Stemmer::for_language(analysis.language.code);
        let gold: HashSet<String> = doc["keys"]
            .as_array()
            .map(|keys| {
                keys.iter()
                    .filter_map(|k| k.as_str())
                    .map(|k| normalize(k, stemmer))
                    .filter(|k| !k.is_empty())
                    .collect()
            })
            .unwrap_or_default();
        let mut predicted: Vec<String> = Vec::new();
        for k in &analysis.keywords {
            let n = normalize(&k.text, stemmer);
            if !n.is_empty() && !predicted.contains(&n) {
                predicted.push(n);
            }
        }
        for (i, &k) in ks.iter().enumerate() {
            let top = &predicted[..predicted.len().min(k)];
            let hits = top.iter().filter(|p| gold.contains(*p)).count() as f64;
            let p = if top.is_empty() {
                0.0
            } else {
                hits / top.len() as f64
            };
            let r = if gold.is_empty() {
                0.0
            } else {
                hits / gold.len() as f64
            };
            let f = if p + r > 0.0 {
                2.0 * p * r / (p + r)
            } else {
                0.0
            };
            sums[i][0] += p;
            sums[i][1] += r;
            sums[i][2] += f;
        }
        if verbose {
            let id = doc["id"].as_str().unwrap_or("?");
            let marked: Vec<String> = predicted
                .iter()
                .take(10)
                .map(|p| {
                    if gold.contains(p) {
                        format!("[{p}]")
                    } else {
                        p.clone()
                    }
                })
                .collect();
            println!("{id}: {}", marked.join(" | "));
        }
        docs += 1;
    }
    let seconds = started.elapsed().as_secs_f64();
    println!("{path}: {docs} documents");
    for (i, k) in ks.iter().enumerate() {
        let n = docs.max(1) as f64;
        println!(
            "@{k:<2}  P {:5.2}  R {:5.2}  F1 {:5.2}",
            100.0 * sums[i][0] / n,
            100.0 * sums[i][1] / n,
            100.0 * sums[i][2] / n
        );
    }
    println!(
        "{:.1} MB in {:.2} s (native, analyze with keywords)",
        bytes as f64 / 1e6,
        seconds
    );
}
