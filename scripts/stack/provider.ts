// Registers the stack's provider (//Bob, operator //Dave) and its open offerings, once: a
// second start finds them on chain and changes nothing.
import { run } from './children.ts';
import { BIN } from './paths.ts';

export const PROVIDER_SURI = '//Bob';
export const OPERATOR_SURI = '//Dave';
export const OPERATOR_ADDRESS = '5DAAnrj7VHTznn2AWBemMuyBwZWs6FNFjdyVXUeYum3PTXFy';

export interface Offer {
  readonly type: string;
  readonly capacity: number;
  readonly price: string;
}

export const OFFERS: readonly Offer[] = [
  { type: 'substrate-node', capacity: 20, price: '1m' },
  { type: 'rpc-endpoint', capacity: 5, price: '5m' },
];

export async function ensureProvider(rpcUrl: string, apiUrl: string, log: (line: string) => void): Promise<void> {
  const env = { ...process.env, DINFRA_URL: rpcUrl, DINFRA_SURI: PROVIDER_SURI };
  const cli = (...args: string[]) => run(process.execPath, [BIN.cli, ...args], env);
  let shown: { offerings?: { type?: string }[] } | undefined;
  try {
    shown = (JSON.parse(await cli("provider", "show", "--json")) as { provider?: typeof shown }).provider;
  } catch {
    shown = undefined;
  }
  if (!shown) {
    log('registering provider //Bob (operator //Dave) ...');
    await cli('provider', 'register', '--name', 'local-bob', '--api-url', apiUrl, '--operator', OPERATOR_ADDRESS);
  }
  const offered = new Set((shown?.offerings ?? []).map((o) => o.type));
  for (const offer of OFFERS) {
    if (offered.has(offer.type)) continue;
    log(`offering ${offer.type} (capacity ${offer.capacity}, ${offer.price} DIN per block) ...`);
    await cli('provider', 'offer', offer.type, '--capacity', String(offer.capacity), '--price', offer.price, '--region', 'local');
  }
}
