/**
 * Derives deployment rows from chain records. Generation rule: a deployment's generation
 * counts the awards of its subscription to this provider. While following, each `Awarded`
 * event to this provider adds one. At a reconcile from storage (no events), a subscription
 * currently assigned to this provider has generation `1 + (times this provider is in
 * `excluded`)`: every earlier award to it ended in a loss, and each loss appended it to
 * `excluded` (runtime-specs/dinfra.md, "Losing an award"). The two rules agree.
 */
import { remainingDeposit } from '@dinfra/runtime-specs';
import type { SubscriptionRecord } from '../chain/records.ts';
import type { Billing, DeploymentRow } from '../store/deployment-row.ts';

export function billingOf(r: SubscriptionRecord, now: number): Billing {
  const remaining = remainingDeposit(r, now);
  return { pricePerBlock: r.pricePerBlock.toString(), deposit: r.deposit.toString(), remaining: remaining.toString(), expiresAt: r.expiresAt };
}

export function generationAtReconcile(r: SubscriptionRecord, provider: string): number {
  return 1 + r.excluded.filter((p) => p === provider).length;
}

/** A fresh award: not served until its descriptor is verified. */
export function newAwardRow(input: { id: bigint; record: SubscriptionRecord; typeName: string; generation: number; now: number }): DeploymentRow {
  const { record: r } = input;
  return {
    id: input.id.toString(),
    typeId: r.typeId,
    type: input.typeName,
    generation: input.generation,
    desired: 'present',
    state: r.state,
    endpoints: r.endpoints,
    phase: 'fetching',
    descriptorCid: r.descriptorCid,
    descriptor: null,
    sealedSecrets: null,
    billing: billingOf(r, input.now),
    subscriber: r.subscriber,
    awardedAt: r.awardedAt,
    awardedMs: Date.now(),
    reason: null,
    revision: 0,
    specRevision: 0,
    absentSince: null,
    fetchAttempts: 0,
    fetchNextAt: 0,
  };
}

/** The chain's view of a live award to us, merged into the row; true when anything changed. */
export function applyLiveRecord(row: DeploymentRow, r: SubscriptionRecord, now: number): boolean {
  const billing = billingOf(r, now);
  const changed =
    row.state !== r.state ||
    JSON.stringify(row.endpoints) !== JSON.stringify(r.endpoints) ||
    row.billing.deposit !== billing.deposit ||
    row.billing.expiresAt !== billing.expiresAt ||
    row.billing.pricePerBlock !== billing.pricePerBlock ||
    row.desired !== 'present';
  row.state = r.state;
  row.endpoints = r.endpoints;
  row.billing = billing;
  row.desired = 'present';
  row.reason = null;
  row.absentSince = null;
  return changed;
}

/** The award ended (termination, loss or purge): the row becomes absent; true when it changed. */
export function markAbsent(row: DeploymentRow, reason: string, terminated: boolean): boolean {
  const state = terminated ? 'terminated' : row.state;
  if (row.desired === 'absent' && row.reason === reason && row.state === state) return false;
  row.desired = 'absent';
  row.reason = reason;
  row.state = state;
  row.absentSince ??= Date.now();
  return true;
}

/** Why a subscription no longer belongs to `provider`, from its record (or its absence). */
export function absenceReason(r: SubscriptionRecord | undefined, provider: string): string {
  if (!r) return 'purged';
  if (r.state === 'terminated' && r.provider === provider) return `terminated: ${r.terminationReason}`;
  if (r.lastLoss && r.lastLoss.provider === provider) return `award lost: ${r.lastLoss.cause}`;
  if (r.state === 'terminated') return `terminated: ${r.terminationReason}`;
  return 'award lost';
}
