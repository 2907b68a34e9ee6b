// kupas web page. No framework. Rule of this file: text that comes from the user or from a
// file only ever reaches the page through `textContent` or new text nodes, never as markup.

// After a keystroke the text is analyzed once typing pauses for as long as drawing a result
// took the page lately (the shorter of the last two, so that one costly drawing, such as the
// first of a pasted text, does not hold up the next keys), and never more than
// DEBOUNCE_MAX_MS: results follow the typing of a news article at once (a few ms to draw),
// while a long text, costly to draw, is drawn about as often as the pauses in typing allow,
// so the drawing never crowds out the keys.
const DEBOUNCE_MAX_MS = 30;
const SLOW_MS = 250; // show "Analyzing…" when an answer takes longer than this
const MAX_FILE_BYTES = 20 * 1024 * 1024;
const FIRST_CHIPS = 40; // distinct tokens shown per kind before "Show more"
const MORE_CHIPS = 200;
const FIRST_SENTENCES = 150;
const MORE_SENTENCES = 500;
// The reading view shows at most this many UTF-16 units of the text (about 200 KB): enough for
// any article, and drawing stays fast for a pasted book. Highlights cover what is shown.
const READING_LIMIT = 200_000;
const BLOCK_CHARS = 2_000; // the reading view's text is drawn in blocks of lines about this long
// Keywords listed at first on a phone-sized screen (all of them, up to 20, on wider ones).
const FIRST_KEYWORDS_NARROW = 10;
const narrowScreen = window.matchMedia('(max-width: 480px)');

const KINDS = [
  ['word', 'Words'],
  ['number', 'Numbers'],
  ['date', 'Dates'],
  ['time', 'Times'],
  ['url', 'Web addresses'],
  ['email', 'Email addresses'],
  ['mention', 'Mentions'],
  ['hashtag', 'Hashtags'],
  ['punct', 'Punctuation'],
  ['symbol', 'Symbols'],
];
const KIND_LABEL = new Map(KINDS);
// Entity types, in the order of the entity panel: the label the analysis gives, the class
// suffix of its colour, the short tag drawn after each highlight (so that the type never
// depends on colour alone), the type's name, and the panel's heading.
const ENTITY_TYPES = [
  ['PERSON', 'person', 'PER', 'Person', 'People'],
  ['ORGANIZATION', 'org', 'ORG', 'Organization', 'Organizations'],
  ['LOCATION', 'loc', 'LOC', 'Place', 'Places'],
  ['DATE', 'date', 'DATE', 'Date', 'Dates'],
  ['TIME', 'time', 'TIME', 'Time', 'Times'],
  ['MONEY', 'money', 'MONEY', 'Money', 'Money'],
  ['PERCENT', 'pct', 'PCT', 'Percentage', 'Percentages'],
  ['QUANTITY', 'qty', 'QTY', 'Quantity', 'Quantities'],
  ['URL', 'url', 'URL', 'Web address', 'Web addresses'],
  ['EMAIL', 'email', 'EMAIL', 'Email address', 'Email addresses'],
].map(([label, slug, tag, name, plural], order) => ({ label, slug, tag, name, plural, order }));
const ENTITY_TYPE = new Map(ENTITY_TYPES.map((type) => [type.label, type]));
/** The type of an entity label; a label this page does not know yet gets a grey "other" look. */
function entityType(label) {
  const known = ENTITY_TYPE.get(label);
  if (known) return known;
  const name = String(label ?? '');
  const cased = name.charAt(0) + name.slice(1).toLowerCase();
  return { label: name, slug: 'other', tag: name.slice(0, 6) || '?', name: cased || 'Other', plural: cased || 'Other', order: ENTITY_TYPES.length };
}
// Entities listed per type at first ("Show more" lists the rest of a type).
const FIRST_ENTITIES = 12;
const FIRST_ENTITIES_NARROW = 6;
const MORE_ENTITIES = 50;
// At most this many entity mentions are highlighted in the reading view (in text order); a
// pasted book can have tens of thousands, and the reading view shows its first part only anyway.
const MAX_ENTITY_MARKS = 8_000;
const LANGUAGES = { id: 'Indonesian', en: 'English', other: 'Other or unknown' };
const FURNITURE = {
  related: 'related link',
  credit: 'credit',
  byline: 'byline',
  caption: 'caption',
  date: 'date line',
  dateline: 'dateline',
  comment: 'comment prompt',
  navigation: 'navigation',
  footer: 'footer',
};

const $ = (id) => document.getElementById(id);
const els = {
  text: $('text'),
  editing: $('editing'),
  openFiles: $('open-files'),
  fileInput: $('file-input'),
  openFolder: $('open-folder'),
  folderInput: $('folder-input'),
  addArticle: $('add-article'),
  clear: $('clear-text'),
  clearAll: $('clear-all'),
  filePanel: $('file-panel'),
  fileList: $('file-list'),
  articleCount: $('article-count'),
  fileMessage: $('file-message'),
  storageMessage: $('storage-message'),
  viewTabs: $('view-tabs'),
  tabArticle: $('tab-article'),
  tabCompare: $('tab-compare'),
  compareCount: $('compare-count'),
  panelArticle: $('panel-article'),
  panelCompare: $('panel-compare'),
  compare: $('compare'),
  compareStatus: $('compare-status'),
  cmpArticleRows: $('cmp-article-rows'),
  cmpArticleTotal: $('cmp-article-total'),
  cmpMatrix: $('cmp-matrix'),
  cmpMatrixHead: $('cmp-matrix-head'),
  cmpEntitiesEmpty: $('cmp-entities-empty'),
  cmpShared: $('cmp-shared'),
  cmpDistinct: $('cmp-distinct'),
  cmpTimeline: $('cmp-timeline'),
  cmpYearless: $('cmp-yearless'),
  cmpYearlessHeading: $('cmp-yearless-heading'),
  cmpTimelineNote: $('cmp-timeline-note'),
  status: $('status'),
  empty: $('empty'),
  results: $('results'),
  langName: $('lang-name'),
  langCode: $('lang-code'),
  langConfidence: $('lang-confidence'),
  characters: $('stat-characters'),
  words: $('stat-words'),
  sentencesStat: $('stat-sentences'),
  reading: $('stat-reading'),
  time: $('stat-time'),
  furnitureSummary: $('furniture-summary'),
  notes: $('notes'),
  keywords: $('keywords'),
  keywordsEmpty: $('keywords-empty'),
  keywordsMore: $('keywords-more'),
  readingView: $('reading'),
  readingNote: $('reading-note'),
  hitPrev: $('hit-prev'),
  hitNext: $('hit-next'),
  hitClear: $('hit-clear'),
  hitPosition: $('hit-position'),
  kindBar: $('kind-bar'),
  kindRows: $('kind-rows'),
  kindGroups: $('kind-groups'),
  entityLegend: $('entity-legend'),
  entityGroups: $('entity-groups'),
  entitiesEmpty: $('entities-empty'),
  tip: $('entity-tip'),
  sentences: $('sentences'),
  sentencesMore: $('sentences-more'),
  dropOverlay: $('drop-overlay'),
  resultsHeading: $('results-heading'),
  articleExport: $('export-article'),
  articleExportLabel: $('export-article-label'),
  version: $('version'),
};

const numberFormat = new Intl.NumberFormat('en-US');
// Small whole numbers (most counts) need no grouping: String is many times faster than Intl.
const fmt = (n) => (Number.isInteger(n) && n >= 0 && n < 1000 ? String(n) : numberFormat.format(n));

/** Builds an element; `text` is set with textContent, so it is never parsed as markup. */
function h(tag, { className, text, attrs } = {}, children = []) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  if (attrs) for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
  for (const child of children) if (child) node.append(child);
  return node;
}

/** Sets a node's text, unless it has it already: an unchanged text is not laid out again. */
function setText(node, text) {
  if (node.textContent !== text) node.textContent = text;
}

// Results are drawn again after every keystroke, mostly the same as before. Building the new
// nodes costs little; replacing the page's nodes with them costs a layout of all of them. So
// panels are drawn into new nodes off the page, and `morph` makes the page's nodes equal to
// them, touching only what differs: typing a word then lays out a line or two, not the page.
// (The reading view, the largest part, is compared before any element is made: see `sketch`.)

/**
 * Makes `node` (in the page) equal to `fresh` (built off the page) and returns the node now in
 * the page: `node`, changed where it differs (attributes, text, children, in order), or `fresh`
 * in its place when the two are not the same kind of node. Only for nodes without listeners or
 * state of their own: a kept node keeps its own, not those of `fresh`.
 */
function morph(node, fresh) {
  return node.isEqualNode(fresh) ? node : change(node, fresh);
}

/** `morph` for two nodes known to differ. */
function change(node, fresh) {
  if (node.nodeType === Node.TEXT_NODE && fresh.nodeType === Node.TEXT_NODE) {
    node.data = fresh.data;
    return node;
  }
  if (node.nodeType !== Node.ELEMENT_NODE || node.nodeName !== fresh.nodeName) {
    node.replaceWith(fresh);
    return fresh;
  }
  for (const name of node.getAttributeNames()) if (!fresh.hasAttribute(name)) node.removeAttribute(name);
  for (const name of fresh.getAttributeNames()) {
    const value = fresh.getAttribute(name);
    if (node.getAttribute(name) === value) continue;
    // Styles through the CSSOM: the policy (style-src without 'unsafe-inline') blocks a
    // style attribute set as text.
    if (name === 'style') node.style.cssText = fresh.style.cssText;
    else node.setAttribute(name, value);
  }
  morphChildren(node, [...fresh.childNodes]);
  return node;
}

/**
 * Makes the children of `parent` equal to the nodes `fresh` (see `morph`), in order. A node
 * inserted or removed on its own (a new keyword, a sentence fewer) is inserted or removed
 * rather than shifting every later one.
 */
function morphChildren(parent, fresh) {
  let at = parent.firstChild;
  let i = 0;
  for (; i < fresh.length && at; i++) {
    const node = fresh[i];
    if (at.isEqualNode(node)) {
      at = at.nextSibling;
    } else if (at.nextSibling?.isEqualNode(node)) {
      // `at` is gone from the new list.
      const gone = at;
      at = at.nextSibling.nextSibling;
      gone.remove();
    } else if (i + 1 < fresh.length && at.isEqualNode(fresh[i + 1])) {
      // `node` is new in the list.
      parent.insertBefore(node, at);
    } else {
      at = change(at, node).nextSibling;
    }
  }
  if (i < fresh.length) {
    const rest = document.createDocumentFragment();
    for (; i < fresh.length; i++) rest.append(fresh[i]);
    parent.append(rest);
  }
  while (at) {
    const next = at.nextSibling;
    at.remove();
    at = next;
  }
}

/**
 * Puts exactly the elements `nodes` in `parent`, in this order: those no longer wanted are
 * removed, new ones inserted, and one already there is moved only when out of order (a moved
 * element is laid out anew). For panels whose parts are kept from one drawing to the next.
 */
function placeChildren(parent, nodes) {
  const wanted = new Set(nodes);
  for (const child of [...parent.children]) if (!wanted.has(child)) child.remove();
  nodes.forEach((node, i) => {
    const there = parent.children[i];
    if (there !== node) parent.insertBefore(node, there ?? null);
  });
}

/** Forgets the entries of `map` whose key is not in `keys` (panel parts no longer shown). */
function keepOnly(map, keys) {
  const wanted = new Set(keys);
  for (const key of map.keys()) if (!wanted.has(key)) map.delete(key);
}

function formatSize(bytes) {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

function formatMs(ms) {
  if (ms < 1) return `${ms.toFixed(2)} ms`;
  if (ms < 100) return `${ms.toFixed(1)} ms`;
  return `${Math.round(ms)} ms`;
}

// ---------------------------------------------------------------------------------------
// State

const state = {
  // The loaded articles, in the order of the list (and of the comparison's columns):
  // { key, name, size, text, format: 'text' | 'html' | 'pasted', note, stored, dirty }.
  // `stored`: its text is kept in this browser's storage; `dirty`: it changed since then.
  entries: [],
  current: null, // key of the entry shown in the text area, or null for a new, empty one
  nextKey: 1,
  seq: 0, // id of the newest request
  latest: { id: 0, text: '' }, // the newest request (the only answer that may be shown)
  busy: false, // a request (of either kind) is with the worker
  queued: null, // newest article request waiting for the worker to become free
  debounce: 0,
  drawMs: [0, 0], // what drawing the last two results took the page (the debounce follows it)
  slowTimer: 0,
  ready: false,
  failed: false,
  limits: new Map(), // kind → number of distinct tokens shown ("Show more" raises it)
  sentenceLimit: FIRST_SENTENCES,
  closedKinds: new Set(['punct']), // kinds whose token list the user has folded
  keywordLimit: 0, // keywords listed ("Show more" raises it); 0 for the default of the screen size
  // The article last rendered: { text, result, tokenGroups, sentences, ms, entry }, as
  // the worker sends it (`result` has neither tokens nor sentences: `tokenGroups` is what the
  // token panel lists, `sentences` a Uint32Array of [start, end] pairs); `entry` is the key of
  // its article.
  view: null,
  // The selected keyword or entity (by key, so that it survives a new analysis of edited
  // text) and the index of the current place among its shown occurrences; -1 before the
  // first step. `kind` is 'keyword' or 'entity'; an entity's key is its label and name.
  selected: null, // { kind, key, index } or null
  hits: [], // per shown occurrence of the selection, in text order: its <mark> pieces
  hitsPastShown: 0, // occurrences of the selection past the part of a long text shown
  entityLimits: new Map(), // entity label → entities listed ("Show more" raises it)
  hiddenTypes: new Set(), // entity labels whose highlights the reader switched off
  mentionHeads: [], // the first piece of each highlighted entity mention, in text order
  roving: null, // { e, m }: the mention that Tab reaches in the reading view (entity, mention index)
  // An article to show with something selected once its analysis is on screen (a link of
  // the comparison view): { entry, select: { kind, key } | null }.
  pendingOpen: null,

  // The comparison of the whole set. `setVersion` grows with every change to the articles'
  // texts or order; a comparison is current when it was made for the newest version.
  tab: 'article', // 'article' | 'compare'
  setVersion: 0,
  corpus: null, // { version, keys, result, ms } last received
  corpusSeq: 0,
  corpusJob: null, // the newest comparison request: { id, version, keys, texts }
  corpusQueued: null, // a comparison request waiting for the worker
  corpusTimer: 0,
  corpusWaiters: [], // exports waiting for a current comparison: { resolve, reject }
  compact: null, // { id, tokenGroups, sentences, packed }: the first half of the worker's answer
  exportSeq: 0,
  exportWaiters: new Map(), // id → { resolve, reject }: one article's exports waiting for the worker
  matrixLimits: new Map(), // entity label → rows shown in the matrix
  undo: null, // what "Clear all" removed: { entries, current }, until the next change
  textPending: false, // the text box changed since its article was last updated (syncText)
  bulkPending: false, // and text arrived whole (a paste, a drop): look for separator lines
};

function setStatus(message, kind = '') {
  els.status.textContent = message;
  els.status.dataset.kind = kind;
}

// ---------------------------------------------------------------------------------------
// The worker and request scheduling
//
// The worker does one thing at a time. The page hands it at most one request at once; the
// newest article request waits in `queued` (replacing an older one), the newest comparison
// in `corpusQueued`, and an article goes first, so typing never waits for a comparison.

let worker = null;
try {
  worker = new Worker('/worker.js', { type: 'module' });
  worker.addEventListener('message', onWorkerMessage);
  worker.addEventListener('error', (event) => {
    event.preventDefault?.();
    failWorker('The analyzer could not start in this browser.');
  });
} catch {
  failWorker('This browser cannot run the analyzer (module workers are not supported).');
}

// ---------------------------------------------------------------------------------------
// Fonts, ready before the first result
//
// The first time the browser draws a font at a given weight and size it asks for that font
// outside the page (on Linux one round trip each, about twenty for a result), and right after
// a page loads those round trips are slow: an article pasted the moment "Ready" showed took
// 100–250 ms longer to draw than one pasted a moment later, nearly all of it waiting for
// fonts. So while the worker loads, the page lays out a line of text in each font that a
// result uses, out of sight (a line with every letter, digit and the common punctuation: with
// one short word the first result's frame still took 20–40 ms longer to lay out). Each entry: family (`font` or `mono`, the style sheet's
// variables), weight, style, size in rem. tests/e2e/page.test.mjs checks that the list covers
// every font of a drawn result, and names any that is missing.
const FONT_STRIKES = [
  'Arial 400 normal 1.2', 'font 700 normal 1.9', 'font 650 normal 1.35', 'font 700 normal 1.15',
  'font 400 normal 1', 'font 600 normal 1', 'font 700 normal 1', 'font 400 normal 0.98',
  'font 400 normal 0.95', 'font 500 normal 0.95', 'font 600 normal 0.95', 'font 700 normal 0.95',
  'font 400 normal 0.92', 'font 400 normal 0.9', 'font 400 normal 0.88', 'font 600 normal 0.88',
  'font 400 normal 0.85', 'font 500 normal 0.85', 'font 600 normal 0.85', 'font 400 italic 0.82',
  'font 400 normal 0.82', 'font 400 normal 0.8', 'font 600 normal 0.8', 'font 400 normal 0.78',
  'font 700 normal 0.78', 'font 700 normal 0.62', 'mono 600 normal 0.8', 'mono 400 normal 0.78',
  'mono 400 normal 0.702', 'mono 400 normal 0.663', 'mono 400 normal 0.6396',
];

const PRIMER_TEXT = 'Sphinx of black quartz, judge my vow: JACKDAWS LOVE MY BIG SPHINX. 0123456789 (Rp12.000; 2,5%) — “kata” ‘ujar’ #@/?!…·×→';

function primeFonts() {
  const primer = document.createElement('div');
  primer.className = 'font-primer';
  primer.id = 'font-primer';
  primer.setAttribute('aria-hidden', 'true');
  for (const strike of FONT_STRIKES) {
    const [family, weight, style, rem] = strike.split(' ');
    const span = document.createElement('span');
    span.textContent = PRIMER_TEXT;
    span.style.fontFamily = family === 'mono' || family === 'font' ? `var(--${family})` : family;
    span.style.fontWeight = weight;
    span.style.fontStyle = style;
    span.style.fontSize = `${rem}rem`;
    primer.append(span);
  }
  document.body.append(primer);
  void primer.offsetWidth; // lay it out now, while the worker is still loading
}
// After the first frame, so that the page shows at once.
requestAnimationFrame(() => setTimeout(primeFonts, 0));

function failWorker(message) {
  state.failed = true;
  state.busy = false;
  state.queued = null;
  state.corpusQueued = null;
  setStatus(message, 'error');
  clearResults('error');
  markRendered(state.seq);
  for (const waiter of state.corpusWaiters.splice(0)) waiter.reject(new Error(message));
  for (const waiter of state.exportWaiters.values()) waiter.reject(new Error(message));
  state.exportWaiters.clear();
  if (els.compare) {
    delete els.compare.dataset.pending;
    els.compare.dataset.state = 'error';
    els.compareStatus.textContent = message;
  }
}

/**
 * No results to show: `'empty'` shows the "nothing to analyze" note, `'error'` shows
 * nothing (the status line says what went wrong).
 */
function clearResults(why) {
  state.view = null;
  state.selected = null;
  state.hits = [];
  state.mentionHeads = [];
  hideTip();
  els.empty.hidden = why !== 'empty';
  els.results.hidden = true;
  els.results.dataset.state = why;
  renderArticleExport();
}

/** The export of the article on screen sits under the list of articles; only with a result. */
function renderArticleExport() {
  const at = state.entries.findIndex((e) => e.key === state.view?.entry);
  els.articleExport.hidden = at === -1;
  const label = at === -1 ? 'Export this article' : `Export article ${fmt(at + 1)}`;
  if (els.articleExportLabel.textContent !== label) els.articleExportLabel.textContent = label;
}

// `data-pending` on the results marks a request waiting for the debounce; `data-requested`
// and `data-rendered` hold the newest request's id and the id last shown (tests wait on them).
function scheduleAnalysis(delay = Math.round(Math.min(DEBOUNCE_MAX_MS, ...state.drawMs))) {
  clearTimeout(state.debounce);
  els.results.dataset.pending = '1';
  state.debounce = setTimeout(requestAnalysis, delay);
}

function requestAnalysis() {
  clearTimeout(state.debounce);
  delete els.results.dataset.pending;
  if (syncText()) return; // split into articles: the first one's analysis is asked for already
  const text = els.text.value;
  const id = ++state.seq;
  state.latest = { id, text, entry: state.current };
  els.results.dataset.requested = String(id);
  if (state.pendingOpen && state.pendingOpen.entry !== state.current) state.pendingOpen = null;
  refreshTitle();
  renderEditing();
  if (text.trim() === '') {
    state.queued = null;
    clearResults('empty');
    markRendered(id);
    return;
  }
  if (state.failed || !worker) {
    clearResults('error');
    markRendered(id);
    return;
  }
  const job = { id, text };
  // At most one request is with the worker; a newer one replaces any request still waiting.
  if (state.busy) state.queued = job;
  else send(job);
}

function send(job) {
  state.busy = true;
  clearTimeout(state.slowTimer);
  state.slowTimer = setTimeout(() => {
    if (state.busy) setStatus(state.ready ? 'Analyzing…' : 'Loading the analyzer…', 'busy');
  }, SLOW_MS);
  worker.postMessage(job);
}

/** Hands the worker the next waiting request, an article first. */
function sendNext() {
  if (state.busy || state.failed) return;
  if (state.queued) {
    const job = state.queued;
    state.queued = null;
    send(job);
  } else if (state.corpusQueued) {
    const job = state.corpusQueued;
    state.corpusQueued = null;
    send({ id: job.id, texts: job.texts, corpus: true });
  }
}

function onWorkerMessage(event) {
  const message = event.data;
  if ('ready' in message) {
    if (message.ready) {
      state.ready = true;
      els.version.textContent = message.version;
      setStatus('Ready', 'ok');
      // Once "Ready" is on screen.
      requestAnimationFrame(() => setTimeout(rehearse, 0));
    } else {
      failWorker(`The analyzer could not be loaded: ${message.error}`);
    }
    return;
  }
  if (message.export) {
    onExport(message);
    return;
  }
  if (message.compact) {
    // The first half of an answer (see worker.js); the result itself follows.
    state.compact = { id: message.id, ...message.compact };
    return;
  }
  state.busy = false;
  clearTimeout(state.slowTimer);
  sendNext();
  if (!state.busy && state.ready && !state.failed) setStatus('Ready', 'ok');
  if (message.corpus) {
    onCorpus(message);
    return;
  }
  const compact = state.compact?.id === message.id ? state.compact : null;
  state.compact = null;
  if (message.id === REHEARSAL) {
    if (compact && message.result) drawRehearsal(message, compact);
    return;
  }
  // Only the answer to the newest request may be shown: an older one is out of date.
  if (message.id !== state.latest.id) return;
  if (message.error) {
    setStatus(failure(message), 'error');
    clearResults('error');
    markRendered(message.id);
    return;
  }
  const started = performance.now();
  state.view = {
    text: state.latest.text,
    result: unpackSpans(message.result, compact?.packed),
    tokenGroups: compact?.tokenGroups ?? { total: 0, groups: [] },
    sentences: compact?.sentences ?? new Uint32Array(0),
    ms: message.ms,
    entry: state.latest.entry,
  };
  noteFurniture(entryByKey(state.latest.entry), state.latest.text, state.view.result.boilerplate);
  render();
  markRendered(message.id);
  openPending();
  state.drawMs = [state.drawMs[1], performance.now() - started];
}

// The first result after a load took the page 30–60 ms more to draw than the next ones:
// the engine was running the drawing code for the first time (parsing, compiling, and
// learning the shapes of the objects). So once the analyzer is ready and nothing has been
// asked of it yet, the page asks for the worker's own sample text (see worker.js) and draws
// its result into the hidden result panel, then puts the panel back as it was, in one task,
// so nothing of it ever shows. An article pasted meanwhile waits for the worker's few
// milliseconds at most; when one was asked for already, there is no rehearsal.
const REHEARSAL = -1; // the request's id; real requests count up from 1

function rehearse() {
  if (state.busy || state.failed || (state.seq > 0 && state.latest.text.trim() !== '')) return;
  send({ id: REHEARSAL, rehearse: true });
}

function drawRehearsal(message, compact) {
  // Only over an empty panel: an answer to a real request may be on screen or on its way.
  if (state.view !== null || !els.results.hidden || state.busy || state.queued) return;
  const before = { empty: els.empty.hidden, state: els.results.dataset.state };
  try {
    state.view = {
      text: compact.text,
      result: unpackSpans(message.result, compact.packed),
      tokenGroups: compact.tokenGroups,
      sentences: compact.sentences,
      ms: message.ms,
      entry: null,
    };
    render();
  } catch {
    // Nothing is lost: the first real result is drawn from scratch all the same.
  } finally {
    state.view = null;
    state.selected = null;
    state.hits = [];
    state.mentionHeads = [];
    els.results.hidden = true;
    els.empty.hidden = before.empty;
    if (before.state === undefined) delete els.results.dataset.state;
    else els.results.dataset.state = before.state;
    renderArticleExport();
  }
}

/** What the status line says when an article could not be analyzed. */
function failure({ error, code }) {
  if (code === 'text_too_large') {
    const limit = /\((\d+ MiB)\)/.exec(error)?.[1] ?? 'the limit';
    return `This article is too long to analyze at once: ${fmt(state.latest.text.length)} characters, more than ${limit}. ` +
      'Paste it again in parts, with a line of === between them, and each part is an article of its own.';
  }
  return `Analysis failed: ${error}`;
}

/** [start, end] pairs as span objects. */
function spansOf(pairs) {
  const spans = new Array(pairs.length >> 1);
  for (let i = 0; i < spans.length; i++) spans[i] = { start: pairs[2 * i], end: pairs[2 * i + 1] };
  return spans;
}

/**
 * Puts back the lists of spans that the worker sent as typed arrays (see packSpans in
 * worker.js), so that `result` is the analysis as the package gives it, minus the tokens and
 * the sentences.
 */
function unpackSpans(result, packed) {
  if (!packed) return result;
  if (packed.boilerplate) {
    const { spans, kinds } = packed.boilerplate;
    const furniture = new Array(spans.length / 3);
    for (let i = 0; i < furniture.length; i++) {
      furniture[i] = { start: spans[3 * i], end: spans[3 * i + 1], kind: kinds[spans[3 * i + 2]] };
    }
    result.boilerplate = furniture;
  }
  (packed.keywords ?? []).forEach((pairs, i) => {
    if (pairs) result.keywords[i].occurrences = spansOf(pairs);
  });
  (packed.entities ?? []).forEach((pairs, i) => {
    if (pairs) result.entities[i].mentions = spansOf(pairs);
  });
  return result;
}

function markRendered(id) {
  els.results.dataset.rendered = String(id);
}

// ---------------------------------------------------------------------------------------
// Rendering

function render() {
  const { text, result, tokenGroups, sentences, ms } = state.view;
  els.empty.hidden = true;
  els.results.hidden = false;
  els.results.dataset.state = 'ready';

  const { language, stats } = result;
  setText(els.langName, LANGUAGES[language.code] ?? language.code);
  setText(els.langCode, language.code);
  setText(els.langConfidence, language.confidence > 0 ? `${Math.round(language.confidence * 100)}% confidence` : 'not enough text to tell');
  setNumber(els.characters, stats.characters);
  setNumber(els.words, stats.words);
  setNumber(els.sentencesStat, stats.sentences);
  els.reading.dataset.value = String(stats.readingMinutes);
  setText(els.reading, stats.readingMinutes === 0 ? '—' : `${fmt(stats.readingMinutes)} min`);
  setText(els.time, formatMs(ms));

  renderArticleExport();
  renderFurnitureSummary(result.boilerplate ?? []);
  renderNotes(result.notes ?? []);
  renderKeywords(result.keywords ?? []);
  renderEntities(result.entities ?? []);
  renderReading({ reveal: false });
  renderTokens(tokenGroups);
  renderSentences(text, sentences);
}

function setNumber(node, value) {
  node.dataset.value = String(value);
  setText(node, fmt(value));
}

// ---------------------------------------------------------------------------------------
// Notes, keywords and the reading view

function renderFurnitureSummary(spans) {
  if (!spans.length) {
    els.furnitureSummary.hidden = true;
    setText(els.furnitureSummary, '');
    return;
  }
  const kinds = [...new Set(spans.map((span) => FURNITURE[span.kind] ?? span.kind))];
  const what = spans.length === 1 ? '1 piece of page furniture' : `${fmt(spans.length)} pieces of page furniture`;
  setText(els.furnitureSummary, `Words and sentences count the story only: ${what} (${kinds.join(', ')}) left out.`);
  els.furnitureSummary.hidden = false;
}

function renderNotes(notes) {
  morphChildren(
    els.notes,
    notes.map((note) => h('li', { className: 'note', text: note.message, attrs: { 'data-code': String(note.code) } })),
  );
  els.notes.hidden = notes.length === 0;
}

/** The key that names an entity across analyses of the same (edited) text. */
const entityKey = (entity) => `${entity.label}:${entity.text}`;

/**
 * The selected keyword or entity of the analysis on screen, as `{ kind, key, text, type,
 * occurrences }`, or null (also when it is gone from a new analysis).
 */
function selectedItem() {
  const selected = state.selected;
  const result = state.view?.result;
  if (!selected || !result) return null;
  if (selected.kind === 'keyword') {
    const keyword = (result.keywords ?? []).find((k) => k.key === selected.key);
    return keyword ? { kind: 'keyword', key: keyword.key, text: keyword.text, type: null, occurrences: keyword.occurrences } : null;
  }
  const entity = (result.entities ?? []).find((e) => entityKey(e) === selected.key);
  return entity
    ? { kind: 'entity', key: selected.key, text: entity.text, type: entityType(entity.label), occurrences: entity.mentions }
    : null;
}

function renderKeywords(keywords) {
  const focusedKey = document.activeElement?.closest?.('#keywords .keyword')?.dataset.key;
  if (state.selected?.kind === 'keyword' && !keywords.some((k) => k.key === state.selected.key)) state.selected = null;
  let limit = state.keywordLimit || (narrowScreen.matches ? FIRST_KEYWORDS_NARROW : keywords.length);
  // The selected keyword stays listed.
  const selectedRank = state.selected?.kind === 'keyword' ? keywords.findIndex((k) => k.key === state.selected.key) : -1;
  if (selectedRank >= limit) limit = selectedRank + 1;
  // Drawn again only when what the list shows changed (most keystrokes change no keyword).
  const drawing = JSON.stringify([limit, keywords.slice(0, limit).map((k) => [k.key, k.text, k.score, k.count])]);
  if (drawn.keywords !== drawing) {
    drawn.keywords = drawing;
    drawKeywords(keywords.slice(0, limit));
  }
  renderMore(els.keywordsMore, keywords.length - limit, keywords.length, 'keywords', () => {
    state.keywordLimit = keywords.length;
    renderKeywords(keywords);
    updateStepper();
    els.keywords.querySelectorAll('.keyword')[limit]?.focus();
  });
  els.keywordsEmpty.hidden = keywords.length > 0;
  els.keywords.hidden = keywords.length === 0;
  if (focusedKey !== undefined && document.activeElement?.dataset?.key !== focusedKey) keywordButton(focusedKey)?.focus();
}

// What the keyword and entity panels show, as drawn last (a key made of everything they show).
const drawn = { keywords: '', entities: '' };

function drawKeywords(keywords) {
  const items = [];
  keywords.forEach((keyword, rank) => {
    const score = Math.max(0, Math.min(1, Number(keyword.score) || 0));
    const fill = h('span', { className: 'kw-fill' });
    fill.style.width = `${(score * 100).toFixed(1)}%`; // CSSOM, allowed by the style-src policy
    const n = keyword.count;
    const button = h(
      'button',
      {
        className: 'keyword',
        attrs: { type: 'button', 'data-key': keyword.key, 'data-rank': String(rank), 'aria-pressed': 'false' },
      },
      [
        h('span', { className: 'kw-rank', text: String(rank + 1), attrs: { 'aria-hidden': 'true' } }),
        h('span', { className: 'kw-text', text: keyword.text }),
        h('span', { className: 'kw-score', attrs: { title: `Score ${score.toFixed(2)} of 1` } }, [
          h('span', { className: 'kw-track', attrs: { 'aria-hidden': 'true' } }, [fill]),
          h('span', { className: 'visually-hidden', text: `, score ${score.toFixed(2)} of 1` }),
        ]),
        h('span', { className: 'kw-count', attrs: { title: `${fmt(n)} ${n === 1 ? 'time' : 'times'} in the text` } }, [
          h('span', { className: 'visually-hidden', text: ', ' }),
          document.createTextNode(fmt(n)),
          h('span', { text: '×', attrs: { 'aria-hidden': 'true' } }),
          h('span', { className: 'visually-hidden', text: n === 1 ? ' occurrence' : ' occurrences' }),
        ]),
      ],
    );
    button.dataset.score = String(score);
    button.dataset.count = String(n);
    items.push(h('li', {}, [button]));
  });
  morphChildren(els.keywords, items);
}

function keywordButton(key) {
  for (const button of els.keywords.querySelectorAll('.keyword')) if (button.dataset.key === key) return button;
  return null;
}

function entityButton(key) {
  for (const button of els.entityGroups.querySelectorAll('.entity')) if (button.dataset.key === key) return button;
  return null;
}

/** The panel button of the selection (a keyword or an entity), if it is listed. */
const selectionButton = (kind, key) => (kind === 'keyword' ? keywordButton(key) : entityButton(key));

/**
 * Selects the keyword or entity (`kind`) with `key`, unless it is selected already, and goes
 * to its next place (`step` 1) or previous one (-1). `at` picks a place instead: the
 * occurrence that starts there (an entity mention clicked in the text).
 */
function selectItem(kind, key, { step = 1, at } = {}) {
  if (state.selected?.kind !== kind || state.selected.key !== key) {
    state.selected = { kind, key, index: -1 };
    renderReading({ reveal: false });
  }
  if (at !== undefined) {
    const index = state.hits.findIndex((pieces) => Number(pieces[0]?.dataset.start) === at);
    if (index >= 0) {
      setCurrentHit(index, { reveal: false });
      return;
    }
  }
  stepHit(step);
}

function clearSelection() {
  if (!state.selected) return;
  state.selected = null;
  renderReading({ reveal: false });
}

/** Moves the current place by `delta` (wrapping around) and scrolls it into view. */
function stepHit(delta) {
  if (!state.selected || !state.hits.length) return;
  const count = state.hits.length;
  const from = state.selected.index;
  const to = from < 0 ? (delta > 0 ? 0 : count - 1) : (((from + delta) % count) + count) % count;
  setCurrentHit(to, { reveal: true });
}

function setCurrentHit(index, { reveal }) {
  for (const piece of state.hits[state.selected.index] ?? []) {
    piece.removeAttribute('aria-current');
    piece.classList.remove('current');
  }
  state.selected.index = index;
  const pieces = state.hits[index] ?? [];
  for (const piece of pieces) {
    piece.setAttribute('aria-current', 'true');
    piece.classList.add('current');
  }
  if (reveal && pieces.length) revealInReading(pieces[0]);
  updateStepper();
}

let revealRun = 0;

/**
 * Scrolls the reading view, unless `node` is already well inside it, so that `node` sits in
 * its upper third; then the page, just enough to show it. Blocks of text that were never on
 * screen have an estimated height (see renderReading), and take their real one once drawn, so
 * the position is checked again on the next frames and corrected until it holds still.
 * `data-revealing` is on the reading view meanwhile (tests wait for it to go).
 */
function revealInReading(node) {
  const run = ++revealRun;
  const box = els.readingView;
  box.dataset.revealing = '1';
  // The node's block and its neighbours are laid out for real now (not estimated), so that
  // the lines around the node are where they will be drawn.
  const block = node.closest('.block');
  for (const near of [block?.previousElementSibling, block, block?.nextElementSibling]) {
    near?.classList.add('drawn');
  }
  let frames = 0;
  let still = 0;
  const place = () => {
    if (run !== revealRun) return;
    if (!node.isConnected) {
      delete box.dataset.revealing;
      return;
    }
    const boxRect = box.getBoundingClientRect();
    const rect = node.getBoundingClientRect();
    const height = box.clientHeight;
    const top = rect.top - boxRect.top - box.clientTop; // from the top of the visible box
    let moved = false;
    if (top < height * 0.1 || top + rect.height > height * 0.85) {
      const max = box.scrollHeight - height;
      const wanted = Math.max(0, Math.min(max, Math.round(box.scrollTop + top - height / 3)));
      if (Math.abs(wanted - box.scrollTop) >= 1) {
        box.scrollTop = wanted;
        moved = true;
      }
    }
    // The page: where the node is now, and just enough scrolling to show it with some context.
    const now = node.getBoundingClientRect();
    const margin = Math.min(120, window.innerHeight * 0.15);
    let by = 0;
    if (now.top < margin) by = now.top - margin;
    else if (now.bottom > window.innerHeight - margin) by = now.bottom - window.innerHeight + margin;
    if (Math.abs(by) >= 1) {
      window.scrollBy(0, by);
      moved = true;
    }
    // Drawing blocks that just came on screen may move the node: look again on the next
    // frames, until it has held still for a few of them.
    still = moved ? 0 : still + 1;
    if (still < 3 && ++frames < 60) requestAnimationFrame(place);
    else delete box.dataset.revealing;
  };
  place();
}

function updateStepper() {
  const item = selectedItem();
  for (const button of els.keywords.querySelectorAll('.keyword')) {
    button.setAttribute('aria-pressed', String(item?.kind === 'keyword' && button.dataset.key === item.key));
  }
  for (const button of els.entityGroups.querySelectorAll('.entity')) {
    button.setAttribute('aria-pressed', String(item?.kind === 'entity' && button.dataset.key === item.key));
  }
  const count = state.hits.length;
  els.hitPrev.disabled = els.hitNext.disabled = !item || count === 0;
  els.hitClear.disabled = !item;
  els.readingView.dataset.selected = item ? item.key : '';
  els.readingView.dataset.selectedKind = item ? item.kind : '';
  followTip(); // the stepper's new text may move the text below it
  if (!item) {
    setText(els.hitPosition, 'No keyword selected');
    return;
  }
  const hidden = state.hitsPastShown;
  const what = item.type ? ` (${item.type.name.toLowerCase()})` : '';
  const where = state.selected.index >= 0 ? `${fmt(state.selected.index + 1)} of ${fmt(count)}` : `${fmt(count)} places`;
  setText(els.hitPosition, `“${item.text}”${what}: ${where}${hidden > 0 ? ` (${fmt(hidden)} more past the shown text)` : ''}`);
}

/** The last index ≤ the cut that does not split a surrogate pair. */
function safeCut(text, limit) {
  if (text.length <= limit) return text.length;
  const code = text.charCodeAt(limit - 1);
  return code >= 0xd800 && code <= 0xdbff ? limit - 1 : limit;
}

/** Valid spans (integers, start < end) clamped to [0, length), sorted by start. */
function cleanSpans(spans, length) {
  const out = [];
  spans.forEach((span, i) => {
    const start = Math.max(0, Math.trunc(Number(span?.start)));
    const end = Math.min(length, Math.trunc(Number(span?.end)));
    if (Number.isFinite(start) && Number.isFinite(end) && start < end) out.push({ start, end, i, span });
  });
  return out.sort((a, b) => a.start - b.start || b.end - a.end || a.i - b.i);
}

/**
 * Cuts [0, length) at every start and end of the given layers of spans. Each piece says which
 * span of each layer covers it (the one that started last, or null), so overlapping spans,
 * even within one layer, never break the drawing: they only change which span a piece belongs to.
 */
function pieces(length, layers) {
  const cuts = new Set([0, length]);
  for (const layer of layers) for (const { start, end } of layer) cuts.add(start).add(end);
  const points = [...cuts].sort((a, b) => a - b);
  const cursors = layers.map(() => ({ next: 0, active: [] }));
  const out = [];
  for (let p = 0; p + 1 < points.length; p++) {
    const start = points[p];
    const end = points[p + 1];
    const covers = layers.map((layer, l) => {
      const cursor = cursors[l];
      while (cursor.next < layer.length && layer[cursor.next].start <= start) cursor.active.push(layer[cursor.next++]);
      cursor.active = cursor.active.filter((span) => span.end > start);
      return cursor.active.length ? cursor.active[cursor.active.length - 1] : null;
    });
    out.push({ start, end, covers });
  }
  return out;
}

/**
 * The entity mentions to highlight in the first `length` units of the text, in text order:
 * `{ start, end, e, m }` (entity index, mention index), leaving out the types the reader
 * switched off, and at most MAX_ENTITY_MARKS of them. `total` counts those left out by the cap.
 */
function entityMentions(entities, length) {
  const spans = [];
  entities.forEach((entity, e) => {
    if (state.hiddenTypes.has(entity.label)) return;
    (entity.mentions ?? []).forEach((mention, m) => {
      // Those that start past the shown part are left out here (cleanSpans would drop them):
      // a long text has tens of thousands.
      if (Number(mention?.start) < length) spans.push({ start: mention.start, end: mention.end, e, m });
    });
  });
  const clean = cleanSpans(spans, length).filter(({ span }) => span.end <= length);
  return { mentions: clean.slice(0, MAX_ENTITY_MARKS), total: clean.length };
}

// Layers of the reading view, drawn as nested elements: page furniture, the places of the
// selected keyword or entity, and entity mentions (in as many layers as they nest: a mention
// inside another one, such as an amount inside a sum of money, goes one layer down). When two
// spans cross, one of them is cut in two pieces: the one of lower rank (furniture is never
// cut for the others, and a place only by furniture), so that each place stays one <mark>.
const FURNITURE_LAYER = 0;
const HIT_LAYER = 1;
const FIRST_ENTITY_LAYER = 2;
const MAX_ENTITY_LAYERS = 4;
const layerRank = (layer) => Math.min(layer, FIRST_ENTITY_LAYER); // lower = kept whole
// Among spans that open together and end together: furniture, then entities (outer ones
// first), then the place, so that an entity's tag follows the mark rather than sitting in it.
const layerOrder = (layer) => (layer === FURNITURE_LAYER ? -1 : layer === HIT_LAYER ? 99 : layer);

/**
 * Deals mentions (sorted by start, longer first) into layers in which none overlap: each goes
 * into the first layer that is free where it starts. Past MAX_ENTITY_LAYERS deep, mentions
 * share the last layer, where the one that starts later covers the other.
 */
function entityLayers(mentions) {
  const layers = [];
  const ends = [];
  for (const mention of mentions) {
    let layer = ends.findIndex((end) => end <= mention.start);
    if (layer === -1) {
      if (layers.length < MAX_ENTITY_LAYERS) {
        layer = layers.length;
        layers.push([]);
        ends.push(0);
      } else {
        layer = layers.length - 1;
      }
    }
    ends[layer] = Math.max(ends[layer], mention.end);
    layers[layer].push(mention);
  }
  return layers;
}

/**
 * An element of the reading view before it is made: `{ tag, className, attrs: [name, value,
 * …], style, children }`, where `style` is the element's contain-intrinsic-size (or '') and a
 * child is a sketch or a string (a text node). Cheaper to make and to compare than elements.
 */
const sketch = (tag, className, attrs = [], children = []) => ({ tag, className, attrs, style: '', children });

function sameSketch(a, b) {
  if (typeof a === 'string' || typeof b === 'string') return a === b;
  if (a.tag !== b.tag || a.className !== b.className || a.style !== b.style) return false;
  if (a.attrs.length !== b.attrs.length || a.children.length !== b.children.length) return false;
  for (let i = 0; i < a.attrs.length; i++) if (a.attrs[i] !== b.attrs[i]) return false;
  for (let i = 0; i < a.children.length; i++) if (!sameSketch(a.children[i], b.children[i])) return false;
  return true;
}

/** Makes the element of a sketch. Text becomes text nodes; nothing is parsed. */
function draw(plan) {
  const node = document.createElement(plan.tag);
  node.className = plan.className;
  for (let i = 0; i < plan.attrs.length; i += 2) node.setAttribute(plan.attrs[i], plan.attrs[i + 1]);
  if (plan.style) node.style.containIntrinsicSize = plan.style; // CSSOM, allowed by the style-src policy
  for (const child of plan.children) node.append(typeof child === 'string' ? child : draw(child));
  return node;
}

/**
 * Changes `node`, an element made from the sketch `old` (see `draw`), into the element of the
 * sketch `fresh`: only the classes, attributes and text that differ, so that the browser lays
 * out again only what changed. An element changed here also loses what was set on it after it
 * was made (the tab stop, the current place), as it may now stand for something else: the
 * caller sets those again where they belong.
 */
function redraw(node, old, fresh) {
  if (node.className !== fresh.className) node.className = fresh.className;
  if (old.style !== fresh.style) {
    if (fresh.style) node.style.containIntrinsicSize = fresh.style;
    else node.removeAttribute('style');
  }
  const names = new Set();
  for (let i = 0; i < fresh.attrs.length; i += 2) {
    names.add(fresh.attrs[i]);
    if (node.getAttribute(fresh.attrs[i]) !== fresh.attrs[i + 1]) node.setAttribute(fresh.attrs[i], fresh.attrs[i + 1]);
  }
  for (const name of node.getAttributeNames()) if (name !== 'class' && name !== 'style' && !names.has(name)) node.removeAttribute(name);
  // The children of `node` are those of `old`, one for one: each child of `fresh` takes the
  // next one of the same kind (text, or an element of the same tag), or is made new.
  const kids = node.childNodes;
  let at = 0;
  for (const child of fresh.children) {
    const was = old.children[at];
    if (typeof child === 'string' && typeof was === 'string') {
      if (was !== child) kids[at].data = child;
      at++;
    } else if (typeof child !== 'string' && typeof was !== 'string' && was !== undefined && was.tag === child.tag) {
      if (!sameSketch(was, child)) redraw(kids[at], was, child);
      at++;
    } else {
      node.insertBefore(typeof child === 'string' ? document.createTextNode(child) : draw(child), kids[at] ?? null);
      old.children.splice(at++, 0, child); // `old` now describes the node as it is
    }
  }
  while (kids.length > at) node.lastChild.remove();
}

// The blocks of the reading view on the page, with the sketches they were made from.
let readingBlocks = []; // { sketch, node }

/**
 * The elements of the reading view for the sketches of its blocks: those of the last drawing
 * where a block came out the same (also when a block was added or removed before it), new ones
 * for the others.
 */
function reuseBlocks(sketches) {
  const old = readingBlocks.filter(({ node }) => node.parentNode === els.readingView);
  const now = [];
  let j = 0;
  for (let i = 0; i < sketches.length; i++) {
    const fresh = sketches[i];
    if (j < old.length && sameSketch(old[j].sketch, fresh)) {
      now.push(old[j++]);
    } else if (j + 1 < old.length && sameSketch(old[j + 1].sketch, fresh)) {
      now.push(old[j + 1]); // a block gone
      j += 2;
    } else if (j < old.length && i + 1 < sketches.length && sameSketch(old[j].sketch, sketches[i + 1])) {
      now.push({ sketch: fresh, node: draw(fresh) }); // a block added
    } else if (j < old.length && old[j].sketch.tag === fresh.tag) {
      // The same block, changed (the one being typed in): changed in place.
      const { node, sketch: was } = old[j++];
      redraw(node, was, fresh);
      now.push({ sketch: fresh, node });
    } else {
      now.push({ sketch: fresh, node: draw(fresh) });
      j++;
    }
  }
  readingBlocks = now;
  return now.map(({ node }) => node);
}

/**
 * Draws the analyzed text: page furniture dimmed, entity mentions underlined with their type's
 * tag, the selected keyword's or entity's places marked. Only text nodes, <span> and <mark>
 * elements are created; the text is never parsed.
 */
function renderReading({ reveal }) {
  const view = state.view;
  if (!view) return;
  const { text, result } = view;
  const entities = result.entities ?? [];
  const shownLength = safeCut(text, READING_LIMIT);
  const item = selectedItem();
  if (!item) state.selected = null;

  // Keep the mention that had focus (a re-render replaces it) and the one Tab reaches.
  const focused = document.activeElement?.closest?.('#reading .ent');
  const refocus = focused ? { e: Number(focused.dataset.e), m: Number(focused.dataset.m) } : null;
  // And the mention whose tooltip is open (a tap on a phone both opens it and selects).
  const tipWas = tipAnchor ? { e: Number(tipAnchor.dataset.e), m: Number(tipAnchor.dataset.m) } : null;

  const furniture = cleanSpans(result.boilerplate ?? [], shownLength);
  const { mentions, total: mentionTotal } = entityMentions(entities, shownLength);
  // Occurrences that run past the shown part are left out rather than cut.
  const all = item ? cleanSpans(item.occurrences ?? [], text.length) : [];
  const occurrences = all.filter((o) => o.end <= shownLength);
  state.hitsPastShown = all.length - occurrences.length;
  // Overlapping occurrences (never expected) are drawn as one mark: the later one is dropped.
  const hits = [];
  for (const occurrence of occurrences) {
    const last = hits[hits.length - 1];
    if (last && occurrence.start < last.end) continue;
    hits.push({ ...occurrence, n: hits.length });
  }

  // The text is drawn in blocks of whole lines (about BLOCK_CHARS each). A block off screen is
  // not laid out (content-visibility in the style sheet), so a long text costs little to draw.
  // Each block is sketched first (see `sketch`); only a block whose sketch differs from the one
  // on the page is made into elements and put in its place, so a keystroke redraws a block or
  // two. Inside a block, `chain` holds the open elements, outermost first: each is the element
  // of one span of one layer. A piece of text that the same spans cover goes into the innermost.
  const blocks = [];
  const started = new Set(); // spans already begun: a later piece continues them
  let block = null;
  let blockChars = 0;
  let blockLines = 0;
  let chain = [];
  const closeBlock = () => {
    // The size kept for the block while it is not laid out: its lines, plus wrapping.
    if (block) block.style = `auto ${(Math.ceil(blockLines + blockChars / 60) * 1.7).toFixed(1)}em`;
    block = null;
  };
  const openElement = (layer, cover) => {
    const more = started.has(cover);
    started.add(cover);
    if (layer === FURNITURE_LAYER) {
      const kind = String(cover.span.kind ?? '');
      return sketch('span', more ? 'furniture furniture-more' : 'furniture', ['data-kind', kind, 'title', `Page furniture: ${kind}`]);
    }
    if (layer === HIT_LAYER) {
      return sketch('mark', 'hit', ['data-occurrence', String(cover.n), 'data-start', String(cover.start)]);
    }
    const { e, m } = cover.span;
    const type = entityType(entities[e]?.label);
    return sketch('span', `ent e-${type.slug} ${more ? 'ent-more' : 'ent-head'}`, ['data-e', String(e), 'data-m', String(m), 'data-tag', type.tag]);
  };
  const write = (from, to, covers) => {
    if (!block) {
      block = sketch('span', 'block');
      blocks.push(block);
      blockChars = 0;
      blockLines = 1;
      chain = [];
    }
    // Keep the open elements whose spans still cover this piece, up to the first one that a
    // span of higher rank, opening here and reaching further, must enclose.
    const opening = [];
    for (let layer = 0; layer < covers.length; layer++) {
      if (covers[layer] && !chain.some((c) => c.span === covers[layer])) opening.push(layer);
    }
    let keep = 0;
    while (keep < chain.length) {
      const { layer, span } = chain[keep];
      if (covers[layer] !== span) break;
      if (opening.some((l) => layerRank(l) < layerRank(layer) && covers[l].end > span.end)) break;
      keep++;
    }
    chain.length = keep;
    const toOpen = [];
    for (let layer = 0; layer < covers.length; layer++) {
      if (covers[layer] && !chain.some((c) => c.layer === layer)) toOpen.push(layer);
    }
    // Furniture outermost; then the span that reaches further (it will not be cut when the
    // other ends); then layerOrder.
    toOpen.sort(
      (a, b) => (a === FURNITURE_LAYER ? -1 : b === FURNITURE_LAYER ? 1 : 0) || covers[b].end - covers[a].end || layerOrder(a) - layerOrder(b),
    );
    for (const layer of toOpen) {
      const node = openElement(layer, covers[layer]);
      (chain.length ? chain[chain.length - 1].node : block).children.push(node);
      chain.push({ layer, span: covers[layer], node });
    }
    (chain.length ? chain[chain.length - 1].node : block).children.push(text.slice(from, to));
    blockChars += to - from;
    for (const c of chain) if (c.layer >= FIRST_ENTITY_LAYER && to === c.span.end) c.node.className += ' ent-end';
  };
  let newline = -1; // the next line break at or after the current position (kept, not searched again)
  for (const { start, end, covers } of pieces(shownLength, [furniture, hits, ...entityLayers(mentions)])) {
    let at = start;
    while (at < end) {
      if (newline < at) {
        newline = text.indexOf('\n', at);
        if (newline === -1) newline = Infinity;
      }
      const stop = newline >= end ? end : newline + 1;
      write(at, stop, covers);
      if (stop === newline + 1) {
        blockLines++;
        if (blockChars >= BLOCK_CHARS) closeBlock();
      }
      at = stop;
    }
  }
  closeBlock();
  if (shownLength < text.length) blocks.push(sketch('span', 'reading-cut', ['aria-hidden', 'true'], ['…']));

  // No scroll position is read or set here: that would force a layout on every keystroke.
  // The box keeps its scroll position (clamped to the new text) by itself.
  hideTip();
  placeChildren(els.readingView, reuseBlocks(blocks));
  // The highlight with focus may have been changed in place (see `redraw`): the tooltip still describes it.
  if (focused?.isConnected && focused.matches('.ent')) focused.setAttribute('aria-describedby', 'entity-tip');
  // A block kept from the last drawing may hold the current place of then, and may be laid
  // out for a place revealed then: both are set again below when they still apply.
  for (const piece of els.readingView.querySelectorAll('mark.current')) {
    piece.classList.remove('current');
    piece.removeAttribute('aria-current');
  }
  for (const node of els.readingView.querySelectorAll('.block.drawn')) node.classList.remove('drawn');
  const marks = hits.map(() => []);
  for (const mark of els.readingView.querySelectorAll('mark.hit')) marks[Number(mark.dataset.occurrence)]?.push(mark);
  const heads = [...els.readingView.querySelectorAll('.ent-head')];
  state.hits = marks;
  state.mentionHeads = heads;
  els.readingView.dataset.shown = String(shownLength);
  els.readingView.dataset.mentions = String(heads.length);

  const notes = [];
  if (shownLength < text.length) {
    notes.push(
      `This text is long: only its first ${fmt(shownLength)} of ${fmt(text.length)} characters are shown ` +
        'here, and keywords and entities are highlighted in that part only. Every other result covers the whole text.',
    );
  }
  if (mentionTotal > mentions.length) {
    notes.push(`Entity highlights stop after the first ${fmt(mentions.length)} of ${fmt(mentionTotal)} mentions shown.`);
  }
  setText(els.readingNote, notes.join(' '));
  els.readingNote.hidden = notes.length === 0;

  // The mention Tab reaches: the one that had it before, if it is still there, or the first.
  const headOf = (at) => at && heads.find((node) => Number(node.dataset.e) === at.e && Number(node.dataset.m) === at.m);
  const roving = headOf(refocus ?? state.roving) || heads[0];
  if (roving) setRoving(roving);
  else state.roving = null;
  if (refocus && roving) roving.focus({ preventScroll: true });

  if (state.selected) {
    const index = Math.min(state.selected.index, marks.length - 1);
    state.selected.index = -1;
    if (index >= 0) setCurrentHit(index, { reveal });
    else updateStepper();
  } else {
    updateStepper();
  }
  // Last, once the stepper above the text has its new size.
  const tipNode = headOf(tipWas);
  if (tipNode) showTip(tipNode);
}

// ---------------------------------------------------------------------------------------
// Entities: the panel, the legend of types, the tooltip, and moving between highlights

const numberText = new Intl.NumberFormat('en-US', { maximumFractionDigits: 6 });
const compactText = new Intl.NumberFormat('en-US', { notation: 'compact', compactDisplay: 'long', maximumFractionDigits: 2 });
const dayText = new Intl.DateTimeFormat('en-GB', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const monthText = new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });
const currencyText = new Map(); // currency code → its formatter (or null when Intl does not know it)

/** An entity's amount with its currency or unit ("IDR 15,000", "12.5%", "20 kilogram"), or ''. */
function formatAmount(entity) {
  if (entity.amount === undefined || entity.amount === null) return '';
  const amount = Number(entity.amount);
  if (!Number.isFinite(amount)) return '';
  const unit = String(entity.unit ?? '');
  let text;
  if (unit === '%' || (entity.label === 'PERCENT' && !unit)) {
    text = `${numberText.format(amount)}%`;
  } else if (entity.label === 'MONEY' && /^[A-Z]{3}$/.test(unit)) {
    if (!currencyText.has(unit)) {
      let format = null;
      try {
        format = new Intl.NumberFormat('en-US', { style: 'currency', currency: unit, currencyDisplay: 'code', minimumFractionDigits: 0, maximumFractionDigits: 2 });
      } catch {
        // a code Intl does not know: shown as "amount CODE" below
      }
      currencyText.set(unit, format);
    }
    const format = currencyText.get(unit);
    text = format ? format.format(amount).replace(/\u00a0/g, ' ') : `${numberText.format(amount)} ${unit}`;
  } else {
    text = unit ? `${numberText.format(amount)} ${unit}` : numberText.format(amount);
  }
  // Large amounts also in words: "IDR 1,500,000,000,000 (1.5 trillion)".
  if (Math.abs(amount) >= 1e6) text += ` (${compactText.format(amount)})`;
  return text;
}

/**
 * An ISO 8601 date, month, time, date and time, or period in words ("Tuesday, 18 June 2024",
 * "June 2024", "09:30 (UTC+07:00)", "… to …"), or '' for anything else.
 */
function describeValue(value) {
  const period = value.split('/');
  if (period.length === 2) {
    const [from, to] = period.map(describeValue);
    return from && to ? `${from} to ${to}` : '';
  }
  const [datePart, timePart] = value.includes('T') ? [value.slice(0, value.indexOf('T')), value.slice(value.indexOf('T') + 1)] : [value, null];
  let day = '';
  if (datePart) {
    let match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(datePart);
    if (match) {
      const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
      if (Number.isNaN(date.getTime()) || date.getUTCDate() !== Number(match[3])) return '';
      day = dayText.format(date);
    } else if ((match = /^(\d{4})-(\d{2})$/.exec(datePart)) && Number(match[2]) >= 1 && Number(match[2]) <= 12 && timePart === null) {
      day = monthText.format(new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, 1)));
    } else {
      return '';
    }
  }
  if (timePart === null) return day;
  const match = /^(\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}(?::?\d{2})?)?$/.exec(timePart);
  if (!match) return '';
  const zone = match[3] === 'Z' ? ' (UTC)' : match[3] ? ` (UTC${match[3]})` : '';
  const time = `${match[1]}:${match[2]}${zone}`;
  return day ? `${day}, ${time}` : time;
}

/**
 * What the analysis knows about an entity beyond its name, as [term, text] pairs for the panel
 * and the tooltip: its normalised value, amount and role. Aliases are listed separately.
 */
function entityFacts(entity) {
  const facts = [];
  const value = entity.value === undefined || entity.value === null ? '' : String(entity.value);
  const amount = formatAmount(entity);
  if (amount) facts.push(['Amount', amount]);
  if (value && (!amount || !['MONEY', 'PERCENT', 'QUANTITY'].includes(entity.label))) facts.push(['Value', value]);
  if (value && (entity.label === 'DATE' || entity.label === 'TIME')) {
    const words = describeValue(value);
    if (words && words !== value) facts.push(['Reads', words]);
  }
  if (entity.role) facts.push(['Role', entity.role === 'source' ? 'source (a news outlet cited)' : String(entity.role)]);
  return facts;
}

const entityCount = (entity) => Number(entity.count ?? entity.mentions?.length ?? 0);
function firstStart(entity) {
  const start = Number(entity.mentions?.[0]?.start);
  return Number.isFinite(start) ? start : Infinity;
}
const hiddenText = (text) => h('span', { className: 'visually-hidden', text });

/** Entities by type, in the panel's order; in each type the most mentioned first. */
function groupEntities(entities) {
  const groups = new Map();
  entities.forEach((entity, index) => {
    const type = entityType(entity.label);
    let group = groups.get(type.label);
    if (!group) groups.set(type.label, (group = { type, items: [] }));
    group.items.push({ entity, index, first: firstStart(entity) });
  });
  const ordered = [...groups.values()].sort((a, b) => a.type.order - b.type.order || (a.type.label < b.type.label ? -1 : 1));
  for (const group of ordered) group.items.sort((a, b) => entityCount(b.entity) - entityCount(a.entity) || a.first - b.first);
  return ordered;
}

function renderEntities(entities) {
  if (state.selected?.kind === 'entity' && !entities.some((e) => entityKey(e) === state.selected.key)) state.selected = null;
  const focusedKey = document.activeElement?.closest?.('#entity-groups .entity')?.dataset.key;
  const groups = groupEntities(entities);
  // Drawn again only when what the panel and the legend show changed: the entities (in the
  // panel's order) with what is said of them, how many are listed, the types switched off.
  const drawing = JSON.stringify([
    narrowScreen.matches,
    [...state.entityLimits],
    [...state.hiddenTypes],
    state.selected?.kind === 'entity' ? state.selected.key : '',
    groups.map(({ type, items }) => [
      type.label,
      items.map(({ entity: e }) => [e.text, entityCount(e), e.aliases, e.value, e.amount, e.unit, e.role]),
    ]),
  ]);
  if (drawn.entities !== drawing) {
    drawn.entities = drawing;
    renderLegend(groups);
    placeChildren(els.entityGroups, groups.map((group, i) => renderEntityGroup(group, i)));
    keepOnly(entitySections, groups.map((group) => group.type.label));
  }
  els.entitiesEmpty.hidden = entities.length > 0;
  els.entityGroups.hidden = entities.length === 0;
  if (focusedKey !== undefined && document.activeElement?.dataset?.key !== focusedKey) entityButton(focusedKey)?.focus();
}

// The section of each entity type in the panel, kept from one drawing to the next: label →
// { section, heading, list, more }.
const entitySections = new Map();

/** The section of one entity type: drawn anew, or the one on the page brought up to date. */
function renderEntityGroup({ type, items }, i) {
  const id = `entity-group-${i}`;
  const n = items.length;
  let view = entitySections.get(type.label);
  if (!view) {
    view = {
      section: h('section', { className: 'ent-group', attrs: { 'data-label': type.label } }),
      heading: h('h4', { className: 'ent-group-head' }),
      list: h('ul', { className: 'entities', attrs: { 'aria-describedby': 'entities-hint' } }),
      more: h('div', { className: 'more' }),
    };
    view.section.append(view.heading, view.list, view.more);
    entitySections.set(type.label, view);
  }
  const { section, heading, list, more } = view;
  // Ids follow the order of the types, which may change.
  if (heading.id !== id) {
    heading.id = id;
    section.setAttribute('aria-labelledby', id);
    list.setAttribute('aria-labelledby', id);
  }
  morphChildren(heading, [
    h('span', { className: `ent-tag e-${type.slug}`, text: type.tag, attrs: { 'aria-hidden': 'true' } }),
    h('span', { className: 'ent-group-name', text: type.plural }),
    h('span', { className: 'ent-group-count' }, [hiddenText(', '), document.createTextNode(fmt(n)), hiddenText(n === 1 ? ' entity' : ' entities')]),
  ]);
  let limit = state.entityLimits.get(type.label) ?? (narrowScreen.matches ? FIRST_ENTITIES_NARROW : FIRST_ENTITIES);
  // The selected entity stays listed.
  if (state.selected?.kind === 'entity') {
    const at = items.findIndex(({ entity }) => entityKey(entity) === state.selected.key);
    if (at >= limit) limit = at + 1;
  }
  const fill = () => {
    const to = Math.min(limit, n);
    const rows = [];
    for (let k = 0; k < to; k++) rows.push(h('li', {}, [renderEntityButton(items[k].entity, type)]));
    morphChildren(list, rows);
    renderMore(more, n - to, MORE_ENTITIES, type.plural, () => {
      limit = to + MORE_ENTITIES;
      state.entityLimits.set(type.label, limit);
      fill();
      updateStepper();
      list.children[to]?.querySelector('button')?.focus();
    });
  };
  fill();
  return section;
}

function renderEntityButton(entity, type) {
  const n = entityCount(entity);
  const aliases = (entity.aliases ?? []).map(String).filter((alias) => alias && alias !== entity.text);
  const details = [];
  const facts = entityFacts(entity);
  for (const [term, text] of facts) {
    // The words of a date are for the tooltip; an amount that reads like the name says nothing.
    if (term === 'Reads' || text === entity.text) continue;
    details.push(
      h('span', { className: `ent-fact ent-fact-${term.toLowerCase()}` }, [hiddenText(`, ${term.toLowerCase()} `), document.createTextNode(text)]),
    );
  }
  if (aliases.length) {
    const shown = aliases.slice(0, 4);
    const rest = aliases.length - shown.length;
    details.push(
      h('span', { className: 'ent-aliases' }, [
        hiddenText(', '),
        h('span', { className: 'ent-aliases-label', text: 'also ' }),
        document.createTextNode(shown.join(', ') + (rest > 0 ? ` and ${fmt(rest)} more` : '')),
      ]),
    );
  }
  const button = h(
    'button',
    {
      className: `entity e-${type.slug}`,
      attrs: { type: 'button', 'data-key': entityKey(entity), 'data-label': type.label, 'aria-pressed': 'false' },
    },
    [
      h('span', { className: 'ent-name', text: entity.text }),
      h('span', { className: 'ent-count', attrs: { title: `${fmt(n)} ${n === 1 ? 'mention' : 'mentions'} in the text` } }, [
        hiddenText(', '),
        document.createTextNode(fmt(n)),
        h('span', { text: '×', attrs: { 'aria-hidden': 'true' } }),
        hiddenText(n === 1 ? ' mention' : ' mentions'),
      ]),
      details.length ? h('span', { className: 'ent-details' }, details) : null,
    ],
  );
  button.dataset.count = String(n);
  return button;
}

/** The entity types present, each a switch that shows or hides its highlights in the text. */
function renderLegend(groups) {
  const items = document.createDocumentFragment();
  for (const { type, items: entities } of groups) {
    const mentions = entities.reduce((sum, { entity }) => sum + entityCount(entity), 0);
    const shown = !state.hiddenTypes.has(type.label);
    items.append(
      h('li', {}, [
        h(
          'button',
          {
            className: 'legend-type',
            attrs: {
              type: 'button',
              'data-label': type.label,
              'aria-pressed': String(shown),
              title: `${shown ? 'Hide' : 'Show'} the highlights of ${type.plural.toLowerCase()}`,
            },
          },
          [
            h('span', { className: `ent e-${type.slug} ent-end ent-sample`, text: type.name, attrs: { 'data-tag': type.tag } }),
            h('span', { className: 'legend-count' }, [hiddenText(', '), document.createTextNode(fmt(mentions)), hiddenText(mentions === 1 ? ' mention' : ' mentions')]),
          ],
        ),
      ]),
    );
  }
  morphChildren(els.entityLegend, [...items.childNodes]);
  els.entityLegend.closest('.ent-legend').hidden = groups.length === 0;
}

// The tooltip of an entity highlight: shown while the pointer is on a highlight (or on the
// tooltip itself) or while a highlight has focus; Esc hides it.
let tipAnchor = null;
let tipHideTimer = 0;
let tipFrame = 0;

function showTip(node) {
  const entities = state.view?.result.entities ?? [];
  const e = Number(node.dataset.e);
  const m = Number(node.dataset.m);
  const entity = entities[e];
  if (!entity) return;
  clearTimeout(tipHideTimer);
  if (tipAnchor === node && !els.tip.hidden) return;
  const type = entityType(entity.label);
  const aliases = (entity.aliases ?? []).map(String).filter((alias) => alias && alias !== entity.text);
  const facts = entityFacts(entity);
  const mention = entity.mentions?.[m];
  const text = state.view.text;
  const surface = mention ? text.slice(mention.start, mention.end) : '';
  if (surface && surface !== entity.text) facts.unshift(['Here', surface]);
  if (aliases.length) facts.push(['Also', aliases.slice(0, 6).join(', ') + (aliases.length > 6 ? ` and ${fmt(aliases.length - 6)} more` : '')]);
  facts.push(['Mention', `${fmt(m + 1)} of ${fmt(entityCount(entity))}`]);
  els.tip.replaceChildren(
    h('p', { className: 'tip-type' }, [
      h('span', { className: `ent-tag e-${type.slug}`, text: type.tag, attrs: { 'aria-hidden': 'true' } }),
      h('span', { className: 'tip-type-name', text: type.name }),
    ]),
    h('p', { className: 'tip-name', text: entity.text }),
    h(
      'dl',
      { className: 'tip-facts' },
      facts.map(([term, value]) => h('div', { className: `tip-fact tip-${term.toLowerCase()}` }, [h('dt', { text: term }), h('dd', { text: value })])),
    ),
  );
  els.tip.dataset.e = String(e);
  els.tip.dataset.m = String(m);
  tipAnchor = node;
  els.tip.hidden = false;
  placeTip();
}

/**
 * Puts the tooltip below the anchor (above it when there is no room below), never over it: a
 * mention that wraps onto two lines keeps both visible.
 */
function placeTip() {
  tipFrame = 0;
  if (!tipAnchor || els.tip.hidden) return;
  if (!tipAnchor.isConnected) {
    hideTip();
    return;
  }
  const rect = tipAnchor.getBoundingClientRect();
  const box = els.readingView.getBoundingClientRect();
  // Scrolled out of the reading view: the tooltip waits out of sight.
  els.tip.classList.toggle('tip-away', rect.bottom < box.top || rect.top > box.bottom);
  const width = els.tip.offsetWidth;
  const height = els.tip.offsetHeight;
  const left = Math.max(8, Math.min(rect.left, window.innerWidth - width - 8));
  let top = rect.bottom + 6;
  if (top + height > window.innerHeight - 8 && rect.top - height - 6 >= 8) top = rect.top - height - 6;
  els.tip.style.left = `${Math.round(left)}px`; // CSSOM, allowed by the style-src policy
  els.tip.style.top = `${Math.round(top)}px`;
}

function followTip() {
  if (!els.tip.hidden && !tipFrame) tipFrame = requestAnimationFrame(placeTip);
}

function hideTip() {
  clearTimeout(tipHideTimer);
  tipAnchor = null;
  if (!els.tip) return;
  els.tip.hidden = true;
  els.tip.classList.remove('tip-away');
}

/** Hides the tooltip soon, unless the pointer reaches it or its highlight has focus meanwhile. */
function hideTipSoon() {
  clearTimeout(tipHideTimer);
  tipHideTimer = setTimeout(() => {
    if (tipAnchor && document.activeElement === tipAnchor) return;
    hideTip();
  }, 250);
}

/** Makes `node` the one highlight that Tab reaches in the reading view (a roving tabindex). */
function setRoving(node) {
  const old = els.readingView.querySelector('.ent[tabindex]');
  if (old && old !== node) {
    old.removeAttribute('tabindex');
    old.removeAttribute('role');
    old.removeAttribute('aria-label');
  }
  const entities = state.view?.result.entities ?? [];
  const e = Number(node.dataset.e);
  const m = Number(node.dataset.m);
  const entity = entities[e];
  const mention = entity?.mentions?.[m];
  const surface = mention ? state.view.text.slice(mention.start, mention.end) : node.textContent;
  node.tabIndex = 0;
  node.setAttribute('role', 'button');
  node.setAttribute('aria-label', `${surface} (${entityType(entity?.label).name.toLowerCase()})`);
  state.roving = { e, m };
}

/** Moves focus to the highlighted mention `index` (in text order), scrolling it into view. */
function focusMention(index) {
  const heads = state.mentionHeads;
  if (!heads.length) return;
  const node = heads[Math.max(0, Math.min(heads.length - 1, index))];
  setRoving(node);
  node.focus({ preventScroll: true });
  revealInReading(node);
}

/** Selects the entity of a highlighted mention and makes that mention the current place. */
function selectMention(node) {
  const entity = state.view?.result.entities?.[Number(node.dataset.e)];
  const mention = entity?.mentions?.[Number(node.dataset.m)];
  if (!entity || !mention) return;
  setRoving(node);
  selectItem('entity', entityKey(entity), { at: Math.trunc(Number(mention.start)) });
}

/**
 * The token groups as the worker sends them (see groupTokens in worker.js), in the order of
 * KINDS, then kinds this page does not know, in the order they occur.
 */
function orderTokenGroups(groups) {
  const rank = (kind) => {
    const at = KINDS.findIndex(([known]) => known === kind);
    return at === -1 ? KINDS.length : at;
  };
  return groups.map((group, i) => ({ group, i })).sort((a, b) => rank(a.group.kind) - rank(b.group.kind) || a.i - b.i).map(({ group }) => group);
}

function renderTokens(tokenGroups) {
  const groups = orderTokenGroups(tokenGroups.groups ?? []);
  const total = tokenGroups.total ?? 0;

  const bar = [];
  const rows = [];
  for (const { kind, count, surfaces } of groups) {
    const segment = h('span', { className: `kind-segment k-${safeKind(kind)}` });
    segment.style.flexGrow = String(count); // CSSOM, allowed by the style-src policy
    bar.push(segment);

    const share = total ? (count / total) * 100 : 0;
    const meter = h('span', { className: `share-bar k-${safeKind(kind)}` });
    meter.style.width = `${share.toFixed(1)}%`;
    rows.push(
      h('tr', { attrs: { 'data-kind': kind } }, [
        h('th', { attrs: { scope: 'row' } }, [
          h('span', { className: `swatch k-${safeKind(kind)}`, attrs: { 'aria-hidden': 'true' } }),
          h('span', { text: KIND_LABEL.get(kind) ?? kind }),
        ]),
        h('td', { className: 'num kind-count', text: fmt(count) }),
        h('td', { className: 'num', text: fmt(surfaces.length) }),
        h('td', { className: 'num share' }, [
          h('span', { className: 'share-track', attrs: { 'aria-hidden': 'true' } }, [meter]),
          h('span', { className: 'share-text', text: `${share < 1 && share > 0 ? '<1' : Math.round(share)}%` }),
        ]),
      ]),
    );
  }
  if (!groups.length) {
    rows.push(h('tr', {}, [h('td', { className: 'muted', text: 'No tokens.', attrs: { colspan: '4' } })]));
  }
  morphChildren(els.kindBar, bar);
  morphChildren(els.kindRows, rows);

  placeChildren(els.kindGroups, groups.map(renderKindGroup));
  keepOnly(kindSections, groups.map((group) => group.kind));
}

function safeKind(kind) {
  return KIND_LABEL.has(kind) ? kind : 'other';
}

// The folding list of each kind of token, kept from one drawing to the next: kind →
// { details, summary, list, more, group } (`group`: the newest drawing's, as the worker sends it).
const kindSections = new Map();

/** The folding list of one kind of token: drawn anew, or the one on the page brought up to date. */
function renderKindGroup(group) {
  const { kind, count, surfaces } = group;
  let view = kindSections.get(kind);
  if (!view) {
    view = {
      details: h('details', { className: 'kind-group', attrs: { 'data-kind': kind } }),
      summary: h('summary'),
      list: h('ul', { className: 'chips' }),
      more: h('div', { className: 'more' }),
      group,
      shown: null, // { to, surfaces, counts }: what the list shows
    };
    view.details.append(view.summary, view.list, view.more);
    view.details.open = !state.closedKinds.has(kind);
    const { details, list } = view;
    details.addEventListener('toggle', () => {
      if (details.open) {
        state.closedKinds.delete(kind);
        if (!list.childElementCount) fillKindGroup(view); // folded lists are only filled when opened
      } else {
        state.closedKinds.add(kind);
      }
    });
    kindSections.set(kind, view);
  }
  view.group = group;
  morphChildren(view.summary, [
    h('span', { className: `swatch k-${safeKind(kind)}`, attrs: { 'aria-hidden': 'true' } }),
    h('span', { className: 'kind-name', text: KIND_LABEL.get(kind) ?? kind }),
    h('span', {
      className: 'muted',
      text: `${fmt(count)} ${count === 1 ? 'token' : 'tokens'} · ${fmt(surfaces.length)} distinct`,
    }),
  ]);
  if (view.details.open) {
    fillKindGroup(view);
  } else if (view.list.firstChild) {
    // Folded: filled again when opened, with the tokens of that time.
    view.list.replaceChildren();
    view.more.replaceChildren();
    view.shown = null;
  }
  return view.details;
}

/** Lists a kind's distinct tokens, up to its limit ("Show more" raises it). */
function fillKindGroup(view) {
  const { kind, surfaces, counts } = view.group;
  const limit = state.limits.get(kind) ?? FIRST_CHIPS;
  const to = Math.min(limit, surfaces.length);
  // Drawn again only when the tokens listed or their counts changed (a keystroke changes a
  // count or two of one kind, most often none of those listed).
  const shown = view.shown;
  let same = shown !== null && shown.to === to && view.list.childElementCount === to;
  for (let i = 0; same && i < to; i++) same = shown.surfaces[i] === surfaces[i] && shown.counts[i] === counts[i];
  if (!same) {
    const chips = [];
    for (let i = 0; i < to; i++) {
      const n = counts[i];
      chips.push(
        h('li', { className: 'chip' }, [
          h('span', { className: 'chip-text', text: surfaces[i] }),
          h('span', { className: 'chip-count', text: fmt(n), attrs: { title: `${n} ${n === 1 ? 'time' : 'times'}` } }),
        ]),
      );
    }
    morphChildren(view.list, chips);
    view.shown = { to, surfaces, counts };
  }
  renderMore(view.more, surfaces.length - to, MORE_CHIPS, `${KIND_LABEL.get(kind) ?? kind}`, () => {
    state.limits.set(kind, to + MORE_CHIPS);
    fillKindGroup(view);
  });
}

// What the "Show more" button of each container does now (the container stays from one
// drawing to the next; what it shows more of is that of the newest drawing).
const moreActions = new WeakMap();

/** A "N more" note with a button that shows the next batch. */
function renderMore(container, remaining, step, what, onMore) {
  if (!moreActions.has(container)) {
    container.addEventListener('click', (event) => {
      if (!event.target.closest('.more-button')) return;
      const focusAfter = container.contains(document.activeElement);
      moreActions.get(container)();
      if (focusAfter) container.querySelector('button')?.focus();
    });
  }
  moreActions.set(container, onMore);
  if (remaining <= 0) {
    if (container.firstChild) container.replaceChildren();
    return;
  }
  const next = Math.min(step, remaining);
  const button = h('button', {
    className: 'button button-small more-button',
    text: `Show ${fmt(next)} more`,
    attrs: { type: 'button', 'aria-label': `Show ${next} more ${what.toLowerCase()}` },
  });
  morphChildren(container, [h('span', { className: 'more-note', text: `${fmt(remaining)} more not shown` }), button]);
}

/** The sentence list; `spans` holds [start, end] pairs, one pair a sentence. */
function renderSentences(text, spans) {
  const total = spans.length >> 1;
  const fill = () => {
    const to = Math.min(state.sentenceLimit, total);
    const items = new Array(to);
    for (let i = 0; i < to; i++) items[i] = h('li', { text: text.slice(spans[2 * i], spans[2 * i + 1]) });
    morphChildren(els.sentences, items);
    renderMore(els.sentencesMore, total - to, MORE_SENTENCES, 'sentences', () => {
      state.sentenceLimit = to + MORE_SENTENCES;
      fill();
    });
  };
  fill();
}

function resetLimits() {
  state.limits.clear();
  state.entityLimits.clear();
  state.keywordLimit = 0;
  state.sentenceLimit = FIRST_SENTENCES;
}

// ---------------------------------------------------------------------------------------
// Files

class NotTextError extends Error {}

/** Decodes bytes as text, or throws NotTextError for binary data. */
function decodeBytes(bytes) {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes) };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes) };
  if (bytes.indexOf(0) !== -1) throw new NotTextError('not a text file (it contains binary data)');
  // Many control characters (other than tab, line breaks, form feed, escape) mean binary data.
  const probe = bytes.subarray(0, 8192);
  let control = 0;
  for (const b of probe) if (b < 0x20 && b !== 9 && b !== 10 && b !== 13 && b !== 12 && b !== 27) control++;
  if (probe.length && control / probe.length > 0.05) throw new NotTextError('not a text file (it contains binary data)');
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return { text: new TextDecoder('windows-1252').decode(bytes), note: 'not UTF-8; read as Windows-1252' };
  }
}

const SKIP_TAGS = new Set([
  'script', 'style', 'noscript', 'template', 'iframe', 'object', 'embed', 'svg', 'math', 'canvas',
  'audio', 'video', 'select', 'button', 'head', 'title', 'meta', 'link',
]);
const PARAGRAPH_TAGS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'pre', 'table', 'figure', 'ul', 'ol', 'dl', 'hr']);
const BLOCK_TAGS = new Set([
  'address', 'article', 'aside', 'dd', 'details', 'dialog', 'div', 'dt', 'fieldset', 'figcaption',
  'footer', 'form', 'header', 'hgroup', 'li', 'main', 'nav', 'section', 'summary', 'tr', 'caption',
  'thead', 'tbody', 'tfoot', 'legend', 'center',
]);

/**
 * Reduces an HTML document to plain text. DOMParser with text/html never runs scripts and
 * never loads images or styles; only text nodes are read from the parsed document, and
 * nothing from it is inserted into the page.
 */
function htmlToText(html) {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const out = [];
  let pendingBreak = 0; // newlines owed by block boundaries; adjacent boundaries merge
  const emit = (text) => {
    if (pendingBreak) {
      if (!text.trim()) return; // whitespace between blocks
      if (out.length) out.push('\n'.repeat(pendingBreak));
      pendingBreak = 0;
    }
    out.push(text);
  };
  const stack = [{ node: doc.body ?? doc.documentElement, pre: false }];
  while (stack.length) {
    const item = stack.pop();
    if (typeof item === 'number') {
      pendingBreak = Math.max(pendingBreak, item);
      continue;
    }
    const { node, pre } = item;
    if (node.nodeType === Node.TEXT_NODE) {
      emit(pre ? node.data : node.data.replace(/[\t\n\f\r ]+/g, ' '));
      continue;
    }
    if (node.nodeType !== Node.ELEMENT_NODE) continue;
    const tag = node.localName;
    if (SKIP_TAGS.has(tag) || node.hasAttribute('hidden')) continue;
    if (tag === 'br') {
      pendingBreak = 0;
      out.push('\n');
      continue;
    }
    const brk = PARAGRAPH_TAGS.has(tag) ? 2 : BLOCK_TAGS.has(tag) ? 1 : 0;
    if (tag === 'td' || tag === 'th') emit(' ');
    if (brk) {
      pendingBreak = Math.max(pendingBreak, brk);
      stack.push(brk);
    }
    const inPre = pre || tag === 'pre' || tag === 'textarea';
    const kids = node.childNodes;
    for (let i = kids.length - 1; i >= 0; i--) stack.push({ node: kids[i], pre: inPre });
  }
  return out
    .join('')
    .split('\n')
    .map((line) => line.replace(/[\t\f\r ]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

function isHtmlFile(file) {
  return /\.x?html?$/i.test(file.name) || file.type === 'text/html' || file.type === 'application/xhtml+xml';
}

async function readFile(file) {
  if (file.size > MAX_FILE_BYTES) {
    throw new NotTextError(`too large (${formatSize(file.size)}); the limit is ${formatSize(MAX_FILE_BYTES)}`);
  }
  const bytes = new Uint8Array(await file.arrayBuffer());
  const { text, note } = decodeBytes(bytes);
  if (isHtmlFile(file)) return { text: htmlToText(text), format: 'html', note };
  return { text, format: 'text', note };
}

// ---------------------------------------------------------------------------------------
// The two views (this article, the comparison of all) and opening an article at a place

const CORPUS_DEBOUNCE_MS = 250;
const FIRST_MATRIX_ROWS = 10; // entities per type in the matrix before "Show more"
const FIRST_MATRIX_ROWS_NARROW = 6;
const MORE_MATRIX_ROWS = 50;
const DISTINCT_KEYWORDS = 6; // distinctive keywords listed per article

function renderTabs() {
  const n = state.entries.length;
  els.viewTabs.hidden = n < 2;
  els.compareCount.textContent = fmt(n);
  if (n < 2 && state.tab === 'compare') showTab('article');
}

function showTab(tab, { focus = false } = {}) {
  syncText();
  const compare = tab === 'compare' && state.entries.length >= 2;
  state.tab = compare ? 'compare' : 'article';
  els.tabArticle.setAttribute('aria-selected', String(!compare));
  els.tabCompare.setAttribute('aria-selected', String(compare));
  els.tabArticle.tabIndex = compare ? -1 : 0;
  els.tabCompare.tabIndex = compare ? 0 : -1;
  els.panelArticle.hidden = compare;
  els.panelCompare.hidden = !compare;
  if (focus) (compare ? els.tabCompare : els.tabArticle).focus();
  if (compare) {
    hideTip();
    if (state.corpus?.version === state.setVersion) {
      if (els.compare.dataset.version !== String(state.setVersion)) renderCompare();
    } else {
      requestCorpus();
    }
  }
}

/**
 * Shows the article `entryKey` in the article view, and once its analysis is on screen,
 * selects `select` ({ kind, key }: an entity or keyword) at its first place.
 */
function openArticle(entryKey, select = null) {
  syncText();
  const entry = entryByKey(entryKey);
  if (!entry) return;
  showTab('article');
  state.pendingOpen = { entry: entryKey, select };
  const results = els.results.dataset;
  const fresh =
    state.current === entryKey && state.view?.entry === entryKey && state.view.text === entry.text &&
    !('pending' in results) && results.rendered === results.requested;
  if (fresh) openPending();
  else selectEntry(entryKey);
}

function openPending() {
  const pending = state.pendingOpen;
  if (!pending) return;
  if (pending.entry !== state.current || state.view?.entry !== pending.entry) return;
  state.pendingOpen = null;
  if (pending.select) {
    state.selected = null;
    selectItem(pending.select.kind, pending.select.key);
    if (state.selected && state.hits.length) {
      // Focus on the stepper above the text: it says where the reader is, and Next goes on.
      els.hitNext.focus({ preventScroll: true });
      return;
    }
  }
  els.resultsHeading.focus({ preventScroll: true });
  els.resultsHeading.scrollIntoView({ block: 'nearest' });
}

// ---------------------------------------------------------------------------------------
// The comparison: asked of the worker (analyzeCorpus) when the view is shown or an export
// needs it, again after the articles change (after a pause), and drawn when it is current.
// `data-pending` on #compare marks a comparison not yet drawn for the newest articles, and
// `data-version` the version drawn (tests wait on them).

function scheduleCorpus(delay = CORPUS_DEBOUNCE_MS) {
  els.compare.dataset.pending = '1';
  clearTimeout(state.corpusTimer);
  state.corpusTimer = setTimeout(requestCorpus, delay);
}

function requestCorpus() {
  clearTimeout(state.corpusTimer);
  state.corpusTimer = 0;
  syncText();
  if (state.corpus?.version === state.setVersion) {
    if (state.tab === 'compare') renderCompare();
    for (const waiter of state.corpusWaiters.splice(0)) waiter.resolve(state.corpus);
    return;
  }
  els.compare.dataset.pending = '1';
  if (state.corpusJob?.version === state.setVersion) return; // asked already
  if (state.failed || !worker) {
    for (const waiter of state.corpusWaiters.splice(0)) waiter.reject(new Error('the analyzer is not available'));
    return;
  }
  const job = {
    id: ++state.corpusSeq,
    version: state.setVersion,
    keys: state.entries.map((e) => e.key),
    texts: state.entries.map((e) => e.text),
  };
  state.corpusJob = job;
  state.corpusQueued = job;
  if (state.tab === 'compare') els.compareStatus.textContent = `Comparing ${fmt(job.keys.length)} articles…`;
  sendNext();
}

/** A comparison made for the articles as they are now (asked for if need be). */
function currentCorpus() {
  syncText();
  if (state.corpus?.version === state.setVersion) return Promise.resolve(state.corpus);
  return new Promise((resolve, reject) => {
    state.corpusWaiters.push({ resolve, reject });
    requestCorpus();
  });
}

function onCorpus(message) {
  const job = state.corpusJob;
  if (!job || message.id !== job.id) return; // an older comparison, already replaced
  state.corpusJob = null;
  if (message.error) {
    for (const waiter of state.corpusWaiters.splice(0)) waiter.reject(new Error(message.error));
    els.compare.dataset.state = 'error';
    delete els.compare.dataset.pending;
    els.compareStatus.textContent = `The comparison failed: ${message.error}`;
    return;
  }
  state.corpus = { version: job.version, keys: job.keys, result: message.result, ms: message.ms };
  job.keys.forEach((key, i) => noteFurniture(entryByKey(key), job.texts[i], message.result.documents[i]?.boilerplate));
  if (job.version !== state.setVersion) {
    // The articles changed meanwhile: compare them again if someone is waiting.
    if (state.tab === 'compare' || state.corpusWaiters.length) scheduleCorpus(0);
    return;
  }
  for (const waiter of state.corpusWaiters.splice(0)) waiter.resolve(state.corpus);
  if (state.tab === 'compare') renderCompare();
}

/** The articles of a comparison: number, entry key and title (from the list as it is now). */
function corpusArticles(corpus) {
  return corpus.keys.map((key, i) => {
    const entry = entryByKey(key);
    return { key, n: i + 1, title: entry ? entryTitle(entry) : `Article ${i + 1}` };
  });
}

function renderCompare() {
  const corpus = state.corpus;
  if (!corpus || corpus.version !== state.setVersion) return;
  const articles = corpusArticles(corpus);
  const { result } = corpus;
  renderCompareArticles(result, articles);
  renderMatrix(result, articles);
  renderCompareKeywords(result, articles);
  renderTimeline(result, articles);
  els.compare.dataset.state = 'ready';
  els.compare.dataset.version = String(corpus.version);
  delete els.compare.dataset.pending;
  els.compareStatus.textContent = `${fmt(articles.length)} articles compared in ${formatMs(corpus.ms)}.`;
}

const openButton = (className, attrs, children) => h('button', { className, attrs: { type: 'button', ...attrs } }, children);
const articleNumber = (n) => h('span', { className: 'art-num', text: String(n), attrs: { 'aria-hidden': 'true' } });

function renderCompareArticles(result, articles) {
  const rows = document.createDocumentFragment();
  const total = { words: 0, sentences: 0, minutes: 0 };
  articles.forEach((article, d) => {
    const doc = result.documents[d];
    const stats = doc?.stats ?? { words: 0, sentences: 0, readingMinutes: 0 };
    total.words += stats.words;
    total.sentences += stats.sentences;
    total.minutes += stats.readingMinutes;
    const code = doc?.language?.code ?? 'other';
    rows.append(
      h('tr', { attrs: { 'data-doc': String(d) } }, [
        h('td', { className: 'num', text: String(article.n) }),
        h('th', { attrs: { scope: 'row' } }, [
          openButton('link-button art-open', { 'data-doc': String(d), title: `Open article ${article.n}` }, [h('span', { className: 'art-title', text: article.title })]),
        ]),
        h('td', { className: 'lang-cell' }, [h('span', { className: 'lang-full', text: `${LANGUAGES[code] ?? code} ` }), h('code', { className: 'lang-code', text: code })]),
        h('td', { className: 'num', text: fmt(stats.words), attrs: { 'data-value': String(stats.words) } }),
        h('td', { className: 'num', text: fmt(stats.sentences), attrs: { 'data-value': String(stats.sentences) } }),
        h('td', { className: 'num', text: stats.readingMinutes ? `${fmt(stats.readingMinutes)} min` : '—', attrs: { 'data-value': String(stats.readingMinutes) } }),
      ]),
    );
  });
  els.cmpArticleRows.replaceChildren(rows);
  els.cmpArticleTotal.replaceChildren(
    h('tr', {}, [
      h('td', {}),
      h('th', { text: `All ${fmt(articles.length)}`, attrs: { scope: 'row' } }),
      h('td', {}),
      h('td', { className: 'num', text: fmt(total.words) }),
      h('td', { className: 'num', text: fmt(total.sentences) }),
      h('td', { className: 'num', text: total.minutes ? `${fmt(total.minutes)} min` : '—' }),
    ]),
  );
  els.compare.querySelector('#export-set-label').textContent = `Export all ${fmt(articles.length)} articles`;
}

/** Corpus entities by type, in the page's order; in each type those in most articles first. */
function groupCorpusEntities(entities) {
  const groups = new Map();
  entities.forEach((entity, index) => {
    const type = entityType(entity.label);
    let group = groups.get(type.label);
    if (!group) groups.set(type.label, (group = { type, items: [] }));
    group.items.push({ entity, index });
  });
  const ordered = [...groups.values()].sort((a, b) => a.type.order - b.type.order || (a.type.label < b.type.label ? -1 : 1));
  for (const group of ordered) {
    group.items.sort(
      (a, b) => b.entity.documentFrequency - a.entity.documentFrequency || b.entity.count - a.entity.count || a.index - b.index,
    );
  }
  return ordered;
}

function renderMatrix(result, articles) {
  const n = articles.length;
  els.cmpMatrixHead.replaceChildren(
    h('tr', {}, [
      h('th', { className: 'row-head', text: 'Entity', attrs: { scope: 'col' } }),
      h('th', { className: 'num', attrs: { scope: 'col', title: 'In how many of the articles' } }, [
        document.createTextNode('In'),
        hiddenText(' how many articles'),
      ]),
      ...articles.map((article) =>
        h('th', { className: 'col-article', attrs: { scope: 'col', title: `Article ${article.n}: ${article.title}` } }, [
          hiddenText('Article '),
          h('span', { className: 'art-num', text: String(article.n) }),
          h('span', { className: 'col-title', text: article.title }),
        ]),
      ),
    ]),
  );
  for (const body of [...els.cmpMatrix.tBodies]) body.remove();
  const groups = groupCorpusEntities(result.entities ?? []);
  // Cells are shaded by their count against the highest count of the table, so that an
  // entity an article dwells on stands out (the number is always written too).
  articles.max = Math.max(1, ...(result.entities ?? []).flatMap((e) => (e.documents ?? []).map((share) => share.count)));
  groups.forEach((group, i) => els.cmpMatrix.append(renderMatrixGroup(group, i, result, articles)));
  els.cmpMatrix.hidden = groups.length === 0;
  els.cmpMatrix.closest('.table-scroll').hidden = groups.length === 0;
  els.cmpEntitiesEmpty.hidden = groups.length > 0;
}

function renderMatrixGroup({ type, items }, i, result, articles) {
  const n = articles.length;
  const body = h('tbody', { className: 'matrix-group', attrs: { 'data-label': type.label } });
  body.append(
    h('tr', { className: 'group-row' }, [
      h('th', { attrs: { scope: 'rowgroup', colspan: String(n + 2), id: `cmp-group-${i}` } }, [
        h('span', { className: `ent-tag e-${type.slug}`, text: type.tag, attrs: { 'aria-hidden': 'true' } }),
        h('span', { className: 'group-name', text: type.plural }),
        h('span', { className: 'group-count', text: fmt(items.length) }),
      ]),
    ]),
  );
  let limit = state.matrixLimits.get(type.label) ?? (narrowScreen.matches ? FIRST_MATRIX_ROWS_NARROW : FIRST_MATRIX_ROWS);
  if (items.length <= limit + 2) limit = items.length; // "Show 2 more" would save nothing
  let moreRow = null;
  const fill = () => {
    moreRow?.remove();
    const from = body.rows.length - 1;
    const to = Math.min(limit, items.length);
    for (let k = from; k < to; k++) body.append(renderMatrixRow(items[k], type, result, articles));
    const remaining = items.length - to;
    moreRow = null;
    if (remaining > 0) {
      const next = Math.min(MORE_MATRIX_ROWS, remaining);
      const button = h('button', {
        className: 'button button-small more-button',
        text: `Show ${fmt(next)} more`,
        attrs: { type: 'button', 'aria-label': `Show ${next} more ${type.plural.toLowerCase()}` },
      });
      button.addEventListener('click', () => {
        limit = to + MORE_MATRIX_ROWS;
        state.matrixLimits.set(type.label, limit);
        fill();
        (body.rows[to + 1]?.querySelector('button') ?? moreRow?.querySelector('button'))?.focus();
      });
      moreRow = h('tr', { className: 'more-row' }, [
        h('td', { attrs: { colspan: String(n + 2) } }, [h('span', { className: 'more-note', text: `${fmt(remaining)} more not shown` }), document.createTextNode(' '), button]),
      ]);
      body.append(moreRow);
    }
  };
  fill();
  return body;
}

function renderMatrixRow({ entity, index }, type, result, articles) {
  const n = articles.length;
  const shares = new Map((entity.documents ?? []).map((share) => [share.document, share]));
  const aliases = (entity.aliases ?? []).filter((alias) => alias && alias !== entity.text);
  const head = h('th', { className: 'row-head', attrs: { scope: 'row' } }, [h('span', { className: 'row-name', text: entity.text })]);
  const facts = [];
  if (entity.value && !['MONEY', 'PERCENT', 'QUANTITY'].includes(entity.label)) facts.push(String(entity.value));
  if (aliases.length) facts.push(`also ${aliases.slice(0, 3).join(', ')}${aliases.length > 3 ? ` and ${fmt(aliases.length - 3)} more` : ''}`);
  if (entity.role === 'source') facts.push('cited as a source');
  if (facts.length) head.append(h('span', { className: 'row-facts' }, [hiddenText(', '), document.createTextNode(facts.join(' · '))]));
  const cells = articles.map((article, d) => {
    const share = shares.get(d);
    if (!share) {
      return h('td', { className: 'cell cell-zero', attrs: { 'data-count': '0' } }, [
        h('span', { text: '·', attrs: { 'aria-hidden': 'true' } }),
        hiddenText('none'),
      ]);
    }
    const level = Math.max(1, Math.min(4, Math.ceil((share.count / articles.max) * 4)));
    const docEntity = result.documents[d]?.entities?.[share.entity];
    const button = openButton(
      'cell-open',
      {
        'data-doc': String(d),
        'data-entity': String(share.entity),
        title: `${entity.text}: ${fmt(share.count)} in article ${article.n}. Select to open it there.`,
      },
      [document.createTextNode(fmt(share.count)), hiddenText(share.count === 1 ? ' mention, open' : ' mentions, open')],
    );
    if (!docEntity) button.disabled = true;
    return h('td', { className: `cell lv-${level}`, attrs: { 'data-count': String(share.count) } }, [button]);
  });
  return h('tr', { attrs: { 'data-index': String(index), 'data-key': `${entity.label}:${entity.text}`, 'data-label': type.label } }, [
    head,
    h('td', { className: 'num df', attrs: { 'data-df': String(entity.documentFrequency) } }, [
      document.createTextNode(`${fmt(entity.documentFrequency)}/${fmt(n)}`),
    ]),
    ...cells,
  ]);
}

/**
 * How many articles have each keyword: the set's keywords say it (documentFrequency); for
 * the others, the articles whose own keywords include it.
 */
function keywordFrequencies(result) {
  const df = new Map();
  for (const doc of result.documents ?? []) {
    for (const key of new Set((doc.keywords ?? []).map((k) => k.key))) df.set(key, (df.get(key) ?? 0) + 1);
  }
  for (const keyword of result.keywords ?? []) df.set(keyword.key, Math.max(df.get(keyword.key) ?? 0, keyword.documentFrequency));
  return df;
}

/** Keywords shared by all or most of the articles, and each article's own: what the view shows. */
function keywordComparison(result) {
  const n = result.documents?.length ?? 0;
  const corpusKeywords = result.keywords ?? [];
  const all = corpusKeywords.filter((k) => k.documentFrequency >= n && n >= 2);
  const most = corpusKeywords.filter((k) => k.documentFrequency < n && k.documentFrequency >= 2 && k.documentFrequency > n / 2);
  const df = keywordFrequencies(result);
  const distinct = (result.documents ?? []).map((doc) => (doc.keywords ?? []).filter((k) => (df.get(k.key) ?? 0) <= 1).slice(0, DISTINCT_KEYWORDS));
  return { all, most, distinct };
}

function renderCompareKeywords(result, articles) {
  const n = articles.length;
  const { all, most, distinct } = keywordComparison(result);
  const chip = (keyword, count, title) =>
    h('li', { className: 'chip', attrs: { 'data-key': keyword.key } }, [
      h('span', { className: 'chip-text', text: keyword.text }),
      h('span', { className: 'chip-count', text: count, attrs: { title } }),
    ]);
  const shared = document.createDocumentFragment();
  const section = (id, title, keywords) => {
    if (!keywords.length) return;
    shared.append(
      h('h4', { className: 'cmp-subhead', text: title, attrs: { id } }),
      h(
        'ul',
        { className: 'chips shared-chips', attrs: { 'aria-labelledby': id, 'data-group': id.replace('cmp-shared-', '') } },
        keywords.map((k) => chip(k, `${fmt(k.documentFrequency)}/${fmt(n)}`, `In ${fmt(k.documentFrequency)} of ${fmt(n)} articles, ${fmt(k.count)} times in all`)),
      ),
    );
  };
  section('cmp-shared-all', `Shared by all ${fmt(n)} articles`, all);
  section('cmp-shared-most', 'Shared by most of them', most);
  if (!all.length && !most.length) {
    shared.append(h('p', { className: 'keywords-empty', text: 'No keyword is shared by most of the articles: they are about different things.' }));
  }
  els.cmpShared.replaceChildren(shared);

  const items = document.createDocumentFragment();
  articles.forEach((article, d) => {
    const keywords = distinct[d] ?? [];
    items.append(
      h('li', { className: 'distinct-item', attrs: { 'data-doc': String(d) } }, [
        h('p', { className: 'distinct-title' }, [articleNumber(article.n), hiddenText(`Article ${article.n}: `), h('span', { className: 'art-title', text: article.title })]),
        keywords.length
          ? h('ul', { className: 'chips' }, keywords.map((k) => chip(k, `${fmt(k.count)}×`, `${fmt(k.count)} ${k.count === 1 ? 'time' : 'times'} in this article`)))
          : h('p', { className: 'muted distinct-none', text: 'Nothing among its keywords that the others do not share.' }),
      ]),
    );
  });
  els.cmpDistinct.replaceChildren(items);
}

// The timeline: DATE entities with a normalised value, in date order. A value is a day, a
// month, a year, an ISO week or a period of those; one without a year (--06-18) cannot be
// placed and is listed apart.
const MONTH_DAY = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', timeZone: 'UTC' });
const MONTH = new Intl.DateTimeFormat('en-GB', { month: 'long', timeZone: 'UTC' });

/** Where a date value sorts: `{ key, yearless }`, or null for a value that is not a date. */
function dateOrder(value) {
  const first = String(value).split('/')[0];
  let match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:T.*)?$/.exec(first);
  if (match) return { key: `${match[1]}-${match[2] ?? '00'}-${match[3] ?? '00'} ${value}`, yearless: false };
  match = /^(\d{4})-W(\d{2})(?:-\d)?$/.exec(first);
  if (match) {
    // The Monday of ISO week `w`: the week of 4 January is week 1.
    const jan4 = Date.UTC(Number(match[1]), 0, 4);
    const monday = jan4 - ((new Date(jan4).getUTCDay() + 6) % 7) * 86400000 + (Number(match[2]) - 1) * 7 * 86400000;
    return { key: `${new Date(monday).toISOString().slice(0, 10)} ${value}`, yearless: false };
  }
  match = /^--(\d{2})(?:-(\d{2}))?$/.exec(first);
  if (match) return { key: `${match[1]}-${match[2] ?? '00'} ${value}`, yearless: true };
  return null;
}

/** A date value in words: "Tuesday, 18 June 2024", "June 2024", "2019", "18 June", "week 25 of 2024". */
function dateWords(value) {
  const parts = String(value).split('/');
  if (parts.length === 2) {
    const [from, to] = parts.map(dateWords);
    return from && to ? `${from} to ${to}` : '';
  }
  const words = describeValue(value);
  if (words) return words;
  let match = /^(\d{4})$/.exec(value);
  if (match) return match[1];
  match = /^(\d{4})-W(\d{2})$/.exec(value);
  if (match) return `week ${Number(match[2])} of ${match[1]}`;
  match = /^--(\d{2})-(\d{2})$/.exec(value);
  if (match) {
    const date = new Date(Date.UTC(2000, Number(match[1]) - 1, Number(match[2])));
    return Number.isNaN(date.getTime()) ? '' : MONTH_DAY.format(date);
  }
  match = /^--(\d{2})$/.exec(value);
  if (match && Number(match[1]) >= 1 && Number(match[1]) <= 12) return MONTH.format(new Date(Date.UTC(2000, Number(match[1]) - 1, 1)));
  return '';
}

/** The value as an HTML `datetime` (a day, month, year, week or a yearless day), or ''. */
function machineDate(value) {
  const first = String(value).split('/')[0];
  if (/^\d{4}(?:-\d{2}(?:-\d{2})?)?$/.test(first) || /^\d{4}-W\d{2}$/.test(first)) return first;
  const match = /^--(\d{2}-\d{2})$/.exec(first);
  return match ? match[1] : '';
}

/** The dates of a comparison in order: `{ dated, yearless, unvalued }`. */
function timelineDates(result) {
  const dated = [];
  const yearless = [];
  let unvalued = 0;
  for (const entity of result.entities ?? []) {
    if (entity.label !== 'DATE') continue;
    const order = entity.value ? dateOrder(entity.value) : null;
    if (!order) {
      unvalued++;
      continue;
    }
    (order.yearless ? yearless : dated).push({ entity, key: order.key });
  }
  const byKey = (a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
  return { dated: dated.sort(byKey), yearless: yearless.sort(byKey), unvalued };
}

function renderTimeline(result, articles) {
  const { dated, yearless, unvalued } = timelineDates(result);
  const item = ({ entity }) => {
    const value = String(entity.value);
    const words = dateWords(value) || value;
    const machine = machineDate(value);
    const when = machine
      ? h('time', { className: 'tl-date', text: words, attrs: { datetime: machine } })
      : h('span', { className: 'tl-date', text: words });
    const aliases = (entity.aliases ?? []).filter((alias) => alias && alias !== entity.text);
    const links = (entity.documents ?? []).map((share) => {
      const article = articles[share.document];
      return h('li', {}, [
        openButton('tl-open', { 'data-doc': String(share.document), 'data-entity': String(share.entity), title: `Open article ${article?.n}: ${article?.title} at this date` }, [
          articleNumber(article?.n ?? share.document + 1),
          hiddenText(`Article ${article?.n}: `),
          h('span', { className: 'art-title', text: article?.title ?? '' }),
          h('span', { className: 'tl-count', text: `${fmt(share.count)}×` }),
        ]),
      ]);
    });
    return h('li', { className: 'tl-item', attrs: { 'data-value': value } }, [
      h('p', { className: 'tl-when' }, [when, document.createTextNode(' '), h('code', { className: 'tl-iso', text: value })]),
      h('p', { className: 'tl-what' }, [
        h('span', { className: 'tl-text', text: `“${entity.text}”` }),
        aliases.length ? h('span', { className: 'muted', text: ` also “${aliases.slice(0, 3).join('”, “')}”` }) : null,
      ]),
      h('ul', { className: 'tl-articles', attrs: { 'aria-label': 'In the articles' } }, links),
    ]);
  };
  els.cmpTimeline.replaceChildren(...dated.map(item));
  els.cmpYearless.replaceChildren(...yearless.map(item));
  els.cmpTimeline.hidden = dated.length === 0;
  els.cmpYearless.hidden = els.cmpYearlessHeading.hidden = yearless.length === 0;
  const notes = [];
  if (!dated.length && !yearless.length) notes.push('None of the articles names a date that could be placed.');
  if (unvalued) {
    notes.push(
      `${fmt(unvalued)} ${unvalued === 1 ? 'date such as a weekday or “last week”' : 'dates such as weekdays or “last week”'} could not be placed: ` +
        'the article does not say its own date.',
    );
  }
  els.cmpTimelineNote.textContent = notes.join(' ');
  els.cmpTimelineNote.hidden = notes.length === 0;
}

// Links of the comparison open an article: a title at its start, a count or a date at the
// entity's first mention in that article.
els.compare.addEventListener('click', (event) => {
  const button = event.target.closest('button[data-doc]');
  const corpus = state.corpus;
  if (!button || !corpus || !els.compare.contains(button)) return;
  const d = Number(button.dataset.doc);
  const key = corpus.keys[d];
  if (key === undefined) return;
  if (button.dataset.entity === undefined) {
    openArticle(key);
    return;
  }
  const entity = corpus.result.documents[d]?.entities?.[Number(button.dataset.entity)];
  openArticle(key, entity ? { kind: 'entity', key: entityKey(entity) } : null);
});

// ---------------------------------------------------------------------------------------
// Export: JSON exactly as the package returns it (`analyze(text)` for one article, with
// default options; `analyzeCorpus(texts)` for the set), and CSV of entities and keywords.
// Files are made in the page (a Blob) and saved through a download link; nothing is sent.

const ENTITY_COLUMNS = ['article', 'article_title', 'label', 'text', 'aliases', 'count', 'value'];
const KEYWORD_COLUMNS = ['article', 'article_title', 'rank', 'text', 'key', 'score', 'count'];

/**
 * One CSV field (RFC 4180): quoted when it holds a comma, a quote or a line break, quotes
 * doubled. Text that a spreadsheet would run as a formula (starting with = + - @, a tab or a
 * carriage return) gets a leading apostrophe. Numbers are written as they are.
 */
function csvField(value) {
  if (value === undefined || value === null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const toCsv = (rows) => rows.map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';

function entitiesCsv(docs, titles) {
  const rows = [ENTITY_COLUMNS];
  docs.forEach((doc, d) => {
    for (const e of doc.entities ?? []) rows.push([d + 1, titles[d], e.label, e.text, (e.aliases ?? []).join('; '), e.count, e.value ?? '']);
  });
  return toCsv(rows);
}

function keywordsCsv(docs, titles) {
  const rows = [KEYWORD_COLUMNS];
  docs.forEach((doc, d) => {
    (doc.keywords ?? []).forEach((k, rank) => rows.push([d + 1, titles[d], rank + 1, k.text, k.key, k.score, k.count]));
  });
  return toCsv(rows);
}

/** A file name part from a title: ASCII letters and digits, dashes between. */
function slug(text) {
  const base = text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-');
  return base.slice(0, 48).replace(/^-+|-+$/g, '') || 'article';
}

/** What an export bar exports: the article on screen, or the whole set. */
async function exportData(scope) {
  if (scope === 'set') {
    const corpus = await currentCorpus();
    const articles = corpusArticles(corpus);
    const n = articles.length;
    return {
      json: corpus.result,
      docs: corpus.result.documents,
      titles: articles.map((a) => a.title),
      base: `kupas-${n}-articles`,
      what: `all ${fmt(n)} articles`,
    };
  }
  const view = state.view;
  if (!view) throw new Error('there is no analysis on screen');
  // Exactly what analyze(text) gives: the page's own analysis lacks the tokens' and sentences'
  // objects (the worker sends them in a compact form), so the worker makes it anew.
  const result = await analyzeForExport(view.text);
  const title = titleOf(view.text, result.boilerplate) || 'article';
  return { json: result, docs: [result], titles: [title], base: `kupas-${slug(title)}`, what: 'this article' };
}

/** Asks the worker for analyze(text) with default options. */
function analyzeForExport(text) {
  if (state.failed || !worker) return Promise.reject(new Error('the analyzer is not running'));
  const id = ++state.exportSeq;
  return new Promise((resolve, reject) => {
    state.exportWaiters.set(id, { resolve, reject });
    // Not queued behind `busy`: the worker answers it after the request it is working on.
    worker.postMessage({ id, text, export: true });
  });
}

function onExport(message) {
  const waiter = state.exportWaiters.get(message.id);
  if (!waiter) return;
  state.exportWaiters.delete(message.id);
  if (message.error) waiter.reject(new Error(message.error));
  else waiter.resolve(message.result);
}

function download(name, type, text) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = h('a', { attrs: { href: url, download: name } });
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

async function runExport(bar, action) {
  const status = bar.querySelector('.export-status');
  const say = (text, kind = 'ok') => {
    status.textContent = text;
    status.dataset.kind = kind;
  };
  say(bar.dataset.scope === 'set' ? 'Preparing…' : '', 'busy');
  // One article's export is made anew by the worker: at once, unless the text is long or
  // the worker is still busy with an analysis.
  const slow = setTimeout(() => say('Preparing…', 'busy'), SLOW_MS);
  try {
    const data = await exportData(bar.dataset.scope);
    clearTimeout(slow);
    const size = (text) => formatSize(new TextEncoder().encode(text).length);
    if (action === 'copy') {
      const json = JSON.stringify(data.json, null, 2);
      if (!navigator.clipboard?.writeText) throw new Error('this browser has no clipboard access here');
      await navigator.clipboard.writeText(json);
      say(`Copied the JSON of ${data.what} (${size(json)}) to the clipboard.`);
      return;
    }
    let name;
    let text;
    if (action === 'json') {
      name = `${data.base}.json`;
      text = `${JSON.stringify(data.json, null, 2)}\n`;
      download(name, 'application/json', text);
    } else {
      name = `${data.base}-${action}.csv`;
      text = action === 'entities' ? entitiesCsv(data.docs, data.titles) : keywordsCsv(data.docs, data.titles);
      download(name, 'text/csv;charset=utf-8', text);
    }
    say(`Saved ${name} (${size(text)}).`);
  } catch (error) {
    clearTimeout(slow);
    say(`${action === 'copy' ? 'Could not copy' : 'Could not export'}: ${error?.message ?? error}.`, 'problem');
  }
}

// ---------------------------------------------------------------------------------------
// Articles: the list, pasting several at once, opening files and folders

/**
 * Pasted articles are separated by a line of three or more equals signs and nothing else,
 * something a person types and news text itself never has (a line of dashes it does).
 */
const SEPARATOR_LINE = /^[ \t]*={3,}[ \t]*\r?$/m;
/** The files of a folder that are opened: text, Markdown and HTML (others are skipped). */
const TEXT_FILE = /\.(?:txt|text|md|markdown|html?|xhtml)$/i;
const MAX_FOLDER_FILES = 500;
const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

/** The articles in a pasted text, split at separator lines, each trimmed; blank ones dropped. */
function splitArticles(text) {
  const parts = [];
  let lines = [];
  for (const line of text.split('\n')) {
    if (/^[ \t]*={3,}[ \t]*\r?$/.test(line)) {
      parts.push(lines.join('\n'));
      lines = [];
    } else {
      lines.push(line);
    }
  }
  parts.push(lines.join('\n'));
  return parts.map((part) => part.trim()).filter((part) => part !== '');
}

/**
 * An article's title: its first line with text that is not page furniture (a source or
 * editor credit, a date line: `furniture` is the analysis's `boilerplate`, when there is one
 * for this text), else its first line with text; trimmed, cut when very long, or ''.
 */
function titleOf(text, furniture = []) {
  const head = text.length > 4000 ? text.slice(0, 4000) : text;
  const lines = /\S[^\n]*/g;
  let title = null;
  for (let match; (match = lines.exec(head)); ) {
    const at = match.index;
    const end = at + match[0].length;
    const covering = furniture.find((f) => f.start <= at && at < f.end);
    // A line that furniture only opens (a dateline: "Jakarta, IDN Times - …") keeps the rest.
    const rest = covering ? head.slice(Math.min(covering.end, end), end).trim() : match[0];
    title ??= match[0];
    if (rest !== '') {
      title = rest;
      break;
    }
  }
  if (title === null) return '';
  const line = title.trim();
  return line.length > 140 ? `${line.slice(0, 139)}…` : line;
}
/** The page furniture the last analysis of `entry`'s text found, if its text is unchanged. */
const furnitureOf = (entry) => (entry.furniture?.text === entry.text ? entry.furniture.spans : []);
const entryTitle = (entry) => titleOf(entry.text, furnitureOf(entry)) || 'Untitled (empty)';

/** Keeps the furniture an analysis found in `text` for `entry`'s title; redraws the list when the title changes. */
function noteFurniture(entry, text, spans) {
  if (!entry || entry.text !== text) return;
  const before = entryTitle(entry);
  entry.furniture = { text, spans: spans ?? [] };
  if (entryTitle(entry) !== before) renderFileList();
}
const currentEntry = () => state.entries.find((e) => e.key === state.current) ?? null;
const entryByKey = (key) => state.entries.find((e) => e.key === key) ?? null;

function makeEntry(fields) {
  return { key: state.nextKey++, name: 'Pasted text', size: 0, text: '', format: 'pasted', note: '', stored: false, dirty: true, ...fields };
}

function addEntry(fields) {
  const entry = makeEntry(fields);
  state.entries.push(entry);
  setChanged();
  return entry;
}

/** The length of `text` in UTF-8, counted without encoding it (a lone surrogate counts 3, as U+FFFD). */
function utf8Length(text) {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** The size in bytes shown for an article: a file's own size, a pasted text's UTF-8 length. */
function sizeOf(entry) {
  if (entry.format !== 'pasted') return entry.size;
  if (entry.sizeOf !== entry.text) {
    entry.size = utf8Length(entry.text);
    entry.sizeOf = entry.text;
  }
  return entry.size;
}

/**
 * The set of articles changed (added, removed, edited, reordered): the comparison is out of
 * date, the storage needs writing, and "Clear all" can no longer be undone.
 */
function setChanged() {
  state.setVersion++;
  if (state.undo) {
    state.undo = null;
    els.fileMessage.querySelector('.undo')?.remove();
  }
  scheduleSave();
  if (state.tab === 'compare') scheduleCorpus();
  else if (els.compare) els.compare.dataset.pending = '1';
}

async function openFiles(fileList, { skipped = 0, from = '' } = {}) {
  const files = [...(fileList ?? [])];
  if (!files.length && !skipped) return;
  syncText(); // text typed before opening files is an article of its own, and is kept
  const problems = [];
  let first = null;
  let opened = 0;
  for (const file of files) {
    try {
      const { text, format, note } = await readFile(file);
      const entry = addEntry({ name: file.name, size: file.size, text, format, note: note ?? '' });
      if (!text.trim()) problems.push(`${file.name}: opened, but no text was found in it`);
      first ??= entry;
      opened++;
    } catch (error) {
      const reason = error instanceof NotTextError ? error.message : 'could not be read';
      problems.push(`${file.name}: ${reason}`);
    }
  }
  const summary = [`Opened ${opened} of ${files.length} ${files.length === 1 ? 'file' : 'files'}${from}.`];
  if (skipped) {
    summary.push(`Skipped ${fmt(skipped)} ${skipped === 1 ? 'file' : 'files'} that ${skipped === 1 ? 'is' : 'are'} not .txt, .md or .html` +
      `${skipped > 1 && files.length >= MAX_FOLDER_FILES ? ` or past the first ${MAX_FOLDER_FILES}` : ''}.`);
  }
  setFileMessage([...summary, ...problems], problems.length > 0);
  if (first) selectEntry(first.key);
  else renderFileList();
}

/** The text files of a folder (chosen with the folder button), in path order, and how many others there were. */
function folderFiles(fileList) {
  const all = [...(fileList ?? [])];
  const path = (file) => file.webkitRelativePath || file.name;
  const hidden = (file) => path(file).split('/').some((part) => part.startsWith('.'));
  const wanted = all.filter((file) => TEXT_FILE.test(file.name) && !hidden(file)).sort((a, b) => collator.compare(path(a), path(b)));
  const files = wanted.slice(0, MAX_FOLDER_FILES);
  return { files, skipped: all.length - files.length };
}

/**
 * The files of dropped items (FileSystemEntry objects): a file dropped on its own is opened
 * whatever its name; inside a dropped folder (and its folders) only text files are.
 */
async function droppedFiles(entries) {
  const files = [];
  let skipped = 0;
  const read = (reader) => new Promise((resolve, reject) => reader.readEntries(resolve, reject));
  const walk = async (entry, top) => {
    if (entry.isFile) {
      if (!top && (!TEXT_FILE.test(entry.name) || entry.name.startsWith('.'))) {
        skipped++;
        return;
      }
      if (files.length >= MAX_FOLDER_FILES) {
        skipped++;
        return;
      }
      try {
        files.push(await new Promise((resolve, reject) => entry.file(resolve, reject)));
      } catch {
        skipped++;
      }
    } else if (entry.isDirectory && (top || !entry.name.startsWith('.'))) {
      const reader = entry.createReader();
      const children = [];
      try {
        for (let batch = await read(reader); batch.length; batch = await read(reader)) children.push(...batch);
      } catch {
        // an unreadable folder adds nothing
      }
      children.sort((a, b) => collator.compare(a.name, b.name));
      for (const child of children) await walk(child, false);
    }
  };
  for (const entry of entries) await walk(entry, true);
  return { files, skipped };
}

function setFileMessage(lines, isProblem) {
  els.fileMessage.replaceChildren();
  els.fileMessage.dataset.kind = isProblem ? 'problem' : 'info';
  lines.forEach((line, i) => {
    if (i) els.fileMessage.append(document.createElement('br'));
    els.fileMessage.append(document.createTextNode(line));
  });
}

function selectEntry(key) {
  syncText();
  const entry = entryByKey(key);
  if (!entry) return;
  if (state.current !== key) pruneEmpty(key);
  state.current = key;
  els.text.value = entry.text;
  els.text.scrollTop = 0;
  els.text.setSelectionRange(0, 0);
  resetLimits();
  renderFileList();
  scheduleSave(); // the current article is kept too
  requestAnalysis();
}

/** Drops pasted articles whose text is gone (but `keep`): an article without text is none. */
function pruneEmpty(keep) {
  const before = state.entries.length;
  state.entries = state.entries.filter((e) => e.key === keep || e.format !== 'pasted' || e.text.trim() !== '');
  if (state.entries.length !== before) setChanged();
}

function removeEntry(key) {
  syncText();
  const index = state.entries.findIndex((e) => e.key === key);
  if (index === -1) return;
  const [removed] = state.entries.splice(index, 1);
  setChanged();
  if (state.current === key) {
    const next = state.entries[index] ?? state.entries[index - 1];
    if (next) {
      selectEntry(next.key);
    } else {
      state.current = null;
      els.text.value = '';
      resetLimits();
      requestAnalysis();
    }
  }
  renderFileList();
  setFileMessage([`Removed ${removed.format === 'pasted' ? `“${entryTitle(removed)}”` : removed.name}.`], false);
  const focusTarget = els.fileList.querySelector('[aria-current="true"]') ?? els.openFiles;
  focusTarget.focus();
}

/**
 * Typing only notes that the text box changed (its listener stays cheap however long the
 * text is); this copies the box into its article, making a new article of text typed into an
 * empty box, and splits text that arrived whole (a paste, a drop) at separator lines. Called
 * before anything reads the articles. True when the text was split into articles.
 */
function syncText() {
  if (!state.textPending) return false;
  state.textPending = false;
  const value = els.text.value;
  if (state.bulkPending) {
    state.bulkPending = false;
    if (SEPARATOR_LINE.test(value) && splitPasted(value)) return true;
  }
  let entry = currentEntry();
  if (!entry && value.trim() !== '') {
    entry = makeEntry({});
    state.entries.push(entry);
    state.current = entry.key;
  }
  if (entry && entry.text !== value) {
    entry.text = value;
    entry.dirty = true;
    setChanged();
  }
  return false;
}

/** Splits the text box at its separator lines into articles; false when it has fewer than two. */
function splitPasted(value) {
  const parts = splitArticles(value);
  if (parts.length < 2) return false;
  let entry = currentEntry();
  if (!entry) {
    entry = makeEntry({});
    state.entries.push(entry);
  }
  entry.text = parts[0];
  entry.dirty = true;
  const added = parts.slice(1).map((text) => makeEntry({ text }));
  state.entries.splice(state.entries.indexOf(entry) + 1, 0, ...added);
  setChanged();
  setFileMessage([`Split the text at its === lines into ${fmt(parts.length)} articles.`], false);
  selectEntry(entry.key);
  return true;
}

function renderFileList() {
  const n = state.entries.length;
  els.filePanel.hidden = n === 0;
  els.articleCount.textContent = n ? `(${fmt(n)})` : '';
  // A rebuilt list keeps the focus where it was (the same button of the same article).
  const focused = document.activeElement?.closest?.('#file-list button');
  const refocus = focused ? { key: focused.dataset.key, remove: focused.classList.contains('file-remove') } : null;
  const items = document.createDocumentFragment();
  state.entries.forEach((entry, i) => {
    const isCurrent = entry.key === state.current;
    const title = entryTitle(entry);
    entry.shownTitle = title;
    const details = [formatSize(sizeOf(entry)), entry.format === 'html' ? 'HTML → text' : entry.format === 'pasted' ? 'typed' : 'text'];
    if (entry.note) details.push(entry.note);
    const unkept = storage && !entry.stored && !entry.dirty && entry.text.trim() !== '';
    const open = h(
      'button',
      { className: 'file-open', attrs: { type: 'button', 'data-key': String(entry.key) } },
      [
        h('span', { className: 'file-num', text: String(i + 1), attrs: { 'aria-hidden': 'true' } }),
        hiddenText(`Article ${i + 1}: `),
        h('span', { className: 'file-text' }, [
          h('span', { className: 'article-title', text: title }),
          h('span', { className: 'file-meta' }, [
            h('span', { className: 'file-name', text: entry.name }),
            document.createTextNode(` · ${details.join(' · ')}`),
            unkept ? h('span', { className: 'file-unkept', text: ' · not kept after a reload' }) : null,
          ]),
        ]),
      ],
    );
    if (isCurrent) open.setAttribute('aria-current', 'true');
    open.addEventListener('click', () => {
      showTab('article');
      if (entry.key !== state.current) selectEntry(entry.key);
    });
    const remove = h('button', {
      className: 'file-remove',
      text: '×',
      attrs: { type: 'button', 'data-key': String(entry.key), 'aria-label': `Remove article ${i + 1}: ${title}`, title: `Remove ${title}` },
    });
    remove.addEventListener('click', () => removeEntry(entry.key));
    items.append(h('li', { className: isCurrent ? 'file-item current' : 'file-item', attrs: { 'data-key': String(entry.key) } }, [open, remove]));
  });
  els.fileList.replaceChildren(items);
  if (refocus) {
    const again = els.fileList.querySelector(`${refocus.remove ? '.file-remove' : '.file-open'}[data-key="${refocus.key}"]`);
    again?.focus({ preventScroll: true });
  }
  renderTabs();
  renderEditing();
  renderArticleExport();
}

/** The line above the text box that says which article it holds. */
function renderEditing() {
  const n = state.entries.length;
  const at = state.entries.findIndex((e) => e.key === state.current);
  let text = '';
  if (at >= 0) {
    const entry = state.entries[at];
    text = `Article ${fmt(at + 1)} of ${fmt(n)}${entry.format === 'pasted' ? '' : ` · ${entry.name}`}`;
  } else if (n) {
    text = `A new article (${fmt(n)} loaded: type or paste to add one)`;
  }
  if (els.editing.textContent !== text) els.editing.textContent = text;
  els.editing.hidden = text === '';
}

/** The first line of the article being typed is its title in the list: redraw it when it changes. */
function refreshTitle() {
  const entry = currentEntry();
  if (entry && entryTitle(entry) !== entry.shownTitle) renderFileList();
}

// ---------------------------------------------------------------------------------------
// Keeping the articles across reloads
//
// localStorage, under keys that start with "kupas.v1.": an index (the articles' names and
// order, and which one is open) and one key per article's text, so that an edit rewrites
// that article only. Browsers give a page about 5 MB of it (Chromium: 10 MiB counted in
// UTF-16, so 5.2 million characters for keys and values together). An article that does not
// fit (a 5 MB one next to a few others) stays open but is not kept: writing it throws
// QuotaExceededError, the list marks it "not kept after a reload", a message says why, and
// the others are kept as before. Writing waits for a pause in typing, and happens at once
// when the page is hidden or closed. Nothing is ever sent anywhere.

const STORE = 'kupas.v1.';
const SAVE_MS = 400;
const STORAGE_CHARS = 5 * 1024 * 1024; // what the message says a page may keep, in characters
let saveTimer = 0;
let storage = null;
try {
  storage = window.localStorage;
  storage.getItem(`${STORE}index`); // throws where storage is switched off
} catch {
  storage = null;
}

function scheduleSave() {
  if (!storage) return;
  clearTimeout(saveTimer);
  saveTimer = setTimeout(saveNow, SAVE_MS);
}

/** The keys of this page's storage (all of them start with STORE). */
function storedKeys() {
  const keys = [];
  for (let i = 0; i < storage.length; i++) {
    const key = storage.key(i);
    if (key?.startsWith(STORE)) keys.push(key);
  }
  return keys;
}

function saveNow() {
  clearTimeout(saveTimer);
  saveTimer = 0;
  if (!storage) return;
  syncText();
  const failed = [];
  let changedFlags = false;
  try {
    for (const entry of state.entries) {
      if (!entry.dirty) continue;
      entry.dirty = false;
      const key = `${STORE}text.${entry.key}`;
      const was = entry.stored;
      if (entry.text.trim() === '') {
        entry.stored = false;
      } else if (entry.text.length > STORAGE_CHARS) {
        // Larger than any browser keeps: not even tried (a write of megabytes blocks the page).
        entry.stored = false;
        failed.push({ entry, error: { name: 'QuotaExceededError' } });
        try {
          storage.removeItem(key);
        } catch {
          // nothing more to do
        }
      } else {
        try {
          storage.setItem(key, entry.text);
          entry.stored = true;
        } catch (error) {
          // QuotaExceededError (or storage switched off meanwhile): this article is not kept,
          // and no older copy of it is left behind to come back after a reload.
          entry.stored = false;
          failed.push({ entry, error });
          try {
            storage.removeItem(key);
          } catch {
            // nothing more to do
          }
        }
      }
      if (entry.stored !== was) changedFlags = true;
    }
    const kept = state.entries.filter((e) => e.stored);
    const wanted = new Set(kept.map((e) => `${STORE}text.${e.key}`));
    for (const key of storedKeys()) if (key.startsWith(`${STORE}text.`) && !wanted.has(key)) storage.removeItem(key);
    if (!state.entries.length) {
      storage.removeItem(`${STORE}index`);
    } else {
      const index = {
        current: kept.some((e) => e.key === state.current) ? state.current : null,
        next: state.nextKey,
        articles: kept.map(({ key, name, size, format, note }) => ({ key, name, size, format, note })),
      };
      storage.setItem(`${STORE}index`, JSON.stringify(index));
    }
  } catch (error) {
    failed.push({ entry: null, error });
  }
  reportStorage(failed);
  if (changedFlags || failed.length) renderFileList();
}

/** Says which articles are not kept after a reload, and why; says nothing when all are. */
function reportStorage(failed) {
  const unkept = state.entries.filter((e) => !e.stored && e.text.trim() !== '');
  if (!unkept.length && !failed.some((f) => !f.entry)) {
    els.storageMessage.replaceChildren();
    delete els.storageMessage.dataset.kind;
    return;
  }
  const used = state.entries.reduce((sum, e) => sum + (e.stored ? e.text.length : 0), 0);
  const names = unkept.slice(0, 3).map((e) => `“${entryTitle(e)}” (${formatSize(sizeOf(e))})`);
  const more = unkept.length > 3 ? ` and ${fmt(unkept.length - 3)} more` : '';
  const full = failed.some((f) => f.error?.name === 'QuotaExceededError' || f.error?.code === 22);
  const lines = [
    unkept.length
      ? `Not kept after a reload: ${names.join(', ')}${more}. ${unkept.length === 1 ? 'It stays' : 'They stay'} open until you reload or leave the page.`
      : 'The list of articles could not be written to this browser\u2019s storage.',
    `${full || !failed.length ? 'The browser\u2019s storage for this page is full' : 'The browser refused to store it'}: it holds about ` +
      `${formatSize(STORAGE_CHARS)} of text, and the articles kept use ${formatSize(used)}. Remove some articles to make room.`,
  ];
  els.storageMessage.dataset.kind = 'problem';
  els.storageMessage.replaceChildren(document.createTextNode(lines[0]), document.createElement('br'), document.createTextNode(lines[1]));
}

/** Puts back the articles kept by an earlier visit; false when there were none. */
function restoreArticles() {
  if (!storage) return false;
  let index = null;
  try {
    index = JSON.parse(storage.getItem(`${STORE}index`) ?? 'null');
  } catch {
    index = null;
  }
  if (!index || !Array.isArray(index.articles)) return false;
  const seen = new Set();
  for (const item of index.articles) {
    const key = Number(item?.key);
    if (!Number.isInteger(key) || key < 1 || seen.has(key)) continue;
    const text = storage.getItem(`${STORE}text.${key}`);
    if (typeof text !== 'string') continue;
    seen.add(key);
    const format = ['text', 'html', 'pasted'].includes(item.format) ? item.format : 'text';
    state.entries.push({
      key,
      name: String(item.name ?? 'Pasted text'),
      size: Number(item.size) || 0,
      text,
      format,
      note: String(item.note ?? ''),
      stored: true,
      dirty: false,
    });
  }
  if (!state.entries.length) return false;
  state.nextKey = Math.max(Number(index.next) || 1, ...state.entries.map((e) => e.key + 1));
  state.setVersion++;
  const n = state.entries.length;
  setFileMessage([`Restored ${fmt(n)} ${n === 1 ? 'article' : 'articles'} kept in this browser.`], false);
  selectEntry((entryByKey(Number(index.current)) ?? state.entries[0]).key);
  return true;
}

/** Removes every article, here and in storage; "Undo" brings them back until the next change. */
function clearAll() {
  syncText();
  const removed = { entries: state.entries, current: state.current };
  const n = removed.entries.length;
  state.entries = [];
  state.current = null;
  els.text.value = '';
  setChanged();
  if (storage) {
    clearTimeout(saveTimer);
    saveTimer = 0;
    try {
      for (const key of storedKeys()) storage.removeItem(key);
    } catch {
      // storage switched off meanwhile: nothing is kept anyway
    }
  }
  reportStorage([]);
  state.undo = removed;
  resetLimits();
  renderFileList();
  requestAnalysis();
  const undo = h('button', { className: 'button button-small undo', text: 'Undo', attrs: { type: 'button' } });
  undo.addEventListener('click', undoClearAll);
  setFileMessage([`Removed ${fmt(n)} ${n === 1 ? 'article' : 'articles'} from this page and from this browser\u2019s storage.`], false);
  els.fileMessage.append(' ', undo);
  undo.focus();
}

function undoClearAll() {
  const undo = state.undo;
  if (!undo) return;
  state.undo = null;
  state.entries = undo.entries;
  for (const entry of state.entries) entry.dirty = true;
  setChanged();
  const n = state.entries.length;
  setFileMessage([`Restored ${fmt(n)} ${n === 1 ? 'article' : 'articles'}.`], false);
  const current = entryByKey(undo.current) ?? state.entries[0];
  if (current) selectEntry(current.key);
  else renderFileList();
  (els.fileList.querySelector('[aria-current="true"]') ?? els.text).focus();
}

// ---------------------------------------------------------------------------------------
// Events

/** True for input that arrives all at once (a paste, a drop, a script), not a keystroke. */
function isBulkInput(event) {
  if (!(event instanceof InputEvent)) return true;
  const type = event.inputType ?? '';
  return type === '' || type.startsWith('insertFrom') || type === 'insertReplacementText' || (type === 'insertText' && (event.data ?? '').includes('\n'));
}

// The text box's listener only takes note (reading a long text box's value costs time):
// syncText, on the analysis request or before anything reads the articles, does the rest.
// Pasted articles with separator lines between them become articles of their own; a
// separator typed by hand does so when the text box is left.
els.text.addEventListener('input', (event) => {
  state.textPending = true;
  if (isBulkInput(event)) state.bulkPending = true;
  if (state.tab === 'compare') scheduleCorpus();
  scheduleAnalysis();
});
els.text.addEventListener('change', () => {
  state.textPending = true;
  state.bulkPending = true;
  syncText();
});

els.openFiles.addEventListener('click', () => els.fileInput.click());
els.fileInput.addEventListener('change', async () => {
  await openFiles(els.fileInput.files);
  els.fileInput.value = ''; // so the same file can be opened again
});
els.openFolder.addEventListener('click', () => els.folderInput.click());
els.folderInput.addEventListener('change', async () => {
  const { files, skipped } = folderFiles(els.folderInput.files);
  await openFiles(files, { skipped, from: ' from the folder' });
  els.folderInput.value = '';
});

/** Empties the text box for a new article; the list keeps what it holds (empty ones go). */
function emptyBox() {
  pruneEmpty(null);
  state.current = null;
  els.text.value = '';
  resetLimits();
  renderFileList();
  scheduleSave();
  requestAnalysis();
}

els.addArticle.addEventListener('click', () => {
  syncText();
  // The article in the box stays in the list; the box is emptied for the next one.
  emptyBox();
  showTab('article');
  els.text.focus();
});

els.clear.addEventListener('click', () => {
  syncText();
  // Clearing empties the text box. A typed or pasted article is its text, so it goes with
  // it; a loaded file is never destroyed: it stays in the list (× removes it).
  const entry = currentEntry();
  if (entry?.format === 'pasted') entry.text = '';
  emptyBox();
  els.text.focus();
});

els.clearAll.addEventListener('click', clearAll);

let dragDepth = 0;
const carriesFiles = (event) => Array.from(event.dataTransfer?.types ?? []).includes('Files');
document.addEventListener('dragenter', (event) => {
  if (!carriesFiles(event)) return;
  event.preventDefault();
  dragDepth++;
  els.dropOverlay.hidden = false;
});
document.addEventListener('dragover', (event) => {
  if (!carriesFiles(event)) return;
  event.preventDefault();
  event.dataTransfer.dropEffect = 'copy';
});
document.addEventListener('dragleave', (event) => {
  if (!carriesFiles(event)) return;
  dragDepth = Math.max(0, dragDepth - 1);
  if (dragDepth === 0) els.dropOverlay.hidden = true;
});
document.addEventListener('drop', (event) => {
  if (!carriesFiles(event)) return;
  event.preventDefault();
  dragDepth = 0;
  els.dropOverlay.hidden = true;
  // A dropped folder is read through its entries, which must be taken during the event.
  const entries = [...(event.dataTransfer.items ?? [])]
    .filter((item) => item.kind === 'file')
    .map((item) => item.webkitGetAsEntry?.() ?? null);
  if (entries.some((entry) => entry?.isDirectory)) {
    droppedFiles(entries.filter(Boolean)).then(({ files, skipped }) => openFiles(files, { skipped, from: ' from the folder' }));
  } else {
    openFiles(event.dataTransfer.files);
  }
});

// The two views: this article, and the comparison of all (when there are two or more).
// Arrow keys, Home and End move between the tabs (and show the one reached).
els.tabArticle.addEventListener('click', () => showTab('article'));
els.tabCompare.addEventListener('click', () => showTab('compare'));
els.viewTabs.addEventListener('keydown', (event) => {
  if (event.altKey || event.ctrlKey || event.metaKey) return;
  const compare = state.tab === 'compare';
  let to = null;
  if (event.key === 'ArrowRight' || event.key === 'ArrowLeft') to = compare ? 'article' : 'compare';
  else if (event.key === 'Home') to = 'article';
  else if (event.key === 'End') to = 'compare';
  if (!to) return;
  event.preventDefault();
  showTab(to, { focus: true });
});

for (const bar of document.querySelectorAll('.export-bar')) {
  bar.addEventListener('click', (event) => {
    const button = event.target.closest('button[data-export]');
    if (button) runExport(bar, button.dataset.export);
  });
}

window.addEventListener('pagehide', () => {
  if (saveTimer || state.textPending) saveNow();
});
document.addEventListener('visibilitychange', () => {
  if (document.visibilityState === 'hidden' && (saveTimer || state.textPending)) saveNow();
});

// Keywords and entities: a click (or Enter, or Space) selects one and goes to its first
// place; on the selected one it goes to the next place. Shift+Enter and ← go back, → forward,
// ↑ ↓ Home End move along the list, Esc clears.
els.keywords.addEventListener('click', (event) => {
  const button = event.target.closest('.keyword');
  if (button) selectItem('keyword', button.dataset.key);
});
els.entityGroups.addEventListener('click', (event) => {
  const button = event.target.closest('.entity');
  if (button) selectItem('entity', button.dataset.key);
});

function onListKeydown(event, kind, selector, container) {
  const button = event.target.closest(selector);
  if (!button || event.altKey || event.ctrlKey || event.metaKey) return;
  const buttons = [...container.querySelectorAll(selector)];
  const at = buttons.indexOf(button);
  const focus = (i) => buttons[Math.max(0, Math.min(buttons.length - 1, i))]?.focus();
  switch (event.key) {
    case 'Enter':
      if (!event.shiftKey) return; // the button's own click does it
      selectItem(kind, button.dataset.key, { step: -1 });
      break;
    case 'ArrowRight':
      selectItem(kind, button.dataset.key, { step: 1 });
      break;
    case 'ArrowLeft':
      selectItem(kind, button.dataset.key, { step: -1 });
      break;
    case 'ArrowDown':
      focus(at + 1);
      break;
    case 'ArrowUp':
      focus(at - 1);
      break;
    case 'Home':
      focus(0);
      break;
    case 'End':
      focus(buttons.length - 1);
      break;
    case 'Escape':
      if (!state.selected) return;
      clearSelection();
      break;
    default:
      return;
  }
  event.preventDefault();
}
els.keywords.addEventListener('keydown', (event) => onListKeydown(event, 'keyword', '.keyword', els.keywords));
els.entityGroups.addEventListener('keydown', (event) => onListKeydown(event, 'entity', '.entity', els.entityGroups));

els.hitPrev.addEventListener('click', () => stepHit(-1));
els.hitNext.addEventListener('click', () => stepHit(1));
els.hitClear.addEventListener('click', () => {
  const { kind, key } = state.selected ?? {};
  clearSelection();
  if (key !== undefined) selectionButton(kind, key)?.focus();
});

// The legend's switches show or hide the highlights of one entity type.
els.entityLegend.addEventListener('click', (event) => {
  const button = event.target.closest('.legend-type');
  if (!button) return;
  const label = button.dataset.label;
  if (state.hiddenTypes.has(label)) state.hiddenTypes.delete(label);
  else state.hiddenTypes.add(label);
  const shown = !state.hiddenTypes.has(label);
  button.setAttribute('aria-pressed', String(shown));
  button.title = `${shown ? 'Hide' : 'Show'} the highlights of ${entityType(label).plural.toLowerCase()}`;
  renderReading({ reveal: false });
});

// In the text: a click on a place of the selection makes it the current one; a click on an
// entity highlight selects that entity at that place. Tab reaches one highlight; from there
// ← → go to the previous and next highlight, Home and End to the first and last, Enter or
// Space selects its entity, Esc hides the tooltip, then clears the selection.
els.readingView.addEventListener('click', (event) => {
  if (!window.getSelection()?.isCollapsed) return; // the reader is selecting text to copy
  const mark = event.target.closest?.('mark.hit');
  if (mark && state.selected) {
    setCurrentHit(Number(mark.dataset.occurrence), { reveal: false });
    return;
  }
  const mention = event.target.closest?.('.ent');
  if (mention) selectMention(mention);
});
els.readingView.addEventListener('keydown', (event) => {
  const mention = event.target.closest?.('.ent');
  if (event.key === 'Escape') {
    if (!els.tip.hidden) hideTip();
    else if (state.selected) clearSelection();
    else return;
    event.preventDefault();
    return;
  }
  if (!mention || event.altKey || event.ctrlKey || event.metaKey) return;
  const at = state.mentionHeads.indexOf(mention);
  switch (event.key) {
    case 'ArrowRight':
      focusMention(at + 1);
      break;
    case 'ArrowLeft':
      focusMention(Math.max(0, at - 1));
      break;
    case 'Home':
      focusMention(0);
      break;
    case 'End':
      focusMention(state.mentionHeads.length - 1);
      break;
    case 'Enter':
    case ' ':
      selectMention(mention);
      break;
    default:
      return;
  }
  event.preventDefault();
});
els.readingView.addEventListener('mouseover', (event) => {
  const mention = event.target.closest?.('.ent');
  if (!mention) return;
  // The tooltip of a highlight that has keyboard focus stays put: the text under a still
  // pointer changes when the view is redrawn, and that is no reason to take it away.
  const focused = document.activeElement;
  if (focused !== mention && focused === tipAnchor && focused?.matches(':focus-visible')) return;
  showTip(mention);
});
els.readingView.addEventListener('mouseout', (event) => {
  const mention = event.target.closest?.('.ent');
  if (!mention || mention !== tipAnchor) return;
  const to = event.relatedTarget;
  if (to && (mention.contains(to) || els.tip.contains(to))) return;
  hideTipSoon();
});
els.readingView.addEventListener('focusin', (event) => {
  const mention = event.target.closest?.('.ent');
  if (!mention) return;
  mention.setAttribute('aria-describedby', 'entity-tip');
  showTip(mention);
});
els.readingView.addEventListener('focusout', (event) => {
  const mention = event.target.closest?.('.ent');
  if (!mention) return;
  mention.removeAttribute('aria-describedby');
  if (tipAnchor === mention && !mention.matches(':hover')) hideTip();
});
els.tip.addEventListener('mouseenter', () => clearTimeout(tipHideTimer));
els.tip.addEventListener('mouseleave', () => hideTipSoon());
els.readingView.addEventListener('scroll', followTip, { passive: true });
window.addEventListener('scroll', followTip, { passive: true });
window.addEventListener('resize', followTip, { passive: true });
document.addEventListener('keydown', (event) => {
  if (event.key === 'Escape' && !els.tip.hidden && !els.readingView.contains(event.target)) hideTip();
});

// The articles kept by an earlier visit come back. Otherwise a browser may have restored the
// text box after a reload: whatever is there is an article, and is analyzed.
if (!restoreArticles()) {
  state.textPending = els.text.value !== '';
  requestAnalysis();
}
