/**
 * @polkadot/api type augmentation for dinfra-node, generated from its metadata by
 * `pnpm --filter @dinfra/runtime-specs typegen`. Import it once (instead of
 * `@polkadot/api-augment`, which describes Substrate's kitchensink runtime) and
 * `api.query.*`, `api.tx.*`, `api.consts.*`, `api.events.*` and `api.errors.*` are typed.
 *
 * @example
 * import '@dinfra/runtime-specs/augment';
 * import { ApiPromise } from '@polkadot/api';
 * const { data } = await api.query.system.account(address); // FrameSystemAccountInfo
 * await api.tx.balances.transferKeepAlive(dest, 10n ** 12n).signAndSend(alice);
 */
import './interfaces/augment-api.js';
import './interfaces/augment-types.js';
import './interfaces/types-lookup.js';

export type * from '@polkadot/types/lookup';
