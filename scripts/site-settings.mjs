// The build settings of a deployment (widget-settings.json at the project's
// root, or the file PW_WIDGET_SETTINGS names; environment variables taking
// precedence), and what the
// post-build hook does with them. Pure functions, tested in
// tests/scripts/site-settings.test.mjs.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

import { frameAncestors } from './security-headers.mjs';

/**
 * The settings for this build: `{ siteUrl, frameAncestors }`, where
 * `siteUrl` is the absolute address the built folder is served from
 * (ending in "/"), or null when it is not known at build time, and
 * `frameAncestors` the pages allowed to frame the widget (see
 * scripts/security-headers.mjs; any, by default).
 */
export async function readSettings(root, env = process.env) {
  const settingsFile = env.PW_WIDGET_SETTINGS?.trim() || 'widget-settings.json';
  let file = {};
  try {
    // The same file build.rs pins the organiser from.
    file = JSON.parse(await readFile(join(root, settingsFile), 'utf8'));
  } catch (error) {
    if (error.code !== 'ENOENT') throw new Error(`${settingsFile}: ${error.message}`);
  }
  return {
    siteUrl: siteUrl(env.PW_SITE_URL ?? file.site_url ?? ''),
    frameAncestors: frameAncestors(file.frame_ancestors),
    // Whether the build pins an organiser key (build.rs checks it): the
    // boot script then fetches the organiser's list early.
    organiserKey: Boolean(file.organiser?.public_key?.trim()),
  };
}

/** Checks and normalises a site URL; empty means unknown (null). */
export function siteUrl(value) {
  if (typeof value !== 'string') throw new Error('site_url must be a string');
  const text = value.trim();
  if (!text) return null;
  let url;
  try {
    url = new URL(text);
  } catch {
    throw new Error(`site_url is not an absolute URL: ${JSON.stringify(text)}`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new Error(`site_url must be an http(s) URL: ${JSON.stringify(text)}`);
  }
  if (url.search || url.hash || url.username || url.password) {
    throw new Error(`site_url must be a plain address with no query, fragment or credentials: ${JSON.stringify(text)}`);
  }
  if (!url.pathname.endsWith('/')) url.pathname += '/';
  return url.href;
}

const escapeAttribute = (text) => text.replaceAll('&', '&amp;').replaceAll('"', '&quot;');

/**
 * Makes the link-preview image URLs absolute and adds `og:url` and a
 * canonical link when the site's address is known; leaves the page as it
 * is (relative image URLs) otherwise.
 */
export function withSiteUrl(html, site) {
  if (!site) return html;
  const absolute = (path) => escapeAttribute(new URL(path, site).href);
  let out = html.replace(
    /(<meta\s+(?:property="og:image"|name="twitter:image")\s+content=")([^"]*)(")/g,
    (_, before, path, after) => `${before}${absolute(path)}${after}`,
  );
  const extra =
    `<meta property="og:url" content="${escapeAttribute(site)}" />` +
    `<link rel="canonical" href="${escapeAttribute(site)}" />`;
  out = out.replace(/<meta property="og:type"/, `${extra}<meta property="og:type"`);
  return out;
}
