import type { Deployment, OGateClient, Provider } from '@dinfra/ogate-contract';
import type { Backend, Logger, Resource } from '../backend.ts';
import type { HealthPolicy } from '../health/tracker.ts';
import type { ProbeResult } from '../health/probe.ts';
import type { ReactorStore } from '../store/index.ts';
import { ReactorMetrics } from './metrics.ts';
import type { RetryPolicy } from './retry.ts';

export interface ReactorOptions {
  readonly client: OGateClient;
  readonly backend: Backend;
  readonly store: ReactorStore;
  readonly log: Logger;
  /** What `GET /v1/provider` said (refreshed at every resync); the provider account names resources. */
  readonly provider: { current: Provider };
  readonly metrics?: ReactorMetrics;
  /** Wait this long after OGate says `absent` before destroying. @default 0 */
  readonly graceMs?: number;
  /** A complete listing and reconcile pass at least this often. @default 60000 */
  readonly resyncMs?: number;
  /** Long-poll wait in seconds. @default 30 */
  readonly longPollS?: number;
  /** Orphan sweep at least this often. @default 600000 */
  readonly orphanSweepMs?: number;
  /** Health probes this often. @default 10000 */
  readonly probeIntervalMs?: number;
  /** Creates/destroys at once. @default 8 */
  readonly concurrency?: number;
  /** @default { attempts: 5, baseMs: 1000, maxMs: 30000 } */
  readonly createRetry?: RetryPolicy;
  /** @default { restartAfter: 2, degradedAfter: 4, stallMs: 120000 } */
  readonly health?: Partial<HealthPolicy>;
  /** A deployment that never became healthy is restarted after this long. @default 60000 */
  readonly startupGraceMs?: number;
  /**
   * Failed probes in a row after which a `cloud-init` deployment that never ran (a declared
   * port that never accepts connections) is reported `failed`. @default 30
   */
  readonly portProbeLimit?: number;
  /** The genesis a deployment's nodes must serve, when known. */
  readonly expectedGenesis?: (d: Deployment) => string | undefined;
  /** Where the chain is (for the stall check), when known. */
  readonly referenceHead?: (d: Deployment) => number | undefined;
  /** Health check; default: the Substrate JSON-RPC probe for node types, backend state for others. */
  readonly probe?: (d: Deployment, r: Resource) => Promise<ProbeResult>;
}

/** The one defaults table of the reactor's options (production values; the CLI's config schema takes its defaults from here). */
export const DEFAULTS = {
  graceMs: 0,
  resyncMs: 60_000,
  longPollS: 30,
  orphanSweepMs: 600_000,
  probeIntervalMs: 10_000,
  concurrency: 8,
  createRetry: { attempts: 5, baseMs: 1000, maxMs: 30_000 },
  health: { restartAfter: 2, degradedAfter: 4, stallMs: 120_000 },
  startupGraceMs: 60_000,
  portProbeLimit: 30,
} as const;

type Defaulted = keyof typeof DEFAULTS;

/** The options with every default filled in (what the loop's parts read). */
export type CompiledReactorOptions = Omit<ReactorOptions, Defaulted | 'metrics'> & {
  readonly [K in Exclude<Defaulted, 'createRetry' | 'health'>]-?: number;
} & {
  readonly metrics: ReactorMetrics;
  readonly createRetry: RetryPolicy;
  readonly health: HealthPolicy;
  /** Destroys retry as creates do by default (not configurable). */
  readonly destroyRetry: RetryPolicy;
};

/** Fills in the defaults (one place; `@default` on each option names the same values). */
export function compileReactorOptions(o: ReactorOptions): CompiledReactorOptions {
  return {
    ...o,
    graceMs: o.graceMs ?? DEFAULTS.graceMs,
    resyncMs: o.resyncMs ?? DEFAULTS.resyncMs,
    longPollS: o.longPollS ?? DEFAULTS.longPollS,
    orphanSweepMs: o.orphanSweepMs ?? DEFAULTS.orphanSweepMs,
    probeIntervalMs: o.probeIntervalMs ?? DEFAULTS.probeIntervalMs,
    concurrency: o.concurrency ?? DEFAULTS.concurrency,
    startupGraceMs: o.startupGraceMs ?? DEFAULTS.startupGraceMs,
    portProbeLimit: o.portProbeLimit ?? DEFAULTS.portProbeLimit,
    createRetry: o.createRetry ?? DEFAULTS.createRetry,
    health: { ...DEFAULTS.health, ...o.health },
    destroyRetry: DEFAULTS.createRetry,
    metrics: o.metrics ?? new ReactorMetrics(),
  };
}

/** Deployment types whose resources are Substrate nodes (probed over JSON-RPC). */
export const NODE_TYPES = new Set(['substrate-node', 'rpc-endpoint', 'snapshot-source']);
