//! Span invariants on tricky Unicode: every reported span slices the ORIGINAL text to the
//! expected surface, in every offset unit.
#![cfg(not(target_arch = "wasm32"))]

use kupas::{analyze, OffsetUnit, Options, TokenKind};

fn tokens_of(text: &str) -> Vec<(String, TokenKind)> {
    let a = analyze(
        text,
        &Options {
            tokens: true,
            ..Default::default()
        },
    );
    a.tokens
        .unwrap()
        .into_iter()
        .map(|t| (text[t.start..t.end].to_string(), t.kind))
        .collect()
}

fn surfaces(text: &str) -> Vec<String> {
    tokens_of(text).into_iter().map(|(s, _)| s).collect()
}

fn sentences(text: &str) -> Vec<String> {
    analyze(text, &Options::default())
        .sentences
        .iter()
        .map(|s| text[s.start..s.end].to_string())
        .collect()
}

#[test]
fn emoji_before_words() {
    let text = "😀😀 Kim Jong-un tiba 👍🏽.";
    assert_eq!(
        surfaces(text),
        ["😀", "😀", "Kim", "Jong-un", "tiba", "👍🏽", "."]
    );
}

#[test]
fn combining_marks_stay_inside_words() {
    let text = "Jose\u{301} dan Ame\u{301}lie\u{302} datang.";
    assert_eq!(
        surfaces(text),
        ["Jose\u{301}", "dan", "Ame\u{301}lie\u{302}", "datang", "."]
    );
    let a = analyze(
        text,
        &Options {
            tokens: true,
            ..Default::default()
        },
    );
    assert_eq!(a.tokens.unwrap()[0].key, "josé", "keys are NFKC (composed)");
}

#[test]
fn cyrillic_and_guillemets() {
    let text = "База «Сергей» di Moskwa.";
    assert_eq!(
        surfaces(text),
        ["База", "«", "Сергей", "»", "di", "Moskwa", "."]
    );
}

#[test]
fn nbsp_crlf_zero_width_soft_hyphen() {
    let text = "Presiden\u{A0}Putin tiba.\r\nKun\u{AD}jungan\u{200B} resmi.\r\n";
    assert_eq!(
        sentences(text),
        [
            "Presiden\u{A0}Putin tiba.",
            "Kun\u{AD}jungan\u{200B} resmi."
        ]
    );
    assert_eq!(
        surfaces(text),
        [
            "Presiden",
            "Putin",
            "tiba",
            ".",
            "Kun\u{AD}jungan",
            "resmi",
            "."
        ]
    );
    let a = analyze(
        text,
        &Options {
            tokens: true,
            ..Default::default()
        },
    );
    assert_eq!(
        a.tokens.unwrap()[4].key,
        "kunjungan",
        "invisible characters leave the key"
    );
}

#[test]
fn full_width() {
    let text = "ＫＴＴ ＰＢＢ digelar １２ kali.";
    let toks = tokens_of(text);
    assert_eq!(toks[0].0, "ＫＴＴ");
    assert_eq!(toks[3], ("１２".to_string(), TokenKind::Number));
    let a = analyze(
        text,
        &Options {
            tokens: true,
            ..Default::default()
        },
    );
    assert_eq!(a.tokens.unwrap()[1].key, "pbb");
}

#[test]
fn curly_quotes_and_dashes_keep_original_surface() {
    let text = "“Kami siap,” kata Kim Jong‑un—pemimpin itu.";
    let s = surfaces(text);
    assert_eq!(s[0], "“");
    assert!(s.contains(&"”".to_string()));
    assert!(s.contains(&"Jong‑un".to_string()), "{s:?}");
    assert!(s.contains(&"—".to_string()), "{s:?}");
}

#[test]
fn every_unit_slices_the_same_surfaces() {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/unicode_mix.txt"
    ))
    .unwrap();
    let utf8 = analyze(
        &text,
        &Options {
            tokens: true,
            ..Default::default()
        },
    );
    let utf16: Vec<u16> = text.encode_utf16().collect();
    let chars: Vec<char> = text.chars().collect();
    for unit in [OffsetUnit::Utf16, OffsetUnit::Codepoints] {
        let other = analyze(
            &text,
            &Options {
                tokens: true,
                offsets: Some(unit),
                ..Default::default()
            },
        );
        let pairs = utf8
            .tokens
            .as_ref()
            .unwrap()
            .iter()
            .zip(other.tokens.as_ref().unwrap());
        for (a, b) in pairs.chain(std::iter::empty()) {
            let expected = &text[a.start..a.end];
            let got = match unit {
                OffsetUnit::Utf16 => String::from_utf16(&utf16[b.start..b.end]).unwrap(),
                _ => chars[b.start..b.end].iter().collect(),
            };
            assert_eq!(got, expected, "{unit:?}");
        }
        assert_eq!(utf8.sentences.len(), other.sentences.len());
    }
}

#[test]
fn stats_count_the_original() {
    let text = "😀 Kim\u{A0}tiba.";
    let a = analyze(text, &Options::default());
    assert_eq!(a.stats.characters, text.chars().count());
    assert_eq!(a.stats.words, 2);
    assert_eq!(a.stats.sentences, 1);
    assert_eq!(a.stats.reading_minutes, 1);
    assert_eq!(analyze("", &Options::default()).stats.reading_minutes, 0);
}
