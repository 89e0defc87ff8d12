import { EventEmitter } from 'node:events';
import { NoUpstreamError } from '../errors.ts';
import type { Upstream } from './upstream.ts';

/** The upstreams and the choice among the usable ones. */
export class UpstreamPool extends EventEmitter<{ change: [] }> {
  #turn = 0;

  readonly upstreams: Upstream[];

  constructor(upstreams: Upstream[]) {
    super();
    this.upstreams = [...upstreams];
    this.setMaxListeners(0);
  }

  add(u: Upstream): void {
    this.upstreams.push(u);
    this.emit('change');
  }

  remove(u: Upstream): void {
    const i = this.upstreams.indexOf(u);
    if (i >= 0) this.upstreams.splice(i, 1);
    this.emit('change');
  }

  byName(name: string): Upstream | undefined {
    return this.upstreams.find((u) => u.name === name || u.client.url === name);
  }

  usable(): Upstream[] {
    return this.upstreams.filter((u) => u.usable);
  }

  /**
   * The usable upstream with the lowest (outstanding + 1) x EWMA latency, not in `exclude`;
   * ties go round-robin. With `minBest`, upstreams known to be at least that far are preferred
   * (a client never sees state older than a head it was served). Throws {@link NoUpstreamError}
   * when there is none.
   */
  pick(exclude?: ReadonlySet<Upstream>, minBest?: number): Upstream {
    const n = this.upstreams.length;
    if (n === 0) throw new NoUpstreamError();
    const start = this.#turn++ % n;
    let best: Upstream | undefined;
    let behind: Upstream | undefined;
    for (let i = 0; i < n; i++) {
      const u = this.upstreams[(start + i) % n]!;
      if (!u.usable || exclude?.has(u)) continue;
      if (minBest !== undefined && u.best < minBest) {
        if (!behind || u.best > behind.best) behind = u;
        continue;
      }
      if (!best || u.score < best.score) best = u;
    }
    best ??= behind;
    if (!best) throw new NoUpstreamError();
    return best;
  }

  /** For a long-lived subscription: the usable upstream holding the fewest (ties: {@link pick}'s order). */
  pickForSubscription(exclude?: ReadonlySet<Upstream>): Upstream {
    const first = this.pick(exclude);
    let best = first;
    for (const u of this.upstreams) {
      if (!u.usable || exclude?.has(u)) continue;
      if (u.client.subscriptions < best.client.subscriptions) best = u;
    }
    return best;
  }

  /** A new WebSocket session's anchor: the usable upstream with the fewest live sessions (ties: {@link pick}'s order). */
  pickForSession(exclude?: ReadonlySet<Upstream>): Upstream {
    const first = this.pick(exclude);
    let best = first;
    for (const u of this.upstreams) {
      if (!u.usable || exclude?.has(u)) continue;
      if (u.sessions < best.sessions) best = u;
    }
    return best;
  }

  /**
   * Where a client's nonce queries and submissions go: an upstream whose pool sees every
   * submission (`Authority` in system_nodeRoles) when there is one, else the least loaded.
   */
  pickHome(): Upstream {
    const authors = this.upstreams.filter((u) => u.usable && u.sample?.roles.includes('Authority'));
    if (authors.length === 0) return this.pickForSubscription();
    return authors.reduce((a, b) => (b.score < a.score ? b : a));
  }

  /** The usable upstream with the highest best block (for answers a lagging node lacks). */
  mostAdvanced(exclude?: ReadonlySet<Upstream>): Upstream | undefined {
    let best: Upstream | undefined;
    for (const u of this.upstreams) {
      if (!u.usable || exclude?.has(u)) continue;
      if (!best || u.best > best.best) best = u;
    }
    return best;
  }

  /** Resolves with a usable upstream (not in `exclude`) as soon as there is one. */
  async waitForUsable(exclude?: ReadonlySet<Upstream>, signal?: AbortSignal): Promise<Upstream> {
    for (;;) {
      try {
        return this.pickForSubscription(exclude);
      } catch (e) {
        if (!(e instanceof NoUpstreamError)) throw e;
      }
      if (signal?.aborted) throw signal.reason;
      await new Promise<void>((resolve) => {
        const t = setTimeout(done, 200);
        this.once('change', done);
        function done() {
          clearTimeout(t);
          resolve();
        }
      });
    }
  }

  /** The highest finalized block number any usable upstream reported. */
  get finalized(): number {
    let f = -1;
    for (const u of this.upstreams) if (u.usable && u.sample) f = Math.max(f, u.sample.finalized);
    return f;
  }
}
