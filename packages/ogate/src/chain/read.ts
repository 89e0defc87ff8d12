/** Reads at a given block through the on-chain interface (storage and DinfraApi), decoded with the metadata. */
import type { ApiPromise } from '@polkadot/api';
import type { FrameSystemEventRecord } from '@polkadot/types/lookup';
import { toSubscriptionRecord, type SubscriptionRecord } from './records.ts';

export interface BlockRef {
  number: number;
  hash: string;
}

export async function finalizedHead(api: ApiPromise): Promise<BlockRef> {
  const hash = await api.rpc.chain.getFinalizedHead();
  const header = await api.rpc.chain.getHeader(hash);
  return { number: header.number.toNumber(), hash: hash.toHex() };
}

export async function bestNumber(api: ApiPromise): Promise<number> {
  return (await api.rpc.chain.getHeader()).number.toNumber();
}

export async function blockHashOf(api: ApiPromise, n: number): Promise<string> {
  const h = await api.rpc.chain.getBlockHash(n);
  const hex = h.toHex();
  if (/^0x0+$/.test(hex)) throw new Error(`the node has no block #${n}`);
  return hex;
}

export async function eventsAt(api: ApiPromise, hash: string): Promise<FrameSystemEventRecord[]> {
  const apiAt = await api.at(hash);
  return [...(await apiAt.query.system.events())];
}

/** `Subscriptions.Subscriptions[id]` for each id at `hash` (undefined when purged), 256 keys a call. */
export async function subscriptionsAt(api: ApiPromise, hash: string, ids: bigint[]): Promise<Map<bigint, SubscriptionRecord | undefined>> {
  const apiAt = await api.at(hash);
  const out = new Map<bigint, SubscriptionRecord | undefined>();
  for (let i = 0; i < ids.length; i += 256) {
    const chunk = ids.slice(i, i + 256);
    const values = await apiAt.query.subscriptions.subscriptions.multi(chunk);
    values.forEach((opt, j) => out.set(chunk[j]!, opt.isSome ? toSubscriptionRecord(opt.unwrap()) : undefined));
  }
  return out;
}

/** Live subscription ids of `provider` at `hash`, paged through DinfraApi.subscriptions_of_provider. */
export async function liveIdsOf(api: ApiPromise, hash: string, provider: string): Promise<bigint[]> {
  const apiAt = await api.at(hash);
  const ids: bigint[] = [];
  let after: bigint | null = null;
  for (;;) {
    const page = await apiAt.call.dinfraApi.subscriptionsOfProvider(provider, after, 1000);
    for (const id of page) ids.push(id.toBigInt());
    if (page.length < 1000) return ids;
    after = ids[ids.length - 1]!;
  }
}

/** The name and schema CID of each deployment type id (cached by the caller). */
export async function deploymentType(api: ApiPromise, typeId: number): Promise<{ name: string; schemaCid: string } | undefined> {
  const t = await api.query.providers.deploymentTypes(typeId);
  if (t.isNone) return undefined;
  const v = t.unwrap();
  return { name: v.name.toUtf8(), schemaCid: v.schemaCid.toUtf8() };
}
