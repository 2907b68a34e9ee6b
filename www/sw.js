// The service worker: after the first visit, the page keeps working with the network off.
//
// Strategy: network first, the cache as fallback, for every same-origin GET. While online the
// page always gets the files the server has now (a rebuilt .wasm, an edited app.js), so
// development never sees stale files and a new deployment takes effect at once; every good
// answer also refreshes the cache. When the network fails, the cached copy answers.
// Cache-first would save a round trip per file, but the page would then run the old build
// until the new worker took over, and the page, its worker and the .wasm could come from two
// different builds in between. The files are few and small next to the .wasm, which the
// browser has to fetch once per load anyway.
//
// Install stores the app shell (PRECACHE) in one go: if a file is missing, the worker is not
// installed and the previous one, if any, stays. Activate deletes every older kupas cache.

// scripts/build-site.mjs rewrites the next two declarations in a static build: VERSION becomes
// a hash of the site's files (so each build gets a cache of its own and the browser sees a new
// worker) and PRECACHE every file the build copied. The list below is the development shell.
const VERSION = 'dev';
const PRECACHE = [
  '/',
  '/index.html',
  '/style.css',
  '/app.js',
  '/sw-register.js',
  '/worker.js',
  '/favicon.svg',
  '/js/browser.mjs',
  '/pkg/kupas.js',
  '/pkg/kupas_bg.wasm',
];

const PREFIX = 'kupas-';
const CACHE = `${PREFIX}${VERSION}`;
/** The wasm-bindgen glue, which imports the binding's snippets. */
const GLUE = '/pkg/kupas.js';

self.addEventListener('install', (event) => {
  event.waitUntil(precache().then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      const names = await caches.keys();
      await Promise.all(names.filter((name) => name.startsWith(PREFIX) && name !== CACHE).map((name) => caches.delete(name)));
      // Control the open page too, so that files it loads from now on are cached as well.
      await self.clients.claim();
    })(),
  );
});

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(networkFirst(event));
});

/** Fetches every file of the shell, bypassing the HTTP cache, and stores them all or none. */
async function precache() {
  const fetched = new Map();
  const get = async (path) => {
    const response = await fetch(path, { cache: 'reload' });
    if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
    fetched.set(path, response);
  };
  await Promise.all(PRECACHE.map(get));
  // wasm-bindgen puts the binding's snippets in a folder named by a hash
  // (/pkg/snippets/kupas-<hash>/inline0.js). A static build lists them; here they are read
  // from the glue that imports them, so a rebuild with a new hash needs no edit.
  const glue = fetched.get(GLUE);
  if (glue) {
    const base = new URL(GLUE, self.location.origin);
    const found = [...(await glue.clone().text()).matchAll(/["'](\.\/snippets\/[^"'\s]+\.js)["']/g)];
    const paths = new Set(found.map((match) => new URL(match[1], base).pathname));
    await Promise.all([...paths].filter((path) => !fetched.has(path)).map(get));
  }
  const cache = await caches.open(CACHE);
  await Promise.all([...fetched].map(([path, response]) => cache.put(path, storable(response))));
}

async function networkFirst(event) {
  const { request } = event;
  try {
    const response = await fetch(request);
    if (response.ok && response.type === 'basic' && !request.headers.has('range')) {
      const copy = storable(response.clone());
      event.waitUntil(caches.open(CACHE).then((cache) => cache.put(request, copy)).catch(() => {}));
    }
    return response;
  } catch (error) {
    const cache = await caches.open(CACHE);
    const cached =
      (await cache.match(request)) ?? (request.mode === 'navigate' ? await cache.match('/', { ignoreSearch: true }) : undefined);
    if (cached) return cached;
    throw error;
  }
}

/**
 * A response the cache can give back for any request. A redirected response (a host that
 * sends /index.html on to /) may not answer a navigation, so its body and headers are copied
 * into a plain one.
 */
function storable(response) {
  if (!response.redirected) return response;
  const { status, statusText, headers } = response;
  return new Response(response.body, { status, statusText, headers });
}
