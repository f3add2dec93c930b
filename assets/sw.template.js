// Service worker of the standalone widget page, written by
// scripts/externalize-boot.mjs at each build: BUILD, CORE and REST are
// filled in.
//
// - A first visit caches only the page and its small files (CORE); the
//   rest (the three builds, the card's fonts, the icons) is cached when the
//   page asks (`pw-precache-rest`, sent once the candidate starts the
//   journey), and any of this build's files as it is first fetched. So a
//   glance costs little, and a candidate who went through the journey once
//   can sign offline.
// - Every file of one build is cached together under that build's name, so
//   a new build replaces the whole set at once: never old JS with new wasm.
// - Caches are named after this worker's scope: two widgets on one origin
//   (https://example.org/a/ and /b/) never touch each other's caches.
// - The organiser's list (engagements.json) is fetched fresh when online
//   and kept for offline use, in a cache of its own.
// - A deploy never strands an open tab: the caches of older builds stay
//   until every tab that was open when this build took over is gone
//   (closed or reloaded), so such a tab still finds its own build's files,
//   with or without a query (`?retry=N`).
const BUILD = '__BUILD__';
const CORE = __CORE__;
const REST = __REST__;
const FILES = new Set([...CORE, ...REST].map((f) => new URL(f, self.location).href));
const SCOPE = self.registration.scope;
const PREFIX = `pw-pledge-widget:${SCOPE}:`;
const CACHE = PREFIX + BUILD;
const META = `pw-pledge-widget-meta:${SCOPE}`;
const PENDING = new URL('pw-pending-cleanup', SCOPE).href;

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(CORE.map((f) => new Request(f, { cache: 'reload' }))))
      .then(() => self.skipWaiting()),
  );
});

// Older builds' caches of this scope, to delete once no tab needs them.
async function olderCaches() {
  return (await caches.keys()).filter((k) => k.startsWith(PREFIX) && k !== CACHE);
}

// Deletes the older caches if every tab open at the last take-over is gone.
async function cleanUp() {
  const meta = await caches.open(META);
  const pending = await meta.match(PENDING);
  if (!pending) return;
  const { clients: ids } = await pending.json();
  const open = await Promise.all(ids.map((id) => self.clients.get(id)));
  if (open.some(Boolean)) return;
  // Older builds of this scope, and caches of the worker before scopes
  // (named pw-pledge-widget-<hash>).
  const legacy = (await caches.keys()).filter((k) => /^pw-pledge-widget-[0-9a-f]{16}$/.test(k));
  await Promise.all([...(await olderCaches()), ...legacy].map((k) => caches.delete(k)));
  await meta.delete(PENDING);
}

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      // Tabs of this scope open now may run an older build: remember them.
      const tabs = (await self.clients.matchAll({ type: 'window', includeUncontrolled: true })).filter(
        (c) => c.url.startsWith(SCOPE),
      );
      const meta = await caches.open(META);
      await meta.put(PENDING, new Response(JSON.stringify({ clients: tabs.map((c) => c.id) })));
      await self.clients.claim();
      await cleanUp();
    })(),
  );
});

// The rest of this build, when the page says the journey has started.
self.addEventListener('message', (event) => {
  if (event.data?.type !== 'pw-precache-rest') return;
  event.waitUntil(
    caches.open(CACHE).then(async (cache) => {
      const missing = [];
      for (const f of REST) if (!(await cache.match(f))) missing.push(new Request(f, { cache: 'reload' }));
      await cache.addAll(missing);
    }),
  );
});

// A file of this build first, else of an older one still kept; a file of
// this build fetched for the first time is kept for next time.
async function cachedOrFetched(request) {
  const hit = await cached(request);
  if (hit) return hit;
  const response = await fetch(request);
  const url = new URL(request.url);
  url.search = '';
  if (response.ok && FILES.has(url.href)) {
    const copy = response.clone();
    caches.open(CACHE).then((cache) => cache.put(url.href, copy)).catch(() => {});
  }
  return response;
}

// A file of this build first, else of an older one still kept.
async function cached(request) {
  const own = await (await caches.open(CACHE)).match(request, { ignoreSearch: true });
  if (own) return own;
  for (const name of await olderCaches()) {
    const hit = await (await caches.open(name)).match(request, { ignoreSearch: true });
    if (hit) return hit;
  }
  return undefined;
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  if (request.mode === 'navigate') {
    // The page: fresh when online, this build's copy when not. A new page
    // load is a moment to drop builds no tab uses any more.
    event.waitUntil(cleanUp());
    event.respondWith(
      fetch(request).catch(() =>
        caches.open(CACHE).then((cache) => cache.match('./', { ignoreSearch: true })),
      ),
    );
    return;
  }
  if (LISTS.has(new URL(request.url).pathname.replace(/^.*\//, ''))) {
    event.respondWith(freshList(request));
    return;
  }
  event.respondWith(cachedOrFetched(request));
});

// The organiser's published list (docs/list-v1.md) and its open data: the
// server's copy when online (it changes without a deploy), the last one
// seen when not. Kept apart from the builds' caches: a deploy keeps them.
const LISTS = new Set(['engagements.json', 'engagements.csv']);
const DATA = `pw-pledge-widget-data:${SCOPE}`;
async function freshList(request) {
  const data = await caches.open(DATA);
  try {
    const response = await fetch(request);
    if (response.ok) await data.put(request.url.split('?')[0], response.clone());
    return response;
  } catch (error) {
    const kept = await data.match(request.url.split('?')[0]);
    if (kept) return kept;
    throw error;
  }
}
