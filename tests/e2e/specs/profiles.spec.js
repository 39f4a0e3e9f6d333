// The rules as each region's sources say them: deadlines only where the profile sets them, a mature child's own
// consent, the coordination handed over at the meeting, SIP-kollen at the meeting's end.
import { test, expect } from '../pages/fixtures.js';
import { App } from '../pages/app.js';
import { newCase, twoUnits, consent, sendInitiative, readyForMeeting, startMeeting } from '../pages/flows.js';

test('the national profile sets no answer time: no 1-working-day deadline on Att göra, "utan dröjsmål" on the step', async ({ page }) => {
  const app = new App(page);
  await newCase(page, app, { name: 'Lisa Andersson', number: '811228-9874' });
  await twoUnits(app);
  await consent(page, app);
  await sendInitiative(page, app);
  await expect(app.recipient('Vårdcentralen Centrum')).toContainText('Svara utan dröjsmål');
  await app.expectAccessible('Initiativ without a deadline');
  await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: /Att göra/ }).click();
  await expect(page.getByRole('heading', { name: 'Att göra' })).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: 'kvitterar eller nekar initiativet' })).toHaveCount(0);
  await expect(page.getByText('R-INIT-1')).toHaveCount(0);
  // The consent's end is still there: it is in every profile.
  await expect(page.getByRole('row').filter({ hasText: 'Samtycket går ut' })).toHaveCount(1);
});

test('a child judged mature consents alone (national profile); the initiative goes without the guardians', async ({ page }) => {
  const app = new App(page);
  await newCase(page, app, { name: 'Mikael Lund', number: '20100315-2384' });
  await twoUnits(app);
  await app.addGuardian('Maria Lund');
  await app.step('Samtycke');
  await page.getByLabel('Bedömt av (namn och yrke)').fill('Anna Samordnare, kurator');
  await page.getByRole('button', { name: 'Barnet bedöms moget att självt ta ställning' }).click();
  await expect(page.getByText('Barnet bedöms moget att självt ta ställning (bedömt av Anna Samordnare, kurator')).toBeVisible();
  await app.expectAccessible('Samtycke with a maturity assessment');
  await page.getByRole('checkbox', { name: 'Hälsa och vård' }).check();
  await page.getByRole('checkbox', { name: 'Mikael Lund själv' }).check();
  await page.getByRole('button', { name: 'Registrera samtycke' }).click();
  await expect(page.getByRole('heading', { name: 'Registrerat samtycke' })).toBeVisible();
  await app.phaseIs('Initiativ');
  await sendInitiative(page, app);
  await expect(app.recipient('Vårdcentralen Centrum')).toContainText('Väntar på svar');
});

test('in Västmanland the guardians are asked even for a mature child', async ({ page }) => {
  const app = new App(page);
  await newCase(page, app, { name: 'Mikael Lund', number: '20100315-2384', profile: 'Västmanland' });
  await twoUnits(app);
  await app.addGuardian('Maria Lund');
  await app.step('Samtycke');
  await page.getByLabel('Bedömt av (namn och yrke)').fill('Anna Samordnare');
  await page.getByRole('button', { name: 'Barnet bedöms moget att självt ta ställning' }).click();
  await expect(page.getByRole('alert')).toContainText('tillfrågas vårdnadshavarna');
  await expect(page.getByRole('alert')).toContainText('R-CONS-6');
});

test('at the meeting the coordination is handed over to the region; SIP-kollen is told with its QR code', async ({ page }) => {
  const app = new App(page);
  await readyForMeeting(page, app);
  await startMeeting(page, app);
  const end = page.getByRole('region', { name: 'Innan mötet avslutas' });
  await expect(end.getByRole('img', { name: /QR-kod till SIP-kollen/ })).toBeVisible();
  await expect(end).toContainText('www.sipkollen.se');
  await end.getByLabel('Samordningsansvaret från och med nu').selectOption({ label: 'Vårdcentralen Centrum (Region)' });
  await end.getByLabel('Ny samordningsansvarig (namn)').fill('Dr Berg');
  await end.getByRole('button', { name: 'Lämna över samordningsansvaret' }).click();
  await expect(end).toContainText('Samordningsansvarig nu: Dr Berg (Vårdcentralen Centrum)');
  await end.getByRole('button', { name: 'Personen har fått veta om SIP-kollen' }).click();
  await expect(end.getByText('Personen har fått veta om SIP-kollen')).toBeVisible();
  await app.expectAccessible('the meeting\'s end');
  await app.step('Översikt');
  const coordination = page.getByRole('region', { name: 'Samordningsansvar' });
  await expect(coordination).toContainText('Samordningsansvarig: Dr Berg (Vårdcentralen Centrum)');
  await expect(coordination).toContainText('beslutat på mötet');
  await expect(coordination.getByRole('listitem').filter({ hasText: 'SIP-kollen' })).toContainText('Gjort');
  await app.expectAccessible('Översikt with the coordination and the duties');
});

test('Västmanland: kvittens within 1 working day and the plan within 2 working days of the meeting, on Att göra', async ({ page }) => {
  const app = new App(page);
  await readyForMeeting(page, app, { profile: 'Västmanland' });
  await startMeeting(page, app);
  await expect(page.getByText('Planen upprättas inom 2 arbetsdagar efter mötet')).toBeVisible();
  await page.getByRole('link', { name: /^Att göra/ }).click();
  await page.getByRole('link', { name: 'Planen upprättas inom 2 arbetsdagar efter mötet' }).click();
  await expect(page.getByRole('navigation', { name: 'Dagordning' })).toBeVisible();
  // Västmanland codes every physical meeting AU124, for the region's units.
  await expect(page.getByText('KVÅ-kod för regionens enheter: AU124')).toBeVisible();
});
