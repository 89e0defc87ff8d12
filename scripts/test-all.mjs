#!/usr/bin/env node
// The whole test suite (`pnpm test:all`). Stages, in order:
//   0. peers      `node scripts/peers.mjs` installs the real test peers (Kubo, moto, cs,
//                 schemathesis, cloud-init, docker-compose, nginx, ipfs-cid); minutes the first time.
//                 Under CI=true a failed install fails the run; otherwise a loud warning, and on.
//   1. typecheck  one check, counted as one test.
//   2. frame      scripts/frame.mjs test: the Rust workspace in frame/ (release build of the
//                 Wasm runtime, cargo test with each benchmark once and the conformance
//                 vectors, the planted-divergence check); its last line is `N passed, M failed`.
//                 Before vitest, so the Wasm the Chopsticks tests run is built.
//   3. vitest     unit and end-to-end tests (JSON report in .tmp/vitest.json).
//   4. zombienet  scripts/zombienet-test.mjs (its last line is `N passed, M failed`).
// It ends with one line `N passed, M failed` summing every stage.
// `node scripts/test-all.mjs --count-report FILE` only counts an existing vitest JSON report
// (to check these rules; the floor is not applied).
//
// What counts as a failure (nothing may go green by not running):
//   - every failed test;
//   - every test file whose status is `failed`: its failed tests, or 1 when it has none (an
//     error in beforeAll/afterAll or at import, which vitest reports with its tests skipped);
//   - every skipped or todo test, unless it is on SKIP_ALLOW_LIST below (each entry says why).
//     A test that needs a missing peer skips with a `PEER MISSING` line (test/support/peers.ts):
//     outside CI, when stage 0 could not install every peer, such skips are listed loudly but
//     not counted; under CI=true a missing peer throws at collection, so the file fails, and any
//     skip not on the allow-list counts.
//   - a stage that exits non-zero without reporting a failure counts once;
//   - fewer tests in total (passed + failed + skipped) than TEST_FLOOR: tests went missing.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Least number of tests a full run must count (all stages). Set from the count on
 * 2026-11-29 (`vitest list`: 624 tests in committed files, + typecheck + 14 zombienet
 * assertions = 639, less a small margin for tests that exist per environment); raise it as
 * tests land, never lower it to make a run pass.
 */
const TEST_FLOOR = 790;

/**
 * Skipped or todo tests that do not count as failures: { file, test (regex on the full
 * name), why }. Keep it short; every entry needs a reason a reviewer accepts.
 */
const SKIP_ALLOW_LIST = [
  {
    file: 'packages/runtime/src/trie/trie-root.test.ts',
    test: /^genesis state root from a raw chain spec /,
    why: 'opt-in check against a 3 MB third-party chain spec (TRIE_GENESIS_SPEC); nothing here can fetch it',
  },
  {
    file: 'test/frame/metadata.test.ts',
    test: /./,
    why: 'needs cargo and frame/runtime (the Wasm runtime) in the checkout: skipped with a PEER MISSING line where absent; under CI=true the file fails instead',
  },
  {
    file: 'test/frame/marketplace-wasm.test.ts',
    test: /./,
    why: 'needs cargo and frame/runtime (the Wasm runtime) in the checkout: skipped with a PEER MISSING line where absent; under CI=true the file fails instead',
  },
];

const CI = process.env.CI === 'true';
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const out = resolve(root, '.tmp');
mkdirSync(out, { recursive: true });
const bin = (name) => resolve(root, 'node_modules/.bin', name);
let passed = 0;
let failed = 0;
let skippedAll = 0;
let peersMissing = false;
const problems = [];

function run(name, cmd, args, env = {}) {
  const started = Date.now();
  console.log(`\n=== ${name}: ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { cwd: root, stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, ...env } });
  console.log(`=== ${name}: exit ${r.status} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return r.status ?? 1;
}

function fail(what, n = 1) {
  failed += n;
  problems.push(`${n} failed: ${what}`);
}

/** Counts a vitest JSON report by the rules above. */
function countVitest(reportPath, vitestCode) {
  const failedBefore = failed;
  const notCounted = [];
  try {
    const r = JSON.parse(readFileSync(reportPath, 'utf8'));
    for (const file of r.testResults ?? []) {
      const path = relative(root, file.name);
      let failedHere = 0;
      for (const t of file.assertionResults ?? []) {
        const name = [...(t.ancestorTitles ?? []), t.title].join(' ');
        if (t.status === 'passed') passed++;
        else if (t.status === 'failed') failedHere++;
        else {
          skippedAll++;
          const allowed = SKIP_ALLOW_LIST.find((a) => a.file === path && a.test.test(name));
          if (allowed) notCounted.push(`${t.status} (allowed: ${allowed.why}): ${path} > ${name}`);
          else if (!CI && peersMissing) notCounted.push(`${t.status} (PEERS MISSING, not counted outside CI): ${path} > ${name}`);
          else fail(`${t.status}: ${path} > ${name}`);
        }
      }
      if (failedHere) fail(`${path}: ${failedHere} test(s)`, failedHere);
      else if (file.status === 'failed') fail(`${path}: ${file.message ? file.message.split('\n')[0] : 'failed outside its tests'}`);
    }
    console.log(`\nvitest: ${r.numTotalTests} tests (${r.numPassedTests} passed, ${r.numFailedTests} failed, ${r.numPendingTests} skipped, ${r.numTodoTests} todo) in ${r.numTotalTestSuites} suites`);
  } catch (e) {
    fail(`no vitest report (${e.message})`);
  }
  if (vitestCode !== 0 && failed === failedBefore) fail(`vitest exited ${vitestCode} without a failed test`);
  if (notCounted.length) console.warn(`\n!!! ${notCounted.length} skipped/todo tests not counted as failures:\n  ${notCounted.join('\n  ')}`);
}

/** Counts a stage whose stdout ends with `N passed, M failed`. */
function countLastLine(name, r) {
  process.stdout.write(r.stdout ?? '');
  const m = /(\d+) passed, (\d+) failed\s*$/.exec(r.stdout ?? '');
  if (m) {
    passed += Number(m[1]);
    if (Number(m[2])) fail(`${name} assertions`, Number(m[2]));
  }
  if (r.status !== 0 && (!m || Number(m[2]) === 0)) fail(`${name} exited ${r.status}`);
}

function summary() {
  if (problems.length) console.log(`\nFailures:\n  ${problems.join('\n  ')}`);
  console.log(`\n${passed} passed, ${failed} failed`);
  process.exit(failed === 0 ? 0 : 1);
}

const countOnly = process.argv.indexOf('--count-report');
if (countOnly !== -1) {
  countVitest(resolve(process.argv[countOnly + 1] ?? ''), 0);
  summary();
}

// 0. Peers.
if (run('peers', 'node', ['scripts/peers.mjs']) !== 0) {
  peersMissing = true;
  if (CI) fail('test peers could not be installed (required under CI=true)');
  else console.warn('\n!!!!!! WARNING: some test peers could not be installed (see above): tests that need them are SKIPPED.\n!!!!!! Under CI=true this run would fail.\n');
}

// 1. Typecheck.
if (run('typecheck', bin('tsc'), ['-p', 'tsconfig.json']) === 0) passed++;
else fail('typecheck');

// 2. The Rust workspace (frame/).
console.log('\n=== frame: node scripts/frame.mjs test');
countLastLine('frame', spawnSync('node', ['scripts/frame.mjs', 'test'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 256 * 1024 * 1024 }));

// 3. vitest.
const report = resolve(out, 'vitest.json');
rmSync(report, { force: true });
countVitest(report, run('vitest', bin('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile=${report}`]));

// 4. zombienet.
countLastLine('zombienet', spawnSync('node', ['scripts/zombienet-test.mjs'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }));

// The floor.
const total = passed + failed + skippedAll;
if (total < TEST_FLOOR) fail(`only ${total} tests counted, below the floor of ${TEST_FLOOR}: tests went missing`);

summary();
