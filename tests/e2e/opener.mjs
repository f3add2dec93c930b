// A page that opened the widget (window.open) keeps no handle on it: the
// widget's page is served with Cross-Origin-Opener-Policy, and the one page
// without it (signer.html, for a partner's frame handing over) sends anyone
// else on to the widget's page. A partner's frame still hears which pledge
// its tab signed (one-key.mjs).
import { describe, it, before, after, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { phoneContext } from './browser.mjs';
import { serveStatic } from './server.mjs';

/** A draft as another page would carry it in `#d=…`. */
function carried(draft) {
  const record = {
    version: 1,
    step: 'sign',
    ticked: [],
    name: 'Camille Dupont',
    commune: 'Lyon',
    list: '',
    role: null,
    ...draft,
  };
  return `#d=${Buffer.from(JSON.stringify(record)).toString('base64url')}`;
}

export function openerSuite(env) {
  describe('a page that opened the widget', () => {
    let dir;
    let stranger;
    let context;

    before(async () => {
      // A stranger's site (another origin than the widget's 127.0.0.1).
      dir = await mkdtemp(join(tmpdir(), 'pw-stranger-'));
      await writeFile(join(dir, 'index.html'), '<!doctype html><title>Stranger</title><p>A page</p>');
      stranger = await serveStatic(dir, { host: 'localhost' });
    });
    after(async () => {
      await stranger?.close();
      await rm(dir, { recursive: true, force: true });
    });
    afterEach(async () => {
      await context?.close();
      context = undefined;
    });

    /** The stranger's page opens `url` in a window it keeps a handle on. */
    async function openFromStranger(url) {
      context = await phoneContext(env.browser);
      const page = await context.newPage();
      await page.goto(stranger.url);
      const [tab] = await Promise.all([
        context.waitForEvent('page'),
        page.evaluate((u) => {
          window.opened = window.open(u, '_blank');
        }, url),
      ]);
      await tab.waitForLoadState();
      return { page, tab };
    }

    it('keeps no handle on the widget’s page: it can neither watch nor navigate it', async () => {
      const response = await (await fetch(env.url)).headers.get('cross-origin-opener-policy');
      assert.equal(response, 'same-origin', 'the page is served with the opener policy');
      const { page, tab } = await openFromStranger(env.url);
      await tab.getByRole('heading', { level: 1 }).first().waitFor();
      assert.equal(await page.evaluate(() => window.opened.closed), true, 'the handle is cut');
      await page.evaluate((u) => {
        window.opened.location = `${u}#d=x`;
      }, env.url);
      await page.waitForTimeout(300);
      assert.equal(tab.url(), env.url, 'the widget was not navigated');
      assert.equal(await tab.evaluate(() => window.opener), null);
    });

    it('sends a tab on to the widget’s page when its opener is a frame the stranger pointed at the widget’s origin', async () => {
      // The review's attack: the opener is the stranger's own frame, opened
      // at about:blank, then sent to a file of the widget's origin. It holds
      // no hand-over token, so the tab may not stay on signer.html.
      context = await phoneContext(env.browser);
      const page = await context.newPage();
      await page.goto(stranger.url);
      const [tab] = await Promise.all([
        context.waitForEvent('page'),
        page.evaluate(async () => {
          const frame = document.createElement('iframe');
          document.body.append(frame);
          window.opened = frame.contentWindow.open('about:blank');
          window.frameOfOurs = frame;
        }),
      ]);
      await page.evaluate((u) => {
        window.frameOfOurs.src = `${u}embed.js`;
      }, env.url);
      await page.waitForTimeout(300);
      const guess = 'h=' + '0'.repeat(32);
      await page.evaluate(
        ([u, d]) => {
          window.opened.location = `${u}signer.html${d}`;
        },
        [env.url, `${carried({ ticked: ['4.1'] })}&${guess}`],
      );
      await tab.waitForURL((u) => new URL(u).pathname === '/');
      await tab.getByRole('heading', { level: 1, name: 'Récapitulatif' }).waitFor();
      assert.equal(await page.evaluate(() => window.opened.closed), true, 'the handle is cut');
    });

    it('sends a stranger who opens the hand-over page on to the widget’s page, and asks before anything', async () => {
      const handOver = `${env.url}signer.html`;
      const headers = (await fetch(handOver)).headers;
      assert.equal(headers.get('cross-origin-opener-policy'), null, 'the hand-over page has none');
      assert.ok(headers.get('content-security-policy'), 'but the rest of the policy');
      const { page, tab } = await openFromStranger(`${handOver}${carried({ ticked: ['1.1', '2.1'], step: 'signed' })}`);
      await tab.waitForURL((u) => new URL(u).pathname === '/');
      // The carried answers: on the summary, said to come from elsewhere.
      await tab.getByRole('heading', { level: 1, name: 'Récapitulatif' }).waitFor();
      await tab.getByText("Ces réponses viennent d'une autre page : vérifiez-les avant de signer.").waitFor();
      assert.equal(await page.evaluate(() => window.opened.closed), true, 'the handle is cut');
      // Share links from there point to the widget's page, never signer.html.
      assert.doesNotMatch(tab.url(), /signer\.html/);
    });
  });
}
