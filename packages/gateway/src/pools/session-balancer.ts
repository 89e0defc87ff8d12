import type { Logger } from 'pino';
import type { GatewayMetrics } from '../observability/metrics.ts';
import type { ClientSession } from '../server/client-session.ts';
import type { UpstreamPool } from '../upstream/pool.ts';
import type { Upstream } from '../upstream/upstream.ts';

export interface SessionBalancerOptions {
  poolName: string;
  pool: UpstreamPool;
  sessions: ReadonlySet<ClientSession>;
  metrics: GatewayMetrics;
  logger: Logger;
  intervalMs: number;
  maxMovesPerInterval: number;
  /** Spread tolerated, as a fraction of the mean number of sessions per usable upstream. */
  tolerance: number;
}

/**
 * Keeps WebSocket sessions spread over the usable upstreams: after a scale-out (or an upstream's
 * return) the oldest movable sessions of the most loaded upstream move to the least loaded one,
 * a few per interval, until the spread is within tolerance (at least 1). Sessions anchored on an
 * upstream that left the rotation move too.
 */
export class SessionBalancer {
  #timer: NodeJS.Timeout | undefined;
  #running = false;

  constructor(private readonly o: SessionBalancerOptions) {}

  start(): void {
    if (this.o.maxMovesPerInterval === 0) return;
    this.#timer = setInterval(() => void this.balance(), this.o.intervalMs);
    this.#timer.unref();
  }

  stop(): void {
    clearInterval(this.#timer);
  }

  /** One balancing pass; resolves with the number of sessions moved. */
  async balance(): Promise<number> {
    if (this.#running) return 0;
    this.#running = true;
    let moved = 0;
    try {
      for (let i = 0; i < this.o.maxMovesPerInterval; i++) {
        const step = this.#nextMove();
        if (!step) break;
        const { session, to, reason } = step;
        const from = session.anchor;
        const landed = await session.moveTo(to).catch((e: Error) => {
          this.o.logger.debug({ pool: this.o.poolName, err: e.message }, 'session move failed');
          return undefined;
        });
        if (!landed) break;
        moved++;
        this.o.metrics.sessionMoves.inc({ pool: this.o.poolName, reason });
        this.o.logger.debug({ pool: this.o.poolName, from: from?.name, to: landed.name, reason }, 'session moved');
      }
    } finally {
      this.#running = false;
      for (const u of this.o.pool.upstreams) this.o.metrics.upstreamSessions.set({ upstream: u.name, pool: this.o.poolName }, u.sessions);
    }
    if (moved > 0) this.o.logger.info({ pool: this.o.poolName, moved, sessions: Object.fromEntries(this.o.pool.upstreams.map((u) => [u.name, u.sessions])) }, 'sessions rebalanced');
    return moved;
  }

  #nextMove(): { session: ClientSession; to: Upstream; reason: 'rebalance' | 'unusable' } | undefined {
    const usable = this.o.pool.usable();
    if (usable.length === 0) return undefined;
    const least = usable.reduce((a, b) => (b.sessions < a.sessions ? b : a));
    // Sessions on an upstream that left the rotation (and have no subscription that moved them yet).
    for (const s of this.#oldestFirst()) if (s.anchor && !s.anchor.usable && s.movable) return { session: s, to: least, reason: 'unusable' };
    if (usable.length < 2) return undefined;
    const most = usable.reduce((a, b) => (b.sessions > a.sessions ? b : a));
    const mean = usable.reduce((n, u) => n + u.sessions, 0) / usable.length;
    if (most.sessions - least.sessions <= Math.max(1, Math.floor(this.o.tolerance * mean))) return undefined;
    for (const s of this.#oldestFirst()) if (s.anchor === most && s.movable) return { session: s, to: least, reason: 'rebalance' };
    return undefined;
  }

  #oldestFirst(): ClientSession[] {
    return [...this.o.sessions].sort((a, b) => a.createdAt - b.createdAt);
  }
}
