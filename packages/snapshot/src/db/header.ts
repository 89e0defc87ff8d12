import { blake2AsU8a } from '@polkadot/util-crypto';
import { Bytes, Enum, Struct, Tuple, Vector, _void, compact } from 'scale-ts';

const H256 = Bytes(32);
const EngineItem = Tuple(Bytes(4), Bytes());
/** Substrate's generic header (u32 numbers, BlakeTwo256), as `sp_runtime::generic::Header`. */
const HeaderCodec = Struct({
  parentHash: H256,
  number: compact,
  stateRoot: H256,
  extrinsicsRoot: H256,
  digest: Vector(Enum({ Other: Bytes(), Consensus: EngineItem, Seal: EngineItem, PreRuntime: EngineItem, RuntimeEnvironmentUpdated: _void }, [0, 4, 5, 6, 8])),
});

/** The number and hash (blake2-256 of the SCALE header) of a SCALE-encoded block. */
export function blockHeaderOf(block: Uint8Array): { number: number; hash: Uint8Array; parentHash: Uint8Array } {
  const header = HeaderCodec.dec(block.slice());
  const bytes = HeaderCodec.enc(header);
  return { number: Number(header.number), hash: blake2AsU8a(bytes, 256), parentHash: header.parentHash };
}
