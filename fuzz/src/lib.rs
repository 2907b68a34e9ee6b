//! The fuzz targets' bodies and the invariants they check, shared by the libFuzzer targets
//! in `fuzz_targets/` and by the root crate's `tests/fuzz_corpus.rs`, which replays every
//! input kept in `fuzz/regressions/<target>/` in the default `cargo test`.
//!
//! A target does not stop at "no panic": every result is checked against the contract in
//! `src/analysis.rs` and the README. Spans lie inside the text, on character boundaries,
//! trimmed and (where the contract says so) ordered and non-overlapping; the same text
//! analysed in another offset unit gives the same result with its spans converted; a
//! corpus gives each article the analysis that `analyze` gives it, and its entities are a
//! partition of the articles' entities. A broken invariant panics, which libFuzzer reports
//! as a crash.
//!
//! Input formats (the first byte holds the options, see [`options_from_byte`]; byte `0`
//! is the default options, so a plain text file with a `0` byte in front is a seed):
//!
//! - [`analyze`]: `[options] text…`, the text read as lossy UTF-8.
//! - [`corpus`]: `[options] text₁ 0xFF text₂ 0xFF …`, at most [`MAX_TEXTS`] texts
//!   (`0xFF` never occurs in UTF-8, so it cannot cut a character).
//! - [`options`]: `json 0x00 text…`: options as JSON, decoded as the binding decodes them
//!   (strictly), then the text analysed with them when they decode.

use kupas::{
    Analysis, Corpus, EntityLabel, LanguageChoice, OffsetUnit, Options, Span, WORDS_PER_MINUTE,
};

/// At most this many texts in one [`corpus`] input.
pub const MAX_TEXTS: usize = 8;

/// Options from one byte: bit 0 `tokens`; bits 1–2 `offsets` (absent, UTF-8, UTF-16, code
/// points); bits 3–4 `language` (auto, id, en, and auto without entities); bits 5–7
/// `keywords` (absent, 0, 1, 5, 50, 1000, `u32::MAX`, absent). Byte `0` is
/// `Options::default()`.
pub fn options_from_byte(b: u8) -> Options {
    Options {
        tokens: b & 1 != 0,
        offsets: match (b >> 1) & 3 {
            0 => None,
            1 => Some(OffsetUnit::Utf8),
            2 => Some(OffsetUnit::Utf16),
            _ => Some(OffsetUnit::Codepoints),
        },
        language: match (b >> 3) & 3 {
            1 => LanguageChoice::Id,
            2 => LanguageChoice::En,
            _ => LanguageChoice::Auto,
        },
        keywords: match b >> 5 {
            1 => Some(0),
            2 => Some(1),
            3 => Some(5),
            4 => Some(50),
            5 => Some(1000),
            6 => Some(u32::MAX),
            _ => None,
        },
        entities: (b >> 3) & 3 != 3,
    }
}

/// Target `analyze`: one text with options from the first byte.
pub fn analyze(data: &[u8]) {
    let (options, text) = match data.split_first() {
        Some((&b, rest)) => (options_from_byte(b), String::from_utf8_lossy(rest)),
        None => (Options::default(), "".into()),
    };
    check_analyze(&text, &options);
}

/// Target `corpus`: several texts with options from the first byte.
pub fn corpus(data: &[u8]) {
    let Some((&b, rest)) = data.split_first() else {
        check_corpus::<&str>(&[], &Options::default());
        return;
    };
    let texts: Vec<String> = rest
        .split(|&c| c == 0xFF)
        .take(MAX_TEXTS)
        .map(|t| String::from_utf8_lossy(t).into_owned())
        .collect();
    check_corpus(&texts, &options_from_byte(b));
}

/// Target `options`: JSON options, a NUL byte, then the text.
///
/// The strict decoder (`deny_unknown_fields`) and [`Options::check_keys`], which the
/// binding uses where the decoder cannot see unknown keys, must agree: an object with an
/// unknown key never decodes, and an object that decodes has only known keys.
pub fn options(data: &[u8]) {
    let cut = data.iter().position(|&c| c == 0).unwrap_or(data.len());
    let (json, text) = (&data[..cut], data.get(cut + 1..).unwrap_or_default());
    let decoded = serde_json::from_slice::<Options>(json);
    if let Ok(serde_json::Value::Object(map)) = serde_json::from_slice(json) {
        let known = Options::check_keys(map.keys().map(String::as_str));
        if let Err(e) = &known {
            assert_eq!(e.code(), "invalid_options");
            assert!(decoded.is_err(), "unknown key decoded: {map:?}");
        }
        if decoded.is_ok() {
            assert!(known.is_ok(), "decoded with an unknown key: {map:?}");
        }
    }
    if let Ok(options) = decoded {
        // Keep the executions fast: the text is the point of the other targets.
        let text = String::from_utf8_lossy(&text[..text.len().min(2048)]);
        check_analyze(&text, &options);
    }
}

/// Analyzes `text` with `options`, checks the result, and checks that the same text in
/// UTF-8 offsets gives the same result with its spans converted.
pub fn check_analyze(text: &str, options: &Options) -> Analysis {
    let a = kupas::analyze(text, options);
    check_analysis(text, options, &a);
    let unit = options.offsets.unwrap_or_default();
    // The reference: UTF-8 offsets, spelled the other way when the options said UTF-8.
    let bytes = Options {
        offsets: match options.offsets {
            None => Some(OffsetUnit::Utf8),
            Some(_) => None,
        },
        ..options.clone()
    };
    let reference = kupas::analyze(text, &bytes);
    let converted = convert(text, &reference, unit);
    assert!(
        converted == a,
        "{unit:?} offsets differ from UTF-8 offsets converted, in {text:?}:\n{a:?}\n{converted:?}"
    );
    a
}

/// Analyzes a set of texts, checks each article against `analyze` and the set's keywords
/// and entities against the articles.
pub fn check_corpus<S: AsRef<str>>(texts: &[S], options: &Options) -> Corpus {
    let c = kupas::analyze_corpus(texts, options);
    let n = texts.len();
    assert_eq!(c.documents.len(), n);
    let limit = options.keyword_limit();
    for (i, (doc, text)) in c.documents.iter().zip(texts).enumerate() {
        let text = text.as_ref();
        let alone = kupas::analyze(text, options);
        check_analysis(text, options, doc);
        // As `analyze` gives it, except for the keywords' weights and order.
        assert_eq!(doc.language, alone.language, "document {i}");
        assert_eq!(doc.stats, alone.stats, "document {i}");
        assert_eq!(doc.sentences, alone.sentences, "document {i}");
        assert_eq!(doc.tokens, alone.tokens, "document {i}");
        assert_eq!(doc.boilerplate, alone.boilerplate, "document {i}");
        assert_eq!(doc.entities, alone.entities, "document {i}");
        assert_eq!(doc.notes, alone.notes, "document {i}");
        assert!(doc.keywords.len() <= limit, "document {i}");
    }
    // The set's keywords.
    assert!(c.keywords.len() <= limit);
    let mut last = f64::INFINITY;
    for k in &c.keywords {
        assert!(!k.text.is_empty() && !k.key.is_empty(), "{k:?}");
        assert!((0.0..=1.0).contains(&k.score) && k.score <= last, "{k:?}");
        last = k.score;
        assert!(k.count >= 1, "{k:?}");
        assert_eq!(k.document_frequency, k.documents.len(), "{k:?}");
        assert!(!k.documents.is_empty(), "{k:?}");
        assert!(k.documents.windows(2).all(|w| w[0] < w[1]), "{k:?}");
        assert!(k.documents.iter().all(|&d| d < n), "{k:?}");
    }
    // The set's entities: every article's entity in exactly one of them.
    let mut seen: Vec<Vec<bool>> = c
        .documents
        .iter()
        .map(|d| vec![false; d.entities.len()])
        .collect();
    let mut last = (usize::MAX, usize::MAX);
    for e in &c.entities {
        assert!(!e.text.is_empty(), "{e:?}");
        assert!(!e.documents.is_empty(), "{e:?}");
        let order = (e.document_frequency, e.count);
        assert!(order <= last, "corpus entities out of order at {e:?}");
        last = order;
        let mut count = 0;
        let mut documents = 0;
        for (k, d) in e.documents.iter().enumerate() {
            assert!(d.document < n, "{e:?}");
            let mine = &c.documents[d.document].entities;
            assert!(d.entity < mine.len(), "{e:?}");
            assert!(!seen[d.document][d.entity], "{d:?} in two corpus entities");
            seen[d.document][d.entity] = true;
            assert_eq!(mine[d.entity].label, e.label, "{e:?}");
            assert_eq!(mine[d.entity].count, d.count, "{e:?}");
            count += d.count;
            if k == 0 || e.documents[k - 1].document != d.document {
                documents += 1;
            }
            if k > 0 {
                let p = &e.documents[k - 1];
                assert!((p.document, p.entity) < (d.document, d.entity), "{e:?}");
            }
        }
        assert_eq!(e.count, count, "{e:?}");
        assert_eq!(e.document_frequency, documents, "{e:?}");
        assert!(!e.aliases.contains(&e.text), "{e:?}");
        if let Some(role) = &e.role {
            assert_eq!(role, "source", "{e:?}");
        }
    }
    for (d, row) in seen.iter().enumerate() {
        for (i, &found) in row.iter().enumerate() {
            assert!(found, "entity {i} of document {d} is in no corpus entity");
        }
    }
    c
}

/// The length of `text` in `unit`.
pub fn length(text: &str, unit: OffsetUnit) -> usize {
    match unit {
        OffsetUnit::Utf8 => text.len(),
        OffsetUnit::Utf16 => text.encode_utf16().count(),
        OffsetUnit::Codepoints => text.chars().count(),
    }
}

/// For each byte offset of `text`, the same position in `unit` (`usize::MAX` inside a
/// character), counted the plain way, one character after another.
pub fn unit_offsets(text: &str, unit: OffsetUnit) -> Vec<usize> {
    let mut table = vec![usize::MAX; text.len() + 1];
    let mut at = 0;
    for (i, c) in text.char_indices() {
        table[i] = at;
        at += match unit {
            OffsetUnit::Utf8 => c.len_utf8(),
            OffsetUnit::Utf16 => c.len_utf16(),
            OffsetUnit::Codepoints => 1,
        };
    }
    table[text.len()] = at;
    table
}

/// `a` (in UTF-8 offsets) with every span converted to `unit`.
pub fn convert(text: &str, a: &Analysis, unit: OffsetUnit) -> Analysis {
    let table = unit_offsets(text, unit);
    let at = |b: usize| {
        let u = table[b];
        assert!(
            u != usize::MAX,
            "byte {b} is inside a character of {text:?}"
        );
        u
    };
    let span = |s: &Span| Span::new(at(s.start), at(s.end));
    let mut out = a.clone();
    out.sentences = a.sentences.iter().map(span).collect();
    for t in out.tokens.iter_mut().flatten() {
        (t.start, t.end) = (at(t.start), at(t.end));
    }
    for b in &mut out.boilerplate {
        (b.start, b.end) = (at(b.start), at(b.end));
    }
    for k in &mut out.keywords {
        k.occurrences = k.occurrences.iter().map(span).collect();
    }
    for e in &mut out.entities {
        e.mentions = e.mentions.iter().map(span).collect();
    }
    out
}

/// Checks `spans`: each non-empty and inside the text; in UTF-8, on character boundaries
/// and trimmed of whitespace; ordered by start, and when `disjoint`, not overlapping.
pub fn check_spans(
    text: &str,
    spans: impl IntoIterator<Item = Span>,
    unit: OffsetUnit,
    disjoint: bool,
    what: &str,
) {
    let len = length(text, unit);
    let (mut prev_start, mut prev_end) = (0, 0);
    for s in spans {
        assert!(s.start < s.end, "{what}: empty span {s:?} in {text:?}");
        assert!(
            s.end <= len,
            "{what}: {s:?} past the end ({len}) in {text:?}"
        );
        assert!(
            s.start >= prev_start,
            "{what}: {s:?} out of order in {text:?}"
        );
        if disjoint {
            assert!(
                s.start >= prev_end,
                "{what}: {s:?} overlaps the one ending at {prev_end} in {text:?}"
            );
        }
        if unit == OffsetUnit::Utf8 {
            assert!(
                text.is_char_boundary(s.start) && text.is_char_boundary(s.end),
                "{what}: {s:?} not on character boundaries in {text:?}"
            );
            let slice = &text[s.start..s.end];
            assert_eq!(slice, slice.trim(), "{what}: {s:?} not trimmed in {text:?}");
        }
        (prev_start, prev_end) = (s.start, s.end);
    }
}

/// Checks one analysis of `text` made with `options` against the contract.
pub fn check_analysis(text: &str, options: &Options, a: &Analysis) {
    let unit = options.offsets.unwrap_or_default();
    // Language.
    assert!(
        ["id", "en", "other"].contains(&a.language.code),
        "{:?}",
        a.language
    );
    let confidence = a.language.confidence;
    assert!((0.0..=1.0).contains(&confidence), "{:?}", a.language);
    match options.language {
        LanguageChoice::Auto => {}
        forced => {
            let code = if forced == LanguageChoice::Id {
                "id"
            } else {
                "en"
            };
            assert_eq!(a.language.code, code);
            assert_eq!(confidence, 1.0);
        }
    }
    // Statistics.
    assert_eq!(a.stats.characters, text.chars().count());
    assert_eq!(
        a.stats.reading_minutes,
        a.stats.words.div_ceil(WORDS_PER_MINUTE)
    );
    assert!(a.stats.sentences <= a.sentences.len());
    // Sentences, tokens and page furniture: ordered, disjoint, in bounds.
    check_spans(text, a.sentences.iter().copied(), unit, true, "sentence");
    assert_eq!(a.tokens.is_some(), options.tokens);
    if let Some(tokens) = &a.tokens {
        let spans = tokens.iter().map(|t| Span::new(t.start, t.end));
        check_spans(text, spans, unit, true, "token");
        let words = tokens.iter().filter(|t| t.kind.is_wordlike()).count();
        assert!(a.stats.words <= words, "{} words counted", a.stats.words);
        for t in tokens {
            assert!(t.sentence < a.sentences.len(), "{t:?}");
            let s = a.sentences[t.sentence];
            assert!(
                s.start <= t.start && t.end <= s.end,
                "token {t:?} outside its sentence {s:?} in {text:?}"
            );
            assert!(!t.shape.is_empty(), "token with an empty shape: {t:?}");
        }
        assert!(tokens.windows(2).all(|w| w[0].sentence <= w[1].sentence));
    }
    let furniture: Vec<Span> = a
        .boilerplate
        .iter()
        .map(|b| Span::new(b.start, b.end))
        .collect();
    check_spans(text, furniture.iter().copied(), unit, true, "boilerplate");
    let in_furniture = |s: &Span| furniture.iter().any(|f| s.start < f.end && f.start < s.end);
    // Keywords: at most the limit, scores from 1 down, none from page furniture.
    assert!(a.keywords.len() <= options.keyword_limit());
    let mut last = f64::INFINITY;
    for (i, k) in a.keywords.iter().enumerate() {
        assert!(!k.text.is_empty() && !k.key.is_empty(), "{k:?}");
        assert!((0.0..=1.0).contains(&k.score) && k.score <= last, "{k:?}");
        assert!(i > 0 || k.score == 1.0 || k.score == 0.0, "first {k:?}");
        last = k.score;
        assert_eq!(k.count, k.occurrences.len(), "{k:?}");
        assert!(k.count >= 1, "{k:?}");
        check_spans(text, k.occurrences.iter().copied(), unit, true, "keyword");
        if let Some(o) = k.occurrences.iter().find(|o| in_furniture(o)) {
            panic!(
                "keyword {:?} at {o:?} inside page furniture in {text:?}",
                k.text
            );
        }
    }
    // Entities: each mention in bounds and outside page furniture.
    for e in &a.entities {
        assert!(!e.text.is_empty(), "{e:?}");
        assert!(e.count >= 1 && e.count == e.mentions.len(), "{e:?}");
        check_spans(text, e.mentions.iter().copied(), unit, false, "mention");
        if let Some(m) = e.mentions.iter().find(|m| in_furniture(m)) {
            panic!(
                "entity {:?} at {m:?} inside page furniture in {text:?}",
                e.text
            );
        }
        assert!(!e.aliases.contains(&e.text), "{e:?}");
        let named = matches!(
            e.label,
            EntityLabel::Person | EntityLabel::Organization | EntityLabel::Location
        );
        if named {
            assert!(e.amount.is_none() && e.unit.is_none(), "{e:?}");
        }
        if let Some(role) = &e.role {
            assert!(
                role == "source" && e.label == EntityLabel::Organization,
                "{e:?}"
            );
        }
        if let Some(amount) = e.amount {
            assert!(amount.is_finite(), "{e:?}");
        }
        if let Some(value) = &e.value {
            assert!(!value.is_empty(), "{e:?}");
        }
    }
    for note in &a.notes {
        assert_eq!(note.code, "keywords_statistical", "{note:?}");
    }
}
