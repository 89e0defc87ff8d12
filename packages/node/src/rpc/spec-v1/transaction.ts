import { hexToU8a } from '@polkadot/util';
import { randomBytes } from 'node:crypto';
import type { RpcMethodTable } from '../server/index.ts';
import type { NodeContext } from '../context.ts';
import { hex, parseParams } from '../params.ts';
import { z } from 'zod';
import { InvalidOperationIdError } from './errors.ts';
import type { SpecV1Options } from './options.ts';
import { ConnectionRegistry } from './registry.ts';

/** Broadcasts nobody stopped (client gone) are forgotten after this long. */
const BROADCAST_TTL_MS = 10 * 60_000;

/**
 * `transaction_v1_broadcast` / `transaction_v1_stop`. The transaction goes to the pool (or to the
 * authoring node when following); an invalid one is silently dropped, as the spec asks.
 */
export function transactionMethods(ctx: NodeContext, options: SpecV1Options): RpcMethodTable {
  const broadcasts = new ConnectionRegistry<{ startedAt: number; connectionId: number; id: string }>();
  const live: Array<{ startedAt: number; connectionId: number; id: string }> = [];
  const evictStale = () => {
    const cutoff = Date.now() - BROADCAST_TTL_MS;
    while (live.length && live[0]!.startedAt < cutoff) {
      const old = live.shift()!;
      broadcasts.delete(old.connectionId, old.id);
    }
  };
  return {
    transaction_v1_broadcast: (params, call) => {
      const [tx] = parseParams(params, hex);
      evictStale();
      if (broadcasts.countFor(call.connectionId) >= options.maxBroadcastsPerConnection) return null;
      const id = randomBytes(8).toString('hex');
      const entry = { startedAt: Date.now(), connectionId: call.connectionId, id };
      broadcasts.set(call.connectionId, id, entry);
      live.push(entry);
      ctx.submitExtrinsic(hexToU8a(tx)).catch(() => {
        // Invalid transactions are silently not broadcast (the client validates them first).
      });
      return id;
    },
    transaction_v1_stop: (params, call) => {
      const [id] = parseParams(params, z.string());
      if (!broadcasts.delete(call.connectionId, id)) throw new InvalidOperationIdError(id);
      const i = live.findIndex((e) => e.connectionId === call.connectionId && e.id === id);
      if (i >= 0) live.splice(i, 1);
      return null;
    },
  };
}
