// End-to-end tests against the release build in dist/, with Debian's Chromium (no browser download).
import { defineConfig } from '@playwright/test';

export const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync',
];

export default defineConfig({
  testDir: './specs',
  workers: 1,
  fullyParallel: false,
  retries: 0,
  timeout: 90_000,
  expect: { timeout: 15_000 },
  reporter: [['list']],
  outputDir: 'test-results',
  use: {
    baseURL: 'http://127.0.0.1:8090',
    locale: 'sv-SE',
    timezoneId: 'Europe/Stockholm',
    viewport: { width: 1280, height: 900 },
    launchOptions: { executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS },
    screenshot: 'only-on-failure',
    // The service workers (offline use) are tested where they are the subject (specs/offline.spec.js, the Min plan
    // spec's own contexts); elsewhere a worker caching 1.3 MB in the background of every test would only add load.
    serviceWorkers: 'block',
  },
  webServer: {
    command: 'node serve-dist.mjs ../../dist 8090',
    url: 'http://127.0.0.1:8090/',
    reuseExistingServer: false,
    timeout: 30_000,
  },
});
