import { dinfraRuntime } from '@dinfra/runtime';
import type { BenchAccount } from './accounts.ts';
import { signedTransfer } from './transfers.ts';
import { WsRpc } from './ws-rpc.ts';
import { bestNumber, blockStats, type BlockStats } from './chain-reader.ts';

export interface StpsOptions {
  wsUrl: string;
  senders: BenchAccount[];
  /** Accounts used only to warm the node up (their transfers are not counted). */
  warmup: BenchAccount[];
  connections: number;
  batchSize: number;
  timeoutMs: number;
}

export interface StpsResult {
  transfers: number;
  accepted: number;
  rejected: number;
  blocks: BlockStats[];
  /** transfers in blocks 2..k / (ts_k - ts_1), blocks 1..k = those with transfers */
  stps: number;
  /** all transfers / (ts_k - ts_1) */
  stpsInclusive: number;
  /** transfers / (client time of the last inclusion seen - time of the first send) */
  wallTps: number;
  submitMs: number;
  signMs: number;
  firstBlock: number;
  lastBlock: number;
}

/** Signs one transfer per sender (to the next sender), in advance. */
function signAll(genesisHash: string, senders: BenchAccount[]): string[] {
  const runtime = dinfraRuntime();
  return senders.map((a, i) => signedTransfer(runtime, genesisHash, a, senders[(i + 1) % senders.length]!.hex, 1_000_000_000n, 0));
}

async function submit(conns: WsRpc[], txs: string[], batchSize: number): Promise<{ accepted: number; errors: Map<string, number> }> {
  const batches: Array<Promise<PromiseSettledResult<string>[]>> = [];
  for (let i = 0, b = 0; i < txs.length; i += batchSize, b++) {
    const conn = conns[b % conns.length]!;
    batches.push(conn.batch<string>(txs.slice(i, i + batchSize).map((x) => ['author_submitExtrinsic', [x]])));
  }
  let accepted = 0;
  const errors = new Map<string, number>();
  for (const r of (await Promise.all(batches)).flat()) {
    if (r.status === 'fulfilled') accepted++;
    else errors.set(String((r.reason as Error).message), (errors.get(String((r.reason as Error).message)) ?? 0) + 1);
  }
  return { accepted, errors };
}

/** Waits until `count` more extrinsics (besides inherents) have landed after block `after`. */
async function waitIncluded(rpc: WsRpc, after: number, count: number, timeoutMs: number): Promise<{ last: number; at: number }> {
  const started = performance.now();
  let seen = 0;
  let n = after;
  let at = performance.now();
  while (seen < count) {
    if (performance.now() - started > timeoutMs) throw new Error(`only ${seen}/${count} transactions included after ${timeoutMs} ms`);
    const best = await bestNumber(rpc);
    if (best === n) {
      await new Promise((r) => setTimeout(r, 10));
      continue;
    }
    at = performance.now();
    for (n++; n <= best; n++) {
      const hash = await rpc.call<string>('chain_getBlockHash', [n]);
      const block = await rpc.call<{ block: { extrinsics: string[] } }>('chain_getBlock', [hash]);
      seen += block.block.extrinsics.length - 1;
    }
    n = best;
  }
  return { last: n, at };
}

/**
 * sTPS the polkadot-stps way: every sender submits one pre-signed transfer_keep_alive as fast as
 * possible; Balances.Transfer events are counted per block against Timestamp.Now.
 */
export async function runStps(o: StpsOptions): Promise<StpsResult> {
  const conns = await Promise.all(Array.from({ length: o.connections }, () => WsRpc.connect(o.wsUrl)));
  const rpc = conns[0]!;
  const genesisHash = await rpc.call<string>('chain_getBlockHash', [0]);
  const t0 = performance.now();
  const txs = signAll(genesisHash, o.senders);
  const warm = signAll(genesisHash, o.warmup);
  const signMs = performance.now() - t0;

  // Warm-up (JIT, caches): not counted.
  let before = await bestNumber(rpc);
  const w = await submit(conns, warm, o.batchSize);
  await waitIncluded(rpc, before, w.accepted, o.timeoutMs);

  before = await bestNumber(rpc);
  const sendStart = performance.now();
  const { accepted, errors } = await submit(conns, txs, o.batchSize);
  const submitMs = performance.now() - sendStart;
  if (errors.size) console.error('submission errors:', Object.fromEntries(errors));
  const { last, at } = await waitIncluded(rpc, before, accepted, o.timeoutMs);
  const wallTps = (accepted * 1000) / (at - sendStart);

  const blocks = (await blockStats(rpc, before + 1, last)).filter((b) => b.transfers > 0);
  for (const c of conns) c.close();
  const transfers = blocks.reduce((n, b) => n + b.transfers, 0);
  const first = blocks[0]!;
  const lastB = blocks[blocks.length - 1]!;
  const span = (lastB.timestamp - first.timestamp) / 1000;
  return {
    transfers,
    accepted,
    rejected: txs.length - accepted,
    blocks,
    stps: span > 0 ? (transfers - first.transfers) / span : NaN,
    stpsInclusive: span > 0 ? transfers / span : NaN,
    wallTps,
    submitMs,
    signMs,
    firstBlock: first.number,
    lastBlock: lastB.number,
  };
}

