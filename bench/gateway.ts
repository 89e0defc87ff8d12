/**
 * dinfra-gateway vs nginx vs one upstream direct, same run, same three upstreams (an author and
 * two followers): HTTP JSON-RPC `state_getStorage` throughput at 32 requests in flight (keep-alive
 * connections), and p50 / p99 latency one request at a time and under that load. nginx is the
 * Debian package (`node scripts/peers.mjs nginx`), started by the bench with a temp config:
 * `proxy_pass` round robin to the upstreams' HTTP RPC, keep-alive to them, one worker (the
 * gateway is one process), access log to a file (as the gateway's JSON access log).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { createServer } from 'node:net';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawnNode, type BenchNode } from './node-proc.ts';

const GATEWAY_BIN = fileURLToPath(new URL('../packages/gateway/bin/dinfra-gateway.mjs', import.meta.url));
const NGINX = '/usr/sbin/nginx';
const SYSTEM_NUMBER = '0x26aa394eea5630e07c48ae0c9558cef702a5c1b19ab7a04f536c519aca4983ac';
const BODY = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'state_getStorage', params: [SYSTEM_NUMBER] });

export interface GatewayRow {
  name: string;
  value: number;
  unit: string;
  note?: string;
}

export interface LoadResult {
  /** Requests answered (with a result) and failed. */
  count: number;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
}

export const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;

/** `concurrency` keep-alive loops POSTing BODY for `ms`; latencies in ms. */
export async function load(url: string, concurrency: number, ms: number, body = BODY): Promise<LoadResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  const { hostname, port } = new URL(url);
  const lat: number[] = [];
  let errors = 0;
  const deadline = performance.now() + ms;
  const one = () =>
    new Promise<void>((resolve) => {
      const t0 = performance.now();
      const req = request({ host: hostname, port, method: 'POST', path: '/', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (text += c));
        res.on('end', () => {
          if (res.statusCode === 200 && text.includes('"result"')) lat.push(performance.now() - t0);
          else errors++;
          resolve();
        });
      });
      req.on('error', () => {
        errors++;
        resolve();
      });
      req.end(body);
    });
  const started = performance.now();
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (performance.now() < deadline) await one();
  }));
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  lat.sort((a, b) => a - b);
  return { count: lat.length, rps: lat.length / seconds, p50: quantile(lat, 0.5), p99: quantile(lat, 0.99), errors };
}

export async function waitHttp(url: string, path = '/', timeoutMs = 30_000): Promise<void> {
  const started = Date.now();
  for (;;) {
    try {
      const res = await fetch(url + path, path === '/' ? { method: 'POST', headers: { 'content-type': 'application/json' }, body: BODY } : {});
      if (res.status === 200) return;
    } catch {
      /* not yet */
    }
    if (Date.now() - started > timeoutMs) throw new Error(`${url}${path} did not come up`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

function nginxConfig(dir: string, port: number, upstreams: number[]): string {
  for (const d of ['body', 'proxy', 'fcgi', 'uwsgi', 'scgi']) mkdirSync(join(dir, d), { recursive: true });
  return `worker_processes 1;
daemon off;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 4096; }
http {
  access_log ${dir}/access.log;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  upstream nodes {
${upstreams.map((p) => `    server 127.0.0.1:${p};`).join('\n')}
    keepalive 64;
  }
  server {
    listen 127.0.0.1:${port};
    location / {
      proxy_pass http://nodes;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
    }
  }
}
`;
}

/** User + system CPU seconds of a process and its live children so far (Linux /proc; nginx's worker is a child). */
export function cpuSeconds(pid: number): number {
  try {
    const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    let s = (Number(f[11]) + Number(f[12])) / 100;
    const kids = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim();
    for (const k of kids ? kids.split(/\s+/) : []) s += cpuSeconds(Number(k));
    return s;
  } catch {
    return NaN;
  }
}

/** subway's config for the bench: its shipped middlewares (cache and param injection included), no rate limits. */
function subwayConfig(port: number, upstreams: string[], rpcs: string): string {
  return `extensions:
  client:
    endpoints:
${upstreams.map((u) => `      - ${u}`).join('\n')}
  event_bus:
  substrate_api:
    stale_timeout_seconds: 180
  telemetry:
    provider: none
  cache:
    default_ttl_seconds: 60
    default_size: 500
  merge_subscription:
    keep_alive_seconds: 60
  server:
    port: ${port}
    listen_address: '127.0.0.1'
    max_connections: 2000
    max_batch_size: 10
    cors: all
middlewares:
  methods:
    - delay
    - response
    - inject_params
    - cache
    - upstream
  subscriptions:
    - merge_subscription
    - upstream
rpcs: ${rpcs}
`;
}

export const stop = async (c: ChildProcess | undefined) => {
  if (!c || c.exitCode !== null) return;
  const exited = new Promise((r) => c.once('exit', r));
  c.kill('SIGTERM');
  await Promise.race([exited, new Promise((r) => setTimeout(r, 3000))]);
  if (c.exitCode === null) c.kill('SIGKILL');
};

export async function benchGateway(opts: { quick: boolean; log: (msg: string) => void }): Promise<GatewayRow[]> {
  if (!existsSync(NGINX)) {
    opts.log(`gateway: nginx missing at ${NGINX} (node scripts/peers.mjs nginx): skipped`);
    return [];
  }
  const ms = opts.quick ? 1500 : 6000;
  const C = 32;
  const dir = mkdtempSync(join(tmpdir(), 'dinfra-bench-gateway-'));
  const nodes: BenchNode[] = [];
  let gateway: ChildProcess | undefined;
  let quiet: ChildProcess | undefined;
  let subway: ChildProcess | undefined;
  let nginx: ChildProcess | undefined;
  try {
    const p2p = ['--listen-addr', '/ip4/127.0.0.1/tcp/0/ws'];
    const author = await spawnNode(['--chain', 'local', '--alice', '--tmp', '--sealing', 'interval', '--block-time', '1000', ...p2p]);
    nodes.push(author);
    nodes.push(...(await Promise.all(['--bob', '--charlie'].map((k) => spawnNode(['--chain', 'local', k, '--tmp', '--sync-from', author.wsUrl, ...p2p])))));
    const ports = nodes.map((n) => Number(new URL(n.wsUrl).port));
    const http = ports.map((p) => `http://127.0.0.1:${p}`);

    const gwPort = await freePort();
    const logFd = openSync(join(dir, 'gateway.log'), 'w');
    gateway = spawn(process.execPath, [GATEWAY_BIN, ...nodes.flatMap((n) => ['--upstream', n.wsUrl]), '--listen', `127.0.0.1:${gwPort}`, '--json-logs', '--health-interval', '1000'], { stdio: ['ignore', logFd, logFd] });
    closeSync(logFd);
    const gwUrl = `http://127.0.0.1:${gwPort}`;
    await waitHttp(gwUrl, '/health');
    // The same gateway without its access log: the log's cost, same run.
    const quietPort = await freePort();
    writeFileSync(join(dir, 'quiet.yaml'), 'logs:\n  access:\n    enabled: false\n');
    const quietFd = openSync(join(dir, 'gateway-quiet.log'), 'w');
    quiet = spawn(process.execPath, [GATEWAY_BIN, '--config', join(dir, 'quiet.yaml'), ...nodes.flatMap((n) => ['--upstream', n.wsUrl]), '--listen', `127.0.0.1:${quietPort}`, '--json-logs', '--health-interval', '1000'], { stdio: ['ignore', quietFd, quietFd] });
    closeSync(quietFd);
    const quietUrl = `http://127.0.0.1:${quietPort}`;
    await waitHttp(quietUrl, '/health');
    // subway (AcalaNetwork/subway) when built outside the repository (SUBWAY_BIN, default /work/peers/subway).
    const subwayBin = process.env.SUBWAY_BIN ?? '/work/peers/subway/target/release/subway';
    let subwayUrl: string | undefined;
    if (existsSync(subwayBin)) {
      const sbPort = await freePort();
      const root = join(subwayBin, '..', '..', '..');
      writeFileSync(join(dir, 'subway.yml'), subwayConfig(sbPort, nodes.map((n) => n.wsUrl), join(root, 'rpc_configs', 'substrate.yml')));
      subway = spawn(subwayBin, ['--config', join(dir, 'subway.yml')], { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] });
      subwayUrl = `http://127.0.0.1:${sbPort}`;
      await waitHttp(subwayUrl);
    } else opts.log(`gateway: subway not built at ${subwayBin}: skipped`);

    const ngPort = await freePort();
    writeFileSync(join(dir, 'nginx.conf'), nginxConfig(dir, ngPort, ports));
    nginx = spawn(NGINX, ['-p', dir, '-c', join(dir, 'nginx.conf'), '-e', join(dir, 'error.log')], { stdio: ['ignore', 'ignore', 'pipe'] });
    const ngUrl = `http://127.0.0.1:${ngPort}`;
    await waitHttp(ngUrl);

    opts.log('gateway: warm-up');
    for (const url of [...http, ngUrl, gwUrl, quietUrl, ...(subwayUrl ? [subwayUrl] : [])]) await load(url, C, 500);

    // Rounds with the order rotated, median per target: other processes' bursts hit every target alike.
    const pids: Record<string, number | undefined> = { nginx: nginx.pid, gateway: gateway.pid, 'gateway, no access log': quiet.pid, subway: subway?.pid };
    const targets = [...http.map((url, i) => ({ name: `direct #${i}`, url })), { name: 'nginx', url: ngUrl }, { name: 'gateway', url: gwUrl }, { name: 'gateway, no access log', url: quietUrl }, ...(subwayUrl ? [{ name: 'subway', url: subwayUrl }] : [])];
    const runs = new Map<string, LoadResult[]>(targets.map((t) => [t.name, []]));
    const cpu = new Map<string, { seconds: number; requests: number }>(targets.map((t) => [t.name, { seconds: 0, requests: 0 }]));
    const rounds = opts.quick ? 1 : 3;
    for (let r = 0; r < rounds; r++) {
      for (let k = 0; k < targets.length; k++) {
        const t = targets[(k + r) % targets.length]!;
        opts.log(`gateway: round ${r + 1}/${rounds}, ${t.name}, ${C} in flight`);
        const pid = pids[t.name];
        const before = pid ? cpuSeconds(pid) : 0;
        const res = await load(t.url, C, ms / rounds);
        runs.get(t.name)!.push(res);
        if (pid) {
          const c = cpu.get(t.name)!;
          c.seconds += cpuSeconds(pid) - before;
          c.requests += res.rps * (ms / rounds / 1000);
        }
      }
    }
    const median = (name: string): LoadResult => {
      const list = [...runs.get(name)!].sort((a, b) => a.rps - b.rps);
      return list[Math.floor(list.length / 2)]!;
    };
    const direct = http.map((_, i) => median(`direct #${i}`));
    const viaNginx = median('nginx');
    const viaGw = median('gateway');
    const viaQuiet = median('gateway, no access log');
    const viaSubway = subwayUrl ? median('subway') : undefined;
    const usPerReq = (name: string) => {
      const c = cpu.get(name)!;
      return c.requests > 0 ? (c.seconds / c.requests) * 1e6 : NaN;
    };
    opts.log('gateway: one request at a time');
    const serial = { direct: await load(http[1]!, 1, ms / 2), nginx: await load(ngUrl, 1, ms / 2), gateway: await load(gwUrl, 1, ms / 2) };

    const bestDirect = Math.max(...direct.map((d) => d.rps));
    const errors = [...[...runs.values()].flat(), ...Object.values(serial)].reduce((s, r) => s + r.errors, 0);
    const overhead = serial.gateway.p50 - serial.direct.p50;
    const rows: GatewayRow[] = [
      { name: `gateway: one upstream direct, best of 3 (${C} in flight)`, value: bestDirect, unit: 'requests/s', note: `each: ${direct.map((d) => Math.round(d.rps)).join(' / ')}` },
      { name: `gateway: nginx round robin over 3 (${C} in flight)`, value: viaNginx.rps, unit: 'requests/s', note: `p50 ${viaNginx.p50.toFixed(2)} ms, p99 ${viaNginx.p99.toFixed(2)} ms` },
      { name: `gateway: dinfra-gateway over 3 (${C} in flight)`, value: viaGw.rps, unit: 'requests/s', note: `p50 ${viaGw.p50.toFixed(2)} ms, p99 ${viaGw.p99.toFixed(2)} ms; ${(viaGw.rps / viaNginx.rps).toFixed(2)}x nginx (goal >= 0.8), ${(viaGw.rps / bestDirect).toFixed(2)}x best single upstream (goal > 1)` },
      { name: 'gateway: dinfra-gateway without its access log', value: viaQuiet.rps, unit: 'requests/s', note: `the batched access log costs ${(((viaQuiet.rps - viaGw.rps) / viaQuiet.rps) * 100).toFixed(1)}% of throughput (${usPerReq('gateway').toFixed(0)} vs ${usPerReq('gateway, no access log').toFixed(0)} µs CPU per request)` },
      { name: 'gateway: CPU per request, dinfra-gateway (nginx)', value: usPerReq('gateway'), unit: 'µs', note: `nginx ${usPerReq('nginx').toFixed(0)} µs` },
      ...(viaSubway
        ? [
            { name: `gateway: subway over 3 (${C} in flight)`, value: viaSubway.rps, unit: 'requests/s', note: `p50 ${viaSubway.p50.toFixed(2)} ms, p99 ${viaSubway.p99.toFixed(2)} ms; dinfra-gateway ${(viaGw.rps / viaSubway.rps).toFixed(2)}x subway's throughput (goal >= 1.0)` },
            { name: 'gateway: CPU per request, subway', value: usPerReq('subway'), unit: 'µs', note: `dinfra-gateway ${usPerReq('gateway').toFixed(0)} µs: ${(usPerReq('subway') / usPerReq('gateway')).toFixed(2)}x subway's efficiency (goal >= 1.0)` },
          ]
        : []),
      { name: 'gateway: p50 latency, one at a time, direct', value: serial.direct.p50, unit: 'ms', note: `p99 ${serial.direct.p99.toFixed(2)} ms` },
      { name: 'gateway: p50 latency, one at a time, nginx', value: serial.nginx.p50, unit: 'ms', note: `p99 ${serial.nginx.p99.toFixed(2)} ms` },
      { name: 'gateway: p50 latency, one at a time, dinfra-gateway', value: serial.gateway.p50, unit: 'ms', note: `p99 ${serial.gateway.p99.toFixed(2)} ms; overhead over direct ${overhead.toFixed(2)} ms (goal <= 1)` },
      { name: 'gateway: failed requests (all runs)', value: errors, unit: 'requests', note: `1-min load average ${loadavg()[0]!.toFixed(1)} on ${cpus().length} cores: the proxies share them with the 3 nodes and the load generator` },
    ];
    const accessLines = readFileSync(join(dir, 'gateway.log'), 'utf8').split('\n').filter((l) => l.includes('"name":"access"')).length;
    opts.log(`gateway: ${accessLines} access-log lines written by the gateway`);
    return rows;
  } finally {
    await stop(nginx);
    await stop(gateway);
    await stop(quiet);
    await stop(subway);
    await Promise.all(nodes.map((n) => n.kill()));
  }
}

/** `node --import tsx bench/gateway.ts` runs this target alone. */
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const rows = await benchGateway({ quick: process.env.BENCH_QUICK === '1', log: (m) => console.error(m) });
  for (const r of rows) console.log(`${r.name.padEnd(58)} ${r.value.toFixed(r.unit === 'ms' ? 2 : 0).padStart(10)} ${r.unit}${r.note ? `  (${r.note})` : ''}`);
  process.exit(0);
}
