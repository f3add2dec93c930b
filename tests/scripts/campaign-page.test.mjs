// What the built page takes from the campaign file (scripts/campaign-page.mjs).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, mkdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import {
  DEFAULT_CAMPAIGN,
  campaignCss,
  campaignPath,
  readCampaign,
  withCampaign,
  withCampaignLoader,
  withCampaignManifest,
  withCampaignStorage,
} from '../../scripts/campaign-page.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const coorace = JSON.parse(await readFile(join(root, DEFAULT_CAMPAIGN), 'utf8'));

describe('campaign page', () => {
  it('fills every placeholder of index.html, and leaves none', async () => {
    const html = withCampaign(await readFile(join(root, 'index.html'), 'utf8'), coorace);
    assert.doesNotMatch(html, /%campaign:[a-z_.]+%/);
    assert.match(html, /<html lang="fr">/);
    assert.match(html, /<title>Je m&#39;engage – Coorace #Municipales2020<\/title>/);
    assert.match(html, /<meta name="theme-color" content="#8a1451" \/>/);
    assert.match(html, /<meta property="og:locale" content="fr_FR" \/>/);
    assert.match(html, /<meta property="og:locale:alternate" content="en_GB" \/>/);
    // A campaign in French only names no other locale.
    const frOnly = withCampaign(await readFile(join(root, 'index.html'), 'utf8'), { ...coorace, languages: ['fr'] });
    assert.doesNotMatch(frOnly, /og:locale:alternate/);
    assert.doesNotMatch(frOnly, /%campaign:/);
  });

  it('escapes the campaign text it writes into the page', () => {
    const hostile = { ...coorace, page: { ...coorace.page, title: '</title><script>alert(1)</script>"' } };
    const html = withCampaign('<title>%campaign:page.title%</title><meta content="%campaign:page.title%">', hostile);
    assert.equal(html, '<title>&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;&quot;</title><meta content="&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;&quot;">');
  });

  it('refuses a placeholder it does not know', () => {
    assert.throws(() => withCampaign('<p>%campaign:page.nope%</p>', coorace), /unknown placeholder %campaign:page\.nope%/);
  });

  it('names the campaign and its colour in the manifest, keeping the rest', () => {
    const manifest = withCampaignManifest({ display: 'standalone', icons: [1] }, coorace);
    assert.equal(manifest.name, coorace.page.app_name);
    assert.equal(manifest.short_name, coorace.page.app_short_name);
    assert.equal(manifest.theme_color, '#8a1451');
    assert.equal(manifest.lang, 'fr');
    assert.deepEqual(manifest.icons, [1]);
  });

  it('writes the colours the stylesheet reads, and the loader its label', async () => {
    const css = campaignCss(coorace);
    const widgetCss = await readFile(join(root, 'style/widget.css'), 'utf8');
    const used = new Set(widgetCss.match(/--pw-campaign-[a-z-]+/g));
    const given = new Set(css.match(/--pw-campaign-[a-z-]+(?=:)/g));
    assert.deepEqual([...used].sort(), [...given].sort());
    assert.match(css, /--pw-campaign-accent: #8a1451;/);
    const js = withCampaignLoader(await readFile(join(root, 'assets/embed.js'), 'utf8'), coorace);
    assert.ok(js.includes(JSON.stringify(coorace.label.fr)));
    assert.throws(() => withCampaignLoader('no token', coorace), /embed\.js/);
    // A `$` in the label is text, not a replacement pattern.
    const dollar = { ...coorace, label: { fr: "Prix $' et $& fin" } };
    const loader = withCampaignLoader("a = '%campaign:label%'; b = 2;", dollar);
    assert.equal(loader, `a = ${JSON.stringify("Prix $' et $& fin")}; b = 2;`);
  });

  it("gives the page's scripts the campaign's storage keys, and whether it adopts older ones", async () => {
    const prepaint = await readFile(join(root, 'assets/prepaint.js'), 'utf8');
    const filled = withCampaignStorage(prepaint, coorace);
    assert.doesNotMatch(filled, /%campaign:/);
    assert.ok(filled.includes("var STORE = 'pw-pledge-widget/coorace-municipales-2020/';"));
    assert.ok(filled.includes("var ADOPT = 'true' === 'true';"));
    assert.ok(filled.includes("var LANGS = 'fr,en'.split(',');"));
    const other = withCampaignStorage(prepaint, { ...coorace, slug: 'other-2026', adopt_unscoped_storage: undefined });
    assert.ok(other.includes("var STORE = 'pw-pledge-widget/other-2026/';"));
    assert.ok(other.includes("var ADOPT = 'false' === 'true';"));
    const frOnly = withCampaignStorage(prepaint, { ...coorace, languages: ['fr'] });
    assert.ok(frOnly.includes("var LANGS = 'fr'.split(',');"));
    assert.throws(() => withCampaignStorage(prepaint, { ...coorace, slug: "x'; alert(1); '" }), /not a slug/);
  });

  it('reads the campaign the settings name, Coorace by default', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'pw-campaign-'));
    assert.equal(await campaignPath(dir, {}), DEFAULT_CAMPAIGN);
    await mkdir(join(dir, 'campaign'));
    await writeFile(join(dir, 'campaign/other.json'), JSON.stringify({ ...coorace, slug: 'other' }));
    await writeFile(join(dir, 'settings.json'), JSON.stringify({ campaign: 'campaign/other.json' }));
    assert.equal((await readCampaign(dir, { PW_WIDGET_SETTINGS: 'settings.json' })).slug, 'other');
    await writeFile(join(dir, 'settings.json'), JSON.stringify({ campaign: 3 }));
    await assert.rejects(campaignPath(dir, { PW_WIDGET_SETTINGS: 'settings.json' }), /campaign: the path/);
    // An absolute path stays one; a settings file named but missing is an error.
    await writeFile(join(dir, 'settings.json'), JSON.stringify({ campaign: join(root, DEFAULT_CAMPAIGN) }));
    assert.equal((await readCampaign('/nowhere', { PW_WIDGET_SETTINGS: join(dir, 'settings.json') })).slug, coorace.slug);
    await assert.rejects(campaignPath(dir, { PW_WIDGET_SETTINGS: 'missing.json' }), /missing\.json/);
  });
});

describe('campaign page, against a hostile file', () => {
  it('refuses colours, a slug or languages that would write code into the page', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'pw-campaign-'));
    const settings = join(dir, 'settings.json');
    await writeFile(settings, JSON.stringify({ campaign: 'c.json' }));
    for (const [edit, field] of [
      [(c) => (c.colours.accent.light = 'red;} body{display:none'), /colours\.accent/],
      [(c) => (c.colours.card_track = '#fff"/><script>'), /colours\.card_track/],
      [(c) => (c.slug = "x';alert(1);'"), /slug/],
      [(c) => (c.languages = ['fr', "en'+alert(1)+'"]), /languages/],
    ]) {
      const hostile = structuredClone(coorace);
      edit(hostile);
      await writeFile(join(dir, 'c.json'), JSON.stringify(hostile));
      await assert.rejects(readCampaign(dir, { PW_WIDGET_SETTINGS: settings }), field);
    }
  });
});
