// Takes the README's screenshots of the release build (dist/) at 360×740,
// and saves the three card images of a sample pledge in docs/cards/.
// Run after `trunk build --release`: node scripts/screenshots.mjs
import { copyFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

import { launchChromium, phoneContext } from '../tests/e2e/browser.mjs';
import { serveStatic } from '../tests/e2e/server.mjs';
import { WidgetPage } from '../tests/e2e/widget-page.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = (name) => `${root}docs/screenshots/${name}.png`;

const server = await serveStatic(`${root}dist`);
const browser = await launchChromium();
const context = await phoneContext(browser, { acceptDownloads: true });
const page = await context.newPage();
const widget = new WidgetPage(page, server.url);

await widget.open();
await page.screenshot({ path: out('welcome') });
await widget.start();
await widget.jumpTo(2);
await widget.commitment(/former les élus/).check();
await widget.commitment(/développer les achats/).check();
await widget.jumpTo(8);
await widget.button('Tout cocher pour cette proposition').click();
await page.screenshot({ path: out('proposal') });
await widget.jumpTo(10);
await widget.next();
await widget.field(/Nom et prénom/).fill('Camille Dupont');
await widget.field(/Commune/).fill('Saint-Étienne');
await widget.button('Voir le récapitulatif').click();
await widget.waitForHeading('Récapitulatif');
await page.screenshot({ path: out('summary') });

// Sign with a drawn signature, then keep the three card formats.
await widget.button('Signer').click();
await widget.waitForSigningStep();
await widget.drawSignature();
await page.screenshot({ path: out('sign') });
const link = await widget.sign();
await page.screenshot({ path: out('signed') });
for (const key of ['1200x630', '1080x1080', '1080x1920']) {
  await page.locator(`#pw-card-format-${key}`).check();
  await page.locator('.pw-card__preview').waitFor();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Télécharger' }).click(),
  ]);
  await copyFile(await download.path(), `${root}docs/cards/sample-${key}.png`);
}

// The public's view of that link, on a phone in dark mode.
const dark = await phoneContext(browser, { colorScheme: 'dark' });
const visitor = await dark.newPage();
await visitor.goto(link);
await visitor.getByText('Signature valide').waitFor();
await visitor.locator('.pw-card__preview').waitFor();
await visitor.evaluate(() => document.fonts.ready);
await visitor.screenshot({ path: out('verify-dark') });
await dark.close();

await browser.close();
await server.close();
