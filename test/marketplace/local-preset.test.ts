import '@dinfra/runtime-specs/augment';
import type { ApiPromise } from '@polkadot/api';
import { Keyring } from '@polkadot/keyring';
import { cryptoWaitReady } from '@polkadot/util-crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectApi } from '../support/chain-helpers.ts';
import { startNode, tempBasePath, type RunningNode } from '../support/node-process.ts';
import { submit } from './chain.ts';

/**
 * The `local` chain preset endows the six well-known dev accounts (//Alice … //Ferdie) with
 * 1,000,000 DIN each, as polkadot-sdk's local testnet presets do, so that a provider, its operator
 * and subscribers can act on a local network without a sudo transfer first.
 */
const DIN = 10n ** 12n;
const SIX = ['Alice', 'Bob', 'Charlie', 'Dave', 'Eve', 'Ferdie'];
let node: RunningNode;
let api: ApiPromise;
let keyring: Keyring;

beforeAll(async () => {
  await cryptoWaitReady();
  keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });
  node = await startNode(['--chain', 'local', '--alice', '--base-path', tempBasePath(), '--sealing', 'interval', '--block-time', '200']);
  api = await connectApi(node.wsUrl);
});

afterAll(async () => {
  await api?.disconnect();
  await node?.kill();
});

describe('--chain local', () => {
  it('endows //Alice … //Ferdie with 1,000,000 DIN each at genesis, and nobody else', async () => {
    const genesis = await api.at(await api.rpc.chain.getBlockHash(0));
    const free = await Promise.all(SIX.map(async (n) => (await genesis.query.system.account(keyring.addFromUri(`//${n}`).address)).data.free.toBigInt()));
    expect(free).toEqual(SIX.map(() => 1_000_000n * DIN));
    expect((await genesis.query.balances.totalIssuance()).toBigInt()).toBe(6_000_000n * DIN);
  });

  it('//Ferdie can pay for a provider registration there', async () => {
    const ferdie = keyring.addFromUri('//Ferdie');
    const res = await submit(api, api.tx.providers.register('ferdie-cloud', 'https://ogate.ferdie.example', keyring.addFromUri('//Dave').address), ferdie);
    expect(res.failed).toBeUndefined();
    expect(res.events.map((e) => e.name)).toContain('providers.ProviderRegistered');
  });
});
