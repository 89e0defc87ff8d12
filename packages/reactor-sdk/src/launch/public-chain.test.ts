import { describe, expect, it } from 'vitest';
import { builtinCatalog, parseCatalog } from './catalog.ts';
import { ChainCatalogError } from './errors.ts';
import { planNode } from './plan-node.ts';
import { checkPublicChainUrls, isLoopbackUrl, LoopbackChainUrlError } from './public-chain.ts';

const OGATE_LOCAL = { name: 'Development', rpcUrl: 'ws://127.0.0.1:9944' };
const node = { type: 'substrate-node', role: 'rpc', chain: 'dinfra', version: '1' };

describe('public chain URLs for machines in a cloud', () => {
  it('knows loopback hosts', () => {
    for (const u of ['ws://127.0.0.1:9944', 'ws://localhost:1', 'wss://127.1.2.3', 'ws://[::1]:9944', 'ws://0.0.0.0:9944']) expect(isLoopbackUrl(u), u).toBe(true);
    for (const u of ['wss://rpc.example.org', 'ws://10.0.0.5:9944', 'ws://[2001:db8::1]:9944']) expect(isLoopbackUrl(u), u).toBe(false);
  });

  it('a cloud plan follows the chain\'s public URL and adds its public bootnodes; a local plan keeps OGate\'s', () => {
    const catalog = parseCatalog('chains:\n  dinfra:\n    public: { rpcUrl: "wss://dinfra.example.org", bootnodes: ["/dns/boot.example.org/tcp/30333/p2p/12D3Koo"] }\n', 'f', builtinCatalog());
    const cloud = planNode({ name: 'n', descriptor: node, catalog, marketplace: OGATE_LOCAL, stateDir: '/var/lib/dinfra', reach: 'public' });
    expect(cloud.args).toEqual(expect.arrayContaining(['--sync-from', 'wss://dinfra.example.org', '--bootnodes', '/dns/boot.example.org/tcp/30333/p2p/12D3Koo']));
    expect(cloud.chainSpecRpc).toBe('wss://dinfra.example.org');
    expect(JSON.stringify(cloud)).not.toContain('127.0.0.1');
    const local = planNode({ name: 'n', descriptor: node, catalog, marketplace: OGATE_LOCAL, stateDir: '/tmp/x' });
    expect(local.args).toEqual(expect.arrayContaining(['--sync-from', 'ws://127.0.0.1:9944']));
    expect(local.args).not.toContain('--bootnodes');
  });

  it('the chains file adjusts the built-in dinfra chain without redefining its binary', () => {
    const c = parseCatalog('chains:\n  dinfra:\n    public: { rpcUrl: "wss://dinfra.example.org" }\n', 'f', builtinCatalog());
    expect(c.dinfra).toMatchObject({ binary: builtinCatalog().dinfra!.binary, follow: 'ogate', public: { rpcUrl: 'wss://dinfra.example.org', bootnodes: [] } });
  });

  it('a loopback public URL is refused where it is written, naming the field', () => {
    expect(() => parseCatalog('chains:\n  dinfra:\n    public: { rpcUrl: "ws://127.0.0.1:9944" }\n', 'f', builtinCatalog())).toThrow(ChainCatalogError);
    expect(() => parseCatalog('chains:\n  dinfra:\n    public: { rpcUrl: "ws://127.0.0.1:9944" }\n', 'f', builtinCatalog())).toThrow(/f: chains\.dinfra\.public\.rpcUrl: a loopback address/);
  });

  it('a cloud reactor whose chain would be followed through OGate\'s loopback --url is refused, naming the field to set', () => {
    const err = (() => {
      try {
        checkPublicChainUrls(builtinCatalog(), OGATE_LOCAL, 'cloudstack');
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(err).toBeInstanceOf(LoopbackChainUrlError);
    expect((err as Error).message).toMatch(/^chains\.dinfra\.public\.rpcUrl: ws:\/\/127\.0\.0\.1:9944 \(OGate's chain URL, its --url; chains\.dinfra\.public\.rpcUrl is not set\) is a loopback address/);
    expect(() => checkPublicChainUrls(builtinCatalog(), { name: 'd', rpcUrl: 'wss://dinfra.example.org' }, 'aws')).not.toThrow();
    const fixed = parseCatalog('chains:\n  dinfra:\n    public: { rpcUrl: "wss://dinfra.example.org" }\n', 'f', builtinCatalog());
    expect(() => checkPublicChainUrls(fixed, OGATE_LOCAL, 'aws')).not.toThrow();
  });
});
