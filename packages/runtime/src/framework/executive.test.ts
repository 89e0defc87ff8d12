import { beforeAll, describe, expect, it } from 'vitest';
import { cryptoWaitReady } from '@polkadot/util-crypto';
import { Harness } from '../testing/harness.ts';
import { signExtrinsic, testSigner, type TestSigner } from '../testing/sign.ts';
import { decodeExtrinsic } from './extrinsic.ts';
import { TransactionValidityError } from './validity.ts';
import { inclusionFee } from '../pallets/transaction-payment.ts';
import { EXISTENTIAL_DEPOSIT } from '../pallets/balances.ts';
import { SystemStorage } from '../pallets/system.ts';
import type { RuntimeCallValue } from './runtime.ts';

const DIN = 10n ** 12n;
const GENESIS = '0x' + '11'.repeat(32);
let alice: TestSigner;
let bob: TestSigner;
let poor: TestSigner;

beforeAll(async () => {
  await cryptoWaitReady();
  alice = testSigner('alice');
  bob = testSigner('bob');
  poor = testSigner('poor');
});

const transfer = (to: string, value: bigint, keepAlive = true): RuntimeCallValue => ({
  type: 'Balances',
  value: { type: keepAlive ? 'transfer_keep_alive' : 'transfer_allow_death', value: { dest: { type: 'Id', value: to }, value } },
});

function setup() {
  const h = Harness.create({ balances: [[alice.id, 1000n * DIN], [bob.id, 10n * DIN]], genesis: { sudo: { key: alice.id } } });
  let index = 1;
  const apply = (signer: TestSigner, call: RuntimeCallValue, opts: { nonce?: number; tip?: bigint; era?: [number, number]; birthHash?: string } = {}) => {
    const nonce = opts.nonce ?? (SystemStorage.Account.get(h.state, signer.id)?.nonce ?? 0);
    const bytes = signExtrinsic(h.runtime, signer, call, { genesisHash: GENESIS, ...opts, nonce });
    const xt = decodeExtrinsic(h.runtime, bytes);
    return { bytes, outcome: h.executive.applyExtrinsic(h.env, xt, index++) };
  };
  const rejects = (signer: TestSigner, call: RuntimeCallValue, kind: string, opts: Parameters<typeof apply>[2] = {}) => {
    const before = [...h.env.changes()].length;
    const events = h.env.events.length;
    let error: unknown;
    try {
      apply(signer, call, opts);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(TransactionValidityError);
    expect((error as TransactionValidityError).value.value.type).toBe(kind);
    expect([...h.env.changes()].length).toBe(before);
    expect(h.env.events.length).toBe(events);
  };
  return { h, apply, rejects };
}

describe('Executive: signed extrinsics', () => {
  it('a transfer bumps the nonce, burns exactly the inclusion fee, and emits the standard events', () => {
    const { h, apply } = setup();
    const issuance = h.totalIssuance();
    const { bytes, outcome } = apply(alice, transfer(bob.id, 5n * DIN));
    expect(outcome.ok).toBe(true);
    const fee = inclusionFee(bytes.length, outcome.info.weight);
    expect(outcome.fee).toBe(fee);
    expect(h.free(alice.id)).toBe(1000n * DIN - 5n * DIN - fee);
    expect(h.free(bob.id)).toBe(15n * DIN);
    expect(h.totalIssuance()).toBe(issuance - fee);
    expect(SystemStorage.Account.get(h.state, alice.id)!.nonce).toBe(1);
    const names = h.env.events.filter((e) => e.phase.type === 'ApplyExtrinsic' && e.phase.value === 1).map((e) => `${e.event.type}.${(e.event.value as any).type}`);
    expect(names).toEqual(['Balances.Withdraw', 'Balances.Transfer', 'TransactionPayment.TransactionFeePaid', 'System.ExtrinsicSuccess']);
  });

  it('a tip is charged on top of the fee', () => {
    const { h, apply } = setup();
    const { bytes, outcome } = apply(alice, transfer(bob.id, DIN), { tip: 7n });
    expect(outcome.fee).toBe(inclusionFee(bytes.length, outcome.info.weight) + 7n);
    expect(h.free(alice.id)).toBe(999n * DIN - outcome.fee);
  });

  it('a failing call still pays its fee and bumps the nonce, and reports ExtrinsicFailed with the module error', () => {
    const { h, apply } = setup();
    const { outcome } = apply(bob, transfer(alice.id, 100n * DIN));
    expect(outcome.ok).toBe(false);
    expect(h.errorName(outcome.error!)).toBe('Balances.InsufficientBalance');
    expect(h.free(bob.id)).toBe(10n * DIN - outcome.fee);
    expect(SystemStorage.Account.get(h.state, bob.id)!.nonce).toBe(1);
    expect(h.env.events.some((e) => (e.event.value as any).type === 'ExtrinsicFailed')).toBe(true);
    expect(h.env.events.some((e) => (e.event.value as any).type === 'Transfer')).toBe(false);
  });

  it('rejects a bad signature, a stale nonce, a future nonce, an unfunded sender, without changing anything', () => {
    const { h, apply, rejects } = setup();
    apply(alice, transfer(bob.id, DIN));
    rejects(alice, transfer(bob.id, DIN), 'Stale', { nonce: 0 });
    rejects(alice, transfer(bob.id, DIN), 'Future', { nonce: 5 });
    rejects(poor, transfer(bob.id, DIN), 'Payment');
    // Signed by bob but claiming to be alice: bad proof.
    const good = signExtrinsic(h.runtime, alice, transfer(bob.id, DIN), { genesisHash: GENESIS, nonce: 1 });
    const forged = signExtrinsic(h.runtime, bob, transfer(bob.id, DIN), { genesisHash: GENESIS, nonce: 1 });
    const tampered = new Uint8Array(good);
    tampered.set(forged.subarray(36, 36 + 64), 36); // replace the signature bytes
    let err: unknown;
    try {
      h.executive.applyExtrinsic(h.env, decodeExtrinsic(h.runtime, tampered), 9);
    } catch (e) {
      err = e;
    }
    expect((err as TransactionValidityError).value.value.type).toBe('BadProof');
    // A transaction signed for another chain (genesis) is a bad proof too.
    rejects(alice, transfer(bob.id, DIN), 'BadProof', { birthHash: '0x' + '22'.repeat(32), era: undefined, nonce: 1 } as never);
  });

  it('validateTransaction tags a future nonce with the transaction it requires', () => {
    const { h } = setup();
    const xt = decodeExtrinsic(h.runtime, signExtrinsic(h.runtime, alice, transfer(bob.id, DIN), { genesisHash: GENESIS, nonce: 2 }));
    const valid = h.executive.validateTransaction(h.backend, 1, GENESIS, xt);
    expect(valid.requires).toHaveLength(1);
    expect(valid.provides).toHaveLength(1);
    expect(valid.requires[0]!.slice(0, 66)).toBe(alice.id);
  });

  it('mortal transactions are valid inside their era and rejected after it', () => {
    const { h, apply, rejects } = setup();
    h.advanceTo(5);
    const birthHash = SystemStorage.BlockHash.get(h.state, 4)!;
    const { outcome } = apply(alice, transfer(bob.id, DIN), { era: [8, 4], birthHash });
    expect(outcome.ok).toBe(true);
    h.advanceTo(13); // the era [4, 12) is over: the signature no longer matches the current birth block
    rejects(alice, transfer(bob.id, DIN), 'BadProof', { era: [8, 4], birthHash });
  });

  it('keep-alive transfers cannot kill the sender; allow-death reaps it and burns the dust', () => {
    const { h } = setup();
    const dest = { type: 'Id', value: alice.id };
    const bobFree = h.free(bob.id);
    const refused = h.tx(bob.id, 'Balances', 'transfer_keep_alive', { dest, value: bobFree - 1n });
    expect(refused.errorName).toBe('Balances.Expendability');
    expect(h.free(bob.id)).toBe(bobFree);
    const issuance = h.totalIssuance();
    const reaped = h.tx(bob.id, 'Balances', 'transfer_allow_death', { dest, value: bobFree - 1n });
    expect(reaped.ok).toBe(true);
    const names = reaped.events.map((e) => `${e.event.type}.${(e.event.value as any).type}`);
    expect(names).toEqual(expect.arrayContaining(['Balances.Transfer', 'Balances.DustLost', 'System.KilledAccount']));
    expect(SystemStorage.Account.contains(h.state, bob.id)).toBe(false);
    expect(h.totalIssuance()).toBe(issuance - 1n);
    // A new account must receive at least the existential deposit.
    const tooSmall = h.tx(alice.id, 'Balances', 'transfer_allow_death', { dest: { type: 'Id', value: poor.id }, value: EXISTENTIAL_DEPOSIT - 1n });
    expect(tooSmall.errorName).toBe('Balances.ExistentialDeposit');
  });
});

describe('Executive: Utility and Sudo', () => {
  const remark: RuntimeCallValue = { type: 'System', value: { type: 'remark_with_event', value: { remark: '0x01' } } };
  const failing = (to: string): RuntimeCallValue => transfer(to, 10n ** 30n);

  it('batch_all rolls back every call when one fails', () => {
    const { h, apply } = setup();
    const { outcome } = apply(alice, { type: 'Utility', value: { type: 'batch_all', value: { calls: [transfer(bob.id, DIN), failing(bob.id)] } } });
    expect(outcome.ok).toBe(false);
    expect(h.free(bob.id)).toBe(10n * DIN);
    expect(h.env.events.some((e) => (e.event.value as any).type === 'Transfer')).toBe(false);
  });

  it('batch stops at the first failure and keeps earlier calls', () => {
    const { h, apply } = setup();
    const { outcome } = apply(alice, { type: 'Utility', value: { type: 'batch', value: { calls: [transfer(bob.id, DIN), failing(bob.id), remark] } } });
    expect(outcome.ok).toBe(true);
    expect(h.free(bob.id)).toBe(11n * DIN);
    const utility = h.palletEvents('Utility');
    expect(utility.map(([n]) => n)).toEqual(['ItemCompleted', 'BatchInterrupted']);
    expect(utility[1]![1].index).toBe(1);
  });

  it('force_batch continues past failures', () => {
    const { h, apply } = setup();
    apply(alice, { type: 'Utility', value: { type: 'force_batch', value: { calls: [failing(bob.id), transfer(bob.id, DIN)] } } });
    expect(h.free(bob.id)).toBe(11n * DIN);
    expect(h.palletEvents('Utility').map(([n]) => n)).toEqual(['ItemFailed', 'ItemCompleted', 'BatchCompletedWithErrors']);
  });

  it('sudo dispatches as Root without a fee for the key, and refuses others (who pay)', () => {
    const { h, apply } = setup();
    const setBalance: RuntimeCallValue = { type: 'Balances', value: { type: 'force_set_balance', value: { who: { type: 'Id', value: bob.id }, new_free: 42n * DIN } } };
    const sudo: RuntimeCallValue = { type: 'Sudo', value: { type: 'sudo', value: { call: setBalance } } };
    const byKey = apply(alice, sudo);
    expect(byKey.outcome.fee).toBe(0n);
    expect(h.free(bob.id)).toBe(42n * DIN);
    const byOther = apply(bob, sudo);
    expect(byOther.outcome.fee).toBeGreaterThan(0n);
    expect(h.errorName(byOther.outcome.error!)).toBe('Sudo.RequireSudo');
    // A Root-only call without sudo is BadOrigin.
    const direct = apply(bob, setBalance);
    expect(direct.outcome.error).toEqual({ type: 'BadOrigin' });
  });
});
