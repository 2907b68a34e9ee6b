//! kupas takes a news article apart: it normalizes and tokenizes the text, finds its
//! sentences and language, and (in later stages) extracts keywords and named entities —
//! for Indonesian news first, English too, entirely on the reader's machine.
//!
//! The pipeline, in order:
//!
//! ```text
//! text ─1 normalize ─► Normalized { text, map back to the original }      normalize.rs
//!      ─2 sentence  ─► sentence spans (abbreviations, numbers, headings)   sentence.rs
//!      ─3 token     ─► tokens { span, kind, shape, key, sentence }         token.rs
//!      ─  language  ─► id / en / other with a confidence                   language.rs
//!      ─4 keywords / entities   (arrive with the next stages)
//!      ─5 analysis  ─► Analysis: every span mapped to the ORIGINAL text,   analysis.rs
//!                      in the unit the caller asked for                    offsets.rs
//! ```
//!
//! Everything is total: [`analyze`] returns an [`Analysis`] for every `&str`, whatever it
//! holds. Only decoding options from outside (JavaScript) can fail, with an [`Error`]
//! whose [`code`](Error::code) is stable.
//!
//! ```
//! let text = "Presiden Rusia Vladimir Putin tiba di Pyongyang pada Rabu (19/6/2024). \
//!             Ia disambut Kim Jong-un.";
//! let analysis = kupas::analyze(text, &kupas::Options { tokens: true, ..Default::default() });
//! assert_eq!(analysis.language.code, "id");
//! assert_eq!(analysis.stats.sentences, 2);
//! let second = analysis.sentences[1];
//! assert_eq!(&text[second.start..second.end], "Ia disambut Kim Jong-un.");
//! let tokens = analysis.tokens.unwrap();
//! assert!(tokens.iter().any(|t| &text[t.start..t.end] == "Jong-un"));
//! ```

#![deny(missing_docs)]

pub mod analysis;
pub mod boilerplate;
pub mod error;
mod hash;
pub mod keywords;
pub mod language;
pub mod normalize;
pub mod offsets;
pub mod options;
mod scan;
pub mod sentence;
pub mod stem;
pub mod stopwords;
pub mod token;
pub mod wordlist;

/// The JavaScript binding (wasm32 only). Public so that the wasm-bindgen tests can call
/// the exported functions exactly as JavaScript does.
#[cfg(target_arch = "wasm32")]
#[doc(hidden)]
pub mod wasm;

pub use analysis::{
    Analysis, Boilerplate, BoilerplateKind, Entity, EntityLabel, Keyword, Language, Note, Span,
    Stats, Token, TokenKind,
};
pub use error::{Error, ErrorKind, Result};
pub use options::{LanguageChoice, OffsetUnit, Options};

/// Words read per minute for [`Stats::reading_minutes`] (adult silent reading of
/// non-fiction, Brysbaert 2019: 238; rounded down for news with names and numbers).
pub const WORDS_PER_MINUTE: usize = 230;

/// Analyzes `text`. Never panics and never fails, whatever the text.
///
/// Spans are in UTF-8 bytes unless `options.offsets` asks for another unit.
///
/// ```
/// let analysis = kupas::analyze("Harga naik 3,5% menjadi Rp1.500.000,00.", &Default::default());
/// assert_eq!(analysis.stats.sentences, 1);
/// // Harga · naik · 3,5 · menjadi · Rp · 1.500.000,00 (the `%` and `.` are not words)
/// assert_eq!(analysis.stats.words, 6);
/// ```
pub fn analyze(text: &str, options: &Options) -> Analysis {
    // 1 · normalize: folded text plus a map back to the original.
    let normalized = normalize::normalize(text);
    let norm = normalized.text.as_ref();
    // 2 · sentences over the normalized text.
    let sentence_ranges = sentence::split(norm);
    // 3 · tokens, sentence by sentence.
    let tokens = token::tokenize(norm, &sentence_ranges);
    let language = match options.language {
        LanguageChoice::Auto => language::detect(norm, &tokens),
        LanguageChoice::Id => Language {
            code: "id",
            confidence: 1.0,
        },
        LanguageChoice::En => Language {
            code: "en",
            confidence: 1.0,
        },
    };
    // 5 · map every span to the original text, in the caller's unit.
    let converter = offsets::OffsetConverter::new(text, options.offsets.unwrap_or_default());
    let span = |start: usize, end: usize| {
        let (s, e) = normalized.to_original(start, end);
        Span::new(converter.convert(s), converter.convert(e))
    };
    let sentences: Vec<Span> = sentence_ranges
        .iter()
        .map(|r| span(r.start, r.end))
        .collect();
    // 4 · page furniture, then keywords over the story's tokens.
    let furniture = boilerplate::detect(norm);
    let skip = boilerplate::mask(&furniture, &tokens);
    let mut notes = Vec::new();
    let limit = options.keyword_limit();
    let found = keywords::extract(norm, &tokens, &skip, language.code, limit);
    if limit > 0 && stopwords::for_language(language.code).is_none() && !tokens.list.is_empty() {
        notes.push(Note {
            code: "keywords_statistical",
            message: "no stopword list or stemmer for this language: keywords come from \
                      statistics alone"
                .into(),
        });
    }
    let story = |i: usize| !skip[i];
    let words = (0..tokens.list.len())
        .filter(|&i| story(i) && tokens.list[i].kind.is_wordlike())
        .count();
    // A sentence counts unless page furniture covers it.
    let story_sentences = sentence_ranges
        .iter()
        .filter(|r| {
            !furniture
                .iter()
                .any(|(f, _)| f.start <= r.start && r.end <= f.end)
        })
        .count();
    let tokens_out = options.tokens.then(|| {
        tokens
            .list
            .iter()
            .map(|t| {
                let Span { start, end } = span(t.start, t.end);
                Token {
                    start,
                    end,
                    kind: t.kind,
                    shape: token::shape(tokens.surface(norm, t)),
                    key: tokens.key(norm, t).to_string(),
                    sentence: t.sentence,
                }
            })
            .collect()
    });
    Analysis {
        language,
        stats: Stats {
            characters: text.chars().count(),
            words,
            sentences: story_sentences,
            reading_minutes: words.div_ceil(WORDS_PER_MINUTE),
        },
        sentences,
        tokens: tokens_out,
        boilerplate: furniture
            .into_iter()
            .map(|(r, kind)| {
                let Span { start, end } = span(r.start, r.end);
                Boilerplate { start, end, kind }
            })
            .collect(),
        keywords: found
            .iter()
            .map(|k| Keyword {
                text: k.text.clone(),
                key: k.key.clone(),
                score: k.weight / found[0].weight,
                count: k.occurrences.len(),
                occurrences: k.occurrences.iter().map(|r| span(r.start, r.end)).collect(),
            })
            .collect(),
        entities: Vec::new(),
        notes,
    }
}
