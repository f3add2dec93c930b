// The payload's golden vectors (tests/golden/), for the browser tests and
// the benchmark: links that verify, and correctly signed links that must not.
import { readFile } from 'node:fs/promises';

async function vectors(file) {
  const text = await readFile(new URL(`../golden/${file}`, import.meta.url), 'utf8');
  return text
    .split('\n')
    .filter((l) => l && !l.startsWith('#'))
    .map((l) => l.split('\t'));
}

/** [name, link] pairs that verify. */
export const GOLDEN = await vectors('payload-v1.tsv');
/** [name, link] pairs, correctly signed, whose text every reader refuses. */
export const REFUSED = await vectors('payload-v1-refused.tsv');

/** [name, link] pairs of payload v2 (what the widget signs now) that verify. */
export const GOLDEN_V2 = await vectors('payload-v2.tsv');
/** [name, reason, link] triples of payload v2, correctly signed by another
 * tool, with the reason every reader gives (`valid` for the control). */
export const REFUSED_V2 = await vectors('payload-v2-refused.tsv');

/** The fragment (`e=…`, without `#`) of the golden vector `name`. */
export function goldenFragment(name) {
  return GOLDEN.find(([n]) => n === name)[1].split('#')[1];
}
