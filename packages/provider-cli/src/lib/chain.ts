import type { ApiPromise } from '@polkadot/api';
import { decodeSubscription, opt, toDeploymentType, toLossCause, toOffering, toProvider, toSubscription, type Billing, type DeploymentType, type Offering, type ProviderInfo, type Quote, type Subscription, type Target } from '@dinfra/runtime-specs';

import type {} from '@dinfra/runtime-specs/augment';
import type { PalletDinfraProvidersOffering, PalletDinfraSubscriptionsSubscription, SpRuntimeDispatchError } from '@dinfra/runtime-specs/augment';
import type { Option, Result, Struct, u32, u64, u128, Vec } from '@polkadot/types';
import type { AccountId32 } from '@polkadot/types/interfaces';
import type { ITuple } from '@polkadot/types/types';

/*
 * Reads of the on-chain interface, typed by the @polkadot/typegen augmentation of
 * @dinfra/runtime-specs (generated from dinfra-node's metadata). Every read is turned into
 * plain values by @dinfra/runtime-specs' decoders right here, so commands never touch codecs.
 */
export { decodeSubscription, toLossCause, toSubscription };

/** `DinfraApi` (runtime-specs/dinfra.md, "Runtime API"): runtime calls are not in the augmentation, so typed here. */
interface BillingInfo extends Struct {
  readonly owed: u128;
  readonly remaining: u128;
  readonly settledTo: Option<u32>;
  readonly expiresAt: Option<u32>;
}
interface QuoteInfo extends Struct {
  readonly provider: AccountId32;
  readonly pricePerBlock: u128;
}
interface DinfraApi {
  subscriptionsOfProvider(provider: string, startAfter: bigint | null, limit: number): Promise<Vec<u64>>;
  subscriptionsOfSubscriber(subscriber: string, startAfter: bigint | null, limit: number): Promise<Vec<u64>>;
  subscription(id: bigint): Promise<Option<PalletDinfraSubscriptionsSubscription>>;
  billing(id: bigint): Promise<Option<BillingInfo>>;
  offeringsOfType(typeId: number): Promise<Vec<ITuple<[AccountId32, PalletDinfraProvidersOffering]>>>;
  quote(target: unknown, maxPricePerBlock: bigint): Promise<Result<QuoteInfo, SpRuntimeDispatchError>>;
}
const dinfraApi = (api: ApiPromise) => api.call.dinfraApi as unknown as DinfraApi;

const num = (n: u32) => n.toNumber();

/** All deployment types, by id. */
export async function deploymentTypes(api: ApiPromise): Promise<DeploymentType[]> {
  const entries = await api.query.providers.deploymentTypes.entries();
  return entries
    .map(([k, v]) => toDeploymentType(num(k.args[0]), v.unwrap()))
    .sort((a, b) => a.id - b.id);
}

export async function provider(api: ApiPromise, address: string): Promise<ProviderInfo | undefined> {
  return opt(await api.query.providers.providers(address), (c) => toProvider(address, c));
}

export async function providerByName(api: ApiPromise, name: string): Promise<string | undefined> {
  return opt(await api.query.providers.providerByName(name), (a) => a.toString());
}

/** The offerings of one provider, by type id. */
export async function offeringsOfProvider(api: ApiPromise, address: string): Promise<Offering[]> {
  const entries = await api.query.providers.offerings.entries(address);
  return entries
    .map(([k, v]) => toOffering(address, num(k.args[1]), v.unwrap()))
    .sort((a, b) => a.typeId - b.typeId);
}

/** Every offering of a type, in the order the award scans them (DinfraApi.offerings_of_type). */
export async function offeringsOfType(api: ApiPromise, typeId: number): Promise<Offering[]> {
  const list = await dinfraApi(api).offeringsOfType(typeId);
  return list.map(([p, o]) => toOffering(p.toString(), typeId, o));
}

export async function subscription(api: ApiPromise, id: bigint): Promise<Subscription | undefined> {
  return opt(await dinfraApi(api).subscription(id), (c) => toSubscription(id, c));
}

export async function billing(api: ApiPromise, id: bigint): Promise<Billing | undefined> {
  return opt(await dinfraApi(api).billing(id), (c) => ({ owed: c.owed.toBigInt(), remaining: c.remaining.toBigInt(), settledTo: opt(c.settledTo, num), expiresAt: opt(c.expiresAt, num) }));
}

/** All live subscription ids of a subscriber or provider (pages through DinfraApi). */
export async function liveSubscriptionIds(api: ApiPromise, of: 'subscriber' | 'provider', address: string): Promise<bigint[]> {
  const method = of === 'subscriber' ? 'subscriptionsOfSubscriber' : 'subscriptionsOfProvider';
  const ids: bigint[] = [];
  let after: bigint | null = null;
  for (;;) {
    const page: bigint[] = (await dinfraApi(api)[method](address, after, 1000)).map((n) => n.toBigInt());
    ids.push(...page);
    if (page.length < 1000) return ids;
    after = page[page.length - 1]!;
  }
}

/** Every subscription in storage (live and not yet purged terminated ones). */
export async function allSubscriptions(api: ApiPromise): Promise<Subscription[]> {
  const entries = await api.query.subscriptions.subscriptions.entries();
  return entries
    .map(([k, v]) => toSubscription(k.args[0].toBigInt(), v.unwrap()))
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
  const r = await dinfraApi(api).quote(targetArg(target), maxPricePerBlock);
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
  return (await api.query.system.account(address)).data.free.toBigInt();
}
