/**
 * Profile target for block execution alone (signatures pre-verified): authors blocks of
 * transfers in process, then re-imports them. `node --cpu-prof --import tsx bench/profile-exec.ts`.
 */
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mkdtempSync } from 'node:fs';
import { hexToU8a } from '@polkadot/util';
import { cryptoWaitReady } from '@polkadot/util-crypto';
import { buildGenesisStorage, decodeExtrinsic, dinfraRuntime, Executive, type CheckedInput } from '@dinfra/runtime';
import { genesisStorageOf, loadChainSpec } from '../packages/node/src/chain-spec/index.ts';
import { genesisBlock } from '../packages/node/src/chain/genesis-block.ts';
import { buildBlock, importBlock } from '../packages/node/src/chain/execute-block.ts';
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
const xts: CheckedInput[] = accounts.map((a, i) => decodeExtrinsic(runtime, hexToU8a(signedTransfer(runtime, genesis.block.hash, a, accounts[(i + 1) % N]!.hex, 10n ** 9n, 0))));
for (const xt of xts) xt.signatureOk = true;
let t = performance.now();
const { record } = buildBlock(executive, genesis, 1_000_000n, xts, N + 1);
console.log(`author (no verification): ${((N * 1000) / (performance.now() - t)).toFixed(0)} tx/s`);
const verified = record.block.extrinsics.map((x) => Object.assign(decodeExtrinsic(runtime, x), { signatureOk: true }));
t = performance.now();
importBlock(executive, genesis, record.block, verified);
console.log(`import (no verification): ${((N * 1000) / (performance.now() - t)).toFixed(0)} tx/s`);
