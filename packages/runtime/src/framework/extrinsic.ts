import { compactAddLength, hexToU8a, u8aToHex, u8aConcat } from '@polkadot/util';
import * as s from 'scale-ts';
import { codecOf } from '../scale/codec.ts';
import { DecodeError, decodeExact, decodePrefix } from '../scale/decode.ts';
import { MultiAddress, MultiSignature } from './common-types.ts';
import { blake2_256 } from '../hashing.ts';
import { eraFromCodec, type EraValue } from './era.ts';
import type { Runtime, RuntimeCallValue } from './runtime.ts';
import type { MultiSignatureValue } from './signature.ts';

export interface SignedPart {
  /** AccountId32 of the signer, 0x-hex */
  signer: string;
  signature: MultiSignatureValue;
  era: EraValue;
  nonce: number;
  tip: bigint;
  metadataHashMode: 0 | 1;
  /** SCALE bytes of the explicit extension data, in metadata order. */
  extraBytes: Uint8Array;
}

export interface DecodedExtrinsic {
  /** The extrinsic as transmitted (with its compact length prefix). */
  bytes: Uint8Array;
  hash: string;
  signed?: SignedPart;
  call: RuntimeCallValue;
  callBytes: Uint8Array;
}

const addressCodec = codecOf(MultiAddress);
const signatureCodec = codecOf(MultiSignature);

/** Decodes an UncheckedExtrinsic v4 (length-prefixed). Throws DecodeError on malformed input. */
export function decodeExtrinsic(runtime: Runtime, bytes: Uint8Array): DecodedExtrinsic {
  const [len, prefix] = decodePrefix<number | bigint>(s.compact, bytes, 'extrinsic length');
  const body = bytes.subarray(prefix);
  if (Number(len) !== body.length) throw new DecodeError(`Extrinsic length ${len} does not match ${body.length} bytes`);
  const version = body[0];
  if (version === undefined) throw new DecodeError('Empty extrinsic');
  if ((version & 0x7f) !== 4) throw new DecodeError(`Unsupported extrinsic version ${version & 0x7f}`);
  let offset = 1;
  let signed: SignedPart | undefined;
  if (version & 0x80) {
    const [address, a] = decodePrefix<{ type: string; value: string }>(addressCodec, body.subarray(offset), 'address');
    offset += a;
    if (address.type !== 'Id') throw new DecodeError(`Unsupported address kind ${address.type}`);
    const [signature, b] = decodePrefix<MultiSignatureValue>(signatureCodec, body.subarray(offset), 'signature');
    offset += b;
    const extraStart = offset;
    const explicit: Record<string, any> = {};
    for (const ext of runtime.signedExtensions) {
      const [v, n] = decodePrefix(codecOf(ext.type), body.subarray(offset), ext.identifier);
      explicit[ext.identifier] = v;
      offset += n;
    }
    const era = eraFromCodec(explicit.CheckMortality);
    if (!era) throw new DecodeError('Invalid era');
    signed = {
      signer: address.value,
      signature,
      era,
      nonce: Number(explicit.CheckNonce ?? 0),
      tip: BigInt(explicit.ChargeTransactionPayment ?? 0),
      metadataHashMode: explicit.CheckMetadataHash?.mode?.type === 'Enabled' ? 1 : 0,
      extraBytes: body.slice(extraStart, offset),
    };
  }
  const callBytes = body.slice(offset);
  const call = decodeExact<RuntimeCallValue>(runtime.callCodec, callBytes, 'call');
  return { bytes, hash: u8aToHex(blake2_256(bytes)), signed, call, callBytes };
}

export interface PayloadContext {
  specVersion: number;
  transactionVersion: number;
  genesisHash: string;
  /** Hash of the era's birth block (the genesis hash for immortal transactions). */
  birthHash: string;
  /** Some(hash) when the metadata-hash mode is enabled. */
  metadataHash?: Uint8Array;
}

/** The bytes a signer signs: call ++ explicit extras ++ implicit data, hashed when over 256 bytes. */
export function signingPayload(xt: DecodedExtrinsic, ctx: PayloadContext): Uint8Array {
  const signed = xt.signed!;
  const u32 = (n: number) => s.u32.enc(n);
  const implicit = u8aConcat(
    u32(ctx.specVersion),
    u32(ctx.transactionVersion),
    hexToU8a(ctx.genesisHash),
    hexToU8a(ctx.birthHash),
    signed.metadataHashMode === 1 && ctx.metadataHash ? u8aConcat([1], ctx.metadataHash) : new Uint8Array([0]),
  );
  const payload = u8aConcat(xt.callBytes, signed.extraBytes, implicit);
  return payload.length > 256 ? blake2_256(payload) : payload;
}

/** Encodes an unsigned (bare) extrinsic for `call`, length-prefixed. */
export function encodeUnsignedExtrinsic(runtime: Runtime, call: RuntimeCallValue): Uint8Array {
  return compactAddLength(u8aConcat([0x04], runtime.callCodec.enc(call)));
}
