import { Command, Option } from 'commander';
import { action } from '../../command.ts';
import { fields } from '../../lib/output.ts';
import { parseId } from './id.ts';
import { loadView, viewDoc } from './view.ts';

interface MonitorTarget {
  name: string;
  url: string;
  state: string;
  subscription: string | null;
  degradedFrom: string[];
  uptime: Record<'24h' | '7d' | '30d' | '90d', number | null>;
  locations: { location: string; at: number; status: string; failures: { check: string; message: string }[]; best?: number; headLag?: number; latencies: Record<string, number> }[];
}
interface MonitorIncident {
  id: number;
  target: string;
  cause: string;
  openedAt: number;
}

/** What dinfra-monitor knows of the subscription's endpoints (or why it could not be asked). */
async function fromMonitor(url: string, id: string): Promise<{ targets: MonitorTarget[]; openIncidents: MonitorIncident[] } | { error: string }> {
  try {
    const get = async <T>(path: string): Promise<T> => {
      const res = await fetch(new URL(path, url), { signal: AbortSignal.timeout(10_000) });
      if (!res.ok) throw new Error(`GET ${path}: HTTP ${res.status}`);
      return (await res.json()) as T;
    };
    const targets = (await get<{ targets: MonitorTarget[] }>('/api/targets')).targets.filter((t) => t.subscription === id);
    const names = new Set(targets.map((t) => t.name));
    const openIncidents = (await get<{ incidents: MonitorIncident[] }>('/api/incidents?open=true')).incidents.filter((i) => names.has(i.target));
    return { targets, openIncidents };
  } catch (e) {
    return { error: `cannot ask the monitor at ${url}: ${(e as Error & { cause?: Error }).cause?.message ?? (e as Error).message}` };
  }
}

const pct = (v: number | null) => (v === null ? '—' : `${(v * 100).toFixed(2)}%`);

export function statusCommand(): Command {
  return new Command('status')
    .description('how your deployment is doing: uptime (24 h / 7 d / 30 d / 90 d), current checks and open incidents from dinfra-monitor, and when the deposit runs out (from the chain)')
    .argument('<id>', 'subscription id')
    .addOption(new Option('--monitor <url>', 'the dinfra-monitor watching it').env('DINFRA_MONITOR_URL').default('http://127.0.0.1:8422'))
    .action(
      action(async (ctx, idArg: string, o: { monitor: string }) => {
        const id = parseId(idArg);
        const view = await loadView(ctx, id);
        const chainDoc = viewDoc(view);
        const mon = await fromMonitor(o.monitor, String(id));
        const doc = {
          subscription: String(id),
          state: chainDoc.state,
          endpoints: chainDoc.endpoints,
          deposit: { expiresAt: chainDoc.expiresAt, expiresInBlocks: chainDoc.expiresInBlocks, estimatedExpiry: chainDoc.estimatedExpiry },
          monitor: { url: o.monitor, ...mon },
        };
        ctx.out.result(doc, () => {
          const lines = [
            fields([
              ['subscription', String(id)],
              ['state', String(chainDoc.state)],
              ['deposit runs out', chainDoc.expiresAt === null ? 'not billed yet, or never (free)' : `block #${String(chainDoc.expiresAt)} (in ${String(chainDoc.expiresInBlocks)} blocks, ~${String(chainDoc.estimatedExpiry)})`],
            ]),
          ];
          if ('error' in mon) lines.push(`monitor: ${mon.error}`);
          else if (!mon.targets.length) lines.push(`monitor: ${o.monitor} does not watch subscription ${id} (yet)`);
          for (const t of 'error' in mon ? [] : mon.targets) {
            lines.push(`\n${t.name}  ${t.state.toUpperCase()}${t.degradedFrom.length ? ` (degraded from ${t.degradedFrom.join(', ')})` : ''}  ${t.url}`);
            lines.push(`  uptime   24 h ${pct(t.uptime['24h'])}  7 d ${pct(t.uptime['7d'])}  30 d ${pct(t.uptime['30d'])}  90 d ${pct(t.uptime['90d'])}`);
            for (const l of t.locations) {
              const slowest = Math.max(0, ...Object.values(l.latencies));
              lines.push(`  checks   from ${l.location}: ${l.status}${l.best !== undefined ? `, best #${l.best}` : ''}${l.headLag !== undefined ? `, head lag ${l.headLag}` : ''}, slowest call ${slowest.toFixed(1)} ms`);
              for (const f of l.failures) lines.push(`           ${f.check}: ${f.message}`);
            }
          }
          if (!('error' in mon)) {
            if (mon.openIncidents.length) for (const i of mon.openIncidents) lines.push(`\nincident #${i.id} open since ${new Date(i.openedAt).toISOString()}: ${i.cause}`);
            else if (mon.targets.length) lines.push('\nno open incident');
          }
          return lines.join('\n');
        });
      }),
    );
}
