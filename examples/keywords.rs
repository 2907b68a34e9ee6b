//! Prints the keywords and page furniture of each file: `cargo run --example keywords -- FILE…`.
fn main() {
    for path in std::env::args().skip(1) {
        let text = std::fs::read_to_string(&path).unwrap_or_default();
        let a = kupas::analyze(&text, &Default::default());
        println!("== {path} ({}, {} words)", a.language.code, a.stats.words);
        for b in &a.boilerplate {
            let s: String = text[b.start..b.end].chars().take(60).collect();
            println!("   [{:?}] {s}", b.kind);
        }
        for k in a.keywords.iter().take(12) {
            println!("  {:.3} {:>3}  {}   ({})", k.score, k.count, k.text, k.key);
        }
    }
}
