#!/usr/bin/env node
// The kupas command: analyze news articles from files or standard input and print the
// result as JSON (the library's own objects) or as a short summary per file.
// `kupas --help` lists the flags and the exit codes. Everything runs locally, as the
// library does; the only work done here is reading input and formatting output.
import { readFileSync, statSync } from 'node:fs';
import { analyze, analyzeCorpus, version } from '../js/node.mjs';

/** The longest text one call accepts, in UTF-16 code units (the library's `text_too_large`). */
const LIMIT = 16 * 1024 * 1024;
/** A UTF-16 unit takes at most 3 UTF-8 bytes, so a larger file is surely over the limit. */
const MAX_BYTES = 3 * LIMIT;
const EXIT_OK = 0;
const EXIT_INPUT = 1;
const EXIT_USAGE = 2;
/** Show a progress bar on a terminal from this many inputs on. */
const PROGRESS_FROM = 5;

// One table drives parsing and help. `option` is the analyze() option a flag sets.
const FLAGS = {
  '--format': { value: 'FORMAT', help: 'json (default) or text: a readable summary per file' },
  '--pretty': { help: 'indent the JSON' },
  '--corpus': { help: 'analyze the files as one set (analyzeCorpus): keywords weighed against\n'
    + 'the set, entities linked across files' },
  '--tokens': { option: 'tokens', help: 'include every token' },
  '--offsets': { value: 'UNIT', option: 'offsets', help: 'unit of every span: utf16 (default), utf8 or codepoints' },
  '--language': { value: 'LANG', option: 'language', help: 'auto (default), id or en' },
  '--keywords': { value: 'N', option: 'keywords', help: 'at most N keywords (default 20; 0 skips keywords)' },
  '--no-entities': { option: 'entities', set: false, help: 'skip entities: keywords and counts only, about twice as fast' },
  '--help': { help: 'show this help (also -h)' },
  '--version': { help: 'print the version' },
};

const CODES = [
  'unknown_flag', 'missing_value', 'invalid_value', 'no_input', 'invalid_options',
  'not_found', 'is_directory', 'unreadable', 'not_text', 'text_too_large',
];

function help() {
  const flags = Object.entries(FLAGS).map(([name, flag]) => {
    const left = `  ${name}${flag.value ? ` ${flag.value}` : ''}`;
    const [first, ...rest] = flag.help.split('\n');
    return [`${left.padEnd(20)} ${first}`, ...rest.map((line) => `${''.padEnd(21)}${line}`)].join('\n');
  });
  return `Usage: kupas [flags] [FILE...]

Take news articles apart (Indonesian and English): sentences, language, keywords and
entities, printed as JSON. Reads standard input when FILE is -, or when no FILE is given
and input is piped. Files are UTF-8 (or UTF-16 with a byte order mark).

Flags:
${flags.join('\n')}

One input prints its analysis; several print an array of {file, analysis}; --corpus
prints the set's analysis with the file names in "files".

Exit codes:
  0  every input was analyzed
  1  some input could not be read or analyzed (missing, unreadable, not text, or longer
     than ${LIMIT} UTF-16 code units); the others are still printed
  2  usage error (unknown flag, missing or bad value); nothing is printed

Errors go to standard error as "kupas: CODE: message", or "kupas: FILE: CODE: message"
for one input. Codes: ${CODES.slice(0, 5).join(', ')},
${CODES.slice(5).join(', ')}.

Examples:
  kupas berita.txt
  kupas --format text < berita.txt
  kupas --corpus --pretty arsip/*.txt > corpus.json
`;
}

class CliError extends Error {
  constructor(code, message) {
    super(message);
    this.code = code;
  }
}

/** Parses argv into { files, format, pretty, corpus, options, help, version }. */
function parse(argv) {
  const out = { files: [], format: 'json', pretty: false, corpus: false, options: {}, help: false, version: false };
  let onlyFiles = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (onlyFiles || arg === '-' || !arg.startsWith('-')) {
      out.files.push(arg);
      continue;
    }
    if (arg === '--') {
      onlyFiles = true;
      continue;
    }
    if (arg === '-h') {
      out.help = true;
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    const flag = Object.hasOwn(FLAGS, name) ? FLAGS[name] : null;
    if (!flag) throw new CliError('unknown_flag', `unknown flag ${JSON.stringify(name)} (see kupas --help)`);
    let value = true;
    if (flag.value) {
      if (eq > 0) value = arg.slice(eq + 1);
      else if (i + 1 < argv.length && !argv[i + 1].startsWith('--')) value = argv[++i];
      else throw new CliError('missing_value', `${name} needs a value: ${name} ${flag.value}`);
    } else if (eq > 0) {
      throw new CliError('invalid_value', `${name} takes no value`);
    }
    if (flag.option) {
      // Whole numbers become numbers; anything else goes to the library as given, which
      // refuses it with `invalid_options` and a message naming the field.
      if ('set' in flag) value = flag.set;
      else if (flag.value === 'N' && /^\d+$/.test(value)) value = Number(value);
      out.options[flag.option] = value;
    } else {
      out[name.slice(2)] = value;
    }
  }
  if (out.format !== 'json' && out.format !== 'text') {
    throw new CliError('invalid_value', `--format must be json or text, got ${JSON.stringify(out.format)}`);
  }
  return out;
}

/** A message on standard error that does not collide with the progress bar. */
let progress = null;
function warn(line) {
  progress?.clear();
  process.stderr.write(`kupas: ${line}\n`);
  progress?.draw();
}

/** A one-line progress bar on standard error, drawn only on a terminal. */
function progressBar(total) {
  let done = 0;
  let label = '';
  let last = 0;
  const bar = {
    clear: () => process.stderr.write('\r\x1b[K'),
    draw() {
      const width = 24;
      const filled = Math.round((done / total) * width);
      const columns = process.stderr.columns || 80;
      const line = `kupas [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} ${label}`;
      process.stderr.write(`\r\x1b[K${line.slice(0, columns - 1)}`);
    },
    step(name) {
      done++;
      label = name;
      const now = Date.now();
      if (now - last > 50 || done === total) {
        last = now;
        bar.draw();
      }
    },
    end: () => bar.clear(),
  };
  bar.draw();
  return bar;
}

/**
 * Decodes a file's bytes as text: UTF-8, or UTF-16 after its byte order mark. Throws
 * `not_text` for binary data: a NUL byte, or invalid UTF-8 in more than one character in
 * ten. Fewer invalid bytes (a stray Latin-1 letter) are read as U+FFFD, with a warning.
 */
function decode(bytes, name) {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  if (bytes.includes(0)) throw new CliError('not_text', 'not a text file (it holds NUL bytes)');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const text = new TextDecoder('utf-8').decode(bytes);
    let invalid = 0;
    for (const c of text) if (c === '\uFFFD') invalid++;
    // Count only the replacements that decoding made, not U+FFFD written in the file.
    invalid -= countReplacementCharacters(bytes);
    if (invalid * 10 > text.length) {
      throw new CliError('not_text', `not a text file (${invalid} bytes or sequences are not UTF-8)`);
    }
    warn(`${name}: ${invalid} invalid UTF-8 sequence${invalid === 1 ? '' : 's'} read as U+FFFD`);
    return text;
  }
}

/** How many U+FFFD (EF BF BD) the bytes themselves hold. */
function countReplacementCharacters(bytes) {
  let n = 0;
  for (let i = bytes.indexOf(0xef); i !== -1 && i + 2 < bytes.length; i = bytes.indexOf(0xef, i + 1)) {
    if (bytes[i + 1] === 0xbf && bytes[i + 2] === 0xbd) n++;
  }
  return n;
}

function tooLarge(size) {
  return new CliError('text_too_large', `${size} bytes, too long for the limit of ${LIMIT} UTF-16 code units`);
}

/** Reads one input (a path, or - for standard input) as text, or throws a CliError. */
async function read(file) {
  if (file === '-') {
    const chunks = [];
    let size = 0;
    for await (const chunk of process.stdin) {
      size += chunk.length;
      if (size > MAX_BYTES) {
        process.stdin.destroy();
        throw tooLarge(`more than ${MAX_BYTES}`);
      }
      chunks.push(chunk);
    }
    return decode(Buffer.concat(chunks), file);
  }
  let bytes;
  try {
    const stat = statSync(file);
    if (stat.isDirectory()) throw new CliError('is_directory', 'is a directory');
    if (stat.size > MAX_BYTES) throw tooLarge(stat.size);
    bytes = readFileSync(file);
  } catch (error) {
    if (error instanceof CliError) throw error;
    if (error.code === 'ENOENT') throw new CliError('not_found', 'no such file');
    throw new CliError('unreadable', error.message);
  }
  return decode(bytes, file);
}

/** Runs `fn`, turning the library's errors (with a code) into a CliError. */
function library(fn) {
  try {
    return fn();
  } catch (error) {
    if (typeof error?.code === 'string') throw new CliError(error.code, error.message);
    throw error;
  }
}

// --- the text summary -------------------------------------------------------------------

const plural = (n, word) => `${n} ${word}${n === 1 ? '' : 's'}`;

function row(label, value) {
  return `${label.padEnd(11)} ${value}`;
}

/** Entities grouped by type, in the order the library lists types, with their counts. */
function entityRows(entities, describe) {
  const groups = new Map();
  for (const e of entities) {
    if (!groups.has(e.label)) groups.set(e.label, []);
    groups.get(e.label).push(e);
  }
  const rows = [];
  for (const [label, list] of groups) {
    const shown = list.slice(0, 8).map(describe).join(', ');
    const more = list.length > 8 ? `, … ${list.length - 8} more` : '';
    rows.push(`  ${`${label} (${list.length})`.padEnd(18)} ${shown}${more}`);
  }
  return rows;
}

function summary(name, r) {
  const s = r.stats;
  const lines = [`== ${name}`];
  lines.push(row('language', `${r.language.code} (confidence ${r.language.confidence.toFixed(2)})`));
  lines.push(row('counts', [
    plural(s.characters, 'character'),
    plural(s.words, 'word'),
    plural(s.sentences, 'sentence'),
    `${s.readingMinutes} min read`,
  ].join(' · ')));
  const keywords = r.keywords.slice(0, 10).map((k) => (k.count > 1 ? `${k.text} (${k.count})` : k.text));
  lines.push(row('keywords', keywords.length ? keywords.join(', ') : '(none)'));
  lines.push(row('entities', r.entities.length ? String(r.entities.length) : '(none)'));
  lines.push(...entityRows(r.entities, (e) => {
    const value = e.value !== undefined && e.value !== e.text ? ` = ${e.value}` : '';
    return `${e.text}${value} ×${e.count}`;
  }));
  if (r.boilerplate.length) {
    const kinds = [...new Set(r.boilerplate.map((b) => b.kind))].join(', ');
    lines.push(row('furniture', `${r.boilerplate.length} (${kinds})`));
  }
  for (const note of r.notes) lines.push(row('note', `${note.code}: ${note.message}`));
  return lines.join('\n');
}

function corpusSummary(files, corpus) {
  const lines = files.map((file, i) => summary(file, corpus.documents[i]));
  lines.push([
    `== corpus: ${plural(files.length, 'file')}`,
    row('keywords', corpus.keywords.slice(0, 10).map((k) => `${k.text} (${k.documentFrequency} of ${files.length})`).join(', ') || '(none)'),
    row('entities', corpus.entities.length ? String(corpus.entities.length) : '(none)'),
    ...entityRows(corpus.entities, (e) => `${e.text} ×${e.count} in ${plural(e.documentFrequency, 'file')}`),
  ].join('\n'));
  return lines.join('\n\n');
}

// --- output --------------------------------------------------------------------------------

function json(value, pretty) {
  return JSON.stringify(value, null, pretty ? 2 : undefined);
}

/** Writes an array element by element, so that many files need not be held at once. */
function arrayWriter(pretty) {
  let count = 0;
  return {
    push(value) {
      const body = json(value, pretty);
      if (pretty) process.stdout.write(`${count ? ',\n' : '[\n'}${body.replace(/^/gm, '  ')}`);
      else process.stdout.write(`${count ? ',' : '['}${body}`);
      count++;
    },
    end() {
      process.stdout.write(count ? (pretty ? '\n]\n' : ']\n') : '[]\n');
    },
  };
}

async function main(argv) {
  const args = parse(argv);
  if (args.help) {
    process.stdout.write(help());
    return EXIT_OK;
  }
  if (args.version) {
    process.stdout.write(`kupas ${version()}\n`);
    return EXIT_OK;
  }
  // Check the analysis options once, before any output.
  library(() => analyze('', args.options));
  if (args.files.length === 0) {
    if (process.stdin.isTTY) throw new CliError('no_input', 'no FILE given and nothing piped in (see kupas --help)');
    args.files.push('-');
  }

  const { files, format, pretty } = args;
  let failed = false;
  const fail = (file, error) => {
    if (!(error instanceof CliError)) throw error;
    failed = true;
    warn(`${file}: ${error.code}: ${error.message}`);
  };
  if (process.stderr.isTTY && files.length >= PROGRESS_FROM) progress = progressBar(files.length);

  if (args.corpus) {
    const names = [];
    const texts = [];
    for (const file of files) {
      try {
        texts.push(await read(file));
        names.push(file);
      } catch (error) {
        fail(file, error);
      }
      progress?.step(file);
    }
    progress?.end();
    progress = null;
    let corpus;
    try {
      corpus = library(() => analyzeCorpus(texts, args.options));
    } catch (error) {
      fail('corpus', error);
      return EXIT_INPUT;
    }
    if (format === 'text') process.stdout.write(`${corpusSummary(names, corpus)}\n`);
    else process.stdout.write(`${json({ files: names, ...corpus }, pretty)}\n`);
    return failed ? EXIT_INPUT : EXIT_OK;
  }

  const single = files.length === 1;
  const array = !single && format === 'json' ? arrayWriter(pretty) : null;
  let printed = 0;
  for (const file of files) {
    try {
      const text = await read(file);
      const analysis = library(() => analyze(text, args.options));
      if (format === 'text') process.stdout.write(`${printed ? '\n' : ''}${summary(file, analysis)}\n`);
      else if (array) array.push({ file, analysis });
      else process.stdout.write(`${json(analysis, pretty)}\n`);
      printed++;
    } catch (error) {
      fail(file, error);
    }
    progress?.step(file);
  }
  progress?.end();
  progress = null;
  array?.end();
  return failed ? EXIT_INPUT : EXIT_OK;
}

// A closed pipe (`kupas a.txt | head`) is not an error.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? EXIT_OK);
  throw error;
});

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  if (!(error instanceof CliError)) throw error;
  process.stderr.write(`kupas: ${error.code}: ${error.message}\n`);
  process.exitCode = EXIT_USAGE;
}
