/**
 * Acceptance (issue 8): a subscriber buys a dinfra node with the `dinfra` CLI; a real
 * dinfra-reactor (local backend) runs a real dinfra-node that follows the marketplace chain;
 * the endpoint on chain answers @polkadot/api with the chain's genesis; terminating ends the
 * process within one reconcile period and frees the capacity (also when funds run out). An
 * `rpc-endpoint` is N dinfra-nodes behind a dinfra-gateway, made and ended together.
 */
import { ApiPromise, WsProvider } from '@polkadot/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rpc } from '../support/node-process.ts';
import { DIN, ogateFetch } from '../support/ogate.ts';
import { cli, deployedProcesses, descriptorFile, killDeployed, startMarket, startReactor, statusOnChain, TEST_TUNING, until, type Market, type RunningReactor } from './support.ts';

let m: Market;
let reactor: RunningReactor;

beforeAll(async () => {
  // 0.1 DIN a block: a 1 DIN deposit runs out 10 blocks after the first Running report.
  m = await startMarket([{ typeId: 0, capacity: 3, pricePerBlock: DIN / 10n }, { typeId: 1, capacity: 2, pricePerBlock: DIN / 10n }]);
  reactor = await startReactor(m);
});

afterAll(async () => {
  await reactor?.kill();
  if (reactor) killDeployed(reactor.dataDir);
  await m?.close();
});

const used = async (type = 'substrate-node') => ((await ogateFetch(m.og, m.token, '/v1/provider')).body.offerings as Array<{ type: string; used: number }>).find((o) => o.type === type)!.used;

async function genesisAt(endpoint: string): Promise<string> {
  const client = await ApiPromise.create({ provider: new WsProvider(endpoint), noInitWarn: true, throwOnConnect: true });
  try {
    return client.genesisHash.toHex();
  } finally {
    await client.disconnect();
  }
}

describe('dinfra-reactor with the local backend', () => {
  let id: string;

  it('`dinfra subscribe --wait running` ends with a running dinfra-node whose on-chain endpoint serves the chain', async () => {
    const file = descriptorFile({ type: 'substrate-node', role: 'rpc', chain: 'dinfra', version: 'dev' });
    const r = await cli(m, ['subscribe', 'substrate-node', '--descriptor', file, '--deposit', '10', '--wait', 'running', '--json']);
    expect(r.code, r.stderr + reactor.logs()).toBe(0);
    const out = JSON.parse(r.stdout) as { subscription: { id: string; state: string } };
    id = out.subscription.id;
    expect(out.subscription.state).toBe('Running');
    const status = await statusOnChain(m.api, id);
    expect(status.type).toBe('Running');
    expect(status.endpoints).toHaveLength(1);
    const endpoint = status.endpoints![0]!;
    expect(endpoint).toMatch(/^ws:\/\/127\.0\.0\.1:\d+$/);
    const procs = deployedProcesses(reactor.dataDir);
    expect(procs).toHaveLength(1);
    const client = await ApiPromise.create({ provider: new WsProvider(endpoint), noInitWarn: true, throwOnConnect: true });
    try {
      expect(client.genesisHash.toHex()).toBe(m.api.genesisHash.toHex());
      expect((await client.rpc.system.chain()).toString()).toBe('Development');
    } finally {
      await client.disconnect();
    }
    expect(await used()).toBe(1);
    // The operator's view: /healthz, /readyz and the metrics of what just happened.
    expect((await fetch(`${reactor.url}/healthz`)).status).toBe(200);
    expect((await fetch(`${reactor.url}/readyz`)).status).toBe(200);
    const metrics = await (await fetch(`${reactor.url}/metrics`)).text();
    expect(metrics).toMatch(/^dinfra_reactor_award_to_running_seconds_count 1$/m);
    expect(metrics).toMatch(/^dinfra_reactor_create_seconds_count\{result="ok"\} 1$/m);
    expect(metrics).toMatch(/^dinfra_reactor_reports_total\{state="running",result="queued"\} 1$/m);
  });

  it('terminate: the process is gone within one reconcile period and the capacity is free', async () => {
    const r = await cli(m, ['subscription', 'terminate', id]);
    expect(r.code, r.stderr).toBe(0);
    const t0 = Date.now();
    await until('process gone', () => deployedProcesses(reactor.dataDir).length === 0, TEST_TUNING.resyncMs + 10_000);
    expect(Date.now() - t0).toBeLessThan(TEST_TUNING.resyncMs + 10_000);
    await until('capacity free', async () => (await used()) === 0, 20_000);
  });

  it('running out of funds: the same — process gone, capacity free', async () => {
    const file = descriptorFile({ type: 'substrate-node', role: 'rpc', chain: 'dinfra', version: 'dev' });
    const r = await cli(m, ['subscribe', 'substrate-node', '--descriptor', file, '--deposit', '1', '--wait', 'running', '--json']);
    expect(r.code, r.stderr + reactor.logs()).toBe(0);
    const sid = (JSON.parse(r.stdout) as { subscription: { id: string } }).subscription.id;
    expect(deployedProcesses(reactor.dataDir)).toHaveLength(1);
    expect(await used()).toBe(1);
    await rpc(m.node, 'dev_newBlock', [{ count: 12 }]);
    await until('terminated on chain', async () => (await statusOnChain(m.api, sid)).type === 'Terminated', 20_000);
    const sub = ((await m.api.query.subscriptions!.subscriptions!(sid)) as unknown as { unwrap(): { status: { asTerminated: { reason: { type: string } } } } }).unwrap();
    expect(sub.status.asTerminated.reason.type).toBe('OutOfFunds');
    await until('process gone', () => deployedProcesses(reactor.dataDir).length === 0, TEST_TUNING.resyncMs + 10_000);
    await until('capacity free', async () => (await used()) === 0, 20_000);
  });

  it('rpc-endpoint: two dinfra-nodes behind a dinfra-gateway, one endpoint (the gateway), ended together', async () => {
    const file = descriptorFile({ type: 'rpc-endpoint', nodes: 2, chain: 'dinfra', version: 'dev' });
    const r = await cli(m, ['subscribe', 'rpc-endpoint', '--descriptor', file, '--deposit', '10', '--wait', 'running', '--json']);
    expect(r.code, r.stderr + reactor.logs()).toBe(0);
    const sid = (JSON.parse(r.stdout) as { subscription: { id: string } }).subscription.id;
    const procs = deployedProcesses(reactor.dataDir);
    expect(procs.map((p) => p.member).sort()).toEqual(['gateway', 'node-0', 'node-1']);
    expect(new Set(procs.map((p) => p.resource)).size).toBe(1);
    const { endpoints } = await statusOnChain(m.api, sid);
    expect(endpoints).toHaveLength(1);
    expect(await genesisAt(endpoints![0]!)).toBe(m.api.genesisHash.toHex());
    expect(await used('rpc-endpoint')).toBe(1);
    expect((await cli(m, ['subscription', 'terminate', sid])).code).toBe(0);
    await until('all three gone', () => deployedProcesses(reactor.dataDir).length === 0, TEST_TUNING.resyncMs + 10_000);
    await until('capacity free', async () => (await used('rpc-endpoint')) === 0, 20_000);
  });
});
