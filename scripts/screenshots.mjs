// Takes the README's screenshots of the release build (dist/) at 360×740.
// Run after `trunk build --release`: node scripts/screenshots.mjs
import { fileURLToPath } from 'node:url';

import { launchChromium, phoneContext } from '../tests/e2e/browser.mjs';
import { serveStatic } from '../tests/e2e/server.mjs';
import { WidgetPage } from '../tests/e2e/widget-page.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = (name) => `${root}docs/screenshots/${name}.png`;

const server = await serveStatic(`${root}dist`);
const browser = await launchChromium();
const context = await phoneContext(browser);
const page = await context.newPage();
const widget = new WidgetPage(page, server.url);

await widget.open();
await page.screenshot({ path: out('welcome') });
await widget.start();
await widget.jumpTo(2);
await widget.commitment(/former les élus/).check();
await widget.commitment(/développer les achats/).check();
await page.screenshot({ path: out('proposal') });
await widget.jumpTo(10);
await widget.next();
await widget.field(/Nom et prénom/).fill('Camille Dupont');
await widget.field(/Commune/).fill('Saint-Étienne');
await widget.button('Voir le récapitulatif').click();
await widget.waitForHeading('Récapitulatif');
await page.screenshot({ path: out('summary') });

await browser.close();
await server.close();
