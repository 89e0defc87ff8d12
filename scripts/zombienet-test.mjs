#!/usr/bin/env node
// Runs the zombienet smoke test against dinfra-node (`pnpm test:zombienet`).
// Sets DINFRA_NODE_BIN, runs the workspace's own zombienet (node_modules/.bin/zombienet, never
// `npx`, which may fetch from a registry) as `zombienet -p native -f test zombienet/0001-smoke.zndsl`
// with a time limit, and ends with a line `N passed, M failed` (zndsl assertions; assertions
// that never ran count as failed).
// Env: ZOMBIENET_TEST (zndsl path, default zombienet/0001-smoke.zndsl),
//      ZOMBIENET_TIMEOUT_S (default 900).
import { spawn } from 'node:child_process';
import { accessSync, constants, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const testFile = resolve(root, process.env.ZOMBIENET_TEST ?? 'zombienet/0001-smoke.zndsl');
const timeoutS = Number(process.env.ZOMBIENET_TIMEOUT_S ?? 900);
const bin = resolve(root, 'packages/node/bin/dinfra-node.mjs');
const zombienet = resolve(root, 'node_modules/.bin/zombienet');

try {
  accessSync(bin, constants.X_OK);
} catch {
  console.warn(`warning: ${bin} is missing or not executable: zombienet will fail to start the nodes`);
}

/** Assertion lines of a .zndsl (everything but the header, comments and blank lines). */
function assertionsOf(file) {
  return readFileSync(file, 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#') && !/^(Description|Network|Creds)\s*:/.test(l));
}

const total = assertionsOf(testFile).length;
try {
  accessSync(zombienet, constants.X_OK);
} catch {
  console.error(`${zombienet} is missing: run \`pnpm install\` (the workspace pins @zombienet/cli)`);
  console.log(`0 passed, ${total} failed`);
  process.exit(1);
}
let passed = 0;
let failed = 0;
let tail = '';

const child = spawn(zombienet, ['-p', 'native', '-f', 'test', testFile], {
  cwd: root,
  env: { ...process.env, DINFRA_NODE_BIN: bin },
  stdio: ['ignore', 'pipe', 'pipe'],
  detached: true, // own process group, so a timeout can stop zombienet and the nodes it spawned
});

function scan(chunk, out) {
  out.write(chunk);
  const text = tail + chunk.toString();
  const lines = text.split('\n');
  tail = lines.pop() ?? '';
  for (const line of lines) {
    if (line.includes('✅')) passed++;
    else if (line.includes('❌') && !/One or more of your test/.test(line)) failed++; // not the summary line
  }
}
child.stdout.on('data', (c) => scan(c, process.stdout));
child.stderr.on('data', (c) => scan(c, process.stderr));

let timedOut = false;
const timer = setTimeout(() => {
  timedOut = true;
  console.error(`zombienet did not finish within ${timeoutS} s: stopping it`);
  try {
    process.kill(-child.pid, 'SIGTERM');
    setTimeout(() => process.kill(-child.pid, 'SIGKILL'), 10_000).unref();
  } catch {
    /* already gone */
  }
}, timeoutS * 1000);

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    try {
      process.kill(-child.pid, signal);
    } catch {
      /* already gone */
    }
  });
}

child.on('close', (code) => {
  clearTimeout(timer);
  // Assertions that never ran (network failed to launch, timeout) count as failed.
  const notRun = Math.max(0, total - passed - failed);
  const ok = code === 0 && !timedOut && failed === 0 && notRun === 0;
  console.log(`${passed} passed, ${failed + notRun} failed`);
  process.exit(ok ? 0 : code || 1);
});
