/** An in-process chain for profiling: N funded accounts and one signed transfer from each. */
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mkdtempSync } from 'node:fs';
import { hexToU8a } from '@polkadot/util';
import { cryptoWaitReady } from '@polkadot/util-crypto';
import { buildGenesisStorage, dinfraRuntime, Executive } from '@dinfra/runtime';
import { genesisStorageOf, loadChainSpec } from '../packages/node/src/chain-spec/index.ts';
import { genesisBlock } from '../packages/node/src/chain/genesis-block.ts';
import { benchAccounts, writeBenchSpec } from './accounts.ts';
import { signedTransfer } from './transfers.ts';

export async function inprocChain(n: number) {
  await cryptoWaitReady();
  const accounts = benchAccounts(n);
  const spec = join(mkdtempSync(join(tmpdir(), 'dinfra-prof-')), 'spec.json');
  writeBenchSpec(spec, accounts);
  const genesis = genesisBlock(genesisStorageOf(loadChainSpec(spec), buildGenesisStorage));
  const runtime = dinfraRuntime();
  const executive = new Executive(runtime, { genesisHash: genesis.block.hash });
  const transfers = accounts.map((a, i) => hexToU8a(signedTransfer(runtime, genesis.block.hash, a, accounts[(i + 1) % n]!.hex, 10n ** 9n, 0)));
  return { genesis, runtime, executive, transfers };
}
