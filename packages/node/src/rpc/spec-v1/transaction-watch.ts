import { hexToU8a, u8aToHex } from '@polkadot/util';
import { z } from 'zod';
import { blake2_256 } from '@dinfra/runtime';
import { PoolError } from '../../pool/pool-errors.ts';
import type { TxStatus } from '../../pool/types.ts';
import type { RpcMethodTable, SubscriptionSink } from '../server/index.ts';
import type { NodeContext } from '../context.ts';
import { watchIncluded } from '../methods/author.ts';
import { hex, parseParams } from '../params.ts';
import { InvalidOperationIdError } from './errors.ts';
import { ConnectionRegistry } from './registry.ts';

type WatchEvent =
  | { event: 'validated' }
  | { event: 'bestChainBlockIncluded'; block: { hash: string; index: number } | null }
  | { event: 'finalized'; block: { hash: string; index: number } }
  | { event: 'error' | 'invalid' | 'dropped'; error: string };

/** Index of the transaction `txHash` in block `blockHash` (0 when the block is unknown). */
function indexIn(ctx: NodeContext, blockHash: string, txHash: string): number {
  const xts = ctx.chain.byHash(blockHash)?.block.extrinsics ?? [];
  const i = xts.findIndex((x) => u8aToHex(blake2_256(x)) === txHash);
  return Math.max(i, 0);
}

/** The pool's (`author_extrinsicUpdate`) status as a `transactionWatch_v1_watchEvent`, if any. */
export function watchEventOf(ctx: NodeContext, txHash: string, s: TxStatus): WatchEvent | undefined {
  if (s === 'ready' || s === 'future') return { event: 'validated' };
  if (s === 'invalid') return { event: 'invalid', error: 'Transaction is invalid' };
  if (s === 'dropped') return { event: 'dropped', error: 'Transaction was dropped from the pool' };
  if ('inBlock' in s) return { event: 'bestChainBlockIncluded', block: { hash: s.inBlock, index: indexIn(ctx, s.inBlock, txHash) } };
  if ('retracted' in s) return { event: 'bestChainBlockIncluded', block: null };
  if ('finalized' in s) return { event: 'finalized', block: { hash: s.finalized, index: indexIn(ctx, s.finalized, txHash) } };
  if ('usurped' in s) return { event: 'invalid', error: `Transaction was usurped by ${s.usurped}` };
  if ('finalityTimeout' in s) return { event: 'dropped', error: 'Finality timeout' };
  return undefined; // broadcast: not an event of transactionWatch_v1
}

const isFinal = (e: WatchEvent): boolean => e.event !== 'validated' && e.event !== 'bestChainBlockIncluded';

/** The pool's rejection as `invalid` (1010), `error` (1011, unknown validity) or `dropped`. */
function rejectionEvent(e: unknown): WatchEvent {
  if (e instanceof PoolError) {
    const error = e.data ? `${e.message}: ${e.data}` : e.message;
    if (e.code === 1010 || e.code === 1001) return { event: 'invalid', error };
    if (e.code === 1011) return { event: 'error', error };
    return { event: 'dropped', error };
  }
  return { event: 'error', error: (e as Error).message ?? String(e) };
}

/** `transactionWatch_v1_submitAndWatch` / `transactionWatch_v1_unwatch`. */
export function transactionWatchMethods(ctx: NodeContext): RpcMethodTable {
  const watches = new ConnectionRegistry<SubscriptionSink>();
  return {
    transactionWatch_v1_submitAndWatch: {
      notification: 'transactionWatch_v1_watchEvent',
      // transactionWatch_v1_unwatch is a plain method (null, or an error for an unknown id).
      unsubscribe: [],
      start: (params, sink, call) => {
        const [tx] = parseParams(params, hex);
        const bytes = hexToU8a(tx);
        const txHash = u8aToHex(blake2_256(bytes));
        watches.set(call.connectionId, sink.id, sink);
        let unwatch = () => {};
        const send = (s: TxStatus) => {
          const ev = watchEventOf(ctx, txHash, s);
          if (!ev) return;
          sink.next(ev);
          if (isFinal(ev)) sink.close();
        };
        ctx.submitExtrinsic(bytes).then(
          (hash) => {
            if (sink.closed) return;
            if (ctx.pool.has(hash)) {
              unwatch = ctx.pool.watch(hash, send);
              send(ctx.pool.isReady(hash) ? 'ready' : 'future');
            } else {
              unwatch = watchIncluded(ctx, hash, send);
            }
          },
          (e: unknown) => {
            sink.next(rejectionEvent(e));
            sink.close();
          },
        );
        return () => {
          watches.delete(call.connectionId, sink.id);
          unwatch();
        };
      },
    },
    transactionWatch_v1_unwatch: (params, call) => {
      const [id] = parseParams(params, z.string());
      const sink = watches.get(call.connectionId, id);
      if (!sink) throw new InvalidOperationIdError(id);
      sink.close();
      return null;
    },
  };
}
