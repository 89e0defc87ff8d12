/** One handler per operationId of openapi.yaml; `HandlerTable` makes the typecheck hold it to that. */
import type { HandlerTable } from '../deps.ts';
import { getDeployment } from './getDeployment.ts';
import { getProvider } from './getProvider.ts';
import { getReport } from './getReport.ts';
import { listDeployments } from './listDeployments.ts';
import { getMetrics } from './getMetrics.ts';
import { getOpenApi } from './getOpenApi.ts';
import { healthz } from './healthz.ts';
import { readyz } from './readyz.ts';
import { reportStatus } from './reportStatus.ts';
import { streamEvents } from './streamEvents.ts';
import { terminateDeployment } from './terminateDeployment.ts';

export const HANDLERS: HandlerTable = {
  listDeployments,
  getDeployment,
  reportStatus,
  terminateDeployment,
  getReport,
  streamEvents,
  getProvider,
  healthz,
  readyz,
  getOpenApi,
  getMetrics,
};
