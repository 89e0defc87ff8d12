// `npm start`: the whole DINFRA marketplace on one machine, as child processes with prefixed
// logs — a dev chain, the embedded content store, a provider (//Bob, operator //Dave) with
// open offerings, its OGate, and a local reactor. State under .dinfra/ (kept between runs).
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { randomUUID } from 'node:crypto';
import { startChild, run, type Child } from './children.ts';
import { takeLock, StackAlreadyRunningError } from './lock.ts';
import { stopStackProcesses } from './sweep.ts';
import { ensureProvider, OPERATOR_SURI } from './provider.ts';
import { BIN, CONFIG, DEFAULT_PORTS, ROOT, stackPaths, type StackPorts } from './paths.ts';

const HELP = `Usage: npm start [-- options]

Starts the DINFRA marketplace on this machine: a dev chain (ws://127.0.0.1:9944), a provider
(//Bob, operator //Dave) offering substrate-node and rpc-endpoint, its OGate
(http://127.0.0.1:8420), a local reactor (http://127.0.0.1:8421) and a monitor with its status
page (http://127.0.0.1:8422). Ctrl-C stops all of it,
deployed nodes included; the next start brings back what the chain still wants running.

Options:
  --fresh            delete .dinfra/ (chain, content store, OGate and reactor state) first
  --state-dir DIR    keep state in DIR instead of .dinfra/
  --block-time MS    milliseconds between blocks (default 3000)
  --runtime ts|wasm  the chain: dinfra-node running the TypeScript runtime (ts, default), or
                     the FRAME runtime compiled to Wasm on Chopsticks (wasm: scripts/wasm-chain.mjs
                     builds frame/ with cargo first; Chopsticks keeps no state, so a wasm stack
                     starts fresh every time, under <state-dir>/wasm/, and a deployed node of the
                     \`dinfra\` chain runs its own dev chain: dinfra-node cannot execute the Wasm)
  --rpc-port N, --prometheus-port N, --p2p-port N, --ogate-port N, --reactor-port N, --monitor-port N
                     ports (defaults 9944, 9615, 30333, 8420, 8421; 0 = any free port)
  -h, --help         show this help`;

const log = (line: string) => console.log(`stack   | ${line}`);

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      fresh: { type: 'boolean', default: false },
      'state-dir': { type: 'string' },
      'block-time': { type: 'string', default: '3000' },
      runtime: { type: 'string', default: 'ts' },
      'rpc-port': { type: 'string' },
      'prometheus-port': { type: 'string' },
      'p2p-port': { type: 'string' },
      'ogate-port': { type: 'string' },
      'reactor-port': { type: 'string' },
      'monitor-port': { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    console.log(HELP);
    return 0;
  }
  const blockTime = Number(values['block-time']);
  if (!Number.isInteger(blockTime) || blockTime < 500) {
    console.error(`stack: --block-time must be an integer number of milliseconds >= 500 (got "${values['block-time']}")`);
    return 2;
  }
  const runtime = values.runtime;
  if (runtime !== 'ts' && runtime !== 'wasm') {
    console.error(`stack: --runtime must be ts or wasm (got "${runtime}")`);
    return 2;
  }
  const base = stackPaths(values['state-dir'] ? resolve(values['state-dir']) : undefined);
  const paths = runtime === 'wasm' ? stackPaths(join(base.state, 'wasm')) : base;
  mkdirSync(paths.state, { recursive: true });
  let release: () => void;
  try {
    release = takeLock(paths.state);
  } catch (e) {
    if (e instanceof StackAlreadyRunningError) {
      console.error(`stack: ${e.message}`);
      return 1;
    }
    throw e;
  }
  if (values.fresh || runtime === 'wasm') {
    log(`--fresh: removing ${relative(ROOT, paths.state) || paths.state}/ state`);
    for (const dir of [paths.chain, paths.ipfs, paths.ogate, paths.reactor, paths.monitor]) rmSync(dir, { recursive: true, force: true });
  }
  for (const dir of [paths.chain, paths.ipfs, paths.ogate, paths.reactor, paths.monitor]) mkdirSync(dir, { recursive: true });

  const stackId = randomUUID();
  const env = { ...process.env, DINFRA_STACK: stackId, DINFRA_IPFS_REPO: paths.ipfs };
  let ports: StackPorts;
  try {
    ports = parsePorts(values);
  } catch (e) {
    console.error(`stack: ${(e as Error).message}`);
    release();
    return 2;
  }
  const children: Child[] = [];
  let stopping = false;
  const stopAll = async (code: number) => {
    if (stopping) return;
    stopping = true;
    log('stopping ...');
    for (const child of [...children].reverse()) await child.stop();
    const swept = await stopStackProcesses(stackId);
    if (swept) log(`stopped ${swept} deployed process(es)`);
    release();
    log('stopped');
    process.exit(code);
  };
  process.on('SIGINT', () => void stopAll(0));
  process.on('SIGTERM', () => void stopAll(0));

  try {
    const rpcUrl = runtime === 'wasm' ? await startWasmChain(children, ports, blockTime, env) : await startNode(children, paths, ports, blockTime, env);
    log(`chain up at ${rpcUrl}`);

    await ensureProvider(rpcUrl, `http://127.0.0.1:${ports.ogate}`, log);

    const ogate = startChild({
      name: 'ogate',
      command: process.execPath,
      args: [BIN.ogate, 'run', '--config', CONFIG.ogate, '--url', rpcUrl, '--suri', OPERATOR_SURI, '--data-dir', paths.ogate, '--listen', `127.0.0.1:${ports.ogate}`, '--ipfs-repo', paths.ipfs],
      env,
    });
    children.push(ogate);
    const ogateUrl = (await ogate.waitFor(/OGate listening on (http:\/\/\S+)/, 60_000))[1]!;

    const token = await reactorToken(paths.ogate, paths.reactor);
    const reactor = startChild({
      name: 'reactor',
      command: process.execPath,
      args: [BIN.reactor, '--config', CONFIG.reactor, '--chains', runtime === 'wasm' ? wasmChainsFile(paths.state) : CONFIG.chains, '--ogate', ogateUrl, '--token', token, '--backend', 'local', '--data-dir', paths.reactor, '--listen', `127.0.0.1:${ports.reactor}`],
      env,
    });
    children.push(reactor);
    const reactorUrl = (await reactor.waitFor(/reactor listening on (http:\/\/[^\s"]+)/, 60_000))[1]!;

    const monitor = startChild({
      name: 'monitor',
      command: process.execPath,
      args: [BIN.monitor, 'run', '--ogate', ogateUrl, '--token', await monitorToken(paths.ogate, paths.monitor), '--ogate-provider', 'bob', '--ogate-poll', '3000', '--reference', rpcUrl, '--block-time', String(blockTime), '--data-dir', paths.monitor, '--listen', `127.0.0.1:${ports.monitor}`],
      env,
    });
    children.push(monitor);
    const monitorUrl = (await monitor.waitFor(/monitor listening on (http:\/\/\S+)/, 60_000))[1]!;

    printReady({ rpcUrl, ogateUrl, reactorUrl, monitorUrl });
    for (const child of children) {
      child.process.once('exit', (code, signal) => {
        if (stopping) return;
        log(`${child.name} exited (${signal ?? code}); stopping the stack`);
        void stopAll(1);
      });
    }
    return await new Promise<number>(() => {});
  } catch (e) {
    console.error(`stack: ${(e as Error).message}`);
    await stopAll(1);
    return 1;
  }
}

async function startNode(children: Child[], paths: ReturnType<typeof stackPaths>, ports: StackPorts, blockTime: number, env: NodeJS.ProcessEnv): Promise<string> {
  const node = startChild({
    name: 'node',
    command: process.execPath,
    args: [BIN.node, '--dev', '--base-path', paths.chain, '--sealing', 'interval', '--block-time', String(blockTime), '--rpc-port', String(ports.rpc), '--prometheus-port', String(ports.prometheus), '--listen-addr', `/ip4/127.0.0.1/tcp/${ports.p2p}/ws`, '--log', 'info,author=warn'],
    env,
  });
  children.push(node);
  const rpcPort = Number((await node.waitFor(/Running JSON-RPC server: addr=[^:]+:(\d+)/, 60_000))[1]);
  return `ws://127.0.0.1:${rpcPort}`;
}

/** The FRAME runtime on Chopsticks (scripts/wasm-chain.mjs; a cold cargo build takes 10-20 minutes). */
async function startWasmChain(children: Child[], ports: StackPorts, blockTime: number, env: NodeJS.ProcessEnv): Promise<string> {
  const chain = startChild({
    name: 'chain',
    command: process.execPath,
    args: [BIN.wasmChain, '--port', String(ports.rpc), '--block-mode', 'interval', '--block-time', String(blockTime), '--preset', 'dev'],
    env,
  });
  children.push(chain);
  return (await chain.waitFor(/wasm-chain: ready (ws:\/\/\S+)/, 45 * 60_000))[1]!;
}

/**
 * The chain catalog of a wasm stack: `dinfra` is dinfra-node on its own dev chain (the
 * built-in entry follows the marketplace chain, which dinfra-node cannot do for a Wasm runtime).
 */
function wasmChainsFile(state: string): string {
  const file = join(state, 'chains.yaml');
  const doc = { chains: { dinfra: { binary: process.execPath, binaryArgs: [BIN.node], defaultArgs: ['--dev'], refuseRoles: ['validator', 'collator'] } } };
  writeFileSync(file, JSON.stringify(doc, null, 2) + '\n');
  return file;
}

/** A reactor token for the local reactor, minted once and kept in the reactor's state dir. */
async function reactorToken(ogateDir: string, reactorDir: string): Promise<string> {
  const file = join(reactorDir, 'token');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const out = await run(process.execPath, [BIN.ogate, 'token', 'create', '--data-dir', ogateDir, '--name', 'local-reactor', '--types', 'substrate-node,rpc-endpoint,cloud-init', '--ttl', '3650d', '--json']);
  const token = (JSON.parse(out) as { token: string }).token;
  writeFileSync(file, token, { mode: 0o600 });
  return token;
}

function parsePorts(values: Record<string, unknown>): StackPorts {
  const pick = (flag: string, fallback: number): number => {
    const raw = values[flag];
    if (raw === undefined) return fallback;
    const n = Number(raw);
    if (!/^\d+$/.test(String(raw)) || n > 65535) throw new Error(`--${flag} must be a port number 0..65535 (got "${String(raw)}")`);
    return n;
  };
  return {
    rpc: pick('rpc-port', DEFAULT_PORTS.rpc),
    prometheus: pick('prometheus-port', DEFAULT_PORTS.prometheus),
    p2p: pick('p2p-port', DEFAULT_PORTS.p2p),
    ogate: pick('ogate-port', DEFAULT_PORTS.ogate),
    reactor: pick('reactor-port', DEFAULT_PORTS.reactor),
    monitor: pick('monitor-port', DEFAULT_PORTS.monitor),
  };
}

/** A read-only OGate token for the monitor (no secrets, no writes), minted once. */
async function monitorToken(ogateDir: string, monitorDir: string): Promise<string> {
  const file = join(monitorDir, 'token');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const out = await run(process.execPath, [BIN.ogate, 'token', 'create', '--data-dir', ogateDir, '--name', 'local-monitor', '--scope', 'read', '--types', 'substrate-node,rpc-endpoint,cloud-init', '--ttl', '3650d', '--json']);
  const token = (JSON.parse(out) as { token: string }).token;
  writeFileSync(file, token, { mode: 0o600 });
  return token;
}

function printReady(urls: { rpcUrl: string; ogateUrl: string; reactorUrl: string; monitorUrl: string }): void {
  console.log(`
stack   | ==================== DINFRA marketplace is running ====================
stack   |  chain    ${urls.rpcUrl}   (polkadot.js Apps, @polkadot/api, polkadot-api)
stack   |  OGate    ${urls.ogateUrl}/docs   (provider //Bob, operator //Dave)
stack   |  reactor  ${urls.reactorUrl}/metrics   (local backend)
stack   |  status   ${urls.monitorUrl}/   (dinfra-monitor: checks, incidents, uptime of every deployment)
stack   |
stack   |  Try, in another terminal (as the subscriber //Charlie):
stack   |    export DINFRA_SURI=//Charlie
stack   |    npx dinfra market
stack   |    npx dinfra subscribe substrate-node --descriptor examples/rpc-node.json --deposit 10 --wait running
stack   |    npx dinfra subscription list
stack   |    npx dinfra subscription terminate <ID>
stack   |
stack   |  Ctrl-C stops everything (deployed nodes included); state stays in .dinfra/
stack   | =======================================================================
`);
}

main().then(
  (code) => {
    if (code !== 0 || !process.listenerCount('SIGINT')) process.exit(code);
  },
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
