// Launches Debian's Chromium through playwright-core (never a downloaded
// browser), with the flags this closed network needs.
import { chromium } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** What Debian's Chromium needs on this closed network, in every suite. */
export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
];

/**
 * `thirdPartyCookies`: as a browser that allows them (Chromium's setting,
 * off by default here). A partner's frame then gets working storage kept
 * apart for that partner's site (storage partitioning), as it does in
 * Firefox and Safari; without it, Chromium refuses the frame's storage.
 */
export function launchChromium({ thirdPartyCookies = false } = {}) {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      ...CHROMIUM_FLAGS,
      // A host name that is not a local address to the widget, for the
      // shared-origin warning (tests/e2e/hosting.mjs); still this machine.
      '--host-resolver-rules=MAP widget.test 127.0.0.1',
      ...(thirdPartyCookies ? ['--disable-features=TrackingProtection3pcd'] : []),
    ],
  });
}

/**
 * Makes every Content-Security-Policy violation, in any page or frame of
 * any context of `browser`, land in `sink` (an array): the test harness
 * fails a test that left one (tests/e2e/all.test.mjs).
 */
export function reportCspViolations(browser, sink) {
  const newContext = browser.newContext.bind(browser);
  browser.newContext = async (options) => {
    const context = await newContext(options);
    await context.exposeBinding('__pwCspViolation', ({ frame }, text) => {
      sink.push(`${text} (in ${frame.url()})`);
    });
    await context.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => {
        window.__pwCspViolation(`${e.effectiveDirective} blocked ${e.blockedURI || 'inline'}`);
      });
    });
    return context;
  };
}

/** A phone-sized context: 360×740, touch, French. */
export function phoneContext(browser, options = {}) {
  return browser.newContext({
    viewport: { width: 360, height: 740 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'fr-FR',
    ...options,
  });
}
