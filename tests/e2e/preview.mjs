// Link previews: the built page carries Open Graph and Twitter card tags,
// and the image they name is shipped with the build at 1200×630.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';

export function previewSuite(env) {
  describe('link previews (Open Graph, Twitter card)', () => {
    it('the built page names a title, a description, a locale and a 1200×630 image that is served', async () => {
      const html = await (await fetch(env.url)).text();
      const meta = (attribute, name) =>
        html.match(new RegExp(`<meta\\s+${attribute}="${name.replace(/[.:]/g, '\\$&')}"\\s+content="([^"]*)"`))?.[1];
      for (const name of ['og:title', 'og:description', 'og:image', 'og:image:alt', 'og:type', 'og:site_name']) {
        assert.ok(meta('property', name), `${name} is set`);
      }
      assert.equal(meta('property', 'og:locale'), 'fr_FR');
      assert.equal(meta('property', 'og:locale:alternate'), 'en_GB', 'the other language of the campaign');
      assert.equal(meta('property', 'og:image:width'), '1200');
      assert.equal(meta('property', 'og:image:height'), '630');
      assert.equal(meta('name', 'twitter:card'), 'summary_large_image');
      for (const name of ['twitter:title', 'twitter:description', 'twitter:image', 'twitter:image:alt']) {
        assert.ok(meta('name', name), `${name} is set`);
      }
      assert.equal(meta('name', 'twitter:image'), meta('property', 'og:image'));

      // Relative to the page, as built without a site URL.
      const image = await fetch(new URL(meta('property', 'og:image'), env.url));
      assert.equal(image.status, 200);
      assert.equal(image.headers.get('content-type'), 'image/png');
      const png = Buffer.from(await image.arrayBuffer());
      assert.equal(png.subarray(1, 4).toString('latin1'), 'PNG');
      assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [1200, 630]);
      assert.ok(png.length < 300_000, `${png.length} bytes`);
      env.figures.previewImageBytes = png.length;
    });
  });
}
