/**
 * Bad requests get 400 / 401 / 403 / 404 / 409 with problem+json (conforming to the contract)
 * and change nothing on chain (no block, no operator nonce, no status change). Then a burst of
 * 100 reports lands exactly once each in at most 2 extrinsics.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiPromise } from '@polkadot/api';
import type { KeyringPair } from '@polkadot/keyring/types';
import { createToken } from '@dinfra/ogate';
import type { ContentStore } from '@dinfra/content';
import { startOGateMarket, startServedOGate, stopOGateMarket, type OGateMarket, type ServedOGate } from '../support/ogate-market.ts';
import { addJson, mintToken, nodeDescriptor, ogateFetch, subscribe, tempDir, type RunningOGate } from '../support/ogate.ts';
import { expectConforms } from './contract.ts';
import type { OperationId } from '@dinfra/ogate-contract/conformance';

let market: OGateMarket;
let served: ServedOGate;
let api: ApiPromise;
let og: RunningOGate;
let store: ContentStore;
let token: string;
let alice: KeyringPair;
let bob: KeyringPair;
let charlie: KeyringPair;
let ids: bigint[] = [];

beforeAll(async () => {
  // Provider //Alice, operator //Bob (OGate's key).
  market = await startOGateMarket({ offerings: [{ typeId: 0 }] });
  ({ api, alice, bob, charlie } = market);
  served = await startServedOGate(market);
  ({ og, store, token } = served);
  const cid = await addJson(store, nodeDescriptor());
  ids = (await subscribe(api, charlie, Array.from({ length: 101 }, () => ({ typeId: 0, cid, provider: alice.address })))).map((a) => a.id);
  // Wait until all are served.
  for (let i = 0; i < 300; i++) {
    const l = await ogateFetch(og, token, '/v1/deployments');
    if (l.body.deployments?.length === ids.length) break;
    await new Promise((r) => setTimeout(r, 100));
  }
});

afterAll(() => stopOGateMarket(market, served));

const chainSnapshot = async () => ({
  best: (await api.rpc.chain.getHeader()).number.toNumber(),
  nonce: (await api.rpc.system.accountNextIndex(bob.address)).toNumber(),
});

function expectProblem(r: { status: number; body: any; contentType: string }, status: number, operationId: OperationId, type?: string) {
  expect(r.status, JSON.stringify(r.body)).toBe(status);
  expect(r.contentType).toContain('application/problem+json');
  expect(r.body.status).toBe(status);
  if (type) expect(r.body.type).toBe(type);
  expectConforms(operationId, status, r.body);
}

describe('bad requests', () => {
  it('401 without a token, with a malformed, foreign-secret or expired token', async () => {
    const id = ids[0]!;
    expectProblem(await ogateFetch(og, undefined, '/v1/deployments'), 401, 'listDeployments', 'urn:dinfra:ogate:unauthorized');
    expectProblem(await ogateFetch(og, 'not-a-jwt', `/v1/deployments/${id}`), 401, 'getDeployment');
    const foreign = (await createToken({ dataDir: tempDir(), name: 'x', types: ['substrate-node'], ttlSeconds: 60 })).token;
    expectProblem(await ogateFetch(og, foreign, `/v1/deployments/${id}/status`, { method: 'PUT', body: { generation: 1, state: 'provisioning' } }), 401, 'reportStatus');
    const expired = (await createToken({ dataDir: og.dataDir, name: 'x', types: ['substrate-node'], ttlSeconds: 1 })).token;
    await new Promise((r) => setTimeout(r, 2100));
    expectProblem(await ogateFetch(og, expired, `/v1/deployments/${id}/terminate`, { method: 'POST', body: { reason: 'x' } }), 401, 'terminateDeployment');
    expectProblem(await ogateFetch(og, undefined, '/v1/provider'), 401, 'getProvider');
  });

  it('403 for a deployment type the token does not cover', async () => {
    const other = await mintToken(og.dataDir, ['cloud-init']);
    const id = ids[0]!;
    expectProblem(await ogateFetch(og, other, `/v1/deployments/${id}`), 403, 'getDeployment', 'urn:dinfra:ogate:forbidden-type');
    expectProblem(await ogateFetch(og, other, '/v1/deployments?type=substrate-node'), 403, 'listDeployments');
    expectProblem(await ogateFetch(og, other, `/v1/deployments/${id}/status`, { method: 'PUT', body: { generation: 1, state: 'provisioning' } }), 403, 'reportStatus');
    expectProblem(await ogateFetch(og, other, `/v1/deployments/${id}/terminate`, { method: 'POST', body: { reason: 'no' } }), 403, 'terminateDeployment');
    // It sees none of them in the list.
    const list = await ogateFetch(og, other, '/v1/deployments');
    expect(list.body.deployments).toEqual([]);
  });

  it('404 for unknown deployments, reports and routes', async () => {
    expectProblem(await ogateFetch(og, token, '/v1/deployments/999999'), 404, 'getDeployment', 'urn:dinfra:ogate:not-found');
    expectProblem(await ogateFetch(og, token, '/v1/deployments/999999/status', { method: 'PUT', body: { generation: 1, state: 'provisioning' } }), 404, 'reportStatus');
    expectProblem(await ogateFetch(og, token, '/v1/reports/123456'), 404, 'getReport');
    const r = await ogateFetch(og, token, '/v1/nothing');
    expect(r.status).toBe(404);
    expect(r.contentType).toContain('application/problem+json');
  });

  it('400 for bodies and parameters that do not match the contract, naming the field', async () => {
    const id = ids[0]!;
    const put = (body: unknown) => ogateFetch(og, token, `/v1/deployments/${id}/status`, { method: 'PUT', body });
    const bogus = await put({ generation: 1, state: 'bogus' });
    expectProblem(bogus, 400, 'reportStatus', 'urn:dinfra:ogate:bad-request');
    expect(JSON.stringify(bogus.body.errors)).toContain('state');
    const missing = await put({ state: 'provisioning' });
    expectProblem(missing, 400, 'reportStatus');
    expect(JSON.stringify(missing.body.errors)).toContain('generation');
    expectProblem(await put({ generation: 1, state: 'provisioning', extra: true }), 400, 'reportStatus');
    expectProblem(await put({ generation: 0, state: 'provisioning' }), 400, 'reportStatus');
    const noEndpoints = await put({ generation: 1, state: 'running' });
    expectProblem(noEndpoints, 400, 'reportStatus');
    expect(JSON.stringify(noEndpoints.body.errors)).toContain('endpoints');
    expectProblem(await put({ generation: 1, state: 'failed' }), 400, 'reportStatus');
    expectProblem(await put({ generation: 1, state: 'running', endpoints: Array(9).fill('wss://x') }), 400, 'reportStatus');
    expectProblem(await put('{"generation": 1,'), 400, 'reportStatus');
    expectProblem(await ogateFetch(og, token, '/v1/deployments/abc'), 400, 'getDeployment');
    expectProblem(await ogateFetch(og, token, '/v1/deployments?since=0&wait=61'), 400, 'listDeployments');
    expectProblem(await ogateFetch(og, token, '/v1/deployments?since=-1'), 400, 'listDeployments');
    expectProblem(await ogateFetch(og, token, `/v1/deployments/${id}/terminate`, { method: 'POST', body: {} }), 400, 'terminateDeployment');
    expectProblem(await ogateFetch(og, token, '/v1/events', { headers: { 'last-event-id': 'x' } }), 400, 'streamEvents');
  });

  it('409 for a stale generation, an illegal transition, an absent deployment', async () => {
    const id = ids[0]!;
    const stale = await ogateFetch(og, token, `/v1/deployments/${id}/status`, { method: 'PUT', body: { generation: 2, state: 'provisioning' } });
    expectProblem(stale, 409, 'reportStatus', 'urn:dinfra:ogate:stale-generation');
    const illegal = await ogateFetch(og, token, `/v1/deployments/${id}/status`, { method: 'PUT', body: { generation: 1, state: 'degraded' } });
    expectProblem(illegal, 409, 'reportStatus', 'urn:dinfra:ogate:illegal-transition');
  });

  it('none of the bad requests changed anything on chain', async () => {
    const before = await chainSnapshot();
    await new Promise((r) => setTimeout(r, 1500));
    expect(await chainSnapshot()).toEqual(before);
    for (const id of ids.slice(0, 3)) expect((await api.query.subscriptions.subscriptions(id)).unwrap().status.isAwarded).toBe(true);
    const metrics = await ogateFetch(og, undefined, '/metrics');
    expect(metrics.body).toContain('dinfra_ogate_outbox_depth 0');
  });
});

describe('a burst of reports', () => {
  it('100 reports sent at once land exactly once each, in at most 2 extrinsics', async () => {
    const burst = ids.slice(1, 101);
    const nonceBefore = (await api.rpc.system.accountNextIndex(bob.address)).toNumber();
    const bestBefore = (await api.rpc.chain.getHeader()).number.toNumber();
    const replies = await Promise.all(burst.map((id) => ogateFetch(og, token, `/v1/deployments/${id}/status`, { method: 'PUT', body: { generation: 1, state: 'provisioning' } })));
    for (const r of replies) expect(r.status, JSON.stringify(r.body)).toBe(202);
    // Each report reaches finalized.
    const reportIds = replies.map((r) => r.body.reportId as string);
    for (let i = 0; i < 300; i++) {
      const st = await Promise.all(reportIds.map((rid) => ogateFetch(og, token, `/v1/reports/${rid}`).then((r) => r.body.status)));
      if (st.every((s) => s === 'finalized')) break;
      expect(st.filter((s) => s === 'failed')).toEqual([]);
      await new Promise((r) => setTimeout(r, 100));
    }
    const nonceAfter = (await api.rpc.system.accountNextIndex(bob.address)).toNumber();
    if (process.env.DEBUG_OGATE) console.log(og.logs().split("\n").filter((l) => /signed|queued|re-signed|refused/.test(l)).map((l) => { const j = JSON.parse(l); return `${j.time} ${j.msg} ${j.calls ?? ""} ${j.nonce ?? ""} ${j.err ?? ""}`; }).join("\n"));
    expect(nonceAfter - nonceBefore).toBeGreaterThanOrEqual(1);
    expect(nonceAfter - nonceBefore).toBeLessThanOrEqual(2);
    // Exactly one StatusChanged per subscription in the blocks since.
    const bestAfter = (await api.rpc.chain.getHeader()).number.toNumber();
    const seen = new Map<string, number>();
    for (let n = bestBefore + 1; n <= bestAfter; n++) {
      const events = await (await api.at(await api.rpc.chain.getBlockHash(n))).query.system.events();
      for (const { event } of events) if (api.events.subscriptions.StatusChanged.is(event)) seen.set(event.data[0].toString(), (seen.get(event.data[0].toString()) ?? 0) + 1);
    }
    expect(seen.size).toBe(100);
    for (const id of burst) expect(seen.get(id.toString())).toBe(1);
    const statuses = await api.query.subscriptions.subscriptions.multi(burst);
    expect(statuses.every((s) => s.unwrap().status.isProvisioning)).toBe(true);
  });
});
