/** The outbox's rows: status reports and terminations, and the extrinsics that carry them. */
export type ReportKind = 'provisioning' | 'running' | 'degraded' | 'failed' | 'terminate';
/** queued -> submitted -> in-block -> finalized | failed; reflected: nothing had to go on chain. */
export type ReportStatus = 'queued' | 'submitted' | 'in-block' | 'finalized' | 'failed' | 'reflected';

export interface DispatchErrorInfo {
  pallet?: string;
  name: string;
  docs?: string;
}

export interface ReportRow {
  id: number;
  deploymentId: string;
  generation: number;
  kind: ReportKind;
  endpoints: string[] | null;
  reason: string | null;
  status: ReportStatus;
  extrinsicId: number | null;
  itemIndex: number | null;
  blockHash: string | null;
  blockNumber: number | null;
  error: DispatchErrorInfo | null;
  createdAt: string;
  updatedAt: string;
  queuedMs: number;
}

/** pending: signed (maybe submitted); included: seen in a finalized block; dead: can never be included. */
export type ExtrinsicStatus = 'pending' | 'included' | 'dead';

export interface ExtrinsicRow {
  id: number;
  nonce: number;
  hash: string;
  birth: number;
  period: number;
  status: ExtrinsicStatus;
  reportIds: number[];
  signedMs: number;
  blockNumber: number | null;
  blockHash: string | null;
}

export const OPEN_STATUSES: ReportStatus[] = ['queued', 'submitted', 'in-block'];
