// Lighthouse (mobile preset) on the release build: Accessibility and Best
// Practices must be 100; every score is recorded in the figures.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

import { CHROMIUM, CHROMIUM_FLAGS } from './browser.mjs';

const LIGHTHOUSE = fileURLToPath(new URL('../../node_modules/.bin/lighthouse', import.meta.url));

/** Runs Lighthouse's CLI on `url` with Debian's Chromium; resolves to its report. */
export async function lighthouse(url, attempts = 2) {
  try {
    const { stdout } = await promisify(execFile)(
      LIGHTHOUSE,
      [
        url,
        '--output=json',
        '--quiet',
        '--only-categories=performance,accessibility,best-practices,seo',
        `--chrome-flags=${CHROMIUM_FLAGS.join(' ')}`,
      ],
      { env: { ...process.env, CHROME_PATH: CHROMIUM }, maxBuffer: 64 << 20 },
    );
    return JSON.parse(stdout);
  } catch (error) {
    // Lighthouse's own advice for a trace it failed to record (NO_NAVSTART
    // and the like): "Please run Lighthouse again". Once; a score is never
    // retried, only a run that produced none.
    if (attempts > 1 && /run Lighthouse again/.test(String(error.stderr ?? error.message))) {
      return lighthouse(url, attempts - 1);
    }
    throw error;
  }
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
