// The steps before the meeting, as a coordinator takes them; shared by the specs.
import { expect } from '@playwright/test';

export async function newCase(page, app, person) {
  await app.open('/');
  await app.firstStart();
  await app.createCase(person);
}

export async function twoUnits(app) {
  await app.step('Parter');
  await app.addParty('Kommun – Socialtjänst, myndighet', 'Socialtjänsten Västerås', { contact: 'Anna Samordnare' });
  await app.addParty('Region – Vårdcentral', 'Vårdcentralen Centrum', { contact: 'Dr Berg' });
}

export async function consent(page, app, { givers = [] } = {}) {
  await app.step('Samtycke');
  await page.getByRole('checkbox', { name: 'Hälsa och vård' }).check();
  await page.getByRole('checkbox', { name: 'Social situation' }).check();
  for (const g of givers) await page.getByRole('checkbox', { name: g }).check();
  await page.getByRole('button', { name: 'Registrera samtycke' }).click();
}

export async function sendInitiative(page, app, to = ['Vårdcentralen Centrum']) {
  await app.step('Initiativ');
  for (const r of to) await page.getByRole('group', { name: 'Mottagare' }).getByRole('checkbox', { name: r }).check();
  const reason = page.getByLabel('Kort anledning');
  if ((await reason.inputValue()).trim() === '') await reason.fill('Behov av samordning av vård och stöd i hemmet.');
  await page.getByRole('radio', { name: 'Kan vänta' }).check();
  await page.getByRole('button', { name: 'Skicka initiativ' }).click();
}

/** Fills the kallelse for Lisa's meeting: purpose, goal, a question, time, place, participation, both units. */
export async function fillKallelse(page, { participation = 'Lisa deltar på plats' } = {}) {
  await page.getByLabel('Syfte: varför behövs mötet?').fill('Samordna stöd i hemmet och vården');
  await page.getByLabel('Personens långsiktiga mål: Vad är viktigt för dig?').fill('Lisa vill bo kvar hemma');
  await page.getByLabel('Fråga 1', { exact: true }).fill('Vilket stöd behövs på morgonen?');
  await page.getByLabel('Datum och tid').fill('2026-12-01T10:00');
  await page.getByLabel('Plats', { exact: true }).fill('Vårdcentralen Centrum, rum 3');
  await page.getByLabel('Hur personen och närstående deltar').fill(participation);
  await page.getByLabel('Vem dokumenterar på mötet').fill('Anna Samordnare');
  await page.getByRole('checkbox', { name: 'Socialtjänsten Västerås (kallas)' }).check();
  await page.getByRole('checkbox', { name: 'Vårdcentralen Centrum (kallas)' }).check();
}

/** Lisa Andersson through consent, an acknowledged initiative and a kallelse both units acknowledged. */
export async function readyForMeeting(page, app, { profile } = {}) {
  await newCase(page, app, { name: 'Lisa Andersson', number: '811228-9874', profile });
  await twoUnits(app);
  await consent(page, app);
  await sendInitiative(page, app);
  await page.getByRole('button', { name: 'Kvittera för Vårdcentralen Centrum' }).click();
  await app.step('Kallelse');
  await fillKallelse(page);
  await page.getByRole('button', { name: 'Skicka kallelse' }).click();
  for (const [unit, who] of [['Socialtjänsten Västerås', 'Anna Samordnare'], ['Vårdcentralen Centrum', 'Dr Berg']]) {
    const row = app.recipient(unit);
    await row.getByLabel('Vem kommer (vid kvittens)').fill(who);
    await row.getByRole('button', { name: `Kvittera för ${unit}` }).click();
    await expect(row).toContainText(`${who} kommer`);
  }
  await app.phaseIs('Möte');
}

/** Opens Möte och plan and starts the meeting with the attendance the kallelse gives. */
export async function startMeeting(page, app) {
  await app.step('Möte och plan');
  await expect(page.getByRole('heading', { name: 'Starta SIP-mötet' })).toBeVisible();
  await page.getByRole('button', { name: 'Starta mötet' }).click();
  await expect(page.getByRole('navigation', { name: 'Dagordning' })).toBeVisible();
}

/** Writes the smallest complete plan (R-PLAN-1) with one insats, decided by its own unit. */
export async function writePlan(page, name = 'Lisa') {
  await page.getByLabel('Behov', { exact: true }).fill('Stöd på morgonen');
  await page.getByLabel(`Vad behöver ${name} hjälp med?`).fill('Påminnelser om mediciner');
  await page.getByLabel(`Vad kan ${name} göra själv?`).fill(`${name} handlar själv`);
  await page.getByLabel('Delmål', { exact: true }).fill(`${name} ska laga frukost själv`);
  await page.getByRole('button', { name: 'Lägg till insats' }).click();
  const insats = page.getByRole('group', { name: /^Insats/ });
  await insats.getByLabel('Verksamhet').selectOption({ label: 'Socialtjänsten Västerås' });
  await insats.getByLabel('Vad', { exact: true }).fill('Hemtjänst på morgonen');
  await insats.getByLabel('Ansvarig person (namn)').fill('Sara Hemtjänst');
  await insats.getByLabel('Start').fill('2026-12-01');
  await insats.getByLabel('Hur ofta').fill('varje morgon');
  await insats.getByLabel('Var', { exact: true }).fill('I hemmet');
  await page.getByLabel('Huvudansvarig för SIP:en').selectOption({ label: 'Socialtjänsten Västerås' });
  await page.getByLabel('Uppföljning, datum').fill('2027-03-01');
  await page.getByLabel('Uppföljning, plats').fill('Vårdcentralen Centrum');
  await decide(page);
}

export async function decide(page) {
  const insats = page.getByRole('group', { name: /^Insats/ });
  await insats.getByLabel('Beslutas av').selectOption({ label: 'Socialtjänsten Västerås' });
  await insats.getByRole('button', { name: 'Markera som beslutad' }).click();
  await expect(insats.getByText('Beslutad av den egna verksamheten')).toBeVisible();
}

export async function establishSignLock(page) {
  await page.getByRole('button', { name: 'Upprätta plan' }).click();
  await expect(page.locator('.plan-state')).toContainText('Upprättad');
  await page.getByRole('button', { name: 'Signera planen' }).click();
  await expect(page.locator('.plan-state')).toContainText('Signerad');
  await page.getByRole('button', { name: 'Lås planen' }).click();
  await expect(page.locator('.plan-state')).toContainText('Låst');
}

/** From a new case to a written, established, signed and locked plan (version 1). */
export async function lockedPlan(page, app) {
  await readyForMeeting(page, app);
  await startMeeting(page, app);
  await writePlan(page);
  await establishSignLock(page);
}
