// One key per candidate, wherever they sign: from a partner's frame on
// another site (localhost, 127.0.0.2) the candidate signs on the widget's
// own page (127.0.0.1), with the key that page already has, and nothing
// they ticked is lost on the way.
import { describe, it, before, after, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';

import { serveStatic } from './server.mjs';
import { DRAFT_KEY, WidgetPage, storageKey } from './widget-page.mjs';

const examples = fileURLToPath(new URL('../../examples/', import.meta.url));
const FINGERPRINT = /[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}/;

async function fingerprint(root) {
  return (await root.locator('.pw-key__fingerprint').textContent()).match(FINGERPRINT)[0];
}

export function oneKeySuite(env) {
  describe('one key per candidate, wherever they sign', () => {
    let partners;
    let context;

    before(async () => {
      const rewrite = (_, html) => html.replaceAll('http://127.0.0.1:8080/', env.url);
      // Two partner sites, neither the widget's (127.0.0.1).
      partners = [
        await serveStatic(examples, { host: 'localhost', rewrite }),
        await serveStatic(examples, { host: '127.0.0.2', rewrite }),
      ];
    });
    after(async () => {
      for (const p of partners ?? []) await p.close();
    });
    afterEach(async () => {
      await context?.close();
      context = undefined;
    });

    /** The journey in the partner's first frame, up to « Signer sur la page
     * du widget »; the tab it opens, at the sign step. The answers carried
     * there never land past the summary: the candidate sees them first (and,
     * where that page already holds a signed pledge, says to replace its
     * answers with them), then signs. */
    async function signFromPartner(partner, name, commune) {
      const page = await context.newPage();
      await page.goto(`${partner.url}partner.html`);
      const frame = page.frameLocator('iframe').first();
      const inFrame = new WidgetPage(page, null, frame);
      await inFrame.waitForHeading(/INCLUSIFS DE DEMAIN/);
      await inFrame.fillToSummary({ name, commune });
      // The loader resizes the frame and may scroll to it after a step
      // change: let that settle before the click (as the embed suite does).
      await frame.locator('h1:focus').waitFor();
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      await inFrame.button('Signer').click();
      await frame.getByRole('heading', { level: 1, name: 'Signer mon engagement' }).waitFor();
      const [tab] = await Promise.all([
        context.waitForEvent('page'),
        frame.getByRole('link', { name: 'Signer sur la page du widget' }).click(),
      ]);
      const top = new WidgetPage(tab, env.url);
      await top.answerArrival({ replace: true });
      await top.waitForHeading(top.l.summary);
      await tab.getByText(top.l.fromElsewhere).waitFor();
      await tab.getByText(`${commune}`).first().waitFor();
      await top.button(top.l.toSign).click();
      await top.waitForSigningStep();
      // The frame's storage is its own: it never made a key.
      assert.equal(await frame.locator('.pw-key__fingerprint').count(), 0);
      return { page, frame, tab, top };
    }

    it('signs from two partner sites with the key of the widget’s own page, answers intact', async () => {
      context = await env.browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'fr-FR' });
      // The candidate signed once on the widget's own page.
      const own = await context.newPage();
      const widget = new WidgetPage(own, env.url);
      await widget.reachSigning({ name: 'Camille Dupont', commune: 'Lyon' });
      await widget.sign();
      const key = await fingerprint(own);
      await own.close();

      for (const [partner, name, commune] of [
        [partners[0], 'Camille Dupont', 'Saint-Étienne'],
        [partners[1], 'Camille Dupont', 'Villeurbanne'],
      ]) {
        const { page, frame, tab, top } = await signFromPartner(partner, name, commune);
        const link = await top.sign();
        assert.equal(await fingerprint(tab), key, `${partner.url}: the same key`);
        // The link is this commune's pledge, with both commitments.
        const visitor = await context.newPage();
        await visitor.goto(link);
        await visitor.getByText('Signature valide', { exact: true }).waitFor();
        await visitor.getByText(commune).first().waitFor();
        await visitor.getByText('2 engagements sur 20').first().waitFor();
        await visitor.close();
        // And the frame shows the signed pledge.
        await frame.getByText('Signature valide', { exact: true }).waitFor();
        await frame.getByText(commune).first().waitFor();
        await tab.close();
        await page.close();
      }
    });

    it('where a partner’s frame keeps storage apart: says so, carries the answers, signs with the one key', async () => {
      // Chromium allowing third-party cookies partitions the frame's
      // storage by the partner's site, as Firefox and Safari do.
      context = await env.partitioningBrowser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'fr-FR' });
      const own = await context.newPage();
      const widget = new WidgetPage(own, env.url);
      await widget.reachSigning({ name: 'Camille Dupont', commune: 'Lyon' });
      await widget.sign();
      const key = await fingerprint(own);

      const page = await context.newPage();
      await page.goto(`${partners[0].url}partner.html`);
      const frame = page.frameLocator('iframe').first();
      const inFrame = new WidgetPage(page, null, frame);
      await inFrame.waitForHeading(/INCLUSIFS DE DEMAIN/);
      const notice = frame.getByText('Sur ce site, votre navigateur garde vos réponses à part', { exact: false });
      await inFrame.start();
      // The notice comes once the candidate starts, and moves the step
      // down: a click aimed before it lands elsewhere.
      await notice.waitFor();
      await inFrame.settleAfterStep();
      await inFrame.commitment(inFrame.l.firstCommitment).check();
      await inFrame.jumpTo(4);
      // The frame does keep them (for this site): a reload finds them.
      await page.reload();
      await frame.getByText('Proposition 4 sur 10', { exact: true }).waitFor();
      await notice.waitFor();
      // The widget's own page does not see them: apart indeed.
      assert.equal(await own.evaluate((key) => JSON.parse(localStorage.getItem(key)).step, DRAFT_KEY), 'signed');
      // « Continuer sur la page du widget » carries them there.
      const [tab] = await Promise.all([
        context.waitForEvent('page'),
        frame.getByRole('link', { name: 'Continuer sur la page du widget' }).click(),
      ]);
      const top = new WidgetPage(tab, env.url);
      // That page holds a signed pledge: it asks before replacing its answers.
      await top.answerArrival({ replace: true });
      await tab.getByText('Proposition 4 sur 10', { exact: true }).waitFor();
      await top.jumpTo(1);
      assert.equal(await top.commitment(top.l.firstCommitment).isChecked(), true);
      // The answers signed before on this page are set aside, not lost.
      assert.match((await top.storedSetAside()).items[0].draft, /Lyon/);
      await tab.close();

      // Dismissed, it is not said again on this partner's site.
      await frame.getByRole('button', { name: 'Fermer' }).click();
      await page.reload();
      await frame.getByText('Proposition 4 sur 10', { exact: true }).waitFor();
      await frame.getByRole('heading', { level: 1 }).waitFor();
      await page.evaluate(() => new Promise((r) => setTimeout(r, 300)));
      assert.equal(await notice.count(), 0);

      // Signing from this frame still happens on the widget's page, with
      // its key: the frame's own storage never holds one.
      await inFrame.jumpTo(10);
      await frame.locator('h1:focus').waitFor();
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      await inFrame.next();
      await inFrame.field(inFrame.l.name).fill('Camille Dupont');
      await inFrame.fillCommune('Saint-Étienne');
      await inFrame.button(inFrame.l.toSummary).click();
      await inFrame.waitForHeading(inFrame.l.summary);
      await frame.locator('h1:focus').waitFor();
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      await inFrame.button('Signer').click();
      await frame.getByRole('heading', { level: 1, name: 'Signer mon engagement' }).waitFor();
      const [signTab] = await Promise.all([
        context.waitForEvent('page'),
        frame.getByRole('link', { name: 'Signer sur la page du widget' }).click(),
      ]);
      const signing = new WidgetPage(signTab, env.url);
      await signing.answerArrival({ replace: true });
      await signing.waitForHeading(signing.l.summary);
      await signing.button(signing.l.toSign).click();
      await signing.waitForSigningStep();
      await signing.sign();
      assert.equal(await fingerprint(signTab), key);
      await frame.getByText('Signature valide', { exact: true }).waitFor();
      await frame.getByText('Saint-Étienne').first().waitFor();
      const frameStorage = await page.frames()[1].evaluate(() => Object.keys(localStorage));
      assert.ok(!frameStorage.includes(storageKey('key/v1')), `no key in the frame: ${frameStorage}`);
    });

    it('carries the answers to the widget’s page where the frame cannot keep them', async () => {
      context = await env.browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'fr-FR' });
      const page = await context.newPage();
      await page.goto(`${partners[0].url}partner.html`);
      const frame = page.frameLocator('iframe').first();
      const inFrame = new WidgetPage(page, null, frame);
      await inFrame.waitForHeading(/INCLUSIFS DE DEMAIN/);
      await inFrame.start();
      await inFrame.commitment(inFrame.l.firstCommitment).check();
      await inFrame.jumpTo(3);
      // Chromium refuses storage to this cross-site frame: said, with the
      // widget's own page offered.
      const open = frame.getByRole('link', { name: 'Ouvrir le widget dans un onglet pour garder vos réponses' });
      await open.waitFor();
      const [tab] = await Promise.all([context.waitForEvent('page'), open.click()]);
      const top = new WidgetPage(tab, env.url);
      await top.mounted();
      await tab.getByText('Proposition 3 sur 10').waitFor();
      assert.equal(await top.progress().textContent(), 'Proposition 3 sur 10');
      await top.jumpTo(1);
      assert.equal(await top.commitment(top.l.firstCommitment).isChecked(), true);
      // Kept there: a reload of the widget's page still has it.
      await tab.reload();
      await top.mounted();
      assert.equal(await top.progress().textContent(), 'Proposition 1 sur 10');
      assert.equal(await top.commitment(top.l.firstCommitment).isChecked(), true);
      // The address no longer carries the answers.
      assert.ok(!tab.url().includes('#d='));
    });
  });
}
