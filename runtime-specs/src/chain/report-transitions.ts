/**
 * The life cycle of `report_status` (runtime-specs/dinfra.md, "Life cycle"): which report the
 * chain takes in which state. OGate refuses an illegal report with it before it costs a fee.
 */

/** A subscription's state as a provider sees it. */
export type ReportFrom = 'awarded' | 'provisioning' | 'running' | 'degraded' | 'terminated';
/** What a provider sends: the four reports and `terminate`. */
export type ReportKind = 'provisioning' | 'running' | 'degraded' | 'failed' | 'terminate';

/** The table: report -> the states it may follow. `running` from `running` only with new endpoints. */
export const REPORT_TRANSITIONS: Readonly<Record<ReportKind, readonly ReportFrom[]>> = {
  provisioning: ['awarded', 'provisioning'],
  running: ['provisioning', 'degraded', 'running'],
  degraded: ['running', 'degraded'],
  failed: ['awarded', 'provisioning', 'running', 'degraded'],
  terminate: ['awarded', 'provisioning', 'running', 'degraded'],
};

/** The state a report leaves the subscription in (failed and terminate end the award). */
export const stateAfter = (kind: ReportKind): ReportFrom => (kind === 'failed' || kind === 'terminate' ? 'terminated' : kind);

/** Whether the chain takes `kind` in state `from` (`endpoints` of a running report against the current ones). */
export function legalReport(from: ReportFrom, kind: ReportKind, endpoints: readonly string[] | null = null, current: readonly string[] = []): boolean {
  if (!REPORT_TRANSITIONS[kind].includes(from)) return false;
  if (kind === 'running' && from === 'running') return JSON.stringify(endpoints) !== JSON.stringify(current);
  return true;
}
