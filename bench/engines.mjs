// The same measures in each engine: Chromium, Firefox ESR and WebKitGTK,
// over WebDriver classic with the cross-engine suite's drivers and flows
// (tests/engines/), against the release build in dist/ served gzip, as a
// host would. Medians over RUNS, in ms; each run opens fresh sessions
// (fresh profiles, nothing cached). Prints a Markdown table, one row per
// measure and one column per engine, then the same as a JSON line, and
// writes bench/results/engines.json. Nothing here is a budget or a test.
//
// How each time is taken:
// - from navigation: `performance.now()` in the page (milliseconds since
//   navigation start) when the element first appears, heard by a
//   MutationObserver that a small script of the same origin installs
//   first thing in the page's head (the CSP allows 'self' scripts; WebDriver
//   classic has no « run before the page's scripts »); the wall: the app's
//   own `pw-wall-ready` mark (totals and first entries drawn);
// - from a click: the click given in the page (`element.click()`), then
//   `performance.now()` when the result is in the page (a MutationObserver,
//   and every 5 ms for an image's decoding);
// - the journey to the summary only is timed from the driver's side
//   (Date.now() around the suite's flow: role and label look-ups, typed
//   keys, 100 ms polling), so it includes WebDriver's round trips.
// The service worker is served empty (registered, caches nothing), as
// bench/bench.mjs blocks it: no precache competes with the measures.
// The build must pin the TEST organiser (scripts/bench does): the wall is
// the 10,000 TEST list (examples/make_test_list.rs).
//
//   node bench/engines.mjs        # after scripts/bench built dist/ and the lists
//   BENCH_RUNS=5 PW_ENGINES=firefox BENCH_LISTS=/elsewhere/bench-lists node bench/engines.mjs
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

import { serveStatic } from '../tests/e2e/server.mjs';
import { LABELS } from '../tests/e2e/widget-page.mjs';
import { selectedEngines, startDriver, startXvfb } from '../tests/engines/drivers.mjs';
import { drawSignature, fillToSummary, newPage, open } from '../tests/engines/scenarios.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const L = LABELS.fr;
const NAMES = { chromium: 'Chromium', firefox: 'Firefox ESR', webkit: 'WebKitGTK' };
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
};

/** Served as /__pw-bench-probe.js, first in every page's head: when the
 * app's screens first appear, from navigation start. */
function probe() {
  const seen = (window.__pwSeen = {});
  const checks = {
    mounted: () => document.querySelector('#pledge-widget > .pw-widget'),
    valid: () => document.querySelector('.pw-seal--valid'),
  };
  const look = () => {
    for (const [k, found] of Object.entries(checks)) if (!(k in seen) && found()) seen[k] = performance.now();
  };
  new MutationObserver(look).observe(document, { subtree: true, childList: true });
}

/** The first paint where the engine reports one (paint timing). */
const FCP = "return performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null";

/** Waits for the probe to have seen `what`; its time from navigation. */
async function seen(p, what, timeout = 60000) {
  return p.until(() => p.exec(`return window.__pwSeen?.${what} ?? null`), `the probe to see « ${what} »`, timeout);
}

/**
 * Clicks `target` (a JS expression for the element) in the page and
 * resolves to the milliseconds until `ready` (a JS expression) holds.
 */
function clickUntil(p, target, ready, what) {
  return p.run(`
    const t0 = performance.now();
    return await new Promise((ok, fail) => {
      let over = false;
      const end = (f, v) => { if (!over) { over = true; observer.disconnect(); clearInterval(poll); clearTimeout(limit); f(v); } };
      const check = () => { try { if (${ready}) end(ok, performance.now() - t0); } catch { /* not yet */ } };
      const observer = new MutationObserver(check);
      observer.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
      const poll = setInterval(check, 5);
      const limit = setTimeout(() => end(fail, new Error('timed out: ' + ${JSON.stringify(what)})), 60000);
      const el = ${target};
      if (!el) end(fail, new Error('nothing to click: ' + ${JSON.stringify(what)}));
      else el.click();
    });`);
}

const button = (text) => `[...document.querySelectorAll('button')].find((b) => b.textContent.trim() === ${JSON.stringify(text)})`;
const preview = (w, h) =>
  `(() => { const i = document.querySelector('.pw-card__preview'); return !!i && i.complete && i.naturalWidth === ${w} && i.naturalHeight === ${h}; })()`;

/** One run in one engine: three fresh sessions (the candidate, a visitor of
 * the link, the wall). */
async function oneRun(ctx, url) {
  const t = {};
  try {
    // The candidate: welcome, the journey, signing.
    let { p } = await newPage(ctx);
    if (!ctx.version) {
      const caps = await p.driver.getCapabilities();
      ctx.version = `${caps.get('browserName')} ${caps.get('browserVersion')}`;
    }
    await p.goto(url);
    t.welcome = await seen(p, 'mounted');
    t.welcomePaint = await p.exec(FCP);
    const t0 = Date.now();
    await fillToSummary(p);
    t.journey = Date.now() - t0;
    await p.press(L.toSign);
    await p.heading(L.signHeading);
    await drawSignature(p);
    t.sign = await clickUntil(
      p,
      button(L.signButton),
      `document.querySelector('h1')?.textContent.includes(${JSON.stringify(L.signedHeading)}) && [...document.querySelectorAll('input, textarea')].some((e) => e.value.includes('#e='))`,
      'the signed screen and its link',
    );
    const link = await p.value(await p.role('textbox', L.link, { exact: false }));

    // A visitor of the link, then the card it asks for: the full build is
    // fetched and takes the page over, then draws the 1200×630 PNG; then
    // another format (the PNG alone).
    ({ p } = await newPage(ctx));
    await p.goto(link);
    t.verified = await seen(p, 'valid');
    await p.text(L.valid, { exact: true });
    // With a list longer than the browser is trusted with (the 10,000
    // served here), the verify build hands over to a build with the Rust
    // verifier at once, which shows the card without being asked: then
    // there is no click to time.
    await p.until(() => p.exec(`return !!(${button(L.showImage)}) || ${preview(1200, 630)}`), 'the card or its button', 60000);
    const asked = await p.exec(`return !!(${button(L.showImage)})`);
    t.card = asked ? await clickUntil(p, button(L.showImage), preview(1200, 630), 'the 1200×630 card') : null;
    t.cardFormat = await clickUntil(p, "document.querySelector('#pw-card-format-1080x1920')", preview(1080, 1920), 'the 1080×1920 card');

    // The wall of 10,000 pledges, from navigation to its totals drawn.
    ({ p } = await newPage(ctx));
    await p.goto(`${url}?mur`);
    // (Or the list refused, said: the refusal is reported.)
    const wall = await p.until(
      () =>
        p.exec(`const ready = performance.getEntriesByName('pw-wall-ready')[0];
          if (ready) return { ms: ready.startTime, figures: document.querySelector('.pw-wall__figures')?.innerText };
          const refused = document.querySelector('.pw-seal--invalid');
          return refused && { refused: refused.innerText };`),
      'the wall (pw-wall-ready) or its refusal',
      120000,
    );
    t.wall = wall.ms ?? null;
    t.wallSays = (wall.figures ?? `refused: ${wall.refused}`).replace(/\s+/g, ' ').trim();
  } finally {
    for (const page of ctx.pages.splice(0)) await ctx.driver.endSession(page.driver);
  }
  return t;
}

/** The rows of the table: key, what it measures. */
export const MEASURES = [
  ['welcomePaint', 'journey: navigation → welcome painted (prerendered; first-contentful-paint)'],
  ['welcome', 'journey: navigation → welcome screen, app started'],
  ['journey', 'journey: « Commencer » → summary (WebDriver-driven: 2 ticks, 2 jumps, name, commune)'],
  ['sign', 'sign: « Signer mon engagement » (drawn) → signed screen with its link'],
  ['verified', 'link verified: navigation (fresh profile) → « Signature valide »'],
  ['card', "card: « Afficher l'image » on the link → 1200×630 PNG shown (full build loaded)"],
  ['cardFormat', 'card: another format → 1080×1920 PNG shown'],
  ['wall', 'wall of 10,000: navigation to ?mur → totals shown (pw-wall-ready)'],
];

/** Medians in ms per engine: `{ engine: { version, runs, measure: ms } }`. */
export async function benchEngines({ runs = 3, engines = selectedEngines(), dir = `${root}target/bench-lists` } = {}) {
  const list = await readFile(`${dir}/10000/engagements.json`);
  const server = await serveStatic(`${root}dist`, {
    gzip: true,
    extra: { '/engagements.json': list, '/__pw-bench-probe.js': `(${probe})();\n`, '/sw.js': '' },
    rewrite: (_, html) => html.replace('<head>', '<head><script src="/__pw-bench-probe.js"></script>'),
  });
  const xvfb = engines.includes('webkit') ? await startXvfb() : null;
  const out = {};
  try {
    for (const engine of engines) {
      const ctx = { engine, pages: [], driver: await startDriver(engine, { display: xvfb?.display }) };
      try {
        const results = [];
        for (let run = 0; run < runs; run += 1) results.push(await oneRun(ctx, server.url));
        out[engine] = { version: ctx.version, runs };
        for (const [key] of MEASURES) {
          const xs = results.map((r) => r[key]).filter((x) => typeof x === 'number');
          out[engine][key] = xs.length ? Math.round(median(xs)) : null;
          if (xs.length > 1) out[engine][`${key}Range`] = `${Math.round(Math.min(...xs))}–${Math.round(Math.max(...xs))}`;
        }
        out[engine].wallSays = [...new Set(results.map((r) => r.wallSays))].join(' / ');
      } catch (e) {
        out[engine] = { error: e.message.split('\n')[0] };
        console.error(`${engine}: ${e.stack}`);
      } finally {
        await ctx.driver.close();
      }
    }
  } finally {
    await xvfb?.close();
    await server.close();
  }
  return out;
}

/** The Markdown table: one row per measure, one column per engine. */
export function table(result) {
  const engines = Object.keys(result);
  const head = engines.map((e) => `${NAMES[e]}${result[e].version ? ` (${result[e].version.split(' ').pop()})` : ''}`);
  const cell = (r, key) => {
    if (r.error) return 'failed';
    if (r[key] === null) return key === 'wall' && r.wallSays?.startsWith('refused') ? `list ${r.wallSays}` : '—';
    return r[`${key}Range`] ? `${r[key]} (${r[`${key}Range`]})` : String(r[key]);
  };
  return [
    `| median ms (range) over ${Math.max(...engines.map((e) => result[e].runs ?? 0))} runs | ${head.join(' | ')} |`,
    `|---|${engines.map(() => '---').join('|')}|`,
    ...MEASURES.map(([key, label]) => `| ${label} | ${engines.map((e) => cell(result[e], key)).join(' | ')} |`),
  ].join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const result = await benchEngines({
    runs: Number(process.env.BENCH_RUNS ?? 3),
    dir: process.env.BENCH_LISTS ?? `${root}target/bench-lists`,
  });
  await mkdir(`${root}bench/results`, { recursive: true });
  await writeFile(`${root}bench/results/engines.json`, JSON.stringify(result, null, 2));
  console.log(`## Per engine (WebDriver, fresh profiles, gzip)\n\n${table(result)}\n`);
  console.log(JSON.stringify(result));
  for (const [engine, r] of Object.entries(result)) if (r.error) console.error(`${engine} failed: ${r.error}`);
  if (Object.values(result).some((r) => r.error)) process.exitCode = 1;
  // The drivers' 'exit' handlers stop anything left.
  process.exit();
}
