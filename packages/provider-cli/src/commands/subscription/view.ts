import { blocksUntil, runwayBlocks } from '@dinfra/runtime-specs';
import type { Context } from '../../context.ts';
import * as chain from '../../lib/chain.ts';
import type { Billing, Subscription } from '@dinfra/runtime-specs';
import { NotFoundError } from '../../lib/errors.ts';
import { fields, formatDuration } from '../../lib/output.ts';
import { lossText } from './loss-text.ts';

/** A subscription with what `show` derives: names, billing, and the expiry estimate. */
export interface SubscriptionView {
  sub: Subscription;
  billing: Billing | undefined;
  typeName: string;
  providerName: string | undefined;
  /** The name of the provider that last lost the award (when it is still registered). */
  lostProviderName: string | undefined;
  bestBlock: number;
  blockTimeMs: number;
}

export async function loadView(ctx: Context, id: bigint): Promise<SubscriptionView> {
  const conn = await ctx.connection();
  const api = conn.api;
  const sub = await chain.subscription(api, id);
  if (!sub) throw new NotFoundError(`subscription ${id} does not exist (never created, or purged after termination)`);
  const [billing, types, provider, lost, bestBlock] = await Promise.all([
    chain.billing(api, id),
    chain.deploymentTypes(api),
    chain.provider(api, sub.provider),
    sub.lastLoss ? chain.provider(api, sub.lastLoss.provider) : undefined,
    chain.bestBlock(api),
  ]);
  return {
    sub,
    billing,
    typeName: types.find((t) => t.id === sub.target.typeId)?.name ?? `#${sub.target.typeId}`,
    providerName: provider?.name,
    lostProviderName: lost?.name,
    bestBlock,
    blockTimeMs: conn.blockTimeMs,
  };
}

/** Blocks the remaining deposit lasts at the subscription's rate (undefined for free ones). */
function runway(v: SubscriptionView): number | undefined {
  return runwayBlocks(v.billing?.remaining ?? v.sub.deposit, v.sub.pricePerBlock);
}

/** The stable JSON document of a subscription (`subscription show --json`). */
export function viewDoc(v: SubscriptionView): Record<string, unknown> {
  const { sub } = v;
  const live = sub.state !== 'Terminated';
  const expiresAt = live ? (v.billing?.expiresAt ?? sub.expiresAt) : undefined;
  const inBlocks = blocksUntil(expiresAt, v.bestBlock);
  return {
    id: sub.id.toString(),
    state: sub.state,
    endpoints: sub.endpoints,
    terminationReason: sub.terminationReason ?? null,
    subscriber: sub.subscriber,
    provider: { address: sub.provider, name: v.providerName ?? null },
    type: { id: sub.target.typeId, name: v.typeName },
    target: sub.target.kind === 'provider' ? { kind: 'provider', provider: sub.target.provider } : { kind: 'selector', providers: sub.target.providers ?? null, region: sub.target.region ?? null },
    descriptorCid: sub.descriptorCid,
    pricePerBlock: sub.pricePerBlock,
    maxPricePerBlock: sub.maxPricePerBlock,
    deposit: sub.deposit,
    owed: v.billing?.owed ?? 0n,
    depositLeft: live ? (v.billing?.remaining ?? sub.deposit) : 0n,
    billing: sub.settledTo !== undefined,
    settledTo: sub.settledTo ?? null,
    createdAt: sub.createdAt,
    awardedAt: sub.awardedAt,
    ackDeadline: sub.ackDeadline ?? null,
    terminatedAt: sub.terminatedAt ?? null,
    lastLoss: sub.lastLoss
      ? { provider: { address: sub.lastLoss.provider, name: v.lostProviderName ?? null }, at: sub.lastLoss.at, cause: sub.lastLoss.cause, reason: sub.lastLoss.reason ?? null }
      : null,
    bestBlock: v.bestBlock,
    expiresAt: expiresAt ?? null,
    expiresInBlocks: inBlocks ?? null,
    estimatedExpiry: inBlocks !== undefined ? new Date(Date.now() + inBlocks * v.blockTimeMs).toISOString() : null,
    runwayBlocks: live ? (runway(v) ?? null) : null,
    blockTimeMs: v.blockTimeMs,
  };
}

/** Human `show` output. */
export function viewText(ctx: Context, v: SubscriptionView): string {
  const d = viewDoc(v);
  const { sub } = v;
  const live = sub.state !== 'Terminated';
  const r = runway(v);
  let expiry: string;
  if (!live) expiry = `terminated at block #${sub.terminatedAt ?? '?'}`;
  else if (d.expiresAt !== null) {
    const blocks = d.expiresInBlocks as number;
    expiry = `block #${String(d.expiresAt)} (in ${blocks} blocks, ~${formatDuration(blocks * v.blockTimeMs)}, ~${String(d.estimatedExpiry).replace('T', ' ').replace(/\.\d+Z$/, ' UTC')})`;
  } else if (sub.pricePerBlock === 0n) expiry = 'never (free offering)';
  else expiry = `billing starts when it runs; the deposit then lasts ${r} blocks (~${formatDuration((r ?? 0) * v.blockTimeMs)})`;
  return fields([
    ['subscription', `#${sub.id}`],
    ['state', sub.state + (sub.terminationReason ? ` (${sub.terminationReason})` : '')],
    ['endpoints', sub.endpoints.length ? sub.endpoints.join(', ') : live ? 'none yet' : undefined],
    ['type', v.typeName],
    ['provider', v.providerName ? `${v.providerName} (${sub.provider})` : sub.provider],
    ['last award lost', sub.lastLoss ? lossText(sub.lastLoss, v.lostProviderName) : undefined],
    ['rate', `${ctx.fmt(sub.pricePerBlock)}/block (max ${ctx.fmt(sub.maxPricePerBlock)})`],
    ['deposit left', live ? `${ctx.fmt(d.depositLeft as bigint)}${(d.owed as bigint) > 0n ? ` (${ctx.fmt(d.owed as bigint)} owed since last settlement)` : ''}` : undefined],
    ['expires', expiry],
    ['descriptor', sub.descriptorCid],
    ['subscriber', sub.subscriber],
    ['created', `block #${sub.createdAt} (awarded at #${sub.awardedAt}${sub.ackDeadline !== undefined ? `, provider must ack by #${sub.ackDeadline}` : ''})`],
  ]);
}
