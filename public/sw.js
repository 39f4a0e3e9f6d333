// SIP-planen offline: after the first load the app starts, unlocks and saves with no network (the cases are in
// IndexedDB; this caches only the app's own files). The list and the cache's name are written by the release
// build's post-build hook. A new deployment installs beside the old one and waits: the page says "En ny version
// finns" and reloads only when the user chooses (the app has saved what was typed by then).
const FILES = [];
const CACHE = 'sip-planen-dev';
self.addEventListener('install', (e) => {
  e.waitUntil(caches.open(CACHE).then((c) => c.addAll(FILES)));
});
self.addEventListener('message', (e) => {
  if (e.data === 'skip') self.skipWaiting();
});
self.addEventListener('activate', (e) => {
  e.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith('sip-planen-') && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});
self.addEventListener('fetch', (e) => {
  const url = new URL(e.request.url);
  if (e.request.method !== 'GET' || url.origin !== location.origin || url.pathname.startsWith('/min-plan/')) return;
  // Every page of the app is index.html (the app routes in the browser).
  const key = e.request.mode === 'navigate' ? '/index.html' : url.pathname;
  e.respondWith(caches.match(key).then((hit) => hit || fetch(e.request)));
});
