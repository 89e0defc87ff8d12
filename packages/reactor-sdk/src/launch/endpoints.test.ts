import { createServer, type Server } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { cloudInitEndpoints, declaredPorts, parsePortsTag, portsTagValue, probePorts } from './endpoints.ts';

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
});

function listen(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer((c) => { c.on('error', () => undefined); c.end(); }).listen(0, '127.0.0.1', () => resolve((s.address() as { port: number }).port));
    servers.push(s);
  });
}

async function closedPort(): Promise<number> {
  const port = await listen();
  await new Promise((r) => servers.pop()!.close(r));
  return port;
}

describe('cloud-init endpoints', () => {
  it('declared ports become tcp:// and https:// endpoints; none declared: host://', () => {
    const ports = declaredPorts({ ports: [{ port: 8080 }, { port: 443, protocol: 'https' }, { port: 0 }, 'x'] });
    expect(ports).toEqual([{ port: 8080, protocol: 'tcp' }, { port: 443, protocol: 'https' }]);
    expect(portsTagValue(ports)).toBe('tcp:8080,https:443');
    expect(parsePortsTag('tcp:8080,https:443')).toEqual(ports);
    expect(parsePortsTag('none')).toEqual([]);
    expect(parsePortsTag('tcp:99999,udp:1,junk')).toEqual([]);
    expect(cloudInitEndpoints('203.0.113.5', ports)).toEqual(['tcp://203.0.113.5:8080', 'https://203.0.113.5:443']);
    expect(cloudInitEndpoints('2001:db8::1', [{ port: 22, protocol: 'tcp' }])).toEqual(['tcp://[2001:db8::1]:22']);
    expect(cloudInitEndpoints('vm.example', [])).toEqual(['host://vm.example']);
  });

  it('probe: every declared port must accept a TCP connection; host:// promises nothing', async () => {
    const open = await listen();
    const closed = await closedPort();
    expect(await probePorts([`tcp://127.0.0.1:${open}`, `https://127.0.0.1:${open}`, 'host://127.0.0.1'])).toBeUndefined();
    expect(await probePorts([`tcp://127.0.0.1:${open}`, `tcp://127.0.0.1:${closed}`])).toBe(`tcp://127.0.0.1:${closed}: no TCP connection`);
  });
});
