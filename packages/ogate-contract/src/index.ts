/**
 * `@dinfra/ogate-contract`: OGate's reactor API as a package of its own: the contract
 * (openapi.yaml), its generated types, the typed client and the mapping of refused responses
 * to named errors. A reactor depends on this, never on OGate itself. Conformance checks are
 * at `@dinfra/ogate-contract/conformance`; an in-process fake OGate at `/testing`.
 *
 * @example
 * import { createOGateClient, responseError } from '@dinfra/ogate-contract';
 * const ogate = createOGateClient({ baseUrl: 'http://127.0.0.1:8420', token });
 * const { data, error, response } = await ogate.GET('/v1/deployments', { params: { query: {} } });
 * if (!data) throw responseError('GET /v1/deployments', response, error);
 * @module
 */
export { createOGateClient, eventsUrl } from './client.ts';
export type {
  Billing, BlockRef, ChainState, Deployment, DeploymentId, DeploymentList, FailedReport, Health,
  ListDeploymentsQuery, Offering, OGateClient, OGateClientOptions, ProgressReport, Provider, Report,
  ReportAccepted, ReportBody, ReportStatus, RunningReport, StatusReportRequest, TerminateRequest,
  components, operations, paths,
} from './client.ts';
export { OGateError, PROBLEM, responseError, StaleGenerationError } from './errors.ts';
export type { Problem, ProblemType } from './errors.ts';
