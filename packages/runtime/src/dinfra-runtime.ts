import { merkleizeMetadata } from '@polkadot-api/merkleize-metadata';
import { Runtime } from './framework/runtime.ts';
import { encodeMetadata } from './framework/metadata.ts';
import { runtimeApis, type ApiHost } from './apis/index.ts';
import { System } from './pallets/system.ts';
import { Timestamp } from './pallets/timestamp.ts';
import { Balances } from './pallets/balances.ts';
import { TransactionPayment } from './pallets/transaction-payment.ts';
import { Sudo } from './pallets/sudo.ts';
import { Utility } from './pallets/utility.ts';
import { Providers } from './pallets/providers/index.ts';
import { Subscriptions } from './pallets/subscriptions/index.ts';
import type { Pallet } from './framework/pallet.ts';

export const SPEC_NAME = 'dinfra';
export const SPEC_VERSION = 101;

/** Extra pallets (the marketplace) register themselves here before the runtime is built. */
const extraPallets: Pallet[] = [];
export function registerPallet(p: Pallet): void {
  extraPallets.push(p);
}

let built: Runtime | undefined;
const metadataCache = new Map<number, Uint8Array>();

/** The DINFRA runtime (a process-wide singleton: its outer types are shared by the pallets). */
export function dinfraRuntime(): Runtime {
  if (built) return built;
  const host: ApiHost = {
    metadata: (v) => {
      if (v !== 14 && v !== 15) return undefined;
      let m = metadataCache.get(v);
      if (!m) {
        m = encodeMetadata(built!, v);
        metadataCache.set(v, m);
      }
      return m;
    },
    metadataVersions: () => [14, 15],
  };
  built = new Runtime({
    crate: 'dinfra_runtime',
    version: {
      specName: SPEC_NAME,
      implName: 'dinfra-node',
      authoringVersion: 1,
      specVersion: SPEC_VERSION,
      implVersion: 1,
      transactionVersion: 2,
      stateVersion: 1,
    },
    pallets: [System, Timestamp, Balances, TransactionPayment, Sudo, Utility, Providers, Subscriptions, ...extraPallets],
    apis: runtimeApis(() => host),
    ss58Prefix: 42,
  });
  System.spec.constants!.Version!.value = built.versionValue();
  return built;
}

/** SCALE-encoded metadata (V14 or V15) of the DINFRA runtime. */
export function dinfraMetadata(version: 14 | 15 = 15): Uint8Array {
  dinfraRuntime();
  let m = metadataCache.get(version);
  if (!m) {
    m = encodeMetadata(built!, version);
    metadataCache.set(version, m);
  }
  return m;
}

/**
 * The RFC-78 metadata hash (`CheckMetadataHash`, mode 1) of the DINFRA runtime for a chain
 * whose token has `decimals` and `tokenSymbol` (from the chain spec's properties).
 */
export function dinfraMetadataHash(decimals: number, tokenSymbol: string): Uint8Array {
  return merkleizeMetadata(dinfraMetadata(15), { decimals, tokenSymbol, base58Prefix: 42 }).digest();
}
