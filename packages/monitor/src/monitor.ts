import type { Server } from 'node:http';
import type { Logger } from 'pino';
import { NetworkView } from './checks/network-view.ts';
import { ReferenceWatcher } from './checks/reference-watcher.ts';
import { TargetRunner } from './checks/target-runner.ts';
import type { CheckResult } from './checks/types.ts';
import type { MonitorConfig, TargetConfig } from './config/schema.ts';
import { WebhookOutbox } from './alarms/webhook-outbox.ts';
import { IncidentEngine, type IncidentChange } from './incidents/incident-engine.ts';
import { ResultPusher } from './locations/result-pusher.ts';
import { createLogger } from './observability/logger.ts';
import { MonitorMetrics } from './observability/metrics.ts';
import { startHttpServer } from './server/http-server.ts';
import { openDatabase, type Db } from './store/database.ts';
import { downsample } from './store/downsample.ts';
import { IncidentsStore } from './store/incidents-store.ts';
import { RecentSeries } from './store/recent-series.ts';
import { ResultsStore } from './store/results-store.ts';

/** Splits `HOST:PORT` (IPv6 in brackets). */
export function parseListen(listen: string): { host: string; port: number } {
  const m = /^(?:\[([^\]]+)\]|([^:]+)):(\d+)$/.exec(listen)!;
  return { host: m[1] ?? m[2]!, port: Number(m[3]) };
}

const hashOffset = (name: string, interval: number) => [...name].reduce((h, c) => (h * 31 + c.charCodeAt(0)) >>> 0, 7) % interval;

/**
 * dinfra-monitor: one runner per target, results into SQLite, incidents from a quorum of
 * locations, metrics, the page and the JSON API.
 */
export class Monitor {
  readonly db: Db;
  readonly results: ResultsStore;
  readonly incidents: IncidentsStore;
  readonly engine: IncidentEngine;
  readonly metrics = new MonitorMetrics();
  readonly network: NetworkView;
  readonly recent = new RecentSeries();
  readonly runners = new Map<string, TargetRunner>();
  /** Latest result per target and location (in memory; SQLite has the history). */
  readonly latest = new Map<string, Map<string, CheckResult>>();
  readonly changes: IncidentChange[] = [];
  private readonly listeners = new Set<(c: IncidentChange) => void>();
  private readonly pending: CheckResult[] = [];
  private readonly lastPush = new Map<string, number>();
  private readonly startedAt = Date.now();
  private readonly timers: NodeJS.Timeout[] = [];
  private references: ReferenceWatcher | undefined;
  private readonly pusher: ResultPusher | undefined;
  readonly outbox: WebhookOutbox;
  private server: Server | undefined;
  private configTargets: TargetConfig[];
  private dynamicTargets: TargetConfig[] = [];

  private constructor(readonly config: MonitorConfig, readonly logger: Logger) {
    this.db = openDatabase(config.dataDir);
    this.results = new ResultsStore(this.db);
    this.incidents = new IncidentsStore(this.db);
    this.network = new NetworkView(3 * config.checks.intervalMs, config.references.length > 0);
    this.engine = new IncidentEngine({
      store: this.incidents,
      failuresToOpen: config.checks.failuresToOpen,
      successesToClose: config.checks.successesToClose,
      quorum: config.quorum,
      onChange: (c) => this.emit(c),
    });
    this.configTargets = config.targets;
    this.outbox = new WebhookOutbox({
      db: this.db,
      webhooks: config.webhooks,
      location: config.location,
      initialBackoffMs: config.webhookRetry.initialMs,
      maxBackoffMs: config.webhookRetry.maxMs,
      timeoutMs: config.webhookRetry.timeoutMs,
      logger: logger.child({ name: 'webhooks' }),
      onAttempt: (ok, pending) => {
        this.metrics.webhookAttempts.inc({ result: ok ? 'delivered' : 'failed' });
        this.metrics.webhookQueue.set(pending);
      },
    });
    if (config.recorder) this.pusher = new ResultPusher({ ...config.recorder, location: config.location, logger: this.logger.child({ name: 'result-pusher' }) });
  }

  static create(config: MonitorConfig, logger?: Logger): Monitor {
    return new Monitor(config, logger ?? createLogger(config.logs));
  }

  /** Subscribes to incident changes (webhooks, tests). */
  onIncident(fn: (c: IncidentChange) => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  get targets(): TargetConfig[] {
    return [...this.configTargets, ...this.dynamicTargets];
  }

  async start(): Promise<{ url: string }> {
    this.recent.load(this.results, Date.now());
    const { host, port } = parseListen(this.config.listen);
    this.server = await startHttpServer(this, host, port);
    const addr = this.server.address() as { address: string; port: number };
    if (this.config.references.length) {
      this.references = new ReferenceWatcher(this.config.references, this.network, this.config.checks.intervalMs, this.config.checks.timeoutMs);
      await this.references.start();
    }
    this.applyTargets();
    this.outbox.start();
    this.metrics.webhookQueue.set(this.outbox.pending());
    this.timers.push(setInterval(() => this.flush(), 500));
    const fold = () => downsample(this.db, Date.now(), this.config.history.rawDays, this.config.history.keepDays);
    fold();
    this.timers.push(setInterval(fold, Math.min(3_600_000, this.config.history.rawDays * 86_400_000)));
    const host6 = addr.address.includes(':') ? `[${addr.address}]` : addr.address;
    return { url: `http://${host6}:${addr.port}` };
  }

  /** Replaces the targets found at run time (OGate); config targets stay. */
  setDynamicTargets(targets: TargetConfig[]): void {
    this.dynamicTargets = targets;
    this.applyTargets();
  }

  /**
   * Locations taken as alive for the quorum: this one, and each configured remote location that
   * pushed within the last minute (or all of them during the first minute, while they connect).
   */
  aliveLocations(now = Date.now()): number {
    const grace = Math.max(60_000, 6 * this.config.checks.intervalMs);
    const remotes = Object.keys(this.config.locations.secrets).filter((l) => l !== this.config.location);
    return 1 + remotes.filter((l) => now - this.startedAt < grace || now - (this.lastPush.get(l) ?? 0) < grace).length;
  }

  /** Takes a result from this or another location. */
  record(r: CheckResult): void {
    if (r.location !== this.config.location) this.lastPush.set(r.location, Date.now());
    this.recent.add(r);
    const m = this.latest.get(r.target) ?? new Map<string, CheckResult>();
    m.set(r.location, r);
    this.latest.set(r.target, m);
    this.pending.push(r);
  }

  /** Fresh results of every location for a target. */
  freshLatest(target: string, now = Date.now()): CheckResult[] {
    return [...(this.latest.get(target)?.values() ?? [])].filter((r) => now - r.at <= 3 * this.config.checks.intervalMs + this.config.checks.timeoutMs);
  }

  flush(): void {
    if (!this.pending.length) return;
    const batch = this.pending.splice(0);
    this.results.addResults(batch);
    this.pusher?.push(batch.filter((r) => r.location === this.config.location));
  }

  /** This instance records and judges (it pushes to no other recorder). */
  get isRecorder(): boolean {
    return this.pusher === undefined;
  }

  async close(): Promise<void> {
    for (const t of this.timers) clearInterval(t);
    this.outbox.stop();
    this.references?.stop();
    for (const r of this.runners.values()) r.stop();
    this.runners.clear();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
    this.server?.closeAllConnections();
    this.flush();
    this.db.close();
  }

  private applyTargets(): void {
    const want = new Map(this.targets.map((t) => [t.name, t]));
    for (const [name, runner] of this.runners) {
      const t = want.get(name);
      if (!t || JSON.stringify(t) !== JSON.stringify(runner.target)) {
        runner.stop();
        this.runners.delete(name);
        this.engine.forget(name);
      }
    }
    for (const t of want.values()) {
      if (this.runners.has(t.name)) continue;
      const runner = new TargetRunner(t, { location: this.config.location, checks: this.config.checks, network: this.network, onResult: (r, tc, changedAt) => this.onLocalResult(r, tc, changedAt) });
      this.runners.set(t.name, runner);
      runner.start(hashOffset(t.name, Math.min(this.config.checks.intervalMs, 1000)));
    }
    this.results.syncTargets(
      this.targets.map((t) => ({ name: t.name, url: t.url, provider: t.provider, kind: t.kind, subscription: t.subscription, source: this.configTargets.includes(t) ? 'config' : 'ogate' })),
      Date.now(),
    );
  }

  private onLocalResult(r: CheckResult, t: TargetConfig, headChangedAt: number | undefined): void {
    this.record(r);
    const labels = { target: t.name, provider: t.provider };
    const m = this.metrics;
    m.checks.inc({ ...labels, status: r.status });
    for (const f of r.failures) m.failures.inc({ ...labels, check: f.check });
    for (const [method, ms] of Object.entries(r.latencies)) m.callDuration.observe({ ...labels, method }, ms / 1000);
    m.up.set(labels, r.status === 'down' ? 0 : 1);
    if (r.best !== undefined) m.best.set(labels, r.best);
    if (r.headLag !== undefined) m.headLag.set(labels, r.headLag);
    if (r.finalityLag !== undefined) m.finalityLag.set(labels, r.finalityLag);
    if (headChangedAt !== undefined) m.headAge.set(labels, (r.at - headChangedAt) / 1000);
    m.lastRound.set(Date.now() / 1000);
    // The incident change and its webhooks are written in one transaction.
    if (this.isRecorder) this.db.transaction(() => this.engine.judge(t.name, t.provider, this.freshLatest(t.name), Date.now(), this.aliveLocations()))();
    m.incidentsOpen.set(labels, this.incidents.openFor(t.name) ? 1 : 0);
  }

  private emit(c: IncidentChange): void {
    this.outbox.enqueue(c);
    this.changes.push(c);
    if (this.changes.length > 1000) this.changes.shift();
    const log = this.logger.child({ name: 'incidents' });
    log.warn({ incident: c.incident.id, target: c.incident.target, cause: c.incident.cause }, c.type);
    for (const fn of this.listeners) fn(c);
  }
}
