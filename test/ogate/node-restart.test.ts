/**
 * kill -9 the node, keep it down for 10 blocks' worth of time, restart it on the same base
 * path and port: OGate reconnects with backoff, catches up every finalized block, serves the
 * awards made after the restart, and the reports queued while the node was down land once.
 */
import { writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiPromise } from '@polkadot/api';
import type { KeyringPair } from '@polkadot/keyring/types';
import { connectApi, devKeyring } from '../support/chain-helpers.ts';
import { startNode, tempBasePath, type RunningNode } from '../support/node-process.ts';
import { addJson, contentStore, mintToken, nodeDescriptor, ogateFetch, registerProvider, startOGate, subscribe, tempDir, waitReady, type RunningOGate } from '../support/ogate.ts';
import { countChain } from './chain-count.ts';

// AckTimeout is 20 blocks: with 1 s blocks an award waits 20 s for its Provisioning report.
const BLOCK_MS = 1000;

let node: RunningNode;
let api: ApiPromise;
let og: RunningOGate;
let alice: KeyringPair;
let bob: KeyringPair;
let charlie: KeyringPair;
let port: number;
const basePath = tempBasePath();

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const p = (s.address() as { port: number }).port;
      s.close(() => resolve(p));
    });
  });

const nodeArgs = () => ['--dev', '--base-path', basePath, '--rpc-port', String(port), '--sealing', 'interval', '--block-time', String(BLOCK_MS)];

beforeAll(async () => {
  port = await freePort();
  node = await startNode(nodeArgs());
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

async function served(token: string, n: number): Promise<any[]> {
  for (let i = 0; i < 600; i++) {
    const l = await ogateFetch(og, token, '/v1/deployments');
    if (l.body.deployments?.length >= n) return l.body.deployments;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`fewer than ${n} deployments served:\n${og.logs().slice(-3000)}`);
}

describe('the node killed with -9 and restarted', () => {
  it('OGate catches up; nothing lost, nothing doubled', async () => {
    og = await startOGate({ wsUrl: node.wsUrl, suri: '//Bob', dataDir: tempDir() });
    const store = await contentStore(og.ipfsRepo);
    const cid = await addJson(store, nodeDescriptor());
    await store.close();
    const token = await mintToken(og.dataDir, ['substrate-node']);
    const startBlock = (await api.rpc.chain.getHeader()).number.toNumber() + 1;
    const nonceBefore = (await api.rpc.system.accountNextIndex(bob.address)).toNumber();
    const first = await subscribe(api, charlie, Array.from({ length: 10 }, () => ({ typeId: 0, cid, provider: alice.address })));
    const before = await served(token, 10);
    for (const d of before.slice(0, 5)) {
      expect((await ogateFetch(og, token, `/v1/deployments/${d.id}/status`, { method: 'PUT', body: { generation: 1, state: 'provisioning' } })).status).toBe(202);
    }
    await new Promise((r) => setTimeout(r, 2000));
    await api.disconnect();

    // Down for 10 blocks' worth of time; reports keep coming in and wait in the outbox.
    await node.kill('SIGKILL');
    const downAt = Date.now();
    for (const d of before.slice(5)) {
      const r = await ogateFetch(og, token, `/v1/deployments/${d.id}/status`, { method: 'PUT', body: { generation: 1, state: 'provisioning' } });
      expect(r.status).toBe(202);
    }
    const notReady = await ogateFetch(og, undefined, '/readyz');
    expect(notReady.status).toBe(503);
    await new Promise((r) => setTimeout(r, Math.max(0, 10 * BLOCK_MS - (Date.now() - downAt))));

    node = await startNode(nodeArgs());
    api = await connectApi(node.wsUrl);
    await waitReady(og, 60_000);
    const second = await subscribe(api, charlie, Array.from({ length: 10 }, () => ({ typeId: 0, cid, provider: alice.address })));
    const all = await served(token, 20);
    expect(all.map((d) => d.id).sort()).toEqual([...first, ...second].map((a) => a.id.toString()).sort());
    for (const a of second) {
      expect((await ogateFetch(og, token, `/v1/deployments/${a.id}/status`, { method: 'PUT', body: { generation: 1, state: 'provisioning' } })).status).toBe(202);
    }
    const ids = [...first, ...second].map((a) => a.id);
    for (let i = 0; ; i++) {
      const subs = await api.query.subscriptions.subscriptions.multi(ids);
      if (subs.every((s) => s.unwrap().status.isProvisioning)) break;
      if (i > 600) {
        const file = join(tempDir('ogate-logs-'), 'logs.txt');
        writeFileSync(file, `${og.logs()}\n----- node -----\n${node.logs()}`);
        throw new Error(`reports did not land; logs in ${file}`);
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    await waitReady(og, 30_000);
    const endBlock = (await api.rpc.chain.getHeader()).number.toNumber();
    const count = await countChain(api, startBlock, endBlock, alice.address, bob.address);
    for (const id of ids) expect(count.statusChanges.get(id.toString()), `subscription ${id}`).toEqual(['Provisioning']);
    expect(count.itemsFailed, count.failures.join(', ')).toBe(0);
    expect((await api.rpc.system.accountNextIndex(bob.address)).toNumber() - nonceBefore).toBe(count.operatorExtrinsics);
    // The cursor is at the finalized head: every block between was processed.
    const p = await ogateFetch(og, token, '/v1/provider');
    expect(p.body.headLag).toBe(0);
    expect(og.logs()).toMatch(/lost the node connection; reconnecting with backoff/);
  });
});
