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
//!      ─4 keywords  ─► ranked keyphrases over the story's tokens           keywords.rs
//!         entities  ─► tagged names resolved into entities                ner/
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
pub mod huffman;
pub mod keywords;
pub mod language;
pub mod ner;
pub mod normalize;
pub mod offsets;
pub mod options;
mod porter2;
mod scan;
pub mod sentence;
pub mod sort;
pub mod stem;
pub mod stopwords;
pub mod token;
pub mod unicode;
pub mod varint;
pub mod wordlist;

/// The JavaScript binding (wasm32 only). Public so that the wasm-bindgen tests can call
/// the exported functions exactly as JavaScript does.
#[cfg(target_arch = "wasm32")]
#[doc(hidden)]
pub mod wasm;

pub use analysis::{
    Analysis, Boilerplate, BoilerplateKind, Corpus, CorpusEntity, CorpusKeyword, Entity,
    EntityInDocument, EntityLabel, Keyword, Language, Note, Span, Stats, Token, TokenKind,
};
pub use error::{Error, ErrorKind, Result};
pub use options::{LanguageChoice, OffsetUnit, Options};

/// Words read per minute for [`Stats::reading_minutes`] (adult silent reading of
/// non-fiction, Brysbaert 2019: 238; rounded down for news with names and numbers).
pub const WORDS_PER_MINUTE: usize = 230;

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
    // Every article once, with a deeper pool of keywords to re-rank.
    let pool = if limit == 0 {
        0
    } else {
        CORPUS_POOL.max(limit)
    };
    let pooled = Options {
        keywords: Some(u32::try_from(pool).unwrap_or(u32::MAX)),
        ..options.clone()
    };
    let mut documents: Vec<Analysis> = texts.iter().map(|t| analyze(t.as_ref(), &pooled)).collect();
    // The set's keywords, by key: the share of articles times the scores there.
    struct Entry {
        text: String,
        key: String,
        best: f64,
        score: f64,
        count: usize,
        documents: Vec<usize>,
    }
    let mut entries: Vec<Entry> = Vec::new();
    let mut at: hash::FxHashMap<&str, usize> = hash::FxHashMap::default();
    for (d, analysis) in documents.iter().enumerate() {
        for k in &analysis.keywords {
            let i = *at.entry(k.key.as_str()).or_insert_with(|| {
                entries.push(Entry {
                    text: k.text.clone(),
                    key: k.key.clone(),
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
            if k.score > e.best {
                e.best = k.score;
                e.text = k.text.clone();
            }
            e.score += k.score;
            e.count += k.count;
        }
    }
    // Each article's keywords, re-weighted by distinctiveness: 1 for a phrase of this
    // article alone, 1 / (1 + ln n) for a phrase of every article.
    let frequency: hash::FxHashMap<&str, usize> = entries
        .iter()
        .map(|e| (e.key.as_str(), e.documents.len()))
        .collect();
    let factor = |key: &str| {
        let df = frequency.get(key).copied().unwrap_or(1) as f64;
        (1.0 + (n as f64 / df).ln()) / (1.0 + (n.max(1) as f64).ln())
    };
    for analysis in &mut documents {
        for k in &mut analysis.keywords {
            k.score *= factor(&k.key);
        }
        let keywords = &mut analysis.keywords;
        sort::sort_by(keywords, |a, b| a.score.total_cmp(&b.score).is_gt());
        keywords.truncate(limit);
        let top = keywords.first().map_or(0.0, |k| k.score);
        for k in keywords.iter_mut() {
            k.score = if top > 0.0 { k.score / top } else { 0.0 };
        }
    }
    let value = |e: &Entry| e.score * e.documents.len() as f64 / n.max(1) as f64;
    sort::sort_by(&mut entries, |a, b| value(a).total_cmp(&value(b)).is_gt());
    entries.truncate(limit);
    let top = entries.first().map_or(0.0, value);
    let keywords = entries
        .into_iter()
        .map(|e| CorpusKeyword {
            score: if top > 0.0 { value(&e) / top } else { 0.0 },
            document_frequency: e.documents.len(),
            text: e.text,
            key: e.key,
            count: e.count,
            documents: e.documents,
        })
        .collect();
    let entities = {
        let lists: Vec<&[Entity]> = documents.iter().map(|d| d.entities.as_slice()).collect();
        ner::link(&lists)
    };
    Corpus {
        documents,
        keywords,
        entities,
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
    // 4 · names: tagged mentions (resolved into entities below); keywords are cut at them.
    let mentions = if options.entities {
        ner::tag(norm, &tokens, &skip, language.code)
    } else {
        Vec::new()
    };
    let mut named: Vec<(usize, usize)> = mentions.iter().map(|m| (m.start, m.end)).collect();
    sort::sort(&mut named);
    let found = keywords::extract_with_names(norm, &tokens, &skip, language.code, limit, &named);
    let mut entities: Vec<Entity> = ner::resolve(norm, &tokens, &mentions)
        .into_iter()
        .map(|e| Entity {
            text: e.text,
            label: e.label,
            aliases: e.aliases,
            count: e.mentions.len(),
            mentions: e
                .mentions
                .iter()
                .map(|&(s, e)| span(tokens.list[s].start, tokens.list[e - 1].end))
                .collect(),
            value: None,
            amount: None,
            unit: None,
            role: e.source.then(|| "source".to_string()),
        })
        .collect();
    // 4 · values: dates, times, amounts and addresses by rule; equal values are one entity.
    let found_values = if options.entities {
        ner::values::find(norm, &tokens, &skip)
    } else {
        Vec::new()
    };
    // A value inside a name is part of the name (the weekday of *Pasar Minggu*, the year
    // of a named event): the name's tokens are not read again as a value.
    // The furthest end of the names so far: a value overlaps a name when some name that
    // starts before the value's end reaches past its start.
    let mut reach = 0;
    for n in &mut named {
        reach = reach.max(n.1);
        n.1 = reach;
    }
    let inside_a_name = |start: usize, end: usize| {
        let i = named.partition_point(|&(s, _)| s < end);
        i > 0 && named[i - 1].1 > start
    };
    // Equal: the same type and value (and unit), or without a value the same text.
    let mut value_at: hash::FxHashMap<(EntityLabel, bool, String), usize> =
        hash::FxHashMap::default();
    for v in found_values {
        if inside_a_name(v.start, v.end) {
            continue;
        }
        let surface = &norm[tokens.list[v.start].start..tokens.list[v.end - 1].end];
        let mention = span(tokens.list[v.start].start, tokens.list[v.end - 1].end);
        let key = match (&v.value, &v.unit) {
            (Some(value), unit) => (
                v.label,
                true,
                format!("{value} {}", unit.as_deref().unwrap_or("")),
            ),
            (None, _) => (v.label, false, surface.to_lowercase()),
        };
        match value_at.get(&key) {
            Some(&i) => {
                let e = &mut entities[i];
                e.count += 1;
                e.mentions.push(mention);
                if surface != e.text && !e.aliases.iter().any(|a| a == surface) {
                    e.aliases.push(surface.to_string());
                }
            }
            None => {
                value_at.insert(key, entities.len());
                entities.push(Entity {
                    text: surface.to_string(),
                    label: v.label,
                    aliases: Vec::new(),
                    count: 1,
                    mentions: vec![mention],
                    value: v.value,
                    amount: v.amount,
                    unit: v.unit,
                    role: None,
                });
            }
        }
    }
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
    // Both lists are in text order: one pass over each.
    let mut pieces = furniture.iter().peekable();
    let story_sentences = sentence_ranges
        .iter()
        .filter(|r| {
            while pieces.next_if(|(f, _)| f.end < r.end).is_some() {}
            !pieces
                .peek()
                .is_some_and(|(f, _)| f.start <= r.start && r.end <= f.end)
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
        entities,
        notes,
    }
}
