/** The provider OGate serves: `--provider`, or the one whose operator is the key (waits until one is). */
import type { ApiPromise } from '@polkadot/api';
import type { Logger } from 'pino';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function resolveProvider(api: ApiPromise, operator: string, explicit: string | undefined, log: Logger, signal?: AbortSignal): Promise<string> {
  let warned = false;
  for (;;) {
    if (signal?.aborted) throw new Error('aborted');
    if (explicit) {
      const info = await api.query.providers.providers(explicit);
      if (info.isSome) {
        const op = info.unwrap().operator.toString();
        if (op !== operator) log.warn({ provider: explicit, operator: op, key: operator }, 'the key is not the provider\'s operator: reports will fail until set_operator names it');
        return api.createType('AccountId', explicit).toString();
      }
    } else {
      for (const [key, info] of await api.query.providers.providers.entries()) {
        if (info.isSome && info.unwrap().operator.toString() === operator) return key.args[0].toString();
      }
    }
    if (!warned) {
      log.warn({ operator, provider: explicit }, explicit ? 'provider not registered yet; waiting' : 'no provider has this key as operator yet; waiting (register with `dinfra provider register`)');
      warned = true;
    }
    await sleep(2000);
  }
}
