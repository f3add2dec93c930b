// The same journey with the keyboard alone: Tab, Shift+Tab, Space, Enter.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';

import { phoneContext } from './browser.mjs';
import { WidgetPage } from './widget-page.mjs';

export function keyboardSuite(env) {
  describe('the keyboard-only journey', () => {
    it('goes from welcome to the downloaded card with Tab, Shift+Tab, Space and Enter', async () => {
      const context = await phoneContext(env.browser, { isMobile: false, hasTouch: false, acceptDownloads: true });
      const page = await context.newPage();
      const widget = new WidgetPage(page, env.url);
      const kb = page.keyboard;

      /** Tabs forward until the focused element's text matches. */
      async function tabTo(pattern, { back = false, max = 60 } = {}) {
        for (let i = 0; i < max; i += 1) {
          await kb.press(back ? 'Shift+Tab' : 'Tab');
          const f = await widget.focused();
          // A step heading is no Tab stop: it holds focus after a step
          // change, and again when the full build takes over the page (at
          // the identity step), which may come after a Tab was pressed.
          if (f.tag === 'H1') continue;
          const label = await page.evaluate(() => {
            const el = document.activeElement;
            return el?.labels?.[0]?.textContent ?? el?.getAttribute('aria-label') ?? el?.textContent;
          });
          if (pattern.test(label ?? '') || pattern.test(f.text ?? '')) return;
        }
        throw new Error(`could not tab to ${pattern}`);
      }

      async function assertHeadingFocused(pattern) {
        const f = await widget.focused();
        assert.equal(f.tag, 'H1', 'focus is on the step heading');
        assert.match(f.text, pattern);
      }

      await widget.open();
      await tabTo(/^Commencer$/);
      await kb.press('Enter');
      await page.waitForFunction(() => document.activeElement?.tagName === 'H1');
      await assertHeadingFocused(/^#1\. /);

      // Tick the first commitment with Space.
      await tabTo(/généraliser/);
      await kb.press('Space');
      assert.equal(await widget.commitment(/généraliser/).isChecked(), true);

      // Next with Enter; focus moves to proposal 2's heading.
      await tabTo(/^Suivant$/);
      await kb.press('Enter');
      await page.waitForFunction(() => document.activeElement?.textContent?.startsWith('#2.'));
      await assertHeadingFocused(/^#2\. /);

      // Jump to proposal 10 from the nav.
      await tabTo(/^Proposition 10,/);
      await kb.press('Enter');
      await page.waitForFunction(() => document.activeElement?.textContent?.startsWith('#10.'));
      await tabTo(/^Suivant$/);
      await kb.press('Enter');
      // The identity step is the full build's: once it has taken over,
      // focus is on the step's heading again.
      await page.waitForFunction(() => document.activeElement?.tagName === 'H1' && document.getElementById('pw-field-name'));
      await assertHeadingFocused(/Qui s'engage/);

      // Send the empty form: focus lands on the first invalid field.
      await tabTo(/^Voir le récapitulatif$/);
      await kb.press('Enter');
      await page.waitForFunction(() => document.activeElement?.id === 'pw-field-name');
      await kb.type('Camille Dupont');
      await kb.press('Tab');
      await kb.type('Lyon');
      // Shift+Tab back to the name, then forward to send with Enter.
      await kb.press('Shift+Tab');
      assert.equal((await widget.focused()).id, 'pw-field-name');
      await kb.press('Enter');
      await page.waitForFunction(() => document.activeElement?.tagName === 'H1');
      await assertHeadingFocused(/^Récapitulatif$/);
      await page.getByText('1 engagement sur 20').waitFor();

      // Focus is visible: the focused control has an outline.
      await tabTo(/^Modifier l'identité$|^Modifier$/);
      const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
      assert.notEqual(outline, 'none');

      // Sign without drawing: the pad is optional.
      await tabTo(/^Signer$/);
      await kb.press('Enter');
      await page.waitForFunction(() => document.activeElement?.textContent === 'Signer mon engagement' && document.activeElement.tagName === 'H1');
      await tabTo(/^Signer mon engagement$/);
      await kb.press('Enter');
      // Signing takes a moment (the key is made first): the signed step's
      // heading, not the sign step's, is the one to wait for.
      await page.waitForFunction(
        () => document.activeElement?.tagName === 'H1' && document.activeElement.textContent !== 'Signer mon engagement',
      );
      await assertHeadingFocused(/^Votre engagement est signé$/);

      // Download the card in the default format (other formats are a radio
      // group, reached with Tab and changed with the arrow keys, as usual).
      await page.locator('.pw-card__preview').waitFor();
      await tabTo(/^Télécharger$/);
      const [download] = await Promise.all([page.waitForEvent('download'), kb.press('Enter')]);
      assert.equal(download.suggestedFilename(), 'engagement-camille-dupont-1200x630.png');
      await context.close();
    });
  });
}
