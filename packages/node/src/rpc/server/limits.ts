import type { RpcServerLimits } from './types.ts';

/** Substrate's defaults (`sc-cli` RPC params). Sizes on the CLI are in MB (1 MB = 1024 * 1024 bytes). */
export const RPC_DEFAULT_MAX_REQUEST_SIZE_MB = 15;
export const RPC_DEFAULT_MAX_RESPONSE_SIZE_MB = 15;
export const RPC_DEFAULT_MAX_CONNECTIONS = 100;
export const RPC_DEFAULT_MAX_SUBSCRIPTIONS_PER_CONNECTION = 1024;
export const RPC_DEFAULT_PORT = 9944;

export const mbToBytes = (mb: number): number => Math.floor(mb * 1024 * 1024);

export const DEFAULT_RPC_LIMITS: Readonly<RpcServerLimits> = {
  maxRequestBytes: mbToBytes(RPC_DEFAULT_MAX_REQUEST_SIZE_MB),
  maxResponseBytes: mbToBytes(RPC_DEFAULT_MAX_RESPONSE_SIZE_MB),
  maxConnections: RPC_DEFAULT_MAX_CONNECTIONS,
  maxSubscriptionsPerConnection: RPC_DEFAULT_MAX_SUBSCRIPTIONS_PER_CONNECTION,
};

export function resolveLimits(partial: Partial<RpcServerLimits> | undefined): RpcServerLimits {
  const merged: RpcServerLimits = { ...DEFAULT_RPC_LIMITS };
  for (const [key, value] of Object.entries(partial ?? {})) {
    if (value !== undefined) (merged as unknown as Record<string, number>)[key] = value;
  }
  for (const key of ['maxRequestBytes', 'maxResponseBytes', 'maxConnections', 'maxSubscriptionsPerConnection'] as const) {
    const v = merged[key];
    if (!Number.isInteger(v) || v < 0) throw new RangeError(`rpc limit ${key} must be a non-negative integer, got ${v}`);
  }
  return merged;
}

/** WS messages above this close the socket (1009); between maxRequestBytes and this they get -32007. */
export function wsHardMax(limits: RpcServerLimits): number {
  return limits.wsHardMaxMessageBytes ?? Math.max(limits.maxRequestBytes * 2, limits.maxRequestBytes + 1024 * 1024);
}

/** Counts open WS sockets plus in-flight HTTP requests against `--rpc-max-connections`. */
export class ConnectionGuard {
  private active = 0;
  constructor(readonly max: number) {}
  get count(): number {
    return this.active;
  }
  tryAcquire(): boolean {
    if (this.active >= this.max) return false;
    this.active++;
    return true;
  }
  release(): void {
    if (this.active > 0) this.active--;
  }
}
