#!/usr/bin/env node
// Runs the zombienet tests against dinfra-node (`pnpm test:zombienet`): every zombienet/*.zndsl
// in name order (0001-smoke, 0002-marketplace, ...), one network at a time, except those on
// NOT_YET below (each with its reason, printed loudly on every run).
// Sets DINFRA_NODE_BIN, runs the workspace's own zombienet (node_modules/.bin/zombienet, never
// `npx`, which may fetch from a registry) as `zombienet -p native -f test FILE` with a time
// limit per file, and ends with a line `N passed, M failed` over all files (zndsl assertions;
// assertions that never ran, because the network did not start or the time ran out, count as
// failed).
// Env: ZOMBIENET_TEST (comma-separated zndsl paths instead of all of them),
//      ZOMBIENET_TIMEOUT_S (per file, default 900).
import { spawn } from 'node:child_process';
import { accessSync, constants, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Tests left out of the default run, with the reason. Remove an entry once its test passes
 * here; ZOMBIENET_TEST=zombienet/<file> still runs it.
 */
const NOT_YET = {
  // (empty: every zombienet/*.zndsl runs)
};

const all = readdirSync(resolve(root, 'zombienet')).filter((f) => f.endsWith('.zndsl')).sort();
for (const f of all) if (!process.env.ZOMBIENET_TEST && NOT_YET[f]) console.warn(`\n!!! zombienet: NOT RUN zombienet/${f}: ${NOT_YET[f]}\n`);
const testFiles = process.env.ZOMBIENET_TEST
  ? process.env.ZOMBIENET_TEST.split(',').map((f) => resolve(root, f.trim()))
  : all.filter((f) => !NOT_YET[f]).map((f) => resolve(root, 'zombienet', f));
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

const total = testFiles.reduce((n, f) => n + assertionsOf(f).length, 0);
try {
  accessSync(zombienet, constants.X_OK);
} catch {
  console.error(`${zombienet} is missing: run \`pnpm install\` (the workspace pins @zombienet/cli)`);
  console.log(`0 passed, ${total} failed`);
  process.exit(1);
}

let current;
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    try {
      if (current) process.kill(-current.pid, signal);
    } catch {
      /* already gone */
    }
    process.exit(130);
  });
}

/** SIGKILLs every process whose environment carries DINFRA_STACK=<id>; returns how many. */
function stopMarked(id) {
  let n = 0;
  for (const pid of readdirSync('/proc').filter((e) => /^\d+$/.test(e) && Number(e) !== process.pid)) {
    try {
      if (readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0').includes(`DINFRA_STACK=${id}`)) {
        process.kill(Number(pid), 'SIGKILL');
        n++;
      }
    } catch {
      /* gone or not ours */
    }
  }
  return n;
}

/** Runs one .zndsl; resolves with its counts (assertions that never ran count as failed). */
function runOne(testFile) {
  const expected = assertionsOf(testFile).length;
  let passed = 0;
  let failed = 0;
  let tail = '';
  console.log(`\n--- zombienet: ${relative(root, testFile)} (${expected} assertions)`);
  // Sidecars started by js-scripts (OGate, reactors, deployed nodes) inherit DINFRA_STACK and
  // keep their state in a fresh DINFRA_ZOMBIE_DIR; they are stopped when the file ends.
  const stackId = `zombienet-${process.pid}-${Date.now()}`;
  const zombieDir = mkdtempSync(join(tmpdir(), 'dinfra-zombienet-'));
  const child = spawn(zombienet, ['-p', 'native', '-f', 'test', testFile], {
    cwd: root,
    env: { ...process.env, DINFRA_NODE_BIN: bin, DINFRA_STACK: stackId, DINFRA_ZOMBIE_DIR: zombieDir },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true, // own process group, so a timeout can stop zombienet and the nodes it spawned
  });
  current = child;
  const scan = (chunk, out) => {
    out.write(chunk);
    const lines = (tail + chunk.toString()).split('\n');
    tail = lines.pop() ?? '';
    for (const line of lines) {
      if (line.includes('✅')) passed++;
      else if (line.includes('❌') && !/One or more of your test/.test(line)) failed++; // not the summary line
    }
  };
  child.stdout.on('data', (c) => scan(c, process.stdout));
  child.stderr.on('data', (c) => scan(c, process.stderr));

  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    console.error(`zombienet did not finish ${relative(root, testFile)} within ${timeoutS} s: stopping it`);
    try {
      process.kill(-child.pid, 'SIGTERM');
      setTimeout(() => {
        try {
          process.kill(-child.pid, 'SIGKILL');
        } catch {
          /* already gone */
        }
      }, 10_000).unref();
    } catch {
      /* already gone */
    }
  }, timeoutS * 1000);

  return new Promise((done) => {
    child.on('close', (code) => {
      clearTimeout(timer);
      current = undefined;
      const swept = stopMarked(stackId);
      if (swept) console.log(`--- zombienet: stopped ${swept} sidecar process(es) the scenario started`);
      const notRun = Math.max(0, expected - passed - failed);
      const ok = code === 0 && !timedOut && failed === 0 && notRun === 0;
      console.log(`--- zombienet: ${relative(root, testFile)}: ${passed} passed, ${failed + notRun} failed${ok ? '' : ` (exit ${code}${timedOut ? ', timed out' : ''})`}`);
      done({ passed, failed: failed + notRun, ok });
    });
  });
}

let passed = 0;
let failed = 0;
let ok = true;
for (const file of testFiles) {
  const r = await runOne(file);
  passed += r.passed;
  failed += r.failed;
  ok &&= r.ok;
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(ok ? 0 : 1);
