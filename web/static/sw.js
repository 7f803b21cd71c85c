// Fieldbase service worker: precaches the versioned app shell so the app opens with no
// network. scripts/build-web.sh fills in the version (a hash of every precached file)
// and the list; a new build is a new cache, and the old one is deleted on activation.
// /api/ and /sync are never cached or intercepted.
//
// Updates: the first version activates at once. A later version installs and waits
// until the page, having offered "update available — reload", asks it to take over
// ({type: "SKIP_WAITING"}); every edit is in IndexedDB before the UI shows it, so the
// reload loses nothing.

const VERSION = "__FB_VERSION__";
const PRECACHE = __FB_PRECACHE__;
const CACHE = `fieldbase-shell-${VERSION}`;

self.addEventListener("install", (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      // Bypass the HTTP cache so a new version never precaches a stale file.
      await cache.addAll(PRECACHE.map((url) => new Request(url, { cache: "reload" })));
      // No page runs an older version yet: take over now. Otherwise wait for the page.
      if (!self.registration.active) await self.skipWaiting();
    })(),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      for (const key of await caches.keys()) {
        if (key.startsWith("fieldbase-shell-") && key !== CACHE) await caches.delete(key);
      }
      await self.clients.claim();
    })(),
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (url.pathname.startsWith("/api/") || url.pathname === "/sync" || url.pathname === "/healthz") {
    return; // always the network
  }
  if (request.mode === "navigate") {
    // Any page of the app is the shell: cache first, network if it is somehow missing.
    event.respondWith(
      (async () => (await caches.match("/index.html", { cacheName: CACHE })) || fetch(request))(),
    );
    return;
  }
  event.respondWith(
    (async () => (await caches.match(request, { cacheName: CACHE, ignoreSearch: true })) || fetch(request))(),
  );
});

self.addEventListener("message", (event) => {
  if (event.data && event.data.type === "SKIP_WAITING") self.skipWaiting();
});
