// The shareable card: images, QR code, share paths and print, end to end.
import { describe, it, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';

import jsQR from 'jsqr';
import { PNG } from 'pngjs';

import { phoneContext } from './browser.mjs';
import { WidgetPage } from './widget-page.mjs';

const FORMATS = [
  ['1200x630', 1200, 630],
  ['1080x1080', 1080, 1080],
  ['1080x1920', 1080, 1920],
];
const BUDGET = 150 * 1024;

/** Downloads the card in the chosen format; returns its bytes and name. */
async function downloadCard(page, key) {
  await page.locator(`#pw-card-format-${key}`).check();
  await page.locator('.pw-card__preview').waitFor();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Télécharger' }).click(),
  ]);
  return { bytes: await readFile(await download.path()), name: download.suggestedFilename() };
}

function decodeQr(bytes) {
  const png = PNG.sync.read(bytes);
  const code = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
  return { png, text: code?.data };
}

export function cardSuite(env) {
  describe('the shareable card', () => {
    let context;
    let page;
    let widget;
    let errors;

    async function open(options = {}, init) {
      context = await phoneContext(env.browser, { acceptDownloads: true, ...options });
      page = await context.newPage();
      if (init) await page.addInitScript(init);
      errors = [];
      page.on('pageerror', (e) => errors.push(e.message));
      widget = new WidgetPage(page, env.url);
    }

    afterEach(async () => {
      await context?.close();
      context = undefined;
      assert.deepEqual(errors, [], 'no uncaught error in the page');
    });

    it('downloads each format at its size, within budget, with a QR code that opens the link', async () => {
      await open();
      await widget.reachSigning({ name: 'Marie-Hélène Łukasiewicz', commune: 'Saint-Étienne' });
      await widget.drawSignature();
      const link = await widget.sign();
      env.figures.cardBytes = {};
      for (const [key, w, h] of FORMATS) {
        const { bytes, name } = await downloadCard(page, key);
        assert.equal(name, `engagement-marie-helene-ukasiewicz-${key}.png`);
        const { png, text } = decodeQr(bytes);
        assert.deepEqual([png.width, png.height], [w, h]);
        assert.ok(bytes.length <= BUDGET, `${key}: ${bytes.length} bytes`);
        assert.equal(text, link, `${key}: the QR code opens the verification link`);
        env.figures.cardBytes[key] = bytes.length;
      }
      // The preview carries a text alternative with the chart's figures.
      const alt = await page.locator('.pw-card__preview').getAttribute('alt');
      assert.match(alt, /Marie-Hélène Łukasiewicz.*2 engagements sur 20.*Clauses d'insertion 1 sur 2/);
    });

    it('keeps an empty pledge and a 4 KB name within the card and the budget', async () => {
      await open();
      // An identity past the limit cannot be signed; the longest allowed is.
      await widget.open();
      await widget.start();
      await widget.jumpTo(10);
      await widget.next();
      await widget.field(/Nom et prénom/).fill('🙂'.repeat(40) + ' مرحبا ' + 'W'.repeat(30));
      await widget.fillCommune('東京都 '.repeat(19));
      await widget.field(/Nom de la liste/).fill('L'.repeat(120));
      await widget.button('Voir le récapitulatif').click();
      await widget.button('Signer').click();
      const link = await widget.sign();
      for (const [key, w, h] of FORMATS) {
        const { bytes } = await downloadCard(page, key);
        const { png, text } = decodeQr(bytes);
        assert.deepEqual([png.width, png.height], [w, h]);
        assert.ok(bytes.length <= BUDGET, `${key}: ${bytes.length}`);
        assert.equal(text, link);
        if (key === '1080x1080') env.figures.emptyCardBytes = bytes.length;
      }
    });

    it('offers share links that carry the text, the hashtag and the link', async () => {
      await open();
      await widget.reachSigning();
      const link = await widget.sign();
      const enc = encodeURIComponent(link);
      const href = async (name) => page.getByRole('link', { name, exact: true }).getAttribute('href');
      assert.equal(await href('Facebook'), `https://www.facebook.com/sharer/sharer.php?u=${enc}`);
      assert.equal(await href('LinkedIn'), `https://www.linkedin.com/sharing/share-offsite/?url=${enc}`);
      const x = new URL(await href('X'));
      assert.equal(x.origin + x.pathname, 'https://x.com/intent/tweet');
      assert.equal(x.searchParams.get('url'), link);
      assert.match(x.searchParams.get('text'), /#Municipales2020/);
      for (const name of ['WhatsApp', 'Bluesky']) {
        const text = new URL(await href(name)).searchParams.get('text');
        assert.ok(text.endsWith(` ${link}`), name);
        assert.match(text, /2 engagements sur 20/);
      }
      const mail = await href('E-mail');
      assert.ok(mail.startsWith('mailto:?subject='));
      assert.ok(decodeURIComponent(mail).includes(link));

      // Mastodon asks for the instance and refuses what is not a host name.
      const popups = [];
      context.on('page', (p) => popups.push(p));
      await context.route('https://piaille.fr/**', (route) => route.fulfill({ body: 'ok' }));
      await page.getByRole('textbox', { name: 'Votre instance Mastodon' }).fill('javascript:alert(1)');
      await widget.button('Partager sur Mastodon').click();
      await page.getByText('Indiquez le nom de votre instance').waitFor();
      await page.getByRole('textbox', { name: 'Votre instance Mastodon' }).fill('@moi@piaille.fr');
      await Promise.all([context.waitForEvent('page'), widget.button('Partager sur Mastodon').click()]);
      await popups[0].waitForLoadState();
      const target = new URL(popups[0].url());
      assert.equal(target.host, 'piaille.fr');
      assert.ok(target.searchParams.get('text').endsWith(link));
    });

    it('uses the Web Share API with the PNG where the browser can share files', async () => {
      await open({}, () => {
        window.__shared = [];
        navigator.canShare = (data) => Array.isArray(data?.files) && data.files.length > 0;
        navigator.share = async (data) => {
          window.__shared.push({
            text: data.text,
            url: data.url,
            files: data.files.map((f) => ({ name: f.name, type: f.type, size: f.size })),
          });
        };
      });
      await widget.reachSigning();
      const link = await widget.sign();
      await page.locator('.pw-card__preview').waitFor();
      await widget.button('Partager').click();
      await page.getByText('Partagé.').waitFor();
      const [shared] = await page.evaluate(() => window.__shared);
      assert.equal(shared.url, link);
      assert.match(shared.text, /#Municipales2020/);
      assert.equal(shared.files[0].type, 'image/png');
      assert.match(shared.files[0].name, /^engagement-camille-dupont-1200x630\.png$/);
      assert.ok(shared.files[0].size > 1000);
    });

    it('falls back to download, copy and share links where files cannot be shared', async () => {
      await open({ permissions: ['clipboard-read', 'clipboard-write'] }, () => {
        navigator.canShare = () => false;
      });
      await widget.reachSigning();
      await widget.sign();
      await page.locator('.pw-card__preview').waitFor();
      assert.equal(await widget.button('Partager').count(), 0);
      await widget.button("Copier l'image").click();
      await page.getByText('Image copiée.').waitFor();
      const types = await page.evaluate(async () => (await navigator.clipboard.read())[0].types);
      assert.deepEqual(types, ['image/png']);
    });

    it('says so when copying the image is refused', async () => {
      await open({}, () => {
        navigator.canShare = () => false;
        navigator.clipboard.write = () => Promise.reject(new DOMException('denied', 'NotAllowedError'));
      });
      await widget.reachSigning();
      await widget.sign();
      await page.locator('.pw-card__preview').waitFor();
      await widget.button("Copier l'image").click();
      await page.getByText("La copie d'image n'est pas permise ici : téléchargez l'image.").waitFor();
    });

    it('shows the card in the verification view, with a QR code of that link', async () => {
      await open();
      await widget.reachSigning();
      const link = await widget.sign();
      const visitor = await phoneContext(env.browser, { acceptDownloads: true });
      const p = await visitor.newPage();
      await p.goto(link);
      await p.getByText('Signature valide', { exact: true }).waitFor();
      await new WidgetPage(p, env.url).showCard();
      const { bytes } = await downloadCard(p, '1080x1080');
      assert.equal(decodeQr(bytes).text, link);
      await visitor.close();
    });

    it('prints the signed pledge as a one-page A4 charter', async () => {
      await open();
      await widget.reachSigning();
      await widget.drawSignature();
      await widget.sign();
      await page.emulateMedia({ media: 'print' });
      const charter = page.locator('.pw-print');
      assert.ok(await charter.isVisible());
      const text = await charter.innerText();
      assert.match(text, /Charte d'engagement/);
      assert.match(text, /Camille Dupont/);
      assert.match(text, /Je m'engage à généraliser/);
      assert.doesNotMatch(text, /Je m'engage à renforcer le dialogue/, 'only commitments taken');
      assert.equal(await charter.locator('svg.pw-print__qr path').count(), 1);
      assert.equal(await page.locator('.pw-card').isVisible(), false);
      const pdf = await page.pdf({ format: 'A4', printBackground: true });
      const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? [];
      assert.equal(pages.length, 1, 'one A4 page');
    });
  });
}
