/**
 * `@dinfra/content`: the DINFRA content store and sealed descriptor secrets.
 *
 * - {@link openContentStore}: Kubo (through its RPC API) or an embedded store in a
 *   directory shared by the processes of one machine. `add` gives the CID of `ipfs add`
 *   with Kubo's defaults (CIDv0); `get` verifies the bytes against the CID, whatever the source.
 * - {@link sealSecret} / {@link openSecret}: values under a descriptor's `secrets`, sealed
 *   to the awarded provider's operator key (runtime-specs/dinfra.md, "Sealed secrets").
 *
 * @example
 * import { openContentStore, sealSecret, openSecret, sr25519KeypairFromSuri } from '@dinfra/content';
 * const store = await openContentStore({ ipfsRepo: '.dinfra/ipfs' });
 * const cid = await store.add(new TextEncoder().encode('hello world\n')); // QmT78zSu...
 * const bytes = await store.get(cid, { timeoutMs: 5_000, maxBytes: 1 << 20 });
 * const dave = sr25519KeypairFromSuri('//Dave');
 * const sealed = sealSecret({ name: 'nodeKey', value: '0xabc', recipient: dave.publicKey });
 * openSecret({ name: 'nodeKey', sealed, keypairs: [dave] }); // '0xabc'
 */
export { openContentStore } from './store/open.ts';
export type { OpenContentStoreOptions } from './store/open.ts';
export type { AddOptions, ContentStore, GetOptions } from './store/types.ts';
export { DEFAULT_MAX_BYTES, DEFAULT_TIMEOUT_MS } from './store/types.ts';
export { cidOf, cidV1Of, fileCid, rawCid, isCid, parseCid, contentMatchesCid, importerOptions } from './cid.ts';
export { sealSecret } from './secrets/seal.ts';
export type { SealOptions } from './secrets/seal.ts';
export { openSecret } from './secrets/open.ts';
export type { OpenOptions, Sr25519Keypair } from './secrets/open.ts';
export { isSealed, SEALED_PREFIX } from './secrets/envelope.ts';
export { sr25519KeypairFromSuri, sr25519KeypairFromKeystore } from './secrets/keys.ts';
export {
  ContentError,
  InvalidCidError,
  ContentNotFoundError,
  ContentTooLargeError,
  CidMismatchError,
  ContentStoreUnavailableError,
  SecretOpenError,
  SecretSealError,
  SecretKeyError,
} from './errors.ts';
