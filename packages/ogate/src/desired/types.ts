/** The internal model of a deployment (one row per subscription awarded to this provider). */
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
  revision: number;
  absentSince: number | null;
  fetchAttempts: number;
  fetchNextAt: number;
}
