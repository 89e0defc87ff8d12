/** The chain's legal transitions (runtime-specs/dinfra.md, "Life cycle"), to refuse a report before it costs a fee. */
import { legalReport, stateAfter } from '@dinfra/runtime-specs';
import type { ChainState } from '../store/deployment-row.ts';
import type { ReportKind, ReportRow } from '../store/report-rows.ts';

/** The state the chain will be in once the open reports land (the last one wins). */
export function effectiveState(chain: ChainState, open: ReportRow[]): ChainState {
  const last = open[open.length - 1];
  if (!last) return chain;
  return stateAfter(last.kind);
}

/** Whether the chain takes the report (@dinfra/runtime-specs' transition table). */
export function legalNext(from: ChainState, kind: ReportKind, endpoints: string[] | null, current: string[]): boolean {
  return legalReport(from, kind, endpoints, current);
}
