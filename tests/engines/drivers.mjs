// The three engines over WebDriver classic: Debian's Chromium
// (chromedriver), Firefox ESR (geckodriver, headless) and WebKitGTK
// (WebKitWebDriver driving MiniBrowser, under one Xvfb for the run).
// Drivers are started here on free ports and sessions made with
// selenium-webdriver's plain HTTP executor: no Selenium Manager, no
// download (SE_OFFLINE=true as a second lock), no BiDi.
import { appendFileSync } from 'node:fs';
import { execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { readdirSync, existsSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';

import { WebDriver } from 'selenium-webdriver';

import { CHROMIUM, CHROMIUM_FLAGS } from '../e2e/browser.mjs';
import { Executor, HttpClient } from 'selenium-webdriver/http/index.js';

process.env.SE_OFFLINE = 'true';
// Stopped from outside (timeout, Ctrl-C): the 'exit' handlers below stop
// the drivers, browsers and Xvfb this run started.
const stopRun = () => process.exit(130);
process.on('SIGTERM', stopRun);
process.on('SIGINT', stopRun);

export const ENGINES = ['chromium', 'firefox', 'webkit'];

/** The engines to run: all three, or those PW_ENGINES names (comma-separated). */
export function selectedEngines() {
  const asked = (process.env.PW_ENGINES ?? '').split(',').map((e) => e.trim()).filter(Boolean);
  for (const e of asked) {
    if (!ENGINES.includes(e)) throw new Error(`PW_ENGINES: unknown engine ${e} (${ENGINES.join(', ')})`);
  }
  return asked.length ? asked : ENGINES;
}

function findMiniBrowser() {
  if (process.env.PW_MINIBROWSER) return process.env.PW_MINIBROWSER;
  for (const lib of readdirSync('/usr/lib', { withFileTypes: true })) {
    if (!lib.isDirectory()) continue;
    let dirs = [];
    try {
      dirs = readdirSync(`/usr/lib/${lib.name}`).filter((d) => /^webkit2gtk-4\./.test(d)).sort().reverse();
    } catch {
      continue;
    }
    for (const d of dirs) {
      const path = `/usr/lib/${lib.name}/${d}/MiniBrowser`;
      if (existsSync(path)) return path;
    }
  }
  throw new Error('MiniBrowser not found: run scripts/setup.sh (ensure_webkit)');
}

/**
 * WebKitGTK takes navigator.language from the C library's locale, which
 * must exist: where fr_FR.UTF-8 is not installed, it is compiled once into
 * a folder of our own (localedef, no root) and found through LOCPATH.
 */
function frenchLocale() {
  const installed = execFileSync('locale', ['-a'], { encoding: 'utf8' });
  if (/^fr_FR\.utf-?8$/im.test(installed)) return {};
  const dir = `${tmpdir()}/pw-locales`;
  if (!existsSync(`${dir}/fr_FR.UTF-8`)) {
    mkdirSync(dir, { recursive: true });
    execFileSync('localedef', ['-i', 'fr_FR', '-f', 'UTF-8', `${dir}/fr_FR.UTF-8`]);
  }
  return { LOCPATH: dir };
}

async function freePort() {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address();
  await new Promise((ok) => server.close(ok));
  return port;
}

const sleep = (ms) => new Promise((ok) => setTimeout(ok, ms));

/** With PW_ENGINES_TRACE set, each driver step on stderr (to find a hang). */
export function trace(what) {
  const file = process.env.PW_ENGINES_TRACE;
  if (file) appendFileSync(file, `[engines ${new Date().toISOString()}] ${what}\n`);
}

/** One Xvfb for the whole run; resolves to `{ display, close }`. */
export async function startXvfb() {
  const proc = spawn('Xvfb', ['-displayfd', '3', '-screen', '0', '1920x1080x24', '-nolisten', 'tcp'], {
    stdio: ['ignore', 'ignore', 'pipe', 'pipe'],
  });
  process.on('exit', () => proc.kill());
  let err = '';
  proc.stderr.on('data', (d) => (err += d));
  const display = await new Promise((ok, fail) => {
    let out = '';
    proc.stdio[3].on('data', (d) => {
      out += d;
      if (out.includes('\n')) ok(`:${out.trim()}`);
    });
    proc.on('exit', (code) => fail(new Error(`Xvfb exited (${code}): ${err}`)));
  });
  return {
    display,
    close: async () => {
      if (proc.exitCode === null) {
        proc.kill();
        await once(proc, 'exit');
      }
    },
  };
}

/** Where each engine's driver is, and how a session of it is asked for. */
function engineSpec(engine, { display } = {}) {
  switch (engine) {
    case 'chromium':
      return {
        driver: process.env.CHROMEDRIVER ?? '/usr/bin/chromedriver',
        args: (port) => [`--port=${port}`],
        env: {},
        capabilities: () => ({
          browserName: 'chrome',
          'goog:chromeOptions': {
            binary: CHROMIUM,
            args: [...CHROMIUM_FLAGS, '--lang=fr-FR'],
            prefs: { 'intl.accept_languages': 'fr-FR,fr' },
          },
        }),
      };
    case 'firefox':
      return {
        driver: process.env.PW_GECKODRIVER ?? process.env.GECKODRIVER ?? 'geckodriver',
        args: (port) => ['--host', '127.0.0.1', '--port', String(port)],
        env: {},
        capabilities: () => ({
          browserName: 'firefox',
          'moz:firefoxOptions': {
            binary: process.env.PW_FIREFOX ?? '/usr/bin/firefox-esr',
            // (Its window is never narrower than 500 px.)
            args: ['-headless'],
            prefs: {
              'intl.accept_languages': 'fr-FR, fr',
              'intl.locale.requested': 'fr-FR',
              // No network of its own (updates, telemetry, safe browsing).
              'app.update.enabled': false,
              'browser.safebrowsing.malware.enabled': false,
              'browser.safebrowsing.phishing.enabled': false,
              'datareporting.policy.dataSubmissionEnabled': false,
            },
          },
        }),
      };
    case 'webkit':
      return {
        driver: process.env.PW_WEBKITDRIVER ?? 'WebKitWebDriver',
        args: (port) => [`--port=${port}`],
        // MiniBrowser inherits the driver's environment: the display, and
        // French as the visitor's language (navigator.language).
        env: { DISPLAY: display, LANG: 'fr_FR.UTF-8', LC_ALL: 'fr_FR.UTF-8', ...frenchLocale() },
        capabilities: () => ({
          browserName: 'MiniBrowser',
          'webkitgtk:browserOptions': { binary: findMiniBrowser(), args: ['--automation'] },
        }),
      };
    default:
      throw new Error(`unknown engine ${engine}`);
  }
}

/** Starts one driver process on a free port; resolves to `{ url, stop }`. */
async function spawnDriver(spec) {
  const port = await freePort();
  const proc = spawn(spec.driver, spec.args(port), {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...spec.env },
  });
  let log = '';
  const keep = (d) => {
    log = (log + d).slice(-8000);
  };
  proc.stdout.on('data', keep);
  proc.stderr.on('data', keep);
  // Never left behind, whatever ends the run.
  const orphan = () => proc.kill();
  process.on('exit', orphan);
  proc.on('exit', () => process.off('exit', orphan));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 20000;
  for (;;) {
    if (proc.exitCode !== null) throw new Error(`${spec.driver} exited: ${log}`);
    try {
      // A driver that listens but never answers is not waited for.
      const res = await fetch(`${url}/status`, { signal: AbortSignal.timeout(2000) });
      if (res.ok) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) throw new Error(`${spec.driver} did not start: ${log}`);
    await sleep(100);
  }
  return {
    url,
    log: () => log,
    stop: async () => {
      if (proc.exitCode === null) {
        proc.kill();
        await Promise.race([once(proc, 'exit'), sleep(5000)]);
      }
    },
  };
}

/**
 * The engine's sessions: `{ engine, newSession(), endSession(d), close() }`.
 * Every session is a fresh profile with a driver process of its own
 * (geckodriver and WebKitWebDriver hold one session each).
 */
export async function startDriver(engine, options = {}) {
  const spec = engineSpec(engine, options);
  const sessions = new Map();
  return {
    engine,
    async newSession() {
      const server = await spawnDriver(spec);
      let driver;
      try {
        // A browser that never starts fails the test in two minutes, not
        // the whole run's time.
        const started = (async () => {
          trace(`${engine}: creating a session on ${server.url}`);
          const d = await WebDriver.createSession(new Executor(new HttpClient(server.url)), spec.capabilities());
          await d.getSession();
          return d;
        })();
        let timer;
        driver = await Promise.race([
          started,
          new Promise((_, fail) => {
            timer = setTimeout(() => fail(new Error('the browser did not start in 120 s')), 120000);
          }),
        ]).finally(() => clearTimeout(timer));
      } catch (e) {
        await server.stop();
        throw new Error(`${engine}: no session (${e.message}): ${server.log()}`);
      }
      sessions.set(driver, server);
      await Promise.race([
        driver.manage().setTimeouts({ script: 60000, pageLoad: 30000 }),
        sleep(10000).then(() => {
          throw new Error(`${engine}: no answer from the driver in 10 s: setTimeouts`);
        }),
      ]);
      trace(`${engine}: session ready`);
      return driver;
    },
    async endSession(driver) {
      const server = sessions.get(driver);
      sessions.delete(driver);
      // A browser that hangs does not hang the run: its driver is stopped.
      await Promise.race([driver.quit().catch(() => {}), sleep(10000)]);
      await server?.stop();
    },
    async close() {
      for (const d of [...sessions.keys()]) await this.endSession(d);
    },
  };
}
