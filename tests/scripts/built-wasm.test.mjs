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
    assert.equal(files.length, 5, `five builds in dist/: ${files}`);
    for (const file of files) {
      const module = new WebAssembly.Module(await readFile(DIST + file));
      const modules = new Set(WebAssembly.Module.imports(module).map((i) => i.module));
      const glue = './' + file.replace(/-[0-9a-f]+_bg\.wasm$/, '_bg.js');
      assert.deepEqual([...modules], [glue], `${file} imports ${[...modules]}`);
    }
  });
});
