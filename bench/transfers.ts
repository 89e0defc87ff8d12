import { sr25519_sign } from '@polkadot-labs/schnorrkel-wasm';
import { compactAddLength, hexToU8a, u8aConcat, u8aToHex } from '@polkadot/util';
import { blake2AsU8a } from '@polkadot/util-crypto';
import * as s from 'scale-ts';
import type { Runtime } from '@dinfra/runtime';
import type { BenchAccount } from './accounts.ts';

/**
 * A signed, immortal `Balances.transfer_keep_alive(dest, value)` from `from` with `nonce`, tip 0,
 * CheckMetadataHash disabled — byte for byte what @polkadot/api would send.
 */
export function signedTransfer(runtime: Runtime, genesisHash: string, from: BenchAccount, dest: string, value: bigint, nonce: number): string {
  const call = runtime.callCodec.enc({ type: 'Balances', value: { type: 'transfer_keep_alive', value: { dest: { type: 'Id', value: dest }, value } } });
  // Explicit extras in metadata order: era (immortal), nonce, tip, metadata-hash mode.
  const extra = u8aConcat([0x00], s.compact.enc(nonce), s.compact.enc(0n), [0x00]);
  const v = runtime.version;
  const genesis = hexToU8a(genesisHash);
  const implicit = u8aConcat(s.u32.enc(v.specVersion), s.u32.enc(v.transactionVersion), genesis, genesis, [0x00]);
  let payload = u8aConcat(call, extra, implicit);
  if (payload.length > 256) payload = blake2AsU8a(payload, 256);
  const signature = sr25519_sign(from.publicKey, from.secret, payload);
  const body = u8aConcat([0x84, 0x00], from.publicKey, [0x01], signature, extra, call);
  return u8aToHex(compactAddLength(body));
}
