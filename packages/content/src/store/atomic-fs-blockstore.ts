import { randomBytes } from 'node:crypto';
import { mkdir, open, readdir, rename, rm, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { FsBlockstore } from 'blockstore-fs';
import { base32upper } from 'multiformats/bases/base32';
import { CID } from 'multiformats/cid';
import { decode as decodeDigest } from 'multiformats/hashes/digest';
import { RAW } from '../cid.ts';

type PutInput = Uint8Array | Iterable<Uint8Array> | AsyncIterable<Uint8Array>;

/**
 * Blocks as files named by their base32 multihash, sharded by its last two characters
 * (blockstore-fs's default layout), so a block is found under any CID version.
 */
class NextToLast {
  readonly extension = '.data';
  encode(cid: CID): { dir: string; file: string } {
    const str = base32upper.encoder.encode(cid.multihash.bytes);
    return { dir: str.slice(-2), file: `${str}${this.extension}` };
  }
  decode(path: string): CID {
    const name = basename(path, this.extension);
    return CID.createV1(RAW, decodeDigest(base32upper.decoder.decode(name)));
  }
}

/**
 * blockstore-fs with writes that are atomic across processes: blockstore-fs (through steno)
 * writes every block to the same `.<name>.tmp` file before renaming it, so two processes
 * adding the same block at once truncate each other's temporary file and a reader can see a
 * torn block. Here each write goes to a temporary file unique to the process and the call,
 * is fsync'ed, then renamed over the final name: a reader sees no block or the whole block.
 */
export class AtomicFsBlockstore extends FsBlockstore {
  private readonly layout: NextToLast;

  constructor(location: string) {
    const layout = new NextToLast();
    super(location, { shardingStrategy: layout as never });
    this.layout = layout;
  }

  override async put(key: CID, val: PutInput): Promise<CID> {
    const { dir, file } = this.layout.encode(key);
    const final = join(this.path, dir, file);
    if (await this.has(key)) return key;
    await mkdir(join(this.path, dir), { recursive: true });
    const tmp = join(this.path, dir, `.${file}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
    const fh = await open(tmp, 'wx');
    try {
      if (val instanceof Uint8Array) await fh.writeFile(val);
      else for await (const chunk of val) await fh.writeFile(chunk);
      await fh.sync();
    } catch (e) {
      await fh.close().catch(() => {});
      await rm(tmp, { force: true });
      throw e;
    }
    await fh.close();
    try {
      await rename(tmp, final);
    } catch (e) {
      await rm(tmp, { force: true });
      throw e;
    }
    return key;
  }

  /**
   * Removes the temporary files of writers killed mid-write (older than `olderThanMs`, so a
   * live writer's file is left alone). Best effort; returns how many were removed.
   */
  async removeStaleTemps(olderThanMs = 10 * 60_000): Promise<number> {
    let removed = 0;
    const now = Date.now();
    const dirs = await readdir(this.path, { withFileTypes: true }).catch(() => []);
    for (const d of dirs) {
      if (!d.isDirectory()) continue;
      const names = await readdir(join(this.path, d.name)).catch(() => [] as string[]);
      for (const name of names) {
        if (!name.startsWith('.') || !name.endsWith('.tmp')) continue;
        const file = join(this.path, d.name, name);
        const st = await stat(file).catch(() => undefined);
        if (st && now - st.mtimeMs > olderThanMs) {
          await rm(file, { force: true });
          removed++;
        }
      }
    }
    return removed;
  }

  /** The file a block lives in (tests tamper with it). */
  blockPath(cid: CID): string {
    const { dir, file } = this.layout.encode(cid);
    return join(this.path, dir, file);
  }
}
