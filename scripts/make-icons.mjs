// Renders assets/icons/icon.svg to the PNG sizes the web app manifest
// lists, with Chromium. Run by hand when the icon changes; the PNGs are
// committed.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

import { launchChromium } from '../tests/e2e/browser.mjs';

const dir = fileURLToPath(new URL('../assets/icons/', import.meta.url));
const svg = await readFile(`${dir}icon.svg`, 'utf8');
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
    `<body style="margin:0;background:#8a1451;display:grid;place-items:center;height:${size}px">` +
      `<div style="width:${inner}px;height:${inner}px">${svg.replace('<svg ', '<svg width="100%" height="100%" ')}</div></body>`,
  );
  await page.screenshot({ path: `${dir}${name}`, omitBackground: false });
  await page.close();
}
await browser.close();
