// The first screen before the wasm: the welcome screen is in the HTML (as
// the app renders it), the right variant shows before first paint, a tap
// is never lost, and the app replaces it without a shift.
import { describe, it, afterEach } from 'node:test';
import assert from 'node:assert/strict';

import { phoneContext } from './browser.mjs';
import { goldenFragment } from './golden.mjs';
import { DRAFT_KEY, LABELS, storageKey } from './widget-page.mjs';

const WASM = /\/pledge-(journey|verify)-[0-9a-f]+_bg\.wasm$/;

/** Holds the journey and verify builds' wasm until `release()` is called. */
async function holdWasm(page) {
  let release;
  const gate = new Promise((r) => {
    release = r;
  });
  await page.route(WASM, async (route) => {
    await gate;
    await route.continue();
  });
  return release;
}

/** Sums the page's layout shifts into `window.__shift`. */
function watchShifts(page) {
  return page.addInitScript(() => {
    window.__shift = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (!e.hadRecentInput) window.__shift += e.value;
    }).observe({ type: 'layout-shift', buffered: true });
  });
}

/** What is on show in the host: 'fr', 'en', 'loading' or 'app'. */
function onShow(page) {
  return page.evaluate(() => {
    const host = document.getElementById('pledge-widget');
    if (host.querySelector(':scope > .pw-widget')) return 'app';
    for (const el of host.querySelectorAll('[data-pw-prerender], .pw-prerender-loading')) {
      if (getComputedStyle(el).display !== 'none') return el.dataset.pwPrerender ?? 'loading';
    }
    return 'nothing';
  });
}

export function firstPaintSuite(env) {
  describe('first paint without the wasm', () => {
    let context;
    afterEach(async () => {
      await context?.close();
      context = undefined;
    });

    it('shows the welcome screen with JavaScript off', async () => {
      context = await phoneContext(env.browser, { javaScriptEnabled: false });
      const page = await context.newPage();
      await page.goto(env.url);
      await page.getByRole('heading', { level: 1, name: LABELS.fr.title }).waitFor();
      assert.equal(
        (await page.locator('noscript p').textContent()).trim(),
        'Ce widget a besoin de JavaScript pour fonctionner.',
      );
      assert.ok(await page.getByText(/Nous, entreprises d'utilité sociale et territoriale/).isVisible());
      // No button that cannot work.
      assert.equal(await page.getByRole('button', { name: 'Commencer' }).isVisible(), false);
      assert.equal(await page.getByRole('heading', { name: LABELS.en.title }).count(), 0, 'English stays hidden');
    });

    for (const [lang, locale] of [
      ['fr', 'fr-FR'],
      ['en', 'en-GB'],
    ]) {
      it(`replaces the ${lang} welcome markup with the same markup, without a shift`, async () => {
        context = await phoneContext(env.browser, { locale, serviceWorkers: 'block' });
        const page = await context.newPage();
        await watchShifts(page);
        const release = await holdWasm(page);
        await page.goto(env.url);
        assert.equal(await onShow(page), lang);
        const before = await page.$eval(`[data-pw-prerender="${lang}"]`, (el) => el.innerHTML);
        release();
        await page.locator('#pledge-widget > .pw-widget').waitFor();
        const after = await page.$eval('#pledge-widget', (el) => el.innerHTML);
        assert.equal(after, before);
        assert.equal(await page.evaluate(() => window.__shift), 0, 'CLS');
      });
    }

    it('shows a pledge link\'s verdict without a layout shift', async () => {
      const fragment = goldenFragment('typical');
      context = await phoneContext(env.browser, { serviceWorkers: 'block' });
      const page = await context.newPage();
      await watchShifts(page);
      await page.goto(`${env.url}#${fragment}`);
      await page.getByText('Signature valide', { exact: true }).waitFor();
      await page.waitForTimeout(300);
      assert.equal(await page.evaluate(() => window.__shift), 0, 'CLS');
    });

    it('keeps a tap on « Commencer » made before the app starts, and focuses proposal 1', async () => {
      context = await phoneContext(env.browser, { serviceWorkers: 'block' });
      const page = await context.newPage();
      const release = await holdWasm(page);
      await page.goto(env.url);
      await page.getByRole('button', { name: 'Commencer' }).click();
      release();
      await page.getByText('Proposition 1 sur 10', { exact: true }).waitFor();
      const focused = await page.evaluate(() => document.activeElement?.tagName);
      assert.equal(focused, 'H1');
      assert.match(await page.evaluate(() => document.activeElement.textContent), /Développer des clauses d'insertion/);
    });

    it('switches language at once before the app starts, and the app keeps the choice', async () => {
      context = await phoneContext(env.browser, { serviceWorkers: 'block' });
      const page = await context.newPage();
      const release = await holdWasm(page);
      await page.goto(env.url);
      assert.equal(await onShow(page), 'fr');
      await page.getByRole('button', { name: 'English' }).click();
      assert.equal(await onShow(page), 'en');
      release();
      await page.locator('#pledge-widget > .pw-widget[lang="en"]').waitFor();
      await page.getByRole('button', { name: 'Français' }).waitFor();
    });

    it('shows no French welcome first to an English browser, a returning candidate or a pledge link', async () => {
      const fragment = goldenFragment('typical');
      const cases = [
        ['an English browser', { locale: 'en-US' }, null, '', 'en'],
        ['French asked by the page', { locale: 'en-US' }, null, '?lang=fr', 'fr'],
        ['English chosen before', { locale: 'fr-FR' }, [storageKey('lang/v1'), 'en'], '', 'en'],
        [
          'a candidate back at proposal 3',
          { locale: 'fr-FR' },
          [DRAFT_KEY, JSON.stringify({ version: 1, step: 'proposal-3', ticked: [], name: '', commune: '', list: '' })],
          '',
          'loading',
        ],
        ['a pledge link', { locale: 'fr-FR' }, null, `#${fragment}`, 'loading'],
        ['a partner frame with options', { locale: 'fr-FR' }, null, '?embed=1&theme=dark', 'loading'],
      ];
      for (const [who, options, stored, suffix, expected] of cases) {
        context = await phoneContext(env.browser, { ...options, serviceWorkers: 'block' });
        const page = await context.newPage();
        if (stored) await page.addInitScript(([k, v]) => localStorage.setItem(k, v), stored);
        const release = await holdWasm(page);
        await page.goto(`${env.url}${suffix}`);
        assert.equal(await onShow(page), expected, who);
        release();
        await context.close();
        context = undefined;
      }
    });
  });
}
