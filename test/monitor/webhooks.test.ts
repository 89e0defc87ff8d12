// Webhooks: incident changes are queued in SQLite and POSTed, HMAC-signed, until the receiver
// answers. With the receiver down, the monitor retries; stopped and started again on the same data
// dir, it delivers the queued events once the receiver is up: nothing lost, nothing twice.
import { createServer, type Server } from 'node:http';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { verify } from '@dinfra/monitor';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort, sleep } from '../support/chain-helpers.ts';
import { startMonitor, type TestMonitor } from './monitor-support.ts';

const SECRET = 'webhook-secret-0123456789';
interface Received {
  delivery: string;
  event: string;
  target: string;
  signed: boolean;
}

function receiver(port: number, got: Received[], status = 200): Promise<Server> {
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      const b = JSON.parse(body) as { event: string; incident: { target: string } };
      const signed = verify(SECRET, Number(req.headers['x-dinfra-timestamp']), body, String(req.headers['x-dinfra-signature']));
      got.push({ delivery: String(req.headers['x-dinfra-delivery']), event: b.event, target: b.incident.target, signed });
      res.writeHead(status).end();
    });
  });
  return new Promise((r) => server.listen(port, '127.0.0.1', () => r(server)));
}

let mon: TestMonitor | undefined;
let server: Server | undefined;
afterAll(async () => {
  await mon?.close();
  server?.close();
});

describe('webhooks', () => {
  it('a receiver that is down, then a restart of the monitor, then the receiver up: each event arrives once, signed', async () => {
    const port = await freePort();
    const dataDir = mkdtempSync(join(tmpdir(), 'dinfra-monitor-'));
    const config = {
      targets: [{ name: 'gone', url: 'ws://127.0.0.1:1' }],
      webhooks: [{ url: `http://127.0.0.1:${port}/hook`, secret: SECRET }],
      webhookRetry: { initialMs: 100, maxMs: 400 },
    };
    mon = await startMonitor(config, dataDir);
    await mon.waitChange('incident.opened', 'gone', 20_000);
    // Several attempts fail against the closed port.
    await expect.poll(() => (mon!.monitor.db.prepare('SELECT attempts FROM webhook_outbox').get() as { attempts: number }).attempts, { timeout: 10_000 }).toBeGreaterThanOrEqual(3);
    expect(mon.monitor.outbox.pending()).toBe(1);
    await mon.close();

    const got: Received[] = [];
    server = await receiver(port, got);
    mon = await startMonitor(config, dataDir);
    await expect.poll(() => got.length, { timeout: 20_000 }).toBe(1);
    expect(got[0]).toEqual({ delivery: '1', event: 'incident.opened', target: 'gone', signed: true });
    await sleep(1000);
    expect(got).toHaveLength(1); // delivered, not again
    expect(mon.monitor.outbox.pending()).toBe(0);
    // The incident carried on across the restart: no second "opened".
    expect(mon.changes.filter((c) => c.type === 'incident.opened')).toEqual([]);
  });

  it('a receiver that answers 500 is retried, the event stays queued', async () => {
    await mon?.close();
    server?.close();
    const port = await freePort();
    const got: Received[] = [];
    server = await receiver(port, got, 500);
    mon = await startMonitor({ targets: [{ name: 'gone2', url: 'ws://127.0.0.1:1' }], webhooks: [{ url: `http://127.0.0.1:${port}/`, secret: SECRET, events: ['incident.opened'] }], webhookRetry: { initialMs: 100, maxMs: 200 } });
    await expect.poll(() => got.length, { timeout: 20_000 }).toBeGreaterThanOrEqual(3);
    expect(new Set(got.map((g) => g.delivery)).size).toBe(1);
    expect(mon.monitor.outbox.pending()).toBe(1);
  });
});
