// The organiser's console at scale: N TEST links (examples/make_test_list.rs,
// links.txt) pasted at once, a status click, and a reload, in headless
// Chromium at 360 px. For each action: the time until its result is on
// screen (the intake and the reload check signatures with the browser's
// WebCrypto, a batch at a time, off the page's thread), and the page's
// main-thread work meanwhile as long tasks (PerformanceObserver
// `longtask`: every task over 50 ms): their total and the longest one.
// Medians over RUNS. Also: the size of the stored console (version 2,
// 15 bits a character) and any notice (a storage quota reached is said).
// The build must pin the TEST organiser (scripts/bench does).
//
//   node bench/console.mjs        # after scripts/bench built dist/ and the links
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

import { launchChromium } from '../tests/e2e/browser.mjs';
import { serveStatic } from '../tests/e2e/server.mjs';
import { storageKey } from '../tests/e2e/widget-page.mjs';

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

/**
 * Runs `act` in the page, waits until the performance mark `until` is
 * set after it (or two frames, without one), then reports the time and the
 * long tasks meanwhile.
 */
async function timed(page, act, until = null) {
  return page.evaluate(async ([act, until]) => {
    const t0 = performance.now();
    const marked = () => performance.getEntriesByName(until, 'mark').some((m) => m.startTime >= t0);
    // eslint-disable-next-line no-new-func
    await new Function(`return (${act})()`)();
    // Never waits forever: a mark that does not come is a broken bench.
    while (until && !marked()) {
      if (performance.now() - t0 > 600000) throw new Error(`no ${until} after 10 minutes`);
      await new Promise((r) => setTimeout(r, 10));
    }
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    const elapsed = performance.now() - t0;
    // Let the long-task observer report.
    await new Promise((r) => setTimeout(r, 100));
    const long = window.pwLongTasks.filter((t) => t.start >= t0 - 1);
    return {
      elapsed,
      longTasks: long.length,
      longTaskMs: long.reduce((s, t) => s + t.duration, 0),
      longestTaskMs: Math.max(0, ...long.map((t) => t.duration)),
    };
  }, [act.toString(), until]);
}

export async function benchConsole(browser, { counts = [30000], runs = 3, dir = `${root}target/bench-lists` } = {}) {
  const out = {};
  for (const count of counts) {
    const links = await readFile(`${dir}/${count}/links.txt`, 'utf8');
    const server = await serveStatic(`${root}dist`, { gzip: true });
    const results = { paste: [], status: [], saved: [], publish: [], reload: [], reloadLongTaskMs: [] };
    let stored = null;
    let notice = null;
    for (let run = 0; run < runs; run += 1) {
      const context = await browser.newContext({ serviceWorkers: 'block', locale: 'fr-FR', viewport: { width: 360, height: 740 } });
      await context.addInitScript(observeLongTasks);
      const page = await context.newPage();
      await page.goto(`${server.url}?organisateur`);
      await page.getByRole('heading', { level: 1, name: "Console de l'organisateur" }).waitFor();
      // The TEST organiser's key, which the build pins: « Publier » signs.
      await page.getByLabel('Importer une clé').setInputFiles(`${root}tests/fixtures/organiser-TEST-key.json`);
      await page.getByText('Empreinte : YH2E-J5J0-VMB0-J68M').waitFor();
      // The paste itself (the browser's) is not counted: the text is put
      // in the field, then « Vérifier et ajouter » is timed.
      await page.locator('#pw-intake-links').evaluate((area, text) => { area.value = text; }, links);
      const paste = await timed(page, () => {
        [...document.querySelectorAll('button')].find((b) => b.textContent.trim() === 'Vérifier et ajouter').click();
      }, 'pw-console-intake-done');
      results.paste.push(paste);
      await page.getByRole('heading', { name: `Engagements rassemblés : ${count}` }).waitFor({ timeout: 120000 });
      // A status change: to the change on screen (the next frame), then,
      // apart, to the console saved (the save waits for the frame) and the
      // long tasks until then.
      const status = await timed(page, () => {
        const select = document.querySelector('.pw-console-entry select');
        select.value = 'verifie';
        select.dispatchEvent(new Event('change', { bubbles: true }));
      });
      await page.waitForFunction(() => performance.getEntriesByName('pw-after-paint').length > 0);
      const saved = await timed(page, () => {
        const select = document.querySelector('.pw-console-entry select');
        select.value = 'retire';
        select.dispatchEvent(new Event('change', { bubbles: true }));
      }, 'pw-after-paint');
      results.status.push(status);
      results.saved.push(saved);
      // « Publier »: the list, its open data and the country's shards,
      // signed and offered as downloads.
      const publish = await timed(page, () => {
        [...document.querySelectorAll('button')].find((b) => b.textContent.trim() === 'Publier la liste signée').click();
      }, 'pw-console-published');
      results.publish.push(publish);
      stored = await page.evaluate((key) => (localStorage.getItem(key) ?? '').length, storageKey('organiser-console/v1'));
      notice = await page.locator('.pw-notice').allTextContents();
      // Reload: from navigation to the console drawn with its pledges.
      await page.reload();
      await page.getByRole('heading', { name: `Engagements rassemblés : ${count}` }).waitFor({ timeout: 120000 });
      await page.waitForTimeout(300);
      const reload = await page.evaluate(() => {
        const marks = Object.fromEntries(performance.getEntriesByType('mark').map((m) => [m.name, m.startTime]));
        const long = window.pwLongTasks.map((t) => t.duration);
        return {
          // From navigation to the pledges checked and shown.
          opened: marks['pw-console-opened'],
          checking: marks['pw-console-opened'] - marks['pw-console-start'],
          longTaskMs: long.reduce((s, t) => s + t, 0),
          longestTaskMs: Math.max(0, ...long),
          count: document.querySelector('#pw-entries-heading')?.textContent,
        };
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
      pasteLongestTaskMs: ms(results.paste, 'longestTaskMs'),
      statusClickMs: ms(results.status, 'elapsed'),
      statusLongTaskMs: ms(results.status, 'longTaskMs'),
      statusLongestTaskMs: ms(results.status, 'longestTaskMs'),
      statusSavedMs: ms(results.saved, 'elapsed'),
      statusSavedLongestTaskMs: ms(results.saved, 'longestTaskMs'),
      publishMs: ms(results.publish, 'elapsed'),
      publishLongestTaskMs: ms(results.publish, 'longestTaskMs'),
      reloadOpenMs: ms(results.reload, 'opened'),
      reloadCheckingMs: ms(results.reload, 'checking'),
      reloadLongTaskMs: ms(results.reload, 'longTaskMs'),
      reloadLongestTaskMs: ms(results.reload, 'longestTaskMs'),
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
