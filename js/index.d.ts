/**
 * kupas: take a news article apart in the browser or in Node.
 *
 * ```js
 * import { analyze } from 'kupas';            // Node: ready on import
 * // import { init, analyze } from 'kupas';   // browsers and bundlers: `await init()` once
 * const result = analyze('Presiden tiba di Jakarta. Ia disambut.');
 * result.sentences.map(({ start, end }) => text.slice(start, end));
 * ```
 *
 * Every span is `{ start, end }` into the ORIGINAL text in UTF-16 code units (unless
 * `options.offsets` says otherwise), so `text.slice(start, end)` is exactly the surface.
 */

/** Options for {@link analyze}. Every field is optional; unknown fields are an error. */
export interface Options {
  /** Include every token in the result. Default `false`. */
  tokens?: boolean;
  /**
   * The unit of every span. Default `"utf16"` (JavaScript string indices).
   * `"utf8"` counts UTF-8 bytes, `"codepoints"` counts Unicode code points (`[...text]`).
   */
  offsets?: 'utf16' | 'utf8' | 'codepoints';
  /** Force the language instead of detecting it. Default `"auto"`. */
  language?: 'auto' | 'id' | 'en';
  /** How many keywords to report at most (a whole number). Default 20; 0 skips keywords. */
  keywords?: number;
  /**
   * Find entities (names, dates, times, amounts, addresses). Default `true`; `false` leaves
   * `entities` empty and takes about half the time.
   */
  entities?: boolean;
}

/** A half-open range `[start, end)` into the original text. */
export interface Span {
  /** First unit of the span. */
  start: number;
  /** One past the last unit of the span. */
  end: number;
}

/** The language of the text. */
export interface Language {
  /** `"id"` Indonesian (Malay is reported as `"id"`), `"en"` English, `"other"` anything else. */
  code: 'id' | 'en' | 'other';
  /** From 0 (no evidence: empty or very short text) to 1 (certain). */
  confidence: number;
}

/** Counts over the whole text. */
export interface Stats {
  /** Unicode code points in the text. */
  characters: number;
  /** Word-like tokens outside page furniture: every token except punctuation and symbols. */
  words: number;
  /** Sentences, except those inside page furniture. */
  sentences: number;
  /** Whole minutes to read at 230 words a minute, rounded up; 0 when there are no words. */
  readingMinutes: number;
}

/** What a token is. */
export type TokenKind =
  | 'word' // Kim, Jong-un, negara-negara, COVID-19, Hwasong-11, G7, Dr., U.S.
  | 'number' // 50, 1.000,50, 1,000.50, 18-19
  | 'date' // 18/6/2024, 18/6, 2024-06-18
  | 'time' // 02.45 (after "pukul" or with a leading zero), 14.30 WIB, 10:30
  | 'url' // https://…, www.…, kontan.co.id
  | 'email'
  | 'mention' // @name
  | 'hashtag' // #tag
  | 'punct' // . , " ( ...
  | 'symbol'; // % $ US$ + emoji

/** One token (only with `options.tokens`). */
export interface Token extends Span {
  /** What the token is. */
  kind: TokenKind;
  /** `X` upper-case letter, `x` other letter, `d` digit, others as is; runs cut to 4: `Kim` → `Xxx`. */
  shape: string;
  /** Matching key: NFKC, curly quotes and dashes folded, lower-cased. */
  key: string;
  /** Index into {@link Analysis.sentences}. */
  sentence: number;
}

/** What a piece of page furniture is. */
export type BoilerplateKind =
  | 'related' // "Baca Juga: …", "Read more: …"
  | 'credit' // "Editor: …", "Sumber: …", "Penulis: …"
  | 'byline' // "Oleh: …", "… Verified Writer …"
  | 'caption' // "… (pexels.com/…)", "Foto: …"
  | 'date' // the publication date on a line of its own
  | 'dateline' // "Jakarta, IDN Times -" before the first sentence
  | 'comment' // prompts to comment, share or follow
  | 'navigation' // topic lists, "Berita Terkini Lainnya"
  | 'footer'; // anything after a closing credit, byline or prompt

/** A span of page furniture: not the story, left out of keywords and counts. */
export interface Boilerplate extends Span {
  kind: BoilerplateKind;
}

/** A remark on how the text was analysed. */
export interface Note {
  /** `"keywords_statistical"`: no stopword list or stemmer for the language. */
  code: string;
  /** A sentence for people. */
  message: string;
}

/** A ranked keyphrase. */
export interface Keyword {
  /** The phrase in its most frequent surface form. */
  text: string;
  /** The phrase's matching key (lower-cased, stemmed where that applies). */
  key: string;
  /** From 0 to 1; 1 = most key. */
  score: number;
  /** How often the phrase occurs, in any of its forms. */
  count: number;
  /** Every occurrence in the original text. */
  occurrences: Span[];
}

/** The type of an entity. */
export type EntityLabel =
  | 'PERSON'
  | 'ORGANIZATION'
  | 'LOCATION'
  | 'DATE'
  | 'TIME'
  | 'MONEY'
  | 'PERCENT'
  | 'QUANTITY'
  | 'URL'
  | 'EMAIL';

/** A named entity or value resolved over its mentions. */
export interface Entity {
  /** The canonical (longest, most complete) name. */
  text: string;
  /** The entity's type. */
  label: EntityLabel;
  /** Other surface forms of the same entity. */
  aliases: string[];
  /** Number of mentions. */
  count: number;
  /** Every mention in the original text. */
  mentions: Span[];
  /**
   * A normalised value where known: an ISO 8601 date, period or time (`"2024-06-18"`,
   * `"2024-06-18/2024-06-19"`, `"2023-09"`, `"T02:45"`), or an amount's number as decimal text.
   */
  value?: string;
  /** For MONEY, PERCENT and QUANTITY: the number (`1.5e12` for "Rp1,5 triliun"). */
  amount?: number;
  /** For MONEY the ISO 4217 currency (`"IDR"`, `"USD"`); for PERCENT `"%"`; for QUANTITY the unit word. */
  unit?: string;
  /** A role such as `"source"` for a news outlet cited as a source. */
  role?: string;
}

/** The result of {@link analyze}: plain data, safe to `JSON.stringify`. */
export interface Analysis {
  /** The detected (or forced) language. */
  language: Language;
  /** Counts over the whole text. */
  stats: Stats;
  /** Sentence spans in reading order, trimmed of surrounding whitespace. */
  sentences: Span[];
  /** Every token; present only when `options.tokens` is `true`. */
  tokens?: Token[];
  /** Page furniture in text order. */
  boilerplate: Boilerplate[];
  /** Ranked keyphrases, most key first (at most `options.keywords`, default 20). */
  keywords: Keyword[];
  /** Named entities and values. */
  entities: Entity[];
  /** Remarks on how the text was analysed. */
  notes: Note[];
}

/** A keyphrase of a set of articles. */
export interface CorpusKeyword {
  /** The phrase, in the form of the article where it scores highest. */
  text: string;
  /** The phrase's matching key. */
  key: string;
  /** From 0 to 1; 1 = most key to the set (its share of articles times its scores there). */
  score: number;
  /** Occurrences in all articles. */
  count: number;
  /** In how many articles it occurs as a keyword candidate. */
  documentFrequency: number;
  /** The indices (into the input array) of those articles. */
  documents: number[];
}

/** One article's share of a {@link CorpusEntity}. */
export interface EntityInDocument {
  /** The article's index in the input array. */
  document: number;
  /** The entity's index in that article's `entities`. */
  entity: number;
  /** Mentions in that article. */
  count: number;
}

/** An entity linked across a set of articles (the same person in five articles is one). */
export interface CorpusEntity {
  /** The canonical (longest, most complete) name over all the articles. */
  text: string;
  /** The entity's type. */
  label: EntityLabel;
  /** Other surface forms, over all the articles. */
  aliases: string[];
  /** Mentions in all articles. */
  count: number;
  /** In how many articles it appears. */
  documentFrequency: number;
  /** Where it appears, article by article. */
  documents: EntityInDocument[];
  /** The normalised value, as in {@link Entity.value}. */
  value?: string;
  /** `"source"` when the articles cite it as a news source. */
  role?: string;
}

/** The result of {@link analyzeCorpus}. */
export interface Corpus {
  /** Each article's analysis, in input order, keywords re-weighted against the set. */
  documents: Analysis[];
  /** The set's keywords, most key first. */
  keywords: CorpusKeyword[];
  /** The set's entities, those in the most articles first. */
  entities: CorpusEntity[];
}

/** The stable codes of {@link KupasError}. */
export type ErrorCode = 'invalid_text' | 'invalid_options' | 'text_too_large' | 'not_initialized';

/** An error thrown by kupas, with a stable `code`. */
export interface KupasError extends Error {
  /**
   * `"invalid_text"`: the text is not a string (a `TypeError`).
   * `"invalid_options"`: unknown option, wrong type or value, or options not an object.
   * `"text_too_large"`: the text is longer than 16 MiB, 16,777,216 UTF-16 code units (`text.length`),
   *   or the texts of {@link analyzeCorpus} are together (a `RangeError`). wasm32 has 4 GiB of
   *   memory, and an analysis needs 30 to 60 bytes per unit of news text, up to about 260 for
   *   the worst input, so longer text is refused before any work is done.
   * `"not_initialized"`: browser/bundler build used before `await init()`.
   */
  code: ErrorCode;
}

/**
 * Analyzes `text`. Never fails on any string up to 16,777,216 UTF-16 code units (16 MiB):
 * empty, megabytes, emoji, lone surrogates.
 * @throws {KupasError} `invalid_text` when `text` is not a string, `text_too_large` above the
 *   limit, `invalid_options` for bad options.
 */
export function analyze(text: string, options?: Options): Analysis;

/**
 * Analyzes a set of articles: each as {@link analyze} would, with keywords re-weighted so
 * that what is distinctive to an article ranks above what all share, plus the set's keywords.
 * @throws {KupasError} `invalid_text` when `texts` is not an array of strings, `text_too_large`
 *   when they are longer than 16 MiB together, `invalid_options` for bad options.
 */
export function analyzeCorpus(texts: string[], options?: Options): Corpus;

/**
 * Loads the WebAssembly module. Needed once in browsers and bundlers before {@link analyze};
 * a no-op in Node. Idempotent: concurrent and repeated calls share one load.
 * @param input Optional URL, Response, BufferSource or WebAssembly.Module to load instead of
 *   the `.wasm` file next to the package's glue code.
 */
export function init(input?: string | URL | Response | BufferSource | WebAssembly.Module): Promise<void>;

/** The version of the kupas core. */
export function version(): string;
