/**
 * Billing as the chain computes it (runtime-specs/dinfra.md, "Billing"): the deposit left at a
 * block, and how many blocks it lasts.
 */

/** The deposit left at block `now`: `deposit - price × (now - settledTo)`, never below 0; the deposit while billing has not started. */
export function remainingDeposit(s: { deposit: bigint; pricePerBlock: bigint; settledTo: number | null | undefined }, now: number): bigint {
  if (s.settledTo === null || s.settledTo === undefined || now <= s.settledTo) return s.deposit;
  const owed = s.pricePerBlock * BigInt(now - s.settledTo);
  return owed >= s.deposit ? 0n : s.deposit - owed;
}

/** Blocks `remaining` pays for at `pricePerBlock` (a started block counts whole); undefined for a free offering. */
export function runwayBlocks(remaining: bigint, pricePerBlock: bigint): number | undefined {
  if (pricePerBlock === 0n) return undefined;
  return Number((remaining + pricePerBlock - 1n) / pricePerBlock);
}

/** Blocks until `expiresAt` from `now` (0 once past); undefined when there is no expiry. */
export const blocksUntil = (expiresAt: number | null | undefined, now: number): number | undefined =>
  expiresAt === null || expiresAt === undefined ? undefined : Math.max(0, expiresAt - now);
