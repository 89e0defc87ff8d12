/**
 * kill -9 OGate in the middle of 200 awards and 100 reports (twice), restart it on the same
 * data dir: every award is served, every report lands exactly once — counted on chain
 * (StatusChanged per subscription, the operator's extrinsics and their batch items) and by
 * the operator's nonce.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiPromise } from '@polkadot/api';
import type { KeyringPair } from '@polkadot/keyring/types';
import { connectApi, devKeyring } from '../support/chain-helpers.ts';
import { startNode, type RunningNode } from '../support/node-process.ts';
import { addJson, contentStore, mintToken, nodeDescriptor, registerProvider, startOGate, subscribe, tempDir, type RunningOGate } from '../support/ogate.ts';
import { countChain } from './chain-count.ts';
import { runToyReactor } from './toy-reactor.ts';

const AWARDS = 200;
const RUNNING = 100;

let node: RunningNode;
let api: ApiPromise;
let og: RunningOGate;
let alice: KeyringPair;
let bob: KeyringPair;
let charlie: KeyringPair;

beforeAll(async () => {
  node = await startNode(['--dev']);
  api = await connectApi(node.wsUrl);
  const k = devKeyring();
  [alice, bob, charlie] = ['//Alice', '//Bob', '//Charlie'].map((s) => k.addFromUri(s)) as [KeyringPair, KeyringPair, KeyringPair];
  await registerProvider(api, alice, bob.address, 'alice-infra', [{ typeId: 0 }]);
});

afterAll(async () => {
  await og?.kill();
  await api?.disconnect();
  await node?.kill();
});

describe('OGate killed with -9 mid-work', () => {
  it('serves every award and lands every report exactly once across two kills', async () => {
    const dataDir = tempDir();
    og = await startOGate({ wsUrl: node.wsUrl, suri: '//Bob', dataDir });
    const store = await contentStore(og.ipfsRepo);
    const cid = await addJson(store, nodeDescriptor());
    await store.close();
    const token = await mintToken(dataDir, ['substrate-node']);
    const startBlock = (await api.rpc.chain.getHeader()).number.toNumber() + 1;
    const nonceBefore = (await api.rpc.system.accountNextIndex(bob.address)).toNumber();

    const kills: string[] = [];
    let restarting: Promise<void> | undefined;
    const killAndRestart = (why: string) => {
      kills.push(why);
      restarting = (async () => {
        await og.kill('SIGKILL');
        og = await startOGate({ wsUrl: node.wsUrl, suri: '//Bob', dataDir, waitReady: false });
      })();
    };
    const runningIds = new Set<string>();
    const reactor = runToyReactor({
      url: () => og.url,
      token,
      runningIds,
      onProgress: (r) => {
        if (!restarting && kills.length === 0 && r.provisioningSent.size >= 60) killAndRestart(`after ${r.provisioningSent.size} provisioning reports`);
        else if (kills.length === 1 && r.runningSent.size >= 30) {
          void restarting!.then(() => {
            if (kills.length === 1) killAndRestart(`after ${r.runningSent.size} running reports`);
          });
        }
      },
    });

    // 200 awards in batches of 50 while the reactor works (and OGate dies).
    const ids: bigint[] = [];
    for (let b = 0; b < AWARDS / 50; b++) {
      const awards = await subscribe(api, charlie, Array.from({ length: 50 }, () => ({ typeId: 0, cid, provider: alice.address })));
      for (const a of awards) ids.push(a.id);
      for (const a of awards.slice(0, RUNNING / (AWARDS / 50))) runningIds.add(a.id.toString());
    }
    expect(ids).toHaveLength(AWARDS);

    // Wait until the chain shows every subscription provisioning or running as planned.
    const deadline = Date.now() + 240_000;
    for (;;) {
      const subs = await api.query.subscriptions.subscriptions.multi(ids);
      const missing = ids.filter((_, i) => subs[i]!.isNone);
      if (missing.length) throw new Error(`subscriptions missing on chain: ${missing.join(', ')} (ids ${ids[0]}..${ids[ids.length - 1]}, next id ${(await api.query.subscriptions.nextSubscriptionId()).toString()})\n--- node ---\n${node.logs().slice(-4000)}`);
      const done = subs.every((s, i) => {
        const st = s.unwrap().status;
        return runningIds.has(ids[i]!.toString()) ? st.isRunning : st.isProvisioning;
      });
      if (done && kills.length === 2) break;
      if (Date.now() > deadline) throw new Error(`not settled: kills=${kills.join(', ')}; reactor errors=${reactor.errors}\n${og.logs().slice(-4000)}`);
      await new Promise((r) => setTimeout(r, 250));
    }
    await restarting;
    await reactor.stop();
    // Let in-flight work settle, then count.
    await new Promise((r) => setTimeout(r, 1500));
    const endBlock = (await api.rpc.chain.getHeader()).number.toNumber();
    const count = await countChain(api, startBlock, endBlock, alice.address, bob.address);
    const nonceAfter = (await api.rpc.system.accountNextIndex(bob.address)).toNumber();

    console.log(`crash test: kills ${kills.join('; ')}; ${count.operatorExtrinsics} operator extrinsics, ${count.itemsCompleted} items, blocks ${startBlock}..${endBlock}; reactor retries ${reactor.errors}`);
    expect(kills).toHaveLength(2);
    // Every award served (the reactor saw all 200 at generation 1).
    expect(reactor.seen.size).toBe(AWARDS);
    for (const id of ids) expect(reactor.seen.get(id.toString())?.generation).toBe(1);
    // Exactly once: one Provisioning for each, one Running for each chosen one, nothing else.
    expect(count.statusChanges.size).toBe(AWARDS);
    for (const id of ids) {
      const expected = runningIds.has(id.toString()) ? ['Provisioning', 'Running'] : ['Provisioning'];
      expect(count.statusChanges.get(id.toString()), `subscription ${id}`).toEqual(expected);
    }
    // No report was sent twice, not even one that failed harmlessly; the nonce counts the extrinsics.
    expect(count.itemsFailed, count.failures.join(', ')).toBe(0);
    expect(count.itemsCompleted).toBe(AWARDS + RUNNING);
    expect(nonceAfter - nonceBefore).toBe(count.operatorExtrinsics);
  });
});
