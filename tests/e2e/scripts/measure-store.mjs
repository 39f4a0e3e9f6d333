// Measures the store in headless Chromium, against the measurement build (--features bench): for each store (1 000
// registered cases, 10 000 realistic ones by default) the unlock time (key derivation + reading the case index), the
// register's render and a search; then the restore of cases from a backup file. Prints figures; checks only
// correctness (every case counted or restored, the search finds its case, axe-core on the register, the crash page
// works) — timings are reported, never asserted.
// Usage: node measure-store.mjs <dist-bench-dir> [--stores=1000,10000r] [--restore=1000,10000,1000r]
import { chromium } from '@playwright/test';
import { resolve } from 'node:path';
import { CHROMIUM_ARGS } from '../playwright.config.js';
import { startServer } from '../pages/server.mjs';
import AxeBuilder from '@axe-core/playwright';

const RUNS = 5;
// Rows the register paints before "Visa fler" (PAGE in src/ui/pages/arenden.rs).
const PAGE = 100;
// What is measured: `--stores=1000,10000r` (a store of 1 000 registered cases, then one of 10 000 realistic ones) and
// `--restore=1000,10000,1000r` (restores); an "r" means realistic cases.
const option = (name, fallback) => (process.argv.find((a) => a.startsWith(`--${name}=`)) ?? `=${fallback}`).split('=')[1];
const sets = (text) => text.split(',').filter(Boolean).map((s) => ({ n: parseInt(s, 10), realistic: s.endsWith('r') }));
const STORES = sets(option('stores', '1000,10000r'));
const RESTORES = sets(option('restore', '1000,10000,1000r'));
const PORT = 8091;
const PASS = 'mätning av lagret med tusen ärenden';
const dist = resolve(process.argv.slice(2).find((a) => !a.startsWith('--')) ?? 'target/dist-bench');

let server;
const fail = (msg) => { console.error(`measure: FAILED — ${msg}`); server?.kill(); process.exit(1); };
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (ms) => `${ms.toFixed(0)} ms`;

let browser;
try {
  server = await startServer(dist, PORT);
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'sv-SE' });
  const page = await context.newPage();
  const base = `http://127.0.0.1:${PORT}`;
  const line = (label, ms) => console.log(`  ${label.padEnd(56)} ${fmt(ms).padStart(8)}`);
  for (const { n, realistic } of STORES) {
    const kind = realistic ? 'realistic cases (a year\'s work each: parties, consent, kallelse, meeting, a locked plan of 10 insatser, a follow-up)' : 'registered cases';
    // A fresh store: the database deleted (the app lets go of it), then set up and seeded through the store.
    await page.goto(`${base}/`);
    await page.evaluate(() => new Promise((done) => { const r = indexedDB.deleteDatabase('sip-planen'); r.onsuccess = r.onerror = r.onblocked = done; }));
    await page.goto(`${base}/`);
    await page.getByRole('heading', { name: 'Välj en lösenfras' }).waitFor();
    const seedStart = Date.now();
    const seeded = await page.evaluate(([p, k, r]) => window.wasmBindings.bench_seed(p, k, r), [PASS, n, realistic]);
    if (seeded !== n) fail(`seeded ${seeded} cases, expected ${n}`);
    console.log(`seeded ${n} ${kind} in ${fmt(Date.now() - seedStart)} (through the store, batches of 200)`);

    const key = [], load = [], render = [], total = [];
    for (let run = 0; run < RUNS; run++) {
      await page.goto(`${base}/arenden`); // the case register (the start page is the Att göra board)
      await page.getByLabel('Lösenfras').fill(PASS);
      await page.getByRole('button', { name: 'Lås upp' }).click();
      // The register paints a page of rows (PAGE in src/ui/pages/arenden.rs) and counts every case.
      const shownAt = await (await page.waitForFunction(
        ([k, rows]) => document.querySelectorAll('table.case-table tbody tr').length === rows
          && document.querySelector('.result-count')?.textContent === `${k} ärenden` && performance.now(),
        [n, Math.min(n, PAGE)], { polling: 'raf', timeout: 120_000 },
      )).jsonValue();
      const marks = await page.evaluate(() => Object.fromEntries(
        performance.getEntriesByType('mark').filter((m) => m.name.startsWith('sip:')).map((m) => [m.name, m.startTime])));
      if (!marks['sip:unlock-start'] || !marks['sip:cases-loaded']) fail('performance marks missing');
      key.push(marks['sip:key-ready'] - marks['sip:unlock-start']);
      load.push(marks['sip:cases-loaded'] - marks['sip:key-ready']);
      render.push(shownAt - marks['sip:cases-loaded']);
      total.push(shownAt - marks['sip:unlock-start']);
    }
    // Memory after the last unlock, the register painted: the JS heap after a garbage collection, and the Wasm
    // memory (its high-water mark: it never shrinks).
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('HeapProfiler.collectGarbage');
    const heap = (await cdp.send('Runtime.getHeapUsage')).usedSize;
    const wasmBytes = await page.evaluate(() => window.wasmBindings.bench_memory());
    await cdp.detach();
    const rows = await page.locator('table.case-table tbody tr').count();
    if (rows !== Math.min(n, PAGE)) fail(`the list shows ${rows} rows, expected ${Math.min(n, PAGE)}`);
    // Search: a name typed (one input event) until the one match is counted and painted; "Visa fler"; axe-core on
    // the register with its long list; the match opens.
    const search = page.getByLabel('Sök på namn eller personnummer');
    const name = realistic ? 'Person 00042 Realistsson' : 'Person 0042 Testsson';
    const searchMs = [];
    for (let run = 0; run < RUNS; run++) {
      await search.fill('');
      await page.waitForFunction((k) => document.querySelector('.result-count')?.textContent === `${k} ärenden`, n);
      const t = await page.evaluate(() => performance.now());
      await search.fill(name);
      const painted = await (await page.waitForFunction(
        () => document.querySelector('.result-count')?.textContent === '1 ärende'
          && document.querySelectorAll('table.case-table tbody tr').length === 1 && performance.now(),
        null, { polling: 'raf', timeout: 30_000 },
      )).jsonValue();
      searchMs.push(painted - t);
    }
    await search.fill('');
    if (n > PAGE) {
      await page.getByRole('button', { name: `Visa fler (${n - PAGE} till)` }).click();
      await page.waitForFunction((k) => document.querySelectorAll('table.case-table tbody tr').length === k, Math.min(n, 2 * PAGE));
    }
    const axe = await new AxeBuilder({ page }).analyze();
    if (axe.violations.length) fail(`axe-core on the register: ${axe.violations.map((v) => v.id).join(', ')}`);
    // Opening one case: a click on its row until its page (heading and steps) is painted; median of the runs.
    const openMs = [];
    for (let run = 0; run < RUNS; run++) {
      if (run > 0) {
        await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Ärenden' }).click();
        await page.waitForFunction((k) => document.querySelector('.result-count')?.textContent === `${k} ärenden`, n);
      }
      await search.fill(name);
      await page.getByRole('link', { name }).waitFor();
      const t = await page.evaluate((nm) => {
        const a = [...document.querySelectorAll('table.case-table a')].find((x) => x.textContent.includes(nm));
        const t0 = performance.now();
        a.click();
        return t0;
      }, name);
      const painted = await (await page.waitForFunction(
        (nm) => document.querySelector('h1')?.textContent === nm
          && document.querySelector('nav[aria-label="Steg i SIP-processen"]') && performance.now(),
        name, { polling: 'raf', timeout: 30_000 },
      )).jsonValue();
      openMs.push(painted - t);
    }
    // Att göra, the start page: every open deadline of every case, from the engine.
    const todo = [];
    let todoCount = '';
    for (let run = 0; run < 3; run++) {
      await page.goto(`${base}/`);
      await page.getByLabel('Lösenfras').fill(PASS);
      await page.getByRole('button', { name: 'Lås upp' }).click();
      const paintedAt = await (await page.waitForFunction(
        () => /tidsgräns/.test(document.querySelector('.result-count')?.textContent ?? '') && performance.now(),
        null, { polling: 'raf', timeout: 300_000 },
      )).jsonValue();
      const start = await page.evaluate(() => performance.getEntriesByName('sip:unlock-start')[0]?.startTime ?? 0);
      todo.push(paintedAt - start);
      todoCount = (await page.locator('.result-count').textContent()).trim();
    }
    console.log(`store with ${n} ${realistic ? 'realistic' : 'registered'} cases, median of ${RUNS} unlocks in headless Chromium (release build):`);
    line('key derivation (PBKDF2-SHA-256, 600 000 iterations)', median(key));
    line(`reading and decrypting the index of ${n} cases (64 sealed buckets)`, median(load));
    line('unlock total (key + index)', median(key) + median(load));
    line(`register render (${Math.min(n, PAGE)} of ${n} rows painted)`, median(render));
    line(`unlock click to the register painted (${Math.min(n, PAGE)} rows, ${n} counted)`, median(total));
    line('search: a name typed until its one match is painted', median(searchMs));
    line('opening one case: a click on its row until its page is painted', median(openMs));
    line(`unlock click to Att göra painted (${todoCount.replace(/\.$/, '')}; median of 3)`, median(todo));
    console.log(`  memory after unlock, the register painted: JS heap ${(heap / 1048576).toFixed(1)} MB, Wasm memory ` +
      `${(wasmBytes / 1048576).toFixed(1)} MB`);
  }

  // The crash page: a panic must leave a Swedish page with "Ladda om", and reloading brings the app back.
  // From a timer, as a bug in an event handler would: nothing catches it.
  await page.evaluate(() => { setTimeout(() => window.wasmBindings.bench_panic(), 0); });
  await page.getByRole('heading', { name: 'Något gick fel' }).waitFor({ timeout: 5000 });
  const axe = await new AxeBuilder({ page }).analyze();
  if (axe.violations.length) fail(`axe-core on the crash page: ${axe.violations.map((v) => v.id).join(', ')}`);
  const leaked = await page.evaluate(() => document.body.innerText.includes('Person 0'));
  if (leaked) fail('case data left on the crash page');
  await page.getByRole('button', { name: 'Ladda om' }).click();
  await page.getByRole('heading', { name: 'Lås upp SIP-planen' }).waitFor({ timeout: 15_000 });
  console.log('crash page: shown on panic, no case data on it, no axe-core violation, "Ladda om" brings back the unlock form');

  // Autosave of one realistic case: the main thread's part (serialising it) and the whole save (seal and write).
  {
    const a = JSON.parse(await page.evaluate((p) => window.wasmBindings.bench_autosave(p, 20), PASS));
    console.log(`autosave of one realistic case (${(a.bytes / 1024).toFixed(1)} KB of JSON), median of 20: main-thread ` +
      `serialising ${median(a.serialise_ms).toFixed(2)} ms, the whole save (serialise, seal, write, committed) ` +
      `${median(a.save_ms).toFixed(1)} ms; then the tools' fold of its index marker into its sealed bucket (in a ` +
      `10 000-case index: read the marker and the bucket, open, re-seal, write) ${median(a.fold_ms).toFixed(1)} ms`);
  }

  // Återställ: cases from a backup file into an empty database of their own (open and validate the file, then seal
  // and write every case in one transaction).
  for (const { n, realistic } of RESTORES) {
    const r = JSON.parse(await page.evaluate(([p, k, x]) => window.wasmBindings.bench_restore(p, k, x), [PASS, n, realistic]));
    if (r.cases !== n) fail(`restore wrote ${r.cases} cases, expected ${n}`);
    const total = r.open_ms + r.seal_ms + r.write_ms;
    console.log(`restore of ${n} ${realistic ? 'realistic' : 'registered'} cases from a ${(r.bytes / 1024).toFixed(0)} KB backup file: open and validate ${fmt(r.open_ms)} ` +
      `(with the backup key's PBKDF2), seal ${fmt(r.seal_ms)}, write in one transaction ${fmt(r.write_ms)}; ` +
      `total ${fmt(total)} = ${Math.round(n / (total / 1000))} cases/s; the restore itself (what "Återställ N ärenden" ` +
      `does once the file is read and shown: seal and write) ${fmt(r.seal_ms + r.write_ms)} = ` +
      `${Math.round(n / ((r.seal_ms + r.write_ms) / 1000))} cases/s`);
  }
} catch (e) {
  fail(e.stack ?? String(e));
} finally {
  await browser?.close();
  server?.kill();
}
