//! `kupas::unicode` against the `unicode-normalization` crate it is written from: every
//! code point, and sequences that exercise ordering, composition and Hangul.
#![cfg(not(target_arch = "wasm32"))]

use kupas::unicode::{fold, is_combining_mark, is_nfkc_quick, nfkc};
use proptest::prelude::*;
use unicode_normalization::UnicodeNormalization;

fn ours(s: &str) -> String {
    let mut out = Vec::new();
    nfkc(s, &mut out);
    out.into_iter().collect()
}

fn reference(s: &str) -> String {
    s.nfkc().collect()
}

#[test]
fn every_code_point_alone() {
    let mut buf = [0u8; 4];
    for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
        let s = c.encode_utf8(&mut buf);
        let expected = reference(s);
        assert_eq!(ours(s), expected, "U+{:04X}", c as u32);
        if is_nfkc_quick(s) {
            assert_eq!(expected, *s, "U+{:04X} is not stable", c as u32);
        }
        let one: Vec<char> = expected.chars().collect();
        let folded = match one[..] {
            [x] if x != c => Some(x),
            _ => None,
        };
        assert_eq!(fold(c), folded, "fold U+{:04X}", c as u32);
        assert_eq!(
            is_combining_mark(c),
            unicode_normalization::char::is_combining_mark(c),
            "mark U+{:04X}",
            c as u32
        );
    }
}

#[test]
fn every_code_point_after_a_base_and_before_a_mark() {
    // Each character between a letter and a combining mark, so that it composes with the
    // letter, is reordered against the mark, or blocks it. Planes 3 to 13 and 15 to 16 hold
    // no character that decomposes, composes or has a combining class (the first test
    // checks each of them alone).
    let assigned = (0x80..=0x2FFFFu32).chain(0xE0000..=0xE0FFF);
    for c in assigned.filter_map(char::from_u32) {
        for s in [
            format!("a{c}\u{301}"),
            format!("{c}\u{323}\u{302}"),
            format!("{c}a{c}"),
        ] {
            let expected = reference(&s);
            assert_eq!(ours(&s), expected, "{}", s.escape_unicode());
            if is_nfkc_quick(&s) {
                assert_eq!(expected, s, "{} is not stable", s.escape_unicode());
            }
        }
    }
}

fn piece() -> impl Strategy<Value = char> {
    prop_oneof![
        Just('a'),
        Just('e'),
        Just('s'),
        Just('A'),
        Just('ſ'),
        Just('\u{301}'),
        Just('\u{302}'),
        Just('\u{307}'),
        Just('\u{323}'),
        Just('\u{327}'),
        Just('\u{31B}'),
        Just('\u{345}'),
        Just('\u{3B1}'),
        Just('\u{1100}'),
        Just('\u{1161}'),
        Just('\u{11A8}'),
        Just('가'),
        Just('\u{9C7}'),
        Just('\u{9BE}'),
        Just('\u{FB01}'),
        Just('\u{FF21}'),
        Just('\u{2126}'),
        Just('\u{1E9B}'),
        Just('\u{0F73}'),
        any::<char>(),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(4000))]

    #[test]
    fn sequences_match(chars in proptest::collection::vec(piece(), 0..12)) {
        let s: String = chars.into_iter().collect();
        prop_assert_eq!(ours(&s), reference(&s));
        if is_nfkc_quick(&s) {
            prop_assert_eq!(reference(&s), s);
        }
    }
}
