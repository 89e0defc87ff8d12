/**
 * The access log's CPU cost per call, measured in-process with process.cpuUsage (so other
 * processes' load on the machine does not enter the figure): the batched writer
 * (packages/gateway AccessLog: an array push per call, one formatted write per batch) against a
 * pino line per call (what the gateway did before), both to /dev/null.
 */
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { AccessLog, type AccessRecord } from '../packages/gateway/src/observability/access-log.ts';
import type { GatewayRow } from './gateway.ts';

interface PinoLike {
  (opts: object, dest: unknown): { child(b: object): { info(o: object): void } };
  destination(o: object): { once(e: 'ready', f: () => void): void };
}
/** The gateway's own pino (the bench package does not depend on it). */
const pino = createRequire(new URL('../packages/gateway/package.json', import.meta.url))('pino') as PinoLike;

const rec: AccessRecord = { pool: 'default', ip: '127.0.0.1', key: undefined, method: 'state_getStorage', id: 1, upstream: '127.0.0.1:9944#0', latencyMs: 0.412, reqBytes: 120, resBytes: 60, status: 'ok' };

function cpuMicros(fn: () => void): number {
  const t = process.cpuUsage();
  fn();
  const d = process.cpuUsage(t);
  return d.user + d.system;
}

export async function benchAccessLog(opts: { quick: boolean }): Promise<GatewayRow[]> {
  const n = opts.quick ? 50_000 : 200_000;
  const dest = pino.destination({ dest: '/dev/null', sync: false, minLength: 4096 });
  await new Promise<void>((r) => dest.once('ready', r));
  const logger = pino({ level: 'info', base: { service: 'dinfra-gateway' } }, dest).child({ name: 'access' });
  const perPino = cpuMicros(() => {
    for (let i = 0; i < n; i++) logger.info({ pool: rec.pool, ip: rec.ip, method: rec.method, id: i, upstream: rec.upstream, latencyMs: rec.latencyMs, reqBytes: rec.reqBytes, resBytes: rec.resBytes, status: rec.status });
  }) / n;
  const batched = new AccessLog({ enabled: true, json: true, file: '/dev/null', sample: 1, flushMs: 60_000 });
  const perBatched = cpuMicros(() => {
    for (let i = 0; i < n; i++) {
      batched.record({ ...rec, id: i });
      if (i % 2000 === 1999) batched.flush(); // a 250 ms batch at 8,000 calls/s
    }
    batched.flush();
  }) / n;
  const sampled = new AccessLog({ enabled: true, json: true, file: '/dev/null', sample: 0.1, flushMs: 60_000 });
  const perSampled = cpuMicros(() => {
    for (let i = 0; i < n; i++) {
      sampled.record({ ...rec, id: i });
      if (i % 2000 === 1999) sampled.flush();
    }
    sampled.flush();
  }) / n;
  await new Promise((r) => setTimeout(r, 200)); // the writers opened /dev/null
  batched.close();
  sampled.close();
  return [
    { name: 'gateway access log: a pino line per call (before)', value: perPino, unit: 'µs CPU/call' },
    { name: 'gateway access log: batched, every call', value: perBatched, unit: 'µs CPU/call', note: `${(perPino / perBatched).toFixed(1)}x less than a pino line per call` },
    { name: 'gateway access log: batched, 10% of successful calls', value: perSampled, unit: 'µs CPU/call' },
  ];
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  for (const r of await benchAccessLog({ quick: process.env.BENCH_QUICK === '1' })) console.log(`${r.name.padEnd(56)} ${r.value.toFixed(2).padStart(8)} ${r.unit}${r.note ? `  (${r.note})` : ''}`);
  process.exit(0);
}
