// Offline and installable (issue 17, in part): after the first load the service worker has the app's files, so with
// the network off the app starts, unlocks and saves; a new deployment is announced and reloads only when the user
// chooses, keeping what was typed.
import { readFileSync, writeFileSync } from 'node:fs';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { test, expect } from '../pages/fixtures.js';
import { App } from '../pages/app.js';
import { readyForMeeting, startMeeting } from '../pages/flows.js';

test.use({ serviceWorkers: 'allow' });

const DIST = new URL('../../../dist/', import.meta.url).pathname;

/** Deploys a changed service worker (as a new release would), with its precompressed copies; returns the undo. */
function deployNewWorker() {
  const path = `${DIST}sw.js`;
  const files = [path, `${path}.br`, `${path}.gz`].map((p) => [p, readFileSync(p)]);
  const before = readFileSync(path, 'utf8');
  const code = before.replace(/sip-planen-[0-9a-f]{16}/, 'sip-planen-next0000000000');
  if (code === before) throw new Error('the cache name was not found in dist/sw.js');
  writeFileSync(path, code);
  writeFileSync(`${path}.br`, brotliCompressSync(Buffer.from(code)));
  writeFileSync(`${path}.gz`, gzipSync(Buffer.from(code)));
  return () => files.forEach(([p, b]) => writeFileSync(p, b));
}

test('with the network off the app starts, unlocks and saves; it is installable; a new version waits for "Ladda om" and keeps the text', async ({ page, context }) => {
  const app = new App(page);
  await readyForMeeting(page, app);
  await startMeeting(page, app);
  const manifest = await page.evaluate(async () => (await fetch(document.querySelector('link[rel=manifest]').href)).json());
  expect(manifest.display).toBe('standalone');
  expect(manifest.icons.map((i) => i.sizes)).toEqual(['192x192', '512x512']);
  await page.evaluate(async () => { await navigator.serviceWorker.ready; });
  const selfDoes = page.getByLabel('Vad kan Lisa göra själv?');

  // Offline: the app starts, unlocks, saves — and what was saved is there at the next start.
  await context.setOffline(true);
  await page.reload();
  await app.unlock();
  await selfDoes.fill('Lisa handlar själv, också utan nät');
  // On disk 350 ms after the last key (the guarantee the safety spec holds).
  await page.waitForTimeout(350);
  await page.reload();
  await app.unlock();
  await expect(selfDoes).toHaveValue('Lisa handlar själv, också utan nät');
  await app.expectAccessible('offline, unlocked, in the plan');
  // The tools (their own Wasm, loaded when one is opened) come from the worker's cache too.
  await page.getByRole('navigation').getByRole('link', { name: 'Inställningar' }).click();
  await page.getByRole('button', { name: 'Öppna säkerhetskopiering och återställning' }).click();
  await expect(page.getByRole('heading', { name: 'Säkerhetskopiera' })).toBeFocused();
  await page.goBack();
  await expect(selfDoes).toHaveValue('Lisa handlar själv, också utan nät');
  await context.setOffline(false);

  // A new deployment: announced, and nothing reloads until the user chooses; what was typed is kept.
  const undo = deployNewWorker();
  try {
    await page.evaluate(async () => { await (await navigator.serviceWorker.getRegistration()).update(); });
    const notice = page.getByRole('complementary', { name: 'Ny version' });
    await expect(notice).toContainText('En ny version finns.');
    await app.expectAccessible('a new version is announced');
    await selfDoes.fill('Skrivet precis före omladdningen');
    await notice.getByRole('button', { name: 'Ladda om' }).click();
    await app.unlock();
    await expect(selfDoes).toHaveValue('Skrivet precis före omladdningen');
    await expect(page.getByRole('complementary', { name: 'Ny version' })).toHaveCount(0);
  } finally {
    undo();
  }
});

test('Inställningar shows whether the browser keeps the data and how full the storage is, and warns well before full', async ({ page }) => {
  const app = new App(page);
  await app.open('/installningar');
  const storage = page.getByRole('region', { name: 'Lagring på den här enheten' });
  await expect(storage).toContainText(/Använt \d+,\d MB av \d+,\d MB som webbläsaren tillåter \(\d+ %\)\./);
  await expect(storage).toContainText(/Webbläsaren (har lovat|har inte lovat|berättar inte)/);
  await expect(storage.getByRole('alert')).toHaveCount(0);
  await app.expectAccessible('settings with the storage');

  // A device nearly full (the browser's estimate, as it would report it).
  await page.addInitScript(() => {
    navigator.storage.estimate = async () => ({ usage: 9 * 1048576 * 100, quota: 1000 * 1048576 });
  });
  await page.reload();
  await expect(storage).toContainText('Använt 900,0 MB av 1000,0 MB som webbläsaren tillåter (90 %).');
  await expect(storage.getByRole('alert')).toHaveText(/Lagringsutrymmet börjar ta slut/);
  await app.expectAccessible('settings, storage nearly full');
});
