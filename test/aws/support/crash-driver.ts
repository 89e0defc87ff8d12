// A reactor step in a child process that can die by kill -9 at any API call of the aws
// backend. Run: node --import tsx crash-driver.ts, with DINFRA_AWS_DRIVER='{"op":..., ...}'.
//
// Crash points are `before:<Operation>#<n>` / `after:<Operation>#<n>` (the n-th request of that
// operation, counted in the SDK's finalize step, i.e. per HTTP attempt): "before" dies with the
// request not sent, "after" dies with EC2's answer received but not yet used. Every request is
// appended to `traceFile` first, so a clean run lists the points a matrix must cover.
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import type { Resource } from '@dinfra/reactor-sdk';
import { AwsBackend, makeClients, parseAwsConfig } from '@dinfra/reactor-sdk/aws';
import { fileCheckpoint, testContext } from './context.ts';
import { CLOUD_CATALOG, key, motoConfig, nodeSpec, PROVIDER } from './fixtures.ts';
import { MOTO_CREDENTIALS } from './moto.ts';

export interface DriverInput {
  readonly op: 'create' | 'destroy';
  readonly endpoint: string;
  readonly ami: string;
  readonly id: number;
  readonly checkpointFile: string;
  /** The reactor's own record: `{ pending }` before create, `{ resource }` after. */
  readonly stateFile: string;
  readonly traceFile: string;
  readonly crashAt?: string;
}

const input = JSON.parse(process.env.DINFRA_AWS_DRIVER ?? '{}') as DriverInput;
const config = parseAwsConfig(motoConfig(input.endpoint, input.ami));
const clients = makeClients(config, { credentials: MOTO_CREDENTIALS });
const seen = new Map<string, number>();
clients.ec2.middlewareStack.add(
  (next, context) => async (args) => {
    const op = (context as { commandName?: string }).commandName?.replace(/Command$/, '') ?? 'unknown';
    const n = (seen.get(op) ?? 0) + 1;
    seen.set(op, n);
    const point = `${op}#${n}`;
    appendFileSync(input.traceFile, `${point}\n`);
    if (input.crashAt === `before:${point}`) process.kill(process.pid, 'SIGKILL');
    const out = await next(args);
    if (input.crashAt === `after:${point}`) process.kill(process.pid, 'SIGKILL');
    return out;
  },
  { step: 'finalizeRequest', name: 'dinfraCrashPoint' },
);

const backend = new AwsBackend({ config, provider: PROVIDER, catalog: CLOUD_CATALOG, clients });
const ctx = testContext({ checkpoint: fileCheckpoint(input.checkpointFile) });
const spec = nodeSpec(key(input.id));
if (input.op === 'create') {
  writeFileSync(input.stateFile, JSON.stringify({ pending: spec.key }));
  const resource = await backend.create(spec, ctx);
  writeFileSync(input.stateFile, JSON.stringify({ resource }));
} else {
  const { resource } = JSON.parse(readFileSync(input.stateFile, 'utf8')) as { resource: Resource };
  await backend.destroy(resource, ctx);
  writeFileSync(input.stateFile, JSON.stringify({ destroyed: resource.key }));
}
await backend.close();
clients.ec2.destroy();
clients.ssm.destroy();
