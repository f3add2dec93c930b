// Answers handed over from another page (`#d=…`), at 360×740. Any page can
// link to the widget with answers in the fragment (a partner's frame does,
// to sign where the candidate's key lives; so can a stranger's page): they
// never land past the summary, never replace the candidate's own answers
// or sit on a signed pledge's page without asking, and whatever they
// replace is kept to take back. Signed pledges stay reachable too.
//
// Each test fails on the code before this change (HEAD~1 of the commit
// "Answers from another page (#d=) never land past the summary…"): there a
// carried draft was adopted at once, at its own step (« Signer mon
// engagement » straight away), a draft it replaced went to one backup key
// (overwritten by the next), a broken `#d=` was dropped without a word, the
// sign step did not list the commitments, and nothing linked to a signed
// pledge once the candidate started over.
import { describe, it, before, after, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { phoneContext } from './browser.mjs';
import { serveStatic } from './server.mjs';
import { DRAFT_KEY, SET_ASIDE_KEY, SIGNED_EARLIER_KEY, SIGNED_KEY, WidgetPage } from './widget-page.mjs';

/** A draft record as the widget stores and carries it (`StoredDraft`). */
function record(fields) {
  return { version: 1, step: 'sign', ticked: [], name: '', commune: '', list: '', role: null, ...fields };
}

/** The fragment that carries `rec` (`StoredDraft::carry_link`). */
function carried(rec) {
  return `#d=${Buffer.from(JSON.stringify(rec)).toString('base64url')}`;
}

/** Commitments the candidate never ticks in these tests (they tick 1.1 and
 * 9.3 through `fillToSummary`). */
const TRANSPORT = /transport en commun gratuit/;
const RECYCLING = /ressourceries, recycleries/;
const CANTEENS = /cantines scolaires/;
const STRANGERS = ['3.1', '4.1', '8.2'];

/** Everything the widget keeps in this page's storage. */
function storage(page) {
  return page.evaluate(() => Object.fromEntries(Object.entries(localStorage)));
}

/** The sign step's « Ce que vous signez »: the section its heading opens. */
function signWhat(widget) {
  return widget.root.getByRole('heading', { level: 2, name: widget.l.signWhat }).locator('xpath=..');
}

export function handOverSuite(env) {
  describe('answers handed over from another page (#d=, 360×740)', () => {
    let stranger;
    let strangerRoot;
    const strangerPages = {};
    let pages = 0;
    let context;
    let errors;

    before(async () => {
      // A site that is not the widget's (localhost, not 127.0.0.1).
      strangerRoot = await mkdtemp(join(tmpdir(), 'pw-stranger-'));
      stranger = await serveStatic(strangerRoot, { host: 'localhost', extra: strangerPages });
    });
    after(async () => {
      await stranger?.close();
      if (strangerRoot) await rm(strangerRoot, { recursive: true, force: true });
    });
    beforeEach(async () => {
      context = await phoneContext(env.browser);
      errors = [];
    });
    afterEach(async () => {
      await context?.close();
      context = undefined;
      assert.deepEqual(errors, [], 'no uncaught error in the page');
    });

    async function newWidget() {
      const page = await context.newPage();
      page.on('pageerror', (e) => errors.push(e.message));
      return { page, widget: new WidgetPage(page, env.url) };
    }

    /** `page` follows a link on the stranger's site to the widget carrying
     * `fragment`, as a candidate would. */
    async function followStrangersLink(page, fragment) {
      pages += 1;
      const path = `/offer-${pages}.html`;
      strangerPages[path] = `<!doctype html><meta charset="utf-8"><title>Offre</title>
<p><a href="${env.url}${fragment}">Signer vos engagements, déjà remplis pour vous</a></p>`;
      await page.goto(`${stranger.url}${path.slice(1)}`);
      await page.getByRole('link', { name: 'Signer vos engagements, déjà remplis pour vous' }).click();
    }

    it('a stranger’s link to sign other commitments asks first and changes nothing; « Garder les miennes » keeps them', async () => {
      const { page, widget } = await newWidget();
      await widget.reachSigning({ name: 'Camille Dupont', commune: 'Lyon' });
      await widget.sign();
      const mine = await storage(page);
      assert.ok(mine[SIGNED_KEY], 'a signed pledge');

      // The stranger's draft says "sign", with commitments never ticked.
      const theirs = record({ step: 'sign', ticked: STRANGERS, name: 'Camille Dupont', commune: 'Marseille' });
      await followStrangersLink(page, carried(theirs));
      await widget.waitForHeading(widget.l.arrivalQuestion);
      // Not the sign step: nothing to sign from here.
      assert.equal(await widget.button(widget.l.signButton).count(), 0);
      assert.equal(await widget.button(widget.l.toSign).count(), 0);
      // Both drafts, side by side.
      await page.getByRole('heading', { level: 2, name: 'Mes réponses' }).waitFor();
      await page.getByRole('heading', { level: 2, name: 'Réponses reçues' }).waitFor();
      await page.getByText('2 engagements sur 20').first().waitFor();
      await page.getByText('3 engagements sur 20').first().waitFor();
      for (const text of ['Lyon', 'Marseille', TRANSPORT, RECYCLING, CANTEENS, widget.l.firstCommitment]) {
        await page.getByText(text).first().waitFor();
      }
      assert.ok(!page.url().includes('#d='), 'the address no longer carries the answers');
      // Nothing written while asking: a reload finds the candidate's own.
      assert.deepEqual(await storage(page), mine);
      await page.reload();
      await widget.waitForHeading(widget.l.signedHeading);
      assert.deepEqual(await storage(page), mine);

      // Asked again, « Garder les miennes »: their signed pledge, unchanged.
      await followStrangersLink(page, carried(theirs));
      await widget.answerArrival({ replace: false });
      await widget.waitForHeading(widget.l.signedHeading);
      await page.getByText('Lyon').first().waitFor();
      assert.equal(await page.getByText(widget.l.fromElsewhere).count(), 0);
      assert.deepEqual(await storage(page), mine);
    });

    it('two carried drafts in a row: the candidate’s own answers stay set aside and come back', async () => {
      const { page, widget } = await newWidget();
      await widget.open();
      await widget.fillToSummary({ name: 'Camille Dupont', commune: 'Lyon' });
      for (const [commune, ticked] of [['Marseille', ['3.1']], ['Nice', ['8.2']]]) {
        await followStrangersLink(page, carried(record({ step: 'summary', ticked, name: 'Camille Dupont', commune })));
        await widget.answerArrival({ replace: true });
        await widget.waitForHeading(widget.l.summary);
        await page.getByText(widget.l.fromElsewhere).waitFor();
        await page.getByRole('definition').getByText(commune).waitFor();
      }
      // The first replacement did not push the candidate's own answers out
      // (the old single backup key held only the last replaced draft).
      const kept = (await widget.storedSetAside()).items.map((i) => JSON.parse(i.draft).commune);
      assert.deepEqual(kept, ['Marseille', 'Lyon']);
      assert.equal((await widget.storedDraft()).commune, 'Nice');

      await page.getByText(widget.l.previousAnswers, { exact: true }).click();
      const lyon = page.getByRole('listitem').filter({ hasText: 'Lyon' });
      await lyon.getByText('2 engagements sur 20').waitFor();
      await lyon.getByText(/Mises de côté le (1er|\d{1,2}) \S+ \d{4}/).waitFor();
      await lyon.getByRole('button', { name: widget.l.restore }).click();
      await widget.waitForHeading(widget.l.summary);
      await page.getByRole('definition').getByText('Lyon').waitFor();
      const draft = await widget.storedDraft();
      assert.equal(draft.commune, 'Lyon');
      assert.deepEqual(draft.ticked, ['1.1', '9.3']);
      // The answers it replaced took its place in the list.
      const after = (await widget.storedSetAside()).items.map((i) => JSON.parse(i.draft).commune);
      assert.deepEqual(after.sort(), ['Marseille', 'Nice']);
    });

    it('a carried "signed" or "sign" step lands on the summary (or the identity), with the notice, never signed', async () => {
      const { page, widget } = await newWidget();
      // An empty page takes it without asking, but only as far as the summary.
      await page.goto(`${env.url}${carried(record({ step: 'signed', ticked: STRANGERS, name: 'Camille Dupont', commune: 'Marseille' }))}`);
      await widget.waitForHeading(widget.l.summary);
      await page.getByText(widget.l.fromElsewhere).waitFor();
      await page.getByText('3 engagements sur 20').waitFor();
      assert.equal(await page.getByRole('heading', { name: /signé/ }).count(), 0);
      assert.equal(await page.getByText(widget.l.valid, { exact: true }).count(), 0);
      const stored = await storage(page);
      assert.equal(JSON.parse(stored[DRAFT_KEY]).step, 'summary');
      assert.equal(stored[SIGNED_KEY], undefined);
      assert.equal(stored[SET_ASIDE_KEY], undefined, 'nothing of the candidate’s to set aside');
      // The notice follows them to the sign step, where the list is open.
      await widget.button(widget.l.toSign).click();
      await widget.waitForSigningStep();
      await page.getByText(widget.l.fromElsewhere).waitFor();
      const what = signWhat(widget);
      await what.getByRole('listitem').first().waitFor();
      assert.equal(await what.getByRole('listitem').count(), 3);

      // Without a full identity: the identity step (on a page of its own).
      await context.close();
      context = await phoneContext(env.browser);
      const other = await newWidget();
      await other.page.goto(`${env.url}${carried(record({ step: 'sign', ticked: ['3.1'], name: '', commune: 'Marseille' }))}`);
      await other.widget.waitForHeading("Qui s'engage ?");
      await other.page.getByText(widget.l.fromElsewhere).waitFor();
      assert.equal(await other.widget.button(widget.l.signButton).count(), 0);
    });

    it('the sign step lists what it signs: the count and each commitment', async () => {
      const { page, widget } = await newWidget();
      await widget.reachSigning();
      const what = signWhat(widget);
      await what.getByText(/^2 engagements sur 20/).waitFor();
      // Folded for the candidate's own answers (they just saw the summary).
      assert.equal(await what.getByRole('listitem').count(), 0);
      await what.getByText(/^2 engagements sur 20/).click();
      const items = what.getByRole('listitem');
      await items.first().waitFor();
      assert.equal(await items.count(), 2);
      assert.match(await items.nth(0).textContent(), widget.l.firstCommitment);
      assert.match(await items.nth(1).textContent(), widget.l.electedCommitment);
      assert.match(await items.nth(1).textContent(), /^#9 /);
    });

    it('« Mon engagement signé » opens the signed pledge after starting over; signing again keeps the first link', async () => {
      const { page, widget } = await newWidget();
      await widget.reachSigning({ name: 'Camille Dupont', commune: 'Saint-Étienne' });
      const first = await widget.sign();
      const startOver = async () => {
        await widget.button(widget.l.startOver).click();
        await widget.button(widget.l.startOverConfirm).click();
        await widget.waitForHeading(widget.l.title);
      };
      await startOver();
      const mine = page.getByRole('link', { name: widget.l.mySignedPledge });
      assert.equal(new URL(await mine.getAttribute('href')).hash, new URL(first).hash);
      await mine.click();
      await page.getByText(widget.l.valid, { exact: true }).waitFor();
      await page.getByText('Saint-Étienne').first().waitFor();

      // A second pledge (another commune: another payload).
      await widget.open();
      await widget.fillToSigning({ name: 'Camille Dupont', commune: 'Lyon' });
      const second = await widget.sign();
      assert.notEqual(second, first);
      // The signed screen keeps the first one's link.
      await page.getByText(widget.l.earlierPledges(1), { exact: true }).waitFor();
      assert.equal(JSON.parse(await page.evaluate((k) => localStorage.getItem(k), SIGNED_EARLIER_KEY)).items.length, 1);

      // So does the welcome screen, with « Mon engagement signé » now the second.
      await startOver();
      assert.equal(new URL(await mine.getAttribute('href')).hash, new URL(second).hash);
      await page.getByText(widget.l.earlierPledges(1), { exact: true }).click();
      const earlier = page.getByRole('link', { name: /^Signé le (1er|\d{1,2}) \S+ \d{4} : 2 engagements sur 20$/ });
      assert.equal(new URL(await earlier.getAttribute('href')).hash, new URL(first).hash);
      await earlier.click();
      await page.getByText(widget.l.valid, { exact: true }).waitFor();
      await page.getByText('Saint-Étienne').first().waitFor();
    });

    it('two tabs: accepting carried answers in one tells the other, which can take its answers back', async () => {
      const b = await newWidget();
      await b.widget.open();
      await b.widget.fillToSummary({ name: 'Camille Dupont', commune: 'Lyon' });

      const a = await newWidget();
      await a.page.goto(`${env.url}${carried(record({ step: 'summary', ticked: STRANGERS, name: 'Camille Dupont', commune: 'Marseille' }))}`);
      // Tab B's answers are this page's answers: asked first.
      await a.widget.answerArrival({ replace: true });
      await a.widget.waitForHeading(a.widget.l.summary);

      await b.page.getByText(b.widget.l.replacedElsewhere).waitFor();
      await b.page.getByRole('definition').getByText('Marseille').waitFor();
      await b.widget.restoreSetAside('Lyon');
      await b.page.getByRole('definition').getByText('Lyon').waitFor();
      assert.equal(await b.page.getByText(b.widget.l.replacedElsewhere).count(), 0, 'said, then done');
      const draft = await b.widget.storedDraft();
      assert.equal(draft.commune, 'Lyon');
      assert.deepEqual(draft.ticked, ['1.1', '9.3']);
      // And tab A, whose answers B just replaced, hears of it in turn.
      await a.page.getByText(a.widget.l.replacedElsewhere).waitFor();
      await a.page.getByRole('definition').getByText('Lyon').waitFor();
    });

    it('two tabs: a tab at the sign step whose answers another tab replaced is taken back to the summary', async () => {
      // Tab B, one click from signing its own answers.
      const b = await newWidget();
      await b.widget.reachSigning({ name: 'Camille Dupont', commune: 'Lyon' });
      const a = await newWidget();
      await a.page.goto(`${env.url}${carried(record({ step: 'sign', ticked: STRANGERS, name: 'Camille Dupont', commune: 'Marseille' }))}`);
      await a.widget.answerArrival({ replace: true });
      // B now holds the received answers: it shows them whole (the summary),
      // not a sign step with them folded behind a count.
      await b.page.getByText(b.widget.l.replacedElsewhere).waitFor();
      await b.widget.waitForHeading(b.widget.l.summary);
      await b.page.getByText('3 engagements sur 20').first().waitFor();
      assert.equal(await b.widget.button(b.widget.l.signButton).count(), 0);
    });

    it('a broken #d= link says it could not be read and changes nothing', async () => {
      const { page, widget } = await newWidget();
      await widget.open();
      await widget.fillToSummary({ name: 'Camille Dupont', commune: 'Lyon' });
      const mine = await storage(page);
      for (const fragment of [
        '#d=not*base64!',
        // Reads as a record, but of no commitment this campaign has.
        carried(record({ step: 'summary', ticked: ['99.9'], name: 'X', commune: 'Marseille' })),
      ]) {
        await followStrangersLink(page, fragment);
        await page.getByText(widget.l.carriedUnreadable).waitFor();
        await widget.waitForHeading(widget.l.summary);
        await page.getByRole('definition').getByText('Lyon').waitFor();
        assert.equal(await page.getByText(widget.l.arrivalQuestion).count(), 0);
        assert.ok(!page.url().includes('#d='), page.url());
        assert.deepEqual(await storage(page), mine);
      }
    });
  });
}
