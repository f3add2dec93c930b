// The public wall at scale: a list of N pledges (made by the TEST list
// generator, examples/make_test_list.rs) served gzip-compressed next to the
// release build; in headless Chromium, the time from navigation to the
// wall's first screen (totals and the first entries: the `pw-wall-ready`
// mark, after the list's and every pledge's signature were checked), and
// the time from each keystroke of a search to the next frame. Medians over
// RUNS. The build must pin the TEST organiser (scripts/bench does).
//
//   node bench/wall.mjs            # after scripts/bench built dist/ and the lists
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

import { launchChromium } from '../tests/e2e/browser.mjs';
import { serveStatic } from '../tests/e2e/server.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
};

/** Wall timings and list sizes for each list of `counts` pledges. */
export async function benchWall(browser, { counts = [1000, 10000], runs = 7, dir = `${root}target/bench-lists` } = {}) {
  const out = {};
  for (const count of counts) {
    const list = await readFile(`${dir}/${count}/engagements.json`);
    const server = await serveStatic(`${root}dist`, { gzip: true, extra: { '/engagements.json': list } });
    const ready = [];
    const keystrokes = [];
    const steps = [];
    for (let run = 0; run < runs; run += 1) {
      const context = await browser.newContext({ serviceWorkers: 'block', locale: 'fr-FR', viewport: { width: 360, height: 740 } });
      const page = await context.newPage();
      await page.goto(`${server.url}?mur`);
      await page.waitForFunction(() => performance.getEntriesByName('pw-wall-ready').length > 0, null, { timeout: 60000 });
      const marks = await page.evaluate(() =>
        Object.fromEntries(performance.getEntriesByType('mark').map((m) => [m.name, m.startTime])),
      );
      ready.push(marks['pw-wall-ready']);
      steps.push(marks);
      // Each keystroke of a search: input handled, results rendered, next frame.
      const times = await page.evaluate(async () => {
        const input = document.querySelector('#pw-wall-search');
        const query = 'saint etienne';
        const out = [];
        for (let i = 1; i <= query.length; i += 1) {
          const t0 = performance.now();
          input.value = query.slice(0, i);
          input.dispatchEvent(new Event('input', { bubbles: true }));
          await new Promise((r) => requestAnimationFrame(() => r()));
          out.push(performance.now() - t0);
          await new Promise((r) => setTimeout(r, 50));
        }
        return out;
      });
      keystrokes.push(...times);
      await context.close();
    }
    await server.close();
    out[count] = {
      listBytes: list.length,
      listGzipBytes: gzipSync(list, { level: 9 }).length,
      bytesPerEntry: Math.round(list.length / count),
      gzipBytesPerEntry: Math.round(gzipSync(list, { level: 9 }).length / count),
      firstScreenMs: Math.round(median(ready)),
      firstScreenRangeMs: `${Math.round(Math.min(...ready))}–${Math.round(Math.max(...ready))}`,
      // Median time at which each step ended, from navigation start.
      stepsMs: Object.fromEntries(
        ['pw-wall-fetched', 'pw-wall-list-checked', 'pw-verify-parsed', 'pw-verify-signatures-checked', 'pw-wall-pledges-checked', 'pw-wall-built', 'pw-wall-ready'].map((k) => [
          k.replace(/^pw-(wall|verify)-/, ''),
          Math.round(median(steps.map((m) => m[k]))),
        ]),
      ),
      keystrokeMedianMs: Math.round(median(keystrokes) * 10) / 10,
      keystrokeMaxMs: Math.round(Math.max(...keystrokes) * 10) / 10,
    };
  }
  return out;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const browser = await launchChromium();
  const counts = (process.env.WALL_COUNTS ?? '1000,10000').split(',').map(Number);
  console.log(JSON.stringify(await benchWall(browser, { counts, runs: Number(process.env.BENCH_RUNS ?? 7) }), null, 2));
  await browser.close();
}
