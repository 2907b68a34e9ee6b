//! Scores `analyze`'s entities against a CoNLL-style file (`npm run eval:ner -- FILE…`).
//!
//! Each sentence is rebuilt by joining its tokens with single spaces and analysed on its
//! own; predicted PERSON, ORGANIZATION and LOCATION mentions are mapped back to the file's
//! tokens and scored conlleval style (exact span and type), per type and micro-averaged.

use kupas::analysis::EntityLabel;
use kupas::ner::train::{analyzed, micro, parse_conll, score, Gold, SCORED};

fn main() {
    let files: Vec<String> = std::env::args().skip(1).collect();
    if files.is_empty() {
        eprintln!("usage: eval_ner FILE...  (CoNLL: token [columns] IOB-tag)");
        std::process::exit(2);
    }
    for file in files {
        let data = match std::fs::read_to_string(&file) {
            Ok(d) => d,
            Err(e) => {
                eprintln!("eval_ner: cannot read {file}: {e}");
                std::process::exit(2);
            }
        };
        let sentences = parse_conll(&data);
        let started = std::time::Instant::now();
        let predicted: Vec<Vec<Gold>> = sentences.iter().map(|s| analyzed(&s.text)).collect();
        let seconds = started.elapsed().as_secs_f64();
        let counts = score(&sentences, &predicted);
        println!("{file}: {} sentences", sentences.len());
        println!(
            "{:<14} {:>6} {:>6} {:>6} {:>6} {:>6}",
            "type", "P", "R", "F1", "pred", "gold"
        );
        let name = |l: EntityLabel| match l {
            EntityLabel::Person => "PERSON",
            EntityLabel::Organization => "ORGANIZATION",
            _ => "LOCATION",
        };
        for (label, c) in SCORED.iter().zip(&counts) {
            let (p, r, f) = c.scores();
            println!(
                "{:<14} {p:>6.2} {r:>6.2} {f:>6.2} {:>6} {:>6}",
                name(*label),
                c.predicted,
                c.gold
            );
        }
        let all = micro(&counts);
        let (p, r, f) = all.scores();
        println!(
            "{:<14} {p:>6.2} {r:>6.2} {f:>6.2} {:>6} {:>6}",
            "micro", all.predicted, all.gold
        );
        println!("{:.2} s (native, analyze per sentence)", seconds);
    }
}
