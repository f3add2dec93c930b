// Proves the README's first command: starts `scripts/serve` on a free port
// from this checkout, waits until it serves, opens the page in Chromium,
// sees the welcome screen's start button and, after a tap, proposal 1; then
// changes a watched file, waits for the rebuild and checks the page again;
// stops the server by its process id (the whole process group). Any step
// that fails exits non-zero, so a broken serve fails CI (scripts/test).
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { rm, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

import { launchChromium } from '../tests/e2e/browser.mjs';
import { readCampaign } from './campaign-page.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const STARTUP_LIMIT_MS = 30 * 60_000; // a first release build on 2 cores
const REBUILD_LIMIT_MS = 10 * 60_000;

function freePort() {
  return new Promise((ok, fail) => {
    const probe = createServer();
    probe.on('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => ok(port));
    });
  });
}

const sleep = (ms) => new Promise((ok) => setTimeout(ok, ms));
const port = await freePort();
const url = `http://127.0.0.1:${port}/`;
let log = '';
let builds = 0;
let exited = null;
const changed = `${root}style/.serve-check-${process.pid}.tmp`;

console.log(`serve check: scripts/serve --port ${port}`);
const started = Date.now();
const server = spawn('bash', ['scripts/serve', '--port', String(port)], {
  cwd: root,
  detached: true, // its own process group, so that stopping it stops Trunk and cargo
  stdio: ['ignore', 'pipe', 'pipe'],
  env: { ...process.env, NO_COLOR: 'true' }, // Trunk reads it as a flag: true|false
});
const take = (chunk) => {
  const text = chunk.toString();
  log += text;
  builds += (text.match(/success/gi) ?? []).length;
};
server.stdout.on('data', take);
server.stderr.on('data', take);
server.on('exit', (code, signal) => {
  exited = { code, signal };
});

function stop() {
  if (exited) return Promise.resolve();
  const done = new Promise((ok) => server.once('exit', ok));
  try {
    process.kill(-server.pid, 'SIGTERM');
  } catch {}
  return Promise.race([done, sleep(10_000).then(() => process.kill(-server.pid, 'SIGKILL'))]);
}

function fail(message) {
  const tail = log.split('\n').slice(-40).join('\n');
  throw new Error(`${message}\n--- last lines of scripts/serve ---\n${tail}`);
}

async function waitFor(what, limit, test) {
  const until = Date.now() + limit;
  while (Date.now() < until) {
    if (exited) fail(`scripts/serve exited (${JSON.stringify(exited)}) before ${what}`);
    if (await test()) return;
    await sleep(1000);
  }
  fail(`timed out waiting for ${what}`);
}

async function served() {
  try {
    const response = await fetch(url);
    return response.ok && (await response.text()).includes('id="pledge-widget"');
  } catch {
    return false;
  }
}

async function checkPage(browser) {
  const context = await browser.newContext({ locale: 'fr-FR', viewport: { width: 360, height: 740 } });
  const errors = [];
  await context.addInitScript(() => {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(e.violatedDirective));
  });
  const page = await context.newPage();
  page.on('pageerror', (e) => errors.push(e.message));
  const response = await page.goto(url);
  if (!response.ok()) fail(`${url} answered ${response.status()}`);
  const html = await response.text();
  if (/<script(?![^>]*\bsrc=)[^>]*>/.test(html)) fail('the served page has an inline script');
  await page.getByRole('button', { name: 'Commencer' }).click({ timeout: 60_000 });
  // The first proposal of the campaign this deployment builds.
  const campaign = await readCampaign(root);
  const first = campaign.proposals[0].title[campaign.languages[0]];
  await page.getByRole('heading', { name: first }).waitFor({ timeout: 30_000 });
  const csp = await page.evaluate(() => window.__csp);
  await context.close();
  if (errors.length) fail(`page errors: ${errors.join('; ')}`);
  if (csp.length) fail(`Content-Security-Policy violations: ${csp.join('; ')}`);
}

let browser;
try {
  await waitFor('the page is served', STARTUP_LIMIT_MS, served);
  console.log(`serve check: ${url} served after ${Math.round((Date.now() - started) / 1000)} s`);
  browser = await launchChromium();
  await checkPage(browser);
  console.log('serve check: welcome → proposal 1 works');

  // A change while serving (a new file where Trunk watches; Trunk ignores
  // a mere touch): it rebuilds, and the page still works.
  const before = builds;
  await writeFile(changed, `serve check ${Date.now()}\n`);
  await waitFor('the rebuild after a change', REBUILD_LIMIT_MS, async () => builds > before && (await served()));
  await checkPage(browser);
  console.log('serve check: still works after a rebuild');
} finally {
  await browser?.close();
  await stop();
  await rm(changed, { force: true });
}
if (!exited) fail('scripts/serve did not stop');
console.log('serve check: server stopped');
