import { beforeAll, describe, expect, it } from 'vitest';
import { Metadata, TypeRegistry } from '@polkadot/types';
import { dinfraMetadata } from '@dinfra/runtime';
import { chainRefused, decodeDispatchError, type DispatchErrorLike } from './dispatch-error.ts';

// The registry a client builds from the node's metadata (test-only use of the runtime).
const registry = new TypeRegistry();
beforeAll(() => {
  registry.setMetadata(new Metadata(registry, dinfraMetadata(15)));
});

const dispatchError = (value: unknown) => registry.createType('SpRuntimeDispatchError', value) as unknown as DispatchErrorLike;

describe('decodeDispatchError', () => {
  it('names a module error Pallet.Error with its docs', () => {
    // Subscriptions (21), error 6: NoOfferingOfType.
    const e = dispatchError({ Module: { index: 21, error: '0x06000000' } });
    const d = decodeDispatchError(registry, e);
    expect(d.error).toBe('Subscriptions.NoOfferingOfType');
    expect(d.docs).toMatch(/No open offering of the type/);
    expect(chainRefused(registry, e).message).toBe(`Subscriptions.NoOfferingOfType: ${d.docs}`);
    expect(chainRefused(registry, e).exitCode).toBe(1);
  });

  it('decodes Providers errors', () => {
    const d = decodeDispatchError(registry, dispatchError({ Module: { index: 20, error: '0x00000000' } }));
    expect(d).toEqual({ error: 'Providers.AlreadyRegistered', docs: 'The account is already registered as a provider.' });
  });

  it('decodes non-module errors', () => {
    expect(decodeDispatchError(registry, dispatchError({ BadOrigin: null })).error).toBe('BadOrigin');
    expect(decodeDispatchError(registry, dispatchError({ Token: 'FundsUnavailable' })).error).toBe('Token.FundsUnavailable');
  });

  it('survives an error index the metadata does not know', () => {
    const d = decodeDispatchError(registry, dispatchError({ Module: { index: 99, error: '0x05000000' } }));
    expect(d.error).toMatch(/^Module error/);
  });
});
