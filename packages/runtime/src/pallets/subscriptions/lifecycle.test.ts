import { u8aToHex } from '@polkadot/util';
import { describe, expect, it } from 'vitest';
import { DIN } from '../../testing/fixtures.ts';
import { marketplace, named, names, NOBODY, OP1, P1, P2, report, S1, subscribe, subscribedId, twoProviders } from '../../testing/marketplace.ts';
import { ProvidersStorage as PS } from '../providers/storage.ts';
import { ACK_TIMEOUT, MAX_AWARD_ATTEMPTS, TERMINATED_RETENTION } from './constants.ts';
import { SubscriptionsStorage as S } from './storage.ts';

/** Every storage write of the open block so far: key -> 0x-hex value (null for a removal). */
const writes = (h: { env: { changes(): Map<string, Uint8Array | null> } }) =>
  Object.fromEntries([...h.env.changes()].map(([k, v]) => [k, v === null ? null : u8aToHex(v)]));

const sub = (h: ReturnType<typeof marketplace>, id: bigint) => S.Subscriptions.get(h.state, id)!;

describe('status reports', () => {
  it('move Awarded -> Provisioning -> Running <-> Degraded', () => {
    const h = marketplace();
    twoProviders(h);
    const id = subscribedId(subscribe(h, S1));
    expect(sub(h, id).status).toEqual({ type: 'Awarded' });
    expect(report(h, P1, id, 'Provisioning').ok).toBe(true);
    expect(sub(h, id).ack_deadline).toBeUndefined();
    const r = report(h, OP1, id, 'Running', ['wss://a', 'https://a']);
    expect(r.ok).toBe(true);
    expect(names(r)).toEqual(['StatusChanged', 'BillingStarted']);
    expect(sub(h, id).status).toMatchObject({ type: 'Running' });
    expect(report(h, OP1, id, 'Degraded').ok).toBe(true);
    expect(sub(h, id).status).toMatchObject({ type: 'Degraded', value: { endpoints: [expect.any(String), expect.any(String)] } });
    expect(report(h, OP1, id, 'Running', ['wss://b']).ok).toBe(true);
    expect(names(report(h, OP1, id, 'Running', ['wss://c']))).toEqual(['StatusChanged']);
  });

  it('rejects illegal transitions and unauthorized reporters, changing nothing', () => {
    const h = marketplace();
    twoProviders(h);
    const id = subscribedId(subscribe(h, S1));
    /** The report fails with `error`, emits nothing and writes nothing (compared write by write). */
    const refused = (who: string, sid: bigint, t: string, error: string, endpoints?: string[]) => {
      const before = writes(h);
      const r = report(h, who, sid, t, endpoints);
      expect(r.errorName).toBe(`Subscriptions.${error}`);
      expect(r.events).toEqual([]);
      expect(writes(h)).toEqual(before);
    };
    refused(P1, id, 'Running', 'IllegalTransition');
    refused(P1, id, 'Degraded', 'IllegalTransition');
    refused(P2, id, 'Provisioning', 'NotAssignedProvider');
    refused(S1, id, 'Provisioning', 'NotAssignedProvider');
    report(h, P1, id, 'Provisioning');
    refused(P1, id, 'Provisioning', 'IllegalTransition');
    refused(P1, id, 'Running', 'TooManyEndpoints', []);
    refused(P1, id, 'Running', 'BadEndpoint', ['']);
    report(h, P1, id, 'Running', ['wss://a']);
    refused(P1, id, 'Running', 'IllegalTransition', ['wss://a']);
    refused(P1, 99n, 'Provisioning', 'UnknownSubscription');
    expect(sub(h, id).status).toMatchObject({ type: 'Running' });
  });

  it('a valid report pays no fee, an invalid one does', () => {
    const h = marketplace();
    twoProviders(h);
    const id = subscribedId(subscribe(h, S1));
    const args = (t: string) => ({ id, report: { type: t } });
    expect(h.paysFee(OP1, 'Subscriptions', 'report_status', args('Provisioning'))).toBe(false);
    expect(h.paysFee(P2, 'Subscriptions', 'report_status', args('Provisioning'))).toBe(true);
    expect(h.paysFee(P1, 'Subscriptions', 'report_status', args('Degraded'))).toBe(true);
    expect(h.paysFee(S1, 'Subscriptions', 'subscribe', { target: named(P1), descriptor_cid: '0x', deposit: 0n, max_price_per_block: 0n })).toBe(true);
  });
});

describe('acknowledgement timeout and re-award', () => {
  it('re-awards to the next provider that fits when no Provisioning arrives in AckTimeout blocks', () => {
    const h = marketplace();
    twoProviders(h);
    const id = subscribedId(subscribe(h, S1));
    const awardedAt = h.block;
    expect(sub(h, id).ack_deadline).toBe(awardedAt + ACK_TIMEOUT);
    h.advanceTo(awardedAt + ACK_TIMEOUT - 1);
    expect(sub(h, id).provider).toBe(P1);
    h.nextBlock();
    expect(h.palletEvents('Subscriptions').map(([n]) => n)).toEqual(['AwardLost', 'Awarded']);
    expect(sub(h, id)).toMatchObject({ provider: P2, status: { type: 'Awarded' }, excluded: [P1], ack_deadline: h.block + ACK_TIMEOUT });
    expect(PS.Offerings.get(h.state, P1, 0)?.used).toBe(0);
    expect(PS.Offerings.get(h.state, P2, 0)?.used).toBe(1);
    expect(S.SubscriptionsByProvider.contains(h.state, P1, id)).toBe(false);
    expect(S.SubscriptionsByProvider.contains(h.state, P2, id)).toBe(true);
    // The old provider may no longer report.
    expect(report(h, P1, id, 'Provisioning').errorName).toBe('Subscriptions.NotAssignedProvider');
  });

  it('terminates with NoProvider and a full refund when nothing else fits', () => {
    const h = marketplace();
    twoProviders(h);
    const free = h.free(S1);
    const id = subscribedId(subscribe(h, S1));
    h.advance(ACK_TIMEOUT);
    h.advance(ACK_TIMEOUT);
    expect(h.palletEvents('Subscriptions')).toEqual([
      ['AwardLost', { id, provider: P2, cause: { type: 'AckTimeout' } }],
      ['Terminated', { id, provider: P2, reason: { type: 'NoProvider' }, refund: 10n * DIN }],
    ]);
    expect(h.free(S1)).toBe(free);
    expect(h.reserved(S1)).toBe(0n);
    expect(PS.Providers.get(h.state, P2)?.live_subscriptions).toBe(0);
  });

  it('a named target times out with ProviderTimeout', () => {
    const h = marketplace();
    twoProviders(h);
    const id = subscribedId(subscribe(h, S1, named(P2)));
    h.advance(ACK_TIMEOUT);
    expect(sub(h, id).status).toEqual({ type: 'Terminated', value: { reason: { type: 'ProviderTimeout' } } });
  });

  it('Failed re-awards at once; with nobody left it terminates ProviderFailed', () => {
    const h = marketplace();
    twoProviders(h);
    const id = subscribedId(subscribe(h, S1));
    const r = report(h, P1, id, 'Failed');
    expect(names(r)).toEqual(['AwardLost', 'Awarded']);
    expect(sub(h, id).provider).toBe(P2);
    report(h, P2, id, 'Provisioning');
    const r2 = report(h, P2, id, 'Failed');
    expect(names(r2)).toEqual(['AwardLost', 'Terminated']);
    expect(sub(h, id).status).toEqual({ type: 'Terminated', value: { reason: { type: 'ProviderFailed' } } });
    expect(h.reserved(S1)).toBe(0n);
  });

  it('Failed after Running settles the blocks served, then refunds the rest', () => {
    const h = marketplace();
    registerProviderOnly(h);
    const id = subscribedId(subscribe(h, S1));
    report(h, P1, id, 'Provisioning');
    report(h, P1, id, 'Running');
    const start = h.block;
    h.advance(7);
    const p1 = h.free(P1);
    const s1 = h.free(S1);
    const r = report(h, P1, id, 'Failed');
    const paid = (DIN / 100n) * BigInt(h.block - start);
    expect(h.free(P1) - p1).toBe(paid);
    expect(h.free(S1) - s1).toBe(10n * DIN - paid);
    expect(names(r)).toEqual(['Settled', 'AwardLost', 'Terminated']);
  });

  it('a subscription is awarded at most MaxAwardAttempts times', () => {
    const h = marketplace();
    const providers = Array.from({ length: MAX_AWARD_ATTEMPTS + 2 }, (_, i) => '0x' + (0x30 + i).toString(16).repeat(32));
    for (const [i, p] of providers.entries()) {
      h.root('Balances', 'force_set_balance', { who: { type: 'Id', value: p }, new_free: 1000n * DIN });
      h.tx(p, 'Providers', 'register', { name: '0x' + (0x41 + i).toString(16), api_url: '0x61', operator: p });
      h.tx(p, 'Providers', 'set_offering', { type_id: 0, capacity: 1, price_per_block: 1n, regions: [], open: true });
    }
    const id = subscribedId(subscribe(h, S1));
    for (let i = 0; i < MAX_AWARD_ATTEMPTS - 1; i++) expect(names(report(h, sub(h, id).provider, id, 'Failed'))).toEqual(['AwardLost', 'Awarded']);
    expect(names(report(h, sub(h, id).provider, id, 'Failed'))).toEqual(['AwardLost', 'Terminated']);
  });
});

describe('termination', () => {
  it('by the provider (or operator) is ByProvider; anyone else is refused', () => {
    const h = marketplace();
    twoProviders(h);
    const id = subscribedId(subscribe(h, S1));
    expect(h.tx(NOBODY, 'Subscriptions', 'terminate', { id }).errorName).toBe('Subscriptions.NotAllowed');
    const r = h.tx(OP1, 'Subscriptions', 'terminate', { id });
    expect(r.ok).toBe(true);
    expect(sub(h, id).status).toEqual({ type: 'Terminated', value: { reason: { type: 'ByProvider' } } });
    expect(h.tx(S1, 'Subscriptions', 'terminate', { id }).errorName).toBe('Subscriptions.AlreadyTerminated');
    expect(report(h, P1, id, 'Provisioning').errorName).toBe('Subscriptions.AlreadyTerminated');
  });

  it('frees capacity and the indexes, and purges the record after TerminatedRetention', () => {
    const h = marketplace();
    twoProviders(h, { capacity: 1 });
    const id = subscribedId(subscribe(h, S1));
    h.tx(S1, 'Subscriptions', 'terminate', { id });
    const at = h.block;
    expect(PS.Offerings.get(h.state, P1, 0)?.used).toBe(0);
    expect(S.SubscriptionsBySubscriber.contains(h.state, S1, id)).toBe(false);
    expect(S.SubscriptionsByProvider.contains(h.state, P1, id)).toBe(false);
    expect(S.Agenda.get(h.state, at + TERMINATED_RETENTION, id)).toEqual({ type: 'Purge' });
    h.backend.apply(new Map()); // no-op
    h.advanceTo(at + TERMINATED_RETENTION);
    expect(h.palletEvents('Subscriptions')).toEqual([['Purged', { id }]]);
    expect(S.Subscriptions.contains(h.state, id)).toBe(false);
  }, 30_000);
});

function registerProviderOnly(h: ReturnType<typeof marketplace>): void {
  h.tx(P1, 'Providers', 'register', { name: '0x61', api_url: '0x61', operator: P1 });
  h.tx(P1, 'Providers', 'set_offering', { type_id: 0, capacity: 5, price_per_block: DIN / 100n, regions: [], open: true });
}
