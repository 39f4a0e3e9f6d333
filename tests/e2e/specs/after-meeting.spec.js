// After the meeting: the follow-up with a status for every insats, the follow-up meeting that opens a new version
// (R-UPP-4), and the versions with what changed.
import { test, expect } from '../pages/fixtures.js';
import { App } from '../pages/app.js';
import { readyForMeeting, startMeeting, consent, fillKallelse, writePlan, decide, establishSignLock, lockedPlan, newCase, twoUnits } from '../pages/flows.js';

const ARTIFACTS = new URL('../artifacts/', import.meta.url).pathname;

/** No sideways scrolling on a 360-px phone (WCAG 1.4.10), then back to the test's size. */
async function fitsPhone(page, screen) {
  const size = page.viewportSize();
  await page.setViewportSize({ width: 360, height: 780 });
  const over = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(over, `horizontal overflow on ${screen} at 360 px`).toBeLessThanOrEqual(0);
  await page.setViewportSize(size);
}

test('follow-up with statuses, then a follow-up meeting opens version 2; v1 is voided and kept, the change is named', async ({ page }) => {
  const app = new App(page);
  await lockedPlan(page, app);

  // R-UPP-2/3: the follow-up, a status and a comment for the insats.
  const followUp = page.getByRole('region', { name: 'Uppföljning', exact: true });
  await expect(followUp).toContainText('Har varje part gjort sina insatser?');
  await expect(followUp).toContainText('Ingen uppföljning är dokumenterad ännu.');
  const row = followUp.getByRole('group', { name: 'Hemtjänst på morgonen (Socialtjänsten Västerås)' });
  await row.getByLabel('Pågår').check();
  await row.getByLabel('Kommentar').fill('Fungerar bra, Lisa vill ha färre besök');
  await followUp.getByLabel('Sammanfattning av uppföljningen').fill('Målet närmar sig');
  await app.expectAccessible('follow-up of a locked plan');
  await fitsPhone(page, 'the follow-up');
  await followUp.getByRole('button', { name: 'Dokumentera uppföljningen' }).click();
  await expect(followUp.getByRole('status')).toHaveText('Uppföljningen är dokumenterad.');
  await expect(followUp).toContainText('1 uppföljning är dokumenterad.');

  // R-UPP-4: the follow-up meeting voids version 1 and opens version 2 for writing.
  await expect(page.getByRole('heading', { name: 'Uppföljningsmöte: ny version av planen' })).toBeVisible();
  await expect(page.getByText('KVÅ-kod för regionens enheter: AW010')).toBeVisible();
  await page.getByRole('button', { name: 'Starta uppföljningsmötet' }).click();
  await expect(page.locator('.plan-state')).toContainText('Utkast');
  await expect(page.getByRole('region', { name: 'Uppföljning', exact: true })).toHaveCount(0);
  const insats = page.getByRole('group', { name: /^Insats/ });
  await expect(insats.getByLabel('Hur ofta')).toHaveValue('varje morgon');
  await insats.getByLabel('Hur ofta').fill('tre morgnar i veckan');

  const versions = page.getByRole('region', { name: 'Versioner' });
  await expect(versions).toContainText('Version 1 – Makulerad');
  await expect(versions).toContainText('Version 2 – Utkast');
  await expect(versions).toContainText('Vad ändrades från version 1:');
  await expect(versions).toContainText('Hemtjänst på morgonen: hur ofta: varje morgon → tre morgnar i veckan');
  await app.expectAccessible('version 2 being written, with the versions');
  await fitsPhone(page, 'the versions');
  // Any version reads as the plan it was.
  await versions.getByRole('link', { name: 'Läs version 1' }).click();
  await expect(page.locator('.plan-meta')).toContainText('version 1 · Makulerad');
  await expect(page.locator('.plan-print')).toContainText('varje morgon');
  await app.expectAccessible('version 1, read-only');
  await page.goBack();
  await expect(page.locator('.plan-state')).toContainText('Utkast');

  // Version 2 is decided anew by its unit and goes through the same lifecycle.
  await decide(page);
  await establishSignLock(page);
  await expect(versions).toContainText('Version 2 – Låst');
  await expect(versions).toContainText('Version 1 – Makulerad');
  await expect(page.getByRole('region', { name: 'Uppföljning', exact: true })).toBeVisible();
  await app.expectAccessible('version 2 locked');
});

test('closing by keyboard only: goals reached needs the person in the decision; then who is told, where to turn, how long the plan is kept', async ({ page }) => {
  const app = new App(page);
  await lockedPlan(page, app);
  await app.step('Avslut');
  await expect(page.getByRole('heading', { name: 'Avsluta SIP:en' })).toBeVisible();
  await app.expectAccessible('closing form');
  await fitsPhone(page, 'the closing form');

  await page.getByRole('radio', { name: 'Målen med samordningen är uppfyllda' }).press('Space');
  await page.getByRole('radio', { name: 'På ett utvärderingsmöte' }).press('Space');
  await page.getByRole('group', { name: 'Vilka deltog i beslutet?' }).getByRole('checkbox', { name: 'Socialtjänsten Västerås' }).press('Space');
  await page.getByLabel('Kommentar').pressSequentially('Lisa klarar vardagen själv');
  await page.getByRole('button', { name: 'Avsluta SIP:en' }).press('Enter');
  await expect(page.getByRole('alert')).toContainText('R-AVSL-1');
  await expect(page.getByRole('alert')).toContainText('bedömer personen tillsammans med alla parter');
  await app.expectAccessible('closing refused (R-AVSL-1)');

  await page.getByRole('checkbox', { name: 'Lisa deltog i beslutet' }).press('Space');
  await page.getByRole('button', { name: 'Avsluta SIP:en' }).press('Enter');
  const done = page.getByRole('region', { name: 'SIP:en är avslutad' });
  await expect(done).toContainText('Målen med samordningen är uppfyllda');
  await expect(done).toContainText('på ett utvärderingsmöte');
  await expect(done).toContainText('Socialtjänsten Västerås');
  await expect(done).toContainText('Lisa klarar vardagen själv');
  await expect(done.getByRole('definition').filter({ hasText: '2036-11-26' })).toContainText('R-PLAN-15');
  const told = page.getByRole('region', { name: 'Meddela att SIP:en inte längre gäller' });
  await expect(told.getByRole('listitem')).toHaveText(['Socialtjänsten Västerås', 'Vårdcentralen Centrum']);
  await expect(page.getByRole('region', { name: 'Till personen' })).toContainText('Om behovet kommer tillbaka');
  await expect(page.getByRole('region', { name: 'Att dokumentera' })).toContainText('dokumenterar avslutet i sin egen journal');
  await app.phaseIs('Avslutad');
  await app.expectAccessible('closed SIP');
  await fitsPhone(page, 'the closed SIP');
});

test('a changed long-term goal closes with a description and starts a new SIP; a withdrawn consent voids the plan and lists whom to tell', async ({ page }) => {
  const app = new App(page);
  await lockedPlan(page, app);

  await app.step('Avslut');
  await page.getByRole('radio', { name: /Det långsiktiga målet har ändrats väsentligt/ }).check();
  await page.getByRole('radio', { name: 'Direkt, utan möte' }).check();
  await page.getByRole('button', { name: 'Avsluta SIP:en' }).click();
  await expect(page.getByRole('alert')).toContainText('Beskriv hur det långsiktiga målet har ändrats');
  await page.getByLabel('Kommentar').fill('Lisa ska flytta till ett boende');
  await page.getByRole('button', { name: 'Avsluta SIP:en' }).click();
  await expect(page.getByRole('region', { name: 'SIP:en är avslutad' })).toContainText('direkt, utan möte');
  await page.getByRole('button', { name: 'Starta en ny SIP-process' }).click();
  await app.phaseIs('Behov');
  await expect(page.getByRole('heading', { name: 'Avsluta SIP:en' })).toBeVisible();

  // The new process: consent again, then it is withdrawn — the SIP ends, recorded once, with the list to tell.
  await consent(page, app);
  await app.step('Samtycke');
  await page.getByRole('button', { name: 'Återkalla samtycket' }).click();
  await app.step('Avslut');
  const done = page.getByRole('region', { name: 'SIP:en är avslutad' });
  await expect(done).toContainText('Samtycket är återkallat');
  await expect(done).toContainText('Planen är makulerad');
  await expect(page.getByRole('region', { name: 'Meddela att SIP:en inte längre gäller' }).getByRole('listitem'))
    .toHaveText(['Socialtjänsten Västerås', 'Vårdcentralen Centrum']);
  await app.step('Möte och plan');
  await expect(page.getByRole('region', { name: 'Versioner' })).toContainText('Version 1 – Makulerad');
  await app.expectAccessible('versions after withdrawal');
});

test('Att göra: the booked follow-up is due, then overdue, and its link opens the follow-up', async ({ page }) => {
  const app = new App(page);
  await lockedPlan(page, app);
  const caseUrl = page.url();

  // Four days past the booked date (2027-03-01, Vårdcentralen Centrum), the app opened anew.
  await page.clock.setSystemTime(new Date('2027-03-05T09:00:00+01:00'));
  await page.goto('/');
  await app.unlock();
  const row = page.getByRole('row').filter({ hasText: 'Uppföljning (Vårdcentralen Centrum)' });
  await expect(row).toContainText('Försenad');
  await expect(row).toContainText('2027-03-01');
  await expect(row).toContainText('R-UPP-1');
  await app.expectAccessible('Att göra with an overdue follow-up');
  await row.getByRole('link', { name: 'Uppföljning (Vårdcentralen Centrum)' }).click();
  await expect(page).toHaveURL(/\/mote$/);
  await expect(page.getByRole('heading', { name: 'Uppföljning', exact: true })).toBeVisible();
  expect(caseUrl).toContain('/arende/');
});

test('attendance is corrected during the meeting: someone arrives late', async ({ page }) => {
  const app = new App(page);
  await readyForMeeting(page, app);
  await startMeeting(page, app);
  const meeting = page.getByRole('region', { name: 'Mötet', exact: true });
  await expect(meeting).toContainText('Socialtjänsten Västerås, Vårdcentralen Centrum och Lisa');
  await meeting.getByText('Rätta närvaron').click();
  await meeting.getByRole('group', { name: 'Närvarande' }).getByRole('checkbox', { name: 'Vårdcentralen Centrum' }).uncheck();
  await app.expectAccessible('attendance correction');
  await meeting.getByRole('button', { name: 'Spara närvaron' }).click();
  await expect(meeting.getByRole('definition').filter({ hasText: 'och Lisa' })).toHaveText('Socialtjänsten Västerås och Lisa');
  // Dr Berg arrives.
  await meeting.getByText('Rätta närvaron').click();
  await meeting.getByRole('group', { name: 'Närvarande' }).getByRole('checkbox', { name: 'Vårdcentralen Centrum' }).check();
  await meeting.getByRole('button', { name: 'Spara närvaron' }).click();
  await expect(meeting).toContainText('Socialtjänsten Västerås, Vårdcentralen Centrum och Lisa');
});

test('a kallelse to an earlier follow-up, then the follow-up meeting on the big screen: statuses, what changed marked, and printed', async ({ page, context }) => {
  const app = new App(page);
  await lockedPlan(page, app);
  const followUp = page.getByRole('region', { name: 'Uppföljning', exact: true });
  await followUp.getByRole('group', { name: 'Hemtjänst på morgonen (Socialtjänsten Västerås)' }).getByLabel('Pågår').check();
  await followUp.getByRole('button', { name: 'Dokumentera uppföljningen' }).click();
  await expect(followUp.getByRole('status')).toHaveText('Uppföljningen är dokumenterad.');

  // R-UPP-5: life changed before the booked follow-up (2027-03-01): the parties are called earlier, like the first time.
  const call = page.getByRole('region', { name: 'Kalla till uppföljning' });
  await expect(call).toContainText('kallar huvudansvarig parterna tidigare');
  await call.getByRole('link', { name: 'Kalla till tidigare uppföljning' }).click();
  await expect(page.getByRole('heading', { name: 'Kalla till uppföljning' })).toBeVisible();
  await expect(page.getByLabel('Syfte: varför behövs mötet?')).toHaveValue('Uppföljning av planen');
  await expect(page.getByRole('region', { name: 'Senast skickade kallelsen' })).toBeVisible();
  await app.expectAccessible('kallelse to a follow-up');
  await fillKallelse(page);
  await page.getByRole('button', { name: 'Skicka kallelse' }).click();
  await expect(page.getByRole('heading', { name: 'Kalla till uppföljning' })).toHaveCount(0);
  for (const [unit, who] of [['Socialtjänsten Västerås', 'Anna Samordnare'], ['Vårdcentralen Centrum', 'Dr Berg']]) {
    const row = app.recipient(unit);
    await expect(row).toContainText('Väntar på kvittens');
    await row.getByLabel('Vem kommer (vid kvittens)').fill(who);
    await row.getByRole('button', { name: `Kvittera för ${unit}` }).click();
    await expect(row).toContainText(`${who} kommer`);
  }

  // The follow-up meeting from that kallelse; the big screen shows the statuses and marks what changes in version 2.
  await app.step('Möte och plan');
  await expect(page.getByRole('checkbox', { name: 'Vårdcentralen Centrum – Dr Berg' })).toBeChecked();
  await page.getByRole('button', { name: 'Starta uppföljningsmötet' }).click();
  await expect(page.locator('.plan-state')).toContainText('Utkast');
  const [board] = await Promise.all([
    context.waitForEvent('page'),
    page.getByRole('button', { name: 'Öppna storskärm' }).click(),
  ]);
  await board.setViewportSize({ width: 1920, height: 1080 });
  const insatsOnBoard = board.locator('.insats', { hasText: 'Hemtjänst på morgonen' });
  await expect(insatsOnBoard).toContainText('Pågår');
  await expect(insatsOnBoard.locator('.mark')).toHaveCount(0);
  await page.getByRole('group', { name: /^Insats/ }).getByLabel('Hur ofta').fill('tre morgnar i veckan');
  await expect(insatsOnBoard.locator('.mark')).toHaveText('Ändrad');
  const changed = board.locator('.plan-section', { has: board.getByRole('heading', { name: 'Ändrat sedan version 1' }) });
  await expect(changed).toContainText('hur ofta: varje morgon → tre morgnar i veckan');
  await expect(changed).not.toContainText('status:');
  await new App(board).expectAccessible('big screen at a follow-up meeting');
  await board.screenshot({ path: `${ARTIFACTS}storskarm-uppfoljning.png` });
  await board.close();

  // Version 2 printed: what changed since version 1 is on paper too.
  await decide(page);
  await establishSignLock(page);
  await page.getByRole('region', { name: 'Versioner' }).getByRole('link', { name: 'Läs version 2' }).click();
  await expect(page.locator('.plan-meta')).toContainText('version 2 · Låst');
  await expect(page.locator('.plan-print')).toContainText('Ändrat sedan version 1');
  await expect(page.locator('.plan-print')).toContainText('varje morgon → tre morgnar i veckan');
  await app.expectAccessible('version 2 printed with what changed');
});

test('closing for each of the other reasons, each on its own case: no need from both huvudmän, no new need soon, consent withdrawn', async ({ page }) => {
  const app = new App(page);
  const cases = [
    ['Behov av insatser från båda huvudmännen finns inte längre', { name: 'Karin Ek', number: '750312-1233' }],
    ['Inget nytt sådant behov väntas inom kort', { name: 'Omar Said', number: '680515-4561' }],
    ['Samtycket är återkallat', { name: 'Sara Lind', number: '920704-7896' }],
  ];
  for (const [i, [reason, person]] of cases.entries()) {
    if (i === 0) await newCase(page, app, person);
    else await app.createCase(person);
    await twoUnits(app);
    await consent(page, app);
    await app.step('Avslut');
    await page.getByRole('radio', { name: reason }).check();
    await page.getByRole('radio', { name: 'Direkt, utan möte' }).check();
    await page.getByRole('button', { name: 'Avsluta SIP:en' }).click();
    const done = page.getByRole('region', { name: 'SIP:en är avslutad' });
    await expect(done).toContainText(reason);
    await expect(done).toContainText('direkt, utan möte');
    await expect(page.getByRole('region', { name: 'Meddela att SIP:en inte längre gäller' }).getByRole('listitem'))
      .toHaveText(['Socialtjänsten Västerås', 'Vårdcentralen Centrum']);
    await expect(page.getByRole('region', { name: 'Till personen' })).toContainText('Om behovet kommer tillbaka');
    // Closed once: no second closing.
    await expect(page.getByRole('button', { name: 'Avsluta SIP:en' })).toHaveCount(0);
    await app.expectAccessible(`closed: ${reason}`);
  }
});
