import type { Logger } from 'pino';
import type { GatewayMetrics } from '../observability/metrics.ts';
import type { UpstreamPool } from '../upstream/pool.ts';
import type { Upstream } from '../upstream/upstream.ts';
import { judge, majority, type HealthRules } from './health-rules.ts';
import type { HealthSample } from './health-sample.ts';
import { probe } from './probe.ts';

export interface HealthMonitorOptions {
  pool: UpstreamPool;
  rules: HealthRules;
  intervalMs: number;
  timeoutMs: number;
  logger: Logger;
  metrics: GatewayMetrics;
  /** The pool's name (logs). */
  poolName?: string;
  /** Genesis hashes other pools settled on (genesis -> pool and chain): an upstream of theirs is named as such and gets no vote here. */
  foreign?: () => ReadonlyMap<string, { pool: string; chain: string }>;
}

/**
 * Probes every upstream each `intervalMs` (and at once when one connects), judges it against the
 * cluster, and takes it in or out of the rotation.
 */
export class HealthMonitor {
  #timer: NodeJS.Timeout | undefined;
  #highestBest = 0;
  readonly #highestAtPrevious = new Map<Upstream, number>();
  readonly #log: Logger;
  #round: Promise<void> | undefined;
  #firstRoundDone = false;
  #stopped = false;
  /** The chain and genesis this pool settled on at the last round (configured or by majority). */
  identity: { chain: string | undefined; genesisHash: string | undefined } = { chain: undefined, genesisHash: undefined };

  constructor(private readonly opts: HealthMonitorOptions) {
    this.#log = opts.logger.child({ name: 'health', ...(opts.poolName ? { pool: opts.poolName } : {}) });
    for (const u of opts.pool.upstreams) this.watch(u);
  }

  /** Follows an upstream's connection (at construction, and for upstreams added at run time). */
  watch(u: Upstream): void {
    // Until the first round, identity has no majority to go by: a lone early answer must not decide it.
    u.client.on('open', () => void (this.#firstRoundDone && !this.#stopped && this.probeOne(u)));
    u.client.on('close', () => this.#changed(u, u.verdict.healthy, true));
  }

  /** Probes once every upstream is connected (or after `timeoutMs`), then every `intervalMs`. */
  start(): void {
    const tick = () => {
      this.#round = this.probeAll().finally(() => {
        this.#firstRoundDone = true;
        if (!this.#stopped) this.#timer = setTimeout(tick, this.opts.intervalMs);
      });
    };
    const ups = this.opts.pool.upstreams;
    const allOpen = Promise.all(ups.map((u) => (u.client.isOpen ? undefined : new Promise<void>((r) => u.client.once('open', () => r())))));
    const waited = new Promise<void>((r) => (this.#timer = setTimeout(r, this.opts.timeoutMs)));
    this.#round = Promise.race([allOpen, waited]).then(() => {
      clearTimeout(this.#timer);
      if (!this.#stopped) tick();
    });
  }

  stop(): void {
    this.#stopped = true;
    clearTimeout(this.#timer);
  }

  /** One probe round over all connected upstreams. */
  async probeAll(): Promise<void> {
    // Upstreams added or removed while the round runs (admin API, reload) wait for the next one.
    const ups = [...this.opts.pool.upstreams];
    const samples = await Promise.all(ups.map((u) => this.#sample(u)));
    this.#applyRound(ups.map((u, i) => [u, samples[i]!] as const).filter(([u]) => this.opts.pool.upstreams.includes(u)));
  }

  async probeOne(u: Upstream): Promise<void> {
    const s = await this.#sample(u);
    if (this.opts.pool.upstreams.includes(u)) this.#applyRound([[u, s]]);
  }

  async #sample(u: Upstream): Promise<HealthSample | Error> {
    if (!u.client.isOpen) return new Error('not connected');
    let timer: NodeJS.Timeout | undefined;
    try {
      return await Promise.race([
        probe(u.client, { archive: this.opts.rules.archive, knownGenesis: u.sample?.genesisHash }),
        new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`probe timed out after ${this.opts.timeoutMs} ms`)), this.opts.timeoutMs))),
      ]);
    } catch (e) {
      return e as Error;
    } finally {
      clearTimeout(timer);
    }
  }

  #applyRound(results: ReadonlyArray<readonly [Upstream, HealthSample | Error]>): void {
    // One vote per upstream: its fresh sample, else its last one.
    const freshOf = new Map(results.filter(([, s]) => !(s instanceof Error)) as Array<[Upstream, HealthSample]>);
    const fresh = [...freshOf.values()];
    const foreign = this.opts.foreign?.() ?? new Map<string, { pool: string; chain: string }>();
    const votes = this.opts.pool.upstreams
      .map((u) => freshOf.get(u) ?? u.sample)
      .filter((s): s is HealthSample => s !== undefined && (s.genesisHash === this.opts.rules.genesisHash || !foreign.has(s.genesisHash)));
    const chain = this.opts.rules.chain ?? majority(votes.map((s) => s.chain));
    const genesisHash = this.opts.rules.genesisHash ?? majority(votes.map((s) => s.genesisHash));
    this.identity = { chain, genesisHash };
    for (const s of fresh) if (s.genesisHash === genesisHash && s.chain === chain) this.#highestBest = Math.max(this.#highestBest, s.best);
    for (const [u, s] of results) {
      const wasUsable = u.usable;
      u.probes++;
      if (s instanceof Error) {
        u.verdict = { healthy: false, reasons: [`probe failed: ${s.message}`] };
      } else {
        const previous = u.sample;
        u.verdict = judge(s, previous, this.opts.rules, { chain, genesisHash, highestBest: this.#highestBest, highestBestBefore: this.#highestAtPrevious.get(u) });
        const theirs = s.genesisHash !== genesisHash ? foreign.get(s.genesisHash) : undefined;
        if (theirs) u.verdict.reasons.unshift(`serves the chain of pool "${theirs.pool}" (${theirs.chain}, genesis ${s.genesisHash}), not this pool's${genesisHash ? ` ${genesisHash}` : ''}: misconfigured?`);
        u.sample = s;
        u.best = s.best;
        this.#highestAtPrevious.set(u, this.#highestBest);
        this.opts.metrics.upstreamBest.set({ upstream: u.name }, s.best);
      }
      this.opts.metrics.probes.inc({ upstream: u.name, verdict: u.verdict.healthy ? 'healthy' : 'unhealthy' });
      this.#changed(u, wasUsable);
    }
  }

  #changed(u: Upstream, wasUsable: boolean, closed = false): void {
    const m = this.opts.metrics;
    m.upstreamUsable.set({ upstream: u.name }, u.usable ? 1 : 0);
    if (wasUsable !== u.usable) {
      u.changedAt = Date.now();
      if (u.usable) this.#log.info({ upstream: u.name }, 'upstream joins the rotation');
      // A lost connection was logged once by the connection itself: one failure, one line.
      else if (!closed && !u.draining) this.#log.warn({ upstream: u.name, reasons: u.verdict.reasons }, 'upstream leaves the rotation');
    }
    this.opts.pool.emit('change');
  }

  /** Resolves after the round in progress (tests, start-up). */
  async settled(): Promise<void> {
    await this.#round;
  }
}
