// The wall for the whole country (issue 26, docs/list-shards.md): a TEST
// campaign of 50,000 pledges across every département, with follow-up for
// 10,000 elected signatories (examples/make_test_list.rs --national),
// published as shards with a signed index, served gzip-compressed next to
// the release build. In headless Chromium at 360 px, service worker
// blocked, medians over RUNS:
// - a commune's wall (`?mur&commune=CODE`): bytes over the wire and time to
//   its first names (the `pw-wall-ready` mark), the build included;
// - the national wall (`?mur`): time to the totals from the index;
// - a search for a commune by name across shards: time from the keystroke
//   to its first results;
// - the whole country fetched and verified in the background (« Charger
//   tous les départements »): time to the last shard;
// - the main thread's longest task during all of it (PerformanceObserver
//   `longtask`).
// The build must pin the TEST organiser (scripts/bench does).
//
//   node bench/national.mjs       # after scripts/bench built dist/ and the list
import { readFile, readdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

import { launchChromium } from '../tests/e2e/browser.mjs';
import { serveStatic } from '../tests/e2e/server.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
};

const observeLongTasks = () => {
  window.pwLongTasks = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.pwLongTasks.push(e.duration);
  }).observe({ type: 'longtask', buffered: true });
};

/** Bytes over the wire so far (compressed bodies and headers). */
const transferred = () =>
  performance.getEntriesByType('navigation').concat(performance.getEntriesByType('resource'))
    .reduce((sum, e) => sum + (e.transferSize || 0), 0);

export async function benchNational(browser, { dir = `${root}target/bench-lists/50000`, runs = 5 } = {}) {
  const extra = {};
  // The shards, their index and the communes' files.
  for (const sub of ['', 'communes/']) {
    for (const name of await readdir(`${dir}/engagements/${sub}`)) {
      if (!name.endsWith('.json')) continue;
      extra[`/engagements/${sub}${name}`] = await readFile(`${dir}/engagements/${sub}${name}`);
    }
  }
  // The whole list too: a reader of the shards never fetches it.
  extra['/engagements.json'] = await readFile(`${dir}/engagements.json`);
  const server = await serveStatic(`${root}dist`, { gzip: true, extra });
  // A commune with pledges, whose name is its own (searched by name).
  const codes = (await readFile(`${dir}/communes.txt`, 'utf8')).trim().split('\n');
  const referential = JSON.parse(
    await readFile(`${root}node_modules/@etalab/decoupage-administratif/data/communes.json`, 'utf8'),
  ).filter((c) => c.type === 'commune-actuelle');
  const named = new Map();
  for (const c of referential) named.set(c.nom, (named.get(c.nom) ?? 0) + 1);
  const commune = referential.find((c) => c.departement === '69' && named.get(c.nom) === 1 && codes.includes(c.code) && c.nom.length > 8);
  const r = { communeMs: [], communeBytes: [], communeWholeList: [], communeLists: [], totalsMs: [], totalsBytes: [], searchMs: [], countryMs: [], longestTaskMs: [] };
  for (let run = 0; run < runs; run += 1) {
    const context = await browser.newContext({ serviceWorkers: 'block', locale: 'fr-FR', viewport: { width: 360, height: 740 } });
    await context.addInitScript(observeLongTasks);
    const page = await context.newPage();
    const fetched = [];
    page.on('request', (q) => fetched.push(new URL(q.url()).pathname));
    const ready = () => page.waitForFunction(() => performance.getEntriesByName('pw-wall-ready').length > 0, null, { timeout: 120000 });
    // A commune's wall.
    await page.goto(`${server.url}?mur&commune=${commune.code}`);
    await ready();
    await page.locator('.pw-wall-entry').first().waitFor();
    r.communeMs.push(await page.evaluate(() => performance.getEntriesByName('pw-wall-ready')[0].startTime));
    r.communeBytes.push(await page.evaluate(transferred));
    r.communeWholeList.push(fetched.includes('/engagements.json'));
    // Which of the organiser's files (and builds) it read.
    r.communeLists.push(fetched.filter((p) => p.startsWith('/engagements') || /\/pledge-[a-z]+-/.test(p)).map((p) => p.replace(/-[0-9a-f]+(_bg)?\./, '.')));
    let longest = await page.evaluate(() => Math.max(0, ...window.pwLongTasks));
    // The national wall: the index's totals.
    await page.goto(`${server.url}?mur`);
    await ready();
    r.totalsMs.push(await page.evaluate(() => performance.getEntriesByName('pw-wall-ready')[0].startTime));
    r.totalsBytes.push(await page.evaluate(transferred));
    // A commune searched by name across shards: to its first results.
    r.searchMs.push(await page.evaluate(async ([name, dep]) => {
      const input = document.querySelector('#pw-wall-search');
      const t0 = performance.now();
      input.value = name;
      input.dispatchEvent(new Event('input', { bubbles: true }));
      // Its own pledges (not a commune whose name starts alike).
      const own = (e) => e.textContent.replace(/[\u2066-\u2069]/g, '').includes(`${name} (${dep})`);
      while (![...document.querySelectorAll('.pw-wall__entries .pw-wall-entry')].some(own)) {
        await new Promise((res) => requestAnimationFrame(res));
      }
      return performance.now() - t0;
    }, [commune.nom, commune.departement]));
    // The whole country, in the background.
    r.countryMs.push(await page.evaluate(async () => {
      const button = [...document.querySelectorAll('button')].find((b) => b.textContent.trim() === 'Charger tous les départements');
      const t0 = performance.now();
      button.click();
      while ([...document.querySelectorAll('button')].some((b) => b.textContent.trim() === 'Charger tous les départements')
        || document.querySelector('.pw-wall__note[role=status]')) {
        await new Promise((res) => setTimeout(res, 20));
      }
      return performance.now() - t0;
    }));
    await page.waitForTimeout(200);
    longest = Math.max(longest, await page.evaluate(() => Math.max(0, ...window.pwLongTasks)));
    r.longestTaskMs.push(longest);
    await context.close();
  }
  await server.close();
  const m = (xs) => Math.round(median(xs));
  return {
    pledges: Number(dir.split('/').pop()) || null,
    // Files published: a département's (with pledges or empty, see
    // docs/list-shards.md) and a commune's.
    departementFiles: Object.keys(extra).filter((p) => /^\/engagements\/[^/]+\.json$/.test(p) && p !== '/engagements/index.json').length,
    communeFiles: Object.keys(extra).filter((p) => p.startsWith('/engagements/communes/')).length,
    commune: `${commune.nom} (${commune.code})`,
    communeFirstNamesMs: m(r.communeMs),
    communeBytes: m(r.communeBytes),
    communeFetchedTheWholeList: r.communeWholeList.some(Boolean),
    communeFetched: [...new Set(r.communeLists.flat())].sort(),
    nationalTotalsMs: m(r.totalsMs),
    nationalTotalsBytes: m(r.totalsBytes),
    searchFirstResultsMs: m(r.searchMs),
    wholeCountryVerifiedMs: m(r.countryMs),
    longestTaskMs: m(r.longestTaskMs),
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const browser = await launchChromium();
  console.log(JSON.stringify(await benchNational(browser, { runs: Number(process.env.BENCH_RUNS ?? 5) }), null, 2));
  await browser.close();
}
