// `npm start`: the whole DINFRA marketplace on one machine, as child processes with prefixed
// logs — a dev chain, the embedded content store, a provider (//Bob, operator //Dave) with
// open offerings, its OGate, and a local reactor. State under .dinfra/ (kept between runs).
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { randomUUID } from 'node:crypto';
import { startChild, run, type Child } from './children.ts';
import { takeLock, StackAlreadyRunningError } from './lock.ts';
import { stopStackProcesses } from './sweep.ts';
import { ensureProvider, OPERATOR_SURI } from './provider.ts';
import { BIN, DEFAULT_PORTS, ROOT, stackPaths } from './paths.ts';

const HELP = `Usage: npm start [-- options]

Starts the DINFRA marketplace on this machine: a dev chain (ws://127.0.0.1:9944), a provider
(//Bob, operator //Dave) offering substrate-node and rpc-endpoint, its OGate
(http://127.0.0.1:8420) and a local reactor (http://127.0.0.1:8421). Ctrl-C stops all of it,
deployed nodes included; the next start brings back what the chain still wants running.

Options:
  --fresh            delete .dinfra/ (chain, content store, OGate and reactor state) first
  --state-dir DIR    keep state in DIR instead of .dinfra/
  --block-time MS    milliseconds between blocks (default 3000)
  -h, --help         show this help`;

const log = (line: string) => console.log(`stack   | ${line}`);

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      fresh: { type: 'boolean', default: false },
      'state-dir': { type: 'string' },
      'block-time': { type: 'string', default: '3000' },
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
  const paths = stackPaths(values['state-dir'] ? join(process.cwd(), values['state-dir']) : undefined);
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
  if (values.fresh) {
    log(`--fresh: removing ${relative(ROOT, paths.state) || paths.state}/ state`);
    for (const dir of [paths.chain, paths.ipfs, paths.ogate, paths.reactor]) rmSync(dir, { recursive: true, force: true });
  }
  for (const dir of [paths.chain, paths.ipfs, paths.ogate, paths.reactor]) mkdirSync(dir, { recursive: true });

  const stackId = randomUUID();
  const env = { ...process.env, DINFRA_STACK: stackId, DINFRA_IPFS_REPO: paths.ipfs };
  const ports = DEFAULT_PORTS;
  const rpcUrl = `ws://127.0.0.1:${ports.rpc}`;
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
    const node = startChild({
      name: 'node',
      command: process.execPath,
      args: [BIN.node, '--dev', '--base-path', paths.chain, '--sealing', 'interval', '--block-time', String(blockTime), '--rpc-port', String(ports.rpc), '--prometheus-port', String(ports.prometheus), '--listen-addr', `/ip4/127.0.0.1/tcp/${ports.p2p}/ws`],
      env,
    });
    children.push(node);
    await node.waitFor(/Running JSON-RPC server/, 60_000);
    log(`chain up at ${rpcUrl}`);

    await ensureProvider(rpcUrl, log);

    const ogate = startChild({
      name: 'ogate',
      command: process.execPath,
      args: [BIN.ogate, 'run', '--url', rpcUrl, '--suri', OPERATOR_SURI, '--data-dir', paths.ogate, '--listen', `127.0.0.1:${ports.ogate}`, '--ipfs-repo', paths.ipfs],
      env,
    });
    children.push(ogate);
    await ogate.waitFor(/OGate listening on/, 60_000);

    const token = await reactorToken(paths.ogate, paths.reactor);
    const reactor = startChild({
      name: 'reactor',
      command: process.execPath,
      args: [BIN.reactor, '--ogate', `http://127.0.0.1:${ports.ogate}`, '--token', token, '--backend', 'local', '--data-dir', paths.reactor, '--listen', `127.0.0.1:${ports.reactor}`],
      env,
    });
    children.push(reactor);
    await reactor.waitFor(/reactor listening on/, 60_000);

    printReady(ports);
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

/** A reactor token for the local reactor, minted once and kept in the reactor's state dir. */
async function reactorToken(ogateDir: string, reactorDir: string): Promise<string> {
  const file = join(reactorDir, 'token');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const out = await run(process.execPath, [BIN.ogate, 'token', 'create', '--data-dir', ogateDir, '--name', 'local-reactor', '--types', 'substrate-node,rpc-endpoint,cloud-init', '--ttl', '3650d', '--json']);
  const token = (JSON.parse(out) as { token: string }).token;
  writeFileSync(file, token, { mode: 0o600 });
  return token;
}

function printReady(ports: typeof DEFAULT_PORTS): void {
  console.log(`
stack   | ==================== DINFRA marketplace is running ====================
stack   |  chain    ws://127.0.0.1:${ports.rpc}   (polkadot.js Apps, @polkadot/api, polkadot-api)
stack   |  OGate    http://127.0.0.1:${ports.ogate}/docs   (provider //Bob, operator //Dave)
stack   |  reactor  http://127.0.0.1:${ports.reactor}/metrics   (local backend)
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
