/**
 * Profile target for block execution alone (signatures pre-verified): authors blocks of
 * transfers in process, then re-imports them. `node --cpu-prof --import tsx bench/profile-exec.ts`.
 */
import { decodeExtrinsic, type CheckedInput } from '@dinfra/runtime';
import { buildBlock, importBlock } from '../packages/node/src/chain/execute-block.ts';
import { inprocChain } from './inproc-chain.ts';

const N = Number(process.env.BENCH_TXS ?? 4000);
const { genesis, runtime, executive, transfers } = await inprocChain(N);
const xts: CheckedInput[] = transfers.map((bytes) => decodeExtrinsic(runtime, bytes));
for (const xt of xts) xt.signatureOk = true;
let t = performance.now();
const { record } = buildBlock(executive, genesis, 1_000_000n, xts, N + 1);
console.log(`author (no verification): ${((N * 1000) / (performance.now() - t)).toFixed(0)} tx/s`);
const verified = record.block.extrinsics.map((x) => Object.assign(decodeExtrinsic(runtime, x), { signatureOk: true }));
t = performance.now();
importBlock(executive, genesis, record.block, verified);
console.log(`import (no verification): ${((N * 1000) / (performance.now() - t)).toFixed(0)} tx/s`);
