/**
 * CIDs as `ipfs add` makes them: the one implementation lives in @dinfra/content (also used
 * by OGate and the content stores); the CLI's historical names are kept.
 */
export { cidOf as fileCid, rawCid, isCid, contentMatchesCid } from '@dinfra/content/light';
