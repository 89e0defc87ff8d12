import { primaryFailure, type CheckResult, type Failure } from '../checks/types.ts';

export interface QuorumVerdict {
  /** Enough locations agree that the target fails. */
  failing: boolean;
  /** The cause named by the failing locations (the first by check precedence). */
  primary?: Failure;
  /** Locations whose latest result fails. */
  failingLocations: string[];
  /** Locations with a fresh result. */
  locations: string[];
  /** Quorum in force: min(configured, fresh locations). */
  quorum: number;
}

/**
 * Combines the latest result of each location: failing when at least `quorum` locations fail
 * (at most `alive`, the locations that are up and pushing), so one bad route alone never opens an
 * incident.
 */
export function quorumVerdict(latest: CheckResult[], quorum: number, alive = latest.length): QuorumVerdict {
  const failingResults = latest.filter((r) => r.status !== 'up');
  const effective = Math.max(1, Math.min(quorum, alive));
  const failing = latest.length > 0 && failingResults.length >= effective;
  const primary = primaryFailure(failingResults.flatMap((r) => r.failures));
  return {
    failing,
    primary,
    failingLocations: failingResults.map((r) => r.location),
    locations: latest.map((r) => r.location),
    quorum: effective,
  };
}
