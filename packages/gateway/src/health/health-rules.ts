import type { HealthSample, HealthVerdict } from './health-sample.ts';

export interface HealthRules {
  maxBestLag: number;
  maxFinalityLag: number;
  minPeers: number;
  archive: boolean;
  /** Configured identity; when absent, what more than half of the upstreams answer. */
  chain?: string | undefined;
  genesisHash?: string | undefined;
}

/** What the probes of one round tell about the whole cluster. */
export interface ClusterView {
  chain: string | undefined;
  genesisHash: string | undefined;
  /** Highest best block any upstream reported (ever). */
  highestBest: number;
  /** `highestBest` as it was at this upstream's previous probe. */
  highestBestBefore: number | undefined;
}

/** The value more than half of `values` agree on, if any (one value per upstream). */
export function majority(values: string[]): string | undefined {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  for (const [v, c] of counts) if (c * 2 > values.length) return v;
  return undefined;
}

/**
 * Judges one upstream from its own answers: identity, sync, peers, best within `maxBestLag` of
 * the highest seen and advancing while others advance, finality lag, archive state.
 */
export function judge(sample: HealthSample, previous: HealthSample | undefined, rules: HealthRules, cluster: ClusterView): HealthVerdict {
  const reasons: string[] = [];
  const chain = rules.chain ?? cluster.chain;
  const genesis = rules.genesisHash ?? cluster.genesisHash;
  if (chain === undefined || genesis === undefined) reasons.push('no chain and genesis that most upstreams agree on (set health.chain and health.genesisHash)');
  if (chain !== undefined && sample.chain !== chain) reasons.push(`chain "${sample.chain}" is not "${chain}"`);
  if (genesis !== undefined && sample.genesisHash !== genesis) reasons.push(`genesis ${sample.genesisHash} is not ${genesis}`);
  if (sample.isSyncing) reasons.push('syncing');
  if (sample.peers < rules.minPeers) reasons.push(`${sample.peers} peers < ${rules.minPeers}`);
  if (cluster.highestBest - sample.best > rules.maxBestLag) reasons.push(`best #${sample.best} more than ${rules.maxBestLag} behind #${cluster.highestBest}`);
  // Stale: no new block since the previous probe although the cluster already had a higher one
  // back then (a node that merely imports a few ms after the author is not flagged).
  const behindBefore = cluster.highestBestBefore !== undefined && sample.best < cluster.highestBestBefore;
  if (previous && behindBefore && sample.best <= previous.best) reasons.push(`best #${sample.best} not advancing while the cluster had #${cluster.highestBestBefore} at the previous probe`);
  if (sample.best - sample.finalized >= rules.maxFinalityLag) reasons.push(`finality lag ${sample.best - sample.finalized} >= ${rules.maxFinalityLag}`);
  if (rules.archive && sample.archiveOk === false) reasons.push('old state not available (not an archive node)');
  return { healthy: reasons.length === 0, reasons };
}
