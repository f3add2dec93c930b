// Every end-to-end suite, in one process with one browser, against the
// release build in dist/ (built by scripts/test before this runs).
import { before, after } from 'node:test';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import { launchChromium } from './browser.mjs';
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

const dist = fileURLToPath(new URL('../../dist/', import.meta.url));
if (!existsSync(`${dist}/index.html`)) {
  throw new Error('dist/ is missing: run `trunk build --release` (scripts/test does).');
}

// Figures the suites measure, printed at the end for the notes and README.
const env = { figures: {} };

before(async () => {
  env.server = await serveStatic(dist);
  env.url = env.server.url;
  env.browser = await launchChromium();
});

after(async () => {
  console.log(`figures: ${JSON.stringify(env.figures)}`);
  await env.browser?.close();
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
