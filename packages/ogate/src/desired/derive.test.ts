import { describe, expect, it } from 'vitest';
import type { SubscriptionRecord } from '../chain/records.ts';
import { absenceReason, applyLiveRecord, billingOf, generationAtReconcile, markAbsent, newAwardRow } from './derive.ts';

const P = '5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY';
const Q = '5FLSigC9HGRKVhB9FiEo4Y3koPsNmBmLJbpXg2mp1hXcS59Y';
const rec = (over: Partial<SubscriptionRecord> = {}): SubscriptionRecord => ({
  subscriber: Q, provider: P, typeId: 0, descriptorCid: 'Qm', pricePerBlock: 10n, deposit: 1000n, state: 'awarded', endpoints: [],
  terminationReason: null, awardedAt: 5, settledTo: null, expiresAt: null, excluded: [], lastLoss: null, ...over,
});

describe('derive', () => {
  it('generation at reconcile is 1 + the times this provider lost the award before', () => {
    expect(generationAtReconcile(rec(), P)).toBe(1);
    expect(generationAtReconcile(rec({ excluded: [Q, P, Q] }), P)).toBe(2);
  });

  it('billing: remaining = deposit - price x blocks since settlement, never below 0', () => {
    expect(billingOf(rec(), 50)).toEqual({ pricePerBlock: '10', deposit: '1000', remaining: '1000', expiresAt: null });
    expect(billingOf(rec({ settledTo: 40, expiresAt: 140 }), 50).remaining).toBe('900');
    expect(billingOf(rec({ settledTo: 40 }), 500).remaining).toBe('0');
  });

  it('a live record updates state, endpoints, billing and reports whether anything changed', () => {
    const row = newAwardRow({ id: 7n, record: rec(), typeName: 'substrate-node', generation: 1, now: 5 });
    expect(row).toMatchObject({ id: '7', phase: 'fetching', desired: 'present', revision: 0 });
    expect(applyLiveRecord(row, rec(), 5)).toBe(false);
    expect(applyLiveRecord(row, rec({ state: 'running', endpoints: ['wss://a'] }), 6)).toBe(true);
    expect(row.endpoints).toEqual(['wss://a']);
  });

  it('absence reasons: terminated, lost (with the cause), purged', () => {
    expect(absenceReason(undefined, P)).toBe('purged');
    expect(absenceReason(rec({ state: 'terminated', terminationReason: 'BySubscriber' }), P)).toBe('terminated: BySubscriber');
    expect(absenceReason(rec({ provider: Q, lastLoss: { provider: P, at: 9, cause: 'failed: no disk' } }), P)).toBe('award lost: failed: no disk');
    const row = newAwardRow({ id: 1n, record: rec(), typeName: 't', generation: 1, now: 1 });
    expect(markAbsent(row, 'terminated: ByProvider', true)).toBe(true);
    expect(row.state).toBe('terminated');
    expect(markAbsent(row, 'terminated: ByProvider', true)).toBe(false);
  });
});
