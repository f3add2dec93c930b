// Page object for the widget: what a candidate sees and does, by role and
// label as a person would find it.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import { DEFAULT_CAMPAIGN } from '../../scripts/campaign-page.mjs';

/** The campaign the tests' build carries (the settings name none). */
export const CAMPAIGN = JSON.parse(readFileSync(fileURLToPath(new URL(`../../${DEFAULT_CAMPAIGN}`, import.meta.url)), 'utf8'));
/** Where the widget keeps the record the code names `pw-pledge-widget/<name>`
 * (crates/pledge-core/src/campaign/mod.rs, `stored_key`). */
export const storageKey = (name) => `pw-pledge-widget/${CAMPAIGN.slug}/${name}`;
export const DRAFT_KEY = storageKey('draft/v1');
/** Drafts set aside rather than lost (replaced, or unreadable). */
export const SET_ASIDE_KEY = storageKey('draft/set-aside/v1');
/** The payload of the last signed pledge. */
export const SIGNED_KEY = storageKey('signed/v1');
/** The links of pledges signed before the last one. */
export const SIGNED_EARLIER_KEY = storageKey('signed/earlier/v1');

/** What a person reads on the widget, in each language. */
export const LABELS = {
  fr: {
    start: 'Commencer',
    next: 'Suivant',
    progress: /^Proposition \d+ sur 10$/,
    jumpNav: 'Aller à une proposition',
    jumpButton: (n) => new RegExp(`^Proposition ${n},`),
    firstCommitment: /généraliser l'intégration/,
    electedCommitment: /désigner un-e élu-e/,
    name: /Nom et prénom/,
    commune: /Commune/,
    toSummary: 'Voir le récapitulatif',
    summary: 'Récapitulatif',
    toSign: 'Signer',
    signHeading: 'Signer mon engagement',
    partLoadFailed: "Cette partie du widget n'a pas pu se charger",
    retry: 'Réessayer',
    signButton: 'Signer mon engagement',
    signedHeading: 'Votre engagement est signé',
    clearPad: 'Effacer la signature',
    pad: /Signature manuscrite/,
    link: 'Lien de vérification',
    title: /INCLUSIFS DE DEMAIN/,
    nameMissing: 'Indiquez votre nom et prénom.',
    startOver: 'Recommencer',
    cancel: 'Annuler',
    valid: 'Signature valide',
    showImage: "Afficher l'image",
    invalid: 'Lien modifié ou invalide',
    privacy: 'Confidentialité',
    forgetMe: 'Oublier mes données',
    startOverConfirm: 'Oui, tout effacer',
    arrivalQuestion: 'Remplacer mes réponses par celles reçues ?',
    replaceMine: 'Remplacer mes réponses',
    keepMine: 'Garder les miennes',
    fromElsewhere: "Ces réponses viennent d'une autre page : vérifiez-les avant de signer.",
    carriedUnreadable: "Les réponses transmises par ce lien n'ont pas pu être lues : rien n'a été changé.",
    replacedElsewhere: 'Vos réponses ont été remplacées dans un autre onglet. Les précédentes sont gardées : vous pouvez les reprendre.',
    previousAnswers: 'Récupérer mes réponses précédentes',
    restore: 'Reprendre ces réponses',
    mySignedPledge: 'Mon engagement signé',
    earlierPledges: (n) => `Mes engagements signés précédemment (${n})`,
    signWhat: 'Ce que vous signez',
  },
  en: {
    start: 'Start',
    next: 'Next',
    progress: /^Proposal \d+ of 10$/,
    jumpNav: 'Go to a proposal',
    jumpButton: (n) => new RegExp(`^Proposal ${n},`),
    firstCommitment: /making inclusion clauses a general part/,
    electedCommitment: /appointing an elected representative/,
    name: /First and last name/,
    commune: /Municipality/,
    toSummary: 'See the summary',
    summary: 'Summary',
    toSign: 'Sign',
    signHeading: 'Sign my pledge',
    partLoadFailed: 'This part of the widget could not be loaded',
    retry: 'Try again',
    signButton: 'Sign my pledge',
    signedHeading: 'Your pledge is signed',
    clearPad: 'Clear the signature',
    pad: /Handwritten signature/,
    link: 'Verification link',
    title: /INCLUSIVE TERRITORIES OF TOMORROW/,
    nameMissing: 'Enter your first and last name.',
    startOver: 'Start over',
    cancel: 'Cancel',
    valid: 'Valid signature',
    showImage: 'Show the image',
    invalid: 'Modified or invalid link',
    privacy: 'Privacy',
    forgetMe: 'Forget my data',
    startOverConfirm: 'Yes, erase everything',
    arrivalQuestion: 'Replace my answers with the ones received?',
    replaceMine: 'Replace my answers',
    keepMine: 'Keep mine',
    fromElsewhere: 'These answers come from another page: check them before you sign.',
    carriedUnreadable: 'The answers this link carried could not be read: nothing was changed.',
    replacedElsewhere: 'Your answers were replaced in another tab. The previous ones are kept: you can take them back.',
    previousAnswers: 'Recover my previous answers',
    restore: 'Take these answers back',
    mySignedPledge: 'My signed pledge',
    earlierPledges: (n) => `Pledges I signed before (${n})`,
    signWhat: 'What you sign',
  },
};

export class WidgetPage {
  /**
   * `root` is where to find the widget: the page itself, or a frame
   * locator for a widget embedded in a partner's page.
   */
  constructor(page, url, root = page, lang = 'fr') {
    this.page = page;
    this.url = url;
    this.root = root;
    this.l = LABELS[lang];
  }

  async open() {
    await this.page.goto(this.url);
    await this.mounted();
    await this.heading().waitFor();
  }

  /** Waits until the app has replaced the prerendered welcome screen. */
  async mounted() {
    await this.root.locator('#pledge-widget > .pw-widget').waitFor();
  }

  /** The current step's heading (one h1 per step). */
  heading() {
    return this.root.getByRole('heading', { level: 1 });
  }

  /** Waits until the step heading reads `name` (string or RegExp). */
  async waitForHeading(name) {
    await this.mounted();
    await this.root.getByRole('heading', { level: 1, name }).waitFor();
  }

  button(name) {
    return this.root.getByRole('button', { name, exact: true });
  }

  commitment(text) {
    return this.root.getByRole('checkbox', { name: text });
  }

  progress() {
    return this.root.getByText(this.l.progress);
  }

  /** A text field by its label; the commune field is a combobox. */
  field(label) {
    return this.root.getByRole('textbox', { name: label }).or(this.root.getByRole('combobox', { name: label }));
  }

  /** Types a commune and leaves the field, once the official list has
   * answered (`aria-busy` false): a lone commune so named is then chosen,
   * and the hint under the field, which moves what is below, is shown. */
  async fillCommune(value) {
    const field = this.field(this.l.commune);
    await field.fill(value);
    await this.root.locator('[role="combobox"][aria-busy="false"]').waitFor();
    await field.blur();
    await this.page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    await this.settleFrames();
  }

  /** In a partner's page: waits until its frames' heights and the page's
   * scroll have not moved for three animation frames (a hint under a
   * field makes the loader resize the frame, so a click aimed before it
   * lands elsewhere). */
  async settleFrames() {
    if (this.root === this.page) return;
    await this.page.waitForFunction(
      () => {
        const now = [...document.querySelectorAll('iframe')].map((f) => f.getBoundingClientRect().height).join() + `@${scrollY}`;
        window.__pwSettled = window.__pwLast === now ? (window.__pwSettled ?? 0) + 1 : 0;
        window.__pwLast = now;
        return window.__pwSettled >= 3;
      },
      null,
      { polling: 'raf' },
    );
  }

  notice() {
    return this.root.getByRole('status');
  }

  async start() {
    await this.button(this.l.start).click();
  }

  /** In a partner's frame, the loader resizes the frame and scrolls to it
   * after a step change: waits for that (the step's heading focused, two
   * frames drawn) so that the next click lands where it aims. */
  async settleAfterStep() {
    if (this.root === this.page) return;
    await this.root.locator('h1:focus').waitFor();
    await this.page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  }

  async next() {
    await this.button(this.l.next).click();
  }

  async jumpTo(n) {
    const jump = () => this.root.getByRole('navigation', { name: this.l.jumpNav })
      .getByRole('button', { name: this.l.jumpButton(n) })
      .click();
    await jump();
    if (this.root === this.page) return;
    // In a partner's frame, the loader resizes the frame (and may scroll to
    // it) after a step or a tick: a click during that can land where the
    // button was. Jumping again to the same step is harmless.
    const heading = this.root.getByRole('heading', { name: new RegExp(`^#${n}\\.`) });
    for (let attempt = 0; attempt < 3; attempt += 1) {
      try {
        await heading.waitFor({ timeout: 5000 });
        return;
      } catch {
        await this.page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
        await jump();
      }
    }
    await heading.waitFor();
  }

  /** From a fresh page, fills the journey up to the signing step. */
  async reachSigning(identity = {}) {
    await this.open();
    await this.fillToSigning(identity);
  }

  /** From the welcome screen, fills the journey up to the signing step. */
  async fillToSigning(identity = {}) {
    await this.fillToSummary(identity);
    await this.button(this.l.toSign).click();
    await this.waitForSigningStep();
  }

  /** Ticks two commitments, fills the identity and opens the summary. */
  async fillToSummary({ name = 'Camille Dupont', commune = 'Saint-Étienne' } = {}) {
    await this.start();
    await this.commitment(this.l.firstCommitment).check();
    await this.jumpTo(9);
    await this.commitment(this.l.electedCommitment).check();
    await this.jumpTo(10);
    await this.settleAfterStep();
    await this.next();
    await this.field(this.l.name).fill(name);
    await this.fillCommune(commune);
    await this.button(this.l.toSummary).click();
    await this.waitForHeading(this.l.summary);
  }

  /** The sign step, once the full build has taken over (the journey build
   * shows the same heading while it loads). */
  async waitForSigningStep() {
    await this.waitForHeading(this.l.signHeading);
    await this.button(this.l.signButton).waitFor();
  }

  /** Draws a wavy stroke on the signature pad with the mouse. */
  async drawSignature() {
    const pad = this.root.getByRole('img', { name: this.l.pad });
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
    if (await this.button(this.l.clearPad).isDisabled()) {
      throw new Error('the stroke did not reach the signature pad');
    }
  }

  async sign() {
    await this.button(this.l.signButton).click();
    await this.waitForHeading(this.l.signedHeading);
    return this.root.getByRole('textbox', { name: this.l.link }).inputValue();
  }

  /** On a pledge link's page: asks for the image (the full build takes
   * over) and waits for the card's preview. */
  async showCard() {
    await this.button(this.l.showImage).click();
    await this.root.locator('.pw-card__preview').waitFor();
  }

  async storedDraft() {
    const raw = await this.page.evaluate((k) => localStorage.getItem(k), DRAFT_KEY);
    return raw && JSON.parse(raw);
  }

  /** The stored set-aside list (`{version, items}`), or null. */
  async storedSetAside() {
    const raw = await this.page.evaluate((k) => localStorage.getItem(k), SET_ASIDE_KEY);
    return raw && JSON.parse(raw);
  }

  /** Answers carried from another page that would replace the
   * candidate's own: waits for the question and answers it. */
  async answerArrival({ replace }) {
    await this.waitForHeading(this.l.arrivalQuestion);
    await this.button(replace ? this.l.replaceMine : this.l.keepMine).click();
  }

  /** Opens « Récupérer mes réponses précédentes » and takes back the
   * set-aside draft whose entry reads `text` (a commune, say). */
  async restoreSetAside(text) {
    await this.root.getByText(this.l.previousAnswers, { exact: true }).click();
    await this.root.getByRole('listitem').filter({ hasText: text })
      .getByRole('button', { name: this.l.restore }).click();
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
