import { PermanentBackendError } from '../backend.ts';

export interface RetryPolicy {
  /** Attempts in all (>= 1). */
  readonly attempts: number;
  readonly baseMs: number;
  readonly maxMs: number;
}

/** Exponential back-off with full jitter: attempt n waits up to min(base·2^(n-1), max). */
export const backoffMs = (p: RetryPolicy, attempt: number, random = Math.random): number =>
  Math.round(Math.min(p.baseMs * 2 ** (attempt - 1), p.maxMs) * (0.5 + random() / 2));

export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const t = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(t);
      reject(signal!.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * Runs `f(attempt)` until it succeeds, a `PermanentBackendError` is thrown (no retry), the
 * attempts run out (the last error is thrown), or `signal` aborts.
 */
export async function withRetries<T>(p: RetryPolicy, signal: AbortSignal, f: (attempt: number) => Promise<T>, onRetry?: (err: unknown, attempt: number, waitMs: number) => void): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await f(attempt);
    } catch (err) {
      if (err instanceof PermanentBackendError || attempt >= p.attempts || signal.aborted) throw err;
      const wait = backoffMs(p, attempt);
      onRetry?.(err, attempt, wait);
      await sleep(wait, signal);
    }
  }
}
