// A minimal static server for the built widget (dist/), for the browser
// tests and the benchmark. Listens on 127.0.0.1 on a free port.
import { createServer } from 'node:http';
import { gzipSync } from 'node:zlib';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';

import { headersForPath, parseHeadersRules } from '../../scripts/security-headers.mjs';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.csv': 'text/csv; charset=utf-8',
  '.tsv': 'text/tab-separated-values; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
};

/**
 * Serves `root` and resolves to `{ url, close }` once listening. Like the
 * static hosts the build targets, it sends the headers of the folder's
 * `_headers` file (the widget's shipped security policy) and never serves
 * that file itself. `rewrite(path, text)` may change HTML on the way out
 * (tests point the example page at their widget server). With `gzip`, it
 * compresses responses for clients that accept it, as a real host would;
 * `onServe(path)` hears of every file served (the benchmark counts bytes).
 * `extra` maps paths ("/engagements.json") to contents served as if they
 * were files next to the build (the organiser's published list); a test
 * may change it while the server runs.
 */
export async function serveStatic(
  root,
  { headers = {}, host = '127.0.0.1', port = 0, rewrite, gzip = false, onServe, extra = {} } = {},
) {
  const base = resolve(root);
  let shipped = [];
  try {
    shipped = parseHeadersRules(await readFile(join(base, '_headers'), 'utf8'));
  } catch (error) {
    if (error.code !== 'ENOENT') throw error;
  }
  // Compressed once per content, as a static host keeps it.
  const compressed = new Map();
  const gzipped = (file, body) => {
    const kept = compressed.get(file);
    if (kept && kept.body.equals(body)) return kept.gz;
    const gz = gzipSync(body, { level: 9 });
    compressed.set(file, { body, gz });
    return gz;
  };
  let offline = false;
  const server = createServer(async (req, res) => {
    if (offline) {
      // As a network that is down: the connection drops, no answer.
      req.socket.destroy();
      return;
    }
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    if (path.endsWith('/_headers')) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    let file = normalize(join(base, path));
    if (!file.startsWith(base)) {
      res.writeHead(403).end();
      return;
    }
    try {
      let body;
      if (Object.hasOwn(extra, path)) {
        body = Buffer.from(extra[path]);
      } else {
        if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
        body = await readFile(file);
      }
      if (rewrite && extname(file) === '.html') body = Buffer.from(rewrite(path, body.toString('utf8')));
      onServe?.(file.slice(base.length + 1));
      const compress = gzip && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '');
      res.writeHead(200, {
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        'cache-control': 'no-store',
        ...(compress ? { 'content-encoding': 'gzip', vary: 'Accept-Encoding' } : {}),
        ...headersForPath(shipped, path),
        ...headers,
      });
      res.end(compress ? gzipped(file, body) : body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  await new Promise((ok) => server.listen(port, host, ok));
  return {
    url: `http://${host}:${server.address().port}/`,
    /** Drops every request from now on (`true`), as if offline; or serves again. */
    setOffline: (down) => {
      offline = down;
    },
    close: () => new Promise((ok) => server.close(ok)),
  };
}
