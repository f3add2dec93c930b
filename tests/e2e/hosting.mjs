// Real hosting: a deploy while a tab is open, two widgets on one origin
// (also /w/ and /w/:x/), caches the service worker did not create,
// and the key panel's warning on an origin the widget may share.
import { describe, it, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { cp, mkdtemp, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { phoneContext } from './browser.mjs';
import { serveStatic } from './server.mjs';
import { WidgetPage } from './widget-page.mjs';

const dist = fileURLToPath(new URL('../../dist/', import.meta.url));

/** A copy of the build in `dir/sub` (so that deploys do not touch dist/). */
async function copyBuild(dir, sub = '') {
  await cp(dist, join(dir, sub), { recursive: true });
}

/**
 * Deploys "a new version" over the build in `dir`: the full build's files
 * get new names (the old ones are gone from the server, as after a real
 * deploy), and the boot script and service worker name them.
 */
async function deployNewVersion(dir, tag) {
  const files = await readdir(dir);
  const oldJs = files.find((f) => /^pledge-widget-[0-9a-f]{16}\.js$/.test(f));
  const oldName = oldJs.slice(0, -'.js'.length);
  const newName = `pledge-widget-${tag.padEnd(16, '0').slice(0, 16)}`;
  await rename(join(dir, `${oldName}.js`), join(dir, `${newName}.js`));
  await rename(join(dir, `${oldName}_bg.wasm`), join(dir, `${newName}_bg.wasm`));
  const boot = files.find((f) => /^boot-[0-9a-f]+\.js$/.test(f));
  for (const file of [boot, 'sw.js']) {
    let text = await readFile(join(dir, file), 'utf8');
    text = text.replaceAll(oldName, newName);
    if (file === 'sw.js') text = text.replace(/const BUILD = '[^']+'/, `const BUILD = '${tag}'`);
    await writeFile(join(dir, file), text);
  }
  return { oldName, newName };
}

/**
 * Polls `fn` (which may be async) in the page until it returns true.
 * (Playwright's waitForFunction does not wait for a promise's value.)
 */
async function until(page, fn, what, timeout = 15000, arg = undefined) {
  const end = Date.now() + timeout;
  for (;;) {
    if (await page.evaluate(fn, arg)) return;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await page.waitForTimeout(50);
  }
}

/** Waits until the cache whose name holds `scope` has both big builds. */
function wholeBuildCached(page, scope, what) {
  return until(
    page,
    async (scope) => {
      for (const key of await caches.keys()) {
        if (!key.includes(scope)) continue;
        const files = (await (await caches.open(key)).keys()).map((r) => r.url);
        return files.some((u) => /pledge-journey-.*\.wasm$/.test(u)) && files.some((u) => /pledge-widget-.*\.wasm$/.test(u));
      }
      return false;
    },
    what,
    15000,
    scope,
  );
}

/** Waits until the page is controlled by its service worker. */
async function controlled(page) {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((r) => navigator.serviceWorker.addEventListener('controllerchange', r, { once: true }));
    }
  });
}

/** The widget's caches, by scope path: { '/a/': ['build', …] }. */
async function cachesByScope(page) {
  const keys = await page.evaluate(() => caches.keys());
  const out = {};
  for (const key of keys) {
    const m = key.match(/^pw-pledge-widget:(.*):([^:]+)$/);
    if (!m) continue;
    const scope = new URL(m[1]).pathname;
    (out[scope] ??= []).push(m[2]);
  }
  return out;
}

export function hostingSuite(env) {
  describe('hosting: deploys, shared origins', () => {
    let context;
    let dir;
    let server;
    let errors;

    afterEach(async () => {
      await context?.close();
      await server?.close();
      if (dir) await rm(dir, { recursive: true, force: true });
      context = server = dir = undefined;
      assert.deepEqual(errors ?? [], [], 'no uncaught error');
      errors = undefined;
    });

    async function setUp(subs = ['']) {
      dir = await mkdtemp(join(tmpdir(), 'pw-host-'));
      for (const sub of subs) await copyBuild(dir, sub);
      server = await serveStatic(dir);
    }

    async function newPage(options = {}) {
      context ??= await phoneContext(env.browser, options);
      const page = await context.newPage();
      errors ??= [];
      page.on('pageerror', (e) => errors.push(e.message));
      return page;
    }

    /** Journey up to proposal 9, a deploy (before the full build is
     * fetched, on the last proposal), then proposal 10. */
    async function toLastProposalAcrossADeploy(page, tag) {
      const widget = new WidgetPage(page, server.url);
      await widget.open();
      await widget.start();
      await widget.commitment(widget.l.firstCommitment).check();
      await widget.jumpTo(9);
      await deployNewVersion(dir, tag);
      await widget.jumpTo(10);
      await widget.waitForHeading(/^#10\. /);
      return widget;
    }

    it('keeps a tab working through a deploy: it signs with its own build, kept by the service worker', async () => {
      await setUp();
      const page = await newPage({ serviceWorkers: 'allow' });
      const widget = new WidgetPage(page, server.url);
      await widget.open();
      await controlled(page);
      await widget.start();
      await widget.commitment(widget.l.firstCommitment).check();
      await widget.jumpTo(9);

      const { oldName } = await deployNewVersion(dir, 'deploy1');
      await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());
      // The new worker took over; the old build's files are still cached.
      await until(page, async () => (await caches.keys()).some((k) => k.endsWith(':deploy1')), 'the new cache');
      await until(page, async () => {
        const r = await navigator.serviceWorker.getRegistration();
        return !r.installing && !r.waiting;
      }, 'the new worker active');
      assert.equal((await fetch(new URL(`${oldName}.js`, server.url))).status, 404, 'gone from the server');

      const served = [];
      page.on('response', (r) => {
        if (r.url().includes(oldName)) served.push(r.status());
      });
      await widget.jumpTo(10);
      await widget.next();
      await widget.field(widget.l.name).fill('Camille Dupont');
      await widget.fillCommune('Lyon');
      await widget.button(widget.l.toSummary).click();
      await widget.waitForHeading(widget.l.summary);
      assert.ok(served.length > 0 && served.every((s) => s === 200), JSON.stringify(served));
      await widget.button(widget.l.toSign).click();
      await widget.waitForSigningStep();
      const link = await widget.sign();

      // The link verifies in the new version, and the answers are the tab's.
      const visitor = await newPage();
      await visitor.goto(link);
      await visitor.getByText('Signature valide', { exact: true }).waitFor();
      await visitor.getByRole('heading', { name: 'Camille Dupont' }).waitFor();

      // Once that tab is gone, the next page load drops the old build.
      const before = await cachesByScope(visitor);
      assert.equal(before['/'].length, 2, JSON.stringify(before));
      await page.close();
      await visitor.goto(server.url);
      await until(
        visitor,
        async () => {
          const keys = (await caches.keys()).filter((k) => k.startsWith('pw-pledge-widget:'));
          return keys.length === 1 && keys[0].endsWith(':deploy1');
        },
        'the old build dropped',
      );
    });

    it('without a service worker, reloads itself at the step after a deploy, answers kept', async () => {
      await setUp();
      const page = await newPage({ serviceWorkers: 'block' });
      const widget = await toLastProposalAcrossADeploy(page, 'deploy2');
      const reloaded = page.waitForEvent('load');
      await widget.next();
      await reloaded;
      // The new version, at the identity step, with everything entered.
      await widget.root.getByRole('combobox', { name: widget.l.commune }).waitFor();
      assert.equal(await page.getByText(/n'a pas pu se charger/).count(), 0);
      assert.equal((await widget.storedDraft()).ticked.length, 1);
      await widget.field(widget.l.name).fill('Camille Dupont');
      await widget.fillCommune('Lyon');
      await widget.button(widget.l.toSummary).click();
      await widget.waitForHeading(widget.l.summary);
      await page.getByText('1 engagement sur 20').waitFor();
      await widget.button(widget.l.toSign).click();
      await widget.waitForSigningStep();
      const link = await widget.sign();
      const visitor = await newPage();
      await visitor.goto(link);
      await visitor.getByText('Signature valide', { exact: true }).waitFor();
      await visitor.getByRole('heading', { name: 'Camille Dupont' }).waitFor();
    });

    it('says a new version was published, and reloads only when asked, where the browser keeps no answers', async () => {
      await setUp();
      const page = await newPage({ serviceWorkers: 'block' });
      await page.addInitScript(() => {
        Object.defineProperty(window, 'localStorage', {
          get() {
            throw new DOMException('The operation is insecure.', 'SecurityError');
          },
        });
      });
      const widget = await toLastProposalAcrossADeploy(page, 'deploy3');
      await widget.next();
      await page.getByRole('alert').getByText(/^Une nouvelle version du widget a été publiée pendant votre visite/).waitFor();
      await page.getByText(/notez-les avant de recharger/).waitFor();
      // Nothing reloaded by itself; the answers are still here.
      await widget.button('Précédent').click();
      await widget.waitForHeading(/^#10\. /);
      await widget.jumpTo(1);
      assert.equal(await widget.commitment(widget.l.firstCommitment).isChecked(), true);
      await widget.jumpTo(10);
      await widget.next();
      const reloaded = page.waitForEvent('load');
      await widget.button('Recharger la page').click();
      await reloaded;
      await widget.waitForHeading(/INCLUSIFS DE DEMAIN/);
    });

    it('runs two widgets on one origin without either clearing the other', async () => {
      await setUp(['a', 'b']);
      const page = await newPage({ serviceWorkers: 'allow' });
      const a = new WidgetPage(page, `${server.url}a/`);
      await a.open();
      await controlled(page);
      // Past the welcome screen, a caches the rest of its build.
      await a.start();
      await wholeBuildCached(page, '/a/:', "a's whole build cached");
      const other = await newPage();
      const b = new WidgetPage(other, `${server.url}b/`);
      await b.open();
      await controlled(other);
      await until(page, async () => (await caches.keys()).filter((k) => k.startsWith('pw-pledge-widget:')).length === 2, 'both caches');
      const both = await cachesByScope(page);
      assert.deepEqual(Object.keys(both).sort(), ['/a/', '/b/']);

      // A new version of b, taken over, its old tab gone: a's cache stays.
      await deployNewVersion(join(dir, 'b'), 'bnext');
      await other.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());
      await until(other, async () => (await caches.keys()).some((k) => k.endsWith(':bnext')), "b's new cache");
      await until(other, async () => {
        const r = await navigator.serviceWorker.getRegistration();
        return !r.installing && !r.waiting;
      }, "b's new worker active");
      await other.close();
      const again = await newPage();
      await again.goto(`${server.url}b/`);
      await until(again, async () => (await caches.keys()).filter((k) => k.includes('/b/:')).length === 1, "b's old build dropped");
      const after = await cachesByScope(again);
      assert.deepEqual(after['/a/'], both['/a/']);
      assert.deepEqual(after['/b/'], ['bnext']);

      // And a still works offline from its own cache, where it was.
      await context.setOffline(true);
      await page.reload();
      await a.mounted();
      await page.getByText('Proposition 1 sur 10', { exact: true }).waitFor();
    });

    // /w/:x/'s scope continues the names of /w/'s caches
    // ("pw-pledge-widget:…/w/:" + build): a worker matching its caches by
    // prefix takes the other widget's for its own older builds.
    it('keeps the caches of a widget whose folder continues the other one\'s name (/w/ and /w/:x/) through a deploy', async () => {
      await setUp(['w', 'w/:x']);
      const page = await newPage({ serviceWorkers: 'allow' });
      const x = new WidgetPage(page, `${server.url}w/:x/`);
      await x.open();
      await controlled(page);
      await x.start();
      await wholeBuildCached(page, '/w/:x/:', "/w/:x/'s whole build cached");
      const other = await newPage();
      await new WidgetPage(other, `${server.url}w/`).open();
      await controlled(other);
      await until(other, async () => (await caches.keys()).filter((k) => k.startsWith('pw-pledge-widget:')).length === 2, 'both caches');
      const both = await cachesByScope(other);
      assert.deepEqual(Object.keys(both).sort(), ['/w/', '/w/:x/']);

      // A new version of /w/ takes over; once the tabs open then are gone,
      // /w/ drops its old build, and only that.
      await deployNewVersion(join(dir, 'w'), 'wnext');
      await other.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());
      await until(other, async () => (await caches.keys()).some((k) => k.endsWith(':wnext')), "/w/'s new cache");
      await until(other, async () => {
        const r = await navigator.serviceWorker.getRegistration();
        return !r.installing && !r.waiting;
      }, "/w/'s new worker active");
      await other.close();
      await page.close();
      const again = await newPage();
      await again.goto(`${server.url}w/`);
      // (Names starting like /w/'s: its new build, and /w/:x/'s if left.)
      await until(again, async () => {
        const scope = (await navigator.serviceWorker.getRegistration()).scope;
        return (await caches.keys()).filter((k) => k.startsWith(`pw-pledge-widget:${scope}:`)).length <= 2;
      }, "/w/'s old build dropped");
      const after = await cachesByScope(again);
      assert.deepEqual(after['/w/'], ['wnext']);
      assert.deepEqual(after['/w/:x/'], both['/w/:x/'], JSON.stringify(after));

      // And /w/:x/ still works offline from its own cache.
      await context.setOffline(true);
      const back = await newPage();
      await new WidgetPage(back, `${server.url}w/:x/`).open();
      await back.getByText('Proposition 1 sur 10', { exact: true }).waitFor();
    });

    it('never serves nor deletes a cache it did not create, even one named like its own', async () => {
      await setUp(['w']);
      const page = await newPage({ serviceWorkers: 'allow' });
      const widget = new WidgetPage(page, `${server.url}w/`);
      await widget.open();
      await controlled(page);
      // Another script of the origin plants a cache named like one of this
      // widget's builds, with a forged copy of a file of this build that
      // the worker has not cached yet (the partners' loader).
      const file = `${server.url}w/embed.js`;
      const real = await (await fetch(file)).text();
      const planted = await page.evaluate(async (file) => {
        const scope = (await navigator.serviceWorker.getRegistration()).scope;
        const name = `pw-pledge-widget:${scope}:planted`;
        await (await caches.open(name)).put(file, new Response('/* forged */', { headers: { 'content-type': 'text/javascript' } }));
        return name;
      }, file);
      assert.equal(await page.evaluate(async (file) => (await fetch(file)).text(), file), real, 'the server\'s file, not the forged one');

      // A deploy and its clean-up leave the planted cache alone.
      await deployNewVersion(join(dir, 'w'), 'wnext');
      await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());
      await until(page, async () => (await caches.keys()).some((k) => k.endsWith(':wnext')), 'the new cache');
      await until(page, async () => {
        const r = await navigator.serviceWorker.getRegistration();
        return !r.installing && !r.waiting;
      }, 'the new worker active');
      await page.close();
      const again = await newPage();
      await again.goto(`${server.url}w/`);
      await until(
        again,
        async () => (await caches.keys()).filter((k) => k.startsWith('pw-pledge-widget:') && !k.endsWith(':planted')).length === 1,
        'the old build dropped',
      );
      assert.deepEqual((await cachesByScope(again))['/w/'].sort(), ['planted', 'wnext']);
      assert.equal(await again.evaluate(async (name) => (await (await caches.open(name)).match(location.origin + '/w/embed.js'))?.text(), planted), '/* forged */');
    });

    it('keeps serving the caches of a worker from before its builds were recorded through a deploy', async () => {
      await setUp();
      const page = await newPage({ serviceWorkers: 'allow' });
      const widget = new WidgetPage(page, server.url);
      await widget.open();
      await controlled(page);
      await widget.start();
      await until(page, async () => {
        const key = (await caches.keys()).find((k) => k.startsWith('pw-pledge-widget:'));
        return key && (await (await caches.open(key)).keys()).some((r) => /pledge-widget-.*\.js$/.test(r.url));
      }, 'the whole build cached');
      // As a worker from before the records left it: caches, no record.
      await page.evaluate(async () => {
        const scope = (await navigator.serviceWorker.getRegistration()).scope;
        const meta = await caches.open(`pw-pledge-widget-meta:${scope}`);
        for (const r of await meta.keys()) if (!r.url.endsWith('/pw-pending-cleanup')) await meta.delete(r);
      });
      const { oldName } = await deployNewVersion(dir, 'deploy4');
      await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());
      await until(page, async () => (await caches.keys()).some((k) => k.endsWith(':deploy4')), 'the new cache');
      await until(page, async () => {
        const r = await navigator.serviceWorker.getRegistration();
        return !r.installing && !r.waiting;
      }, 'the new worker active');
      const file = new URL(`${oldName}.js`, server.url).href;
      assert.equal((await fetch(file)).status, 404, 'gone from the server');
      assert.equal(await page.evaluate(async (file) => (await fetch(file)).status, file), 200, "the old build's file, from its cache");
    });

    it('warns in the key panel when served from a folder of a site, not at the root of its own host', async () => {
      await setUp(['', 'engagements']);
      const port = new URL(server.url).port;
      const page = await newPage();
      // widget.test resolves to this machine (tests/e2e/browser.mjs): not a
      // local address to the widget.
      const shared = new WidgetPage(page, `http://widget.test:${port}/engagements/`);
      await shared.reachSigning();
      const warning = page.getByText(/^Ce widget est servi depuis http:\/\/widget\.test:\d+, une adresse/);
      await warning.waitFor();
      assert.match(await warning.textContent(), /une autre page du même site pourrait la lire/);

      const own = new WidgetPage(page, `http://widget.test:${port}/`);
      await own.open();
      await page.evaluate(() => localStorage.clear());
      await own.reachSigning();
      assert.equal(await page.getByText(/^Ce widget est servi depuis/).count(), 0);
    });
  });
}
