//! Trains the entity tagger and writes `data/ner/model.bin` (`npm run train`).
//!
//! ```text
//! cargo run --release --example train                 # the default data in ../shared/data/ner
//! cargo run --release --example train -- --epochs 12 --out /tmp/model.bin
//! ```
//!
//! Trains on the `train` files of idner-news-2k and NERGrit and reports micro F1 on their
//! development files after each epoch. Deterministic: the same data gives the same bytes.

use kupas::ner::train::{micro, parse_conll, predict, score, Sentence};
use std::path::PathBuf;

const DATA: &str = "../shared/data/ner";
/// Features whose largest weight quantizes below this (of 127) are dropped: 2 keeps about
/// 26,000 of 75,000 features (167 KB gzipped instead of about 400) at a cost of about 1.5 F1
/// on idner-news-2k dev.
const PRUNE: i8 = 2;
const TRAIN: [&str; 2] = ["idner-news-2k/train.txt", "nergrit/train_preprocess.txt"];
const DEV: [&str; 2] = ["idner-news-2k/dev.txt", "nergrit/valid_preprocess.txt"];

fn read(path: &PathBuf) -> Vec<Sentence> {
    match std::fs::read_to_string(path) {
        Ok(s) => parse_conll(&s),
        Err(e) => {
            eprintln!("train: cannot read {}: {e}", path.display());
            std::process::exit(2);
        }
    }
}

fn main() {
    let mut epochs = 8usize;
    let mut out = PathBuf::from("data/ner/model.bin");
    let mut data = PathBuf::from(DATA);
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--epochs" => epochs = args.next().and_then(|v| v.parse().ok()).unwrap_or(epochs),
            "--out" => out = args.next().map(PathBuf::from).unwrap_or(out),
            "--data" => data = args.next().map(PathBuf::from).unwrap_or(data),
            _ => {
                eprintln!("usage: train [--epochs N] [--out FILE] [--data DIR]");
                std::process::exit(2);
            }
        }
    }
    let mut train = Vec::new();
    for f in TRAIN {
        train.extend(read(&data.join(f)));
    }
    let dev: Vec<(&str, Vec<Sentence>)> = DEV.iter().map(|f| (*f, read(&data.join(f)))).collect();
    eprintln!("train: {} sentences, {} epochs", train.len(), epochs);
    let model = kupas::ner::train::train(&train, epochs, |epoch, model| {
        let mut line = format!("epoch {epoch:>2}");
        for (name, sentences) in &dev {
            let predicted: Vec<_> = sentences.iter().map(|s| predict(model, &s.text)).collect();
            let (_, _, f1) = micro(&score(sentences, &predicted)).scores();
            line.push_str(&format!("  {name} F1 {f1:.2}"));
        }
        eprintln!("{line}");
    });
    if let Ok(list) = std::env::var("TRY_PRUNE") {
        for min in list.split(',').filter_map(|v| v.parse::<i8>().ok()) {
            let bytes = model.to_bytes_pruned(min);
            let m = kupas::ner::model::Model::from_bytes(&bytes).unwrap_or_default();
            let mut line = format!("prune {min}: {} features {} bytes", m.len(), bytes.len());
            for (name, sentences) in &dev {
                let predicted: Vec<_> = sentences.iter().map(|s| predict(&m, &s.text)).collect();
                let (_, _, f1) = micro(&score(sentences, &predicted)).scores();
                line.push_str(&format!("  {name} F1 {f1:.2}"));
            }
            eprintln!("{line}");
            let _ = std::fs::write(format!("/tmp/prune{min}.bin"), &bytes);
        }
    }
    let bytes = model.to_bytes_pruned(PRUNE);
    if let Err(e) = std::fs::write(&out, &bytes) {
        eprintln!("train: cannot write {}: {e}", out.display());
        std::process::exit(1);
    }
    eprintln!(
        "train: wrote {} ({} features, {} bytes)",
        out.display(),
        kupas::ner::model::Model::from_bytes(&bytes).map_or(0, |m| m.len()),
        bytes.len()
    );
}
