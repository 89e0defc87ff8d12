/** Shared set-up of the backend's colocated tests: an emulator, a backend on it, a context. */
import type { DeploymentSpec, Logger, OperationContext } from '../../backend.ts';
import { memoryCheckpoint, operationContext } from '../../context.ts';
import { builtinCatalog } from '../../launch/catalog.ts';
import { resourceName, resourceTags } from '../../naming.ts';
import { CloudStackBackend } from './cloudstack-backend.ts';
import { CloudStackClient } from './client.ts';
import { parseCloudStackConfig, type CloudStackConfigInput } from './config.ts';
import { EMULATOR_USER, emulatorConfig, startCloudStackEmulator, type CloudStackEmulator, type EmulatorOptions } from './emulator/index.ts';

export const PROVIDER = '5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY';

export function nodeSpec(id: number, descriptor: Record<string, unknown> = {}, provider = PROVIDER): DeploymentSpec {
  const key = { provider, id: String(id), generation: 1 };
  return { key, name: resourceName(key), tags: resourceTags(key), type: 'substrate-node', descriptor: { type: 'substrate-node', role: 'rpc', chain: 'dinfra', version: '1', ...descriptor }, secrets: {} };
}

/** A logger that keeps every line as JSON text (to search for leaked secrets). */
export function recorder(): { lines: string[]; log: Logger } {
  const lines: string[] = [];
  const at = (o: object | string, m?: string) => void lines.push(JSON.stringify([o, m]));
  const log: Logger = { debug: at, info: at, warn: at, error: at, child: () => log };
  return { lines, log };
}

const open: CloudStackEmulator[] = [];

/** Closes the emulators `setup` started (call in afterEach). */
export async function closeAll(): Promise<void> {
  await Promise.all(open.splice(0).map((c) => c.close()));
}

export async function setup(opts: EmulatorOptions = {}, config: Partial<CloudStackConfigInput> = {}) {
  const cloud = await startCloudStackEmulator({ jobDelayMs: 20, ...opts });
  open.push(cloud);
  const calls: string[] = [];
  const backend = new CloudStackBackend({
    config: parseCloudStackConfig(emulatorConfig(cloud.url, config)), provider: PROVIDER, credentials: EMULATOR_USER, catalog: builtinCatalog(),
    marketplace: { name: 'Development', rpcUrl: 'ws://127.0.0.1:9944' }, onCall: (c) => calls.push(c),
  });
  const rec = recorder();
  const checkpoint = memoryCheckpoint();
  const steps: string[] = [];
  const ctx = (signal?: AbortSignal): OperationContext => operationContext({ log: rec.log, checkpoint, onProgress: (m) => steps.push(m), ...(signal ? { signal } : {}) });
  const user = new CloudStackClient({ endpoint: cloud.url, ...EMULATOR_USER });
  return { cloud, backend, calls, ctx, checkpoint, rec, steps, user };
}

export const count = (calls: string[], c: string): number => calls.filter((x) => x === c).length;
