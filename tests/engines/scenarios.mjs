// The scenarios every engine runs (tests/engines/engines.test.mjs). Its
// flows (a session, the journey, drawing) also drive bench/engines.mjs.
import { it as nodeIt } from 'node:test';
import { trace } from './drivers.mjs';

/** Each scenario fails on its own after three minutes (a whole engine takes
 * about one): a hang costs one scenario, never the rest of the run. */
const it = (name, fn) => nodeIt(name, { timeout: 180000 }, fn);
import assert from 'node:assert/strict';
import { generateKeyPairSync, randomBytes, sign as nodeSign } from 'node:crypto';

import jsQR from 'jsqr';
import { PNG } from 'pngjs';

import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

import { GOLDEN, GOLDEN_LIST, GOLDEN_SHARDS, longList } from '../e2e/golden.mjs';
import { serveStatic } from '../e2e/server.mjs';
import { LABELS } from '../e2e/widget-page.mjs';
import { EnginePage } from './page.mjs';

const L = LABELS.fr;
const PHONE = [360, 740];
const DESKTOP = [1280, 900];
const FINGERPRINT = /[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}/;
const FORMATS = [
  [/^Publication/, 1200, 630, '1200x630'],
  [/^Carré/, 1080, 1080, '1080x1080'],
  [/^Story/, 1080, 1920, '1080x1920'],
];

/** The link with one character of its payload changed. */
export function alter(link, at = 30) {
  const i = link.indexOf('#e=') + 3 + at;
  return link.slice(0, i) + (link[i] === 'A' ? 'B' : 'A') + link.slice(i + 1);
}

/** The link cut by at least 12 characters, its payload a whole number of
 * base64 quanta. */
function cut(link) {
  const payload = link.split('#e=')[1].length;
  return link.slice(0, -(12 + (payload % 4)));
}

/** A fresh session (a fresh profile) at `size`. */
export async function newPage(ctx, [width, height] = PHONE) {
  const driver = await ctx.driver.newSession();
  const p = new EnginePage(driver, ctx.engine);
  ctx.pages.push(p);
  const got = await p.size(width, height);
  return { p, viewport: got };
}

export async function open(p, url) {
  await p.goto(url);
  await p.mounted();
}

/** Welcome screen → two commitments (reload midway, when asked) → summary. */
export async function fillToSummary(p, { name = 'Camille Dupont', commune = 'Saint-Étienne', reload = false } = {}) {
  await p.heading(L.title);
  await p.press(L.start);
  await p.text('Proposition 1 sur 10', { exact: true });
  await p.check(L.firstCommitment);
  await p.click(await p.role('button', L.jumpButton(9)));
  await p.text('Proposition 9 sur 10', { exact: true });
  await p.check(L.electedCommitment);
  if (reload) {
    await p.reload();
    await p.mounted();
    // The step and both answers are kept.
    await p.text('Proposition 9 sur 10', { exact: true });
    assert.equal(await p.isChecked(await p.role('checkbox', L.electedCommitment)), true, 'kept after a reload');
    await p.click(await p.role('button', L.jumpButton(1)));
    await p.text('Proposition 1 sur 10', { exact: true });
    assert.equal(await p.isChecked(await p.role('checkbox', L.firstCommitment)), true, 'kept after a reload');
  }
  await p.click(await p.role('button', L.jumpButton(10)));
  await p.text('Proposition 10 sur 10', { exact: true });
  await p.press(L.next);
  await p.fill(L.name, name);
  await p.fillCommune(L.commune, commune);
  await p.press(L.toSummary);
  await p.heading(L.summary);
}

async function reachSigning(p, identity) {
  await fillToSummary(p, identity);
  await p.press(L.toSign);
  await p.heading(L.signHeading);
  await p.button(L.signButton);
  // The widget moves focus to the step's heading a frame later (and again
  // when the full build takes over): drawing before that could race it.
  await p.stepFocused();
}

/** Draws a wavy stroke on the signature pad with the pointer. */
export async function drawSignature(p) {
  const pad = await p.role('img', L.pad);
  await p.exec("arguments[0].scrollIntoView({ block: 'center' })", pad);
  const { w, h } = await p.exec('const r = arguments[0].getBoundingClientRect(); return { w: r.width, h: r.height }', pad);
  let actions = p.driver.actions({ async: true });
  const at = (i) => ({
    origin: pad,
    x: Math.round(-w / 2 + 15 + (i * (w - 30)) / 30),
    y: Math.round(Math.sin(i / 2) * h * 0.3),
  });
  actions = actions.move(at(0)).press();
  for (let i = 1; i <= 30; i += 1) actions = actions.move({ ...at(i), duration: 10 });
  await actions.release().perform();
  await p.until(async () => !(await p.exec('return arguments[0].disabled', await p.button(L.clearPad))), 'the stroke to reach the pad');
}

async function sign(p) {
  await p.press(L.signButton);
  await p.heading(L.signedHeading);
  return p.value(await p.role('textbox', L.link, { exact: false }));
}

async function fingerprintOf(p) {
  return (await p.textOf(await p.text(/^Empreinte de votre clé : /))).match(FINGERPRINT)[0];
}

/** Keeps every Blob the page makes a URL for (the card's download link is
 * one): the page's policy refuses fetch() of blob: URLs (connect-src), so
 * the test reads the Blob itself. */
async function keepBlobs(p) {
  await p.exec(`
    if (window.__pwBlobs) return;
    window.__pwBlobs = new Map();
    const make = URL.createObjectURL;
    URL.createObjectURL = function (blob) {
      const url = make.call(URL, blob);
      window.__pwBlobs.set(url, blob);
      return url;
    };`);
}

/** The bytes of the Blob behind a blob: URL the page made. */
async function bytesOf(p, url) {
  const b64 = await p.run(
    `const blob = window.__pwBlobs.get(args[0]);
     if (!blob) throw new Error('no Blob kept for ' + args[0]);
     return await new Promise((ok, fail) => {
       const r = new FileReader();
       r.onload = () => ok(r.result.split(',')[1]);
       r.onerror = () => fail(r.error);
       r.readAsDataURL(blob);
     });`,
    url,
  );
  return Buffer.from(b64, 'base64');
}

/** The widget's frame in the partner's page, read from both sides: its
 * height there (the loader sets it), then, inside it (another origin: its
 * document is not readable from the partner's page), the height of the
 * widget and of the document. Leaves the driver in the frame. */
async function frameFit(p, n = 0) {
  await p.top();
  const frame = await p.exec("return document.querySelectorAll('iframe')[arguments[0]].clientHeight", n);
  await p.intoFrame(n);
  const inside = await p.exec(`
    const root = document.querySelector('#pledge-widget > .pw-widget');
    return {
      content: root ? Math.ceil(root.getBoundingClientRect().bottom + scrollY) : 0,
      viewport: document.documentElement.clientHeight,
      scroll: document.documentElement.scrollHeight,
    };`);
  return { frame, ...inside };
}

/** Waits until the frame is as tall as its content (within 4 px), shows
 * no inner scroll bar, and holds still for two readings; resolves to its
 * height. */
async function untilFits(p, label, n = 0) {
  let fit;
  let last;
  try {
    await p.until(async () => {
      const before = last;
      fit = await frameFit(p, n);
      last = JSON.stringify(fit);
      return Math.abs(fit.content - fit.frame) <= 4 && fit.scroll <= fit.frame + 1 && last === before;
    }, `${label}: the frame to fit its content`);
  } catch (e) {
    e.message += ` (last reading: ${JSON.stringify(fit)})`;
    throw e;
  }
  return fit.frame;
}

export function scenarios(ctx) {
  const { env, facts } = ctx;

  for (const [label, size] of [['at 360 px', PHONE], ['at desktop size', DESKTOP]]) {
    it(`the journey ${label}, with a reload midway: answers and step kept`, async () => {
      const { p, viewport } = await newPage(ctx, size);
      facts[`viewport ${label}`] = viewport.join('×');
      await open(p, env.url);
      assert.equal(await p.exec('return document.documentElement.lang'), 'fr', 'the visitor reads French');
      await fillToSummary(p, { reload: true });
      await p.text('2 engagements sur 20');
      assert.equal(await p.scrollsSideways(), false, 'no sideways scroll');
    });
  }

  let signed;
  it('signs with a drawn signature; the link verifies in a fresh profile; an altered link is refused', async () => {
    const { p } = await newPage(ctx);
    await open(p, env.url);
    await reachSigning(p);
    await drawSignature(p);
    const link = await sign(p);
    assert.match(link, /^http:\/\/127\.0\.0\.1:\d+\/#e=[A-Za-z0-9_-]+$/);
    const fingerprint = await fingerprintOf(p);
    signed = { link, fingerprint };

    // The clipboard: copied, or the widget says to copy by hand.
    await p.press('Copier le lien');
    const copied = await p.until(
      async () => ((await p.hasText('Lien copié.')) && 'copied') || ((await p.hasText('La copie automatique a été refusée')) && 'refused, said'),
      'the copy to answer',
    );
    facts.clipboardWriteText = copied;

    const { p: visitor } = await newPage(ctx);
    await open(visitor, link);
    await visitor.heading('Engagement signé');
    await visitor.text(L.valid, { exact: true });
    await visitor.text(`Le contenu est intact, signé par la clé ${fingerprint}.`);
    await visitor.role('heading', 'Camille Dupont');
    await visitor.role('img', L.pad);
    assert.equal(await visitor.exec('return localStorage.length'), 0, 'opening a link stores nothing');

    for (const [bad, reason] of [
      [alter(link, 30), 'le lien a été modifié après la signature'],
      // Cut to a whole base64 quantum: a cut that leaves stray bits in the
      // last character reads as « des caractères qui ne peuvent pas venir
      // … » instead (the same in every engine).
      [cut(link), 'Le lien est incomplet'],
    ]) {
      await visitor.goto('about:blank');
      await open(visitor, bad);
      await visitor.text(L.invalid);
      await visitor.text(reason);
      assert.equal(await visitor.hasText(L.valid, { exact: true }), false);
      assert.equal(await visitor.hasText('Camille Dupont'), false);
    }
  });

  it('verifies every golden link (WebCrypto Ed25519 or the Rust fallback)', async () => {
    const { p } = await newPage(ctx);
    for (const [name, link] of GOLDEN) {
      await p.goto('about:blank');
      await open(p, `${env.url}#${link.split('#')[1]}`);
      await p.until(() => p.hasText(L.valid, { exact: true }), `${name}: « Signature valide »`);
    }
    facts.webCryptoEd25519 = await p.run(`
      try {
        await crypto.subtle.importKey('raw', new Uint8Array(32).fill(1), { name: 'Ed25519' }, false, ['verify']);
        return 'yes';
      } catch (e) { return 'no: ' + e.name; }`);
  });

  // The widget verifies links with WebCrypto (src/web/verify.rs): an
  // engine that says « false » for a good signature would show an honest
  // candidate's link as invalid. Keys and signatures with leading zero
  // bytes included (WebKit's generateKey trips on those; the widget makes
  // its keys in Rust and never calls generateKey).
  it('WebCrypto Ed25519 verify agrees with Node on 2,000 random signatures', async () => {
    trace(`${ctx.engine}: 2,000 signatures: a page`);
    const { p } = await newPage(ctx);
    await open(p, env.url);
    trace(`${ctx.engine}: 2,000 signatures: signing in Node`);
    const items = [];
    for (let i = 0; i < 2000; i += 1) {
      const { publicKey, privateKey } = generateKeyPairSync('ed25519');
      const raw = Buffer.from(publicKey.export({ format: 'jwk' }).x, 'base64url');
      const message = randomBytes(40 + (i % 200));
      const signature = nodeSign(null, message, privateKey);
      items.push([raw.toString('base64'), message.toString('base64'), signature.toString('base64')]);
    }
    trace(`${ctx.engine}: 2,000 signatures: checking in the page`);
    // In batches of 250: WebDriver bodies stay small.
    const result = { refused: 0, failed: 0 };
    for (let at = 0; at < items.length; at += 250) {
      const batch = await p.run(
      `const b = (s) => Uint8Array.from(atob(s), (c) => c.charCodeAt(0));
       let refused = 0, failed = 0;
       for (const [k, m, s] of args[0]) {
         try {
           const key = await crypto.subtle.importKey('raw', b(k), { name: 'Ed25519' }, false, ['verify']);
           if (!(await crypto.subtle.verify({ name: 'Ed25519' }, key, b(s), b(m)))) refused += 1;
         } catch (e) { failed += 1; }
       }
       return { refused, failed };`,
      items.slice(at, at + 250),
      );
      result.refused += batch.refused;
      result.failed += batch.failed;
    }
    facts.webCryptoVerifyOf2000 = result;
    assert.equal(result.refused + result.failed, 0, `good signatures refused: ${JSON.stringify(result)}`);
  });

  it('makes the card in each format: a PNG of the right size whose QR code opens the link', async () => {
    assert.ok(signed, 'the signing scenario signed');
    const { p } = await newPage(ctx);
    await open(p, signed.link);
    await p.text(L.valid, { exact: true });
    await keepBlobs(p);
    await p.press(L.showImage);
    for (const [name, w, h, key] of FORMATS) {
      const radio = await p.role('radio', name, { exact: false });
      await p.click((await p.exec('return arguments[0].labels[0]', radio)) ?? radio);
      await p.until(() => p.isChecked(radio), `${key} chosen`);
      await p.until(
        () => p.exec(`const i = document.querySelector('.pw-card__preview'); return i && i.naturalWidth === ${w} && i.naturalHeight === ${h}`),
        `the ${key} preview`,
      );
      const download = await p.role('link', 'Télécharger');
      const [href, file] = await p.exec("return [arguments[0].href, arguments[0].getAttribute('download')]", download);
      assert.match(file, new RegExp(`^engagement-camille-dupont-${key}\\.png$`));
      const bytes = await bytesOf(p, href);
      const png = PNG.sync.read(bytes);
      assert.deepEqual([png.width, png.height], [w, h], key);
      const qr = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
      assert.equal(qr?.data, signed.link, `${key}: the QR code opens the link`);
    }
    facts.shareFiles = (await p.count('button', 'Partager')) > 0 ? 'offered' : 'not offered (no canShare files)';
    facts.copyImage = (await p.count('button', "Copier l'image")) > 0 ? 'offered' : 'not offered';
  });

  // A partner's page on another site (localhost) frames the widget
  // (127.0.0.1): what the engine does with the frame's storage, and what
  // the widget says about it.
  it("a partner's frame: storage refused or kept apart, and said", async () => {
    const partner = await serveStatic(fileURLToPath(new URL('../../examples/', import.meta.url)), {
      host: 'localhost',
      rewrite: (_, html) => html.replaceAll('http://127.0.0.1:8080/', env.url),
    });
    let p;
    try {
      ({ p } = await newPage(ctx, DESKTOP));
      await p.goto(`${partner.url}partner.html`);
      await p.intoFrame(0);
      await p.heading(L.title);
      facts.frameStorage = await p.run(`
        let local;
        try { localStorage.setItem('pw-probe', '1'); localStorage.removeItem('pw-probe'); local = 'works'; }
        catch (e) { local = 'refused (' + e.name + ')'; }
        const access = document.hasStorageAccess ? String(await document.hasStorageAccess()) : 'no hasStorageAccess';
        return { localStorage: local, hasStorageAccess: access, navigatorStorage: !!navigator.storage };`);
      await p.press(L.start);
      await p.check(L.firstCommitment);
      await p.click(await p.role('button', L.jumpButton(3)));
      const said = await p.until(
        async () =>
          ((await p.hasText('Sur ce site, votre navigateur garde vos réponses à part')) && 'kept apart, said') ||
          ((await p.count('link', 'Ouvrir le widget dans un onglet pour garder vos réponses')) && 'refused, the widget page offered'),
        'the widget to say what becomes of the answers',
      );
      facts.frameSays = said;
      await p.collectCsp();
      assert.deepEqual(p.csp, [], 'no policy violation in the frame');
    } finally {
      // The browser first: the server waits for its connections to end.
      if (p) {
        ctx.pages.splice(ctx.pages.indexOf(p), 1);
        await p.top().catch(() => {});
        await p.collectCsp();
        await ctx.driver.endSession(p.driver);
        assert.deepEqual(p.csp, [], 'no policy violation in the partner page');
      }
      await partner.close();
    }
  });

  // The partner's snippet, the whole way: the frame keeps the height of
  // its content, the candidate answers in it, signs in the widget's own
  // page (a tab the frame opens: one key, whatever the site) and the frame
  // then shows the signed pledge.
  it("a partner's frame follows its content; signing goes through the widget's tab and comes back", async () => {
    const partner = await serveStatic(fileURLToPath(new URL('../../examples/', import.meta.url)), {
      host: 'localhost',
      rewrite: (_, html) => html.replaceAll('http://127.0.0.1:8080/', env.url),
    });
    let p;
    try {
      ({ p } = await newPage(ctx, DESKTOP));
      await p.goto(`${partner.url}partner.html`);
      const partnerWindow = await p.window();
      await p.intoFrame(0);
      await p.heading(L.title);
      const heights = { welcome: await untilFits(p, 'welcome') };

      await p.press(L.start);
      await p.text('Proposition 1 sur 10', { exact: true });
      heights.proposal = await untilFits(p, 'proposal 1');
      await p.check(L.firstCommitment);
      await p.click(await p.role('button', L.jumpButton(9)));
      await p.text('Proposition 9 sur 10', { exact: true });
      await p.check(L.electedCommitment);
      await p.click(await p.role('button', L.jumpButton(10)));
      await p.text('Proposition 10 sur 10', { exact: true });
      await p.press(L.next);
      await p.heading("Qui s'engage ?");
      // Focus moves to the new step's heading at the frame's next animation
      // frame, which WebKit may give late: type once it has (WebKit once
      // kept « Cam » and sent the rest after the focus).
      await p.stepFocused();
      await p.fill(L.name, 'Camille Dupont');
      await p.fillCommune(L.commune, 'Saint-Étienne');
      heights.identity = await untilFits(p, 'identity');
      await p.press(L.toSummary);
      await p.heading(L.summary);
      await p.text('2 engagements sur 20');
      heights.summary = await untilFits(p, 'summary');
      assert.notEqual(heights.proposal, heights.welcome, 'the frame changed height from the welcome screen to a proposal');
      assert.notEqual(heights.summary, heights.welcome, 'the frame changed height from the welcome screen to the summary');

      // The sign step in a frame: the widget's own page, in a tab.
      await p.press(L.toSign);
      await p.heading(L.signHeading);
      heights.signInTab = await untilFits(p, 'sign in a tab');
      assert.equal(await p.count('button', L.signButton), 0, 'no signing inside the frame');
      const open = await p.role('link', 'Signer sur la page du widget');
      assert.deepEqual(
        await p.exec("return [arguments[0].target, arguments[0].rel, new URL(arguments[0].href).pathname]", open),
        ['_blank', 'opener', '/signer.html'],
      );
      const known = await p.windows();
      await p.click(open);
      await p.text("Terminez dans l'onglet ouvert.");
      await p.intoNewWindow(known);
      facts.partnerFrameTabOpensAt = (await p.exec('return [innerWidth, innerHeight]')).join('×');

      // The tab lands on the summary, the answers to be checked, the
      // address's fragment (the answers) cleared.
      await p.heading(L.summary);
      await p.text(L.fromElsewhere);
      await p.text('2 engagements sur 20');
      await p.text('Camille Dupont');
      assert.match(await p.driver.getCurrentUrl(), /^http:\/\/127\.0\.0\.1:\d+\/signer\.html$/, 'the hand-over page, its fragment cleared');
      await p.press(L.toSign);
      await p.heading(L.signHeading);
      await p.button(L.signButton);
      // The full build took over and focuses the heading, scrolling to it:
      // draw once it has (WebKit once had the pad scrolled away under the
      // pointer).
      await p.stepFocused();
      await drawSignature(p);
      const link = await sign(p);
      // The link opens the widget's own page, with no frame or partner option.
      assert.equal(link.split('#')[0], env.url, link);
      const fingerprint = await fingerprintOf(p);
      await p.collectCsp();

      // Back to the partner's page: the frame heard from the tab and shows
      // the signed pledge, signed by the tab's key.
      await p.intoWindow(partnerWindow);
      await p.intoFrame(0);
      await p.text(L.valid, { exact: true });
      const said = await p.textOf(await p.text(/^Le contenu est intact, signé par la clé /));
      assert.equal(said.match(FINGERPRINT)?.[0], fingerprint, 'one key: the frame shows the fingerprint the tab signed with');
      // The drawn signature came along.
      await p.role('img', L.pad);
      heights.signed = await untilFits(p, 'the signed pledge');
      facts.partnerFrameHeights = Object.entries(heights).map(([step, h]) => `${step} ${h}`).join(', ');
      await p.collectCsp();
    } finally {
      // The browser first: the server waits for its connections to end.
      if (p) {
        ctx.pages.splice(ctx.pages.indexOf(p), 1);
        await p.top().catch(() => {});
        await p.collectCsp();
        await ctx.driver.endSession(p.driver);
        assert.deepEqual(p.csp, [], 'no policy violation in the partner page, the frame or the tab');
      }
      await partner.close();
    }
  });

  it("the wall with the TEST organiser's list: totals, « st etienne », an altered list refused, a commune's own file", async () => {
    env.extra['/engagements.json'] = GOLDEN_LIST;
    try {
      const { p } = await newPage(ctx);
      await open(p, `${env.url}?mur`);
      await p.heading("Qui s'est engagé à quoi");
      // Verified only by default: one candidate, one commune.
      await p.until(async () => {
        const figures = await p.exec("return document.querySelector('.pw-wall__figures')?.textContent ?? ''");
        return /^1 candidat·es\s*1 communes$/.test(figures.trim());
      }, 'the totals « 1 candidat·es, 1 communes »');
      // Search forgives accents, case, hyphens and Saint/St.
      // With the pledges awaiting verification: the list's second pledge,
      // Camille Dupont's, in Saint-Étienne (its third is withdrawn).
      await p.check('Compter aussi les engagements en attente de vérification');
      await p.until(async () => {
        const figures = await p.exec("return document.querySelector('.pw-wall__figures')?.textContent ?? ''");
        return /^2 candidat·es\s*2 communes$/.test(figures.trim());
      }, 'the totals « 2 candidat·es, 2 communes »');
      await p.text('Engagements retirés, non comptés : 1');
      await p.fill('Rechercher une commune, un nom ou une liste', 'st etienne', 'searchbox');
      await p.until(async () => (await p.exec("return document.querySelectorAll('.pw-wall-entry').length")) === 1, 'one entry');
      assert.match(await p.exec("return document.querySelector('.pw-wall-entry').textContent"), /Camille Dupont/);
      await p.fill('Rechercher une commune, un nom ou une liste', 'paris', 'searchbox');
      await p.text('Aucun engagement ne correspond à « paris ».');

      // One character of the signed list changed: refused, said, nothing shown.
      const json = JSON.parse(GOLDEN_LIST);
      const i = 60;
      json.list = json.list.slice(0, i) + (json.list[i] === 'A' ? 'B' : 'A') + json.list.slice(i + 1);
      env.extra['/engagements.json'] = JSON.stringify(json);
      await p.reload();
      await p.mounted();
      await p.text('la liste a été modifiée après sa signature.');
      assert.equal(await p.exec("return document.querySelectorAll('.pw-wall-entry').length"), 0);

      // A list over 64 KiB: the wall and a pledge link's page accept it
      // (WebKitGTK's WebCrypto refuses long messages: checked in Rust).
      const long = longList(500);
      facts.longListBytes = Buffer.from(JSON.parse(long).list, 'base64url').length;
      env.extra['/engagements.json'] = long;
      await p.reload();
      await p.mounted();
      await p.until(async () => {
        const figures = await p.exec("return document.querySelector('.pw-wall__figures')?.textContent ?? ''");
        return /^1 candidat·es\s*1 communes$/.test(figures.trim());
      }, 'the long list’s totals « 1 candidat·es, 1 communes »');
      await p.goto('about:blank');
      await open(p, `${env.url}#${GOLDEN[0][1].split('#')[1]}`);
      await p.text('Engagement vérifié par Coorace (TEST) le');

      // One commune's wall by its code, from a publication for the whole
      // country: the commune build, the signed index and the commune's own
      // file only, checked by this engine's WebCrypto.
      delete env.extra['/engagements.json'];
      for (const [path, text] of GOLDEN_SHARDS) env.extra[`/${path}`] = text;
      await p.goto('about:blank');
      await open(p, `${env.url}?mur&commune=42218`);
      await p.until(async () => {
        const figures = await p.exec("return document.querySelector('.pw-wall__figures')?.textContent ?? ''");
        return /^1 candidat·es\s*1 communes$/.test(figures.trim());
      }, 'the commune’s totals « 1 candidat·es, 1 communes »');
      await p.text('Camille Dupont');
      const read = await p.exec("return performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname)");
      assert.ok(read.includes('/engagements/communes/42218.json'), read.join(' '));
      assert.ok(!read.includes('/engagements/42.json'), read.join(' '));
      assert.ok(read.some((r) => /\/pledge-commune-[0-9a-f]+_bg\.wasm$/.test(r)), read.join(' '));
      assert.ok(!read.some((r) => /\/pledge-wall-/.test(r)), read.join(' '));
      // The publication's sequence it remembered is this origin's: forgot,
      // for the scenarios after this one.
      await p.exec('localStorage.clear(); return true');
    } finally {
      delete env.extra['/engagements.json'];
      for (const [path] of GOLDEN_SHARDS) delete env.extra[`/${path}`];
    }
  });

  // Where the engine runs service workers under automation, the widget
  // opens, starts and verifies a link with the network down; where it does
  // not, that is recorded (an engine fact) and the widget still works.
  it('reopens with the network down, from its service worker (where the engine runs one)', async () => {
    const { p } = await newPage(ctx);
    await open(p, env.url);
    const support = await p.run(`
      if (!('serviceWorker' in navigator)) return 'none';
      const deadline = Date.now() + 20000;
      await Promise.race([navigator.serviceWorker.ready, new Promise((r) => setTimeout(r, 20000))]);
      while (!navigator.serviceWorker.controller && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
      return navigator.serviceWorker.controller ? 'controls the page' : 'registered, never in control';`);
    facts.serviceWorker = support;
    if (support !== 'controls the page') {
      // No service worker here: the widget works without one.
      await p.press(L.start);
      await p.text('Proposition 1 sur 10', { exact: true });
      assert.notEqual(ctx.engine, 'chromium', 'Chromium runs service workers');
      return;
    }
    // Starting the journey caches the three builds and the fonts.
    await p.press(L.start);
    await p.text('Proposition 1 sur 10', { exact: true });
    await p.until(
      () =>
        p.run(`
          const keys = await caches.keys();
          const files = [];
          for (const k of keys) for (const r of await (await caches.open(k)).keys()) files.push(new URL(r.url).pathname);
          return ['pledge-journey-', 'pledge-widget-', 'pledge-verify-'].every((b) => files.some((f) => f.includes(b) && f.endsWith('.wasm')))
            && files.filter((f) => f.endsWith('.woff2')).length === 4;`),
      'every build cached',
      60000,
    );
    env.server.setOffline(true);
    try {
      // Opened again, as a person would from a bookmark.
      await p.goto('about:blank');
      await p.goto(env.url);
      await p.mounted();
      await p.text('Proposition 1 sur 10', { exact: true });
      // A pledge link opens offline too (the verify build), and verifies.
      await p.goto('about:blank');
      await p.goto(`${env.url}#${GOLDEN[0][1].split('#')[1]}`);
      await p.mounted();
      await p.text('Signature valide', { exact: true });
    } finally {
      env.server.setOffline(false);
    }
  });
}
