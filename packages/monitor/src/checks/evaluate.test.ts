import { describe, expect, it } from 'vitest';
import { checksSchema } from '../config/schema.ts';
import { evaluate, noteHead, type HeadState, type Observation } from './evaluate.ts';
import { statusOf } from './types.ts';

const checks = checksSchema.parse({ blockTimeMs: 1000, stallBlocks: 3, newHeadsBlocks: 2, maxHeadLag: 5, maxFinalityLag: 10, slowMs: 100 });
const G = `0x${'ab'.repeat(32)}`;
const obs = (o: Partial<Observation> = {}): Observation => ({ at: 100_000, callFailures: [], latencies: { system_health: 3 }, genesis: G, best: 50, finalized: 48, health: { peers: 1, isSyncing: false }, ...o });
const ctx = { checks, blockTimeMs: 1000, expectedGenesis: G, networkBest: 51 };
const checksOf = (o: Observation, s: HeadState = { best: 50, bestChangedAt: 99_000, subscribedAt: 90_000, lastHeadAt: 99_500 }, c = ctx) => evaluate(o, s, c).map((f) => f.check);

describe('evaluate', () => {
  it('a healthy round fails nothing', () => expect(checksOf(obs())).toEqual([]));
  it('unreachable hides every other check', () => expect(checksOf(obs({ unreachable: 'ECONNREFUSED' }))).toEqual(['reachable']));
  it('another chain fails genesis', () => expect(checksOf(obs({ genesis: `0x${'cd'.repeat(32)}` }))).toEqual(['genesis']));
  it('the same head for more than stallBlocks block times fails head-advancing, not before', () => {
    expect(checksOf(obs(), { best: 50, bestChangedAt: 97_000, subscribedAt: 90_000, lastHeadAt: 99_500 })).toEqual([]);
    expect(checksOf(obs(), { best: 50, bestChangedAt: 96_999, subscribedAt: 90_000, lastHeadAt: 99_500 })).toEqual(['head-advancing']);
  });
  it('no notification within newHeadsBlocks block times fails new-heads (from the subscription when none came)', () => {
    expect(checksOf(obs(), { best: 50, bestChangedAt: 99_000, subscribedAt: 90_000, lastHeadAt: 97_999 })).toEqual(['new-heads']);
    expect(checksOf(obs(), { best: 50, bestChangedAt: 99_000, subscribedAt: 97_999 })).toEqual(['new-heads']);
    expect(checksOf(obs(), { best: 50, bestChangedAt: 99_000, subscribedAt: 98_000 })).toEqual([]);
  });
  it('head lag, finality lag, syncing, peers and latency each fail their check', () => {
    expect(checksOf(obs(), undefined, { ...ctx, networkBest: 56 })).toEqual(['head-lag']);
    expect(checksOf(obs(), undefined, { ...ctx, networkBest: 55 })).toEqual([]);
    expect(checksOf(obs({ finalized: 39 }))).toEqual(['finality-lag']);
    expect(checksOf(obs({ health: { peers: 0, isSyncing: true } }))).toEqual(['health']);
    expect(checksOf(obs({ latencies: { chain_getHeader: 101 } }))).toEqual(['latency']);
  });
  it('down beats degraded', () => {
    expect(statusOf(evaluate(obs({ finalized: 1 }), {}, ctx))).toBe('degraded');
    expect(statusOf(evaluate(obs({ genesis: `0x${'00'.repeat(32)}`, finalized: 1 }), {}, ctx))).toBe('down');
  });
  it('noteHead moves the change time only when the head advances', () => {
    const s: HeadState = {};
    noteHead(s, 5, 1);
    noteHead(s, 5, 2);
    noteHead(s, 4, 3);
    expect(s).toEqual({ best: 5, bestChangedAt: 1 });
    noteHead(s, 6, 4);
    expect(s).toEqual({ best: 6, bestChangedAt: 4 });
  });
});
