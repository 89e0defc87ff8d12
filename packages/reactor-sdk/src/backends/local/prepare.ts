import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { snapshotMarker } from '../../launch/plan.ts';
import type { MemberRecord } from './record.ts';

async function download(url: string, signal: AbortSignal): Promise<Response> {
  const res = await fetch(url, { signal });
  if (!res.ok || !res.body) throw new Error(`GET ${url}: HTTP ${res.status}`);
  return res;
}

/** Unpacks a tar (compression guessed by tar from the stream) from `url` into `dir`. */
async function restoreSnapshot(url: string, dir: string, signal: AbortSignal): Promise<void> {
  const res = await download(url, signal);
  const tar = spawn('tar', ['-x', '-C', dir], { stdio: ['pipe', 'ignore', 'pipe'] });
  let err = '';
  tar.stderr.on('data', (d: Buffer) => (err += d.toString()));
  const done = new Promise<number>((resolve) => tar.once('close', (code) => resolve(code ?? 1)));
  await pipeline(Readable.fromWeb(res.body as never), tar.stdin, { signal });
  if ((await done) !== 0) throw new Error(`snapshot ${url}: tar failed: ${err.trim()}`);
}

/** Before a member's first start: fetch its chain spec, restore its snapshot (once). */
export async function prepareMember(m: MemberRecord, signal: AbortSignal): Promise<void> {
  if (!m.basePath) return;
  mkdirSync(m.basePath, { recursive: true });
  if (m.chainSpecUrl && m.chainSpecPath && !existsSync(m.chainSpecPath)) {
    const res = await download(m.chainSpecUrl, signal);
    writeFileSync(m.chainSpecPath, Buffer.from(await res.arrayBuffer()));
  }
  const marker = snapshotMarker({ basePath: m.basePath });
  if (m.snapshotUrl && !existsSync(marker)) {
    await restoreSnapshot(m.snapshotUrl, m.basePath, signal);
    writeFileSync(marker, new Date().toISOString());
  }
}
