// Every end-to-end suite, in one process with one browser, against the
// release build in dist/ (built by scripts/test before this runs).
import { before, after, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import { launchChromium, reportCspViolations } from './browser.mjs';
import { serveStatic } from './server.mjs';
import { journeySuite } from './journey.mjs';
import { buildsSuite } from './builds.mjs';
import { keyboardSuite } from './keyboard.mjs';
import { signingSuite } from './signing.mjs';
import { cardSuite } from './card.mjs';
import { embedSuite } from './embed.mjs';
import { a11ySuite } from './a11y.mjs';
import { i18nSuite } from './i18n.mjs';
import { offlineSuite } from './offline.mjs';
import { lighthouseSuite } from './lighthouse.mjs';
import { previewSuite } from './preview.mjs';
import { noLossSuite } from './no-loss.mjs';
import { hostingSuite } from './hosting.mjs';
import { firstPaintSuite } from './first-paint.mjs';
import { organiserSuite } from './organiser.mjs';
import { oneKeySuite } from './one-key.mjs';
import { openerSuite } from './opener.mjs';
import { handOverSuite } from './hand-over.mjs';
import { communesSuite } from './communes.mjs';

const dist = fileURLToPath(new URL('../../dist/', import.meta.url));
if (!existsSync(`${dist}/index.html`)) {
  throw new Error('dist/ is missing: run `trunk build --release` (scripts/test does).');
}

// Figures the suites measure, printed at the end for the notes and README.
// `extra`: files served next to the build (the organiser's list).
const env = { figures: {}, cspViolations: [], extra: {} };

before(async () => {
  // Served with the build's own _headers, as a static host would: every
  // test runs under the shipped policy (meta tag and headers).
  env.server = await serveStatic(dist, { extra: env.extra });
  env.url = env.server.url;
  env.browser = await launchChromium();
  reportCspViolations(env.browser, env.cspViolations);
  // Partners' frames with storage kept apart (as Firefox and Safari do).
  env.partitioningBrowser = await launchChromium({ thirdPartyCookies: true });
  reportCspViolations(env.partitioningBrowser, env.cspViolations);
});

// Any Content-Security-Policy violation fails the test that caused it.
afterEach(() => {
  const found = env.cspViolations.splice(0);
  assert.deepEqual(found, [], 'no Content-Security-Policy violation');
});

after(async () => {
  console.log(`figures: ${JSON.stringify(env.figures)}`);
  await env.browser?.close();
  await env.partitioningBrowser?.close();
  await env.server?.close();
});

journeySuite(env);
buildsSuite(env);
keyboardSuite(env);
signingSuite(env);
cardSuite(env);
embedSuite(env);
a11ySuite(env);
i18nSuite(env);
offlineSuite(env);
lighthouseSuite(env);
previewSuite(env);
noLossSuite(env);
hostingSuite(env);
firstPaintSuite(env);
organiserSuite(env);
oneKeySuite(env);
openerSuite(env);
handOverSuite(env);
communesSuite(env);
