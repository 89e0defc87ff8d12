import { describe, expect, it } from 'vitest';
import { hex } from '../../testing/fixtures.ts';
import { marketplace, OP1, P1, P2, report, S1, subscribe, subscribedId, twoProviders } from '../../testing/marketplace.ts';
import { ProvidersStorage as PS } from '../providers/storage.ts';
import { ACK_TIMEOUT, MAX_REASON_LEN } from './constants.ts';
import { SubscriptionsStorage as S } from './storage.ts';

/** StatusReport::Failed { reason }: checked, carried in AwardLost, kept in `last_loss`. */
type H = ReturnType<typeof marketplace>;
const sub = (h: H, id: bigint) => S.Subscriptions.get(h.state, id)!;
const failed = (h: H, who: string, id: bigint, reason: string) =>
  h.tx(who, 'Subscriptions', 'report_status', { id, report: { type: 'Failed', value: { reason } } });

function awarded(): { h: H; id: bigint } {
  const h = marketplace();
  twoProviders(h);
  return { h, id: subscribedId(subscribe(h, S1)) };
}

describe('a Failed report carries its reason', () => {
  it('into AwardLost and last_loss; the award moves to the next provider', () => {
    const { h, id } = awarded();
    const reason = hex('descriptor schema error: /role must be one of rpc, archive, validator, collator');
    const r = report(h, OP1, id, 'Failed', undefined, 'descriptor schema error: /role must be one of rpc, archive, validator, collator');
    expect(r.ok).toBe(true);
    const lost = r.events.find((e) => (e.event.value as { type: string }).type === 'AwardLost')!;
    expect((lost.event.value as { value: unknown }).value).toEqual({ id, provider: P1, cause: { type: 'Failed', value: { reason } } });
    expect(sub(h, id)).toMatchObject({
      provider: P2,
      status: { type: 'Awarded' },
      excluded: [P1],
      last_loss: { provider: P1, at: h.block, cause: { type: 'Failed', value: { reason } } },
    });
  });

  it('last_loss is the latest loss: an AckTimeout after a Failed replaces it, and it outlives termination', () => {
    const { h, id } = awarded();
    expect(sub(h, id).last_loss).toBeUndefined();
    report(h, P1, id, 'Failed', undefined, 'no content in time');
    h.advance(ACK_TIMEOUT);
    expect(sub(h, id).status).toEqual({ type: 'Terminated', value: { reason: { type: 'NoProvider' } } });
    expect(sub(h, id).last_loss).toEqual({ provider: P2, at: h.block, cause: { type: 'AckTimeout' } });
  });

  it('keeps the reason of the last Failed on a ProviderFailed termination', () => {
    const { h, id } = awarded();
    report(h, P1, id, 'Failed', undefined, 'first');
    report(h, P2, id, 'Failed', undefined, 'secret cannot be opened: wrong operator key');
    expect(sub(h, id)).toMatchObject({
      status: { type: 'Terminated', value: { reason: { type: 'ProviderFailed' } } },
      last_loss: { provider: P2, cause: { type: 'Failed', value: { reason: hex('secret cannot be opened: wrong operator key') } } },
    });
  });

  it('accepts an empty reason and exactly MaxReasonLen bytes of multi-byte UTF-8', () => {
    const { h, id } = awarded();
    expect(failed(h, P1, id, '0x').ok).toBe(true);
    const full = hex('é'.repeat(MAX_REASON_LEN / 2)); // 2 bytes each
    expect((full.length - 2) / 2).toBe(MAX_REASON_LEN);
    expect(failed(h, P2, id, full).ok).toBe(true);
    expect(sub(h, id).last_loss?.cause).toEqual({ type: 'Failed', value: { reason: full } });
  });
});

describe('a bad reason is refused with BadReason and changes nothing', () => {
  const bad: Array<[string, string]> = [
    ['MaxReasonLen + 1 bytes', hex('x'.repeat(MAX_REASON_LEN + 1))],
    ['a 0xff byte', '0x' + '61'.repeat(10) + 'ff'],
    ['an overlong NUL (c0 80)', '0xc080'],
    ['a UTF-16 surrogate (ed a0 80)', '0x61eda080'],
    ['a truncated sequence (e2 82)', '0x61e282'],
    ['a code point above U+10FFFF (f4 90 80 80)', '0xf4908080'],
  ];
  it.each(bad)('%s', (_, reason) => {
    const { h, id } = awarded();
    const before = sub(h, id);
    const r = failed(h, OP1, id, reason);
    expect(r.errorName).toBe('Subscriptions.BadReason');
    expect(r.events).toEqual([]);
    expect(sub(h, id)).toEqual(before);
    expect(PS.Offerings.get(h.state, P1, 0)?.used).toBe(1);
    expect(PS.Offerings.get(h.state, P2, 0)?.used).toBe(0);
    // An invalid report pays the fee; the same report with a good reason does not.
    expect(h.paysFee(OP1, 'Subscriptions', 'report_status', { id, report: { type: 'Failed', value: { reason } } })).toBe(true);
    expect(h.paysFee(OP1, 'Subscriptions', 'report_status', { id, report: { type: 'Failed', value: { reason: hex('ok') } } })).toBe(false);
  });

  it('the origin is checked before the reason', () => {
    const { h, id } = awarded();
    expect(failed(h, P2, id, '0xff').errorName).toBe('Subscriptions.NotAssignedProvider');
  });
});
