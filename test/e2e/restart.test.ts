// `npm start` twice: Ctrl-C stops the deployed node with everything else, and the next start
// brings back what the chain still wants running (same subscription, same endpoint, no new
// award); a second launcher on the same state dir while one runs says so and changes nothing.
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { dinfra, ok, ROOT } from './cli.ts';
import { genesisThrough, tryConnect } from './deployments.ts';
import { startStack, type RunningStack, type StackPorts } from './stack.ts';

const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });

let stack: RunningStack | undefined;
afterAll(async () => {
  await stack?.interrupt();
});

describe('npm start, stopped and started again', () => {
  it('brings the deployed node back on the same endpoint, and refuses a second launcher', async () => {
    const stateDir = mkdtempSync(join(tmpdir(), 'dinfra-e2e-restart-'));
    const ports: StackPorts = { rpc: await freePort(), prometheus: await freePort(), p2p: await freePort(), ogate: await freePort(), reactor: await freePort() };
    stack = await startStack({ blockTimeMs: 1000, stateDir, ports });
    const sub = ok<{ subscription: { id: string; endpoints: string[]; awardedAt?: number } }>(
      await dinfra(['subscribe', 'substrate-node', '--descriptor', join(ROOT, 'examples/rpc-node.json'), '--deposit', '10', '--wait', 'running', '--url', stack.wsUrl, '--ipfs-repo', stack.ipfsRepo, '--json'], { env: { DINFRA_SURI: '//Charlie' } }),
      'subscribe',
    ).subscription;
    const endpoint = sub.endpoints[0]!;
    const genesis = await genesisThrough(endpoint);

    // A second launcher on the same state dir: refused, the first keeps running.
    const second = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts/stack/main.ts'), '--state-dir', stateDir], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
    expect(second.status).toBe(1);
    expect(second.stderr).toMatch(/already running from .* \(pid \d+\)/);
    expect(await genesisThrough(endpoint)).toBe(genesis);

    expect(await stack.interrupt()).toBe(0);
    expect(await tryConnect(endpoint)).toBe('ECONNREFUSED');

    stack = await startStack({ blockTimeMs: 1000, stateDir, ports });
    const started = Date.now();
    let back = '';
    while (Date.now() - started < 120_000) {
      back = await genesisThrough(endpoint).catch(() => '');
      if (back) break;
      await new Promise((r) => setTimeout(r, 1000));
    }
    expect(back, 'the deployed node answers again on its endpoint').toBe(genesis);
    const shown = ok<{ subscription: { id: string; state: string; endpoints: string[]; provider: unknown } }>(
      await dinfra(['subscription', 'show', sub.id, '--url', stack.wsUrl, '--json']),
      'subscription show',
    ).subscription;
    expect(shown.state).toBe('Running');
    expect(shown.endpoints).toEqual([endpoint]);
  });
});
