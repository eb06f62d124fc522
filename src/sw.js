// hoso service worker (written into dist/ by scripts/build/pwa.py, which fills in VERSION and ASSETS).
// Precaches the whole app — both bundles, every hashed asset, the catalog and the unit list —
// under a per-build cache, serves it cache-first, and answers every navigation with the right app
// shell so deep links open offline. A new version waits until the page asks it to take over.
const VERSION = "__VERSION__";
const ASSETS = __ASSETS__;
const CACHE = "hoso-" + VERSION;

self.addEventListener("install", (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(ASSETS)));
});

self.addEventListener("activate", (event) => {
  event.waitUntil((async () => {
    for (const key of await caches.keys()) {
      if (key.startsWith("hoso-") && key !== CACHE) await caches.delete(key);
    }
    await self.clients.claim();
  })());
});

self.addEventListener("message", (event) => {
  if (event.data === "skip-waiting") self.skipWaiting();
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  // A ward's settings: the newest from the server when there is a network, else the cached copy.
  if (url.pathname === "/settings.json" || url.pathname.startsWith("/settings/")) {
    event.respondWith(
      fetch(request).then((res) => {
        if (res.ok) { const copy = res.clone(); caches.open(CACHE).then((c) => c.put(url.pathname, copy)); }
        return res;
      }).catch(() => caches.match(url.pathname, { cacheName: CACHE }).then((hit) => hit || Response.error())),
    );
    return;
  }
  // App pages get the app shell; real files (e.g. /demo/vy-da.html) are served as themselves.
  if (request.mode === "navigate" && !/\.[a-z0-9]+$/i.test(url.pathname)) {
    const staff = url.pathname === "/staff" || url.pathname.startsWith("/staff/");
    const shell = staff ? "/staff/index.html" : "/index.html";
    event.respondWith(caches.match(shell, { cacheName: CACHE }).then((hit) => hit || fetch(request)));
    return;
  }
  event.respondWith(
    caches.match(request, { cacheName: CACHE, ignoreSearch: true }).then((hit) => hit || fetch(request)),
  );
});
