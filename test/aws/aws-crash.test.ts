// Crash matrix for the aws backend: kill -9 a reactor process at every API call of create
// and of destroy (before the request, after the answer: this covers before RunInstances,
// after it, mid-wait for running, before/after TerminateInstances, mid-wait for terminated),
// then restart and finish the step. Asserted on moto's counts over ALL instance states:
// zero duplicates (never a second instance launched) and zero leaks (nothing left running).
// Tags are put on at launch (TagSpecifications), so there is no "before tagging" point.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, existsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TAG, type Resource } from '@dinfra/reactor-sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { peer } from '../support/peers.ts';
import { fileCheckpoint, testContext } from './support/context.ts';
import type { DriverInput } from './support/crash-driver.ts';
import { key, motoBackend, nodeSpec } from './support/fixtures.ts';
import { startMoto, type Moto } from './support/moto.ts';

const motoBin = peer('moto');
const DRIVER = fileURLToPath(new URL('./support/crash-driver.ts', import.meta.url));

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stderr: string;
}

function drive(input: DriverInput): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', '--no-warnings', DRIVER], {
      env: { ...process.env, DINFRA_AWS_DRIVER: JSON.stringify(input) },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr!.on('data', (b: Buffer) => (stderr = (stderr + b.toString()).slice(-3000)));
    const timer = setTimeout(() => child.kill('SIGKILL'), 90_000);
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stderr });
    });
  });
}

describe.skipIf(!motoBin)('aws backend crash matrix (kill -9 at every API call)', () => {
  let moto: Moto;
  let ami: string;
  let dir: string;
  let nextId = 100;
  const reached: string[] = [];
  beforeAll(async () => {
    moto = await startMoto(motoBin!);
    ami = await moto.ami();
    dir = mkdtempSync(join(tmpdir(), 'dinfra-aws-crash-'));
  });
  afterAll(async () => {
    console.log(`aws crash matrix: ${reached.length} crash points reached: ${reached.join(', ')}`);
    await moto?.stop();
  });

  /** Every instance moto ever launched for this subscription, whatever its state. */
  const instancesOf = async (id: number) =>
    (await moto.instances()).filter((i) => i.Tags?.some((t) => t.Key === TAG.subscription && t.Value === String(id)));

  const files = (id: number) => ({ checkpointFile: join(dir, `${id}.checkpoint.json`), stateFile: join(dir, `${id}.state.json`), traceFile: join(dir, `${id}.trace`) });
  const trace = (f: string) => (existsSync(f) ? readFileSync(f, 'utf8').trim().split('\n') : []);

  /** A clean run of `op`, to learn the calls it makes. */
  async function cleanTrace(op: 'create' | 'destroy'): Promise<string[]> {
    const id = nextId++;
    const f = files(id);
    if (op === 'destroy') {
      const r = await motoBackend(moto.endpoint, ami).create(nodeSpec(key(id)), testContext({ checkpoint: fileCheckpoint(f.checkpointFile) }));
      writeFileSync(f.stateFile, JSON.stringify({ resource: r }));
    }
    const run = await drive({ op, endpoint: moto.endpoint, ami, id, ...f });
    expect(run.code, run.stderr).toBe(0);
    return trace(f.traceFile);
  }

  const points = (calls: string[]) => calls.flatMap((c) => [`before:${c}`, `after:${c}`]);

  it('create: one instance, running, after a crash at any call and a restart', async () => {
    const calls = await cleanTrace('create');
    expect(calls).toEqual(expect.arrayContaining(['DescribeInstances#1', 'RunInstances#1', 'DescribeInstances#2']));
    for (const crashAt of points(calls)) {
      const id = nextId++;
      const f = files(id);
      const run = await drive({ op: 'create', endpoint: moto.endpoint, ami, id, crashAt, ...f });
      expect(run.signal, `${crashAt}: the driver must die there (${run.stderr})`).toBe('SIGKILL');
      reached.push(`create ${crashAt}`);
      // restart: the reactor finds its pending record and creates again
      expect(JSON.parse(readFileSync(f.stateFile, 'utf8'))).toHaveProperty('pending');
      const r = await motoBackend(moto.endpoint, ami).create(nodeSpec(key(id)), testContext({ checkpoint: fileCheckpoint(f.checkpointFile) }));
      const all = await instancesOf(id);
      expect(all.map((i) => i.InstanceId), `${crashAt}: duplicates`).toEqual([r.backendId]);
      expect(all[0]!.State?.Name).toBe('running');
    }
  });

  it('destroy: nothing left running after a crash at any call and a restart', async () => {
    const calls = await cleanTrace('destroy');
    expect(calls).toEqual(expect.arrayContaining(['DescribeInstances#1', 'TerminateInstances#1', 'DescribeInstances#2']));
    for (const crashAt of points(calls)) {
      const id = nextId++;
      const f = files(id);
      const created = await motoBackend(moto.endpoint, ami).create(nodeSpec(key(id)), testContext({ checkpoint: fileCheckpoint(f.checkpointFile) }));
      writeFileSync(f.stateFile, JSON.stringify({ resource: created }));
      const run = await drive({ op: 'destroy', endpoint: moto.endpoint, ami, id, crashAt, ...f });
      expect(run.signal, `${crashAt}: the driver must die there (${run.stderr})`).toBe('SIGKILL');
      reached.push(`destroy ${crashAt}`);
      const { resource } = JSON.parse(readFileSync(f.stateFile, 'utf8')) as { resource: Resource };
      const backend = motoBackend(moto.endpoint, ami);
      await backend.destroy(resource, testContext({ checkpoint: fileCheckpoint(f.checkpointFile) }));
      const all = await instancesOf(id);
      expect(all.map((i) => [i.InstanceId, i.State?.Name]), `${crashAt}: leak`).toEqual([[created.backendId, 'terminated']]);
      expect((await backend.list(testContext())).filter((x) => x.key.id === String(id))).toEqual([]);
    }
  });

  it('a crash in the restarted create too (twice in a row) still ends with one instance', async () => {
    const id = nextId++;
    const f = files(id);
    for (const crashAt of ['after:RunInstances#1', 'before:DescribeInstances#2']) {
      const run = await drive({ op: 'create', endpoint: moto.endpoint, ami, id, crashAt, ...f });
      expect(run.signal).toBe('SIGKILL');
    }
    const r = await motoBackend(moto.endpoint, ami).create(nodeSpec(key(id)), testContext({ checkpoint: fileCheckpoint(f.checkpointFile) }));
    expect((await instancesOf(id)).map((i) => i.InstanceId)).toEqual([r.backendId]);
  });
});
