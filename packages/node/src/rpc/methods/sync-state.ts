import { z } from 'zod';
import { buildGenesisStorage } from '@dinfra/runtime';
import { toRawChainSpec } from '../../chain-spec/index.ts';
import type { RpcMethodTable } from '../server/index.ts';
import type { NodeContext } from '../context.ts';
import { parseParams } from '../params.ts';

/** Integers beyond 2^53 in a plain spec go out as decimal strings (JSON-RPC has no bigint). */
const jsonSafe = (value: unknown): unknown => JSON.parse(JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v)));

/**
 * `sync_state_genSyncSpec(raw)`, as Substrate's sc-sync-state-rpc: the chain spec this node
 * runs, so that a new node (a reactor's follower) can start on exactly this chain — with
 * `raw = true` the genesis storage itself, whatever preset or zombienet edit produced it.
 * There is no light-client sync state to add (no BABE/GRANDPA), so `lightSyncState` is absent.
 */
export function syncStateMethods(ctx: NodeContext): RpcMethodTable {
  return {
    sync_state_genSyncSpec: (params) => {
      const [raw] = parseParams(params, z.boolean().default(false));
      return jsonSafe(raw ? toRawChainSpec(ctx.spec, buildGenesisStorage) : ctx.spec);
    },
  };
}
