import { describe, expect, it } from 'vitest';
import { judge, majority, type ClusterView, type HealthRules } from './health-rules.ts';
import type { HealthSample } from './health-sample.ts';

const rules: HealthRules = { maxBestLag: 5, maxFinalityLag: 20, minPeers: 0, archive: false };
const sample = (over: Partial<HealthSample> = {}): HealthSample => ({ at: 0, chain: 'Local Testnet', genesisHash: '0xg', isSyncing: false, peers: 1, shouldHavePeers: true, best: 100, bestHash: '0xb', finalized: 99, roles: ['Full'], ...over });
const cluster = (over: Partial<ClusterView> = {}): ClusterView => ({ chain: 'Local Testnet', genesisHash: '0xg', highestBest: 100, highestBestBefore: 97, ...over });
const reasons = (s: HealthSample, prev?: HealthSample, r: Partial<HealthRules> = {}, c: Partial<ClusterView> = {}) => judge(s, prev, { ...rules, ...r }, cluster(c)).reasons.join('; ');

describe('health rules', () => {
  it('passes a synced node at the head that advanced since its last probe', () => {
    expect(judge(sample(), sample({ best: 97 }), rules, cluster())).toEqual({ healthy: true, reasons: [] });
  });

  it('fails each rule on its own, saying which', () => {
    expect(reasons(sample({ chain: 'Development' }))).toMatch(/chain "Development" is not "Local Testnet"/);
    expect(reasons(sample({ genesisHash: '0xother' }))).toMatch(/genesis 0xother is not 0xg/);
    expect(reasons(sample({ isSyncing: true }))).toBe('syncing');
    expect(reasons(sample({ peers: 0 }), undefined, { minPeers: 1 })).toBe('0 peers < 1');
    expect(reasons(sample({ best: 94 }), undefined, {}, { highestBestBefore: undefined })).toMatch(/best #94 more than 5 behind #100/);
    expect(reasons(sample({ best: 95 }), undefined, {}, { highestBestBefore: undefined })).toBe('');
    expect(reasons(sample({ finalized: 80 }))).toMatch(/finality lag 20 >= 20/);
    expect(reasons(sample({ archiveOk: false }), undefined, { archive: true })).toMatch(/not an archive node/);
    expect(reasons(sample({ archiveOk: false }), undefined, { archive: false })).toBe('');
  });

  it('calls a node stale when it did not advance although the cluster was already ahead at the previous probe', () => {
    // Same best as last time, and the cluster had #99 back then: stale.
    expect(reasons(sample({ best: 98 }), sample({ best: 98 }), {}, { highestBestBefore: 99 })).toMatch(/not advancing/);
    // Same best, but it was at the cluster's head back then (a block may be on its way): not yet.
    expect(reasons(sample({ best: 98 }), sample({ best: 98 }), {}, { highestBestBefore: 98 })).toBe('');
    // The whole cluster stands still (e.g. manual sealing): nobody is stale.
    expect(reasons(sample({ best: 100 }), sample({ best: 100 }), {}, { highestBestBefore: 100 })).toBe('');
  });

  it('prefers configured identity over the majority', () => {
    expect(reasons(sample(), undefined, { chain: 'Polkadot' })).toMatch(/chain "Local Testnet" is not "Polkadot"/);
    expect(majority(['a', 'b', 'b'])).toBe('b');
    expect(majority(['a', 'b', 'b', 'c'])).toBeUndefined(); // half is not a majority
    expect(majority(['a', 'b'])).toBeUndefined();
    expect(majority([])).toBeUndefined();
    expect(reasons(sample(), undefined, {}, { chain: undefined })).toMatch(/no chain and genesis that most upstreams agree on/);
  });
});
