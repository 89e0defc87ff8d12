/** In-process notifications after a committed change (long-polls, SSE, the fetcher, the signer). */
import { EventEmitter } from 'node:events';

export class Changes extends EventEmitter<{ revision: [number]; fetch: []; outbox: []; cursor: [number] }> {
  constructor() {
    super();
    this.setMaxListeners(0);
  }

  /** Resolves with the newest revision once it passes `since`, or undefined after `ms`. */
  waitPast(since: number, current: () => number, ms: number, signal?: AbortSignal): Promise<number | undefined> {
    const now = current();
    if (now > since) return Promise.resolve(now);
    return new Promise((resolve) => {
      const done = (v: number | undefined) => {
        clearTimeout(timer);
        this.off('revision', onRev);
        signal?.removeEventListener('abort', onAbort);
        resolve(v);
      };
      const onRev = (r: number) => {
        if (r > since) done(r);
      };
      const onAbort = () => done(undefined);
      const timer = setTimeout(() => done(undefined), ms);
      this.on('revision', onRev);
      signal?.addEventListener('abort', onAbort);
    });
  }
}
