/**
 * Whether the chain (as OGate last saw it at its cursor) already reflects a report, or the
 * report no longer applies. Used when a report arrives and again right before signing.
 */
import type { DeploymentRow } from '../store/deployment-row.ts';
import type { ReportKind } from '../store/report-rows.ts';

export type Applicability = 'needed' | 'reflected' | 'stale';

const sameEndpoints = (a: string[], b: string[] | null | undefined) => JSON.stringify(a) === JSON.stringify(b ?? []);

export function applicability(row: DeploymentRow | undefined, r: { generation: number; kind: ReportKind; endpoints?: string[] | null }): Applicability {
  if (!row || row.generation !== r.generation) return 'stale';
  if (r.kind === 'terminate') return row.desired === 'absent' || row.state === 'terminated' ? 'reflected' : 'needed';
  if (r.kind === 'failed') return row.desired === 'absent' ? 'reflected' : 'needed';
  if (row.desired === 'absent') return 'stale';
  switch (r.kind) {
    case 'provisioning':
      return row.state === 'awarded' ? 'needed' : 'reflected';
    case 'running':
      return row.state === 'running' && sameEndpoints(row.endpoints, r.endpoints) ? 'reflected' : 'needed';
    case 'degraded':
      return row.state === 'degraded' ? 'reflected' : 'needed';
  }
}
