/**
 * dinfra-monitor benches: (1) checks/s and the monitor's CPU for N targets every 10 s (stand-in
 * endpoints in a child process), against the goal of 1,000 targets under 25 % of one core;
 * (2) status page render time with 90 days of history for 100 deployments (goal < 200 ms), with
 * the JSON API's time in the same run as baseline; (3) detection delay from a kill to the
 * incident, at 1 s rounds (the default 10 s scales it by 10).
 * Standalone: `node --import tsx bench/monitor.ts [--quick]`.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compileConfig, Monitor, renderStatusPage, targetViews } from '@dinfra/monitor';
import { StandInNode } from '@dinfra/monitor/testing';

interface Row {
  name: string;
  value: number;
  unit: string;
  note?: string;
}
type Log = (m: string) => void;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const quiet = { logs: { level: 'silent' as const } };

async function checksPerSecond(n: number, windowS: number, log: Log): Promise<Row[]> {
  const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('./monitor-standins-child.ts', import.meta.url)), '20'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const urls = await new Promise<string[]>((resolve) => child.stdout!.once('data', (d: Buffer) => resolve(JSON.parse(d.toString()) as string[])));
  const targets = Array.from({ length: n }, (_, i) => ({ name: `t${i}`, url: urls[i % urls.length]!, provider: `p${i % 10}` }));
  const m = Monitor.create(compileConfig({}, { ...quiet, dataDir: mkdtempSync(join(tmpdir(), 'bench-mon-')), listen: '127.0.0.1:0', targets, checks: { blockTimeMs: 6000 } }));
  await m.start();
  log(`monitor: ${n} targets, warming up 12 s`);
  await sleep(12_000);
  const count = () => (m.db.prepare('SELECT COUNT(*) n FROM results').get() as { n: number }).n + 0;
  m.flush();
  const c0 = count();
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  await sleep(windowS * 1000);
  const cpu = process.cpuUsage(cpu0);
  const wall = (performance.now() - t0) / 1000;
  m.flush();
  const checks = (count() - c0) / wall;
  const core = (cpu.user + cpu.system) / 1e6 / wall;
  await m.close();
  child.kill('SIGTERM');
  const per1000 = (core * 1000) / n;
  return [
    { name: `monitor: check rounds/s, ${n} targets every 10 s`, value: checks, unit: 'rounds/s', note: `${(checks / (n / 10)).toFixed(2)}x the ${n / 10}/s expected` },
    { name: `monitor: CPU per 1,000 targets every 10 s (from ${n})`, value: per1000 * 100, unit: '% of one core', note: `${((per1000 * 100) / 25).toFixed(2)}x the 25 % goal` },
  ];
}

async function pageRender(log: Log): Promise<Row[]> {
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-mon-page-'));
  const targets = Array.from({ length: 100 }, (_, i) => ({ name: `d${i}`, url: 'ws://127.0.0.1:1', provider: `p${i % 5}` }));
  const m = Monitor.create(compileConfig({}, { ...quiet, dataDir, listen: '127.0.0.1:0', targets }));
  const now = Date.now();
  const DAY = 86_400_000;
  log('monitor page: filling 90 days of history for 100 deployments (raw 24 h at 10 s, hourly before)');
  m.results.syncTargets(targets.map((t) => ({ ...t, kind: 'node', source: 'config' })), now - 90 * DAY);
  m.results.syncTargets(targets.map((t) => ({ ...t, kind: 'node', source: 'config' })), now);
  const hourly = m.db.prepare('INSERT INTO hourly (target, location, hour, checks, up, degraded, latency_avg, latency_max, head_lag_max) VALUES (?, ?, ?, 360, 359, 1, ?, ?, ?)');
  m.db.transaction(() => {
    for (const t of targets) for (let h = 0; h < 89 * 24; h++) hourly.run(t.name, 'local', Math.floor((now - 90 * DAY) / 3_600_000) * 3_600_000 + h * 3_600_000, 2 + (h % 7), 9 + (h % 11), h % 3);
  })();
  const batch = [];
  for (const t of targets) for (let at = now - DAY; at < now; at += 10_000) batch.push({ target: t.name, location: 'local', at, status: 'up' as const, failures: [], latencies: { system_health: 2 + (at % 5) }, headLag: 0, best: 1, finalized: 1 });
  m.results.addResults(batch);
  for (let i = 0; i < 300; i++) {
    const t = targets[i % 100]!;
    const at = now - Math.floor((i / 300) * 89 * DAY);
    const inc = m.incidents.open({ target: t.name, provider: t.provider, check: 'reachable', severity: 'down', cause: 'unreachable: bench', at, detail: 'bench' });
    m.incidents.addEvent(inc.id, at + 1000, 'note', 'looked at it', 'ops');
    m.incidents.close(inc.id, at + 600_000, 'recovered');
  }
  m.recent.load(m.results, now); // as at start
  const time = (fn: () => unknown) => {
    fn();
    const xs = [];
    for (let i = 0; i < 7; i++) {
      const t0 = performance.now();
      fn();
      xs.push(performance.now() - t0);
    }
    return xs.sort((a, b) => a - b)[3]!;
  };
  const page = time(() => renderStatusPage(m, now));
  const api = time(() => targetViews(m, now));
  const bytes = renderStatusPage(m, now).length;
  m.db.close();
  return [
    { name: 'monitor: status page render, 100 deployments, 90 days (median of 7)', value: page, unit: 'ms', note: `${(page / 200).toFixed(2)}x the 200 ms goal; ${(bytes / 1024).toFixed(0)} KiB; ${(page / api).toFixed(2)}x /api/targets' ${api.toFixed(1)} ms` },
  ];
}

async function detectionDelay(n: number, log: Log): Promise<Row[]> {
  log(`monitor: detection delay over ${n} kills, rounds every 1 s, failuresToOpen 2`);
  const nodes = await Promise.all(Array.from({ length: n }, () => StandInNode.start({ blockTimeMs: 500 })));
  const m = Monitor.create(compileConfig({}, { ...quiet, dataDir: mkdtempSync(join(tmpdir(), 'bench-mon-det-')), listen: '127.0.0.1:0', targets: nodes.map((s, i) => ({ name: `k${i}`, url: s.url })), checks: { intervalMs: 1000, blockTimeMs: 500, timeoutMs: 1000 } }));
  const opened = new Map<string, number>();
  m.onIncident((c) => c.type === 'incident.opened' && opened.set(c.incident.target, Date.now()));
  await m.start();
  await sleep(3000);
  const killed = new Map<string, number>();
  await Promise.all(
    nodes.map(async (s, i) => {
      await sleep(Math.random() * 5000);
      killed.set(`k${i}`, Date.now());
      await s.close();
    }),
  );
  const deadline = Date.now() + 20_000;
  while (opened.size < n && Date.now() < deadline) await sleep(100);
  await m.close();
  const d = [...killed].map(([t, at]) => (opened.get(t) ?? Number.NaN) - at).sort((a, b) => a - b);
  const q = (p: number) => d[Math.min(d.length - 1, Math.floor(p * d.length))]!;
  return [
    { name: 'monitor: detection delay p50 (1 s rounds)', value: q(0.5), unit: 'ms', note: `${(q(0.5) / 1000).toFixed(2)} rounds; x10 at the default 10 s` },
    { name: 'monitor: detection delay p95 (1 s rounds)', value: q(0.95), unit: 'ms', note: `${(q(0.95) / 1000).toFixed(2)} rounds` },
    { name: 'monitor: detection delay max (1 s rounds)', value: d.at(-1)!, unit: 'ms', note: `${opened.size}/${n} detected` },
  ];
}

export async function benchMonitor(o: { quick: boolean; log: Log }): Promise<Row[]> {
  return [...(await checksPerSecond(o.quick ? 200 : 1000, o.quick ? 10 : 30, o.log)), ...(await pageRender(o.log)), ...(await detectionDelay(o.quick ? 10 : 30, o.log))];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const rows = await benchMonitor({ quick: process.argv.includes('--quick'), log: (s) => console.error(s) });
  for (const r of rows) console.log(`${r.name.padEnd(72)} ${r.value.toFixed(2).padStart(10)} ${r.unit}${r.note ? `  (${r.note})` : ''}`);
  process.exit(0);
}
