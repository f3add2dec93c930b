// The organiser's side, end to end: a candidate sends their pledge; the
// organiser gathers links in the console, marks statuses and publishes;
// the published files, put next to the build, drive the wall and what a
// pledge link says; a bad list says why; a partner embeds the wall.
import { describe, it, before, after, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

import { phoneContext } from './browser.mjs';
import { GOLDEN, GOLDEN_LIST, GOLDEN_V2, forgedList, sequenceOf, unzipStored, withSequence } from './golden.mjs';
import { serveStatic } from './server.mjs';
import { WidgetPage, storageKey } from './widget-page.mjs';

const ORGANISER = 'Coorace (TEST)';
const CONTACT = 'engagements@coorace.test';
const TEST_KEY = fileURLToPath(new URL('../fixtures/organiser-TEST-key.json', import.meta.url));
const link = (name) => GOLDEN.find(([n]) => n === name)[1];

/** Text without its bidi isolates (names and communes are isolated). */
const plain = (text) => text.replace(/[\u2066-\u2069]/g, '');

/** The link with one character of its payload changed. */
function alter(url, at = 30) {
  const i = url.indexOf('#e=') + 3 + at;
  return url.slice(0, i) + (url[i] === 'A' ? 'B' : 'A') + url.slice(i + 1);
}

/** The same link on the widget's own page (the golden ones are on example.org). */
const onWidget = (env, url) => `${env.url}#${url.split('#')[1]}`;

export function organiserSuite(env) {
  describe("the organiser's side", () => {
    let context;
    let published;

    before(async () => {
      context = await phoneContext(env.browser, { acceptDownloads: true });
    });
    afterEach(() => {
      delete env.extra['/engagements.json'];
    });
    after(async () => {
      await context?.close();
    });

    it('a candidate sends their signed pledge to the organiser by mail', async () => {
      const page = await context.newPage();
      const widget = new WidgetPage(page, env.url);
      await widget.open();
      await widget.reachSigning({ name: 'Inès Benali', commune: 'Lyon' });
      const shared = await widget.sign();
      const send = page.getByRole('link', { name: `Envoyer mon engagement à ${ORGANISER}` });
      const href = await send.getAttribute('href');
      const mailto = new URL(href);
      assert.equal(mailto.protocol, 'mailto:');
      assert.equal(mailto.pathname, CONTACT);
      // Candidate text isolated (U+2068 … U+2069) in the mail too.
      assert.equal(mailto.searchParams.get('subject'), 'Mon engagement – \u2068Inès Benali\u2069, \u2068Lyon\u2069');
      const body = mailto.searchParams.get('body');
      assert.ok(body.includes(shared), 'the body carries the link');
      const fingerprint = (await page.getByText(/^Empreinte de votre clé : /).textContent()).split(': ')[1];
      assert.ok(body.includes(fingerprint), 'and the key fingerprint');
      await page.getByText(`envoyez-le à ${CONTACT}`).waitFor();
      await page.close();
    });

    it('the organiser checks pasted links, marks statuses and publishes the signed list', async () => {
      const page = await context.newPage();
      await page.goto(`${env.url}?organisateur`);
      await page.getByRole('heading', { level: 1, name: "Console de l'organisateur" }).waitFor();
      // The TEST organiser key, imported from its file.
      await page.getByLabel('Importer une clé').setInputFiles(TEST_KEY);
      await page.getByText('Empreinte : YH2E-J5J0-VMB0-J68M').waitFor();
      await page.getByText("C'est la clé inscrite dans ce widget").waitFor();

      const pasted = [
        link('typical'),
        link('all-with-drawing'),
        '',
        link('non-latin'),
        alter(link('decomposed-typing')),
        link('typical'),
      ].join('\n');
      await page.getByLabel("Liens d'engagement, un par ligne").fill(pasted);
      await page.getByRole('button', { name: 'Vérifier et ajouter' }).click();
      await page.getByText('Ajoutés : 3 · remplacés : 0 · déjà présents : 1 · non valides : 1').waitFor();
      // What needs a look first, then what was added.
      const verdicts = await page.locator('.pw-intake__verdict').allTextContents();
      assert.equal(verdicts.length, 5);
      // The name is isolated (U+2068 … U+2069) in the sentence.
      assert.match(verdicts[0], /^Ligne 5 : non valide — /);
      assert.match(verdicts[1], /^Ligne 6 : \u2068Camille Dupont\u2069 — déjà présent$/);
      assert.match(verdicts[2], /^Ligne 1 : \u2068Camille Dupont\u2069 — ajouté$/);
      assert.match(verdicts[3], /^Ligne 2 : .+ — ajouté$/);
      assert.match(verdicts[4], /^Ligne 4 : .+ — ajouté$/);
      await page.getByText('Au plus 50 000 liens ou 16 Mo à la fois').waitFor();
      await page.getByRole('heading', { name: 'Engagements rassemblés : 3' }).waitFor();

      // Vérifié for the first, retiré for the second, the third pending.
      const status = page.getByRole('combobox', { name: 'Statut' });
      await status.nth(0).selectOption({ label: 'Vérifié' });
      await status.nth(1).selectOption({ label: 'Retiré' });
      await page.getByRole('textbox', { name: /^Note/ }).nth(0).fill('Appel le 3 mars, empreinte lue');
      await page.getByRole('textbox', { name: /^Note/ }).nth(0).blur();

      // Stored as version 2 (15 bits a character: 30,000 pledges fit).
      const record = await page.evaluate((key) => localStorage.getItem(key), storageKey('organiser-console/v1'));
      assert.match(record, /^pw-console 2 [\u4E00-\uCDFF]+$/u);
      // The console survives a reload: its pledges are checked again first.
      await page.reload();
      await page.getByRole('heading', { name: 'Engagements rassemblés : 3' }).waitFor();
      assert.equal(await status.nth(0).inputValue(), 'verifie');
      assert.equal(await status.nth(1).inputValue(), 'retire');
      assert.equal(await status.nth(2).inputValue(), 'en_attente');
      assert.equal(
        await page.getByRole('textbox', { name: /^Note/ }).nth(0).inputValue(),
        'Appel le 3 mars, empreinte lue',
      );
      // A change the page had no time to save (it is saved once drawn),
      // the page left in the same task: saved on leaving (`pagehide`).
      await page.evaluate(() => {
        const select = document.querySelectorAll('.pw-console-entry__status select')[2];
        select.value = 'retire';
        select.dispatchEvent(new Event('change', { bubbles: true }));
        location.reload();
      });
      await page.getByRole('heading', { name: 'Engagements rassemblés : 3' }).waitFor();
      assert.equal(await status.nth(2).inputValue(), 'retire');
      await status.nth(2).selectOption('en_attente');

      const downloads = [];
      page.on('download', (d) => downloads.push(d));
      await page.getByRole('button', { name: 'Publier la liste signée' }).click();
      await page.getByText('Liste de 3 engagements signée').waitFor();
      await assert.doesNotReject(async () => {
        for (let i = 0; i < 50 && downloads.length < 3; i++) await page.waitForTimeout(100);
      });
      const files = {};
      for (const d of downloads) files[d.suggestedFilename()] = await readFile(await d.path(), 'utf8');
      assert.deepEqual(Object.keys(files).sort(), ['engagements.csv', 'engagements.json', 'engagements.zip']);
      const json = JSON.parse(files['engagements.json']);
      assert.equal(json.format, 'coorace-engagements');
      assert.equal(json.version, 2);
      assert.equal(json.organiser, 'YH2E-J5J0-VMB0-J68M');
      const csv = files['engagements.csv'].split('\r\n');
      assert.match(csv[0], /^\uFEFFnom,commune,liste,role,date,1\.1,/);
      assert.equal(csv.filter(Boolean).length, 4, 'a header and three rows');
      // Status, its date, then the commune's code (none: links of payload v1).
      assert.ok(csv.some((r) => r.startsWith('"Camille Dupont","Saint-Étienne",') && /,"verifie",\d{4}-\d\d-\d\d,""$/.test(r)));
      assert.match(csv[0], /,empreinte,statut,date_statut,code_commune$/);
      // The note stays in the console.
      assert.ok(!files['engagements.json'].includes('Appel') && !files['engagements.csv'].includes('Appel'));
      published = files['engagements.json'];
      await page.close();
    });

    it('a stored console link with a trailing slash or spaces still publishes (it crashed « Publier »)', async () => {
      const page = await context.newPage();
      await page.goto(`${env.url}?organisateur`);
      await page.getByRole('heading', { level: 1, name: "Console de l'organisateur" }).waitFor();
      const payload = link('typical').split('#e=')[1];
      await page.evaluate(([key, record]) => localStorage.setItem(key, record), [storageKey('organiser-console/v1'), JSON.stringify({
        version: 1,
        entries: [{ link: ` ${payload}/  `, status: 'verifie', date: 2500, note: '' }],
      })]);
      await page.reload();
      await page.getByRole('heading', { name: 'Engagements rassemblés : 1' }).waitFor();
      await page.getByLabel('Importer une clé').setInputFiles(TEST_KEY);
      await page.getByText("C'est la clé inscrite dans ce widget").waitFor();
      await page.getByRole('button', { name: 'Publier la liste signée' }).click();
      await page.getByText("Liste d'un engagement signée", { exact: false }).waitFor();
      await page.evaluate(() => localStorage.clear());
      await page.close();
    });

    it('a stored console whose pledge was changed is set aside, said, and nothing is published from it', async () => {
      const page = await context.newPage();
      await page.goto(`${env.url}?organisateur`);
      await page.getByRole('heading', { level: 1, name: "Console de l'organisateur" }).waitFor();
      await page.getByLabel("Liens d'engagement, un par ligne").fill(link('typical'));
      await page.getByRole('button', { name: 'Vérifier et ajouter' }).click();
      await page.getByRole('heading', { name: 'Engagements rassemblés : 1' }).waitFor();
      // One bit of a signature changed in storage (a character near the end).
      const tampered = await page.evaluate((key) => {
        const chars = [...localStorage.getItem(key)];
        const at = chars.length - 8;
        chars[at] = String.fromCodePoint(chars[at].codePointAt(0) ^ 1);
        localStorage.setItem(key, chars.join(''));
        return chars.join('');
      }, storageKey('organiser-console/v1'));
      await page.reload();
      await page.getByText('Des données illisibles de la console ont été mises de côté').waitFor();
      await page.getByRole('heading', { name: 'Engagements rassemblés : 0' }).waitFor();
      // Kept aside, never overwritten.
      assert.equal(await page.evaluate((key) => localStorage.getItem(key), storageKey('organiser-console/unreadable-backup')), tampered);
      await page.evaluate(() => localStorage.clear());
      await page.close();
    });

    it('« même candidat·e, nouvelle clé »: the old key is replaced in the list, the wall counts one candidate', async () => {
      // The same candidate signs twice, in two browsers: two keys.
      const links = [];
      for (let i = 0; i < 2; i += 1) {
        const ctx = await phoneContext(env.browser);
        const widget = new WidgetPage(await ctx.newPage(), env.url);
        await widget.reachSigning();
        links.push(await widget.sign());
        await ctx.close();
      }
      const page = await context.newPage();
      await page.goto(`${env.url}?organisateur`);
      await page.getByRole('heading', { level: 1, name: "Console de l'organisateur" }).waitFor();
      await page.getByLabel('Importer une clé').setInputFiles(TEST_KEY);
      await page.getByText("C'est la clé inscrite dans ce widget").waitFor();
      await page.getByLabel("Liens d'engagement, un par ligne").fill(links.join('\n'));
      await page.getByRole('button', { name: 'Vérifier et ajouter' }).click();
      await page.getByRole('heading', { name: 'Engagements rassemblés : 2' }).waitFor();
      const fingerprints = (await page.locator('.pw-console-entry__key code').allTextContents()).map((t) => t.trim());
      assert.notEqual(fingerprints[0], fingerprints[1], 'two keys');
      // On the first (old) key: its new key is the second, offered by name.
      const old = page.locator('.pw-console-entry').nth(0);
      await old.getByRole('button', { name: 'Même candidat·e, nouvelle clé' }).click();
      const choice = old.getByRole('combobox', { name: /La nouvelle clé de ce·tte candidat·e/ });
      // Nothing chosen for the organiser: the button waits for a choice.
      assert.equal(await choice.inputValue(), '');
      assert.equal(await old.getByRole('button', { name: 'Relier à cette nouvelle clé' }).isDisabled(), true);
      const offered = (await choice.locator('option:not([disabled])').allTextContents()).map((t) => t.trim());
      assert.deepEqual(offered.map((t) => t.split(' — ')[0]), [fingerprints[1]], 'the other key of the same name');
      await choice.selectOption({ label: offered[0] });
      await old.getByRole('button', { name: 'Relier à cette nouvelle clé' }).click();
      await old.getByText(`Clé remplacée par la clé ${fingerprints[1]}, vérifiée.`).waitFor();
      const status = page.getByRole('combobox', { name: 'Statut' });
      assert.equal(await status.nth(0).inputValue(), 'cle_remplacee');
      assert.equal(await status.nth(1).inputValue(), 'verifie');
      // Kept across a reload.
      await page.reload();
      await page.getByRole('heading', { name: 'Engagements rassemblés : 2' }).waitFor();
      assert.equal(await status.nth(0).inputValue(), 'cle_remplacee');

      const [download] = await Promise.all([
        page.waitForEvent('download', (d) => d.suggestedFilename() === 'engagements.json'),
        page.getByRole('button', { name: 'Publier la liste signée' }).click(),
      ]);
      env.extra['/engagements.json'] = await readFile(await download.path(), 'utf8');
      await page.evaluate(() => localStorage.clear());

      // The wall: one candidate.
      await page.goto(`${env.url}?mur`);
      await page.getByRole('heading', { level: 1, name: "Qui s'est engagé à quoi" }).waitFor();
      const figures = page.locator('.pw-wall__figures');
      await figures.waitFor();
      assert.match(await figures.textContent(), /^1 candidat·es\s*1 communes$/);
      assert.equal(await page.getByText(/Engagements retirés/).count(), 0);
      // The old link names the new key and links to its pledge; the new one is vouched for.
      await page.goto(links[0]);
      await page.getByText(`a relié ce·tte candidat·e à sa nouvelle clé (${fingerprints[1]})`, { exact: false }).waitFor();
      assert.equal(await page.locator('.pw-organiser-seal').count(), 0);
      await page.getByRole('link', { name: 'Voir son engagement actuel' }).click();
      await page.getByText(`Engagement vérifié par ${ORGANISER} le`).waitFor();
      await page.close();
    });

    it('the console refuses to run in a frame and links to its own page', async () => {
      env.extra['/frame.html'] = '<!doctype html><title>cadre</title><iframe src="/?organisateur&embed=1" width="360" height="600"></iframe>';
      try {
        const page = await context.newPage();
        await page.goto(`${env.url}frame.html`);
        const frame = page.frameLocator('iframe');
        await frame.getByText("La console de l'organisateur ne s'ouvre pas dans le cadre d'une autre page").waitFor();
        const open = frame.getByRole('link', { name: 'Ouvrir la console sur sa propre page' });
        assert.equal(await open.getAttribute('target'), '_blank');
        assert.equal(await open.getAttribute('rel'), 'noopener');
        assert.equal(await open.getAttribute('href'), `${env.url}?organisateur`);
        // Nothing of the console, and no key loaded.
        assert.equal(await frame.getByRole('button', { name: /Créer la clé|Publier/ }).count(), 0);
        await page.close();
      } finally {
        delete env.extra['/frame.html'];
      }
    });

    it('the published list drives the wall: totals, search, CSV', async () => {
      assert.ok(published, 'the previous test published a list');
      env.extra['/engagements.json'] = published;
      const page = await context.newPage();
      await page.goto(`${env.url}?mur`);
      await page.getByRole('heading', { level: 1, name: "Qui s'est engagé à quoi" }).waitFor();
      const figures = page.locator('.pw-wall__figures');
      await figures.waitFor();
      // « vérifié » only by default; the withdrawn one is never counted.
      assert.match(await figures.textContent(), /^1 candidat·es\s*1 communes$/);
      const chart = page.getByRole('table', { name: /Nombre de candidat·es ayant pris chaque engagement/ });
      const typicalRow = chart.getByRole('row', { name: /^1\.1 / });
      assert.match(await typicalRow.textContent(), /1$/);
      await page.getByRole('checkbox', { name: 'Compter aussi les engagements en attente de vérification' }).check();
      assert.match(await figures.textContent(), /^2 candidat·es\s*2 communes$/);
      await page.getByText('Engagements retirés, non comptés : 1').waitFor();
      // A pledge of one commitment reads in the singular (the wall said
      // « 1 engagements sur 20 »).
      const single = page.locator('.pw-wall-entry', { hasText: 'Mamoudzou' });
      assert.match(await single.textContent(), /\b1 engagement sur 20$/);

      // Search forgives accents, case, hyphens and Saint/St.
      const search = page.getByRole('searchbox', { name: 'Rechercher une commune, un nom ou une liste' });
      await search.fill('st etienne');
      const entries = page.locator('.pw-wall-entry');
      assert.equal(await entries.count(), 1);
      assert.match(await entries.first().textContent(), /Camille Dupont/);
      await search.fill('paris');
      await page.getByText('Aucun engagement ne correspond à « paris ».').waitFor();
      await search.fill('');

      // Each entry opens its pledge, which the list vouches for.
      await search.fill('saint-étienne');
      await page.getByRole('link', { name: 'Camille Dupont' }).click();
      await page.getByText(`Engagement vérifié par ${ORGANISER} le`).waitFor();

      await page.goBack();
      await page.getByRole('heading', { level: 1, name: "Qui s'est engagé à quoi" }).waitFor();
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Télécharger les données (CSV)' }).click(),
      ]);
      const csv = await readFile(await download.path(), 'utf8');
      assert.equal(csv.split('\r\n').filter(Boolean).length, 2, 'the verified pledge only');
      await page.close();
    });

    it('a pledge link says « vérifié », « retiré » or « non vérifiée » as the list says', async () => {
      env.extra['/engagements.json'] = published;
      const page = await context.newPage();
      const cases = [
        ['typical', `Engagement vérifié par ${ORGANISER} le`],
        ['all-with-drawing', 'Engagement retiré le'],
        ['non-latin', `Signature valide — clé non vérifiée par ${ORGANISER}`],
        ['right-to-left', `Signature valide — clé non vérifiée par ${ORGANISER}`],
      ];
      for (const [name, said] of cases) {
        await page.goto(onWidget(env, link(name)));
        await page.getByText(said).waitFor();
        // The organiser's mark is a drawn seal (SVG), not text.
        const seal = page.locator('.pw-organiser-seal');
        if (!said.startsWith('Engagement vérifié')) {
          assert.equal(await page.getByText(/vérifié par/).count(), 0, name);
          assert.equal(await seal.count(), 0, name);
        } else {
          assert.equal(await seal.evaluate((e) => e.tagName), 'svg');
          assert.equal(await seal.getAttribute('aria-hidden'), 'true');
          assert.equal((await seal.textContent()).trim(), '');
          assert.ok((await seal.boundingBox()).width >= 24, 'a seal one can see');
        }
      }
      await page.close();
    });

    it('a list that is altered, cut, of another key or version says why and vouches for nothing', async () => {
      const page = await context.newPage();
      const json = JSON.parse(published);
      // A character of the entries (version 2's header is 65 bytes, 88
      // characters of base64url).
      const flip = (text) => {
        const i = 120;
        return text.slice(0, i) + (text[i] === 'A' ? 'B' : 'A') + text.slice(i + 1);
      };
      const bad = [
        [JSON.stringify({ ...json, list: flip(json.list) }), 'la liste a été modifiée après sa signature.'],
        [published.slice(0, published.length / 2), 'la liste est incomplète'],
        [JSON.stringify({ ...json, version: 3 }), "d'une version que ce widget ne connaît pas"],
        // The organiser key (bytes 23–54; characters 32–71 are bytes 24–53).
        [JSON.stringify({ ...json, list: json.list.slice(0, 32) + 'A'.repeat(40) + json.list.slice(72) }), `la liste n'est pas signée par la clé de ${ORGANISER}.`],
        ['<html>oops</html>', "le fichier publié n'est pas une liste d'engagements."],
      ];
      for (const [text, why] of bad) {
        env.extra['/engagements.json'] = text;
        await page.goto(`${env.url}?mur`);
        await page.getByRole('alert').getByText(why).waitFor();
        assert.equal(await page.locator('.pw-wall-entry').count(), 0);
        await page.goto(onWidget(env, link('typical')));
        const status = page.locator('.pw-list-status--unavailable');
        await status.waitFor();
        const said = await status.textContent();
        assert.ok(said.startsWith(`Statut auprès de ${ORGANISER} indisponible : `), said);
        assert.ok(said.includes(why), `${said} / ${why}`);
        assert.equal(await page.getByText(/vérifié par/).count(), 0);
      }
      await page.close();
    });

    it('a version 1 list is read, and said to carry no publication number', async () => {
      // A browser of its own, which has read no list of version 2.
      const own = await phoneContext(env.browser);
      const page = await own.newPage();
      const before = env.extra['/engagements.json'];
      env.extra['/engagements.json'] = GOLDEN_LIST;
      try {
        const said = "Selon la liste du 29 novembre 2026, d'un ancien format (version 1) : sans numéro de publication, rien ne dit qu'elle est la plus récente.";
        // Its first pledge (the first golden link) is « vérifié ».
        await page.goto(onWidget(env, GOLDEN[0][1]));
        await page.getByText(/^Engagement vérifié par Coorace \(TEST\) le /).waitFor();
        assert.equal(await page.locator('.pw-list-status__as-of').textContent(), said);
        await page.goto(`${env.url}?mur`);
        await page.locator('.pw-wall-entry').first().waitFor();
        assert.equal(await page.getByRole('status').filter({ hasText: '(version 1)' }).textContent(), said);
      } finally {
        env.extra['/engagements.json'] = before;
        if (before === undefined) delete env.extra['/engagements.json'];
        await own.close();
      }
    });

    it('a forged pledge in a list the organiser signed is flagged, checked in the worker or on the page', async () => {
      const before = env.extra['/engagements.json'];
      env.extra['/engagements.json'] = forgedList();
      try {
        // The signatures' worker, then one that cannot start, then one
        // that says every signature is valid, then one that says none is
        // (each wrong about a signature whose answer the page knows, they
        // are not believed): the page checks, the same verdicts.
        const answering = (n) => `self.onmessage = (e) => { const { v, id, at } = e.data; self.postMessage({ v, id, verdicts: new Uint8Array(at.length / 2).fill(${n}) }); };`;
        for (const worker of [null, 'this is not a script (', answering(1), answering(0)]) {
          const own = await phoneContext(env.browser, { serviceWorkers: 'block' });
          const page = await own.newPage();
          if (worker) env.extra['/verify-worker.js'] = worker;
          try {
            await page.goto(`${env.url}?mur`);
            await page.getByRole('alert').getByText('Entrées non valides, ni affichées ni comptées : 1').waitFor();
            await page.getByText(/^Entrée 1 : /).waitFor();
            assert.equal(await page.locator('.pw-wall__entries .pw-wall-entry').count(), 0);
            const answered = await page.evaluate(() => performance.getEntriesByName('pw-verify-worker-answered').length > 0);
            assert.equal(answered, !worker);
          } finally {
            delete env.extra['/verify-worker.js'];
            await own.close();
          }
        }
      } finally {
        env.extra['/engagements.json'] = before;
        if (before === undefined) delete env.extra['/engagements.json'];
      }
    });

    it('a list older than one already read on this device says so, and shows no status as current', async () => {
      // A browser of its own, which reads the published list (version 2)
      // first: what it remembers stays out of the other tests.
      const own = await phoneContext(env.browser);
      const page = await own.newPage();
      env.extra['/engagements.json'] = published;
      await page.goto(onWidget(env, link('typical')));
      const asOf = page.locator('.pw-list-status__as-of');
      await asOf.waitFor();
      assert.match(await asOf.textContent(), /^Selon la liste du \d{1,2}(er)? \S+ \d{4}\.$/);
      const older = 'cette liste est plus ancienne que celle déjà consultée sur cet appareil.';
      const sequence = sequenceOf(published);
      // Put back: the same organiser's earlier publication, and a version 1 list.
      for (const text of [withSequence(published, sequence - 1), GOLDEN_LIST]) {
        env.extra['/engagements.json'] = text;
        await page.goto(`${env.url}?mur`);
        await page.getByRole('alert').getByText(older).waitFor();
        assert.equal(await page.locator('.pw-wall-entry').count(), 0);
        await page.goto(onWidget(env, link('typical')));
        const status = page.locator('.pw-list-status--unavailable');
        await status.waitFor();
        assert.equal(await status.textContent(), `Statut auprès de ${ORGANISER} indisponible : ${older}`);
        assert.equal(await page.getByText(/vérifié par|Selon la liste/i).count(), 0);
      }
      // A newer one is read, and remembered: the first is now the older.
      env.extra['/engagements.json'] = withSequence(published, sequence + 1);
      await page.goto(`${env.url}?mur`);
      await page.locator('.pw-wall-entry').first().waitFor();
      env.extra['/engagements.json'] = published;
      await page.goto(`${env.url}?mur`);
      await page.getByRole('alert').getByText(older).waitFor();
      // Taken down: not « none published yet » on a device that read one.
      delete env.extra['/engagements.json'];
      const gone = "la liste déjà consultée sur cet appareil n'est plus publiée.";
      await page.goto(`${env.url}?mur`);
      await page.getByRole('alert').getByText(gone).waitFor();
      await page.goto(onWidget(env, link('typical')));
      await page.locator('.pw-list-status--unavailable', { hasText: gone }).waitFor();
      await own.close();
    });

    it('a partner on another site embeds the wall of one commune', async () => {
      env.extra['/engagements.json'] = published;
      const partner = await serveStatic(fileURLToPath(new URL('../../examples/', import.meta.url)), {
        host: 'localhost',
        rewrite: (path, html) =>
          html
            .replaceAll('http://127.0.0.1:8080/', env.url)
            .replace(
              /<div data-pledge-widget[^>]*><\/div>/,
              '<div data-pledge-widget data-view="wall" data-commune="saint etienne"></div>',
            ),
      });
      try {
        const page = await context.newPage();
        await page.goto(`${partner.url}partner.html`);
        const frame = page.frameLocator('iframe >> nth=0');
        await frame.getByRole('heading', { level: 1, name: "Qui s'est engagé à quoi" }).waitFor();
        // Named as its pledge writes it (isolated: a candidate's text).
        await frame.getByText('Commune : \u2068Saint-Étienne\u2069').waitFor();
        assert.match(await frame.locator('.pw-wall__figures').textContent(), /^1 candidat·es\s*1 communes$/);
        // Pledges open on the widget's own page, in a new tab.
        const open = frame.getByRole('link', { name: 'Camille Dupont' });
        assert.equal(await open.getAttribute('target'), '_blank');
        assert.ok((await open.getAttribute('href')).startsWith(env.url + '#e='));
        await page.close();
        // A name no pledge gives, from a link: quoted as asked, with
        // nothing in it that could reorder the page's words.
        const crafted = await context.newPage();
        await crafted.goto(`${env.url}?mur&commune=${encodeURIComponent('\u202ELyon — 12 000 candidats vérifiés\u200F')}`);
        await crafted.getByText('Commune : « \u2068Lyon — 12 000 candidats vérifiés\u2069 »').waitFor();
        assert.match(await crafted.locator('.pw-wall__figures').textContent(), /^0 candidat·es\s*0 communes$/);
        await crafted.close();
      } finally {
        await partner.close();
      }
    });

    it('publishes the country by département: a commune reads its shard only; an altered shard or index is said', async () => {
      const own = await phoneContext(env.browser, { acceptDownloads: true });
      const page = await own.newPage();
      const v2 = (name) => GOLDEN_V2.find(([n]) => n === name)[1];
      const shardFiles = [];
      try {
        await page.goto(`${env.url}?organisateur`);
        await page.getByLabel('Importer une clé').setInputFiles(TEST_KEY);
        await page.getByText('Empreinte : YH2E-J5J0-VMB0-J68M').waitFor();
        const links = [v2('corsica'), v2('arrondissement'), v2('overseas-right-to-left-list'), link('typical')];
        await page.getByLabel("Liens d'engagement, un par ligne").fill(links.join('\n'));
        await page.getByRole('button', { name: 'Vérifier et ajouter' }).click();
        await page.getByRole('heading', { name: 'Engagements rassemblés : 4' }).waitFor();
        const status = page.getByRole('combobox', { name: 'Statut' });
        for (let i = 0; i < 4; i += 1) await status.nth(i).selectOption({ label: 'Vérifié' });
        const [zip] = await Promise.all([
          page.waitForEvent('download', (d) => d.suggestedFilename() === 'engagements.zip'),
          page.getByRole('button', { name: 'Publier la liste signée' }).click(),
        ]);
        const files = unzipStored(await readFile(await zip.path()));
        assert.deepEqual(Object.keys(files).slice(0, 7), [
          'engagements.json',
          'engagements.csv',
          'engagements/index.json',
          'engagements/2A.json',
          'engagements/69.json',
          'engagements/976.json',
          'engagements/sans-code.json',
        ]);
        // And an empty file for every other département (117 of them),
        // which the index does not name; and a file for each commune with
        // a pledge, signed for it (the pledge typed by hand has none).
        const communes = Object.keys(files).filter((p) => p.startsWith('engagements/communes/'));
        assert.deepEqual(communes, ['engagements/communes/2A004.json', 'engagements/communes/69383.json', 'engagements/communes/97611.json']);
        assert.equal(Object.keys(files).length, 7 + 117 + 3);
        assert.ok(files['engagements/75.json'].includes('"format": "coorace-engagements"'), files['engagements/75.json']);
        for (const [path, text] of Object.entries(files)) {
          env.extra[`/${path}`] = text;
          shardFiles.push(`/${path}`);
        }

        // A commune's wall: the commune build, the index and the commune's
        // own file, no more.
        const fetched = [];
        const reader = await phoneContext(env.browser);
        const wall = await reader.newPage();
        wall.on('request', (r) => fetched.push(new URL(r.url()).pathname));
        await wall.goto(`${env.url}?mur&commune=69383`);
        await wall.locator('.pw-wall-entry').first().waitFor();
        assert.equal(await wall.locator('.pw-wall__entries .pw-wall-entry').count(), 1);
        assert.deepEqual(
          fetched.filter((p) => p.includes('engagements')),
          ['/engagements/index.json', '/engagements/communes/69383.json'],
        );
        const builds = (paths) => paths.filter((p) => /\/pledge-[a-z]+-[0-9a-f]+_bg\.wasm$/.test(p)).map((p) => p.split('-')[1]);
        assert.deepEqual(builds(fetched), ['commune']);
        // Named as its pledges name it, not by its code alone.
        // (its name isolated: a candidate's text, here U+2068 … U+2069).
        await wall.getByText('Commune : \u2068Lyon 3e Arrondissement\u2069 (69383)').waitFor();
        // Its pledges' signatures checked off the page's thread.
        assert.ok(fetched.includes('/verify-worker.js'), fetched.join(' '));
        assert.ok(await wall.evaluate(() => performance.getEntriesByName('pw-verify-worker-answered').length > 0));
        // Where the worker cannot start (a host without its file, here a
        // file that is no script), the page checks them itself: the same
        // wall.
        {
          const bare = await phoneContext(env.browser, { serviceWorkers: 'block' });
          const page = await bare.newPage();
          env.extra['/verify-worker.js'] = 'this is not a script (';
          try {
            await page.goto(`${env.url}?mur&commune=69383`);
            await page.locator('.pw-wall-entry').first().waitFor();
            assert.equal(await page.locator('.pw-wall__entries .pw-wall-entry').count(), 1);
            assert.equal(await page.getByRole('alert').count(), 0);
            assert.equal(await page.evaluate(() => performance.getEntriesByName('pw-verify-worker-answered').length), 0);
          } finally {
            delete env.extra['/verify-worker.js'];
            await bare.close();
          }
        }
        // The national wall: the index's totals at once; a search fetches
        // what it needs.
        fetched.length = 0;
        await wall.goto(`${env.url}?mur`);
        await wall.getByText("Toute la France : les totaux de l'index signé, 4 départements.").waitFor();
        assert.equal(await wall.locator('.pw-wall__number').first().textContent(), '4');
        await wall.getByRole('searchbox').fill('2A004');
        await wall.locator('.pw-wall-entry', { hasText: 'Ajaccio' }).waitFor();
        assert.deepEqual(
          fetched.filter((p) => p.includes('engagements')),
          ['/engagements/index.json', '/engagements/2A.json'],
        );
        await wall.getByRole('searchbox').fill('Camille');
        await wall.locator('.pw-wall-entry', { hasText: 'Camille Dupont' }).waitFor();
        // A pledge's page reads its département's shard.
        fetched.length = 0;
        await wall.goto(onWidget(env, v2('corsica')));
        await wall.getByText(/^Engagement vérifié par Coorace \(TEST\) le /).waitFor();
        assert.ok(!fetched.includes('/engagements.json'), fetched.join(' '));
        assert.ok(fetched.includes('/engagements/2A.json'), fetched.join(' '));

        // One département's file that fails does not stop the others:
        // said, the others shown, and tried again by a later search.
        const corsica = files['engagements/2A.json'];
        const mayotte = files['engagements/976.json'];
        env.extra['/engagements/2A.json'] = corsica.replace('{', '{ ');
        env.extra['/engagements/976.json'] = mayotte.replace('{', '{ ');
        await wall.goto(`${env.url}?mur`);
        await wall.getByRole('button', { name: 'Charger tous les départements' }).click();
        await wall.getByRole('alert').getByText(/ne correspond pas à l'index signé/).waitFor();
        await wall.locator('.pw-wall-entry', { hasText: 'Camille Dupont' }).waitFor();
        assert.equal(await wall.locator('.pw-wall-entry', { hasText: 'Ajaccio' }).count(), 0);
        // Each one named, and counted; read again on request (still
        // failing: still said).
        await wall.getByText('Départements non lus (2) : 2A, 976.').waitFor();
        const retried = fetched.filter((p) => p === '/engagements/976.json').length;
        await wall.getByRole('button', { name: 'Les lire à nouveau' }).click();
        for (let i = 0; i < 200 && fetched.filter((p) => p === '/engagements/976.json').length === retried; i += 1) await wall.waitForTimeout(50);
        await wall.getByText('Départements non lus (2) : 2A, 976.').waitFor();
        // A search tries them again once; a keystroke that needs the same
        // départements does not fetch them again (nor a failed one: the
        // button does, or another search).
        const tries = () => fetched.filter((p) => p === '/engagements/2A.json').length;
        const before = tries();
        await wall.getByRole('searchbox').fill('Camill');
        for (let i = 0; i < 200 && tries() === before; i += 1) await wall.waitForTimeout(50);
        assert.equal(tries(), before + 1);
        await wall.getByRole('searchbox').fill('Camille');
        await wall.waitForTimeout(500);
        assert.equal(tries(), before + 1, 'not fetched again at each keystroke');
        // Two failed: the one read again is no longer said, the other
        // still is, until it is read too.
        env.extra['/engagements/976.json'] = mayotte;
        await wall.getByRole('searchbox').fill('976');
        await wall.locator('.pw-wall-entry', { hasText: '(976)' }).waitFor();
        await wall.waitForTimeout(500);
        await wall.getByRole('alert').filter({ hasText: "ne correspond pas à l'index signé" }).waitFor();
        await wall.getByText('Départements non lus (1) : 2A.').waitFor();
        // Mended, and read again by the button: no longer said.
        env.extra['/engagements/2A.json'] = corsica;
        await wall.getByRole('button', { name: 'Les lire à nouveau' }).click();
        await wall.getByText(/Départements non lus/).waitFor({ state: 'detached' });
        await wall.getByRole('searchbox').fill('2A004');
        await wall.locator('.pw-wall-entry', { hasText: 'Ajaccio' }).waitFor();
        await wall.getByRole('alert').filter({ hasText: "ne correspond pas à l'index signé" }).waitFor({ state: 'detached' });

        // A commune's file altered (one bit of its signed bytes): not
        // believed; the wall build takes over and reads the département's
        // shard, which the index names: the same wall.
        const lyon3 = files['engagements/communes/69383.json'];
        const signedList = JSON.parse(lyon3).list;
        const flip = signedList.slice(0, 60) + (signedList[60] === 'A' ? 'B' : 'A') + signedList.slice(61);
        env.extra['/engagements/communes/69383.json'] = JSON.stringify({ ...JSON.parse(lyon3), list: flip });
        fetched.length = 0;
        await wall.goto(`${env.url}?mur&commune=69383`);
        await wall.locator('.pw-wall-entry').first().waitFor();
        assert.equal(await wall.locator('.pw-wall__entries .pw-wall-entry').count(), 1);
        assert.equal(await wall.getByRole('alert').count(), 0);
        assert.deepEqual(builds(fetched), ['commune', 'wall']);
        assert.ok(fetched.includes('/engagements/69.json'), fetched.join(' '));
        // A shard altered too (a space more: the same JSON, not the file
        // the index names), then the index altered: each said.
        const rhone = files['engagements/69.json'];
        env.extra['/engagements/69.json'] = rhone.replace('{', '{ ');
        await wall.goto(`${env.url}?mur&commune=69383`);
        await wall.getByRole('alert').getByText(/ne correspond pas à l'index signé : elle a été modifiée, ou vient d'une autre publication\./).waitFor();
        env.extra['/engagements/69.json'] = rhone;
        env.extra['/engagements/communes/69383.json'] = lyon3;
        const index = JSON.parse(files['engagements/index.json']);
        const flipped = index.index.slice(0, 100) + (index.index[100] === 'A' ? 'B' : 'A') + index.index.slice(101);
        env.extra['/engagements/index.json'] = JSON.stringify({ ...index, index: flipped });
        await wall.goto(`${env.url}?mur`);
        await wall.getByRole('alert').getByText(/l'index des départements a été modifié après sa signature\./).waitFor();
        // A département's file in another's place (a pledge's page reads
        // it without the index), or in the whole list's: its name is
        // signed.
        env.extra['/engagements/index.json'] = files['engagements/index.json'];
        const misplaced = /un fichier de la liste n'est pas à sa place : il est signé pour une autre \(la partie d'un autre département, ou la liste entière\)\./;
        env.extra['/engagements/2A.json'] = rhone;
        await wall.goto(onWidget(env, v2('corsica')));
        await wall.locator('.pw-list-status--unavailable', { hasText: misplaced }).waitFor();
        assert.equal(await wall.getByText(/vérifié par/).count(), 0);
        env.extra['/engagements/2A.json'] = files['engagements/2A.json'];
        delete env.extra['/engagements/index.json'];
        env.extra['/engagements.json'] = rhone;
        await wall.goto(`${env.url}?mur`);
        await wall.getByRole('alert').getByText(misplaced).waitFor();
        assert.equal(await wall.locator('.pw-wall-entry').count(), 0);

        // The next publication, unpacked over this one, replaces every
        // département's file, even one whose pledges are gone since: a
        // pledge's page, which reads its département's file without the
        // index, never takes the file left from before as current.
        env.extra['/engagements.json'] = files['engagements.json'];
        env.extra['/engagements/index.json'] = files['engagements/index.json'];
        await page.locator('.pw-console-entry', { hasText: 'Ajaccio' })
          .getByRole('button', { name: 'Retirer de la console' }).click();
        await page.getByRole('heading', { name: 'Engagements rassemblés : 3' }).waitFor();
        const [next] = await Promise.all([
          page.waitForEvent('download', (d) => d.suggestedFilename() === 'engagements.zip'),
          page.getByRole('button', { name: 'Publier la liste signée' }).click(),
        ]);
        const later = unzipStored(await readFile(await next.path()));
        for (const [path, text] of Object.entries(later)) {
          env.extra[`/${path}`] = text;
          shardFiles.push(`/${path}`);
        }
        assert.notEqual(later['engagements/2A.json'], files['engagements/2A.json']);
        await wall.goto(onWidget(env, v2('corsica')));
        await wall.getByText('Signature valide — clé non vérifiée par Coorace (TEST)').waitFor();
        assert.equal(await wall.getByText(/vérifié par Coorace \(TEST\) le/).count(), 0);
        // Ajaccio's own file, left from the first publication, is not
        // taken as current on its wall: older than the index, it hands
        // over to the wall build, whose shard says there is none now.
        assert.equal(later['engagements/communes/2A004.json'], undefined);
        assert.ok(env.extra['/engagements/communes/2A004.json']);
        fetched.length = 0;
        await wall.goto(`${env.url}?mur&commune=2A004`);
        await wall.locator('.pw-wall__number').first().waitFor();
        assert.equal(await wall.locator('.pw-wall__number').first().textContent(), '0');
        assert.equal(await wall.locator('.pw-wall-entry').count(), 0);
        assert.deepEqual(builds(fetched), ['commune', 'wall']);
        await reader.close();
      } finally {
        for (const path of shardFiles) delete env.extra[path];
        await own.close();
      }
    });

    it('a console that cannot read the published list asks before publishing over it', async () => {
      const own = await phoneContext(env.browser, { acceptDownloads: true });
      const page = await own.newPage();
      env.extra['/engagements.json'] = '{"not": "a list"}';
      try {
        await page.goto(`${env.url}?organisateur`);
        await page.getByLabel('Importer une clé').setInputFiles(TEST_KEY);
        await page.getByText('Empreinte : YH2E-J5J0-VMB0-J68M').waitFor();
        await page.getByRole('button', { name: 'Publier la liste signée' }).click();
        const ask = page.getByRole('alert').filter({ hasText: "La liste publiée n'a pas pu être lue" });
        await ask.waitFor();
        assert.match(await ask.textContent(), /publier maintenant pourrait effacer le suivi qu'elle contient/);
        // Read again: still not a list, still asked.
        await ask.getByRole('button', { name: 'Relire la liste publiée' }).click();
        await page.getByRole('button', { name: 'Publier la liste signée' }).click();
        await ask.waitFor();
        const [download] = await Promise.all([
          page.waitForEvent('download', (d) => d.suggestedFilename() === 'engagements.json'),
          ask.getByRole('button', { name: 'Publier quand même' }).click(),
        ]);
        assert.ok(sequenceOf(await readFile(await download.path(), 'utf8')) > 0);
      } finally {
        await own.close();
      }
    });

    it('after the vote: the organiser records a mandate, a status with its evidence and a review; the pledge page shows them', async () => {
      // A browser of its own (another organiser's device): the console
      // reads the published list, and numbers its own above it.
      const own = await phoneContext(env.browser, { acceptDownloads: true });
      const page = await own.newPage();
      env.extra['/engagements.json'] = published;
      await page.goto(`${env.url}?organisateur`);
      await page.getByLabel('Importer une clé').setInputFiles(TEST_KEY);
      await page.getByText('Empreinte : YH2E-J5J0-VMB0-J68M').waitFor();
      await page.getByLabel("Liens d'engagement, un par ligne").fill([link('typical'), link('non-latin')].join('\n'));
      await page.getByRole('button', { name: 'Vérifier et ajouter' }).click();
      await page.getByRole('heading', { name: 'Engagements rassemblés : 2' }).waitFor();
      await page.getByRole('combobox', { name: 'Statut' }).nth(0).selectOption({ label: 'Vérifié' });
      const entry = page.locator('.pw-console-entry', { hasText: 'Camille Dupont' });
      await entry.getByRole('button', { name: "Suivi après l'élection" }).click();
      await entry.getByRole('combobox', { name: 'Mandat' }).selectOption({ label: 'maire' });
      // Chosen, not recorded until said so.
      assert.equal(await entry.getByText(/^Enregistré au /).count(), 0);
      await entry.getByRole('button', { name: 'Enregistrer le mandat' }).click();
      await entry.getByText(/^Enregistré au /).waitFor();
      assert.ok(await entry.getByRole('button', { name: 'Enregistrer le mandat' }).isDisabled());
      // Once elected, each commitment taken: the first one, « tenu ».
      const first = entry.locator('.pw-follow-up__commitment').first();
      const taken = await first.locator('.pw-follow-up__label').textContent();
      await first.getByRole('combobox', { name: 'Où en est cet engagement' }).selectOption({ label: 'tenu' });
      await first.getByRole('textbox', { name: /^Note publique/ }).fill('Clause votée en conseil.');
      // Evidence is https only: said, and nothing recorded.
      await first.getByRole('textbox', { name: /^Lien de preuve/ }).fill('http://mairie.example/d/42');
      await first.getByRole('button', { name: 'Enregistrer' }).click();
      await first.getByRole('alert').getByText('Le lien de preuve doit commencer par https://').waitFor();
      await first.getByRole('textbox', { name: /^Lien de preuve/ }).fill('https://mairie.example/d/42');
      await first.getByRole('button', { name: 'Enregistrer' }).click();
      await first.locator('.pw-follow-up__now', { hasText: /^tenu \(/ }).waitFor();
      // A dated review.
      await page.getByRole('combobox', { name: 'Bilan' }).selectOption({ label: 'bilan des 100 jours' });
      await page.getByRole('button', { name: /^Figer au / }).click();
      await page.getByText(/^bilan des 100 jours figé au /).waitFor();
      // Kept across a reload.
      await page.reload();
      await page.getByRole('heading', { name: 'Engagements rassemblés : 2' }).waitFor();
      await page.locator('.pw-follow-up__reviews li', { hasText: 'bilan des 100 jours' }).waitFor();

      const [download] = await Promise.all([
        page.waitForEvent('download', (d) => d.suggestedFilename() === 'engagements.json'),
        page.getByRole('button', { name: 'Publier la liste signée' }).click(),
      ]);
      const followed = await readFile(await download.path(), 'utf8');
      assert.ok(sequenceOf(followed) > sequenceOf(published), 'numbered above the list read');
      env.extra['/engagements.json'] = followed;
      await page.goto(onWidget(env, link('typical')));
      const after = page.getByRole('region', { name: "Après l'élection" });
      await after.getByText(/^Élu·e : maire \(depuis le /).waitFor();
      const row = after.locator('.pw-follow-up-view__commitment').first();
      assert.equal(await row.locator('.pw-follow-up-view__label').textContent(), taken);
      assert.match(await row.locator('.pw-follow-up-view__status').textContent(), /^tenu \(.+\) Clause votée en conseil\. Preuve 1 \(mairie\.example\)$/);
      // Where it goes, said.
      const evidence = row.getByRole('link', { name: 'Preuve 1 (mairie.example)' });
      assert.equal(await evidence.getAttribute('href'), 'https://mairie.example/d/42');
      assert.equal(await evidence.getAttribute('rel'), 'noopener noreferrer nofollow ugc');
      // Counted, the first commitment kept and the others not assessed.
      const board = await after.locator('.pw-follow-up-view__board').textContent();
      assert.match(board, /^1 tenu · \d+ pas encore évalués?$/);
      // The review and the list, compared: the same day, the same status.
      await after.getByText('Comparer deux dates').click();
      assert.match(await after.getByRole('combobox', { name: 'Du' }).locator('option:checked').textContent(), /^bilan des 100 jours \(/);
      assert.match(await after.getByRole('combobox', { name: 'Au' }).locator('option:checked').textContent(), /^aujourd'hui \(liste du /);
      const compared = after.locator('.pw-follow-up-compare__row').first();
      assert.equal(await compared.locator('.pw-follow-up-compare__change').textContent(), 'tenu → tenu');
      const boards = await after.locator('.pw-follow-up-compare__boards li').allTextContents();
      assert.equal(boards.length, 2);
      for (const b of boards) assert.ok(b.endsWith(board), b);

      // The « bilan » card: asked for on this light page, drawn by the
      // full build, in the pledge card's formats.
      await page.getByRole('button', { name: "Afficher l'image du bilan" }).click();
      const bilan = page.getByRole('region', { name: 'Image du bilan' });
      const image = bilan.getByRole('img');
      await image.waitFor();
      assert.match(plain(await image.getAttribute('alt')), /^Bilan des engagements de Camille Dupont, Maire · Saint-Étienne · Ensemble pour Saint-Étienne · Tête de liste : Engagements tenus : 1 sur \d+\. Bilan au .* Selon le suivi de /);
      assert.deepEqual([await image.getAttribute('width'), await image.getAttribute('height')], ['1200', '630']);
      await bilan.getByText('Carré').click();
      await bilan.locator('img[width="1080"][height="1080"]').waitFor();
      const [png] = await Promise.all([
        page.waitForEvent('download'),
        bilan.getByRole('link', { name: "Télécharger l'image du bilan" }).click(),
      ]);
      assert.equal(png.suggestedFilename(), 'bilan-camille-dupont-1080x1080.png');
      const bytes = await readFile(await png.path());
      assert.equal(bytes.subarray(1, 4).toString(), 'PNG');
      // As of the review too.
      await bilan.getByRole('combobox', { name: 'Date du bilan' }).selectOption({ index: 0 });
      await page.waitForFunction(() => /Bilan des 100 jours au /.test(document.querySelector('.pw-card--bilan img')?.alt ?? ''));

      // The wall: the elected signatory, counted; each commitment taken,
      // its councils; the follow-up as open data.
      await page.goto(`${env.url}?mur`);
      const elected = page.getByRole('region', { name: 'Élu·es signataires' });
      const camille = elected.locator('.pw-wall-elected', { hasText: 'Camille Dupont' });
      await camille.waitFor();
      assert.match(plain(await camille.locator('.pw-wall-entry__details').textContent()), /^maire · Saint-Étienne · /);
      assert.equal(await camille.locator('.pw-wall-elected__board').textContent(), board);
      const council = elected.getByRole('row', { name: new RegExp(`^${taken.split(' ')[0].replace('.', '\\.')} `) });
      assert.equal(await council.locator('.pw-wall-councils__count').textContent(), '1 sur 1');
      const [suivi] = await Promise.all([
        page.waitForEvent('download'),
        elected.getByRole('button', { name: 'Télécharger le suivi (CSV)' }).click(),
      ]);
      assert.equal(suivi.suggestedFilename(), 'suivi.csv');
      const rows = (await readFile(await suivi.path(), 'utf8')).split('\r\n');
      assert.match(rows[0], /^\uFEFFempreinte,nom,commune,code_commune,mandat,engagement,statut,date_statut,note,preuve_1/);
      assert.equal(rows.length, 3, 'a header, one status, the last line end');
      assert.match(rows[1], /^"[0-9A-Z-]+","Camille Dupont","Saint-Étienne","","maire","[0-9.]+","tenu",\d{4}-\d\d-\d\d,"Clause votée en conseil\.","https:\/\/mairie\.example\/d\/42","","",1$/);
      await own.close();
    });
  });
}
