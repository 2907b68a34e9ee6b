//! Replays the fuzzer's regression corpus in the default `cargo test`: every file in
//! `fuzz/regressions/<target>/` goes through that fuzz target's body, with the same
//! invariants the fuzzer checks (`fuzz/src/lib.rs`, compiled here as a module, so the
//! fuzzer and this test can never disagree). The files are inputs the fuzzer found
//! interesting, minimised by `cargo fuzz cmin`/`tmin` (see `scripts/fuzz.mjs`), and any
//! crash it found.
#![cfg(not(target_arch = "wasm32"))]

#[path = "../fuzz/src/lib.rs"]
#[allow(dead_code)]
mod invariants;

use std::path::{Path, PathBuf};

/// Inputs that still break an invariant in `src/`, skipped until the bug is fixed: the
/// file name and what goes wrong. Delete the line when the fix lands.
const KNOWN_FAILURES: &[(&str, &str)] = &[];

fn replay(target: &str, run: fn(&[u8])) {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("fuzz/regressions")
        .join(target);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.expect("directory entry").path())
        .filter(|p| p.is_file())
        .collect();
    files.sort();
    assert!(!files.is_empty(), "{} is empty", dir.display());
    let mut failed = Vec::new();
    for path in &files {
        let name = path.file_name().unwrap().to_string_lossy();
        if let Some((_, why)) = KNOWN_FAILURES.iter().find(|(f, _)| *f == name) {
            eprintln!("skipped {target}/{name}: {why}");
            continue;
        }
        let data = std::fs::read(path).expect("readable input");
        if std::panic::catch_unwind(|| run(&data)).is_err() {
            failed.push(short(path));
        }
    }
    assert!(failed.is_empty(), "{target}: these inputs fail: {failed:?}");
}

fn short(path: &Path) -> String {
    let parent = path.parent().and_then(Path::file_name).unwrap_or_default();
    format!(
        "{}/{}",
        parent.to_string_lossy(),
        path.file_name().unwrap_or_default().to_string_lossy()
    )
}

#[test]
fn analyze_regressions() {
    replay("analyze", invariants::analyze);
}

#[test]
fn corpus_regressions() {
    replay("corpus", invariants::corpus);
}

#[test]
fn options_regressions() {
    replay("options", invariants::options);
}
