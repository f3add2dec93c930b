// English and French: choice, switch, translation note, links across languages.
import { describe, it, afterEach } from 'node:test';
import assert from 'node:assert/strict';

import { phoneContext } from './browser.mjs';
import { LABELS, WidgetPage } from './widget-page.mjs';

export function i18nSuite(env) {
  describe('French and English', () => {
    let context;
    afterEach(async () => {
      await context?.close();
      context = undefined;
    });

    it('follows the lang parameter, then the browser, with a switch in the widget', async () => {
      context = await phoneContext(env.browser, { locale: 'fr-FR' });
      const page = await context.newPage();
      await page.goto(`${env.url}?lang=en`);
      const en = new WidgetPage(page, env.url, page, 'en');
      await en.waitForHeading(LABELS.en.title);
      assert.equal(await page.locator('#pledge-widget > .pw-widget').getAttribute('lang'), 'en');
      await page.getByText('English translation. The French text of the campaign is the reference.').waitFor();
      await page.getByText(/^We, social and territorial utility enterprises/).waitFor();
      await page.getByRole('button', { name: 'Français' }).click();
      await new WidgetPage(page, env.url).waitForHeading(LABELS.fr.title);
      assert.equal(await page.locator('#pledge-widget > .pw-widget').getAttribute('lang'), 'fr');
      assert.equal(await page.getByText('English translation.', { exact: false }).count(), 0);
      // The choice is kept.
      await page.reload();
      await new WidgetPage(page, env.url).waitForHeading(LABELS.fr.title);
      await context.close();

      context = await phoneContext(env.browser, { locale: 'en-GB' });
      const p2 = await context.newPage();
      await p2.goto(env.url);
      await new WidgetPage(p2, env.url, p2, 'en').waitForHeading(LABELS.en.title);
      await p2.goto(`${env.url}?lang=xx`);
      await new WidgetPage(p2, env.url).waitForHeading(LABELS.fr.title);
    });

    it('shows a pledge signed in French in English, still valid', async () => {
      context = await phoneContext(env.browser, { locale: 'fr-FR', acceptDownloads: true });
      const page = await context.newPage();
      const fr = new WidgetPage(page, env.url);
      await fr.reachSigning();
      const link = await fr.sign();
      const reader = await phoneContext(env.browser, { locale: 'en-US' });
      const p = await reader.newPage();
      await p.goto(link);
      await p.getByText('Valid signature', { exact: true }).waitFor();
      await p.getByRole('article').getByText('2 commitments out of 20').waitFor();
      await p.getByRole('article').getByText(/I commit to appointing an elected representative/).waitFor();
      await new WidgetPage(p, env.url, p, 'en').showCard();
      const alt = await p.locator('.pw-card__preview').getAttribute('alt');
      assert.match(alt, /^Pledge card of \u2068?Camille Dupont/);
      await p.getByRole('button', { name: 'Français' }).click();
      await p.getByText('Signature valide', { exact: true }).waitFor();
      await reader.close();
    });

    it('goes through the whole journey in English', async () => {
      context = await phoneContext(env.browser, { locale: 'en-GB' });
      const page = await context.newPage();
      const en = new WidgetPage(page, env.url, page, 'en');
      await en.reachSigning();
      const link = await en.sign();
      assert.match(link, /#e=/);
      await page.getByText('Signed on', { exact: false }).first().waitFor();
    });
  });
}
