import { ed25519PairFromSeed, base58Encode } from '@polkadot/util-crypto';
import { hexToU8a, u8aConcat } from '@polkadot/util';
import { randomBytes } from 'node:crypto';

/**
 * The libp2p PeerId of an ed25519 node key, as Substrate prints it (12D3KooW...):
 * base58btc(identity-multihash(protobuf PublicKey { Type: Ed25519, Data: pubkey })).
 */
export function peerIdFromNodeKey(secretHex: string): string {
  const { publicKey } = ed25519PairFromSeed(hexToU8a(secretHex.startsWith('0x') ? secretHex : '0x' + secretHex));
  const protobuf = u8aConcat([0x08, 0x01, 0x12, 0x20], publicKey);
  return base58Encode(u8aConcat([0x00, protobuf.length], protobuf));
}

export const randomNodeKey = (): string => randomBytes(32).toString('hex');
