// The communes' shards (scripts/communes.mjs): the builder's fold agrees
// with the widget's (tests/fixtures/fold-cases.tsv, whose folded column the
// Rust fold writes and checks), every commune is in the shard the index
// names for its name and for each of its postal codes, and every shard is
// within budget.
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

import { SHARD_BUDGET, fold, readReferential, writeCommunes } from '../../scripts/communes.mjs';

describe("the communes' shards", () => {
  let folder;
  let figures;
  let referential;
  before(async () => {
    folder = await mkdtemp(join(tmpdir(), 'pw-communes-'));
    figures = await writeCommunes(folder);
    referential = await readReferential();
  });

  it('folds as the widget does, on every character of the referential', async () => {
    const text = await readFile(new URL('../fixtures/fold-cases.tsv', import.meta.url), 'utf8');
    const rows = text.split('\n').filter((l) => l && !l.startsWith('#')).map((l) => l.split('\t'));
    for (const [input, folded] of rows) assert.equal(fold(input), folded, JSON.stringify(input));
    const covered = new Set(rows.flatMap(([input]) => [...input]));
    const names = [...referential.communes.map((c) => c.name), ...referential.departements.map(([, n]) => n)];
    const missing = new Set(names.flatMap((n) => [...n]).filter((c) => !covered.has(c)));
    assert.deepEqual([...missing], [], 'a character of the referential the fixture does not cover');
  });

  it('holds every current commune and arrondissement, each where the index looks for it', async () => {
    assert.equal(figures.communes, 34969 + 45);
    const index = (await readFile(join(folder, 'index.tsv'), 'utf8')).split('\n').filter(Boolean).map((l) => l.split('\t'));
    const names = index.filter(([k]) => k === 'n').sort((a, b) => b[1].length - a[1].length);
    const postal = new Map(index.filter(([k]) => k === 'p').map(([, d, f]) => [d, f]));
    assert.ok(index.filter(([k]) => k === 'd').length >= 101, 'the 101 départements and the collectivités');
    const shards = new Map();
    const shard = async (file) => {
      if (!shards.has(file)) {
        const lines = (await readFile(join(folder, file), 'utf8')).split('\n').filter(Boolean);
        shards.set(file, new Set(lines.map((l) => l.split('\t')[0])));
      }
      return shards.get(file);
    };
    for (const c of referential.communes) {
      const folded = fold(c.name);
      const [, , file] = names.find(([, prefix]) => folded.startsWith(prefix));
      assert.ok((await shard(file)).has(c.code), `${c.name} (${c.code}) in ${file}`);
      for (const p of c.postal) assert.ok((await shard(postal.get(p.slice(0, 2)))).has(c.code), `${c.name} by ${p}`);
    }
    const sainteColombe = referential.communes.filter((c) => c.name === 'Sainte-Colombe');
    assert.ok(sainteColombe.length >= 10, `homonyms: ${sainteColombe.length}`);
  });

  it('keeps each shard within budget, and names files by their content', async () => {
    assert.ok(figures.largestGzip <= SHARD_BUDGET, `${figures.largestGzip} bytes`);
    assert.ok(SHARD_BUDGET <= 30 * 1024);
    for (const file of await readdir(folder)) {
      if (file === 'index.tsv') continue;
      assert.match(file, /^[np]-[a-z0-9_]+\.[0-9a-f]{8}\.tsv$/);
      const size = gzipSync(await readFile(join(folder, file)), { level: 9 }).length;
      assert.ok(size <= SHARD_BUDGET, `${file}: ${size}`);
    }
  });
});
