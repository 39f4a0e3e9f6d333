// The meeting: the plan editor, the big screen in a second window, the plan's lifecycle and the printed plan.
import { test, expect } from '../pages/fixtures.js';
import { App } from '../pages/app.js';
import { readyForMeeting, startMeeting, establishSignLock } from '../pages/flows.js';
import { mkdirSync } from 'node:fs';

const ARTIFACTS = new URL('../artifacts/', import.meta.url).pathname;
mkdirSync(ARTIFACTS, { recursive: true });

/** Every control on the screen is at least 44×44 px (checkboxes count by their row, which is the target). */
async function expectTouchTargets(page, screen) {
  const small = await page.evaluate(() => {
    const out = [];
    const targets = document.querySelectorAll(
      'main button, main select, main textarea, main input:not([type=checkbox]):not([type=radio]), main a.button, main .check',
    );
    for (const el of targets) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 && r.height === 0) continue;
      if (r.height < 44 || r.width < 44) out.push(`${el.tagName} ${el.id || el.textContent.trim().slice(0, 30)} ${Math.round(r.width)}×${Math.round(r.height)}`);
    }
    return out;
  });
  expect(small, `touch targets under 44 px on ${screen}`).toEqual([]);
}

const IDENTITY = /811228|9874|\d{6}-?\d{4}/;

test('editor and big screen: the plan appears as it is typed, without numbers, and clears when the store locks', async ({ page, context }) => {
  const app = new App(page);
  await readyForMeeting(page, app);
  await app.step('Möte och plan');
  await app.expectAccessible('Starta SIP-mötet');
  await page.getByRole('button', { name: 'Starta mötet' }).click();
  await expect(page.getByText('AU124')).toBeVisible();

  const [board] = await Promise.all([
    context.waitForEvent('page'),
    page.getByRole('button', { name: 'Öppna storskärm' }).click(),
  ]);
  await board.setViewportSize({ width: 1920, height: 1080 });
  await expect(board.getByRole('heading', { level: 1, name: 'Lisas plan' })).toBeVisible();
  // The kallelse's long-term goal is where the plan starts.
  await expect(board.getByText('Lisa vill bo kvar hemma')).toBeVisible();

  await page.getByRole('button', { name: 'Vart vill du nå?' }).click();
  await expect(board.getByText('Vart vill du nå?')).toBeVisible();
  const goal = page.getByLabel('Långsiktigt mål');
  await goal.fill('');
  await goal.pressSequentially('Lisa vill klara morgnarna själv');
  await expect(board.getByText('Lisa vill klara morgnarna själv')).toBeVisible();
  await page.getByLabel('Delmål', { exact: true }).fill('Laga frukost själv');
  await expect(page.getByRole('region', { name: 'Om delmålen' })).toContainText('R-PLAN-2');
  await page.getByLabel('Delmål', { exact: true }).fill('Lisa ska laga frukost själv');
  await expect(page.getByRole('region', { name: 'Om delmålen' })).toHaveCount(0);
  await page.getByLabel('Vad behöver Lisa hjälp med?').fill('Påminnelser om mediciner. Ring systern på 070-999 88 77 vid behov.');
  await page.getByRole('group', { name: 'Kontaktperson 1' }).getByLabel('Telefon').fill('070-111 22 33');
  await expect(board.getByText('Påminnelser om mediciner. Ring systern på (nummer dolt) vid behov.')).toBeVisible();
  await expect(board.getByText('Anna Samordnare')).toBeVisible();

  const shown = await board.locator('body').innerText();
  expect(shown).not.toMatch(IDENTITY);
  expect(shown).not.toContain('070');
  expect(shown).not.toContain('Andersson');
  await new App(board).expectAccessible('big screen 1920×1080');
  await board.screenshot({ path: `${ARTIFACTS}storskarm-1920x1080.png` });
  await board.setViewportSize({ width: 768, height: 1024 });
  await new App(board).expectAccessible('big screen 768×1024');

  // The store locks: the big screen clears at once.
  await app.lock();
  await expect(board.getByRole('heading', { name: 'Väntar på planen…' })).toBeVisible();
  await expect(board.getByText('Lisa vill klara morgnarna själv')).toHaveCount(0);
  await new App(board).expectAccessible('big screen waiting');

  // Unlocked again, the editor sends the plan and the big screen resumes; the edits were saved.
  await app.unlock();
  await page.getByRole('link', { name: 'Ärenden' }).click();
  await page.getByRole('link', { name: 'Lisa Andersson' }).click();
  await app.step('Möte och plan');
  await expect(page.getByLabel('Långsiktigt mål')).toHaveValue('Lisa vill klara morgnarna själv');
  await expect(board.getByText('Lisa vill klara morgnarna själv')).toBeVisible();

  // A big screen opened after the editor asks for the plan and gets it.
  const late = await context.newPage();
  await late.goto(board.url());
  await expect(late.getByText('Lisa vill klara morgnarna själv')).toBeVisible();
  // Leaving the meeting page: the big screens wait.
  await app.step('Översikt');
  await expect(late.getByRole('heading', { name: 'Väntar på planen…' })).toBeVisible();

  // "Visa på den här skärmen" for a mirrored laptop.
  await app.step('Möte och plan');
  await page.getByRole('button', { name: 'Visa på den här skärmen' }).click();
  const here = page.getByRole('dialog', { name: 'Visa på den här skärmen' });
  await expect(here.getByRole('heading', { name: 'Lisas plan' })).toBeVisible();
  await app.expectAccessible('"Visa på den här skärmen" dialog');
  expect(await here.innerText()).not.toContain('070');
  await page.keyboard.press('Escape');
  await expect(here).toHaveCount(0);
});

test('the plan: establish refused with what is missing, decided by its own unit, signed, locked, agreed and printed — on a tablet', async ({ page }) => {
  const app = new App(page);
  await page.setViewportSize({ width: 1024, height: 768 });
  await readyForMeeting(page, app);
  await startMeeting(page, app);
  await app.expectAccessible('meeting editor');

  // R-PLAN-7's 2 working days are Västmanland's; the national profile establishes the plan without delay and puts
  // no deadline on Att göra.
  await expect(page.getByText('Planen upprättas utan dröjsmål efter mötet')).toBeVisible();
  await page.getByRole('link', { name: /^Att göra/ }).click();
  await expect(page.getByRole('heading', { name: 'Att göra' })).toBeVisible();
  await expect(page.getByText(/Planen upprättas inom/)).toHaveCount(0);
  await page.goBack();
  await expect(page.getByRole('navigation', { name: 'Dagordning' })).toBeVisible();

  await page.getByRole('button', { name: 'Upprätta plan' }).click();
  const refused = page.getByRole('alert').filter({ hasText: 'Planen kan inte upprättas' });
  await expect(refused).toContainText('minst ett delmål');
  await expect(refused).toContainText('R-PLAN-1');
  await app.expectAccessible('meeting editor with the R-PLAN-1 refusal');
  await expect(page.getByRole('heading', { name: 'Planens status' })).toBeVisible();

  await page.getByLabel('Behov', { exact: true }).fill('Stöd på morgonen\nHjälp med mediciner');
  await page.getByLabel('Vad behöver Lisa hjälp med?').fill('Påminnelser om mediciner');
  await page.getByLabel('Vad kan Lisa göra själv?').fill('Lisa handlar själv');
  await page.getByLabel('Delmål', { exact: true }).fill('Lisa ska laga frukost själv');
  await page.getByRole('button', { name: 'Lägg till insats' }).click();
  const insats = page.getByRole('group', { name: /^Insats/ });
  await insats.getByLabel('Verksamhet').selectOption({ label: 'Socialtjänsten Västerås' });
  await insats.getByLabel('Vad', { exact: true }).fill('Hemtjänst på morgonen');
  await expect(insats.getByRole('region', { name: 'Om insatsen' })).toContainText('R-PLAN-3');
  await insats.getByLabel('Ansvarig person (namn)').fill('Sara Hemtjänst');
  await insats.getByLabel('Start').fill('2026-12-01');
  await insats.getByLabel('Hur ofta').fill('varje morgon');
  await insats.getByLabel('Var', { exact: true }).fill('I hemmet');
  await expect(insats.getByRole('region', { name: 'Om insatsen' })).toHaveCount(0);
  await page.getByLabel('Huvudansvarig för SIP:en').selectOption({ label: 'Socialtjänsten Västerås' });
  await page.getByLabel('Uppföljning, datum').fill('2027-03-01');
  await page.getByLabel('Uppföljning, plats').fill('Vårdcentralen Centrum');

  // R-PLAN-4: another unit cannot decide; the own unit can.
  await insats.getByLabel('Beslutas av').selectOption({ label: 'Vårdcentralen Centrum' });
  await insats.getByRole('button', { name: 'Markera som beslutad' }).click();
  await expect(insats.getByRole('alert')).toContainText('R-PLAN-4');
  await app.expectAccessible('meeting editor with the R-PLAN-4 refusal');
  await insats.getByLabel('Beslutas av').selectOption({ label: 'Socialtjänsten Västerås' });
  await insats.getByRole('button', { name: 'Markera som beslutad' }).click();
  await expect(insats.getByText('Beslutad av den egna verksamheten')).toBeVisible();

  await expect(page.getByText('Det här saknas innan planen kan upprättas')).toHaveCount(0);
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: `${ARTIFACTS}motesredigering-1024x768.png` });
  await expectTouchTargets(page, 'meeting editor 1024×768');
  await page.setViewportSize({ width: 768, height: 1024 });
  await expectTouchTargets(page, 'meeting editor 768×1024');
  await app.expectAccessible('meeting editor 768×1024, filled');
  await page.setViewportSize({ width: 1024, height: 768 });

  await establishSignLock(page);
  // Locked: the plan is read-only (what follows it, the follow-up, has fields of its own).
  await expect(page.getByLabel('Långsiktigt mål')).toHaveCount(0);
  await expect(page.locator('.meeting').getByRole('textbox')).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'Uppföljning', exact: true })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Att dokumentera' })).toContainText('samtycker till planeringen');
  await page.getByRole('button', { name: 'Ja, samtycker' }).click();
  await expect(page.getByText('Lisa samtycker till planeringen')).toBeVisible();
  await app.expectAccessible('locked plan');

  // Established: R-PLAN-7 leaves the board.
  const caseUrl = page.url();
  await page.getByRole('link', { name: /^Att göra/ }).click();
  await expect(page.getByRole('heading', { name: 'Att göra' })).toBeVisible();
  await expect(page.getByRole('main')).not.toContainText('Planen upprättas inom');

  // The printed plan: personal, plain, who does what when and where, contacts with phone, no navigation.
  await page.goto(caseUrl.replace(/\/arende\/([^/]+).*$/, '/utskrift/plan/$1'));
  await app.unlock();
  await expect(page.getByRole('heading', { level: 1, name: 'Lisas plan' })).toBeVisible();
  await app.expectAccessible('printed plan');
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('navigation')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Skriv ut' })).toBeHidden();
  const paper = page.locator('.plan-print');
  for (const text of ['Hemtjänst på morgonen', 'Socialtjänsten Västerås, Sara Hemtjänst', 'från 2026-12-01, varje morgon', 'I hemmet', 'Kontaktpersoner', '2027-03-01, Vårdcentralen Centrum']) {
    await expect(paper).toContainText(text);
  }
  expect(await paper.innerText()).not.toMatch(IDENTITY);
  await page.pdf({ path: `${ARTIFACTS}plan.pdf`, format: 'A4' });
  await page.screenshot({ path: `${ARTIFACTS}plan-utskrift.png`, fullPage: true });
});
