import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from 'vitest';
import '@dinfra/runtime-specs/augment';
import { ApiPromise, WsProvider } from '@polkadot/api';
import type { FrameSystemAccountInfo, PalletBalancesAccountData } from '@polkadot/types/lookup';
import type { u128 } from '@polkadot/types';
import { startNode, type RunningNode } from '../support/node-process.ts';

const RUNTIME_SPECS = fileURLToPath(new URL('../../runtime-specs/', import.meta.url));

let node: RunningNode;

beforeAll(async () => {
  node = await startNode(['--dev']);
});

afterAll(async () => {
  await node?.kill();
});

/** Runs `runtime-specs/scripts/typegen.ts` with `args`; resolves with its exit code and output. */
function typegen(args: string[]): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', 'scripts/typegen.ts', ...args], { cwd: RUNTIME_SPECS }, (err, stdout, stderr) => {
      resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, output: stdout + stderr });
    });
  });
}

describe('@polkadot/typegen augmentation (@dinfra/runtime-specs)', () => {
  it('generates from the live node without errors, and the committed runtime-specs/src/interfaces is up to date', async () => {
    const { code, output } = await typegen(['--check', '--endpoint', node.wsUrl]);
    // On failure the output names the command to run: pnpm --filter @dinfra/runtime-specs typegen
    expect(output, output).toContain('is up to date with the node metadata');
    expect(code, output).toBe(0);
  });

  it('types api.query / api.tx / api.consts for the node (checked by tsc) and matches it at run time', async () => {
    const api = await ApiPromise.create({ provider: new WsProvider(node.wsUrl), noInitWarn: true, throwOnConnect: true });
    try {
      const account = await api.query.system.account('5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY');
      expectTypeOf(account).toEqualTypeOf<FrameSystemAccountInfo>();
      expectTypeOf(account.data).toEqualTypeOf<PalletBalancesAccountData>();
      expect(account.data.free.toBigInt()).toBeGreaterThan(0n);
      expectTypeOf(api.consts.balances.existentialDeposit).toExtend<u128>();
      expect(api.consts.balances.existentialDeposit.toBigInt()).toBe(1_000_000_000n);
      expectTypeOf(api.tx.balances.transferKeepAlive).toBeFunction();
      expect(api.tx.balances.transferKeepAlive.meta.name.toString()).toBe('transfer_keep_alive');
      // Every pallet of the metadata is augmented (a type error here means the committed types are stale).
      const sections: Array<keyof typeof api.tx> = ['system', 'timestamp', 'balances', 'sudo', 'utility'];
      for (const s of sections) expect(Object.keys(api.tx)).toContain(s);
    } finally {
      await api.disconnect();
    }
  });
});
