import { responseError, type DeploymentList, type OGateClient } from '@dinfra/ogate-contract';
import type { Logger } from '../backend.ts';
import { sleep } from './retry.ts';
import type { DesiredView } from './view.ts';

export interface WatcherOptions {
  readonly client: OGateClient;
  readonly view: DesiredView;
  readonly log: Logger;
  /** Called whenever the view changed (wakes the reconcile loop). */
  readonly onChange: () => void;
  /** Long-poll wait, seconds (OGate allows up to 60). @default 30 */
  readonly waitS?: number;
  /** A complete listing at least this often. @default 60000 */
  readonly resyncMs?: number;
}

/**
 * Keeps the view current: a complete listing at start and every `resyncMs`, and long-polls
 * (`since` + `wait`) in between, which return as soon as OGate has something newer.
 */
export class Watcher {
  readonly #stop = new AbortController();
  #loop: Promise<void> | undefined;
  #failures = 0;

  constructor(private readonly o: WatcherOptions) {}

  async list(query: { since?: number; wait?: number }): Promise<DeploymentList> {
    const { data, error, response } = await this.o.client.GET('/v1/deployments', { params: { query }, signal: this.#stop.signal });
    if (!data) throw responseError('GET /v1/deployments', response, error);
    return data;
  }

  /** One complete listing (also used by the reactor before its first pass). */
  async resync(): Promise<void> {
    if (this.o.view.apply(await this.list({}))) this.o.onChange();
  }

  start(): void {
    this.#loop = this.#run();
  }

  async stop(): Promise<void> {
    this.#stop.abort(new Error('stopped'));
    await this.#loop?.catch(() => undefined);
  }

  async #run(): Promise<void> {
    const signal = this.#stop.signal;
    while (!signal.aborted) {
      try {
        const untilResync = this.o.view.lastCompleteAt + (this.o.resyncMs ?? 60_000) - Date.now();
        if (untilResync <= 0) await this.resync();
        else {
          const wait = Math.max(1, Math.min(this.o.waitS ?? 30, Math.ceil(untilResync / 1000)));
          const list = await this.list({ since: this.o.view.revision, wait });
          if (this.o.view.apply(list)) this.o.onChange();
        }
        this.#failures = 0;
      } catch (err) {
        if (signal.aborted) return;
        this.#failures++;
        const wait = Math.min(500 * 2 ** Math.min(this.#failures, 5), 10_000);
        this.o.log.warn({ err: (err as Error).message, retryInMs: wait }, 'OGate unavailable: keeping the last view');
        await sleep(wait, signal).catch(() => undefined);
      }
    }
  }
}
