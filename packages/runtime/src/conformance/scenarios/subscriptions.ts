import { CID, DIN, account, hex } from '../../testing/fixtures.ts';
import {
  FUNDED, NOBODY, OP1, P1, P2, P3, RPC_ENDPOINT, S1, S2, SUBSTRATE_NODE,
  named, offer, registerProvider, report, selector, subscribe, subscribedId, twoProviders,
} from '../../testing/marketplace.ts';
import type { Harness } from '../../testing/harness.ts';
import type { Scenario } from './index.ts';
import { err, ok } from './expect.ts';

const funded = (extra: Array<[string, bigint]> = []): Array<[string, bigint]> => [...FUNDED.map((a) => [a, 10_000n * DIN] as [string, bigint]), ...extra];
const POOR = '0x' + '4d'.repeat(32);
const sub = (h: Harness, who: string, target: unknown, fields: { cid?: string; deposit?: bigint; max?: bigint } = {}) =>
  h.tx(who, 'Subscriptions', 'subscribe', { target, descriptor_cid: fields.cid ?? CID, deposit: fields.deposit ?? 10n * DIN, max_price_per_block: fields.max ?? DIN });

/** subscribe: every check in order, then the award's preferences (utilization, price, live subscriptions, account). */
function subscribeChecks(h: Harness): void {
  err(sub(h, S1, selector(), { cid: hex('Qm-not-a-cid') }), 'Subscriptions.InvalidCid');
  err(sub(h, S1, selector(), { cid: hex('bafy'), deposit: 1n }), 'Subscriptions.InvalidCid');
  err(sub(h, S1, selector(), { deposit: DIN - 1n }), 'Subscriptions.DepositBelowMinimum');
  err(sub(h, S1, selector(SUBSTRATE_NODE, Array.from({ length: 17 }, (_, i) => account(100 + i)))), 'Subscriptions.TooManyAllowedProviders');
  err(sub(h, S1, selector(SUBSTRATE_NODE, undefined, '')), 'Subscriptions.BadRegion');
  err(sub(h, S1, selector(SUBSTRATE_NODE, undefined, 'r'.repeat(33))), 'Subscriptions.BadRegion');
  err(sub(h, S1, selector(99)), 'Subscriptions.UnknownDeploymentType');
  err(sub(h, S1, named(P1)), 'Subscriptions.UnknownProvider');
  err(sub(h, S1, selector()), 'Subscriptions.NoOfferingOfType');
  ok(registerProvider(h, P1, 'acme', OP1));
  ok(registerProvider(h, P2, 'globex'));
  ok(registerProvider(h, P3, 'initech'));
  err(sub(h, S1, named(P1)), 'Subscriptions.NoOfferingOfType');
  ok(offer(h, P1, { capacity: 2, price: DIN / 100n, regions: ['eu-west'] }));
  ok(offer(h, P2, { capacity: 4, price: DIN / 50n, regions: ['us-east'] }));
  ok(offer(h, P3, { capacity: 1, price: DIN / 10n, regions: ['eu-west'], open: false }));
  err(sub(h, S1, selector(SUBSTRATE_NODE, [])), 'Subscriptions.NoOfferingOfType');
  err(sub(h, S1, selector(SUBSTRATE_NODE, [P3])), 'Subscriptions.NoOfferingOfType');
  err(sub(h, S1, selector(SUBSTRATE_NODE, undefined, 'ap-south')), 'Subscriptions.NoOfferingInRegion');
  err(sub(h, S1, selector(), { max: DIN / 200n }), 'Subscriptions.AllOfferingsTooExpensive');
  err(sub(h, POOR, selector(), { deposit: 60n * DIN }), 'Balances.InsufficientBalance');
  h.nextBlock();
  // Equal utilization (0): the cheaper P1; then P1 at 1/2 and P2 at 0: P2; then P2 (1/4) before P1 (1/2).
  ok(sub(h, S1, selector()));
  ok(sub(h, S2, selector()));
  ok(sub(h, S1, selector(), { deposit: DIN }));
  ok(sub(h, S2, selector(SUBSTRATE_NODE, [P1, P3], 'eu-west')));
  err(sub(h, S1, selector(SUBSTRATE_NODE, [P1])), 'Subscriptions.AllOfferingsFull');
  err(sub(h, S1, named(P1)), 'Subscriptions.AllOfferingsFull');
  ok(h.tx(P3, 'Providers', 'set_offering', { type_id: SUBSTRATE_NODE, capacity: 1, price_per_block: 0n, regions: [], open: true }));
  ok(h.tx(P3, 'Providers', 'pause'));
  err(sub(h, S1, named(P3)), 'Subscriptions.NoOfferingOfType');
  h.nextBlock();
  ok(h.tx(P3, 'Providers', 'resume'));
  ok(sub(h, S1, named(P3), { deposit: DIN, max: 0n }));
  ok(offer(h, P1, { typeId: RPC_ENDPOINT, capacity: 5, price: DIN / 100n, regions: [] }));
  ok(offer(h, P2, { typeId: RPC_ENDPOINT, capacity: 5, price: DIN / 100n, regions: [] }));
  // Equal utilization and price: fewer live subscriptions (P1 has 2, P2 has 2: the smaller account, P1).
  ok(sub(h, S2, selector(RPC_ENDPOINT)));
  ok(sub(h, S2, selector(RPC_ENDPOINT)));
}

/** One subscription's whole life: reports, billing, top-up, settle, every refusal on the way, termination. */
function lifecycle(h: Harness): void {
  twoProviders(h);
  const id = subscribedId(ok(subscribe(h, S1, named(P1), 10n * DIN, DIN)));
  err(h.tx(S1, 'Subscriptions', 'settle', { id }), 'Subscriptions.NotBilling');
  err(report(h, P2, id, 'Provisioning'), 'Subscriptions.NotAssignedProvider');
  err(report(h, P1, id, 'Running'), 'Subscriptions.IllegalTransition');
  err(report(h, P1, id, 'Degraded'), 'Subscriptions.IllegalTransition');
  h.nextBlock();
  ok(report(h, OP1, id, 'Provisioning'));
  err(report(h, P1, id, 'Provisioning'), 'Subscriptions.IllegalTransition');
  ok(h.tx(S1, 'Subscriptions', 'top_up', { id, amount: DIN }));
  h.advance(2);
  err(report(h, P1, id, 'Running', []), 'Subscriptions.TooManyEndpoints');
  err(report(h, P1, id, 'Running', Array.from({ length: 9 }, (_, i) => `wss://n${i}`)), 'Subscriptions.TooManyEndpoints');
  err(report(h, P1, id, 'Running', ['']), 'Subscriptions.BadEndpoint');
  err(report(h, P1, id, 'Running', ['w'.repeat(257)]), 'Subscriptions.BadEndpoint');
  err(report(h, P1, id, 'Failed', undefined, 'x'.repeat(257)), 'Subscriptions.BadReason');
  err(h.tx(P1, 'Subscriptions', 'report_status', { id, report: { type: 'Failed', value: { reason: '0xc0af' } } }), 'Subscriptions.BadReason');
  ok(report(h, P1, id, 'Running', ['wss://a.example:443', 'w'.repeat(256)]));
  h.advance(5);
  err(h.tx(S2, 'Subscriptions', 'top_up', { id, amount: DIN }), 'Subscriptions.NotSubscriber');
  err(h.tx(S1, 'Subscriptions', 'top_up', { id, amount: 0n }), 'Subscriptions.ZeroAmount');
  err(h.tx(S1, 'Subscriptions', 'top_up', { id: 77n, amount: DIN }), 'Subscriptions.UnknownSubscription');
  ok(h.tx(S1, 'Subscriptions', 'top_up', { id, amount: 2n * DIN }));
  h.advance(3);
  ok(report(h, OP1, id, 'Degraded'));
  ok(h.tx(NOBODY, 'Subscriptions', 'settle', { id }));
  h.advance(4);
  ok(report(h, P1, id, 'Running', ['wss://b.example']));
  ok(report(h, P1, id, 'Running', ['wss://c.example']));
  err(report(h, P1, id, 'Running', ['wss://c.example']), 'Subscriptions.IllegalTransition');
  h.nextBlock();
  err(h.tx(NOBODY, 'Subscriptions', 'terminate', { id }), 'Subscriptions.NotAllowed');
  err(h.tx(P2, 'Subscriptions', 'terminate', { id }), 'Subscriptions.NotAllowed');
  err(h.tx(S1, 'Subscriptions', 'terminate', { id: 5n }), 'Subscriptions.UnknownSubscription');
  ok(h.tx(S1, 'Subscriptions', 'terminate', { id }));
  err(h.tx(S1, 'Subscriptions', 'terminate', { id }), 'Subscriptions.AlreadyTerminated');
  err(report(h, P1, id, 'Provisioning'), 'Subscriptions.AlreadyTerminated');
  err(h.tx(S1, 'Subscriptions', 'top_up', { id, amount: DIN }), 'Subscriptions.AlreadyTerminated');
  err(h.tx(S1, 'Subscriptions', 'settle', { id }), 'Subscriptions.AlreadyTerminated');
  h.nextBlock();
  // Terminated by the provider's operator while billing; by the provider before billing.
  const id2 = subscribedId(ok(subscribe(h, S2, named(P1))));
  ok(report(h, P1, id2, 'Provisioning'));
  ok(report(h, P1, id2, 'Running'));
  h.advance(7);
  ok(h.tx(OP1, 'Subscriptions', 'terminate', { id: id2 }));
  const id3 = subscribedId(ok(subscribe(h, S2, named(P2))));
  ok(h.tx(P2, 'Subscriptions', 'terminate', { id: id3 }));
}

export const subscriptionScenarios: Scenario[] = [
  {
    name: 'subscriptions-subscribe',
    description: 'subscribe: each check in the documented order (the award\'s errors and the deposit reserve included), then awards by utilization, price, live subscriptions and account; a paused provider gets no award; a free offering',
    genesis: { balances: funded([[POOR, 50n * DIN]]) },
    run: subscribeChecks,
  },
  {
    name: 'subscriptions-lifecycle',
    description: 'one subscription from award to termination: every report_status refusal, top_up before and during billing, settle by anyone, Degraded and back, terminate refusals, terminations by subscriber, operator and provider',
    genesis: { balances: funded() },
    run: lifecycle,
  },
];
