import { SignatureVerifier } from '../packages/node/src/verify/index.ts';
import { sr25519_sign } from '@polkadot-labs/schnorrkel-wasm';
import { benchAccounts } from './accounts.ts';
import { u8aToHex } from '@polkadot/util';
const [a] = benchAccounts(1, 'x');
const items = Array.from({ length: 4000 }, (_, i) => { const m = new Uint8Array(120).fill(i & 255); return { signature: { type: 'Sr25519' as const, value: u8aToHex(sr25519_sign(a!.publicKey, a!.secret, m)) }, message: m, signer: a!.publicKey }; });
const v = new SignatureVerifier({ workers: Number(process.env.W ?? 2) });
for (let r = 0; r < 4; r++) {
  const t = performance.now();
  const ok = await v.verifyMany(items);
  console.log(r, ok.every(Boolean), (4000 * 1000 / (performance.now() - t)).toFixed(0), '/s');
}
await v.close();
