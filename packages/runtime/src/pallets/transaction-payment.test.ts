import { beforeAll, describe, expect, it } from 'vitest';
import { cryptoWaitReady } from '@polkadot/util-crypto';
import * as s from 'scale-ts';
import { u8aConcat } from '@polkadot/util';
import { Harness } from '../testing/harness.ts';
import { signExtrinsic, testSigner, type TestSigner } from '../testing/sign.ts';
import { CID, DIN, hex } from '../testing/fixtures.ts';
import { decodeExtrinsic } from '../framework/extrinsic.ts';
import { callRuntimeApi } from '../framework/api-call.ts';
import { codecOf } from '../scale/codec.ts';
import { RuntimeDispatchInfo } from '../apis/types.ts';
import type { RuntimeCallValue } from '../framework/runtime.ts';
import { SystemStorage } from './system.ts';

/**
 * Golden fees: literal amounts, worked out by hand from the fee formula, not from the code.
 *
 *   fee = base + per_byte × encoded length + ref_time / 10,000 (+ tip)
 *   base = 1,000,000,000 planck (0.001 DIN); per_byte = 1,000,000 planck; fee multiplier fixed at 1
 *
 * Each case pins the extrinsic's length and weight too, so a change to either names itself
 * before the fee check does. Fees are burned: the payer's balance and the total issuance
 * both drop by exactly the fee.
 */

const GENESIS = '0x' + '11'.repeat(32);
let alice: TestSigner;
let bob: TestSigner;
let provider: TestSigner;

beforeAll(async () => {
  await cryptoWaitReady();
  alice = testSigner('alice');
  bob = testSigner('bob');
  provider = testSigner('provider');
});

function chain() {
  const h = Harness.create({ balances: [[alice.id, 1000n * DIN], [bob.id, 10n * DIN], [provider.id, 1000n * DIN]] });
  h.tx(provider.id, 'Providers', 'register', { name: hex('p'), api_url: hex('https://p.example'), operator: provider.id });
  h.tx(provider.id, 'Providers', 'set_offering', { type_id: 0, capacity: 5, price_per_block: DIN / 100n, regions: [hex('eu')], open: true });
  h.nextBlock();
  let index = 1;
  /** Applies `call` signed by `who` (tip 0, immortal) and returns the length, weight and fee actually charged. */
  const apply = (who: TestSigner, call: RuntimeCallValue) => {
    const nonce = SystemStorage.Account.get(h.state, who.id)?.nonce ?? 0;
    const bytes = signExtrinsic(h.runtime, who, call, { genesisHash: GENESIS, nonce });
    const free = h.free(who.id);
    const issuance = h.totalIssuance();
    // What a wallet is quoted first (TransactionPaymentApi_query_info, as payment_queryInfo answers).
    const quote = codecOf(RuntimeDispatchInfo).dec(
      callRuntimeApi(h.runtime, h.env, 'TransactionPaymentApi_query_info', u8aConcat(bytes, s.u32.enc(bytes.length))),
    ) as { partial_fee: bigint };
    const outcome = h.executive.applyExtrinsic(h.env, decodeExtrinsic(h.runtime, bytes), index++);
    const paid = h.env.events
      .map((e) => e.event)
      .filter((e) => e.type === 'TransactionPayment')
      .map((e) => (e.value as { value: { actual_fee: bigint } }).value.actual_fee);
    return { length: bytes.length, weight: outcome.info.weight, fee: outcome.fee, ok: outcome.ok, quote: quote.partial_fee, paid: paid.at(-1) ?? 0n, spent: free - h.free(who.id), burned: issuance - h.totalIssuance() };
  };
  return { h, apply };
}

describe('golden fees (literal amounts from the fee formula)', () => {
  it('Balances.transfer_keep_alive of 1 DIN: 1,146,016,000 planck', () => {
    const { apply } = chain();
    const r = apply(alice, { type: 'Balances', value: { type: 'transfer_keep_alive', value: { dest: { type: 'Id', value: bob.id }, value: DIN } } });
    expect(r.ok).toBe(true);
    // 2 (compact length) + 1 (version) + 33 (address) + 65 (signature) + 4 (era, nonce, tip, mode)
    // + 41 (call: 2 indices, 33 dest, 6 compact 10^12)
    expect(r.length).toBe(146);
    expect(r.weight).toBe(160_000_000n);
    // 1,000,000,000 + 146 × 1,000,000 + 160,000,000 / 10,000
    expect(r.fee).toBe(1_146_016_000n);
    expect(r.quote).toBe(1_146_016_000n);
    expect(r.paid).toBe(1_146_016_000n);
    expect(r.spent).toBe(DIN + 1_146_016_000n);
    expect(r.burned).toBe(1_146_016_000n);
  });

  it('Subscriptions.subscribe to a named provider: 1,236,202,500 planck', () => {
    const { apply } = chain();
    const r = apply(bob, {
      type: 'Subscriptions',
      value: {
        type: 'subscribe',
        value: { target: { type: 'Provider', value: { provider: provider.id, type_id: 0 } }, descriptor_cid: CID, deposit: 2n * DIN, max_price_per_block: DIN / 100n },
      },
    });
    expect(r.ok).toBe(true);
    // 2 + 1 + 33 + 65 + 4 + 131 (call: 2 indices, 1 variant, 32 provider, 4 type id, 60 CID, 16 + 16 balances)
    expect(r.length).toBe(236);
    // 2,000,000,000 + 25,000,000 × 1 offering considered
    expect(r.weight).toBe(2_025_000_000n);
    // 1,000,000,000 + 236 × 1,000,000 + 2,025,000,000 / 10,000
    expect(r.fee).toBe(1_236_202_500n);
    expect(r.quote).toBe(1_236_202_500n);
    expect(r.paid).toBe(1_236_202_500n);
    expect(r.spent).toBe(2n * DIN + 1_236_202_500n); // the deposit is reserved, the fee burned
    expect(r.burned).toBe(1_236_202_500n);
  });

  it('a failed Subscriptions.report_status (not the provider) pays the full fee: 1,116,100,000 planck', () => {
    const { apply } = chain();
    const r = apply(alice, { type: 'Subscriptions', value: { type: 'report_status', value: { id: 0n, report: { type: 'Provisioning' } } } });
    expect(r.ok).toBe(false);
    // 2 + 1 + 33 + 65 + 4 + 11 (call: 2 indices, 8 id, 1 report)
    expect(r.length).toBe(116);
    expect(r.weight).toBe(1_000_000_000n);
    // 1,000,000,000 + 116 × 1,000,000 + 1,000,000,000 / 10,000
    expect(r.fee).toBe(1_116_100_000n);
    expect(r.quote).toBe(1_116_100_000n);
    expect(r.paid).toBe(1_116_100_000n);
    expect(r.spent).toBe(1_116_100_000n);
    expect(r.burned).toBe(1_116_100_000n);
  });
});
