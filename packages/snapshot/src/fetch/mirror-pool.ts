import type { ChunkSource } from './sources.ts';

/** Per-mirror state: concurrency limit, throughput, failures; demoted when slow, disabled when lying. */
export interface MirrorState {
  readonly source: ChunkSource;
  limit: number;
  active: number;
  disabled?: string;
  bytes: number;
  chunks: number;
  failures: number;
  consecutiveFailures: number;
  lastError?: string;
  /** Bytes per second, EWMA over completed chunks. */
  rate: number;
}

export interface MirrorPoolOptions {
  /** @default 8 */
  readonly perMirror?: number;
  /** Consecutive failures after which a mirror is no longer used. @default 4 */
  readonly maxConsecutiveFailures?: number;
  /** A mirror below this fraction of the best one's rate gets half its concurrency. @default 0.25 */
  readonly slowFraction?: number;
}

/** Picks the mirror for the next request and learns from each outcome. */
export class MirrorPool {
  readonly mirrors: MirrorState[];
  readonly #maxFail: number;
  readonly #slow: number;
  readonly #per: number;

  constructor(sources: readonly ChunkSource[], o: MirrorPoolOptions = {}) {
    const per = o.perMirror ?? 8;
    this.#per = per;
    this.mirrors = sources.map((source) => ({ source, limit: per, active: 0, bytes: 0, chunks: 0, failures: 0, consecutiveFailures: 0, rate: 0 }));
    this.#maxFail = o.maxConsecutiveFailures ?? 4;
    this.#slow = o.slowFraction ?? 0.25;
  }

  usable(): MirrorState[] {
    return this.mirrors.filter((m) => !m.disabled);
  }

  /** The fastest usable mirror with a free slot that `exclude` does not rule out. */
  pick(exclude: (m: MirrorState) => boolean): MirrorState | undefined {
    let best: MirrorState | undefined;
    for (const m of this.mirrors) {
      if (m.disabled || m.active >= m.limit || exclude(m)) continue;
      // Unmeasured mirrors first (so each gets measured), then by rate per active request.
      const score = (x: MirrorState) => (x.chunks === 0 ? Infinity : x.rate / (x.active + 1));
      if (!best || score(m) > score(best)) best = m;
    }
    return best;
  }

  succeeded(m: MirrorState, bytes: number, seconds: number): void {
    m.bytes += bytes;
    m.chunks++;
    m.consecutiveFailures = 0;
    const r = bytes / Math.max(seconds, 1e-3);
    m.rate = m.chunks === 1 ? r : 0.7 * m.rate + 0.3 * r;
    const top = Math.max(...this.usable().map((x) => x.rate));
    if (m.chunks >= 2 && m.rate < top * this.#slow) m.limit = Math.max(1, Math.floor(m.limit / 2));
    else if (m.limit < this.#per) m.limit++;
  }

  /** A failed request; `lying` (wrong bytes) disables the mirror at once. */
  failed(m: MirrorState, reason: string, lying: boolean): void {
    m.failures++;
    m.lastError = reason;
    m.consecutiveFailures++;
    m.limit = 1; // a failing or stalling mirror gets one request at a time until it delivers
    if (lying) m.disabled = `served bytes that do not match the manifest (${reason})`;
    else if (m.consecutiveFailures >= this.#maxFail) m.disabled = `${m.consecutiveFailures} failures in a row, last: ${reason}`;
  }
}
