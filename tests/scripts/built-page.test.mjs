// The release build's page and stylesheet (dist/, built just before this
// runs in scripts/test), both before the first paint: the stylesheet
// minified by the post-build hook, named by its contents, its integrity
// that of the file served, every class of style/widget.css still in it;
// the page without the comments of its source.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const DIST = fileURLToPath(new URL('../../dist/', import.meta.url));
const SOURCE = fileURLToPath(new URL('../../style/widget.css', import.meta.url));

describe("the built widget's stylesheet", () => {
  it('is minified, named by its contents, with the integrity of what is served', async () => {
    const html = await readFile(`${DIST}index.html`, 'utf8');
    const link = html.match(/<link rel="stylesheet" href="\.\/(widget-([0-9a-f]{16})\.css)" integrity="(sha384-[^"]+)"\/>/);
    assert.ok(link, 'the stylesheet is linked with its integrity');
    const [, name, named, integrity] = link;
    const css = await readFile(DIST + name);
    assert.equal(integrity, `sha384-${createHash('sha384').update(css).digest('base64')}`);
    assert.equal(named, createHash('sha256').update(css).digest('hex').slice(0, 16));
    const text = css.toString('utf8');
    assert.ok(!text.includes('/*'), 'no comment left');
    assert.ok(!/\n\s/.test(text), 'no indentation left');
    const source = await readFile(SOURCE, 'utf8');
    assert.ok(css.length < source.length * 0.8, `${css.length} bytes for ${source.length} of source`);
    // Every class the source styles is still styled.
    const classes = (t) => new Set(t.match(/\.pw-[a-z0-9_-]+/g));
    assert.deepEqual([...classes(source)].filter((c) => !classes(text).has(c)), []);
  });

  it("carries none of its source's comments", async () => {
    const html = await readFile(`${DIST}index.html`, 'utf8');
    const source = await readFile(fileURLToPath(new URL('../../index.html', import.meta.url)), 'utf8');
    assert.ok(source.includes('<!-- '), 'the source has comments');
    assert.deepEqual(html.match(/<!--(?!-->)[\s\S]*?-->/g) ?? [], []);
  });
});
