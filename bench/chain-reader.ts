import { hexToU8a } from '@polkadot/util';
import { MapState, SystemStorage, TimestampStorage } from '@dinfra/runtime';
import type { WsRpc } from './ws-rpc.ts';

export interface BlockJson {
  block: { header: { parentHash: string; number: string; stateRoot: string; extrinsicsRoot: string; digest: { logs: string[] } }; extrinsics: string[] };
}

export interface BlockStats {
  number: number;
  hash: string;
  /** Timestamp.Now of the block, ms */
  timestamp: number;
  /** Balances.Transfer events in the block */
  transfers: number;
  extrinsics: number;
}

const EVENTS_KEY = SystemStorage.Events.key();
const NOW_KEY = TimestampStorage.Now.key();

export async function bestNumber(rpc: WsRpc): Promise<number> {
  const h = await rpc.call<{ number: string }>('chain_getHeader');
  return Number(h.number);
}

/** Events and timestamp of blocks `from..to` (inclusive), read over RPC and decoded with the runtime's codecs. */
export async function blockStats(rpc: WsRpc, from: number, to: number): Promise<BlockStats[]> {
  const out: BlockStats[] = [];
  for (let n = from; n <= to; n++) {
    const hash = await rpc.call<string>('chain_getBlockHash', [n]);
    const [events, now, block] = await Promise.all([
      rpc.call<string | null>('state_getStorage', [EVENTS_KEY, hash]),
      rpc.call<string | null>('state_getStorage', [NOW_KEY, hash]),
      rpc.call<BlockJson>('chain_getBlock', [hash]),
    ]);
    const state = new MapState(new Map<string, Uint8Array>());
    if (events) state.set(EVENTS_KEY, hexToU8a(events));
    if (now) state.set(NOW_KEY, hexToU8a(now));
    const records = (SystemStorage.Events.get(state) ?? []) as Array<{ event: { type: string; value: { type: string } } }>;
    const transfers = records.filter((r) => r.event.type === 'Balances' && r.event.value.type === 'Transfer').length;
    out.push({ number: n, hash, timestamp: Number(TimestampStorage.Now.get(state) ?? 0n), transfers, extrinsics: block.block.extrinsics.length });
  }
  return out;
}
