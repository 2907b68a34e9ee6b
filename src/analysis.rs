//! 5 · analysis: the one documented contract of what `analyze` returns.
//!
//! Everything here is plain data that serializes to a plain camelCase JavaScript object
//! (no class instances to free). Every span points into the ORIGINAL text, counted in the
//! unit the caller asked for ([`OffsetUnit`](crate::OffsetUnit)); the TypeScript
//! declarations in `js/index.d.ts` and the README's table of fields mirror this file.

use serde::Serialize;

/// A half-open range `[start, end)` into the original text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Span {
    /// First unit of the span.
    pub start: usize,
    /// One past the last unit of the span.
    pub end: usize,
}

impl Span {
    /// Creates a span.
    pub fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }
}

/// The result of [`analyze`](crate::analyze).
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Analysis {
    /// The detected (or forced) language of the text.
    pub language: Language,
    /// Counts over the whole text.
    pub stats: Stats,
    /// Sentence spans in reading order, trimmed of surrounding whitespace.
    pub sentences: Vec<Span>,
    /// Every token, only when [`Options::tokens`](crate::Options::tokens) is set.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tokens: Option<Vec<Token>>,
    /// Page furniture (related links, credits, captions, bylines, …) in text order. The
    /// story's statistics and keywords leave these spans out.
    pub boilerplate: Vec<Boilerplate>,
    /// Ranked keyphrases, most key first.
    pub keywords: Vec<Keyword>,
    /// Named entities and values, each resolved over all its mentions.
    pub entities: Vec<Entity>,
    /// Remarks on how the text was analysed, such as keywords found from statistics alone
    /// for a language without a stopword list.
    pub notes: Vec<Note>,
}

/// A remark on how a text was analysed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Note {
    /// A stable code: `"keywords_statistical"`.
    pub code: &'static str,
    /// A sentence for people.
    pub message: String,
}

/// A language guess with its confidence.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Language {
    /// `"id"` (Indonesian), `"en"` (English) or `"other"`.
    pub code: &'static str,
    /// How sure the guess is, from 0 (a coin toss, or no text) to 1.
    pub confidence: f64,
}

/// Counts over the whole text.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Stats {
    /// Unicode scalar values (code points) in the text.
    pub characters: usize,
    /// Word-like tokens: words, numbers, dates, times, URLs, e-mails, mentions, hashtags
    /// (everything except punctuation and symbols).
    pub words: usize,
    /// Sentences.
    pub sentences: usize,
    /// Whole minutes to read the text at 230 words a minute, rounded up; 0 for no words.
    pub reading_minutes: usize,
}

/// What a token is. The order is fixed: the JavaScript binding sends a kind as its index.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
#[repr(u8)]
pub enum TokenKind {
    /// Letters, possibly with digits, hyphens and apostrophes: `Kim`, `Jong-un`,
    /// `negara-negara`, `COVID-19`, `Hwasong-11`, `G7`, `Dr.`, `U.S.`.
    Word,
    /// A number in Indonesian or English format: `50`, `1.000,50`, `1,000.50`, `18-19`.
    Number,
    /// A numeric date: `18/6/2024`, `18/6`, `2024-06-18`.
    Date,
    /// A clock time: `02.45` (after *pukul*/*jam* or with a leading zero), `10:30`.
    Time,
    /// A web address: `https://…`, `www.…`, or a bare domain such as `kontan.co.id`.
    Url,
    /// An e-mail address.
    Email,
    /// An `@mention`.
    Mention,
    /// A `#hashtag`.
    Hashtag,
    /// Punctuation: `.`, `,`, `"`, `(`, `...`.
    Punct,
    /// Anything else: `%`, `$`, `+`, emoji.
    Symbol,
}

impl TokenKind {
    /// Every kind, in the order the page lists them.
    pub const ALL: [TokenKind; 10] = [
        TokenKind::Word,
        TokenKind::Number,
        TokenKind::Date,
        TokenKind::Time,
        TokenKind::Url,
        TokenKind::Email,
        TokenKind::Mention,
        TokenKind::Hashtag,
        TokenKind::Punct,
        TokenKind::Symbol,
    ];

    /// The kind's name as serialized: `"word"`, `"number"`, ….
    pub fn as_str(self) -> &'static str {
        match self {
            TokenKind::Word => "word",
            TokenKind::Number => "number",
            TokenKind::Date => "date",
            TokenKind::Time => "time",
            TokenKind::Url => "url",
            TokenKind::Email => "email",
            TokenKind::Mention => "mention",
            TokenKind::Hashtag => "hashtag",
            TokenKind::Punct => "punct",
            TokenKind::Symbol => "symbol",
        }
    }

    /// True for the kinds counted as words in [`Stats::words`].
    pub fn is_wordlike(self) -> bool {
        !matches!(self, TokenKind::Punct | TokenKind::Symbol)
    }
}

/// One token as reported to callers.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Token {
    /// Start in the original text.
    pub start: usize,
    /// End in the original text.
    pub end: usize,
    /// What the token is.
    pub kind: TokenKind,
    /// Its shape: `X` upper-case, `x` lower-case, `d` digit, other characters as they are,
    /// runs longer than four cut to four: `Kim` → `Xxx`, `Hwasong-11` → `Xxxxx-dd`.
    pub shape: String,
    /// Its matching key: NFKC, folded quotes and dashes, lower-cased.
    pub key: String,
    /// Index of its sentence in [`Analysis::sentences`].
    pub sentence: usize,
}

/// What a piece of page furniture is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum BoilerplateKind {
    /// A link to another story: "Baca Juga: …", "Read more: …".
    Related,
    /// A credit line: "Editor: …", "Sumber: …", "Penulis: …".
    Credit,
    /// A byline or author line: "Oleh: …", "… Verified Writer …".
    Byline,
    /// A photo caption or credit: "… (pexels.com/…)", "Foto: …".
    Caption,
    /// The publication date on a line of its own.
    Date,
    /// The place and outlet before the first sentence: "Jakarta, IDN Times - ".
    Dateline,
    /// A prompt to comment, share or follow.
    Comment,
    /// Site navigation: topic lists, "Berita Terkini Lainnya", "Selengkapnya".
    Navigation,
    /// Anything after a closing byline, credit or prompt: author blurbs, site blurbs.
    Footer,
}

/// A span of page furniture.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Boilerplate {
    /// Start in the original text.
    pub start: usize,
    /// End in the original text.
    pub end: usize,
    /// What it is.
    pub kind: BoilerplateKind,
}

/// A ranked keyphrase.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Keyword {
    /// The phrase in its most frequent surface form.
    pub text: String,
    /// The phrase's matching key (lower-cased, stemmed where that applies).
    pub key: String,
    /// How key the phrase is, from 0 to 1 (1 = most key).
    pub score: f64,
    /// How often the phrase (in any of its forms) occurs.
    pub count: usize,
    /// Every occurrence in the original text.
    pub occurrences: Vec<Span>,
}

/// The result of [`analyze_corpus`](crate::analyze_corpus).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Corpus {
    /// Each article's analysis, in the order given, with its keywords re-weighted
    /// against the set.
    pub documents: Vec<Analysis>,
    /// The set's keywords: phrases that matter across the articles, most key first.
    pub keywords: Vec<CorpusKeyword>,
    /// The set's entities: each article's entities linked across the articles (the same
    /// person in five articles is one), those in the most articles first.
    pub entities: Vec<CorpusEntity>,
}

/// An entity of a set of articles.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CorpusEntity {
    /// The canonical (longest, most complete) name over all the articles.
    pub text: String,
    /// The entity's type.
    pub label: EntityLabel,
    /// Other surface forms, over all the articles.
    pub aliases: Vec<String>,
    /// Mentions in all articles.
    pub count: usize,
    /// In how many articles it appears.
    pub document_frequency: usize,
    /// Where it appears: each article's index, the entity's index in that article's
    /// `entities`, and its mentions there.
    pub documents: Vec<EntityInDocument>,
    /// The normalised value, as in [`Entity::value`].
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
    /// `"source"` when the articles cite it as a news source.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
}

/// One article's share of a [`CorpusEntity`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct EntityInDocument {
    /// The article's index in the set.
    pub document: usize,
    /// The entity's index in that article's `entities`.
    pub entity: usize,
    /// Mentions in that article.
    pub count: usize,
}

/// A keyphrase of a set of articles.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CorpusKeyword {
    /// The phrase, in the form of the article where it scores highest.
    pub text: String,
    /// The phrase's matching key.
    pub key: String,
    /// How key the phrase is to the set, from 0 to 1 (1 = most key): its share of the
    /// articles times its summed score in them.
    pub score: f64,
    /// Occurrences in all articles.
    pub count: usize,
    /// In how many articles it is a keyword candidate.
    pub document_frequency: usize,
    /// The indices of those articles.
    pub documents: Vec<usize>,
}

/// The type of an entity.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum EntityLabel {
    /// A person.
    Person,
    /// An organisation, including news outlets and agencies.
    Organization,
    /// A country, city, region or other place.
    Location,
    /// A calendar date or period.
    Date,
    /// A time of day.
    Time,
    /// An amount of money.
    Money,
    /// A percentage.
    Percent,
    /// A number with a unit.
    Quantity,
    /// A web address.
    Url,
    /// An e-mail address.
    Email,
}

/// A named entity or value, resolved over its mentions. People, organisations and places
/// come from the tagger in [`ner`](crate::ner), dates, times, amounts and addresses from
/// the rules in [`ner::values`](crate::ner::values).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Entity {
    /// The canonical (longest, most complete) name.
    pub text: String,
    /// The entity's type.
    pub label: EntityLabel,
    /// Other surface forms that refer to the same entity.
    pub aliases: Vec<String>,
    /// Number of mentions.
    pub count: usize,
    /// Every mention in the original text.
    pub mentions: Vec<Span>,
    /// A normalised value where one can be known: an ISO 8601 date, period or time
    /// (`2024-06-18`, `2024-06-18/2024-06-19`, `2023-09`, `T02:45`), or for an amount its
    /// number as plain decimal text (`1500000000000`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
    /// For MONEY, PERCENT and QUANTITY: the number (`1.5e12` for *Rp1,5 triliun*).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub amount: Option<f64>,
    /// For MONEY the ISO 4217 currency (`IDR`, `USD`); for PERCENT `%`; for QUANTITY the
    /// unit as written, lower-cased (`rudal`, `tahun`, `km`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    /// A role such as `"source"` for a news outlet cited as a source.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_are_sent_by_index_in_this_order() {
        for (i, kind) in TokenKind::ALL.iter().enumerate() {
            assert_eq!(*kind as usize, i);
        }
        // The binding's JavaScript turns the index back into the name.
        let binding = include_str!("wasm.rs");
        let names: Vec<String> = TokenKind::ALL
            .iter()
            .map(|k| format!("'{}'", k.as_str()))
            .collect();
        let expected = format!("const KINDS = [{}];", names.join(", "));
        assert!(
            binding.contains(&expected),
            "src/wasm.rs must declare {expected}"
        );
    }
}
