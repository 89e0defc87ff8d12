import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiPromise } from '@polkadot/api';
import { cryptoWaitReady } from '@polkadot/util-crypto';
import { rpc, startNode, tempBasePath, type RunningNode } from '../support/node-process.ts';
import { accountOf, connectApi, devKeyring, freePort, heads, metric, metricsText, sendUntil, sleep, transferKeepAlive, waitFor } from '../support/chain-helpers.ts';

const DIN = 10n ** 12n;
const apis: ApiPromise[] = [];
let author: RunningNode;
let authorArgs: string[];
let viaBootnodes: RunningNode;
let viaSyncFrom: RunningNode;

const best = async (n: RunningNode) => (await heads(n)).best.number;
const peers = async (n: RunningNode) => (await rpc<{ peers: number }>(n, 'system_health')).peers;
const peerMetric = async (n: RunningNode) => metric(await metricsText(n), 'substrate_sub_libp2p_peers_count');

async function api(node: RunningNode): Promise<ApiPromise> {
  const a = await connectApi(node.wsUrl);
  apis.push(a);
  return a;
}

/** Waits until `nodes` all have block `n` and agree on every hash from genesis to `n`. */
async function expectSameChain(nodes: RunningNode[], n: number): Promise<void> {
  for (const node of nodes) await waitFor(`#${n} on ${node.wsUrl}`, async () => (await best(node)) >= n, 30_000);
  for (let i = 0; i <= n; i++) {
    const hashes = await Promise.all(nodes.map((node) => rpc<string>(node, 'chain_getBlockHash', [i])));
    expect(new Set(hashes).size, `block #${i}: ${hashes.join(' ')}`).toBe(1);
  }
}

beforeAll(async () => {
  await cryptoWaitReady();
  // Fixed ports, so the author can come back where the followers expect it.
  const [rpcPort, p2pPort] = [await freePort(), await freePort()];
  authorArgs = ['--chain', 'local', '--alice', '--base-path', tempBasePath(), '--sealing', 'interval', '--block-time', '100',
    '--rpc-port', String(rpcPort), '--listen-addr', `/ip4/127.0.0.1/tcp/${p2pPort}/ws`];
  author = await startNode(authorArgs);
  expect(author.peerAddr).toMatch(/^\/ip4\/127\.0\.0\.1\/tcp\/\d+\/ws\/p2p\/12D3KooW\w+$/);
  [viaBootnodes, viaSyncFrom] = await Promise.all([
    startNode(['--chain', 'local', '--bob', '--tmp', '--bootnodes', author.peerAddr!]),
    startNode(['--chain', 'local', '--charlie', '--tmp', '--sync-from', author.wsUrl]),
  ]);
});

afterAll(async () => {
  for (const a of apis) await a.disconnect().catch(() => undefined);
  await Promise.all([author, viaBootnodes, viaSyncFrom].map((n) => n?.kill()));
});

describe('follower (--bootnodes and --sync-from)', () => {
  it('agrees with the author on every block hash over 20 blocks, and on finality', async () => {
    await expectSameChain([author, viaBootnodes, viaSyncFrom], 20);
    await waitFor('followers to mirror finality', async () => {
      const [a, b, c] = await Promise.all([author, viaBootnodes, viaSyncFrom].map((n) => heads(n)));
      return b!.finalized.number >= 19 && c!.finalized.number >= 19 && (await rpc(author, 'chain_getBlockHash', [b!.finalized.number])) === b!.finalized.hash && a!.finalized.number >= b!.finalized.number;
    });
    expect(viaBootnodes.logs()).toMatch(/Imported #20 \(0x[0-9a-f]{64}\)/);
  });

  it('reports the peers on each side of a connection, --bootnodes or --sync-from (system_health and metrics)', async () => {
    // The author counts both followers; each follower counts the author.
    await waitFor('peers', async () => (await peers(author)) === 2 && (await peers(viaBootnodes)) === 1);
    expect(await peerMetric(author)).toBe(2);
    expect(await peerMetric(viaBootnodes)).toBe(1);
    expect(await peers(viaSyncFrom)).toBe(1);
    expect(await peerMetric(viaSyncFrom)).toBe(1);
    const [peer] = await rpc<Array<{ peerId: string }>>(viaBootnodes, 'system_peers');
    expect(author.peerAddr!.endsWith(`/p2p/${peer!.peerId}`)).toBe(true);
  });

  it('includes a transfer submitted to a follower, seen InBlock then Finalized through it', async () => {
    const keyring = devKeyring();
    const alice = keyring.addFromUri('//Alice');
    const ferdie = keyring.addFromUri('//Ferdie').address;
    for (const follower of [viaBootnodes, viaSyncFrom]) {
      const fApi = await api(follower);
      const before = (await accountOf(fApi, ferdie)).free;
      const { statuses, blockHash } = await sendUntil(transferKeepAlive(fApi, ferdie, 2n * DIN), alice, 'Finalized');
      expect(statuses, statuses.join(' ')).toEqual(expect.arrayContaining(['Ready', 'InBlock', 'Finalized']));
      expect(statuses.indexOf('InBlock')).toBeLessThan(statuses.indexOf('Finalized'));
      // The block is the author's, with the transfer in it.
      const onAuthor = await rpc<{ block: { extrinsics: string[] } }>(author, 'chain_getBlock', [blockHash]);
      expect(onAuthor.block.extrinsics.length).toBe(2);
      expect((await accountOf(fApi, ferdie)).free).toBe(before + 2n * DIN);
    }
  });

  it("rides out the author's kill -9 and restart on the same base path and ports, and keeps following", async () => {
    const before = await best(author);
    await author.kill('SIGKILL');
    await waitFor('followers to notice', async () => (await peers(viaBootnodes)) === 0 && (await peers(viaSyncFrom)) === 0, 10_000);
    expect(await peerMetric(viaBootnodes)).toBe(0);
    // Followers keep serving their chain while the author is away.
    expect(await best(viaBootnodes)).toBeGreaterThanOrEqual(before - 1);
    await sleep(300);
    author = await startNode(authorArgs);
    await waitFor('reconnection', async () => (await peers(author)) === 2 && (await peers(viaBootnodes)) === 1 && (await peers(viaSyncFrom)) === 1, 20_000);
    const target = (await best(author)) + 10;
    await expectSameChain([author, viaBootnodes, viaSyncFrom], target);
    expect(await peerMetric(author)).toBe(2);
    expect(await peerMetric(viaBootnodes)).toBe(1);

    // Transactions still go through the follower after the reconnection.
    const fApi = await api(viaBootnodes);
    const keyring = devKeyring();
    const { statuses } = await sendUntil(transferKeepAlive(fApi, keyring.addFromUri('//Ferdie').address, DIN), keyring.addFromUri('//Bob'), 'Finalized');
    expect(statuses).toContain('InBlock');
  });

  it('a follower started late catches up, and resumes from its own database after kill -9', async () => {
    const args = ['--chain', 'local', '--dave', '--base-path', tempBasePath(), '--sync-from', author.wsUrl];
    let late = await startNode(args);
    try {
      await expectSameChain([author, late], await best(author));
      await late.kill('SIGKILL');
      const had = (await heads(viaSyncFrom)).best.number;
      late = await startNode(args);
      expect(late.logs()).toMatch(/Highest known block at #(\d+)/);
      expect(Number(/Highest known block at #(\d+)/.exec(late.logs())![1])).toBeGreaterThanOrEqual(had - 2);
      await expectSameChain([author, late], (await best(author)) + 2);
    } finally {
      await late.kill();
    }
  });

  it('stops counting a follower that went away', async () => {
    await viaBootnodes.kill('SIGKILL');
    await waitFor('the author to drop one peer', async () => (await peers(author)) === 1, 10_000);
    await viaSyncFrom.kill('SIGKILL');
    await waitFor('the author to drop the other', async () => (await peers(author)) === 0, 10_000);
    expect(await peerMetric(author)).toBe(0);
    expect(await rpc<unknown[]>(author, 'system_peers')).toEqual([]);
  });
});
