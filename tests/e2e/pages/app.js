// Page object for SIP-planen: what a coordinator does, in the words on the screen.
import { expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

export const PASSPHRASE = 'korrekt häst batteri häftklammer';

export class App {
  constructor(page) {
    this.page = page;
  }

  /** Runs axe-core on the current screen; any violation fails the test. */
  async expectAccessible(screen) {
    const results = await new AxeBuilder({ page: this.page }).analyze();
    const summary = results.violations.map(
      (v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.map((n) => n.target.join(' ')).join('\n  ')}`,
    );
    expect(summary, `axe-core violations on ${screen}`).toEqual([]);
  }

  async open(path = '/') {
    await this.page.goto(path);
  }

  async firstStart(passphrase = PASSPHRASE) {
    await expect(this.page.getByRole('heading', { name: 'Välj en lösenfras' })).toBeVisible();
    await expect(this.page.getByText('Glömmer du den kan uppgifterna inte läsas')).toBeVisible();
    await this.expectAccessible('first start');
    await this.page.getByLabel('Lösenfras', { exact: true }).fill(passphrase);
    await this.page.getByLabel('Upprepa lösenfrasen').fill(passphrase);
    await this.page.getByRole('button', { name: 'Skapa och lås upp' }).click();
    await expect(this.page.getByRole('heading', { name: 'Ärenden' })).toBeVisible();
  }

  async unlock(passphrase = PASSPHRASE) {
    await expect(this.page.getByRole('heading', { name: 'Lås upp SIP-planen' })).toBeVisible();
    await this.page.getByLabel('Lösenfras').fill(passphrase);
    await this.page.getByRole('button', { name: 'Lås upp' }).click();
  }

  async lock() {
    await this.page.getByRole('button', { name: 'Lås', exact: true }).click();
    await expect(this.page.getByRole('heading', { name: 'Lås upp SIP-planen' })).toBeVisible();
  }

  /** Registers a person with the mouse-free path when `keyboard` is set. */
  async createCase({ name, kind = 'Personnummer', number = '', kommun = 'Västerås', language, interpreter = false }) {
    await this.page.getByRole('navigation').getByRole('link', { name: 'Nytt ärende' }).click();
    await expect(this.page.getByRole('heading', { name: 'Nytt ärende' })).toBeVisible();
    await this.page.getByLabel('Namn', { exact: true }).fill(name);
    await this.page.getByRole('radio', { name: kind }).check();
    if (kind !== 'Saknas') await this.page.getByLabel('Nummer', { exact: true }).fill(number);
    await this.page.getByLabel('Kommun', { exact: true }).fill(kommun);
    if (language) await this.page.getByLabel('Språk', { exact: true }).fill(language);
    if (interpreter) await this.page.getByLabel('Behöver tolk').check();
    await this.page.getByRole('button', { name: 'Registrera' }).click();
    await expect(this.page.getByRole('heading', { level: 1, name })).toBeVisible();
  }

  caseRows() {
    return this.page.getByRole('table').getByRole('row');
  }
}
