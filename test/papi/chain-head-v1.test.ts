import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiPromise, Keyring, WsProvider } from '@polkadot/api';
import { blake2AsHex, cryptoWaitReady, xxhashAsHex } from '@polkadot/util-crypto';
import { startNode, rpc, type RunningNode } from '../support/node-process.ts';
import { WsRpcClient } from './ws-rpc-client.ts';

type Ev = Record<string, unknown> & { event: string };
let node: RunningNode;
let c: WsRpcClient;
let api: ApiPromise;

const SYSTEM_ACCOUNT = xxhashAsHex('System', 128) + xxhashAsHex('Account', 128).slice(2);

beforeAll(async () => {
  await cryptoWaitReady();
  node = await startNode(['--dev']);
  c = await WsRpcClient.connect(node.wsUrl);
  api = await ApiPromise.create({ provider: new WsProvider(node.wsUrl), noInitWarn: true });
});

afterAll(async () => {
  c?.close();
  await api?.disconnect();
  await node?.kill();
});

/** A signed transfer from //Alice (hex), built with @polkadot/api. */
async function signedTransfer(amount: bigint): Promise<string> {
  const keyring = new Keyring({ type: 'sr25519' });
  const tx = api.tx.balances!.transferKeepAlive!(keyring.addFromUri('//Bob').address, amount);
  await tx.signAsync(keyring.addFromUri('//Alice'), { nonce: -1 });
  return tx.toHex();
}

const operationEvents = (sub: string, operationId: string) => c.events<Ev>(sub).filter((e) => e.operationId === operationId);

async function operationDone(sub: string, operationId: string, done: string): Promise<Ev[]> {
  await c.waitFor<Ev>(sub, (e) => e.operationId === operationId && (e.event === done || e.event === 'operationError'));
  return operationEvents(sub, operationId);
}

describe('chainSpec_v1 / chainHead_v1 / transaction_v1 over a raw WebSocket', () => {
  it('lists the new methods in rpc_methods and serves chainSpec_v1', async () => {
    const { methods } = await rpc<{ methods: string[] }>(node, 'rpc_methods');
    for (const m of ['chainHead_v1_follow', 'chainHead_v1_unfollow', 'chainHead_v1_header', 'chainHead_v1_body', 'chainHead_v1_call', 'chainHead_v1_storage', 'chainHead_v1_continue', 'chainHead_v1_stopOperation', 'chainHead_v1_unpin', 'chainSpec_v1_chainName', 'chainSpec_v1_genesisHash', 'chainSpec_v1_properties', 'transaction_v1_broadcast', 'transaction_v1_stop', 'transactionWatch_v1_submitAndWatch', 'transactionWatch_v1_unwatch']) {
      expect(methods).toContain(m);
    }
    expect(await c.call('chainSpec_v1_chainName')).toBe('Development');
    expect(await c.call('chainSpec_v1_genesisHash')).toBe(await rpc(node, 'chain_getBlockHash', [0]));
    expect(await c.call('chainSpec_v1_properties')).toEqual(await rpc(node, 'system_properties'));
  });

  it('follow(withRuntime): initialized, then newBlock -> bestBlockChanged -> finalized per block, in order', async () => {
    const sub = await c.call<string>('chainHead_v1_follow', [true]);
    const init = await c.waitFor<Ev>(sub, (e) => e.event === 'initialized');
    expect(c.events<Ev>(sub)[0]).toBe(init);
    const finalized0 = (init.finalizedBlockHashes as string[]).at(-1)!;
    expect(finalized0).toBe(await rpc(node, 'chain_getFinalizedHead'));
    const runtime = init.finalizedBlockRuntime as { type: string; spec: { specName: string; apis: Record<string, number> } };
    expect(runtime.type).toBe('valid');
    expect(runtime.spec.specName).toBe('dinfra');
    expect(runtime.spec.apis['0xd2bc9897eed08f15']).toBe(3); // TaggedTransactionQueue

    const produced: string[] = [];
    for (let i = 0; i < 3; i++) produced.push(await c.call<string>('dev_newBlock'));
    await c.waitFor<Ev>(sub, (e) => e.event === 'finalized' && (e.finalizedBlockHashes as string[]).includes(produced[2]!));

    const events = c.events<Ev>(sub);
    const idx = (pred: (e: Ev) => boolean) => events.findIndex(pred);
    let parent = (await rpc<{ parentHash: string }>(node, 'chain_getHeader', [produced[0]])).parentHash;
    for (const hash of produced) {
      const nb = idx((e) => e.event === 'newBlock' && e.blockHash === hash);
      const best = idx((e) => e.event === 'bestBlockChanged' && e.bestBlockHash === hash);
      const fin = idx((e) => e.event === 'finalized' && (e.finalizedBlockHashes as string[]).includes(hash));
      expect(nb).toBeGreaterThan(0);
      expect(events[nb]).toMatchObject({ parentBlockHash: parent, newRuntime: null });
      expect(best).toBeGreaterThan(nb);
      expect(fin).toBeGreaterThan(best);
      expect(events[fin]!.prunedBlockHashes).toEqual([]);
      parent = hash;
    }
    // Every newBlock's parent was announced before it (or is the initial finalized block).
    const announced = new Set([finalized0]);
    for (const e of events.filter((x) => x.event === 'newBlock')) {
      expect(announced.has(e.parentBlockHash as string)).toBe(true);
      announced.add(e.blockHash as string);
    }
    expect(await c.call('chainHead_v1_unfollow', [sub])).toBeNull();
  });

  it('header, body, call, storage (all five types) and unpin on pinned blocks, with the spec errors', async () => {
    const sub = await c.call<string>('chainHead_v1_follow', [true]);
    const init = await c.waitFor<Ev>(sub, (e) => e.event === 'initialized');
    const hash = (init.finalizedBlockHashes as string[]).at(-1)!;

    const header = await c.call<string>('chainHead_v1_header', [sub, hash]);
    expect(blake2AsHex(header, 256)).toBe(hash);

    const body = await c.call<{ result: string; operationId: string }>('chainHead_v1_body', [sub, hash]);
    expect(body.result).toBe('started');
    const [bodyDone] = await operationDone(sub, body.operationId, 'operationBodyDone');
    const block = await rpc<{ block: { extrinsics: string[] } }>(node, 'chain_getBlock', [hash]);
    expect(bodyDone).toMatchObject({ event: 'operationBodyDone', value: block.block.extrinsics });

    const call = await c.call<{ operationId: string }>('chainHead_v1_call', [sub, hash, 'Core_version', '0x']);
    const [callDone] = await operationDone(sub, call.operationId, 'operationCallDone');
    expect(callDone!.output).toBe(await rpc(node, 'state_call', ['Core_version', '0x', hash]));
    const bad = await c.call<{ operationId: string }>('chainHead_v1_call', [sub, hash, 'Nope_nothing', '0x']);
    expect((await operationDone(sub, bad.operationId, 'operationCallDone'))[0]!.event).toBe('operationError');

    const alice = new Keyring({ type: 'sr25519' }).addFromUri('//Alice');
    const aliceKey = api.query.system!.account!.key(alice.address);
    const stateRoot = (await rpc<{ stateRoot: string }>(node, 'chain_getHeader', [hash])).stateRoot;
    const storage = await c.call<{ result: string; operationId: string; discardedItems: number }>('chainHead_v1_storage', [
      sub,
      hash,
      [
        { key: aliceKey, type: 'value' },
        { key: aliceKey, type: 'hash' },
        { key: '0x', type: 'closestDescendantMerkleValue' },
        { key: SYSTEM_ACCOUNT, type: 'descendantsValues' },
        { key: SYSTEM_ACCOUNT, type: 'descendantsHashes' },
        { key: '0xdeadbeef', type: 'value' },
      ],
      null,
    ]);
    expect(storage).toMatchObject({ result: 'started', discardedItems: 0 });
    const storageEvents = await operationDone(sub, storage.operationId, 'operationStorageDone');
    const items = storageEvents.filter((e) => e.event === 'operationStorageItems').flatMap((e) => e.items as Array<{ key: string; value?: string; hash?: string; closestDescendantMerkleValue?: string }>);
    const aliceValue = await rpc<string>(node, 'state_getStorage', [aliceKey, hash]);
    expect(items).toContainEqual({ key: aliceKey, value: aliceValue });
    expect(items).toContainEqual({ key: aliceKey, hash: blake2AsHex(aliceValue, 256) });
    expect(items).toContainEqual({ key: '0x', closestDescendantMerkleValue: stateRoot });
    const accounts = await rpc<string[]>(node, 'state_getKeysPaged', [SYSTEM_ACCOUNT, 1000, null, hash]);
    // (alice's key also comes from the `value`/`hash` items: compare the sets of keys)
    expect([...new Set(items.filter((i) => i.value && i.key.startsWith(SYSTEM_ACCOUNT)).map((i) => i.key))].sort()).toEqual(accounts.sort());
    expect(new Set(items.filter((i) => i.hash && i.key.startsWith(SYSTEM_ACCOUNT)).map((i) => i.key)).size).toBe(accounts.length);
    expect(items.some((i) => i.key === '0xdeadbeef')).toBe(false);
    expect(storageEvents.at(-1)!.event).toBe('operationStorageDone');

    // Errors: unknown hash -32801, duplicate unpin -32804, call without runtime -32802, stale subscription.
    const unknown = '0x' + '11'.repeat(32);
    await expect(c.call('chainHead_v1_header', [sub, unknown])).rejects.toMatchObject({ code: -32801 });
    await expect(c.call('chainHead_v1_body', [sub, unknown])).rejects.toMatchObject({ code: -32801 });
    await expect(c.call('chainHead_v1_unpin', [sub, [hash, hash]])).rejects.toMatchObject({ code: -32804 });
    await expect(c.call('chainHead_v1_unpin', [sub, [hash, unknown]])).rejects.toMatchObject({ code: -32801 });
    expect(await c.call('chainHead_v1_header', [sub, hash])).toBe(header); // nothing was unpinned
    expect(await c.call('chainHead_v1_unpin', [sub, hash])).toBeNull();
    await expect(c.call('chainHead_v1_header', [sub, hash])).rejects.toMatchObject({ code: -32801 });
    await expect(c.call('chainHead_v1_storage', [sub, hash, [{ key: '0x', type: 'nope' }], null])).rejects.toMatchObject({ code: -32602 });
    expect(await c.call('chainHead_v1_stopOperation', [sub, '999'])).toBeNull();
    expect(await c.call('chainHead_v1_continue', [sub, '999'])).toBeNull();

    const noRuntime = await c.call<string>('chainHead_v1_follow', [false]);
    const init2 = await c.waitFor<Ev>(noRuntime, (e) => e.event === 'initialized');
    expect(init2).not.toHaveProperty('finalizedBlockRuntime');
    const h2 = (init2.finalizedBlockHashes as string[]).at(-1)!;
    await expect(c.call('chainHead_v1_call', [noRuntime, h2, 'Core_version', '0x'])).rejects.toMatchObject({ code: -32802 });
    expect(await c.call('chainHead_v1_unfollow', [noRuntime])).toBeNull();
    expect(await c.call('chainHead_v1_unfollow', [sub])).toBeNull();
    expect(await c.call('chainHead_v1_header', [sub, hash])).toBeNull();
    expect(await c.call('chainHead_v1_body', [sub, hash])).toEqual({ result: 'limitReached' });
  });

  it('limits follow subscriptions per connection (-32800)', async () => {
    const other = await WsRpcClient.connect(node.wsUrl);
    try {
      const subs = [];
      for (let i = 0; i < 4; i++) subs.push(await other.call<string>('chainHead_v1_follow', [false]));
      await expect(other.call('chainHead_v1_follow', [false])).rejects.toMatchObject({ code: -32800 });
      await other.call('chainHead_v1_unfollow', [subs[0]]);
      expect(typeof (await other.call('chainHead_v1_follow', [false]))).toBe('string');
    } finally {
      other.close();
    }
  });

  it('transactionWatch_v1_submitAndWatch: validated -> bestChainBlockIncluded -> finalized; invalid bytes -> invalid', async () => {
    const submitted = await signedTransfer(10n ** 12n);
    const sub = await c.call<string>('transactionWatch_v1_submitAndWatch', [submitted]);
    const fin = await c.waitFor<Ev>(sub, (e) => e.event === 'finalized');
    const kinds = c.events<Ev>(sub).map((e) => e.event);
    expect(kinds[0]).toBe('validated');
    expect(kinds.indexOf('bestChainBlockIncluded')).toBeGreaterThan(0);
    expect(kinds.at(-1)).toBe('finalized');
    const { hash, index } = fin.block as { hash: string; index: number };
    const block = await rpc<{ block: { extrinsics: string[] } }>(node, 'chain_getBlock', [hash]);
    expect(index).toBeGreaterThan(0); // after the timestamp inherent
    expect(block.block.extrinsics[index]).toBe(submitted); // the very bytes submitted, at the index reported

    const bad = await c.call<string>('transactionWatch_v1_submitAndWatch', ['0x1234']);
    const ev = await c.waitFor<Ev>(bad, (e) => e.event === 'invalid' || e.event === 'error' || e.event === 'dropped');
    expect(ev.event).toBe('invalid');
    await expect(c.call('transactionWatch_v1_unwatch', [bad])).rejects.toMatchObject({ code: -32602 });
    await expect(c.call('transactionWatch_v1_submitAndWatch', ['nothex'])).rejects.toMatchObject({ code: -32602 });
  });

  it('transaction_v1_broadcast puts the transaction in a block; transaction_v1_stop ends the operation', async () => {
    const sub = await c.call<string>('chainHead_v1_follow', [false]);
    const xt = await signedTransfer(2n * 10n ** 12n);
    const op = await c.call<string>('transaction_v1_broadcast', [xt]);
    expect(typeof op).toBe('string');
    const txHash = blake2AsHex(xt, 256);
    // Find it through chainHead bodies, as PAPI does.
    let found = false;
    for (let attempt = 0; attempt < 50 && !found; attempt++) {
      for (const e of c.events<Ev>(sub).filter((x) => x.event === 'newBlock')) {
        const b = await c.call<{ operationId: string }>('chainHead_v1_body', [sub, e.blockHash]);
        const [done] = await operationDone(sub, b.operationId, 'operationBodyDone');
        if ((done!.value as string[]).some((x) => blake2AsHex(x, 256) === txHash)) found = true;
      }
      if (!found) await new Promise((r) => setTimeout(r, 100));
    }
    expect(found).toBe(true);
    expect(await c.call('transaction_v1_stop', [op])).toBeNull();
    await expect(c.call('transaction_v1_stop', [op])).rejects.toMatchObject({ code: -32602 });
    // Invalid transactions are accepted silently (the spec: the client is not informed).
    expect(typeof (await c.call('transaction_v1_broadcast', ['0x00']))).toBe('string');
    await c.call('chainHead_v1_unfollow', [sub]);
  });
});
