// Service worker of the standalone widget page, written by
// scripts/externalize-boot.mjs at each build: BUILD, CORE, REST and LAZY
// are filled in.
//
// - A first visit caches only the page and its small files (CORE); the
//   rest (the candidate's three builds, the card's fonts, the icons) is
//   cached when the page asks (`pw-precache-rest`, sent once the candidate
//   starts the journey), and any of this build's files as it is first
//   fetched. So a glance costs little, and a candidate who went through
//   the journey once can sign offline. The communes' shards and the wall's
//   and the console's builds (LAZY) are only ever cached as they are
//   fetched: a candidate needs two or three shards of 194, and neither of
//   those builds.
// - Every file of one build is cached together under that build's name, so
//   a new build replaces the whole set at once: never old JS with new wasm.
// - Caches are named after this worker's scope, and the worker uses only
//   the caches it created: their exact names are recorded (one entry per
//   build in META), never guessed from a prefix. So two widgets on one
//   origin (https://example.org/a/ and /b/, or /w/ and /w/:x/, whose scope
//   continues /w/'s cache names) never touch each other's caches, and a
//   cache planted by another script of the origin under a similar name is
//   neither served nor deleted.
// - The organiser's list (engagements.json) is fetched fresh when online
//   and kept for offline use, in a cache of its own.
// - A deploy never strands an open tab: the caches of older builds stay
//   until every tab that was open when this build took over is gone
//   (closed or reloaded), so such a tab still finds its own build's files,
//   with or without a query (`?retry=N`).
const BUILD = '__BUILD__';
const CORE = __CORE__;
const REST = __REST__;
const LAZY = __LAZY__;
const FILES = new Set([...CORE, ...REST, ...LAZY].map((f) => new URL(f, self.location).href));
const SCOPE = self.registration.scope;
// Every name below is exact: none is ever matched by prefix.
const cacheOf = (build) => `pw-pledge-widget:${SCOPE}:${build}`;
const CACHE = cacheOf(BUILD);
const META = `pw-pledge-widget-meta:${SCOPE}`;
// In META: the tabs to outlive before older builds go, and one record per
// build of this scope whose cache a worker created (`pw-builds?build=…`,
// `{ build, at }`).
const PENDING = new URL('pw-pending-cleanup', SCOPE).href;
const RECORDS = new URL('pw-builds', SCOPE).href;
const recordOf = (build) => `${RECORDS}?build=${encodeURIComponent(build)}`;

// The builds recorded for this scope, oldest first.
async function recorded() {
  const meta = await caches.open(META);
  const records = await Promise.all(
    (await meta.matchAll(RECORDS, { ignoreSearch: true })).map((r) => r.json().catch(() => null)),
  );
  return records
    .filter((r) => typeof r?.build === 'string' && /^[\w-]+$/.test(r.build) && typeof r.at === 'number')
    .sort((x, y) => x.at - y.at);
}

// The builds recorded before this one (none if this one's record is lost).
async function olderBuilds() {
  const builds = await recorded();
  const own = builds.findIndex((r) => r.build === BUILD);
  return own < 0 ? [] : builds.slice(0, own).map((r) => r.build);
}

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const meta = await caches.open(META);
      if ((await recorded()).length === 0) {
        // A worker from before the records: its build's cache is this
        // scope's if its name is exactly this scope's name for a build
        // hash (a tab may still use it).
        for (const name of await caches.keys()) {
          const build = name.slice(cacheOf('').length);
          if (name !== CACHE && name === cacheOf(build) && /^[0-9a-f]{16}$/.test(build)) {
            await meta.put(recordOf(build), new Response(JSON.stringify({ build, at: 0 })));
          }
        }
      }
      // Recorded before it is filled: a failed install's cache is still
      // ours, and goes with the next build's clean-up.
      await meta.put(recordOf(BUILD), new Response(JSON.stringify({ build: BUILD, at: Date.now() })));
      const cache = await caches.open(CACHE);
      await cache.addAll(CORE.map((f) => new Request(f, { cache: 'reload' })));
      await self.skipWaiting();
    })(),
  );
});

// Deletes the older builds' caches if every tab open at the last take-over
// is gone.
async function cleanUp() {
  const meta = await caches.open(META);
  const pending = await meta.match(PENDING);
  if (!pending) return;
  const { clients: ids } = await pending.json();
  const open = await Promise.all(ids.map((id) => self.clients.get(id)));
  if (open.some(Boolean)) return;
  for (const build of await olderBuilds()) {
    await caches.delete(cacheOf(build));
    await meta.delete(recordOf(build));
  }
  // Caches of the worker before scopes (pw-pledge-widget-<hash>): only one
  // holding this scope's page, so another folder's is left alone.
  for (const name of await caches.keys()) {
    if (/^pw-pledge-widget-[0-9a-f]{16}$/.test(name) && (await caches.match(SCOPE, { cacheName: name }))) {
      await caches.delete(name);
    }
  }
  await meta.delete(PENDING);
}

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      // Tabs of this scope open now may run an older build: remember them.
      // (This may count a tab of a nested scope too: it only delays the
      // clean-up.)
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

// A file of this build first, else of an older one still kept (newest
// first). caches.match with a cacheName never creates a cache. The
// communes' files only from this build: an older index names shards this
// build no longer has.
const COMMUNES = new Set(LAZY.filter((f) => f.startsWith('communes/')).map((f) => new URL(f, self.location).href));
async function cached(request) {
  const url = new URL(request.url);
  url.search = '';
  const builds = COMMUNES.has(url.href) ? [BUILD] : [BUILD, ...(await olderBuilds()).reverse()];
  for (const build of builds) {
    const hit = await caches.match(request, { cacheName: cacheOf(build), ignoreSearch: true });
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
      fetch(request).catch(() => caches.match('./', { cacheName: CACHE, ignoreSearch: true })),
    );
    return;
  }
  const path = new URL(request.url).pathname;
  if (LISTS.has(path.replace(/^.*\//, '')) || /\/engagements\/(communes\/)?[A-Za-z0-9-]+\.json$/.test(path)) {
    event.respondWith(freshList(request));
    return;
  }
  event.respondWith(cachedOrFetched(request));
});

// The organiser's published list (docs/list-v2.md), its shards, their
// index and the communes' files (engagements/, docs/list-shards.md) and its open data: the
// server's copy when online (it changes without a deploy), the last one
// seen when not, marked so (`X-PW-Offline: 1`: the page says « hors ligne
// — liste du … »). Kept apart from the builds' caches: a deploy keeps them.
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
    if (!kept) throw error;
    const headers = new Headers(kept.headers);
    headers.set('X-PW-Offline', '1');
    return new Response(kept.body, { status: kept.status, statusText: kept.statusText, headers });
  }
}
