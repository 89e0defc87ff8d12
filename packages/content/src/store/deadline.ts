import { setMaxListeners } from 'node:events';
import { ContentNotFoundError } from '../errors.ts';
import { DEFAULT_TIMEOUT_MS, type GetOptions } from './types.ts';

/**
 * Runs `fn` with a signal that aborts after `timeoutMs` or when the caller's signal does.
 * Running out of time is ContentNotFoundError (the content was not had in time); the
 * caller's abort rejects with the caller's reason. Settles on time even if `fn` ignores
 * the signal.
 */
export async function withDeadline<T>(what: string, o: GetOptions, fn: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const timeoutMs = o.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const timeout = AbortSignal.timeout(timeoutMs);
  const signal = o.signal ? AbortSignal.any([o.signal, timeout]) : timeout;
  // The UnixFS exporter listens on the signal once per block in flight.
  setMaxListeners(0, signal);
  signal.throwIfAborted();
  let onAbort: (() => void) | undefined;
  const aborted = new Promise<never>((_, reject) => {
    onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
  });
  try {
    return await Promise.race([fn(signal), aborted]);
  } catch (e) {
    if (timeout.aborted && !o.signal?.aborted) throw new ContentNotFoundError(`${what} was not had within ${timeoutMs} ms`, { cause: e });
    if (o.signal?.aborted) throw o.signal.reason;
    throw e;
  } finally {
    signal.removeEventListener('abort', onAbort!);
  }
}
