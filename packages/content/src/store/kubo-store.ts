import type { KuboRPCClient } from 'kubo-rpc-client';
import type { CID } from 'multiformats/cid';
import { cidOf, cidV1Of, contentMatchesCid, parseCid } from '../cid.ts';
import { ContentNotFoundError, ContentStoreUnavailableError, ContentTooLargeError } from '../errors.ts';
import { withDeadline } from './deadline.ts';
import { concat, readUnixfs } from './read-unixfs.ts';
import { DEFAULT_MAX_BYTES, type AddOptions, type ContentStore, type GetOptions } from './types.ts';

/** Kubo's messages for content it does not have (offline, or not in the local blockstore). */
const MISSING = /not found|could not find|no link named|blockservice: key not found/i;
const isMissing = (e: unknown) => (e as Error)?.name === 'HTTPError' && MISSING.test((e as Error).message);

/**
 * The store backed by a Kubo daemon through its RPC API (kubo-rpc-client). `add` passes
 * Kubo's default import settings explicitly (so a node configured otherwise still gives the
 * `ipfs add` CID) and pins; `get` reads with `cat` and verifies the bytes against the CID,
 * falling back to reading and verifying block by block (`block/get`) when the CID was made
 * with other import settings. Kubo is never trusted to have checked.
 */
export class KuboContentStore implements ContentStore {
  private constructor(
    readonly url: string,
    private readonly client: KuboRPCClient,
  ) {}

  static async open(url: string, o: { timeoutMs?: number } = {}): Promise<KuboContentStore> {
    const { create } = await import('kubo-rpc-client');
    let client: KuboRPCClient;
    try {
      client = create({ url });
      await client.version({ signal: AbortSignal.timeout(o.timeoutMs ?? 10_000) });
    } catch (e) {
      throw new ContentStoreUnavailableError(`no Kubo RPC API answers at ${url}: ${describe(e)}`, { cause: e });
    }
    return new KuboContentStore(url, client);
  }

  async add(bytes: Uint8Array, opts: AddOptions = {}): Promise<string> {
    const v1 = opts.cidVersion === 1;
    const expected = v1 ? await cidV1Of(bytes) : await cidOf(bytes);
    let got: string;
    try {
      const r = await this.client.add(bytes, { cidVersion: v1 ? 1 : 0, rawLeaves: v1, chunker: 'size-262144', trickle: false, pin: true, signal: opts.signal });
      got = r.cid.toString();
    } catch (e) {
      if (opts.signal?.aborted) throw opts.signal.reason;
      throw new ContentStoreUnavailableError(`Kubo at ${this.url} did not add the content: ${describe(e)}`, { cause: e });
    }
    if (got !== expected) throw new ContentStoreUnavailableError(`Kubo at ${this.url} added the content as ${got}, not ${expected} as \`ipfs add${v1 ? ' --cid-version=1' : ''}\` with default settings would`);
    return got;
  }

  async get(text: string, o: GetOptions = {}): Promise<Uint8Array> {
    const cid = await parseCid(text);
    const maxBytes = o.maxBytes ?? DEFAULT_MAX_BYTES;
    return withDeadline(text, o, async (signal) => {
      const bytes = await this.cat(cid, maxBytes, signal);
      if (await contentMatchesCid(bytes, cid)) return bytes;
      // Other import settings, or wrong bytes: block by block, each verified, settles it.
      return readUnixfs(cid, (c, s) => this.call(() => this.client.block.get(c, { signal: s }), c), { maxBytes, signal, isMissing: (e) => e instanceof ContentNotFoundError });
    });
  }

  private async cat(cid: CID, maxBytes: number, signal: AbortSignal): Promise<Uint8Array> {
    return this.call(async () => {
      const chunks: Uint8Array[] = [];
      let total = 0;
      for await (const chunk of this.client.cat(cid, { signal, ...(Number.isSafeInteger(maxBytes + 1) ? { length: maxBytes + 1 } : {}) })) {
        total += chunk.length;
        if (total > maxBytes) throw new ContentTooLargeError(`${cid} is larger than the limit of ${maxBytes} bytes`);
        chunks.push(chunk);
      }
      return concat(chunks, total);
    }, cid);
  }

  /** Maps Kubo's failures: missing content, or the daemon not answering. */
  private async call<T>(fn: () => Promise<T>, cid: CID): Promise<T> {
    try {
      return await fn();
    } catch (e) {
      if (e instanceof ContentTooLargeError) throw e;
      if (isMissing(e)) throw new ContentNotFoundError(`${cid} is not available from Kubo at ${this.url}: ${describe(e)}`, { cause: e });
      if ((e as Error)?.name === 'AbortError' || (e as Error)?.name === 'TimeoutError') throw e;
      throw new ContentStoreUnavailableError(`Kubo at ${this.url} failed to give ${cid}: ${describe(e)}`, { cause: e });
    }
  }

  async close(): Promise<void> {}
}

function describe(e: unknown): string {
  const err = e as Error & { cause?: { code?: string; message?: string } };
  return err?.cause?.code ?? err?.cause?.message ?? err?.message ?? String(e);
}
