// The real dinfra-reactor binary with --backend aws, against moto through a proxy that
// kill -9s the reactor at chosen EC2 calls of create and destroy; then a restart on the same
// data dir. Asserted on moto's counts over all instance states: never a second instance for a
// deployment, nothing left running after it went absent; and the restarted reactor reports
// `running` with the endpoint of the deployment's node.
//
// OGate: the REST contract stand-in of reactor-sdk's own loop tests (FakeOGate), because the
// real OGate's test support is not in the tree yet; the node behind the endpoint is a real
// dinfra-node (endpointHost 127.0.0.1, rpcPort = its port), so the health probe is real.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TAG } from '@dinfra/reactor-sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeOGate } from '../../packages/reactor-sdk/src/reconcile/testing/fake-ogate.ts';
import { startNode, type RunningNode } from '../support/node-process.ts';
import { peer } from '../support/peers.ts';
import { firstAfter, nth, startEc2CrashProxy, type CrashPoint, type Ec2CrashProxy } from './support/ec2-crash-proxy.ts';
import { startMoto, type Moto } from './support/moto.ts';
import { startReactor, type ReactorProcess } from './support/reactor-process.ts';

const motoBin = peer('moto');

describe.skipIf(!motoBin)('dinfra-reactor --backend aws: kill -9 at EC2 calls, restart', () => {
  let moto: Moto;
  let proxy: Ec2CrashProxy;
  let node: RunningNode;
  let ogate: FakeOGate;
  let dir: string;
  let config: string;
  let chains: string;
  let nextId = 1;
  let dataDir: string;
  const running: ReactorProcess[] = [];
  const reached: string[] = [];

  beforeAll(async () => {
    [moto, node, ogate] = await Promise.all([startMoto(motoBin!), startNode(['--dev', '--sealing', 'manual']), FakeOGate.start('5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty')]);
    proxy = await startEc2CrashProxy(moto.endpoint);
    dir = mkdtempSync(join(tmpdir(), 'dinfra-aws-reactor-'));
    chains = join(dir, 'chains.yaml');
    writeFileSync(chains, 'chains:\n  polkadot:\n    binary: /usr/local/bin/polkadot\n    chainSpec: polkadot\n');
    config = join(dir, 'reactor.yaml');
    writeFileSync(
      config,
      JSON.stringify({
        reactor: { resyncMs: 500, longPollS: 1, probeIntervalMs: 200, orphanSweepMs: 1000, startupGraceMs: 0, retryBaseMs: 50, retryMaxMs: 300, createAttempts: 20 },
        backends: {
          aws: {
            region: 'us-east-1', endpoint: proxy.url, images: { default: await moto.ami() }, instanceTypes: { medium: 't3.medium' },
            endpointHost: '127.0.0.1', rpcPort: node.rpcPort, waitMinDelaySeconds: 1, waitTimeoutSeconds: 20, maxAttempts: 1,
          },
        },
      }),
    );
    dataDir = mkdtempSync(join(dir, 'data-'));
    current = await reactor(dataDir);
  });
  afterAll(async () => {
    console.log(`reactor crash points reached: ${reached.join('; ')}`);
    await Promise.all(running.map((r) => r.stop()));
    await Promise.all([proxy?.close(), moto?.stop(), node?.kill(), ogate?.close()]);
  });

  const reactor = async (dataDir: string): Promise<ReactorProcess> => {
    const r = await startReactor(['--ogate', ogate.url, '--token', 't', '--backend', 'aws', '--data-dir', dataDir, '--listen', '127.0.0.1:0', '--chains', chains, '--config', config, '--log-level', 'debug']);
    running.push(r);
    return r;
  };
  const instancesOf = async (id: number) => (await moto.instances()).filter((i) => i.Tags?.some((t) => t.Key === TAG.subscription && t.Value === String(id)));
  const until = async (what: string, f: () => boolean | Promise<boolean>, logs: () => string, ms = 45_000) => {
    const end = Date.now() + ms;
    while (!(await f())) {
      if (Date.now() > end) throw new Error(`timed out waiting for ${what}\n${logs().slice(-4000)}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  };
  const runningReported = (id: number) => ogate.reports.some((r) => r.id === String(id) && r.state === 'running' && r.endpoints?.[0] === `ws://127.0.0.1:${node.rpcPort}`);
  const present = (id: number) => ogate.upsert({ id: String(id), type: 'substrate-node', generation: 1, desired: 'present', descriptor: { type: 'substrate-node', role: 'rpc', chain: 'polkadot', version: 'v1' } as unknown as Record<string, never> });

  /** The reactor now running; each crash is followed by a restart on the same data dir, which the next step reuses. */
  let current: ReactorProcess;

  async function crashThenRestart(point: CrashPoint, trigger: () => void): Promise<ReactorProcess> {
    const r = current;
    proxy.arm(point, r.pid);
    trigger();
    const fired = await Promise.race([proxy.fired(), new Promise<string>((_, rej) => setTimeout(() => rej(new Error(`${point.name} never reached; saw ${proxy.seen.join(', ')}\n${r.logs().slice(-3000)}`)), 45_000))]);
    const exit = await r.exited;
    expect(exit.signal).toBe('SIGKILL');
    reached.push(fired);
    proxy.arm(undefined, undefined);
    current = await reactor(dataDir);
    return current;
  }

  const createPoints: CrashPoint[] = [
    nth('before', 'RunInstances'),
    nth('after', 'RunInstances'),
    firstAfter('before', 'DescribeInstances', 'RunInstances'), // mid-wait: the first poll never answered
    firstAfter('after', 'DescribeInstances', 'RunInstances'), // the waiter saw running; the reactor dies before reporting
  ];
  for (const point of createPoints)
    it(`create, killed ${point.name}: one instance after the restart, reported running`, async () => {
      const id = nextId++;
      const r = await crashThenRestart(point, () => present(id));
      await until('running reported', () => runningReported(id), r.logs);
      const all = await instancesOf(id);
      expect(all.map((i) => i.State?.Name), 'one instance, never a second').toEqual(['running']);
    });

  const destroyPoints: CrashPoint[] = [
    nth('before', 'TerminateInstances'),
    nth('after', 'TerminateInstances'),
    firstAfter('before', 'DescribeInstances', 'TerminateInstances'),
    firstAfter('after', 'DescribeInstances', 'TerminateInstances'),
  ];
  for (const point of destroyPoints)
    it(`destroy, killed ${point.name}: nothing left running after the restart`, async () => {
      const id = nextId++;
      present(id);
      await until('running reported', () => runningReported(id), current.logs);
      const r = await crashThenRestart(point, () => ogate.upsert({ id: String(id), desired: 'absent' }));
      await until('terminated', async () => (await instancesOf(id)).every((i) => i.State?.Name === 'terminated'), r.logs);
      expect((await instancesOf(id)).map((i) => i.State?.Name)).toEqual(['terminated']);
    });

  it('every deployment of this run: one instance each, the present ones running, the absent ones terminated', async () => {
    const all = await moto.instances();
    const byId = new Map<string, string[]>();
    for (const i of all) {
      const id = i.Tags?.find((t) => t.Key === TAG.subscription)?.Value ?? '?';
      byId.set(id, [...(byId.get(id) ?? []), i.State!.Name!]);
    }
    expect(Object.fromEntries(byId)).toEqual({ 1: ['running'], 2: ['running'], 3: ['running'], 4: ['running'], 5: ['terminated'], 6: ['terminated'], 7: ['terminated'], 8: ['terminated'] });
  });
});
