import { ContentStoreUnavailableError } from '../errors.ts';
import type { ContentStore } from './types.ts';

/** Where the content store is: a Kubo RPC API URL, or the directory of an embedded store. */
export interface OpenContentStoreOptions {
  /** Kubo's RPC API, e.g. `http://127.0.0.1:5001`. */
  ipfsApi?: string;
  /** The embedded store's directory (created if missing). */
  ipfsRepo?: string;
}

/**
 * Opens the content store: Kubo when `ipfsApi` is given (checked to answer), else the
 * embedded store in `ipfsRepo`. Exactly one must be given. Throws ContentStoreUnavailableError.
 *
 * @example
 * const store = await openContentStore({ ipfsRepo: '.dinfra/ipfs' });
 * const cid = await store.add(new TextEncoder().encode('hello world\n')); // Qm...
 * const bytes = await store.get(cid, { timeoutMs: 5_000, maxBytes: 1 << 20 });
 * await store.close();
 */
export async function openContentStore(opts: OpenContentStoreOptions): Promise<ContentStore> {
  if (opts.ipfsApi !== undefined && opts.ipfsRepo !== undefined) throw new ContentStoreUnavailableError('give a Kubo API URL or an embedded store directory, not both');
  if (opts.ipfsApi !== undefined) {
    const { KuboContentStore } = await import('./kubo-store.ts');
    return KuboContentStore.open(opts.ipfsApi);
  }
  if (opts.ipfsRepo !== undefined) {
    const { EmbeddedContentStore } = await import('./embedded-store.ts');
    return EmbeddedContentStore.open(opts.ipfsRepo);
  }
  throw new ContentStoreUnavailableError('no content store: give a Kubo API URL (ipfsApi) or an embedded store directory (ipfsRepo)');
}
