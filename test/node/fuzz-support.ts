import { expect } from 'vitest';
import type { KeyringPair } from '@polkadot/keyring/types';
import { blake2AsU8a } from '@polkadot/util-crypto';
import { compactAddLength, compactToU8a, hexToU8a, u8aConcat } from '@polkadot/util';

/** A JSON-RPC reply as RawWs returns it. */
export interface Reply {
  result?: unknown;
  error?: { code: number; message: string; data?: unknown };
}

/** JavaScript engine errors: in a reply they mean the node hit a bug, not bad input. */
export const ENGINE_ERROR = /\b(TypeError|RangeError|ReferenceError|SyntaxError)\b/;

/**
 * Asserts that `r` is a deliberate answer: a result, or an error the node chose to send.
 * `-32603 Internal error` (an exception the method did not expect) and engine error names in
 * the message or data (an exception dressed up as an answer) fail the test.
 */
export function expectDeliberate(r: Reply, where: string): void {
  if (!r.error) return;
  expect(Number.isInteger(r.error.code), where).toBe(true);
  expect(r.error.code, `${where}: internal error`).not.toBe(-32603);
  const data = typeof r.error.data === 'string' ? r.error.data : JSON.stringify(r.error.data ?? '');
  expect(`${r.error.message} ${data}`, `${where}: engine error in the reply`).not.toMatch(ENGINE_ERROR);
}

/** `code message: data`, with numbers and hex replaced by N (to count replies by kind). */
export function errorKey(r: Reply): string {
  const e = r.error!;
  return `${e.code} ${e.message}${typeof e.data === 'string' ? `: ${e.data}` : ''}`.replace(/\b\d+\b|0x[0-9a-f]+/g, 'N');
}

/** Everything that goes into a signed extrinsic v4, each part free to be wrong. */
export interface RawSigned {
  /** Who the extrinsic claims to be from. */
  address: Uint8Array;
  /** Who actually signs (normally the same account). */
  signer: KeyringPair;
  call: Uint8Array;
  /** Encoded Era (1 byte immortal, 2 bytes mortal). */
  era: Uint8Array;
  nonce: number;
  tip: bigint;
  /** CheckMetadataHash mode byte (0 Disabled, 1 Enabled, anything else undecodable). */
  mode: number;
  specVersion: number;
  txVersion: number;
  genesisHash: string;
  birthHash: string;
  /** The metadata hash signed for mode 1 (None when undefined). */
  metadataHash?: Uint8Array;
  /** Applied to the signature after signing. */
  corruptSignature?: (sig: Uint8Array) => Uint8Array;
}

/** A mortal era as SCALE encodes it (period a power of two, 4..65536; phase < period). */
export function encodeMortalEra(period: number, phase: number): Uint8Array {
  const trailing = Math.min(15, Math.max(1, Math.log2(period) - 1));
  const quantize = Math.max(period >> 12, 1);
  const encoded = trailing | (Math.floor(phase / quantize) << 4);
  return Uint8Array.from([encoded & 0xff, encoded >> 8]);
}

/** The birth block of a mortal era seen from block `current` (sp_runtime's Era::birth). */
export function eraBirth(period: number, phase: number, current: number): number {
  const quantize = Math.max(period >> 12, 1);
  const q = Math.floor(phase / quantize) * quantize;
  return Math.floor((Math.max(current, q) - q) / period) * period + q;
}

/**
 * Builds a signed extrinsic by hand, independently of @polkadot/api and of the node's
 * decoder: address, MultiSignature::Sr25519 over call ++ explicit ++ implicit (hashed when
 * longer than 256 bytes), explicit extras in metadata order, call.
 */
export function buildSigned(x: RawSigned): Uint8Array {
  const u32 = (n: number) => Uint8Array.from([n & 0xff, (n >>> 8) & 0xff, (n >>> 16) & 0xff, (n >>> 24) & 0xff]);
  const explicit = u8aConcat(x.era, compactToU8a(x.nonce), compactToU8a(x.tip), [x.mode & 0xff]);
  const implicit = u8aConcat(
    u32(x.specVersion),
    u32(x.txVersion),
    hexToU8a(x.genesisHash),
    hexToU8a(x.birthHash),
    x.metadataHash ? u8aConcat([1], x.metadataHash) : [0],
  );
  let payload = u8aConcat(x.call, explicit, implicit);
  if (payload.length > 256) payload = blake2AsU8a(payload, 256);
  let signature = x.signer.sign(payload);
  if (x.corruptSignature) signature = x.corruptSignature(signature);
  return compactAddLength(u8aConcat([0x84, 0x00], x.address, [0x01], signature, explicit, x.call));
}
