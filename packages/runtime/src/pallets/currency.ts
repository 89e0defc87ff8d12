import type { Env } from '../framework/env.ts';
import { arithmetic } from '../framework/dispatch-error.ts';
import { SystemStorage, System, emptyAccount, type AccountInfoValue } from './system.ts';
import { Balances, BalancesStorage, EXISTENTIAL_DEPOSIT } from './balances.ts';

/**
 * Balance operations shared by pallets (the `Currency` / `ReservableCurrency` of FRAME).
 * Every operation keeps `TotalIssuance == sum(free + reserved)`.
 */
export const account = (env: Env, who: string): AccountInfoValue =>
  SystemStorage.Account.get(env.state, who) ?? emptyAccount();

/** Writes `info`; reaps the account (dust burned) when its total falls below the ED. */
export function putAccount(env: Env, who: string, info: AccountInfoValue): void {
  const existed = SystemStorage.Account.contains(env.state, who);
  const total = info.data.free + info.data.reserved;
  if (total < EXISTENTIAL_DEPOSIT && info.data.reserved === 0n) {
    if (!existed) return;
    if (info.data.free > 0n) {
      burn(env, info.data.free);
      Balances.emit(env, 'DustLost', { account: who, amount: info.data.free });
    }
    SystemStorage.Account.remove(env.state, who);
    System.emit(env, 'KilledAccount', { account: who });
    return;
  }
  if (!existed) {
    info.providers = Math.max(info.providers, 1);
    System.emit(env, 'NewAccount', { account: who });
    Balances.emit(env, 'Endowed', { account: who, free_balance: info.data.free });
  }
  SystemStorage.Account.set(env.state, who, info);
}

function burn(env: Env, amount: bigint): void {
  const issuance = BalancesStorage.TotalIssuance.get(env.state) ?? 0n;
  BalancesStorage.TotalIssuance.set(env.state, issuance - amount);
}

export const freeBalance = (env: Env, who: string): bigint => account(env, who).data.free;
export const reservedBalance = (env: Env, who: string): bigint => account(env, who).data.reserved;

export type Existence = 'KeepAlive' | 'AllowDeath';

/** Moves `amount` of free balance from `from` to `to`. */
export function transfer(env: Env, from: string, to: string, amount: bigint, existence: Existence): void {
  if (amount < 0n) throw arithmetic('Underflow');
  const src = account(env, from);
  if (src.data.free < amount) throw Balances.error('InsufficientBalance');
  const remaining = src.data.free - amount;
  if (existence === 'KeepAlive' && remaining < EXISTENTIAL_DEPOSIT && src.data.reserved === 0n) {
    throw Balances.error('Expendability');
  }
  if (from === to || amount === 0n) {
    Balances.emit(env, 'Transfer', { from, to, amount });
    return;
  }
  const dst = account(env, to);
  if (dst.data.free + dst.data.reserved + amount < EXISTENTIAL_DEPOSIT) throw Balances.error('ExistentialDeposit');
  src.data.free = remaining;
  dst.data.free += amount;
  putAccount(env, to, dst);
  Balances.emit(env, 'Transfer', { from, to, amount });
  putAccount(env, from, src);
}

/** Withdraws `amount` (burned from issuance), keeping the account alive. Used for fees. */
export function withdraw(env: Env, who: string, amount: bigint): void {
  const info = account(env, who);
  if (info.data.free < amount + EXISTENTIAL_DEPOSIT) throw Balances.error('InsufficientBalance');
  info.data.free -= amount;
  burn(env, amount);
  putAccount(env, who, info);
  Balances.emit(env, 'Withdraw', { who, amount });
}

/** Whether `who` could pay `amount` and stay alive. */
export const canWithdraw = (env: Env, who: string, amount: bigint): boolean =>
  account(env, who).data.free >= amount + EXISTENTIAL_DEPOSIT;

/** Mints `amount` into `who` (genesis and tests only). */
export function mint(env: Env, who: string, amount: bigint): void {
  const info = account(env, who);
  info.data.free += amount;
  const issuance = BalancesStorage.TotalIssuance.get(env.state) ?? 0n;
  BalancesStorage.TotalIssuance.set(env.state, issuance + amount);
  putAccount(env, who, info);
}

/** Moves `amount` from free to reserved; the free balance must stay at or above the ED. */
export function reserve(env: Env, who: string, amount: bigint): void {
  const info = account(env, who);
  if (info.data.free < amount + EXISTENTIAL_DEPOSIT) throw Balances.error('InsufficientBalance');
  info.data.free -= amount;
  info.data.reserved += amount;
  putAccount(env, who, info);
  Balances.emit(env, 'Reserved', { who, amount });
}

/** Moves up to `amount` from reserved back to free; returns what could not be unreserved. */
export function unreserve(env: Env, who: string, amount: bigint): bigint {
  const info = account(env, who);
  const actual = amount < info.data.reserved ? amount : info.data.reserved;
  if (actual === 0n) return amount;
  info.data.reserved -= actual;
  info.data.free += actual;
  putAccount(env, who, info);
  Balances.emit(env, 'Unreserved', { who, amount: actual });
  return amount - actual;
}

/** Moves up to `amount` of `from`'s reserved balance to `to`'s free balance; returns the remainder. */
export function repatriateReserved(env: Env, from: string, to: string, amount: bigint): bigint {
  const src = account(env, from);
  const actual = amount < src.data.reserved ? amount : src.data.reserved;
  if (actual === 0n) return amount;
  if (from === to) return unreserve(env, from, actual) + (amount - actual);
  src.data.reserved -= actual;
  const dst = account(env, to);
  dst.data.free += actual;
  putAccount(env, to, dst);
  putAccount(env, from, src);
  Balances.emit(env, 'ReserveRepatriated', { from, to, amount: actual, destination_status: { type: 'Free' } });
  return amount - actual;
}
