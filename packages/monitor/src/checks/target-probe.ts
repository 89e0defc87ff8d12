import { CallTimeoutError, InvalidReplyError, RpcErrorReply, UnreachableError } from '../errors.ts';
import { RpcClient } from '../rpc/rpc-client.ts';
import type { Failure } from './types.ts';
import { noteHead, type HeadState, type Observation } from './evaluate.ts';
import { checkReply, headerNumber, PROBE_METHODS, type ProbeMethod } from './replies.ts';

export interface ProbeOptions {
  url: string;
  timeoutMs: number;
  /** rpc-endpoint deployments: the gateway's /health URL, read every round. */
  healthUrl?: string;
}

const failureOf = (e: unknown, method: string): Failure => {
  if (e instanceof UnreachableError) return { check: 'reachable', message: e.message };
  if (e instanceof CallTimeoutError) return { check: 'timeout', message: e.message };
  if (e instanceof InvalidReplyError || e instanceof RpcErrorReply) return { check: 'reply', message: e.message };
  return { check: 'reply', message: `${method}: ${(e as Error).message}` };
};

/**
 * Watches one endpoint: one WebSocket kept open, a new-heads subscription on it, and a round of
 * the probe set on demand. Keeps the head state between rounds.
 */
export class TargetProbe {
  readonly state: HeadState = {};
  private readonly client: RpcClient;
  private subscription: string | undefined;
  private connectedBefore = false;

  constructor(private readonly o: ProbeOptions) {
    this.client = new RpcClient(o.url, (method, sub, result) => this.onNotification(method, sub, result));
  }

  /** One round: connect if needed, subscribe if needed, run the probe set. Never throws. */
  async round(): Promise<Observation> {
    const at = Date.now();
    const obs: Observation = { at, callFailures: [], latencies: {} };
    if (!this.client.isOpen) {
      this.subscription = undefined;
      this.state.subscribedAt = undefined;
      try {
        await this.client.connect(this.o.timeoutMs);
      } catch (e) {
        obs.unreachable = (e as Error).message;
        this.connectedBefore = false;
        return obs;
      }
      // A fresh connection gets a fresh grace period for the stateful checks.
      if (!this.connectedBefore && this.state.bestChangedAt !== undefined) this.state.bestChangedAt = at;
      this.connectedBefore = true;
    }
    const [, ...answers] = await Promise.all([this.ensureSubscribed(), ...PROBE_METHODS.map((m) => this.timed(m, m === 'chain_getBlockHash' ? [0] : [], obs))]);
    const [genesis, health, header, finalizedHash] = answers as [string?, { peers: number; isSyncing: boolean }?, { number: string }?, string?];
    if (genesis !== undefined) obs.genesis = genesis;
    if (health) obs.health = { peers: health.peers, isSyncing: health.isSyncing };
    if (header) {
      obs.best = headerNumber(header);
      noteHead(this.state, obs.best, Date.now());
    }
    if (finalizedHash !== undefined) {
      const fin = (await this.timed('chain_getHeader', [finalizedHash], obs, 'chain_getHeader(finalized)')) as { number: string } | undefined;
      if (fin) obs.finalized = headerNumber(fin);
    }
    if (this.o.healthUrl) await this.readUpstreams(obs);
    if (obs.callFailures.some((f) => f.check === 'reachable')) {
      obs.unreachable = obs.callFailures.find((f) => f.check === 'reachable')!.message;
    }
    return obs;
  }

  close(): void {
    this.client.close();
  }

  private async timed(method: ProbeMethod, params: unknown[], obs: Observation, label: string = method): Promise<unknown> {
    const t0 = performance.now();
    try {
      const result = await this.client.call(method, params, this.o.timeoutMs);
      const ms = performance.now() - t0;
      const r = checkReply(method, result);
      if (!r.ok) {
        obs.callFailures.push({ check: 'reply', message: `invalid reply: ${r.reason}` });
        return undefined;
      }
      obs.latencies[label] = ms;
      return r.value;
    } catch (e) {
      obs.callFailures.push(failureOf(e, method));
      return undefined;
    }
  }

  private async ensureSubscribed(): Promise<void> {
    if (this.subscription !== undefined) return;
    try {
      const id = await this.client.call('chain_subscribeNewHeads', [], this.o.timeoutMs);
      const r = checkReply('chain_subscribeNewHeads', id);
      if (!r.ok) throw new InvalidReplyError(r.reason);
      this.subscription = String(r.value);
      this.state.subscribedAt = Date.now();
      this.state.subscribeError = undefined;
    } catch (e) {
      // Timeouts and broken connections are reported by the probe set already.
      this.state.subscribeError = e instanceof CallTimeoutError || e instanceof UnreachableError ? undefined : (e as Error).message;
    }
  }

  private onNotification(method: string, sub: string, result: unknown): void {
    if (method !== 'chain_newHead' || sub !== this.subscription) return;
    const r = checkReply('chain_getHeader', result);
    if (!r.ok) return;
    const at = Date.now();
    this.state.lastHeadAt = at;
    noteHead(this.state, headerNumber(r.value), at);
  }

  private async readUpstreams(obs: Observation): Promise<void> {
    try {
      const res = await fetch(this.o.healthUrl!, { signal: AbortSignal.timeout(this.o.timeoutMs) });
      const body = (await res.json()) as { upstreams?: { name?: string; url?: string; usable?: boolean; reasons?: string[] }[] };
      if (!Array.isArray(body.upstreams)) throw new InvalidReplyError('no "upstreams" array');
      obs.upstreams = body.upstreams.map((u) => ({ name: String(u.name ?? u.url), usable: u.usable === true, reasons: Array.isArray(u.reasons) ? u.reasons.map(String) : [] }));
    } catch (e) {
      obs.upstreamsError = `gateway /health (${this.o.healthUrl}): ${(e as Error).message}`;
    }
  }
}
