/** The deployments table's row: the internal model of a deployment (one row per subscription awarded to this provider). */
export type Desired = 'present' | 'absent';
export type ChainState = 'awarded' | 'provisioning' | 'running' | 'degraded' | 'terminated';
/** fetching: descriptor not yet verified (not served); ready: served; rejected: reported Failed (never served). */
export type Phase = 'fetching' | 'ready' | 'rejected';

export interface Billing {
  pricePerBlock: string;
  deposit: string;
  remaining: string;
  expiresAt: number | null;
}

export interface DeploymentRow {
  id: string;
  typeId: number;
  type: string;
  generation: number;
  desired: Desired;
  state: ChainState;
  endpoints: string[];
  phase: Phase;
  descriptorCid: string;
  /** The verified descriptor without `secrets`. */
  descriptor: Record<string, unknown> | null;
  /** The sealed secrets as the descriptor holds them (opened only when served). */
  sealedSecrets: Record<string, string> | null;
  billing: Billing;
  subscriber: string;
  awardedAt: number;
  /** Wall clock (ms) when OGate processed the award (award -> served metric). */
  awardedMs: number;
  reason: string | null;
  /** The revision of the last change of any field (what `since` long-polls compare). */
  revision: number;
  /** The revision of the last change a reactor acts on (award, desired, descriptor); status-only changes keep it. */
  specRevision: number;
  absentSince: number | null;
  fetchAttempts: number;
  fetchNextAt: number;
}
