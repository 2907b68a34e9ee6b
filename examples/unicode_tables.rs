//! Writes `data/unicode/nfkc.bin`, the table behind `kupas::unicode`, from the Unicode
//! Character Database tables of the `unicode-normalization` crate (a dev-dependency).
//!
//! ```text
//! cargo run --example unicode_tables [-- OUT]
//! ```
//!
//! The format is described in `src/unicode.rs`. Hangul syllables are left out: the reader
//! handles them by arithmetic. Deterministic: the same crate version gives the same bytes.

use kupas::varint::write;
use unicode_normalization::char::{
    canonical_combining_class, compose, decompose_canonical, decompose_compatible,
    is_combining_mark,
};
use unicode_normalization::UnicodeNormalization;

fn zigzag(v: i64) -> u32 {
    ((v << 1) ^ (v >> 63)) as u32
}

fn is_hangul_syllable(c: char) -> bool {
    ('\u{AC00}'..='\u{D7A3}').contains(&c)
}

/// Runs `(start, end exclusive, value)` of consecutive code points with the same non-zero
/// value.
fn runs(value: impl Fn(char) -> u8) -> Vec<(u32, u32, u8)> {
    let mut out: Vec<(u32, u32, u8)> = Vec::new();
    for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
        let v = value(c);
        if v == 0 {
            continue;
        }
        let u = c as u32;
        match out.last_mut() {
            Some((_, end, last)) if *end == u && *last == v => *end += 1,
            _ => out.push((u, u + 1, v)),
        }
    }
    out
}

fn write_runs(out: &mut Vec<u8>, runs: &[(u32, u32, u8)], with_value: bool) {
    write(out, runs.len() as u32);
    let mut end = 0;
    for &(start, stop, value) in runs {
        write(out, start - end);
        write(out, stop - start);
        if with_value {
            write(out, u32::from(value));
        }
        end = stop;
    }
}

fn main() {
    let path = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "data/unicode/nfkc.bin".into());
    let chars: Vec<char> = (0..=0x10FFFFu32).filter_map(char::from_u32).collect();
    let mut out = b"KUPASUN2".to_vec();

    // Full compatibility decompositions that differ from the character itself.
    let mut decompositions = Vec::new();
    for &c in chars.iter().filter(|&&c| !is_hangul_syllable(c)) {
        let mut d = Vec::new();
        decompose_compatible(c, |x| d.push(x));
        if d != [c] {
            decompositions.push((c as u32, d));
        }
    }
    // Three columns, which compress better than rows: the gaps, the lengths, the deltas.
    write(&mut out, decompositions.len() as u32);
    let mut key = 0;
    for (c, _) in &decompositions {
        write(&mut out, c - key);
        key = *c;
    }
    // The low bit marks a character that NFKC keeps as it is (é), when alone.
    let kept: Vec<bool> = decompositions
        .iter()
        .map(|(c, _)| char::from_u32(*c).is_some_and(|c| c.to_string().nfkc().eq([c])))
        .collect();
    for ((_, d), &alone) in decompositions.iter().zip(&kept) {
        write(&mut out, (d.len() as u32) << 1 | u32::from(alone));
    }
    for (c, d) in &decompositions {
        let mut prev = i64::from(*c);
        for &x in d {
            write(&mut out, zigzag(i64::from(x as u32) - prev));
            prev = i64::from(x as u32);
        }
    }

    write_runs(&mut out, &runs(canonical_combining_class), true);

    // Primary composites: a character whose canonical decomposition, with its last
    // character taken off and composed again, composes back to it.
    let mut pairs = Vec::new();
    for &c in chars.iter().filter(|&&c| !is_hangul_syllable(c)) {
        let mut d = Vec::new();
        decompose_canonical(c, |x| d.push(x));
        let Some((&last, head)) = d.split_last() else {
            continue;
        };
        let Some(first) = head
            .iter()
            .copied()
            .reduce(|a, b| compose(a, b).unwrap_or(a))
        else {
            continue;
        };
        if compose(first, last) == Some(c) {
            pairs.push((first as u32, last as u32, c as u32));
        }
    }
    pairs.sort_unstable();
    // The reader derives most pairs from the decompositions (`derived_pairs` in
    // src/unicode.rs, restated here): only the others are written.
    let full: std::collections::HashMap<&[char], u32> = decompositions
        .iter()
        .zip(&kept)
        .filter(|(_, &k)| k)
        .map(|((c, d), _)| (&d[..], *c))
        .collect();
    let mut derived = Vec::new();
    for ((c, d), _) in decompositions.iter().zip(&kept).filter(|(_, &k)| k) {
        if let Some((&last, head)) = d.split_last() {
            let first = match head {
                [one] => Some(*one as u32),
                _ => full.get(head).copied(),
            };
            if let Some(first) = first {
                derived.push((first, last as u32, *c));
            }
        }
    }
    derived.sort_unstable();
    assert!(
        derived.iter().all(|p| pairs.binary_search(p).is_ok()),
        "a derived pair is not a composition"
    );
    let derived_count = derived.len();
    pairs.retain(|p| derived.binary_search(p).is_err());
    write(&mut out, pairs.len() as u32);
    let mut prev = 0;
    for &(first, _, _) in &pairs {
        write(&mut out, first - prev);
        prev = first;
    }
    for &(_, second, _) in &pairs {
        write(&mut out, second);
    }
    for &(first, _, composite) in &pairs {
        write(&mut out, zigzag(i64::from(composite) - i64::from(first)));
    }

    write_runs(&mut out, &runs(|c| u8::from(is_combining_mark(c))), false);

    std::fs::write(&path, &out).unwrap_or_else(|e| panic!("writing {path}: {e}"));
    println!(
        "{path}: {} bytes; {} decompositions, {} pairs derived from them, {} written",
        out.len(),
        decompositions.len(),
        derived_count,
        pairs.len()
    );
}
