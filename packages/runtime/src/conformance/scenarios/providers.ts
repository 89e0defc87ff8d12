import { DIN, hex } from '../../testing/fixtures.ts';
import { NOBODY, OP1, P1, P2, P3, offer, registerProvider, S1, subscribe, subscribedId, SUBSTRATE_NODE, RPC_ENDPOINT, FUNDED } from '../../testing/marketplace.ts';
import type { Harness } from '../../testing/harness.ts';
import type { Scenario } from './index.ts';
import { err, ok } from './expect.ts';

const funded = (extra: Array<[string, bigint]> = []): Array<[string, bigint]> => [...FUNDED.map((a) => [a, 10_000n * DIN] as [string, bigint]), ...extra];
const POOR = '0x' + '4d'.repeat(32);
const CIDV1 = 'bafkreigh2akiscaildcqabsyg3dfr6chu3fgpregiymsck7e7aqa4s52zy';
const CIDV0 = 'QmYwAPJzv5CZsnA625s3Xf2nemtYgPpHdWEz79ojWnPbdG';

/** Register, rename attempts, operator, pause / resume, deregister and register again. */
function registry(h: Harness): void {
  ok(registerProvider(h, P1, 'acme', OP1));
  err(registerProvider(h, P1, 'acme2'), 'Providers.AlreadyRegistered');
  err(h.tx(P2, 'Providers', 'register', { name: '0x', api_url: hex('https://x'), operator: P2 }), 'Providers.BadName');
  err(h.tx(P2, 'Providers', 'register', { name: hex('n'.repeat(65)), api_url: hex('https://x'), operator: P2 }), 'Providers.BadName');
  err(h.tx(P2, 'Providers', 'register', { name: hex('globex'), api_url: '0x', operator: P2 }), 'Providers.UrlTooLong');
  err(h.tx(P2, 'Providers', 'register', { name: hex('globex'), api_url: hex('u'.repeat(257)), operator: P2 }), 'Providers.UrlTooLong');
  err(registerProvider(h, P2, 'acme'), 'Providers.NameTaken');
  ok(h.tx(P2, 'Providers', 'register', { name: hex('g'.repeat(64)), api_url: hex('u'.repeat(256)), operator: P2 }));
  err(h.tx(POOR, 'Providers', 'register', { name: hex('poor'), api_url: hex('https://poor'), operator: POOR }), 'Balances.InsufficientBalance');
  h.nextBlock();
  err(h.tx(NOBODY, 'Providers', 'set_operator', { operator: NOBODY }), 'Providers.NotProvider');
  ok(h.tx(P1, 'Providers', 'set_operator', { operator: P3 }));
  err(h.tx(P1, 'Providers', 'resume'), 'Providers.NotPaused');
  ok(h.tx(P1, 'Providers', 'pause'));
  err(h.tx(P1, 'Providers', 'pause'), 'Providers.AlreadyPaused');
  err(h.tx(NOBODY, 'Providers', 'pause'), 'Providers.NotProvider');
  h.advance(3);
  ok(h.tx(P1, 'Providers', 'resume'));
  ok(offer(h, P1));
  ok(offer(h, P1, { typeId: RPC_ENDPOINT, regions: [] }));
  h.nextBlock();
  ok(h.tx(P1, 'Providers', 'deregister'));
  err(h.tx(P1, 'Providers', 'deregister'), 'Providers.NotProvider');
  ok(registerProvider(h, P3, 'acme'));
  ok(registerProvider(h, P1, 'acme-again', OP1));
}

/** Offerings: every check of set_offering and close_offering, in the documented order. */
function offerings(h: Harness): void {
  err(offer(h, P1), 'Providers.NotProvider');
  ok(registerProvider(h, P1, 'acme', OP1));
  ok(registerProvider(h, P2, 'globex'));
  err(offer(h, P1, { typeId: 99 }), 'Providers.UnknownDeploymentType');
  err(offer(h, P1, { typeId: 99, capacity: 0 }), 'Providers.UnknownDeploymentType');
  err(offer(h, P1, { capacity: 0 }), 'Providers.ZeroCapacity');
  err(offer(h, P1, { regions: Array.from({ length: 17 }, (_, i) => `r${i}`) }), 'Providers.TooManyRegions');
  err(offer(h, P1, { regions: ['eu', 'us', 'eu'] }), 'Providers.BadRegion');
  err(offer(h, P1, { regions: [''] }), 'Providers.BadRegion');
  err(offer(h, P1, { regions: ['r'.repeat(33)] }), 'Providers.BadRegion');
  ok(offer(h, P1, { regions: Array.from({ length: 16 }, (_, i) => `region-${i}`.padEnd(32, 'x')) }));
  ok(offer(h, P2, { capacity: 1, price: 0n, regions: [] }));
  ok(offer(h, P1, { capacity: 2, price: DIN / 50n, regions: ['eu-west', 'us-east'] }));
  err(h.tx(P1, 'Providers', 'close_offering', { type_id: RPC_ENDPOINT }), 'Providers.NoSuchOffering');
  h.nextBlock();
  const id = subscribedId(ok(subscribe(h, S1)));
  err(h.tx(P2, 'Providers', 'deregister'), 'Providers.HasLiveSubscriptions');
  ok(h.tx(P2, 'Providers', 'close_offering', { type_id: SUBSTRATE_NODE }));
  ok(offer(h, P2, { capacity: 0 + 1, price: DIN, open: false }));
  h.nextBlock();
  ok(h.tx(S1, 'Subscriptions', 'terminate', { id }));
  ok(h.tx(P2, 'Providers', 'close_offering', { type_id: SUBSTRATE_NODE }));
  ok(h.tx(P1, 'Providers', 'close_offering', { type_id: SUBSTRATE_NODE }));
  ok(offer(h, P2, { capacity: 3 }));
  ok(h.tx(P2, 'Providers', 'deregister'));
}

/** Deployment types: Root, a provider (with deposit), and every refusal. */
function deploymentTypes(h: Harness): void {
  ok(h.root('Providers', 'register_type', { name: hex('postgres'), schema_cid: hex(CIDV1) }));
  err(h.tx(NOBODY, 'Providers', 'register_type', { name: hex('redis'), schema_cid: hex(CIDV1) }), 'Providers.NotAllowed');
  err(h.dispatch({ type: 'None' }, { type: 'Providers', value: { type: 'register_type', value: { name: hex('redis'), schema_cid: hex(CIDV1) } } }), 'BadOrigin');
  ok(registerProvider(h, P1, 'acme'));
  err(h.tx(P1, 'Providers', 'register_type', { name: '0x', schema_cid: hex(CIDV1) }), 'Providers.BadName');
  err(h.tx(P1, 'Providers', 'register_type', { name: hex('redis'), schema_cid: hex('not-a-cid') }), 'Providers.InvalidCid');
  err(h.tx(P1, 'Providers', 'register_type', { name: hex('redis'), schema_cid: hex('Qm' + '0'.repeat(44)) }), 'Providers.InvalidCid');
  err(h.tx(P1, 'Providers', 'register_type', { name: hex('postgres'), schema_cid: hex(CIDV1) }), 'Providers.NameTaken');
  err(h.tx(P1, 'Providers', 'register_type', { name: hex('substrate-node'), schema_cid: hex(CIDV0) }), 'Providers.NameTaken');
  ok(h.tx(P1, 'Providers', 'register_type', { name: hex('redis'), schema_cid: hex(CIDV0) }));
  h.nextBlock();
  ok(h.tx(P1, 'Providers', 'register_type', { name: hex('kafka'), schema_cid: hex('zb2rhe5P4gXftAwvA4eXQ5HJwsER2owDyS9sKaQRRVQPn93bA') }));
  ok(offer(h, P1, { typeId: 6 }));
  ok(h.tx(P1, 'Providers', 'close_offering', { type_id: 6 }));
  ok(h.tx(P1, 'Providers', 'deregister'));
}

export const providerScenarios: Scenario[] = [
  {
    name: 'providers-registry',
    description: 'register (each check in order, the deposit reserve failing for a poor account), set_operator, pause / resume, deregister, registering again',
    genesis: { balances: funded([[POOR, 50n * DIN]]) },
    run: registry,
  },
  {
    name: 'providers-offerings',
    description: 'set_offering (each check in order), updating an offering, close_offering of a used offering (closed, kept) and of an unused one (removed), deregister refused while holding a live subscription',
    genesis: { balances: funded() },
    run: offerings,
  },
  {
    name: 'providers-deployment-types',
    description: 'register_type by Root (no deposit), by a provider (TypeDeposit), refused for another signed account and an unsigned origin, each check in order; a genesis with an extra deployment type',
    genesis: { balances: funded(), deploymentTypes: [{ name: 'genesis-extra', schemaCid: CIDV1 }] },
    run: deploymentTypes,
  },
];
