// "Min plan" offline: once the person has opened their plan, the page works without a network (on a bus, in a
// waiting room). Caches this entry's own files at install (the list and the cache's name are written by the
// release build's post-build hook) and serves them first; the plan itself is in the link, never in a cache.
const FILES = [];
const CACHE = 'min-plan-dev';
self.addEventListener('install', (e) => {
  e.waitUntil(caches.open(CACHE).then((c) => c.addAll(FILES)).then(() => self.skipWaiting()));
});
self.addEventListener('activate', (e) => {
  e.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith('min-plan-') && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});
self.addEventListener('fetch', (e) => {
  const url = new URL(e.request.url);
  if (e.request.method !== 'GET' || url.origin !== location.origin || !url.pathname.startsWith('/min-plan/')) return;
  // The page itself under any fragment (the browser never sends it) is the cached index.html.
  const key = e.request.mode === 'navigate' ? '/min-plan/index.html' : url.pathname;
  e.respondWith(caches.match(key).then((hit) => hit || fetch(e.request)));
});
