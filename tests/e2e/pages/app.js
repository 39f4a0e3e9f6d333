// Page object for SIP-planen: what a coordinator does, in the words on the screen.
import { expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

export const PASSPHRASE = 'korrekt häst batteri häftklammer';
/** The device's first user (its administrator) in every journey. */
export const USER = 'Anna Berg';

export class App {
  constructor(page) {
    this.page = page;
  }

  /**
   * Runs axe-core on the current screen; any violation fails the test. Also checks what must never leak from a
   * screen: every field of case data has autofill off (the browser's autofill files are outside the encrypted
   * store), and the page title carries no identity digits.
   */
  async expectAccessible(screen) {
    const results = await new AxeBuilder({ page: this.page }).analyze();
    const summary = results.violations.map(
      (v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.map((n) => n.target.join(' ')).join('\n  ')}`,
    );
    expect(summary, `axe-core violations on ${screen}`).toEqual([]);
    const autofill = await this.page.evaluate(() =>
      [...document.querySelectorAll('input, textarea, select')]
        .filter((el) => el.type !== 'password' && el.type !== 'hidden' && el.getAttribute('autocomplete') !== 'off')
        .map((el) => `${el.tagName.toLowerCase()}#${el.id || el.name} autocomplete=${el.getAttribute('autocomplete')}`),
    );
    expect(autofill, `fields with autofill on ${screen}`).toEqual([]);
    expect(await this.page.title(), `the title on ${screen}`).not.toMatch(/\d{6}/);
  }

  async open(path = '/') {
    await this.page.goto(path);
  }

  async firstStart(passphrase = PASSPHRASE, name = USER) {
    await expect(this.page.getByRole('heading', { name: 'Välj en lösenfras' })).toBeVisible();
    await expect(this.page.getByText('Glömmer du den kan uppgifterna inte läsas')).toBeVisible();
    await this.expectAccessible('first start');
    await this.page.getByLabel('Ditt namn').fill(name);
    await this.page.getByLabel('Lösenfras', { exact: true }).fill(passphrase);
    await this.page.getByLabel('Upprepa lösenfrasen').fill(passphrase);
    await this.page.getByRole('button', { name: 'Skapa och lås upp' }).click();
    await expect(this.page.getByRole('heading', { name: 'Att göra' })).toBeVisible();
  }

  /** Unlocks as `user` (chosen in the list of the device's users) with their passphrase. */
  async unlock(passphrase = PASSPHRASE, user = USER) {
    await expect(this.page.getByRole('heading', { name: 'Lås upp SIP-planen' })).toBeVisible();
    await this.page.getByLabel('Ditt namn').fill(user);
    await this.page.getByLabel('Lösenfras').fill(passphrase);
    await this.page.getByRole('button', { name: 'Lås upp' }).click();
  }

  /** Locks: pending edits are written, then the page reloads to the unlock form. */
  async lock() {
    await this.page.getByRole('button', { name: 'Lås', exact: true }).click();
    await expect(this.page.getByRole('heading', { name: 'Lås upp SIP-planen' })).toBeVisible();
  }

  /** Registers a person with the mouse-free path when `keyboard` is set. */
  async createCase({ name, kind = 'Personnummer', number = '', kommun = 'Västerås', language, interpreter = false, profile }) {
    await this.page.getByRole('navigation').getByRole('link', { name: 'Nytt ärende' }).click();
    await expect(this.page.getByRole('heading', { name: 'Nytt ärende' })).toBeVisible();
    await this.page.getByLabel('Namn', { exact: true }).fill(name);
    await this.page.getByRole('radio', { name: kind }).check();
    if (kind !== 'Saknas') await this.page.getByLabel('Nummer', { exact: true }).fill(number);
    await this.page.getByLabel('Kommun', { exact: true }).fill(kommun);
    if (language) await this.page.getByLabel('Språk', { exact: true }).fill(language);
    if (interpreter) await this.page.getByLabel('Behöver tolk').check();
    if (profile) await this.page.getByLabel('Regional profil').selectOption({ label: profile });
    await this.page.getByRole('button', { name: 'Registrera' }).click();
    await expect(this.page.getByRole('heading', { level: 1, name })).toBeVisible();
  }

  /** Presses Tab until the focused element satisfies `matches` (keyboard only); fails after 60 presses. */
  async tabTo(description, matches, arg) {
    for (let i = 0; i < 60; i++) {
      await this.page.keyboard.press('Tab');
      if (await this.page.evaluate(matches, arg)) return;
    }
    throw new Error(`keyboard focus never reached ${description}`);
  }

  /** Opens a step of the case from the step navigation. */
  async step(name) {
    await this.page.getByRole('navigation', { name: 'Steg i SIP-processen' }).getByRole('link', { name, exact: true }).click();
  }

  async phaseIs(label) {
    await expect(this.page.locator('.case-facts')).toContainText(`Fas: ${label}`);
  }

  async addParty(type, name, { contact = 'Kontakt', access = true } = {}) {
    await this.page.getByLabel('Typ', { exact: true }).selectOption({ label: type });
    await this.page.getByLabel('Verksamhetens eller aktörens namn').fill(name);
    await this.page.getByLabel('Kontaktperson').fill(contact);
    if (!access) await this.page.getByLabel('Har tillgång till IT-stödet').uncheck();
    await this.page.getByRole('button', { name: 'Lägg till part' }).click();
    await expect(this.page.getByRole('cell', { name, exact: true })).toBeVisible();
  }

  async addGuardian(name) {
    await this.page.getByLabel('Vårdnadshavarens namn').fill(name);
    await this.page.getByRole('button', { name: 'Lägg till vårdnadshavare' }).click();
    await expect(this.page.getByRole('listitem').filter({ hasText: name })).toBeVisible();
  }

  /** A recipient's own card (of the initiative or the kallelse), with its answer and its own answer fields. */
  recipient(name) {
    return this.page.getByRole('listitem').filter({ has: this.page.getByRole('heading', { name }) });
  }

  caseRows() {
    return this.page.getByRole('table').getByRole('row');
  }
}
