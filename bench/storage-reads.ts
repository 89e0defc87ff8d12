import { SystemStorage } from '@dinfra/runtime';
import type { BenchAccount } from './accounts.ts';
import { WsRpc } from './ws-rpc.ts';

/**
 * `state_getStorage` (System.Account of bench accounts, at the best block) over `connections`
 * WebSockets, each keeping `inFlight` single requests outstanding. Returns requests/s.
 */
export async function benchStorageReads(wsUrl: string, accounts: BenchAccount[], total: number, connections = 4, inFlight = 64): Promise<number> {
  const conns = await Promise.all(Array.from({ length: connections }, () => WsRpc.connect(wsUrl)));
  const keys = accounts.map((a) => SystemStorage.Account.key(a.hex));
  let next = 0;
  let done = 0;
  const worker = async (rpc: WsRpc) => {
    while (next < total) {
      const key = keys[next++ % keys.length]!;
      const v = await rpc.call<string | null>('state_getStorage', [key]);
      if (!v) throw new Error(`no account at ${key}`);
      done++;
    }
  };
  // warm-up
  await Promise.all(conns.map((c) => c.call('state_getStorage', [keys[0]])));
  const start = performance.now();
  await Promise.all(conns.flatMap((c) => Array.from({ length: inFlight }, () => worker(c))));
  const rate = (done * 1000) / (performance.now() - start);
  for (const c of conns) c.close();
  return rate;
}
