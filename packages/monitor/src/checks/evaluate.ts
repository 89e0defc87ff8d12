import type { ChecksConfig } from '../config/schema.ts';
import type { Failure } from './types.ts';

/** What one round saw; `undefined` where the call failed or was not made. */
export interface Observation {
  at: number;
  /** The connection could not be opened (or closed during the round). */
  unreachable?: string;
  /** Failures of the calls themselves: timeouts, error answers, malformed results. */
  callFailures: Failure[];
  genesis?: string;
  health?: { peers: number; isSyncing: boolean };
  best?: number;
  finalized?: number;
  latencies: Record<string, number>;
  upstreams?: { name: string; usable: boolean; reasons: string[] }[];
  upstreamsError?: string;
}

/** What a probe remembers between rounds (the stateful checks). */
export interface HeadState {
  best?: number;
  bestChangedAt?: number;
  /** When the current new-heads subscription was made (undefined: none). */
  subscribedAt?: number;
  subscribeError?: string;
  lastHeadAt?: number;
}

export interface EvaluationContext {
  checks: ChecksConfig;
  blockTimeMs: number;
  /** The genesis the target must serve (undefined: not known yet). */
  expectedGenesis?: string;
  /** The network's best block for this chain, when known and fresh. */
  networkBest?: number;
}

const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** The failing checks of one round. Pure: the probe keeps `state`. */
export function evaluate(obs: Observation, state: HeadState, ctx: EvaluationContext): Failure[] {
  const { checks } = ctx;
  if (obs.unreachable !== undefined) return [{ check: 'reachable', message: obs.unreachable }];
  const out: Failure[] = [...obs.callFailures];
  if (obs.genesis !== undefined && ctx.expectedGenesis !== undefined && obs.genesis !== ctx.expectedGenesis) {
    out.push({ check: 'genesis', message: `serves genesis ${obs.genesis}, expected ${ctx.expectedGenesis} (another chain)` });
  }
  const stallMs = checks.stallBlocks * ctx.blockTimeMs;
  if (state.bestChangedAt !== undefined && obs.at - state.bestChangedAt > stallMs) {
    out.push({ check: 'head-advancing', message: `head #${state.best} unchanged for ${secs(obs.at - state.bestChangedAt)} (limit ${checks.stallBlocks} block times = ${secs(stallMs)})` });
  }
  const headsMs = checks.newHeadsBlocks * ctx.blockTimeMs;
  if (state.subscribeError !== undefined) out.push({ check: 'new-heads', message: `chain_subscribeNewHeads failed: ${state.subscribeError}` });
  else if (state.subscribedAt !== undefined) {
    const since = Math.max(state.subscribedAt, state.lastHeadAt ?? 0);
    if (obs.at - since > headsMs) {
      out.push({ check: 'new-heads', message: `no new head delivered for ${secs(obs.at - since)} (limit ${checks.newHeadsBlocks} block times = ${secs(headsMs)})` });
    }
  }
  if (obs.health) {
    if (obs.health.isSyncing) out.push({ check: 'health', message: 'system_health: syncing' });
    if (obs.health.peers < checks.minPeers) out.push({ check: 'health', message: `system_health: ${obs.health.peers} peers (minimum ${checks.minPeers})` });
  }
  if (obs.best !== undefined && ctx.networkBest !== undefined && ctx.networkBest - obs.best > checks.maxHeadLag) {
    out.push({ check: 'head-lag', message: `${ctx.networkBest - obs.best} blocks behind the network (#${obs.best} vs #${ctx.networkBest}; limit ${checks.maxHeadLag})` });
  }
  if (obs.best !== undefined && obs.finalized !== undefined && obs.best - obs.finalized > checks.maxFinalityLag) {
    out.push({ check: 'finality-lag', message: `finalized #${obs.finalized} is ${obs.best - obs.finalized} blocks behind best (limit ${checks.maxFinalityLag})` });
  }
  const slow = Object.entries(obs.latencies).filter(([, ms]) => ms > checks.slowMs);
  if (slow.length) out.push({ check: 'latency', message: `slow: ${slow.map(([m, ms]) => `${m} ${Math.round(ms)} ms`).join(', ')} (limit ${checks.slowMs} ms)` });
  if (obs.upstreamsError !== undefined) out.push({ check: 'upstreams', message: obs.upstreamsError });
  const down = (obs.upstreams ?? []).filter((u) => !u.usable);
  if (down.length) out.push({ check: 'upstreams', message: `${down.length}/${obs.upstreams!.length} upstreams out: ${down.map((u) => `${u.name} (${u.reasons.join(', ') || 'unusable'})`).join('; ')}` });
  return out;
}

/** Folds a head seen (by a call or a notification) into the state. */
export function noteHead(state: HeadState, number: number, at: number): void {
  if (state.best === undefined || number > state.best) {
    state.best = number;
    state.bestChangedAt = at;
  }
}
