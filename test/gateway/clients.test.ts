// @polkadot/api and polkadot-api through dinfra-gateway in front of an author and two followers,
// as against a node: the same representative scenarios as test/node/polkadot-api.test.ts and
// test/papi/papi-unsafe.test.ts, pointed at the gateway.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import '@dinfra/runtime-specs/augment';
import type { ApiPromise } from '@polkadot/api';
import type { PolkadotClient, TxEvent } from 'polkadot-api';
import { cryptoWaitReady } from '@polkadot/util-crypto';
import { rpc, type RunningNode } from '../support/node-process.ts';
import { connectApi, devKeyring, sendUntil, transferKeepAlive, waitFor } from '../support/chain-helpers.ts';
import { devAccount, DIN, papiClient } from '../papi/papi-support.ts';
import { metricSum, startCluster, startGateway, waitUsable, type RunningGateway } from './gateway-support.ts';

let nodes: RunningNode[];
let gw: RunningGateway;
let api: ApiPromise;

beforeAll(async () => {
  await cryptoWaitReady();
  nodes = await startCluster(2);
  gw = await startGateway([...nodes.flatMap((n) => ['--upstream', n.wsUrl]), '--health-interval', '300', '--log-level', 'warn']);
  await waitUsable(gw, 3);
  api = await connectApi(gw.wsUrl);
});

afterAll(async () => {
  await api?.disconnect().catch(() => undefined);
  await gw?.kill();
  await Promise.all((nodes ?? []).map((n) => n.kill()));
});

describe('@polkadot/api through the gateway', () => {
  it('reads chain identity, metadata and constants as from a node', async () => {
    expect(api.runtimeVersion.specName.toString()).toBe('dinfra');
    expect((await api.rpc.system.chain()).toString()).toBe(await rpc(nodes[0]!, 'system_chain'));
    expect(api.genesisHash.toHex()).toBe(await rpc(nodes[0]!, 'chain_getBlockHash', [0]));
    expect(api.consts.balances.existentialDeposit.toBigInt()).toBe(1_000_000_000n);
    const head = await rpc<string>(nodes[0]!, 'chain_getFinalizedHead');
    for (const [method, params] of [['chain_getBlock', [head]], ['state_getMetadata', [head]], ['state_getRuntimeVersion', [head]]] as const) {
      expect(await rpc(gw, method, [...params]), method).toEqual(await rpc(nodes[0]!, method, [...params]));
    }
  });

  it('signs and submits a transfer: InBlock then Finalized with its events, balances follow', async () => {
    const keyring = devKeyring();
    const alice = keyring.addFromUri('//Alice');
    const bob = keyring.addFromUri('//Bob').address;
    const before = (await api.query.system.account(bob)).data.free.toBigInt();
    const { statuses, blockHash } = await sendUntil(transferKeepAlive(api, bob, 5n * DIN), alice, 'Finalized');
    expect(statuses).toEqual(expect.arrayContaining(['Ready', 'InBlock', 'Finalized']));
    expect(statuses.indexOf('InBlock')).toBeLessThan(statuses.indexOf('Finalized'));
    const events = await api.query.system.events.at(blockHash);
    const names = events.map(({ event }) => `${event.section}.${event.method}`);
    expect(names).toEqual(expect.arrayContaining(['balances.Transfer', 'transactionPayment.TransactionFeePaid', 'system.ExtrinsicSuccess']));
    expect((await api.query.system.account(bob)).data.free.toBigInt() - before).toBe(5n * DIN);
  });

  it("counts a client's pending submissions in system_accountNextIndex (its nonce queries and submissions go to one node)", async () => {
    const keyring = devKeyring();
    const bob = keyring.addFromUri('//Bob');
    const dest = keyring.addFromUri('//Ferdie').address;
    const before = (await api.query.system.account(dest)).data.free.toBigInt();
    const nonces: number[] = [];
    for (const k of [1n, 2n, 3n, 4n]) {
      // As wallets do: ask for the next index (pool included), sign with it, submit, go on at once.
      const nonce = (await api.rpc.system.accountNextIndex(bob.address)).toNumber();
      nonces.push(nonce);
      const tx = transferKeepAlive(api, dest, k * DIN);
      await tx.signAsync(bob, { nonce });
      await api.rpc.author.submitExtrinsic(tx.toHex());
    }
    expect(nonces).toEqual([nonces[0], nonces[0]! + 1, nonces[0]! + 2, nonces[0]! + 3]);
    await waitFor('all four transfers', async () => (await api.query.system.account(dest)).data.free.toBigInt() - before === 10n * DIN);
  });

  it('passes the node errors through unchanged (1010 bad signature)', async () => {
    const keyring = devKeyring();
    const alice = keyring.addFromUri('//Alice');
    const tx = api.tx.balances.transferKeepAlive(keyring.addFromUri('//Bob').address, DIN);
    await tx.signAsync(alice);
    const bytes = Buffer.from(tx.toHex().slice(2), 'hex');
    const sigOffset = bytes.indexOf(Buffer.from(alice.publicKey)) + 32 + 1;
    bytes[sigOffset + 5] = bytes[sigOffset + 5]! ^ 0xff;
    await expect(api.rpc.author.submitExtrinsic('0x' + bytes.toString('hex'))).rejects.toThrow(/1010: Invalid Transaction: Transaction has a bad signature/);
  });

  it('pages storage keys (state_getKeysPaged) and subscribes to storage and new heads', async () => {
    const accounts = await api.query.system.account.entries();
    expect(accounts.length).toBeGreaterThanOrEqual(6);
    const heads: number[] = [];
    const unsubHeads = await api.rpc.chain.subscribeNewHeads((h) => void heads.push(h.number.toNumber()));
    const numbers: number[] = [];
    const unsubNumber = await api.query.system.number((n) => void numbers.push(n.toNumber()));
    await new Promise((r) => setTimeout(r, 1500));
    unsubHeads();
    unsubNumber();
    expect(heads.length).toBeGreaterThanOrEqual(3);
    for (let i = 1; i < heads.length; i++) expect(heads[i]).toBe(heads[0]! + i);
    expect(numbers.length).toBeGreaterThanOrEqual(3);
    expect(new Set(numbers).size).toBe(numbers.length);
  });

  it('narrows rpc_methods to the allow-list and serves immutable answers from its cache', async () => {
    const { methods } = await rpc<{ methods: string[] }>(gw, 'rpc_methods');
    expect(methods).toContain('chainHead_v1_follow');
    expect(methods).not.toContain('state_getKeys');
    expect(methods).not.toContain('dev_newBlock');
    const hash = await rpc<string>(gw, 'chain_getBlockHash', [1]);
    const hitsBefore = await metricSum(gw, 'gateway_cache_total{result="hit"}');
    for (let i = 0; i < 3; i++) expect(await rpc(gw, 'chain_getBlock', [hash])).toEqual(await rpc(nodes[1]!, 'chain_getBlock', [hash]));
    expect(await metricSum(gw, 'gateway_cache_total{result="hit"}')).toBeGreaterThanOrEqual(hitsBefore + 2);
  });
});

// The unsafe API is untyped by design; `any` says so.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const unsafeApi = (client: PolkadotClient): any => client.getUnsafeApi();

describe('polkadot-api through the gateway', () => {
  it('reads chain identity, constants and System.Account', async () => {
    const { client } = papiClient(gw.wsUrl);
    try {
      const spec = await client.getChainSpecData();
      expect(spec.genesisHash).toBe(await rpc(nodes[0]!, 'chain_getBlockHash', [0]));
      const papi = unsafeApi(client);
      expect(await papi.constants.Balances.ExistentialDeposit()).toBe(1_000_000_000n);
      expect((await papi.query.System.Account.getValue(devAccount('//Alice').address)).data.free).toBeGreaterThan(1000n * DIN);
    } finally {
      client.destroy();
    }
  });

  it.each([
    ['through the ws middleware', false],
    ['on chainHead_v1/transaction_v1 only (raw provider)', true],
  ])('signs, submits and watches a transfer to finalized %s', async (_label, raw) => {
    const { client, methods } = papiClient(gw.wsUrl, raw);
    const alice = devAccount('//Bob'); // funded in the local spec (Alice, Bob and their stashes)
    const bob = devAccount('//Dave');
    try {
      const papi = unsafeApi(client);
      // This client's follow may sit on a node a few ms behind the one that finalized the previous
      // test's transfer: read the balance once it has seen that block.
      const finalized = Number((await rpc<{ number: string }>(nodes[0]!, 'chain_getHeader', [await rpc(nodes[0]!, 'chain_getFinalizedHead')])).number);
      await waitFor('the follow to reach the finalized block', async () => (await client.getFinalizedBlock()).number >= finalized);
      const before = await papi.query.System.Account.getValue(bob.address, { at: 'finalized' });
      const tx = papi.tx.Balances.transfer_keep_alive({ dest: { type: 'Id', value: bob.address }, value: 3n * DIN });
      const seen: string[] = [];
      const done = await new Promise<Extract<TxEvent, { type: 'finalized' }>>((resolve, reject) => {
        tx.signSubmitAndWatch(alice.signer).subscribe({
          next: (e: TxEvent) => {
            seen.push(e.type === 'txBestBlocksState' ? `best:${e.found}` : e.type);
            if (e.type === 'finalized') resolve(e);
          },
          error: reject,
        });
      });
      expect(done.ok).toBe(true);
      expect(seen).toContain('broadcasted');
      expect(seen).toContain('best:true');
      const transfer = done.events.find((e) => e.type === 'Balances' && e.value.type === 'Transfer')!;
      expect(transfer.value.value).toMatchObject({ from: alice.address, to: bob.address, amount: 3n * DIN });
      const after = await papi.query.System.Account.getValue(bob.address, { at: done.block.hash });
      expect(after.data.free - before.data.free).toBe(3n * DIN);
      expect([...methods]).toEqual(expect.arrayContaining(['chainHead_v1_follow', 'chainHead_v1_storage', 'transaction_v1_broadcast']));
    } finally {
      client.destroy();
    }
  });
});
