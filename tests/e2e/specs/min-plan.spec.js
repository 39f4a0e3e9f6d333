// "Min plan" (issue 16): the person's own read-only plan, shared from the established plan as a link and a code,
// opened in a browser that has no store — on a phone and on a desktop, in four language choices, printed.
import { test, expect } from '../pages/fixtures.js';
import { App } from '../pages/app.js';
import { lockedPlan, newCase, twoUnits, consent, sendInitiative, fillKallelse, startMeeting, writePlan, establishSignLock } from '../pages/flows.js';

const ARTIFACTS = new URL('../artifacts/', import.meta.url).pathname;

/** A fresh browser context (no store, no app), recording every request it makes. */
async function stranger(browser, baseURL, viewport) {
  const context = await browser.newContext({ viewport, baseURL, serviceWorkers: 'allow' });
  const requests = [];
  context.on('request', (r) => requests.push(r.url()));
  const page = await context.newPage();
  return { context, page, requests };
}

test('Dela med Lisa → the link in a fresh browser with the code → Lisas plan; wrong code, damaged link, Arabic, lättläst, print', async ({ page, browser, baseURL }) => {
  const app = new App(page);
  await lockedPlan(page, app);
  const share = page.getByRole('region', { name: /Min plan – dela planen med Lisa/ });
  await share.getByRole('button', { name: 'Dela med Lisa' }).click();
  const code = (await share.locator('.share-code').textContent()).trim();
  expect(code).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/);
  const link = await share.getByRole('textbox', { name: 'Länken till Lisa' }).inputValue();
  expect(link).toMatch(/\/min-plan\/#1\./);
  expect(link).not.toContain(code.replaceAll('-', ''));
  await expect(share.getByRole('img', { name: 'QR-kod till länken för Lisa' })).toBeVisible();
  const length = link.length;
  console.log(`min-plan: link ${length} characters for a plan of one insats`);
  await app.expectAccessible('Dela med Lisa, with the code, the link and its QR code');

  const fragment = link.slice(link.indexOf('#'));
  const path = `/min-plan/${fragment}`;
  for (const viewport of [{ width: 390, height: 844 }, { width: 1280, height: 900 }]) {
    const s = await stranger(browser, baseURL, viewport);
    const p = s.page;
    const them = new App(p);
    await p.goto(path);
    await expect(p.getByLabel('Skriv in din kod')).toBeVisible();
    await them.expectAccessible(`Min plan, the code form at ${viewport.width}`);
    // A wrong code: a clear message and nothing of the plan.
    await p.getByLabel('Skriv in din kod').fill('ACEF-GH34-JKMN');
    await p.getByRole('button', { name: 'Visa min plan' }).click();
    await expect(p.getByRole('alert')).toHaveText('Koden stämmer inte. Kontrollera koden och försök igen.');
    await expect(p.getByText('Hemtjänst på morgonen')).toHaveCount(0);
    await them.expectAccessible('Min plan, wrong code');
    // The right code, typed as a person might (lower case, spaces).
    await p.getByLabel('Skriv in din kod').fill(code.toLowerCase().replaceAll('-', ' '));
    await p.getByRole('button', { name: 'Visa min plan' }).click();
    await expect(p.getByRole('heading', { level: 1, name: 'Lisas plan' })).toBeFocused();
    await expect(p.getByText('Planen gäller.')).toBeVisible();
    await expect(p.getByText(/Det här är versionen från 2026-11-26 \(version 1\)\./)).toBeVisible();
    await expect(p.getByRole('heading', { name: 'Vem gör vad' })).toBeVisible();
    await expect(p.getByRole('heading', { level: 3, name: 'Hemtjänst på morgonen' })).toBeVisible();
    await expect(p.getByText('Lisa ska laga frukost själv')).toBeVisible();
    await expect(p.getByText('2027-03-01, Vårdcentralen Centrum')).toBeVisible();
    await expect(p.getByText('SIP är avgiftsfri.')).toBeVisible();
    const shown = await p.locator('body').innerText();
    expect(shown).not.toMatch(/811228|9874|Andersson/);
    await them.expectAccessible(`Min plan, the plan at ${viewport.width}`);
    const over = await p.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(over, 'no sideways scrolling').toBeLessThanOrEqual(0);
    if (viewport.width === 390) {
      await p.screenshot({ path: `${ARTIFACTS}min-plan-telefon.png`, fullPage: true });
      // A 360-px phone at 200 % text: no sideways scrolling.
      await p.setViewportSize({ width: 360, height: 780 });
      await p.evaluate(() => { document.documentElement.style.fontSize = '200%'; });
      const wide = await p.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(wide, 'no sideways scrolling at 360 px and 200 % text').toBeLessThanOrEqual(0);
      await p.evaluate(() => { document.documentElement.style.fontSize = ''; });
      await p.setViewportSize(viewport);
      // Arabic, right to left; the plan's own words stay as written.
      await p.getByLabel('Språk').selectOption({ label: 'العربية' });
      await expect(p.locator('html')).toHaveAttribute('dir', 'rtl');
      await expect(p.getByRole('heading', { level: 1, name: 'خطة Lisa' })).toBeVisible();
      await expect(p.getByRole('heading', { level: 3, name: 'Hemtjänst på morgonen' })).toHaveAttribute('lang', 'sv');
      await them.expectAccessible('Min plan in Arabic');
      await p.screenshot({ path: `${ARTIFACTS}min-plan-arabiska.png`, fullPage: true });
      // Lättläst svenska, remembered on the device.
      await p.getByLabel('اللغة').selectOption({ label: 'Lättläst svenska' });
      await expect(p.getByRole('heading', { name: 'Det här vill jag' })).toBeVisible();
      await expect(p.locator('html')).toHaveAttribute('dir', 'ltr');
      await them.expectAccessible('Min plan in lättläst svenska');
      await p.reload();
      await expect(p.getByLabel('Skriv din kod')).toBeVisible();
      // Large type and print (A4).
      await p.getByLabel('Skriv din kod').fill(code);
      await p.getByRole('button', { name: 'Visa min plan' }).click();
      await p.getByRole('button', { name: 'Stor text' }).click();
      await expect(p.getByRole('button', { name: 'Stor text' })).toHaveAttribute('aria-pressed', 'true');
      await p.emulateMedia({ media: 'print' });
      // On paper: the link as a QR code to open the plan again (never the code).
      await expect(p.getByRole('img', { name: /Skanna med telefonen/ })).toBeVisible();
      await p.pdf({ path: `${ARTIFACTS}min-plan-utskrift.pdf`, format: 'A4' });
      await p.emulateMedia({ media: 'screen' });
      // Offline once opened: with the network off the page starts again and opens the plan from the link.
      await p.evaluate(async () => { await navigator.serviceWorker.ready; });
      await s.context.setOffline(true);
      await p.reload();
      await p.getByLabel('Skriv din kod').fill(code);
      await p.getByRole('button', { name: 'Visa min plan' }).click();
      await expect(p.getByRole('heading', { level: 1, name: 'Lisas plan' })).toBeVisible();
      await s.context.setOffline(false);
    }
    // The fragment reaches no server, and nothing leaves the origin.
    const secret = fragment.slice(1, 40);
    expect(s.requests.filter((u) => u.includes(secret))).toEqual([]);
    expect(s.requests.filter((u) => new URL(u).origin !== new URL(baseURL).origin)).toEqual([]);
    await s.context.close();
  }

  // A link changed or cut in copying: "Länken är skadad eller ofullständig", before any code.
  const s = await stranger(browser, baseURL, { width: 390, height: 844 });
  const changed = fragment.slice(0, 60) + (fragment[60] === 'A' ? 'B' : 'A') + fragment.slice(61);
  for (const bad of [changed, fragment.slice(0, fragment.length - 12)]) {
    await s.page.goto(`/min-plan/${bad}`);
    await expect(s.page.getByRole('alert')).toHaveText('Länken är skadad eller ofullständig. Be den som samordnar din plan om en ny länk.');
    await expect(s.page.getByLabel('Skriv in din kod')).toHaveCount(0);
  }
  await new App(s.page).expectAccessible('Min plan, damaged link');
  await s.context.close();
});

test('for a child, each guardian gets an own link and code: one guardian\'s code does not open the other\'s link', async ({ page, browser, baseURL }) => {
  const app = new App(page);
  await newCase(page, app, { name: 'Elsa Berg', number: '20170102-2384', kommun: 'Sala' });
  await twoUnits(app);
  await app.addGuardian('Maria Berg');
  await app.addGuardian('Johan Berg');
  await consent(page, app, { givers: ['Vårdnadshavare Maria Berg', 'Vårdnadshavare Johan Berg'] });
  await sendInitiative(page, app);
  await page.getByRole('button', { name: 'Kvittera för Vårdcentralen Centrum' }).click();
  await app.step('Kallelse');
  await fillKallelse(page);
  await page.getByRole('button', { name: 'Skicka kallelse' }).click();
  await startMeeting(page, app);
  await writePlan(page, 'Elsa');
  await establishSignLock(page);

  const share = page.getByRole('region', { name: /Min plan – dela planen med Elsa/ });
  const shared = {};
  for (const who of ['Maria Berg', 'Johan Berg']) {
    await share.getByRole('button', { name: `Dela med ${who}` }).click();
    await expect(share.getByRole('heading', { name: `Till ${who} – version 1` })).toBeVisible();
    const link = await share.getByRole('textbox', { name: `Länken till ${who}` }).inputValue();
    const code = (await share.locator('.share-result', { hasText: `Till ${who}` }).locator('.share-code').textContent()).trim();
    shared[who] = { link, code };
  }
  await expect(share.getByRole('button', { name: 'Dela med Elsa' })).toBeVisible();
  expect(shared['Maria Berg'].code).not.toBe(shared['Johan Berg'].code);
  expect(shared['Maria Berg'].link).not.toBe(shared['Johan Berg'].link);
  await app.expectAccessible('Dela med, for a child and both guardians');

  const s = await stranger(browser, baseURL, { width: 390, height: 844 });
  const fragment = shared['Maria Berg'].link.slice(shared['Maria Berg'].link.indexOf('#'));
  await s.page.goto(`/min-plan/${fragment}`);
  await s.page.getByLabel('Skriv in din kod').fill(shared['Johan Berg'].code);
  await s.page.getByRole('button', { name: 'Visa min plan' }).click();
  await expect(s.page.getByRole('alert')).toHaveText('Koden stämmer inte. Kontrollera koden och försök igen.');
  await s.page.getByLabel('Skriv in din kod').fill(shared['Maria Berg'].code);
  await s.page.getByRole('button', { name: 'Visa min plan' }).click();
  await expect(s.page.getByRole('heading', { level: 1, name: 'Elsas plan' })).toBeVisible();
  await expect(s.page.locator('body')).not.toContainText('2384');
  await s.context.close();
});
