import { decodeAddress } from '@polkadot/util-crypto';
import { stringToU8a, u8aToHex } from '@polkadot/util';
import { Env } from './framework/env.ts';
import { MapState } from './framework/state.ts';
import { dinfraRuntime, SPEC_NAME, SPEC_VERSION } from './dinfra-runtime.ts';
import { SystemStorage } from './pallets/system.ts';

/** Genesis configuration: one section per pallet, keys camelCase as in polkadot-sdk genesis JSON. */
export interface GenesisConfig {
  system?: Record<string, unknown>;
  balances?: { balances?: Array<[string, bigint | number | string]> };
  sudo?: { key?: string | null };
  [pallet: string]: unknown;
}

/** An SS58 address or 0x-hex AccountId32 as a 0x-hex AccountId32. */
export const toAccountId = (address: string): string => u8aToHex(decodeAddress(address));

const HASH_69 = '0x' + '69'.repeat(32);

/** The genesis storage of the DINFRA runtime for `config`: 0x-hex keys to 0x-hex values. */
export function buildGenesisStorage(config: GenesisConfig): Map<string, string> {
  const runtime = dinfraRuntime();
  const state = new MapState();
  const env = new Env(runtime, state, 0);
  state.set(u8aToHex(stringToU8a(':code')), stringToU8a(`${SPEC_NAME}:${SPEC_VERSION}`));
  SystemStorage.BlockHash.set(env.state, 0, HASH_69);
  SystemStorage.ParentHash.set(env.state, HASH_69);
  const sections: Record<string, unknown> = {
    Balances: {
      balances: (config.balances?.balances ?? []).map(([who, amount]) => [toAccountId(who), BigInt(amount)]),
    },
    Sudo: { key: config.sudo?.key ? toAccountId(config.sudo.key) : undefined },
  };
  for (const p of runtime.pallets) {
    if (!p.spec.genesis) continue;
    const key = p.name.charAt(0).toLowerCase() + p.name.slice(1);
    p.spec.genesis(env, sections[p.name] ?? config[key] ?? {});
  }
  env.changes().forEach((v, k) => (v === null ? state.delete(k) : state.set(k, v)));
  return new Map([...state.map].map(([k, v]) => [k, u8aToHex(v)]));
}
