// Lighthouse (mobile preset) on the release build: Accessibility and Best
// Practices must be 100; every score is recorded in the figures.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

import { CHROMIUM } from './browser.mjs';

const LIGHTHOUSE = fileURLToPath(new URL('../../node_modules/.bin/lighthouse', import.meta.url));

/** Runs Lighthouse's CLI on `url` with Debian's Chromium; resolves to its report. */
export async function lighthouse(url) {
  const { stdout } = await promisify(execFile)(
    LIGHTHOUSE,
    [
      url,
      '--output=json',
      '--quiet',
      '--only-categories=performance,accessibility,best-practices,seo',
      '--chrome-flags=--headless --no-sandbox --disable-gpu --disable-dev-shm-usage --disable-background-networking --disable-component-update --no-first-run',
    ],
    { env: { ...process.env, CHROME_PATH: CHROMIUM }, maxBuffer: 64 << 20 },
  );
  return JSON.parse(stdout);
}

export function lighthouseSuite(env) {
  describe('Lighthouse, mobile preset', () => {
    it('scores 100 in Accessibility and Best Practices', async () => {
      const report = await lighthouse(env.url);
      const scores = Object.fromEntries(
        Object.entries(report.categories).map(([k, c]) => [k, Math.round(c.score * 100)]),
      );
      env.figures.lighthouse = {
        ...scores,
        lcp: report.audits['largest-contentful-paint'].displayValue,
        tbt: report.audits['total-blocking-time'].displayValue,
        cls: report.audits['cumulative-layout-shift'].displayValue,
      };
      assert.equal(scores.accessibility, 100, JSON.stringify(scores));
      assert.equal(scores['best-practices'], 100, JSON.stringify(scores));
    });
  });
}
