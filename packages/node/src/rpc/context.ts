import type { Executive, Runtime } from '@dinfra/runtime';
import type { Chain, BlockRecord } from '../chain/chain.ts';
import type { TransactionPool } from '../pool/pool.ts';
import type { ChainSpecJson } from '../chain-spec/index.ts';
import { RpcError } from './server/index.ts';

/** What RPC handlers may use of the node: chain, pool, runtime, identity. */
export interface NodeContext {
  chain: Chain;
  pool: TransactionPool;
  executive: Executive;
  runtime: Runtime;
  spec: ChainSpecJson;
  nodeName: string;
  nodeVersion: string;
  isAuthority: boolean;
  peerId: string;
  listenAddresses: string[];
  peers(): Array<{ peerId: string; roles: string; bestHash: string; bestNumber: number }>;
  /** Submits to the local pool, or forwards to the authoring node when following. */
  submitExtrinsic(bytes: Uint8Array): Promise<string>;
  /** Authors a block now (manual/instant sealing); undefined on a follower. */
  newBlock?(): Promise<BlockRecord>;
  /** Hashes of the transactions a block included (for watchers). */
  includedIn(blockHash: string): string[] | undefined;
  metadata(version: 14 | 15): Uint8Array;
}

/** Substrate's "Client error" (code 4003 in sc-rpc's state API) for an unknown or pruned block. */
export const unknownBlock = (hash: string) => new RpcError(4003, `Client error: UnknownBlock: Header was not found in the database: ${hash}`);
export const stateDiscarded = (hash: string) => new RpcError(4003, `Client error: State already discarded for ${hash}`);

/** The block `hash` names, or the best block when none is given. */
export function blockAt(ctx: NodeContext, hash?: string | null): BlockRecord {
  if (hash === undefined || hash === null) return ctx.chain.best;
  const r = ctx.chain.byHash(hash);
  if (!r) throw unknownBlock(hash);
  return r;
}

export function stateAt(ctx: NodeContext, hash?: string | null): BlockRecord & { state: NonNullable<BlockRecord['state']> } {
  const r = blockAt(ctx, hash);
  if (!r.state) throw stateDiscarded(r.block.hash);
  return r as BlockRecord & { state: NonNullable<BlockRecord['state']> };
}
