// The commune field's suggestions (docs/communes.md): the shards' sizes, and
// in headless Chromium the time from a keystroke to the suggestions shown,
// with the prefix's shard still to fetch (cold) and already there (warm).
import { readdir, readFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';

import { phoneContext } from '../tests/e2e/browser.mjs';

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export async function benchCommunes(browser, url, dist, { runs = 7, storageKey }) {
  const folder = `${dist}/communes`;
  const files = (await readdir(folder)).filter((f) => f.endsWith('.tsv'));
  const gz = await Promise.all(files.map(async (f) => gzipSync(await readFile(`${folder}/${f}`), { level: 9 }).length));
  const draft = JSON.stringify({ version: 1, step: 'identity', ticked: ['1.1'], name: 'Camille', commune: '', list: '', role: null });
  const cold = [];
  const warm = [];
  const fetched = [];
  for (let run = 0; run < runs; run += 1) {
    const context = await phoneContext(browser, { serviceWorkers: 'block' });
    const page = await context.newPage();
    const asked = [];
    page.on('requestfinished', (r) => {
      if (r.url().includes('/communes/')) asked.push(r);
    });
    await page.addInitScript(([key, value]) => localStorage.setItem(key, value), [storageKey, draft]);
    await page.goto(url);
    const field = page.getByRole('combobox', { name: /Commune/ });
    await field.waitFor();
    await field.focus();
    await page.locator('[role="combobox"][aria-busy="false"]').waitFor();
    // From the keydown to the first option drawn.
    const time = async (key) => {
      await page.evaluate(() => {
        window.__t = new Promise((resolve) => {
          addEventListener('keydown', () => {
            const t0 = performance.now();
            const before = document.querySelector('[role="listbox"]:not([hidden])')?.textContent ?? null;
            const seen = () => {
              const list = document.querySelector('[role="listbox"]:not([hidden])');
              return list?.querySelector('[role="option"]') && list.textContent !== before;
            };
            new MutationObserver((_, o) => {
              if (seen()) {
                o.disconnect();
                requestAnimationFrame(() => resolve(performance.now() - t0));
              }
            }).observe(document.body, { subtree: true, childList: true, attributes: true });
          }, { once: true, capture: true });
        });
      });
      await page.keyboard.press(key);
      return page.evaluate(() => window.__t);
    };
    // « l » alone asks nothing (its letter's shard is split: « la », « le »,
    // « ly »…); « y » fetches « ly » (cold: Lyon first), « s » finds « lys »
    // there (warm: another list).
    await page.keyboard.press('l');
    cold.push(await time('y'));
    await page.getByRole('option', { name: /^Lyon \(Rhône, 69\)/ }).waitFor();
    warm.push(await time('s'));
    let bytes = 0;
    for (const r of asked) bytes += (await r.sizes()).responseBodySize;
    fetched.push(bytes);
    await context.close();
  }
  return {
    shards: files.length - 1,
    largestShardGzip: Math.max(...gz.filter((_, i) => files[i] !== 'index.tsv')),
    indexGzip: gz[files.indexOf('index.tsv')],
    firstSuggestionsColdMs: Math.round(median(cold) * 10) / 10,
    firstSuggestionsWarmMs: Math.round(median(warm) * 10) / 10,
    bytesFetched: median(fetched),
  };
}
