import { sr25519_sign, sr25519_verify } from '@polkadot-labs/schnorrkel-wasm';
import { sr25519Verify as wasmCryptoVerify, waitReady } from '@polkadot/wasm-crypto';
import { benchAccounts } from './accounts.ts';

function rate(fn: (i: number) => boolean, minMs: number): number {
  let n = 0;
  const start = performance.now();
  let elapsed = 0;
  while (elapsed < minMs) {
    for (let k = 0; k < 100; k++) if (!fn(n++)) throw new Error('verification failed');
    elapsed = performance.now() - start;
  }
  return (n * 1000) / elapsed;
}

/** Raw sr25519 verifications per second on one thread: schnorrkel-wasm and @polkadot/wasm-crypto. */
export async function benchVerify(minMs = 1500): Promise<{ schnorrkelWasm: number; wasmCrypto: number }> {
  await waitReady();
  const [a] = benchAccounts(1, 'verify');
  const msgs = Array.from({ length: 512 }, (_, i) => new Uint8Array(120).fill(i & 255));
  const sigs = msgs.map((m) => sr25519_sign(a!.publicKey, a!.secret, m));
  rate((i) => sr25519_verify(a!.publicKey, msgs[i % 512]!, sigs[i % 512]!), 200); // warm-up
  const schnorrkelWasm = rate((i) => sr25519_verify(a!.publicKey, msgs[i % 512]!, sigs[i % 512]!), minMs);
  const wasmCrypto = rate((i) => wasmCryptoVerify(sigs[i % 512]!, msgs[i % 512]!, a!.publicKey), minMs / 2);
  return { schnorrkelWasm, wasmCrypto };
}
