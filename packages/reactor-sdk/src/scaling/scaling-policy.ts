/**
 * When an rpc-endpoint pool grows or shrinks, from what its gateway measures. Out: requests/s per
 * node over the target, or p95 over the target, continuously for `outWindowMs` (2 min). In: both
 * under half their targets for `inWindowMs` (10 min). Never below `min` or above `max`, one node
 * per step, and each window starts again after a step (never two steps at once).
 */
export interface ScalingRules {
  min: number;
  max: number;
  /** Requests per second one node should serve. */
  targetRpsPerNode: number;
  /** The p95 latency the pool should stay under (ms). */
  targetP95Ms: number;
  /** @default 120_000 */
  outWindowMs?: number;
  /** @default 600_000 */
  inWindowMs?: number;
}

/** What the gateway measured for one pool over the last sampling interval. */
export interface PoolSample {
  at: number;
  /** Nodes in the pool now (usable or joining). */
  nodes: number;
  rps: number;
  /** NaN when no request was measured. */
  p95Ms: number;
}

export type ScalingAction = 'out' | 'in' | 'hold';

export interface ScalingDecision {
  action: ScalingAction;
  from: number;
  to: number;
  reason: string;
}

export class ScalingPolicy {
  #overSince: number | undefined;
  #underSince: number | undefined;
  readonly #out: number;
  readonly #in: number;

  constructor(readonly rules: ScalingRules) {
    if (!(rules.min >= 1 && rules.max >= rules.min)) throw new RangeError(`scaling rules: need 1 <= min <= max (min ${rules.min}, max ${rules.max})`);
    this.#out = rules.outWindowMs ?? 120_000;
    this.#in = rules.inWindowMs ?? 600_000;
  }

  /** Feeds one sample; says what to do now. */
  observe(s: PoolSample): ScalingDecision {
    const r = this.rules;
    const perNode = s.rps / Math.max(1, s.nodes);
    const p95 = Number.isFinite(s.p95Ms) ? s.p95Ms : 0;
    if (s.nodes < r.min) return this.#step(s, 'out', s.nodes + 1, `${s.nodes} nodes < min ${r.min}`);
    if (s.nodes > r.max) return this.#step(s, 'in', s.nodes - 1, `${s.nodes} nodes > max ${r.max}`);
    const over = perNode > r.targetRpsPerNode || p95 > r.targetP95Ms;
    const under = perNode < r.targetRpsPerNode / 2 && p95 < r.targetP95Ms / 2;
    this.#overSince = over ? (this.#overSince ?? s.at) : undefined;
    this.#underSince = under ? (this.#underSince ?? s.at) : undefined;
    const load = `${perNode.toFixed(1)} req/s per node (target ${r.targetRpsPerNode}), p95 ${p95.toFixed(1)} ms (target ${r.targetP95Ms})`;
    if (over && s.nodes < r.max && s.at - this.#overSince! >= this.#out) return this.#step(s, 'out', s.nodes + 1, `${load} for ${Math.round((s.at - this.#overSince!) / 1000)} s`);
    if (under && s.nodes > r.min && s.at - this.#underSince! >= this.#in) return this.#step(s, 'in', s.nodes - 1, `${load} for ${Math.round((s.at - this.#underSince!) / 1000)} s`);
    return { action: 'hold', from: s.nodes, to: s.nodes, reason: load };
  }

  #step(s: PoolSample, action: 'out' | 'in', to: number, reason: string): ScalingDecision {
    this.#overSince = undefined;
    this.#underSince = undefined;
    return { action, from: s.nodes, to, reason };
  }
}
