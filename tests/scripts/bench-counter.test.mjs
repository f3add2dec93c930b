// The benchmark's baseline (bench/counter, a bare Leptos counter) is built
// on its own by scripts/bench: Cargo must see it as outside the widget's
// workspace, or trunk refuses to build it (it did, unnoticed, from the
// core crate's workspace on).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

test("the benchmark's baseline is a package of its own", () => {
  const out = execFileSync('cargo', ['metadata', '--format-version', '1', '--no-deps', '--offline', '--manifest-path', 'bench/counter/Cargo.toml'], {
    cwd: root,
    encoding: 'utf8',
  });
  const meta = JSON.parse(out);
  assert.deepEqual(meta.packages.map((p) => p.name), ['bench-counter']);
  assert.equal(meta.workspace_root, `${root}bench/counter`);
});
