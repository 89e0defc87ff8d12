/**
 * In-process profile target: validates (pool path), authors and re-imports blocks of transfers
 * without RPC. `node --cpu-prof --import tsx bench/profile-inproc.ts`.
 */
import { buildBlock, importBlocksChecked } from '../packages/node/src/chain/execute-block.ts';
import { Chain } from '../packages/node/src/chain/chain.ts';
import { TransactionPool } from '../packages/node/src/pool/pool.ts';
import { inprocChain } from './inproc-chain.ts';

const N = Number(process.env.BENCH_TXS ?? 4000);
const { genesis, executive, transfers: txs } = await inprocChain(N);

const chain = new Chain(genesis);
const pool = new TransactionPool(chain, executive);
let t = performance.now();
for (let i = 0; i < N; i += 250) await Promise.all(txs.slice(i, i + 250).map((tx) => pool.submit(tx)));
console.log(`pool submit: ${((N * 1000) / (performance.now() - t)).toFixed(0)} tx/s`);
t = performance.now();
let now = 1_000_000n;
while (pool.size > 0) {
  const { record, applied } = buildBlock(executive, chain.best, (now += 6000n), pool.candidates(), 1001);
  chain.append(record);
  pool.onBlock(record, new Set(applied.map((a) => a.xt.hash)));
}
console.log(`author: ${((N * 1000) / (performance.now() - t)).toFixed(0)} tx/s in ${chain.best.block.header.number} blocks`);
let parent = genesis;
t = performance.now();
const blocks = Array.from({ length: chain.best.block.header.number }, (_, i) => chain.byNumber(i + 1)!.block);
parent = (await importBlocksChecked(executive, parent, blocks)).at(-1)!;
console.log(`import: ${((N * 1000) / (performance.now() - t)).toFixed(0)} tx/s`);
