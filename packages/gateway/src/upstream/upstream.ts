import type { HealthSample, HealthVerdict } from '../health/health-sample.ts';
import type { UpstreamClient } from './upstream-client.ts';

/** An upstream as the pool sees it: its connection and its last health verdict. */
export class Upstream {
  sample: HealthSample | undefined;
  verdict: HealthVerdict = { healthy: false, reasons: ['not probed yet'] };
  probes = 0;
  /** When it last joined or left the rotation (ms since the epoch). */
  changedAt = Date.now();
  /** Being removed: takes no new work while its sessions move away. */
  draining = false;
  /** Client WebSocket sessions anchored here (their subscriptions live here). */
  sessions = 0;
  /** Highest best block seen from it (probes, answers, its head subscription). */
  best = 0;

  constructor(readonly client: UpstreamClient) {}

  get name(): string {
    return this.client.name;
  }

  /** In the rotation: connected and healthy by the last probe. */
  get usable(): boolean {
    return !this.draining && this.client.isOpen && this.verdict.healthy;
  }

  /** Least outstanding requests, weighted by measured latency (lower is better). */
  get score(): number {
    return (this.client.outstanding + 1) * this.client.latency.value;
  }
}
