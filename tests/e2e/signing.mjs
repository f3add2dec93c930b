// Signing a pledge and opening its link, end to end.
import { describe, it, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';

import { phoneContext } from './browser.mjs';
import { GOLDEN_V2, REFUSED, REFUSED_V2 } from './golden.mjs';
import { CAMPAIGN, WidgetPage } from './widget-page.mjs';

/** The link with one character of its payload changed. */
function alter(link, at) {
  const i = link.indexOf('#e=') + 3 + at;
  const c = link[i] === 'A' ? 'B' : 'A';
  return link.slice(0, i) + c + link.slice(i + 1);
}

export function signingSuite(env) {
  describe('signing and verifying (360×740)', () => {
    let context;
    let page;
    let widget;
    let errors;

    beforeEach(async () => {
      context = await phoneContext(env.browser, {
        permissions: ['clipboard-read', 'clipboard-write'],
      });
      page = await context.newPage();
      errors = [];
      page.on('pageerror', (e) => errors.push(e.message));
      widget = new WidgetPage(page, env.url);
    });

    afterEach(async () => {
      await context.close();
      assert.deepEqual(errors, [], 'no uncaught error in the page');
    });

    async function visitor() {
      const ctx = await phoneContext(env.browser);
      const p = await ctx.newPage();
      p.on('pageerror', (e) => errors.push(e.message));
      return { ctx, p, w: new WidgetPage(p, env.url) };
    }

    it('signs with a drawn signature; the copied link verifies in a fresh browser', async () => {
      await widget.reachSigning();
      await page.getByText(/^Date de signature : \d{1,2}(er)? \S+ \d{4}$/).waitFor();
      await widget.drawSignature();
      const link = await widget.sign();
      assert.match(link, /^http:\/\/127\.0\.0\.1:\d+\/#e=[A-Za-z0-9_-]+$/);
      env.figures.linkWithDrawing = link.length - env.url.length;

      await widget.button('Copier le lien').click();
      await page.getByText('Lien copié.').waitFor();
      assert.equal(await page.evaluate(() => navigator.clipboard.readText()), link);

      const fingerprint = (await page.getByText(/^Empreinte de votre clé : /).textContent()).split(': ')[1];
      assert.match(fingerprint, /^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);

      const { ctx, p, w } = await visitor();
      await p.goto(link);
      await w.waitForHeading('Engagement signé');
      await p.getByText('Signature valide', { exact: true }).waitFor();
      await p.getByText(`Le contenu est intact, signé par la clé ${fingerprint}.`).waitFor();
      await p.getByRole('heading', { name: 'Camille Dupont' }).waitFor();
      await p.getByRole('article').getByText('2 engagements sur 20').waitFor();
      assert.equal(await p.locator('.pw-pledge__commitment--taken').count(), 2);
      assert.equal(await p.locator('.pw-pledge__commitment--not-taken').count(), 18);
      await p.getByRole('img', { name: 'Signature manuscrite' }).waitFor();
      // The visitor's own storage got no draft from opening a link.
      assert.equal(await p.evaluate(() => localStorage.length), 0);
      await w.button('Prendre mes propres engagements').click();
      await w.waitForHeading(/INCLUSIFS DE DEMAIN/);
      assert.equal(new URL(p.url()).hash, '');
      await ctx.close();
    });

    it('asks the browser to keep the key once it is kept, and says the browser may erase it', async () => {
      // Counts the calls of navigator.storage.persist (Chromium answers it
      // on its own, from the site's engagement).
      await page.addInitScript(() => {
        window.pwPersistAsked = 0;
        const persist = navigator.storage.persist.bind(navigator.storage);
        navigator.storage.persist = () => {
          window.pwPersistAsked += 1;
          return persist();
        };
      });
      await widget.reachSigning();
      // Not on load, not before signing.
      assert.equal(await page.evaluate(() => window.pwPersistAsked), 0);
      await widget.sign();
      assert.equal(await page.evaluate(() => window.pwPersistAsked), 1);
      await page
        .getByText("Votre navigateur peut effacer cette clé : Safari le fait après 7 jours d'utilisation sans visite de ce site")
        .waitFor();
      await page.getByText("Le fichier exporté la garde ; ajouter le widget à l'écran d'accueil aussi.", { exact: false }).waitFor();
    });

    it('says why an altered or cut link is invalid', async () => {
      await widget.reachSigning();
      const link = await widget.sign();
      env.figures.linkWithoutDrawing = link.length - env.url.length;
      const { ctx, p, w } = await visitor();
      const cases = [
        [alter(link, 30), 'le lien a été modifié après la signature'],
        [alter(link, 0), "version du widget que celle-ci ne connaît pas"],
        [link.slice(0, -10), 'Le lien est incomplet'],
        [link.replace(/#e=A./, '#e=A!'), 'des caractères qui ne peuvent pas venir'],
      ];
      for (const [bad, reason] of cases) {
        await p.goto('about:blank');
        await p.goto(bad);
        await w.waitForHeading('Engagement signé');
        await p.getByText('Lien modifié ou invalide').waitFor();
        await p.getByText(reason, { exact: false }).waitFor();
        assert.equal(await p.getByText('Signature valide', { exact: true }).count(), 0);
        assert.equal(await p.getByText('Camille Dupont').count(), 0);
      }
      await ctx.close();
    });

    it('keeps a hostile name inert in the signed view and the verification view', async () => {
      const hostile = '<img src=x onerror="window.__pwned=1">evil 🙂';
      await widget.reachSigning({ name: hostile, commune: 'javascript:alert(1)' });
      const link = await widget.sign();
      assert.equal(await page.evaluate(() => window.__pwned), undefined);
      const { ctx, p, w } = await visitor();
      await p.goto(link);
      await p.getByText('Signature valide', { exact: true }).waitFor();
      await p.getByRole('heading', { name: hostile }).waitFor();
      await p.getByRole('article').getByText('javascript:alert(1)').waitFor();
      assert.equal(await p.evaluate(() => window.__pwned), undefined);
      assert.equal(await p.locator('.pw-pledge img, .pw-pledge script, .pw-pledge a').count(), 0);
      assert.equal(await p.locator('[onerror], script:not([src])').count(), 0);
      await ctx.close();
    });

    it('refuses a correctly signed link whose text a careful signer could not have made', async () => {
      const { ctx, p } = await visitor();
      for (const [name, link] of REFUSED) {
        const fragment = link.split('#')[1];
        await p.goto(`${env.url}#${fragment}`);
        if (name === 'well-formed-control') {
          await p.getByText('Signature valide', { exact: true }).waitFor();
          continue;
        }
        await p.getByText('Lien modifié ou invalide').waitFor();
        await p.getByText(/^Caractères non autorisés : /).waitFor();
        assert.equal(await p.getByText('Signature valide', { exact: true }).count(), 0, name);
        assert.equal(await p.getByRole('article').count(), 0, name);
      }
      await ctx.close();
    });

    it('signs payload v2 and reads every v2 golden link with its commune, and refuses each forged one for its reason', async () => {
      await widget.reachSigning();
      const link = await widget.sign();
      // Version byte 2 then the Coorace id 93 59: « ApNZ ».
      assert.match(link, /#e=ApNZ/);
      const { ctx, p } = await visitor();
      const communes = {
        'chosen-commune': 'Saint-Étienne',
        'homonym-with-drawing': 'Sainte-Colombe',
        corsica: 'Ajaccio',
        arrondissement: 'Lyon 3e Arrondissement',
      };
      for (const [name, commune] of Object.entries(communes)) {
        const golden = GOLDEN_V2.find(([n]) => n === name)[1];
        await p.goto('about:blank');
        await p.goto(`${env.url}#${golden.split('#')[1]}`);
        await p.getByText('Signature valide', { exact: true }).waitFor();
        await p.getByRole('article').getByText(commune, { exact: false }).first().waitFor();
      }
      const said = {
        signature: 'le lien a été modifié après la signature',
        malformed: "Le contenu du lien ne respecte pas le format d'un engagement.",
        'forbidden-text': 'Caractères non autorisés : ',
      };
      for (const [name, reason, forged] of REFUSED_V2) {
        await p.goto('about:blank');
        await p.goto(`${env.url}#${forged.split('#')[1]}`);
        if (reason === 'valid') {
          await p.getByText('Signature valide', { exact: true }).waitFor();
          continue;
        }
        await p.getByText('Lien modifié ou invalide').waitFor();
        await p.getByText(said[reason], { exact: false }).waitFor();
        assert.equal(await p.getByText('Signature valide', { exact: true }).count(), 0, name);
      }
      await ctx.close();
    });

    it('isolates right-to-left candidate text from the words around it, on the page and the card', async () => {
      const name = 'שרה כהן';
      const commune = 'الدار البيضاء';
      const list = 'قائمة المواطنين';
      await widget.open();
      await widget.start();
      await widget.jumpTo(10);
      await widget.next();
      await widget.field(/Nom et prénom/).fill(name);
      await widget.fillCommune(commune);
      await widget.field(/Nom de la liste/).fill(list);
      await page.getByRole('radio', { name: 'Tête de liste' }).check();
      await widget.button('Voir le récapitulatif').click();
      await widget.waitForHeading('Récapitulatif');
      await widget.button('Signer').click();
      await widget.waitForSigningStep();
      const link = await widget.sign();
      const { ctx, p } = await visitor();
      await p.goto(link);
      await p.getByText('Signature valide', { exact: true }).waitFor();
      const where = p.locator('.pw-pledge__where');
      // Each piece of candidate text in its own <bdi>; the role, the
      // widget's own word, outside them.
      assert.deepEqual(await where.locator('bdi').allTextContents(), [commune, list]);
      assert.equal(await p.locator('.pw-pledge__name bdi').textContent(), name);
      assert.equal(await where.locator('bdi .pw-pledge__role, bdi:has-text("Tête de liste")').count(), 0);
      assert.equal(await where.locator('.pw-pledge__role').textContent(), 'Tête de liste');
      // The role still reads left to right after the right-to-left commune:
      // it is laid out to the right of the commune, not mirrored before it.
      const order = await where.evaluate((el) => {
        const commune = el.querySelector('.pw-pledge__commune').getClientRects();
        const role = el.querySelector('.pw-pledge__role').getClientRects()[0];
        const last = commune[commune.length - 1];
        return { after: role.top >= last.bottom - 1 || role.left >= last.right - 1, last: last.toJSON(), role: role.toJSON() };
      });
      assert.ok(order.after, JSON.stringify(order));
      // And on the card, in its text alternative: isolated too.
      await new WidgetPage(p, env.url).showCard();
      const alt = await p.locator('.pw-card__preview').getAttribute('alt');
      assert.ok(alt.includes(`\u2068${name}\u2069`) && alt.includes(`\u2068${commune}\u2069`), alt);
      await ctx.close();
    });

    it('exports the key to a file that another browser can import', async () => {
      await widget.reachSigning();
      const firstLink = await widget.sign();
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        widget.button('Exporter ma clé').click(),
      ]);
      // Named after the campaign (a candidate may sign for more than one).
      assert.equal(download.suggestedFilename(), `cle-engagement-${CAMPAIGN.slug}.json`);
      const file = await download.path();
      const keyFile = JSON.parse(await readFile(file, 'utf8'));
      assert.equal(keyFile.format, 'coorace-pledge-widget-key');

      // The secret is in the file the candidate asked for, never in the link.
      assert.equal(firstLink.includes(keyFile.secret), false);

      const { ctx, w, p } = await visitor();
      await w.reachSigning({ name: 'Camille Dupont' });
      await p.getByLabel('Importer une clé').setInputFiles(file);
      await p.getByText(`Clé importée. Empreinte : ${keyFile.fingerprint}`).waitFor();
      const secondLink = await w.sign();
      await p.getByText(`Empreinte de votre clé : ${keyFile.fingerprint}`).waitFor();
      // Same key, same pledge, same day: payloads are deterministic, so the
      // link is the very same.
      assert.equal(secondLink, firstLink);
      await ctx.close();
    });

    it('forgets the key and every answer after confirmation', async () => {
      await widget.reachSigning();
      await widget.sign();
      await widget.button('Oublier mes données').click();
      await widget.button('Annuler').click();
      await widget.button('Oublier mes données').click();
      await widget.button('Oui, tout oublier').click();
      await widget.waitForHeading(/INCLUSIFS DE DEMAIN/);
      // Nothing is left in storage, not even an empty draft.
      assert.deepEqual(await page.evaluate(() => Object.keys(localStorage)), []);
      assert.equal(await widget.storedDraft(), null);
    });

    it('signs with the keyboard alone', async () => {
      await widget.reachSigning();
      const kb = page.keyboard;
      // From the heading, Tab forward to the sign button and press Enter.
      await widget.heading().focus();
      for (let i = 0; i < 30; i += 1) {
        await kb.press('Tab');
        const text = await page.evaluate(() => document.activeElement?.textContent?.trim());
        if (text === 'Signer mon engagement') break;
      }
      assert.equal(await page.evaluate(() => document.activeElement?.textContent?.trim()), 'Signer mon engagement');
      await kb.press('Enter');
      await widget.waitForHeading('Votre engagement est signé');
      await page.waitForFunction(() => document.activeElement?.tagName === 'H1');
      const link = await page.getByRole('textbox', { name: 'Lien de vérification' }).inputValue();
      assert.match(link, /#e=/);
    });
  });
}
