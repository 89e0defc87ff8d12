import { hexToU8a, u8aToHex } from '@polkadot/util';
import { z } from 'zod';
import { blake2_256, callRuntimeApi, decodeExtrinsic, encodeValidity, Env, TransactionValidityError, UnknownApiMethodError, codecOf, decodeExact, ApiTypes, T } from '@dinfra/runtime';
import { RpcError, type RpcMethodTable, type RpcSubscription } from '../server/index.ts';
import type { BlockRecord } from '../../chain/chain.ts';
import { stateAt, type NodeContext } from '../context.ts';
import { hash32, hex, optHash, parseParams } from '../params.ts';

const MAX_KEYS_PAGE = 1000;

export function runtimeVersionJson(ctx: NodeContext) {
  const v = ctx.runtime.version;
  return {
    specName: v.specName,
    implName: v.implName,
    authoringVersion: v.authoringVersion,
    specVersion: v.specVersion,
    implVersion: v.implVersion,
    apis: ctx.runtime.apiIds(),
    transactionVersion: v.transactionVersion,
    stateVersion: v.stateVersion,
  };
}

const executionFailed = (e: unknown) => new RpcError(4003, `Client error: Execution failed: ${(e as Error).message}`);

const validateInputCodec = codecOf(T.tuple(ApiTypes.TransactionSource, T.seq(T.u8), T.array(32, T.u8)));

/** Runs a runtime API against the state of `at` (the node executes TaggedTransactionQueue itself). */
export function stateCall(ctx: NodeContext, method: string, data: Uint8Array, at: BlockRecord): Uint8Array {
  if (method === 'TaggedTransactionQueue_validate_transaction') {
    const [, txBody, blockHash] = decodeExact<[unknown, string, string]>(validateInputCodec, data, 'validate_transaction input');
    const base = ctx.chain.byHash(blockHash) ?? at;
    // The tx argument is the opaque extrinsic: re-add its length prefix as the node's decoder expects.
    const bytes = hexToU8a(txBody);
    const withPrefix = new Uint8Array([...codecOf(T.compact(T.u32)).enc(bytes.length), ...bytes]);
    try {
      const xt = decodeExtrinsic(ctx.runtime, withPrefix);
      const ok = ctx.executive.validateTransaction(base.state!, base.block.header.number + 1, base.block.hash, xt);
      return encodeValidity({ ok: { ...ok, requires: ok.requires, provides: ok.provides } });
    } catch (e) {
      if (e instanceof TransactionValidityError) return encodeValidity({ err: e });
      return encodeValidity({ err: new TransactionValidityError({ type: 'Invalid', value: { type: 'Call' } }) });
    }
  }
  const env = new Env(ctx.runtime, at.state!, at.block.header.number);
  return callRuntimeApi(ctx.runtime, env, method, data);
}

function storageSubscription(ctx: NodeContext): RpcSubscription {
  return {
    notification: 'state_storage',
    unsubscribe: ['state_unsubscribeStorage'],
    start: (params, sink) => {
      const [keys] = parseParams(params, z.array(hex).nullish());
      const wanted = keys?.map((k) => k.toLowerCase());
      const initial = ctx.chain.best;
      if (wanted) sink.next({ block: initial.block.hash, changes: wanted.map((k) => [k, valueHex(initial, k)]) });
      const onBlock = (r: BlockRecord) => {
        const changes = wanted
          ? wanted.filter((k) => r.changes.has(k)).map((k) => [k, valueHex(r, k)])
          : [...r.changes].map(([k, v]) => [k, v === null ? null : u8aToHex(v)]);
        if (changes.length) sink.next({ block: r.block.hash, changes });
      };
      ctx.chain.on('newBlock', onBlock);
      return () => ctx.chain.off('newBlock', onBlock);
    },
  };
}

const valueHex = (r: BlockRecord, key: string): string | null => {
  const v = r.state?.get(key);
  return v === undefined ? null : u8aToHex(v);
};

function runtimeVersionSubscription(ctx: NodeContext, unsubscribe: string): RpcSubscription {
  return {
    notification: 'state_runtimeVersion',
    unsubscribe: [unsubscribe],
    start: (_p, sink) => {
      sink.next(runtimeVersionJson(ctx));
      return () => {};
    },
  };
}

/** `state_*`: storage reads, keys, proofs, metadata, runtime calls and subscriptions. */
export function stateMethods(ctx: NodeContext): RpcMethodTable {
  const getStorage = (params: unknown[]) => {
    const [key, at] = parseParams(params, hex, optHash);
    return valueHex(stateAt(ctx, at), key.toLowerCase());
  };
  const keysPaged = (params: unknown[]) => {
    const [prefix, count, startKey, at] = parseParams(params, hex.nullish(), z.number().int().nonnegative(), hex.nullish(), optHash);
    if (count > MAX_KEYS_PAGE) throw new RpcError(4002, `count exceeds maximum value. value: ${count}, max: ${MAX_KEYS_PAGE}`);
    const r = stateAt(ctx, at);
    const out: string[] = [];
    const start = startKey?.toLowerCase();
    for (const [k] of r.state.entriesWithPrefix((prefix ?? '0x').toLowerCase())) {
      if (start && k <= start) continue;
      out.push(k);
      if (out.length >= count) break;
    }
    return out;
  };
  const call = (params: unknown[]) => {
    const [method, data, at] = parseParams(params, z.string(), hex, optHash);
    try {
      return u8aToHex(stateCall(ctx, method, hexToU8a(data), stateAt(ctx, at)));
    } catch (e) {
      if (e instanceof RpcError) throw e;
      if (e instanceof UnknownApiMethodError) throw executionFailed(e);
      throw executionFailed(e);
    }
  };
  const runtimeVersion = (params: unknown[]) => {
    const [at] = parseParams(params, optHash);
    stateAt(ctx, at);
    return runtimeVersionJson(ctx);
  };
  const queryStorageAt = (params: unknown[]) => {
    const [keys, at] = parseParams(params, z.array(hex), optHash);
    const r = stateAt(ctx, at);
    return [{ block: r.block.hash, changes: keys.map((k) => [k, valueHex(r, k.toLowerCase())]) }];
  };
  return {
    state_getStorage: getStorage,
    state_getStorageAt: getStorage,
    state_getStorageHash: (params) => {
      const [key, at] = parseParams(params, hex, optHash);
      const v = stateAt(ctx, at).state.get(key.toLowerCase());
      return v === undefined ? null : u8aToHex(blake2_256(v));
    },
    state_getStorageSize: (params) => {
      const [key, at] = parseParams(params, hex, optHash);
      return stateAt(ctx, at).state.get(key.toLowerCase())?.length ?? null;
    },
    state_getKeys: (params) => {
      const [prefix, at] = parseParams(params, hex, optHash);
      return stateAt(ctx, at).state.keysWithPrefix(prefix.toLowerCase());
    },
    state_getKeysPaged: keysPaged,
    state_getKeysPagedAt: keysPaged,
    state_getPairs: (params) => {
      const [prefix, at] = parseParams(params, hex, optHash);
      return [...stateAt(ctx, at).state.entriesWithPrefix(prefix.toLowerCase())].map(([k, v]) => [k, u8aToHex(v)]);
    },
    state_queryStorageAt: queryStorageAt,
    state_queryStorage: (params) => {
      const [keys, from, to] = parseParams(params, z.array(hex), hash32, optHash);
      const start = stateAt(ctx, from).block.header.number;
      const end = stateAt(ctx, to).block.header.number;
      const out: Array<{ block: string; changes: Array<[string, string | null]> }> = [];
      for (let n = start; n <= end; n++) {
        const r = ctx.chain.byNumber(n)!;
        const changes = keys.map((k) => k.toLowerCase()).filter((k) => n === start || r.changes.has(k)).map((k) => [k, valueHex(r, k)] as [string, string | null]);
        if (changes.length) out.push({ block: r.block.hash, changes });
      }
      return out;
    },
    state_getReadProof: (params) => {
      const [keys, at] = parseParams(params, z.array(hex), optHash);
      const r = stateAt(ctx, at);
      return { at: r.block.hash, proof: r.state.trie.proof(keys.map((k) => hexToU8a(k))).map((p) => u8aToHex(p)) };
    },
    state_getMetadata: (params) => {
      const [at] = parseParams(params, optHash);
      stateAt(ctx, at);
      return u8aToHex(ctx.metadata(14));
    },
    state_getRuntimeVersion: runtimeVersion,
    chain_getRuntimeVersion: runtimeVersion,
    state_call: call,
    state_callAt: call,
    state_subscribeStorage: storageSubscription(ctx),
    state_subscribeRuntimeVersion: runtimeVersionSubscription(ctx, 'state_unsubscribeRuntimeVersion'),
    chain_subscribeRuntimeVersion: runtimeVersionSubscription(ctx, 'chain_unsubscribeRuntimeVersion'),
  };
}
