import { describe, expect, it } from 'vitest';
import { CliUsageError, parseNodeArgs, type NodeConfig } from './index.ts';

const KEY = '2bd806c97f0e00af1a1fc3328fa763a9269723c8db8fac4f93af71db186d6e90';
const PEER = '/ip4/127.0.0.1/tcp/41531/ws/p2p/12D3KooWQCkBm1BYtkHpocxCwMgR8yjitEeHGx8spzcDLGt2gkBm';

/** The exact line zombienet 1.3.138 (native, cli args v1) passes to a second node. */
const ZOMBIENET_LINE =
  `--chain /tmp/zombie-1/local.json --name bob --rpc-cors all --rpc-methods unsafe --no-mdns --node-key ${KEY} ` +
  `--no-telemetry --prometheus-external --validator --bootnodes ${PEER} --prometheus-port 38911 --rpc-port 45177 ` +
  `--listen-addr /ip4/127.0.0.1/tcp/33553/ws --base-path /tmp/zombie-1/bob/data`;

function run(argv: string[]): NodeConfig {
  const cmd = parseNodeArgs(argv);
  if (cmd.command !== 'run') throw new Error(`expected run, got ${cmd.command}`);
  return cmd.config;
}

function usageError(argv: string[]): CliUsageError {
  try {
    parseNodeArgs(argv);
  } catch (err) {
    expect(err).toBeInstanceOf(CliUsageError);
    return err as CliUsageError;
  }
  throw new Error('expected a CliUsageError');
}

describe('parseNodeArgs: zombienet', () => {
  it('parses the flag line zombienet passes', () => {
    const c = run(ZOMBIENET_LINE.split(' '));
    expect(c).toMatchObject({
      chain: '/tmp/zombie-1/local.json', name: 'bob', rpcCors: 'all', rpcMethods: 'unsafe', nodeKey: KEY,
      prometheusHost: '0.0.0.0', prometheusPort: 38911, validator: true, bootnodes: [PEER], rpcPort: 45177,
      listenAddr: ['/ip4/127.0.0.1/tcp/33553/ws'], basePath: '/tmp/zombie-1/bob/data', tmp: false, dev: false,
      rpcHost: '127.0.0.1', sealing: 'interval', noPrometheus: false,
    });
    expect(c.ignored).toEqual(['--no-mdns', '--no-telemetry']);
  });

  it('accepts several bootnodes joined by a space or repeated', () => {
    const other = PEER.replace('41531', '41532');
    expect(run(['--bootnodes', PEER, other]).bootnodes).toEqual([PEER, other]);
    expect(run(['--bootnodes', PEER, '--bootnodes', other]).bootnodes).toEqual([PEER, other]);
  });

  it('accepts the compatibility flags and lists them as ignored', () => {
    const c = run([
      '--force-authoring', '--execution', 'wasm', '--wasm-execution=compiled', '--state-pruning', 'archive',
      '--insecure-validator-i-know-what-i-do', '--no-hardware-benchmarks', '--collator', '--parachain-id', '100',
      '--unsafe-rpc-external', '--in-peers', '5', '--out-peers', '5', '--offchain-worker', 'never',
      '--enable-offchain-indexing', 'true', '--public-addr', '/ip4/1.2.3.4/tcp/1', '--discover-local',
      '--allow-private-ip', '--database', 'paritydb', '--db-cache', '64', '--blocks-pruning', 'archive',
      '--pruning', 'archive', '--unsafe-force-node-key-generation', '--telemetry-url', 'wss://t/submit 0',
      '--node-key-file', '/tmp/k', '--port', '30444',
    ]);
    expect(c.rpcHost).toBe('0.0.0.0');
    expect(c.listenAddr).toEqual(['/ip4/0.0.0.0/tcp/30444/ws']);
    expect(c.nodeKeyFile).toBe('/tmp/k');
    expect(c.ignored).toContain('--execution');
    expect(c.ignored).toContain('--parachain-id');
    expect(c.ignored).not.toContain('--unsafe-rpc-external');
  });
});

describe('parseNodeArgs: defaults and --dev', () => {
  it('has polkadot-sdk defaults', () => {
    const c = run([]);
    expect(c).toMatchObject({
      chain: 'local', dev: false, tmp: false, rpcHost: '127.0.0.1', rpcPort: 9944, rpcMethods: 'auto',
      rpcMaxConnections: 100, rpcMaxRequestSizeMb: 15, rpcMaxResponseSizeMb: 15, rpcMaxSubscriptionsPerConnection: 1024,
      prometheusHost: '127.0.0.1', prometheusPort: 9615, noPrometheus: false, listenAddr: ['/ip4/0.0.0.0/tcp/30333/ws'],
      bootnodes: [], validator: false, sealing: 'interval', blockTimeMs: 6000, finalityLag: 0, logLevel: 'info', ignored: [],
    });
    expect(Array.isArray(c.rpcCors)).toBe(true);
    expect(c.name).toMatch(/^[a-z]+-[a-z]+-\d+$/);
  });

  it('--dev implies chain dev, tmp, alice, cors all, instant sealing', () => {
    expect(run(['--dev'])).toMatchObject({
      chain: 'dev', dev: true, tmp: true, validator: true, devAccount: 'alice', devKeySeed: '//Alice', rpcCors: 'all', sealing: 'instant',
    });
    expect(run(['--dev', '--base-path', '/d', '--sealing', 'manual'])).toMatchObject({ tmp: false, basePath: '/d', sealing: 'manual' });
  });

  it('--bob sets the name and validator', () => {
    expect(run(['--bob'])).toMatchObject({ name: 'Bob', validator: true, devKeySeed: '//Bob' });
    expect(run(['--bob', '--name', 'b2']).name).toBe('b2');
  });

  it('reads the remaining values', () => {
    const c = run([
      '--sealing', 'interval', '--block-time', '2000', '--finality-lag', '2', '--sync-from', 'ws://127.0.0.1:9944',
      '-l', 'info', '-lruntime=debug', '--log', 'sync=trace,txpool=warn', '--detailed-log-output', '--no-prometheus',
      '--rpc-cors', 'http://a.com,http://b.com', '--rpc-max-connections', '7', '--tmp', '--node-key', `0x${KEY.toUpperCase()}`,
    ]);
    expect(c).toMatchObject({
      sealing: 'interval', blockTimeMs: 2000, finalityLag: 2, syncFrom: 'ws://127.0.0.1:9944', noPrometheus: true,
      logLevel: 'info,runtime=debug,sync=trace,txpool=warn', detailedLogOutput: true, rpcCors: ['http://a.com', 'http://b.com'],
      rpcMaxConnections: 7, tmp: true, nodeKey: KEY,
    });
  });
});

describe('parseNodeArgs: errors name the flag', () => {
  it.each([
    [['--rpc-port', 'abc'], '--rpc-port'],
    [['--rpc-port', '70000'], '--rpc-port'],
    [['--prometheus-port', '-1'], '--prometheus-port'],
    [['--rpc-methods', 'all'], '--rpc-methods'],
    [['--sealing', 'fast'], '--sealing'],
    [['--block-time', '0'], '--block-time'],
    [['--node-key', 'xyz'], '--node-key'],
    [['--bootnodes', '/ip4/127.0.0.1/tcp/1/ws'], '--bootnodes'],
    [['--listen-addr', 'localhost:30333'], '--listen-addr'],
    [['--sync-from', 'http://x'], '--sync-from'],
    [['--log', 'runtime=loud'], '--log'],
    [['--frobnicate'], '--frobnicate'],
    [['--rpc-port'], '--rpc-port'],
    [['--tmp', '--base-path', '/x'], '--tmp'],
    [['--alice', '--bob'], '--bob'],
  ])('%j', (argv, flag) => {
    const err = usageError(argv);
    expect(err.flag).toBe(flag);
    expect(err.message).toContain(flag);
    expect(err.exitCode).toBe(2);
  });

  it('says why a value is wrong', () => {
    expect(usageError(['--rpc-port', 'abc']).message).toBe('invalid value "abc" for --rpc-port: expected an integer between 0 and 65535');
    expect(usageError(['--frobnicate']).message).toMatch(/unknown option '--frobnicate'/);
  });

  it('rejects stray arguments', () => {
    expect(() => parseNodeArgs(['stray'])).toThrow(CliUsageError);
  });
});

describe('parseNodeArgs: help, version, build-spec', () => {
  it('--help returns the help text', () => {
    const cmd = parseNodeArgs(['--help']);
    expect(cmd.command).toBe('help');
    if (cmd.command === 'help') expect(cmd.text).toContain('--rpc-port <port>');
  });

  it('--version returns "dinfra-node <version>-<commit>"', () => {
    const cmd = parseNodeArgs(['--version']);
    expect(cmd.command).toBe('version');
    if (cmd.command === 'version') expect(cmd.text.trim()).toMatch(/^dinfra-node 0\.1\.0-\S+$/);
  });

  it('parses build-spec as zombienet calls it', () => {
    expect(parseNodeArgs(['build-spec', '--chain', 'local', '--disable-default-bootnode'])).toEqual({
      command: 'build-spec', chain: 'local', raw: false, disableDefaultBootnode: true, ignored: [],
    });
    expect(parseNodeArgs(['build-spec', '--chain', '/tmp/x/local-plain.json', '--disable-default-bootnode', '--raw'])).toMatchObject({
      chain: '/tmp/x/local-plain.json', raw: true,
    });
    expect(parseNodeArgs(['build-spec', '--dev'])).toMatchObject({ chain: 'dev', raw: false });
  });

  it('build-spec rejects run flags', () => {
    expect(usageError(['build-spec', '--rpc-port', '1']).flag).toBe('--rpc-port');
  });
});
