// What the built page takes from the campaign file (the one
// widget-settings.json names in `campaign`; build.rs checks it and builds
// the widget's data from it): the page's title and descriptions, the
// manifest's name and colour, and the campaign's colours as a stylesheet.
// Run by the post-build hook (scripts/externalize-boot.mjs), and by the
// image scripts (make-icons, make-social-image). Pure functions, tested in
// tests/scripts/campaign-page.test.mjs.
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';

/** The campaign a deployment builds when its settings name none. */
export const DEFAULT_CAMPAIGN = 'campaign/coorace-municipales-2020.json';

/** The path (from the project's root) of the campaign file the settings name. */
export async function campaignPath(root, env = process.env) {
  const named = env.PW_WIDGET_SETTINGS?.trim();
  const settingsFile = named || 'widget-settings.json';
  let settings = {};
  try {
    // `resolve`, as build.rs's `Path::join`: an absolute path stays one.
    settings = JSON.parse(await readFile(resolve(root, settingsFile), 'utf8'));
  } catch (error) {
    // No widget-settings.json: the defaults. A file named on purpose must be there.
    if (error.code !== 'ENOENT' || named) throw new Error(`${settingsFile}: ${error.message}`);
  }
  const path = settings.campaign ?? DEFAULT_CAMPAIGN;
  if (typeof path !== 'string' || !path.trim()) {
    throw new Error(`${settingsFile}: campaign: the path of the campaign file, from the project's root`);
  }
  return path.trim();
}

/** The campaign file the settings name, parsed. build.rs checks it whole
 * (docs/campaign-file.md); what goes into the page's code and styles is
 * checked again here, so that no file can write anything else there. */
export async function readCampaign(root, env = process.env) {
  const path = await campaignPath(root, env);
  const campaign = JSON.parse(await readFile(resolve(root, path), 'utf8'));
  const problems = [];
  if (typeof campaign.slug !== 'string' || !/^[a-z][a-z0-9-]{0,39}$/.test(campaign.slug)) problems.push('slug');
  if (!Array.isArray(campaign.languages) || !campaign.languages.length || !campaign.languages.every((l) => l in OG_LOCALES)) {
    problems.push('languages');
  }
  const colour = (c) => typeof c === 'string' && /^#[0-9a-fA-F]{6}$/.test(c);
  for (const key of ['accent', 'on_accent', 'soft']) {
    if (!colour(campaign.colours?.[key]?.light) || !colour(campaign.colours?.[key]?.dark)) problems.push(`colours.${key}`);
  }
  if (!colour(campaign.colours?.card_track)) problems.push('colours.card_track');
  if (problems.length) throw new Error(`${path}: not a valid campaign file (${problems.join(', ')}): see docs/campaign-file.md`);
  return campaign;
}

const escapeHtml = (text) =>
  String(text).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);

/** The value a `%campaign:…%` placeholder of index.html names. */
function placeholder(campaign, name) {
  const reference = campaign.languages[0];
  switch (name) {
    case 'lang':
      return reference;
    case 'og_locale':
      return OG_LOCALES[reference];
    case 'accent':
      return campaign.colours.accent.light;
    default: {
      const [group, key] = name.split('.');
      if (group === 'page' && typeof campaign.page[key] === 'string') return campaign.page[key];
      throw new Error(`index.html: unknown placeholder %campaign:${name}%`);
    }
  }
}

const OG_LOCALES = { fr: 'fr_FR', en: 'en_GB' };

/** index.html with every `%campaign:…%` placeholder filled (HTML-escaped).
 * A line holding `%campaign:og_locale_alternate%` is written once per
 * other language the campaign offers (none for one language). */
export function withCampaign(html, campaign) {
  html = html.replace(/^.*%campaign:og_locale_alternate%.*\n/m, (line) =>
    campaign.languages
      .slice(1)
      .map((lang) => line.replace('%campaign:og_locale_alternate%', OG_LOCALES[lang]))
      .join(''),
  );
  return html.replace(/%campaign:([a-z_.]+)%/g, (_, name) => escapeHtml(placeholder(campaign, name)));
}

/** The web app manifest with the campaign's name, language and colour. */
export function withCampaignManifest(manifest, campaign) {
  return {
    ...manifest,
    name: campaign.page.app_name,
    short_name: campaign.page.app_short_name,
    description: campaign.page.app_description,
    lang: campaign.languages[0],
    theme_color: campaign.colours.accent.light,
  };
}

/** The campaign's colours, as the custom properties style/widget.css reads. */
export function campaignCss(campaign) {
  const c = campaign.colours;
  return (
    ':root {\n' +
    `  --pw-campaign-accent: ${c.accent.light};\n` +
    `  --pw-campaign-on-accent: ${c.on_accent.light};\n` +
    `  --pw-campaign-soft: ${c.soft.light};\n` +
    `  --pw-campaign-accent-dark: ${c.accent.dark};\n` +
    `  --pw-campaign-on-accent-dark: ${c.on_accent.dark};\n` +
    `  --pw-campaign-soft-dark: ${c.soft.dark};\n` +
    '}\n'
  );
}

/** The loader (assets/embed.js) with the campaign's label as its frames'
 * default title. */
export function withCampaignLoader(js, campaign) {
  const token = "'%campaign:label%'";
  if (!js.includes(token)) throw new Error(`embed.js: no ${token} to fill`);
  // A function, so that no `$` in the label is read as a pattern.
  return js.replace(token, () => JSON.stringify(campaign.label[campaign.languages[0]]));
}

/** The widget's icon (a tick) on the campaign's accent: written into the
 * build by the post-build hook, and rendered to PNG by scripts/make-icons.mjs. */
export function iconSvg(campaign) {
  return (
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512">\n' +
    `  <rect width="512" height="512" rx="96" fill="${campaign.colours.accent.light}"/>\n` +
    '  <path d="M140 270l80 80 160-180" fill="none" stroke="#fff" stroke-width="56" stroke-linecap="round" stroke-linejoin="round"/>\n' +
    '</svg>\n'
  );
}

/** Where the campaign's records are kept in the browser's storage (as
 * `campaign::stored_key` says: the slug after the widget's root). */
export const storagePrefix = (campaign) => `pw-pledge-widget/${campaign.slug}/`;

/** A script of the page with the campaign's storage prefix, whether it
 * adopts the records of builds before campaign keys, and its languages
 * (reference first), filled in. */
export function withCampaignStorage(js, campaign) {
  if (!/^[a-z][a-z0-9-]*$/.test(campaign.slug)) throw new Error(`not a slug: ${JSON.stringify(campaign.slug)}`);
  return js
    .replaceAll('%campaign:storage%', storagePrefix(campaign))
    .replaceAll('%campaign:adopt_unscoped%', String(campaign.adopt_unscoped_storage === true))
    .replaceAll('%campaign:languages%', campaign.languages.filter((l) => /^[a-z]{2}$/.test(l)).join(','));
}
