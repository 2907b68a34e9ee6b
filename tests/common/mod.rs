//! What the integration tests share: scoring the whole pipeline on a CoNLL fixture of
//! `tests/fixtures/` as `npm run eval:ner` scores it (exact span and type).

use kupas::ner::train::{analyzed, micro, parse_conll, score, Gold};

/// Micro F1 of `analyze` on the CoNLL fixture `name`, each sentence analysed on its own.
pub fn f1(name: &str) -> f64 {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let sentences = parse_conll(&text);
    assert!(
        sentences.len() >= 20,
        "{name}: {} sentences",
        sentences.len()
    );
    let predicted: Vec<Vec<Gold>> = sentences.iter().map(|s| analyzed(&s.text)).collect();
    micro(&score(&sentences, &predicted)).scores().2
}
