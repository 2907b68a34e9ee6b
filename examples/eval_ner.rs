//! Scores `analyze`'s entities against a CoNLL-style file (`npm run eval:ner -- FILE…`).
//!
//! Each sentence is rebuilt by joining its tokens with single spaces and analysed on its
//! own; predicted PERSON, ORGANIZATION and LOCATION mentions are mapped back to the file's
//! tokens and scored conlleval style (exact span and type), per type and micro-averaged.
//! With `--errors`, each sentence with a miss is printed first: `-` before a gold name that
//! was not found as it is, `+` before a predicted name that is not gold.

use kupas::analysis::EntityLabel;
use kupas::ner::train::{analyzed, micro, parse_conll, score, Gold, SCORED};

fn main() {
    let mut errors = false;
    let files: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| {
            let flag = a == "--errors";
            errors |= flag;
            !flag
        })
        .collect();
    if files.is_empty() {
        eprintln!("usage: eval_ner [--errors] FILE...  (CoNLL: token [columns] IOB-tag)");
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
        if errors {
            print_errors(&sentences, &predicted);
        }
        println!("{file}: {} sentences", sentences.len());
        println!(
            "{:<14} {:>6} {:>6} {:>6} {:>6} {:>6}",
            "type", "P", "R", "F1", "pred", "gold"
        );
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

fn name(label: EntityLabel) -> &'static str {
    match label {
        EntityLabel::Person => "PERSON",
        EntityLabel::Organization => "ORGANIZATION",
        _ => "LOCATION",
    }
}

/// Prints each sentence whose names differ from the gold ones, with the differences.
fn print_errors(sentences: &[kupas::ner::train::Sentence], predicted: &[Vec<Gold>]) {
    for (s, preds) in sentences.iter().zip(predicted) {
        let gold = s.gold();
        let same = |a: &Gold, b: &Gold| a.span == b.span && a.label == b.label;
        let missed: Vec<&Gold> = gold
            .iter()
            .filter(|g| !preds.iter().any(|p| same(p, g)))
            .collect();
        let spurious: Vec<&Gold> = preds
            .iter()
            .filter(|p| SCORED.contains(&p.label) && !gold.iter().any(|g| same(p, g)))
            .collect();
        if missed.is_empty() && spurious.is_empty() {
            continue;
        }
        println!("{}", s.text);
        for (sign, list) in [("-", missed), ("+", spurious)] {
            for g in list {
                let text = s.text.get(g.span.clone()).unwrap_or("?");
                println!("  {sign} {:<12} {text}", name(g.label));
            }
        }
    }
}
