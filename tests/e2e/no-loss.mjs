// Nothing lost, in any tab, with or without storage (the root owns the
// state; every failure is said; tabs agree; keys are never replaced
// without consent).
import { describe, it, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';

import { phoneContext } from './browser.mjs';
import { goldenFragment } from './golden.mjs';
import { DRAFT_KEY, WidgetPage, storageKey } from './widget-page.mjs';

const KEY_KEY = storageKey('key/v1');
/** A valid pledge link's fragment (a golden vector). */
const SAMPLE_FRAGMENT = goldenFragment('typical');

const NO_STORAGE = () => {
  Object.defineProperty(window, 'localStorage', {
    get() {
      throw new DOMException('The operation is insecure.', 'SecurityError');
    },
  });
};
const FULL_QUOTA = () => {
  Storage.prototype.setItem = function () {
    throw new DOMException('quota', 'QuotaExceededError');
  };
};

async function fingerprint(root) {
  const text = await root.locator('.pw-key__fingerprint').textContent();
  return text.match(/[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}/)[0];
}

export function noLossSuite(env) {
  describe('nothing lost, in any tab, with or without storage', () => {
    let context;
    afterEach(async () => {
      await context?.close();
      context = undefined;
    });

    for (const [label, init] of [
      ['storage refused', NO_STORAGE],
      ['a full quota', FULL_QUOTA],
    ]) {
      it(`keeps every answer through language switches and a pledge link, with ${label}, and signs`, async () => {
        context = await phoneContext(env.browser);
        await context.addInitScript(init);
        const page = await context.newPage();
        const widget = new WidgetPage(page, env.url);
        await widget.open();
        await widget.start();
        await widget.commitment(/généraliser/).check();
        await page.getByRole('status').first().waitFor();
        assert.match(await page.getByRole('status').first().textContent(), /enregistr/);

        // Language, twice: the tick is still there, on the same proposal,
        // and no view was rebuilt: an open question stays open, translated.
        await widget.button('Recommencer').click();
        await page.getByText('Effacer toutes vos réponses et recommencer depuis le début ?').waitFor();
        await widget.button('English').click();
        await page.getByText('Erase all your answers and start again from the beginning?').waitFor();
        await page.getByRole('button', { name: 'Cancel', exact: true }).click();
        await page.getByRole('checkbox', { name: /making inclusion clauses/ }).waitFor();
        assert.equal(await page.getByRole('checkbox', { name: /making inclusion clauses/ }).isChecked(), true);
        await page.getByRole('button', { name: 'Français', exact: true }).click();
        assert.equal(await widget.commitment(/généraliser/).isChecked(), true);
        assert.equal(await widget.progress().textContent(), 'Proposition 1 sur 10');

        // A pledge link opened in this page, then back to the journey.
        await page.evaluate((f) => {
          location.hash = f;
        }, SAMPLE_FRAGMENT);
        await page.getByText('Signature valide', { exact: true }).waitFor();
        await widget.button('Prendre mes propres engagements').click();
        assert.equal(await widget.commitment(/généraliser/).isChecked(), true);

        // Then the rest of the journey, and signing with the full build.
        await widget.jumpTo(10);
        await widget.next();
        await widget.field(/Nom et prénom/).fill('Camille Dupont');
        await widget.fillCommune('Lyon');
        await widget.button('Voir le récapitulatif').click();
        await widget.waitForHeading('Récapitulatif');
        await page.getByText('1 engagement sur 20').waitFor();
        await widget.button('Signer').click();
        await widget.waitForSigningStep();
        await widget.drawSignature();
        await widget.button('English').click();
        await page.getByRole('button', { name: 'Sign my pledge', exact: true }).waitFor();
        assert.equal(await page.getByRole('button', { name: 'Clear the signature' }).isEnabled(), true, 'the drawing stays');
        await page.getByRole('button', { name: 'Français', exact: true }).click();
        const link = await widget.sign();
        assert.match(link, /#e=/);
        // The key and the pledge live in memory only: said, export offered.
        const alert = page.locator('.pw-key__alert');
        await alert.getByText(/n'a pas pu être enregistrée/).waitFor();
        await alert.getByText(/copiez son lien maintenant/).waitFor();
        await widget.button('Exporter ma clé').waitFor();
        await page.getByText('1 engagement sur 20').first().waitFor();
      });
    }

    it('reads a key, a signed pledge and a draft stored by the build before campaign keys, and forgets them all', async () => {
      // localStorage as the build before left it after signing (a fixture
      // it wrote: tests/fixtures/storage-before-campaign-keys.json).
      const before = JSON.parse(await readFile(new URL('../fixtures/storage-before-campaign-keys.json', import.meta.url), 'utf8'));
      context = await phoneContext(env.browser);
      const page = await context.newPage();
      // Written from a page of the same origin that is not the widget's.
      await page.goto(`${env.url}404.html`);
      await page.evaluate((records) => {
        for (const [key, value] of Object.entries(records)) localStorage.setItem(key, value);
      }, before.records);
      const all = () => page.evaluate(() => Object.fromEntries(Object.keys(localStorage).map((k) => [k, localStorage.getItem(k)])));
      const widget = new WidgetPage(page, env.url);
      await page.goto(env.url);
      // The candidate is back where they were: signed, with their link,
      // and their key (the one the pledge was signed with).
      await widget.waitForHeading(widget.l.signedHeading);
      const link = await page.getByRole('textbox', { name: widget.l.link }).inputValue();
      assert.ok(link.endsWith(before.fragment), link);
      // Read in place: nothing moved, nothing lost half-way.
      const stored = await all();
      for (const [key, value] of Object.entries(before.records)) assert.equal(stored[key], value, key);
      assert.equal(stored[storageKey('key/v1')], undefined, 'the key stays where it was until written again');

      // « Forget me » forgets them too: nothing comes back on the next load.
      await widget.button(widget.l.forgetMe).click();
      await widget.button('Oui, tout oublier').click();
      await widget.waitForHeading(/INCLUSIFS DE DEMAIN/);
      const left = Object.keys(await all()).filter((k) => !k.endsWith('/lang/v1'));
      assert.deepEqual(left, [], `left in storage: ${left.join(', ')}`);
      await page.reload();
      await widget.waitForHeading(/INCLUSIFS DE DEMAIN/);
      assert.equal(await page.getByRole('button', { name: widget.l.mySignedPledge }).count(), 0);
    });

    it('two tabs: one key for both signatures, ticks reach the other tab, « forget me » empties both', async () => {
      context = await phoneContext(env.browser);
      const pageA = await context.newPage();
      const pageB = await context.newPage();
      const a = new WidgetPage(pageA, env.url);
      const b = new WidgetPage(pageB, env.url);
      await a.open();
      await b.open();

      // A tick in A appears in B, which stays where it is.
      await a.start();
      await b.start();
      await b.jumpTo(3);
      await a.commitment(/généraliser/).check();
      await pageB.getByText(/modifiées dans un autre onglet/).waitFor();
      await b.jumpTo(1);
      assert.equal(await b.commitment(/généraliser/).isChecked(), true);

      // Both reach signing, then both sign: one key.
      await a.jumpTo(10);
      await a.next();
      await a.field(/Nom et prénom/).fill('Camille Dupont');
      await a.fillCommune('Lyon');
      await a.button('Voir le récapitulatif').click();
      await a.waitForHeading('Récapitulatif');
      await pageB.reload();
      await b.waitForHeading('Récapitulatif');
      await a.button('Signer').click();
      await a.waitForSigningStep();
      await b.button('Signer').click();
      await b.waitForSigningStep();
      await a.sign();
      await b.sign();
      const fpA = await fingerprint(pageA);
      const fpB = await fingerprint(pageB);
      assert.equal(fpA, fpB);
      // The first signature made the key and says so; the second reused it.
      await pageA.getByText(/vient d'être créée/).waitFor();
      assert.equal(await pageB.getByText(/vient d'être créée/).count(), 0);

      // « Forget me » in A: B is emptied and writes nothing old back.
      await a.button('Oublier mes données').click();
      await a.button('Oui, tout oublier').click();
      await a.waitForHeading(/INCLUSIFS DE DEMAIN/);
      await b.waitForHeading(/INCLUSIFS DE DEMAIN/);
      await pageB.getByText(/effacées depuis un autre onglet/).waitFor();
      await b.start();
      const stored = await b.storedDraft();
      assert.deepEqual(stored.ticked, []);
      assert.equal(stored.name ?? '', '');
      assert.equal(await pageB.evaluate((k) => localStorage.getItem(k), KEY_KEY), null);
    });

    it('asks before an imported key replaces the current one, shows both fingerprints and offers to export it', async () => {
      context = await phoneContext(env.browser, { acceptDownloads: true });
      const page = await context.newPage();
      const widget = new WidgetPage(page, env.url);
      await widget.reachSigning();
      await widget.sign();
      const current = await fingerprint(page);
      // Another key's file (made by another browser).
      const other = await phoneContext(env.browser, { acceptDownloads: true });
      const otherPage = await other.newPage();
      const otherWidget = new WidgetPage(otherPage, env.url);
      await otherWidget.reachSigning({ name: 'Autre Personne' });
      await otherWidget.sign();
      const incoming = await fingerprint(otherPage);
      const [download] = await Promise.all([
        otherPage.waitForEvent('download'),
        otherWidget.button('Exporter ma clé').click(),
      ]);
      const file = {
        name: 'cle-engagement-coorace.json',
        mimeType: 'application/json',
        buffer: await readFile(await download.path()),
      };
      await other.close();
      assert.notEqual(current, incoming);

      await page.locator('.pw-key input[type=file]').setInputFiles(file);
      const question = page.getByRole('group', { name: /Remplacer votre clé actuelle/ });
      await question.waitFor();
      const text = await question.textContent();
      assert.ok(text.includes(current) && text.includes(incoming), text);
      const [exported] = await Promise.all([
        page.waitForEvent('download'),
        question.getByRole('button', { name: 'Exporter la clé actuelle' }).click(),
      ]);
      assert.match(await readFile(await exported.path(), 'utf8'), /"key"|"secret"|[A-Za-z0-9_-]{40}/);
      await question.getByRole('button', { name: 'Annuler' }).click();
      assert.equal(await fingerprint(page), current, 'cancel keeps the current key');
      const storedKey = await page.evaluate((k) => localStorage.getItem(k), KEY_KEY);

      await page.locator('.pw-key input[type=file]').setInputFiles(file);
      await page.getByRole('button', { name: 'Remplacer ma clé' }).click();
      await page.getByText(`Clé importée. Empreinte : ${incoming}`).waitFor();
      assert.equal(await fingerprint(page), incoming);
      assert.notEqual(await page.evaluate((k) => localStorage.getItem(k), KEY_KEY), storedKey);
    });
  });
}
