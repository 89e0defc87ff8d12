import { DIN, account, hex } from '../../testing/fixtures.ts';
import { FUNDED, OP1, P1, P2, S1, S2, named, offer, registerProvider, report, selector, subscribe, subscribedId, twoProviders } from '../../testing/marketplace.ts';
import type { Harness } from '../../testing/harness.ts';
import type { Scenario } from './index.ts';
import { event, ok } from './expect.ts';

const funded = (extra: string[] = []): Array<[string, bigint]> => [...FUNDED, ...extra].map((a) => [a, 10_000n * DIN]);

/** dinfra.md's worked example, a FundsLow at once, then the purge TerminatedRetention blocks later. */
function expiry(h: Harness): void {
  ok(registerProvider(h, P1, 'acme', OP1));
  ok(offer(h, P1, { price: 3_000_000_000n, capacity: 3 }));
  ok(registerProvider(h, P2, 'globex'));
  ok(offer(h, P2, { price: DIN / 20n, capacity: 3 }));
  const id = subscribedId(ok(subscribe(h, S1, named(P1), DIN + 1n, DIN)));
  ok(report(h, P1, id, 'Provisioning'));
  h.advanceTo(10);
  const started = event(ok(report(h, OP1, id, 'Running')), 'Subscriptions', 'BillingStarted');
  if (started.expires_at !== 344) throw new Error(`worked example: expiry at ${started.expires_at}, not 344`);
  // 1 DIN at 0.05 DIN a block lasts 20 blocks (< LowFundsWarning): FundsLow at once.
  const id2 = subscribedId(ok(subscribe(h, S2, named(P2), DIN, DIN)));
  ok(report(h, P2, id2, 'Provisioning'));
  h.nextBlock();
  ok(report(h, P2, id2, 'Running'));
  h.advanceTo(20);
  ok(h.tx(S2, 'Subscriptions', 'top_up', { id: id2, amount: DIN / 2n }));
  h.advanceTo(344 + 14_400 + 1);
}

/** Ack timeouts and Failed reports: re-awards, the three termination reasons, billing across a re-award. */
function awardLoss(h: Harness): void {
  twoProviders(h);
  const viaSelector = subscribedId(ok(subscribe(h, S1, selector())));
  const viaName = subscribedId(ok(subscribe(h, S2, named(P2))));
  const failedNamed = subscribedId(ok(subscribe(h, S2, named(P1))));
  ok(report(h, P1, failedNamed, 'Provisioning'));
  h.nextBlock();
  ok(report(h, OP1, failedNamed, 'Failed', undefined, 'descriptor schema error: /role must be one of rpc, archive'));
  const r = ok(subscribe(h, S1, selector(), 5n * DIN));
  const billed = subscribedId(r);
  const first: string = event(r, 'Subscriptions', 'Awarded').provider;
  ok(report(h, first, billed, 'Provisioning'));
  ok(report(h, first, billed, 'Running'));
  h.advance(6);
  const second: string = event(ok(report(h, first, billed, 'Failed', undefined, '')), 'Subscriptions', 'Awarded').provider;
  h.advance(3);
  ok(report(h, second, billed, 'Provisioning'));
  ok(report(h, second, billed, 'Running', ['wss://second.example']));
  h.advanceTo(45);
  void viaSelector;
  void viaName;
  ok(h.tx(S1, 'Subscriptions', 'terminate', { id: billed }));
}

const MANY = Array.from({ length: 9 }, (_, i) => account(31 + i));

/** A subscription awarded MaxAwardAttempts times, each provider failing it: terminated after the eighth. */
function maxAttempts(h: Harness): void {
  MANY.forEach((p, i) => {
    ok(h.tx(p, 'Providers', 'register', { name: hex(`p${i}`), api_url: hex(`https://p${i}.example`), operator: p }));
    ok(offer(h, p, { price: DIN / 1000n * BigInt(i + 1), regions: [] }));
  });
  const id = subscribedId(ok(subscribe(h, S1, selector())));
  for (let i = 0; i < 8; i++) {
    h.nextBlock();
    ok(report(h, MANY[i]!, id, 'Failed', undefined, `attempt ${i + 1} failed`));
  }
}

export const hookScenarios: Scenario[] = [
  {
    name: 'subscriptions-expiry',
    description: 'the worked example of dinfra.md (FundsLow in block 244, expiry and OutOfFunds in 344), a FundsLow emitted at once, a top-up while low, and the purge TerminatedRetention blocks after termination',
    genesis: { balances: funded() },
    run: expiry,
  },
  {
    name: 'subscriptions-award-loss',
    description: 'ack timeouts and Failed reports: re-award to the next provider, terminations NoProvider (selector), ProviderTimeout (named), ProviderFailed; a billed subscription re-awarded after Failed',
    genesis: { balances: funded() },
    run: awardLoss,
  },
  {
    name: 'subscriptions-max-award-attempts',
    description: 'nine providers; a subscription lost by eight of them in turn is terminated (MaxAwardAttempts) though a ninth could serve it',
    genesis: { balances: funded(MANY) },
    run: maxAttempts,
  },
];
