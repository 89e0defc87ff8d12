/**
 * The reactor at 200 deployments, against a real OGate over a dev node: one reconcile pass
 * (list + diff + scheduling, nothing to do), and the reactor's CPU and memory while it
 * follows OGate and probes all 200 (every 10 s). Runs the reactor in a child process so the
 * figures are its own. Baseline, same run: an idle reactor (0 deployments).
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { addJson, contentStore, subscribe } from '../test/support/ogate.ts';
import { startMarket } from '../test/reactor/support.ts';
import type { Row } from './reactor-award.ts';

const CHILD = fileURLToPath(new URL('./reactor-scale-child.ts', import.meta.url));

interface ChildResult { passP50Ms: number; passMaxMs: number; cpuPercent: number; rssMiB: number; heapMiB: number; creates: number }

function runChild(args: string[]): Promise<ChildResult> {
  return new Promise((resolve, reject) => {
    const c = spawn(process.execPath, ['--import', 'tsx', CHILD, ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    c.stdout.on('data', (d: Buffer) => (out += d.toString()));
    c.once('exit', (code) => (code === 0 ? resolve(JSON.parse(out.trim().split('\n').pop()!) as ChildResult) : reject(new Error(`reactor-scale child exited ${code}: ${out}`))));
  });
}

export async function benchReactorScale(o: { n: number; windowS: number; log: (m: string) => void }): Promise<Row[]> {
  const m = await startMarket([{ typeId: 0, capacity: o.n + 10 }]);
  try {
    const idle = await runChild([m.og.url, m.token, m.node.wsUrl, '0', String(o.windowS)]);
    const store = await contentStore(m.og.ipfsRepo);
    const cid = await addJson(store, { type: 'substrate-node', role: 'rpc', chain: 'dinfra', version: 'dev' });
    await store.close();
    for (let left = o.n; left > 0; left -= 50) {
      await subscribe(m.api, m.subscriber, Array.from({ length: Math.min(50, left) }, () => ({ typeId: 0, cid, provider: m.provider.address })));
    }
    o.log(`reactor: ${o.n} subscriptions awarded; reactor child provisioning them`);
    const r = await runChild([m.og.url, m.token, m.node.wsUrl, String(o.n), String(o.windowS)]);
    if (r.creates !== o.n) throw new Error(`expected ${o.n} creates, saw ${r.creates}`);
    return [
      { name: 'reactor: idle (0 deployments) CPU (baseline)', value: idle.cpuPercent, unit: '% of a core' },
      { name: `reactor: one reconcile pass over ${o.n} deployments, p50`, value: r.passP50Ms, unit: 'ms', note: `max ${r.passMaxMs.toFixed(1)} ms (idle: ${idle.passP50Ms.toFixed(2)} ms)` },
      { name: `reactor: CPU at ${o.n} deployments (probes every 10 s)`, value: r.cpuPercent, unit: '% of a core', note: `${(r.cpuPercent / Math.max(idle.cpuPercent, 0.01)).toFixed(1)}x idle` },
      { name: `reactor: RSS at ${o.n} deployments`, value: r.rssMiB, unit: 'MiB', note: `idle ${idle.rssMiB.toFixed(0)} MiB; heap ${r.heapMiB.toFixed(0)} MiB` },
    ];
  } finally {
    await m.close();
  }
}
