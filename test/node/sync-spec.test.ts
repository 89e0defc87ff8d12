// sync_state_genSyncSpec: a new node starts on exactly the chain of the node it asks, whatever
// edited that chain's genesis (here: an extra endowed account, as zombienet adds stashes).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NODE_BIN, rpc, startNode, tempBasePath, type RunningNode } from '../support/node-process.ts';
import { heads, waitFor } from '../support/chain-helpers.ts';

const EXTRA = '5GNJqTPyNqANBkUVMN1LPPrxXnFouWXoe2wNSmmEoLctxiZY'; // //Ferdie//stash-like: any account
let author: RunningNode;
let follower: RunningNode | undefined;
let specFile: string;

beforeAll(async () => {
  const dir = tempBasePath();
  const plain = JSON.parse(execFileSync(process.execPath, [NODE_BIN, 'build-spec', '--chain', 'local'], { encoding: 'utf8' }).replace(/:\s*(\d{16,})/g, ': "$1"'));
  const balances = plain.genesis.runtimeGenesis?.patch?.balances ?? plain.genesis.runtimeGenesis?.config?.balances ?? plain.genesis.runtime?.balances;
  balances.balances.push([EXTRA, '1234567890000000000']);
  const edited = join(dir, 'edited.json');
  writeFileSync(edited, JSON.stringify(plain).replace(/"(\d{16,})"/g, '$1'));
  author = await startNode(['--chain', edited, '--alice', '--base-path', join(dir, 'a'), '--sealing', 'interval', '--block-time', '200']);
  specFile = join(dir, 'synced.json');
});

afterAll(async () => {
  await Promise.all([author?.kill(), follower?.kill()]);
});

describe('sync_state_genSyncSpec', () => {
  it('returns the raw spec of the running chain; a node started from it follows with the same genesis', async () => {
    const raw = await rpc<{ name: string; genesis: { raw: { top: Record<string, string> } } }>(author, 'sync_state_genSyncSpec', [true]);
    expect(raw.name).toBe('Local Testnet');
    expect(Object.keys(raw.genesis.raw.top).length).toBeGreaterThan(10);
    writeFileSync(specFile, JSON.stringify(raw));
    // The edited genesis differs from the built-in `local` preset: following with `--chain local` would not work.
    const presetGenesis = await (async () => {
      const n = await startNode(['--chain', 'local', '--tmp', '--sealing', 'manual']);
      try {
        return await rpc<string>(n, 'chain_getBlockHash', [0]);
      } finally {
        await n.kill();
      }
    })();
    const genesis = await rpc<string>(author, 'chain_getBlockHash', [0]);
    expect(genesis).not.toBe(presetGenesis);
    follower = await startNode(['--chain', specFile, '--tmp', '--sync-from', author.wsUrl]);
    expect(await rpc<string>(follower, 'chain_getBlockHash', [0])).toBe(genesis);
    await waitFor('the follower to import 5 blocks', async () => (await heads(follower!)).best.number >= 5, 30_000);
    expect(await rpc<string>(follower, 'chain_getBlockHash', [5])).toBe(await rpc<string>(author, 'chain_getBlockHash', [5]));
  });

  it('plain form: balances beyond 2^53 as decimal strings; bad params refused', async () => {
    const plain = await rpc<{ genesis: unknown }>(author, 'sync_state_genSyncSpec', [false]);
    expect(JSON.stringify(plain.genesis)).toContain('"1234567890000000000"');
    await expect(rpc(author, 'sync_state_genSyncSpec', ['yes'])).rejects.toMatchObject({ code: -32602 });
  });
});
