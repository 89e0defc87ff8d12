import type { Checkpoint, Logger, OperationContext } from './backend.ts';

export interface ContextInit {
  readonly signal?: AbortSignal;
  readonly log: Logger;
  readonly attempt?: number;
  readonly checkpoint?: Checkpoint;
  readonly onProgress?: (message: string, details?: Record<string, unknown>) => void;
}

/** A checkpoint that lives in memory only (tests, and backends that need none). */
export function memoryCheckpoint(): Checkpoint {
  const m = new Map<string, string>();
  return { get: (k) => m.get(k), set: (k, v) => void m.set(k, v), delete: (k) => void m.delete(k) };
}

/** Builds the `OperationContext` passed to a backend call. */
export function operationContext(init: ContextInit): OperationContext {
  return {
    signal: init.signal ?? new AbortController().signal,
    log: init.log,
    attempt: init.attempt ?? 1,
    checkpoint: init.checkpoint ?? memoryCheckpoint(),
    progress(message, details) {
      init.log.debug({ ...details, progress: message }, message);
      init.onProgress?.(message, details);
    },
  };
}
