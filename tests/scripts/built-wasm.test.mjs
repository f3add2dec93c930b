// The release build's wasm files (dist/, built just before this runs in
// scripts/test): each imports only its own wasm-bindgen glue. The pure
// core asks its platform for one function (`__pledge_core_normalize`,
// defined by the widget's web::unicode); were that definition lost, rustc
// would still link and leave an import from `env` that any page could fill.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const DIST = fileURLToPath(new URL('../../dist/', import.meta.url));

describe('the built wasm', () => {
  it('imports nothing but its own glue (no `env` import: every symbol defined)', async () => {
    const files = (await readdir(DIST)).filter((f) => f.endsWith('_bg.wasm'));
    assert.equal(files.length, 6, `six builds in dist/: ${files}`);
    for (const file of files) {
      const module = new WebAssembly.Module(await readFile(DIST + file));
      const modules = new Set(WebAssembly.Module.imports(module).map((i) => i.module));
      const glue = './' + file.replace(/-[0-9a-f]+_bg\.wasm$/, '_bg.js');
      assert.deepEqual([...modules], [glue], `${file} imports ${[...modules]}`);
    }
  });
});

// The strings of a screen a build never shows are not in its wasm (the
// linker leaves out a static nothing refers to): the campaign's prose, the
// journey's strings, the console's. A pledge link's visitor downloads the
// verify build; see crates/pledge-core/src/i18n/ and campaign/mod.rs.
describe("each build's strings", () => {
  const ROOT = new URL('../../', import.meta.url);
  // A field's French string, as written in a strings file.
  const rustString = async (file, field) => {
    const source = await readFile(new URL(file, ROOT), 'utf8');
    const found = source.match(new RegExp(`^    ${field}: "((?:[^"\\\\]|\\\\.)*)",$`, 'm'));
    assert.ok(found, `${field} in ${file}`);
    return JSON.parse(`"${found[1]}"`);
  };
  const wasmOf = async (bin) => {
    const file = (await readdir(DIST)).find((f) => f.startsWith(`${bin}-`) && f.endsWith('_bg.wasm'));
    assert.ok(file, `${bin} in dist/`);
    return readFile(DIST + file);
  };

  it('leaves the prose, the journey, the walls and the console out of the builds that never show them', async () => {
    const campaign = JSON.parse(await readFile(new URL('campaign/coorace-municipales-2020.json', ROOT), 'utf8'));
    const strings = {
      prose: campaign.proposals[0].text.fr,
      introduction: campaign.introduction.fr[0],
      journey: await rustString('crates/pledge-core/src/i18n/fr.rs', 'key_explain'),
      console: await rustString('crates/pledge-core/src/i18n/console.rs', 'console_lead'),
      wall: await rustString('crates/pledge-core/src/i18n/wall.rs', 'wall_chart_heading'),
      verdict: await rustString('crates/pledge-core/src/i18n/fr.rs', 'verify_valid'),
      national: await rustString('crates/pledge-core/src/i18n/shards.rs', 'national_load_all'),
    };
    const expected = {
      'pledge-verify': ['verdict'],
      'pledge-journey': ['prose', 'introduction', 'journey', 'verdict'],
      'pledge-widget': ['prose', 'introduction', 'journey', 'verdict'],
      'pledge-wall': ['verdict', 'wall', 'national'],
      // One commune's wall: not the national one.
      'pledge-commune': ['verdict', 'wall'],
      'pledge-console': ['console', 'verdict', 'wall', 'national'],
    };
    for (const [bin, carried] of Object.entries(expected)) {
      const wasm = await wasmOf(bin);
      for (const [what, text] of Object.entries(strings)) {
        assert.equal(wasm.includes(Buffer.from(text)), carried.includes(what), `${bin} and the ${what} string « ${text.slice(0, 40)}… »`);
      }
    }
  });
});
