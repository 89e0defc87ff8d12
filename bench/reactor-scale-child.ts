/**
 * Child of bench/reactor-scale.ts: one reactor (in this process, MemoryBackend whose endpoints
 * are the dev node, so every probe is a real JSON-RPC round trip) against a real OGate; once
 * all N deployments run, it measures reconcile passes, CPU and memory, and prints one JSON line.
 */
import { MemoryBackend, startReactorHarness } from '../packages/reactor-sdk/src/testing/index.ts';

const [ogateUrl, token, nodeWs, countText, windowText] = process.argv.slice(2);
const count = Number(countText);
const backend = new MemoryBackend({ endpoint: () => nodeWs! });
const h = await startReactorHarness({ ogateUrl: ogateUrl!, token: token!, backend, tuning: { probeIntervalMs: 10_000, resyncMs: 60_000, longPollS: 30, concurrency: 8, startupGraceMs: 60_000 } });
const running = () => h.reactor.view.all().filter((d) => h.store.reports.get(d.id, d.generation)?.state === 'running').length;
await h.until(`${count} running`, () => running() >= count, 600_000);
const passes: number[] = [];
for (let i = 0; i < 20; i++) {
  const t = performance.now();
  await h.reactor.pass();
  passes.push(performance.now() - t);
}
passes.sort((a, b) => a - b);
const cpu0 = process.cpuUsage();
const t0 = performance.now();
await new Promise((r) => setTimeout(r, Number(windowText) * 1000));
const cpu = process.cpuUsage(cpu0);
const wall = performance.now() - t0;
const mem = process.memoryUsage();
console.log(JSON.stringify({ passP50Ms: passes[10], passMaxMs: passes.at(-1), cpuPercent: ((cpu.user + cpu.system) / 1000 / wall) * 100, rssMiB: mem.rss / 2 ** 20, heapMiB: mem.heapUsed / 2 ** 20, creates: backend.calls.create }));
await h.stop();
process.exit(0);
