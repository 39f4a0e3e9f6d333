// Measures the store with 1 000 cases in headless Chromium, against the measurement build (--features bench):
// unlock time (key derivation + decrypting every case) and case-list render time, and the restore of 1 000 and
// 10 000 cases from a backup file. Prints figures; checks only correctness (all cases listed or restored, the crash
// page works) — timings are reported, never asserted.
// Usage: node measure-store.mjs <dist-bench-dir>
import { chromium } from '@playwright/test';
import { resolve } from 'node:path';
import { CHROMIUM_ARGS } from '../playwright.config.js';
import { startServer } from '../pages/server.mjs';
import AxeBuilder from '@axe-core/playwright';

const CASES = 1000;
const RUNS = 5;
const RESTORE_CASES = 10_000;
const PORT = 8091;
const PASS = 'mätning av lagret med tusen ärenden';
const dist = resolve(process.argv[2] ?? 'target/dist-bench');

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
  await page.goto(`${base}/`);
  await page.getByRole('heading', { name: 'Välj en lösenfras' }).waitFor();
  const seedStart = Date.now();
  const seeded = await page.evaluate(([p, n]) => window.wasmBindings.bench_seed(p, n), [PASS, CASES]);
  if (seeded !== CASES) fail(`seeded ${seeded} cases, expected ${CASES}`);
  console.log(`seeded ${CASES} cases in ${fmt(Date.now() - seedStart)} (through the store, batches of 200)`);

  const key = [], load = [], render = [], total = [];
  for (let run = 0; run < RUNS; run++) {
    await page.goto(`${base}/arenden`); // the case register (the start page is the Att göra board)
    await page.getByLabel('Lösenfras').fill(PASS);
    await page.getByRole('button', { name: 'Lås upp' }).click();
    const shownAt = await (await page.waitForFunction(
      (n) => document.querySelectorAll('table.case-table tbody tr').length === n && performance.now(),
      CASES, { polling: 'raf', timeout: 60_000 },
    )).jsonValue();
    const marks = await page.evaluate(() => Object.fromEntries(
      performance.getEntriesByType('mark').filter((m) => m.name.startsWith('sip:')).map((m) => [m.name, m.startTime])));
    if (!marks['sip:unlock-start'] || !marks['sip:cases-loaded']) fail('performance marks missing');
    key.push(marks['sip:key-ready'] - marks['sip:unlock-start']);
    load.push(marks['sip:cases-loaded'] - marks['sip:key-ready']);
    render.push(shownAt - marks['sip:cases-loaded']);
    total.push(shownAt - marks['sip:unlock-start']);
  }
  const rows = await page.locator('table.case-table tbody tr').count();
  if (rows !== CASES) fail(`the list shows ${rows} cases, expected ${CASES}`);
  console.log(`store with ${CASES} cases, median of ${RUNS} unlocks in headless Chromium (release build):`);
  const line = (label, ms) => console.log(`  ${label.padEnd(56)} ${fmt(ms).padStart(8)}`);
  line('key derivation (PBKDF2-SHA-256, 600 000 iterations)', median(key));
  line(`reading and decrypting ${CASES} cases`, median(load));
  line('unlock total (key + cases)', median(key) + median(load));
  line(`case-list render (${CASES} rows painted)`, median(render));
  line('unlock click to full list', median(total));

  // The crash page: a panic must leave a Swedish page with "Ladda om", and reloading brings the app back.
  // From a timer, as a bug in an event handler would: nothing catches it.
  await page.evaluate(() => { setTimeout(() => window.wasmBindings.bench_panic(), 0); });
  await page.getByRole('heading', { name: 'Något gick fel' }).waitFor({ timeout: 5000 });
  const axe = await new AxeBuilder({ page }).analyze();
  if (axe.violations.length) fail(`axe-core on the crash page: ${axe.violations.map((v) => v.id).join(', ')}`);
  const leaked = await page.evaluate(() => document.body.innerText.includes('Person 0001'));
  if (leaked) fail('case data left on the crash page');
  await page.getByRole('button', { name: 'Ladda om' }).click();
  await page.getByRole('heading', { name: 'Lås upp SIP-planen' }).waitFor({ timeout: 15_000 });
  console.log('crash page: shown on panic, no case data on it, no axe-core violation, "Ladda om" brings back the unlock form');

  // Återställ: 10 000 cases from a backup file into an empty database of their own (open and validate the file,
  // then seal and write every case in one transaction). Registered cases, as seeded above.
  for (const n of [1000, RESTORE_CASES]) {
    const r = JSON.parse(await page.evaluate(([p, k]) => window.wasmBindings.bench_restore(p, k), [PASS, n]));
    if (r.cases !== n) fail(`restore wrote ${r.cases} cases, expected ${n}`);
    const total = r.open_ms + r.seal_ms + r.write_ms;
    console.log(`restore of ${n} cases from a ${(r.bytes / 1024).toFixed(0)} KB backup file: open and validate ${fmt(r.open_ms)} ` +
      `(with the backup key's PBKDF2), seal ${fmt(r.seal_ms)}, write in one transaction ${fmt(r.write_ms)}; ` +
      `total ${fmt(total)} = ${Math.round(n / (total / 1000))} cases/s`);
  }
} catch (e) {
  fail(e.stack ?? String(e));
} finally {
  await browser?.close();
  server?.kill();
}
