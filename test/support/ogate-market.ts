/**
 * The setup the OGate tests share: a dev node, provider //Alice whose operator is //Bob (OGate's
 * key) with the given offerings, and an OGate for it with its content store and a reactor token.
 */
import type { ApiPromise } from '@polkadot/api';
import type { KeyringPair } from '@polkadot/keyring/types';
import type { ContentStore } from '@dinfra/content';
import { connectApi, devKeyring } from './chain-helpers.ts';
import { startNode, type RunningNode } from './node-process.ts';
import { contentStore, mintToken, registerProvider, startOGate, tempDir, type OfferingSpec, type RunningOGate } from './ogate.ts';

export interface OGateMarket {
  node: RunningNode;
  api: ApiPromise;
  alice: KeyringPair;
  bob: KeyringPair;
  charlie: KeyringPair;
  dave: KeyringPair;
}

/** A dev node (`nodeArgs`, default `--dev`) with provider //Alice (operator //Bob) offering `offerings`. */
export async function startOGateMarket(o: { nodeArgs?: string[]; offerings?: OfferingSpec[] } = {}): Promise<OGateMarket> {
  const node = await startNode(o.nodeArgs ?? ['--dev']);
  const api = await connectApi(node.wsUrl);
  const k = devKeyring();
  const [alice, bob, charlie, dave] = ['//Alice', '//Bob', '//Charlie', '//Dave'].map((s) => k.addFromUri(s)) as [KeyringPair, KeyringPair, KeyringPair, KeyringPair];
  await registerProvider(api, alice, bob.address, 'alice-infra', o.offerings ?? [{ typeId: 0 }]);
  return { node, api, alice, bob, charlie, dave };
}

export interface ServedOGate {
  og: RunningOGate;
  store: ContentStore;
  token: string;
}

/** OGate for //Alice (signing as //Bob), its embedded content store, and a token for `types`. */
export async function startServedOGate(m: OGateMarket, o: { args?: string[]; env?: Record<string, string>; types?: string[] } = {}): Promise<ServedOGate> {
  const og = await startOGate({ wsUrl: m.node.wsUrl, suri: '//Bob', dataDir: tempDir(), ...(o.args ? { args: o.args } : {}), ...(o.env ? { env: o.env } : {}) });
  const store = await contentStore(og.ipfsRepo);
  const token = await mintToken(og.dataDir, o.types ?? ['substrate-node']);
  return { og, store, token };
}

/** Stops what was started, in reverse (each part may be missing when a setup failed half-way). */
export async function stopOGateMarket(m: Partial<OGateMarket> | undefined, s?: Partial<ServedOGate>): Promise<void> {
  await s?.store?.close();
  await s?.og?.kill();
  await m?.api?.disconnect();
  await m?.node?.kill();
}
