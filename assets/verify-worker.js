// The pledges' Ed25519 signatures checked off the page's thread (issue 26):
// a dedicated worker of the widget's own origin, started by
// `web::verify::ed25519_verify_many` for the wall's and the console's many
// pledges, so that the page stays responsive while a big shard is checked.
// It checks with the browser's WebCrypto, as the page would: the same
// verdicts, strict rules applied by the caller before asking.
//
// Asked:   { v, id, all, at } — `v` the protocol's version (1): a worker
//          of another version (a cached copy from another build) answers
//          `failed`; `all` a Uint8Array holding, for each signature, the
//          key (32 bytes), the signature (64) and the message; `at` a
//          Uint32Array of (start, end) pairs into it.
// Answers: { v, id, verdicts } — a Uint8Array, 1 for a valid signature,
//          else 0 (a key the browser refuses is not valid); or
//          { v, id, unsupported: true } where this browser has no Ed25519
//          (NotSupportedError); or { v, id, failed: true } for anything
//          else: the page then checks on its own thread.
// The page adds, after its own signatures, two whose answers it knows (one
// valid, one not): a worker wrong about them is not believed
// (src/web/verify_worker.rs).
// Bump VERSION, here and in src/web/verify_worker.rs, with any change.
'use strict';
const VERSION = 1;
const ED25519 = { name: 'Ed25519' };
const unsupported = (e) => e?.name === 'NotSupportedError';

self.onmessage = async (event) => {
  const { v, id, all, at } = event.data ?? {};
  const answer = (fields) => self.postMessage({ v: VERSION, id, ...fields });
  try {
    if (v !== VERSION || !(all instanceof Uint8Array) || !(at instanceof Uint32Array) || at.length % 2) {
      answer({ failed: true });
      return;
    }
    const n = at.length / 2;
    const keys = await Promise.allSettled(
      Array.from({ length: n }, (_, i) => crypto.subtle.importKey('raw', all.subarray(at[2 * i], at[2 * i] + 32), ED25519, false, ['verify'])),
    );
    if (keys.some((k) => k.status === 'rejected' && unsupported(k.reason))) {
      answer({ unsupported: true });
      return;
    }
    const checks = await Promise.allSettled(
      keys.map((k, i) =>
        k.status === 'fulfilled'
          ? crypto.subtle.verify(ED25519, k.value, all.subarray(at[2 * i] + 32, at[2 * i] + 96), all.subarray(at[2 * i] + 96, at[2 * i + 1]))
          : false,
      ),
    );
    if (checks.some((c) => c.status === 'rejected' && unsupported(c.reason))) {
      answer({ unsupported: true });
      return;
    }
    const verdicts = new Uint8Array(n);
    checks.forEach((c, i) => {
      verdicts[i] = c.status === 'fulfilled' && c.value === true ? 1 : 0;
    });
    self.postMessage({ v: VERSION, id, verdicts }, [verdicts.buffer]);
  } catch {
    // Anything else (no WebCrypto in this context, memory): the page
    // checks on its own thread, and says what it finds there.
    answer({ failed: true });
  }
};
