#!/usr/bin/env node
// The DINFRA FRAME runtime (frame/runtime, compiled to Wasm) on Chopsticks, on one port.
//
//   node scripts/wasm-chain.mjs --port P [--block-mode instant|manual|interval] [--preset dev|local]
//
// 1. builds frame/ (`cargo build --release -p dinfra-chain-spec-writer`; cargo decides what is
//    stale, a warm no-op takes seconds) into $CARGO_TARGET_DIR (default
//    ~/.cache/dinfra/cargo-target, shared by every checkout so fresh clones build warm);
// 2. writes the raw chain spec of the preset with the runtime's own genesis builder
//    (`dinfra-chain-spec --preset P --out .tmp/wasm-chain/P.json`);
// 3. starts @acala-network/chopsticks from that spec (`genesis:`, no upstream endpoint, no db)
//    on ws://HOST:P (HTTP on the same port). `instant` builds a block per transaction;
//    `manual` builds one per `dev_newBlock` ({ count }), as dinfra-node --sealing manual does;
//    `interval` builds one every --block-time ms (manual mode plus a timer: Chopsticks has no
//    interval mode of its own), as dinfra-node --sealing interval does.
//
// Chopsticks keeps the chain in memory: every start begins at genesis.
//
// It prints one line `wasm-chain: ready ws://…` (with --json, one JSON object) when clients
// may connect, and stops on SIGINT / SIGTERM. `--build-only` stops after step 2 and prints the
// spec's path. Exit codes: 0 stopped by a signal, 1 failure, 2 bad usage.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const USAGE = `Usage: node scripts/wasm-chain.mjs --port P [--block-mode instant|manual|interval] [--preset dev|local]
                                 [--block-time MS] [--host 127.0.0.1] [--build-only] [--no-build] [--json]
  --port P          WebSocket + HTTP JSON-RPC port (0: any free port)
  --block-mode M    instant (a block per transaction, default), manual (dev_newBlock) or
                    interval (a block every --block-time ms)
  --block-time MS   milliseconds between blocks in interval mode (default 6000)
  --preset N        genesis preset of the runtime: dev (default) or local
  --host H          listening interface (default 127.0.0.1)
  --build-only      build the runtime and write the chain spec, print its path, exit
  --no-build        use the binaries already in the cargo target dir
  --json            print the ready line as JSON
Environment: CARGO_TARGET_DIR (default ~/.cache/dinfra/cargo-target), CARGO (default cargo,
then ~/.cargo/bin/cargo), DINFRA_WASM_NO_BUILD=1 (as --no-build), LOG_LEVEL (Chopsticks' log
level, default warn).`;

class UsageError extends Error {}

function options() {
  let v;
  try {
    v = parseArgs({
      options: {
        port: { type: 'string' },
        'block-mode': { type: 'string', default: 'instant' },
        'block-time': { type: 'string', default: '6000' },
        preset: { type: 'string', default: 'dev' },
        host: { type: 'string', default: '127.0.0.1' },
        'build-only': { type: 'boolean', default: false },
        'no-build': { type: 'boolean', default: false },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
    }).values;
  } catch (e) {
    throw new UsageError(e.message);
  }
  if (v.help) {
    console.log(USAGE);
    process.exit(0);
  }
  if (!['instant', 'manual', 'interval'].includes(v['block-mode'])) throw new UsageError(`--block-mode: instant, manual or interval, not ${v['block-mode']}`);
  const blockTime = Number(v['block-time']);
  if (!Number.isInteger(blockTime) || blockTime < 100) throw new UsageError(`--block-time: milliseconds >= 100, not ${v['block-time']}`);
  if (!['dev', 'local'].includes(v.preset)) throw new UsageError(`--preset: dev or local, not ${v.preset}`);
  const port = Number(v.port);
  if (!v['build-only'] && (v.port === undefined || !Number.isInteger(port) || port < 0 || port > 65535)) {
    throw new UsageError(`--port: a port number 0-65535${v.port === undefined ? ' is required' : `, not ${v.port}`}`);
  }
  const build = !v['no-build'] && process.env.DINFRA_WASM_NO_BUILD !== '1';
  return { port, mode: v['block-mode'], blockTime, preset: v.preset, host: v.host, buildOnly: v['build-only'], build, json: v.json };
}

export const targetDir = () => process.env.CARGO_TARGET_DIR ?? join(homedir(), '.cache', 'dinfra', 'cargo-target');

function cargoBin() {
  if (process.env.CARGO) return process.env.CARGO;
  const probe = spawnSync('cargo', ['--version'], { stdio: 'ignore' });
  if (probe.status === 0) return 'cargo';
  const home = join(homedir(), '.cargo', 'bin', 'cargo');
  if (existsSync(home)) return home;
  throw new Error('cargo not found (install Rust with rustup, then `rustup target add wasm32v1-none`)');
}

/** Builds the chain-spec writer (and with it the runtime's Wasm) and writes the preset's raw spec. */
function buildSpec({ preset, build }) {
  const target = targetDir();
  if (build) {
    if (!existsSync(join(ROOT, 'frame', 'chain-spec-writer', 'Cargo.toml'))) {
      throw new Error('frame/chain-spec-writer is not in this checkout (the FRAME runtime has not landed here)');
    }
    const started = Date.now();
    console.error(`wasm-chain: cargo build --release (frame/, target ${target}); a cold build takes 10-20 minutes`);
    const r = spawnSync(cargoBin(), ['build', '--release', '-p', 'dinfra-chain-spec-writer'], {
      cwd: join(ROOT, 'frame'),
      env: { ...process.env, CARGO_TARGET_DIR: target },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    if (r.status !== 0) throw new Error(`cargo build failed (exit ${r.status ?? r.signal})`);
    console.error(`wasm-chain: built in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  }
  const writer = join(target, 'release', 'dinfra-chain-spec');
  if (!existsSync(writer)) throw new Error(`${writer} is missing (build without --no-build)`);
  const dir = join(ROOT, '.tmp', 'wasm-chain');
  mkdirSync(dir, { recursive: true });
  const spec = join(dir, `${preset}.json`);
  // Written aside and renamed: another wasm-chain may be reading the spec right now.
  const partial = `${spec}.${process.pid}.partial`;
  const r = spawnSync(writer, ['--preset', preset, '--out', partial], { stdio: ['ignore', 'inherit', 'inherit'] });
  if (r.status !== 0) throw new Error(`dinfra-chain-spec --preset ${preset} failed (exit ${r.status ?? r.signal})`);
  renameSync(partial, spec);
  return spec;
}

async function main() {
  const o = options();
  const spec = buildSpec(o);
  if (o.buildOnly) {
    console.log(o.json ? JSON.stringify({ spec }) : spec);
    return;
  }
  process.env.LOG_LEVEL ??= 'warn';
  const { setupWithServer, BuildBlockMode } = await import('@acala-network/chopsticks');
  const chain = await setupWithServer({
    genesis: JSON.parse(readFileSync(spec, 'utf8')),
    port: o.port,
    host: o.host,
    'build-block-mode': o.mode === 'instant' ? BuildBlockMode.Instant : BuildBlockMode.Manual,
    'runtime-log-level': 0,
  });
  const port = Number(String(chain.addr).split(':').pop());
  if (o.port !== 0 && port !== o.port) {
    // Chopsticks moves to the next free port when the one asked for is taken: refuse instead.
    await chain.close().catch(() => {});
    throw new Error(`port ${o.port} is in use (Chopsticks would have listened on ${port})`);
  }
  const ws = `ws://${o.host}:${port}`;
  console.log(o.json ? JSON.stringify({ ws, http: `http://${o.host}:${port}`, port, preset: o.preset, blockMode: o.mode, spec }) : `wasm-chain: ready ${ws} (preset ${o.preset}, block mode ${o.mode}, spec ${spec})`);
  let stopping = false;
  let timer;
  if (o.mode === 'interval') {
    // One block at a time: the next tick waits for the block being built.
    let building = false;
    timer = setInterval(() => {
      if (building || stopping) return;
      building = true;
      chain.chain.newBlock().catch((e) => console.error(`wasm-chain: block building failed: ${e.message}`)).finally(() => (building = false));
    }, o.blockTime);
  }
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    clearInterval(timer);
    await chain.close().catch(() => {});
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((e) => {
  console.error(`wasm-chain: ${e.message}`);
  if (e instanceof UsageError) console.error(USAGE);
  process.exit(e instanceof UsageError ? 2 : 1);
});
