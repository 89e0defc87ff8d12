import { describe, expect, it } from 'vitest';
import { DIN } from '../../testing/fixtures.ts';
import { marketplace, names, NOBODY, offer, P1, registerProvider, report, S1, S2, selector, subscribe, subscribedId } from '../../testing/marketplace.ts';
import { ProvidersStorage as PS } from '../providers/storage.ts';
import { LOW_FUNDS_WARNING } from './constants.ts';
import { SubscriptionsStorage as S } from './storage.ts';

const PRICE = 3n * (DIN / 1000n); // 0.003 DIN per block

function running(deposit: bigint, price = PRICE) {
  const h = marketplace();
  registerProvider(h, P1, 'acme');
  offer(h, P1, { price });
  const id = subscribedId(subscribe(h, S1, selector(), deposit));
  report(h, P1, id, 'Provisioning');
  h.nextBlock();
  const start = h.block;
  const r = report(h, P1, id, 'Running');
  return { h, id, start, r };
}

describe('billing', () => {
  it('runs out at settled_to + ceil(deposit / price): Terminated{OutOfFunds}, the provider gets the whole deposit', () => {
    const deposit = 1n * DIN + 1n; // ceil((1 DIN + 1) / 0.003 DIN) = 334 blocks
    const { h, id, start, r } = running(deposit);
    const expiry = start + 334;
    expect(r.events.map((e) => (e.event.value as any).type)).toContain('BillingStarted');
    expect(S.Subscriptions.get(h.state, id)?.expires_at).toBe(expiry);
    const p1 = h.free(P1);
    const s1 = h.free(S1);
    h.advanceTo(expiry - 1);
    expect(S.Subscriptions.get(h.state, id)?.status.type).toBe('Running');
    h.nextBlock();
    expect(h.block).toBe(expiry);
    expect(h.palletEvents('Subscriptions')).toEqual([
      ['Settled', { id, provider: P1, amount: deposit, settled_to: expiry }],
      ['Terminated', { id, provider: P1, reason: { type: 'OutOfFunds' }, refund: 0n }],
    ]);
    expect(h.free(P1) - p1).toBe(deposit);
    expect(h.free(S1)).toBe(s1);
    expect(h.reserved(S1)).toBe(0n);
    expect(PS.Offerings.get(h.state, P1, 0)?.used).toBe(0);
  });

  it('emits FundsLow LowFundsWarning blocks before expiry', () => {
    const { h, id, start } = running(1n * DIN);
    const expiry = start + 334;
    h.advanceTo(expiry - LOW_FUNDS_WARNING - 1);
    expect(h.palletEvents('Subscriptions')).toEqual([]);
    h.nextBlock();
    const remaining = 1n * DIN - PRICE * BigInt(h.block - start);
    expect(h.palletEvents('Subscriptions')).toEqual([['FundsLow', { id, remaining, expires_at: expiry }]]);
  });

  it('emits FundsLow at once when the deposit covers no more than LowFundsWarning blocks', () => {
    const { r, id, start } = running(DIN, DIN / 20n);
    expect(names(r)).toEqual(['StatusChanged', 'BillingStarted', 'FundsLow']);
    expect(r.events.map((e) => (e.event.value as any).value).at(-1)).toEqual({ id, remaining: DIN, expires_at: start + 20 });
  });

  it('terminate by the subscriber pays the blocks used and refunds the rest exactly', () => {
    const { h, id, start } = running(5n * DIN);
    h.advance(41);
    const p1 = h.free(P1);
    const s1 = h.free(S1);
    const r = h.tx(S1, 'Subscriptions', 'terminate', { id });
    const paid = PRICE * BigInt(h.block - start);
    expect(h.free(P1) - p1).toBe(paid);
    expect(h.free(S1) - s1).toBe(5n * DIN - paid);
    expect(names(r)).toEqual(['Settled', 'Terminated']);
    expect(S.Agenda.entries(h.state).map(([[, i], k]) => [i, k.type])).toEqual([[id, 'Purge']]);
  });

  it('settle may be called by anyone and does not move the expiry', () => {
    const { h, id, start } = running(2n * DIN);
    const expiry = S.Subscriptions.get(h.state, id)!.expires_at;
    h.advance(10);
    const p1 = h.free(P1);
    const r = h.tx(NOBODY, 'Subscriptions', 'settle', { id });
    expect(r.ok).toBe(true);
    expect(h.free(P1) - p1).toBe(PRICE * BigInt(h.block - start));
    expect(S.Subscriptions.get(h.state, id)).toMatchObject({ settled_to: h.block, expires_at: expiry, deposit: 2n * DIN - PRICE * BigInt(h.block - start) });
    const again = h.tx(NOBODY, 'Subscriptions', 'settle', { id });
    expect(again.events.at(-1)?.event.value).toEqual({ type: 'Settled', value: { id, provider: P1, amount: 0n, settled_to: h.block } });
  });

  it('settle before Running is refused: billing starts at the first Running report', () => {
    const h = marketplace();
    registerProvider(h, P1, 'acme');
    offer(h, P1, { price: PRICE });
    const id = subscribedId(subscribe(h, S1));
    expect(h.tx(S1, 'Subscriptions', 'settle', { id }).errorName).toBe('Subscriptions.NotBilling');
    h.advance(5);
    report(h, P1, id, 'Provisioning');
    h.advance(5);
    const free = h.free(S1);
    h.tx(S1, 'Subscriptions', 'terminate', { id });
    expect(h.free(S1) - free).toBe(10n * DIN);
  });

  it('top_up settles, adds to the deposit and pushes the expiry out', () => {
    const { h, id, start } = running(1n * DIN);
    h.advance(20);
    expect(h.tx(S2, 'Subscriptions', 'top_up', { id, amount: DIN }).errorName).toBe('Subscriptions.NotSubscriber');
    expect(h.tx(S1, 'Subscriptions', 'top_up', { id, amount: 0n }).errorName).toBe('Subscriptions.ZeroAmount');
    const r = h.tx(S1, 'Subscriptions', 'top_up', { id, amount: 2n * DIN });
    const paid = PRICE * BigInt(h.block - start);
    const deposit = 3n * DIN - paid;
    const expiry = h.block + Number((deposit + PRICE - 1n) / PRICE);
    expect(names(r)).toEqual(['Settled', 'ToppedUp']);
    expect(r.events.at(-1)?.event.value).toEqual({ type: 'ToppedUp', value: { id, amount: 2n * DIN, deposit, expires_at: expiry } });
    expect(S.Subscriptions.get(h.state, id)).toMatchObject({ expires_at: expiry, funds_low_at: expiry - LOW_FUNDS_WARNING });
    expect(h.reserved(S1)).toBe(deposit);
    expect(S.Agenda.get(h.state, start + 334, id)).toBeUndefined();
    expect(S.Agenda.get(h.state, expiry, id)).toEqual({ type: 'Expire' });
  });

  it('a free offering is never billed and never expires', () => {
    const { h, id } = running(DIN, 0n);
    expect(S.Subscriptions.get(h.state, id)?.expires_at).toBeUndefined();
    h.advance(50);
    const free = h.free(S1);
    h.tx(S1, 'Subscriptions', 'terminate', { id });
    expect(h.free(S1) - free).toBe(DIN);
  });
});
