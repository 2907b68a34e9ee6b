//! Unicode NFKC and combining marks from one compact table.
//!
//! `data/unicode/nfkc.bin` holds what NFKC needs (each character's full compatibility
//! decomposition, the canonical combining classes, the primary composition pairs) and the
//! set of combining marks (general category M). It is written by `cargo run --example
//! unicode_tables` from the `unicode-normalization` crate's Unicode Character Database
//! tables and read once, on first use. Hangul syllables are decomposed and composed by
//! arithmetic, not by the table. `tests/unicode.rs` checks every code point, and a set of
//! sequences, against the crate.
//!
//! Format `KUPASUN2` (all numbers LEB128; "zigzag" maps signed to unsigned; lists of
//! records are stored a column at a time, which compresses better):
//! - decompositions: `n`; `n` gaps to the previous key; `n` × `length × 2 + kept`, where
//!   `kept` is 1 when NFKC keeps the character alone as it is (`é`); then each one's
//!   characters as zigzag deltas, the first from the key, the others from the previous one;
//! - combining-class runs: `n, n × (gap from the previous run's end, length, class)`;
//! - the composition pairs that the decompositions do not give ([`derived_pairs`]),
//!   sorted by first character: `n`; `n` gaps of the first; `n` seconds;
//!   `n` × zigzag(composite − first) (12 of the 961 pairs of Unicode 18);
//! - combining-mark runs: `n, n × (gap from the previous run's end, length)`.

use crate::varint::read as read_varint;
use std::sync::{LazyLock, OnceLock};

struct Tables {
    /// Sorted code points that decompose, and where each one's decomposition starts in
    /// `pool` (one more entry than `keys`, so `at[i]..at[i + 1]`).
    keys: Vec<u32>,
    at: Vec<u32>,
    /// Per key: NFKC keeps the character alone as it is.
    kept: Vec<bool>,
    pool: Vec<char>,
    /// Runs `(start, end exclusive, class)` of non-zero canonical combining class.
    classes: Vec<(u32, u32, u8)>,
    /// The composition pairs the file lists, beyond those the decompositions give.
    listed: Vec<(u64, char)>,
    /// All composition pairs, worked out when text first needs composing (most text is
    /// NFKC already, and [`is_nfkc_quick`] does not need them).
    composition: OnceLock<Composition>,
    /// Sorted, distinct second characters of the pairs, worked out without the pairs: the
    /// last character of every decomposition that NFKC keeps, and the listed pairs'. That
    /// could hold a character no pair has (with Unicode 18's tables it holds the same 72),
    /// which would only make [`Tables::is_stable`] say no to a character that is: time,
    /// not correctness; a test checks that no pair's second is missing.
    seconds: Vec<u32>,
    /// Runs `(start, end exclusive)` of combining marks.
    marks: Vec<(u32, u32)>,
}

/// Composition pairs `(first << 21 | second)`, sorted, and their composites.
struct Composition {
    pairs: Vec<u64>,
    composites: Vec<char>,
}

static TABLES: LazyLock<Tables> = LazyLock::new(|| {
    Tables::from_bytes(include_bytes!("../data/unicode/nfkc.bin")).unwrap_or_else(Tables::empty)
});

const MAGIC: &[u8; 8] = b"KUPASUN2";

fn zigzag(v: u32) -> i64 {
    i64::from(v >> 1) ^ -i64::from(v & 1)
}

fn to_char(v: i64) -> Option<char> {
    u32::try_from(v).ok().and_then(char::from_u32)
}

impl Tables {
    fn empty() -> Tables {
        Tables {
            keys: Vec::new(),
            at: vec![0],
            kept: Vec::new(),
            pool: Vec::new(),
            classes: Vec::new(),
            listed: Vec::new(),
            composition: OnceLock::new(),
            seconds: Vec::new(),
            marks: Vec::new(),
        }
    }

    fn from_bytes(bytes: &[u8]) -> Option<Tables> {
        let rest = bytes.strip_prefix(MAGIC)?;
        let mut at = 0;
        let mut next = || read_varint(rest, &mut at);
        let mut t = Tables::empty();

        let n = next()? as usize;
        let mut key = 0u32;
        for _ in 0..n {
            key = key.checked_add(next()?)?;
            t.keys.push(key);
        }
        let mut lens = Vec::with_capacity(n);
        for _ in 0..n {
            let len = next()?;
            t.kept.push(len & 1 == 1);
            lens.push(len >> 1);
        }
        for (&key, len) in t.keys.iter().zip(lens) {
            let mut prev = i64::from(key);
            for _ in 0..len {
                prev += zigzag(next()?);
                t.pool.push(to_char(prev)?);
            }
            t.at.push(u32::try_from(t.pool.len()).ok()?);
        }

        let mut end = 0u32;
        for _ in 0..next()? {
            let start = end.checked_add(next()?)?;
            end = start.checked_add(next()?)?;
            let class = u8::try_from(next()?).ok()?;
            t.classes.push((start, end, class));
        }

        let n = next()? as usize;
        let mut first = 0u32;
        let mut firsts = Vec::with_capacity(n);
        for _ in 0..n {
            first = first.checked_add(next()?)?;
            firsts.push(first);
        }
        let mut seconds = Vec::with_capacity(n);
        for _ in 0..n {
            seconds.push(next()?);
        }
        for (&first, second) in firsts.iter().zip(seconds) {
            let composite = to_char(i64::from(first) + zigzag(next()?))?;
            t.listed
                .push((u64::from(first) << 21 | u64::from(second), composite));
        }
        let lasts = (0..t.keys.len()).filter_map(|i| t.composite(i).map(|(_, last)| last as u32));
        t.seconds = lasts.collect();
        t.seconds
            .extend(t.listed.iter().map(|&(key, _)| key as u32 & 0x1F_FFFF));
        crate::sort::sort(&mut t.seconds);
        t.seconds.dedup();

        let mut end = 0u32;
        for _ in 0..next()? {
            let start = end.checked_add(next()?)?;
            end = start.checked_add(next()?)?;
            t.marks.push((start, end));
        }
        (at == rest.len()).then_some(t)
    }

    /// The head and last character of key `i`'s decomposition when composition can make
    /// the key again: NFKC keeps it, and the decomposition is more than one character.
    fn composite(&self, i: usize) -> Option<(&[char], char)> {
        let d = self.decomposition_at(i)?;
        let (&last, head) = d.split_last()?;
        (self.kept[i] && !head.is_empty()).then_some((head, last))
    }

    /// All composition pairs, sorted: those the decompositions give and those listed.
    fn composition(&self) -> &Composition {
        self.composition.get_or_init(|| {
            let mut pairs = self.derived_pairs();
            pairs.extend_from_slice(&self.listed);
            crate::sort::sort(&mut pairs);
            let (pairs, composites) = pairs.into_iter().unzip();
            Composition { pairs, composites }
        })
    }

    /// The composition pairs that the decompositions give, as `(first << 21 | second,
    /// composite)`: a character that NFKC keeps, whose decomposition is its first
    /// character's and one more (`ǖ` is `ü` and a macron, `ü` is `u` and a diaeresis).
    /// The file lists the few others.
    fn derived_pairs(&self) -> Vec<(u64, char)> {
        // Keys by decomposition, to find the character whose decomposition is a head.
        let mut by_decomposition: Vec<(&[char], u32)> = (0..self.keys.len())
            .filter(|&i| self.composite(i).is_some())
            .filter_map(|i| Some((self.decomposition_at(i)?, self.keys[i])))
            .collect();
        crate::sort::sort(&mut by_decomposition);
        let mut out = Vec::new();
        for (i, &key) in self.keys.iter().enumerate() {
            let Some((head, last)) = self.composite(i) else {
                continue;
            };
            let first = match head {
                [one] => Some(*one as u32),
                _ => by_decomposition
                    .binary_search_by(|(d, _)| (*d).cmp(head))
                    .ok()
                    .map(|j| by_decomposition[j].1),
            };
            if let (Some(first), Some(c)) = (first, char::from_u32(key)) {
                out.push((u64::from(first) << 21 | u64::from(last as u32), c));
            }
        }
        out
    }

    fn decomposition(&self, c: char) -> Option<&[char]> {
        self.decomposition_at(self.keys.binary_search(&(c as u32)).ok()?)
    }

    fn decomposition_at(&self, i: usize) -> Option<&[char]> {
        self.pool
            .get(*self.at.get(i)? as usize..*self.at.get(i + 1)? as usize)
    }

    fn class(&self, c: char) -> u8 {
        let c = c as u32;
        let i = self.classes.partition_point(|&(_, end, _)| end <= c);
        match self.classes.get(i) {
            Some(&(start, _, class)) if start <= c => class,
            _ => 0,
        }
    }

    fn compose(&self, a: char, b: char) -> Option<char> {
        if let Some(c) = compose_hangul(a, b) {
            return Some(c);
        }
        let key = u64::from(a as u32) << 21 | u64::from(b as u32);
        let c = self.composition();
        let i = c.pairs.binary_search(&key).ok()?;
        Some(c.composites[i])
    }

    /// True when NFKC keeps `c` as it is beside any other stable character: alone it
    /// stays itself, it is a starter, and it is never the second character of a
    /// composition. (A following mark that could change it is itself not stable.)
    fn is_stable(&self, c: char) -> bool {
        let u = c as u32;
        u < 0xA0
            || (!is_hangul_second(u)
                && self.keys.binary_search(&u).map_or(true, |i| self.kept[i])
                && self.class(c) == 0
                && self.seconds.binary_search(&u).is_err())
    }
}

const S_BASE: u32 = 0xAC00;
const L_BASE: u32 = 0x1100;
const V_BASE: u32 = 0x1161;
const T_BASE: u32 = 0x11A7;
const L_COUNT: u32 = 19;
const V_COUNT: u32 = 21;
const T_COUNT: u32 = 28;
const N_COUNT: u32 = V_COUNT * T_COUNT;
const S_COUNT: u32 = L_COUNT * N_COUNT;

fn is_hangul_second(u: u32) -> bool {
    (V_BASE..V_BASE + V_COUNT).contains(&u) || (T_BASE + 1..T_BASE + T_COUNT).contains(&u)
}

/// Hangul syllable composition (Unicode §3.12): L + V → LV, LV + T → LVT.
fn compose_hangul(a: char, b: char) -> Option<char> {
    let (a, b) = (a as u32, b as u32);
    if (L_BASE..L_BASE + L_COUNT).contains(&a) && (V_BASE..V_BASE + V_COUNT).contains(&b) {
        return char::from_u32(S_BASE + ((a - L_BASE) * V_COUNT + (b - V_BASE)) * T_COUNT);
    }
    let s = a.wrapping_sub(S_BASE);
    if s < S_COUNT && s % T_COUNT == 0 && (T_BASE + 1..T_BASE + T_COUNT).contains(&b) {
        return char::from_u32(a + (b - T_BASE));
    }
    None
}

/// True when `text` is already in NFKC because every character is [stable](Tables::is_stable)
/// (nearly all text). A false answer only means the full algorithm must run.
pub fn is_nfkc_quick(text: &str) -> bool {
    text.is_ascii() || {
        let t = &*TABLES;
        text.chars().all(|c| t.is_stable(c))
    }
}

/// Appends the NFKC form of `text` to `out`.
///
/// ```
/// let mut out = Vec::new();
/// kupas::unicode::nfkc("ﬁ Ｋ e\u{301}", &mut out);
/// assert_eq!(out.iter().collect::<String>(), "fi K é");
/// ```
pub fn nfkc(text: &str, out: &mut Vec<char>) {
    let t = &*TABLES;
    let from = out.len();
    // 1. Full compatibility decomposition.
    for c in text.chars() {
        match t.decomposition(c) {
            Some(d) => out.extend_from_slice(d),
            None => decompose_hangul(c, out),
        }
    }
    // 2. Canonical order: each run of non-starters sorted (stably) by class.
    let mut i = from;
    while i < out.len() {
        if t.class(out[i]) == 0 {
            i += 1;
            continue;
        }
        let run = i;
        while i < out.len() && t.class(out[i]) != 0 {
            i += 1;
        }
        if i - run > 1 {
            crate::sort::sort_by_key(&mut out[run..i], |&c| t.class(c));
        }
    }
    // 3. Canonical composition, in place.
    let mut write = from;
    let mut starter: Option<usize> = None;
    let mut last_class: Option<u8> = None;
    for read in from..out.len() {
        let c = out[read];
        let class = t.class(c);
        if let Some(s) = starter {
            let blocked = last_class.is_some_and(|last| last >= class);
            if !blocked {
                if let Some(composite) = t.compose(out[s], c) {
                    out[s] = composite;
                    continue;
                }
            }
        }
        if class == 0 {
            starter = Some(write);
            last_class = None;
        } else {
            last_class = Some(class);
        }
        out[write] = c;
        write += 1;
    }
    out.truncate(write);
}

fn decompose_hangul(c: char, out: &mut Vec<char>) {
    let s = (c as u32).wrapping_sub(S_BASE);
    if s >= S_COUNT {
        out.push(c);
        return;
    }
    let l = L_BASE + s / N_COUNT;
    let v = V_BASE + (s % N_COUNT) / T_COUNT;
    let t = T_BASE + s % T_COUNT;
    out.extend(char::from_u32(l));
    out.extend(char::from_u32(v));
    if t != T_BASE {
        out.extend(char::from_u32(t));
    }
}

/// The NFKC form of one character when that form is one other character
/// (`Ｋ` → `K`, `ſ` → `s`), else `None`.
pub fn fold(c: char) -> Option<char> {
    if TABLES.is_stable(c) {
        return None;
    }
    let mut buf = [0u8; 4];
    let mut out = Vec::with_capacity(4);
    nfkc(c.encode_utf8(&mut buf), &mut out);
    match out[..] {
        [one] if one != c => Some(one),
        _ => None,
    }
}

/// True for combining marks (general category Mn, Mc or Me).
pub fn is_combining_mark(c: char) -> bool {
    let u = c as u32;
    if u < 0x300 {
        return false;
    }
    let marks = &TABLES.marks;
    let i = marks.partition_point(|&(_, end)| end <= u);
    marks.get(i).is_some_and(|&(start, _)| start <= u)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn nfkc_string(s: &str) -> String {
        let mut out = Vec::new();
        nfkc(s, &mut out);
        out.into_iter().collect()
    }

    #[test]
    fn table_reads_whole() {
        let t = &*TABLES;
        assert!(t.keys.len() > 5000, "{} decompositions", t.keys.len());
        let pairs = &t.composition().pairs;
        assert!(pairs.len() > 900, "{} pairs", pairs.len());
        assert!(t.marks.len() > 100);
        assert!(t.classes.len() > 100);
    }

    #[test]
    fn composes_and_orders() {
        assert_eq!(nfkc_string("e\u{301}"), "é");
        // Dot below (220) sorts before dot above (230); both then compose onto s.
        assert_eq!(nfkc_string("s\u{307}\u{323}"), "\u{1E69}");
        assert_eq!(nfkc_string("\u{1100}\u{1161}\u{11A8}"), "각");
        assert_eq!(nfkc_string("각"), "각");
        assert_eq!(nfkc_string("½"), "1⁄2");
        assert_eq!(nfkc_string("\u{301}a"), "\u{301}a");
    }

    #[test]
    fn folds_one_character() {
        assert_eq!(fold('Ｋ'), Some('K'));
        assert_eq!(fold('ſ'), Some('s'));
        assert_eq!(fold('ﬁ'), None);
        assert_eq!(fold('é'), None);
        assert_eq!(fold('a'), None);
    }

    #[test]
    fn quick_check() {
        assert!(is_nfkc_quick("Сергей café 😀 각"));
        assert!(!is_nfkc_quick("cafe\u{301}"));
        assert!(!is_nfkc_quick("café\u{323}"));
        assert!(!is_nfkc_quick("ﬁnal"));
    }

    #[test]
    fn marks() {
        assert!(is_combining_mark('\u{301}'));
        assert!(is_combining_mark('\u{93F}'));
        assert!(!is_combining_mark('a'));
        assert!(!is_combining_mark('é'));
    }

    #[test]
    fn the_composition_pairs_are_the_databases() {
        use unicode_normalization::char::{compose, decompose_canonical};
        let t = &*TABLES;
        let Composition { pairs, composites } = t.composition();
        assert!(pairs.len() > 900);
        for (&key, &c) in pairs.iter().zip(composites) {
            let (a, b) = ((key >> 21) as u32, key as u32 & 0x1F_FFFF);
            // A character that is the second of a pair is never stable.
            assert!(t.seconds.binary_search(&b).is_ok(), "{b:x}");
            let (a, b) = (char::from_u32(a).unwrap(), char::from_u32(b).unwrap());
            assert_eq!(compose(a, b), Some(c), "{a} {b}");
        }
        // Every primary composite is among them: its decomposition recomposes through one.
        let mut found = 0;
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            let mut d = Vec::new();
            decompose_canonical(c, |x| d.push(x));
            if let [.., a, b] = d[..] {
                let first = d[..d.len() - 1]
                    .iter()
                    .copied()
                    .reduce(|x, y| compose(x, y).unwrap_or(x));
                if compose(first.unwrap_or(a), b) == Some(c)
                    && !(0xAC00..=0xD7A3).contains(&(c as u32))
                {
                    found += 1;
                    assert_eq!(t.compose(first.unwrap_or(a), b), Some(c), "{c}");
                }
            }
        }
        assert_eq!(found, pairs.len());
    }

    #[test]
    fn refuses_damaged_tables() {
        let bytes = include_bytes!("../data/unicode/nfkc.bin");
        assert!(Tables::from_bytes(bytes).is_some());
        assert!(Tables::from_bytes(&bytes[..bytes.len() - 1]).is_none());
        assert!(Tables::from_bytes(&bytes[1..]).is_none());
    }
}
