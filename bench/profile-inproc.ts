/**
 * In-process profile target: validates (pool path), authors and re-imports blocks of transfers
 * without RPC. `node --cpu-prof --import tsx bench/profile-inproc.ts`.
 */
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mkdtempSync } from 'node:fs';
import { hexToU8a } from '@polkadot/util';
import { cryptoWaitReady } from '@polkadot/util-crypto';
import { buildGenesisStorage, decodeExtrinsic, dinfraRuntime, Executive } from '@dinfra/runtime';
import { genesisStorageOf, loadChainSpec } from '../packages/node/src/chain-spec/index.ts';
import { genesisBlock } from '../packages/node/src/chain/genesis-block.ts';
import { buildBlock, importBlocksChecked } from '../packages/node/src/chain/execute-block.ts';
import { Chain } from '../packages/node/src/chain/chain.ts';
import { TransactionPool } from '../packages/node/src/pool/pool.ts';
import { benchAccounts, writeBenchSpec } from './accounts.ts';
import { signedTransfer } from './transfers.ts';

await cryptoWaitReady();
const N = Number(process.env.BENCH_TXS ?? 4000);
const accounts = benchAccounts(N);
const spec = join(mkdtempSync(join(tmpdir(), 'dinfra-prof-')), 'spec.json');
writeBenchSpec(spec, accounts);
const genesis = genesisBlock(genesisStorageOf(loadChainSpec(spec), buildGenesisStorage));
const runtime = dinfraRuntime();
const executive = new Executive(runtime, { genesisHash: genesis.block.hash });
const txs = accounts.map((a, i) => hexToU8a(signedTransfer(runtime, genesis.block.hash, a, accounts[(i + 1) % N]!.hex, 10n ** 9n, 0)));

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
void decodeExtrinsic;
