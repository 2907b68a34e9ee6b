//! Golden snapshots: the whole pipeline on the fixture articles, rendered one line per
//! sentence and per token so that a change reads like a table diff.
//!
//! Regenerate after an intended change with `UPDATE_GOLDEN=1 cargo test --test golden`,
//! then read the diff (`git diff tests/golden`) before committing it.
#![cfg(not(target_arch = "wasm32"))]

use kupas::{analyze, Options};
use std::fmt::Write;
use std::path::Path;

fn render(text: &str) -> String {
    let a = analyze(
        text,
        &Options {
            tokens: true,
            ..Default::default()
        },
    );
    let mut out = String::new();
    let _ = writeln!(
        out,
        "language  {} {:.2}",
        a.language.code, a.language.confidence
    );
    let s = &a.stats;
    let _ = writeln!(
        out,
        "stats     characters={} words={} sentences={} readingMinutes={}",
        s.characters, s.words, s.sentences, s.reading_minutes
    );
    out.push_str("\n# boilerplate: kind text\n");
    for b in &a.boilerplate {
        let kind = format!("{:?}", b.kind).to_lowercase();
        let _ = writeln!(out, "{kind:<10} {}", &text[b.start..b.end]);
    }
    out.push_str("\n# keywords: rank score count text [key]\n");
    for (i, k) in a.keywords.iter().enumerate() {
        let _ = writeln!(
            out,
            "{:>3}  {:.3} {:>3}  {}  [{}]",
            i + 1,
            k.score,
            k.count,
            k.text,
            k.key
        );
    }
    out.push_str("\n# sentences\n");
    for (i, span) in a.sentences.iter().enumerate() {
        let _ = writeln!(
            out,
            "{i:>3}  {}",
            text[span.start..span.end].replace('\n', "⏎")
        );
    }
    out.push_str("\n# tokens: sentence kind shape surface [key when it differs]\n");
    for t in a.tokens.unwrap_or_default() {
        let surface = &text[t.start..t.end];
        let key = if t.key == surface {
            String::new()
        } else {
            format!("  [{}]", t.key)
        };
        let _ = writeln!(
            out,
            "{:>3}  {:<8} {:<10} {surface}{key}",
            t.sentence,
            t.kind.as_str(),
            t.shape
        );
    }
    out
}

fn check(name: &str) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests");
    let text = std::fs::read_to_string(root.join("fixtures").join(format!("{name}.txt"))).unwrap();
    let got = render(&text);
    let path = root.join("golden").join(format!("{name}.txt"));
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(&path, &got).unwrap();
        return;
    }
    let want = std::fs::read_to_string(&path).unwrap_or_default();
    if got != want {
        let diff: Vec<String> = want
            .lines()
            .zip(got.lines())
            .enumerate()
            .filter(|(_, (w, g))| w != g)
            .take(15)
            .map(|(i, (w, g))| format!("line {}:\n  - {w}\n  + {g}", i + 1))
            .collect();
        panic!(
            "golden {name} changed ({} vs {} lines); first differences:\n{}\n\
             If the change is intended: UPDATE_GOLDEN=1 cargo test --test golden",
            want.lines().count(),
            got.lines().count(),
            diff.join("\n")
        );
    }
}

#[test]
fn indonesian_flood_report() {
    check("id_banjir");
}

#[test]
fn english_trade_talks() {
    check("en_summit");
}

#[test]
fn unicode_mix() {
    check("unicode_mix");
}

#[test]
fn indonesian_page_furniture() {
    check("id_furniture");
}
