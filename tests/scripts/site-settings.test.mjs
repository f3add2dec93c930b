// The build settings read by the post-build hook (scripts/site-settings.mjs).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { readSettings, siteUrl, withSiteUrl } from '../../scripts/site-settings.mjs';

const PAGE =
  '<head><meta property="og:type" content="website" />' +
  '<meta property="og:image" content="social/preview.png" />' +
  '<meta name="twitter:image" content="social/preview.png" /></head>';

describe('site settings', () => {
  it('normalises a site URL and refuses what cannot be one', () => {
    assert.equal(siteUrl(''), null);
    assert.equal(siteUrl('  '), null);
    assert.equal(siteUrl('https://example.org'), 'https://example.org/');
    assert.equal(siteUrl('https://example.org/engagements'), 'https://example.org/engagements/');
    assert.equal(siteUrl('https://example.org/engagements/'), 'https://example.org/engagements/');
    for (const bad of ['example.org', '/engagements/', 'javascript:alert(1)', 'https://x.org/?a=1', 'https://u:p@x.org/', 42]) {
      assert.throws(() => siteUrl(bad), /site_url/, String(bad));
    }
  });

  it('makes the preview image absolute under a sub-path, and adds og:url', () => {
    const html = withSiteUrl(PAGE, 'https://example.org/engagements/');
    assert.match(html, /<meta property="og:image" content="https:\/\/example\.org\/engagements\/social\/preview\.png" \/>/);
    assert.match(html, /<meta name="twitter:image" content="https:\/\/example\.org\/engagements\/social\/preview\.png" \/>/);
    assert.match(html, /<meta property="og:url" content="https:\/\/example\.org\/engagements\/" \/>/);
    assert.match(html, /<link rel="canonical" href="https:\/\/example\.org\/engagements\/" \/>/);
  });

  it('leaves relative URLs when the address is unknown', () => {
    assert.equal(withSiteUrl(PAGE, null), PAGE);
  });

  it('reads the settings file, with the environment first', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'pw-settings-'));
    const any = ['*'];
    const none = { frameAncestors: any, organiserKey: false };
    assert.deepEqual(await readSettings(dir, {}), { siteUrl: null, ...none });
    await writeFile(join(dir, 'widget-settings.json'), '{"site_url": "https://a.example/w"}');
    assert.deepEqual(await readSettings(dir, {}), { siteUrl: 'https://a.example/w/', ...none });
    assert.deepEqual(await readSettings(dir, { PW_SITE_URL: 'https://b.example/' }), {
      siteUrl: 'https://b.example/',
      ...none,
    });
    // The file PW_WIDGET_SETTINGS names, and whether it pins a key.
    await writeFile(join(dir, 'other.json'), '{"organiser": {"name": "X", "public_key": "abc"}}');
    assert.equal((await readSettings(dir, { PW_WIDGET_SETTINGS: 'other.json' })).organiserKey, true);
    assert.equal((await readSettings(dir, {})).organiserKey, false);
    await writeFile(join(dir, 'widget-settings.json'), '{"frame_ancestors": ["https://p.example"]}');
    assert.deepEqual((await readSettings(dir, {})).frameAncestors, ['https://p.example']);
    await writeFile(join(dir, 'widget-settings.json'), '{"frame_ancestors": ["https://p.example/x"]}');
    await assert.rejects(readSettings(dir, {}), /frame_ancestors/);
    await writeFile(join(dir, 'widget-settings.json'), '{"site_url": ');
    await assert.rejects(readSettings(dir, {}), /widget-settings\.json/);
  });
});
