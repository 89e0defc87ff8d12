// A reactor stand-in as a process: runs one create or destroy of the cloudstack backend and
// kills itself with SIGKILL (kill -9) at a chosen step. Env:
//   CS_URL         emulator API URL
//   CS_OP          create | destroy
//   CS_SPEC        the DeploymentSpec (JSON), CS_CATALOG the chain catalog (JSON)
//   CS_CHECKPOINT  checkpoint file (the reactor's durable store for this resource)
//   CS_CRASH_AT    progress message to die at (exact), CS_CRASH_NTH which occurrence (default 1)
// Prints one JSON line with the result when it gets to the end.
import type { DeploymentSpec } from '@dinfra/reactor-sdk';
import { backendFor, context } from './backend-run.ts';
import { fileCheckpoint } from './file-checkpoint.ts';

const { CS_URL, CS_OP, CS_SPEC, CS_CATALOG, CS_CHECKPOINT, CS_CRASH_AT } = process.env;
const nth = Number(process.env.CS_CRASH_NTH ?? '1');
let seen = 0;
const steps: string[] = [];
const ctx = context(fileCheckpoint(CS_CHECKPOINT!), (m) => {
  steps.push(m);
  if (m === CS_CRASH_AT && ++seen === nth) process.kill(process.pid, 'SIGKILL');
});
const backend = backendFor(CS_URL!, JSON.parse(CS_CATALOG!));
const s = JSON.parse(CS_SPEC!) as DeploymentSpec;
if (CS_OP === 'create') {
  const r = await backend.create(s, ctx);
  console.log(JSON.stringify({ ok: true, resource: r, steps }));
} else {
  await backend.destroy({ key: s.key, name: s.name, backendId: 'unknown', state: 'running', endpoints: [] }, ctx);
  console.log(JSON.stringify({ ok: true, steps }));
}
