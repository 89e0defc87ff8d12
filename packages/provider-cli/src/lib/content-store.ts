import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { ContentStore } from '@dinfra/content';
import { UsageError } from './errors.ts';

/** The content store could not be opened or written: nothing was submitted (exit 2). */
export class ContentStoreError extends UsageError {
  override readonly code = 'E_CONTENT_STORE';
}

/** Where descriptors go: a Kubo RPC API, or an embedded store directory. */
export type StoreChoice = { kind: 'kubo'; ipfsApi: string; from: string } | { kind: 'embedded'; ipfsRepo: string; from: string };

/** The embedded store the `npm start` stack keeps, used when it exists and nothing else is said. */
export const DEFAULT_REPO = '.dinfra/ipfs';

/**
 * `--ipfs-api URL` / `--ipfs-repo DIR`, else DINFRA_IPFS_API / DINFRA_IPFS_REPO, else
 * `.dinfra/ipfs` under the current directory when it exists; undefined when none.
 */
export function chooseStore(o: { ipfsApi?: string; ipfsRepo?: string }, env: NodeJS.ProcessEnv, cwd = process.cwd()): StoreChoice | undefined {
  if (o.ipfsApi !== undefined && o.ipfsRepo !== undefined) throw new UsageError('give --ipfs-api or --ipfs-repo, not both');
  const api = (url: string, from: string): StoreChoice => {
    let u: URL;
    try {
      u = new URL(url);
    } catch {
      throw new UsageError(`${from} "${url}" is not a URL (e.g. http://127.0.0.1:5001)`);
    }
    if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new UsageError(`${from} "${url}" must be an http(s) URL of Kubo's RPC API`);
    return { kind: 'kubo', ipfsApi: url, from };
  };
  if (o.ipfsApi !== undefined) return api(o.ipfsApi, '--ipfs-api');
  if (o.ipfsRepo !== undefined) return { kind: 'embedded', ipfsRepo: resolve(cwd, o.ipfsRepo), from: '--ipfs-repo' };
  if (env.DINFRA_IPFS_API && env.DINFRA_IPFS_REPO) throw new UsageError('DINFRA_IPFS_API and DINFRA_IPFS_REPO are both set: unset one');
  if (env.DINFRA_IPFS_API) return api(env.DINFRA_IPFS_API, 'DINFRA_IPFS_API');
  if (env.DINFRA_IPFS_REPO) return { kind: 'embedded', ipfsRepo: resolve(cwd, env.DINFRA_IPFS_REPO), from: 'DINFRA_IPFS_REPO' };
  const dflt = resolve(cwd, DEFAULT_REPO);
  return existsSync(dflt) ? { kind: 'embedded', ipfsRepo: dflt, from: `${DEFAULT_REPO} (found in the current directory)` } : undefined;
}

export function describeStore(s: StoreChoice): string {
  return s.kind === 'kubo' ? `Kubo at ${s.ipfsApi}` : `the embedded store ${s.ipfsRepo}`;
}

/** Opens the chosen store; its failure is ContentStoreError (exit 2). */
export async function openStore(s: StoreChoice): Promise<ContentStore> {
  const { openContentStore } = await import('@dinfra/content');
  try {
    return await openContentStore(s.kind === 'kubo' ? { ipfsApi: s.ipfsApi } : { ipfsRepo: s.ipfsRepo });
  } catch (e) {
    throw new ContentStoreError(`cannot use ${describeStore(s)} (from ${s.from}): ${(e as Error).message}`);
  }
}

/** Adds `bytes`; checks the store gives the CID computed here (nothing else would be subscribed). */
export async function addToStore(s: StoreChoice, store: ContentStore, bytes: Uint8Array, expectedCid: string): Promise<void> {
  let cid: string;
  try {
    cid = await store.add(bytes);
  } catch (e) {
    throw new ContentStoreError(`cannot add the descriptor to ${describeStore(s)}: ${(e as Error).message}`);
  }
  if (cid !== expectedCid) throw new ContentStoreError(`${describeStore(s)} stored the descriptor as ${cid}, not ${expectedCid}`);
}
