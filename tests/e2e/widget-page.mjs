// Page object for the widget: what a candidate sees and does, by role and
// label as a person would find it.
export const DRAFT_KEY = 'pw-pledge-widget/draft/v1';
export const BACKUP_KEY = 'pw-pledge-widget/draft/unreadable-backup';

export class WidgetPage {
  /**
   * `root` is where to find the widget: the page itself, or a frame
   * locator for a widget embedded in a partner's page.
   */
  constructor(page, url, root = page) {
    this.page = page;
    this.url = url;
    this.root = root;
  }

  async open() {
    await this.page.goto(this.url);
    await this.heading().waitFor();
  }

  /** The current step's heading (one h1 per step). */
  heading() {
    return this.root.getByRole('heading', { level: 1 });
  }

  /** Waits until the step heading reads `name` (string or RegExp). */
  async waitForHeading(name) {
    await this.root.getByRole('heading', { level: 1, name }).waitFor();
  }

  button(name) {
    return this.root.getByRole('button', { name, exact: true });
  }

  commitment(text) {
    return this.root.getByRole('checkbox', { name: text });
  }

  progress() {
    return this.root.getByText(/^Proposition \d+ sur 10$/);
  }

  field(label) {
    return this.root.getByRole('textbox', { name: label });
  }

  notice() {
    return this.root.getByRole('status');
  }

  async start() {
    await this.button('Commencer').click();
  }

  async next() {
    await this.button('Suivant').click();
  }

  async jumpTo(n) {
    await this.root.getByRole('navigation', { name: 'Aller à une proposition' })
      .getByRole('button', { name: new RegExp(`^Proposition ${n},`) })
      .click();
  }

  /** From a fresh page, fills the journey up to the signing step. */
  async reachSigning(identity = {}) {
    await this.open();
    await this.fillToSigning(identity);
  }

  /** From the welcome screen, fills the journey up to the signing step. */
  async fillToSigning({ name = 'Camille Dupont', commune = 'Saint-Étienne' } = {}) {
    await this.start();
    await this.commitment(/généraliser l'intégration/).check();
    await this.jumpTo(9);
    await this.commitment(/désigner un-e élu-e/).check();
    await this.jumpTo(10);
    await this.next();
    await this.field(/Nom et prénom/).fill(name);
    await this.field(/Commune/).fill(commune);
    await this.button('Voir le récapitulatif').click();
    await this.button('Signer').click();
    await this.waitForHeading('Signer mon engagement');
  }

  /** Draws a wavy stroke on the signature pad with the mouse. */
  async drawSignature() {
    const pad = this.root.getByRole('img', { name: /Signature manuscrite/ });
    await pad.scrollIntoViewIfNeeded();
    await pad.evaluate((el) => el.scrollIntoView({ block: 'start' }));
    const box = await pad.boundingBox();
    const { mouse } = this.page;
    await mouse.move(box.x + 15, box.y + box.height / 2);
    await mouse.down();
    for (let i = 0; i <= 60; i += 1) {
      await mouse.move(
        box.x + 15 + (i * (box.width - 30)) / 60,
        box.y + box.height / 2 + Math.sin(i / 4) * box.height * 0.3,
      );
    }
    await mouse.up();
    // Something was drawn: the pad can now be cleared.
    if (await this.button('Effacer la signature').isDisabled()) {
      throw new Error('the stroke did not reach the signature pad');
    }
  }

  async sign() {
    await this.button('Signer mon engagement').click();
    await this.waitForHeading('Votre engagement est signé');
    return this.root.getByRole('textbox', { name: 'Lien de vérification' }).inputValue();
  }

  async storedDraft() {
    const raw = await this.page.evaluate((k) => localStorage.getItem(k), DRAFT_KEY);
    return raw && JSON.parse(raw);
  }

  /** The name of the focused element's tag and its text. */
  async focused() {
    return this.page.evaluate(() => ({
      tag: document.activeElement?.tagName,
      text: document.activeElement?.textContent?.trim(),
      id: document.activeElement?.id,
    }));
  }

  /** Whether the page scrolls sideways. */
  async scrollsSideways() {
    return this.page.evaluate(
      () => document.documentElement.scrollWidth > document.documentElement.clientWidth,
    );
  }

  /** Visible buttons, checkbox labels and inputs smaller than 44×44 px. */
  async smallTouchTargets() {
    return this.page.evaluate(() =>
      [...document.querySelectorAll('button, a, .pw-checkbox__label, .pw-choice__option, input[type=text]')]
        .filter((el) => el.offsetParent !== null)
        .map((el) => ({ el, r: el.getBoundingClientRect() }))
        .filter(({ r }) => r.width < 44 || r.height < 44)
        .map(({ el, r }) => `${el.tagName} "${el.textContent.trim()}" ${r.width}×${r.height}`),
    );
  }
}
