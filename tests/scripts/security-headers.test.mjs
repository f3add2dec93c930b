// The security policy the build ships (scripts/security-headers.mjs), and
// that every copy of it in the project says the same.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';

import {
  META_POLICY,
  frameAncestors,
  headerPolicy,
  headersFile,
  HAND_OVER_PAGE,
  headersForPath,
  nginxSnippet,
  parseHeadersFile,
  parseHeadersRules,
  securityHeaders,
  withMetaPolicy,
} from '../../scripts/security-headers.mjs';

const root = new URL('../../', import.meta.url);
const read = (path) => readFile(new URL(path, root), 'utf8');

describe('security headers', () => {
  it('keeps frame-ancestors out of the meta policy, where browsers ignore it', () => {
    assert.doesNotMatch(META_POLICY, /frame-ancestors|report-uri|sandbox/);
    assert.match(META_POLICY, /script-src 'self' 'wasm-unsafe-eval'(;|$)/);
    assert.doesNotMatch(META_POLICY, /'unsafe-inline'|'unsafe-eval'|\*/);
    assert.equal(headerPolicy(), `${META_POLICY}; frame-ancestors *`);
    assert.equal(
      headerPolicy(frameAncestors(['https://partner.example', "'self'"])),
      `${META_POLICY}; frame-ancestors https://partner.example 'self'`,
    );
  });

  it('accepts only origins, * and self as frame ancestors', () => {
    assert.deepEqual(frameAncestors(undefined), ['*']);
    assert.deepEqual(frameAncestors(['https://a.example/']), ['https://a.example']);
    for (const bad of [
      [],
      'https://a.example',
      ['https://a.example/page'],
      ['https://a.example; script-src *'],
      ['javascript:alert(1)'],
      ['a.example'],
      ['https://a.example\nX-Evil: 1'],
    ]) {
      assert.throws(() => frameAncestors(bad), /frame_ancestors/, JSON.stringify(bad));
    }
  });

  it('writes a _headers file that reads back as the same headers', () => {
    const text = headersFile(['https://a.example']);
    const headers = parseHeadersFile(text);
    assert.equal(headers['content-security-policy'], headerPolicy(['https://a.example']));
    assert.equal(headers['x-content-type-options'], 'nosniff');
    assert.equal(headers['referrer-policy'], 'no-referrer');
    assert.ok(headers['permissions-policy']);
  });

  it("gives the widget's page the opener policy, and the hand-over page none", () => {
    for (const base of ['/', '/engagements/']) {
      const rules = parseHeadersRules(headersFile(undefined, base));
      for (const page of [base, `${base}index.html`]) {
        const headers = headersForPath(rules, page);
        assert.equal(headers['cross-origin-opener-policy'], 'same-origin', page);
        assert.ok(headers['content-security-policy'], page);
      }
      const hand = headersForPath(rules, `${base}${HAND_OVER_PAGE}`);
      assert.equal(hand['cross-origin-opener-policy'], undefined);
      assert.ok(hand['content-security-policy'], 'the rest still applies');
      assert.equal(headersForPath(rules, `${base}boot.js`)['cross-origin-opener-policy'], undefined);
    }
    // nginx: the same rule through a map (an empty value sends no header).
    assert.match(nginxSnippet(), /map \$uri \$pw_opener_policy \{ ~\/signer\\\.html\$ ""; default "same-origin"; \}/);
  });

  it('puts the meta policy right after the charset, once', () => {
    const html = '<head>\n    <meta charset="utf-8" />\n    <title>x</title><script src="a.js"></script>';
    const out = withMetaPolicy(html);
    assert.ok(out.indexOf('http-equiv="Content-Security-Policy"') < out.indexOf('<title>'));
    assert.ok(out.includes(`content="${META_POLICY}"`));
    assert.throws(() => withMetaPolicy(out), /already has a policy/);
    assert.throws(() => withMetaPolicy('<head><title>x</title>'), /charset/);
  });

  it('is the policy the dev server sends and the README gives', async () => {
    const trunk = await read('Trunk.toml');
    for (const [name, value] of securityHeaders()) {
      assert.ok(trunk.includes(`"${name}" = "${value}"`), `Trunk.toml [serve.headers] ${name}`);
    }
    const readme = await read('README.md');
    assert.ok(readme.includes(nginxSnippet()), 'the nginx snippet in README.md');
    const source = await read('index.html');
    assert.doesNotMatch(source, /http-equiv="Content-Security-Policy"/, 'the build adds it');
  });
});
