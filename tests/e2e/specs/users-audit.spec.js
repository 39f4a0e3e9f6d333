// Several users on one device and the audit log (issue 17). The first user administers: adds a colleague (with
// the own passphrase as confirmation), who unlocks with an own passphrase, acts under the own name and changes the
// passphrase; the administrator removes the colleague. The audit log records who opened, changed and printed which
// case, each unlock and failed unlock; it is viewed per case and for the device, filtered by user and date,
// exported as CSV, and a changed entry is shown as a broken chain.
import { readFileSync } from 'node:fs';
import { test, expect } from '../pages/fixtures.js';
import { App, PASSPHRASE, USER } from '../pages/app.js';
import { twoUnits, consent, sendInitiative } from '../pages/flows.js';

const BO = 'Bo Ek';
const BO_FIRST = 'första frasen för bo';
const BO_OWN = 'bos egen fras om hösten';

/** Unlocked (on whichever page was shown when the app locked). */
async function unlocked(page) {
  await expect(page.getByRole('button', { name: 'Lås', exact: true })).toBeVisible();
}

/** Inställningar → a tool section's button (the tools' Wasm draws in its place). */
async function openTool(page, button) {
  await page.getByRole('navigation').getByRole('link', { name: 'Inställningar' }).click();
  await page.getByRole('button', { name: button }).click();
}

test('the first user administers: adds a colleague who unlocks with an own passphrase, acts under the own name and changes it; the colleague is removed', async ({ page }) => {
  const app = new App(page);
  await app.open('/');
  await app.firstStart();
  await openTool(page, 'Öppna användare och lösenfraser');
  await expect(page.getByRole('heading', { name: 'Användare på den här enheten' })).toBeFocused();
  await expect(page.getByRole('row', { name: 'Anna Berg (du) Administratör' })).toBeVisible();
  await app.expectAccessible('users, one administrator');

  // Adding needs the administrator's own passphrase: a wrong one is said at its field and adds nobody.
  await page.getByLabel('Namn', { exact: true }).fill(BO);
  await page.getByLabel('Första lösenfras för användaren').fill(BO_FIRST);
  await page.getByLabel('Samma lösenfras igen').fill(BO_FIRST);
  const confirm = page.getByLabel('Din egen lösenfras (bekräftar ändringen)');
  await confirm.fill('fel fras helt och hållet');
  await page.getByRole('button', { name: 'Lägg till användare' }).click();
  await expect(confirm).toBeFocused();
  await expect(page.locator('#ny-min-fel')).toHaveText('Fel lösenfras');
  await expect(page.getByRole('row', { name: /Bo Ek/ })).toHaveCount(0);
  await confirm.fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Lägg till användare' }).click();
  await expect(page.locator('#users-status')).toContainText('Bo Ek är tillagd');
  await expect(page.getByRole('row', { name: 'Bo Ek Användare' })).toBeVisible();
  await app.expectAccessible('users, a colleague added');
  await page.screenshot({ path: new URL('../artifacts/anvandare.png', import.meta.url).pathname, fullPage: true });
  await app.lock();

  // Bo unlocks with his own passphrase (his name typed as he likes) and is no administrator.
  await app.unlock(BO_FIRST, 'bo ek');
  await expect(page.getByRole('heading', { name: 'Att göra' })).toBeVisible();
  await openTool(page, 'Öppna användare och lösenfraser');
  await expect(page.getByText('Bara en administratör kan lägga till och ta bort användare.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Lägg till användare' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /Ta bort/ })).toHaveCount(0);
  // He changes his own passphrase.
  await page.getByLabel('Nuvarande lösenfras').fill(BO_FIRST);
  await page.getByLabel('Ny lösenfras', { exact: true }).fill(BO_OWN);
  await page.getByLabel('Den nya lösenfrasen igen').fill(BO_OWN);
  await page.getByRole('button', { name: 'Byt din lösenfras' }).click();
  await expect(page.locator('#users-status')).toHaveText('Din lösenfras är bytt. Använd den nya nästa gång du låser upp.');
  await app.expectAccessible('users, seen by a colleague');
  const size = page.viewportSize();
  await page.setViewportSize({ width: 390, height: 844 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  await page.setViewportSize(size);

  // What Bo does is done in his name: he sends the initiative and is the samordningsansvarig.
  await app.createCase({ name: 'Lisa Andersson', number: '19121212-1212' });
  await twoUnits(app);
  await consent(page, app);
  await sendInitiative(page, app);
  await app.step('Översikt');
  await expect(page.getByRole('region', { name: 'Samordningsansvar' })).toContainText(`Samordningsansvarig: ${BO}`);
  await app.lock();

  // The old passphrase opens nothing; the new one does; Anna's is unchanged.
  await app.unlock(BO_FIRST, BO);
  await expect(page.getByRole('alert')).toHaveText('Fel lösenfras');
  await app.unlock(BO_OWN, BO);
  await unlocked(page);
  await app.lock();
  await app.unlock(PASSPHRASE, USER);
  await unlocked(page);

  // Anna removes Bo (after confirming); his passphrase then opens nothing.
  await openTool(page, 'Öppna användare och lösenfraser');
  await expect(page.getByRole('button', { name: 'Ta bort Anna Berg' })).toHaveCount(0);
  page.once('dialog', (d) => d.accept());
  await page.getByRole('button', { name: 'Ta bort Bo Ek' }).click();
  await expect(page.locator('#users-status')).toHaveText('Bo Ek är borttagen från enheten.');
  await expect(page.getByRole('row', { name: /Bo Ek/ })).toHaveCount(0);
  await app.lock();
  await app.unlock(BO_OWN, BO);
  await expect(page.getByRole('alert')).toContainText('Det finns ingen användare med det namnet');
  await app.expectAccessible('unlock, a removed user');
});

test('the audit log: who opened, changed and printed which case, and failed unlocks; filtered by case, user and date, as CSV; a changed entry is shown', async ({ page }) => {
  const app = new App(page);
  await app.open('/');
  await app.firstStart();
  await app.createCase({ name: 'Lisa Andersson', number: '19121212-1212' });
  await twoUnits(app);
  // A print (the button or the browser's own: both fire beforeprint).
  await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  await app.lock();
  await app.unlock('fel lösenfras nummer ett');
  await expect(page.getByRole('alert')).toHaveText('Fel lösenfras');
  await app.unlock();
  await unlocked(page);

  // Per case: the log filtered to Lisa's case.
  await openTool(page, 'Visa granskningsloggen');
  await expect(page.locator('#logg-kedja')).toContainText('Loggen är hel');
  await page.getByRole('combobox', { name: 'Ärende' }).selectOption({ label: 'Lisa Andersson' });
  await page.getByRole('button', { name: 'Visa', exact: true }).click();
  const rows = page.getByRole('table', { name: 'Granskningslogg' }).getByRole('row');
  // Each opening once (registered and opened; opened again after the unlock to go on with it).
  await expect(rows.filter({ hasText: 'Öppnat' })).toHaveCount(2);
  await expect(rows.filter({ hasText: 'Öppnat' }).first()).toContainText('Anna Berg');
  await expect(rows.filter({ hasText: 'Ändrat' }).filter({ hasText: 'Part tillagd' })).toHaveCount(2);
  await expect(rows.filter({ hasText: 'Ändrat' }).filter({ hasText: 'Ärendet registrerades' })).toHaveCount(1);
  await expect(rows.filter({ hasText: 'Utskrift' })).toHaveCount(1);
  // No unlock in a case's log.
  await expect(rows.filter({ hasText: 'upplåsning' })).toHaveCount(0);
  await app.expectAccessible('the case\'s audit log');
  await page.getByRole('combobox', { name: 'Ärende' }).selectOption({ label: 'Alla ärenden och enheten' });

  // The device: the failed unlock and the unlocks too; filtered by user and by date.
  await page.getByRole('button', { name: 'Visa', exact: true }).click();
  const device = page.getByRole('table', { name: 'Granskningslogg' }).getByRole('row');
  await expect(device.filter({ hasText: 'Misslyckad upplåsning' })).toHaveCount(1);
  await expect(device.filter({ hasText: 'Upplåst' })).toHaveCount(2);
  await page.getByRole('combobox', { name: 'Användare' }).selectOption(USER);
  await page.getByRole('button', { name: 'Visa', exact: true }).click();
  await expect(device.filter({ hasText: 'Upplåst' })).toHaveCount(2);
  const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
  await page.getByLabel('Från och med datum').fill(tomorrow);
  await page.getByRole('button', { name: 'Visa', exact: true }).click();
  await expect(page.locator('#logg-antal')).toHaveText('0 poster.');
  await page.getByLabel('Från och med datum').fill('');
  await page.getByRole('button', { name: 'Visa', exact: true }).click();
  await app.expectAccessible('the device\'s audit log');
  await page.screenshot({ path: new URL('../artifacts/granskningslogg.png', import.meta.url).pathname, fullPage: true });
  // On a phone the rows stack, each cell named, and nothing scrolls sideways.
  const size = page.viewportSize();
  await page.setViewportSize({ width: 390, height: 844 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  await expect(device.nth(1).locator('td[data-label="Händelse"]')).toBeVisible();
  await app.expectAccessible('the audit log on a phone');
  await page.setViewportSize(size);

  // CSV of what the filters keep.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Ladda ner som CSV' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^granskningslogg-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = readFileSync(await download.path(), 'utf8').replace(/^\uFEFF/, '');
  const lines = csv.split('\r\n');
  expect(lines[0]).toBe('Tid;Användare;Händelse;Ärende;Ärende-id;Detalj');
  expect(csv).toContain(';Misslyckad upplåsning;');
  expect(csv).toContain(';Utskrift;Lisa Andersson;');

  // An entry changed at rest: the log says where the chain breaks.
  await page.evaluate(() => new Promise((resolve, reject) => {
    const open = indexedDB.open('sip-planen');
    open.onsuccess = () => {
      const tx = open.result.transaction('audit', 'readwrite');
      const store = tx.objectStore('audit');
      const get = store.get(2);
      get.onsuccess = () => {
        const rec = get.result;
        rec.ct = new Uint8Array(rec.ct);
        rec.ct[0] ^= 1;
        store.put(rec, 2);
      };
      tx.oncomplete = () => { open.result.close(); resolve(); };
      tx.onerror = () => reject(tx.error);
    };
    open.onerror = () => reject(open.error);
  }));
  await page.getByRole('navigation').getByRole('link', { name: 'Att göra' }).click();
  await openTool(page, 'Visa granskningsloggen');
  await expect(page.getByRole('alert')).toContainText('Varning: loggen är ändrad. Post 2');
  await app.expectAccessible('a changed audit log');
});
