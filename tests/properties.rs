//! Property tests: `analyze` is total, and every span is in bounds, on character
//! boundaries, ordered, and (for sentences and tokens) non-overlapping, for any string.
#![cfg(not(target_arch = "wasm32"))]

use kupas::{analyze, LanguageChoice, OffsetUnit, Options, Span};
use proptest::prelude::*;

/// Strings built from pieces that stress the pipeline: news words, abbreviations,
/// separators, quotes, dashes, invisible characters, CR/LF, emoji and marks.
fn newsy() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("Kim".to_string()),
        Just("Jong-un".to_string()),
        Just("Dr.".to_string()),
        Just("U.S.".to_string()),
        Just(" ".to_string()),
        Just("\n".to_string()),
        Just("\r\n".to_string()),
        Just("\r".to_string()),
        Just(".".to_string()),
        Just("...".to_string()),
        Just("…".to_string()),
        Just("?".to_string()),
        Just("“".to_string()),
        Just("”".to_string()),
        Just("\"".to_string()),
        Just("—".to_string()),
        Just("-".to_string()),
        Just("\u{A0}".to_string()),
        Just("\u{AD}".to_string()),
        Just("\u{200B}".to_string()),
        Just("\u{200D}".to_string()),
        Just("\u{FEFF}".to_string()),
        Just("\u{301}".to_string()),
        Just("😀".to_string()),
        Just("👍🏽".to_string()),
        Just("🇮🇩".to_string()),
        Just("18/6/2024".to_string()),
        Just("02.45".to_string()),
        Just("Rp1.500.000,00".to_string()),
        Just("3.5%".to_string()),
        Just("https://a.id/x)".to_string()),
        Just("a@b.co".to_string()),
        Just("@x".to_string()),
        Just("#y".to_string()),
        Just("kontan.co.id".to_string()),
        Just("ＰＢＢ".to_string()),
        Just("ﬁ".to_string()),
        Just("Сергей".to_string()),
        Just("\0".to_string()),
        Just("'s".to_string()),
        Just("US$".to_string()),
        Just("(".to_string()),
        Just(")".to_string()),
        "[a-zA-Z0-9]{1,6}",
        any::<char>().prop_map(|c| c.to_string()),
    ];
    proptest::collection::vec(piece, 0..40).prop_map(|v| v.concat())
}

fn check_spans(text: &str, spans: &[Span], unit: OffsetUnit, non_overlapping: bool, what: &str) {
    let len = match unit {
        OffsetUnit::Utf8 => text.len(),
        OffsetUnit::Utf16 => text.encode_utf16().count(),
        OffsetUnit::Codepoints => text.chars().count(),
    };
    let mut prev_end = 0;
    let mut prev_start = 0;
    for s in spans {
        assert!(s.start < s.end, "{what}: empty span {s:?} in {text:?}");
        assert!(
            s.end <= len,
            "{what}: {s:?} out of bounds ({len}) in {text:?}"
        );
        assert!(
            s.start >= prev_start,
            "{what}: not ordered {s:?} in {text:?}"
        );
        if non_overlapping {
            assert!(
                s.start >= prev_end,
                "{what}: overlaps previous end {prev_end}: {s:?} in {text:?}"
            );
        }
        if unit == OffsetUnit::Utf8 {
            assert!(
                text.is_char_boundary(s.start) && text.is_char_boundary(s.end),
                "{what}: {s:?} not on char boundaries in {text:?}"
            );
            let slice = &text[s.start..s.end];
            assert_eq!(slice, slice.trim(), "{what}: untrimmed {slice:?}");
        }
        prev_start = s.start;
        prev_end = s.end;
    }
}

fn check(text: &str) {
    for unit in [OffsetUnit::Utf8, OffsetUnit::Utf16, OffsetUnit::Codepoints] {
        let a = analyze(
            text,
            &Options {
                tokens: true,
                offsets: Some(unit),
                ..Default::default()
            },
        );
        check_spans(text, &a.sentences, unit, true, "sentence");
        let tokens = a.tokens.as_ref().unwrap();
        let token_spans: Vec<Span> = tokens.iter().map(|t| Span::new(t.start, t.end)).collect();
        check_spans(text, &token_spans, unit, true, "token");
        for t in tokens {
            let s = a.sentences[t.sentence];
            assert!(
                s.start <= t.start && t.end <= s.end,
                "token {t:?} outside its sentence {s:?} in {text:?}"
            );
        }
        assert!(a.stats.sentences <= a.sentences.len());
        let furniture: Vec<Span> = a
            .boilerplate
            .iter()
            .map(|b| Span::new(b.start, b.end))
            .collect();
        check_spans(text, &furniture, unit, true, "boilerplate");
        let mut last_score = f64::INFINITY;
        for k in &a.keywords {
            assert!(
                (0.0..=1.0).contains(&k.score) && k.score <= last_score,
                "{k:?}"
            );
            last_score = k.score;
            assert_eq!(k.count, k.occurrences.len());
            check_spans(text, &k.occurrences, unit, true, "keyword");
            assert!(!k.text.is_empty() && !k.key.is_empty());
        }
        assert!((0.0..=1.0).contains(&a.language.confidence));
    }
}

/// English-looking names and the words around them: titles, organisations' and places'
/// words, connectors, weekdays, punctuation, at any place in a sentence (the English
/// corrections of the tagger look ahead and behind).
fn english_names() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("Mr. "),
        Just("Dr. "),
        Just("Foreign "),
        Just("Minister "),
        Just("President "),
        Just("Coach "),
        Just("Ministry "),
        Just("of "),
        Just("for "),
        Just("and "),
        Just("the "),
        Just("in "),
        Just("Bank "),
        Just("Agency "),
        Just("Motors "),
        Just("Mount "),
        Just("Sea "),
        Just("Monday "),
        Just("Kenya "),
        Just("United States "),
        Just("AS "),
        Just("Sofia "),
        Just("Lind "),
        Just("Police "),
        Just("said "),
        Just(", "),
        Just(". "),
        Just("\n"),
        Just("\""),
    ];
    proptest::collection::vec(piece, 0..30).prop_map(|v| v.concat())
}

/// Every entity mention of `text` (as English and as Indonesian) is a non-empty span on
/// character boundaries.
fn check_entities(text: &str) {
    for language in [LanguageChoice::En, LanguageChoice::Id, LanguageChoice::Auto] {
        let a = analyze(
            text,
            &Options {
                language,
                offsets: Some(OffsetUnit::Utf8),
                ..Default::default()
            },
        );
        for e in &a.entities {
            assert_eq!(e.count, e.mentions.len());
            for m in &e.mentions {
                assert!(m.start < m.end && m.end <= text.len(), "{e:?} in {text:?}");
                assert!(text.is_char_boundary(m.start) && text.is_char_boundary(m.end));
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 1500, ..ProptestConfig::default() })]

    #[test]
    fn english_name_strings(text in english_names()) {
        check_entities(&text);
    }

    #[test]
    fn newsy_strings(text in newsy()) {
        check(&text);
    }

    #[test]
    fn arbitrary_strings(text in any::<String>()) {
        check(&text);
    }
}

#[test]
fn known_hard_cases() {
    for text in [
        "",
        " ",
        "\n\n",
        "\0",
        ".",
        "...",
        "\u{200B}",
        "\u{AD}\u{AD}",
        "\u{301}\u{301}a",
        "\r",
        "\r\r\n",
        "a\u{200D}",
        "\u{200D}😀",
        "US$",
        "Rp",
        "@",
        "#",
        "a@",
        "@b.co",
        "www.",
        "http://",
        "https://x.id)",
        "1.",
        "1.2.",
        "'s",
        "x's",
        "..a",
        "A.",
        "J. K.",
        "\u{FEFF}Kim",
        "Kim\u{200B}",
        "ﬁ.",
        "½",
        "１２.３４",
        "\u{2028}x\u{2029}",
    ] {
        check(text);
    }
}
