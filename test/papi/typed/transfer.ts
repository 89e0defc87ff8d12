/**
 * The typed-API scenario, compiled against descriptors generated from the node (`papi add`):
 * imported dynamically by papi-typed.test.ts once they exist, type-checked with
 * `moduleResolution: "Bundler"` (typed/tsconfig.json; under NodeNext they silently become `any`).
 */
import { Binary, createClient, type TxFinalizedPayload } from 'polkadot-api';
import { getWsProvider, type WebSocketClass } from 'polkadot-api/ws';
import WebSocket from 'ws';
import { dinfra, MultiAddress } from './descriptors/dist/index.js';
import { devAccount, DIN } from '../papi-support.ts';

export interface TypedResult {
  existentialDeposit: bigint;
  specName: string;
  aliceFreeBefore: bigint;
  bobGain: bigint;
  finalized: TxFinalizedPayload;
  transfers: Array<{ from: string; to: string; amount: bigint }>;
  remarkOk: boolean;
}

export async function typedScenario(wsUrl: string): Promise<TypedResult> {
  const client = createClient(getWsProvider(wsUrl, { websocketClass: WebSocket as unknown as WebSocketClass }));
  try {
    const api = client.getTypedApi(dinfra);
    const alice = devAccount('//Alice');
    const bob = devAccount('//Bob');
    const existentialDeposit: bigint = await api.constants.Balances.ExistentialDeposit();
    const version = await api.constants.System.Version();
    const aliceBefore = await api.query.System.Account.getValue(alice.address);
    const bobBefore = await api.query.System.Account.getValue(bob.address);

    const tx = api.tx.Balances.transfer_keep_alive({ dest: MultiAddress.Id(bob.address), value: 7n * DIN });
    // @ts-expect-error the descriptors know the call's arguments (proves the types are not `any`)
    api.tx.Balances.transfer_keep_alive({ dest: MultiAddress.Id(bob.address), amount: 1n });
    const finalized = await tx.signAndSubmit(alice.signer);
    const bobAfter = await api.query.System.Account.getValue(bob.address, { at: finalized.block.hash });
    const transfers = api.event.Balances.Transfer.filter(finalized.events).map((e) => e.payload);

    const remark = await api.tx.System.remark({ remark: Binary.fromText('dinfra') }).signAndSubmit(alice.signer);
    return {
      existentialDeposit,
      specName: version.spec_name,
      aliceFreeBefore: aliceBefore.data.free,
      bobGain: bobAfter.data.free - bobBefore.data.free,
      finalized,
      transfers,
      remarkOk: remark.ok,
    };
  } finally {
    client.destroy();
  }
}
