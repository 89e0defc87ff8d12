/**
 * `@dinfra/monitor`: JSON-RPC checks over WebSocket, SQLite history, incidents, alarms and a status
 * page for Substrate endpoints and DINFRA deployments.
 *
 * @example
 * ```ts
 * import { Monitor, compileConfig } from '@dinfra/monitor';
 * const m = Monitor.create(compileConfig({}, { targets: [{ name: 'alice', url: 'ws://127.0.0.1:9944' }], dataDir: './mon' }));
 * const { url } = await m.start();
 * ```
 */
export { Monitor, parseListen } from './monitor.ts';
export { main } from './main.ts';
export { compileConfig, readConfigFile } from './config/load-config.ts';
export { configSchema } from './config/schema.ts';
export type { MonitorConfig, MonitorConfigInput, TargetConfig, ChecksConfig } from './config/schema.ts';
export { evaluate, noteHead } from './checks/evaluate.ts';
export type { Observation, HeadState, EvaluationContext } from './checks/evaluate.ts';
export { CHECK_NAMES, CHECK_LABEL, SEVERITY, statusOf, primaryFailure } from './checks/types.ts';
export type { CheckName, CheckResult, Failure, Status, Severity } from './checks/types.ts';
export { quorumVerdict } from './incidents/quorum.ts';
export { sign, verify } from './locations/signing.ts';
export type { IncidentChange } from './incidents/incident-engine.ts';
export type { Incident, IncidentEvent } from './store/incidents-store.ts';
export { deploymentsToTargets } from './targets/ogate-targets.ts';
export { renderStatusPage } from './page/status-page.ts';
export { targetViews } from './server/views.ts';
export { MonitorError, ConfigError, UnreachableError, CallTimeoutError, InvalidReplyError, RpcErrorReply, ApiRequestError } from './errors.ts';
