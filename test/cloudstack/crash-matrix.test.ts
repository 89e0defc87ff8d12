// kill -9 at every step of create and destroy, then restart: zero duplicates, zero leaks,
// counted on the emulator. The reactor stand-in is a real process (support/crash-driver.ts)
// that SIGKILLs itself at the step; the restart is a fresh backend over the same checkpoint file.
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startCloudStackEmulator, type CloudStackEmulator } from '@dinfra/reactor-sdk/cloudstack-emulator';
import { describe, expect, it } from 'vitest';
import { backendFor as backendWith, context } from './support/backend-run.ts';
import { catalog, spec } from './support/spec.ts';
import { fileCheckpoint } from './support/file-checkpoint.ts';

const DRIVER = fileURLToPath(new URL('./support/crash-driver.ts', import.meta.url));
const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** Runs the driver; resolves with how it ended. */
function drive(env: Record<string, string>): Promise<{ code: number | null; signal: NodeJS.Signals | null; out: string; err: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', DRIVER], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d));
    child.stderr.on('data', (d: Buffer) => (err += d));
    child.on('error', reject);
    child.on('exit', (code, signal) => resolve({ code, signal, out, err }));
  });
}

const backendFor = (url: string) => backendWith(url, catalog());

interface Case {
  /** The progress message at which the process dies. */
  readonly at: string;
  /** Which occurrence of it. */
  readonly nth: number;
}

async function world() {
  // uniqueNames off: the cloud does not refuse a second VM with the same name, so only the
  // backend stands between a crash and a duplicate.
  const cloud = await startCloudStackEmulator({ jobDelayMs: 150, uniqueNames: false });
  const file = join(mkdtempSync(join(tmpdir(), 'cs-crash-')), 'checkpoint.json');
  return { cloud, file, checkpoint: fileCheckpoint(file) };
}

function liveByName(cloud: CloudStackEmulator, name: string) {
  return [...cloud.state.vms.values()].filter((v) => v.name === name && cloud.state.isLive(v));
}

async function crash(cloud: CloudStackEmulator, file: string, op: 'create' | 'destroy', id: string, c: Case) {
  // The job that must be seen pending is held until the process is dead, then released.
  const held = /^(\w+): job pending$/.exec(c.at)?.[1];
  if (held) cloud.state.options.jobDelays = { [held]: 3_600_000 };
  const r = await drive({ CS_URL: cloud.url, CS_OP: op, CS_SPEC: JSON.stringify(spec(id)), CS_CATALOG: JSON.stringify(catalog()), CS_CHECKPOINT: file, CS_CRASH_AT: c.at, CS_CRASH_NTH: String(c.nth), CLOUDSTACK_API_KEY: 'dinfra-api-key', CLOUDSTACK_SECRET_KEY: 'dinfra-secret-key' });
  // The step must have been reached: a run that finishes means the crash point does not exist.
  expect(r.signal, `${op} did not die at "${c.at}" #${c.nth}: code ${r.code} ${r.out}${r.err}`).toBe('SIGKILL');
  cloud.state.options.jobDelays = {};
  cloud.state.releaseJobs();
}

const CREATE_STEPS: Case[] = [
  { at: 'listing VMs by name', nth: 1 },
  { at: 'deployVirtualMachine', nth: 1 }, // before the call
  { at: 'deployVirtualMachine accepted', nth: 1 }, // after the call, before the job id is kept
  { at: 'deployVirtualMachine: job pending', nth: 1 }, // mid async job
  { at: 'deployVirtualMachine: job pending', nth: 3 },
  { at: 'tagging', nth: 1 }, // job done, before tagging
  { at: 'createTags', nth: 1 }, // just before createTags
  { at: 'createTags: job pending', nth: 1 }, // mid tag job
  { at: 'tagged', nth: 1 }, // after tagging, before the checkpoint is cleared
];

const DESTROY_STEPS: Case[] = [
  { at: 'listing VMs by name', nth: 1 },
  { at: 'destroyVirtualMachine', nth: 1 }, // before the call (expunge=true)
  { at: 'destroyVirtualMachine accepted', nth: 1 }, // after the call, before the job id is kept
  { at: 'destroyVirtualMachine: job pending', nth: 1 }, // mid job (the expunge refusal pending)
  { at: 'destroyVirtualMachine', nth: 2 }, // before the fallback without expunge
  { at: 'destroyVirtualMachine accepted', nth: 2 },
  { at: 'destroyVirtualMachine: job pending', nth: 2 },
  { at: 'destroyed', nth: 1 }, // after the job, before the checkpoint is cleared
];

describe('cloudstack crash matrix (kill -9 of the reactor process)', () => {
  describe.concurrent('create', () => {
    it.each(CREATE_STEPS)('killed at $at #$nth, restarted: one VM, tagged; destroy leaves nothing', async (c) => {
      const { cloud, file, checkpoint } = await world();
      try {
        const s = spec('11');
        await crash(cloud, file, 'create', '11', c);
        const r = await backendFor(cloud.url).create(s, context(checkpoint));
        const live = liveByName(cloud, s.name);
        expect(live.map((v) => v.id)).toEqual([r.backendId]);
        expect(live[0]!.state).toBe('Running');
        expect(Object.fromEntries(live[0]!.tags.map((t) => [t.key, t.value]))).toMatchObject(s.tags);
        expect(cloud.counts()).toMatchObject({ vmsCreated: 1, duplicateNames: [], vmsInError: 0 });
        expect(checkpoint.all()).toEqual({});
        await backendFor(cloud.url).destroy(r, context(checkpoint));
        expect(cloud.counts()).toMatchObject({ vmsCreated: 1, vmsDestroyed: 1, vmsLive: 0 });
      } finally {
        await cloud.close();
      }
    });

    it.each(CREATE_STEPS.slice(2, 6))('killed at $at #$nth, then destroyed instead: nothing leaks', async (c) => {
      const { cloud, file, checkpoint } = await world();
      try {
        const s = spec('12');
        await crash(cloud, file, 'create', '12', c);
        await backendFor(cloud.url).destroy({ key: s.key, name: s.name, backendId: 'unknown', state: 'creating', endpoints: [] }, context(checkpoint));
        await new Promise((res) => setTimeout(res, 200)); // let the dead run's jobs finish
        expect(cloud.counts()).toMatchObject({ vmsCreated: 1, vmsDestroyed: 1, vmsLive: 0 });
        expect(checkpoint.all()).toEqual({});
      } finally {
        await cloud.close();
      }
    });
  });

  describe.concurrent('destroy', () => {
    it.each(DESTROY_STEPS)('killed at $at #$nth, restarted: the VM is gone, nothing else touched', async (c) => {
      const { cloud, file, checkpoint } = await world();
      try {
        const keep = await backendFor(cloud.url).create(spec('20'), context(fileCheckpoint(`${file}.other`)));
        const r = await backendFor(cloud.url).create(spec('21'), context(checkpoint));
        await crash(cloud, file, 'destroy', '21', c);
        await backendFor(cloud.url).destroy(r, context(checkpoint));
        expect(liveByName(cloud, r.name)).toEqual([]);
        expect(liveByName(cloud, keep.name).map((v) => v.id)).toEqual([keep.backendId]);
        expect(cloud.counts()).toMatchObject({ vmsCreated: 2, vmsDestroyed: 1, vmsLive: 1, duplicateNames: [] });
        expect(checkpoint.all()).toEqual({});
      } finally {
        await cloud.close();
      }
    });
  });
});
