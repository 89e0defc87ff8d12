/**
 * `@dinfra/runtime-specs`: the one TypeScript home of DINFRA's on-chain interface (the CLI, OGate
 * and the reactor import it): dinfra-node's chain specs (`@dinfra/runtime-specs/dev.json`,
 * `/local.json`), the @polkadot/api augmentation generated from its metadata
 * (`import '@dinfra/runtime-specs/augment'`), record decoders into plain values, dispatch-error
 * decoding, the report transition table, failure-reason truncation, billing arithmetic and the
 * built-in type schemas. @polkadot/* are optional peers: the decoders take codecs you read.
 *
 * @example
 * import { failureReason, toSubscription, legalReport } from '@dinfra/runtime-specs';
 * api.tx.subscriptions.reportStatus(id, { Failed: { reason: failureReason(longText) } }); // <= 256 bytes, UTF-8
 * const sub = toSubscription(id, (await api.query.subscriptions.subscriptions(id)).unwrap());
 */
export { default as lookupTypes } from './interfaces/lookup.js';
export { failureReason, MAX_REASON_LEN, truncateReason } from './failure-reason.ts';
export { BUILTIN_SCHEMA_NAMES, builtinSchemaFiles } from './builtin-schemas.ts';
export type { BuiltinSchemaName } from './builtin-schemas.ts';
export * from './chain/index.ts';
