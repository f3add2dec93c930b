// The official communes, as small shards the commune field fetches while
// the candidate types (crates/pledge-core/src/domain/journey/communes.rs;
// docs/communes.md).
//
// Source: the npm package @etalab/decoupage-administratif (Etalab, Licence
// Ouverte), pinned in package.json: its current communes and the municipal
// arrondissements of Paris, Lyon and Marseille. Written into dist/communes/
// by the post-build hook (scripts/externalize-boot.mjs):
//
// - one shard per folded name prefix (one letter, split further while a
//   shard is over SHARD_BUDGET bytes gzip), and one per postal code's first
//   two digits; a line is `code<TAB>name<TAB>postal codes`, the most
//   populated commune first;
// - index.tsv: where the referential comes from (`r`), the départements'
//   names (`d`), and the shard of each prefix (`n`) and postal prefix (`p`).
//   Shard names carry a hash of their content.
//
// `node scripts/communes.mjs` prints the shards' figures.
import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const PACKAGE = join(root, 'node_modules/@etalab/decoupage-administratif');
/** Largest shard, gzip -9 (the budget is 30 KB). */
export const SHARD_BUDGET = 28 * 1024;

/**
 * A name or query folded for search, exactly as `fold` in
 * crates/pledge-core/src/domain/journey/search.rs (tests/scripts/
 * communes.test.mjs checks both on every character of the referential):
 * decomposed, accents dropped, lower case, every run of other characters one
 * space, « saint »/« sainte » as « st »/« ste ».
 */
export function fold(text) {
  let letters = '';
  for (const c of text.normalize('NFKD')) {
    const cp = c.codePointAt(0);
    if (
      (cp >= 0x300 && cp <= 0x36f) ||
      (cp >= 0x1ab0 && cp <= 0x1aff) ||
      (cp >= 0x1dc0 && cp <= 0x1dff) ||
      (cp >= 0x20d0 && cp <= 0x20ff) ||
      (cp >= 0xfe20 && cp <= 0xfe2f)
    ) {
      continue;
    }
    if (c === 'œ' || c === 'Œ') letters += 'oe';
    else if (c === 'æ' || c === 'Æ') letters += 'ae';
    else if (c === 'ß') letters += 'ss';
    else if (/[\p{Alphabetic}\p{Nd}\p{Nl}\p{No}]/u.test(c)) letters += c.toLowerCase();
    else letters += ' ';
  }
  return letters
    .split(/\s+/u)
    .filter(Boolean)
    .map((w) => (w === 'saint' ? 'st' : w === 'sainte' ? 'ste' : w))
    .join(' ');
}

const gzip = (text) => gzipSync(text, { level: 9 }).length;
const hash8 = (text) => createHash('sha256').update(text).digest('hex').slice(0, 8);
/** A prefix as a file name part: letters and digits, `_` for a space. */
const safe = (prefix) => prefix.replace(/ /g, '_').replace(/[^a-z0-9_]/g, (c) => `x${c.codePointAt(0).toString(16)}`);

/** The referential: communes (current, and municipal arrondissements),
 * the départements, and where they come from. */
export async function readReferential() {
  const [communes, departements, pkg] = await Promise.all(
    ['data/communes.json', 'data/departements.json', 'package.json'].map(async (f) =>
      JSON.parse(await readFile(join(PACKAGE, f), 'utf8')),
    ),
  );
  const kept = communes
    .filter((c) => c.type === 'commune-actuelle' || c.type === 'arrondissement-municipal')
    .map((c) => ({ code: c.code, name: c.nom, postal: c.codesPostaux ?? [], population: c.population ?? 0 }))
    .sort((a, b) => b.population - a.population || a.code.localeCompare(b.code));
  const year = pkg.version.startsWith('6.') ? '2026' : '';
  return {
    about: `Code officiel géographique ${year} (${pkg.name} ${pkg.version}, Etalab, Licence Ouverte)`.replace('  ', ' '),
    communes: kept,
    departements: departements.map((d) => [d.code, d.nom]),
  };
}

const line = (c) => `${c.code}\t${c.name}\t${c.postal.join(' ')}`;
const text = (communes) => `${communes.map(line).join('\n')}\n`;

/** Name shards: [prefix, communes], one letter, longer where too big. */
function nameShards(communes) {
  const out = [];
  const split = (prefix, items) => {
    if (gzip(text(items)) <= SHARD_BUDGET) {
      out.push([prefix, items]);
      return;
    }
    // Names that are the prefix itself stay in a shard of their own.
    const whole = items.filter((c) => c.folded.length <= prefix.length);
    if (whole.length) out.push([prefix, whole]);
    const groups = new Map();
    for (const c of items.filter((c) => c.folded.length > prefix.length)) {
      const key = c.folded.slice(0, prefix.length + 1);
      if (!groups.has(key)) groups.set(key, []);
      groups.get(key).push(c);
    }
    for (const [key, group] of groups) split(key, group);
  };
  const first = new Map();
  for (const c of communes) {
    const key = [...c.folded][0];
    if (!first.has(key)) first.set(key, []);
    first.get(key).push(c);
  }
  for (const [key, group] of first) split(key, group);
  return out;
}

/** Postal shards: [two digits, communes with a postal code starting so]. */
function postalShards(communes) {
  const groups = new Map();
  for (const c of communes) {
    for (const digits of new Set(c.postal.map((p) => p.slice(0, 2)))) {
      if (!groups.has(digits)) groups.set(digits, []);
      groups.get(digits).push(c);
    }
  }
  return [...groups].sort(([a], [b]) => a.localeCompare(b));
}

/** Writes index.tsv and the shards into `folder`; returns their figures. */
export async function writeCommunes(folder) {
  const { about, communes, departements } = await readReferential();
  for (const c of communes) c.folded = fold(c.name);
  await mkdir(folder, { recursive: true });
  const index = [`r\t${about}`, ...departements.map(([code, name]) => `d\t${code}\t${name}`)];
  const sizes = [];
  const write = async (kind, prefix, items) => {
    const body = text(items);
    const file = `${kind}-${safe(prefix)}.${hash8(body)}.tsv`;
    await writeFile(join(folder, file), body);
    index.push(`${kind}\t${prefix}\t${file}`);
    sizes.push(gzip(body));
  };
  for (const [prefix, items] of nameShards(communes)) await write('n', prefix, items);
  for (const [digits, items] of postalShards(communes)) await write('p', digits, items);
  const indexText = `${index.join('\n')}\n`;
  await writeFile(join(folder, 'index.tsv'), indexText);
  return {
    communes: communes.length,
    shards: sizes.length,
    largestGzip: Math.max(...sizes),
    totalGzip: sizes.reduce((a, b) => a + b, 0),
    indexGzip: gzip(indexText),
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const folder = process.argv[2] ?? join(root, 'target/communes');
  console.log(await writeCommunes(folder));
}
