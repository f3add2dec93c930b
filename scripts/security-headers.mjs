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

/**
 * The page a partner's frame opens to sign on the widget's own page
 * (`signer.html`, a copy of `index.html`). It is the one document served
 * without the opener policy below: the frame keeps a handle on the tab it
 * opened (`rel="opener"`), to hear which pledge was signed there. No other
 * channel reaches such a frame: browsers keep a cross-site frame's storage,
 * BroadcastChannel included, apart from the widget's own page. The boot
 * script sends any other visitor of this page to the widget's page, which
 * does carry the policy (assets/boot, `scripts/externalize-boot.mjs`).
 */
export const HAND_OVER_PAGE = 'signer.html';

/**
 * Every other page: a page that opened the widget (`window.open`) loses its
 * handle on it, so it can neither navigate it later nor watch it.
 */
export const OPENER_POLICY = ['Cross-Origin-Opener-Policy', 'same-origin'];

/** Whether the document at `path` is served with the opener policy. */
export function hasOpenerPolicy(path) {
  return !path.endsWith(`/${HAND_OVER_PAGE}`);
}

/**
 * The `_headers` file (Netlify, Cloudflare Pages): every file gets the
 * security headers; the widget's page (`base`, its folder, and
 * `base`index.html) also gets the opener policy, and the hand-over page does
 * not (neither host can take a header off one path, so the policy is given
 * path by path).
 */
export function headersFile(ancestors, base = '/') {
  const lines = (headers) => headers.map(([name, value]) => `  ${name}: ${value}`).join('\n');
  const opener = lines([OPENER_POLICY]);
  return (
    '# Security headers of the pledge widget, written at build time by\n' +
    '# scripts/externalize-boot.mjs from scripts/security-headers.mjs.\n' +
    '# Read by Netlify and Cloudflare Pages; for nginx see the README.\n' +
    `/*\n${lines(securityHeaders(ancestors))}\n` +
    `${base}\n${opener}\n` +
    `${base}index.html\n${opener}\n`
  );
}

/** The nginx lines, as the README gives them (default settings). */
export function nginxSnippet(ancestors) {
  const [name, value] = OPENER_POLICY;
  const hand = HAND_OVER_PAGE.replace('.', '\\.');
  return [
    '# In the http block:',
    `map $uri $pw_opener_policy { ~/${hand}$ ""; default "${value}"; }`,
    "# In the widget's location:",
    ...securityHeaders(ancestors).map(([n, v]) => `add_header ${n} "${v}" always;`),
    `add_header ${name} $pw_opener_policy always;`,
  ].join('\n');
}

/** Reads a `_headers` file back: its rules, `{ path, headers }` each. */
export function parseHeadersRules(text) {
  const rules = [];
  for (const line of text.split('\n')) {
    if (!line.trim() || line.startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      rules.push({ path: line.trim(), headers: {} });
      continue;
    }
    const at = line.indexOf(':');
    rules.at(-1).headers[line.slice(0, at).trim().toLowerCase()] = line.slice(at + 1).trim();
  }
  return rules;
}

/**
 * The headers a host reading `rules` sends for `path`: every rule whose
 * path is `path` itself, or ends in `*` and starts `path`.
 */
export function headersForPath(rules, path) {
  const headers = {};
  for (const rule of rules) {
    const matches = rule.path.endsWith('*') ? path.startsWith(rule.path.slice(0, -1)) : rule.path === path;
    if (matches) Object.assign(headers, rule.headers);
  }
  return headers;
}

/** The headers every file gets (the `/*` rule of a `_headers` file). */
export function parseHeadersFile(text) {
  return parseHeadersRules(text).find((r) => r.path === '/*')?.headers ?? {};
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
