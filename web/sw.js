// The service worker (issue 14): the page opens with no connection, and the plan and the
// charts stay readable, dated "as of" the moment they were fetched. Entries made offline
// are not kept here but by the page (js/outbox.js, IndexedDB), which sends them itself.
//
// The build fills in VERSION (a hash of every file of the page) and FILES (their paths)
// (cmake/embed_web.cmake): a new limber is a new sw.js, so the browser installs it and
// the old cache is dropped.
const VERSION = '@LIMBER_WEB_VERSION@';
const FILES = [/*@LIMBER_WEB_FILES@*/];
const PAGE_CACHE = `limber-page-${VERSION}`;
const DATA_CACHE = 'limber-data';  // the last answers of GET /api/..., kept across versions
const SAVED_AT = 'X-Limber-Saved-At';

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(PAGE_CACHE);
    await cache.addAll(FILES);
    await self.skipWaiting();
  })());
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) {
      if (name.startsWith('limber-page-') && name !== PAGE_CACHE) await caches.delete(name);
    }
    await self.clients.claim();
  })());
});

// The page's files: from the cache (they change only with limber, and then so does this
// file), opened once while the worker runs; the address with a key (/?token=...) always
// goes to the server, as it logs in. The cache's own answer is handed over as it is, not
// a copy: chromium then runs the page's script from the compiled code it keeps with the
// cache (made when the worker installed), instead of compiling it again at every reload.
let pageCache = null;
async function pageFile(request) {
  const url = new URL(request.url);
  if (url.search === '') {
    const navigation = request.mode === 'navigate' || url.pathname === '/';
    if (navigation) askEarly();
    pageCache ??= caches.open(PAGE_CACHE);
    const cached = await (await pageCache).match(navigation ? '/index.html' : url.pathname);
    if (cached) return cached;
  }
  return fetch(request);
}

// What every opening of the page asks the API for first: asked by the worker as soon as
// the page is asked for, so the answers travel while the page loads and runs its script
// (issue 14's 100 ms), and handed to the page's own request when it comes. Still the
// server's answer, never a kept one, so a plan paused meanwhile shows as paused; an
// early answer the page has not asked for within EARLY_MS is dropped, not handed out late.
const EARLY = ['/api/today', '/api/vocabulary'];
const EARLY_MS = 10000;
const early = new Map();  // path -> {answer: Promise<Response>, at}
function askEarly() {
  for (const path of EARLY) {
    const answer = fetch(path, {headers: {Accept: 'application/json'}});
    answer.catch(() => {});  // the page's own request sees the failure
    early.set(path, {answer, at: Date.now()});
  }
}
function earlyAnswer(request) {
  const url = new URL(request.url);
  const asked = early.get(url.pathname);
  if (!asked || url.search !== '') return null;
  early.delete(url.pathname);
  return Date.now() - asked.at < EARLY_MS ? asked.answer : null;
}

// An answer of the API: from the server when it answers, handed to the page at once and
// kept meanwhile (the page does not wait for the keeping); when the server does not
// answer (offline, asleep), the last one kept, marked with when it was fetched. A 401
// forgets them all, and an answer still being kept when the 401 came is not kept.
let forgettings = 0;
async function apiAnswer(event) {
  const request = event.request;
  let response;
  try {
    response = await (earlyAnswer(request) ?? fetch(request));
  } catch (error) {
    const cached = await (await caches.open(DATA_CACHE)).match(request);
    if (cached) return cached;
    throw error;
  }
  if (response.status === 401) {
    // Logged out, or this phone was revoked (a lost phone): the diary's answers kept
    // here go, so the phone no longer shows them offline. Entries still waiting in the
    // outbox are the person's own and stay until they are sent or removed.
    forgettings += 1;
    await caches.delete(DATA_CACHE);
    return response;
  }
  if (response.ok) {
    const copy = response.clone();
    const generation = forgettings;
    event.waitUntil((async () => {
      const headers = new Headers(copy.headers);
      headers.set(SAVED_AT, new Date().toISOString());
      const body = await copy.arrayBuffer();
      if (generation !== forgettings) return;
      const cache = await caches.open(DATA_CACHE);
      await cache.put(request, new Response(body, {status: 200, headers}));
      if (generation !== forgettings) await cache.delete(request);
    })());
  }
  return response;
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
  if (url.pathname.startsWith('/api/')) {
    // A report is a file to download, not something to read offline.
    if (url.pathname.startsWith('/api/report')) return;
    event.respondWith(apiAnswer(event));
    return;
  }
  event.respondWith(pageFile(request));
});
