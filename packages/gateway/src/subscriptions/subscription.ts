import type { Upstream } from '../upstream/upstream.ts';

/** What the client session needs from any held subscription. */
export interface Subscription {
  readonly id: string;
  readonly method: string;
  /** The upstream it currently lives on and its id there (undefined while moving). */
  readonly upstream: Upstream | undefined;
  readonly upstreamId: string | undefined;
  /** Unsubscribes upstream (best effort) and stops delivering. */
  close(): Promise<void>;
}

/** Sends one notification to the client. */
export type Deliver = (method: string, subscription: string, result: unknown) => void;
