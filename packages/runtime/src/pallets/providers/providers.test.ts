import { describe, expect, it } from 'vitest';
import { stringToHex } from '@polkadot/util';
import { DIN, hex } from '../../testing/fixtures.ts';
import { marketplace, NOBODY, OP1, offer, P1, P2, registerProvider, S1, subscribe, subscribedId, twoProviders } from '../../testing/marketplace.ts';
import { ProvidersStorage as S } from './storage.ts';
import { BUILTIN_TYPES } from './builtin-types.ts';
import { PROVIDER_DEPOSIT, TYPE_DEPOSIT } from './constants.ts';
import { isCid } from './cid.ts';

describe('Providers: deployment types', () => {
  it('creates the built-in types at genesis with the CIDs of their schemas', () => {
    const h = marketplace();
    expect(BUILTIN_TYPES.map((t) => t.name)).toEqual(['substrate-node', 'rpc-endpoint', 'snapshot-source', 'cloud-init']);
    for (const t of BUILTIN_TYPES) {
      const stored = S.DeploymentTypes.get(h.state, t.id)!;
      expect(stored.name).toBe(stringToHex(t.name));
      expect(stored.schema_cid).toBe(stringToHex(t.schemaCid));
      expect(stored.owner).toBeUndefined();
      expect(S.TypeByName.get(h.state, stringToHex(t.name))).toBe(t.id);
      expect(isCid(stringToHex(t.schemaCid))).toBe(true);
    }
    expect(S.NextTypeId.get(h.state)).toBe(4);
  });

  it('register_type: Root without deposit, a provider with TypeDeposit, others refused', () => {
    const h = marketplace();
    const cid = hex('QmYwAPJzv5CZsnA625s3Xf2nemtYgPpHdWEz79ojWnPbdG');
    expect(h.root('Providers', 'register_type', { name: hex('k8s-job'), schema_cid: cid }).ok).toBe(true);
    expect(S.DeploymentTypes.get(h.state, 4)?.deposit).toBe(0n);
    expect(h.tx(NOBODY, 'Providers', 'register_type', { name: hex('x'), schema_cid: cid }).errorName).toBe('Providers.NotAllowed');
    registerProvider(h, P1, 'acme');
    const before = h.reserved(P1);
    const r = h.tx(P1, 'Providers', 'register_type', { name: hex('postgres'), schema_cid: cid });
    expect(r.ok).toBe(true);
    expect(h.reserved(P1) - before).toBe(TYPE_DEPOSIT);
    expect(S.DeploymentTypes.get(h.state, 5)).toMatchObject({ owner: P1, deposit: TYPE_DEPOSIT });
    expect(h.tx(P1, 'Providers', 'register_type', { name: hex('postgres'), schema_cid: cid }).errorName).toBe('Providers.NameTaken');
    expect(h.tx(P1, 'Providers', 'register_type', { name: hex('y'), schema_cid: hex('not-a-cid') }).errorName).toBe('Providers.InvalidCid');
    expect(h.tx(P1, 'Providers', 'register_type', { name: '0x', schema_cid: cid }).errorName).toBe('Providers.BadName');
  });
});

describe('Providers: register and manage', () => {
  it('register reserves the deposit and indexes the name', () => {
    const h = marketplace();
    const free = h.free(P1);
    const r = registerProvider(h, P1, 'acme', OP1);
    expect(r.ok).toBe(true);
    expect(h.reserved(P1)).toBe(PROVIDER_DEPOSIT);
    expect(h.free(P1)).toBe(free - PROVIDER_DEPOSIT);
    expect(S.Providers.get(h.state, P1)).toMatchObject({ operator: OP1, deposit: PROVIDER_DEPOSIT, status: { type: 'Active' }, live_subscriptions: 0 });
    expect(S.ProviderByName.get(h.state, hex('acme'))).toBe(P1);
    expect(registerProvider(h, P1, 'other').errorName).toBe('Providers.AlreadyRegistered');
    expect(registerProvider(h, P2, 'acme').errorName).toBe('Providers.NameTaken');
    expect(registerProvider(h, P2, 'x'.repeat(65)).errorName).toBe('Providers.BadName');
    expect(h.tx(P2, 'Providers', 'register', { name: hex('ok'), api_url: hex('h'.repeat(257)), operator: P2 }).errorName).toBe('Providers.UrlTooLong');
  });

  it('register fails without funds and changes nothing', () => {
    const h = marketplace();
    const poor = '0x' + '77'.repeat(32);
    const r = registerProvider(h, poor, 'poor');
    expect(r.errorName).toBe('Balances.InsufficientBalance');
    expect(S.Providers.contains(h.state, poor)).toBe(false);
    expect(S.ProviderByName.contains(h.state, hex('poor'))).toBe(false);
  });

  it('set_offering validates, indexes per type, and keeps used on update', () => {
    const h = marketplace();
    expect(offer(h, P1).errorName).toBe('Providers.NotProvider');
    registerProvider(h, P1, 'acme');
    expect(offer(h, P1, { typeId: 77 }).errorName).toBe('Providers.UnknownDeploymentType');
    expect(offer(h, P1, { capacity: 0 }).errorName).toBe('Providers.ZeroCapacity');
    expect(offer(h, P1, { regions: Array.from({ length: 17 }, (_, i) => `r${i}`) }).errorName).toBe('Providers.TooManyRegions');
    expect(offer(h, P1, { regions: ['a', 'a'] }).errorName).toBe('Providers.BadRegion');
    expect(offer(h, P1, { regions: ['x'.repeat(33)] }).errorName).toBe('Providers.BadRegion');
    expect(offer(h, P1, { capacity: 2 }).ok).toBe(true);
    expect(S.OfferingsByType.get(h.state, 0)).toEqual([P1]);
    expect(subscribe(h, S1).ok).toBe(true);
    expect(offer(h, P1, { capacity: 5, price: 7n }).ok).toBe(true);
    expect(S.Offerings.get(h.state, P1, 0)).toMatchObject({ capacity: 5, used: 1, price_per_block: 7n, open: true });
    expect(S.OfferingsByType.get(h.state, 0)).toEqual([P1]);
  });

  it('close_offering removes an unused offering, keeps a used one closed', () => {
    const h = marketplace();
    twoProviders(h);
    expect(h.tx(P1, 'Providers', 'close_offering', { type_id: 1 }).errorName).toBe('Providers.NoSuchOffering');
    const r = h.tx(P2, 'Providers', 'close_offering', { type_id: 0 });
    expect(r.ok).toBe(true);
    expect(S.Offerings.contains(h.state, P2, 0)).toBe(false);
    expect(S.OfferingsByType.get(h.state, 0)).toEqual([P1]);
    subscribe(h, S1);
    h.tx(P1, 'Providers', 'close_offering', { type_id: 0 });
    expect(S.Offerings.get(h.state, P1, 0)).toMatchObject({ open: false, used: 1 });
    expect(subscribe(h, S1).errorName).toBe('Subscriptions.NoOfferingOfType');
  });

  it('set_operator, pause and resume', () => {
    const h = marketplace();
    registerProvider(h, P1, 'acme');
    expect(h.tx(P1, 'Providers', 'set_operator', { operator: OP1 }).ok).toBe(true);
    expect(S.Providers.get(h.state, P1)?.operator).toBe(OP1);
    expect(h.tx(P1, 'Providers', 'resume').errorName).toBe('Providers.NotPaused');
    expect(h.tx(P1, 'Providers', 'pause').ok).toBe(true);
    expect(h.tx(P1, 'Providers', 'pause').errorName).toBe('Providers.AlreadyPaused');
    offer(h, P1);
    expect(subscribe(h, S1).errorName).toBe('Subscriptions.NoOfferingOfType');
    expect(h.tx(P1, 'Providers', 'resume').ok).toBe(true);
    expect(subscribe(h, S1).ok).toBe(true);
  });

  it('deregister is refused with live subscriptions, then releases everything', () => {
    const h = marketplace();
    registerProvider(h, P1, 'acme');
    offer(h, P1);
    offer(h, P1, { typeId: 1 });
    const id = subscribedId(subscribe(h, S1));
    expect(h.tx(P1, 'Providers', 'deregister').errorName).toBe('Providers.HasLiveSubscriptions');
    h.tx(S1, 'Subscriptions', 'terminate', { id });
    const free = h.free(P1);
    expect(h.tx(P1, 'Providers', 'deregister').ok).toBe(true);
    expect(h.reserved(P1)).toBe(0n);
    expect(h.free(P1)).toBe(free + PROVIDER_DEPOSIT);
    expect(S.Providers.contains(h.state, P1)).toBe(false);
    expect(S.ProviderByName.contains(h.state, hex('acme'))).toBe(false);
    expect(S.Offerings.entries(h.state, P1)).toEqual([]);
    expect(S.OfferingsByType.contains(h.state, 0)).toBe(false);
    expect(S.OfferingsByType.contains(h.state, 1)).toBe(false);
    expect(h.tx(P1, 'Providers', 'deregister').errorName).toBe('Providers.NotProvider');
    void DIN;
  });
});
