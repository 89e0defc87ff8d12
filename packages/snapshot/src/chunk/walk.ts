import { readdir } from 'node:fs/promises';
import { join } from 'node:path';

/** Names the snapshot machinery keeps beside a database; never part of a snapshot. */
export const RESERVED_PREFIX = '.dinfra-snapshot';

/** Regular files under `root` as sorted (bytewise) relative POSIX paths; symlinks are refused. */
export async function listFiles(root: string): Promise<string[]> {
  const out: string[] = [];
  async function walk(rel: string): Promise<void> {
    for (const e of await readdir(join(root, rel), { withFileTypes: true })) {
      const p = rel ? `${rel}/${e.name}` : e.name;
      if (!rel && e.name.startsWith(RESERVED_PREFIX)) continue;
      if (e.isDirectory()) await walk(p);
      else if (e.isFile()) out.push(p);
      else throw new Error(`${join(root, p)} is not a regular file or directory (symlinks and devices are not copied)`);
    }
  }
  await walk('');
  return out.sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
}
