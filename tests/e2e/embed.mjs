// Embedding in a partner's page from another origin, and the shipped
// security policy (every suite runs under it; here it is checked whole).
import { describe, it, before, after, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

import { META_POLICY, parseHeadersFile } from '../../scripts/security-headers.mjs';
import { readCampaign } from '../../scripts/campaign-page.mjs';

import { phoneContext } from './browser.mjs';
import { serveStatic } from './server.mjs';
import { WidgetPage } from './widget-page.mjs';

const examples = fileURLToPath(new URL('../../examples/', import.meta.url));
const dist = fileURLToPath(new URL('../../dist/', import.meta.url));


/** Height of the widget's content and of its frame, from inside the frame. */
async function frameFit(frame) {
  return frame.evaluate(() => {
    const root = document.querySelector('.pw-widget');
    return {
      content: Math.ceil(root.getBoundingClientRect().bottom + scrollY),
      viewport: document.documentElement.clientHeight,
      scroll: document.documentElement.scrollHeight,
    };
  });
}

export function embedSuite(env) {
  describe('embedded in a partner page on another origin', () => {
    let partner;
    let context;
    let errors;

    before(async () => {
      // The example page, served from localhost, loads the widget from
      // 127.0.0.1: two origins.
      partner = await serveStatic(examples, {
        host: 'localhost',
        rewrite: (_, html) => html.replaceAll('http://127.0.0.1:8080/', env.url),
      });
    });

    after(async () => {
      await partner?.close();
    });

    afterEach(async () => {
      await context?.close();
      context = undefined;
      assert.deepEqual(errors, [], 'no uncaught error');
    });

    async function openPartner(viewport = { width: 1280, height: 800 }) {
      context = await env.browser.newContext({ viewport, locale: 'fr-FR' });
      errors = [];
      const page = await context.newPage();
      page.on('pageerror', (e) => errors.push(e.message));
      await page.addInitScript(() => {
        window.__pwHeights = 0;
        window.addEventListener('message', (e) => {
          if (e.data && e.data.type === 'pw-height') window.__pwHeights += 1;
        });
      });
      await page.goto(`${partner.url}partner.html`);
      const frames = page.locator('iframe');
      await frames.nth(1).waitFor();
      return { page, frames };
    }

    function widgetFrame(page, index) {
      const el = page.locator('iframe').nth(index);
      return { el, locator: page.frameLocator('iframe').nth(index) };
    }

    async function contentFrame(page, index) {
      const handle = await page.locator('iframe').nth(index).elementHandle();
      return handle.contentFrame();
    }

    /** Waits until `locator` stands still in the host page. Playwright's
     * own stability check looks within the frame only; here the frame
     * itself moves when the host page reflows around its new height. */
    async function untilStill(page, locator) {
      let last;
      for (let tries = 0; tries < 40; tries += 1) {
        const box = JSON.stringify(await locator.boundingBox());
        if (box === last) return;
        last = box;
        await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      }
    }

    async function assertFits(page, index, label) {
      const frame = await contentFrame(page, index);
      // The loader applies the widget's last height within a few frames.
      let fit;
      for (let tries = 0; tries < 40; tries += 1) {
        fit = await frameFit(frame);
        if (Math.abs(fit.content - fit.viewport) <= 4 && fit.scroll <= fit.viewport + 1) break;
        await page.waitForTimeout(50);
      }
      assert.ok(Math.abs(fit.content - fit.viewport) <= 4, `${label}: frame ${fit.viewport}px for ${fit.content}px of content`);
      assert.ok(fit.scroll <= fit.viewport + 1, `${label}: no inner scroll bar`);
    }

    it('loads both widgets; each frame follows its content through the journey', async () => {
      const { page } = await openPartner();
      const main = widgetFrame(page, 0);
      const side = widgetFrame(page, 1);
      const widget = new WidgetPage(page, null, main.locator);
      await widget.waitForHeading(/INCLUSIFS DE DEMAIN/);
      await side.locator.getByRole('heading', { level: 1, name: /INCLUSIFS DE DEMAIN/ }).waitFor();
      // The loader's default title: the campaign's label, from its file.
      const campaign = await readCampaign(fileURLToPath(new URL('../../', import.meta.url)));
      assert.equal(await main.el.getAttribute('title'), campaign.label.fr);
      assert.equal(await main.el.getAttribute('loading'), 'lazy');
      assert.equal(await main.el.getAttribute('allow'), 'web-share; clipboard-write');
      await assertFits(page, 0, 'welcome');
      await assertFits(page, 1, 'sidebar welcome');

      // The host's `iframe { height: 100%; width: 50% }` did not win.
      const width = await main.el.evaluate((f) => f.getBoundingClientRect().width);
      const parentWidth = await main.el.evaluate((f) => f.parentElement.getBoundingClientRect().width);
      assert.ok(Math.abs(width - parentWidth) < 2, `${width} of ${parentWidth}`);

      // After a step change the loader may scroll the page to the frame's
      // top: let that happen before the next click.
      const afterStep = async () => {
        await main.locator.locator('h1:focus').waitFor();
        await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      };
      await widget.start();
      await afterStep();
      await assertFits(page, 0, 'proposal 1');
      await widget.jumpTo(8);
      await afterStep();
      await assertFits(page, 0, 'proposal 8');
      await widget.jumpTo(10);
      await afterStep();
      await widget.next();
      // The identity step is the full build's: it takes the frame over,
      // then focuses the step's heading.
      await widget.field(/Nom et prénom/).waitFor();
      await afterStep();
      await assertFits(page, 0, 'identity');
      await widget.button('Voir le récapitulatif').click();
      await main.locator.getByText('Indiquez votre nom et prénom.').waitFor();
      await assertFits(page, 0, 'identity with errors');
      await widget.field(/Nom et prénom/).fill('Camille Dupont');
      await widget.fillCommune('Lyon');
      // The messages went away and the frame shrank: let the page settle
      // before clicking (the full build is being fetched meanwhile).
      await assertFits(page, 0, 'identity filled');
      await untilStill(page, widget.button('Voir le récapitulatif'));
      await widget.button('Voir le récapitulatif').click();
      await widget.waitForHeading('Récapitulatif');
      await afterStep();
      await assertFits(page, 0, 'summary');
      await widget.button('Signer').click();
      await afterStep();
      // Signing happens on the widget's own page (one key per candidate):
      // the frame hands the answers over and then shows the signed pledge.
      await assertFits(page, 0, 'sign in a tab');
      const [tab] = await Promise.all([
        context.waitForEvent('page'),
        main.locator.getByRole('link', { name: 'Signer sur la page du widget' }).click(),
      ]);
      // The tab opens at the summary (answers from another page are never
      // signed unseen), then signs: the frame still hears of it.
      const top = new WidgetPage(tab, env.url);
      // Carried answers land on the summary, to be checked, never further.
      await top.waitForHeading(top.l.summary);
      await tab.getByText(top.l.fromElsewhere).waitFor();
      assert.match(tab.url(), /\/signer\.html$/, 'the hand-over page, its fragment cleared');
      await top.button(top.l.toSign).click();
      await top.waitForSigningStep();
      const link = await top.sign();
      await main.locator.getByText('Signature valide', { exact: true }).waitFor();
      await assertFits(page, 0, 'the signed pledge');

      // Stable when nothing changes: no endless growth, no more messages.
      // (A last late change, such as the list status arriving, may still
      // resize it once: wait for half a second without a message first.)
      for (let tries = 0, seen = -1; tries < 10; tries += 1) {
        const now = await page.evaluate(() => window.__pwHeights);
        if (now === seen) break;
        seen = now;
        await page.waitForTimeout(500);
      }
      const before = await main.el.evaluate((f) => f.getBoundingClientRect().height);
      const count = await page.evaluate(() => window.__pwHeights);
      await page.waitForTimeout(1000);
      assert.equal(await main.el.evaluate((f) => f.getBoundingClientRect().height), before);
      assert.equal(await page.evaluate(() => window.__pwHeights), count);
      env.figures.resizeMessages = count;

      // The share link points to the widget's standalone page.
      assert.ok(link.startsWith(env.url), link);
      // No frame-only or partner option (the frame was opened with lang and theme).
      assert.equal(link.split('#')[0], env.url, link);
      const visitor = await context.newPage();
      await visitor.goto(link);
      await visitor.getByText('Signature valide', { exact: true }).waitFor();
      assert.equal(await visitor.locator('.pw-widget--embedded').count(), 0);
    });

    it('ignores height messages from other frames and origins', async () => {
      const { page } = await openPartner();
      const main = widgetFrame(page, 0);
      await main.locator.getByRole('heading', { level: 1 }).waitFor();
      await assertFits(page, 0, 'welcome');
      const before = await main.el.evaluate((f) => f.getBoundingClientRect().height);
      await page.evaluate(() => {
        window.postMessage({ type: 'pw-height', height: 5000 }, '*');
        const foreign = document.createElement('iframe');
        foreign.srcdoc = "<script>parent.postMessage({ type: 'pw-height', height: 4321 }, '*')<\/script>";
        document.body.appendChild(foreign);
      });
      await page.waitForTimeout(500);
      assert.equal(await main.el.evaluate((f) => f.getBoundingClientRect().height), before);
      const side = widgetFrame(page, 1);
      assert.ok((await side.el.evaluate((f) => f.getBoundingClientRect().height)) < 4000);
    });

    it('offers the standalone page when the frame may not store answers', async () => {
      context = await env.browser.newContext({ viewport: { width: 1280, height: 800 } });
      errors = [];
      // Every frame of this context is refused storage, as browsers that
      // block third-party storage do.
      await context.addInitScript(() => {
        Object.defineProperty(window, 'localStorage', {
          get() {
            throw new DOMException('denied', 'SecurityError');
          },
        });
      });
      const page = await context.newPage();
      await page.goto(`${partner.url}partner.html`);
      const main = page.frameLocator('iframe').first();
      const open = main.getByRole('link', { name: 'Ouvrir le widget dans un onglet pour garder vos réponses' });
      await open.waitFor();
      const href = await open.getAttribute('href');
      assert.ok(href.startsWith(env.url), href);
      assert.doesNotMatch(href, /embed=/);
      assert.equal(await open.getAttribute('target'), '_blank');
    });

    it('applies a valid accent and ignores a hostile one', async () => {
      const { page } = await openPartner();
      const side = await contentFrame(page, 1);
      await side.waitForSelector('.pw-widget');
      const accent = await side.evaluate(() =>
        getComputedStyle(document.querySelector('.pw-widget')).getPropertyValue('--pw-accent').trim(),
      );
      assert.equal(accent, '#006e5f');
      assert.equal(await side.locator('.pw-widget--compact').count(), 1);

      {
        // Straight to the widget with hostile options: it falls back.
        const p = await context.newPage();
        await p.goto(`${env.url}?embed=1&lang=xx&accent=${encodeURIComponent('red;}body{display:none')}`);
        await p.locator('#pledge-widget > .pw-widget').waitFor();
        assert.equal(await p.locator('#pledge-widget > .pw-widget').isVisible(), true);
        const value = await p.evaluate(() =>
          getComputedStyle(document.querySelector('.pw-widget')).getPropertyValue('--pw-accent').trim(),
        );
        assert.ok(['#8a1451', '#f59ac7'].includes(value), value);
        assert.equal(await p.locator('#pledge-widget > .pw-widget').getAttribute('lang'), 'fr');
        await p.getByRole('button', { name: 'Commencer' }).waitFor();
      }
    });

    it('completes a journey under the shipped Content-Security-Policy with no violation', async () => {
      // The build ships the policy: a meta tag in the page and the headers
      // file a static host reads; the test server sends that file's headers.
      const shipped = parseHeadersFile(await readFile(`${dist}_headers`, 'utf8'));
      assert.equal(shipped['content-security-policy'], `${META_POLICY}; frame-ancestors *`);
      assert.equal(shipped['x-content-type-options'], 'nosniff');
      const html = await readFile(`${dist}index.html`, 'utf8');
      const meta = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]*)"/);
      assert.equal(meta?.[1], META_POLICY);
      assert.ok(html.indexOf(meta[0]) < html.indexOf('<script'), 'the meta tag comes before any script');

      context = await phoneContext(env.browser, { acceptDownloads: true });
      errors = [];
      const page = await context.newPage();
      page.on('pageerror', (e) => errors.push(e.message));
      const response = await page.goto(env.url);
      assert.equal(response.headers()['content-security-policy'], shipped['content-security-policy']);
      assert.equal(response.headers()['referrer-policy'], 'no-referrer');
      // The policy is in force: an inline script is refused, and reported.
      assert.equal(await page.evaluate(() => {
        const s = document.createElement('script');
        s.textContent = 'window.__inline = 1';
        document.head.append(s);
        return window.__inline;
      }), undefined);
      // Reported once by each policy in force: the header and the meta tag.
      for (let i = 0; i < 100 && env.cspViolations.length < 2; i++) await page.waitForTimeout(20);
      const reported = env.cspViolations.splice(0);
      assert.equal(reported.length, 2, reported.join('\n'));
      for (const r of reported) assert.match(r, /^script-src-elem blocked inline/);
      const widget = new WidgetPage(page, env.url);
      await widget.waitForHeading(/INCLUSIFS DE DEMAIN/);
      await widget.fillToSigning();
      await widget.drawSignature();
      const link = await widget.sign();
      await page.locator('.pw-card__preview').waitFor();
      await page.locator('#pw-card-format-1080x1920').check();
      await page.locator('.pw-card__preview[width="1080"][height="1920"]').waitFor();
      // A fresh page: the verify build, then the full one for the card.
      await page.goto(link);
      await page.reload();
      await page.getByText('Signature valide', { exact: true }).waitFor();
      await widget.showCard();
      // Any violation here fails the test (tests/e2e/all.test.mjs).
    });
  });
}
