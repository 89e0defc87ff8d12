import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { unixfs } from '@helia/unixfs';
import { importerOptions, parseCid } from '../cid.ts';
import { ContentStoreUnavailableError } from '../errors.ts';
import { AtomicFsBlockstore } from './atomic-fs-blockstore.ts';
import { withDeadline } from './deadline.ts';
import { concat, readUnixfs } from './read-unixfs.ts';
import { DEFAULT_MAX_BYTES, type AddOptions, type ContentStore, type GetOptions } from './types.ts';

/**
 * The store without Kubo: UnixFS blocks (@helia/unixfs) in a directory (`<repo>/blocks`,
 * blockstore-fs layout, atomic writes), shared by the processes of one machine (the CLI
 * adds while OGate reads). A block not in the directory is not found at once: there is no
 * network behind it.
 */
export class EmbeddedContentStore implements ContentStore {
  private constructor(
    readonly repo: string,
    readonly blockstore: AtomicFsBlockstore,
  ) {}

  static async open(repo: string): Promise<EmbeddedContentStore> {
    if (existsSync(join(repo, 'datastore_spec')) || existsSync(join(repo, 'config'))) {
      throw new ContentStoreUnavailableError(`${repo} is a Kubo repository: run its daemon and give its API URL (--ipfs-api) instead`);
    }
    const blockstore = new AtomicFsBlockstore(join(repo, 'blocks'));
    try {
      await blockstore.open();
    } catch (e) {
      throw new ContentStoreUnavailableError(`cannot open the content store in ${repo}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, { cause: e });
    }
    await blockstore.removeStaleTemps().catch(() => 0);
    return new EmbeddedContentStore(repo, blockstore);
  }

  async add(bytes: Uint8Array, opts: AddOptions = {}): Promise<string> {
    try {
      const cid = await unixfs({ blockstore: this.blockstore }).addBytes(bytes, { ...(await importerOptions(opts.cidVersion ?? 0)), signal: opts.signal });
      return cid.toString();
    } catch (e) {
      if (opts.signal?.aborted) throw opts.signal.reason;
      throw new ContentStoreUnavailableError(`cannot write to the content store in ${this.repo}: ${(e as Error).message}`, { cause: e });
    }
  }

  async get(text: string, o: GetOptions = {}): Promise<Uint8Array> {
    const cid = await parseCid(text);
    return withDeadline(text, o, (signal) =>
      readUnixfs(
        cid,
        async (c, s) => {
          const chunks: Uint8Array[] = [];
          for await (const chunk of this.blockstore.get(c, { signal: s })) chunks.push(chunk);
          return concat(chunks);
        },
        { maxBytes: o.maxBytes ?? DEFAULT_MAX_BYTES, signal, isMissing: (e) => (e as Error).name === 'NotFoundError' },
      ),
    );
  }

  async close(): Promise<void> {
    await this.blockstore.close();
  }
}
