// The widget's three builds: the first screen loads only the small journey
// build; a pledge link only the verify build (the browser checks the
// signature); the full build (the identity step, signing, cards) comes
// when the last proposal is shown or the card is asked for, and takes the
// page over.
import { describe, it, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';

import { phoneContext } from './browser.mjs';
import { GOLDEN, longList } from './golden.mjs';
import { WidgetPage, DRAFT_KEY } from './widget-page.mjs';

const JOURNEY = /\/pledge-journey-[0-9a-f]+(_bg\.wasm|\.js)$/;
const FULL = /\/pledge-widget-[0-9a-f]+(_bg\.wasm|\.js)(\?.*)?$/;
const VERIFY = /\/pledge-verify-[0-9a-f]+(_bg\.wasm|\.js)(\?.*)?$/;
const WALL = /\/pledge-wall-[0-9a-f]+(_bg\.wasm|\.js)(\?.*)?$/;
const CONSOLE = /\/pledge-console-[0-9a-f]+(_bg\.wasm|\.js)(\?.*)?$/;
const COMMUNE = /\/pledge-commune-[0-9a-f]+(_bg\.wasm|\.js)(\?.*)?$/;
const CARD = /\/fonts\//;

export function buildsSuite(env) {
  describe('three builds: the journey first, verify for a link, the full build on demand', () => {
    let context;
    let page;
    let widget;
    let errors;
    let requested;

    // Without the service worker, which would serve (and hide) requests.
    const newContext = () => phoneContext(env.browser, { serviceWorkers: 'block' });

    beforeEach(async () => {
      context = await newContext();
      await open();
    });

    async function open() {
      page = await context.newPage();
      errors = [];
      requested = [];
      page.on('pageerror', (e) => errors.push(e.message));
      page.on('request', (r) => requested.push(r.url()));
      widget = new WidgetPage(page, env.url);
    }

    const fetched = (pattern) => requested.filter((url) => pattern.test(url));

    afterEach(async () => {
      await context.close();
      assert.deepEqual(errors, [], 'no uncaught error in the page');
    });

    it('starts with the journey build and has the full build ready for signing', async () => {
      await widget.open();
      await page.waitForLoadState('networkidle');
      assert.equal(fetched(JOURNEY).length, 2, requested.join('\n'));
      assert.deepEqual(fetched(FULL), [], 'the first screen does not load the full build');

      // Fetched on the last proposal, while the journey build shows it.
      await widget.start();
      await widget.jumpTo(9);
      await widget.commitment(widget.l.electedCommitment).check();
      assert.deepEqual(fetched(FULL), [], 'not before the last proposal');
      await widget.jumpTo(10);
      await page.waitForFunction(() => performance.getEntriesByType('resource').some((e) => /pledge-widget-[0-9a-f]+_bg\.wasm/.test(e.name)));
      assert.equal(fetched(FULL).length, 2);
      assert.equal(await page.getByText('Proposition 10 sur 10', { exact: true }).isVisible(), true);

      // The identity step is the full build's: it takes over with focus on
      // the step's heading, and its commune field is the combobox.
      await widget.settleAfterStep();
      await widget.next();
      await widget.root.getByRole('combobox', { name: widget.l.commune }).waitFor();
      assert.equal(await page.evaluate(() => document.activeElement?.textContent.trim()), "Qui s'engage ?");
      await widget.field(widget.l.name).fill('Camille Dupont');
      await widget.fillCommune('Saint-Étienne');
      await widget.button(widget.l.toSummary).click();
      await widget.waitForHeading(widget.l.summary);
      assert.equal(fetched(FULL).length, 2, 'fetched once');

      await widget.button(widget.l.toSign).click();
      await widget.waitForSigningStep();
      // Focus continues on the new step's heading, as with any step change.
      const focused = await page.evaluate(() => document.activeElement?.textContent.trim());
      assert.equal(focused, widget.l.signHeading);
      // The answers came along.
      assert.match(await page.locator('.pw-sign__who').innerText(), /Camille Dupont/);
      const link = await widget.sign();
      assert.equal(fetched(FULL).length, 2, 'fetched once');

      // A pledge link's visitor gets the verify build only: no card code.
      await page.close();
      await open();
      await page.goto(link);
      await page.getByText('Signature valide', { exact: true }).waitFor();
      await page.getByRole('heading', { name: 'Camille Dupont' }).waitFor();
      await page.waitForLoadState('networkidle');
      assert.deepEqual(fetched(JOURNEY), [], 'no journey build for a pledge link');
      assert.deepEqual(fetched(FULL), [], 'no full build before the image is asked for');
      assert.deepEqual(fetched(CARD), [], 'no card font either');
      assert.equal(fetched(VERIFY).length, 2);

      // Asking for the image brings the full build, which shows the card
      // and moves focus to it.
      await page.getByRole('button', { name: "Afficher l'image" }).click();
      await page.locator('.pw-card__preview').waitFor();
      assert.equal(fetched(FULL).length, 2);
      assert.equal(await page.evaluate(() => document.activeElement?.id), 'pw-card-heading');
      await page.getByText('Signature valide', { exact: true }).waitFor();
    });

    it("gives the wall and the console builds of their own, and a wall's pledge the verify build", async () => {
      await page.goto(`${env.url}?mur`);
      await page.getByRole('heading', { level: 1, name: "Qui s'est engagé à quoi" }).waitFor();
      await page.waitForLoadState('networkidle');
      assert.equal(fetched(WALL).length, 2, requested.join('\n'));
      for (const other of [JOURNEY, FULL, VERIFY, CONSOLE, COMMUNE]) assert.deepEqual(fetched(other), [], `${other} on the wall`);
      // A partner's wall of a commune by its name, the same.
      await page.goto(`${env.url}?view=wall&embed=1&commune=Lyon`);
      await page.getByRole('heading', { level: 1, name: "Qui s'est engagé à quoi" }).waitFor();
      for (const other of [JOURNEY, FULL, VERIFY, CONSOLE, COMMUNE]) assert.deepEqual(fetched(other), []);
      // By its code, the commune build first (a commune's own file); with
      // no index of shards published here, it hands over to the wall
      // build, which reads the whole list.
      await page.close();
      await open();
      await page.goto(`${env.url}?view=wall&embed=1&commune=%2069123%20`);
      await page.getByRole('heading', { level: 1, name: "Qui s'est engagé à quoi" }).waitFor();
      await page.locator('.pw-wall__message, .pw-wall-entry, .pw-seal').first().waitFor();
      await page.waitForLoadState('networkidle');
      assert.equal(fetched(COMMUNE).length, 2, requested.join('\n'));
      assert.equal(fetched(WALL).length, 2, requested.join('\n'));
      for (const other of [JOURNEY, FULL, VERIFY, CONSOLE]) assert.deepEqual(fetched(other), []);

      await page.close();
      await open();
      await page.goto(`${env.url}?organisateur`);
      await page.getByRole('heading', { level: 1, name: "Console de l'organisateur" }).waitFor();
      await page.waitForLoadState('networkidle');
      assert.equal(fetched(CONSOLE).length, 2);
      for (const other of [JOURNEY, FULL, VERIFY, WALL]) assert.deepEqual(fetched(other), [], `${other} in the console`);
      // The last parameter wins, as the widget reads them: the wall.
      await page.close();
      await open();
      await page.goto(`${env.url}?organisateur&mur`);
      await page.getByRole('heading', { level: 1, name: "Qui s'est engagé à quoi" }).waitFor();
      assert.deepEqual(fetched(CONSOLE), []);
    });

    it('starts a wall visitor\'s own pledge from a pledge opened on the wall, leaving the wall', async () => {
      await page.goto(`${env.url}?mur&theme=dark`);
      await page.getByRole('heading', { level: 1, name: "Qui s'est engagé à quoi" }).waitFor();
      await page.evaluate((hash) => {
        location.hash = hash;
      }, GOLDEN[0][1].split('#')[1]);
      await page.getByText('Signature valide', { exact: true }).waitFor();
      assert.deepEqual(fetched(VERIFY), [], 'the wall build shows the pledge itself');
      await widget.button('Prendre mes propres engagements').click();
      await widget.waitForHeading(/INCLUSIFS DE DEMAIN/);
      const url = new URL(page.url());
      assert.equal(url.search, '?theme=dark', 'the wall left the address, the theme stayed');
      assert.equal(url.hash, '');
      assert.equal(fetched(JOURNEY).length, 2);
      // A reload shows the journey, not the wall.
      await page.reload();
      await widget.waitForHeading(/INCLUSIFS DE DEMAIN/);
    });

    it('reloads rather than start again a build that was taken over', async () => {
      await page.goto(`${env.url}?mur`);
      await page.getByRole('heading', { level: 1, name: "Qui s'est engagé à quoi" }).waitFor();
      // The journey build takes over a page whose address still says
      // ?mur: it asks for the wall build, which ran here before and
      // cannot mount twice. The page reloads, into the wall build.
      const reloaded = page.waitForEvent('load');
      // Started after this script returns: the reload may come at once.
      await page.evaluate(() => {
        setTimeout(() => window.pwWidget.startJourney(), 0);
      });
      await reloaded;
      await page.getByRole('heading', { level: 1, name: "Qui s'est engagé à quoi" }).waitFor();
    });

    it("checks a list longer than the browser is trusted with in the wall build, not the candidate's", async () => {
      env.extra['/engagements.json'] = longList(500);
      try {
        await page.goto(`${env.url}#${GOLDEN[0][1].split('#')[1]}`);
        await page.getByText('Engagement vérifié par Coorace (TEST) le', { exact: false }).waitFor();
        await page.getByText('Signature valide', { exact: true }).waitFor();
        assert.equal(fetched(VERIFY).length, 2);
        assert.equal(fetched(WALL).length, 2, 'the wall build checks the long list in Rust');
        assert.deepEqual(fetched(FULL), [], 'no full build before the image is asked for');
        // The image still comes from the full build, when asked for.
        await page.getByRole('button', { name: "Afficher l'image" }).click();
        await page.locator('.pw-card__preview').waitFor();
        assert.equal(fetched(FULL).length, 2);
      } finally {
        delete env.extra['/engagements.json'];
      }
    });

    it('resumes a candidate back at the identity step in the full build', async () => {
      await widget.open();
      await widget.start();
      await widget.jumpTo(10);
      await widget.next();
      await widget.field(widget.l.name).fill('Zoé Martin');
      await page.close();
      await open();
      await page.goto(env.url);
      await widget.root.getByRole('combobox', { name: widget.l.commune }).waitFor();
      assert.equal(await widget.field(widget.l.name).inputValue(), 'Zoé Martin');
      await page.waitForLoadState('networkidle');
      assert.deepEqual(fetched(JOURNEY), [], 'no journey build for a candidate back at the identity step');
      assert.equal(fetched(FULL).length, 2);
    });

    it('verifies in Rust with the full build where the browser has no Ed25519', async () => {
      await widget.reachSigning();
      const link = await widget.sign();
      await context.close();
      context = await newContext();
      await context.addInitScript(() => {
        const importKey = SubtleCrypto.prototype.importKey;
        SubtleCrypto.prototype.importKey = function (format, data, algorithm, ...rest) {
          if ((algorithm?.name ?? algorithm) === 'Ed25519') {
            return Promise.reject(new DOMException('Unrecognized name.', 'NotSupportedError'));
          }
          return importKey.call(this, format, data, algorithm, ...rest);
        };
      });
      await open();
      await page.goto(link);
      await page.getByText('Signature valide', { exact: true }).waitFor();
      // The full build took over and shows the card at once.
      await page.locator('.pw-card__preview').waitFor();
      assert.equal(fetched(VERIFY).length, 2);
      assert.equal(fetched(FULL).length, 2);
      // An altered link is still refused, by the Rust verifier.
      await page.goto(`${link.slice(0, -3)}AAA`);
      await page.reload();
      await page.getByText('Lien modifié ou invalide').waitFor();
    });

    it("starts a link's visitor's own pledge with the journey build, not the full one", async () => {
      await widget.reachSigning();
      const link = await widget.sign();
      await context.close();
      context = await newContext();
      await open();
      await page.goto(link);
      await page.getByText('Signature valide', { exact: true }).waitFor();
      await widget.button('Prendre mes propres engagements').click();
      await widget.waitForHeading(/INCLUSIFS DE DEMAIN/);
      await widget.start();
      await page.getByText('Proposition 1 sur 10', { exact: true }).waitFor();
      assert.equal(fetched(JOURNEY).length, 2);
      assert.deepEqual(fetched(FULL), []);
      assert.equal(new URL(page.url()).hash, '', 'the link left the address bar');
    });

    it('opens a link pasted into an open journey, and says when a link cannot load', async () => {
      await widget.reachSigning();
      const link = await widget.sign();

      // Back later: straight to the full build and the signed pledge.
      await page.close();
      await open();
      await page.goto(env.url);
      await widget.waitForHeading(widget.l.signedHeading);
      await page.waitForLoadState('networkidle');
      assert.deepEqual(fetched(JOURNEY), [], 'no journey build for a candidate back at signing');
      await context.close();

      // A link pasted into the address bar of a widget showing the journey.
      context = await newContext();
      await open();
      await widget.open();
      assert.deepEqual(fetched(FULL), []);
      await page.evaluate((hash) => {
        location.hash = hash;
      }, new URL(link).hash);
      await page.getByText('Signature valide', { exact: true }).waitFor();
      await page.close();

      // No network for the verify build: a clear message, not a blank page.
      await open();
      await page.route(VERIFY, (route) => route.abort('internetdisconnected'));
      await page.goto(link);
      await page.getByText("Le widget n'a pas pu se charger").waitFor();
      errors = errors.filter((e) => !/Failed to fetch|dynamically imported module/.test(e));
    });

    it('keeps the answers when the identity step cannot load, and goes on once it can', async () => {
      const offline = (route) => route.abort('internetdisconnected');
      await page.route(FULL, offline);
      await widget.open();
      await widget.start();
      await widget.commitment(widget.l.firstCommitment).check();
      await widget.jumpTo(10);
      await widget.next();
      await widget.waitForHeading("Qui s'engage ?");
      const alert = page.getByRole('alert');
      await alert.waitFor();
      assert.match(await alert.innerText(), new RegExp(widget.l.partLoadFailed));
      assert.match(await alert.innerText(), /Vos réponses sont conservées/);
      const stored = JSON.parse(await page.evaluate((k) => localStorage.getItem(k), DRAFT_KEY));
      assert.equal(stored.ticked.length, 1);
      assert.equal(stored.step, 'identity');

      // The network is back.
      await page.unroute(FULL, offline);
      await widget.button(widget.l.retry).click();
      await widget.field(widget.l.name).fill('Camille Dupont');
      await widget.fillCommune('Lyon');
      await widget.button(widget.l.toSummary).click();
      await widget.waitForHeading(widget.l.summary);
      await widget.button(widget.l.toSign).click();
      await widget.waitForSigningStep();
      assert.match(await page.locator('.pw-sign__who').innerText(), /Camille Dupont/);
      await widget.sign();
      // The failed attempt was not fatal to the page.
      errors = errors.filter((e) => !/Failed to fetch|dynamically imported module/.test(e));
    });

    it('hands the answers over in memory when the browser stores nothing', async () => {
      await context.close();
      context = await newContext();
      await context.addInitScript(() => {
        Object.defineProperty(window, 'localStorage', {
          get() {
            throw new DOMException('denied', 'SecurityError');
          },
        });
      });
      await open();
      await widget.open();
      await widget.fillToSigning({ name: 'Zoé Ñúñez', commune: 'Lyon' });
      assert.match(await page.locator('.pw-sign__who').innerText(), /Zoé Ñúñez/);
      assert.match(await widget.sign(), /#e=/);
    });
  });
}
