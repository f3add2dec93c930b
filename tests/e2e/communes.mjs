// The commune field: suggestions of the official referential as the
// candidate types (name or postal code), chosen by keyboard or touch, the
// official code signed with the name and shown on the pledge page; a
// commune not in the list kept as typed and said so; the referential never
// fetched before the field.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';

import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

import { phoneContext } from './browser.mjs';
import { GOLDEN_V2 } from './golden.mjs';
import { DRAFT_KEY, WidgetPage } from './widget-page.mjs';
import { violations } from './a11y.mjs';

const TEST_KEY = fileURLToPath(new URL('../fixtures/organiser-TEST-key.json', import.meta.url));

/** The payload bytes of a pledge link. */
const payloadOf = (link) => Buffer.from(link.split('#e=')[1], 'base64url');

/** From a complete identity step to the signed link and its bytes. */
async function signFromIdentity(widget) {
  await widget.button(widget.l.toSummary).click();
  await widget.waitForHeading(widget.l.summary);
  await widget.button(widget.l.toSign).click();
  await widget.waitForSigningStep();
  const link = await widget.sign();
  return { link, bytes: payloadOf(link) };
}

export function communesSuite(env) {
  describe('the commune field and the official referential', () => {
    async function toIdentity(context) {
      const page = await context.newPage();
      const fetched = [];
      page.on('request', (r) => {
        if (r.url().includes('/communes/')) fetched.push(r.url());
      });
      const widget = new WidgetPage(page, env.url);
      await widget.open();
      await widget.start();
      await widget.commitment(widget.l.firstCommitment).check();
      await widget.jumpTo(10);
      await widget.next();
      await widget.waitForHeading("Qui s'engage ?");
      return { page, widget, fetched };
    }

    it('suggests homonyms with their département, chosen by keyboard, and signs the official code', async () => {
      const context = await phoneContext(env.browser, { isMobile: false, hasTouch: false });
      const { page, widget, fetched } = await toIdentity(context);
      assert.deepEqual(fetched, [], 'nothing of the referential before the field');
      await widget.field(widget.l.name).fill('Camille Dupont');
      const field = page.getByRole('combobox', { name: /Commune/ });
      await field.focus();
      await page.keyboard.type('ste colombe');
      const list = page.getByRole('listbox', { name: /Commune/ });
      await list.waitFor();
      assert.equal(await field.getAttribute('aria-expanded'), 'true');
      const options = list.getByRole('option');
      assert.equal(await options.count(), 8, 'eight suggestions at most');
      await list.getByRole('option', { name: 'Sainte-Colombe (Doubs, 25)' }).waitFor();
      await page.getByRole('status').getByText('8 communes proposées').waitFor();
      // Down to the Doubs one: the active option is the one announced.
      const names = await options.allTextContents();
      const doubs = names.findIndex((n) => n.includes('(Doubs, 25)'));
      for (let i = 0; i <= doubs; i += 1) await page.keyboard.press('ArrowDown');
      const active = await field.getAttribute('aria-activedescendant');
      assert.equal(await page.locator(`#${active}`).getAttribute('aria-selected'), 'true');
      assert.match(await page.locator(`#${active}`).textContent(), /\(Doubs, 25\)/);
      assert.deepEqual(await violations(page), [], 'axe with the suggestions open');
      await page.keyboard.press('Enter');
      assert.equal(await field.inputValue(), 'Sainte-Colombe');
      assert.equal(await field.getAttribute('aria-expanded'), 'false');
      await page.getByText('Commune reconnue dans la liste officielle (code 25515).').waitFor();
      assert.ok(fetched.some((u) => u.endsWith('/communes/index.tsv')), fetched.join(' '));
      assert.ok(fetched.length <= 3, `the index and a shard or two: ${fetched.join(' ')}`);
      // Escape closes the list and keeps what is typed.
      await field.fill('');
      await page.keyboard.type('Saint-Éti');
      await list.waitFor();
      await page.keyboard.press('Escape');
      assert.equal(await field.getAttribute('aria-expanded'), 'false');
      assert.equal(await field.inputValue(), 'Saint-Éti');
      // Typing again dropped the code; choosing again sets it.
      await page.keyboard.type('e');
      await list.getByRole('option', { name: 'Saint-Étienne (Loire, 42)' }).click();
      await page.getByText('Commune reconnue dans la liste officielle (code 42218).').waitFor();

      const { link, bytes } = await signFromIdentity(widget);
      assert.equal(bytes[0], 2, 'payload v2');
      assert.ok(bytes.includes(Buffer.from('\u000542218')), 'the code, after its length, in the signed bytes');
      const visitor = await (await phoneContext(env.browser)).newPage();
      const seen = [];
      visitor.on('request', (r) => r.url().includes('/communes/') && seen.push(r.url()));
      await visitor.goto(link);
      await visitor.getByText('Signature valide', { exact: true }).waitFor();
      await visitor.getByRole('article').getByText('Saint-Étienne').first().waitFor();
      assert.equal((await visitor.locator('.pw-pledge__department').textContent()).trim(), '42');
      assert.deepEqual(seen, [], 'a pledge link fetches nothing of the referential');
      await visitor.context().close();
      await context.close();
    });

    it('finds a commune by postal code, and chooses a lone commune typed in full', async () => {
      const context = await phoneContext(env.browser);
      const { page, widget } = await toIdentity(context);
      const field = page.getByRole('combobox', { name: /Commune/ });
      await field.focus();
      await page.keyboard.type('42100');
      await page.getByRole('option', { name: 'Saint-Étienne (Loire, 42)' }).waitFor();
      // A commune typed in full, alone of its name: it is that one once left.
      await field.fill('');
      await widget.fillCommune('lyon');
      assert.equal(await field.inputValue(), 'Lyon');
      await page.getByText('Commune reconnue dans la liste officielle (code 69123).').waitFor();
      // Homonyms typed in full wait for a choice.
      await widget.fillCommune('Sainte-Colombe');
      await page.getByText("Choisissez votre commune dans la liste pour qu'elle soit reconnue.").waitFor();
      assert.equal(await field.inputValue(), 'Sainte-Colombe');
      await context.close();
    });

    it('keeps a commune the list does not have as typed, says so, and the console sees it', async () => {
      const context = await phoneContext(env.browser);
      const { page, widget } = await toIdentity(context);
      await widget.field(widget.l.name).fill('Ana Nouvelle');
      await widget.fillCommune('Qwzville-sur-Test');
      await page.getByText("Cette commune n'est pas dans la liste officielle", { exact: false }).waitFor();
      assert.equal(await page.getByRole('combobox', { name: /Commune/ }).inputValue(), 'Qwzville-sur-Test');
      const { link, bytes } = await signFromIdentity(widget);
      assert.equal(bytes[0], 2);
      const console_ = await context.newPage();
      await console_.goto(`${env.url}?organisateur`);
      await console_.getByRole('heading', { level: 1, name: "Console de l'organisateur" }).waitFor();
      await console_.getByLabel("Liens d'engagement, un par ligne").fill(link);
      await console_.getByRole('button', { name: 'Vérifier et ajouter' }).click();
      await console_.getByText('Commune saisie à la main', { exact: false }).waitFor();
      await context.close();
    });

    it('shows a code that came with answers from another page, and drops it if it names another commune', async () => {
      const record = (code) => ({
        version: 1, step: 'summary', ticked: ['1.1'], name: 'Ana', commune: 'Sainte-Colombe', commune_code: code, list: '', role: null,
      });
      const carried = (r) => `#d=${Buffer.from(JSON.stringify(r)).toString('base64url')}`;
      const communeShown = (page) =>
        page.evaluate(() => [...document.querySelectorAll('dd')].map((d) => d.textContent.replace(/[\u2068\u2069]/g, '')).find((t) => t.startsWith('Sainte-Colombe')));
      for (const [code, shown] of [['13055', 'Sainte-Colombe'], ['77404', 'Sainte-Colombe (77)']]) {
        const context = await phoneContext(env.browser);
        const page = await context.newPage();
        const widget = new WidgetPage(page, env.url);
        await page.goto(`${env.url}${carried(record(code))}`);
        await widget.waitForHeading(widget.l.summary);
        await page.waitForLoadState('networkidle');
        await page.waitForFunction((want) => [...document.querySelectorAll('dd')].some((d) => d.textContent.replace(/[\u2068\u2069]/g, '') === want), shown);
        assert.equal(await communeShown(page), shown, code);
        await context.close();
      }
    });

    it('the wall tells homonyms apart by code, finds a postal code, and shows one commune by its code', async () => {
      const context = await phoneContext(env.browser, { acceptDownloads: true });
      const page = await context.newPage();
      await page.goto(`${env.url}?organisateur`);
      await page.getByRole('heading', { level: 1, name: "Console de l'organisateur" }).waitFor();
      await page.getByLabel('Importer une clé').setInputFiles(TEST_KEY);
      await page.getByText("C'est la clé inscrite dans ce widget").waitFor();
      await page.getByLabel("Liens d'engagement, un par ligne").fill(GOLDEN_V2.map(([, l]) => l).join('\n'));
      await page.getByRole('button', { name: 'Vérifier et ajouter' }).click();
      await page.getByRole('heading', { name: `Engagements rassemblés : ${GOLDEN_V2.length}` }).waitFor();
      // The one commune typed by hand (« B »), and the one whose code the
      // official list gives another name, marked for the organiser.
      assert.equal(await page.getByText('Commune saisie à la main', { exact: false }).count(), 1);
      await page.getByText("Le code de commune 13055 signé avec ce nom est celui d'une autre commune", { exact: false }).waitFor();
      assert.equal(await page.getByText('Le code de commune', { exact: false }).count(), 1);
      const status = page.getByRole('combobox', { name: 'Statut' });
      for (let i = 0; i < GOLDEN_V2.length; i += 1) await status.nth(i).selectOption({ label: 'Vérifié' });
      const downloads = [];
      page.on('download', (d) => downloads.push(d));
      await page.getByRole('button', { name: 'Publier la liste signée' }).click();
      await page.getByText(`Liste de ${GOLDEN_V2.length} engagements signée`).waitFor();
      while (downloads.length < 2) await page.waitForTimeout(100);
      const files = {};
      for (const d of downloads) files[d.suggestedFilename()] = await readFile(await d.path(), 'utf8');
      // The open data's last column: the commune's code.
      const rows = files['engagements.csv'].split('\r\n').filter(Boolean);
      assert.ok(rows.some((r) => r.startsWith('"Zoé Ñúñez","Sainte-Colombe",') && r.endsWith(',"25515"')), rows.join('\n'));
      env.extra['/engagements.json'] = files['engagements.json'];
      try {
        const wall = await context.newPage();
        await wall.goto(`${env.url}?mur`);
        const figures = wall.locator('.pw-wall__figures');
        await figures.waitFor();
        assert.match(await figures.textContent(), new RegExp(`^${GOLDEN_V2.length} candidat·es\\s*${GOLDEN_V2.length} communes$`));
        await wall.locator('.pw-wall-entry', { hasText: /Sainte-Colombe\u2069 \(25\)/ }).waitFor();
        const search = wall.getByRole('searchbox', { name: 'Rechercher une commune, un nom ou une liste' });
        const entries = wall.locator('.pw-wall-entry');
        for (const [digits, name] of [['25300', 'Zoé Ñúñez'], ['42100', 'Camille Dupont'], ['69003', 'Inès Morel']]) {
          await search.fill(digits);
          await wall.waitForFunction((n) => [...document.querySelectorAll('.pw-wall-entry')].length === 1 && document.querySelector('.pw-wall-entry').textContent.includes(n), name);
        }
        await search.fill('2A004');
        await entries.filter({ hasText: 'Letizia Santoni' }).waitFor();
        await wall.goto(`${env.url}?mur&commune=25515`);
        await figures.waitFor();
        assert.match(await figures.textContent(), /^1 candidat·es\s*1 communes$/);
      } finally {
        delete env.extra['/engagements.json'];
      }
      await context.close();
    });

    it('never signs a stored code the referential gives another name, even at the sign step', async () => {
      // « Lyon » with Affoux's code (69001): « Lyon (69) » would look right.
      const draft = JSON.stringify({
        version: 1, step: 'sign', ticked: ['1.1'], name: 'Ana', commune: 'Lyon', commune_code: '69001', list: '', role: null,
      });
      const context = await phoneContext(env.browser);
      const page = await context.newPage();
      await page.addInitScript(([key, value]) => {
        if (!sessionStorage.getItem('pw-test-seeded')) {
          localStorage.setItem(key, value);
          sessionStorage.setItem('pw-test-seeded', '1');
        }
      }, [DRAFT_KEY, draft]);
      const widget = new WidgetPage(page, env.url);
      await page.goto(env.url);
      await widget.waitForSigningStep();
      // The step shows the commune without the code it dropped, then signs.
      await page.waitForFunction(() => {
        const who = [...document.querySelectorAll('.pw-sign__identity li')].map((li) => li.textContent);
        return who.some((t) => t.includes('Lyon')) && !who.some((t) => t.includes('(69)'));
      });
      const link = await widget.sign();
      const bytes = payloadOf(link);
      assert.equal(bytes[0], 2);
      assert.ok(!bytes.includes(Buffer.from('69001')), 'the code is not signed');
      assert.ok(bytes.includes(Buffer.from('\u0004Lyon\u0000')), 'Lyon, then an empty code');
      await context.close();
    });

    it('signs nothing while a code on screen cannot be checked, and keeps it', async () => {
      const draft = JSON.stringify({
        version: 1, step: 'sign', ticked: ['1.1'], name: 'Ana', commune: 'Lyon', commune_code: '69123', list: '', role: null,
      });
      const context = await phoneContext(env.browser);
      await context.route('**/communes/**', (route) => route.abort());
      const page = await context.newPage();
      await page.addInitScript(([key, value]) => {
        if (!sessionStorage.getItem('pw-test-seeded')) {
          localStorage.setItem(key, value);
          sessionStorage.setItem('pw-test-seeded', '1');
        }
      }, [DRAFT_KEY, draft]);
      const widget = new WidgetPage(page, env.url);
      await page.goto(env.url);
      await widget.waitForSigningStep();
      await widget.button(widget.l.signButton).click();
      await page.getByText("Votre commune n'a pas pu être vérifiée dans la liste officielle", { exact: false }).waitFor();
      assert.equal(await page.getByRole('heading', { name: widget.l.signedHeading }).count(), 0, 'nothing signed');
      const stored = JSON.parse(await page.evaluate((key) => localStorage.getItem(key), DRAFT_KEY));
      assert.equal(stored.commune_code, '69123', 'the code is kept');
      await context.close();
    });

    it('says so when the referential cannot be fetched, and keeps what is typed', async () => {
      const context = await phoneContext(env.browser);
      await context.route('**/communes/**', (route) => route.abort());
      const { page, widget } = await toIdentity(context);
      await widget.fillCommune('Lyon');
      await page.getByText("La liste officielle des communes n'a pas pu être chargée", { exact: false }).waitFor();
      assert.equal(await page.getByRole('combobox', { name: /Commune/ }).inputValue(), 'Lyon');
      await context.close();
    });
  });
}
