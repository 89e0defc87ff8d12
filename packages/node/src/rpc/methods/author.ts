import { hexToU8a, u8aToHex } from '@polkadot/util';
import { z } from 'zod';
import { RpcError, type RpcMethodTable } from '../server/index.ts';
import { PoolError } from '../../pool/pool-errors.ts';
import type { TxStatus } from '../../pool/types.ts';
import type { NodeContext } from '../context.ts';
import { hex, parseParams } from '../params.ts';

const toRpc = (e: unknown): never => {
  if (e instanceof PoolError) throw new RpcError(e.code, e.message, e.data);
  throw e;
};

/** `author_*`: submit (and watch) extrinsics, list and remove pending ones. */
export function authorMethods(ctx: NodeContext): RpcMethodTable {
  return {
    author_submitExtrinsic: async (params) => {
      const [xt] = parseParams(params, hex);
      return ctx.submitExtrinsic(hexToU8a(xt)).catch(toRpc);
    },
    author_submitAndWatchExtrinsic: {
      notification: 'author_extrinsicUpdate',
      unsubscribe: ['author_unwatchExtrinsic'],
      start: async (params, sink) => {
        const [xt] = parseParams(params, hex);
        const bytes = hexToU8a(xt);
        const send = (s: TxStatus) => {
          sink.next(s);
          const final = typeof s === 'string' ? s === 'dropped' || s === 'invalid' : 'finalized' in s || 'usurped' in s || 'finalityTimeout' in s;
          if (final) sink.close();
        };
        let unwatch = () => {};
        let hash: string;
        try {
          hash = await ctx.submitExtrinsic(bytes);
        } catch (e) {
          return toRpc(e);
        }
        // The pool reported ready/future synchronously; report the current state to this watcher.
        if (ctx.pool.has(hash)) {
          unwatch = ctx.pool.watch(hash, send);
          send(ctx.pool.isReady(hash) ? 'ready' : 'future');
        } else {
          // Already in a block (instant sealing) before we could watch it: find it.
          const watcher = watchIncluded(ctx, hash, send);
          unwatch = watcher;
        }
        return () => unwatch();
      },
    },
    author_pendingExtrinsics: () => ctx.pool.pending().map((t) => u8aToHex(t.xt.bytes)),
    author_removeExtrinsic: (params) => {
      const [items] = parseParams(params, z.array(z.union([hex, z.object({ hash: hex })])));
      const removed: string[] = [];
      for (const item of items) {
        const hash = typeof item === 'string' ? ctx.pool.pending().find((t) => u8aToHex(t.xt.bytes) === item.toLowerCase())?.hash : item.hash;
        if (hash && ctx.pool.removeByHash(hash, 'dropped')) removed.push(hash);
      }
      return removed;
    },
  };
}

/** Same spacing as the author's finality delay (service.ts FINALITY_DELAY_MS). */
const INBLOCK_TO_FINALIZED_MS = 150;

/** Reports inBlock/finalized for a transaction that left the pool before the watcher attached. */
export function watchIncluded(ctx: NodeContext, hash: string, send: (s: TxStatus) => void): () => void {
  send('ready');
  let inBlock: string | undefined;
  for (let n = ctx.chain.best.block.header.number; n > ctx.chain.best.block.header.number - 16 && n > 0; n--) {
    const r = ctx.chain.byNumber(n)!;
    if (ctx.includedIn(r.block.hash)?.includes(hash)) {
      inBlock = r.block.hash;
      break;
    }
  }
  if (!inBlock) return ctx.pool.watch(hash, send);
  const blockHash = inBlock;
  const number = ctx.chain.byHash(blockHash)!.block.header.number;
  setImmediate(() => send({ inBlock: blockHash }));
  const onFinal = (r: { block: { hash: string; header: { number: number } } }) => {
    if (r.block.header.number >= number) {
      ctx.chain.off('finalized', onFinal);
      send({ finalized: blockHash });
    }
  };
  // Already final: Finalized still trails InBlock by the author's finality delay, or
  // @polkadot/api's signAndSend (a switchMap over the events fetch) drops the InBlock.
  let timer: NodeJS.Timeout | undefined;
  setImmediate(() => {
    if (ctx.chain.finalized.block.header.number >= number) timer = setTimeout(() => send({ finalized: blockHash }), INBLOCK_TO_FINALIZED_MS);
    else ctx.chain.on('finalized', onFinal);
  });
  return () => {
    clearTimeout(timer);
    ctx.chain.off('finalized', onFinal);
  };
}
