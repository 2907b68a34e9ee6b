// Uses every export and every result field of js/index.d.ts the way a developer would.
// Type-checked, never run: `tsc --noEmit -p tests/types` (tests/js/types.test.mjs). The
// package imports itself by name, so the declarations are found through package.json's
// "exports" exactly as an installed package's would be.
import { analyze, analyzeCorpus, init, version } from 'kupas';
import type {
  Analysis,
  Boilerplate,
  BoilerplateKind,
  Corpus,
  CorpusEntity,
  CorpusKeyword,
  Entity,
  EntityInDocument,
  EntityLabel,
  ErrorCode,
  Keyword,
  KupasError,
  Language,
  Note,
  Options,
  Span,
  Stats,
  Token,
  TokenKind,
} from 'kupas';

/** Fails to compile when a union gains a member that a switch does not handle. */
function unreachable(value: never): never {
  throw new Error(`unhandled ${String(value)}`);
}

const text = 'Presiden Rusia Vladimir Putin tiba di Pyongyang pada Rabu (19/6/2024) pukul 02.45 WIB.';

// --- options ---------------------------------------------------------------------------------
const options: Options = { tokens: true, offsets: 'utf16', language: 'auto', keywords: 10, entities: true };
const allUnits: Options['offsets'][] = ['utf16', 'utf8', 'codepoints', undefined];
const languages: NonNullable<Options['language']>[] = ['auto', 'id', 'en'];
const flag: boolean | undefined = undefined;
analyze(text, { tokens: flag }); // an optional field may be undefined
analyze(text, {});
analyze(text);
// @ts-expect-error: a typo in an option name is caught before runtime
analyze(text, { tokenz: true });
// @ts-expect-error: only the documented languages
analyze(text, { language: 'fr' });
// @ts-expect-error: only the documented units
analyze(text, { offsets: 'bytes' });
// @ts-expect-error: keywords is a number
analyze(text, { keywords: '5' });
// @ts-expect-error: the text must be a string
analyze(42);
// @ts-expect-error: a corpus is an array of strings
analyzeCorpus(text);

// --- the analysis ------------------------------------------------------------------------------
const result: Analysis = analyze(text, options);
const slice = (span: Span): string => text.slice(span.start, span.end);

const language: Language = result.language;
const code: 'id' | 'en' | 'other' = language.code;
const confidence: number = language.confidence;

const stats: Stats = result.stats;
const counts: number[] = [stats.characters, stats.words, stats.sentences, stats.readingMinutes];

const sentences: string[] = result.sentences.map(slice);

// Tokens are optional: present only with `tokens: true`, so they must be narrowed.
// @ts-expect-error: possibly undefined
result.tokens.length;
const tokens: Token[] = result.tokens ?? [];
function describeToken(token: Token): string {
  const kind: TokenKind = token.kind;
  const where = `${token.start}-${token.end} in sentence ${token.sentence}`;
  switch (kind) {
    case 'word':
    case 'number':
    case 'punct':
    case 'symbol':
      return `${kind} ${token.shape} ${token.key} ${where}`;
    case 'date':
    case 'time':
      return `${kind} ${slice(token)}`;
    case 'url':
    case 'email':
    case 'mention':
    case 'hashtag':
      return `${kind} link ${token.key}`;
    default:
      return unreachable(kind);
  }
}
const described: string[] = tokens.map(describeToken);

const furniture: Boilerplate[] = result.boilerplate;
function isFooter(b: Boilerplate): boolean {
  const kind: BoilerplateKind = b.kind;
  switch (kind) {
    case 'footer':
      return true;
    case 'related':
    case 'credit':
    case 'byline':
    case 'caption':
    case 'date':
    case 'dateline':
    case 'comment':
    case 'navigation':
      return false;
    default:
      return unreachable(kind);
  }
}
const footers = furniture.filter(isFooter).map(slice);

const keywords: Keyword[] = result.keywords;
const top = keywords.map((k) => `${k.text} [${k.key}] ${k.score.toFixed(2)} ×${k.count}: ${k.occurrences.map(slice).join(', ')}`);

const notes: Note[] = result.notes;
const statistical: boolean = notes.some((n) => n.code === 'keywords_statistical' && n.message.length > 0);

// Entities: narrowing on the label, and the fields that only some labels carry.
function describeEntity(entity: Entity): string {
  const label: EntityLabel = entity.label;
  const mentions = `${entity.count} mentions: ${entity.mentions.map(slice).join(' / ')}`;
  const aliases: string[] = entity.aliases;
  switch (label) {
    case 'PERSON':
    case 'LOCATION':
      return `${entity.text} (${aliases.join(', ')}) ${mentions}`;
    case 'ORGANIZATION': {
      const role: string | undefined = entity.role;
      return role === 'source' ? `source ${entity.text}` : entity.text;
    }
    case 'DATE':
    case 'TIME': {
      // @ts-expect-error: value is optional (a weekday with no article date has none)
      const iso: string = entity.value;
      return `${entity.text} = ${entity.value ?? '?'} ${iso}`;
    }
    case 'MONEY':
    case 'PERCENT':
    case 'QUANTITY': {
      const amount: number | undefined = entity.amount;
      const unit: string | undefined = entity.unit;
      return amount === undefined ? entity.text : `${amount.toExponential()} ${unit ?? ''}`;
    }
    case 'URL':
    case 'EMAIL':
      return entity.text;
    default:
      return unreachable(label);
  }
}
const people: Entity[] = result.entities.filter((e) => e.label === 'PERSON');
const entityLines: string[] = result.entities.map(describeEntity);
// @ts-expect-error: not a label
const wrongLabel: EntityLabel = 'PERSONS';

// --- a corpus ----------------------------------------------------------------------------------
const corpus: Corpus = analyzeCorpus([text, 'Kim Jong-un menyambut Putin di Pyongyang.'], { keywords: 5 });
const documents: Analysis[] = corpus.documents;
const corpusKeywords: CorpusKeyword[] = corpus.keywords;
const sharedKeys = corpusKeywords.map((k) => `${k.text} ${k.key} ${k.score} ${k.count} in ${k.documentFrequency}: ${k.documents.join(',')}`);
const corpusEntities: CorpusEntity[] = corpus.entities;
function entityInArticles(entity: CorpusEntity): Entity[] {
  return entity.documents.map((where: EntityInDocument) => {
    const doc = documents[where.document];
    const own = doc?.entities[where.entity];
    if (!doc || !own) throw new Error('index out of range');
    return own;
  });
}
const linked = corpusEntities.map((e) => `${e.text} ${e.label} ${e.aliases.length} ${e.count} ${e.documentFrequency} ${e.value ?? ''} ${e.role ?? ''}`);
const firstLinked: Entity[] = corpusEntities[0] ? entityInArticles(corpusEntities[0]) : [];

// --- errors ------------------------------------------------------------------------------------
function isKupasError(error: unknown): error is KupasError {
  return error instanceof Error && typeof (error as Partial<KupasError>).code === 'string';
}
function explain(error: unknown): string {
  if (!isKupasError(error)) throw error;
  const errorCode: ErrorCode = error.code;
  switch (errorCode) {
    case 'invalid_text':
      return `not a string: ${error.message}`;
    case 'invalid_options':
      return `bad options: ${error.message}`;
    case 'text_too_large':
      return 'split the text into articles';
    case 'not_initialized':
      return 'await init() first';
    default:
      return unreachable(errorCode);
  }
}
let message = '';
try {
  analyze('x'.repeat(9_000_000));
} catch (error) {
  message = explain(error);
}

// --- init and version --------------------------------------------------------------------------
async function start(): Promise<string> {
  await init();
  await init(new URL('https://example.org/kupas_bg.wasm'));
  await init(new Uint8Array(8));
  const v: string = version();
  return v;
}

export const used = [
  allUnits, languages, code, confidence, counts, sentences, described, footers, top,
  statistical, people, entityLines, wrongLabel, sharedKeys, linked, firstLinked, message, start,
];
