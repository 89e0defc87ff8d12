// Real Prometheus (scraping the monitor, with the shipped rule file) and real Alertmanager
// (delivering to a webhook receiver here): a target that is down raises DinfraTargetDown, which
// arrives at the receiver. The rule's `for: 1m` is kept as shipped, so this takes over a minute.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../support/chain-helpers.ts';
import { peer } from '../support/peers.ts';
import { startMonitor, type TestMonitor } from './monitor-support.ts';

const promtool = peer('prometheus');
const alertmanager = peer('prometheus-alertmanager');
const RULES = fileURLToPath(new URL('../../packages/monitor/alerts/dinfra-monitor.rules.yml', import.meta.url));

let mon: TestMonitor;
let receiver: Server;
const procs: ChildProcess[] = [];
const alerts: { status: string; labels: Record<string, string> }[] = [];
let logs = '';

function run(bin: string, args: string[]): ChildProcess {
  const p = spawn(bin, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  p.stdout!.on('data', (d: Buffer) => (logs += d.toString()));
  p.stderr!.on('data', (d: Buffer) => (logs += d.toString()));
  procs.push(p);
  return p;
}

beforeAll(async () => {
  if (!promtool || !alertmanager) return;
  const dir = mkdtempSync(join(tmpdir(), 'dinfra-prom-'));
  const [hookPort, amPort, promPort] = [await freePort(), await freePort(), await freePort()];
  receiver = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      alerts.push(...(JSON.parse(body) as { alerts: { status: string; labels: Record<string, string> }[] }).alerts);
      res.writeHead(200).end();
    });
  });
  await new Promise<void>((r) => receiver.listen(hookPort, '127.0.0.1', () => r()));
  mon = await startMonitor({ targets: [{ name: 'gone', url: 'ws://127.0.0.1:1', provider: 'p' }] });
  const monHost = new URL(mon.url).host;
  writeFileSync(join(dir, 'am.yml'), `route: { receiver: test, group_wait: 1s, group_interval: 1s, repeat_interval: 1h }\nreceivers:\n  - name: test\n    webhook_configs: [{ url: 'http://127.0.0.1:${hookPort}/alert' }]\n`);
  writeFileSync(
    join(dir, 'prom.yml'),
    `global: { scrape_interval: 1s, evaluation_interval: 1s }\nrule_files: ['${RULES}']\nalerting: { alertmanagers: [{ static_configs: [{ targets: ['127.0.0.1:${amPort}'] }] }] }\nscrape_configs:\n  - job_name: dinfra-monitor\n    static_configs: [{ targets: ['${monHost}'] }]\n`,
  );
  run(alertmanager, [`--config.file=${join(dir, 'am.yml')}`, `--storage.path=${join(dir, 'am')}`, `--web.listen-address=127.0.0.1:${amPort}`, '--cluster.listen-address=']);
  run('/usr/bin/prometheus', [`--config.file=${join(dir, 'prom.yml')}`, `--storage.tsdb.path=${join(dir, 'tsdb')}`, `--web.listen-address=127.0.0.1:${promPort}`]);
});

afterAll(async () => {
  for (const p of procs) p.kill('SIGTERM');
  await mon?.close();
  receiver?.close();
});

describe.skipIf(!promtool || !alertmanager)('Prometheus + Alertmanager against the monitor', () => {
  it('DinfraTargetDown reaches the webhook receiver through Alertmanager', async () => {
    await expect
      .poll(() => alerts.find((a) => a.labels.alertname === 'DinfraTargetDown' && a.labels.target === 'gone'), { timeout: 150_000, interval: 1000 })
      .toMatchObject({ status: 'firing', labels: { severity: 'critical', provider: 'p', job: 'dinfra-monitor' } });
    // The healthy monitor itself raises neither liveness alert.
    expect(alerts.filter((a) => a.labels.alertname?.startsWith('DinfraMonitor'))).toEqual([]);
  }, 180_000);
});
