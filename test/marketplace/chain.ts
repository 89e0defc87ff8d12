import type { ApiPromise } from '@polkadot/api';
import type { KeyringPair } from '@polkadot/keyring/types';
import type { SubmittableExtrinsic } from '@polkadot/api/types';

/** A decoded event of a block: `Pallet.Name` and its data as JSON. */
export interface SeenEvent {
  name: string;
  data: any;
}

export interface Included {
  blockHash: string;
  blockNumber: number;
  events: SeenEvent[];
  failed?: string;
}

/** Any call by `pallet.method` (untyped access: the sidecars use the generated augmentation). */
export function call(api: ApiPromise, pallet: string, method: string, ...args: unknown[]): SubmittableExtrinsic<'promise'> {
  const fn = (api.tx as any)[pallet]?.[method];
  if (!fn) throw new Error(`no call ${pallet}.${method}`);
  return fn(...args);
}

/** Signs, submits, and waits for InBlock; returns the extrinsic's events and its module error if it failed. */
export function submit(api: ApiPromise, tx: SubmittableExtrinsic<'promise'>, signer: KeyringPair): Promise<Included> {
  return new Promise((resolve, reject) => {
    tx.signAndSend(signer, (result) => {
      // Under load @polkadot/api may skip InBlock when Finalized follows closely: accept either.
      if (result.status.isInBlock || result.status.isFinalized) {
        const blockHash = result.status.isInBlock ? result.status.asInBlock : result.status.asFinalized;
        const events = result.events.map(({ event }) => ({ name: `${event.section}.${event.method}`, data: event.data.toJSON() }));
        let failed: string | undefined;
        if (result.dispatchError?.isModule) {
          const m = api.registry.findMetaError(result.dispatchError.asModule);
          failed = `${m.section}.${m.name}`;
        } else if (result.dispatchError) failed = result.dispatchError.type;
        void api.rpc.chain.getHeader(blockHash).then((h) => resolve({ blockHash: blockHash.toHex(), blockNumber: h.number.toNumber(), events, failed }));
      } else if (result.isError) reject(new Error(result.status.type));
    }).catch(reject);
  });
}

/** Events of the block `hash`, as `Pallet.Name` with JSON data. */
export async function eventsAt(api: ApiPromise, hash: string): Promise<SeenEvent[]> {
  const records = (await (await api.at(hash)).query.system!.events!()) as unknown as Array<{ event: { section: string; method: string; data: { toJSON(): unknown } } }>;
  return records.map(({ event }) => ({ name: `${event.section}.${event.method}`, data: event.data.toJSON() }));
}

export async function freeOf(api: ApiPromise, address: string): Promise<bigint> {
  return BigInt(((await api.query.system!.account!(address)) as any).data.free.toString());
}

export async function reservedOf(api: ApiPromise, address: string): Promise<bigint> {
  return BigInt(((await api.query.system!.account!(address)) as any).data.reserved.toString());
}

export async function subscription(api: ApiPromise, id: number): Promise<any> {
  return ((await (api.query as any).subscriptions.subscriptions(id)) as any).toJSON();
}

export async function bestNumber(api: ApiPromise): Promise<number> {
  return (await api.rpc.chain.getHeader()).number.toNumber();
}
