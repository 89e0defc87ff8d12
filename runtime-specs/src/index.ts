/**
 * `@dinfra/runtime-specs`: dinfra-node's chain specs (`@dinfra/runtime-specs/dev.json`,
 * `/local.json`) and the @polkadot/api augmentation generated from its metadata
 * (`import '@dinfra/runtime-specs/augment'`).
 *
 * @example
 * import { lookupTypes } from '@dinfra/runtime-specs';
 * registry.register(lookupTypes); // the metadata's types by lookup name, for custom registries
 *
 * import { failureReason } from '@dinfra/runtime-specs';
 * api.tx.subscriptions.reportStatus(id, { Failed: { reason: failureReason(longText) } }); // <= 256 bytes, UTF-8
 */
export { default as lookupTypes } from './interfaces/lookup.js';
export { failureReason, MAX_REASON_LEN } from './failure-reason.ts';
