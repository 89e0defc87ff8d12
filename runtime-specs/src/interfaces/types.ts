// Auto-generated via `yarn polkadot-types-from-defs`, do not edit
/* eslint-disable */

export * from './dinfra/types.js';

export type PHANTOM_GENERATED = 'generated';
