import { z } from 'zod';
import type { TargetConfig } from '../config/schema.ts';
import type { Monitor } from '../monitor.ts';

const deploymentList = z.object({
  deployments: z.array(
    z
      .object({
        id: z.union([z.string(), z.number()]).transform(String),
        type: z.string(),
        desired: z.enum(['present', 'absent']),
        state: z.string(),
        endpoints: z.array(z.string()),
        billing: z.object({ expiresAt: z.number().int().nullable() }).passthrough().optional(),
      })
      .passthrough(),
  ),
});

export type OgateDeployment = z.output<typeof deploymentList>['deployments'][number];

/** Running deployments as targets: one per ws:// endpoint, named `<provider>-<id>[-<n>]`. */
export function deploymentsToTargets(provider: string, list: OgateDeployment[]): TargetConfig[] {
  const out: TargetConfig[] = [];
  for (const d of list) {
    if (d.desired !== 'present' || !['running', 'degraded'].includes(d.state)) continue;
    const ws = d.endpoints.filter((e) => /^wss?:\/\//.test(e));
    ws.forEach((url, i) =>
      out.push({
        name: `${provider}-${d.id}${ws.length > 1 ? `-${i + 1}` : ''}`,
        url,
        provider,
        kind: d.type === 'rpc-endpoint' ? 'rpc-endpoint' : 'node',
        subscription: d.id,
      }),
    );
  }
  return out;
}

/** Polls OGate's `GET /v1/deployments` (a read-only "monitor" token) and hands the running ones to the monitor. */
export class OgateTargets {
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;
  /** Blocks at which each subscription's deposit runs out (from OGate's billing view). */
  readonly expiresAt = new Map<string, number | null>();

  constructor(private readonly m: Monitor) {}

  start(): void {
    const loop = () => void this.poll().finally(() => !this.stopped && (this.timer = setTimeout(loop, this.m.config.ogate!.pollMs)));
    loop();
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
  }

  async poll(): Promise<void> {
    const o = this.m.config.ogate!;
    const log = this.m.logger.child({ name: 'ogate-targets' });
    try {
      const res = await fetch(new URL('/v1/deployments', o.url), { headers: { authorization: `Bearer ${o.token}` }, signal: AbortSignal.timeout(10_000) });
      if (!res.ok) throw new Error(`GET /v1/deployments: ${res.status} ${(await res.text()).slice(0, 200)}`);
      const parsed = deploymentList.safeParse(await res.json());
      if (!parsed.success) throw new Error(`GET /v1/deployments: unexpected body: ${parsed.error.issues[0]!.path.join('.')}: ${parsed.error.issues[0]!.message}`);
      for (const d of parsed.data.deployments) this.expiresAt.set(d.id, d.billing?.expiresAt ?? null);
      const targets = deploymentsToTargets(o.provider, parsed.data.deployments);
      this.m.setDynamicTargets(targets);
      this.exportBlocksLeft(targets);
    } catch (e) {
      // Keep the last known set: an OGate hiccup must not make deployments vanish from the page.
      log.warn({ err: (e as Error).message }, 'cannot read deployments from OGate');
    }
  }

  /** FundsLow's input: blocks until each deposit runs out (expiry block from the chain, via OGate, minus the chain's head). */
  private exportBlocksLeft(targets: TargetConfig[]): void {
    const head = this.m.network.best(this.m.network.referenceGenesis, Date.now());
    this.m.metrics.blocksLeft.reset();
    if (head === undefined) return;
    for (const t of targets) {
      const exp = t.subscription !== undefined ? this.expiresAt.get(t.subscription) : undefined;
      if (exp !== undefined && exp !== null) this.m.metrics.blocksLeft.set({ subscription: t.subscription!, target: t.name }, Math.max(0, exp - head));
    }
  }
}
