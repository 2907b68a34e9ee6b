//! Stemmers: the keyword stage groups inflected forms (*kunjungan*, *mengunjungi*,
//! *berkunjung*; *visits*, *visited*) under one key.
//!
//! Indonesian follows the Snowball Indonesian algorithm (Tala 2003, as specified at
//! snowballstem.org; BSD-licensed), implemented here on lower-case ASCII: it strips a
//! particle (*-kah*, *-lah*, *-pun*), a possessive (*-ku*, *-mu*, *-nya*), then prefixes
//! (*meng-*, *di-*, *ter-*, *ke-*, *peng-*, *ber-*, *per-*, with the sound changes
//! *meny-* → *s*, *mem-* + vowel → *p*) and one suffix (*-kan*, *-an*, *-i*), never taking
//! a word below three vowels. It needs no root dictionary, so nothing with a
//! non-commercial licence is shipped. English uses Porter's revised algorithm (Snowball
//! English), implemented in `porter2.rs` and checked word by word against the
//! `rust-stemmers` crate.
//!
//! A stemmer is a registry entry chosen by language; [`Stemmer::None`] leaves words as
//! they are, for languages without one.

use std::borrow::Cow;

/// The stemmers, one per supported language.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stemmer {
    /// The Snowball Indonesian algorithm.
    Indonesian,
    /// Porter's revised algorithm (Snowball English).
    English,
    /// No stemming.
    None,
}

impl Stemmer {
    /// The stemmer for a language code (`"id"`, `"en"`, anything else).
    pub fn for_language(code: &str) -> Stemmer {
        match code {
            "id" => Stemmer::Indonesian,
            "en" => Stemmer::English,
            _ => Stemmer::None,
        }
    }

    /// Stems a lower-case word.
    ///
    /// ```
    /// use kupas::stem::Stemmer;
    /// let id = Stemmer::Indonesian;
    /// assert_eq!(id.stem("kunjungan"), "kunjung");
    /// assert_eq!(id.stem("berkunjung"), "kunjung");
    /// assert_eq!(Stemmer::English.stem("visited"), "visit");
    /// ```
    pub fn stem<'a>(&self, word: &'a str) -> Cow<'a, str> {
        self.stem_with_alternative(word).0
    }

    /// Stems a lower-case word and gives the other root it may have come from.
    ///
    /// Indonesian *meng-* and *peng-* swallow a root's first `k`, and *men-* and *pen-* a
    /// first `t`, so *mengunjungi* may come from *unjung* or *kunjung*, and *menulis*
    /// from *ulis* or *tulis*. The algorithm cannot know which without a dictionary; the
    /// keyword stage takes the alternative when another word of the same text has it as
    /// its stem.
    ///
    /// ```
    /// use kupas::stem::Stemmer;
    /// let (stem, alternative) = Stemmer::Indonesian.stem_with_alternative("mengunjungi");
    /// assert_eq!((stem.as_ref(), alternative.as_deref()), ("unjung", Some("kunjung")));
    /// ```
    pub fn stem_with_alternative<'a>(&self, word: &'a str) -> (Cow<'a, str>, Option<String>) {
        match self {
            Stemmer::Indonesian => indonesian(word),
            Stemmer::English => (english(word), None),
            Stemmer::None => (Cow::Borrowed(word), None),
        }
    }
}

fn english(word: &str) -> Cow<'_, str> {
    // Restricted to ASCII letters, so that names with digits or apostrophes (`g7`,
    // `o'brien`) stay as they are.
    if word.len() < 3 || !word.bytes().all(|b| b.is_ascii_lowercase()) {
        return Cow::Borrowed(word);
    }
    crate::porter2::stem(word)
}

fn is_vowel(b: u8) -> bool {
    matches!(b, b'a' | b'e' | b'i' | b'o' | b'u')
}

/// How the first-order prefix was removed, which decides the suffixes allowed after it.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Prefix {
    None,
    /// `di-`, `me-`, `meng-`, `men-`, `mem-`, `ter-`.
    One,
    /// `per-`, `pe-`.
    Two,
    /// `ke-`, `peng-`, `pen-`, `pem-`.
    Three,
    /// `ber-`, `be-`.
    Four,
}

/// The Snowball Indonesian algorithm on a lower-case ASCII word (other words are
/// returned unchanged).
fn indonesian(word: &str) -> (Cow<'_, str>, Option<String>) {
    let bytes = word.as_bytes();
    if !bytes.iter().all(|b| b.is_ascii_lowercase()) {
        return (Cow::Borrowed(word), None);
    }
    let mut measure = bytes.iter().filter(|&&b| is_vowel(b)).count();
    if measure <= 2 {
        return (Cow::Borrowed(word), None);
    }
    let mut w: Vec<u8> = bytes.to_vec();
    // Particle, then possessive.
    for set in [&["kah", "lah", "pun"][..], &["nya", "ku", "mu"][..]] {
        if let Some(s) = set.iter().find(|s| w.ends_with(s.as_bytes())) {
            w.truncate(w.len() - s.len());
            measure -= 1;
        }
        if measure <= 2 {
            return (owned_if_changed(word, w), None);
        }
    }
    let mut prefix = Prefix::None;
    let mut swallowed = None;
    if let Some((replacement, strip, kind)) = first_order_prefix(&w) {
        if replacement.is_none() && w.get(strip).is_some_and(|&b| is_vowel(b)) {
            swallowed = match &w[..strip] {
                b"meng" | b"peng" => Some('k'),
                b"men" | b"pen" => Some('t'),
                _ => None,
            };
        }
        splice(&mut w, strip, replacement);
        prefix = kind;
        measure -= 1;
        // A replacement letter stays in front of everything that follows.
        let floor = usize::from(replacement.is_some());
        if measure > 2 && remove_suffix(&mut w, prefix, floor) {
            measure -= 1;
            if measure > 2 {
                remove_second_order_prefix(&mut w, floor, &mut prefix);
            }
        }
    } else {
        if remove_second_order_prefix(&mut w, 0, &mut prefix) {
            measure -= 1;
        }
        if measure > 2 {
            remove_suffix(&mut w, prefix, 0);
        }
    }
    let stem = owned_if_changed(word, w);
    let alternative = swallowed.map(|c| format!("{c}{stem}"));
    (stem, alternative)
}

fn owned_if_changed(word: &str, w: Vec<u8>) -> Cow<'_, str> {
    if w == word.as_bytes() {
        Cow::Borrowed(word)
    } else {
        // Only ASCII letters were removed or put in.
        Cow::Owned(String::from_utf8(w).unwrap_or_default())
    }
}

/// Replaces the first `strip` bytes with `replacement`.
fn splice(w: &mut Vec<u8>, strip: usize, replacement: Option<u8>) {
    match replacement {
        Some(r) => {
            w.drain(..strip - 1);
            w[0] = r;
        }
        None => {
            w.drain(..strip);
        }
    }
}

/// The first-order prefix of `w`, as (replacement letter, bytes to strip, kind).
fn first_order_prefix(w: &[u8]) -> Option<(Option<u8>, usize, Prefix)> {
    let at = |i: usize| w.get(i).copied().unwrap_or(0);
    let starts = |p: &str| w.starts_with(p.as_bytes());
    // Longest match first, as Snowball's `among` does.
    if starts("meng") {
        return Some((None, 4, Prefix::One));
    }
    if starts("peng") {
        return Some((None, 4, Prefix::Three));
    }
    if starts("meny") && is_vowel(at(4)) {
        return Some((Some(b's'), 4, Prefix::One));
    }
    if starts("peny") && is_vowel(at(4)) {
        return Some((Some(b's'), 4, Prefix::Three));
    }
    if starts("men") {
        return Some((None, 3, Prefix::One));
    }
    if starts("pen") {
        return Some((None, 3, Prefix::Three));
    }
    if starts("mem") {
        return Some((is_vowel(at(3)).then_some(b'p'), 3, Prefix::One));
    }
    if starts("pem") {
        return Some((is_vowel(at(3)).then_some(b'p'), 3, Prefix::Three));
    }
    if starts("ter") {
        return Some((None, 3, Prefix::One));
    }
    if starts("di") || starts("me") {
        return Some((None, 2, Prefix::One));
    }
    if starts("ke") {
        return Some((None, 2, Prefix::Three));
    }
    None
}

/// Removes `per-`/`pe-`/`pel-` (before *ajar*) or `ber-`/`be-`/`bel-` at `from`.
fn remove_second_order_prefix(w: &mut Vec<u8>, from: usize, prefix: &mut Prefix) -> bool {
    let rest = &w[from.min(w.len())..];
    let at = |i: usize| rest.get(i).copied().unwrap_or(0);
    let ajar = rest.get(3..7) == Some(b"ajar");
    let (strip, kind) = if rest.starts_with(b"pe") {
        if at(2) == b'r' {
            (3, Some(Prefix::Two))
        } else if at(2) == b'l' && ajar {
            (3, None)
        } else {
            (2, Some(Prefix::Two))
        }
    } else if rest.starts_with(b"be") {
        if at(2) == b'r' || (at(2) == b'l' && ajar) {
            (3, Some(Prefix::Four))
        } else if at(2) != 0 && !is_vowel(at(2)) && rest.get(3..5) == Some(b"er") {
            (2, Some(Prefix::Four))
        } else {
            return false;
        }
    } else {
        return false;
    };
    w.drain(from..from + strip);
    if let Some(kind) = kind {
        *prefix = kind;
    }
    true
}

/// Removes `-kan`, `-an` or `-i`, as the removed prefix allows; never reaches into the
/// first `floor` bytes.
fn remove_suffix(w: &mut Vec<u8>, prefix: Prefix, floor: usize) -> bool {
    let n = w.len();
    if w.ends_with(b"an") && n >= floor + 2 {
        let kan = n >= floor + 3 && w[n - 3] == b'k';
        let cut = match prefix {
            Prefix::Two | Prefix::Three => 2,
            _ if kan => 3,
            Prefix::One => return false,
            _ => 2,
        };
        w.truncate(n - cut);
        true
    } else if w.ends_with(b"i") && n > floor {
        if matches!(prefix, Prefix::Three | Prefix::Four) || (n >= floor + 2 && w[n - 2] == b's') {
            return false;
        }
        w.truncate(n - 1);
        true
    } else {
        false
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn indonesian_affixes() {
        let cases = [
            ("kunjungan", "kunjung"),
            ("mengunjungi", "unjung"),
            ("berkunjung", "kunjung"),
            ("kekhawatiran", "khawatir"),
            ("menyampaikan", "sampai"),
            ("memakai", "paka"),
            ("pemakaian", "pakai"),
            ("perjanjian", "janji"),
            ("pertahanan", "tahan"),
            ("bekerja", "kerja"),
            ("pelajaran", "ajar"),
            ("dikatakannya", "kata"),
            ("bukunya", "buku"),
            ("apakah", "apa"),
            ("sanksi", "sanksi"),
            ("rudal", "rudal"),
            ("pyongyang", "pyongyang"),
        ];
        for (word, stem) in cases {
            assert_eq!(Stemmer::Indonesian.stem(word), stem, "{word}");
        }
    }

    #[test]
    fn swallowed_first_letters() {
        for (word, alternative) in [
            ("mengunjungi", Some("kunjung")),
            ("pengiriman", Some("kirim")),
            ("menulis", Some("tulis")),
            ("penembakan", Some("tembak")),
            ("mengambil", Some("kambil")),
            ("menyampaikan", None),
            ("membantu", None),
            ("kunjungan", None),
        ] {
            let (_, alt) = Stemmer::Indonesian.stem_with_alternative(word);
            assert_eq!(alt.as_deref(), alternative, "{word}");
        }
    }

    #[test]
    fn non_ascii_and_short_words_stay() {
        for word in ["", "di", "ke", "sergeï", "jong-un", "g7"] {
            assert_eq!(Stemmer::Indonesian.stem(word), word);
            assert_eq!(Stemmer::English.stem(word), word);
        }
        assert_eq!(Stemmer::None.stem("visited"), "visited");
    }

    #[test]
    fn english_porter2() {
        for (word, stem) in [
            ("missiles", "missil"),
            ("visiting", "visit"),
            ("talks", "talk"),
        ] {
            assert_eq!(Stemmer::English.stem(word), stem, "{word}");
        }
    }
}
