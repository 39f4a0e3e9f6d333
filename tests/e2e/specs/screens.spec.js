// Every screen as a coordinator meets it, from a phone to the room's screen: nothing wider than the screen
// (WCAG 1.4.10), every control within the screen's width, axe-core clean, and the same at 200 % text (WCAG 1.4.4).
// Screenshots of the phone and the tablet are kept in artifacts/screens/.
import { test, expect } from '../pages/fixtures.js';
import { App } from '../pages/app.js';
import { readyForMeeting, startMeeting, newCase, twoUnits, consent } from '../pages/flows.js';
import { mkdirSync } from 'node:fs';

const SHOTS = new URL('../artifacts/screens/', import.meta.url).pathname;
mkdirSync(SHOTS, { recursive: true });

const VIEWPORTS = [
  { name: 'telefon-360', width: 360, height: 740, shot: false },
  { name: 'telefon', width: 390, height: 844, shot: true },
  { name: 'surfplatta-staende', width: 768, height: 1024, shot: true },
  { name: 'surfplatta', width: 1024, height: 768, shot: true },
  { name: 'skarm', width: 1920, height: 1080, shot: false },
];

/** Client-side navigation (the app stays unlocked): the router follows history like a link click. */
async function go(page, path) {
  await page.evaluate((p) => {
    history.pushState({}, '', p);
    dispatchEvent(new PopStateEvent('popstate', { state: {} }));
  }, path);
}

/** What is wider than the screen: the page itself, and every visible control that reaches outside it. */
async function overflow(page) {
  return page.evaluate(() => {
    const width = window.innerWidth;
    const page = document.documentElement.scrollWidth;
    const controls = [...document.querySelectorAll('a[href], button, input, select, textarea, summary')]
      .filter((el) => {
        const r = el.getBoundingClientRect();
        if (r.width === 0 || r.height === 0) return false;
        // A visually hidden control (a skip link until focused) is not laid out for the eye.
        const clipped = el.closest('.visually-hidden, .skip-link');
        return !clipped && (r.left < -1 || r.right > width + 1);
      })
      .map((el) => {
        const r = el.getBoundingClientRect();
        const label = (el.getAttribute('aria-label') || el.textContent || el.id || '').trim().slice(0, 40);
        return `${el.tagName.toLowerCase()} "${label}" ${Math.round(r.left)}–${Math.round(r.right)} px`;
      });
    // The innermost elements that reach outside the screen: what makes the page wide.
    const wide = [...document.querySelectorAll('main *, header *')]
      .filter((el) => el.getBoundingClientRect().right > width + 1 && ![...el.children].some((c) => c.getBoundingClientRect().right > width + 1))
      .slice(0, 5)
      .map((el) => `${el.tagName.toLowerCase()}.${el.className} ${Math.round(el.getBoundingClientRect().right)} px`);
    return { width, page, controls, wide };
  });
}

async function checkScreen(page, app, screen, vp, heading) {
  await expect(page.getByRole('heading', { name: heading }).first()).toBeVisible();
  const o = await overflow(page);
  expect(o.page, `${screen} at ${vp.width}×${vp.height}: the page is wider than the screen (${o.wide.join('; ')})`).toBeLessThanOrEqual(o.width);
  expect(o.controls, `${screen} at ${vp.width}×${vp.height}: controls outside the screen`).toEqual([]);
  await app.expectAccessible(`${screen} at ${vp.width}×${vp.height}`);
  if (!vp.shot) return;
  await page.screenshot({ path: `${SHOTS}${vp.name}-${screen}.png`, fullPage: true });
  if (screen === 'mote') {
    // The long meeting page lays out only what is in view: a picture of the editor where the insatser are written.
    await page.getByRole('button', { name: 'Hur når vi dit?' }).click();
    await page.screenshot({ path: `${SHOTS}${vp.name}-mote-insatser.png` });
    await page.evaluate(() => window.scrollTo(0, 0));
  }
}

test('every screen reflows from a 360 px phone to 1920 px, and at 200 % text', async ({ page }) => {
  test.setTimeout(300_000);
  const app = new App(page);
  await readyForMeeting(page, app);
  await startMeeting(page, app);
  await page.getByLabel('Delmål', { exact: true }).fill('Lisa ska laga frukost själv');
  const id = new URL(page.url()).pathname.split('/')[2];
  const screens = [
    ['att-gora', '/', 'Att göra'],
    ['arenden', '/arenden', 'Ärenden'],
    ['nytt-arende', '/arende/ny', 'Nytt ärende'],
    ['oversikt', `/arende/${id}`, 'Nästa steg'],
    ['behov', `/arende/${id}/behov`, 'Behov av SIP'],
    ['parter', `/arende/${id}/parter`, 'Parter'],
    ['samtycke', `/arende/${id}/samtycke`, 'Registrera samtycke'],
    ['initiativ', `/arende/${id}/initiativ`, 'Skickat'],
    ['kallelse', `/arende/${id}/kallelse`, 'Skickad'],
    ['utskrivning', `/arende/${id}/utskrivning`, 'Utskrivning från slutenvård'],
    ['mote', `/arende/${id}/mote`, 'Planens status'],
    ['meddelanden', `/arende/${id}/meddelanden`, 'Meddelanden'],
    ['plan-utskrift', `/utskrift/plan/${id}`, 'Lisas plan'],
    ['installningar', '/installningar', 'Inställningar'],
    ['tillganglighet', '/tillganglighet', 'Tillgänglighetsredogörelse'],
  ];
  for (const vp of VIEWPORTS) {
    await page.setViewportSize({ width: vp.width, height: vp.height });
    for (const [screen, path, heading] of screens) {
      await go(page, path);
      await checkScreen(page, app, screen, vp, heading);
    }
  }

  // 200 % text: the largest text size, on a laptop and on a portrait tablet.
  await go(page, '/installningar');
  await page.getByRole('radio', { name: 'Störst' }).check();
  await expect(page.locator('html')).toHaveAttribute('data-textstorlek', 'storst');
  for (const vp of [{ name: 'text200', width: 1280, height: 900, shot: false }, { name: 'text200-surfplatta', width: 768, height: 1024, shot: true }]) {
    await page.setViewportSize({ width: vp.width, height: vp.height });
    for (const [screen, path, heading] of screens) {
      await go(page, path);
      await checkScreen(page, app, screen, vp, heading);
    }
  }
});

test('a blocked action says why beside its button, before and after the click', async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 768 });
  const app = new App(page);
  await newCase(page, app, { name: 'Elsa Berg', number: '20170102-2384', kommun: 'Sala' });
  await twoUnits(app);
  await app.addGuardian('Maria Berg');
  await app.addGuardian('Johan Berg');
  await consent(page, app, { givers: ['Vårdnadshavare Maria Berg'] });
  await app.step('Initiativ');
  const send = page.getByRole('button', { name: 'Skicka initiativ' });
  // Before the click: the button is described by the rule that blocks it.
  await expect(send).toHaveAccessibleDescription(/vårdnadshavare/i);
  await page.getByRole('group', { name: 'Mottagare' }).getByRole('checkbox', { name: 'Vårdcentralen Centrum' }).check();
  await page.getByRole('radio', { name: 'Kan vänta' }).check();
  await send.click();
  const why = page.locator('#skicka-initiativ-varfor');
  await expect(why).toBeFocused();
  await expect(why.getByRole('alert')).toContainText('R-CONS-6');
  // The message is on screen beside the button, not far above it.
  const box = await why.boundingBox();
  const button = await send.boundingBox();
  expect(box.y + box.height, 'the refusal ends within the viewport').toBeLessThanOrEqual(768);
  expect(box.y - (button.y + button.height), 'the refusal sits right below the button').toBeLessThan(40);
  await app.expectAccessible('a refused initiative at 1024×768');
});

test('the phone: the header is short, recipients answer in their own rows, focus lands on the new case', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const app = new App(page);
  await newCase(page, app, { name: 'Lisa Andersson', number: '811228-9874' });
  // After "Registrera" the focus is on the new case's name, not lost on the page.
  await expect(page.getByRole('heading', { level: 1, name: 'Lisa Andersson' })).toBeFocused();
  const header = await page.locator('.site-header').boundingBox();
  expect(header.height, 'the site header on a phone').toBeLessThanOrEqual(160);
  const content = await page.getByRole('heading', { name: 'Nästa steg' }).boundingBox();
  expect(content.y, 'the first content of the case on a phone').toBeLessThan(480);
  // An adult: no guardians to add.
  await twoUnits(app);
  await expect(page.getByRole('heading', { name: 'Vårdnadshavare' })).toHaveCount(0);
  const remove = await page.getByRole('button', { name: 'Ta bort Vårdcentralen Centrum' }).boundingBox();
  expect(remove.x + remove.width, '"Ta bort" within the phone\'s width').toBeLessThanOrEqual(390);
});

test('Lås on the settings page shows the lock at once', async ({ page }) => {
  const app = new App(page);
  await app.open('/');
  await app.firstStart();
  await page.getByRole('link', { name: 'Inställningar' }).click();
  await expect(page.getByRole('heading', { name: 'Inställningar' })).toBeVisible();
  await page.getByRole('button', { name: 'Lås', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Lås upp SIP-planen' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Inställningar' })).toHaveCount(0);
});
