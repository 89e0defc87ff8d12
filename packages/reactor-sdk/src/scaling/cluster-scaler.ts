import type { Logger } from '../backend.ts';
import { poolCounters, rateBetween, type PoolCounters } from './gateway-metrics.ts';
import { ScalingPolicy, type ScalingDecision, type ScalingRules } from './scaling-policy.ts';

/** Starts and stops the nodes of one pool (the local backend's processes, a cloud's VMs). */
export interface ScalingTarget {
  /** Starts one node; resolves with its WebSocket RPC URL once it answers RPC. */
  addNode(): Promise<string>;
  /** Stops a node the gateway has already drained. */
  removeNode(url: string): Promise<void>;
}

export interface ClusterScalerOptions {
  /** The gateway pool (chain) this scaler sizes. */
  pool: string;
  /** The gateway's public base URL (`/metrics`). */
  gatewayUrl: string;
  /** The gateway's admin API base URL (add/remove upstreams, decisions for /status). */
  adminUrl: string;
  adminToken?: string | undefined;
  rules: ScalingRules;
  /** How often the gateway's metrics are read. @default 5000 */
  sampleMs?: number;
  /** Longest wait for a new node to become usable in the gateway. @default 120_000 */
  joinTimeoutMs?: number;
  target: ScalingTarget;
  logger: Logger;
}

interface PoolView {
  name: string;
  upstreams: Array<{ name: string; url: string; usable: boolean }>;
}

/**
 * Sizes one gateway pool between `rules.min` and `rules.max` from the gateway's own metrics: a new
 * node is started, added through the admin API and waited for until the gateway's health probes
 * take it into the rotation (so it joins only when healthy); a node leaving is removed through the
 * admin API first (the gateway drains it: sessions moved, requests in flight finished), then
 * stopped. One decision is in progress at a time; each is logged (one line), counted and sent to
 * the gateway for its `/status`.
 */
export class ClusterScaler {
  readonly decisions: Array<ScalingDecision & { at: string }> = [];
  readonly counts = { out: 0, in: 0, failed: 0 };
  readonly #policy: ScalingPolicy;
  readonly #added: string[] = [];
  readonly #log: Logger;
  #last: PoolCounters | undefined;
  #timer: NodeJS.Timeout | undefined;
  #busy = false;
  #stopped = false;

  constructor(private readonly o: ClusterScalerOptions) {
    this.#policy = new ScalingPolicy(o.rules);
    this.#log = o.logger.child({ name: 'scaler', pool: o.pool });
  }

  start(): void {
    const loop = () => {
      if (this.#stopped) return;
      this.#timer = setTimeout(() => void this.tick().finally(loop), this.o.sampleMs ?? 5000);
    };
    loop();
  }

  stop(): void {
    this.#stopped = true;
    clearTimeout(this.#timer);
  }

  /** Nodes this scaler started and still runs (the newest last). */
  get added(): readonly string[] {
    return this.#added;
  }

  /** One sample and, when the rules say so, one step. */
  async tick(): Promise<ScalingDecision | undefined> {
    if (this.#busy) return undefined;
    this.#busy = true;
    try {
      const text = await (await fetch(`${this.o.gatewayUrl}/metrics`)).text();
      const now = poolCounters(text, this.o.pool);
      const prev = this.#last;
      this.#last = now;
      if (!prev) return undefined;
      const pool = await this.#pool();
      const { rps, p95Ms } = rateBetween(prev, now);
      const d = this.#policy.observe({ at: now.at, nodes: pool.upstreams.length, rps, p95Ms });
      if (d.action === 'hold') return d;
      this.#record(d);
      if (d.action === 'out') await this.#out();
      else await this.#in(pool);
      this.#last = undefined; // the next window measures the new size
      return d;
    } catch (e) {
      this.counts.failed++;
      this.#log.warn({ err: (e as Error).message }, 'scaling step failed');
      return undefined;
    } finally {
      this.#busy = false;
    }
  }

  #record(d: ScalingDecision): void {
    this.counts[d.action === 'out' ? 'out' : 'in']++;
    const entry = { at: new Date().toISOString(), ...d };
    this.decisions.unshift(entry);
    this.#log.info({ action: d.action, from: d.from, to: d.to, reason: d.reason }, `scale ${d.action}: ${d.from} -> ${d.to} nodes`);
    void this.#admin('POST', '/scaling', { pool: this.o.pool, ...d }).catch(() => undefined);
  }

  async #out(): Promise<void> {
    const url = await this.o.target.addNode();
    this.#added.push(url);
    await this.#admin('POST', `/pools/${encodeURIComponent(this.o.pool)}/upstreams`, { url });
    const deadline = Date.now() + (this.o.joinTimeoutMs ?? 120_000);
    while (!(await this.#pool()).upstreams.some((u) => u.url === url && u.usable)) {
      if (Date.now() > deadline) throw new Error(`new node ${url} did not become healthy in the gateway`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }

  async #in(pool: PoolView): Promise<void> {
    const url = this.#added.pop();
    if (!url) return;
    const u = pool.upstreams.find((x) => x.url === url);
    if (u) await this.#admin('DELETE', `/pools/${encodeURIComponent(this.o.pool)}/upstreams/${encodeURIComponent(u.name)}`);
    await this.o.target.removeNode(url);
  }

  async #pool(): Promise<PoolView> {
    const s = (await this.#admin('GET', '/pools')) as { pools: PoolView[] };
    const p = s.pools.find((x) => x.name === this.o.pool);
    if (!p) throw new Error(`the gateway has no pool "${this.o.pool}"`);
    return p;
  }

  async #admin(method: string, path: string, body?: unknown): Promise<unknown> {
    const headers: Record<string, string> = { 'content-type': 'application/json', ...(this.o.adminToken ? { authorization: `Bearer ${this.o.adminToken}` } : {}) };
    const res = await fetch(`${this.o.adminUrl}${path}`, { method, headers, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
    const text = await res.text();
    if (!res.ok) throw new Error(`gateway admin ${method} ${path}: ${res.status} ${text}`);
    return text ? JSON.parse(text) : undefined;
  }
}
