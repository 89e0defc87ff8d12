import { statfs } from 'node:fs/promises';
import { DiskFullError } from '../errors.ts';

/** Refuses, before the first byte, a restore that cannot fit in the free space at `dir`. */
export async function ensureFreeSpace(dir: string, needBytes: number): Promise<void> {
  const s = await statfs(dir);
  const free = Number(s.bavail) * Number(s.bsize);
  if (free < needBytes) throw new DiskFullError(`${dir}: ${fmt(needBytes)} needed for the restore, ${fmt(free)} free`);
}

export function isDiskFull(e: unknown): boolean {
  return (e as NodeJS.ErrnoException)?.code === 'ENOSPC' || (e as NodeJS.ErrnoException)?.code === 'EDQUOT';
}

export const fmt = (n: number): string => (n >= 1 << 30 ? `${(n / (1 << 30)).toFixed(2)} GiB` : n >= 1 << 20 ? `${(n / (1 << 20)).toFixed(1)} MiB` : `${n} B`);
