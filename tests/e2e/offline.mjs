// Offline use, installability, and no request leaving the widget's origin.
import { describe, it, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';

import { phoneContext } from './browser.mjs';
import { WidgetPage } from './widget-page.mjs';
import { GOLDEN_SHARDS } from './golden.mjs';

/** The golden list of version 2 (docs/list-v2.md), issued 2026-11-29. */
const LIST_V2 = await readFile(new URL('../golden/list-v2.json', import.meta.url), 'utf8');

export function offlineSuite(env) {
  describe('offline, installable, private', () => {
    let context;
    afterEach(async () => {
      await context?.close();
      context = undefined;
    });

    it('works with no network after one visit: a whole pledge and its card', async () => {
      context = await phoneContext(env.browser, { acceptDownloads: true, serviceWorkers: 'allow' });
      const page = await context.newPage();
      const widget = new WidgetPage(page, env.url);
      await widget.open();
      // The service worker has cached this build.
      await page.evaluate(async () => {
        await navigator.serviceWorker.ready;
        if (!navigator.serviceWorker.controller) {
          await new Promise((r) => navigator.serviceWorker.addEventListener('controllerchange', r, { once: true }));
        }
      });
      const cachedFiles = () =>
        page.evaluate(async () => {
          const keys = await caches.keys();
          const cache = await caches.open(keys.find((k) => k.startsWith('pw-pledge-widget:')));
          return (await cache.keys()).map((r) => new URL(r.url).pathname);
        });
      // A glance caches only the page and its small files: no build, no
      // font.
      let cached = await cachedFiles();
      assert.ok(cached.some((p) => /^\/boot-.*\.js$/.test(p)), cached.join(' '));
      assert.ok(!cached.some((p) => /\.wasm$|\.woff2$/.test(p)), cached.join(' '));
      // Starting the journey caches the rest.
      await widget.start();
      const complete = (files) =>
        ['pledge-journey-', 'pledge-widget-', 'pledge-verify-'].every((b) =>
          files.some((p) => p.includes(b) && p.endsWith('.wasm')),
        ) &&
        files.filter((p) => p.endsWith('.woff2')).length === 4;
      for (let i = 0; i < 200 && !complete(cached); i++) {
        await page.waitForTimeout(50);
        cached = await cachedFiles();
      }
      assert.ok(complete(cached), cached.join(' '));
      await page.evaluate(() => localStorage.clear());

      await context.setOffline(true);
      await page.reload();
      await widget.waitForHeading(/INCLUSIFS DE DEMAIN/);
      await widget.fillToSigning();
      const link = await widget.sign();
      await page.locator('.pw-card__preview').waitFor();
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('link', { name: 'Télécharger' }).click(),
      ]);
      assert.match(download.suggestedFilename(), /\.png$/);
      // The card used the shipped typeface, from the cache.
      assert.equal(await page.evaluate(() => document.fonts.check('700 20px "Atkinson Hyperlegible"')), true);
      // A link opens offline too (the verify build), with its card.
      await page.goto(link);
      await page.reload();
      await page.getByText('Signature valide', { exact: true }).waitFor();
      await widget.showCard();
    });

    it("the wall offline shows the service worker's copy of the list, and says so", async () => {
      env.extra['/engagements.json'] = LIST_V2;
      try {
        context = await phoneContext(env.browser, { serviceWorkers: 'allow' });
        const page = await context.newPage();
        await page.goto(`${env.url}?mur`);
        await page.locator('.pw-wall-entry').first().waitFor();
        await page.evaluate(async () => {
          await navigator.serviceWorker.ready;
          if (!navigator.serviceWorker.controller) {
            await new Promise((r) => navigator.serviceWorker.addEventListener('controllerchange', r, { once: true }));
          }
        });
        // Online, through the worker: the server's list, not marked.
        await page.reload();
        await page.locator('.pw-wall-entry').first().waitFor();
        assert.equal(await page.locator('.pw-wall__offline').count(), 0);
        await context.setOffline(true);
        await page.reload();
        await page.locator('.pw-wall-entry').first().waitFor();
        const said = page.getByRole('status').filter({ hasText: 'Hors ligne' });
        assert.equal(await said.textContent(), 'Hors ligne — liste du 29 novembre 2026.');
      } finally {
        delete env.extra['/engagements.json'];
      }
    });

    it("a commune's wall offline: its build, the index and the commune's own file from the service worker, said", async () => {
      for (const [path, text] of GOLDEN_SHARDS) env.extra[`/${path}`] = text;
      try {
        context = await phoneContext(env.browser, { serviceWorkers: 'allow' });
        const page = await context.newPage();
        await page.goto(`${env.url}?mur&commune=42218`);
        await page.locator('.pw-wall-entry').first().waitFor();
        await page.evaluate(async () => {
          await navigator.serviceWorker.ready;
          if (!navigator.serviceWorker.controller) {
            await new Promise((r) => navigator.serviceWorker.addEventListener('controllerchange', r, { once: true }));
          }
        });
        // Online, through the worker: the server's files, not marked.
        await page.reload();
        await page.locator('.pw-wall-entry').first().waitFor();
        assert.equal(await page.locator('.pw-wall__offline').count(), 0);
        await context.setOffline(true);
        await page.reload();
        await page.locator('.pw-wall-entry', { hasText: 'Camille Dupont' }).waitFor();
        const said = page.getByRole('status').filter({ hasText: 'Hors ligne' });
        assert.equal(await said.textContent(), 'Hors ligne — liste du 1er décembre 2026.');
        // Still the commune build: the wall build was never needed.
        const builds = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name).filter((n) => /pledge-[a-z]+-[0-9a-f]+_bg\.wasm$/.test(n)));
        assert.ok(builds.length > 0 && builds.every((n) => n.includes('/pledge-commune-')), builds.join(' '));
      } finally {
        for (const [path] of GOLDEN_SHARDS) delete env.extra[`/${path}`];
      }
    });

    it('has a web app manifest with icons', async () => {
      context = await phoneContext(env.browser);
      const page = await context.newPage();
      await page.goto(env.url);
      const href = await page.locator('link[rel=manifest]').getAttribute('href');
      const manifest = await (await page.request.get(new URL(href, env.url).href)).json();
      assert.equal(manifest.display, 'standalone');
      assert.equal(manifest.start_url, './');
      for (const size of ['192x192', '512x512']) {
        const icon = manifest.icons.find((i) => i.sizes === size && i.type === 'image/png');
        assert.ok(icon, size);
        const res = await page.request.get(new URL(icon.src, new URL(href, env.url)).href);
        assert.equal(res.status(), 200);
      }
    });

    it('sends no request outside its origin during a whole journey, and sets no cookie', async () => {
      context = await phoneContext(env.browser, { acceptDownloads: true });
      const requests = [];
      context.on('request', (r) => requests.push(r.url()));
      const page = await context.newPage();
      const widget = new WidgetPage(page, env.url);
      await widget.reachSigning();
      await widget.drawSignature();
      const link = await widget.sign();
      await page.locator('.pw-card__preview').waitFor();
      for (const key of ['1080x1080', '1080x1920']) {
        await page.locator(`#pw-card-format-${key}`).check();
        await page.locator(`.pw-card__preview[width="${key.split('x')[0]}"][height="${key.split('x')[1]}"]`).waitFor();
      }
      await page.goto(link);
      await page.getByText('Signature valide', { exact: true }).waitFor();
      const origin = new URL(env.url).origin;
      const outside = requests.filter((u) => !u.startsWith(origin) && !u.startsWith('data:') && !u.startsWith('blob:'));
      assert.deepEqual(outside, []);
      assert.deepEqual(await context.cookies(), []);
    });
  });
}
