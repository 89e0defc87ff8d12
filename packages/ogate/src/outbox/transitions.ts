/** The chain's legal transitions (runtime-specs/dinfra.md, "Life cycle"), to refuse a report before it costs a fee. */
import type { ChainState } from '../store/deployment-row.ts';
import type { ReportKind, ReportRow } from '../store/report-rows.ts';

/** The state the chain will be in once the open reports land (the last one wins). */
export function effectiveState(chain: ChainState, open: ReportRow[]): ChainState {
  const last = open[open.length - 1];
  if (!last) return chain;
  if (last.kind === 'failed' || last.kind === 'terminate') return 'terminated';
  return last.kind;
}

export function legalNext(from: ChainState, kind: ReportKind, endpoints: string[] | null, current: string[]): boolean {
  if (from === 'terminated') return false;
  switch (kind) {
    case 'failed':
    case 'terminate':
      return true;
    case 'provisioning':
      return from === 'awarded' || from === 'provisioning';
    case 'running':
      return from === 'provisioning' || from === 'degraded' || (from === 'running' && JSON.stringify(endpoints) !== JSON.stringify(current));
    case 'degraded':
      return from === 'running' || from === 'degraded';
  }
}
