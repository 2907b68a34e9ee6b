// kupas web page. No framework. Rule of this file: text that comes from the user or from a
// file only ever reaches the page through `textContent` or new text nodes, never as markup.

const DEBOUNCE_MS = 30;
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
  openFiles: $('open-files'),
  fileInput: $('file-input'),
  clear: $('clear-text'),
  filePanel: $('file-panel'),
  fileList: $('file-list'),
  fileMessage: $('file-message'),
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
  sentences: $('sentences'),
  sentencesMore: $('sentences-more'),
  dropOverlay: $('drop-overlay'),
  version: $('version'),
};

const numberFormat = new Intl.NumberFormat('en-US');
const fmt = (n) => numberFormat.format(n);

/** Builds an element; `text` is set with textContent, so it is never parsed as markup. */
function h(tag, { className, text, attrs } = {}, children = []) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  if (attrs) for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
  for (const child of children) if (child) node.append(child);
  return node;
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
  entries: [], // { key, name, size, text, format: 'text' | 'html' | 'pasted', note }
  current: null, // key of the entry shown in the text area, or null for free text
  nextKey: 1,
  seq: 0, // id of the newest request
  latest: { id: 0, text: '' }, // the newest request (the only answer that may be shown)
  inFlight: false,
  queued: null, // newest request waiting for the worker to become free
  debounce: 0,
  slowTimer: 0,
  ready: false,
  failed: false,
  limits: new Map(), // kind → number of distinct tokens shown ("Show more" raises it)
  sentenceLimit: FIRST_SENTENCES,
  closedKinds: new Set(['punct']), // kinds whose token list the user has folded
  keywordLimit: 0, // keywords listed ("Show more" raises it); 0 for the default of the screen size
  view: null, // { text, result, ms } last rendered
  // The selected keyword (by key, so that it survives a new analysis of edited text) and the
  // index of the current place among its shown occurrences; -1 before the first step.
  selected: null, // { key, index } or null
  hits: [], // per shown occurrence of the selected keyword, in text order: its <mark> pieces
  hitsPastShown: 0, // occurrences of the selected keyword past the part of a long text shown
};

function setStatus(message, kind = '') {
  els.status.textContent = message;
  els.status.dataset.kind = kind;
}

// ---------------------------------------------------------------------------------------
// The worker and request scheduling

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

function failWorker(message) {
  state.failed = true;
  state.inFlight = false;
  state.queued = null;
  setStatus(message, 'error');
  clearResults('error');
  markRendered(state.seq);
}

/**
 * No results to show: `'empty'` shows the "nothing to analyze" note, `'error'` shows
 * nothing (the status line says what went wrong).
 */
function clearResults(why) {
  state.view = null;
  state.selected = null;
  state.hits = [];
  els.empty.hidden = why !== 'empty';
  els.results.hidden = true;
  els.results.dataset.state = why;
}

// `data-pending` on the results marks a request waiting for the debounce; `data-requested`
// and `data-rendered` hold the newest request's id and the id last shown (tests wait on them).
function scheduleAnalysis(delay = DEBOUNCE_MS) {
  clearTimeout(state.debounce);
  els.results.dataset.pending = '1';
  state.debounce = setTimeout(requestAnalysis, delay);
}

function requestAnalysis() {
  clearTimeout(state.debounce);
  delete els.results.dataset.pending;
  const text = els.text.value;
  const id = ++state.seq;
  state.latest = { id, text };
  els.results.dataset.requested = String(id);
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
  if (state.inFlight) state.queued = job;
  else send(job);
}

function send(job) {
  state.inFlight = true;
  clearTimeout(state.slowTimer);
  state.slowTimer = setTimeout(() => {
    if (state.inFlight) setStatus(state.ready ? 'Analyzing…' : 'Loading the analyzer…', 'busy');
  }, SLOW_MS);
  worker.postMessage(job);
}

function onWorkerMessage(event) {
  const message = event.data;
  if ('ready' in message) {
    if (message.ready) {
      state.ready = true;
      els.version.textContent = message.version;
      setStatus('Ready', 'ok');
    } else {
      failWorker(`The analyzer could not be loaded: ${message.error}`);
    }
    return;
  }
  state.inFlight = false;
  clearTimeout(state.slowTimer);
  if (state.queued) {
    const job = state.queued;
    state.queued = null;
    send(job);
  } else if (state.ready && !state.failed) {
    setStatus('Ready', 'ok');
  }
  // Only the answer to the newest request may be shown: an older one is out of date.
  if (message.id !== state.latest.id) return;
  if (message.error) {
    setStatus(`Analysis failed: ${message.error}`, 'error');
    clearResults('error');
    markRendered(message.id);
    return;
  }
  state.view = { text: state.latest.text, result: message.result, ms: message.ms };
  render();
  markRendered(message.id);
}

function markRendered(id) {
  els.results.dataset.rendered = String(id);
}

// ---------------------------------------------------------------------------------------
// Rendering

function render() {
  const { text, result, ms } = state.view;
  els.empty.hidden = true;
  els.results.hidden = false;
  els.results.dataset.state = 'ready';

  const { language, stats } = result;
  els.langName.textContent = LANGUAGES[language.code] ?? language.code;
  els.langCode.textContent = language.code;
  els.langConfidence.textContent =
    language.confidence > 0 ? `${Math.round(language.confidence * 100)}% confidence` : 'not enough text to tell';
  setNumber(els.characters, stats.characters);
  setNumber(els.words, stats.words);
  setNumber(els.sentencesStat, stats.sentences);
  els.reading.dataset.value = String(stats.readingMinutes);
  els.reading.textContent = stats.readingMinutes === 0 ? '—' : `${fmt(stats.readingMinutes)} min`;
  els.time.textContent = formatMs(ms);

  renderFurnitureSummary(result.boilerplate ?? []);
  renderNotes(result.notes ?? []);
  renderKeywords(result.keywords ?? []);
  renderReading({ reveal: false });
  renderTokens(text, result.tokens ?? []);
  renderSentences(text, result.sentences);
}

function setNumber(node, value) {
  node.dataset.value = String(value);
  node.textContent = fmt(value);
}

// ---------------------------------------------------------------------------------------
// Notes, keywords and the reading view

function renderFurnitureSummary(spans) {
  if (!spans.length) {
    els.furnitureSummary.hidden = true;
    els.furnitureSummary.textContent = '';
    return;
  }
  const kinds = [...new Set(spans.map((span) => FURNITURE[span.kind] ?? span.kind))];
  const what = spans.length === 1 ? '1 piece of page furniture' : `${fmt(spans.length)} pieces of page furniture`;
  els.furnitureSummary.textContent = `Words and sentences count the story only: ${what} (${kinds.join(', ')}) left out.`;
  els.furnitureSummary.hidden = false;
}

function renderNotes(notes) {
  els.notes.replaceChildren(
    ...notes.map((note) => h('li', { className: 'note', text: note.message, attrs: { 'data-code': String(note.code) } })),
  );
  els.notes.hidden = notes.length === 0;
}

/** The keywords of the analysis on screen. */
const currentKeywords = () => state.view?.result.keywords ?? [];

function renderKeywords(keywords) {
  const focusedKey = document.activeElement?.closest?.('#keywords .keyword')?.dataset.key;
  if (state.selected && !keywords.some((k) => k.key === state.selected.key)) state.selected = null;
  let limit = state.keywordLimit || (narrowScreen.matches ? FIRST_KEYWORDS_NARROW : keywords.length);
  // The selected keyword stays listed.
  const selectedRank = state.selected ? keywords.findIndex((k) => k.key === state.selected.key) : -1;
  if (selectedRank >= limit) limit = selectedRank + 1;
  const items = document.createDocumentFragment();
  keywords.slice(0, limit).forEach((keyword, rank) => {
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
    items.append(h('li', {}, [button]));
  });
  els.keywords.replaceChildren(items);
  renderMore(els.keywordsMore, keywords.length - limit, keywords.length, 'keywords', () => {
    state.keywordLimit = keywords.length;
    renderKeywords(keywords);
    updateStepper();
    els.keywords.querySelectorAll('.keyword')[limit]?.focus();
  });
  els.keywordsEmpty.hidden = keywords.length > 0;
  els.keywords.hidden = keywords.length === 0;
  if (focusedKey !== undefined) keywordButton(focusedKey)?.focus();
}

function keywordButton(key) {
  for (const button of els.keywords.querySelectorAll('.keyword')) if (button.dataset.key === key) return button;
  return null;
}

/** Selects the keyword with `key` (if another one was selected) and shows its first place. */
function selectKeyword(key, { step = 1 } = {}) {
  if (state.selected?.key === key) {
    stepHit(step);
    return;
  }
  state.selected = { key, index: -1 };
  renderReading({ reveal: false });
  stepHit(step);
}

function clearKeyword() {
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
  const keyword = state.selected && currentKeywords().find((k) => k.key === state.selected.key);
  for (const button of els.keywords.querySelectorAll('.keyword')) {
    button.setAttribute('aria-pressed', String(Boolean(keyword) && button.dataset.key === keyword.key));
  }
  const count = state.hits.length;
  els.hitPrev.disabled = els.hitNext.disabled = !keyword || count === 0;
  els.hitClear.disabled = !keyword;
  els.readingView.dataset.selected = keyword ? keyword.key : '';
  if (!keyword) {
    els.hitPosition.textContent = 'No keyword selected';
    return;
  }
  const hidden = state.hitsPastShown;
  const where = state.selected.index >= 0 ? `${fmt(state.selected.index + 1)} of ${fmt(count)}` : `${fmt(count)} places`;
  els.hitPosition.textContent = `“${keyword.text}”: ${where}${hidden > 0 ? ` (${fmt(hidden)} more past the shown text)` : ''}`;
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
 * Draws the analyzed text: page furniture dimmed, the selected keyword's occurrences marked.
 * Only text nodes, <span> and <mark> elements are created; the text is never parsed.
 */
function renderReading({ reveal }) {
  const view = state.view;
  if (!view) return;
  const { text, result } = view;
  const shownLength = safeCut(text, READING_LIMIT);
  const keyword = state.selected && (result.keywords ?? []).find((k) => k.key === state.selected.key);
  if (!keyword) state.selected = null;

  const furniture = cleanSpans(result.boilerplate ?? [], shownLength);
  // Occurrences that run past the shown part are left out rather than cut.
  const all = keyword ? cleanSpans(keyword.occurrences ?? [], text.length) : [];
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
  // Inside a block: furniture <span>s, and <mark>s (inside a furniture span if they overlap).
  const fragment = document.createDocumentFragment();
  const marks = hits.map(() => []);
  const NONE = {}; // "no holder yet" in a new block, different from null (no furniture)
  const started = new Set(); // furniture spans already begun (their label is shown once)
  let block = null;
  let blockChars = 0;
  let blockLines = 0;
  let holder = null; // where text goes: the current furniture <span>, or the block
  let holderSpan = NONE;
  let mark = null;
  let markHit = null;
  const closeBlock = () => {
    // The size kept for the block while it is not laid out: its lines, plus wrapping.
    if (block) block.style.containIntrinsicSize = `auto ${(Math.ceil(blockLines + blockChars / 60) * 1.7).toFixed(1)}em`;
    block = null;
  };
  const write = (piece, span, hit) => {
    if (!block) {
      block = h('span', { className: 'block' });
      fragment.append(block);
      blockChars = 0;
      blockLines = 1;
      holderSpan = NONE;
    }
    if (span !== holderSpan) {
      holderSpan = span;
      mark = null;
      if (span) {
        const kind = String(span.span.kind ?? '');
        holder = h('span', {
          className: started.has(span) ? 'furniture furniture-more' : 'furniture',
          attrs: { 'data-kind': kind, title: `Page furniture: ${kind}` },
        });
        started.add(span);
        block.append(holder);
      } else {
        holder = block;
      }
    }
    blockChars += piece.length;
    if (!hit) {
      mark = null;
      holder.append(piece);
      return;
    }
    if (!mark || markHit !== hit) {
      mark = h('mark', { className: 'hit', attrs: { 'data-occurrence': String(hit.n) } });
      markHit = hit;
      marks[hit.n].push(mark);
      holder.append(mark);
    }
    mark.append(piece);
  };
  let newline = -1; // the next line break at or after the current position (kept, not searched again)
  for (const { start, end, covers } of pieces(shownLength, [furniture, hits])) {
    const [span, hit] = covers;
    let at = start;
    while (at < end) {
      if (newline < at) {
        newline = text.indexOf('\n', at);
        if (newline === -1) newline = Infinity;
      }
      const stop = newline >= end ? end : newline + 1;
      write(text.slice(at, stop), span, hit);
      if (stop === newline + 1) {
        blockLines++;
        if (blockChars >= BLOCK_CHARS) closeBlock();
      }
      at = stop;
    }
  }
  closeBlock();
  if (shownLength < text.length) {
    fragment.append(h('span', { className: 'reading-cut', text: '…', attrs: { 'aria-hidden': 'true' } }));
  }

  // No scroll position is read or set here: that would force a layout on every keystroke.
  // The box keeps its scroll position (clamped to the new text) by itself.
  els.readingView.replaceChildren(fragment);
  state.hits = marks;
  els.readingView.dataset.shown = String(shownLength);

  if (shownLength < text.length) {
    els.readingNote.textContent =
      `This text is long: only its first ${fmt(shownLength)} of ${fmt(text.length)} characters are shown ` +
      'here, and keywords are highlighted in that part only. Every other result covers the whole text.';
    els.readingNote.hidden = false;
  } else {
    els.readingNote.hidden = true;
    els.readingNote.textContent = '';
  }

  if (state.selected) {
    const index = Math.min(state.selected.index, marks.length - 1);
    state.selected.index = -1;
    if (index >= 0) setCurrentHit(index, { reveal });
    else updateStepper();
  } else {
    updateStepper();
  }
}

/** Groups tokens by kind, then by key; the shown surface is the most frequent form of a key. */
function groupTokens(text, tokens) {
  const groups = new Map();
  for (const token of tokens) {
    let group = groups.get(token.kind);
    if (!group) groups.set(token.kind, (group = { count: 0, byKey: new Map() }));
    group.count++;
    const surface = text.slice(token.start, token.end);
    let entry = group.byKey.get(token.key);
    if (!entry) group.byKey.set(token.key, (entry = { count: 0, surfaces: new Map(), order: group.byKey.size }));
    entry.count++;
    entry.surfaces.set(surface, (entry.surfaces.get(surface) ?? 0) + 1);
  }
  const known = KINDS.map(([kind]) => kind).filter((kind) => groups.has(kind));
  const unknown = [...groups.keys()].filter((kind) => !KIND_LABEL.has(kind));
  return [...known, ...unknown].map((kind) => {
    const group = groups.get(kind);
    const distinct = [...group.byKey.values()]
      .sort((a, b) => b.count - a.count || a.order - b.order)
      .map((entry) => {
        let best = '';
        let bestCount = -1;
        for (const [surface, count] of entry.surfaces) {
          if (count > bestCount) [best, bestCount] = [surface, count];
        }
        return { surface: best, count: entry.count };
      });
    return { kind, count: group.count, distinct };
  });
}

function renderTokens(text, tokens) {
  const groups = groupTokens(text, tokens);
  const total = tokens.length;

  const bar = document.createDocumentFragment();
  const rows = document.createDocumentFragment();
  for (const { kind, count, distinct } of groups) {
    const segment = h('span', { className: `kind-segment k-${safeKind(kind)}` });
    segment.style.flexGrow = String(count); // CSSOM, allowed by the style-src policy
    bar.append(segment);

    const share = total ? (count / total) * 100 : 0;
    const meter = h('span', { className: `share-bar k-${safeKind(kind)}` });
    meter.style.width = `${share.toFixed(1)}%`;
    rows.append(
      h('tr', { attrs: { 'data-kind': kind } }, [
        h('th', { attrs: { scope: 'row' } }, [
          h('span', { className: `swatch k-${safeKind(kind)}`, attrs: { 'aria-hidden': 'true' } }),
          h('span', { text: KIND_LABEL.get(kind) ?? kind }),
        ]),
        h('td', { className: 'num kind-count', text: fmt(count) }),
        h('td', { className: 'num', text: fmt(distinct.length) }),
        h('td', { className: 'num share' }, [
          h('span', { className: 'share-track', attrs: { 'aria-hidden': 'true' } }, [meter]),
          h('span', { className: 'share-text', text: `${share < 1 && share > 0 ? '<1' : Math.round(share)}%` }),
        ]),
      ]),
    );
  }
  if (!groups.length) {
    rows.append(h('tr', {}, [h('td', { className: 'muted', text: 'No tokens.', attrs: { colspan: '4' } })]));
  }
  els.kindBar.replaceChildren(bar);
  els.kindRows.replaceChildren(rows);

  const sections = document.createDocumentFragment();
  for (const group of groups) sections.append(renderKindGroup(group));
  els.kindGroups.replaceChildren(sections);
}

function safeKind(kind) {
  return KIND_LABEL.has(kind) ? kind : 'other';
}

function renderKindGroup({ kind, count, distinct }) {
  const details = h('details', { className: 'kind-group', attrs: { 'data-kind': kind } });
  details.open = !state.closedKinds.has(kind);
  details.addEventListener('toggle', () => {
    if (details.open) {
      state.closedKinds.delete(kind);
      if (!list.childElementCount) fill(); // folded lists are only filled when opened
    } else {
      state.closedKinds.add(kind);
    }
  });
  const summary = h('summary', {}, [
    h('span', { className: `swatch k-${safeKind(kind)}`, attrs: { 'aria-hidden': 'true' } }),
    h('span', { className: 'kind-name', text: KIND_LABEL.get(kind) ?? kind }),
    h('span', {
      className: 'muted',
      text: `${fmt(count)} ${count === 1 ? 'token' : 'tokens'} · ${fmt(distinct.length)} distinct`,
    }),
  ]);
  const list = h('ul', { className: 'chips' });
  const more = h('div', { className: 'more' });
  details.append(summary, list, more);

  const fill = () => {
    const limit = state.limits.get(kind) ?? FIRST_CHIPS;
    const from = list.childElementCount;
    const to = Math.min(limit, distinct.length);
    const chips = document.createDocumentFragment();
    for (let i = from; i < to; i++) {
      const { surface, count: n } = distinct[i];
      chips.append(
        h('li', { className: 'chip' }, [
          h('span', { className: 'chip-text', text: surface }),
          h('span', { className: 'chip-count', text: fmt(n), attrs: { title: `${n} ${n === 1 ? 'time' : 'times'}` } }),
        ]),
      );
    }
    list.append(chips);
    renderMore(more, distinct.length - to, MORE_CHIPS, `${KIND_LABEL.get(kind) ?? kind}`, () => {
      state.limits.set(kind, to + MORE_CHIPS);
      fill();
    });
  };
  if (details.open) fill();
  return details;
}

/** A "N more" note with a button that shows the next batch. */
function renderMore(container, remaining, step, what, onMore) {
  container.replaceChildren();
  if (remaining <= 0) return;
  const next = Math.min(step, remaining);
  const button = h('button', {
    className: 'button button-small more-button',
    text: `Show ${fmt(next)} more`,
    attrs: { type: 'button', 'aria-label': `Show ${next} more ${what.toLowerCase()}` },
  });
  button.addEventListener('click', () => {
    const focusAfter = container.contains(document.activeElement);
    onMore();
    if (focusAfter) container.querySelector('button')?.focus();
  });
  container.append(h('span', { className: 'more-note', text: `${fmt(remaining)} more not shown` }), button);
}

function renderSentences(text, spans) {
  els.sentences.replaceChildren();
  const fill = () => {
    const from = els.sentences.childElementCount;
    const to = Math.min(state.sentenceLimit, spans.length);
    const items = document.createDocumentFragment();
    for (let i = from; i < to; i++) {
      const { start, end } = spans[i];
      items.append(h('li', { text: text.slice(start, end) }));
    }
    els.sentences.append(items);
    renderMore(els.sentencesMore, spans.length - to, MORE_SENTENCES, 'sentences', () => {
      state.sentenceLimit = to + MORE_SENTENCES;
      fill();
    });
  };
  fill();
}

function resetLimits() {
  state.limits.clear();
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

function addEntry(fields) {
  const entry = { key: state.nextKey++, note: '', ...fields };
  state.entries.push(entry);
  return entry;
}

async function openFiles(fileList) {
  const files = [...(fileList ?? [])];
  if (!files.length) return;
  // Keep free text the user typed before opening files, so it is not lost.
  if (state.current === null && els.text.value.trim() !== '') {
    const text = els.text.value;
    addEntry({ name: 'Pasted text', size: new TextEncoder().encode(text).length, text, format: 'pasted' });
  }
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
  const summary = `Opened ${opened} of ${files.length} ${files.length === 1 ? 'file' : 'files'}.`;
  setFileMessage(problems.length ? [summary, ...problems] : [summary], problems.length > 0);
  if (first) selectEntry(first.key);
  else renderFileList();
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
  const entry = state.entries.find((e) => e.key === key);
  if (!entry) return;
  state.current = key;
  els.text.value = entry.text;
  els.text.scrollTop = 0;
  els.text.setSelectionRange(0, 0);
  resetLimits();
  renderFileList();
  requestAnalysis();
}

function removeEntry(key) {
  const index = state.entries.findIndex((e) => e.key === key);
  if (index === -1) return;
  const [removed] = state.entries.splice(index, 1);
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
  setFileMessage([`Removed ${removed.name}.`], false);
  const focusTarget = els.fileList.querySelector('[aria-current="true"]') ?? els.openFiles;
  focusTarget.focus();
}

function renderFileList() {
  els.filePanel.hidden = state.entries.length === 0;
  const items = document.createDocumentFragment();
  for (const entry of state.entries) {
    const isCurrent = entry.key === state.current;
    const details = [formatSize(entry.size), entry.format === 'html' ? 'HTML → text' : entry.format === 'pasted' ? 'typed' : 'text'];
    if (entry.note) details.push(entry.note);
    const open = h(
      'button',
      { className: 'file-open', attrs: { type: 'button', 'data-key': String(entry.key) } },
      [h('span', { className: 'file-name', text: entry.name }), h('span', { className: 'file-meta', text: details.join(' · ') })],
    );
    if (isCurrent) open.setAttribute('aria-current', 'true');
    open.addEventListener('click', () => selectEntry(entry.key));
    const remove = h('button', {
      className: 'file-remove',
      text: '×',
      attrs: { type: 'button', 'aria-label': `Remove ${entry.name}`, title: `Remove ${entry.name}` },
    });
    remove.addEventListener('click', () => removeEntry(entry.key));
    items.append(h('li', { className: isCurrent ? 'file-item current' : 'file-item' }, [open, remove]));
  }
  els.fileList.replaceChildren(items);
}

// ---------------------------------------------------------------------------------------
// Events

els.text.addEventListener('input', () => {
  const entry = state.entries.find((e) => e.key === state.current);
  if (entry) entry.text = els.text.value;
  scheduleAnalysis();
});

els.openFiles.addEventListener('click', () => els.fileInput.click());
els.fileInput.addEventListener('change', async () => {
  await openFiles(els.fileInput.files);
  els.fileInput.value = ''; // so the same file can be opened again
});

els.clear.addEventListener('click', () => {
  // Clearing never destroys a loaded file: it only leaves it and empties the text box.
  state.current = null;
  els.text.value = '';
  resetLimits();
  renderFileList();
  requestAnalysis();
  els.text.focus();
});

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
  openFiles(event.dataTransfer.files);
});

// Keywords: a click (or Enter, or Space) selects a keyword and goes to its first place; on
// the selected keyword it goes to the next place. Shift+Enter and ← go back, → forward,
// ↑ ↓ Home End move between keywords, Esc clears.
els.keywords.addEventListener('click', (event) => {
  const button = event.target.closest('.keyword');
  if (button) selectKeyword(button.dataset.key);
});

els.keywords.addEventListener('keydown', (event) => {
  const button = event.target.closest('.keyword');
  if (!button || event.altKey || event.ctrlKey || event.metaKey) return;
  const buttons = [...els.keywords.querySelectorAll('.keyword')];
  const at = buttons.indexOf(button);
  const focus = (i) => buttons[Math.max(0, Math.min(buttons.length - 1, i))]?.focus();
  switch (event.key) {
    case 'Enter':
      if (!event.shiftKey) return; // the button's own click does it
      selectKeyword(button.dataset.key, { step: -1 });
      break;
    case 'ArrowRight':
      selectKeyword(button.dataset.key, { step: 1 });
      break;
    case 'ArrowLeft':
      selectKeyword(button.dataset.key, { step: -1 });
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
      clearKeyword();
      break;
    default:
      return;
  }
  event.preventDefault();
});

els.hitPrev.addEventListener('click', () => stepHit(-1));
els.hitNext.addEventListener('click', () => stepHit(1));
els.hitClear.addEventListener('click', () => {
  const key = state.selected?.key;
  clearKeyword();
  if (key !== undefined) keywordButton(key)?.focus();
});

// In the text: a click on a highlighted place makes it the current one; Esc clears.
els.readingView.addEventListener('click', (event) => {
  const mark = event.target.closest?.('mark.hit');
  if (mark && state.selected) setCurrentHit(Number(mark.dataset.occurrence), { reveal: false });
});
els.readingView.addEventListener('keydown', (event) => {
  if (event.key === 'Escape' && state.selected) {
    clearKeyword();
    event.preventDefault();
  }
});

// A browser may restore the text box after a reload; analyze whatever is there.
requestAnalysis();
