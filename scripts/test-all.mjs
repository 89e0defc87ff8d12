#!/usr/bin/env node
// The whole test suite (`pnpm test:all`): typecheck, vitest (unit, e2e against real node
// processes), zombienet. Ends with one line `N passed, M failed` summing every stage.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const out = resolve(root, '.tmp');
mkdirSync(out, { recursive: true });
const bin = (name) => resolve(root, 'node_modules/.bin', name);
let passed = 0;
let failed = 0;

function run(name, cmd, args, env = {}) {
  const started = Date.now();
  console.log(`\n=== ${name}: ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { cwd: root, stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, ...env } });
  console.log(`=== ${name}: exit ${r.status} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return r.status ?? 1;
}

// 1. Typecheck: one check, counted as one test.
if (run('typecheck', bin('tsc'), ['-p', 'tsconfig.json']) === 0) passed++;
else failed++;

// 2. vitest: unit, runtime, node e2e.
const report = resolve(out, 'vitest.json');
rmSync(report, { force: true });
const vitestCode = run('vitest', bin('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile=${report}`]);
try {
  const r = JSON.parse(readFileSync(report, 'utf8'));
  passed += r.numPassedTests;
  failed += r.numFailedTests;
  // Files that failed to load or errors outside any test count once each.
  failed += (r.testResults ?? []).filter((f) => f.status === 'failed' && (f.assertionResults ?? []).length === 0).length;
} catch {
  failed++;
}
if (vitestCode !== 0 && failed === 0) failed++;

// 3. zombienet: its script prints `N passed, M failed` as its last line.
const z = spawnSync('node', ['scripts/zombienet-test.mjs'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
process.stdout.write(z.stdout ?? '');
const m = /(\d+) passed, (\d+) failed\s*$/.exec(z.stdout ?? '');
if (m) {
  passed += Number(m[1]);
  failed += Number(m[2]);
}
if (z.status !== 0 && (!m || Number(m[2]) === 0)) failed++;

console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
