// The foundation journeys: first start, register, reload, unlock, search, lock — with axe-core on every screen.
import { test, expect } from '../pages/fixtures.js';
import { App, PASSPHRASE } from '../pages/app.js';
import { mkdirSync } from 'node:fs';

const ARTIFACTS = new URL('../artifacts/', import.meta.url).pathname;
mkdirSync(ARTIFACTS, { recursive: true });

const LISA = { name: 'Lisa Andersson', number: '811228-9874', full: '19811228-9874', masked: '19811228-****' };
const ELSA = { name: 'Elsa Berg', number: '20170102-2384', full: '20170102-2384', masked: '20170102-****' };

/** Presses Tab until the focused element satisfies `matches` (keyboard only); fails after 40 presses. */
async function tabTo(page, description, matches) {
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Tab');
    const hit = await page.evaluate(matches);
    if (hit) return;
  }
  throw new Error(`keyboard focus never reached ${description}`);
}

test('first start, register an adult by keyboard and a child, reload, unlock, search, lock', async ({ page }) => {
  const app = new App(page);
  await app.open('/');
  await app.firstStart();
  await expect(page.getByText('Inga öppna tidsgränser.')).toBeVisible();
  await app.expectAccessible('empty Att göra board');
  await page.getByRole('navigation').getByRole('link', { name: 'Ärenden' }).click();
  await expect(page.getByText('Inga ärenden ännu.')).toBeVisible();
  await app.expectAccessible('empty case list');

  // Keyboard only: from the case list to a registered adult.
  await tabTo(page, 'the Nytt ärende button', () => document.activeElement?.textContent?.trim() === 'Nytt ärende');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Nytt ärende' })).toBeVisible();
  // Submitting empty shows the engine's messages (and the screen must still pass axe).
  await tabTo(page, 'Registrera', () => document.activeElement?.textContent?.trim() === 'Registrera');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('alert').getByText('Ange namn.')).toBeVisible();
  await expect(page.getByRole('alert').getByText('Välj typ av identitet.')).toBeVisible();
  await app.expectAccessible('new case form with errors');

  await tabTo(page, 'Namn', () => document.activeElement?.id === 'namn');
  await page.keyboard.type(LISA.name);
  await page.keyboard.press('Tab'); // the first radio: Personnummer
  await page.keyboard.press('Space');
  await expect(page.getByRole('radio', { name: 'Personnummer' })).toBeChecked();
  await tabTo(page, 'Nummer', () => document.activeElement?.id === 'nummer');
  await page.keyboard.type(LISA.number);
  await tabTo(page, 'Kommun', () => document.activeElement?.id === 'kommun');
  await page.keyboard.type('Västerås');
  await tabTo(page, 'Behöver tolk', () => document.activeElement?.id === 'tolk');
  await page.keyboard.press('Space');
  await tabTo(page, 'Registrera', () => document.activeElement?.textContent?.trim() === 'Registrera');
  await page.keyboard.press('Enter');

  await expect(page.getByRole('heading', { level: 1, name: LISA.name })).toBeVisible();
  await expect(page.getByText(LISA.full)).toBeVisible(); // in full on the case page only
  await expect(page.getByText('44 år')).toBeVisible();
  await expect(page.locator('.case-facts')).toContainText('Fas: Behov');
  await app.expectAccessible('case page');

  await app.createCase({ name: ELSA.name, number: ELSA.number, kommun: 'Sala' });
  await expect(page.getByText('9 år (barn)')).toBeVisible();

  await page.getByRole('navigation').getByRole('link', { name: 'Ärenden' }).click();
  await expect(app.caseRows()).toHaveCount(3); // header + two cases
  await expect(page.getByRole('cell', { name: LISA.masked })).toBeVisible();
  await expect(page.getByRole('cell', { name: ELSA.masked })).toBeVisible();
  await expect(page.getByText(LISA.full)).toHaveCount(0); // masked in the list
  await app.expectAccessible('case list');
  await page.screenshot({ path: `${ARTIFACTS}case-list.png`, fullPage: true });

  // Close and come back: the cases are still there after unlocking.
  await page.reload();
  await app.unlock();
  await expect(app.caseRows()).toHaveCount(3);
  // Newest change first.
  await expect(app.caseRows().nth(1)).toContainText(ELSA.name);

  const search = page.getByLabel('Sök på namn eller personnummer');
  await search.fill('lisa');
  await expect(app.caseRows()).toHaveCount(2);
  await expect(app.caseRows().nth(1)).toContainText(LISA.name);
  await search.fill('20170102');
  await expect(app.caseRows()).toHaveCount(2);
  await expect(app.caseRows().nth(1)).toContainText(ELSA.name);
  await search.fill('8112289874');
  await expect(app.caseRows().nth(1)).toContainText(LISA.name);
  await search.fill('Ingen Alls');
  await expect(page.getByText('Inga ärenden matchar sökningen.')).toBeVisible();

  // Lock: nothing of the cases is left in the DOM.
  await app.lock();
  await app.expectAccessible('unlock form');
  const html = await page.content();
  for (const secret of [LISA.name, ELSA.name, '19811228', '20170102', 'Västerås']) {
    expect(html, `"${secret}" must leave the DOM on lock`).not.toContain(secret);
  }
});

test('a wrong passphrase says "Fel lösenfras" and changes nothing', async ({ page }) => {
  const app = new App(page);
  await app.open('/');
  await app.firstStart();
  await app.createCase({ name: 'Omar Said', kind: 'Saknas' });
  await page.reload();
  await app.unlock('detta är inte rätt fras');
  await expect(page.getByRole('alert')).toHaveText('Fel lösenfras');
  await app.expectAccessible('unlock form with error');
  await app.unlock(PASSPHRASE);
  await expect(page.getByRole('status').getByText('fel lösenfras 1 gång')).toBeVisible();
  // The reload kept the address: the case page opens again after unlocking.
  await expect(page.getByRole('heading', { level: 1, name: 'Omar Said' })).toBeVisible();
});

test('a case page opened directly by its address works (static host with SPA fallback)', async ({ page, context }) => {
  const app = new App(page);
  await app.open('/');
  await app.firstStart();
  await app.createCase({ name: 'Ahmad Karimi', kind: 'Samordningsnummer', number: '701063-2391' });
  const url = page.url();
  expect(url).toMatch(/\/arende\/[0-9a-f-]{36}$/);
  const second = await context.newPage();
  await second.goto(url);
  await new App(second).unlock();
  await expect(second.getByRole('heading', { level: 1, name: 'Ahmad Karimi' })).toBeVisible();
  await expect(second.getByText('19701063-2391')).toBeVisible();
});

test('identity errors are explained in Swedish and nothing is created', async ({ page }) => {
  const app = new App(page);
  await app.open('/');
  await app.firstStart();
  await page.getByRole('link', { name: 'Nytt ärende' }).first().click();
  await page.getByLabel('Namn', { exact: true }).fill('Test Testsson');
  await page.getByRole('radio', { name: 'Personnummer' }).check();
  await page.getByLabel('Kommun', { exact: true }).fill('Borås');
  const cases = [
    ['19121212-1213', 'Kontrollsiffran stämmer inte. Kontrollera numret.'],
    ['19121312-1212', 'Månaden 13 finns inte.'],
    ['12345', 'Numret ska ha 10 eller 12 siffror'],
    ['701063-2391', 'det är ett samordningsnummer'],
    ['20401212-1212', 'Födelsedatumet ligger i framtiden.'],
  ];
  for (const [number, message] of cases) {
    await page.getByLabel('Nummer', { exact: true }).fill(number);
    await page.getByRole('button', { name: 'Registrera' }).click();
    await expect(page.locator('#nummer-fel')).toContainText(message);
    await expect(page.getByLabel('Nummer', { exact: true })).toHaveAttribute('aria-invalid', 'true');
  }
  await app.expectAccessible('new case form with an identity error');
  await page.getByRole('navigation').getByRole('link', { name: 'Ärenden' }).click();
  await expect(page.getByText('Inga ärenden ännu.')).toBeVisible();
});

test('details autosave on the case page and survive a reload', async ({ page }) => {
  const app = new App(page);
  await app.open('/');
  await app.firstStart();
  await app.createCase({ name: 'Maja Lind', number: '19460713-7454', kommun: 'Köping' });
  await expect(page.getByText('80 år')).toBeVisible();
  const language = page.getByLabel('Språk', { exact: true });
  await language.fill('finska');
  await expect(page.getByRole('banner').getByRole('status')).toHaveText('Sparat');
  await page.getByLabel('Kommun', { exact: true }).fill('');
  await expect(page.locator('#kommun-fel')).toHaveText('Ange kommun.');
  await page.getByLabel('Kommun', { exact: true }).fill('Arboga');
  await expect(page.getByRole('banner').getByRole('status')).toHaveText('Sparat');
  await page.reload();
  await app.unlock();
  await expect(page.getByRole('heading', { level: 1, name: 'Maja Lind' })).toBeVisible();
  await expect(page.getByLabel('Språk', { exact: true })).toHaveValue('finska');
  await expect(page.getByLabel('Kommun', { exact: true })).toHaveValue('Arboga');
});

test('settings persist, and the accessibility statement is linked from every page', async ({ page }) => {
  const app = new App(page);
  await app.open('/');
  await app.firstStart();
  await page.getByRole('link', { name: 'Inställningar' }).click();
  await expect(page.getByRole('heading', { name: 'Inställningar' })).toBeVisible();
  await page.getByLabel('Regional profil').selectOption({ label: 'Västmanland' });
  await page.getByRole('radio', { name: 'Större' }).check();
  await page.getByLabel('Lås automatiskt efter').selectOption('5');
  await expect(page.getByText('Inställningen är sparad.')).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('data-textstorlek', 'storre');
  await app.expectAccessible('settings');
  await page.reload();
  await expect(page.getByLabel('Regional profil')).toHaveValue('vastmanland');
  await expect(page.getByLabel('Lås automatiskt efter')).toHaveValue('5');
  await expect(page.getByRole('radio', { name: 'Större' })).toBeChecked();
  // New cases get the chosen profile.
  await page.goto('/');
  await app.unlock();
  await page.getByRole('link', { name: 'Nytt ärende' }).first().click();
  await expect(page.getByLabel('Regional profil')).toHaveValue('vastmanland');

  await page.getByRole('link', { name: 'Tillgänglighetsredogörelse' }).click();
  await expect(page.getByRole('heading', { name: 'Tillgänglighetsredogörelse för SIP-planen' })).toBeVisible();
  await app.expectAccessible('accessibility statement');
});

test('auto-lock after the idle minutes drops the case data and shows the unlock form', async ({ page }) => {
  // The fixture's clock runs from a fixed moment; fastForward moves it.
  const app = new App(page);
  await app.open('/');
  await app.firstStart();
  await app.createCase({ name: 'Sven Idle', kind: 'Saknas' });
  await page.getByRole('link', { name: 'Inställningar' }).click();
  await page.getByLabel('Lås automatiskt efter').selectOption('5');
  await page.getByRole('navigation').getByRole('link', { name: 'Ärenden' }).click();
  await expect(page.getByRole('link', { name: 'Sven Idle' })).toBeVisible();
  // Activity resets the idle time: four minutes, a key press, four more minutes — still open.
  await page.clock.fastForward('04:00');
  await page.keyboard.press('Shift');
  await page.clock.fastForward('04:00');
  await expect(page.getByRole('link', { name: 'Sven Idle' })).toBeVisible();
  // Over five idle minutes: locked.
  await page.clock.fastForward('01:30');
  await expect(page.getByRole('heading', { name: 'Lås upp SIP-planen' })).toBeVisible();
  await expect(page.getByText('SIP-planen låstes efter en stund utan aktivitet.')).toBeVisible();
  expect(await page.content()).not.toContain('Sven Idle');
  await app.expectAccessible('unlock form after auto-lock');
});

test('a failed write (storage full) keeps the edit, says so in Swedish, and "Försök igen" saves it', async ({ page }) => {
  const app = new App(page);
  await app.open('/');
  await app.firstStart();
  await app.createCase({ name: 'Maja Lind', number: '19460713-7454', kommun: 'Köping' });
  // The browser's storage refuses every write from now on.
  await page.evaluate(() => {
    window.__realPut = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function () {
      throw new DOMException('Lagringskvoten är slut', 'QuotaExceededError');
    };
  });
  await page.getByLabel('Språk', { exact: true }).fill('finska');
  const status = page.getByRole('banner').getByRole('status');
  await expect(status).toContainText('Lagringsutrymmet är fullt');
  await expect(status.getByRole('button', { name: 'Försök igen' })).toBeVisible();
  await expect(page.getByLabel('Språk', { exact: true })).toHaveValue('finska');
  await app.expectAccessible('case page with a failed write');
  // Leaving now would lose the edit: the browser asks first (and only now).
  const asked = new Promise((resolve) => page.once('dialog', async (d) => { resolve(d.type()); await d.dismiss(); }));
  page.reload().catch(() => {});
  expect(await asked).toBe('beforeunload');
  // Storage works again: the retry writes the kept edit.
  await page.evaluate(() => { IDBObjectStore.prototype.put = window.__realPut; });
  await status.getByRole('button', { name: 'Försök igen' }).click();
  await expect(status).toHaveText('Sparat');
  await page.reload();
  await app.unlock();
  await expect(page.getByLabel('Språk', { exact: true })).toHaveValue('finska');
});

test('a newer version opened in another tab: this tab lets go of the data and asks for a reload', async ({ page, context }) => {
  const app = new App(page);
  await app.open('/');
  await app.firstStart();
  await app.createCase({ name: 'Sara Flik', kind: 'Saknas' });
  const other = await context.newPage();
  await other.goto('/');
  // That tab's own app has opened the database (and listens for version changes) once it asks to unlock.
  await expect(other.getByRole('heading', { name: 'Lås upp SIP-planen' })).toBeVisible();
  // A newer release in the other tab upgrades the database; it must not be blocked by this tab.
  await other.evaluate(() => new Promise((resolve, reject) => {
    const req = indexedDB.open('sip-planen', 99);
    req.onsuccess = () => { req.result.close(); resolve(); };
    req.onerror = () => reject(req.error);
  }));
  await expect(page.getByText('SIP-planen har uppdaterats i en annan flik.')).toBeVisible();
  expect(await page.content()).not.toContain('Sara Flik');
  await app.expectAccessible('version changed in another tab');
});
