/** The checks a round runs, in the order of precedence for an incident's cause. */
export const CHECK_NAMES = [
  'reachable',
  'timeout',
  'reply',
  'genesis',
  'head-advancing',
  'new-heads',
  'health',
  'head-lag',
  'finality-lag',
  'latency',
  'upstreams',
] as const;
export type CheckName = (typeof CHECK_NAMES)[number];

/** `down`: the endpoint does not serve its chain; `degraded`: it serves, but not as it should. */
export type Severity = 'down' | 'degraded';
export const SEVERITY: Record<CheckName, Severity> = {
  reachable: 'down',
  timeout: 'down',
  reply: 'down',
  genesis: 'down',
  'head-advancing': 'down',
  'new-heads': 'degraded',
  health: 'degraded',
  'head-lag': 'degraded',
  'finality-lag': 'degraded',
  latency: 'degraded',
  upstreams: 'degraded',
};

/** Human label of a failing check, used as an incident's cause. */
export const CHECK_LABEL: Record<CheckName, string> = {
  reachable: 'unreachable',
  timeout: 'not answering',
  reply: 'invalid reply',
  genesis: 'genesis mismatch',
  'head-advancing': 'head not advancing',
  'new-heads': 'no new heads',
  health: 'unhealthy',
  'head-lag': 'head lag',
  'finality-lag': 'finality lag',
  latency: 'slow',
  upstreams: 'upstream down',
};

export interface Failure {
  check: CheckName;
  message: string;
}

export type Status = 'up' | 'degraded' | 'down';

/** One round of checks on one target from one location. */
export interface CheckResult {
  target: string;
  location: string;
  at: number;
  status: Status;
  failures: Failure[];
  best?: number;
  finalized?: number;
  headLag?: number;
  finalityLag?: number;
  peers?: number;
  genesis?: string;
  /** Milliseconds per probe method (answered calls only). */
  latencies: Record<string, number>;
  upstreams?: { name: string; usable: boolean; reasons: string[] }[];
}

export const statusOf = (failures: Failure[]): Status =>
  failures.some((f) => SEVERITY[f.check] === 'down') ? 'down' : failures.length ? 'degraded' : 'up';

/** The failing check that names an incident: the first in {@link CHECK_NAMES} order. */
export const primaryFailure = (failures: Failure[]): Failure | undefined =>
  [...failures].sort((a, b) => CHECK_NAMES.indexOf(a.check) - CHECK_NAMES.indexOf(b.check))[0];
