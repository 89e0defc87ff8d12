import { createReadStream } from 'node:fs';
import type { KuboRPCClient } from 'kubo-rpc-client';
import { PublishError } from '../errors.ts';
import type { Mirror } from '../manifest/types.ts';
import type { ChunkRef, PublishTarget } from './target.ts';

/**
 * The content store (Kubo) as a mirror: chunks are added (pinned) and linked into an MFS
 * directory `<root>/chunks/<hex>`, so only new chunks are added and the directory's CID (the
 * manifest's IPFS mirror) changes only with its content. Manifests are added too; the CID of
 * the new one is its location.
 */
export function kuboTarget(apiUrl: string, root = '/dinfra-snapshots/default'): PublishTarget {
  let clientP: Promise<KuboRPCClient> | undefined;
  const client = () => (clientP ??= import('kubo-rpc-client').then(({ create }) => create({ url: apiUrl })));
  const wrap = async <T>(what: string, f: (c: KuboRPCClient) => Promise<T>): Promise<T> => {
    try {
      return await f(await client());
    } catch (cause) {
      throw new PublishError(`Kubo at ${apiUrl}: ${what}: ${(cause as Error).message}`, { cause });
    }
  };
  const ls = async (c: KuboRPCClient, dir: string): Promise<string[]> => {
    const names: string[] = [];
    try {
      for await (const e of c.files.ls(dir)) names.push(e.name);
    } catch (e) {
      if (/does not exist|not exist/.test((e as Error).message)) return [];
      throw e;
    }
    return names;
  };
  const read = async (c: KuboRPCClient, path: string): Promise<Uint8Array | undefined> => {
    const parts: Uint8Array[] = [];
    try {
      for await (const p of c.files.read(path)) parts.push(p);
    } catch (e) {
      if (/does not exist|not exist/.test((e as Error).message)) return undefined;
      throw e;
    }
    return new Uint8Array(Buffer.concat(parts));
  };
  const place = async (c: KuboRPCClient, content: Uint8Array | NodeJS.ReadableStream, path: string) => {
    const r = await c.add(content as Uint8Array, { pin: true, cidVersion: 1, rawLeaves: true });
    await c.files.rm(path).catch(() => undefined);
    await c.files.cp(`/ipfs/${r.cid.toString()}`, path, { parents: true });
    return r.cid.toString();
  };
  return {
    label: `ipfs ${apiUrl}${root}`,
    listChunks: () => wrap('list chunks', async (c) => new Set((await ls(c, `${root}/chunks`)).filter((n) => /^[0-9a-f]{64}$/.test(n)))),
    putChunk: (hex, ch: ChunkRef) =>
      wrap(`add chunk ${hex.slice(0, 12)}`, async (c) => {
        const body = ch.length ? createReadStream(ch.path, { start: ch.offset, end: ch.offset + ch.length - 1 }) : new Uint8Array();
        await place(c, body as Uint8Array, `${root}/chunks/${hex}`);
      }),
    deleteChunk: (hex) => wrap('remove chunk', async (c) => void (await c.files.rm(`${root}/chunks/${hex}`).catch(() => undefined))),
    listManifests: () =>
      wrap('list manifests', async (c) => {
        const out = new Map<string, Uint8Array>();
        for (const n of await ls(c, `${root}/manifests`)) {
          const m = /^([0-9a-f]{64})\.dsnm$/.exec(n);
          const b = m && (await read(c, `${root}/manifests/${n}`));
          if (m && b) out.set(m[1]!, b);
        }
        return out;
      }),
    getLatest: () => wrap('read latest', (c) => read(c, `${root}/latest.dsnm`)),
    putManifest: (id, bytes) => wrap('add manifest', async (c) => void (await place(c, bytes, `${root}/manifests/${id}.dsnm`))),
    putLatest: (bytes) => wrap('add latest', async (c) => void (await place(c, bytes, `${root}/latest.dsnm`))),
    deleteManifest: (id) => wrap('remove manifest', async (c) => void (await c.files.rm(`${root}/manifests/${id}.dsnm`).catch(() => undefined))),
    mirror: () => wrap('stat chunks', async (c): Promise<Mirror> => ({ kind: 'ipfs', cid: (await c.files.stat(`${root}/chunks`)).cid.toString() })),
    location: (_id, bytes) => wrap('CID of the manifest', async (c) => (await c.add(bytes, { pin: true, cidVersion: 0 })).cid.toString()),
  };
}
