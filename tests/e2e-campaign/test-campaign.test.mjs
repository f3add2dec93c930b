// A second campaign, built with the same code from its file alone
// (tests/fixtures/campaign-test.json: 12 proposals, 30 commitments, French
// only, other colours; tests/fixtures/widget-settings.campaign-test.json).
// scripts/test builds it into target/dist-campaign-test before this runs.
// The journey, signing, verification, the card in every format, and the
// organiser's console and wall, end to end.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

import jsQR from 'jsqr';
import { PNG } from 'pngjs';

import { launchChromium } from '../e2e/browser.mjs';
import { goldenFragment } from '../e2e/golden.mjs';
import { serveStatic } from '../e2e/server.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const dist = `${root}target/dist-campaign-test`;
const campaign = JSON.parse(readFileSync(`${root}tests/fixtures/campaign-test.json`, 'utf8'));
const titles = campaign.proposals.map((p) => p.title.fr);
const TEST_KEY = `${root}tests/fixtures/organiser-TEST-key.json`;
/** Files served next to the build (the organiser's list). */
const extra = {};

describe('a second campaign, from its file alone', () => {
  let server;
  let browser;
  before(async () => {
    if (!existsSync(`${dist}/index.html`)) {
      throw new Error(`${dist} is missing: scripts/test builds it (PW_WIDGET_SETTINGS=tests/fixtures/widget-settings.campaign-test.json trunk build --release --dist ${dist})`);
    }
    server = await serveStatic(dist, { extra });
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it('goes through its 12 proposals, signs, verifies and draws its card, in its words and colours', async () => {
    // An English browser: the campaign is French only, so French it is,
    // with no language switch.
    const context = await browser.newContext({ locale: 'en-GB', viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(server.url);
    assert.equal(await page.title(), campaign.page.title);
    assert.equal(await page.locator('html').getAttribute('lang'), 'fr');
    await page.locator('#pledge-widget > .pw-widget').waitFor();
    await page.getByRole('heading', { level: 1, name: campaign.title.fr }).waitFor();
    await page.getByText('Parcourez les 12 propositions').waitFor();
    assert.equal(await page.getByRole('button', { name: 'English' }).count(), 0, 'no language switch');
    // The accent is the campaign's (the stylesheet the build wrote).
    const accent = await page.evaluate(() => getComputedStyle(document.querySelector('.pw-widget')).getPropertyValue('--pw-accent').trim());
    assert.equal(accent, campaign.colours.accent.light);

    await page.getByRole('button', { name: 'Commencer' }).click();
    const jump = page.getByRole('navigation', { name: 'Aller à une proposition' });
    assert.equal(await jump.getByRole('button').count(), 12);
    for (const n of [1, 3, 12]) {
      await jump.getByRole('button', { name: new RegExp(`^Proposition ${n},`) }).click();
      await page.getByRole('heading', { level: 1, name: titles[n - 1] }).waitFor();
      await page.getByRole('button', { name: 'Tout cocher pour cette proposition' }).click();
    }
    await page.getByText('Proposition 12 sur 12', { exact: true }).waitFor();
    await page.getByRole('button', { name: 'Suivant' }).click();
    await page.getByRole('textbox', { name: /Nom et prénom/ }).fill('Camille Test');
    const commune = page.getByRole('combobox', { name: /Commune/ });
    await commune.fill('Lyon');
    await page.locator('[role="combobox"][aria-busy="false"]').waitFor();
    await commune.blur();
    await page.getByRole('button', { name: 'Voir le récapitulatif' }).click();
    await page.getByRole('heading', { name: 'Récapitulatif' }).waitFor();
    await page.getByText('7 engagements sur 30').first().waitFor();

    await page.getByRole('button', { name: 'Signer', exact: true }).click();
    await page.getByRole('button', { name: 'Signer mon engagement' }).click();
    const link = await page.getByRole('textbox', { name: /Lien/ }).first().inputValue();
    assert.match(link, /#e=/);
    // Payload v2: 30 commitments take a mask of 4 bytes (v1 stopped at 24).
    const bytes = Buffer.from(link.split('#e=')[1], 'base64url');
    assert.deepEqual([bytes[0], bytes[3]], [2, 4]);
    // Every record under this campaign's own keys.
    const keys = await page.evaluate(() => Object.keys(localStorage));
    assert.ok(keys.length >= 3, keys.join(', '));
    for (const key of keys) assert.ok(key.startsWith(`pw-pledge-widget/${campaign.slug}/`), key);

    // The link, opened by anyone: valid, in this campaign's words.
    const reader = await context.newPage();
    reader.on('pageerror', (e) => errors.push(e.message));
    await reader.goto(link);
    await reader.getByText('Signature valide', { exact: true }).waitFor();
    await reader.getByText('7 engagements sur 30').first().waitFor();
    for (const title of titles) await reader.getByRole('heading', { name: title }).first().waitFor();

    // The card: its chart has the 12 proposals (its text alternative
    // says what it draws).
    await reader.getByRole('button', { name: "Afficher l'image" }).click();
    const card = reader.locator('.pw-card__preview');
    await card.waitFor();
    const alt = await card.getAttribute('alt');
    for (const p of campaign.proposals) assert.ok(alt.includes(p.short.fr), `${p.short.fr} in ${alt}`);
    assert.match(alt, /7 engagements sur 30/);
    // Every format: the 12 bars fit, and its QR code opens the link.
    for (const [format, width, height] of [['1200x630', 1200, 630], ['1080x1080', 1080, 1080], ['1080x1920', 1080, 1920]]) {
      await reader.locator(`#pw-card-format-${format}`).check();
      await reader.locator(`.pw-card__preview[width="${width}"][height="${height}"]`).waitFor();
      const [download] = await Promise.all([
        reader.waitForEvent('download'),
        reader.getByRole('link', { name: 'Télécharger' }).click(),
      ]);
      const png = PNG.sync.read(await readFile(await download.path()));
      assert.deepEqual([png.width, png.height], [width, height], format);
      const qr = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
      assert.equal(qr?.data, link, `${format}: the QR code is the link`);
    }

    // The organiser gathers it and publishes the list; the wall counts
    // its 30 commitments.
    const console_ = await context.newPage();
    console_.on('pageerror', (e) => errors.push(e.message));
    await console_.goto(`${server.url}?organisateur`);
    await console_.getByLabel('Importer une clé').setInputFiles(TEST_KEY);
    await console_.getByText("C'est la clé inscrite dans ce widget").waitFor();
    await console_.getByLabel("Liens d'engagement, un par ligne").fill(link);
    await console_.getByRole('button', { name: 'Vérifier et ajouter' }).click();
    await console_.getByRole('heading', { name: 'Engagements rassemblés : 1' }).waitFor();
    await console_.getByRole('combobox', { name: 'Statut' }).selectOption({ label: 'Vérifié' });
    const downloads = [];
    console_.on('download', (d) => downloads.push(d));
    await console_.getByRole('button', { name: 'Publier la liste signée' }).click();
    await console_.getByText("Liste d'un engagement signée", { exact: false }).waitFor();
    while (!downloads.some((d) => d.suggestedFilename() === 'engagements.json')) await console_.waitForTimeout(100);
    const json = downloads.find((d) => d.suggestedFilename() === 'engagements.json');
    extra['/engagements.json'] = await readFile(await json.path(), 'utf8');
    const wall = await context.newPage();
    wall.on('pageerror', (e) => errors.push(e.message));
    await wall.goto(`${server.url}?mur`);
    const figures = wall.locator('.pw-wall__figures');
    await figures.waitFor();
    assert.match(await figures.textContent(), /^1 candidat·es\s*1 communes$/);
    const chart = wall.getByRole('table', { name: /Nombre de candidat·es ayant pris chaque engagement/ });
    assert.equal(await chart.getByRole('row', { name: /^\d+\.\d+ / }).count(), 30, 'a row per commitment');
    await wall.locator('.pw-wall-entry', { hasText: 'Camille Test' }).getByText('7 engagements sur 30').waitFor();
    delete extra['/engagements.json'];
    assert.deepEqual(errors, []);
    await context.close();
  });

  it("says a Coorace link belongs to another campaign's text", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${server.url}#${goldenFragment('typical')}`);
    await page.getByText('Ce lien concerne un autre texte de campagne que celui-ci.').waitFor();
    await context.close();
  });
});
