/**
 * dinfra-gateway's balancing and hedging on stand-in upstreams that model a node's capacity (a
 * fixed service time and a fixed number served at once, bench/gateway-standin.ts), so that CPU
 * sharing on this machine does not decide the result:
 *  - balancing: one stand-in alone vs three through the gateway, HTTP `state_getStorage`, enough
 *    in flight to fill them (goal: >= 2.7x);
 *  - hedging: three stand-ins, one stalling 200 ms every 10th call; p99 with hedging vs without
 *    (goal: cut >= 3x) and the extra requests hedging cost, counted at the stand-ins (goal < 10%).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort, load, stop, waitHttp, type GatewayRow } from './gateway.ts';
import { spawnStandins, type StandinOptions, type StandinProcess } from './gateway-standin.ts';

const GATEWAY_BIN = fileURLToPath(new URL('../packages/gateway/bin/dinfra-gateway.mjs', import.meta.url));

async function startGateway(dir: string, name: string, upstreams: string[], extraYaml = ''): Promise<{ child: ChildProcess; url: string }> {
  const port = await freePort();
  const config = join(dir, `${name}.yaml`);
  writeFileSync(config, `listen: 127.0.0.1:${port}\nupstreams:\n${upstreams.map((u) => `  - ${u}`).join('\n')}\nhealth:\n  intervalMs: 1000\n${extraYaml}`);
  const fd = openSync(join(dir, `${name}.log`), 'w');
  const child = spawn(process.execPath, [GATEWAY_BIN, '--config', config, '--json-logs'], { stdio: ['ignore', fd, fd] });
  closeSync(fd);
  const url = `http://127.0.0.1:${port}`;
  await waitHttp(url, '/health');
  return { child, url };
}

const servedAll = async (s: StandinProcess[]) => (await Promise.all(s.map((x) => x.served()))).reduce((a, b) => a + b, 0);

export async function benchGatewayBalance(opts: { quick: boolean; log: (msg: string) => void }): Promise<GatewayRow[]> {
  const ms = opts.quick ? 2000 : 6000;
  const dir = mkdtempSync(join(tmpdir(), 'dinfra-bench-gw-balance-'));
  const standins: StandinProcess[] = [];
  const gateways: ChildProcess[] = [];
  const rows: GatewayRow[] = [];
  try {
    // Balancing: 2 served at once, 40 ms each: 50 requests/s per stand-in at most (a node serving
    // heavy reads), so that the gateway's own CPU (shared with everything on this machine) is not
    // what is measured.
    const cap: StandinOptions = { serviceMs: 40, concurrency: 2 };
    standins.push(...(await spawnStandins([cap, cap, cap])));
    const gw = await startGateway(dir, 'balance', standins.map((s) => s.url));
    gateways.push(gw.child);
    const C = 24;
    opts.log('gateway balance: warm-up');
    await load(gw.url, C, 500);
    await load(standins[0]!.httpUrl, C, 300);
    opts.log(`gateway balance: one stand-in alone, ${C} in flight`);
    const alone = await load(standins[0]!.httpUrl, C, ms);
    opts.log(`gateway balance: three through the gateway, ${C} in flight`);
    const three = await load(gw.url, C, ms);
    const ratio = three.rps / alone.rps;
    rows.push(
      { name: `gateway balance: one stand-in alone (40 ms x 2 at once, ${C} in flight)`, value: alone.rps, unit: 'requests/s', note: `p50 ${alone.p50.toFixed(1)} ms, p99 ${alone.p99.toFixed(1)} ms` },
      { name: `gateway balance: three stand-ins through the gateway`, value: three.rps, unit: 'requests/s', note: `${ratio.toFixed(2)}x one alone (goal >= 2.7); p50 ${three.p50.toFixed(1)} ms, p99 ${three.p99.toFixed(1)} ms; ${three.errors + alone.errors} errors` },
    );
    await stop(gw.child);
    await Promise.all(standins.splice(0).map((s) => s.kill()));

    // Hedging: one of three stalls 200 ms every 10th call.
    const fast: StandinOptions = { serviceMs: 2, concurrency: 16 };
    standins.push(...(await spawnStandins([fast, fast, { ...fast, stallEvery: 10, stallMs: 200 }])));
    const urls = standins.map((s) => s.url);
    const hedged = await startGateway(dir, 'hedged', urls);
    const plain = await startGateway(dir, 'plain', urls, 'routing:\n  hedge:\n    enabled: false\n');
    gateways.push(hedged.child, plain.child);
    const H = 8;
    opts.log('gateway hedging: warm-up');
    await load(hedged.url, H, 500);
    await load(plain.url, H, 500);
    const runs: Record<'hedged' | 'plain', { p99: number[]; extra: number[]; rps: number[] }> = { hedged: { p99: [], extra: [], rps: [] }, plain: { p99: [], extra: [], rps: [] } };
    const rounds = opts.quick ? 1 : 3;
    for (let r = 0; r < rounds; r++) {
      for (const [name, g] of [['plain', plain], ['hedged', hedged]] as const) {
        opts.log(`gateway hedging: round ${r + 1}/${rounds}, ${name}, ${H} in flight`);
        const before = await servedAll(standins);
        const res = await load(g.url, H, ms / rounds);
        await new Promise((x) => setTimeout(x, 300)); // hedges' losers finish at the stand-ins
        const at = await servedAll(standins);
        runs[name].p99.push(res.p99);
        runs[name].rps.push(res.rps);
        runs[name].extra.push((at - before) / Math.max(1, res.count + res.errors) - 1);
      }
    }
    const med = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)]!;
    const [p99Plain, p99Hedged] = [med(runs.plain.p99), med(runs.hedged.p99)];
    rows.push(
      { name: `gateway hedging: p99 without hedging (1 of 3 stalls 200 ms every 10th)`, value: p99Plain, unit: 'ms', note: `${Math.round(med(runs.plain.rps))} requests/s at ${H} in flight` },
      { name: `gateway hedging: p99 with hedging after p90 (floor 50 ms)`, value: p99Hedged, unit: 'ms', note: `${(p99Plain / p99Hedged).toFixed(1)}x lower (goal >= 3); ${(med(runs.hedged.extra) * 100).toFixed(1)}% extra requests at the upstreams (goal < 10%; without hedging ${(med(runs.plain.extra) * 100).toFixed(1)}%); 1-min load average ${loadavg()[0]!.toFixed(1)} on ${cpus().length} cores` },
    );
    return rows;
  } finally {
    await Promise.all(gateways.map(stop));
    await Promise.all(standins.map((s) => s.kill()));
  }
}

/** `node --import tsx bench/gateway-balance.ts` runs this target alone. */
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const rows = await benchGatewayBalance({ quick: process.env.BENCH_QUICK === '1', log: (m) => console.error(m) });
  for (const r of rows) console.log(`${r.name.padEnd(66)} ${r.value.toFixed(r.unit === 'ms' ? 2 : 0).padStart(10)} ${r.unit}${r.note ? `  (${r.note})` : ''}`);
  process.exit(0);
}
