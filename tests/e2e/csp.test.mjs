// Hostile input and heavy input: pasted markup never runs, the Content-Security-Policy blocks
// and reports what would leave the page, files that are not text are refused, a 5 MB paste
// keeps the page responsive, and a result never overtakes a newer one. Also measures how soon
// a 10 KB article is updated after a keystroke.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyze } from '../../js/node.mjs';
import { CSP } from '../../scripts/serve.mjs';
import { settled, useBrowser } from './support.mjs';

const repo = fileURLToPath(new URL('../../', import.meta.url));
const fixture = (name) => readFileSync(join(repo, 'tests', 'fixtures', name), 'utf8');
const session = useBrowser();

/** The policy of the page's meta element: the header's, minus frame-ancestors (a meta cannot set it). */
const META_CSP = CSP.replace(/; frame-ancestors [^;]*/, '');

/**
 * Longest task of the page's own (not the browser's editing or drawing of the text box)
 * allowed on the main thread while a 5 MB paste is analyzed and drawn: typing feels stuck
 * well above it, and it leaves room for a shared 2-core machine. (The page's longest task,
 * receiving and drawing the 5 MB text's result, takes about 150–400 ms there.)
 */
const LONG_TASK_BOUND_MS = 500;

/** Code points, as the page's character count gives them. */
const codePoints = (text) => [...text].length;

/** Waits for the newest request's result, with room for megabytes of text on a busy machine. */
async function settledLong(page, timeout = 120_000) {
  await page.waitForFunction(
    () => {
      const results = document.getElementById('results');
      return !('pending' in results.dataset) && results.dataset.rendered === results.dataset.requested;
    },
    null,
    { timeout, polling: 100 },
  );
}

/** Replaces the text box's content at once, as a paste does, with the caret at the end. */
async function paste(page, text) {
  await page.evaluate((value) => {
    const box = document.getElementById('text');
    box.focus();
    box.value = value;
    box.setSelectionRange(value.length, value.length);
    box.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
  }, text);
}

test('pasted <script> and <img onerror> stay text: they never run and never become elements', async () => {
  const { page, context, check, close } = await session.openPage();
  try {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(session.server.url).origin });
    await page.evaluate(() => {
      window.__violations = [];
      document.addEventListener('securitypolicyviolation', (event) => window.__violations.push(event.effectiveDirective));
    });
    const attack = [
      'Pemkot Semarang membuka posko banjir di balai desa.',
      '<script>window.__pwned = "script"; alert("script")</script>',
      '<img src=x onerror="window.__pwned = \'img\'; alert(\'img\')">',
      'Warga diminta tetap waspada.',
    ].join('\n');
    // A real paste from the clipboard, as a reader would do it.
    await page.evaluate((text) => navigator.clipboard.writeText(text), attack);
    await page.focus('#text');
    await page.keyboard.press('ControlOrMeta+V');
    await settled(page);
    assert.equal(await page.inputValue('#text'), attack);

    const seen = await page.evaluate(() => ({
      pwned: window.__pwned,
      foreignScripts: [...document.scripts].filter((s) => !s.src || new URL(s.src).origin !== location.origin).length,
      handlers: document.querySelectorAll('[onerror], [onload], [onclick]').length,
      images: [...document.images].map((img) => img.getAttribute('src')),
      reading: document.getElementById('reading').textContent,
      sentences: [...document.querySelectorAll('#sentences > li')].map((li) => li.textContent).join('\n'),
      violations: window.__violations,
    }));
    assert.equal(seen.pwned, undefined, 'no pasted code ran');
    assert.equal(seen.foreignScripts, 0, 'no <script> element beyond the page\'s own files');
    assert.equal(seen.handlers, 0, 'no element with an inline handler');
    assert.ok(!seen.images.includes('x'), `no <img src=x> (images: ${seen.images})`);
    assert.ok(seen.reading.includes('<script>window.__pwned = "script"; alert("script")</script>'), 'the script tag is shown as text');
    assert.ok(seen.reading.includes('<img src=x onerror='), 'the img tag is shown as text');
    assert.ok(seen.sentences.includes('<script>'), 'the sentences list it as text');
    // Nothing was even attempted: the policy had nothing to block.
    assert.deepEqual(seen.violations, []);
    check(); // includes: no dialog opened, no request for /x
  } finally {
    await close();
  }
});

test('the policy comes in the header and the meta element; a blocked load is reported as a violation', async () => {
  const response = await fetch(session.server.url);
  assert.equal(response.headers.get('content-security-policy'), CSP);
  const { page, context, record, check, close } = await session.openPage();
  const failed = [];
  context.on('requestfailed', (request) => failed.push([request.url(), request.failure()?.errorText]));
  try {
    assert.equal(await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content'), META_CSP);
    const got = await page.evaluate(async () => {
      const violations = [];
      document.addEventListener('securitypolicyviolation', (event) => {
        const { blockedURI, effectiveDirective, disposition, originalPolicy } = event;
        violations.push({ blockedURI, effectiveDirective, disposition, originalPolicy });
      });
      // Markup that somehow became elements, and code that tries to send text away.
      const img = document.createElement('img');
      img.src = 'http://127.0.0.2:1/x.png';
      document.body.append(img);
      const fetched = await fetch('https://example.com/').then(() => 'sent', (error) => error.name);
      const script = document.createElement('script');
      script.textContent = 'window.__inline = 1';
      document.body.append(script);
      const div = document.createElement('div');
      div.setAttribute('onclick', 'window.__handler = 1');
      document.body.append(div);
      div.click();
      // Each block is reported once per policy (header and meta): 4 blocks, 8 reports.
      const deadline = performance.now() + 5000;
      while (violations.length < 8 && performance.now() < deadline) await new Promise((ok) => setTimeout(ok, 20));
      img.remove();
      script.remove();
      div.remove();
      return { violations, fetched, inline: window.__inline, handler: window.__handler };
    });
    assert.equal(got.fetched, 'TypeError', 'fetch to another origin is refused');
    assert.equal(got.inline, undefined, 'an inline script does not run');
    assert.equal(got.handler, undefined, 'an inline handler does not run');
    const blocked = [
      ['http://127.0.0.2:1/x.png', 'img-src'],
      ['https://example.com/', 'connect-src'],
      ['inline', 'script-src-elem'],
      ['inline', 'script-src-attr'],
    ];
    for (const [uri, directive] of blocked) {
      for (const policy of [CSP, META_CSP]) {
        assert.ok(
          got.violations.some((v) => v.blockedURI === uri && v.effectiveDirective === directive && v.disposition === 'enforce' && v.originalPolicy === policy),
          `${directive} blocks ${uri} under the ${policy === CSP ? 'header' : 'meta'} policy: ${JSON.stringify(got.violations)}`,
        );
      }
    }
    // The image never reached the network: the browser stopped it for the policy.
    assert.deepEqual(failed.filter(([url]) => url.startsWith('http://127.0.0.2')), [['http://127.0.0.2:1/x.png', 'csp']]);
    // The browser also logs each block to the console: those lines, and nothing else, are expected.
    record.requests = record.requests.filter((url) => url !== 'http://127.0.0.2:1/x.png');
    const reports = record.consoleErrors.filter((text) => /Content Security Policy/.test(text));
    assert.ok(reports.length >= 4, `the console reports the blocks: ${reports}`);
    record.consoleErrors = record.consoleErrors.filter((text) => !reports.includes(text));
    check();
  } finally {
    await close();
  }
});

// What the 5 MB test measured, for the bound test after it.
let measured = null;

test('a 5 MB paste: progress is shown, typing still works, only the newest text\'s result is shown', async () => {
  const { page, check, close } = await session.openPage();
  try {
    // Line breaks as a text box keeps them (it turns CRLF into LF).
    const unit = ['id_banjir.txt', 'en_summit.txt', 'id_furniture.txt', 'unicode_mix.txt'].map(fixture).join('\n\n').replace(/\r\n?/g, '\n');
    const big = Array.from({ length: Math.ceil((5 * 1024 * 1024) / (unit.length + 2)) }, () => unit).join('\n\n');
    const typed = ' Ok.';
    // The text goes into the page first: handing 5 MB to page.evaluate is itself a long task.
    await page.evaluate((text) => (window.__big = text), big);
    await page.evaluate(() => {
      const probe = { long: [], scripts: null, gaps: [], keys: [], keyDelays: [], inputCosts: [], statuses: [], rendered: [] };
      window.__probe = probe;
      new PerformanceObserver((list) => {
        for (const { startTime, duration } of list.getEntries()) probe.long.push({ startTime, duration });
      }).observe({ type: 'longtask' });
      // Which of the page's scripts ran in the long frames (those that took 5 ms or more), to
      // tell its own tasks from the browser's drawing of a 5 MB text box: while the box holds
      // that much text, every frame in which anything on the page changed costs the browser
      // a few hundred milliseconds of paint, as it does next to a bare <textarea>.
      if (PerformanceObserver.supportedEntryTypes.includes('long-animation-frame')) {
        probe.scripts = [];
        new PerformanceObserver((list) => {
          for (const frame of list.getEntries()) {
            for (const script of frame.scripts) {
              if (!script.sourceURL.startsWith(`${location.origin}/`)) continue;
              const { startTime, duration, sourceURL, sourceFunctionName } = script;
              probe.scripts.push({ startTime, duration, name: `${sourceFunctionName || 'anonymous'} (${new URL(sourceURL).pathname})` });
            }
          }
        }).observe({ type: 'long-animation-frame' });
      }
      // A heartbeat sees every stall of the main thread, the browser's own layout of the text
      // box included (which is no task of the page's and is not reported as a long task).
      let beat = performance.now();
      setInterval(() => {
        const now = performance.now();
        probe.gaps.push(now - beat);
        beat = now;
      }, 20);
      const status = document.getElementById('status');
      new MutationObserver(() => probe.statuses.push(status.textContent)).observe(status, { childList: true, characterData: true, subtree: true });
      const results = document.getElementById('results');
      const characters = document.getElementById('stat-characters');
      new MutationObserver(() => probe.rendered.push([Number(results.dataset.rendered), Number(characters.dataset.value)])).observe(results, {
        attributes: true,
        attributeFilter: ['data-rendered'],
      });
      // When each key is handled (to tell the browser's own editing of a 5 MB text box from
      // the page's work), how long after the key press the text box has the character, and
      // how long the page's input listeners take (window capture → window bubble).
      let down = 0;
      window.addEventListener('keydown', (event) => {
        down = event.timeStamp;
        probe.keys.push(performance.now());
      }, true);
      let inputStart = 0;
      window.addEventListener('input', () => (inputStart = performance.now()), true);
      window.addEventListener('input', () => {
        probe.inputCosts.push(performance.now() - inputStart);
        if (down) probe.keyDelays.push(performance.now() - down);
      });
    });

    const started = Date.now();
    await page.evaluate(() => {
      const box = document.getElementById('text');
      box.focus();
      box.value = window.__big;
      box.setSelectionRange(box.value.length, box.value.length);
      box.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
    });
    // Progress: the status line says the analyzer is at work.
    await page.waitForFunction(() => document.getElementById('status').dataset.kind === 'busy', null, { timeout: 30_000 });
    assert.match(await page.textContent('#status'), /Analyzing/);

    // Typing while the worker is busy with the 5 MB text.
    const typing = Date.now();
    await page.keyboard.type(typed);
    const typingMs = Date.now() - typing;
    const tail = await page.evaluate(() => {
      const { value } = document.getElementById('text');
      return { length: value.length, end: value.slice(-40) };
    });
    assert.deepEqual(tail, { length: big.length + typed.length, end: (big + typed).slice(-40) }, 'the keys reached the text box');

    await settledLong(page);
    const elapsed = Date.now() - started;
    const probe = await page.evaluate(() => window.__probe);
    // A long task in which a key was handled is mostly the browser editing a 5 MB text box
    // (a bare <textarea> costs the same). Of the others, those in which a script of the
    // page's ran are the page's own work (the whole task counts, its garbage collection and
    // any layout it forced included); the rest is the browser drawing the page (with a 5 MB
    // text box, a few hundred milliseconds per frame in which anything changed). A browser
    // that cannot say which scripts ran counts every long task without a key as the page's.
    const within = (task, t) => t >= task.startTime - 1 && t <= task.startTime + task.duration + 1;
    const editing = probe.long.filter((task) => probe.keys.some((t) => within(task, t)));
    const others = probe.long.filter((task) => !editing.includes(task));
    const scriptsIn = (task) => (probe.scripts ?? []).filter((script) => within(task, script.startTime));
    const own = probe.scripts ? others.filter((task) => scriptsIn(task).length > 0) : others;
    const drawing = others.filter((task) => !own.includes(task));
    const worst = (tasks) => Math.round(Math.max(0, ...tasks.map((t) => t.duration)));
    measured = own.map((task) => ({ duration: task.duration, scripts: [...new Set(scriptsIn(task).map((script) => script.name))] }));
    const inputCost = Math.max(...probe.inputCosts);
    console.log(
      `# 5 MB paste: results after ${elapsed} ms; worst long task of the page's own ${worst(own)} ms ` +
        `(${measured.map((t) => `${Math.round(t.duration)}${t.scripts.length ? ` ${t.scripts.join(' + ')}` : ''}`).join(', ')}); ` +
        `worst task of the browser's drawing ${worst(drawing)} ms; worst task handling a key ${worst(editing)} ms; ` +
        `longest main-thread stall ${Math.round(Math.max(...probe.gaps))} ms; typing ${typed.length} keys took ${typingMs} ms, ` +
        `worst key to text ${Math.round(Math.max(...probe.keyDelays))} ms; input listeners at most ${inputCost.toFixed(1)} ms`,
    );
    // The page's input listeners stay cheap however long the text is.
    assert.ok(inputCost <= 50, `input listeners took up to ${inputCost.toFixed(1)} ms`);
    // Results come in request order, and the last one drawn is the final text's. (The 5 MB
    // text's own result may be drawn first if it arrived before the typing made a new request.)
    const ids = probe.rendered.map(([id]) => id);
    assert.deepEqual(ids, [...ids].sort((a, b) => a - b), `drawn in request order: ${ids}`);
    assert.deepEqual(probe.rendered.at(-1)?.[1], codePoints(big + typed), 'the final text\'s result is on screen');
    assert.ok(probe.statuses.includes('Analyzing…') && probe.statuses.at(-1) === 'Ready', `status: ${probe.statuses}`);
    check();
  } finally {
    await close();
  }
});

test(`a 5 MB paste: none of the page's own tasks takes longer than ${LONG_TASK_BOUND_MS} ms`, () => {
  assert.ok(measured, 'measured by the test before');
  const worst = Math.max(0, ...measured.map((task) => task.duration));
  const all = measured.map((task) => `${Math.round(task.duration)} ms ${task.scripts.join(' + ')}`.trim());
  assert.ok(worst <= LONG_TASK_BOUND_MS, `worst long task ${Math.round(worst)} ms (all: ${all.join(', ')})`);
});

/** A zip archive holding one stored (uncompressed) text file. */
function zipOf(name, text) {
  const data = Buffer.from(text);
  const file = Buffer.from(name);
  let crc = ~0;
  for (const byte of data) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  crc = ~crc >>> 0;
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(10, 4); // version needed
  local.writeUInt32LE(crc, 14);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(data.length, 22);
  local.writeUInt16LE(file.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(10, 6);
  central.writeUInt32LE(crc, 16);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(data.length, 24);
  central.writeUInt16LE(file.length, 28);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + file.length, 12);
  end.writeUInt32LE(local.length + file.length + data.length, 16);
  return Buffer.concat([local, file, data, central, file, end]);
}

test('files that are not text (a PNG, a zip) get a clear message and the page keeps working', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'kupas-binary-'));
  const { page, check, close } = await session.openPage();
  try {
    const png = join(dir, 'foto.png');
    const zip = join(dir, 'berita.zip');
    // A real 1×1 PNG, and a zip holding a text file (readable words inside binary headers).
    writeFileSync(png, Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64'));
    writeFileSync(zip, zipOf('berita.txt', fixture('id_banjir.txt')));

    const before = 'Harga cabai di Pasar Johar turun pada Senin pagi. Pedagang berharap harga stabil.';
    await page.fill('#text', before);
    await settled(page);
    await page.setInputFiles('#file-input', [png, zip]);
    await page.waitForFunction(() => /Opened 0 of 2 files/.test(document.getElementById('file-message').textContent));
    const message = await page.textContent('#file-message');
    assert.match(message, /foto\.png: not a text file/);
    assert.match(message, /berita\.zip: not a text file/);
    assert.equal(await page.getAttribute('#file-message', 'data-kind'), 'problem');

    // The text and its result are still there, and the page goes on analyzing.
    assert.equal(await page.inputValue('#text'), before);
    await settled(page);
    assert.equal(Number(await page.getAttribute('#stat-characters', 'data-value')), codePoints(before));
    const after = fixture('en_summit.txt');
    await page.fill('#text', after);
    await settled(page);
    const expected = analyze(after);
    assert.equal(Number(await page.getAttribute('#stat-words', 'data-value')), expected.stats.words);
    assert.equal(await page.textContent('#lang-code'), expected.language.code);
    check();
  } finally {
    await close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('typing fast: a result never replaces the result of a newer keystroke', async () => {
  const { page, check, close } = await session.openPage();
  try {
    // Long enough that each analysis takes longer than the gap between two keys, on a quiet
    // host too (a repeated text is analysed faster than a varied one: about 15 MB/s here).
    const base = fixture('id_banjir.txt').repeat(600); // about 800 KB
    await paste(page, base);
    await settledLong(page);
    await page.evaluate(() => {
      const results = document.getElementById('results');
      const characters = document.getElementById('stat-characters');
      window.__renders = [];
      new MutationObserver(() => window.__renders.push([Number(results.dataset.rendered), Number(characters.dataset.value)])).observe(results, {
        attributes: true,
        attributeFilter: ['data-rendered'],
      });
      window.__firstRequest = Number(results.dataset.requested);
    });
    const typed = ' Air surut.';
    // Keys farther apart than the debounce (30 ms at most): one request per key or so. A
    // pause in the middle lets a result be drawn there, so that there is an order to check.
    await page.keyboard.type(typed.slice(0, 4), { delay: 40 });
    await page.waitForTimeout(500);
    await page.keyboard.type(typed.slice(4), { delay: 40 });
    await settledLong(page);
    const { renders, requests } = await page.evaluate(() => ({
      renders: window.__renders,
      requests: Number(document.getElementById('results').dataset.requested) - window.__firstRequest,
    }));
    assert.equal(await page.evaluate(() => document.getElementById('text').value.endsWith('Air surut.')), true);
    const ids = renders.map(([id]) => id);
    const counts = renders.map(([, n]) => n);
    assert.deepEqual(ids, [...ids].sort((a, b) => a - b), `rendered ids only grow: ${ids}`);
    assert.equal(new Set(ids).size, ids.length, 'no id is drawn twice');
    assert.deepEqual(counts, [...counts].sort((a, b) => a - b), `the text only grew, so its length on screen only grows: ${counts}`);
    assert.equal(counts.at(-1), codePoints(base + typed), 'the final text\'s result is on screen');
    assert.ok(requests > renders.length, `superseded requests were skipped (${requests} requests, ${renders.length} drawn)`);
    check();
  } finally {
    await close();
  }
});

test('a 10 KB article: the results are updated well under 100 ms after the last keystroke', async () => {
  const { page, check, close } = await session.openPage();
  try {
    const article = fixture('id_banjir.txt').repeat(8); // about 10 KB
    await paste(page, article);
    await settled(page);
    await page.evaluate(() => {
      const box = document.getElementById('text');
      const results = document.getElementById('results');
      window.__latency = [];
      window.__painted = [];
      let down = 0;
      box.addEventListener('keydown', (event) => (down = event.timeStamp));
      // The first frame after the newest request's result is in the DOM; and, to print, the end
      // of that frame (a task queued in it runs once its layout and paint are done).
      new MutationObserver(() => {
        if (results.dataset.rendered !== results.dataset.requested || 'pending' in results.dataset) return;
        requestAnimationFrame(() => {
          window.__latency.push(performance.now() - down);
          setTimeout(() => window.__painted.push(performance.now() - down));
        });
      }).observe(results, { attributes: true, attributeFilter: ['data-rendered'] });
    });
    const runs = 9;
    for (let i = 0; i < runs; i++) {
      await page.keyboard.press(i % 2 ? 'Backspace' : 'Period');
      await page.waitForFunction((n) => window.__painted.length >= n, i + 1);
    }
    const sorted = (list) => [...list].sort((a, b) => a - b);
    const samples = sorted(await page.evaluate(() => window.__latency));
    const painted = sorted(await page.evaluate(() => window.__painted));
    const median = samples[Math.floor(samples.length / 2)];
    console.log(
      `# 10 KB article, keystroke to updated results: median ${median.toFixed(0)} ms (${samples.map((t) => t.toFixed(0)).join(', ')}); ` +
        `to the end of that frame: median ${painted[Math.floor(painted.length / 2)].toFixed(0)} ms`,
    );
    // 30-50 ms on a 2-core VM, also with both cores busy with other work: the bound is the
    // requirement itself, with room for a loaded machine.
    assert.ok(median < 100, `median ${median.toFixed(0)} ms`);
    const final = await page.inputValue('#text');
    assert.equal(final, `${article}.`);
    assert.equal(Number(await page.getAttribute('#stat-characters', 'data-value')), codePoints(final));
    check();
  } finally {
    await close();
  }
});
