import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cryptoWaitReady, encodeAddress } from '@polkadot/util-crypto';
import { hexToU8a } from '@polkadot/util';
import { Balances, buildGenesisStorage, decodeExtrinsic, dinfraRuntime, Executive, SystemStorage, type RuntimeCallValue } from '@dinfra/runtime';
import { signExtrinsic, testSigner, type TestSigner } from '@dinfra/runtime/testing';
import { genesisBlock } from './genesis-block.ts';
import { buildBlock, importBlock } from './execute-block.ts';

const runtime = dinfraRuntime();
const DIN = 10n ** 12n;
let a: TestSigner;
let b: TestSigner;
const call = Balances.spec.calls!.transfer_keep_alive!;
const original = call.handler;

beforeAll(async () => {
  await cryptoWaitReady();
  a = testSigner('exec-a');
  b = testSigner('exec-b');
});

afterEach(() => {
  call.handler = original;
});

describe('buildBlock', () => {
  it('drops a transaction whose dispatch panics (a runtime bug) without a trace, and includes the rest', () => {
    const balances = [a, b].map((s) => [encodeAddress(hexToU8a(s.id), 42), 1000n * DIN] as [string, bigint]);
    const genesis = genesisBlock(buildGenesisStorage({ balances: { balances } }));
    const executive = new Executive(runtime, { genesisHash: genesis.block.hash });
    const transfer = (from: TestSigner, value: bigint): RuntimeCallValue => ({
      type: 'Balances',
      value: { type: 'transfer_keep_alive', value: { dest: { type: 'Id', value: (from === a ? b : a).id }, value } },
    });
    const xt = (from: TestSigner, value: bigint) =>
      decodeExtrinsic(runtime, signExtrinsic(runtime, from, transfer(from, value), { genesisHash: genesis.block.hash, nonce: 0 }));
    // 13 planck is the poison value: the handler throws a TypeError, as a bug would.
    call.handler = (env, origin, args: { value: bigint }) => {
      if (args.value === 13n) throw new TypeError('boom');
      original(env, origin, args);
    };
    const poisoned = xt(a, 13n);
    const fine = xt(b, DIN);
    const { record, applied, rejected } = buildBlock(executive, genesis, 1_000_000n, [poisoned, fine]);
    expect(applied.map((x) => x.xt.hash)).toEqual([fine.hash]);
    expect(rejected).toHaveLength(1);
    expect(rejected[0]!.panic).toBeInstanceOf(TypeError);
    expect(rejected[0]!.error.value).toEqual({ type: 'Invalid', value: { type: 'Call' } });
    // No nonce bump, no fee, no events for the poisoned one.
    expect(SystemStorage.Account.get(record.state!, a.id)!.nonce).toBe(0);
    expect(SystemStorage.Account.get(record.state!, a.id)!.data.free).toBe(1001n * DIN); // only b's transfer to a
    expect(record.block.extrinsics).toHaveLength(2);
    // And the block re-imports to the same state root.
    call.handler = original;
    expect(importBlock(executive, genesis, record.block).block.header.stateRoot).toBe(record.block.header.stateRoot);
  });
});
