// The organiser's console at scale: N TEST links (examples/make_test_list.rs,
// links.txt) pasted at once, a status click, and a reload, in headless
// Chromium at 360 px. For each action: the time from the action to the
// next frame after it was drawn (all of it is main-thread work: the intake
// checks every signature in Rust, synchronously), and the long tasks
// (PerformanceObserver `longtask`) seen meanwhile. Medians over RUNS.
// Also: whether the browser's storage could hold the console (Chromium
// keeps about 5 million characters per origin; the console says so when it
// cannot). The build must pin the TEST organiser (scripts/bench does).
//
//   node bench/console.mjs        # after scripts/bench built dist/ and the links
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

import { launchChromium } from '../tests/e2e/browser.mjs';
import { serveStatic } from '../tests/e2e/server.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
};

/** Starts counting long tasks in the page (once per document). */
const observeLongTasks = () => {
  window.pwLongTasks = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.pwLongTasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
};

/** Runs `act` in the page and waits for two frames after it. */
async function timed(page, act) {
  return page.evaluate(async (act) => {
    const t0 = performance.now();
    // eslint-disable-next-line no-new-func
    await new Function(`return (${act})()`)();
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    const elapsed = performance.now() - t0;
    // Let the long-task observer report.
    await new Promise((r) => setTimeout(r, 50));
    const long = window.pwLongTasks.filter((t) => t.start >= t0 - 1);
    return { elapsed, longTasks: long.length, longTaskMs: long.reduce((s, t) => s + t.duration, 0) };
  }, act.toString());
}

export async function benchConsole(browser, { counts = [30000], runs = 3, dir = `${root}target/bench-lists` } = {}) {
  const out = {};
  for (const count of counts) {
    const links = await readFile(`${dir}/${count}/links.txt`, 'utf8');
    const server = await serveStatic(`${root}dist`, { gzip: true });
    const results = { paste: [], status: [], reload: [], reloadLongTaskMs: [] };
    let stored = null;
    let notice = null;
    for (let run = 0; run < runs; run += 1) {
      const context = await browser.newContext({ serviceWorkers: 'block', locale: 'fr-FR', viewport: { width: 360, height: 740 } });
      await context.addInitScript(observeLongTasks);
      const page = await context.newPage();
      await page.goto(`${server.url}?organisateur`);
      await page.getByRole('heading', { level: 1, name: "Console de l'organisateur" }).waitFor();
      // The paste itself (the browser's) is not counted: the text is put
      // in the field, then « Vérifier et ajouter » is timed.
      await page.locator('#pw-intake-links').evaluate((area, text) => { area.value = text; }, links);
      const paste = await timed(page, () => {
        [...document.querySelectorAll('button')].find((b) => b.textContent.trim() === 'Vérifier et ajouter').click();
      });
      results.paste.push(paste);
      await page.getByRole('heading', { name: `Engagements rassemblés : ${count}` }).waitFor({ timeout: 120000 });
      const status = await timed(page, () => {
        const select = document.querySelector('.pw-console-entry select');
        select.value = 'verifie';
        select.dispatchEvent(new Event('change', { bubbles: true }));
      });
      results.status.push(status);
      stored = await page.evaluate(() => (localStorage.getItem('pw-pledge-widget/organiser-console/v1') ?? '').length);
      notice = await page.locator('.pw-notice').allTextContents();
      // Reload: from navigation to the console drawn with its pledges.
      await page.reload();
      await page.getByRole('heading', { level: 1, name: "Console de l'organisateur" }).waitFor({ timeout: 120000 });
      await page.waitForTimeout(300);
      const reload = await page.evaluate(() => {
        const marks = Object.fromEntries(performance.getEntriesByType('mark').map((m) => [m.name, m.startTime]));
        const opened = marks['pw-console-opened'] - marks['pw-console-start'];
        const long = window.pwLongTasks.reduce((s, t) => s + t.duration, 0);
        return { opened, longTaskMs: long, count: document.querySelector('#pw-entries-heading')?.textContent };
      });
      results.reload.push(reload);
      await context.close();
    }
    await server.close();
    const ms = (xs, k) => Math.round(median(xs.map((x) => x[k])));
    out[count] = {
      linksBytes: Buffer.byteLength(links),
      pasteMs: ms(results.paste, 'elapsed'),
      pasteLongTaskMs: ms(results.paste, 'longTaskMs'),
      statusClickMs: ms(results.status, 'elapsed'),
      statusLongTaskMs: ms(results.status, 'longTaskMs'),
      reloadOpenMs: ms(results.reload, 'opened'),
      reloadLongTaskMs: ms(results.reload, 'longTaskMs'),
      reloadShows: results.reload[0].count,
      storedChars: stored,
      notices: notice,
    };
  }
  return out;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const browser = await launchChromium();
  const counts = (process.env.CONSOLE_COUNTS ?? '30000').split(',').map(Number);
  console.log(JSON.stringify(await benchConsole(browser, { counts, runs: Number(process.env.BENCH_RUNS ?? 3) }), null, 2));
  await browser.close();
}
