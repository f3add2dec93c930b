// Trunk post-build hook: moves the inline module script Trunk writes into
// index.html to its own file, so that the widget runs under a strict
// Content-Security-Policy (`script-src 'self'`, no 'unsafe-inline').
import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error('run by Trunk as a post_build hook (TRUNK_STAGING_DIR is unset)');
const file = join(dir, 'index.html');
const html = await readFile(file, 'utf8');
const inline = /<script type="module">([\s\S]*?)<\/script>/;
const match = html.match(inline);
if (!match) throw new Error('no inline module script in index.html');
const code = match[1].trim() + '\n';
const hash = createHash('sha256').update(code).digest('hex').slice(0, 16);
const name = `boot-${hash}.js`;
await writeFile(join(dir, name), code);
await writeFile(file, html.replace(inline, `<script type="module" src="./${name}"></script>`));
if (/<script(?![^>]*\bsrc=)[^>]*>/.test(await readFile(file, 'utf8'))) {
  throw new Error('an inline script is left in index.html');
}
