import { hexToU8a } from '@polkadot/util';
import { buildGenesisStorage, dinfraRuntime, Executive } from '@dinfra/runtime';
// The bench drives node internals directly (what a follower does), not the public API.
import { genesisStorageOf, loadChainSpec } from '../packages/node/src/chain-spec/index.ts';
import { genesisBlock } from '../packages/node/src/chain/genesis-block.ts';
import { hashHeader, type Block } from '../packages/node/src/chain/block.ts';
import type { BlockRecord } from '../packages/node/src/chain/chain.ts';
import { headerFromJson } from '../packages/node/src/network/follower.ts';
import type { BlockJson } from './chain-reader.ts';
import type { WsRpc } from './ws-rpc.ts';

export interface ImportResult {
  blocks: number;
  transfers: number;
  ms: number;
  transfersPerSec: number;
}

/** Imports `blocks` on `parent`; returns the last record. */
export type ImportFn = (executive: Executive, parent: BlockRecord, blocks: Block[]) => BlockRecord | Promise<BlockRecord>;

/** Fetches blocks 1..`to` from the node. */
export async function fetchBlocks(rpc: WsRpc, to: number): Promise<Block[]> {
  const out: Block[] = [];
  for (let n = 1; n <= to; n++) {
    const hash = await rpc.call<string>('chain_getBlockHash', [n]);
    const json = await rpc.call<BlockJson>('chain_getBlock', [hash]);
    const header = headerFromJson(json.block.header);
    const block: Block = { header, extrinsics: json.block.extrinsics.map((x) => hexToU8a(x)), hash: hashHeader(header) };
    if (block.hash !== hash) throw new Error(`block #${n} hash mismatch`);
    out.push(block);
  }
  return out;
}

/**
 * Re-executes `blocks` on a fresh in-process chain built from `specFile` (what a follower does:
 * decode, verify signatures, apply, compare the state root). Blocks below `timedFrom` are
 * imported untimed (warm-up); the rest are timed. `transfers` = signed extrinsics in timed blocks.
 */
export async function benchImport(specFile: string, blocks: Block[], timedFrom: number, importFn: ImportFn): Promise<ImportResult> {
  const spec = loadChainSpec(specFile);
  const genesis = genesisBlock(genesisStorageOf(spec, buildGenesisStorage));
  const executive = new Executive(dinfraRuntime(), { genesisHash: genesis.block.hash });
  const warm = blocks.filter((b) => b.header.number < timedFrom);
  const timed = blocks.filter((b) => b.header.number >= timedFrom);
  const parent = warm.length ? await importFn(executive, genesis, warm) : genesis;
  const transfers = timed.reduce((n, b) => n + b.extrinsics.length - 1, 0);
  const start = performance.now();
  await importFn(executive, parent, timed);
  const ms = performance.now() - start;
  return { blocks: timed.length, transfers, ms, transfersPerSec: (transfers * 1000) / ms };
}
