/**
 * CloudStack backend against the in-repo emulator (HTTP on 127.0.0.1, signatures checked):
 * create -> running and destroy -> gone per deployment, and API calls per deployment (every
 * HTTP request the client sends, polls included — the figure that matters against a cloud's
 * API rate limit). Every async job takes JOB_MS in the emulator, so the ideal create (deploy
 * job + createTags job) is 2 x JOB_MS; the baseline is one signed listZones round trip.
 */
import { builtinCatalog, resourceName, resourceTags, type DeploymentSpec, type Logger, type OperationContext } from '../packages/reactor-sdk/src/index.ts';
import { CloudStackBackend, parseCloudStackConfig } from '../packages/reactor-sdk/src/backends/cloudstack/index.ts';
import { EMULATOR_USER, emulatorConfig, startCloudStackEmulator } from '../packages/reactor-sdk/src/backends/cloudstack/emulator/index.ts';

export interface CloudStackBenchRow {
  name: string;
  value: number;
  unit: string;
  note?: string;
}

const JOB_MS = 200;
const PROVIDER = '5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY';
const quiet: Logger = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {}, child: () => quiet };
const ctx = (): OperationContext => {
  const m = new Map<string, string>();
  return { signal: new AbortController().signal, log: quiet, attempt: 1, progress: () => {}, checkpoint: { get: (k) => m.get(k), set: (k, v) => void m.set(k, v), delete: (k) => void m.delete(k) } };
};
const spec = (id: number): DeploymentSpec => {
  const key = { provider: PROVIDER, id: String(id), generation: 1 };
  return { key, name: resourceName(key), tags: resourceTags(key), type: 'substrate-node', descriptor: { type: 'substrate-node', role: 'rpc', chain: 'dinfra', version: '1' }, secrets: {} };
};
const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s[(s.length - 1) >> 1]! + s[s.length >> 1]!) / 2 : NaN;
};

async function run(n: number, allowUserExpunge: boolean) {
  const cloud = await startCloudStackEmulator({ jobDelayMs: JOB_MS, allowUserExpunge });
  try {
    const calls = new Map<string, number>();
    const backend = new CloudStackBackend({
      config: parseCloudStackConfig(emulatorConfig(cloud.url, { pollMinDelayMs: 100, pollMaxDelayMs: 400 })), provider: PROVIDER, credentials: EMULATOR_USER,
      catalog: builtinCatalog(), marketplace: { name: 'Development', rpcUrl: 'ws://127.0.0.1:9944' }, onCall: (c) => calls.set(c, (calls.get(c) ?? 0) + 1),
    });
    await backend.targets();
    const base: number[] = [];
    for (let i = 0; i < n; i++) {
      const t = performance.now();
      await backend.client.call('listZones');
      base.push(performance.now() - t);
    }
    const total = () => [...calls.values()].reduce((a, b) => a + b, 0);
    const detail = () => [...calls].map(([c, k]) => `${c} ${(k / n).toFixed(1)}`).join(', ');
    calls.clear();
    const create: number[] = [];
    const made = [];
    for (let i = 0; i < n; i++) {
      const t = performance.now();
      made.push(await backend.create(spec(i + 1), ctx()));
      create.push(performance.now() - t);
    }
    const createCalls = total() / n;
    const createDetail = detail();
    calls.clear();
    const destroy: number[] = [];
    for (const r of made) {
      const t = performance.now();
      await backend.destroy(r, ctx());
      destroy.push(performance.now() - t);
    }
    const destroyCalls = total() / n;
    const destroyDetail = detail();
    calls.clear();
    await backend.list(ctx());
    const c = cloud.counts();
    if (c.vmsLive !== 0 || c.vmsCreated !== n) throw new Error(`cloudstack bench: ${c.vmsCreated} VMs made, ${c.vmsLive} left`);
    return { base: median(base), create: median(create), destroy: median(destroy), createCalls, createDetail, destroyCalls, destroyDetail, listCalls: total() };
  } finally {
    await cloud.close();
  }
}

export async function benchCloudStack(n: number): Promise<CloudStackBenchRow[]> {
  const admin = await run(n, true);
  const user = await run(n, false);
  const ideal = 2 * JOB_MS;
  return [
    { name: 'cloudstack/emulator: signed listZones round trip (baseline)', value: admin.base, unit: 'ms (median)' },
    { name: `cloudstack/emulator: create -> running (${n} deployments, jobs of ${JOB_MS} ms)`, value: admin.create, unit: 'ms (median)', note: `${(admin.create / ideal).toFixed(2)}x the two jobs' ${ideal} ms; ${((admin.create - ideal) / admin.base).toFixed(1)} baselines over` },
    { name: 'cloudstack/emulator: destroy -> gone (expunge)', value: admin.destroy, unit: 'ms (median)', note: `${(admin.destroy / JOB_MS).toFixed(2)}x the job's ${JOB_MS} ms` },
    { name: 'cloudstack: API calls per create', value: admin.createCalls, unit: 'calls', note: admin.createDetail },
    { name: 'cloudstack: API calls per destroy (expunge allowed)', value: admin.destroyCalls, unit: 'calls', note: admin.destroyDetail },
    { name: `cloudstack: API calls per destroy (expunge refused, ${n} in a row)`, value: user.destroyCalls, unit: 'calls', note: user.destroyDetail },
    { name: 'cloudstack: API calls per list (reconcile pass)', value: admin.listCalls, unit: 'calls' },
  ];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const r of await benchCloudStack(Number(process.env.BENCH_N ?? 10))) console.log(`${r.name.padEnd(72)} ${r.value.toFixed(2).padStart(10)} ${r.unit}${r.note ? `  (${r.note})` : ''}`);
}
