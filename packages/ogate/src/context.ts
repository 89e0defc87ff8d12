/** What OGate's modules share at run time. */
import type { ApiPromise } from '@polkadot/api';
import type { KeyringPair } from '@polkadot/keyring/types';
import type { Logger } from 'pino';
import type { OGateConfig } from './config/index.ts';
import type { Changes } from './desired/changes.ts';
import type { OGateMetrics } from './metrics.ts';
import type { Store } from './store/index.ts';

export interface ProviderIdentity {
  /** SS58 of the provider account. */
  account: string;
}

export interface OGateContext {
  config: OGateConfig;
  api: ApiPromise;
  store: Store;
  changes: Changes;
  log: Logger;
  metrics: OGateMetrics;
  /** The operator key OGate signs with. */
  operator: KeyringPair;
  /** Earlier operator keys (secrets sealed before `set_operator`). */
  oldOperators: KeyringPair[];
  provider: ProviderIdentity;
  isConnected(): boolean;
}
