// Trunk post-build hook:
// 1. replaces the inline module script Trunk writes into index.html with a
//    boot file of our own, so that the widget runs under a strict
//    Content-Security-Policy (`script-src 'self'`, no 'unsafe-inline');
//    that boot script starts the small journey build, or the verify build
//    for a pledge link, loads the others on demand (see src/web/builds.rs),
//    and registers the service worker on the standalone page;
// 2. minifies each build's JavaScript glue (terser: wasm-bindgen writes it
//    readable, and a pledge link's visitor fetches it before the verdict),
//    and gives the builds other than the journey's (built by Trunk as
//    "workers", so that they are neither preloaded nor started)
//    content-hashed names;
// 3. writes the service worker (sw.js) with the list of this build's files
//    (those of the first screen, and the rest);
// 4. makes the link-preview image URLs absolute when the site's address is
//    known at build time (scripts/site-settings.mjs);
// 5. ships the security policy: a <meta> Content-Security-Policy in
//    index.html and a `_headers` file with the headers a meta tag cannot
//    give (scripts/security-headers.mjs);
// 6. fills the page's title, descriptions and colour from the campaign
//    file, writes the campaign's colours as a stylesheet and its name into
//    the manifest (scripts/campaign-page.mjs), and minifies the widget's
//    stylesheet (lightningcss);
// 7. in release builds, puts the welcome screen, as the app renders it in
//    each language, into index.html (scripts/prerender.mjs), with the
//    prepaint script that picks one before first paint.
import { createHash } from 'node:crypto';
import { readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

import { transform as transformCss } from 'lightningcss';
import { minify as minifyJs } from 'terser';

import { writeCommunes } from './communes.mjs';
import { HAND_OVER_PAGE, headersFile, withMetaPolicy } from './security-headers.mjs';
import { readSettings, withSiteUrl } from './site-settings.mjs';
import {
  campaignCss,
  iconSvg,
  readCampaign,
  storagePrefix,
  withCampaign,
  withCampaignLoader,
  withCampaignManifest,
  withCampaignStorage,
} from './campaign-page.mjs';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error('run by Trunk as a post_build hook (TRUNK_STAGING_DIR is unset)');
const hash = (...parts) => {
  const h = createHash('sha256');
  for (const p of parts) h.update(p);
  return h.digest('hex').slice(0, 16);
};

// Scripts are shipped minified (their comments stay in the source): every
// byte on the first screen's and a pledge link's path counts.
async function minifyScript(js, module) {
  const { code } = await minifyJs(js, { module, ecma: 2020, compress: { passes: 2 }, format: { comments: false } });
  if (!code) throw new Error('terser gave nothing');
  return code;
}

const file = join(dir, 'index.html');
let html = await readFile(file, 'utf8');
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const settings = await readSettings(root);
html = withMetaPolicy(withSiteUrl(html, settings.siteUrl));

// The campaign: the page's texts, its colours (a stylesheet before the
// widget's, which reads them), the manifest.
const campaign = await readCampaign(root);
html = withCampaign(html, campaign);
const css = campaignCss(campaign);
const campaignStyle = `campaign-${hash(css)}.css`;
await writeFile(join(dir, campaignStyle), css);
const firstStyle = html.search(/<link rel="stylesheet"/);
if (firstStyle < 0) throw new Error("no stylesheet in index.html: where does the campaign's go?");
html = `${html.slice(0, firstStyle)}<link rel="stylesheet" href="./${campaignStyle}" />\n    ${html.slice(firstStyle)}`;

// The widget's stylesheet, minified (Trunk's own minifier would minify the
// page too, which the steps here read): render-blocking, every byte counts
// before the first paint. Renamed by its new contents, its integrity
// recomputed.
const widgetStyle = /<link rel="stylesheet" href="\.\/(widget-[0-9a-f]+\.css)"[^>]*>/;
const styleName = html.match(widgetStyle)?.[1];
if (!styleName) throw new Error("the widget's stylesheet is missing from index.html");
const { code: minified } = transformCss({ filename: 'widget.css', code: await readFile(join(dir, styleName)), minify: true });
const minifiedName = `widget-${hash(minified)}.css`;
await rm(join(dir, styleName));
await writeFile(join(dir, minifiedName), minified);
const integrity = `sha384-${createHash('sha384').update(minified).digest('base64')}`;
html = html.replace(widgetStyle, `<link rel="stylesheet" href="./${minifiedName}" integrity="${integrity}"/>`);
const manifestFile = join(dir, 'manifest.webmanifest');
const manifest = withCampaignManifest(JSON.parse(await readFile(manifestFile, 'utf8')), campaign);
await writeFile(manifestFile, `${JSON.stringify(manifest, null, 2)}\n`);
const loaderFile = join(dir, 'embed.js');
await writeFile(loaderFile, withCampaignLoader(await readFile(loaderFile, 'utf8'), campaign));
await writeFile(join(dir, 'icons/icon.svg'), iconSvg(campaign));
// The opener policy is given path by path: the widget's page is where the
// folder is served from (`site_url`), or the host's root.
const basePath = settings.siteUrl ? new URL(settings.siteUrl).pathname : '/';
await writeFile(join(dir, '_headers'), headersFile(settings.frameAncestors, basePath));

// The journey build, as Trunk named it in its initializer.
const inline = /<script type="module">([\s\S]*?)<\/script>/;
const match = html.match(inline);
if (!match) throw new Error('no inline module script in index.html');
const journeyJs = match[1].match(/from '\.\/(pledge-journey-[0-9a-f]+\.js)'/)?.[1];
const journeyWasm = match[1].match(/'\.\/(pledge-journey-[0-9a-f]+_bg\.wasm)'/)?.[1];
if (!journeyJs || !journeyWasm) throw new Error('the journey build is missing from index.html');
// Not preloaded: a pledge link's visitor never needs the journey build.
html = html.replace(/<link rel="(?:modulepreload|preload)" href="\.\/pledge-journey-[^>]*>/g, '');

// A build's JavaScript glue, minified in place. Only local names are
// mangled: the module's exports and the names the wasm imports (properties
// of the import object) are kept.
async function minifyGlue(name) {
  const path = join(dir, name);
  await writeFile(path, await minifyScript(await readFile(path, 'utf8'), true));
}
await minifyGlue(journeyJs);

// The other builds (Trunk "workers": neither preloaded nor started),
// minified and renamed with a hash of their contents.
async function hashed(bin) {
  await minifyGlue(`${bin}.js`);
  const [js, wasm] = await Promise.all([readFile(join(dir, `${bin}.js`)), readFile(join(dir, `${bin}_bg.wasm`))]);
  const name = `${bin}-${hash(js, wasm)}`;
  await rename(join(dir, `${bin}.js`), join(dir, `${name}.js`));
  await rename(join(dir, `${bin}_bg.wasm`), join(dir, `${name}_bg.wasm`));
  return { js: `./${name}.js`, wasm: `./${name}_bg.wasm` };
}

const builds = {
  journey: { js: `./${journeyJs}`, wasm: `./${journeyWasm}` },
  verify: await hashed('pledge-verify'),
  full: await hashed('pledge-widget'),
  wall: await hashed('pledge-wall'),
  commune: await hashed('pledge-commune'),
  console: await hashed('pledge-console'),
};
const code = `// Starts the widget (written by scripts/externalize-boot.mjs at build time).
// Six builds (see src/components/shell/parts.rs and src/web/builds.rs): the
// first screen loads the small journey build; a pledge link (#e=…) the
// verify build; the public wall, a commune's wall (by its code) and the
// organiser's console their own; the
// full build (identity, signing, the card) is loaded when one of them asks
// for it, or straight away for a candidate back at those steps.
const builds = ${JSON.stringify(builds)};
const widget = (window.pwWidget ??= {});
const loading = {};
const starting = {};
const started = {};
let current = null;
const attempts = {};

// This build's files are no longer on the server: a new version was
// published while this tab was open (and no service worker kept them).
function buildGone() {
  const error = new Error('a new version of the widget was published');
  error.name = 'PwBuildGone';
  return error;
}
const gone = (status) => status === 404 || status === 410;

// A build's files, fetched once (again after a failure, bypassing any
// failed module the browser may have kept).
function fetchBuild(which) {
  if (!loading[which]) {
    const { js, wasm } = builds[which];
    attempts[which] = (attempts[which] ?? 0) + 1;
    const retry = attempts[which] > 1 ? \`?retry=\${attempts[which] - 1}\` : '';
    loading[which] = Promise.all([
      import(js + retry).catch(async (error) => {
        const head = await fetch(js + retry, { method: 'HEAD' }).catch(() => null);
        throw head && gone(head.status) ? buildGone() : error;
      }),
      fetch(wasm + retry).then((response) => {
        if (gone(response.status)) throw buildGone();
        if (!response.ok) throw new Error(\`HTTP \${response.status}\`);
        return response.arrayBuffer();
      }),
    ]);
    loading[which].catch(() => {
      loading[which] = undefined;
    });
  }
  return loading[which];
}

widget.prefetchFull = () => {
  fetchBuild('full').catch(() => {});
};

// The service worker caches the rest of the widget once asked (see sw.js).
widget.precacheRest = () => {
  if ('serviceWorker' in navigator && window.top === window) {
    navigator.serviceWorker.ready.then((r) => r.active?.postMessage({ type: 'pw-precache-rest' })).catch(() => {});
  }
};

// The candidate's draft as stored for this campaign (src/state/
// campaign_storage.rs), or under the key of the build before campaign keys
// for the campaign that adopts those.
function storedDraft() {
  const draft = localStorage.getItem(${JSON.stringify(storagePrefix(campaign) + 'draft/v1')});
  return draft === null && ${campaign.adopt_unscoped_storage === true} ? localStorage.getItem('pw-pledge-widget/draft/v1') : draft;
}

// After a deploy, reloading loses nothing when the candidate's draft is in
// storage (it is saved at every change) or the page is a pledge link (it is
// in the address). Once per build, so a broken deploy cannot loop.
function reloadForNewVersion(which) {
  try {
    const pledgeLink = location.hash.startsWith('#e=');
    if (!pledgeLink && storedDraft() === null) return false;
    const mark = 'pw-pledge-widget/reloaded-for';
    if (sessionStorage.getItem(mark) === builds[which].js) return false;
    sessionStorage.setItem(mark, builds[which].js);
  } catch {
    return false;
  }
  location.reload();
  return true;
}

// Starts a build once; it takes the page over from the one running.
// Rejects with a PwBuildGone error when a deploy removed its files and the
// page cannot reload by itself without losing answers.
function start(which) {
  // A build runs its start once per page: one started before, and taken
  // over since (a page whose address went from the wall to a pledge and
  // back), cannot mount again. A fresh load of the page can (the
  // candidate's answers are in storage, saved at every change).
  if (started[which] && current !== which) {
    location.reload();
    return new Promise(() => {});
  }
  starting[which] ??= fetchBuild(which)
    .then(([glue, wasm]) => {
      // Its main runs within: whatever it asks for then, it is the one
      // on the page.
      started[which] = true;
      current = which;
      return glue.default({ module_or_path: wasm });
    })
    .catch((error) => {
      if (error.name === 'PwBuildGone' && reloadForNewVersion(which)) return new Promise(() => {});
      throw error;
    });
  starting[which].catch(() => {
    starting[which] = undefined;
  });
  return starting[which];
}
widget.startFull = () => start('full');
widget.startJourney = () => start('journey');
widget.startWall = () => start('wall');
widget.startConsole = () => start('console');

// A candidate who reached the identity step or signing resumes there:
// straight to the full build. (The draft's key and step names are those of crates/pledge-core/
// src/domain/journey/stored_draft.rs; the journey build hands over by
// itself if this misses.)
function resumesInFullBuild() {
  try {
    const step = JSON.parse(storedDraft())?.step;
    return step === 'identity' || step === 'sign' || step === 'signed';
  } catch {
    return false;
  }
}

// The public wall (?mur, or a partner's view=wall) and the organiser's
// console (?organisateur) have builds of their own. The same reading as
// crates/pledge-core/src/domain/embed/embed_options.rs: the last of these
// parameters wins.
function organiserPage() {
  let page = null;
  for (const [key, value] of new URLSearchParams(location.search)) {
    const k = key.toLowerCase();
    if (k === 'mur') page = 'wall';
    else if (k === 'organisateur') page = 'console';
    else if (k === 'view') page = value === 'wall' || value === 'mur' ? 'wall' : null;
  }
  return page;
}

// A commune's wall by its official code (the commune build reads its own
// file, docs/list-shards.md); by a name, or none, the wall build. The
// same reading as embed_options.rs (the last \`commune\` wins, trimmed) and
// CommuneCode::parse (upper case).
function communeCode() {
  let commune = null;
  for (const [key, value] of new URLSearchParams(location.search)) {
    if (key.toLowerCase() === 'commune') commune = value.trim().slice(0, 80) || null;
  }
  const code = commune?.toUpperCase();
  return code && /^([0-9]{2}|2[AB])[0-9]{3}$/.test(code) ? code : null;
}

// With a prerendered welcome screen on show, the app starts once the page
// has loaded and the browser has reported its first contentful paint:
// replacing it earlier would make the remount a later, larger paint, and
// put the wasm on the first paint's path.
function firstContentfulPaint() {
  return new Promise((resolve) => {
    if (performance.getEntriesByName('first-contentful-paint').length) return resolve();
    const fallback = setTimeout(resolve, 3000);
    try {
      new PerformanceObserver((list, observer) => {
        if (!list.getEntriesByName('first-contentful-paint').length) return;
        observer.disconnect();
        clearTimeout(fallback);
        resolve();
      }).observe({ type: 'paint', buffered: true });
    } catch {
      clearTimeout(fallback);
      resolve();
    }
  });
}

async function afterFirstPaint() {
  const shown = document.documentElement.getAttribute('data-pw-first');
  if (shown !== 'fr' && shown !== 'en') return;
  if (document.readyState !== 'complete') {
    await new Promise((r) => addEventListener('load', r, { once: true }));
  }
  await firstContentfulPaint();
  await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
}

// The organiser's list, for the wall or a pledge link's status, is fetched
// while the build loads (the app takes these answers, src/web/list.rs); only
// where the build pins an organiser key. First the index of a sharded
// publication (docs/list-shards.md); the whole list only where there is
// none (\`undefined\`: the app fetches what it needs itself).
const organiserKey = ${JSON.stringify(settings.organiserKey)};
if (organiserKey && (organiserPage() === 'wall' || location.hash.startsWith('#e='))) {
  widget.index = fetch('./engagements/index.json', { cache: 'no-cache' }).catch(() => null);
  widget.list = widget.index.then((index) =>
    index && index.status === 404 ? fetch('./engagements.json', { cache: 'no-cache' }).catch(() => null) : undefined,
  );
  if (organiserPage() === 'wall' && communeCode() && !location.hash.startsWith('#e=')) {
    widget.commune = fetch('./engagements/communes/' + communeCode() + '.json', { cache: 'no-cache' }).catch(() => null);
  }
}

try {
  // #d=…: answers carried from a partner's frame, to sign here.
  const carried = location.hash.startsWith('#d=');
  // In the order the widget reads the page (crates/pledge-core/src/domain/
  // embed/embed_options.rs, src/components/shell/pledge_widget.rs): a
  // pledge link, the wall or the console, then the candidate's own.
  const first = location.hash.startsWith('#e=')
    ? 'verify'
    : organiserPage() === 'wall' && communeCode()
      ? 'commune'
      : (organiserPage() ?? (carried || resumesInFullBuild() ? 'full' : 'journey'));
  await afterFirstPaint();
  await start(first);
} catch (error) {
  const host = document.getElementById('pledge-widget');
  // Not mounted (the prerendered welcome screens are not the app).
  if (host && !host.querySelector(':scope > .pw-widget')) {
    host.textContent =
      "Le widget n'a pas pu se charger : vérifiez votre connexion, puis rechargez la page. " +
      '(The widget could not be loaded: check your connection, then reload the page.)';
  }
  throw error;
} finally {
  // Offline use of the standalone page (not inside a partner's frame),
  // once the first screen is up: its caching does not compete with it.
  if ('serviceWorker' in navigator && window.top === window) {
    navigator.serviceWorker.register('./sw.js').catch(() => {});
  }
}
`;
// Shipped minified (its comments are here, in the source).
const bootCode = await minifyScript(code, true);
const name = `boot-${hash(bootCode)}.js`;
await writeFile(join(dir, name), bootCode);
html = html.replace(inline, `<script type="module" src="./${name}"></script>`);
// The prepaint script (assets/prepaint.js), blocking in <head>: it picks the
// prerendered welcome variant (or a neutral state) before first paint.
const prepaintCode = await minifyScript(withCampaignStorage(await readFile(join(dir, 'prepaint.js'), 'utf8'), campaign), false);
const prepaint = `prepaint-${hash(prepaintCode)}.js`;
await writeFile(join(dir, prepaint), prepaintCode);
await rm(join(dir, 'prepaint.js'));
html = html.replace('</head>', `  <script src="./${prepaint}"></script>\n  </head>`);
// The page's own comments are for its source, not for every visitor: gone
// (the app's empty markers, `<!---->`, are not comments of ours).
html = html.replace(/\n?[ \t]*<!--(?=[^>]*\s)[\s\S]*?-->/g, '');
await writeFile(file, html);
if (/<script(?![^>]*\bsrc=)[^>]*>/.test(html)) {
  throw new Error('an inline script is left in index.html');
}

// The official communes, in shards the commune field fetches as the
// candidate types (scripts/communes.mjs).
const communes = await writeCommunes(join(dir, 'communes'));
console.log(`communes: ${communes.communes} in ${communes.shards} shards, largest ${communes.largestGzip} B gzip`);

// The service worker, with every file of this build.
async function list(d) {
  const out = [];
  for (const entry of await readdir(d, { withFileTypes: true })) {
    const path = join(d, entry.name);
    if (entry.isDirectory()) out.push(...(await list(path)));
    else out.push(relative(dir, path).split('\\').join('/'));
  }
  return out;
}
const template = join(dir, 'sw.template.js');
// The link-preview image is for social networks' crawlers, not the widget.
const files = (await list(dir)).filter(
  (f) =>
    !['sw.template.js', 'sw.js', '_headers'].includes(f) && !f.endsWith('.txt') && !f.startsWith('social/'),
);
// The communes' shards are cached as the candidate fetches them, never all
// at once (774 KB gzip in all; a candidate needs two or three).
// Cached as they are fetched, not beforehand: the communes, and the walls'
// and the console's builds (a candidate needs none of them).
// The signatures' worker (assets/verify-worker.js) is the wall's and the
// console's.
const lazy = files.filter((f) => f.startsWith('communes/') || /^pledge-(wall|commune|console)-/.test(f) || f === 'verify-worker.js').sort();
const precache = ['./', ...files.filter((f) => f !== 'index.html' && !lazy.includes(f)).sort()];
// Cached at the first visit: the page and its small files, so that a
// glance costs little (the page has just fetched the journey build itself;
// a second copy for the cache waits). Everything else (the three builds,
// the card's fonts, the icons, the loader) once the candidate starts the
// journey, or as each file is first fetched through the worker.
const firstScreen = new Set(['./', name, prepaint, 'manifest.webmanifest']);
const core = precache.filter((f) => firstScreen.has(f) || f.endsWith('.css'));
// The hand-over page (written last, a copy of the finished index.html).
const rest = [...precache.filter((f) => !core.includes(f)), HAND_OVER_PAGE];
// The manifest's text too: a campaign's new name reaches returning visitors.
// The communes' index too: département names may change with the same shards.
const build = hash(
  [...precache, ...lazy].join('\n'),
  bootCode,
  await readFile(manifestFile),
  await readFile(join(dir, 'communes/index.tsv')),
);
const sw = (await readFile(template, 'utf8'))
  .replace('__BUILD__', build)
  .replace('__CORE__', JSON.stringify(core, null, 2))
  .replace('__REST__', JSON.stringify(rest, null, 2))
  .replace('__LAZY__', JSON.stringify(lazy));
await writeFile(join(dir, 'sw.js'), sw);
await rm(template);

// 7. The welcome screen in the HTML, rendered by the app itself in headless
//    Chromium (release builds; `PW_PRERENDER=0` skips it).
if (process.env.TRUNK_PROFILE === 'release' && process.env.PW_PRERENDER !== '0') {
  const { renderWelcome, withWelcome } = await import('./prerender.mjs');
  await writeFile(file, withWelcome(html, await renderWelcome(dir, campaign.languages)));
}

// 8. The hand-over page: the same page, at the address a partner's frame
//    opens to sign, served without the opener policy (see
//    scripts/security-headers.mjs); assets/prepaint.js sends anyone but the
//    widget's own frame on to the widget's page.
await writeFile(join(dir, HAND_OVER_PAGE), await readFile(file, 'utf8'));

// 9. A page for addresses that are not the widget's, so that a host that
//    serves index.html for any unknown path (Cloudflare Pages without a
//    404.html) never shows the widget at an address without its opener
//    policy.
await writeFile(
  join(dir, '404.html'),
  withMetaPolicy(
    '<!doctype html>\n<html lang="fr">\n<head>\n<meta charset="utf-8" />\n' +
      '<meta name="viewport" content="width=device-width, initial-scale=1" />\n' +
      '<title>Page introuvable</title>\n</head>\n<body>\n' +
      '<p>Page introuvable. <span lang="en">(Page not found.)</span></p>\n</body>\n</html>\n',
  ),
);
