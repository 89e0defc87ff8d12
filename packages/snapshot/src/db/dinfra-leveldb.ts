import { copyFile, link, mkdir, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { hexToU8a } from '@polkadot/util';
import { ClassicLevel } from 'classic-level';
import { SourceDatabaseError } from '../errors.ts';
import { blockHeaderOf } from './header.ts';

/** What the snapshot needs to know of a dinfra-node database. */
export interface LevelHead {
  readonly genesisHash: Uint8Array;
  readonly finalized: number;
  readonly finalizedHash: Uint8Array;
  /** The highest stored block (may be above `finalized`). */
  readonly best: number;
}

/**
 * The layout version of dinfra-node's database this code reads: keys `meta:genesis`,
 * `meta:finalized`, `block:<number padded to 10>` (JSON `{block, changes}`), as
 * packages/node/src/storage/chain-db.ts writes them.
 */
export const DINFRA_LEVELDB_LAYOUT = 1;

const pad = (n: number) => n.toString().padStart(10, '0');

async function openExclusive(dir: string): Promise<ClassicLevel<string, string>> {
  const db = new ClassicLevel<string, string>(dir, { valueEncoding: 'utf8', createIfMissing: false });
  try {
    await db.open();
  } catch (cause) {
    const detail = String((cause as Error & { cause?: Error }).cause?.message ?? (cause as Error).message);
    throw new SourceDatabaseError(/lock/i.test(detail) ? `${dir} is in use (a running node holds its LOCK): stop the node or take a copy first` : `cannot open ${dir} as a dinfra-node database: ${detail}`, { cause });
  }
  return db;
}

/**
 * Opens a dinfra-node LevelDB directory (exclusively: LevelDB's LOCK proves no node writes it)
 * and reads the genesis, the finalized block and its hash. With `at`, checks that the block at
 * that height is stored and returns its hash too.
 */
export async function readLevelHead(dir: string, at?: number): Promise<LevelHead & { hashAt?: Uint8Array }> {
  const db = await openExclusive(dir);
  try {
    const genesis = await db.get('meta:genesis');
    if (!genesis) throw new SourceDatabaseError(`${dir} holds no genesis (meta:genesis): not a dinfra-node database`);
    const finalized = Number((await db.get('meta:finalized')) ?? 0);
    let best = 0;
    for await (const key of db.keys({ gte: 'block:', lt: 'block;', reverse: true, limit: 1 })) best = Number(key.slice(6));
    const hashOf = async (n: number): Promise<Uint8Array> => {
      const raw = await db.get(`block:${pad(n)}`);
      if (!raw) throw new SourceDatabaseError(`${dir} does not hold block #${n} (best is #${best})`);
      const h = blockHeaderOf(hexToU8a((JSON.parse(raw) as { block: string }).block));
      if (h.number !== n) throw new SourceDatabaseError(`${dir}: the record of block #${n} holds block #${h.number}`);
      return h.hash;
    };
    if (finalized < 1) throw new SourceDatabaseError(`${dir} has no finalized block after genesis: nothing to snapshot`);
    return { genesisHash: hexToU8a(genesis), finalized, finalizedHash: await hashOf(finalized), best, ...(at !== undefined ? { hashAt: await hashOf(at) } : {}) };
  } finally {
    await db.close();
  }
}

/**
 * A consistent copy of a stopped node's LevelDB into `dst`: immutable table files (`*.ldb`,
 * `*.sst`) are hard-linked (no bytes copied; LevelDB never rewrites them, only deletes them),
 * the log, MANIFEST and CURRENT are copied. The caller stops the node before and may start it
 * again right after: the copy does not share a mutable byte with the live database.
 */
export async function copyStoppedLevelDb(src: string, dst: string): Promise<void> {
  await (await openExclusive(src)).close(); // refuses while a node holds the LOCK
  await mkdir(dst, { recursive: true });
  for (const e of await readdir(src, { withFileTypes: true })) {
    if (!e.isFile() || e.name === 'LOCK') continue;
    const from = join(src, e.name);
    const to = join(dst, e.name);
    if (/\.(ldb|sst)$/.test(e.name)) await link(from, to).catch(() => copyFile(from, to));
    else await copyFile(from, to);
  }
}
