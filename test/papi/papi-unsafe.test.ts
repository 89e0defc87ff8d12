import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PolkadotClient, TxEvent } from 'polkadot-api';
import { startNode, type RunningNode } from '../support/node-process.ts';
import { devAccount, DIN, papiClient } from './papi-support.ts';

let node: RunningNode;
const alice = devAccount('//Alice');
const bob = devAccount('//Bob');

beforeAll(async () => {
  node = await startNode(['--dev']);
});

afterAll(async () => {
  await node?.kill();
});

/**
 * The unsafe API is untyped by design (its shape comes from the metadata at run time); `any` says so
 * instead of sprinkling non-null assertions. The typed API lives in papi-typed.test.ts.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const unsafeApi = (client: PolkadotClient): any => client.getUnsafeApi();

/** Reads, signs, submits and watches a transfer through `client`'s unsafe API. */
async function transferRoundTrip(client: PolkadotClient) {
  const api = unsafeApi(client);
  const before: { data: { free: bigint } } = await api.query.System.Account.getValue(bob.address);
  const tx = api.tx.Balances.transfer_keep_alive({ dest: { type: 'Id', value: bob.address }, value: 3n * DIN });
  const seen: string[] = [];
  const finalized = await new Promise<Extract<TxEvent, { type: 'finalized' }>>((resolve, reject) => {
    tx.signSubmitAndWatch(alice.signer).subscribe({
      next: (e: TxEvent) => {
        seen.push(e.type === 'txBestBlocksState' ? `best:${e.found}` : e.type);
        if (e.type === 'finalized') resolve(e);
      },
      error: reject,
    });
  });
  const after: { data: { free: bigint } } = await api.query.System.Account.getValue(bob.address, { at: finalized.block.hash });
  return { before, after, finalized, seen };
}

describe('polkadot-api (unsafe API) against dinfra-node', () => {
  it('reads chain identity, constants and System.Account', async () => {
    const { client } = papiClient(node.wsUrl);
    try {
      const api = unsafeApi(client);
      const spec = await client.getChainSpecData();
      expect(spec.name).toBe('Development');
      expect(spec.properties).toMatchObject({ tokenDecimals: 12 });
      expect(await api.constants.Balances.ExistentialDeposit()).toBe(1_000_000_000n);
      const version = await api.constants.System.Version();
      expect(version.spec_name).toBe('dinfra');
      const account = await api.query.System.Account.getValue(alice.address);
      expect(account.data.free).toBeGreaterThan(1000n * DIN);
    } finally {
      client.destroy();
    }
  });

  it.each([
    ['through the ws middleware', false],
    ['on chainHead_v1/transaction_v1 only (raw provider)', true],
  ])('signs //Alice, submits Balances.transfer_keep_alive and watches it to finalized %s', async (_label, raw) => {
    const { client, methods } = papiClient(node.wsUrl, raw);
    try {
      const { before, after, finalized, seen } = await transferRoundTrip(client);
      expect(finalized.ok).toBe(true);
      expect(seen[0]).toBe('signed');
      expect(seen).toContain('broadcasted');
      expect(seen).toContain('best:true');
      expect(seen.at(-1)).toBe('finalized');
      const names = finalized.events.map((e) => `${e.type}.${e.value.type}`);
      expect(names).toEqual(expect.arrayContaining(['Balances.Transfer', 'TransactionPayment.TransactionFeePaid', 'System.ExtrinsicSuccess']));
      const transfer = finalized.events.find((e) => e.type === 'Balances' && e.value.type === 'Transfer')!;
      expect(transfer.value.value).toMatchObject({ from: alice.address, to: bob.address, amount: 3n * DIN });
      expect(after.data.free - before.data.free).toBe(3n * DIN);
      // The session ran on the new JSON-RPC spec, not on the legacy fallback.
      expect([...methods]).toEqual(expect.arrayContaining(['chainHead_v1_follow', 'chainHead_v1_storage', 'chainHead_v1_call', 'transaction_v1_broadcast']));
      expect([...methods].filter((m) => m.startsWith('author_') || m.startsWith('state_'))).toEqual([]);
    } finally {
      client.destroy();
    }
  });
});
