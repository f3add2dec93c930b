// What a person sees and does on the widget, over plain WebDriver: elements
// found by role and accessible name (WebDriver has no getByRole), waits by
// polling, and the Content-Security-Policy probe's findings.
import { WebElement } from 'selenium-webdriver';
import { trace } from './drivers.mjs';

/** Finds elements by role and accessible name, in the page (one function,
 * sent with every call: nothing is installed in the page). */
const FIND = `
const [role, name, opts] = arguments;
const clean = (s) => (s || '').replace(/\\s+/g, ' ').trim();
const roleOf = (el) => {
  const explicit = el.getAttribute('role');
  if (explicit) return explicit.split(' ')[0];
  const t = el.tagName.toLowerCase();
  if (t === 'button') return 'button';
  if (t === 'a' && el.hasAttribute('href')) return 'link';
  if (/^h[1-6]$/.test(t)) return 'heading';
  if (t === 'textarea') return 'textbox';
  if (t === 'input') {
    const ty = (el.getAttribute('type') || 'text').toLowerCase();
    if (ty === 'checkbox' || ty === 'radio') return ty;
    if (ty === 'search') return 'searchbox';
    if (['button', 'submit', 'reset'].includes(ty)) return 'button';
    if (['text', 'email', 'tel', 'url'].includes(ty)) return 'textbox';
    return null;
  }
  return { nav: 'navigation', article: 'article', table: 'table', img: 'img', tr: 'row', select: 'combobox' }[t] || null;
};
const nameOf = (el) => {
  const by = el.getAttribute('aria-labelledby');
  if (by) return clean(by.split(/\\s+/).map((id) => document.getElementById(id)?.textContent).join(' '));
  const aria = el.getAttribute('aria-label');
  if (aria) return clean(aria);
  if (el.labels && el.labels.length) return clean([...el.labels].map((l) => l.textContent).join(' '));
  if (el.tagName === 'IMG') return clean(el.getAttribute('alt'));
  if (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA') return clean(el.getAttribute('title') || el.getAttribute('placeholder'));
  return clean(el.textContent);
};
const matches = (n) => opts.re ? new RegExp(opts.re, opts.flags).test(n) : (opts.exact ? n === name : n.includes(name));
const shown = (el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
const all = [...document.querySelectorAll('*')].filter((el) =>
  roleOf(el) === role && (!opts.level || el.tagName === 'H' + opts.level) && (name === null || matches(nameOf(el))) &&
  (opts.hidden || shown(el) || role === 'checkbox' || role === 'radio'));
return all;
`;

/** Elements whose own text (not their children's) matches. */
const FIND_TEXT = `
const [text, opts] = arguments;
const clean = (s) => (s || '').replace(/\\s+/g, ' ').trim();
const matches = (n) => opts.re ? new RegExp(opts.re, opts.flags).test(n) : (opts.exact ? n === text : n.includes(text));
return [...document.querySelectorAll('body *')].filter((el) => {
  if (el.getClientRects().length === 0) return false;
  const own = clean(el.textContent);
  if (!matches(own)) return false;
  // The innermost element that matches.
  return ![...el.children].some((c) => matches(clean(c.textContent)));
});
`;

const nameArg = (name, exact) =>
  name instanceof RegExp
    ? [name.source, { re: name.source, flags: name.flags }]
    : [name, { exact: exact ?? true }];

const sleep = (ms) => new Promise((ok) => setTimeout(ok, ms));

/** `promise`, or a failure naming `what` if the driver has not answered in
 * `ms` (a browser that hangs fails the test instead of hanging the run). */
function guard(promise, what, ms = 60000) {
  trace(what);
  let timer;
  const silent = new Promise((_, fail) => {
    timer = setTimeout(() => fail(new Error(`no answer from the driver in ${ms / 1000} s: ${what}`)), ms);
  });
  return Promise.race([promise, silent]).finally(() => clearTimeout(timer));
}

export class EnginePage {
  constructor(driver, engine, { timeout = 20000 } = {}) {
    this.driver = driver;
    this.engine = engine;
    this.timeout = timeout;
    this.csp = [];
  }

  /** Polls `fn` until it returns something truthy. */
  async until(fn, what, timeout = this.timeout) {
    const deadline = Date.now() + timeout;
    let last;
    for (;;) {
      try {
        const v = await fn();
        if (v) return v;
      } catch (e) {
        last = e;
      }
      if (Date.now() > deadline) {
        throw new Error(`${this.engine}: timed out waiting for ${what}${last ? ` (${last.message})` : ''}`);
      }
      await sleep(100);
    }
  }

  exec(script, ...args) {
    return guard(this.driver.executeScript(script, ...args), `${this.engine}: executeScript ${script.slice(0, 60)}`);
  }

  /** Runs `body` (an async function's body, in the page) and resolves to its result. */
  async run(body, ...args) {
    // A script that never answers fails the test (not every driver
    // enforces its script timeout).
    let timer;
    trace(`${this.engine}: run ${body.slice(0, 60)}`);
    const silent = new Promise((_, fail) => {
      timer = setTimeout(() => fail(new Error(`${this.engine}: the page did not answer in 90 s`)), 90000);
    });
    const out = await Promise.race([silent, this.driver.executeAsyncScript(
      `const done = arguments[arguments.length - 1];
       (async (...args) => { ${body} })(...[...arguments].slice(0, -1))
         .then((v) => done({ ok: v }), (e) => done({ err: String(e && e.stack || e) }));`,
      ...args,
    )]).finally(() => clearTimeout(timer));
    if (out && 'err' in out) throw new Error(`${this.engine}: in the page: ${out.err}`);
    return out?.ok;
  }

  /** Collects what the page's CSP probe heard (tests/engines/csp-probe.js). */
  async collectCsp() {
    try {
      const found = await this.exec('const f = window.__pwCsp || []; window.__pwCsp = []; return f;');
      for (const v of found ?? []) this.csp.push(v);
    } catch {
      /* no page yet */
    }
  }

  async goto(url) {
    await this.collectCsp();
    await guard(this.driver.get(url), `${this.engine}: get ${url.slice(0, 80)}`);
  }

  async reload() {
    await this.collectCsp();
    await guard(this.driver.navigate().refresh(), `${this.engine}: refresh`);
  }

  /** All shown elements of `role` named `name` (string: exact; RegExp). */
  async all(role, name = null, { exact, level, hidden } = {}) {
    const [n, opts] = name === null ? [null, {}] : nameArg(name, exact);
    return this.exec(FIND, role, n, { ...opts, level, hidden });
  }

  async role(role, name = null, options = {}) {
    try {
      return await this.until(async () => (await this.all(role, name, options))[0], `${role} « ${name} »`);
    } catch (e) {
      const shown = await this.exec('return location.href + "\\n" + document.body.innerText').catch(() => '?');
      e.message += `\n--- the page (${this.engine}) ---\n${String(shown).slice(0, 1500)}`;
      throw e;
    }
  }

  async count(role, name, options) {
    return (await this.all(role, name, options)).length;
  }

  async texts(text, { exact = false } = {}) {
    const [n, opts] = nameArg(text, exact);
    return this.exec(FIND_TEXT, n, opts);
  }

  /** Waits for shown text (substring by default, or a RegExp). */
  async text(text, options) {
    try {
      return await this.until(async () => (await this.texts(text, options))[0], `the text « ${text} »`);
    } catch (e) {
      const shown = await this.exec('return location.href + "\\n" + document.body.innerText').catch(() => '?');
      e.message += `\n--- the page (${this.engine}) ---\n${String(shown).slice(0, 1500)}`;
      throw e;
    }
  }

  async hasText(text, options) {
    return (await this.texts(text, options)).length > 0;
  }

  async textOf(el) {
    return (await this.exec('return arguments[0].textContent', el)).replace(/\s+/g, ' ').trim();
  }

  /** Clicks as a person would; scrolls the element to the middle first (a
   * sticky bar may cover the edges). */
  async click(el) {
    await this.exec("arguments[0].scrollIntoView({ block: 'center', inline: 'nearest' })", el);
    if (this.frame !== undefined) {
      // In a frame of another site, WebKit's scrollIntoView does not scroll
      // the page around the frame (Chromium and Firefox do): scroll the
      // partner's page to the element, as a person would.
      const y = await this.exec('return arguments[0].getBoundingClientRect().top', el);
      await this.driver.switchTo().defaultContent();
      await this.exec(
        `const f = document.querySelectorAll('iframe')[arguments[0]];
         window.scrollBy(0, f.getBoundingClientRect().top + arguments[1] - innerHeight / 2);`,
        this.frame,
        y,
      );
      await this.driver.switchTo().frame((await this.exec("return [...document.querySelectorAll('iframe')]"))[this.frame]);
    }
    await el.click();
  }

  async button(name, options) {
    return this.role('button', name, options);
  }

  async press(name, options) {
    await this.click(await this.button(name, options));
  }

  async follow(name, options) {
    await this.click(await this.role('link', name, options));
  }

  /** Waits for the step's heading (one h1 per step). */
  async heading(name) {
    await this.mounted();
    return this.role('heading', name, { level: 1 });
  }

  /** Waits until the app has replaced the prerendered welcome screen. */
  async mounted() {
    await this.until(() => this.exec("return !!document.querySelector('#pledge-widget > .pw-widget')"), 'the app to mount');
  }

  /** Waits until the step's heading has focus: the widget moves focus
   * there at the next animation frame after a step change, which a frame
   * of another site may get late (keys typed before it would follow the
   * focus away from their field). */
  async stepFocused() {
    await this.until(() => this.exec("return document.activeElement?.tagName === 'H1'"), "focus on the step's heading");
  }

  async isChecked(el) {
    return this.exec('return arguments[0].checked', el);
  }

  /** Ticks a checkbox (by its label, where the box itself is drawn over). */
  async check(name) {
    const box = await this.role('checkbox', name, { exact: false });
    if (await this.isChecked(box)) return box;
    try {
      await this.click(box);
    } catch {
      const label = await this.exec('return arguments[0].labels[0]', box);
      await this.click(label);
    }
    await this.until(() => this.isChecked(box), `« ${name} » checked`);
    return box;
  }

  /** Types into the textbox labelled `label`. */
  async fill(label, value, role = 'textbox') {
    const box = await this.role(role, label, { exact: false });
    await this.exec("arguments[0].scrollIntoView({ block: 'center' })", box);
    // WebKitGTK's driver can return before every key reached the page,
    // and a key now and then is lost under load: the field is read until it
    // says what was typed, and typed again (three times at most).
    let got;
    for (let attempt = 0; attempt < 3; attempt += 1) {
      await guard(box.clear(), `${this.engine}: clear « ${label} »`);
      await guard(box.sendKeys(value), `${this.engine}: type into « ${label} »`);
      const deadline = Date.now() + 3000;
      do {
        got = await this.exec('return arguments[0].value', box);
        if (got === value) return box;
        await sleep(100);
      } while (Date.now() < deadline);
    }
    if (got !== value) throw new Error(`${this.engine}: typed « ${value} », the field says « ${got} »`);
    return box;
  }

  /** Types a commune into the commune combobox and leaves it once the
   * official list has answered (its suggestions then close, and a lone
   * commune so named is chosen). */
  async fillCommune(label, value) {
    const box = await this.fill(label, value, 'combobox');
    await this.until(async () => (await this.exec("return arguments[0].getAttribute('aria-busy')", box)) === 'false', 'the list of communes answered');
    await this.exec('arguments[0].blur()', box);
    return box;
  }

  async value(el) {
    return this.exec('return arguments[0].value', el);
  }

  async size(width, height) {
    await guard(this.driver.manage().window().setRect({ width, height }), `${this.engine}: setRect`);
    // Some engines count their window's chrome: make the viewport the size.
    const inner = await this.exec('return [window.innerWidth, window.innerHeight]');
    const dw = width - inner[0];
    const dh = height - inner[1];
    if ((dw || dh) && inner[0] > 0 && inner[1] > 0 && Math.abs(dw) < 300 && Math.abs(dh) < 300) await this.driver.manage().window().setRect({ width: width + dw, height: height + dh });
    return this.exec('return [window.innerWidth, window.innerHeight]');
  }

  async scrollsSideways() {
    return this.exec('return document.documentElement.scrollWidth > document.documentElement.clientWidth');
  }

  /** Switches into the `n`th iframe (the top document first). */
  async intoFrame(n = 0) {
    await this.driver.switchTo().defaultContent();
    const frames = await this.until(async () => {
      const f = await this.exec("return [...document.querySelectorAll('iframe')]");
      return f.length > n && f;
    }, `frame ${n}`);
    await this.driver.switchTo().frame(frames[n]);
    this.frame = n;
  }

  async top() {
    await this.driver.switchTo().defaultContent();
    this.frame = undefined;
  }

  /** The handles of this session's windows (tabs). */
  async windows() {
    return guard(this.driver.getAllWindowHandles(), `${this.engine}: getAllWindowHandles`);
  }

  /** The handle of the window commands go to. */
  async window() {
    return guard(this.driver.getWindowHandle(), `${this.engine}: getWindowHandle`);
  }

  /** Switches to the window `handle`, at its top document. */
  async intoWindow(handle) {
    await this.collectCsp();
    await guard(this.driver.switchTo().window(handle), `${this.engine}: switch to window`);
    this.frame = undefined;
  }

  /** Waits for a window that is not among `known` (a tab the page opened)
   * and switches to it; resolves to its handle. */
  async intoNewWindow(known) {
    const handle = await this.until(async () => (await this.windows()).find((h) => !known.includes(h)), 'a new window');
    await this.intoWindow(handle);
    return handle;
  }
}

export { WebElement };
