import { describe, expect, it } from 'vitest';
import { hostName, PoolRouter } from './pool-router.ts';

const pool = (name: string, hosts: string[] = [], paths: string[] = []) => ({ name, hosts, paths, catchAll: hosts.length === 0 && paths.length === 0 });

describe('PoolRouter', () => {
  const r = new PoolRouter([pool('polkadot', ['polkadot.example.com', '*.dot.example.com'], ['/polkadot']), pool('kusama', ['*.example.com'], ['/kusama', '/kusama/archive']), pool('ksm-archive', [], ['/kusama/archive/v2'])]);

  it('prefers an exact host, then the longest wildcard suffix', () => {
    expect(r.select('polkadot.example.com:443', '/')?.name).toBe('polkadot');
    expect(r.select('rpc.dot.example.com', '/')?.name).toBe('polkadot');
    expect(r.select('a.b.example.com', '/')?.name).toBe('kusama');
    expect(r.select('POLKADOT.EXAMPLE.COM', '/')?.name).toBe('polkadot');
  });

  it('does not let a wildcard match its bare suffix', () => {
    expect(r.select('example.com', '/')).toBeUndefined();
    expect(r.select('dot.example.com', '/')?.name).toBe('kusama');
  });

  it('selects by path prefix on segment boundaries, the longest first', () => {
    expect(r.select('127.0.0.1:9944', '/polkadot')?.name).toBe('polkadot');
    expect(r.select('127.0.0.1:9944', '/polkadot/x')?.name).toBe('polkadot');
    expect(r.select('127.0.0.1:9944', '/polkadotx')).toBeUndefined();
    expect(r.select('127.0.0.1:9944', '/kusama/archive/v2')?.name).toBe('ksm-archive');
  });

  it('falls back to the catch-all pool, else nothing', () => {
    expect(r.select('unknown.org', '/')).toBeUndefined();
    const withDefault = new PoolRouter([pool('polkadot', ['polkadot.example.com']), pool('default')]);
    expect(withDefault.select('unknown.org', '/')?.name).toBe('default');
  });

  it('reads host names with ports and IPv6 literals', () => {
    expect(hostName('[::1]:9944')).toBe('::1');
    expect(hostName('a.example.com:9944')).toBe('a.example.com');
    expect(hostName(undefined)).toBe('');
  });
});
