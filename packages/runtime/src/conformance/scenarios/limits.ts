import { DIN, hex } from '../../testing/fixtures.ts';
import { offer } from '../../testing/marketplace.ts';
import { MAX_OFFERINGS_PER_TYPE } from '../../pallets/providers/constants.ts';
import type { Harness } from '../../testing/harness.ts';
import type { Scenario } from './index.ts';
import { err, ok } from './expect.ts';

/** Provider `i` of the bulk scenario: 4 bytes of `i` then 28 bytes 0xee. */
const bulk = (i: number): string => '0x' + i.toString(16).padStart(8, '0') + 'ee'.repeat(28);
const PROVIDERS = Array.from({ length: MAX_OFFERINGS_PER_TYPE + 1 }, (_, i) => bulk(i));

/** MaxOfferingsPerType providers offer one type; the next is refused, then takes a freed place. */
function tooManyOfferings(h: Harness): void {
  PROVIDERS.forEach((p, i) => ok(h.tx(p, 'Providers', 'register', { name: hex(`b${i}`), api_url: hex('https://b'), operator: p })));
  h.nextBlock();
  for (const p of PROVIDERS.slice(0, MAX_OFFERINGS_PER_TYPE)) ok(offer(h, p, { capacity: 1, price: 0n, regions: [] }));
  h.nextBlock();
  const last = PROVIDERS[MAX_OFFERINGS_PER_TYPE]!;
  err(offer(h, last, { capacity: 1, price: 0n, regions: [] }), 'Providers.TooManyOfferings');
  ok(offer(h, last, { typeId: 1, capacity: 1, price: 0n, regions: [] }));
  ok(h.tx(PROVIDERS[7]!, 'Providers', 'close_offering', { type_id: 0 }));
  ok(offer(h, last, { capacity: 1, price: 0n, regions: [] }));
}

export const limitScenarios: Scenario[] = [
  {
    name: 'providers-max-offerings',
    description: `MaxOfferingsPerType (${MAX_OFFERINGS_PER_TYPE}) providers offer substrate-node; one more is refused (TooManyOfferings) until one closes (its storage is large: blocks give only storage roots)`,
    genesis: { balances: PROVIDERS.map((p) => [p, 1000n * DIN]), checkedAccounts: [PROVIDERS[0]!, PROVIDERS[7]!, PROVIDERS[MAX_OFFERINGS_PER_TYPE]!] },
    run: tooManyOfferings,
  },
];
