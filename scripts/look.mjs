// Screenshots of every screen of the release build (dist/), for a person to
// look at: light and dark, phone (360×740) and desktop (1280×800), French.
// Run after `trunk build --release`: node scripts/look.mjs [out-dir]
// (default target/look/). Nothing is asserted: this is for your eyes.
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

import { launchChromium } from '../tests/e2e/browser.mjs';
import { serveStatic } from '../tests/e2e/server.mjs';
import { LABELS, WidgetPage, storageKey } from '../tests/e2e/widget-page.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = process.argv[2] ?? `${root}target/look`;
await mkdir(out, { recursive: true });
const server = await serveStatic(`${root}dist`);
const browser = await launchChromium();
const l = LABELS.fr;

for (const scheme of ['light', 'dark']) {
  for (const [size, viewport] of [['phone', { width: 360, height: 740 }], ['desktop', { width: 1280, height: 800 }]]) {
    const context = await browser.newContext({ viewport, colorScheme: scheme, locale: 'fr-FR' });
    const page = await context.newPage();
    const widget = new WidgetPage(page, server.url);
    const shot = (name) => page.screenshot({ path: `${out}/${scheme}-${size}-${name}.png`, fullPage: true });
    await widget.open();
    await shot('01-welcome');
    await widget.start();
    await widget.commitment(l.firstCommitment).check();
    await shot('02-proposal');
    await widget.jumpTo(10);
    await widget.next();
    await widget.button(l.toSummary).click();
    await page.getByText(l.nameMissing).waitFor();
    await shot('03-identity-errors');
    await widget.field(l.name).fill('Camille Dupont');
    await widget.field(l.commune).fill('Saint-Étienne');
    await widget.button(l.toSummary).click();
    await widget.waitForHeading(l.summary);
    await shot('04-summary');
    await widget.button(l.toSign).click();
    await widget.waitForSigningStep();
    await widget.drawSignature();
    await shot('05-sign');
    const link = await widget.sign();
    await page.locator('.pw-card__preview').waitFor();
    await shot('06-signed');
    await widget.button(l.forgetMe).click();
    await shot('07-forget-confirm');
    await page.goto(link);
    await page.getByText(l.valid).waitFor();
    await page.locator('.pw-card__preview').waitFor();
    await shot('08-verify-valid');
    await page.goto(link.slice(0, -12));
    await page.getByText(l.invalid).waitFor();
    await shot('09-verify-invalid');
    await page.goto('about:blank');
    await widget.open();
    await page.evaluate((key) => localStorage.setItem(key, '{broken'), storageKey('draft/v1'));
    await page.reload();
    await page.getByRole('status').first().waitFor();
    await shot('10-storage-notice');
    // Answers from another page over answers of one's own: the question,
    // then the summary it lands on, with the way back to one's own.
    await widget.start();
    await widget.commitment(l.firstCommitment).check();
    const record = { version: 1, step: 'sign', ticked: ['2.1', '3.1', '7.2'], name: 'Camille Dupont', commune: 'Lyon', list: '', role: null };
    await page.goto(`${server.url}#d=${Buffer.from(JSON.stringify(record)).toString('base64url')}`);
    await page.getByRole('heading', { level: 1, name: 'Remplacer mes réponses par celles reçues ?' }).waitFor();
    await shot('11-arrival-question');
    await widget.button('Remplacer mes réponses').click();
    await widget.waitForHeading(l.summary);
    await page.getByText('Récupérer mes réponses précédentes').click();
    await shot('12-arrival-summary');
    await widget.button(l.toSign).click();
    await widget.waitForSigningStep();
    await shot('13-sign-what');
    await context.close();
  }
}
await browser.close();
await server.close();
console.log(`screenshots in ${out}`);
