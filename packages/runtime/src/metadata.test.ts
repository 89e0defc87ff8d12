import { describe, expect, it } from 'vitest';
import { TypeRegistry, Metadata } from '@polkadot/types';
import { dinfraMetadata, dinfraRuntime } from './index.ts';

describe('metadata', () => {
  it.each([14, 15] as const)('V%i decodes with @polkadot/types and lists every pallet', (v) => {
    const bytes = dinfraMetadata(v);
    const registry = new TypeRegistry();
    const md = new Metadata(registry, bytes);
    registry.setMetadata(md);
    expect(md.version).toBe(v);
    const names = md.asLatest.pallets.map((p) => p.name.toString());
    expect(names).toEqual(dinfraRuntime().pallets.map((p) => p.name));
    // Types the clients locate by path exist.
    const call = registry.createType('Call', '0x0503' + '00'.repeat(33) + '04');
    expect(call.section).toBe('balances');
    expect(call.method).toBe('transferKeepAlive');
    const err = registry.findMetaError(new Uint8Array([5, 2]));
    expect(err.name).toBe('InsufficientBalance');
    expect(md.toU8a()).toEqual(bytes);
  });
});
