import { describe, expect, it } from 'vitest';
import { UpstreamReply } from '../jsonrpc/upstream-reply.ts';
import { ImmutableCache } from './immutable-cache.ts';

const HASH = '0x' + 'ab'.repeat(32);
const reply = (text: string) => UpstreamReply.fromText(text, text.lastIndexOf(',"id":'), text.includes('"error"'));

describe('ImmutableCache', () => {
  const cache = new ImmutableCache({ maxEntries: 2, maxBytes: 1_000_000 });

  it('keys only answers that cannot change', () => {
    expect(cache.keyFor('chain_getBlock', [HASH], 10)).toBeDefined();
    expect(cache.keyFor('state_getStorage', ['0x01', HASH], 10)).toBeDefined();
    expect(cache.keyFor('state_getMetadata', [HASH], 10)).toBeDefined();
    expect(cache.keyFor('state_getStorage', ['0x01'], 10)).toBeUndefined(); // at the best block
    expect(cache.keyFor('chain_getHeader', [], 10)).toBeUndefined();
    expect(cache.keyFor('chain_getBlockHash', [10], 10)).toBe('chain_getBlockHash:10');
    expect(cache.keyFor('chain_getBlockHash', ['0xa'], 10)).toBe('chain_getBlockHash:10');
    expect(cache.keyFor('chain_getBlockHash', [11], 10)).toBeUndefined(); // not final yet
    expect(cache.keyFor('chain_getBlockHash', [], 10)).toBeUndefined();
    expect(cache.keyFor('system_health', [], 10)).toBeUndefined();
  });

  it('never holds errors or null, and stays within its bound (LRU)', () => {
    cache.set('e', reply('{"jsonrpc":"2.0","error":{"code":1,"message":"x"},"id":1}'));
    cache.set('n', reply('{"jsonrpc":"2.0","result":null,"id":1}'));
    expect(cache.get('e')).toBeUndefined();
    expect(cache.get('n')).toBeUndefined();
    for (const k of ['a', 'b', 'c']) cache.set(k, reply(`{"jsonrpc":"2.0","result":"${k}","id":7}`));
    expect(cache.size).toBe(2);
    expect(cache.get('a')).toBeUndefined();
    expect(cache.get('c')!.forClient('client-id')).toBe('{"jsonrpc":"2.0","result":"c","id":"client-id"}');
  });
});
