// The cross-engine suite: the same scenarios in Chromium, Firefox ESR and
// WebKitGTK, over WebDriver classic, against the release build in dist/
// (built by scripts/test before this runs), served with its own _headers.
// PW_ENGINES=chromium,firefox runs some engines only (CI runs all three).
// What each engine does where they differ is printed at the end
// (« engine facts ») and summed up in the README.
import { describe, it, before, after, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

import { serveStatic } from '../e2e/server.mjs';
import { selectedEngines, startDriver, startXvfb } from './drivers.mjs';
import { scenarios } from './scenarios.mjs';

const dist = fileURLToPath(new URL('../../dist/', import.meta.url));
if (!existsSync(`${dist}/index.html`)) {
  throw new Error('dist/ is missing: run `trunk build --release` (scripts/test does).');
}

const engines = selectedEngines();
const probe = await readFile(new URL('./csp-probe.js', import.meta.url), 'utf8');
// Served next to the build; every HTML page gets it first in its head, so a
// violation from the very first script on is heard (an allowed 'self' script).
const env = { extra: { '/__pw-csp-probe.js': probe }, facts: {}, timings: {} };

before(async () => {
  env.server = await serveStatic(dist, {
    extra: env.extra,
    rewrite: (_, html) => html.replace('<head>', '<head><script src="/__pw-csp-probe.js"></script>'),
  });
  env.url = env.server.url;
  if (engines.includes('webkit')) env.xvfb = await startXvfb();
});

after(async () => {
  console.log(`engine facts: ${JSON.stringify(env.facts, null, 1)}`);
  console.log(`timings (s): ${JSON.stringify(env.timings)}`);
  await env.xvfb?.close();
  await env.server?.close();
});

for (const engine of engines) {
  describe(engine, () => {
    const ctx = { engine, env, facts: (env.facts[engine] = {}), pages: [] };
    let started;

    before(async () => {
      started = Date.now();
      ctx.driver = await startDriver(engine, { display: env.xvfb?.display });
    });

    // Any Content-Security-Policy violation fails the scenario that caused it.
    afterEach(async () => {
      const found = [];
      for (const p of ctx.pages.splice(0)) {
        await p.top().catch(() => {});
        await p.collectCsp();
        found.push(...p.csp);
        await ctx.driver.endSession(p.driver);
      }
      assert.deepEqual(found, [], `${engine}: no Content-Security-Policy violation`);
    });

    after(async () => {
      env.timings[engine] = Math.round((Date.now() - started) / 100) / 10;
      await ctx.driver?.close();
    });

    scenarios(ctx);
  });
}
