import { xxhashAsHex } from '@polkadot/util-crypto';
import { codecOf } from '../scale/codec.ts';
import { bytesToHex, hexToBytes } from '../scale/hex.ts';
import { DispatchError } from '../framework/common-types.ts';
import type { DispatchErrorValue } from '../framework/dispatch-error.ts';
import { Env, type EventRecordValue } from '../framework/env.ts';
import type { Origin } from '../framework/origin.ts';
import type { Runtime, RuntimeCallValue } from '../framework/runtime.ts';
import type { StateReader } from '../framework/state.ts';
import { account } from '../pallets/currency.ts';
import { trieRoot } from '../trie/index.ts';
import { toJson } from './json.ts';
import {
  MAX_STORAGE_ENTRIES, RECORDED_PALLETS, STORAGE_PALLETS,
  type AccountBalance, type VectorCall, type VectorError, type VectorEvent, type VectorOrigin, type VectorState,
} from './format.ts';

/** The key prefixes of the storage a vector covers, ascending. */
export const STORAGE_PREFIXES = STORAGE_PALLETS.map((p) => xxhashAsHex(p, 128)).sort();

/** Keys whose writes may change what a vector checks: the two pallets and System.Account. */
const CHECKED_PREFIXES = [...STORAGE_PREFIXES, xxhashAsHex('System', 128) + xxhashAsHex('Account', 128).slice(2)];

/** Whether the block of `env` (finalized, not yet reset) wrote a key a vector checks. */
export const touchesChecked = (env: Env): boolean => [...env.changes().keys()].some((k) => CHECKED_PREFIXES.some((p) => k.startsWith(p)));

const recorded = new Set<string>(RECORDED_PALLETS);
const dispatchErrorCodec = codecOf(DispatchError);

export function vectorEvents(runtime: Runtime, records: readonly EventRecordValue[]): VectorEvent[] {
  const codec = codecOf(runtime.eventType);
  return records
    .filter((r) => recorded.has(r.event.type))
    .map((r) => {
      const inner = r.event.value as { type: string; value?: unknown };
      return { pallet: r.event.type, name: inner.type, hex: bytesToHex(codec.enc(r.event)), fields: toJson(inner.value ?? null) };
    });
}

export function vectorError(runtime: Runtime, error: DispatchErrorValue): VectorError {
  const hex = bytesToHex(dispatchErrorCodec.enc(error));
  if (error.type !== 'Module') {
    const inner = 'value' in error ? `.${error.value.type}` : '';
    return { hex, name: `${error.type}${inner}`, module: null };
  }
  const index = error.value.index;
  const code = hexToBytes(error.value.error)[0]!;
  const pallet = runtime.palletByIndex(index);
  return { hex, name: `${pallet?.name ?? index}.${pallet?.errorName(code) ?? code}`, module: { index, error: code } };
}

export const vectorOrigin = (o: Origin): VectorOrigin => (o.type === 'Signed' ? { signed: o.who } : o.type === 'Root' ? 'root' : 'none');

export const originOf = (o: VectorOrigin): Origin =>
  o === 'root' ? { type: 'Root' } : o === 'none' ? { type: 'None' } : { type: 'Signed', who: o.signed };

export function vectorCall(runtime: Runtime, call: RuntimeCallValue): VectorCall['call'] {
  return { hex: bytesToHex(runtime.callCodec.enc(call)), pallet: call.type, name: call.value.type, args: toJson(call.value.value ?? null) };
}

/** The two pallets' storage in `backend`, its LayoutV1 trie root, and the balances of `accounts`. */
export function vectorState(runtime: Runtime, backend: StateReader, accounts: readonly string[]): VectorState {
  const entries: Array<[string, string]> = [];
  for (const prefix of STORAGE_PREFIXES) for (const k of backend.keysWithPrefix(prefix)) entries.push([k, bytesToHex(backend.get(k)!)]);
  const root = trieRoot(entries.map(([k, v]) => [hexToBytes(k), hexToBytes(v)] as const), 1);
  const env = new Env(runtime, backend, 0);
  const balances: Record<string, AccountBalance> = {};
  for (const who of accounts) {
    const { free, reserved } = account(env, who).data;
    balances[who] = { free: free.toString(), reserved: reserved.toString() };
  }
  return {
    storage: entries.length > MAX_STORAGE_ENTRIES ? null : Object.fromEntries(entries),
    storage_root: bytesToHex(root),
    accounts: balances,
  };
}
