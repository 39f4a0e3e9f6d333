// Before the meeting: need → consent → initiative → kallelse, with the engine's explanations, deadlines, letters.
import { test, expect } from '../pages/fixtures.js';
import { App } from '../pages/app.js';
import { newCase, twoUnits, consent, sendInitiative, fillKallelse } from '../pages/flows.js';
import { mkdirSync } from 'node:fs';

const ARTIFACTS = new URL('../artifacts/', import.meta.url).pathname;
mkdirSync(ARTIFACTS, { recursive: true });

test('an adult from need to kallelse with every acknowledgement', async ({ page }) => {
  const app = new App(page);
  await newCase(page, app, { name: 'Lisa Andersson', number: '811228-9874' });
  await app.step('Behov');
  await page.getByRole('checkbox', { name: 'Det är oklart vem som ansvarar för vad' }).check();
  await page.getByRole('checkbox', { name: 'Personen blir bollad eller hänvisad runt' }).check();
  await app.phaseIs('Samtycke');
  await app.expectAccessible('Behov');
  await expect(page.getByText('Ärendet har ännu inte verksamheter från både kommun och region')).toBeVisible();
  await twoUnits(app);
  await app.expectAccessible('Parter');
  // Both huvudmän are in the case now: the need screen says so, with R-NEED-1's guidance.
  await app.step('Behov');
  await expect(page.getByText('Ärendet har verksamheter från både kommun och region.')).toBeVisible();
  await expect(page.getByText('SIP ska erbjudas: personen har insatser från både kommun och region.')).toBeVisible();
  await consent(page, app);
  await expect(page.getByRole('heading', { name: 'Registrerat samtycke' })).toBeVisible();
  await app.phaseIs('Initiativ');
  await app.expectAccessible('Samtycke');

  await sendInitiative(page, app);
  const row = app.recipient('Vårdcentralen Centrum');
  await expect(row).toContainText('Väntar på svar');
  // The national profile sets no answer time (R-INIT-1 is Västmanland's 1 working day).
  await expect(row).toContainText('Svara utan dröjsmål');
  await app.expectAccessible('Initiativ, sent');
  await page.getByRole('button', { name: 'Kvittera för Vårdcentralen Centrum' }).click();
  await expect(row).toContainText('Kvitterad');
  await app.phaseIs('Kallelse');

  await app.step('Kallelse');
  await page.getByRole('button', { name: 'Skicka kallelse' }).click();
  await expect(page.getByRole('alert')).toContainText('R-KALL-1');
  await expect(page.getByRole('alert')).toContainText('Källa: Västra Götaland, SIP som verktyg i samverkan');
  await fillKallelse(page, { participation: 'Lisa deltar på plats med sin syster' });
  await app.expectAccessible('Kallelse, draft');
  await page.getByRole('button', { name: 'Skicka kallelse' }).click();
  await expect(page.getByRole('heading', { name: 'Skickad' })).toBeVisible();
  for (const [unit, who] of [['Socialtjänsten Västerås', 'Anna Samordnare'], ['Vårdcentralen Centrum', 'Dr Berg']]) {
    const row = app.recipient(unit);
    await row.getByLabel('Vem kommer (vid kvittens)').fill(who);
    await row.getByRole('button', { name: `Kvittera för ${unit}` }).click();
    await expect(row).toContainText(`${who} kommer`);
  }
  await expect(page.getByRole('button', { name: /Kvittera för/ })).toHaveCount(0);
  await app.expectAccessible('Kallelse, acknowledged');
  await app.step('Översikt');
  await app.phaseIs('Möte');
  await app.expectAccessible('Översikt in phase Möte');
});

test('a child with two guardians: the initiative stays blocked until the second guardian consents', async ({ page }) => {
  const app = new App(page);
  await newCase(page, app, { name: 'Elsa Berg', number: '20170102-2384', kommun: 'Sala' });
  await twoUnits(app);
  await app.addGuardian('Maria Berg');
  await app.addGuardian('Johan Berg');
  await consent(page, app, { givers: ['Vårdnadshavare Maria Berg'] });
  await app.phaseIs('Samtycke');
  await sendInitiative(page, app);
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('Samtycke saknas från: Johan Berg');
  await expect(alert).toContainText('R-CONS-6');
  await app.expectAccessible('Initiativ blocked by R-CONS-6');
  await app.step('Översikt');
  await expect(page.getByText('Skicka initiativ är spärrat')).toBeVisible();
  await consent(page, app, { givers: ['Vårdnadshavare Johan Berg'] });
  await app.phaseIs('Initiativ');
  await sendInitiative(page, app);
  await expect(page.getByRole('heading', { name: 'Skickat' })).toBeVisible();
});

test('an initiative declined with a referral that becomes a suggested recipient', async ({ page }) => {
  const app = new App(page);
  await newCase(page, app, { name: 'Omar Said', kind: 'Saknas' });
  await twoUnits(app);
  await consent(page, app);
  await sendInitiative(page, app);
  await page.getByRole('button', { name: 'Neka för Vårdcentralen Centrum' }).click();
  await expect(page.getByRole('alert')).toContainText('R-INIT-1');
  await app.expectAccessible('Initiativ with the R-INIT-1 refusal');
  const row = app.recipient('Vårdcentralen Centrum');
  await row.getByLabel('Vid nej: enhet som i stället ska få initiativet').fill('Psykiatrin Västerås');
  await row.getByRole('button', { name: 'Neka för Vårdcentralen Centrum' }).click();
  await expect(row).toContainText('hänvisar till Psykiatrin Västerås');
  await expect(page.getByText('Psykiatrin Västerås (hänvisad av nekande enhet)')).toBeVisible();
  await expect(page.getByText(/rätt enhet inom sin huvudman/)).toHaveCount(0); // guidance lives on the overview
  await app.step('Översikt');
  await expect(page.getByText(/letar upp rätt enhet inom sin huvudman/)).toBeVisible();
  await app.expectAccessible('Översikt after a decline');
});

test('a discharge case in Västra Götaland: kallelse due three calendar days after utskrivningsklar, AU125', async ({ page }) => {
  const app = new App(page);
  await newCase(page, app, { name: 'Karin Holm', number: '19460713-7454', kommun: 'Köping', profile: 'Västra Götaland' });
  await app.step('Utskrivning');
  await page.getByLabel('Inskriven').fill('2026-11-20T08:00');
  await page.getByRole('button', { name: 'Registrera inskrivning' }).click();
  await page.getByLabel('Utskrivningsklar', { exact: true }).fill('2026-12-23T14:00');
  await page.getByRole('button', { name: 'Registrera utskrivningsklar' }).click();
  await expect(page.locator('.deadline-line')).toContainText('Kallelse senast 2026-12-26');
  await expect(page.locator('.deadline-line')).toContainText('R-KALL-5');
  await expect(page.getByText('KVÅ-kod för regionens enheter: AU125. Kommunens enheter kodar inte KVÅ.')).toBeVisible();
  await app.expectAccessible('Utskrivning');
  await app.step('Översikt');
  await expect(page.getByRole('row').filter({ hasText: 'Kallelse senast 3 kalenderdagar efter utskrivningsklar' })).toContainText('2026-12-26');
});

test('consent refused ends the case as Avböjd — by keyboard only', async ({ page }) => {
  const app = new App(page);
  await app.open('/');
  await app.firstStart();
  const focused = (text) => document.activeElement?.textContent?.trim() === text;
  await app.tabTo('Nytt ärende', focused, 'Nytt ärende');
  await page.keyboard.press('Enter');
  await app.tabTo('Namn', () => document.activeElement?.id === 'namn');
  await page.keyboard.type('Nils Nej');
  await page.keyboard.press('Tab');
  await page.keyboard.press('ArrowRight'); // Samordningsnummer
  await page.keyboard.press('ArrowRight'); // Reservnummer
  await page.keyboard.press('ArrowRight'); // Saknas
  await expect(page.getByRole('radio', { name: 'Saknas' })).toBeChecked();
  await app.tabTo('Kommun', () => document.activeElement?.id === 'kommun');
  await page.keyboard.type('Arboga');
  await app.tabTo('Registrera', focused, 'Registrera');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Nils Nej' })).toBeVisible();
  await app.tabTo('the Samtycke step', focused, 'Samtycke');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 2, name: 'Samtycke' })).toBeVisible();
  await app.tabTo('the informed checkbox', () => document.activeElement?.id === 'informerad');
  await page.keyboard.press('Space');
  await app.tabTo('Personen tackar nej', focused, 'Personen tackar nej');
  await page.keyboard.press('Enter');
  await app.phaseIs('Avböjd');
  await app.tabTo('Översikt', focused, 'Översikt');
  await page.keyboard.press('Enter');
  await expect(page.getByText('Registrera samtycke är spärrat')).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'Tidsgränser' })).toBeVisible();
  await expect(page.getByText('Inga tidsgränser just nu.')).toBeVisible();
  await app.expectAccessible('Översikt, Avböjd');
});

test('printed kallelse letter and consent form: purpose and questions, no identity digits on the letter', async ({ page }) => {
  const app = new App(page);
  await newCase(page, app, { name: 'Lisa Andersson', number: '811228-9874' });
  await twoUnits(app);
  await app.addParty('Annan aktör – Försäkringskassan', 'Försäkringskassan Västerås', { contact: 'Handläggare Ek', access: false });
  await consent(page, app);
  await app.step('Kallelse');
  await page.getByLabel('Syfte: varför behövs mötet?').fill('Samordna rehabilitering och stöd');
  await page.getByLabel('Personens långsiktiga mål: Vad är viktigt för dig?').fill('Lisa vill börja arbeta igen');
  await page.getByLabel('Fråga 1', { exact: true }).fill('Vilken arbetsträning passar Lisa?');
  await page.getByLabel('Fråga 1 gäller').selectOption({ label: 'Försäkringskassan Västerås' });
  await page.getByLabel('Datum och tid').fill('2026-12-03T13:00');
  await page.getByLabel('Plats', { exact: true }).fill('Socialtjänsten, Stora gatan 1');
  for (const r of ['Socialtjänsten Västerås (kallas)', 'Vårdcentralen Centrum (kallas)', 'Försäkringskassan Västerås (bjuds in)']) {
    await page.getByRole('checkbox', { name: r }).check();
  }
  await page.getByRole('button', { name: 'Skicka kallelse' }).click();
  await page.getByRole('link', { name: 'Brev till Försäkringskassan Västerås' }).click();
  await expect(page.getByRole('heading', { name: 'Inbjudan till SIP-möte' })).toBeVisible();
  await app.expectAccessible('kallelse letter');
  await page.emulateMedia({ media: 'print' });
  const letter = page.locator('article.document');
  await expect(letter).toContainText('Samordna rehabilitering och stöd');
  await expect(letter).toContainText('Vilken arbetsträning passar Lisa? (Försäkringskassan Västerås)');
  const text = await page.locator('body').innerText();
  expect(text).not.toMatch(/19811228|811228|9874/);
  await expect(page.getByRole('navigation', { name: 'Huvudmeny' })).toBeHidden();
  await expect(page.getByRole('button', { name: 'Skriv ut' })).toBeHidden();
  await page.pdf({ path: `${ARTIFACTS}kallelse-brev.pdf`, format: 'A4' });
  await page.screenshot({ path: `${ARTIFACTS}kallelse-brev.png`, fullPage: true });

  await page.emulateMedia({ media: 'screen' });
  await page.goBack();
  await app.step('Samtycke');
  await page.getByRole('link', { name: 'Samtyckesblankett för utskrift' }).click();
  await expect(page.getByRole('heading', { name: 'Samtycke till samordnad individuell plan (SIP)' })).toBeVisible();
  await app.expectAccessible('consent form');
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('article.document')).toContainText('Försäkringskassan Västerås');
  await expect(page.locator('article.document')).toContainText('kan när som helst återkallas');
  await page.pdf({ path: `${ARTIFACTS}samtyckesblankett.pdf`, format: 'A4' });
});

test.describe('over Easter', () => {
  test.use({ startAt: new Date('2026-04-02T10:00:00+02:00') }); // Thursday before Easter

test('the Att göra board over Easter 2026 in Västmanland (1 working day to answer), with the clock fixed', async ({ page }) => {
  const app = new App(page);
  await newCase(page, app, { name: 'Lisa Andersson', number: '811228-9874', profile: 'Västmanland' });
  await twoUnits(app);
  await consent(page, app);
  await sendInitiative(page, app);
  await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: /Att göra/ }).click();
  const initRow = page.getByRole('row').filter({ hasText: 'Vårdcentralen Centrum kvitterar eller nekar initiativet' });
  await expect(initRow).toContainText('2026-04-07'); // långfredagen, påsk and annandag påsk skipped
  await expect(initRow).toContainText('Kommande');
  await expect(initRow).toContainText('R-INIT-1');
  await expect(initRow).toContainText('19811228-****');
  await expect(page.getByRole('row').filter({ hasText: 'Samtycket går ut' })).toContainText('2027-04-02');
  await expect(page.getByRole('link', { name: 'Att göra 2 öppna' })).toBeVisible();
  await app.expectAccessible('Att göra board');
  await page.screenshot({ path: `${ARTIFACTS}att-gora.png`, fullPage: true });

  await page.clock.setFixedTime(new Date('2026-04-08T09:00:00+02:00'));
  await page.reload();
  await app.unlock();
  const rows = page.getByRole('table').getByRole('row');
  await expect(rows.nth(1)).toContainText('Försenad');
  await expect(rows.nth(1)).toContainText('2026-04-07');
  await rows.nth(1).getByRole('link').click();
  await expect(page.getByRole('heading', { level: 2, name: 'Initiativ' })).toBeVisible();
});
});

test('information messages on the case, newest first, and routing suggestions on Parter', async ({ page }) => {
  const app = new App(page);
  await newCase(page, app, { name: 'Lisa Andersson', number: '811228-9874' });
  await app.step('Parter');
  await app.addParty('Kommun – Socialtjänst, myndighet', 'Socialtjänsten Västerås');
  await expect(page.getByText('Personens vårdcentral (grundansvar när ingen regional kontakt pågår)')).toBeVisible();
  await app.step('Meddelanden');
  await page.getByRole('button', { name: 'Skicka meddelande' }).click();
  await expect(page.getByRole('alert')).toContainText('Ange avsändare.');
  await page.getByLabel('Från').fill('Anna Samordnare');
  await page.getByLabel('Meddelande', { exact: true }).fill('Förslag: tisdag 10.00');
  await page.getByRole('button', { name: 'Skicka meddelande' }).click();
  await page.getByLabel('Meddelande', { exact: true }).fill('Tisdag passar vårdcentralen');
  await page.getByRole('button', { name: 'Skicka meddelande' }).click();
  const items = page.getByRole('list', { name: 'Meddelanden, nyast först' }).getByRole('listitem');
  await expect(items).toHaveCount(2);
  await expect(items.first()).toContainText('Tisdag passar vårdcentralen');
  await app.expectAccessible('Meddelanden');
});

test('a party is removed unless the process already uses it', async ({ page }) => {
  const app = new App(page);
  await newCase(page, app, { name: 'Lisa Andersson', number: '811228-9874' });
  await twoUnits(app);
  await app.addParty('Region – Psykiatri', 'Fel enhet');
  await page.getByRole('button', { name: 'Ta bort Fel enhet' }).click();
  await expect(page.getByRole('cell', { name: 'Fel enhet', exact: true })).toHaveCount(0);
  await consent(page, app);
  await sendInitiative(page, app);
  await app.step('Parter');
  await page.getByRole('button', { name: 'Ta bort Vårdcentralen Centrum' }).click();
  await expect(page.getByRole('alert')).toContainText('kan inte tas bort');
  await expect(page.getByRole('cell', { name: 'Vårdcentralen Centrum', exact: true })).toBeVisible();
  await app.expectAccessible('Parter with a refused removal');
});
