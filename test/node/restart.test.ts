import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ApiPromise } from '@polkadot/api';
import { cryptoWaitReady } from '@polkadot/util-crypto';
import { NODE_BIN, rpc, startNode, tempBasePath, type RunningNode } from '../support/node-process.ts';
import { accountOf, connectApi, devKeyring, transferKeepAlive, heads, RawWs, sendUntil, sleep, waitFor } from '../support/chain-helpers.ts';

const DIN = 10n ** 12n;
const running: Array<RunningNode | ApiPromise | RawWs> = [];

afterEach(async () => {
  for (const r of running.splice(0).reverse()) {
    if (r instanceof RawWs) r.close();
    else if ('disconnect' in r) await r.disconnect().catch(() => undefined);
    else await r.kill();
  }
});

async function start(args: string[]): Promise<RunningNode> {
  const node = await startNode(args);
  running.push(node);
  return node;
}

async function api(node: RunningNode): Promise<ApiPromise> {
  const a = await connectApi(node.wsUrl);
  running.push(a);
  return a;
}

const account = accountOf;

describe('restart persistence (--base-path, kill -9)', () => {
  it('keeps best and finalized hash and balances across kill -9, then keeps authoring on top', async () => {
    await cryptoWaitReady();
    const basePath = tempBasePath();
    const args = ['--dev', '--base-path', basePath, '--sealing', 'instant'];
    const first = await start(args);
    const a1 = await api(first);
    const keyring = devKeyring();
    const alice = keyring.addFromUri('//Alice');
    const bob = keyring.addFromUri('//Bob');
    for (let i = 1n; i <= 3n; i++) await sendUntil(transferKeepAlive(a1, bob.address, i * DIN), alice, 'Finalized');
    await rpc(first, 'dev_newBlock', [{ count: 3 }]);
    const before = await waitFor('finality to catch up', async () => {
      const h = await heads(first);
      return h.best.hash === h.finalized.hash ? h : undefined;
    });
    expect(before.best.number).toBeGreaterThanOrEqual(6);
    const aliceBefore = await account(a1, alice.address);
    const bobBefore = await account(a1, bob.address);
    expect(aliceBefore.nonce).toBe(3);

    await a1.disconnect();
    await first.kill('SIGKILL');

    const second = await start(args);
    expect(second.logs()).toMatch(new RegExp(`Highest known block at #${before.best.number}`));
    expect(await heads(second)).toEqual(before);
    const a2 = await api(second);
    expect(await account(a2, alice.address)).toEqual(aliceBefore);
    expect(await account(a2, bob.address)).toEqual(bobBefore);

    // Production continues on top of the restored head.
    const { blockHash } = await sendUntil(transferKeepAlive(a2, bob.address, DIN), alice, 'Finalized');
    const header = await a2.rpc.chain.getHeader(blockHash);
    expect(header.number.toNumber()).toBe(before.best.number + 1);
    expect(header.parentHash.toHex()).toBe(before.best.hash);
    expect((await account(a2, bob.address)).free).toBe(bobBefore.free + DIN);
    expect((await account(a2, alice.address)).nonce).toBe(4);
  });

  it('loses at most the block being built when killed during heavy authoring; nothing finalized is lost', async () => {
    await cryptoWaitReady();
    const basePath = tempBasePath();
    const args = ['--dev', '--base-path', basePath, '--sealing', 'interval', '--block-time', '30'];
    const first = await start(args);
    const a1 = await api(first);
    const keyring = devKeyring();
    const senders = ['//Alice', '//Bob', '//Charlie', '//Dave'].map((s) => keyring.addFromUri(s));
    const dest = keyring.addFromUri('//Ferdie').address;
    const perSender = 100;
    const signed: string[] = [];
    for (let n = 0; n < perSender; n++) {
      for (const s of senders) signed.push((await transferKeepAlive(a1, dest, DIN).signAsync(s, { nonce: n, era: 0 })).toHex());
    }
    const ws = await RawWs.connect(first.wsUrl);
    running.push(ws);
    // The headers announced to clients (best and finalized) before the kill, by number.
    const seenBest = new Map<number, unknown>();
    const seenFinal = new Map<number, unknown>();
    const record = (into: Map<number, unknown>) => (h: unknown) => into.set(Number((h as { number: string }).number), h);
    await ws.subscribe('chain_subscribeNewHeads', [], record(seenBest));
    await ws.subscribe('chain_subscribeFinalizedHeads', [], record(seenFinal));

    // Feed transactions in batches while blocks are authored every 30 ms, and kill mid-stream.
    const startHeight = (await heads(first)).best.number;
    let stop = false;
    const feeding = (async () => {
      for (let i = 0; i < signed.length && !stop; i += 40) {
        const replies = await ws.batch(signed.slice(i, i + 40).map((x) => ['author_submitExtrinsic', [x]]));
        for (const r of replies) if (r.error) throw new Error(JSON.stringify(r.error));
        await sleep(10);
      }
    })().then(
      () => undefined,
      (e: Error) => e,
    );
    // Kill once a few blocks are out while the pool still holds transfers being worked through.
    await waitFor(
      'blocks with transfers, and more pending',
      async () => (await heads(first)).best.number >= startHeight + 4 && (await rpc<string[]>(first, 'author_pendingExtrinsics')).length > 0,
      20_000,
      5,
    );
    await first.kill('SIGKILL');
    await a1.disconnect();
    stop = true;
    const feedError = await feeding;
    if (feedError) expect(feedError.message).toMatch(/connection closed/);
    const bestSeenAtKill = Math.max(...seenBest.keys());
    const finalSeenAtKill = Math.max(...seenFinal.keys());
    expect(finalSeenAtKill).toBeGreaterThan(0);

    const second = await start(args);
    const after = await heads(second);
    expect(after.best.number).toBeGreaterThanOrEqual(bestSeenAtKill);
    // Blocks are announced to subscribers asynchronously after they are stored; at a 30 ms block
    // time the client's last notification can trail the stored best by up to two blocks (seen in
    // this session's CI runs: +2 twice). What may never happen is losing an announced block.
    expect(after.best.number).toBeLessThanOrEqual(bestSeenAtKill + 2);
    expect(after.finalized.number).toBeGreaterThanOrEqual(finalSeenAtKill);
    // Every block announced before the kill is there, unchanged, linked to its parent.
    for (const [n, header] of [...seenBest, ...seenFinal]) {
      expect(await rpc(second, 'chain_getHeader', [await rpc<string>(second, 'chain_getBlockHash', [n])])).toEqual(header);
    }
    let parent = await rpc<string>(second, 'chain_getBlockHash', [0]);
    for (let n = 1; n <= after.best.number; n++) {
      const hash = await rpc<string>(second, 'chain_getBlockHash', [n]);
      const header = await rpc<{ parentHash: string; number: string }>(second, 'chain_getHeader', [hash]);
      expect(header.parentHash).toBe(parent);
      parent = hash;
    }

    // The restored state is the replay of the restored blocks: the nonces equal the transfers included.
    let included = 0;
    for (let n = 1; n <= after.best.number; n++) {
      const { block } = await rpc<{ block: { extrinsics: string[] } }>(second, 'chain_getBlock', [await rpc<string>(second, 'chain_getBlockHash', [n])]);
      included += block.extrinsics.length - 1; // minus the timestamp inherent
    }
    const a2 = await api(second);
    let nonces = 0;
    for (const s of senders) nonces += (await account(a2, s.address)).nonce;
    console.log(`restart: killed after #${bestSeenAtKill} announced (finalized #${finalSeenAtKill}); restored best #${after.best.number}, finalized #${after.finalized.number}, ${included} transfers`);
    expect(nonces).toBe(included);
    expect(included).toBeGreaterThan(0);

    // And authoring resumes on top.
    await waitFor('new blocks after restart', async () => (await heads(second)).finalized.number > after.best.number + 2);
    const next = await rpc<{ parentHash: string }>(second, 'chain_getHeader', [await rpc<string>(second, 'chain_getBlockHash', [after.best.number + 1])]);
    expect(next.parentHash).toBe(after.best.hash);
  });

  it('refuses a database in use or made for another chain spec, with a clear error', async () => {
    const basePath = tempBasePath();
    const node = await start(['--dev', '--base-path', basePath, '--sealing', 'manual']);
    await rpc(node, 'dev_newBlock', [{ count: 2 }]);
    const inUse = await startNode(['--dev', '--base-path', basePath, '--sealing', 'manual']).then(
      (n) => {
        running.push(n);
        return undefined;
      },
      (e: Error) => e,
    );
    expect(inUse?.message).toMatch(/exited \(1\)/);
    expect(inUse?.message).toMatch(/is in use by another process \(is a dinfra-node already running with this --base-path\?\)/);
    await node.kill('SIGKILL');
    // Same chain id ("dev"), different genesis (one balance changed).
    const plain = execFileSync(process.execPath, [NODE_BIN, 'build-spec', '--chain', 'dev'], { encoding: 'utf8' });
    const changed = plain.replace('1000000000000000000', '1000000000000000001');
    expect(changed).not.toBe(plain);
    const specFile = join(basePath, 'other-dev.json');
    writeFileSync(specFile, changed);
    const err = await startNode(['--chain', specFile, '--base-path', basePath, '--alice', '--sealing', 'manual']).then(
      (n) => {
        running.push(n);
        return undefined;
      },
      (e: Error) => e,
    );
    expect(err).toBeInstanceOf(Error);
    expect(err!.message).toMatch(/exited \(1\)/);
    expect(err!.message).toMatch(/database was created for genesis 0x[0-9a-f]{64}, but the chain spec gives 0x[0-9a-f]{64}/);
  });
});
