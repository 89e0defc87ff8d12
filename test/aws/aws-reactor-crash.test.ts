// The real dinfra-reactor binary with --backend aws in the real marketplace: a dev node,
// provider //Alice with operator //Bob, a real OGate, subscriptions made and terminated on
// chain by //Charlie. EC2 is moto behind a proxy that kill -9s the reactor at chosen EC2 calls
// of create and destroy (before RunInstances, after it, mid-wait for running, before/after
// TerminateInstances, mid-wait for terminated); the reactor is then restarted on the same data
// dir. Asserted on moto's counts over all instance states — never a second instance for a
// subscription, nothing left running once it is terminated — and on chain: Running with the
// endpoint. The node behind the endpoint is the dev node itself (endpointHost 127.0.0.1,
// rpcPort = its port), so the reactor's health probe is real.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { TAG } from '@dinfra/reactor-sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addJson, contentStore, nodeDescriptor, submit, subscribe, tempDir } from '../support/ogate.ts';
import { peer } from '../support/peers.ts';
import { startMarket, statusOnChain, type Market } from '../reactor/support.ts';
import { firstAfter, nth, startEc2CrashProxy, type CrashPoint, type Ec2CrashProxy } from './support/ec2-crash-proxy.ts';
import { startMoto, type Moto } from './support/moto.ts';
import { startReactor, type ReactorProcess } from './support/reactor-process.ts';

const motoBin = peer('moto');

describe.skipIf(!motoBin)('dinfra-reactor --backend aws with a real OGate: kill -9 at EC2 calls, restart', () => {
  let m: Market;
  let moto: Moto;
  let proxy: Ec2CrashProxy;
  let cid: string;
  let dataDir: string;
  let args: string[];
  /** The reactor now running; each crash is followed by a restart on the same data dir, which the next step reuses. */
  let current: ReactorProcess;
  const started: ReactorProcess[] = [];
  const reached: string[] = [];
  const ids: Record<string, 'present' | 'absent'> = {};

  const reactor = async (): Promise<ReactorProcess> => {
    const r = await startReactor(args);
    started.push(r);
    return r;
  };

  beforeAll(async () => {
    [m, moto] = await Promise.all([startMarket([{ typeId: 0, capacity: 50 }]), startMoto(motoBin!)]);
    proxy = await startEc2CrashProxy(moto.endpoint);
    const store = await contentStore(m.og.ipfsRepo);
    cid = await addJson(store, nodeDescriptor());
    await store.close?.();
    const dir = tempDir('dinfra-aws-reactor-');
    dataDir = join(dir, 'data');
    const chains = join(dir, 'chains.yaml');
    // A cloud reactor follows the marketplace chain by its public URL, never OGate's loopback --url.
    writeFileSync(chains, 'chains:\n  polkadot:\n    binary: /usr/local/bin/polkadot\n    chainSpec: polkadot\n  dinfra:\n    public: { rpcUrl: "wss://dinfra.example.org" }\n');
    const config = join(dir, 'reactor.json');
    writeFileSync(
      config,
      JSON.stringify({
        reactor: { resyncMs: 500, longPollS: 1, probeIntervalMs: 300, orphanSweepMs: 1000, startupGraceMs: 0, retryBaseMs: 50, retryMaxMs: 300, createAttempts: 20 },
        backends: {
          aws: {
            region: 'us-east-1', endpoint: proxy.url, images: { default: await moto.ami() }, instanceTypes: { medium: 't3.medium' },
            endpointHost: '127.0.0.1', rpcPort: m.node.rpcPort, waitMinDelaySeconds: 1, waitTimeoutSeconds: 20, maxAttempts: 1,
          },
        },
      }),
    );
    args = ['--ogate', m.og.url, '--token', m.token, '--backend', 'aws', '--data-dir', dataDir, '--listen', '127.0.0.1:0', '--chains', chains, '--config', config];
    current = await reactor();
  });
  afterAll(async () => {
    console.log(`aws reactor crash points reached: ${reached.join('; ')}`);
    await Promise.all(started.map((r) => r.stop()));
    await Promise.all([proxy?.close(), moto?.stop(), m?.close()]);
  });

  const instancesOf = async (id: string) => (await moto.instances()).filter((i) => i.Tags?.some((t) => t.Key === TAG.subscription && t.Value === id));
  const until = async (what: string, f: () => boolean | Promise<boolean>, ms = 60_000) => {
    const end = Date.now() + ms;
    while (!(await f())) {
      if (Date.now() > end) throw new Error(`timed out waiting for ${what}\n${current.logs().slice(-4000)}`);
      await new Promise((r) => setTimeout(r, 150));
    }
  };
  const runningOnChain = async (id: string) => {
    const s = await statusOnChain(m.api, id);
    return s.type === 'Running' && s.endpoints?.[0] === `ws://127.0.0.1:${m.node.rpcPort}`;
  };
  const subscribeOne = async () => {
    const [{ id, provider }] = (await subscribe(m.api, m.subscriber, [{ typeId: 0, cid, provider: m.provider.address }])) as [{ id: bigint; provider: string }];
    expect(provider).toBe(m.provider.address);
    return String(id);
  };
  const terminate = (id: string) => submit(m.api, m.api.tx.subscriptions!.terminate!(id), m.subscriber);

  async function crashThenRestart(point: CrashPoint, trigger: () => Promise<unknown>): Promise<void> {
    const r = current;
    proxy.arm(point, r.pid);
    await trigger();
    const fired = await Promise.race([proxy.fired(), new Promise<string>((_, rej) => setTimeout(() => rej(new Error(`${point.name} never reached; saw ${proxy.seen.join(', ')}\n${r.logs().slice(-3000)}`)), 60_000))]);
    expect((await r.exited).signal).toBe('SIGKILL');
    reached.push(fired);
    proxy.arm(undefined, undefined);
    current = await reactor();
  }

  const createPoints: CrashPoint[] = [
    nth('before', 'RunInstances'),
    nth('after', 'RunInstances'),
    firstAfter('before', 'DescribeInstances', 'RunInstances'), // mid-wait: the first poll never answered
    firstAfter('after', 'DescribeInstances', 'RunInstances'), // the waiter saw running; the reactor dies before reporting
  ];
  for (const point of createPoints)
    it(`create, killed ${point.name}: one instance after the restart, Running on chain`, async () => {
      let id = '';
      await crashThenRestart(point, async () => (id = await subscribeOne()));
      ids[id] = 'present';
      await until(`subscription ${id} Running on chain`, () => runningOnChain(id));
      expect((await instancesOf(id)).map((i) => i.State?.Name), 'one instance, never a second').toEqual(['running']);
    });

  const destroyPoints: CrashPoint[] = [
    nth('before', 'TerminateInstances'),
    nth('after', 'TerminateInstances'),
    firstAfter('before', 'DescribeInstances', 'TerminateInstances'),
    firstAfter('after', 'DescribeInstances', 'TerminateInstances'),
  ];
  for (const point of destroyPoints)
    it(`destroy, killed ${point.name}: nothing left running after the restart`, async () => {
      const id = await subscribeOne();
      await until(`subscription ${id} Running on chain`, () => runningOnChain(id));
      await crashThenRestart(point, () => terminate(id));
      ids[id] = 'absent';
      await until(`instance of ${id} terminated`, async () => (await instancesOf(id)).every((i) => i.State?.Name === 'terminated'));
      expect((await instancesOf(id)).map((i) => i.State?.Name)).toEqual(['terminated']);
    });

  it('over the whole run: one instance per subscription, running where present, terminated where terminated', async () => {
    const byId: Record<string, string[]> = {};
    for (const i of await moto.instances()) {
      const id = i.Tags?.find((t) => t.Key === TAG.subscription)?.Value ?? '?';
      (byId[id] ??= []).push(i.State!.Name!);
    }
    expect(byId).toEqual(Object.fromEntries(Object.entries(ids).map(([id, s]) => [id, [s === 'present' ? 'running' : 'terminated']])));
    expect(Object.keys(ids)).toHaveLength(8);
  });
});
