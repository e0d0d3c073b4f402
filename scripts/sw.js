// The service worker (issue #14: offline and installable). This is a template: scripts/pwa.mjs writes it into
// each build as sw.js with that build's VERSION and the exact list of its FILES; it is not served as it is.
//
// - install: fetches every file of this build into one cache named after the scope and the version (the
//   unhashed ones bypass the HTTP cache; index.html must carry this build's version), then waits;
// - activate: deletes this scope's caches of other versions and takes control of open pages;
// - fetch: this build's files cache-first; a navigation to the app network-first (4 s), the cached
//   index.html when the network fails or is slow; anything else is left to the network;
// - never a mix of versions: a page fetches its unhashed files (pages/*.html, data/*.csv) with `?v=<its
//   build>` and this worker answers from its cache only for its own build, so a page of another build (one
//   the network sent while this worker still controls) gets its files from the network;
// - messages: `vtre:version` → replies `vtre:version:<VERSION>`; `vtre:skip-waiting` → activates now (the
//   app sends it when the reader presses "reload", or at once when the waiting version is the page's own).
const VERSION = '__VTRE_VERSION__';
const FILES = __VTRE_FILES__;

const SCOPE = self.registration.scope;
const PREFIX = `vtre ${SCOPE} `;
const CACHE = PREFIX + VERSION;
const INDEX = new URL('index.html', SCOPE).href;
const LISTED = new Set(FILES.map((f) => new URL(f, SCOPE).href));
// Trunk's content-hashed names: a stale HTTP-cache copy of these is still this build's.
const HASHED = /-[0-9a-f]{16}(_bg)?\.(js|wasm|css)$/;
const NAVIGATION_TIMEOUT_MS = 4000;

const buildOf = (html) => (html.match(/<meta name="vtre-build" content="([^"]*)">/) || [])[1];

async function tell(clients, text) {
  for (const c of clients) c.postMessage(text);
}

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    await Promise.all(FILES.map(async (f) => {
      const url = new URL(f, SCOPE).href;
      let res = await fetch(new Request(url, { cache: HASHED.test(f) ? 'default' : 'no-cache' }));
      if (!res.ok) throw new Error(`vtre sw: ${f} answered ${res.status}`);
      if (url === INDEX) {
        const html = await res.text();
        if (buildOf(html) !== VERSION) throw new Error('vtre sw: index.html is from another build');
        // A fresh response: a redirected one cannot answer a navigation.
        res = new Response(html, { headers: { 'content-type': 'text/html; charset=utf-8' } });
      }
      await cache.put(url, res);
    }));
    // Open pages learn at once that this version is ready (the app compares it with its own).
    await tell(await self.clients.matchAll({ type: 'window', includeUncontrolled: true }), `vtre:version:${VERSION}`);
  })());
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const key of await caches.keys()) {
      if (key.startsWith(PREFIX) && key !== CACHE) await caches.delete(key);
    }
    await self.clients.claim();
  })());
});

self.addEventListener('message', (event) => {
  if (event.data === 'vtre:skip-waiting') self.skipWaiting();
  else if (event.data === 'vtre:version' && event.source) event.source.postMessage(`vtre:version:${VERSION}`);
});

async function fromCache(url, request) {
  const cache = await caches.open(CACHE);
  return (await cache.match(url)) || fetch(request);
}

async function navigate(request) {
  const cache = await caches.open(CACHE);
  const network = fetch(request);
  try {
    const res = await Promise.race([
      network,
      new Promise((_, reject) => setTimeout(() => reject(new Error('slow')), NAVIGATION_TIMEOUT_MS)),
    ]);
    if (res.ok) return res;
    return (await cache.match(INDEX)) || res;
  } catch {
    const cached = await cache.match(INDEX);
    if (cached) return cached;
    return network;
  }
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  const path = url.origin + url.pathname;
  if (request.mode === 'navigate') {
    if (path === SCOPE || path === INDEX) event.respondWith(navigate(request));
    return;
  }
  if (!LISTED.has(path)) return;
  const v = url.searchParams.get('v');
  if (v !== null && v !== VERSION) return;
  event.respondWith(fromCache(path, request));
});
