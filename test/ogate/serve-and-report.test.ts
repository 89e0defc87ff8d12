/**
 * OGate end to end (real dinfra-node + real dinfra-ogate processes): an award is served on a
 * pending long-poll and on SSE once its block is finalized, with the verified descriptor and
 * opened secrets; reports become StatusChanged in the next block; termination.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiPromise } from '@polkadot/api';
import type { KeyringPair } from '@polkadot/keyring/types';
import { sealSecret, type ContentStore } from '@dinfra/content';
import type { RunningNode } from '../support/node-process.ts';
import { startOGateMarket, startServedOGate, stopOGateMarket, type OGateMarket, type ServedOGate } from '../support/ogate-market.ts';
import { addJson, nodeDescriptor, ogateFetch, subscribe, type RunningOGate } from '../support/ogate.ts';
import { expectConforms } from './contract.ts';
import { readSse } from './sse.ts';

let market: OGateMarket;
let served: ServedOGate;
let node: RunningNode;
let api: ApiPromise;
let og: RunningOGate;
let store: ContentStore;
let token: string;
let alice: KeyringPair;
let bob: KeyringPair;
let charlie: KeyringPair;

beforeAll(async () => {
  // Provider //Alice, operator //Bob (OGate's key).
  market = await startOGateMarket({ offerings: [{ typeId: 0 }, { typeId: 3 }] });
  ({ node, api, alice, bob, charlie } = market);
  served = await startServedOGate(market);
  ({ og, store, token } = served);
});

afterAll(() => stopOGateMarket(market, served));

describe('OGate serves awards and reports status', () => {
  let id: bigint;
  let generation: number;

  it('an award appears on a pending long-poll and on SSE, with the verified descriptor and opened secrets', async () => {
    const list = await ogateFetch(og, token, '/v1/deployments');
    expect(list.status).toBe(200);
    expectConforms('listDeployments', 200, list.body);
    const since = list.body.revision as number;
    const sse = readSse(`${og.url}/v1/events?since=${since}`, token);
    const poll = ogateFetch(og, token, `/v1/deployments?since=${since}&wait=30`);
    const sealed = sealSecret({ name: 'nodeKey', value: 'super-secret-node-key', recipient: bob.publicKey });
    const cid = await addJson(store, nodeDescriptor({ secrets: { nodeKey: sealed } }));
    const [award] = await subscribe(api, charlie, [{ typeId: 0, cid, provider: alice.address }]);
    id = award!.id;
    const polled = await poll;
    expect(polled.status).toBe(200);
    expectConforms('listDeployments', 200, polled.body);
    expect(polled.body.complete).toBe(false);
    const d = polled.body.deployments.find((x: { id: string }) => x.id === String(id));
    expect(d).toMatchObject({ id: String(id), type: 'substrate-node', generation: 1, desired: 'present', state: 'awarded', descriptorCid: cid });
    expect(d.descriptor).toEqual(nodeDescriptor());
    expect(d.secrets).toEqual({ nodeKey: 'super-secret-node-key' });
    generation = d.generation;
    const ev = await sse.next((e) => e.event === 'deployment' && JSON.parse(e.data).id === String(id));
    expect(Number(ev.id)).toBe(d.revision);
    expect(JSON.parse(ev.data)).toEqual(d);
    expectConforms('getDeployment', 200, JSON.parse(ev.data));
    sse.close();
    // The secret never appears in OGate's logs.
    expect(og.logs()).not.toContain('super-secret-node-key');
  });

  it('a provisioning then a running report land on chain as StatusChanged in the next block', async () => {
    const served = (await ogateFetch(og, token, `/v1/deployments/${id}`)).body;
    const before = (await api.rpc.chain.getHeader()).number.toNumber();
    const p = await ogateFetch(og, token, `/v1/deployments/${id}/status`, { method: 'PUT', body: { generation, state: 'provisioning' } });
    expect(p.status).toBe(202);
    expectConforms('reportStatus', 202, p.body);
    const final = await waitReport(p.body.reportId, 'finalized');
    expectConforms('getReport', 200, final);
    expect(final.blockNumber).toBe(before + 1);
    expect(final.extrinsicHash).toMatch(/^0x[0-9a-f]{64}$/);
    const status = (await api.query.subscriptions.subscriptions(id)).unwrap().status;
    expect(status.isProvisioning).toBe(true);

    const r = await ogateFetch(og, token, `/v1/deployments/${id}/status`, { method: 'PUT', body: { generation, state: 'running', endpoints: ['wss://rpc-1.alice.example'] } });
    expect(r.status).toBe(202);
    const rf = await waitReport(r.body.reportId, 'finalized');
    expect(rf.blockNumber).toBe(final.blockNumber + 1);
    const events = await (await api.at(rf.blockHash)).query.system.events();
    const changed = events.filter(({ event }) => api.events.subscriptions.StatusChanged.is(event));
    expect(changed).toHaveLength(1);
    // The served view follows the chain, and a repeat of a reflected report is 200 with no extrinsic.
    const d = await waitDeployment((x) => x.state === 'running');
    expect(d.endpoints).toEqual(['wss://rpc-1.alice.example']);
    // The reactor's own reports changed the status only: a new revision, the same spec revision
    // (a reactor is not woken to re-list its backend for them).
    expect(d.revision).toBeGreaterThan(served.revision);
    expect(d.specRevision).toBe(served.specRevision);
    const again = await ogateFetch(og, token, `/v1/deployments/${id}/status`, { method: 'PUT', body: { generation, state: 'running', endpoints: ['wss://rpc-1.alice.example'] } });
    expect(again.status).toBe(200);
    expect(again.body).toEqual({ reportId: null, status: 'reflected' });
  });

  it('GET /v1/provider describes the provider, its offerings and the chain', async () => {
    const p = await ogateFetch(og, token, '/v1/provider');
    expect(p.status).toBe(200);
    expectConforms('getProvider', 200, p.body);
    expect(p.body).toMatchObject({ account: alice.address, operator: bob.address, name: 'alice-infra', status: 'active' });
    expect(p.body.offerings.map((o: { type: string }) => o.type).sort()).toEqual(['cloud-init', 'substrate-node']);
    expect(p.body.chain.genesisHash).toBe(api.genesisHash.toHex());
    expect(p.body.chain.rpcUrl).toBe(node.wsUrl);
  });

  it('terminate by the provider ends the subscription; the deployment turns absent', async () => {
    const t = await ogateFetch(og, token, `/v1/deployments/${id}/terminate`, { method: 'POST', body: { reason: 'maintenance' } });
    expect(t.status).toBe(202);
    await waitReport(t.body.reportId, 'finalized');
    const sub = (await api.query.subscriptions.subscriptions(id)).unwrap();
    expect(sub.status.isTerminated).toBe(true);
    expect(sub.status.asTerminated.reason.type).toBe('ByProvider');
    const d = await waitDeployment((x) => x.desired === 'absent');
    expect(d).toMatchObject({ state: 'terminated', reason: 'terminated: ByProvider' });
    expect(d.specRevision).toBe(d.revision); // desired changed: a spec change
    const again = await ogateFetch(og, token, `/v1/deployments/${id}/terminate`, { method: 'POST', body: { reason: 'again' } });
    expect(again.status).toBe(200);
  });

  it('/healthz, /readyz, /metrics, /openapi.json and /docs need no token', async () => {
    expect((await ogateFetch(og, undefined, '/healthz')).body).toEqual({ status: 'ok' });
    const ready = await ogateFetch(og, undefined, '/readyz');
    expect(ready.status).toBe(200);
    expectConforms('readyz', 200, ready.body);
    const metrics = await ogateFetch(og, undefined, '/metrics');
    expect(metrics.body).toContain('dinfra_ogate_award_to_served_seconds_count 1');
    expect(metrics.body).toMatch(/dinfra_ogate_report_to_finalized_seconds_count [1-9]/);
    expect(metrics.body).toContain('dinfra_ogate_deployments{type="substrate-node",state="terminated",desired="absent"} 1');
    const doc = await ogateFetch(og, undefined, '/openapi.json');
    expect(doc.body.openapi).toBe('3.1.0');
    const docs = await fetch(`${og.url}/docs`);
    const html = await docs.text();
    expect(html).toContain('/openapi.json');
    expect(html).not.toMatch(/<script[^>]+src=/);
  });

  async function waitReport(reportId: string, status: string): Promise<any> {
    for (let i = 0; i < 300; i++) {
      const r = await ogateFetch(og, token, `/v1/reports/${reportId}`);
      if (r.body.status === status) return r.body;
      if (r.body.status === 'failed') throw new Error(`report failed: ${JSON.stringify(r.body)}`);
      await new Promise((res) => setTimeout(res, 100));
    }
    throw new Error(`report ${reportId} never reached ${status}`);
  }

  async function waitDeployment(pred: (d: any) => boolean): Promise<any> {
    for (let i = 0; i < 300; i++) {
      const r = await ogateFetch(og, token, `/v1/deployments/${id}`);
      if (r.status === 200 && pred(r.body)) {
        expectConforms('getDeployment', 200, r.body);
        return r.body;
      }
      await new Promise((res) => setTimeout(res, 100));
    }
    throw new Error(`deployment ${id} never matched`);
  }
});
