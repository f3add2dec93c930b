// Trunk post-build hook:
// 1. moves the inline module script Trunk writes into index.html to its own
//    file, so that the widget runs under a strict Content-Security-Policy
//    (`script-src 'self'`, no 'unsafe-inline'), and makes it register the
//    service worker on the standalone page;
// 2. writes the service worker (sw.js) with the list of this build's files.
import { createHash } from 'node:crypto';
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error('run by Trunk as a post_build hook (TRUNK_STAGING_DIR is unset)');
const file = join(dir, 'index.html');
const html = await readFile(file, 'utf8');
const inline = /<script type="module">([\s\S]*?)<\/script>/;
const match = html.match(inline);
if (!match) throw new Error('no inline module script in index.html');
const register = `
// Offline use of the standalone page (not inside a partner's frame).
if ('serviceWorker' in navigator && window.top === window) {
  navigator.serviceWorker.register('./sw.js').catch(() => {});
}
`;
const code = match[1].trim() + '\n' + register;
const hash = createHash('sha256').update(code).digest('hex').slice(0, 16);
const name = `boot-${hash}.js`;
await writeFile(join(dir, name), code);
await writeFile(file, html.replace(inline, `<script type="module" src="./${name}"></script>`));
if (/<script(?![^>]*\bsrc=)[^>]*>/.test(await readFile(file, 'utf8'))) {
  throw new Error('an inline script is left in index.html');
}

// The service worker, with every file of this build.
async function list(d) {
  const out = [];
  for (const entry of await readdir(d, { withFileTypes: true })) {
    const path = join(d, entry.name);
    if (entry.isDirectory()) out.push(...(await list(path)));
    else out.push(relative(dir, path).split('\\').join('/'));
  }
  return out;
}
const template = join(dir, 'sw.template.js');
const files = (await list(dir)).filter((f) => !['sw.template.js', 'sw.js'].includes(f) && !f.endsWith('.txt'));
const precache = ['./', ...files.filter((f) => f !== 'index.html').sort()];
const build = createHash('sha256').update(precache.join('\n') + code).digest('hex').slice(0, 16);
const sw = (await readFile(template, 'utf8'))
  .replace('__BUILD__', build)
  .replace('__FILES__', JSON.stringify(precache, null, 2));
await writeFile(join(dir, 'sw.js'), sw);
await rm(template);
