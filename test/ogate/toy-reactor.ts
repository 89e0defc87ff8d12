/**
 * A toy reactor for the crash tests: watches OGate (long-poll), reports `provisioning` for
 * each awarded deployment and `running` for the chosen ones, retrying through OGate restarts.
 * A report is "sent" once OGate answered 200 or 202 (durable in its outbox).
 */
import { ogateFetch } from '../support/ogate.ts';

export interface ToyReactor {
  seen: Map<string, { generation: number; state: string; desired: string }>;
  provisioningSent: Set<string>;
  runningSent: Set<string>;
  errors: number;
  stop(): Promise<void>;
}

export function runToyReactor(opts: { url: () => string; token: string; runningIds: Set<string>; onProgress?: (r: ToyReactor) => void }): ToyReactor {
  let stopped = false;
  const r: ToyReactor = { seen: new Map(), provisioningSent: new Set(), runningSent: new Set(), errors: 0, stop: async () => {
    stopped = true;
    await loop;
  } };
  const put = async (id: string, body: unknown) => {
    const res = await ogateFetch({ url: opts.url() }, opts.token, `/v1/deployments/${id}/status`, { method: 'PUT', body });
    if (res.status !== 200 && res.status !== 202) throw new Error(`PUT ${id}: ${res.status} ${JSON.stringify(res.body)}`);
  };
  const loop = (async () => {
    let since = 0;
    while (!stopped) {
      try {
        const l = await ogateFetch({ url: opts.url() }, opts.token, since ? `/v1/deployments?since=${since}&wait=1` : '/v1/deployments');
        if (l.status !== 200) throw new Error(`list: ${l.status}`);
        for (const d of l.body.deployments) r.seen.set(d.id, d);
        since = l.body.revision;
        for (const [id, d] of r.seen) {
          if (stopped) break;
          if (d.desired !== 'present') continue;
          if (!r.provisioningSent.has(id)) {
            await put(id, { generation: d.generation, state: 'provisioning' });
            r.provisioningSent.add(id);
            opts.onProgress?.(r);
          } else if (opts.runningIds.has(id) && !r.runningSent.has(id) && d.state === 'provisioning') {
            await put(id, { generation: d.generation, state: 'running', endpoints: [`wss://node-${id}.example`] });
            r.runningSent.add(id);
            opts.onProgress?.(r);
          }
        }
      } catch {
        r.errors++;
        await new Promise((res) => setTimeout(res, 200));
      }
    }
  })();
  return r;
}
