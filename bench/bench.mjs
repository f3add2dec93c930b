// The benchmark: sizes of what the first screen loads against a bare Leptos
// counter built the same way, timings in headless Chromium (medians), card
// PNG sizes, link lengths and Lighthouse. Prints a Markdown table with the
// budgets and writes bench/results/latest.json. Run by scripts/bench, which
// builds both apps first.
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

import { launchChromium, phoneContext } from '../tests/e2e/browser.mjs';
import { lighthouse } from '../tests/e2e/lighthouse.mjs';
import { serveStatic } from '../tests/e2e/server.mjs';
import { goldenFragment } from '../tests/e2e/golden.mjs';
import { WidgetPage } from '../tests/e2e/widget-page.mjs';
import { benchWall } from './wall.mjs';
import { benchConsole } from './console.mjs';
import { benchNational } from './national.mjs';
import { benchCommunes } from './communes.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const RUNS = Number(process.env.BENCH_RUNS ?? 11);
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
};
const round = (x) => Math.round(x * 10) / 10;

function sizes(bytes) {
  return {
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}

/** The files a page loads until `ready` resolves, with their sizes. */
async function firstScreen(browser, url, dist, ready) {
  const context = await browser.newContext({ serviceWorkers: 'block', locale: 'fr-FR' });
  const page = await context.newPage();
  const paths = new Set();
  page.on('requestfinished', (r) => {
    const u = new URL(r.url());
    if (u.origin === new URL(url).origin) paths.add(u.pathname === '/' ? '/index.html' : u.pathname);
  });
  await page.goto(url);
  await ready(page);
  await page.waitForLoadState('networkidle');
  await context.close();
  const files = [];
  for (const p of [...paths].sort()) {
    files.push({ file: p.slice(1), ...sizes(await readFile(`${dist}${p}`)) });
  }
  const total = ['raw', 'gzip', 'brotli'].reduce((t, k) => ({ ...t, [k]: files.reduce((s, f) => s + f[k], 0) }), {});
  return { files, total };
}

const widgetDist = `${root}dist`;
const counterDist = `${root}bench/counter/dist`;
const widget = await serveStatic(widgetDist);
const counter = await serveStatic(counterDist);
const browser = await launchChromium();
const result = { runs: RUNS, date: new Date().toISOString() };

// Sizes.
result.widget = await firstScreen(browser, widget.url, widgetDist, (p) =>
  p.getByRole('button', { name: 'Commencer' }).waitFor(),
);
result.baseline = await firstScreen(browser, counter.url, counterDist, (p) => p.getByRole('button').waitFor());
result.cardOnly = [];
for (const f of ['atkinson-hyperlegible-latin-400-normal.woff2', 'atkinson-hyperlegible-latin-700-normal.woff2',
  'atkinson-hyperlegible-latin-ext-400-normal.woff2', 'atkinson-hyperlegible-latin-ext-700-normal.woff2']) {
  result.cardOnly.push({ file: `fonts/${f}`, ...sizes(await readFile(`${widgetDist}/fonts/${f}`)) });
}
result.ratio = round(result.widget.total.gzip / result.baseline.total.gzip);
// The full build (signing, pledge links, cards): loaded from the identity
// step on, or first for a pledge link's visitor.
result.onDemand = [];
for (const f of (await readdir(widgetDist)).filter((f) => /^pledge-(widget|verify)-[0-9a-f]+(_bg\.wasm|\.js)$/.test(f)).sort()) {
  result.onDemand.push({ file: f, ...sizes(await readFile(`${widgetDist}/${f}`)) });
}

// What a phone pays, counted on the server as gzip -9 of each file served
// (in the same run as the baseline above).
const gz = new Map();
const gzipOf = async (file) => {
  if (!gz.has(file)) gz.set(file, sizes(await readFile(`${widgetDist}/${file}`)).gzip);
  return gz.get(file);
};
async function served(visit, { serviceWorkers = 'block', gzip = false } = {}) {
  const files = [];
  const server = await serveStatic(widgetDist, { gzip, onServe: (f) => files.push(f === '' ? 'index.html' : f) });
  const context = await phoneContext(browser, { serviceWorkers });
  const page = await context.newPage();
  const extra = await visit(page, server.url);
  await context.close();
  await server.close();
  let bytes = 0;
  for (const f of files) bytes += await gzipOf(f);
  return { bytes, files, ...extra };
}
// A signed link to measure with (the typical golden vector, on this server).
const typicalFragment = goldenFragment('typical');
result.phone = {};
result.phone.firstScreen = await served(async (page, url) => {
  await page.goto(url);
  await page.getByRole('button', { name: 'Commencer' }).waitFor();
  await page.waitForLoadState('networkidle');
  // Bytes before the welcome screen's first paint: files whose response
  // ended before first-contentful-paint.
  return page.evaluate(() => {
    const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Infinity;
    const nav = performance.getEntriesByType('navigation')[0];
    const before = performance.getEntriesByType('resource').filter((e) => e.responseEnd <= fcp).map((e) => new URL(e.name).pathname.slice(1));
    return { fcpMs: fcp, beforePaint: [nav.responseEnd <= fcp ? 'index.html' : null, ...before].filter(Boolean) };
  });
});
{
  let b = 0;
  for (const f of result.phone.firstScreen.beforePaint) b += await gzipOf(f || 'index.html');
  result.phone.beforeFirstPaint = b;
}
result.phone.firstVisit = await served(
  async (page, url) => {
    await page.goto(url);
    await page.getByRole('button', { name: 'Commencer' }).waitFor();
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(2000); // the worker's precache, if any
  },
  { serviceWorkers: 'allow' },
);
result.phone.pledgeLink = await served(async (page, url) => {
  await page.goto(`${url}#${typicalFragment}`);
  await page.getByText('Signature valide', { exact: true }).waitFor();
  await page.waitForLoadState('networkidle');
});

// Timings.
const timings = { firstProposal: [], welcome: [], tick: [], toSign: [], sign: [], verify: [], card: { '1200x630': [], '1080x1080': [], '1080x1920': [] } };
const draft = JSON.stringify({ version: 1, step: 'proposal-1', ticked: [], name: '', commune: '', list: '', role: null });
const seen = (selector) => `window.__seen = new Promise((r) => new MutationObserver((_, o) => {
  if (document.querySelector(${JSON.stringify(selector)})) { o.disconnect(); r(performance.now()); }
}).observe(document, { childList: true, subtree: true }));`;
let links = {};

/** The element a timing starts by clicking: a `#id`, or a button's exact text. */
const target = (click) =>
  click.startsWith('#')
    ? `document.querySelector(${JSON.stringify(click)})`
    : `[...document.querySelectorAll('button')].find((b) => b.textContent.trim() === ${JSON.stringify(click)})`;

/** Milliseconds from clicking `click` until `until` matches an element. */
function clickUntil(page, click, until) {
  return page.evaluate(`new Promise((r) => {
    const t0 = performance.now();
    new MutationObserver((_, o) => {
      if (document.querySelector(${JSON.stringify(until)})) { o.disconnect(); r(performance.now() - t0); }
    }).observe(document.body, { subtree: true, childList: true, attributes: true });
    ${target(click)}.click();
  })`);
}

/** Milliseconds from clicking `click` to the next animation frame. */
function clickToFrame(page, click) {
  return page.evaluate(`new Promise((r) => {
    const t0 = performance.now();
    ${target(click)}.click();
    requestAnimationFrame(() => r(performance.now() - t0));
  })`);
}
for (let i = 0; i < RUNS; i += 1) {
  // A returning candidate: navigation to the first proposal's checkboxes.
  let ctx = await phoneContext(browser, { serviceWorkers: 'block' });
  let page = await ctx.newPage();
  await page.addInitScript(([d]) => localStorage.setItem('pw-pledge-widget/draft/v1', d), [draft]);
  await page.addInitScript(seen('#pw-commitment-1-1'));
  await page.goto(widget.url);
  timings.firstProposal.push(await page.evaluate(() => window.__seen));
  // Tick to the next paint.
  timings.tick.push(await page.evaluate(() => new Promise((r) => {
    const t0 = performance.now();
    document.querySelector('#pw-commitment-1-1').click();
    requestAnimationFrame(() => requestAnimationFrame(() => r(performance.now() - t0)));
  })));
  await ctx.close();

  ctx = await phoneContext(browser, { serviceWorkers: 'block' });
  page = await ctx.newPage();
  await page.addInitScript(seen('.pw-welcome button'));
  await page.goto(widget.url);
  timings.welcome.push(await page.evaluate(() => window.__seen));
  const w = new WidgetPage(page, widget.url);
  await w.fillToSummary();
  // Summary → sign step ready: the full build, prefetched since the identity
  // step, takes over.
  await page.waitForFunction(() => performance.getEntriesByType('resource').some((e) => /pledge-widget-[0-9a-f]+_bg\.wasm/.test(e.name) && e.responseEnd > 0));
  timings.toSign.push(await clickUntil(page, 'Signer', '.pw-pad'));
  await w.waitForSigningStep();
  if (i === 0) {
    timings.sign.push(await clickToFrame(page, 'Signer mon engagement'));
    links.withoutDrawing = await page.getByRole('textbox', { name: 'Lien de vérification' }).inputValue();
    await page.getByRole('button', { name: 'Modifier mes engagements' }).click();
    await page.getByRole('button', { name: 'Signer', exact: true }).click();
    await w.drawSignature();
    await w.sign();
    links.withDrawing = await page.getByRole('textbox', { name: 'Lien de vérification' }).inputValue();
  } else {
    timings.sign.push(await clickToFrame(page, 'Signer mon engagement'));
  }
  await page.locator('.pw-card__preview').waitFor();
  for (const f of ['1080x1080', '1080x1920', '1200x630']) {
    const [fw, fh] = f.split('x');
    timings.card[f].push(await clickUntil(page, `#pw-card-format-${f}`, `.pw-card__preview[width="${fw}"][height="${fh}"]`));
  }
  await ctx.close();

  ctx = await phoneContext(browser, { serviceWorkers: 'block' });
  page = await ctx.newPage();
  await page.addInitScript(seen('.pw-seal'));
  await page.goto(links.withDrawing);
  timings.verify.push(await page.evaluate(() => window.__seen));
  await ctx.close();
}
result.timings = {
  welcomeMs: round(median(timings.welcome)),
  firstProposalMs: round(median(timings.firstProposal)),
  tickToPaintMs: round(median(timings.tick)),
  summaryToSignStepMs: round(median(timings.toSign)),
  signMs: round(median(timings.sign)),
  verifyOnLoadMs: round(median(timings.verify)),
  cardMs: Object.fromEntries(Object.entries(timings.card).map(([k, v]) => [k, round(median(v))])),
};

// Card PNG sizes, for a full pledge with a drawing.
{
  const ctx = await phoneContext(browser, { serviceWorkers: 'block', acceptDownloads: true });
  const page = await ctx.newPage();
  const w = new WidgetPage(page, widget.url);
  await w.open();
  await w.start();
  for (let n = 1; n <= 10; n += 1) {
    await w.jumpTo(n);
    const all = page.getByRole('button', { name: 'Tout cocher pour cette proposition' });
    if (await all.count()) await all.click();
    else await page.getByRole('checkbox').first().check();
  }
  await w.next();
  await w.field(/Nom et prénom/).fill('Camille Dupont');
  await w.fillCommune('Saint-Étienne');
  await w.button('Voir le récapitulatif').click();
  await w.button('Signer').click();
  await w.drawSignature();
  await w.sign();
  result.cardBytes = {};
  for (const f of ['1200x630', '1080x1080', '1080x1920']) {
    await page.locator(`#pw-card-format-${f}`).check();
    await page.locator(`.pw-card__preview[width="${f.split('x')[0]}"][height="${f.split('x')[1]}"]`).waitFor();
    const [d] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Télécharger' }).click()]);
    result.cardBytes[f] = (await readFile(await d.path())).length;
  }
  await ctx.close();
}
const origin = widget.url.length;
result.links = {
  pageUrl: widget.url,
  withoutDrawing: links.withoutDrawing.length,
  withDrawing: links.withDrawing.length,
  fragmentWithoutDrawing: links.withoutDrawing.length - origin,
  fragmentWithDrawing: links.withDrawing.length - origin,
};

// Lighthouse: the welcome page and a pledge link, served with gzip as a
// real host would, and uncompressed for comparison.
const summary = (report) => ({
  ...Object.fromEntries(Object.entries(report.categories).map(([k, c]) => [k, Math.round(c.score * 100)])),
  lcp: report.audits['largest-contentful-paint'].displayValue,
  lcpMs: report.audits['largest-contentful-paint'].numericValue,
  tbt: report.audits['total-blocking-time'].displayValue,
  cls: report.audits['cumulative-layout-shift'].displayValue,
});
// Lighthouse's simulated throttling varies from run to run: the median
// run (by LCP) of LH_RUNS, 3 by default.
const LH_RUNS = Number(process.env.LH_RUNS ?? 3);
result.lighthouseRuns = {};
for (const gzip of [true, false]) {
  const server = await serveStatic(widgetDist, { gzip });
  for (const [page, url] of [['welcome', server.url], ['pledge link', `${server.url}#${typicalFragment}`]]) {
    const runs = [];
    for (let i = 0; i < LH_RUNS; i += 1) runs.push(summary(await lighthouse(url)));
    runs.sort((a, b) => a.lcpMs - b.lcpMs);
    result.lighthouseRuns[`${page}, ${gzip ? 'gzip' : 'uncompressed'}`] = {
      ...runs[Math.floor(runs.length / 2)],
      lcpRange: `${(runs[0].lcpMs / 1000).toFixed(1)}–${(runs[runs.length - 1].lcpMs / 1000).toFixed(1)} s`,
      performanceRange: `${Math.min(...runs.map((r) => r.performance))}–${Math.max(...runs.map((r) => r.performance))}`,
    };
  }
  await server.close();
}
result.lighthouse = result.lighthouseRuns['welcome, uncompressed'];

// The public wall with TEST lists of 1,000 and 10,000 pledges.
result.wall = await benchWall(browser, { runs: Math.min(RUNS, 7) });

// The organiser's console with 10,000 and 30,000 TEST links: paste, a
// status click, a reload.
result.console = await benchConsole(browser, { counts: [10000, 30000, 50000], runs: Math.min(RUNS, 3) });

// The whole country: 50,000 pledges by département, 10,000 elected.
result.national = await benchNational(browser, { runs: Math.min(RUNS, 5) });

// The commune field: shards, and a keystroke to its suggestions.
result.communes = await benchCommunes(browser, widget.url, widgetDist, {
  runs: Math.min(RUNS, 7),
  storageKey: 'pw-pledge-widget/draft/v1',
});

await browser.close();
await widget.close();
await counter.close();

// Budgets.
const maxCard = Math.max(...Object.values(result.cardBytes));
result.budgets = [
  { budget: 'first-screen transfer (gzip) ≤ 2.0 × baseline', limit: 2.0, value: result.ratio, unit: '×' },
  { budget: 'card PNG ≤ 150 KB', limit: 150 * 1024, value: maxCard, unit: 'B' },
  { budget: 'link without drawn signature ≤ 250 characters', limit: 250, value: result.links.withoutDrawing, unit: 'chars' },
  { budget: 'bytes before the welcome first paint ≤ 12 KB', limit: 12 * 1024, value: result.phone.beforeFirstPaint, unit: 'B' },
  { budget: 'pledge link until verified ≤ 160 KB', limit: 160 * 1024, value: result.phone.pledgeLink.bytes, unit: 'B' },
  { budget: 'first visit, service worker included ≤ 200 KB', limit: 200 * 1024, value: result.phone.firstVisit.bytes, unit: 'B' },
  { budget: 'welcome LCP ≤ 1.0 s (gzip)', limit: 1000, value: Math.round(result.lighthouseRuns['welcome, gzip'].lcpMs), unit: 'ms' },
  { budget: 'welcome Performance = 100 (gzip)', limit: 0, value: 100 - result.lighthouseRuns['welcome, gzip'].performance, unit: 'points short' },
  { budget: 'wall of 10,000 pledges: first screen ≤ 1.5 s (median)', limit: 1500, value: result.wall[10000].firstScreenMs, unit: 'ms' },
  { budget: 'wall of 10,000 pledges: search keystroke ≤ 50 ms (slowest)', limit: 50, value: result.wall[10000].keystrokeMaxMs, unit: 'ms' },
  { budget: 'console, 30,000 links pasted: main thread ≤ 200 ms', limit: 200, value: result.console[30000].pasteMs, unit: 'ms' },
  { budget: 'console, 30,000 links: a status click ≤ 200 ms', limit: 200, value: result.console[30000].statusClickMs, unit: 'ms' },
  { budget: 'console, 10,000 links: reload (record read and checked) ≤ 200 ms', limit: 200, value: result.console[10000].reloadOpenMs, unit: 'ms' },
  { budget: 'commune suggestions: keystroke to first suggestions ≤ 100 ms (shard fetched on the way)', limit: 100, value: result.communes.firstSuggestionsColdMs, unit: 'ms' },
  { budget: 'commune shards ≤ 30 KB gzip each', limit: 30 * 1024, value: result.communes.largestShardGzip, unit: 'B' },
  { budget: '50,000 pledges: a commune\'s first names ≤ 0.5 s (median)', limit: 500, value: result.national.communeFirstNamesMs, unit: 'ms' },
  { budget: '50,000 pledges: a commune\'s wall ≤ 250 KB, the build included', limit: 250 * 1024, value: result.national.communeBytes, unit: 'B' },
  { budget: '50,000 pledges: national totals ≤ 1.0 s', limit: 1000, value: result.national.nationalTotalsMs, unit: 'ms' },
  { budget: '50,000 pledges: a commune searched across shards, first results ≤ 300 ms', limit: 300, value: result.national.searchFirstResultsMs, unit: 'ms' },
  { budget: '50,000 pledges: main thread\'s longest task ≤ 100 ms', limit: 100, value: result.national.longestTaskMs, unit: 'ms' },
  { budget: 'console, 50,000 links: publish ≤ 10 s', limit: 10000, value: result.console[50000].publishMs, unit: 'ms' },
  { budget: 'console, 50,000 links: a status change ≤ 100 ms', limit: 100, value: result.console[50000].statusClickMs, unit: 'ms' },
  { budget: 'pledge link Performance ≥ 98 (gzip)', limit: 2, value: 100 - result.lighthouseRuns['pledge link, gzip'].performance, unit: 'points short of 100' },
].map((b) => ({ ...b, pass: b.value <= b.limit, margin: round(b.limit - b.value) }));

await mkdir(`${root}bench/results`, { recursive: true });
await writeFile(`${root}bench/results/latest.json`, JSON.stringify(result, null, 2));

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const rows = (set) => set.files.map((f) => `| ${f.file} | ${kb(f.raw)} | ${kb(f.gzip)} | ${kb(f.brotli)} |`).join('\n');
console.log(`## First screen (widget)

| file | raw | gzip -9 | brotli |
|---|---|---|---|
${rows(result.widget)}
| **total** | **${kb(result.widget.total.raw)}** | **${kb(result.widget.total.gzip)}** | **${kb(result.widget.total.brotli)}** |

Loaded on demand (the verify build for a pledge link; the full build from the identity step on, or for the card): ${result.onDemand.map((f) => `${f.file} ${kb(f.raw)} raw, ${kb(f.gzip)} gzip`).join('; ')}.

Loaded only for the card: ${result.cardOnly.map((f) => `${f.file} ${kb(f.gzip)}`).join(', ')}.

## Baseline: bare Leptos 0.8 counter, same Trunk, profile and wasm-opt

| file | raw | gzip -9 | brotli |
|---|---|---|---|
${rows(result.baseline)}
| **total** | **${kb(result.baseline.total.raw)}** | **${kb(result.baseline.total.gzip)}** | **${kb(result.baseline.total.brotli)}** |

Ratio widget ÷ baseline (gzip): **${result.ratio} ×**

## Timings, headless Chromium, median of ${RUNS}

| measure | ms |
|---|---|
| navigation → welcome interactive | ${result.timings.welcomeMs} |
| navigation → first proposal interactive (returning candidate) | ${result.timings.firstProposalMs} |
| tick → next paint | ${result.timings.tickToPaintMs} |
| summary → sign step shown (full build takes over, prefetched) | ${result.timings.summaryToSignStepMs} |
| sign (first signature includes key generation) | ${result.timings.signMs} |
| navigation → verified link shown | ${result.timings.verifyOnLoadMs} |
${Object.entries(result.timings.cardMs).map(([k, v]) => `| card ${k} | ${v} |`).join('\n')}

## Card and link

| measure | value |
|---|---|
${Object.entries(result.cardBytes).map(([k, v]) => `| PNG ${k} (full pledge, drawn signature) | ${kb(v)} |`).join('\n')}
| link without drawn signature (on ${result.links.pageUrl}) | ${result.links.withoutDrawing} chars (fragment ${result.links.fragmentWithoutDrawing}) |
| link with drawn signature | ${result.links.withDrawing} chars (fragment ${result.links.fragmentWithDrawing}) |

## What a phone pays (gzip -9 of each file served, counted on the server)

| visit | KB | files |
|---|---|---|
| before the welcome screen's first paint | ${kb(result.phone.beforeFirstPaint)} | ${result.phone.firstScreen.beforePaint.join(', ')} |
| first screen, service worker blocked, until « Commencer » | ${kb(result.phone.firstScreen.bytes)} | ${result.phone.firstScreen.files.length} |
| whole first visit, service worker allowed (welcome only) | ${kb(result.phone.firstVisit.bytes)} | ${result.phone.firstVisit.files.length} |
| a pledge link, until « Signature valide » | ${kb(result.phone.pledgeLink.bytes)} | ${result.phone.pledgeLink.files.join(', ')} |
| baseline counter, first screen | ${kb(result.baseline.total.gzip)} | ${result.baseline.files.length} |

## Lighthouse, mobile preset

Median run by LCP of ${LH_RUNS} (range over the runs in brackets).

| page, serving | Performance | Accessibility | Best Practices | SEO | LCP | TBT | CLS |
|---|---|---|---|---|---|---|---|
${Object.entries(result.lighthouseRuns).map(([k, r]) => `| ${k} | ${r.performance} (${r.performanceRange}) | ${r.accessibility} | ${r['best-practices']} | ${r.seo} | ${r.lcp} (${r.lcpRange}) | ${r.tbt} | ${r.cls} |`).join('\n')}

## The public wall (TEST lists, gzip, median of ${Math.min(RUNS, 7)})

| pledges | list | gzip | per entry (gzip) | first screen | fetched · list checked · pledges checked · wall built | keystroke median / slowest |
|---|---|---|---|---|---|---|
${Object.entries(result.wall).map(([n, w]) => `| ${n} | ${kb(w.listBytes)} | ${kb(w.listGzipBytes)} | ${w.bytesPerEntry} B (${w.gzipBytesPerEntry} B) | ${w.firstScreenMs} ms (${w.firstScreenRangeMs}) | ${w.stepsMs.fetched} · ${w.stepsMs['list-checked']} · ${w.stepsMs['pledges-checked']} · ${w.stepsMs.built} ms | ${w.keystrokeMedianMs} / ${w.keystrokeMaxMs} ms |`).join('\n')}

## The organiser's console (TEST links, median of ${Math.min(RUNS, 3)})

| links | pasted (main thread) | status click: shown (then saved, its longest task) | publish (longest task) | reload: record read and checked | stored | said |
|---|---|---|---|---|---|---|
${Object.entries(result.console).map(([n, c]) => `| ${n} | ${c.pasteMs} ms | ${c.statusClickMs} ms (${c.statusSavedMs} ms, ${c.statusSavedLongestTaskMs} ms) | ${c.publishMs} ms (${c.publishLongestTaskMs} ms) | ${c.reloadOpenMs} ms (${c.reloadShows}) | ${c.storedChars} chars | ${c.notices.join(' ') || '—'} |`).join('\n')}

## The whole country (${result.national.pledges} TEST pledges in ${result.national.departementFiles} départements' files and ${result.national.communeFiles} communes', 10,000 elected; gzip, median of ${Math.min(RUNS, 5)})

| measure | value |
|---|---|
| a commune's wall, ${result.national.commune}: to its first names | ${result.national.communeFirstNamesMs} ms |
| … bytes over the wire, the build included | ${kb(result.national.communeBytes)}${result.national.communeFetchedTheWholeList ? ' (**fetched the whole list**)' : ''} |
| … what it fetched | ${result.national.communeFetched.join(', ')} |
| national totals, from the signed index | ${result.national.nationalTotalsMs} ms (${kb(result.national.nationalTotalsBytes)}) |
| a commune searched by name across shards: first results | ${result.national.searchFirstResultsMs} ms |
| the whole country fetched and verified in the background | ${result.national.wholeCountryVerifiedMs} ms |
| the main thread's longest task during all of it | ${result.national.longestTaskMs} ms |

## Budgets

| budget | value | result | margin |
|---|---|---|---|
${result.budgets.map((b) => `| ${b.budget} | ${b.value} ${b.unit} | ${b.pass ? 'pass' : '**FAIL**'} | ${b.margin} ${b.unit} |`).join('\n')}
`);
