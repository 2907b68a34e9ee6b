//! Fixed lists of short words (abbreviations, titles) with a fast membership test.
//!
//! The sentence and token stages ask "is this word an abbreviation?" at every period, which
//! is tens of thousands of times per megabyte of news. Most words fail a compile-time filter
//! (which lengths occur for each first letter) after a few instructions; the rare candidate
//! is lower-cased on the stack and binary-searched. Building a list checks at compile time
//! that it is sorted, unique, lower-case ASCII and short.

/// The longest word a list may hold.
const MAX: usize = 12;

/// A sorted list of short lower-case ASCII words.
#[derive(Debug)]
pub struct WordList {
    words: &'static [&'static str],
    /// Bit `n` of `filter[letter]` is set when a word of length `n` starts with that letter.
    filter: [u16; 26],
}

const fn less(a: &[u8], b: &[u8]) -> bool {
    let mut i = 0;
    while i < a.len() && i < b.len() {
        if a[i] != b[i] {
            return a[i] < b[i];
        }
        i += 1;
    }
    a.len() < b.len()
}

impl WordList {
    /// Builds a list; fails to compile if `words` is not sorted, unique, lower-case ASCII
    /// starting with a letter, and at most twelve bytes long each.
    pub const fn new(words: &'static [&'static str]) -> Self {
        let mut filter = [0u16; 26];
        let mut i = 0;
        while i < words.len() {
            let w = words[i].as_bytes();
            assert!(
                !w.is_empty() && w.len() <= MAX,
                "word lists hold words of 1 to 12 bytes"
            );
            assert!(
                w[0].is_ascii_lowercase(),
                "words start with a lower-case letter"
            );
            let mut j = 0;
            while j < w.len() {
                assert!(
                    w[j].is_ascii() && !w[j].is_ascii_uppercase(),
                    "lower-case ASCII only"
                );
                j += 1;
            }
            if i > 0 {
                assert!(
                    less(words[i - 1].as_bytes(), w),
                    "word lists are sorted and unique"
                );
            }
            filter[(w[0] - b'a') as usize] |= 1 << w.len();
            i += 1;
        }
        WordList { words, filter }
    }

    /// True when `word`, lower-cased, is in the list.
    ///
    /// ```
    /// use kupas::wordlist::WordList;
    /// const TITLES: WordList = WordList::new(&["dr", "prof"]);
    /// assert!(TITLES.contains("Prof"));
    /// assert!(!TITLES.contains("Profesor"));
    /// ```
    #[inline]
    pub fn contains(&self, word: &str) -> bool {
        let bytes = word.as_bytes();
        let Some(&first) = bytes.first() else {
            return false;
        };
        let first = first.to_ascii_lowercase();
        if bytes.len() > MAX
            || !first.is_ascii_lowercase()
            || self.filter[(first - b'a') as usize] & (1 << bytes.len()) == 0
        {
            return false;
        }
        let mut buf = [0u8; MAX];
        buf[..bytes.len()].copy_from_slice(bytes);
        buf[..bytes.len()].make_ascii_lowercase();
        let lower = &buf[..bytes.len()];
        self.words
            .binary_search_by(|w| w.as_bytes().cmp(lower))
            .is_ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const LIST: WordList = WordList::new(&["a.n", "dkk", "dr", "prof", "yth"]);

    #[test]
    fn membership_ignores_case_only() {
        for w in ["a.n", "A.N", "dkk", "Dr", "DR", "prof", "Yth"] {
            assert!(LIST.contains(w), "{w}");
        }
        for w in [
            "",
            "d",
            "drs",
            "profs",
            "a.m",
            "ｄｒ",
            "é",
            "pr0f",
            "professor",
        ] {
            assert!(!LIST.contains(w), "{w}");
        }
    }
}
