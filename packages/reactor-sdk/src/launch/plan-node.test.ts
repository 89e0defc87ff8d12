import { describe, expect, it } from 'vitest';
import { builtinCatalog, DINFRA_NODE_BIN, parseCatalog } from './catalog.ts';
import { toCommand } from './command.ts';
import { ChainCatalogError, LaunchPlanError } from './errors.ts';
import { planNode } from './plan-node.ts';

const marketplace = { name: 'Development', rpcUrl: 'ws://127.0.0.1:9944' };
const polkadot = parseCatalog(`
chains:
  polkadot:
    binary: /opt/polkadot/polkadot
    versions: { v1.16.0: /opt/polkadot-1.16.0/polkadot }
    chainSpec: polkadot
    bootnodes: [/dns/boot.example/tcp/30333/p2p/12D3KooW]
    defaultArgs: [--no-telemetry]
`);

describe('planNode', () => {
  it('plans the built-in dinfra chain as a dinfra-node follower of the marketplace chain', () => {
    const plan = planNode({ name: 'dinfra-ab-1-1', descriptor: { type: 'substrate-node', role: 'rpc', chain: 'dinfra', version: 'dev' }, catalog: builtinCatalog(), marketplace, stateDir: '/var/d', ports: { rpc: 9950, p2p: 30340, prometheus: 9620 } });
    const cmd = toCommand(plan);
    expect(cmd.file).toBe(process.execPath);
    expect(plan.chainSpecRpc).toBe('ws://127.0.0.1:9944');
    expect(cmd.args).toEqual([DINFRA_NODE_BIN, '--name', 'dinfra-ab-1-1', '--sync-from', 'ws://127.0.0.1:9944', '--rpc-cors', 'all', '--chain', '/var/d/dinfra-ab-1-1/chain-spec.json', '--base-path', '/var/d/dinfra-ab-1-1', '--rpc-port', '9950', '--port', '30340', '--prometheus-port', '9620']);
  });

  it('renders roles, versions, bootnodes and extra args for a catalog chain', () => {
    const plan = planNode({ name: 'n', descriptor: { role: 'archive', chain: 'polkadot', version: 'v1.16.0', extraArgs: ['--db-cache', '512'] }, catalog: polkadot, stateDir: '/d', listenHost: '0.0.0.0', ports: { rpc: 1 } });
    expect(plan.binary).toBe('/opt/polkadot-1.16.0/polkadot');
    expect(toCommand(plan).args).toEqual(['--name', 'n', '--chain', 'polkadot', '--bootnodes', '/dns/boot.example/tcp/30333/p2p/12D3KooW', '--rpc-cors', 'all', '--state-pruning', 'archive', '--blocks-pruning', 'archive', '--no-telemetry', '--db-cache', '512', '--base-path', '/d/n', '--rpc-port', '1', '--rpc-external']);
    expect(toCommand(planNode({ name: 'v', descriptor: { role: 'validator', chain: 'polkadot', version: 'v1.16.0' }, catalog: polkadot, stateDir: '/d' })).args).toContain('--validator');
  });

  it('points --chain at the downloaded spec when the descriptor has chainSpecUrl', () => {
    const plan = planNode({ name: 'n', descriptor: { role: 'rpc', chain: 'polkadot', version: 'v1.16.0', chainSpecUrl: 'https://x.example/spec.json', snapshotUrl: 'https://x.example/s.tar.zst' }, catalog: polkadot, stateDir: '/d' });
    expect(plan.args).not.toContain('--chain');
    const args = toCommand(plan).args;
    expect(args.slice(args.indexOf('--chain'), args.indexOf('--chain') + 2)).toEqual(['--chain', '/d/n/chain-spec.json']);
    expect(plan.snapshotUrl).toBe('https://x.example/s.tar.zst');
  });

  it.each([
    [{ role: 'rpc', chain: 'kusama', version: 'v1' }, 'CHAIN_UNKNOWN', /chain "kusama" is not offered here/],
    [{ role: 'validator', chain: 'dinfra', version: 'v1' }, 'ROLE_UNSUPPORTED', /role "validator"/],
    [{ role: 'rpc', chain: 'polkadot', version: 'v9' }, 'VERSION_UNKNOWN', /version "v9"/],
    [{ role: 'rpc', chain: 'polkadot', version: 'v1.16.0', extraArgs: ['--base-path=/etc'] }, 'EXTRA_ARG_RESERVED', /--base-path is set by the provider/],
    [{ role: 'rpc', chain: 'polkadot', version: 'v1.16.0', extraArgs: ['--rpc-methods', 'unsafe'] }, 'EXTRA_ARG_RESERVED', /--rpc-methods/],
    [{ role: 'boss', chain: 'polkadot', version: 'v1' }, 'DESCRIPTOR_INVALID', /descriptor.role/],
  ])('refuses %j with %s (a permanent error)', (descriptor, code, message) => {
    const catalog = { ...builtinCatalog(), ...polkadot };
    const run = () => planNode({ name: 'n', descriptor, catalog, marketplace, stateDir: '/d' });
    expect(run).toThrow(LaunchPlanError);
    expect(run).toThrow(message);
    try { run(); } catch (e) { expect((e as LaunchPlanError).code).toBe(code); }
  });

  it('takes the spec of any marketplace chain from the chain itself, unless the catalog names one', () => {
    const fetched = planNode({ name: 'n', descriptor: { role: 'rpc', chain: 'dinfra', version: 'v' }, catalog: builtinCatalog(), marketplace: { name: 'Other', rpcUrl: 'ws://x' }, stateDir: '/d' });
    expect(fetched.chainSpecRpc).toBe('ws://x');
    const catalog = { ...builtinCatalog(), dinfra: { ...builtinCatalog().dinfra!, chainSpec: '/etc/dinfra/market.json' } };
    const named = planNode({ name: 'n', descriptor: { role: 'rpc', chain: 'dinfra', version: 'v' }, catalog, marketplace: { name: 'Other', rpcUrl: 'ws://x' }, stateDir: '/d' });
    expect(named.chainSpecRpc).toBeUndefined();
    expect(toCommand(named).args.join(' ')).toContain('--chain /etc/dinfra/market.json');
  });
});

describe('parseCatalog', () => {
  it.each([
    ['chains: { polkadot: { chainSpec: x } }', /chains.polkadot.binary: Required/],
    ['chains: { Polkadot: { binary: x } }', /lower-case/],
    ['chains: { p: { binary: x, colour: red } }', /Unrecognized key/],
    ['chains: [', /not YAML/],
  ])('names the bad field in %s', (text, message) => {
    expect(() => parseCatalog(text)).toThrow(ChainCatalogError);
    expect(() => parseCatalog(text)).toThrow(message);
  });
});
