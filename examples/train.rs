//! Trains the entity tagger and writes `data/ner/model.bin` (`npm run train`).
//!
//! ```text
//! cargo run --release --example train                 # the default data in ../shared/data/ner
//! cargo run --release --example train -- --epochs 12 --runs 2 --keep 0.25 --out /tmp/model.bin
//! ```
//!
//! Trains on the `train` files of idner-news-2k and NERGrit in two rounds
//! ([`kupas::ner::train::train_compact`]: several runs averaged, then the same on the
//! features that carry weight) and reports micro F1 on their development files along the
//! way. Deterministic: the same data gives the same bytes.

use kupas::ner::model::Model;
use kupas::ner::train::{micro, parse_conll, predict, score, train_compact, Plan, Sentence, Step};
use std::path::PathBuf;

const DATA: &str = "../shared/data/ner";
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
    let mut plan = Plan::default();
    let mut out = PathBuf::from("data/ner/model.bin");
    let mut data = PathBuf::from(DATA);
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let mut value = || args.next().unwrap_or_default();
        match a.as_str() {
            "--epochs" => plan.epochs = value().parse().unwrap_or(plan.epochs),
            "--runs" => plan.runs = value().parse().unwrap_or(plan.runs),
            "--keep" => plan.keep = value().parse().unwrap_or(plan.keep),
            "--out" => out = PathBuf::from(value()),
            "--data" => data = PathBuf::from(value()),
            _ => {
                eprintln!(
                    "usage: train [--epochs N] [--runs N] [--keep F] [--out FILE] [--data DIR]"
                );
                std::process::exit(2);
            }
        }
    }
    let mut train = Vec::new();
    for f in TRAIN {
        train.extend(read(&data.join(f)));
    }
    let dev: Vec<(&str, Vec<Sentence>)> = DEV.iter().map(|f| (*f, read(&data.join(f)))).collect();
    eprintln!(
        "train: {} sentences, {} runs of {} epochs, keep {} of the features",
        train.len(),
        plan.runs,
        plan.epochs,
        plan.keep
    );
    let f1 = |model: &Model| -> String {
        let mut line = format!("{:>6} features", model.len());
        for (name, sentences) in &dev {
            let predicted: Vec<_> = sentences.iter().map(|s| predict(model, &s.text)).collect();
            let (_, _, f1) = micro(&score(sentences, &predicted)).scores();
            line.push_str(&format!("  {name} F1 {f1:.2}"));
        }
        line
    };
    let model = train_compact(&train, plan, |step, model| match step {
        Step::Run(run) => eprintln!("run {run}  {}", f1(model)),
        Step::Full => eprintln!("runs averaged  {}", f1(model)),
        Step::Compact => eprintln!("kept features, runs again, averaged  {}", f1(model)),
    });
    let bytes = model.to_bytes();
    if let Err(e) = std::fs::write(&out, &bytes) {
        eprintln!("train: cannot write {}: {e}", out.display());
        std::process::exit(1);
    }
    let written = Model::from_bytes(&bytes).unwrap_or_default();
    eprintln!(
        "train: wrote {} ({} bytes; as read back: {})",
        out.display(),
        bytes.len(),
        f1(&written)
    );
}
