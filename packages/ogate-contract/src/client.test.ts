/**
 * The client against the fake OGate: responses conform to the contract, refusals map to named
 * errors, and the report rules of the contract hold at compile time (the `@ts-expect-error`
 * lines fail `tsc -p tsconfig.json` the day an illegal report typechecks) and at run time.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOGateClient, OGateError, responseError, StaleGenerationError, type OGateClient, type ReportBody, type StatusReportRequest } from './index.ts';
import { requestErrors, responseErrors } from './conformance.ts';
import { FakeOGate } from './testing/index.ts';

// Compile-time refusals of illegal reports.
// @ts-expect-error running needs its endpoints
export const runningWithout: StatusReportRequest = { generation: 1, state: 'running' };
// @ts-expect-error failed needs a reason
export const failedWithout: StatusReportRequest = { generation: 1, state: 'failed' };
// @ts-expect-error endpoints go with running only
export const provisioningWith: StatusReportRequest = { generation: 1, state: 'provisioning', endpoints: ['ws://x'] };
// @ts-expect-error no such state
export const bogus: ReportBody = { state: 'bogus' };
export const legal: StatusReportRequest[] = [
  { generation: 1, state: 'provisioning' },
  { generation: 1, state: 'running', endpoints: ['ws://x'] },
  { generation: 1, state: 'degraded' },
  { generation: 1, state: 'failed', reason: 'quota' },
];

let fake: FakeOGate;
let ogate: OGateClient;

beforeAll(async () => {
  fake = await FakeOGate.start({ token: 'secret' });
  ogate = createOGateClient({ baseUrl: fake.url, token: 'secret' });
});
afterAll(() => fake.close());

describe('the contract', () => {
  it('holds the report rules at run time too (oneOf on state)', () => {
    for (const body of legal) expect(requestErrors('reportStatus', body)).toEqual([]);
    for (const body of [runningWithout, failedWithout, provisioningWith, { generation: 1, state: 'running', endpoints: [] }]) {
      expect(requestErrors('reportStatus', body).length, JSON.stringify(body)).toBeGreaterThan(0);
    }
  });
});

describe('createOGateClient against the fake OGate', () => {
  it('lists, reads and reports with conforming responses', async () => {
    fake.upsert({ id: '1' });
    const list = await ogate.GET('/v1/deployments', { params: { query: {} } });
    expect(responseErrors('listDeployments', 200, list.data)).toEqual([]);
    expect(list.data!.deployments.map((d) => d.id)).toEqual(['1']);
    const one = await ogate.GET('/v1/deployments/{id}', { params: { path: { id: '1' } } });
    expect(responseErrors('getDeployment', 200, one.data)).toEqual([]);
    const provider = await ogate.GET('/v1/provider');
    expect(responseErrors('getProvider', 200, provider.data)).toEqual([]);
    const r = await ogate.PUT('/v1/deployments/{id}/status', { params: { path: { id: '1' } }, body: { generation: 1, state: 'running', endpoints: ['ws://a'] } });
    expect(r.response.status).toBe(202);
    expect(responseErrors('reportStatus', 202, r.data)).toEqual([]);
    const again = await ogate.PUT('/v1/deployments/{id}/status', { params: { path: { id: '1' } }, body: { generation: 1, state: 'running', endpoints: ['ws://a'] } });
    expect(again.data).toEqual({ reportId: null, status: 'reflected' });
    expect(fake.violations).toEqual([]);
  });

  it('answers a request that breaks the contract with 400 and records the violation', async () => {
    fake.upsert({ id: '2' });
    const r = await ogate.PUT('/v1/deployments/{id}/status', { params: { path: { id: '2' } }, body: { generation: 1, state: 'failed' } as unknown as StatusReportRequest });
    expect(r.response.status).toBe(400);
    expect(responseErrors('reportStatus', 400, r.error)).toEqual([]);
    expect(fake.violations.some((v) => v.startsWith('reportStatus: ') && v.includes('reason'))).toBe(true);
  });

  it('maps refusals to named errors: 409 stale generation, 401 and others to OGateError with the status', async () => {
    fake.upsert({ id: '3', generation: 2 });
    const stale = await ogate.PUT('/v1/deployments/{id}/status', { params: { path: { id: '3' } }, body: { generation: 1, state: 'provisioning' } });
    expect(responseErrors('reportStatus', 409, stale.error)).toEqual([]);
    const e1 = responseError('report', stale.response, stale.error);
    expect(e1).toBeInstanceOf(StaleGenerationError);
    expect(e1.message).toContain('generation 2');
    const unauth = await createOGateClient({ baseUrl: fake.url, token: 'wrong' }).GET('/v1/provider');
    const e2 = responseError('GET /v1/provider', unauth.response, unauth.error);
    expect(e2).toBeInstanceOf(OGateError);
    expect((e2 as OGateError).status).toBe(401);
    expect(e2.message).toBe('GET /v1/provider: HTTP 401 a valid bearer token is required');
  });
});
