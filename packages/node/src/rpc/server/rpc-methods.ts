import type { RpcMethod, RpcMethodTable, RpcSubscription } from './types.ts';

export type ResolvedMethod =
  | { kind: 'method'; fn: RpcMethod }
  | { kind: 'subscribe'; def: RpcSubscription }
  | { kind: 'unsubscribe' };

const hasOwn = (o: object, key: string): boolean => Object.prototype.hasOwnProperty.call(o, key);

export function isSubscription(entry: RpcMethod | RpcSubscription | undefined): entry is RpcSubscription {
  return typeof entry === 'object' && entry !== null && typeof entry.start === 'function';
}

/** Look a name up in the table (own keys only, so `toString` & co. are "Method not found"). */
export function resolveMethod(table: RpcMethodTable, name: string): ResolvedMethod | undefined {
  if (hasOwn(table, name)) {
    const entry = table[name];
    if (typeof entry === 'function') return { kind: 'method', fn: entry };
    if (isSubscription(entry)) return { kind: 'subscribe', def: entry };
    return undefined;
  }
  for (const entry of Object.values(table)) {
    if (isSubscription(entry) && entry.unsubscribe.includes(name)) return { kind: 'unsubscribe' };
  }
  return undefined;
}

/** Result of `rpc_methods`: every method, subscribe and unsubscribe name, sorted. */
export function rpcMethodsResult(table: RpcMethodTable): { version: 1; methods: string[] } {
  const names = new Set<string>();
  for (const [name, entry] of Object.entries(table)) {
    names.add(name);
    if (isSubscription(entry)) for (const u of entry.unsubscribe) names.add(u);
  }
  return { version: 1, methods: [...names].sort() };
}
