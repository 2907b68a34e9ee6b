//! Prints the keywords and page furniture of each file:
//! `cargo run --example keywords -- [--corpus] FILE…`.
fn main() {
    let mut paths: Vec<String> = std::env::args().skip(1).collect();
    let corpus = paths.first().is_some_and(|p| p == "--corpus");
    if corpus {
        paths.remove(0);
    }
    let texts: Vec<String> = paths
        .iter()
        .map(|p| std::fs::read_to_string(p).unwrap_or_default())
        .collect();
    let options = kupas::Options::default();
    let (analyses, set) = if corpus {
        let c = kupas::analyze_corpus(&texts, &options);
        (c.documents, c.keywords)
    } else {
        let a = texts.iter().map(|t| kupas::analyze(t, &options)).collect();
        (a, Vec::new())
    };
    for ((path, text), a) in paths.iter().zip(&texts).zip(&analyses) {
        println!("== {path} ({}, {} words)", a.language.code, a.stats.words);
        for b in &a.boilerplate {
            let s: String = text[b.start..b.end].chars().take(60).collect();
            println!("   [{:?}] {s}", b.kind);
        }
        for k in a.keywords.iter().take(10) {
            println!("  {:.3} {:>3}  {}", k.score, k.count, k.text);
        }
    }
    if corpus {
        println!("== the set");
        for k in set.iter().take(15) {
            println!(
                "  {:.3} {:>3} in {:?}  {}",
                k.score, k.count, k.documents, k.text
            );
        }
    }
}
