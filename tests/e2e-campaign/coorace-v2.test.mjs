// Version 2 of the Coorace campaign (an 11th proposal, made by
// make-coorace-v2.mjs and built by scripts/test into
// target/dist-coorace-v2): every golden link, signed under version 1,
// still verifies, counted against version 1's commitments and saying the
// text has changed since.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import { launchChromium } from '../e2e/browser.mjs';
import { GOLDEN, GOLDEN_V2, REFUSED } from '../e2e/golden.mjs';
import { serveStatic } from '../e2e/server.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const dist = `${root}target/dist-coorace-v2`;

describe('a later version of a campaign keeps earlier links valid', () => {
  let server;
  let browser;
  before(async () => {
    if (!existsSync(`${dist}/index.html`)) throw new Error(`${dist} is missing: scripts/test builds it`);
    server = await serveStatic(dist);
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it('verifies every link of version 1 on version 2, and says its text has changed', async () => {
    const context = await browser.newContext({ locale: 'fr-FR' });
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    // Payload v1 links shared before, and v2 links signed by the widget
    // of version 1 of the campaign.
    for (const [name, link] of [...GOLDEN, ...GOLDEN_V2]) {
      await page.goto(`${server.url}#${link.split('#')[1]}`);
      await page.getByText('Signature valide', { exact: true }).waitFor();
      await page.getByText(/Signé sur le texte de la campagne dans sa version du 28 novembre 2026/).waitFor();
      assert.match(await page.locator('.pw-pledge__count').textContent(), / sur 20$/, name);
      // The 11th proposal, added since, is shown as not taken.
      await page.getByRole('heading', { name: /Une onzième proposition/ }).waitFor();
    }
    // A link refused by version 1 is refused by version 2 too.
    const [, refused] = REFUSED.find(([n]) => n === 'invisible-name');
    await page.goto(`${server.url}#${refused.split('#')[1]}`);
    await page.getByText(/^Caractères non autorisés/).waitFor();
    assert.equal(await page.getByText('Signature valide', { exact: true }).count(), 0);
    assert.deepEqual(errors, []);
    await context.close();
  });
});
