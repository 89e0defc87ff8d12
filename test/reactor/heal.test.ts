/**
 * Acceptance (issue 8): kill -9 a deployed dinfra-node: the reactor restarts it and nothing
 * changes on chain; when it cannot come back, `Degraded` appears on chain, and `Running`
 * again once it does. Real dev node, OGate, dinfra-reactor, dinfra-node.
 */
import { chmodSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../support/ogate.ts';
import { cli, deployedProcesses, descriptorFile, killDeployed, sleep, startMarket, startReactor, statusEvents, statusOnChain, until, type Market, type RunningReactor } from './support.ts';

const NODE_BIN = new URL('../../packages/node/bin/dinfra-node.mjs', import.meta.url).pathname;
let m: Market;
let reactor: RunningReactor;
const dir = tempDir('dinfra-flaky-');
const flag = join(dir, 'broken');

beforeAll(async () => {
  m = await startMarket([{ typeId: 0, capacity: 3 }]);
  // Chain `flaky`: dinfra-node, except that it exits at once while the flag file exists.
  const wrapper = join(dir, 'flaky-node.sh');
  writeFileSync(wrapper, `#!/bin/sh\n[ -e "$FLAKY_FLAG" ] && exit 1\nexec "${process.execPath}" "${NODE_BIN}" "$@"\n`);
  chmodSync(wrapper, 0o755);
  reactor = await startReactor(m, { chains: { chains: { flaky: { binary: wrapper, follow: 'ogate', env: { FLAKY_FLAG: flag } } } }, tuning: { startupGraceMs: 8000, degradedAfter: 10 } }); // degraded after ~10 s down: longer than a dinfra-node restart
});

afterAll(async () => {
  await reactor?.kill();
  if (reactor) killDeployed(reactor.dataDir);
  await m?.close();
});

describe('self-heal', () => {
  it('restarts a node killed with SIGKILL; Degraded only while it cannot come back, then Running again', async () => {
    const from = (await m.api.rpc.chain.getHeader()).number.toNumber() + 1;
    const r = await cli(m, ['subscribe', 'substrate-node', '--descriptor', descriptorFile({ type: 'substrate-node', role: 'rpc', chain: 'flaky', version: 'dev' }), '--deposit', '10', '--wait', 'running', '--json']);
    expect(r.code, r.stderr + reactor.logs()).toBe(0);
    const id = (JSON.parse(r.stdout) as { subscription: { id: string } }).subscription.id;
    const [first] = deployedProcesses(reactor.dataDir);

    // 1. Killed, comes back: restarted, and the chain never hears of it.
    process.kill(first!.pid, 'SIGKILL');
    await until('restarted', () => deployedProcesses(reactor.dataDir).some((p) => p.pid !== first!.pid), 30_000);
    await sleep(6000); // several probe periods
    expect((await statusOnChain(m.api, id)).type).toBe('Running');
    expect((await statusEvents(m.api, from)).filter((e) => e.id === id).map((e) => e.status)).toEqual(['Provisioning', 'Running']);

    // 2. Killed and cannot start again: Degraded on chain.
    writeFileSync(flag, '');
    for (const p of deployedProcesses(reactor.dataDir)) process.kill(p.pid, 'SIGKILL');
    await until('Degraded on chain', async () => (await statusOnChain(m.api, id)).type === 'Degraded', 60_000);

    // 3. Fixed: Running again, same endpoint.
    rmSync(flag);
    await until('Running again', async () => (await statusOnChain(m.api, id)).type === 'Running', 90_000);
    expect(deployedProcesses(reactor.dataDir)).toHaveLength(1);
    expect((await statusEvents(m.api, from)).filter((e) => e.id === id).map((e) => e.status)).toEqual(['Provisioning', 'Running', 'Degraded', 'Running']);
  }, 300_000);
});
