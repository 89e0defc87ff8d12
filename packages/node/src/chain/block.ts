import { compactAddLength, hexToU8a, u8aConcat, u8aToHex } from '@polkadot/util';
import * as s from 'scale-ts';
import { ApiTypes, blake2_256, codecOf, decodeExact, decodePrefix, HeaderType, orderedTrieRoot } from '@dinfra/runtime';

export interface DigestItem {
  type: 'PreRuntime' | 'Seal' | 'Consensus' | 'Other' | 'RuntimeEnvironmentUpdated';
  value?: unknown;
}

export interface Header {
  parentHash: string;
  number: number;
  stateRoot: string;
  extrinsicsRoot: string;
  digest: { logs: DigestItem[] };
}

export interface Block {
  header: Header;
  /** Encoded extrinsics, each with its compact length prefix. */
  extrinsics: Uint8Array[];
  hash: string;
}

const headerCodec = codecOf(HeaderType);

export function encodeHeader(h: Header): Uint8Array {
  return headerCodec.enc({
    parent_hash: h.parentHash,
    number: h.number,
    state_root: h.stateRoot,
    extrinsics_root: h.extrinsicsRoot,
    digest: h.digest,
  });
}

export function decodeHeader(bytes: Uint8Array): Header {
  const v = decodeExact(headerCodec, bytes, 'header');
  return { parentHash: v.parent_hash, number: v.number, stateRoot: v.state_root, extrinsicsRoot: v.extrinsics_root, digest: v.digest };
}

export const hashHeader = (h: Header): string => u8aToHex(blake2_256(encodeHeader(h)));

export const extrinsicsRoot = (extrinsics: Uint8Array[]): string => u8aToHex(orderedTrieRoot(extrinsics, 0));

/** SCALE block: header ++ Vec<OpaqueExtrinsic>. */
export function encodeBlock(b: Block): Uint8Array {
  return u8aConcat(encodeHeader(b.header), s.compact.enc(b.extrinsics.length), ...b.extrinsics);
}

export function decodeBlock(bytes: Uint8Array): Block {
  const [header, n] = decodePrefix(headerCodec, bytes, 'header');
  let offset = n;
  const [count, m] = decodePrefix<number | bigint>(s.compact, bytes.subarray(offset), 'extrinsic count');
  offset += m;
  const extrinsics: Uint8Array[] = [];
  for (let i = 0; i < Number(count); i++) {
    const [len, k] = decodePrefix<number | bigint>(s.compact, bytes.subarray(offset), 'extrinsic length');
    const end = offset + k + Number(len);
    if (end > bytes.length) throw new Error('block truncated');
    extrinsics.push(bytes.slice(offset, end));
    offset = end;
  }
  const h: Header = { parentHash: header.parent_hash, number: header.number, stateRoot: header.state_root, extrinsicsRoot: header.extrinsics_root, digest: header.digest };
  return { header: h, extrinsics, hash: hashHeader(h) };
}

/** JSON form of a header as Substrate's RPC returns it. */
export function headerJson(h: Header) {
  return {
    parentHash: h.parentHash,
    number: '0x' + h.number.toString(16),
    stateRoot: h.stateRoot,
    extrinsicsRoot: h.extrinsicsRoot,
    digest: { logs: h.digest.logs.map((l) => digestItemHex(l)) },
  };
}

const digestItemCodec = codecOf(ApiTypes.DigestItem);

export const digestItemHex = (item: DigestItem): string => u8aToHex(digestItemCodec.enc(item));

/** A pre-runtime digest naming the authoring engine and slot, as Aura writes it. */
export function preRuntimeDigest(engine: string, slot: bigint): DigestItem {
  return { type: 'PreRuntime', value: [u8aToHex(new TextEncoder().encode(engine)), u8aToHex(s.u64.enc(slot))] };
}

export { compactAddLength, hexToU8a };
