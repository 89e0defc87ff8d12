/**
 * The port a reactor backend implements: four operations over the resources it made.
 *
 * Every resource is named and tagged from (provider, subscription id, generation), so the
 * reactor can find any resource again after a crash by listing the backend: see
 * `resourceName` / `resourceTags` in `naming.ts`.
 */

/** Identifies what a resource was made for. */
export interface ResourceKey {
  /** The provider's SS58 address. */
  readonly provider: string;
  /** Subscription id (u64, decimal). */
  readonly id: string;
  /** Award generation, from 1. */
  readonly generation: number;
}

/** What the backend gets to create: one desired deployment, with its launch plan rendered. */
export interface DeploymentSpec {
  readonly key: ResourceKey;
  /** Deterministic name `dinfra-<providerTag>-<id>-<generation>` (see naming.ts). */
  readonly name: string;
  /** Tags to put on every resource (see naming.ts). */
  readonly tags: Readonly<Record<string, string>>;
  /** Deployment type name, e.g. `substrate-node`. */
  readonly type: string;
  /** The verified descriptor (without secrets). */
  readonly descriptor: Readonly<Record<string, unknown>>;
  /** Opened secrets; never log them. */
  readonly secrets: Readonly<Record<string, string>>;
}

export type ResourceState = 'creating' | 'running' | 'stopped' | 'failed' | 'destroying' | 'unknown';

/** A resource as the backend lists it. */
export interface Resource {
  readonly key: ResourceKey;
  readonly name: string;
  /** The backend's own id (pid:starttime, VM uuid, instance id). */
  readonly backendId: string;
  readonly state: ResourceState;
  /** Endpoints to report once healthy (e.g. `ws://203.0.113.5:9944`). */
  readonly endpoints: readonly string[];
  /** Free-form, backend-specific details for `inspect` / logs. */
  readonly details?: Readonly<Record<string, unknown>>;
}

/** A durable key-value record for one operation, kept in the reactor's store across crashes. */
export interface Checkpoint {
  get(key: string): string | undefined;
  set(key: string, value: string): void;
  delete(key: string): void;
}

export interface Logger {
  debug(obj: object | string, msg?: string): void;
  info(obj: object | string, msg?: string): void;
  warn(obj: object | string, msg?: string): void;
  error(obj: object | string, msg?: string): void;
  child(bindings: Record<string, unknown>): Logger;
}

/** Passed to every backend call (like Temporal's activity Context). */
export interface OperationContext {
  /** Aborted when the reactor stops or the operation times out. */
  readonly signal: AbortSignal;
  readonly log: Logger;
  /** 1 for the first try, then 2, 3... */
  readonly attempt: number;
  /** Report progress (shown in logs and metrics); also a heartbeat. */
  progress(message: string, details?: Record<string, unknown>): void;
  /** Durable per-resource record (e.g. a cloud's async job id), keyed by the resource name. */
  readonly checkpoint: Checkpoint;
}

/**
 * A reactor backend. Implementations must be safe to call again after a crash:
 * `create` for a name that already exists adopts it (returns the existing resource) instead of
 * making a second one; `destroy` of something already gone succeeds.
 */
export interface Backend {
  /** e.g. `local`, `cloudstack`, `aws`. */
  readonly name: string;
  /** Deployment types this backend serves. */
  readonly types: readonly string[];
  create(spec: DeploymentSpec, ctx: OperationContext): Promise<Resource>;
  destroy(resource: Resource, ctx: OperationContext): Promise<void>;
  /** Every resource this backend made for this provider (found by tag), whatever its state. */
  list(ctx: OperationContext): Promise<Resource[]>;
  /** Fresh state of one resource; `undefined` when it no longer exists. */
  inspect(resource: Resource, ctx: OperationContext): Promise<Resource | undefined>;
  /** Optional self-heal: restart an unhealthy resource in place. */
  restart?(resource: Resource, ctx: OperationContext): Promise<Resource>;
  /** Optional: release clients, timers, child processes (not the resources). */
  close?(): Promise<void>;
}

/** Thrown by a backend for a failure that retrying cannot fix (bad descriptor, quota). */
export class PermanentBackendError extends Error {
  static readonly errorName: string = 'PermanentBackendError';
  override readonly name: string = 'PermanentBackendError';
  constructor(
    message: string,
    readonly code: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
