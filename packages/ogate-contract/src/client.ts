/**
 * The typed OGate reactor client: openapi-fetch over the openapi-typescript types that
 * ./schema.ts generates from openapi.yaml.
 *
 *   const ogate = createOGateClient({ baseUrl: 'http://127.0.0.1:8420', token });
 *   const { data, error, response } = await ogate.GET('/v1/deployments', { params: { query: { since: 0, wait: 30 } } });
 */
import createClient, { type Client } from 'openapi-fetch';
import type { components, operations, paths } from './schema.ts';

export type { components, operations, paths } from './schema.ts';

type Schemas = components['schemas'];
export type Deployment = Schemas['Deployment'];
export type DeploymentList = Schemas['DeploymentList'];
export type DeploymentId = Schemas['DeploymentId'];
export type ChainState = Schemas['ChainState'];
export type Billing = Schemas['Billing'];
/** A status report: `running` with endpoints, `failed` with a reason, or `provisioning` / `degraded`. */
export type StatusReportRequest = Schemas['StatusReportRequest'];
export type ProgressReport = Schemas['ProgressReport'];
export type RunningReport = Schemas['RunningReport'];
export type FailedReport = Schemas['FailedReport'];
/** A status report without its generation (what a reactor decides; the generation is the deployment's). */
export type ReportBody = StatusReportRequest extends infer R ? (R extends unknown ? Omit<R, 'generation'> : never) : never;
export type TerminateRequest = Schemas['TerminateRequest'];
export type ReportAccepted = Schemas['ReportAccepted'];
export type ReportStatus = Schemas['ReportStatus'];
export type Report = Schemas['Report'];
export type Offering = Schemas['Offering'];
export type BlockRef = Schemas['BlockRef'];
export type Provider = Schemas['Provider'];
export type Health = Schemas['Health'];

export type OGateClient = Client<paths>;

export interface OGateClientOptions {
  /** e.g. `http://127.0.0.1:8420` (no trailing `/v1`). */
  baseUrl: string;
  /** The reactor's JWT from `dinfra-ogate token create`. */
  token: string;
  /** A custom fetch (tests, proxies); defaults to the global fetch. */
  fetch?: typeof globalThis.fetch;
}

/** A typed client for OGate's reactor API, sending `Authorization: Bearer <token>` on every call. */
export function createOGateClient(options: OGateClientOptions): OGateClient {
  return createClient<paths>({
    baseUrl: options.baseUrl.replace(/\/+$/, ''),
    headers: { authorization: `Bearer ${options.token}` },
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
}

/** The URL of the Server-Sent Events stream (`GET /v1/events`), for an EventSource-like reader. */
export function eventsUrl(baseUrl: string, query: { type?: string; since?: number } = {}): string {
  const url = new URL('/v1/events', baseUrl);
  if (query.type !== undefined) url.searchParams.set('type', query.type);
  if (query.since !== undefined) url.searchParams.set('since', String(query.since));
  return url.toString();
}

export type ListDeploymentsQuery = NonNullable<operations['listDeployments']['parameters']['query']>;
