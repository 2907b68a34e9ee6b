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
pub mod hash;
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
    Analysis, Boilerplate, BoilerplateKind, Corpus, CorpusKeyword, Entity, EntityLabel, Keyword,
    Language, Note, Span, Stats, Token, TokenKind,
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
    analyze_with(text, options, None)
}

/// How many candidates a corpus keeps per article before re-weighting them.
const CORPUS_POOL: usize = 60;

/// Analyzes a set of articles: each one as [`analyze`] would, except that its keywords
/// are re-weighted against the set (a phrase found in every article counts for less than
/// one found only in this one), plus the set's own keywords with the number of articles
/// each appears in. Never panics and never fails.
///
/// ```
/// let texts = [
///     "Banjir merendam Bekasi. Warga Bekasi mengungsi ke masjid.",
///     "Banjir merendam Bogor. Warga Bogor mengungsi ke sekolah.",
/// ];
/// let corpus = kupas::analyze_corpus(&texts, &Default::default());
/// assert_eq!(corpus.documents.len(), 2);
/// assert_eq!(corpus.documents[0].keywords[0].text, "Bekasi");
/// let banjir = corpus.keywords.iter().find(|k| k.text == "Banjir").unwrap();
/// assert_eq!(banjir.documents, [0, 1]);
/// ```
pub fn analyze_corpus<S: AsRef<str>>(texts: &[S], options: &Options) -> Corpus {
    let limit = options.keyword_limit();
    let n = texts.len();
    // Pass 1: every article's candidate keywords.
    let pools: Vec<Vec<keywords::Found>> = texts
        .iter()
        .map(|t| keyword_pool(t.as_ref(), options, CORPUS_POOL.max(limit)))
        .collect();
    let mut df: hash::FxHashMap<&str, usize> = hash::FxHashMap::default();
    for pool in &pools {
        let mut seen = std::collections::HashSet::new();
        for k in pool {
            if seen.insert(k.key.as_str()) {
                *df.entry(k.key.as_str()).or_default() += 1;
            }
        }
    }
    // Distinctiveness: 1 for a phrase of one article, 1 / (1 + ln n) for one in all.
    let factor = |key: &str| {
        let d = df.get(key).copied().unwrap_or(1).max(1) as f64;
        (1.0 + (n as f64 / d).ln()) / (1.0 + (n.max(1) as f64).ln())
    };
    // Pass 2: each article with its keywords re-weighted.
    let documents: Vec<Analysis> = texts
        .iter()
        .map(|t| analyze_with(t.as_ref(), options, Some(&factor)))
        .collect();
    // The set's keywords: by key, scored by the share of articles and their scores there.
    struct Entry {
        text: String,
        best: f64,
        score: f64,
        count: usize,
        documents: Vec<usize>,
    }
    let mut entries: Vec<Entry> = Vec::new();
    let mut at: hash::FxHashMap<&str, usize> = hash::FxHashMap::default();
    for (d, pool) in pools.iter().enumerate() {
        let top = pool.first().map_or(1.0, |k| k.weight);
        for k in pool {
            let score = k.weight / top;
            let i = *at.entry(k.key.as_str()).or_insert_with(|| {
                entries.push(Entry {
                    text: k.text.clone(),
                    best: 0.0,
                    score: 0.0,
                    count: 0,
                    documents: Vec::new(),
                });
                entries.len() - 1
            });
            let e = &mut entries[i];
            if e.documents.last() != Some(&d) {
                e.documents.push(d);
            }
            if score > e.best {
                e.best = score;
                e.text = k.text.clone();
            }
            e.score += score;
            e.count += k.occurrences.len();
        }
    }
    let keys: Vec<&str> = {
        let mut keys = vec![""; entries.len()];
        for (k, &i) in &at {
            keys[i] = k;
        }
        keys
    };
    let mut order: Vec<usize> = (0..entries.len()).collect();
    let value = |e: &Entry| e.score * e.documents.len() as f64 / n.max(1) as f64;
    order.sort_by(|&a, &b| {
        value(&entries[b])
            .total_cmp(&value(&entries[a]))
            .then(a.cmp(&b))
    });
    order.truncate(limit);
    let top = order.first().map_or(1.0, |&i| value(&entries[i]));
    let keywords = order
        .into_iter()
        .map(|i| {
            let e = &entries[i];
            CorpusKeyword {
                text: e.text.clone(),
                key: keys[i].to_string(),
                score: if top > 0.0 { value(e) / top } else { 0.0 },
                count: e.count,
                document_frequency: e.documents.len(),
                documents: e.documents.clone(),
            }
        })
        .collect();
    Corpus {
        documents,
        keywords,
    }
}

/// The language to assume for a text.
fn language_of(norm: &str, tokens: &token::Tokens, options: &Options) -> Language {
    match options.language {
        LanguageChoice::Auto => language::detect(norm, tokens),
        LanguageChoice::Id => Language {
            code: "id",
            confidence: 1.0,
        },
        LanguageChoice::En => Language {
            code: "en",
            confidence: 1.0,
        },
    }
}

/// Only the keyword candidates of a text (for a corpus's first pass).
fn keyword_pool(text: &str, options: &Options, pool: usize) -> Vec<keywords::Found> {
    let normalized = normalize::normalize(text);
    let norm = normalized.text.as_ref();
    let sentence_ranges = sentence::split(norm);
    let tokens = token::tokenize(norm, &sentence_ranges);
    let language = language_of(norm, &tokens, options);
    let skip = boilerplate::mask(&boilerplate::detect(norm), &tokens);
    let limit = if options.keyword_limit() == 0 {
        0
    } else {
        pool
    };
    keywords::extract(norm, &tokens, &skip, language.code, limit)
}

/// [`analyze`], with keyword weights multiplied by `reweight(key)` when given.
fn analyze_with(text: &str, options: &Options, reweight: Option<&dyn Fn(&str) -> f64>) -> Analysis {
    // 1 · normalize: folded text plus a map back to the original.
    let normalized = normalize::normalize(text);
    let norm = normalized.text.as_ref();
    // 2 · sentences over the normalized text.
    let sentence_ranges = sentence::split(norm);
    // 3 · tokens, sentence by sentence.
    let tokens = token::tokenize(norm, &sentence_ranges);
    let language = language_of(norm, &tokens, options);
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
    let found = match reweight {
        None => keywords::extract(norm, &tokens, &skip, language.code, limit),
        Some(factor) => {
            let pool = if limit == 0 {
                0
            } else {
                CORPUS_POOL.max(limit)
            };
            let mut found = keywords::extract(norm, &tokens, &skip, language.code, pool);
            for k in &mut found {
                k.weight *= factor(&k.key);
            }
            found.sort_by(|a, b| b.weight.total_cmp(&a.weight));
            found.truncate(limit);
            found
        }
    };
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
                score: if found[0].weight > 0.0 {
                    (k.weight / found[0].weight).clamp(0.0, 1.0)
                } else {
                    0.0
                },
                count: k.occurrences.len(),
                occurrences: k.occurrences.iter().map(|r| span(r.start, r.end)).collect(),
            })
            .collect(),
        entities: Vec::new(),
        notes,
    }
}
