// The payload's golden vectors (tests/golden/), for the browser tests and
// the benchmark: links that verify, and correctly signed links that must not.
import assert from 'node:assert/strict';
import { createPrivateKey, sign as nodeSign } from 'node:crypto';
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

/** The golden v2 links published for the whole country by the TEST
 * organiser (tests/golden/shards/, tests/golden_v2.rs): [path, text] pairs,
 * the index, the départements' shards it names and the communes' files. */
export const GOLDEN_SHARDS = await (async () => {
  const { readdir } = await import('node:fs/promises');
  const root = new URL('../golden/shards/', import.meta.url);
  const files = [];
  for (const sub of ['engagements/', 'engagements/communes/']) {
    for (const entry of await readdir(new URL(sub, root), { withFileTypes: true })) {
      if (entry.isFile()) files.push([sub + entry.name, await readFile(new URL(sub + entry.name, root), 'utf8')]);
    }
  }
  return files.sort();
})();

/** The golden list, signed by the TEST organiser key the test build pins. */
export const GOLDEN_LIST = await readFile(new URL('../golden/list-v1.json', import.meta.url), 'utf8');
const TEST_KEY = JSON.parse(await readFile(new URL('../fixtures/organiser-TEST-key.json', import.meta.url), 'utf8'));

/** Signs `message` with the TEST organiser key (its seed in PKCS#8). */
function signAsTestOrganiser(message) {
  const seed = Buffer.from(TEST_KEY.secret, 'base64url');
  const key = createPrivateKey({
    key: Buffer.concat([Buffer.from('302e020100300506032b657004220420', 'hex'), seed]),
    format: 'der',
    type: 'pkcs8',
  });
  return nodeSign(null, message, key);
}

/**
 * A version 2 list (docs/list-v2.md) numbered `sequence` instead, signed
 * again by the TEST organiser key: what an older publication looks like.
 */
export function withSequence(listText, sequence) {
  const file = JSON.parse(listText);
  assert.equal(file.version, 2, 'a version 2 list');
  const message = Buffer.from(file.list, 'base64url');
  assert.equal(message.subarray(0, 20).toString('latin1'), 'coorace-engagements\0');
  message.writeUInt32LE(sequence, 57);
  return JSON.stringify({ ...file, list: message.toString('base64url'), signature: signAsTestOrganiser(message).toString('base64url') });
}

/** The sequence of a version 2 list. */
export const sequenceOf = (listText) => Buffer.from(JSON.parse(listText).list, 'base64url').readUInt32LE(57);

/**
 * The golden list with its last entry (a withdrawn pledge) listed again
 * `copies` times, signed again by the TEST organiser key: a list longer
 * than 64 KiB, which WebKitGTK's WebCrypto calls invalid whatever it holds
 * (docs/list-v1.md gives the bytes). Its first pledge stays « vérifié ».
 */
export function longList(copies) {
  const file = JSON.parse(GOLDEN_LIST);
  const bytes = Buffer.from(file.list, 'base64url');
  // Walk the entries: status (1), date (2), LEB128 length, payload.
  let at = 41;
  let last;
  for (let i = 0; i < bytes.readUInt32LE(37); i += 1) {
    const first = bytes[at + 3];
    const [len, size] = first < 0x80 ? [first, 1] : [(first & 0x7f) | (bytes[at + 4] << 7), 2];
    last = bytes.subarray(at, at + 3 + size + len);
    at += 3 + size + len;
  }
  const message = Buffer.concat([bytes, ...Array(copies).fill(last)]);
  message.writeUInt32LE(message.readUInt32LE(37) + copies, 37);
  const signature = signAsTestOrganiser(message);
  return JSON.stringify({ ...file, list: message.toString('base64url'), signature: signature.toString('base64url') });
}

/**
 * The golden list with its first pledge's signature altered (its last
 * byte), signed again by the TEST organiser key: a list the organiser
 * vouches for that holds a forged pledge, which every reader must flag.
 */
export function forgedList() {
  const file = JSON.parse(GOLDEN_LIST);
  const bytes = Buffer.from(file.list, 'base64url');
  // The first entry: status (1), date (2), LEB128 length, payload.
  const first = bytes[41 + 3];
  const [len, size] = first < 0x80 ? [first, 1] : [(first & 0x7f) | (bytes[41 + 4] << 7), 2];
  bytes[41 + 3 + size + len - 1] ^= 0x01;
  return JSON.stringify({ ...file, list: bytes.toString('base64url'), signature: signAsTestOrganiser(bytes).toString('base64url') });
}

/** The files of a zip of stored files (what the console's engagements.zip
 * is), read by its central directory: { path: text }. */
export function unzipStored(zip) {
  const end = zip.length - 22;
  assert.equal(zip.readUInt32LE(end), 0x06054b50, 'a zip');
  const files = {};
  let at = zip.readUInt32LE(end + 16);
  for (let i = 0; i < zip.readUInt16LE(end + 10); i += 1) {
    assert.equal(zip.readUInt32LE(at), 0x02014b50);
    const size = zip.readUInt32LE(at + 24);
    const nameLength = zip.readUInt16LE(at + 28);
    const local = zip.readUInt32LE(at + 42);
    const name = zip.subarray(at + 46, at + 46 + nameLength).toString('utf8');
    assert.equal(zip.readUInt16LE(local + 8), 0, 'stored');
    const data = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    files[name] = zip.subarray(data, data + size).toString('utf8');
    at += 46 + nameLength;
  }
  return files;
}
