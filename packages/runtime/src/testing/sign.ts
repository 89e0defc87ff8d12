import { compactAddLength, hexToU8a, u8aConcat, u8aToHex } from '@polkadot/util';
import { sr25519PairFromSeed, sr25519Sign, blake2AsU8a } from '@polkadot/util-crypto';
import * as s from 'scale-ts';
import type { Runtime, RuntimeCallValue } from '../framework/runtime.ts';

export interface TestSigner {
  publicKey: Uint8Array;
  secretKey: Uint8Array;
  /** 0x-hex AccountId32 */
  id: string;
}

/** A deterministic sr25519 key for tests (seed = blake2(name)). */
export function testSigner(name: string): TestSigner {
  const pair = sr25519PairFromSeed(blake2AsU8a(name, 256));
  return { ...pair, id: u8aToHex(pair.publicKey) };
}

export interface SignOptions {
  nonce: number;
  tip?: bigint;
  /** Mortal era as [period, phase]; immortal when absent. */
  era?: [number, number];
  /** Hash of the era's birth block (genesis for immortal). */
  birthHash?: string;
  genesisHash: string;
}

function encodeEra(era?: [number, number]): Uint8Array {
  if (!era) return new Uint8Array([0]);
  const [period, phase] = era;
  const trailing = Math.min(15, Math.max(1, Math.log2(period) - 1));
  const quantize = Math.max(period >> 12, 1);
  const encoded = trailing | ((phase / quantize) << 4);
  return new Uint8Array([encoded & 0xff, encoded >> 8]);
}

/**
 * Builds a signed UncheckedExtrinsic v4 by hand (independently of the runtime's decoder):
 * address, MultiSignature::Sr25519, explicit extras in metadata order, call.
 */
export function signExtrinsic(runtime: Runtime, signer: TestSigner, call: RuntimeCallValue, o: SignOptions): Uint8Array {
  const callBytes = runtime.callCodec.enc(call);
  const extra = u8aConcat(encodeEra(o.era), s.compact.enc(o.nonce), s.compact.enc(o.tip ?? 0n), new Uint8Array([0]));
  const implicit = u8aConcat(
    s.u32.enc(runtime.version.specVersion),
    s.u32.enc(runtime.version.transactionVersion),
    hexToU8a(o.genesisHash),
    hexToU8a(o.birthHash ?? o.genesisHash),
    new Uint8Array([0]),
  );
  let payload = u8aConcat(callBytes, extra, implicit);
  if (payload.length > 256) payload = blake2AsU8a(payload, 256);
  const signature = sr25519Sign(payload, signer);
  const body = u8aConcat([0x84, 0x00], signer.publicKey, [0x01], signature, extra, callBytes);
  return compactAddLength(body);
}
