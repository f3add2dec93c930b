// WCAG 2.0/2.1 A and AA checks with axe-core on every screen of the widget.
import { describe, it, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';

import { WidgetPage } from './widget-page.mjs';

const require = createRequire(import.meta.url);
const AXE = await readFile(require.resolve('axe-core/axe.min.js'), 'utf8');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** Runs axe on the page; resolves to "rule: target" strings. */
async function violations(page) {
  if (!(await page.evaluate(() => Boolean(window.axe)))) await page.addScriptTag({ content: AXE });
  const result = await page.evaluate(
    (tags) => window.axe.run(document, { runOnly: { type: 'tag', values: tags } }),
    TAGS,
  );
  return result.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')} — ${n.failureSummary}`));
}

const VIEWPORTS = [
  ['360×740', { width: 360, height: 740 }],
  ['1280×800', { width: 1280, height: 800 }],
];

export function a11ySuite(env) {
  describe('accessibility (axe-core, WCAG 2.1 A and AA)', () => {
    for (const [label, viewport] of VIEWPORTS) {
      it(`finds nothing on any screen at ${label}`, async () => {
        const context = await env.browser.newContext({ viewport, locale: 'fr-FR' });
        const page = await context.newPage();
        const widget = new WidgetPage(page, env.url);
        const found = {};
        const check = async (screen) => {
          const v = await violations(page);
          if (v.length) found[screen] = v;
        };

        await widget.open();
        await check('welcome');
        await widget.start();
        await check('proposal');
        await widget.commitment(/généraliser/).check();
        await widget.button('Recommencer').click();
        await check('start over confirmation');
        await widget.button('Annuler').click();
        await widget.jumpTo(10);
        await widget.next();
        await check('identity');
        await widget.button('Voir le récapitulatif').click();
        await page.getByText('Indiquez votre nom et prénom.').waitFor();
        await check('identity with errors');
        await widget.field(/Nom et prénom/).fill('Camille Dupont');
        await widget.field(/Commune/).fill('Lyon');
        await widget.button('Voir le récapitulatif').click();
        await widget.waitForHeading('Récapitulatif');
        await check('summary');
        await widget.button('Signer').click();
        await widget.waitForHeading('Signer mon engagement');
        await check('signing');
        const link = await widget.sign();
        await page.locator('.pw-card__preview').waitFor();
        await check('signed, with the card');

        await page.goto(link);
        await page.getByText('Signature valide').waitFor();
        await page.locator('.pw-card__preview').waitFor();
        await check('verification, valid');
        await page.goto(link.slice(0, -12));
        await page.getByText('Lien modifié ou invalide').waitFor();
        await check('verification, invalid');

        await page.goto('about:blank');
        await page.goto(env.url);
        await page.evaluate(() => localStorage.setItem('pw-pledge-widget/draft/v1', '{broken'));
        await page.reload();
        await page.getByRole('status').first().waitFor();
        await check('storage notice');

        await context.close();
        assert.deepEqual(found, {});
      });
    }
  });
}
