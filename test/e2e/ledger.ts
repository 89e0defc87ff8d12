// The chain's side of the books, read with @polkadot/api (typed by @dinfra/runtime-specs):
// balances at a block, and the events of a range of blocks that move money.
import '@dinfra/runtime-specs/augment';
import type { ApiPromise } from '@polkadot/api';
import type { EventRecord } from '@polkadot/types/interfaces';

export interface Balance {
  readonly free: bigint;
  readonly reserved: bigint;
}

export async function balanceAt(api: ApiPromise, block: number, address: string): Promise<Balance> {
  const hash = await api.rpc.chain.getBlockHash(block);
  const { data } = await api.query.system.account.at(hash, address);
  return { free: data.free.toBigInt(), reserved: data.reserved.toBigInt() };
}

export async function bestNumber(api: ApiPromise): Promise<number> {
  return (await api.rpc.chain.getHeader()).number.toNumber();
}

export interface BlockEvents {
  readonly block: number;
  readonly records: readonly EventRecord[];
}

/** The events of blocks `from..=to`, block by block. */
export async function eventsOf(api: ApiPromise, from: number, to: number): Promise<BlockEvents[]> {
  const out: BlockEvents[] = [];
  for (let n = from; n <= to; n++) {
    const hash = await api.rpc.chain.getBlockHash(n);
    out.push({ block: n, records: await api.query.system.events.at(hash) });
  }
  return out;
}

export interface Moves {
  /** TransactionPayment.TransactionFeePaid by account: the sum of actual fees. */
  readonly fees: Map<string, bigint>;
  /** How many fees each account paid (one per extrinsic it signed). */
  readonly feeCount: Map<string, number>;
  readonly settled: { block: number; id: bigint; provider: string; amount: bigint; settledTo: number }[];
  readonly terminated: { block: number; id: bigint; reason: string; refund: bigint }[];
  readonly toppedUp: { block: number; id: bigint; amount: bigint; expiresAt: number | undefined }[];
}

export function moves(api: ApiPromise, blocks: readonly BlockEvents[]): Moves {
  const m: Moves = { fees: new Map(), feeCount: new Map(), settled: [], terminated: [], toppedUp: [] };
  for (const { block, records } of blocks) {
    for (const { event } of records) {
      if (api.events.transactionPayment.TransactionFeePaid.is(event)) {
        const who = event.data.who.toString();
        m.fees.set(who, (m.fees.get(who) ?? 0n) + event.data.actualFee.toBigInt());
        m.feeCount.set(who, (m.feeCount.get(who) ?? 0) + 1);
      } else if (api.events.subscriptions.Settled.is(event)) {
        const d = event.data;
        m.settled.push({ block, id: d.id.toBigInt(), provider: d.provider.toString(), amount: d.amount.toBigInt(), settledTo: d.settledTo.toNumber() });
      } else if (api.events.subscriptions.Terminated.is(event)) {
        const d = event.data;
        m.terminated.push({ block, id: d.id.toBigInt(), reason: d.reason.type, refund: d.refund.toBigInt() });
      } else if (api.events.subscriptions.ToppedUp.is(event)) {
        const d = event.data;
        m.toppedUp.push({ block, id: d.id.toBigInt(), amount: d.amount.toBigInt(), expiresAt: d.expiresAt.isSome ? d.expiresAt.unwrap().toNumber() : undefined });
      }
    }
  }
  return m;
}

export const sum = (xs: readonly bigint[]): bigint => xs.reduce((a, b) => a + b, 0n);

/** A subscription's record, the fields the test reasons about. */
export async function subscriptionOf(api: ApiPromise, id: string | bigint) {
  const opt = await api.query.subscriptions.subscriptions(id);
  if (opt.isNone) throw new Error(`subscription ${id} is not on chain`);
  const s = opt.unwrap();
  const some = (o: { isSome: boolean; unwrap(): { toNumber(): number } }) => (o.isSome ? o.unwrap().toNumber() : undefined);
  return {
    provider: s.provider.toString(),
    pricePerBlock: s.pricePerBlock.toBigInt(),
    deposit: s.deposit.toBigInt(),
    status: s.status.type,
    endpoints: s.status.isRunning ? s.status.asRunning.endpoints.map((e) => new TextDecoder().decode(e.toU8a(true))) : [],
    reason: s.status.isTerminated ? s.status.asTerminated.reason.type : undefined,
    settledTo: some(s.settledTo),
    expiresAt: some(s.expiresAt),
    terminatedAt: some(s.terminatedAt),
  };
}

/** The calls `address` signed in blocks `from..=to`: `pallet.call`, with the inner calls of a batch. */
export async function callsSignedBy(api: ApiPromise, from: number, to: number, address: string): Promise<{ block: number; call: string; inner: string[] }[]> {
  const out: { block: number; call: string; inner: string[] }[] = [];
  for (let n = from; n <= to; n++) {
    const { block } = await api.rpc.chain.getBlock(await api.rpc.chain.getBlockHash(n));
    for (const xt of block.extrinsics) {
      if (!xt.isSigned || xt.signer.toString() !== address) continue;
      const { section, method, args } = xt.method;
      const inner = section === 'utility' ? (args[0] as unknown as { section: string; method: string }[]).map((c) => `${c.section}.${c.method}`) : [];
      out.push({ block: n, call: `${section}.${method}`, inner });
    }
  }
  return out;
}
