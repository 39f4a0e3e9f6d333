// First load: the first screen is in the HTML and painted before the Wasm arrives; the app takes over without a
// layout shift; the host serves the build's precompressed files.
import { test, expect } from '../pages/fixtures.js';
import { App } from '../pages/app.js';

/** Holds every .wasm request until the returned function is called. */
async function holdWasm(page) {
  let release;
  const released = new Promise((r) => { release = r; });
  await page.route('**/*.wasm', async (route) => {
    await released;
    await route.continue();
  });
  return release;
}

/** Collects layout shifts (without recent input) from the start of every document of the page. */
async function watchShifts(page) {
  await page.addInitScript(() => {
    window.__shifts = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (!e.hadRecentInput) window.__shifts.push(e.value);
    }).observe({ type: 'layout-shift', buffered: true });
  });
}

test('the first screen is painted before the Wasm arrives, and the app takes it over in place', async ({ page }) => {
  const app = new App(page);
  await watchShifts(page);
  const release = await holdWasm(page);
  await page.goto('/');
  // The static screen: heading, text and the warning, with no field to type into yet.
  const heading = page.getByRole('heading', { level: 1, name: 'Välj en lösenfras' });
  await expect(heading).toBeVisible();
  await expect(page.getByText('Glömmer du den kan uppgifterna inte läsas')).toBeVisible();
  await expect(page.getByRole('status')).toHaveText('Startar SIP-planen…');
  await expect(page.getByRole('textbox')).toHaveCount(0);
  expect(await page.locator('#shell').count()).toBe(1);
  await app.expectAccessible('the static first screen');
  const before = await heading.boundingBox();

  release();
  await expect(page.getByLabel('Lösenfras', { exact: true })).toBeVisible();
  expect(await page.locator('#shell').count(), 'the static screen is gone').toBe(0);
  await expect(heading).toHaveCount(1);
  expect(await heading.boundingBox(), 'the heading stays where it was painted').toEqual(before);
  expect(await page.evaluate(() => window.__shifts), 'layout shifts').toEqual([]);
  await app.expectAccessible('first start');
});

test('a device with a store shows the unlock screen first, at the text size chosen', async ({ page }) => {
  const app = new App(page);
  await app.open('/installningar');
  await page.getByLabel('Störst (dubbel storlek)').check();
  await app.open('/');
  await app.firstStart();
  await watchShifts(page);
  const release = await holdWasm(page);
  await page.reload();
  const heading = page.getByRole('heading', { level: 1, name: 'Lås upp SIP-planen' });
  await expect(heading).toBeVisible();
  await expect(page.getByText('Ärendena är krypterade.')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Välj en lösenfras' })).toHaveCount(0);
  expect(await page.evaluate(() => document.documentElement.dataset.textstorlek)).toBe('storst');
  const before = await heading.boundingBox();
  release();
  await expect(page.getByLabel('Lösenfras')).toBeFocused();
  expect(await heading.boundingBox()).toEqual(before);
  expect(await page.evaluate(() => window.__shifts), 'layout shifts').toEqual([]);
  await app.unlock();
  await expect(page.getByRole('heading', { name: 'Att göra' })).toBeVisible();
});

test('the pages without a lock and the big screen show no lock screen while the Wasm loads', async ({ page }) => {
  const release = await holdWasm(page);
  await page.goto('/tillganglighet');
  await expect(page.getByRole('link', { name: 'Inställningar' })).toBeVisible();
  await expect(page.getByRole('heading', { name: /Välj en lösenfras|Lås upp/ })).toHaveCount(0);
  await page.goto('/storskarm/00000000-0000-0000-0000-000000000000');
  await expect(page.locator('#shell')).toBeHidden();
  release();
  await expect(page.locator('#shell')).toHaveCount(0);
});

test('the host serves the precompressed build: brotli for the Wasm, the glue and the page', async ({ page }) => {
  const encodings = {};
  page.on('response', async (r) => {
    const path = new URL(r.url()).pathname;
    const kind = path === '/' ? 'html' : path.split('.').pop();
    encodings[kind] = (await r.allHeaders())['content-encoding'];
  });
  await page.goto('/');
  await expect(page.getByLabel('Lösenfras', { exact: true })).toBeVisible();
  // The headers are read asynchronously: wait for the last of them rather than race it.
  await expect.poll(() => encodings).toMatchObject({ html: 'br', js: 'br', css: 'br', wasm: 'br' });
});
