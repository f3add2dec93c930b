// WCAG 2.0/2.1 A and AA checks with axe-core on every screen of the widget.
import { describe, it, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';

import { fileURLToPath } from 'node:url';

import { GOLDEN, goldenFragment } from './golden.mjs';
import { serveStatic } from './server.mjs';
import { LABELS, WidgetPage, storageKey } from './widget-page.mjs';

const require = createRequire(import.meta.url);
const AXE = await readFile(require.resolve('axe-core/axe.min.js'), 'utf8');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** Runs axe on the page (or frame); resolves to "rule: target" strings. */
export async function violations(page) {
  // Evaluated by the test driver, not as a <script> tag: the shipped policy
  // (rightly) refuses inline scripts.
  if (!(await page.evaluate(() => Boolean(window.axe)))) await page.evaluate(AXE);
  const result = await page.evaluate(
    (tags) => window.axe.run(document, { runOnly: { type: 'tag', values: tags } }),
    TAGS,
  );
  return result.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')} — ${n.failureSummary}`));
}

const SCHEMES = ['light', 'dark'];
const ACCENTS = [null, '#ffd400'];
const VIEWPORTS = [
  ['360×740', { width: 360, height: 740 }],
  ['1280×800', { width: 1280, height: 800 }],
];

const GOLDEN_LIST = await readFile(new URL('../golden/list-v1.json', import.meta.url), 'utf8');

export function a11ySuite(env) {
  describe('accessibility (axe-core, WCAG 2.1 A and AA)', () => {
    it('keeps contrast with a partner accent that fails it, in light and dark themes', async () => {
      const context = await env.browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'fr-FR' });
      const page = await context.newPage();
      const found = {};
      for (const query of ['accent=%23ffd400&theme=light', 'accent=%23ffd400&theme=dark', 'accent=%23302030&theme=dark', 'theme=dark']) {
        await page.goto(`${env.url}?${query}`);
        const widget = new WidgetPage(page, env.url);
        await widget.waitForHeading(LABELS.fr.title);
        let v = await violations(page);
        await widget.start();
        await widget.commitment(LABELS.fr.firstCommitment).check();
        v = v.concat(await violations(page));
        if (v.length) found[query] = v;
        await page.evaluate(() => localStorage.clear());
      }
      await context.close();
      assert.deepEqual(found, {});
    });

    it('announces each new step in a polite live region, and nothing on load', async () => {
      const context = await env.browser.newContext({ locale: 'fr-FR' });
      const page = await context.newPage();
      const widget = new WidgetPage(page, env.url);
      await widget.open();
      const live = page.locator('[aria-live=polite]');
      assert.equal(await live.textContent(), '');
      await widget.start();
      await page.waitForFunction(() => document.querySelector('[aria-live=polite]').textContent !== '');
      assert.equal(await live.textContent(), "Proposition 1 sur 10 – Développer des clauses d'insertion dans les marchés publics");
      await widget.jumpTo(10);
      await widget.next();
      await page.waitForFunction(() => document.querySelector('[aria-live=polite]').textContent === "Qui s'engage ?");
      await context.close();
    });

    // A partner's frame on another site, whose storage is kept apart: the
    // notice that says so, and the sign step that goes to the widget's page.
    for (const [label, viewport, lang, scheme] of [
      ['360×740', { width: 360, height: 740 }, 'fr', 'dark'],
      ['1280×800', { width: 1280, height: 800 }, 'en', 'light'],
    ]) {
      it(`finds nothing in a partner's frame at ${label}, ${lang}, ${scheme}`, async () => {
        const examples = fileURLToPath(new URL('../../examples/', import.meta.url));
        const partner = await serveStatic(examples, {
          host: 'localhost',
          rewrite: (_, html) => html.replaceAll('http://127.0.0.1:8080/', env.url).replace('data-lang="fr"', `data-lang="${lang}"`),
        });
        const context = await env.partitioningBrowser.newContext({
          viewport,
          colorScheme: scheme,
          locale: lang === 'fr' ? 'fr-FR' : 'en-GB',
        });
        try {
          const page = await context.newPage();
          await page.goto(`${partner.url}partner.html`);
          const root = page.frameLocator('iframe').first();
          const frame = () => page.frames()[1];
          const inFrame = new WidgetPage(page, null, root, lang);
          const l = inFrame.l;
          const found = {};
          await inFrame.waitForHeading(l.title);
          await inFrame.start();
          // Said once the candidate starts (it pushes the step down, and the
          // loader resizes the frame and may scroll to it): let that settle
          // before a click, or the click lands where the button was.
          await root.locator('.pw-notice').waitFor();
          const settle = () => inFrame.settleAfterStep();
          await settle();
          await inFrame.commitment(l.firstCommitment).check();
          await inFrame.jumpTo(10);
          await root.getByRole('heading', { name: /^#10\./ }).waitFor();
          await settle();
          await inFrame.next();
          // The identity step resizes the frame too: settle before typing
          // and before the click (a click during a resize can miss).
          await settle();
          await inFrame.field(l.name).fill('Camille Dupont');
          await inFrame.fillCommune('Lyon');
          await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
          await inFrame.button(l.toSummary).click();
          await inFrame.waitForHeading(l.summary);
          await settle();
          let v = await violations(frame());
          if (v.length) found['storage kept apart'] = v;
          await root.locator('.pw-notice__dismiss').click();
          await root.locator('.pw-notice').waitFor({ state: 'detached' });
          // The loader may scroll to the frame after a step: let it settle.
          await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
          await inFrame.button(l.toSign).click();
          await root.locator('.pw-sign-in-tab').waitFor();
          v = await violations(frame());
          if (v.length) found['sign on the widget page'] = v;
          const [tab] = await Promise.all([context.waitForEvent('page'), root.locator('.pw-sign-in-tab__open').click()]);
          await tab.close();
          await root.locator('.pw-sign-in-tab__status').filter({ hasText: /./ }).waitFor();
          v = await violations(frame());
          if (v.length) found['finish in the tab'] = v;
          assert.deepEqual(found, {});
        } finally {
          await context.close();
          await partner.close();
        }
      });
    }

    // Every screen, in every combination a visitor can meet: phone and
    // desktop, French and English, light and dark system colours, with and
    // without a partner's accent (one that fails contrast as given).
    for (const [label, viewport] of VIEWPORTS) for (const lang of ['fr', 'en']) for (const scheme of SCHEMES) for (const accent of ACCENTS) {
      it(`finds nothing on any screen at ${label}, ${lang}, ${scheme}${accent ? `, accent ${accent}` : ''}`, async () => {
        const l = LABELS[lang];
        const context = await env.browser.newContext({
          viewport,
          colorScheme: scheme,
          locale: lang === 'fr' ? 'fr-FR' : 'en-GB',
        });
        const page = await context.newPage();
        const query = accent ? `?accent=${encodeURIComponent(accent)}` : '';
        // A pledge link opened on the same partner page keeps its query.
        const onPage = (link) => (accent ? link.replace('#', `${query}#`) : link);
        const widget = new WidgetPage(page, `${env.url}${query}`, page, lang);
        const found = {};
        const check = async (screen) => {
          const v = await violations(page);
          if (v.length) found[screen] = v;
        };

        await widget.open();
        await check('welcome');
        await page.getByText(l.privacy, { exact: true }).click();
        await check('privacy note open');
        await widget.start();
        await check('proposal');
        await widget.commitment(l.firstCommitment).check();
        await widget.button(l.startOver).click();
        await check('start over confirmation');
        await widget.button(l.cancel).click();
        await widget.jumpTo(10);
        await widget.next();
        await check('identity');
        await widget.button(l.toSummary).click();
        await page.getByText(l.nameMissing).waitFor();
        await check('identity with errors');
        await widget.field(l.name).fill('Camille Dupont');
        await widget.fillCommune('Lyon');
        await widget.button(l.toSummary).click();
        await widget.waitForHeading(l.summary);
        await check('summary');
        await widget.button(l.toSign).click();
        await widget.waitForSigningStep();
        await widget.drawSignature();
        await check('signing');
        const link = await widget.sign();
        await page.locator('.pw-card__preview').waitFor();
        await check('signed, with the card');
        await widget.button(l.forgetMe).click();
        await check('forget me confirmation');
        await widget.button(l.cancel).click();

        // A fresh page: the verify build, as a link's visitor gets it.
        await page.goto(onPage(link));
        await page.reload();
        await page.getByText(l.valid, { exact: true }).waitFor();
        await check('verification, valid');
        await widget.showCard();
        await check('verification, valid, with the card');
        await page.goto(onPage(link.slice(0, -12)));
        await page.getByText(l.invalid).waitFor();
        await check('verification, invalid');

        // The organiser's side, with the golden list (signed by the TEST
        // organiser key) next to the build.
        env.extra['/engagements.json'] = GOLDEN_LIST;
        try {
          const sep = query ? `${query}&` : '?';
          await page.goto(`${env.url}${sep}mur`);
          await page.locator('.pw-wall__figures').waitFor();
          await check('wall');
          await page.goto(onPage(`${env.url}#${goldenFragment('minimal')}`));
          await page.locator('.pw-list-status--verified').waitFor();
          await check('verification, vouched for by the list');
          await page.goto(onPage(`${env.url}#${goldenFragment('typical')}`));
          await page.locator('.pw-list-status--unverified').waitFor();
          await check('verification, key not verified');
          await page.goto(`${env.url}${sep}organisateur`);
          await page.locator('.pw-console').waitFor();
          await page.locator('#pw-intake-links').fill(GOLDEN.map(([, l]) => l).join('\n') + '\nnot a link');
          await page.locator('.pw-intake .pw-button--primary').click();
          await page.locator('.pw-console-entry').first().waitFor();
          await check('console, with pledges and verdicts');
        } finally {
          delete env.extra['/engagements.json'];
        }

        await page.goto('about:blank');
        await widget.open();
        await page.evaluate((key) => localStorage.setItem(key, '{broken'), storageKey('draft/v1'));
        await page.evaluate((key) => localStorage.setItem(key, '{broken'), storageKey('lang/v1'));
        await page.reload();
        await page.getByRole('status').first().waitFor();
        await check('storage notice');

        await context.close();
        assert.deepEqual(found, {});
      });
    }
  });
}
