import { u8aToHex } from '@polkadot/util';
import type { RpcMethodTable, RpcSubscription } from '../server/index.ts';
import { headerJson } from '../../chain/block.ts';
import type { BlockRecord } from '../../chain/chain.ts';
import type { NodeContext } from '../context.ts';
import { blockNumber, optHash, parseParams } from '../params.ts';
import { z } from 'zod';

const headsSubscription = (ctx: NodeContext, event: 'newBlock' | 'finalized', unsubscribe: string[]): RpcSubscription => ({
  notification: event === 'newBlock' ? 'chain_newHead' : 'chain_finalizedHead',
  unsubscribe,
  start: (_params, sink) => {
    const send = (r: BlockRecord) => sink.next(headerJson(r.block.header));
    send(event === 'newBlock' ? ctx.chain.best : ctx.chain.finalized);
    ctx.chain.on(event, send);
    return () => ctx.chain.off(event, send);
  },
});

const allHeads = (ctx: NodeContext, unsubscribe: string[]): RpcSubscription => ({
  ...headsSubscription(ctx, 'newBlock', unsubscribe),
  notification: 'chain_allHead',
});

/** `chain_*`: headers, blocks, hashes and head subscriptions (with Substrate's aliases). */
export function chainMethods(ctx: NodeContext): RpcMethodTable {
  const getHeader = (params: unknown[]) => {
    const [hash] = parseParams(params, optHash);
    const r = hash ? ctx.chain.byHash(hash) : ctx.chain.best;
    return r ? headerJson(r.block.header) : null;
  };
  const getBlock = (params: unknown[]) => {
    const [hash] = parseParams(params, optHash);
    const r = hash ? ctx.chain.byHash(hash) : ctx.chain.best;
    if (!r) return null;
    return { block: { header: headerJson(r.block.header), extrinsics: r.block.extrinsics.map((x) => u8aToHex(x)) }, justifications: null };
  };
  const getBlockHash = (params: unknown[]) => {
    const [n] = parseParams(params, z.union([blockNumber, z.array(blockNumber)]).nullish());
    const one = (k: number | null | undefined) => (k === null || k === undefined ? ctx.chain.best.block.hash : (ctx.chain.byNumber(k)?.block.hash ?? null));
    return Array.isArray(n) ? n.map(one) : one(n);
  };
  const finalizedHead = () => ctx.chain.finalized.block.hash;
  const newHeadsUnsub = ['chain_unsubscribeNewHeads', 'chain_unsubscribeNewHead', 'unsubscribe_newHead'];
  const finalizedUnsub = ['chain_unsubscribeFinalizedHeads', 'chain_unsubscribeFinalisedHeads'];
  return {
    chain_getHeader: getHeader,
    chain_getBlock: getBlock,
    chain_getBlockHash: getBlockHash,
    chain_getHead: getBlockHash,
    chain_getFinalizedHead: finalizedHead,
    chain_getFinalisedHead: finalizedHead,
    chain_subscribeNewHeads: headsSubscription(ctx, 'newBlock', newHeadsUnsub.slice(0, 1)),
    chain_subscribeNewHead: headsSubscription(ctx, 'newBlock', newHeadsUnsub.slice(1, 2)),
    subscribe_newHead: headsSubscription(ctx, 'newBlock', newHeadsUnsub.slice(2)),
    chain_subscribeAllHeads: allHeads(ctx, ['chain_unsubscribeAllHeads']),
    chain_subscribeFinalizedHeads: headsSubscription(ctx, 'finalized', finalizedUnsub.slice(0, 1)),
    chain_subscribeFinalisedHeads: headsSubscription(ctx, 'finalized', finalizedUnsub.slice(1)),
  };
}
