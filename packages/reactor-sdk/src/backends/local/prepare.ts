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

/** The raw chain spec of the node at `rpcUrl` (`sync_state_genSyncSpec(true)`, over HTTP). */
export async function syncSpecOf(rpcUrl: string, signal: AbortSignal): Promise<unknown> {
  const url = rpcUrl.replace(/^ws(s?):/, 'http$1:');
  const res = await fetch(url, { method: 'POST', signal, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'sync_state_genSyncSpec', params: [true] }) });
  if (!res.ok) throw new Error(`sync_state_genSyncSpec at ${url}: HTTP ${res.status}`);
  const body = (await res.json()) as { result?: { genesis?: { raw?: unknown } }; error?: { message: string } };
  if (body.error || !body.result?.genesis?.raw) throw new Error(`sync_state_genSyncSpec at ${url}: ${body.error?.message ?? 'no raw genesis in the answer'}`);
  return body.result;
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
  if (m.chainSpecRpc && m.chainSpecPath && !existsSync(m.chainSpecPath)) {
    writeFileSync(m.chainSpecPath, JSON.stringify(await syncSpecOf(m.chainSpecRpc, signal)));
  }
  const marker = snapshotMarker({ basePath: m.basePath });
  if (m.snapshotUrl && !existsSync(marker)) {
    await restoreSnapshot(m.snapshotUrl, m.basePath, signal);
    writeFileSync(marker, new Date().toISOString());
  }
}
