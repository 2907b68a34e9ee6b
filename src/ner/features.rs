//! Features of a token for the tagger: hashed, so that the model is a table of numbers
//! keyed by `u32`, and the same code serves training and tagging.
//!
//! Each token's strings (its lower-case key, a short shape such as `Xx` or `d/d/d`, its
//! prefixes and suffixes) are hashed once; a feature is then a template number mixed with
//! one or two of those hashes, which costs a multiply rather than a string.

use crate::analysis::TokenKind;
use crate::hash::FxHasher;
use crate::token::shape_class;
use std::hash::Hasher;

/// What the templates need of one token, hashed.
#[derive(Clone, Copy, Debug, Default)]
pub struct Word {
    /// The lower-case key.
    pub key: u64,
    /// The short shape: upper, lower, digit or the character itself, repeats collapsed.
    pub shape: u64,
    /// Lower-case prefixes of 2 and 3 characters, suffixes of 2, 3 and 4.
    pub affixes: [u64; 5],
    /// Capitalised (first character upper-case).
    pub capital: bool,
    /// The token kind, as its index.
    pub kind: u8,
    /// Length in characters, capped at 15.
    pub length: u8,
    /// Written in capitals: two characters or more, a letter, no lower-case letter
    /// (*PBB*, *G7*, *U.S.*).
    pub caps: bool,
    /// Gazetteer hit, set by [`gazetteer::mark`](super::gazetteer::mark): 0 or the type
    /// and whether the word begins the name.
    pub gaz: u8,
}

/// Hash of a string with a seed (one seed per kind of string).
fn hash_str(seed: u64, s: &str) -> u64 {
    let mut h = FxHasher::default();
    h.write_u64(seed);
    h.write(s.as_bytes());
    h.write_usize(s.len());
    h.finish()
}

/// The byte index after the first `n` characters of `s` (or its length).
fn char_prefix(s: &str, n: usize) -> &str {
    match s.char_indices().nth(n) {
        Some((i, _)) => &s[..i],
        None => s,
    }
}

/// The last `n` characters of `s` (or all of it).
fn char_suffix(s: &str, n: usize) -> &str {
    match s.char_indices().rev().nth(n - 1) {
        Some((i, _)) => &s[i..],
        None => s,
    }
}

impl Word {
    /// The hash a word with lower-case key `key` has in [`Word::key`].
    pub fn key_hash(key: &str) -> u64 {
        hash_str(1, key)
    }

    /// The hashed facts of a token, from its surface and key.
    pub fn of(surface: &str, key: &str, kind: TokenKind) -> Word {
        // The shape of `token::shape` with every run collapsed to one symbol, hashed.
        let mut shape = FxHasher::default();
        let mut last = '\0';
        let mut length = 0u8;
        let (mut letter, mut lower) = (false, false);
        for c in surface.chars() {
            letter |= c.is_alphabetic();
            lower |= c.is_lowercase();
        }
        for class in surface.chars().filter_map(shape_class) {
            length = length.saturating_add(1);
            if class != last {
                shape.write_u32(u32::from(class));
                last = class;
            }
        }
        Word {
            key: hash_str(1, key),
            shape: shape.finish(),
            affixes: [
                hash_str(2, char_prefix(key, 2)),
                hash_str(3, char_prefix(key, 3)),
                hash_str(4, char_suffix(key, 2)),
                hash_str(5, char_suffix(key, 3)),
                hash_str(6, char_suffix(key, 4)),
            ],
            capital: surface.chars().next().is_some_and(char::is_uppercase),
            kind: kind as u8,
            length: length.min(15),
            caps: letter && !lower && length >= 2,
            gaz: 0,
        }
    }
}

/// A feature: a template number mixed with a value.
#[inline]
fn mix(template: u64, value: u64) -> u32 {
    let h =
        (value ^ template.wrapping_mul(0x9e37_79b9_7f4a_7c15)).wrapping_mul(0xff51_afd7_ed55_8ccd);
    (h >> 32) as u32
}

/// Sentence edges stand in for missing neighbours.
const START: u64 = 0x0053_5441_5254;
const END: u64 = 0x0045_4e44;

/// How many features [`features`] writes per token.
pub const PER_TOKEN: usize = 24;

/// Appends the features of token `i` of the sentence `words` to `out`.
pub fn features(words: &[Word], i: usize, out: &mut Vec<u32>) {
    let w = &words[i];
    let at = |d: isize| -> Option<&Word> {
        let j = i as isize + d;
        (j >= 0).then(|| words.get(j as usize)).flatten()
    };
    let key = |d: isize| at(d).map_or(if d < 0 { START } else { END }, |w| w.key);
    let shape = |d: isize| at(d).map_or(if d < 0 { START } else { END }, |w| w.shape);
    let first = u64::from(i == 0);
    out.push(mix(0, 0)); // bias
    out.push(mix(1, w.key));
    out.push(mix(2, w.shape));
    for (n, a) in w.affixes.iter().enumerate() {
        out.push(mix(3 + n as u64, *a));
    }
    out.push(mix(8, key(-1)));
    out.push(mix(9, key(1)));
    out.push(mix(10, key(-2)));
    out.push(mix(11, key(2)));
    out.push(mix(12, shape(-1) ^ shape(0).rotate_left(17)));
    out.push(mix(13, shape(0) ^ shape(1).rotate_left(17)));
    out.push(mix(14, key(-1) ^ w.key.rotate_left(23)));
    out.push(mix(15, w.key ^ key(1).rotate_left(23)));
    out.push(mix(16, first ^ w.shape.rotate_left(3)));
    out.push(mix(17, u64::from(w.length) ^ w.shape.rotate_left(7)));
    out.push(mix(18, key(-1) ^ shape(0).rotate_left(29)));
    out.push(mix(19, shape(0) ^ key(1).rotate_left(29)));
    out.push(mix(20, u64::from(w.kind) ^ u64::from(w.capital) << 8));
    let gaz = |d: isize| at(d).map_or(0xff, |w| u64::from(w.gaz));
    out.push(mix(21, gaz(0)));
    out.push(mix(22, gaz(0) ^ key(-1).rotate_left(11)));
    out.push(mix(23, gaz(-1) | gaz(0) << 8 | gaz(1) << 16));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shape_collapses_repeats_and_ignores_length() {
        let a = Word::of("Jakarta", "jakarta", TokenKind::Word);
        let b = Word::of("Bekasi", "bekasi", TokenKind::Word);
        let c = Word::of("PBB", "pbb", TokenKind::Word);
        assert_eq!(a.shape, b.shape);
        assert_ne!(a.shape, c.shape);
        assert_ne!(a.key, b.key);
        assert!(a.capital && c.capital);
    }

    #[test]
    fn affixes_count_characters_not_bytes() {
        assert_eq!(char_prefix("ékor", 2), "ék");
        assert_eq!(char_suffix("kafé", 2), "fé");
        assert_eq!(char_suffix("a", 3), "a");
    }

    #[test]
    fn every_token_gets_the_same_number_of_features() {
        let words: Vec<Word> = ["Presiden", "Joko", "Widodo"]
            .iter()
            .map(|s| Word::of(s, &s.to_lowercase(), TokenKind::Word))
            .collect();
        for i in 0..words.len() {
            let mut out = Vec::new();
            features(&words, i, &mut out);
            assert_eq!(out.len(), PER_TOKEN);
        }
        // A different neighbour changes the neighbour features, not the word's own.
        let mut a = Vec::new();
        let mut b = Vec::new();
        features(&words, 1, &mut a);
        features(&words[1..], 0, &mut b);
        assert_eq!(a[1], b[1]);
        assert_ne!(a[8], b[8]);
    }
}
