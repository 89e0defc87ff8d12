import type { ChecksConfig, TargetConfig } from '../config/schema.ts';
import { evaluate } from './evaluate.ts';
import type { NetworkView } from './network-view.ts';
import { TargetProbe } from './target-probe.ts';
import { statusOf, type CheckResult } from './types.ts';

export interface RunnerContext {
  location: string;
  checks: ChecksConfig;
  network: NetworkView;
  onResult: (r: CheckResult, t: TargetConfig, headChangedAt: number | undefined) => void;
}

/** gateway /health on the endpoint's own host and port (rpc-endpoint deployments). */
export const defaultHealthUrl = (wsUrl: string): string => {
  const u = new URL(wsUrl);
  return `${u.protocol === 'wss:' ? 'https:' : 'http:'}//${u.host}/health`;
};

/** Runs one target's rounds on its own timer (started at an offset, so targets spread over the interval). */
export class TargetRunner {
  private readonly probe: TargetProbe;
  private timer: NodeJS.Timeout | undefined;
  private running = false;
  private stopped = false;
  /** Genesis pinned from the first answer when nothing else says which chain it must serve. */
  private pinnedGenesis: string | undefined;

  constructor(readonly target: TargetConfig, private readonly ctx: RunnerContext) {
    this.probe = new TargetProbe({
      url: target.url,
      timeoutMs: ctx.checks.timeoutMs,
      healthUrl: target.kind === 'rpc-endpoint' ? (target.healthUrl ?? defaultHealthUrl(target.url)) : undefined,
    });
  }

  start(offsetMs: number): void {
    const tick = () => {
      if (this.stopped) return;
      void this.runOnce().finally(() => {
        if (!this.stopped) this.timer = setTimeout(tick, this.ctx.checks.intervalMs);
      });
    };
    this.timer = setTimeout(tick, offsetMs);
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
    this.probe.close();
  }

  /** One round now (skipped while one is in flight). */
  async runOnce(): Promise<CheckResult | undefined> {
    if (this.running) return undefined;
    this.running = true;
    try {
      const obs = await this.probe.round();
      const expectedGenesis = this.target.genesisHash ?? this.ctx.network.referenceGenesis ?? this.pinnedGenesis;
      if (expectedGenesis === undefined && obs.genesis !== undefined) this.pinnedGenesis = obs.genesis;
      const genesisOk = obs.genesis !== undefined && (expectedGenesis === undefined || obs.genesis === expectedGenesis);
      if (genesisOk && obs.best !== undefined) this.ctx.network.report(this.target.name, obs.genesis!, obs.best, obs.at, false);
      const networkBest = this.ctx.network.best(expectedGenesis ?? obs.genesis, obs.at);
      const failures = evaluate(obs, this.probe.state, {
        checks: this.ctx.checks,
        blockTimeMs: this.target.blockTimeMs ?? this.ctx.checks.blockTimeMs,
        expectedGenesis,
        networkBest: genesisOk ? networkBest : undefined,
      });
      const result: CheckResult = {
        target: this.target.name,
        location: this.ctx.location,
        at: obs.at,
        status: statusOf(failures),
        failures,
        best: obs.best,
        finalized: obs.finalized,
        headLag: obs.best !== undefined && networkBest !== undefined && genesisOk ? Math.max(0, networkBest - obs.best) : undefined,
        finalityLag: obs.best !== undefined && obs.finalized !== undefined ? obs.best - obs.finalized : undefined,
        peers: obs.health?.peers,
        genesis: obs.genesis,
        latencies: obs.latencies,
        upstreams: obs.upstreams,
      };
      this.ctx.onResult(result, this.target, this.probe.state.bestChangedAt);
      return result;
    } finally {
      this.running = false;
    }
  }
}
