/**
 * Descriptor failures end as `Failed { reason }` on chain (AwardLost carries the reason, the
 * record's last_loss keeps it) and the next provider gets the award; no reactor ever sees the
 * deployment. Cases: content not had in time, bytes not matching the CID, a schema error, a
 * secret sealed to another key.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiPromise } from '@polkadot/api';
import type { KeyringPair } from '@polkadot/keyring/types';
import { cidOf, sealSecret, type ContentStore } from '@dinfra/content';
import { connectApi, devKeyring } from '../support/chain-helpers.ts';
import { startNode, type RunningNode } from '../support/node-process.ts';
import { addJson, contentStore, mintToken, nodeDescriptor, ogateFetch, registerProvider, startOGate, subscribe, tempDir, type RunningOGate } from '../support/ogate.ts';
import { embeddedBlockPath } from '../content/data.ts';

let node: RunningNode;
let api: ApiPromise;
let og: RunningOGate;
let store: ContentStore;
let token: string;
let alice: KeyringPair;
let bob: KeyringPair;
let charlie: KeyringPair;
let dave: KeyringPair;

beforeAll(async () => {
  node = await startNode(['--dev']);
  api = await connectApi(node.wsUrl);
  const k = devKeyring();
  [alice, bob, charlie, dave] = ['//Alice', '//Bob', '//Charlie', '//Dave'].map((s) => k.addFromUri(s)) as [KeyringPair, KeyringPair, KeyringPair, KeyringPair];
  // Alice (OGate, operator Bob) is free; Dave costs 1 planck a block: Alice wins each award first.
  await registerProvider(api, alice, bob.address, 'alice-infra', [{ typeId: 0, pricePerBlock: 0n }]);
  await registerProvider(api, dave, dave.address, 'dave-infra', [{ typeId: 0, pricePerBlock: 1n }]);
  og = await startOGate({ wsUrl: node.wsUrl, suri: '//Bob', dataDir: tempDir(), args: ['--descriptor-timeout-ms', '400', '--descriptor-attempts', '2'] });
  store = await contentStore(og.ipfsRepo);
  token = await mintToken(og.dataDir, ['substrate-node']);
});

afterAll(async () => {
  await store?.close();
  await og?.kill();
  await api?.disconnect();
  await node?.kill();
});

/** Subscribes with a selector over Alice and Dave; waits for the award to move to Dave; returns the reason Alice gave. */
async function failsOver(cid: string): Promise<{ id: bigint; reason: string }> {
  const [award] = await subscribe(api, charlie, [{ typeId: 0, cid, providers: [alice.address, dave.address], maxPricePerBlock: 1n }]);
  expect(award!.provider).toBe(alice.address);
  const id = award!.id;
  for (let i = 0; i < 300; i++) {
    const sub = (await api.query.subscriptions.subscriptions(id)).unwrap();
    if (sub.provider.toString() === dave.address) {
      expect(sub.status.isAwarded).toBe(true);
      expect(sub.excluded.map((a) => a.toString())).toEqual([alice.address]);
      const loss = sub.lastLoss.unwrap();
      expect(loss.provider.toString()).toBe(alice.address);
      expect(loss.cause.isFailed).toBe(true);
      const reason = loss.cause.asFailed.reason.toUtf8();
      // The AwardLost event of that block carries the same reason.
      const events = await (await api.at(await api.rpc.chain.getBlockHash(loss.at))).query.system.events();
      const lost = events.find(({ event }) => api.events.subscriptions.AwardLost.is(event) && event.data[0].toBigInt() === id)!;
      expect(lost).toBeDefined();
      const cause = (lost.event.data as unknown as [unknown, unknown, { isFailed: boolean; asFailed: { reason: { toUtf8(): string } } }])[2];
      expect(cause.asFailed.reason.toUtf8()).toBe(reason);
      expect(Buffer.byteLength(reason)).toBeLessThanOrEqual(256);
      // No reactor ever saw it.
      const seen = await ogateFetch(og, token, `/v1/deployments/${id}`);
      expect(seen.status).toBe(404);
      return { id, reason };
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`subscription ${id} was not re-awarded:\n${og.logs().slice(-3000)}`);
}

describe('descriptor failures are reported Failed with a reason; the award moves on', () => {
  it('content not had in time', async () => {
    const missing = await cidOf(new TextEncoder().encode(`never added ${Math.random()}\n`));
    const { reason } = await failsOver(missing);
    expect(reason).toContain(missing);
    expect(reason).toMatch(/not found within 400 ms.*gave up after 2 attempts/);
  });

  it('bytes that do not match the CID', async () => {
    const cid = await addJson(store, nodeDescriptor({ version: 'v1.2.3' }));
    const path = embeddedBlockPath(og.ipfsRepo, cid);
    const forged = Uint8Array.from(readFileSync(path));
    forged[forged.length - 5]! ^= 0x01;
    writeFileSync(path, forged);
    const { reason } = await failsOver(cid);
    expect(reason).toBe(`descriptor ${cid}: the bytes do not match the CID`);
  });

  it('a descriptor that fails its type schema', async () => {
    const cid = await addJson(store, { type: 'substrate-node', role: 'miner', chain: 'polkadot' });
    const { reason } = await failsOver(cid);
    expect(reason).toMatch(/^descriptor schema error \(substrate-node\): /);
    expect(reason).toContain('/role');
    expect(reason).toContain('version');
  });

  it('a secret sealed to another key', async () => {
    const sealed = sealSecret({ name: 'nodeKey', value: 'not-for-alice', recipient: dave.publicKey });
    const cid = await addJson(store, nodeDescriptor({ secrets: { nodeKey: sealed } }));
    const { reason } = await failsOver(cid);
    expect(reason).toBe('secret "nodeKey" cannot be opened with the operator key');
    expect(og.logs()).not.toContain('not-for-alice');
  });

  it('failures are counted by cause in /metrics and no deployment was ever served', async () => {
    const m = (await ogateFetch(og, undefined, '/metrics')).body as string;
    for (const cause of ['unavailable', 'cid-mismatch', 'schema', 'secret']) expect(m).toContain(`dinfra_ogate_descriptor_failures_total{cause="${cause}"} 1`);
    const list = await ogateFetch(og, token, '/v1/deployments');
    expect(list.body.deployments).toEqual([]);
  });
});
