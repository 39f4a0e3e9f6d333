// Backup and restore (issue 17): every case into one encrypted file with its own passphrase, the device wiped, the
// file restored; a case changed since the backup is a clash the user decides, with the dates shown; wrong
// passphrase, a cut file, a file that is not a backup and a hostile file sealed with the right passphrase (the same
// case twice, an unknown field) are refused with a Swedish message and change nothing. The file is opened here in
// Node too, with nothing but the documented format: magic, version, salt, IV, AES-GCM over deflate-raw JSON.
import { webcrypto } from 'node:crypto';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import { test, expect } from '../pages/fixtures.js';
import { App } from '../pages/app.js';
import { newCase, twoUnits } from '../pages/flows.js';

const BACKUP_PASS = 'säkerhetskopia i kassaskåpet';
const MAGIC = 'SIPPLANBAK';

async function keyFor(passphrase, salt) {
  const base = await webcrypto.subtle.importKey('raw', new TextEncoder().encode(passphrase), 'PBKDF2', false, ['deriveKey']);
  return webcrypto.subtle.deriveKey({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations: 600_000 }, base,
    { name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
}

/** The content of a backup file, opened as the format says. */
async function openFile(bytes, passphrase) {
  expect(bytes.subarray(0, 10).toString('latin1')).toBe(MAGIC);
  expect(bytes[10]).toBe(1);
  const header = bytes.subarray(0, 27);
  const key = await keyFor(passphrase, bytes.subarray(11, 27));
  const plain = await webcrypto.subtle.decrypt({ name: 'AES-GCM', iv: bytes.subarray(27, 39), additionalData: header },
    key, bytes.subarray(39));
  return JSON.parse(inflateRawSync(Buffer.from(plain)).toString('utf8'));
}

/** A backup file of `content`, sealed as the app seals one. */
async function sealFile(content, passphrase) {
  const salt = webcrypto.getRandomValues(new Uint8Array(16));
  const iv = webcrypto.getRandomValues(new Uint8Array(12));
  const header = Buffer.concat([Buffer.from(MAGIC, 'latin1'), Buffer.from([1]), Buffer.from(salt)]);
  const key = await keyFor(passphrase, salt);
  const ct = await webcrypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: header }, key,
    deflateRawSync(Buffer.from(JSON.stringify(content))));
  return Buffer.concat([header, Buffer.from(iv), Buffer.from(ct)]);
}

/** Inställningar → Säkerhetskopia → the tool (its own Wasm, loaded now). */
async function toSettings(page) {
  await page.getByRole('navigation').getByRole('link', { name: 'Inställningar' }).click();
  await expect(page.getByRole('heading', { name: 'Säkerhetskopia' })).toBeVisible();
  await page.getByRole('button', { name: 'Öppna säkerhetskopiering och återställning' }).click();
  await expect(page.getByRole('heading', { name: 'Säkerhetskopiera' })).toBeFocused();
}

async function chooseFile(page, name, buffer, passphrase) {
  await page.getByLabel('Fil med säkerhetskopia').setInputFiles({ name, mimeType: 'application/octet-stream', buffer });
  await page.getByLabel('Säkerhetskopians lösenfras').fill(passphrase);
  await page.getByRole('button', { name: 'Läs säkerhetskopian' }).click();
}

async function registerNames(page) {
  await page.getByRole('navigation').getByRole('link', { name: 'Ärenden' }).click();
  const rows = page.getByRole('main').getByRole('link', { name: /Andersson|Said/ });
  await expect(rows.first()).toBeVisible();
  return (await rows.allInnerTexts()).map((t) => t.trim()).sort();
}

test('backup → wipe → restore, a clash decided with the dates shown, and hostile files refused without a change', async ({ page }) => {
  test.setTimeout(150_000);
  const app = new App(page);
  await newCase(page, app, { name: 'Lisa Andersson', number: '19811228-9874' });
  await twoUnits(app);
  await app.createCase({ name: 'Omar Said', number: '20170102-2384' });

  // Säkerhetskopiera: the passphrase rules hold, then the file downloads.
  await toSettings(page);
  await app.expectAccessible('Inställningar with Säkerhetskopia');
  await page.getByLabel('Lösenfras för säkerhetskopian').fill('kort');
  await page.getByLabel('Samma lösenfras igen').fill('kort');
  await page.getByRole('button', { name: 'Säkerhetskopiera' }).click();
  await expect(page.getByText('minst 12 tecken', { exact: false }).last()).toBeVisible();
  await page.getByLabel('Lösenfras för säkerhetskopian').fill(BACKUP_PASS);
  await page.getByLabel('Samma lösenfras igen').fill(BACKUP_PASS);
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Säkerhetskopiera' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('sip-planen-2026-11-26.sipbak');
  const file = readFileSync(await download.path());
  await expect(page.getByRole('status').filter({ hasText: 'Säkerhetskopian med 2 ärenden är nedladdad' })).toBeVisible();
  // Nothing readable in the file; opened by the format, both cases are in it.
  expect(file.toString('latin1')).not.toMatch(/Andersson|19811228|Said/);
  const content = await openFile(file, BACKUP_PASS);
  expect(content.format).toBe('sip-planen/sakerhetskopia');
  expect(content.cases.map((c) => c.person.name).sort()).toEqual(['Lisa Andersson', 'Omar Said']);

  // Lisa's case changes after the backup; restoring onto this device shows the clash with both dates.
  await page.getByRole('navigation').getByRole('link', { name: 'Ärenden' }).click();
  await page.getByRole('link', { name: /Lisa Andersson/ }).click();
  await app.step('Parter');
  await app.addParty('Region – Psykiatri', 'Psykiatrin Västerås', { contact: 'Dr Lind' });
  await toSettings(page);
  await chooseFile(page, 'kopia.sipbak', file, BACKUP_PASS);
  await expect(page.getByText('Filen gjordes 2026-11-26')).toBeVisible();
  await expect(page.getByText('och innehåller 2 ärenden.')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Ärenden som finns både på enheten och i filen' })).toBeVisible();
  await expect(page.getByRole('listitem').filter({ hasText: /^Lisa Andersson: på enheten ändrat 2026-11-26 \d\d:\d\d, i filen ändrat 2026-11-26 \d\d:\d\d$/ })).toBeVisible();
  await app.expectAccessible('Återställ: a clash with its dates');
  await page.screenshot({ path: new URL('../artifacts/sakerhetskopia-aterstall.png', import.meta.url).pathname, fullPage: true });
  await page.getByRole('radio', { name: 'Behåll båda (filens blir en kopia)' }).check();
  await page.getByRole('button', { name: 'Återställ 2 ärenden' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Återställt: 0 tillagda, 1 tillagda som kopia, 1 fanns redan likadana.' })).toBeVisible();
  expect(await registerNames(page)).toEqual([
    expect.stringContaining('Lisa Andersson'), expect.stringContaining('Lisa Andersson'), expect.stringContaining('Omar Said'),
  ]);

  // Wipe: the device's database is deleted; the app starts anew with another passphrase.
  await page.evaluate(() => new Promise((done) => { const r = indexedDB.deleteDatabase('sip-planen'); r.onsuccess = r.onerror = r.onblocked = done; }));
  await page.goto('/');
  await app.firstStart('en helt ny lösenfras för enheten');
  await toSettings(page);

  // Refused, each with its message, nothing changed: not a backup, cut short, wrong passphrase, hostile content.
  const refused = async (name, bytes, passphrase, message) => {
    await chooseFile(page, name, bytes, passphrase);
    await expect(page.getByText(message)).toBeVisible();
    await expect(page.getByText('Ingenting har ändrats.').first()).toBeVisible();
    await expect(page.getByRole('button', { name: /^Återställ \d+ ärenden$/ })).toHaveCount(0);
  };
  await refused('anteckning.txt', Buffer.from('hej, det här är ingen säkerhetskopia'), BACKUP_PASS,
    'Filen är inte en säkerhetskopia från SIP-planen.');
  await refused('avklippt.sipbak', file.subarray(0, 30), BACKUP_PASS, 'Filen är ofullständig');
  await refused('kopia.sipbak', file, 'fel lösenfras helt och hållet', 'Lösenfrasen öppnar inte filen');
  await refused('skadad.sipbak', Buffer.concat([file.subarray(0, 60), Buffer.from([file[60] ^ 1]), file.subarray(61)]), BACKUP_PASS,
    'Lösenfrasen öppnar inte filen, eller så har filen ändrats eller skadats.');
  const twice = { ...content, cases: [content.cases[0], content.cases[1], content.cases[0]] };
  await refused('dubbel.sipbak', await sealFile(twice, BACKUP_PASS), BACKUP_PASS,
    'innehållet är ogiltigt: ärende nr 3 har samma id som ett tidigare ärende i filen');
  const unknown = { ...content, cases: [{ ...content.cases[0], hemligt: 'x' }, content.cases[1]] };
  await refused('okand.sipbak', await sealFile(unknown, BACKUP_PASS), BACKUP_PASS, 'okända uppgifter');
  const huge = { ...content, cases: [{ ...content.cases[0], kommun: 'x'.repeat(200_000) }] };
  await refused('stor.sipbak', await sealFile(huge, BACKUP_PASS), BACKUP_PASS, 'en text är längre än 100000 tecken');
  await app.expectAccessible('Återställ: a refused file');
  await page.getByRole('navigation').getByRole('link', { name: 'Ärenden' }).click();
  await expect(page.getByRole('main').getByRole('link', { name: /Andersson|Said/ })).toHaveCount(0);

  // The real file restores both cases, whole.
  await toSettings(page);
  await chooseFile(page, 'kopia.sipbak', file, BACKUP_PASS);
  await expect(page.getByRole('heading', { name: 'Ärenden som finns både på enheten och i filen' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Återställ 2 ärenden' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Återställt: 2 tillagda.' })).toBeVisible();
  expect(await registerNames(page)).toEqual([expect.stringContaining('Lisa Andersson'), expect.stringContaining('Omar Said')]);
  await page.getByRole('link', { name: /Lisa Andersson/ }).click();
  await app.step('Parter');
  await expect(page.getByText('Vårdcentralen Centrum').first()).toBeVisible();
  // After a reload and unlock with the device's passphrase, the restored cases are still there.
  await page.reload();
  await app.unlock('en helt ny lösenfras för enheten');
  expect(await registerNames(page)).toEqual([expect.stringContaining('Lisa Andersson'), expect.stringContaining('Omar Said')]);
});
