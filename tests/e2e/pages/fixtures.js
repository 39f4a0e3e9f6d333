// The `test` every spec uses. For every test, automatically:
// - the clock starts at a fixed moment (and then runs), so ages, deadlines and dates never expire with the calendar;
// - any Content-Security-Policy violation, in any window of the test, fails it;
// - any request to another origin fails it (the app is offline by design: nothing leaves the device).
import { test as base, expect } from '@playwright/test';

/** Thursday 26 November 2026, 10:00 in Stockholm: the moment every test starts at unless it sets its own. */
export const NOW = new Date('2026-11-26T10:00:00+01:00');

export const test = base.extend({
  /** The moment the clock starts at; a test sets another with `test.use({ startAt: … })`, or `null` for none. */
  startAt: [NOW, { option: true }],

  context: async ({ context, startAt, baseURL }, use) => {
    if (startAt) await context.clock.install({ time: startAt });
    const origin = new URL(baseURL).origin;
    const problems = [];
    context.on('request', (req) => {
      const url = req.url();
      if (url.startsWith('data:') || url.startsWith('blob:')) return;
      if (new URL(url).origin !== origin) problems.push(`request to another origin: ${url}`);
    });
    const watch = (page) => {
      page.on('console', (msg) => {
        const text = msg.text();
        if (/Content Security Policy|Content-Security-Policy/i.test(text)) problems.push(`CSP: ${text}`);
      });
    };
    context.on('page', watch);
    context.pages().forEach(watch);
    await context.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => {
        // Surfaces in the console listener above, whatever page it happens on.
        console.error(`Content Security Policy violation: ${e.violatedDirective} ${e.blockedURI}`);
      });
    });
    await use(context);
    expect(problems, 'CSP violations and requests to other origins').toEqual([]);
  },
});

export { expect };
