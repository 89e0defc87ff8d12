/**
 * `@dinfra/content/light`: the parts of @dinfra/content that load no heavy dependency (no
 * @polkadot/util-crypto, no IPFS store), for command-line tools that must start fast: CIDs as
 * `ipfs add` makes them (the importer loads on first use) and `isSealed`. The same functions
 * as the main entry point.
 */
export { cidOf, cidV1Of, fileCid, rawCid, isCid, parseCid, contentMatchesCid } from './cid.ts';
export { isSealed, SEALED_PREFIX } from './secrets/envelope.ts';
export { InvalidCidError } from './errors.ts';
