// Renders the link-preview image (Open Graph / Twitter card, 1200×630) to
// assets/social/preview.png with Chromium and the card's typeface. Run by
// hand when the image changes; the PNG is committed and copied to dist/ by
// Trunk. The wording and colours are the campaign's own, from its file
// (scripts/campaign-page.mjs reads the one widget-settings.json names).
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

import { launchChromium } from '../tests/e2e/browser.mjs';
import { iconSvg, readCampaign } from './campaign-page.mjs';

const assets = fileURLToPath(new URL('../assets/', import.meta.url));
const font = async (name) =>
  `data:font/woff2;base64,${(await readFile(`${assets}fonts/${name}`)).toString('base64')}`;
const regular = await font('atkinson-hyperlegible-latin-400-normal.woff2');
const bold = await font('atkinson-hyperlegible-latin-700-normal.woff2');
const campaign = await readCampaign(fileURLToPath(new URL('../', import.meta.url)));
const lang = campaign.languages[0];
const accent = campaign.colours.accent.light;
const icon = iconSvg(campaign);
const escape = (text) => text.replace(/[&<>]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[c]);

const html = `<!doctype html><html lang="${lang}"><head><style>
@font-face { font-family: A; font-weight: 400; src: url(${regular}) format('woff2'); }
@font-face { font-family: A; font-weight: 700; src: url(${bold}) format('woff2'); }
html, body { margin: 0; }
body { width: 1200px; height: 630px; box-sizing: border-box; padding: 64px 72px;
  background: ${accent}; color: #fff; font-family: A, sans-serif;
  display: flex; flex-direction: column; justify-content: space-between; }
.top { display: flex; align-items: center; gap: 24px; font-size: 34px; font-weight: 700; }
.top svg { width: 88px; height: 88px; }
.top svg rect { fill: #fff; }
.top svg path { stroke: ${accent}; }
h1 { font-size: 68px; line-height: 1.08; margin: 0; font-weight: 700; max-width: 1000px; }
.sub { font-size: 34px; margin: 0; }
.bottom { display: flex; justify-content: space-between; align-items: baseline;
  font-size: 30px; border-top: 3px solid rgba(255,255,255,.55); padding-top: 24px; }
.pill { background: #fff; color: ${accent}; font-weight: 700; border-radius: 999px; padding: 10px 26px; }
</style></head><body>
<div class="top">${icon}<span>${escape(campaign.organisation)} · ${escape(campaign.hashtag)}</span></div>
<div>
  <h1>${escape(campaign.title[lang])}</h1>
  <p class="sub">${escape(campaign.subtitle[lang])}</p>
</div>
<div class="bottom"><span>${escape(campaign.page.image_footer)}</span><span class="pill">${escape(campaign.page.app_short_name)}</span></div>
</body></html>`;

const browser = await launchChromium();
const page = await browser.newPage({ viewport: { width: 1200, height: 630 } });
await page.setContent(html);
await page.evaluate(() => document.fonts.ready);
await page.screenshot({ path: `${assets}social/preview.png` });
await browser.close();
