import type { NetworkView } from './network-view.ts';
import { TargetProbe } from './target-probe.ts';

/** Polls the reference endpoints every interval and reports their heads to the network view. */
export class ReferenceWatcher {
  private readonly probes: TargetProbe[];
  private timer: NodeJS.Timeout | undefined;

  constructor(urls: string[], private readonly network: NetworkView, private readonly intervalMs: number, timeoutMs: number) {
    this.probes = urls.map((url) => new TargetProbe({ url, timeoutMs }));
  }

  async start(): Promise<void> {
    await this.poll();
    const loop = () => void this.poll().finally(() => (this.timer = setTimeout(loop, this.intervalMs)));
    this.timer = setTimeout(loop, this.intervalMs);
  }

  stop(): void {
    clearTimeout(this.timer);
    for (const p of this.probes) p.close();
  }

  private async poll(): Promise<void> {
    await Promise.all(
      this.probes.map(async (p, i) => {
        const o = await p.round();
        if (o.genesis !== undefined && o.best !== undefined) this.network.report(`reference-${i}`, o.genesis, Math.max(o.best, p.state.best ?? 0), Date.now(), true);
      }),
    );
  }
}
