// Renders the campaign's icon (scripts/campaign-page.mjs: a tick on the
// campaign's accent) to the PNG sizes the web app manifest lists, with
// Chromium, into assets/icons/. Run by hand for a new campaign (README,
// « Run your own campaign »); the PNGs are committed. The SVG itself is
// written into each build by the post-build hook.
import { fileURLToPath } from 'node:url';

import { launchChromium } from '../tests/e2e/browser.mjs';
import { iconSvg, readCampaign } from './campaign-page.mjs';

const root = fileURLToPath(new URL('../', import.meta.url));
const dir = `${root}assets/icons/`;
const campaign = await readCampaign(root);
const svg = iconSvg(campaign);
const browser = await launchChromium();
for (const [size, name, pad] of [
  [192, 'icon-192.png', 0],
  [512, 'icon-512.png', 0],
  [512, 'icon-maskable-512.png', 64],
  [180, 'apple-touch-icon.png', 0],
]) {
  const page = await browser.newPage({ viewport: { width: size, height: size } });
  const inner = size - 2 * pad * (size / 512);
  await page.setContent(
    `<body style="margin:0;background:${campaign.colours.accent.light};display:grid;place-items:center;height:${size}px">` +
      `<div style="width:${inner}px;height:${inner}px">${svg.replace('<svg ', '<svg width="100%" height="100%" ')}</div></body>`,
  );
  await page.screenshot({ path: `${dir}${name}`, omitBackground: false });
  await page.close();
}
await browser.close();
