import type { ProbeResult } from './probe.ts';

export interface HealthPolicy {
  /** Failed probes in a row before the reactor restarts the resource. @default 2 */
  readonly restartAfter: number;
  /** Failed probes in a row (after running) before it reports `degraded`. @default 4 */
  readonly degradedAfter: number;
  /** A head that has not moved this long, while the chain is ahead of it, is unhealthy. @default 120000 */
  readonly stallMs: number;
}

export type Verdict = { readonly healthy: true } | { readonly healthy: false; readonly reason: string; readonly failures: number };

/**
 * The health of one deployment across probes: consecutive failures, a pinned genesis (when
 * none was expected), and whether the head still advances when the chain does.
 */
export class HealthTracker {
  failures = 0;
  lastRestartAt = 0;
  #genesis: string | undefined;
  #head = -1;
  #headMovedAt = 0;

  constructor(readonly createdAt: number, private readonly policy: HealthPolicy) {}

  /** `referenceHead`: where the chain is known to be (e.g. OGate's finalized block), if known. */
  observe(r: ProbeResult, now: number, referenceHead?: number): Verdict {
    let reason = r.ok ? undefined : r.reason;
    if (r.ok) {
      if (this.#genesis === undefined) this.#genesis = r.genesis;
      else if (r.genesis !== this.#genesis) reason = `genesis changed from ${this.#genesis} to ${r.genesis}`;
      if (r.head !== this.#head) {
        this.#head = r.head ?? -1;
        this.#headMovedAt = now;
      } else if (now - this.#headMovedAt > this.policy.stallMs && (referenceHead === undefined || referenceHead > this.#head)) {
        reason = `head stuck at #${this.#head} for ${Math.round((now - this.#headMovedAt) / 1000)} s`;
      }
    }
    if (reason === undefined) {
      this.failures = 0;
      return { healthy: true };
    }
    this.failures++;
    return { healthy: false, reason, failures: this.failures };
  }
}
