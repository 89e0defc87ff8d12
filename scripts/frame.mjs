#!/usr/bin/env node
// The Rust side of DINFRA: the cargo workspace in frame/ (FRAME pallets, the Wasm runtime,
// the raw-chain-spec writer, the conformance-vector runner).
//
//   node scripts/frame.mjs setup                  rustup targets (idempotent)
//   node scripts/frame.mjs build                  release build: native + Wasm (prints the Wasm)
//   node scripts/frame.mjs test                   build, cargo test, benchmarks once, the
//                                                 planted-divergence self-check; last line
//                                                 `N passed, M failed` (scripts/test-all.mjs)
//   node scripts/frame.mjs chain-spec [--preset dev|local] --out FILE [--wasm FILE]
//                                                 builds when needed; writes a raw chain spec
//   node scripts/frame.mjs paths [--json]         the target dir, the Wasm, the spec writer
//
// Cargo's target dir is ~/.cache/dinfra/cargo-target (CARGO_TARGET_DIR overrides; DINFRA_CACHE
// moves the cache) so fresh clones build warm. Every cargo run is `nice -n 10`.
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const frame = join(root, 'frame');
const cache = process.env.DINFRA_CACHE ?? join(homedir(), '.cache', 'dinfra');
const target = process.env.CARGO_TARGET_DIR ?? join(cache, 'cargo-target');
const wasm = join(target, 'release', 'wbuild', 'dinfra-runtime', 'dinfra_runtime.compact.compressed.wasm');
const specWriter = join(target, 'release', 'dinfra-chain-spec');
const TARGETS = ['wasm32v1-none', 'wasm32-unknown-unknown'];
const BENCH_FEATURES = 'pallet-dinfra-providers/runtime-benchmarks,pallet-dinfra-subscriptions/runtime-benchmarks';
const TESTED = ['-p', 'pallet-dinfra-providers', '-p', 'pallet-dinfra-subscriptions', '-p', 'dinfra-conformance'];

const log = (m) => console.error(`[frame] ${m}`);

function sh(cmd, args, { capture = false, cwd = frame } = {}) {
  const started = Date.now();
  const r = spawnSync(cmd, args, {
    cwd,
    env: { ...process.env, CARGO_TARGET_DIR: target },
    stdio: ['ignore', capture ? 'pipe' : 'inherit', capture ? 'pipe' : 'inherit'],
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  if (r.error) throw new Error(`${cmd}: ${r.error.message}`);
  const out = capture ? `${r.stdout ?? ''}${r.stderr ?? ''}` : '';
  return { status: r.status ?? 1, out, seconds: (Date.now() - started) / 1000 };
}

const cargo = (args, opts) => sh('nice', ['-n', '10', 'cargo', ...args], opts);

/** `rustup target add` for the Wasm targets, only when one is missing. */
function setup() {
  const installed = sh('rustup', ['target', 'list', '--installed'], { capture: true }).out.split('\n');
  const missing = TARGETS.filter((t) => !installed.includes(t));
  if (missing.length === 0) return log(`rust targets present: ${TARGETS.join(', ')}`);
  const r = sh('rustup', ['target', 'add', ...missing]);
  if (r.status !== 0) throw new Error(`rustup target add ${missing.join(' ')} failed`);
}

function build() {
  setup();
  const r = cargo(['build', '--release', '-p', 'dinfra-chain-spec-writer']);
  if (r.status !== 0) throw new Error('cargo build --release failed');
  log(`release build (native + Wasm) in ${r.seconds.toFixed(0)} s; Wasm ${wasm} (${statSync(wasm).size} bytes)`);
  return r.seconds;
}

/** Sums libtest's `test result:` lines of cargo's output. */
function count(out) {
  let passed = 0;
  let failed = 0;
  for (const m of out.matchAll(/test result: \w+\. (\d+) passed; (\d+) failed/g)) {
    passed += Number(m[1]);
    failed += Number(m[2]);
  }
  return { passed, failed };
}

function test() {
  const probe = spawnSync('cargo', ['--version'], { stdio: 'ignore' });
  if (probe.status !== 0) {
    // Rust is a peer like the others (scripts/peers.mjs): loud outside CI, a failure under CI=true.
    console.error('PEER MISSING: cargo (install Rust with rustup): the frame/ tests did not run');
    console.log(`\n0 passed, ${process.env.CI === 'true' ? 1 : 0} failed`);
    process.exit(process.env.CI === 'true' ? 1 : 0);
  }
  let passed = 0;
  let failed = 0;
  const problems = [];
  const stage = (name, fn) => {
    try {
      fn();
    } catch (e) {
      failed++;
      problems.push(`${name}: ${e.message}`);
    }
  };
  stage('build', () => {
    build();
    passed++;
  });
  // Unit tests, each benchmark once (runtime-benchmarks), the conformance vectors.
  stage('cargo test', () => {
    const r = cargo(['test', ...TESTED, '--features', BENCH_FEATURES], { capture: true });
    process.stdout.write(r.out);
    const c = count(r.out);
    passed += c.passed;
    failed += c.failed;
    if (c.failed) problems.push(`cargo test: ${c.failed} failed`);
    if (r.status !== 0 && c.failed === 0) throw new Error(`cargo test exited ${r.status} (a build error?)`);
    log(`cargo test in ${r.seconds.toFixed(0)} s`);
  });
  stage('chain-spec writer', () => {
    const r = cargo(['test', '--release', '-p', 'dinfra-chain-spec-writer'], { capture: true });
    process.stdout.write(r.out);
    const c = count(r.out);
    passed += c.passed;
    failed += c.failed;
    if (r.status !== 0 && c.failed === 0) throw new Error(`exited ${r.status}`);
  });
  // The vectors must catch a pallet that bills one block more, naming the step.
  stage('planted divergence', () => {
    const r = cargo(
      ['test', '-p', 'dinfra-conformance', '--features', `${BENCH_FEATURES},pallet-dinfra-subscriptions/plant-billing-divergence`, '--test', 'vectors', 'every_vector'],
      { capture: true },
    );
    const named = /block \d+, step \d+ \(/.test(r.out) && /expected .*\n\s+actual /.test(r.out);
    if (r.status === 0 || !named) throw new Error(`a pallet billing one block more was not caught with its step:\n${r.out.slice(-3000)}`);
    const first = r.out.split('\n').find((l) => /: block \d+, step \d+/.test(l));
    log(`planted divergence caught: ${first?.trim()}`);
    passed++;
  });
  if (problems.length) console.log(`\nFailures:\n  ${problems.join('\n  ')}`);
  console.log(`\n${passed} passed, ${failed} failed`);
  process.exit(failed === 0 ? 0 : 1);
}

function chainSpec(args) {
  if (!existsSync(specWriter) || !existsSync(wasm) || args.includes('--rebuild')) build();
  const rest = args.filter((a) => a !== '--rebuild');
  const r = sh(specWriter, rest, { cwd: process.cwd() });
  if (r.status !== 0) process.exit(r.status);
}

const [cmd, ...args] = process.argv.slice(2);
try {
  if (cmd === 'setup') setup();
  else if (cmd === 'build') build();
  else if (cmd === 'test') test();
  else if (cmd === 'chain-spec') chainSpec(args);
  else if (cmd === 'paths') {
    const p = { frame, target, wasm, specWriter };
    console.log(args.includes('--json') ? JSON.stringify(p) : Object.entries(p).map(([k, v]) => `${k}: ${v}`).join('\n'));
  } else {
    console.error('usage: node scripts/frame.mjs setup|build|test|chain-spec|paths (see the header of this file)');
    process.exit(2);
  }
} catch (e) {
  console.error(`[frame] ${e.message}`);
  process.exit(1);
}
