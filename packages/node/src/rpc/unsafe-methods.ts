import { RpcError, type RpcMethodTable } from './server/index.ts';

/**
 * Methods Substrate denies when RPC is not trusted (`DenyUnsafe`): they change the node's
 * state or reveal its network, or are expensive enough to be a denial-of-service vector.
 */
export const UNSAFE_METHODS = new Set([
  'author_removeExtrinsic',
  'state_getPairs',
  'state_queryStorage',
  'system_peers',
  'dev_newBlock',
  'system_dryRun',
]);

/** As polkadot-sdk: `auto` exposes unsafe methods only when RPC listens on loopback. */
export function unsafeAllowed(mode: 'auto' | 'safe' | 'unsafe', host: string): boolean {
  if (mode === 'unsafe') return true;
  if (mode === 'safe') return false;
  return host === '127.0.0.1' || host === 'localhost' || host === '::1';
}

/** The table with every unsafe method answering Substrate's -32601 "unsafe" error. */
export function denyUnsafe(table: RpcMethodTable): RpcMethodTable {
  const out: RpcMethodTable = { ...table };
  for (const name of UNSAFE_METHODS) {
    if (!(name in out)) continue;
    out[name] = () => {
      throw new RpcError(-32601, 'RPC call is unsafe to be called externally');
    };
  }
  return out;
}
