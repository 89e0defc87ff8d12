import { Harness, type DispatchOutcome } from './harness.ts';
import { account, CID, DIN, hex } from './fixtures.ts';

/** Accounts of the marketplace fixture. */
export const P1 = account(1);
export const P2 = account(2);
export const P3 = account(3);
export const OP1 = account(11);
export const S1 = account(21);
export const S2 = account(22);
export const NOBODY = account(99);
export const FUNDED = [P1, P2, P3, OP1, S1, S2, NOBODY];

/** Built-in type ids. */
export const SUBSTRATE_NODE = 0;
export const RPC_ENDPOINT = 1;

/** A chain where every FUNDED account holds 10,000 DIN. */
export const marketplace = (): Harness => Harness.create({ balances: FUNDED.map((a) => [a, 10_000n * DIN]) });

export function registerProvider(h: Harness, who: string, name: string, operator = who): DispatchOutcome {
  return h.tx(who, 'Providers', 'register', { name: hex(name), api_url: hex(`https://${name}.example/api`), operator });
}

export interface OfferArgs {
  typeId?: number;
  capacity?: number;
  price?: bigint;
  regions?: string[];
  open?: boolean;
}

export function offer(h: Harness, who: string, o: OfferArgs = {}): DispatchOutcome {
  return h.tx(who, 'Providers', 'set_offering', {
    type_id: o.typeId ?? SUBSTRATE_NODE,
    capacity: o.capacity ?? 10,
    price_per_block: o.price ?? DIN / 100n,
    regions: (o.regions ?? ['eu-west']).map(hex),
    open: o.open ?? true,
  });
}

export const selector = (typeId = SUBSTRATE_NODE, providers?: string[], region?: string) => ({
  type: 'Selector',
  value: { type_id: typeId, providers, region: region === undefined ? undefined : hex(region) },
});
export const named = (provider: string, typeId = SUBSTRATE_NODE) => ({ type: 'Provider', value: { provider, type_id: typeId } });

export function subscribe(h: Harness, who: string, target: unknown = selector(), deposit = 10n * DIN, maxPrice = DIN): DispatchOutcome {
  return h.tx(who, 'Subscriptions', 'subscribe', { target, descriptor_cid: CID, deposit, max_price_per_block: maxPrice });
}

/** The id of the subscription a successful subscribe created. */
export function subscribedId(r: DispatchOutcome): bigint {
  const ev = r.events.find((e) => (e.event.value as any).type === 'Subscribed');
  if (!ev) throw new Error(`not subscribed: ${r.errorName}`);
  return (ev.event.value as any).value.id as bigint;
}

/** report_status: `endpoints` for Running, `reason` (a UTF-8 string) for Failed. */
export const report = (h: Harness, who: string, id: bigint, status: string, endpoints?: string[], reason = 'descriptor unavailable') =>
  h.tx(who, 'Subscriptions', 'report_status', {
    id,
    report:
      status === 'Running' ? { type: 'Running', value: { endpoints: (endpoints ?? ['wss://node.example:443']).map(hex) } }
      : status === 'Failed' ? { type: 'Failed', value: { reason: hex(reason) } }
      : { type: status },
  });

/** Two providers (P1 with operator OP1, P2) offering substrate-node at 0.01 DIN per block. */
export function twoProviders(h: Harness, o: OfferArgs = {}): void {
  for (const r of [registerProvider(h, P1, 'acme', OP1), registerProvider(h, P2, 'globex'), offer(h, P1, o), offer(h, P2, o)]) {
    if (!r.ok) throw new Error(r.errorName);
  }
}

export const names = (r: DispatchOutcome, pallet = 'Subscriptions'): string[] =>
  r.events.filter((e) => e.event.type === pallet).map((e) => (e.event.value as any).type);
