import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startNode, type RunningNode } from '../support/node-process.ts';
import { generateDescriptors, TYPED_DIR } from './descriptors.ts';
import { devAccount, DIN } from './papi-support.ts';

const TSC = fileURLToPath(new URL('../../node_modules/typescript/bin/tsc', import.meta.url));
/** Loaded by path so the root tsc (NodeNext, no descriptors on a fresh clone) never follows it. */
const SCENARIO = new URL('./typed/transfer.ts', import.meta.url).href;

interface TypedResult {
  existentialDeposit: bigint;
  specName: string;
  aliceFreeBefore: bigint;
  bobGain: bigint;
  finalized: { ok: boolean; block: { number: number }; events: Array<{ type: string; value: { type: string } }> };
  transfers: Array<{ from: string; to: string; amount: bigint }>;
  remarkOk: boolean;
}
let node: RunningNode;

beforeAll(async () => {
  node = await startNode(['--dev']);
  // Fresh descriptors from this node's metadata (a fresh clone has none; the runtime may have changed).
  await generateDescriptors(node.wsUrl);
}, 180_000);

afterAll(async () => {
  await node?.kill();
});

describe('polkadot-api typed API (descriptors from `papi add dinfra -w <node>`)', () => {
  it('the typed scenario type-checks against the generated descriptors (moduleResolution Bundler)', async () => {
    const result = await new Promise<{ code: number; out: string }>((resolve) => {
      execFile(process.execPath, [TSC, '-p', `${TYPED_DIR}tsconfig.json`], (err, stdout, stderr) =>
        resolve({ code: err ? 1 : 0, out: stdout + stderr }),
      );
    });
    expect(result.out).toBe('');
    expect(result.code).toBe(0);
  });

  it('reads constants and System.Account, signs //Alice, submits Balances.transfer_keep_alive and watches it to finalized', async () => {
    const { typedScenario } = (await import(SCENARIO)) as { typedScenario(wsUrl: string): Promise<TypedResult> };
    const r = await typedScenario(node.wsUrl);
    const alice = devAccount('//Alice');
    const bob = devAccount('//Bob');
    expect(r.specName).toBe('dinfra');
    expect(r.existentialDeposit).toBe(1_000_000_000n);
    expect(r.aliceFreeBefore).toBeGreaterThan(1000n * DIN);
    expect(r.finalized.ok).toBe(true);
    expect(r.finalized.block.number).toBeGreaterThan(0);
    expect(r.transfers).toEqual([{ from: alice.address, to: bob.address, amount: 7n * DIN }]);
    expect(r.bobGain).toBe(7n * DIN);
    const names = r.finalized.events.map((e) => `${e.type}.${e.value.type}`);
    expect(names).toEqual(expect.arrayContaining(['Balances.Withdraw', 'Balances.Transfer', 'TransactionPayment.TransactionFeePaid', 'System.ExtrinsicSuccess']));
    expect(r.remarkOk).toBe(true);
  });
});
