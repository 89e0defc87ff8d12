import { T } from '../scale/type-desc.ts';
import { definePallet } from '../framework/pallet.ts';
import { storageFor } from '../framework/storage.ts';
import { AccountId32, Balance, MultiAddress } from '../framework/common-types.ts';
import { ensureRoot, ensureSigned } from '../framework/runtime.ts';
import { DispatchFailure } from '../framework/dispatch-error.ts';
import type { Env } from '../framework/env.ts';
import { account, mint, putAccount, transfer } from './currency.ts';

const s = storageFor('Balances');

export const EXISTENTIAL_DEPOSIT = 1_000_000_000n; // 0.001 DIN at 12 decimals

export const BalancesStorage = {
  TotalIssuance: s.value<bigint>('TotalIssuance', Balance, { default: 0n, docs: [' The total units issued in the system.'] }),
  InactiveIssuance: s.value<bigint>('InactiveIssuance', Balance, { default: 0n, docs: [' The total units of outstanding deactivated balance in the system.'] }),
};

/** Resolves a MultiAddress argument to an AccountId32 (only `Id` is supported, as without pallet-indices). */
export function lookup(address: { type: string; value: string }): string {
  if (address.type !== 'Id') throw new DispatchFailure({ type: 'CannotLookup' });
  return address.value;
}

const BalanceStatus = T.variant(['frame_support', 'traits', 'tokens', 'misc', 'BalanceStatus'], [{ name: 'Free' }, { name: 'Reserved' }]);
const Dest = MultiAddress;
const compactBalance = T.compact(Balance);

function transferAll(env: Env, from: string, to: string, keepAlive: boolean): void {
  const info = account(env, from);
  const amount = keepAlive || info.data.reserved > 0n ? info.data.free - EXISTENTIAL_DEPOSIT : info.data.free;
  if (amount <= 0n) return;
  transfer(env, from, to, amount, keepAlive ? 'KeepAlive' : 'AllowDeath');
}

/** `pallet_balances`: free and reserved balances held in `System.Account`. */
export const Balances = definePallet({
  name: 'Balances',
  index: 5,
  crate: 'pallet_balances',
  storage: BalancesStorage,
  calls: {
    transfer_allow_death: {
      index: 0,
      args: [['dest', Dest, 'AccountIdLookupOf<T>'], ['value', compactBalance, 'T::Balance']],
      weight: 200_000_000n,
      docs: [' Transfer some liquid free balance to another account.'],
      handler: (env, origin, a: { dest: any; value: bigint }) => transfer(env, ensureSigned(origin), lookup(a.dest), a.value, 'AllowDeath'),
    },
    force_transfer: {
      index: 2,
      args: [['source', Dest, 'AccountIdLookupOf<T>'], ['dest', Dest, 'AccountIdLookupOf<T>'], ['value', compactBalance, 'T::Balance']],
      weight: 200_000_000n,
      docs: [' Exactly as `transfer_allow_death`, except the origin must be root and the source account may be specified.'],
      handler: (env, origin, a: { source: any; dest: any; value: bigint }) => {
        ensureRoot(origin);
        transfer(env, lookup(a.source), lookup(a.dest), a.value, 'AllowDeath');
      },
    },
    transfer_keep_alive: {
      index: 3,
      args: [['dest', Dest, 'AccountIdLookupOf<T>'], ['value', compactBalance, 'T::Balance']],
      weight: 160_000_000n,
      docs: [' Same as the `transfer_allow_death` call, but with a check that the transfer will not kill the origin account.'],
      handler: (env, origin, a: { dest: any; value: bigint }) => transfer(env, ensureSigned(origin), lookup(a.dest), a.value, 'KeepAlive'),
    },
    transfer_all: {
      index: 4,
      args: [['dest', Dest, 'AccountIdLookupOf<T>'], ['keep_alive', T.bool, 'bool']],
      weight: 200_000_000n,
      docs: [' Transfer the entire transferable balance from the caller account.'],
      handler: (env, origin, a: { dest: any; keep_alive: boolean }) => transferAll(env, ensureSigned(origin), lookup(a.dest), a.keep_alive),
    },
    force_set_balance: {
      index: 8,
      args: [['who', Dest, 'AccountIdLookupOf<T>'], ['new_free', compactBalance, 'T::Balance']],
      weight: 150_000_000n,
      docs: [' Set the regular balance of a given account. The dispatch origin for this call is `root`.'],
      handler: (env, origin, a: { who: any; new_free: bigint }) => {
        ensureRoot(origin);
        const who = lookup(a.who);
        const info = account(env, who);
        const issuance = BalancesStorage.TotalIssuance.get(env.state) ?? 0n;
        BalancesStorage.TotalIssuance.set(env.state, issuance - info.data.free + a.new_free);
        info.data.free = a.new_free;
        putAccount(env, who, info);
        Balances.emit(env, 'BalanceSet', { who, free: a.new_free });
      },
    },
  },
  events: {
    Endowed: { fields: [['account', AccountId32], ['free_balance', Balance]], docs: [' An account was created with some free balance.'] },
    DustLost: { fields: [['account', AccountId32], ['amount', Balance]], docs: [' An account was removed whose balance was non-zero but below ExistentialDeposit, resulting in an outright loss.'] },
    Transfer: { fields: [['from', AccountId32], ['to', AccountId32], ['amount', Balance]], docs: [' Transfer succeeded.'] },
    BalanceSet: { fields: [['who', AccountId32], ['free', Balance]], docs: [' A balance was set by root.'] },
    Reserved: { fields: [['who', AccountId32], ['amount', Balance]], docs: [' Some balance was reserved (moved from free to reserved).'] },
    Unreserved: { fields: [['who', AccountId32], ['amount', Balance]], docs: [' Some balance was unreserved (moved from reserved to free).'] },
    ReserveRepatriated: {
      fields: [['from', AccountId32], ['to', AccountId32], ['amount', Balance], ['destination_status', BalanceStatus]],
      docs: [' Some balance was moved from the reserve of the first account to the second account.'],
    },
    Deposit: { fields: [['who', AccountId32], ['amount', Balance]], docs: [' Some amount was deposited (e.g. for transaction fees).'] },
    Withdraw: { fields: [['who', AccountId32], ['amount', Balance]], docs: [' Some amount was withdrawn from the account (e.g. for transaction fees).'] },
  },
  errors: {
    VestingBalance: 'Vesting balance too high to send value.',
    LiquidityRestrictions: 'Account liquidity restrictions prevent withdrawal.',
    InsufficientBalance: 'Balance too low to send value.',
    ExistentialDeposit: 'Value too low to create account due to existential deposit.',
    Expendability: 'Transfer/payment would kill account.',
    ExistingVestingSchedule: 'A vesting schedule already exists for this account.',
    DeadAccount: 'Beneficiary account must pre-exist.',
    TooManyReserves: 'Number of named reserves exceed `MaxReserves`.',
    TooManyHolds: 'Number of holds exceed `VariantCountOf<T::RuntimeHoldReason>`.',
    TooManyFreezes: 'Number of freezes exceed `MaxFreezes`.',
    IssuanceDeactivated: 'The issuance cannot be modified since it is already deactivated.',
    DeltaZero: 'The delta cannot be zero.',
  },
  constants: {
    ExistentialDeposit: { type: Balance, value: EXISTENTIAL_DEPOSIT, docs: [' The minimum amount required to keep an account open.'] },
    MaxLocks: { type: T.u32, value: 50, docs: [' The maximum number of locks that should exist on an account.'] },
    MaxReserves: { type: T.u32, value: 50, docs: [' The maximum number of named reserves that can exist on an account.'] },
    MaxFreezes: { type: T.u32, value: 0, docs: [' The maximum number of individual freeze locks that can exist on an account at any time.'] },
  },
  genesis: (env, config: { balances?: Array<[string, bigint]> }) => {
    for (const [who, amount] of config.balances ?? []) mint(env, who, amount);
  },
});
