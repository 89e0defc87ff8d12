import { setTimeout as sleep } from 'node:timers/promises';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import type { DeploymentSpec, Resource } from '../../backend.ts';
import { operationContext } from '../../context.ts';
import { parseCatalog } from '../../launch/catalog.ts';
import { silentLogger } from '../../logging.ts';
import { resourceName, resourceTags } from '../../naming.ts';
import { ReactorStore } from '../../store/index.ts';
import { LocalBackend } from './local-backend.ts';
import { groupAlive, isSameProcess, startTimeOf } from './proc.ts';
import type { LocalRecord } from './record.ts';

const FAKE = fileURLToPath(new URL('./fixtures/fake-node.mjs', import.meta.url));
const catalog = parseCatalog(JSON.stringify({ chains: {
  fake: { binary: process.execPath, binaryArgs: [FAKE], roles: { rpc: ['--with-child'] } },
  broken: { binary: process.execPath, binaryArgs: [FAKE, '--exit-at-once'] },
  missing: { binary: '/nonexistent/polkadot' },
} }));
const log = silentLogger();
const ctx = () => operationContext({ log });

function spec(id: string, chain = 'fake'): DeploymentSpec {
  const key = { provider: '5GrwvaEF', id, generation: 1 };
  return { key, name: resourceName(key), tags: resourceTags(key), type: 'substrate-node', descriptor: { role: 'rpc', chain, version: 'v1' }, secrets: {} };
}

async function until(what: string, f: () => boolean | Promise<boolean>, ms = 60_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await f())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}

const health = async (r: Resource) => {
  const res = await fetch(r.endpoints[0]!.replace('ws:', 'http:'), { method: 'POST', body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'system_health' }) });
  return (await res.json()) as { result: unknown };
};
const pids = (r: Resource) => (r.details!.members as Array<{ pid: number }>).map((m) => m.pid);
function childrenOf(pid: number): number[] {
  try {
    return execFileSync('pgrep', ['-P', String(pid)], { encoding: 'utf8' }).trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return []; // pgrep exits 1 when there are none
  }
}

const opened: Array<{ backend: LocalBackend; store: ReactorStore }> = [];
function open(dir: string, publicHost?: string) {
  const store = ReactorStore.open(dir);
  const backend = new LocalBackend({ records: store.processRecords<LocalRecord>(), dir: join(dir, 'local'), catalog, marketplace: () => undefined, log, superviseIntervalMs: 100, ...(publicHost ? { publicHost } : {}) });
  opened.push({ backend, store });
  return { backend, store };
}

afterEach(async () => {
  for (const { backend, store } of opened.splice(0)) {
    for (const r of await backend.list()) await backend.destroy(r, ctx());
    await backend.close();
    store.close();
  }
});

describe('LocalBackend', () => {
  it('starts a process group with logs, lists it, and create again adopts instead of doubling', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'reactor-local-'));
    const { backend } = open(dir, 'node1.example');
    const r = await backend.create(spec('1'), ctx());
    expect(r.endpoints[0]).toMatch(/^ws:\/\/node1\.example:\d+$/);
    const local = { ...r, endpoints: [r.endpoints[0]!.replace('node1.example', '127.0.0.1')] };
    await until('rpc', () => health(local).then(() => true, () => false));
    expect((await health(local)).result).toMatchObject({ isSyncing: false });
    const again = await backend.create(spec('1'), ctx());
    expect(again.backendId).toBe(r.backendId);
    expect((await backend.list()).map((x) => x.name)).toEqual([r.name]);
    const logFile = (r.details!.members as Array<{ log: string }>)[0]!.log;
    await until('log line', () => existsSync(logFile) && readFileSync(logFile, 'utf8').includes('fake node on'));
  });

  it('restarts a process killed with SIGKILL, and destroy ends the whole group (grandchildren too)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'reactor-local-'));
    const { backend } = open(dir);
    const r = await backend.create(spec('2'), ctx());
    const [pid] = pids(r);
    await until('grandchild', () => childrenOf(pid!).length > 0);
    process.kill(pid!, 'SIGKILL');
    await until('restart', async () => {
      const now = (await backend.inspect(r))!;
      return now.state === 'running' && pids(now)[0] !== pid;
    });
    const now = (await backend.inspect(r))!;
    const [pid2] = pids(now);
    await until('grandchild', () => childrenOf(pid2!).length > 0);
    const grandchild = childrenOf(pid2!)[0]!;
    await backend.destroy(now, ctx());
    expect(groupAlive(pid2!)).toBe(false);
    expect(startTimeOf(grandchild)).toBeUndefined();
    expect(await backend.list()).toEqual([]);
    expect(existsSync(join(dir, 'local', r.name))).toBe(false);
  });

  it('a new backend over the same state dir adopts running processes; a reused pid is never adopted', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'reactor-local-'));
    const first = open(dir);
    const r = await first.backend.create(spec('3'), ctx());
    await first.backend.close();
    first.store.close();
    opened.splice(0);
    const second = open(dir);
    const [adopted] = await second.backend.list();
    expect(adopted!.backendId).toBe(r.backendId);
    expect(adopted!.state).toBe('running');
    // Forge a record whose pid is alive but is another process (this test runner): a stale start time.
    const records = second.store.processRecords<LocalRecord>();
    const rec = records.get(r.name)!;
    const realPid = rec.members[0]!.pid!;
    rec.members[0]!.pid = process.pid;
    records.put(r.name, rec);
    await second.backend.close();
    const third = new LocalBackend({ records, dir: join(dir, 'local'), catalog, marketplace: () => undefined, log, superviseIntervalMs: 100 });
    opened[0] = { backend: third, store: second.store };
    // Adopted through its tag instead of the bogus pid; this process is untouched.
    expect(records.get(r.name)!.members[0]!.pid).toBe(realPid);
    expect(isSameProcess(process.pid, startTimeOf(process.pid)!)).toBe(true);
  });

  it('refuses a missing binary as a permanent error and an unknown chain with the plan error', async () => {
    const { backend } = open(mkdtempSync(join(tmpdir(), 'reactor-local-')));
    await expect(backend.create(spec('4', 'missing'), ctx())).rejects.toMatchObject({ code: 'BINARY_MISSING' });
    await expect(backend.create(spec('5', 'kusama'), ctx())).rejects.toMatchObject({ code: 'CHAIN_UNKNOWN' });
  });

  it('lists a tagged process whose record was lost (so the sweep can end it), but never another reactor\'s', async () => {
    const a = open(mkdtempSync(join(tmpdir(), 'reactor-local-')));
    const b = open(mkdtempSync(join(tmpdir(), 'reactor-local-')));
    const r = await a.backend.create(spec('6'), ctx());
    expect(await b.backend.list()).toEqual([]);
    a.store.processRecords<LocalRecord>().delete(r.name);
    const [stray] = await a.backend.list();
    expect(stray).toMatchObject({ name: r.name, key: r.key, state: 'unknown' });
    await a.backend.destroy(stray!, ctx());
    expect(groupAlive(pids(r)[0]!)).toBe(false);
  });
});
