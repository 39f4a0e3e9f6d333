// Lighthouse (mobile preset: simulated slow 4G, 4× CPU slowdown) on the first screen, served with brotli as a
// well-configured static host does (serve-dist.mjs serves the build's precompressed copies). Printed, not asserted:
// the figures depend on the machine. Usage: node lighthouse.mjs <dist-dir> [runs]
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { dirname, join, resolve } from 'node:path';
import { CHROMIUM_ARGS } from '../playwright.config.js';

const dist = resolve(process.argv[2] ?? '../../dist');
const runs = Number(process.argv[3] ?? 3);
const port = 8093;
const here = dirname(fileURLToPath(import.meta.url));
const server = spawn(process.execPath, [join(here, '..', 'serve-dist.mjs'), dist, String(port)], { stdio: 'ignore' });
const url = `http://127.0.0.1:${port}/`;
for (let i = 0; i < 50; i++) {
  if (await fetch(url).then(() => true, () => false)) break;
  await new Promise((r) => setTimeout(r, 100));
}

const chrome = await chromeLauncher.launch({
  chromePath: '/usr/bin/chromium',
  chromeFlags: ['--headless=new', ...CHROMIUM_ARGS],
});
const rows = [];
try {
  for (let i = 0; i < runs; i++) {
    const { lhr } = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance'] });
    const a = lhr.audits;
    const ms = (id) => a[id]?.numericValue ?? NaN;
    rows.push({
      score: Math.round((lhr.categories.performance.score ?? 0) * 100),
      fcp: ms('first-contentful-paint'),
      lcp: ms('largest-contentful-paint'),
      tbt: ms('total-blocking-time'),
      cls: ms('cumulative-layout-shift'),
      tti: ms('interactive'),
      kb: ms('total-byte-weight') / 1024,
      lcpElement: a['largest-contentful-paint-element']?.details?.items?.[0]?.items?.[0]?.node?.snippet ?? '',
    });
  }
} finally {
  await chrome.kill();
  server.kill();
}
console.log('run  performance   FCP ms   LCP ms   TBT ms     CLS   TTI ms  transferred KB');
rows.forEach((r, i) => console.log(
  `${String(i + 1).padStart(3)}  ${String(r.score).padStart(11)}  ${r.fcp.toFixed(0).padStart(7)}  ${r.lcp.toFixed(0).padStart(7)}  `
  + `${r.tbt.toFixed(0).padStart(7)}  ${r.cls.toFixed(3).padStart(6)}  ${r.tti.toFixed(0).padStart(7)}  ${r.kb.toFixed(1).padStart(14)}`,
));
const median = (k) => [...rows].map((r) => r[k]).sort((x, y) => x - y)[Math.floor(rows.length / 2)];
console.log(`median: performance ${median('score')}, FCP ${median('fcp').toFixed(0)} ms, LCP ${median('lcp').toFixed(0)} ms, `
  + `TBT ${median('tbt').toFixed(0)} ms, CLS ${median('cls').toFixed(3)}`);
console.log(`LCP element: ${rows[0]?.lcpElement}`);
