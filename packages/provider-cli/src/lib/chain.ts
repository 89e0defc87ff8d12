import type { ApiPromise } from '@polkadot/api';
import type { Billing, DeploymentType, Offering, ProviderInfo, Quote, Subscription, SubscriptionState, Target, TerminationReason } from './chain-types.ts';

/*
 * Reads of the on-chain interface. The values arrive as @polkadot/api codecs decoded from the
 * node's metadata; the narrow interfaces below name only what is read, and every read is
 * turned into the plain types of chain-types.ts right here, so commands never touch codecs.
 */

interface Num {
  toNumber(): number;
  toBigInt(): bigint;
}
interface Txt {
  toUtf8(): string;
}
interface Str {
  toString(): string;
}
interface Opt<T> {
  isSome: boolean;
  unwrap(): T;
}
interface Enum {
  type: string;
}
interface ProviderInfoCodec {
  name: Txt;
  apiUrl: Txt;
  operator: Str;
  deposit: Num;
  status: Enum;
  liveSubscriptions: Num;
  registeredAt: Num;
}
interface OfferingCodec {
  capacity: Num;
  used: Num;
  pricePerBlock: Num;
  regions: Txt[];
  open: { isTrue: boolean };
}
interface DeploymentTypeCodec {
  name: Txt;
  schemaCid: Txt;
  owner: Opt<Str>;
  deposit: Num;
  registeredAt: Num;
}
interface TargetCodec extends Enum {
  asProvider: { provider: Str; typeId: Num };
  asSelector: { typeId: Num; providers: Opt<Str[]>; region: Opt<Txt> };
}
interface StatusCodec extends Enum {
  asRunning: { endpoints: Txt[] };
  asDegraded: { endpoints: Txt[] };
  asTerminated: { reason: Enum };
}
interface SubscriptionCodec {
  subscriber: Str;
  target: TargetCodec;
  descriptorCid: Txt;
  maxPricePerBlock: Num;
  provider: Str;
  pricePerBlock: Num;
  deposit: Num;
  status: StatusCodec;
  createdAt: Num;
  awardedAt: Num;
  ackDeadline: Opt<Num>;
  settledTo: Opt<Num>;
  expiresAt: Opt<Num>;
  fundsLowAt: Opt<Num>;
  terminatedAt: Opt<Num>;
}
interface BillingCodec {
  owed: Num;
  remaining: Num;
  settledTo: Opt<Num>;
  expiresAt: Opt<Num>;
}
interface StorageKeyCodec {
  args: Num[];
}

const opt = <T, R>(o: Opt<T>, f: (v: T) => R): R | undefined => (o.isSome ? f(o.unwrap()) : undefined);
const num = (n: Num) => n.toNumber();
const cast = <T>(v: unknown): T => v as T;

type Query = (...args: unknown[]) => Promise<unknown>;
type Entries = { entries(...args: unknown[]): Promise<Array<[StorageKeyCodec, unknown]>> };
const q = (api: ApiPromise) => cast<Record<string, Record<string, Query & Entries>>>(api.query);
const call = (api: ApiPromise) => cast<Record<string, Record<string, Query>>>(api.call);

function toProvider(address: string, c: ProviderInfoCodec): ProviderInfo {
  return {
    address,
    name: c.name.toUtf8(),
    apiUrl: c.apiUrl.toUtf8(),
    operator: c.operator.toString(),
    deposit: c.deposit.toBigInt(),
    status: c.status.type === 'Paused' ? 'Paused' : 'Active',
    liveSubscriptions: num(c.liveSubscriptions),
    registeredAt: num(c.registeredAt),
  };
}

function toOffering(provider: string, typeId: number, c: OfferingCodec): Offering {
  return {
    provider,
    typeId,
    capacity: num(c.capacity),
    used: num(c.used),
    pricePerBlock: c.pricePerBlock.toBigInt(),
    regions: c.regions.map((r) => r.toUtf8()),
    open: c.open.isTrue,
  };
}

function toType(id: number, c: DeploymentTypeCodec): DeploymentType {
  return {
    id,
    name: c.name.toUtf8(),
    schemaCid: c.schemaCid.toUtf8(),
    owner: opt(c.owner, (o) => o.toString()),
    deposit: c.deposit.toBigInt(),
    registeredAt: num(c.registeredAt),
  };
}

function toTarget(c: TargetCodec): Target {
  if (c.type === 'Provider') return { kind: 'provider', provider: c.asProvider.provider.toString(), typeId: num(c.asProvider.typeId) };
  const s = c.asSelector;
  return {
    kind: 'selector',
    typeId: num(s.typeId),
    providers: opt(s.providers, (list) => list.map((p) => p.toString())),
    region: opt(s.region, (r) => r.toUtf8()),
  };
}

export function toSubscription(id: bigint, c: SubscriptionCodec): Subscription {
  const state = c.status.type as SubscriptionState;
  const endpoints = state === 'Running' ? c.status.asRunning.endpoints : state === 'Degraded' ? c.status.asDegraded.endpoints : [];
  return {
    id,
    subscriber: c.subscriber.toString(),
    target: toTarget(c.target),
    descriptorCid: c.descriptorCid.toUtf8(),
    maxPricePerBlock: c.maxPricePerBlock.toBigInt(),
    provider: c.provider.toString(),
    pricePerBlock: c.pricePerBlock.toBigInt(),
    deposit: c.deposit.toBigInt(),
    state,
    endpoints: endpoints.map((e) => e.toUtf8()),
    terminationReason: state === 'Terminated' ? (c.status.asTerminated.reason.type as TerminationReason) : undefined,
    createdAt: num(c.createdAt),
    awardedAt: num(c.awardedAt),
    ackDeadline: opt(c.ackDeadline, num),
    settledTo: opt(c.settledTo, num),
    expiresAt: opt(c.expiresAt, num),
    fundsLowAt: opt(c.fundsLowAt, num),
    terminatedAt: opt(c.terminatedAt, num),
  };
}

/** All deployment types, by id. */
export async function deploymentTypes(api: ApiPromise): Promise<DeploymentType[]> {
  const entries = await q(api).providers!.deploymentTypes!.entries();
  return entries
    .map(([k, v]) => toType(num(k.args[0]!), cast<Opt<DeploymentTypeCodec>>(v).unwrap()))
    .sort((a, b) => a.id - b.id);
}

export async function provider(api: ApiPromise, address: string): Promise<ProviderInfo | undefined> {
  const v = cast<Opt<ProviderInfoCodec>>(await q(api).providers!.providers!(address));
  return opt(v, (c) => toProvider(address, c));
}

export async function providerByName(api: ApiPromise, name: string): Promise<string | undefined> {
  const v = cast<Opt<Str>>(await q(api).providers!.providerByName!(name));
  return opt(v, (a) => a.toString());
}

/** The offerings of one provider, by type id. */
export async function offeringsOfProvider(api: ApiPromise, address: string): Promise<Offering[]> {
  const entries = await q(api).providers!.offerings!.entries(address);
  return entries
    .map(([k, v]) => toOffering(address, num(k.args[1]!), cast<Opt<OfferingCodec>>(v).unwrap()))
    .sort((a, b) => a.typeId - b.typeId);
}

/** Every offering of a type, in the order the award scans them (DinfraApi.offerings_of_type). */
export async function offeringsOfType(api: ApiPromise, typeId: number): Promise<Offering[]> {
  const list = cast<Array<[Str, OfferingCodec]>>(await call(api).dinfraApi!.offeringsOfType!(typeId));
  return list.map(([p, o]) => toOffering(p.toString(), typeId, o));
}

export async function subscription(api: ApiPromise, id: bigint): Promise<Subscription | undefined> {
  const v = cast<Opt<SubscriptionCodec>>(await call(api).dinfraApi!.subscription!(id));
  return opt(v, (c) => toSubscription(id, c));
}

/** Decodes a `Subscriptions.Subscriptions` storage value (for subscriptions to storage). */
export function decodeSubscription(id: bigint, value: unknown): Subscription | undefined {
  return opt(cast<Opt<SubscriptionCodec>>(value), (c) => toSubscription(id, c));
}

export async function billing(api: ApiPromise, id: bigint): Promise<Billing | undefined> {
  const v = cast<Opt<BillingCodec>>(await call(api).dinfraApi!.billing!(id));
  return opt(v, (c) => ({ owed: c.owed.toBigInt(), remaining: c.remaining.toBigInt(), settledTo: opt(c.settledTo, num), expiresAt: opt(c.expiresAt, num) }));
}

/** All live subscription ids of a subscriber or provider (pages through DinfraApi). */
export async function liveSubscriptionIds(api: ApiPromise, of: 'subscriber' | 'provider', address: string): Promise<bigint[]> {
  const method = of === 'subscriber' ? 'subscriptionsOfSubscriber' : 'subscriptionsOfProvider';
  const ids: bigint[] = [];
  let after: bigint | null = null;
  for (;;) {
    const page: bigint[] = cast<Num[]>(await call(api).dinfraApi![method]!(address, after, 1000)).map((n) => n.toBigInt());
    ids.push(...page);
    if (page.length < 1000) return ids;
    after = page[page.length - 1]!;
  }
}

/** Every subscription in storage (live and not yet purged terminated ones). */
export async function allSubscriptions(api: ApiPromise): Promise<Subscription[]> {
  const entries = await q(api).subscriptions!.subscriptions!.entries();
  return entries
    .map(([k, v]) => toSubscription(k.args[0]!.toBigInt(), cast<Opt<SubscriptionCodec>>(v).unwrap()))
    .sort((a, b) => (a.id < b.id ? -1 : 1));
}

/** Encodes a target as the `Target` argument of `subscribe` / `quote`. */
export function targetArg(t: Target): unknown {
  return t.kind === 'provider'
    ? { Provider: { provider: t.provider, typeId: t.typeId } }
    : { Selector: { typeId: t.typeId, providers: t.providers ?? null, region: t.region ?? null } };
}

/** The error a dispatch error or DinfraApi answer carries, decoded. */
export interface DecodedError {
  error: string;
  docs: string;
}

/** DinfraApi.quote: the offering `subscribe` would award now, or the decoded reason it would fail. */
export async function quote(api: ApiPromise, target: Target, maxPricePerBlock: bigint, decode: (e: unknown) => DecodedError): Promise<Quote | DecodedError> {
  const r = cast<{ isOk: boolean; asOk: { provider: Str; pricePerBlock: Num }; asErr: unknown }>(
    await call(api).dinfraApi!.quote!(targetArg(target), maxPricePerBlock),
  );
  if (!r.isOk) return decode(r.asErr);
  return { provider: r.asOk.provider.toString(), pricePerBlock: r.asOk.pricePerBlock.toBigInt() };
}

export async function bestBlock(api: ApiPromise): Promise<number> {
  const header = await api.rpc.chain.getHeader();
  return header.number.toNumber();
}

export async function nonce(api: ApiPromise, address: string): Promise<number> {
  return (await api.rpc.system.accountNextIndex(address)).toNumber();
}

export async function freeBalance(api: ApiPromise, address: string): Promise<bigint> {
  const a = cast<{ data: { free: Num } }>(await q(api).system!.account!(address));
  return a.data.free.toBigInt();
}
