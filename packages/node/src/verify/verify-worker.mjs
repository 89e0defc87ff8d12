// Signature verification worker (plain JS so that it starts without a TypeScript loader).
// Message in:  { id, pubkeys: Uint8Array (32*n), sigs: Uint8Array (64*n), msgs: Uint8Array, offsets: Uint32Array (n+1) }
// Message out: { id, ok: Uint8Array (n; 1 = valid) }
import { parentPort } from 'node:worker_threads';
import { sr25519_keypair_from_seed, sr25519_sign, sr25519_verify } from '@polkadot-labs/schnorrkel-wasm';

// Warm-up: let V8 compile the hot WASM functions with its optimizing tier before real work.
{
  const kp = sr25519_keypair_from_seed(new Uint8Array(32).fill(7));
  const pub = kp.subarray(64, 96);
  const msg = new Uint8Array(100);
  const sig = sr25519_sign(pub, kp.subarray(0, 64), msg);
  for (let i = 0; i < 300; i++) sr25519_verify(pub, msg, sig);
}

parentPort.on('message', (m) => {
  const n = m.offsets.length - 1;
  const ok = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    try {
      ok[i] = sr25519_verify(m.pubkeys.subarray(i * 32, i * 32 + 32), m.msgs.subarray(m.offsets[i], m.offsets[i + 1]), m.sigs.subarray(i * 64, i * 64 + 64)) ? 1 : 0;
    } catch {
      ok[i] = 0;
    }
  }
  parentPort.postMessage({ id: m.id, ok }, [ok.buffer]);
});
