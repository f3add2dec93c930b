// The welcome screen in the HTML: at release build time, the built page is
// opened in headless Chromium, once per language, and the welcome screen
// the app mounts is copied into index.html. One source of truth: the
// markup is what the components render (an e2e test checks it is still
// what they render). Run by scripts/externalize-boot.mjs; the prepaint
// script (assets/prepaint.js) picks the variant to show before first
// paint, and the app replaces it when it starts (no hydration).
import { launchChromium } from '../tests/e2e/browser.mjs';
import { serveStatic } from '../tests/e2e/server.mjs';

export const VARIANTS = [
  ['fr', 'fr-FR'],
  ['en', 'en-US'],
];

/** The welcome screen's markup in each of `languages` (the campaign's),
 * rendered by the app in `dir`. */
export async function renderWelcome(dir, languages = VARIANTS.map(([lang]) => lang)) {
  const server = await serveStatic(dir);
  const browser = await launchChromium();
  try {
    const out = {};
    for (const [lang, locale] of VARIANTS.filter(([lang]) => languages.includes(lang))) {
      const context = await browser.newContext({ locale, serviceWorkers: 'block', viewport: { width: 360, height: 740 } });
      const page = await context.newPage();
      await page.goto(server.url);
      await page.locator(`.pw-widget[lang="${lang}"] .pw-welcome .pw-nav__next`).waitFor();
      out[lang] = await page.$eval('#pledge-widget', (host) => host.innerHTML);
      await context.close();
    }
    return out;
  } finally {
    await browser.close();
    await server.close();
  }
}

/** `html` with the variants in the widget's host element, the first shown
 * by default (the campaign's reference). */
export function withWelcome(html, variants) {
  const host = /(<main id="pledge-widget"[^>]*>)([\s\S]*?)(<\/main>)/;
  if (!host.test(html)) throw new Error('index.html has no <main id="pledge-widget">');
  const blocks = VARIANTS.filter(([lang]) => lang in variants)
    .map(
      ([lang], i) =>
        `<div class="pw-prerender" data-pw-prerender="${lang}"${i === 0 ? '' : ' hidden'}>${variants[lang]}</div>`,
    )
    .join('');
  return html.replace(host, (_, open, inner, close) => {
    // The loading line is for the neutral state only; keep <noscript>.
    const rest = inner.replace(/<p class="pw-loading">[^<]*<\/p>/, '<p class="pw-loading pw-prerender-loading">Chargement du widget…</p>');
    // The <noscript> message first: without JavaScript it is what to read.
    return `${open}${rest}${blocks}${close}`;
  });
}
