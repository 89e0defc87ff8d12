import { describe, expect, it } from 'vitest';
import { u8aToHex } from '@polkadot/util';
import { Chain, type BlockRecord } from '../../chain/chain.ts';
import { hashHeader, type Header } from '../../chain/block.ts';
import { TrieState } from '../../state/trie-state.ts';
import type { NodeContext } from '../context.ts';
import type { RpcCallContext, RpcMethod, RpcSubscription, SubscriptionSink } from '../server/index.ts';
import { chainHeadMethods } from './index.ts';

const call: RpcCallContext = { connectionId: 1, transport: 'ws' };
const tick = () => new Promise((r) => setImmediate(r));
type Ev = Record<string, unknown> & { event: string };

function record(number: number, parentHash: string, state: TrieState): BlockRecord {
  const header: Header = { parentHash, number, stateRoot: state.root(), extrinsicsRoot: '0x' + '00'.repeat(32), digest: { logs: [] } };
  return { block: { header, extrinsics: [], hash: hashHeader(header) }, state, changes: new Map() };
}

function setup(options: Parameters<typeof chainHeadMethods>[1]) {
  const entries: Array<[string, Uint8Array]> = [];
  for (let i = 0; i < 10; i++) entries.push([u8aToHex(new Uint8Array([0xaa, i])), new Uint8Array([i])]);
  entries.push(['0xbb', new Uint8Array([1])]);
  const state = TrieState.fromEntries(entries);
  const chain = new Chain(record(0, '0x' + '00'.repeat(32), state));
  const ctx = { chain, runtime: { version: {}, apiIds: () => [] } } as unknown as NodeContext;
  const table = chainHeadMethods(ctx, options);
  const events: Ev[] = [];
  const sink: SubscriptionSink & { closed: boolean } = {
    id: 'sub1',
    closed: false,
    next: (r) => void events.push(r as Ev),
    error: () => {},
    close() {
      if (this.closed) return;
      this.closed = true;
      cleanup();
    },
  };
  const follow = table.chainHead_v1_follow as RpcSubscription;
  const cleanup = follow.start([true], sink, call) as () => void;
  const m = (name: string) => (params: unknown[]) => (table[name] as RpcMethod)(params, call);
  const append = () => {
    const best = chain.best;
    chain.append(record(best.block.header.number + 1, best.block.hash, state));
    return chain.best.block.hash;
  };
  return { chain, events, sink, m, append, genesis: chain.genesis.block.hash };
}

describe('chainHead_v1 (in process)', () => {
  it('pages descendants with operationWaitingForContinue / chainHead_v1_continue', async () => {
    const { events, m, genesis } = setup({ storageItemsPerPage: 4 });
    const r = (await m('chainHead_v1_storage')(['sub1', genesis, [{ key: '0xaa', type: 'descendantsValues' }], null])) as { operationId: string };
    await tick();
    const op = (e: Ev) => e.operationId === r.operationId;
    expect(events.filter(op).map((e) => e.event)).toEqual(['operationStorageItems', 'operationWaitingForContinue']);
    await expect(Promise.resolve().then(() => m('chainHead_v1_continue')(['sub1', 'nope']))).resolves.toBeNull();
    expect(m('chainHead_v1_continue')(['sub1', r.operationId])).toBeNull();
    // A second continue while the first is being served is not waiting: -32803.
    expect(() => m('chainHead_v1_continue')(['sub1', r.operationId])).toThrow(expect.objectContaining({ code: -32803 }));
    await tick();
    m('chainHead_v1_continue')(['sub1', r.operationId]);
    await tick();
    const kinds = events.filter(op).map((e) => e.event);
    expect(kinds).toEqual(['operationStorageItems', 'operationWaitingForContinue', 'operationStorageItems', 'operationWaitingForContinue', 'operationStorageItems', 'operationStorageDone']);
    const keys = events.filter(op).flatMap((e) => (e.items as Array<{ key: string }> | undefined) ?? []).map((i) => i.key);
    expect(keys).toHaveLength(10);
    expect(new Set(keys).size).toBe(10);
  });

  it('stopOperation silences a paused operation and frees its slots; operations beyond the limit are discarded', async () => {
    const { events, m, genesis } = setup({ storageItemsPerPage: 1, maxOngoingOperations: 3 });
    const items = [{ key: '0xaa', type: 'descendantsHashes' }];
    const a = (await m('chainHead_v1_storage')(['sub1', genesis, [...items, ...items], null])) as { operationId: string; discardedItems: number };
    expect(a.discardedItems).toBe(0);
    const b = (await m('chainHead_v1_storage')(['sub1', genesis, [...items, ...items], null])) as { result: string; discardedItems: number };
    expect(b).toMatchObject({ result: 'started', discardedItems: 1 });
    expect(await m('chainHead_v1_body')(['sub1', genesis])).toEqual({ result: 'limitReached' });
    await tick();
    expect(m('chainHead_v1_stopOperation')(['sub1', a.operationId])).toBeNull();
    const before = events.length;
    expect(m('chainHead_v1_continue')(['sub1', a.operationId])).toBeNull(); // stopped: no effect
    await tick();
    expect(events.slice(before).filter((e) => e.operationId === a.operationId)).toEqual([]);
    expect(await m('chainHead_v1_body')(['sub1', genesis])).toMatchObject({ result: 'started' });
  });

  it('stops the subscription when the pinned-block limit is reached, then answers as for a stale subscription', async () => {
    const { events, sink, append, m } = setup({ maxPinnedBlocks: 3 });
    append();
    append();
    expect(sink.closed).toBe(false);
    const third = append();
    expect(events.at(-1)).toEqual({ event: 'stop' });
    expect(sink.closed).toBe(true);
    expect(m('chainHead_v1_header')(['sub1', third])).toBeNull();
  });

  it('unpinning lets more blocks in; finalized events follow newBlock/bestBlockChanged', async () => {
    const { events, sink, append, m, chain, genesis } = setup({ maxPinnedBlocks: 2 });
    const h1 = append();
    m('chainHead_v1_unpin')(['sub1', [genesis]]);
    chain.finalize(1);
    m('chainHead_v1_unpin')(['sub1', h1]);
    const h2 = append();
    expect(sink.closed).toBe(false);
    expect(events.map((e) => e.event)).toEqual(['initialized', 'bestBlockChanged', 'newBlock', 'bestBlockChanged', 'finalized', 'newBlock', 'bestBlockChanged']);
    expect(events.at(-2)).toMatchObject({ blockHash: h2, parentBlockHash: h1, newRuntime: null });
  });
});
