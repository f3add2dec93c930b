// The candidate's journey, end to end, on the release build at 360×740.
import { describe, it, before, after, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';

import { phoneContext } from './browser.mjs';
import { WidgetPage, DRAFT_KEY, storageKey } from './widget-page.mjs';

/** Where older versions kept an unreadable draft (now in the set-aside list). */
const OLD_BACKUP_KEY = storageKey('draft/unreadable-backup');

export function journeySuite(env) {
  describe('the candidate journey (360×740)', () => {
    let context;
    let page;
    let widget;
    let errors;

    beforeEach(async () => {
      context = await phoneContext(env.browser);
      page = await context.newPage();
      errors = [];
      page.on('pageerror', (e) => errors.push(e.message));
      widget = new WidgetPage(page, env.url);
    });

    afterEach(async () => {
      await context.close();
      assert.deepEqual(errors, [], 'no uncaught error in the page');
    });

    it('goes from welcome through the ten proposals and identity to the summary', async () => {
      await widget.open();
      await widget.waitForHeading(/INCLUSIFS DE DEMAIN/);
      assert.equal(await widget.scrollsSideways(), false);
      await widget.start();

      // Proposal 1: tick the first commitment.
      assert.equal(await widget.progress().textContent(), 'Proposition 1 sur 10');
      await widget.commitment(/généraliser l'intégration des clauses/).check();
      assert.equal(await widget.scrollsSideways(), false);
      assert.deepEqual(await widget.smallTouchTargets(), []);
      await widget.next();

      // Proposal 2: tick all three with the shortcut.
      assert.equal(await widget.progress().textContent(), 'Proposition 2 sur 10');
      await widget.button('Tout cocher pour cette proposition').click();
      for (const box of await page.getByRole('checkbox').all()) {
        assert.equal(await box.isChecked(), true);
      }
      await widget.button('Suivant').click();

      // Walk on to proposal 10 with Next; the heading follows.
      for (let n = 3; n <= 10; n += 1) {
        assert.equal(await widget.progress().textContent(), `Proposition ${n} sur 10`);
        assert.match(await widget.heading().textContent(), new RegExp(`^#${n}\\. `));
        if (n < 10) await widget.next();
      }
      await widget.commitment(/développer la participation citoyenne/).check();
      await widget.next();

      // Identity: errors first, then a valid identity.
      assert.equal(await widget.heading().textContent(), "Qui s'engage ?");
      await widget.button('Voir le récapitulatif').click();
      await page.getByText('Indiquez votre nom et prénom.').waitFor();
      await page.getByText('Indiquez votre commune.').waitFor();
      await widget.field(/Nom et prénom/).fill('Camille Dupont');
      await widget.fillCommune('Saint-Étienne');
      await widget.field(/Nom de la liste/).fill('Ensemble pour Saint-Étienne');
      await page.getByRole('radio', { name: 'Tête de liste' }).check();
      assert.deepEqual(await widget.smallTouchTargets(), []);
      await widget.button('Voir le récapitulatif').click();

      // Summary.
      assert.equal(await widget.heading().textContent(), 'Récapitulatif');
      await page.getByText('5 engagements sur 20').waitFor();
      const identity = page.getByRole('definition');
      // The commune chosen from the official list, with its département.
      assert.deepEqual(await identity.allTextContents(), [
        'Camille Dupont',
        '\u2068Saint-Étienne\u2069 (42)',
        'Ensemble pour Saint-Étienne',
        'Tête de liste',
      ]);
      assert.equal(
        await page.getByText('Aucun engagement pris pour cette proposition.').count(),
        7,
      );
      assert.equal(await widget.scrollsSideways(), false);

      // Edit proposal 2 from the summary.
      await widget.button('Modifier la proposition 2').click();
      assert.equal(await widget.progress().textContent(), 'Proposition 2 sur 10');
      assert.equal(await widget.commitment(/former les élus/).isChecked(), true);
    });

    it('resumes at the same step with the same answers after a reload', async () => {
      await widget.open();
      await widget.start();
      await widget.next();
      await widget.next();
      await widget.commitment(/transport en commun gratuit/).check();
      await widget.jumpTo(9);
      await widget.commitment(/désigner un-e élu-e/).check();
      await page.reload();
      await widget.heading().waitFor();
      assert.equal(await widget.progress().textContent(), 'Proposition 9 sur 10');
      assert.equal(await widget.commitment(/désigner un-e élu-e/).isChecked(), true);
      await widget.jumpTo(3);
      assert.equal(await widget.commitment(/transport en commun gratuit/).isChecked(), true);
      assert.equal(await widget.notice().count(), 0);
      const stored = await widget.storedDraft();
      assert.deepEqual(stored.ticked, ['3.1', '9.3']);
      assert.equal(stored.step, 'proposal-3');
    });

    it('recovers from corrupt storage with a notice and keeps the data set aside', async () => {
      await widget.open();
      const corrupt = '{"version":1,"step":"proposal-4","ticked":["4.1",';
      await page.evaluate(([k, v]) => localStorage.setItem(k, v), [DRAFT_KEY, corrupt]);
      await page.reload();
      await widget.heading().waitFor();
      assert.match(await widget.notice().textContent(), /n'ont pas pu être relues/);
      // Kept as it was, first in the set-aside list (no separate backup key).
      assert.equal((await widget.storedSetAside()).items[0].unreadable, corrupt);
      assert.equal(await page.evaluate((k) => localStorage.getItem(k), OLD_BACKUP_KEY), null);
      // Offered for download under the notice.
      await page.getByText('Récupérer mes réponses précédentes', { exact: true }).click();
      await widget.button('Télécharger ces données').waitFor();
      // The widget still works and saves again.
      await widget.start();
      await widget.commitment(/renforcer le dialogue/).check();
      assert.deepEqual((await widget.storedDraft()).ticked, ['1.2']);
      await widget.button('Fermer').click();
      assert.equal(await widget.notice().count(), 0);
    });

    it('recovers from a record of an unknown version the same way', async () => {
      await widget.open();
      const future = JSON.stringify({ version: 9, step: 'summary' });
      await page.evaluate(([k, v]) => localStorage.setItem(k, v), [DRAFT_KEY, future]);
      await page.reload();
      await widget.notice().waitFor();
      assert.equal((await widget.storedSetAside()).items[0].unreadable, future);
    });

    it('works in memory and says so when storage is unavailable', async () => {
      await page.addInitScript(() => {
        Object.defineProperty(window, 'localStorage', {
          get() {
            throw new DOMException('The operation is insecure.', 'SecurityError');
          },
        });
      });
      await widget.open();
      assert.match(await widget.notice().textContent(), /ne permet pas d'enregistrer/);
      await widget.start();
      await widget.commitment(/généraliser/).check();
      await widget.next();
      assert.equal(await widget.progress().textContent(), 'Proposition 2 sur 10');
    });

    it('warns once when the browser refuses to save (quota full)', async () => {
      await page.addInitScript(() => {
        Storage.prototype.setItem = function () {
          throw new DOMException('quota', 'QuotaExceededError');
        };
      });
      await widget.open();
      // Nothing is written before the first change: the first one warns.
      await widget.start();
      await widget.notice().getByText(/n'ont pas pu être enregistrées/).waitFor();
      await widget.button('Fermer').click();
      await widget.commitment(/généraliser/).check();
      assert.equal(await widget.notice().count(), 0, 'a dismissed warning stays dismissed');
      assert.equal(await widget.commitment(/généraliser/).isChecked(), true);
    });

    it('shows hostile text in a name as inert text', async () => {
      const hostile = '<img src=x onerror="window.__pwned=1">evil 🙂 "\'&';
      await widget.open();
      await widget.start();
      await widget.jumpTo(10);
      await widget.next();
      await widget.field(/Nom et prénom/).fill(hostile);
      await widget.fillCommune('<script>window.__pwned=2</script>');
      await widget.button('Voir le récapitulatif').click();
      await page.getByText(hostile).waitFor();
      assert.equal(await page.evaluate(() => window.__pwned), undefined);
      assert.equal(await page.locator('.pw-widget img, .pw-widget script').count(), 0);
    });

    it('refuses direction overrides, line breaks and invisible-only text as typed, keeping the text', async () => {
      await widget.open();
      await widget.start();
      await widget.jumpTo(10);
      await widget.next();
      const name = widget.field(/Nom et prénom/);
      await name.fill('Camille\u202EDupont');
      // Said at once, with the character, without waiting for a blur.
      await page.getByText(/^Caractère de direction du texte non autorisé \(U\+202E\)/).waitFor();
      assert.equal(await name.getAttribute('aria-invalid'), 'true');
      await widget.fillCommune('\u200B\u2060');
      await page.getByText('Ce champ ne contient que des espaces ou des caractères invisibles.').waitFor();
      await widget.field(/Nom de la liste/).fill('Liste\u0000');
      await page.getByText(/^Caractère de contrôle non autorisé \(U\+0000\)/).waitFor();
      await widget.button('Voir le récapitulatif').click();
      assert.equal(await widget.heading().textContent(), "Qui s'engage ?");
      // Kept as typed, so nothing is lost; fixing each field clears its message.
      assert.equal((await widget.storedDraft()).name, 'Camille\u202EDupont');
      await name.fill('Camille Dupont');
      await widget.fillCommune('Lyon');
      await widget.field(/Nom de la liste/).fill('');
      assert.equal(await page.locator('.pw-field__error').count(), 0);
      await widget.button('Voir le récapitulatif').click();
      await widget.waitForHeading('Récapitulatif');
    });

    it('refuses a name past its limit with a message, keeping what was typed', async () => {
      await widget.open();
      await widget.start();
      await widget.jumpTo(10);
      await widget.next();
      const long = 'A'.repeat(4096);
      await widget.field(/Nom et prénom/).fill(long);
      await page.getByText('80 caractères au maximum : vous en avez saisi 4096.').waitFor();
      await widget.fillCommune('Lyon');
      await widget.button('Voir le récapitulatif').click();
      assert.equal(await widget.heading().textContent(), "Qui s'engage ?");
      assert.equal((await widget.storedDraft()).name.length, 4096);
      assert.equal(await widget.scrollsSideways(), false);
    });

    it('asks before starting over', async () => {
      await widget.open();
      await widget.start();
      await widget.commitment(/généraliser/).check();
      await widget.button('Recommencer').click();
      await widget.button('Annuler').click();
      assert.equal(await widget.commitment(/généraliser/).isChecked(), true);
      await widget.button('Recommencer').click();
      await widget.button('Oui, tout effacer').click();
      await widget.waitForHeading(/INCLUSIFS DE DEMAIN/);
      assert.deepEqual((await widget.storedDraft()).ticked, []);
    });

    it('has no sideways scroll at 320 px on any screen', async () => {
      await page.setViewportSize({ width: 320, height: 640 });
      await widget.open();
      assert.equal(await widget.scrollsSideways(), false);
      await widget.start();
      for (let n = 1; n <= 10; n += 1) {
        assert.equal(await widget.scrollsSideways(), false, `proposal ${n}`);
        await widget.next();
      }
      await widget.field(/Nom et prénom/).fill('Marie-Hélène de La Tour-d\'Auvergne-Lauraguais');
      await widget.fillCommune('Saint-Remy-en-Bouzemont-Saint-Genest-et-Isson');
      await widget.button('Voir le récapitulatif').click();
      await widget.waitForHeading('Récapitulatif');
      assert.equal(await widget.scrollsSideways(), false, 'summary');
    });
  });
}
