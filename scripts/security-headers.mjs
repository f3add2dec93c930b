// The widget's security policy, in one place: the <meta> tag the build puts
// in index.html, the `_headers` file it writes for hosts that read one
// (Netlify, Cloudflare Pages), the nginx snippet in the README, and the
// headers the dev server (Trunk.toml) and the test server send. Pure
// functions, tested in tests/scripts/security-headers.test.mjs.

/**
 * What a <meta http-equiv="Content-Security-Policy"> can say. The wasm is
 * compiled from bytes the page fetches itself ('wasm-unsafe-eval'); no
 * inline script or style anywhere (the boot script is a file; styles set
 * from code go through the CSSOM); card previews are blob: and data: images.
 */
export const META_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/**
 * Which pages may frame the widget when no list is configured: any. The
 * partner snippet is how the campaign spreads, and partners are not known
 * in advance; framing gives a page nothing the snippet does not (the frame
 * is another origin: it cannot read the widget, and browsers keep a
 * cross-site frame's storage apart from the widget's own, so no key is
 * reachable through it). An organiser who knows its partners lists their
 * origins in widget-settings.json (`frame_ancestors`).
 */
export const ANY_FRAME_ANCESTOR = ['*'];

/** Checks `frame_ancestors` from the settings: '*', 'self' or origins. */
export function frameAncestors(value) {
  if (value === undefined || value === null) return ANY_FRAME_ANCESTOR;
  if (!Array.isArray(value) || value.length === 0) {
    throw new Error('frame_ancestors must be a non-empty list: ["*"], ["\'self\'"] or origins');
  }
  return value.map((entry) => {
    if (entry === '*' || entry === "'self'" || entry === "'none'") return entry;
    let url;
    try {
      url = new URL(entry);
    } catch {
      throw new Error(`frame_ancestors: not an origin: ${JSON.stringify(entry)}`);
    }
    if (!['https:', 'http:'].includes(url.protocol) || url.origin !== entry.replace(/\/$/, '')) {
      throw new Error(`frame_ancestors: an origin is scheme://host[:port], nothing more: ${JSON.stringify(entry)}`);
    }
    return url.origin;
  });
}

/** The full policy, as a header: the meta policy plus `frame-ancestors`. */
export function headerPolicy(ancestors = ANY_FRAME_ANCESTOR) {
  return `${META_POLICY}; frame-ancestors ${ancestors.join(' ')}`;
}

/** Every header the widget's files should be served with. */
export function securityHeaders(ancestors = ANY_FRAME_ANCESTOR) {
  return [
    ['Content-Security-Policy', headerPolicy(ancestors)],
    ['X-Content-Type-Options', 'nosniff'],
    // Share links carry the pledge in the fragment, never sent; the rest
    // of the address (a partner's options) is nobody else's business.
    ['Referrer-Policy', 'no-referrer'],
    ['Permissions-Policy', 'camera=(), microphone=(), geolocation=(), payment=(), usb=()'],
  ];
}

/** The `_headers` file (Netlify, Cloudflare Pages). */
export function headersFile(ancestors) {
  const lines = securityHeaders(ancestors).map(([name, value]) => `  ${name}: ${value}`);
  return (
    '# Security headers of the pledge widget, written at build time by\n' +
    '# scripts/externalize-boot.mjs from scripts/security-headers.mjs.\n' +
    '# Read by Netlify and Cloudflare Pages; for nginx see the README.\n' +
    `/*\n${lines.join('\n')}\n`
  );
}

/** The nginx lines, as the README gives them (default settings). */
export function nginxSnippet(ancestors) {
  return securityHeaders(ancestors)
    .map(([name, value]) => `add_header ${name} "${value}" always;`)
    .join('\n');
}

/** Reads the headers for every path back from a `_headers` file. */
export function parseHeadersFile(text) {
  const headers = {};
  let inAll = false;
  for (const line of text.split('\n')) {
    if (!line.trim() || line.startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      inAll = line.trim() === '/*';
      continue;
    }
    if (!inAll) continue;
    const at = line.indexOf(':');
    headers[line.slice(0, at).trim().toLowerCase()] = line.slice(at + 1).trim();
  }
  return headers;
}

/** Puts the meta policy first in <head>, before anything it governs. */
export function withMetaPolicy(html) {
  const tag = `<meta http-equiv="Content-Security-Policy" content="${META_POLICY}" />`;
  if (html.includes('http-equiv="Content-Security-Policy"')) {
    throw new Error('index.html already has a policy: it belongs to scripts/security-headers.mjs');
  }
  const charset = /<meta charset="utf-8"\s*\/?>/i;
  if (!charset.test(html)) throw new Error('index.html has no <meta charset="utf-8">');
  return html.replace(charset, (m) => `${m}\n    ${tag}`);
}
