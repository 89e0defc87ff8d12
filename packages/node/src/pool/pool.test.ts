import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cryptoWaitReady, encodeAddress } from '@polkadot/util-crypto';
import { hexToU8a } from '@polkadot/util';
import { buildGenesisStorage, dinfraRuntime, Executive, SystemStorage, type RuntimeCallValue } from '@dinfra/runtime';
import { signExtrinsic, testSigner, type TestSigner } from '@dinfra/runtime/testing';
import { genesisBlock } from '../chain/genesis-block.ts';
import { Chain } from '../chain/chain.ts';
import { buildBlock } from '../chain/execute-block.ts';
import { SignatureVerifier } from '../verify/signature-verifier.ts';
import { TransactionPool } from './pool.ts';
import { PoolError } from './pool-errors.ts';
import type { TxStatus } from './types.ts';

const runtime = dinfraRuntime();
const DIN = 10n ** 12n;
let signers: TestSigner[];
let verifier: SignatureVerifier;

beforeAll(async () => {
  await cryptoWaitReady();
  signers = ['a', 'b', 'c', 'd'].map((n) => testSigner(`pool-${n}`));
  verifier = new SignatureVerifier({ workers: 1 });
});

afterAll(async () => {
  await verifier?.close();
});

function setup(options: { readyLimit?: number; futureLimit?: number } = {}) {
  const balances = signers.map((s) => [encodeAddress(hexToU8a(s.id), 42), 1000n * DIN] as [string, bigint]);
  const genesis = genesisBlock(buildGenesisStorage({ balances: { balances } }));
  const chain = new Chain(genesis);
  const executive = new Executive(runtime, { genesisHash: genesis.block.hash });
  const pool = new TransactionPool(chain, executive, { readyLimit: options.readyLimit ?? 8192, futureLimit: options.futureLimit ?? 819, verifier });
  const transfer = (from: TestSigner, nonce: number, opts: { tip?: bigint; to?: TestSigner; era?: [number, number] } = {}) => {
    const call: RuntimeCallValue = { type: 'Balances', value: { type: 'transfer_keep_alive', value: { dest: { type: 'Id', value: (opts.to ?? signers[3]!).id }, value: DIN } } };
    return signExtrinsic(runtime, from, call, { genesisHash: genesis.block.hash, nonce, tip: opts.tip, era: opts.era, birthHash: opts.era ? chain.best.block.hash : undefined });
  };
  let now = 1_000_000n;
  const author = () => {
    const { record, applied } = buildBlock(executive, chain.best, (now += 6000n), pool.candidates());
    chain.append(record);
    pool.onBlock(record, new Set(applied.map((a) => a.xt.hash)));
    return { record, applied };
  };
  const watch = (hash: string) => {
    const seen: TxStatus[] = [];
    pool.watch(hash, (s) => seen.push(s));
    return seen;
  };
  const code = async (p: Promise<unknown>) => {
    try {
      await p;
    } catch (e) {
      return e instanceof PoolError ? `${e.code}: ${e.message}` : String(e);
    }
    return 'accepted';
  };
  return { chain, pool, transfer, author, watch, code };
}

describe('TransactionPool', () => {
  it('holds a future nonce until the gap closes, then both land in nonce order', async () => {
    const { pool, transfer, author, watch } = setup();
    const [a] = signers as [TestSigner];
    const later = await pool.submit(transfer(a, 1));
    const seenLater = watch(later);
    expect(pool.isReady(later)).toBe(false);
    expect(pool.readyCount()).toBe(0);
    expect([...pool.candidates()]).toHaveLength(0);
    await pool.submit(transfer(a, 0));
    expect(pool.readyCount()).toBe(2);
    const { applied, record } = author();
    expect(applied.map((x) => x.xt.signed!.nonce)).toEqual([0, 1]);
    expect(seenLater).toEqual([{ inBlock: record.block.hash }]);
    expect(pool.size).toBe(0);
  });

  it('orders senders by tip, and keeps each sender in nonce order', async () => {
    const { pool, transfer } = setup();
    const [a, b, c] = signers as [TestSigner, TestSigner, TestSigner];
    await pool.submit(transfer(a, 0, { tip: 1n }));
    await pool.submit(transfer(a, 1, { tip: 1_000n }));
    await pool.submit(transfer(b, 0, { tip: 500n }));
    await pool.submit(transfer(c, 0));
    const order = [...pool.candidates()].map((x) => `${x.signed!.signer === a.id ? 'a' : x.signed!.signer === b.id ? 'b' : 'c'}${x.signed!.nonce}`);
    expect(order).toEqual(['b0', 'a0', 'a1', 'c0']);
  });

  it('replaces a transaction only with a higher tip; the replaced one is usurped', async () => {
    const { pool, transfer, watch, code } = setup();
    const [a] = signers as [TestSigner];
    const first = await pool.submit(transfer(a, 0, { tip: 10n }));
    const seen = watch(first);
    expect(await code(pool.submit(transfer(a, 0, { tip: 10n, to: signers[1] })))).toBe('1014: Priority is too low: (10 vs 10)');
    const second = await pool.submit(transfer(a, 0, { tip: 11n }));
    expect(seen).toEqual([{ usurped: second }]);
    expect(pool.has(first)).toBe(false);
    expect(pool.size).toBe(1);
  });

  it('refuses duplicates, undecodable bytes, bad signatures, and more than its limit', async () => {
    const { pool, transfer, code } = setup({ readyLimit: 2, futureLimit: 0 });
    const [a, b, c] = signers as [TestSigner, TestSigner, TestSigner];
    const xt = transfer(a, 0);
    await pool.submit(xt);
    expect(await code(pool.submit(xt))).toBe('1013: Transaction Already Imported');
    expect(await code(pool.submit(new Uint8Array([1, 2, 3])))).toMatch(/^1001: Extrinsic has invalid format/);
    // Flip a byte of the signature itself (after the 2-byte length, version, 33-byte address and
    // the signature's variant byte): still well-formed, so it must be BadProof, never a format error.
    const tampered = transfer(b, 0);
    tampered[2 + 1 + 33 + 1 + 10]! ^= 0xff;
    const refused = await pool.submit(tampered).then(() => undefined, (e: unknown) => e);
    expect(refused).toBeInstanceOf(PoolError);
    expect([(refused as PoolError).code, (refused as PoolError).message, (refused as PoolError).data]).toEqual([1010, 'Invalid Transaction', 'Transaction has a bad signature']);
    await pool.submit(transfer(b, 0));
    expect(await code(pool.submit(transfer(c, 0)))).toBe('1016: Immediately Dropped');
    expect(pool.size).toBe(2);
  });

  it('drops what a block made stale, and reports inBlock to the included transaction watchers', async () => {
    const { chain, pool, transfer, watch, author } = setup();
    const [a] = signers as [TestSigner];
    const h0 = await pool.submit(transfer(a, 0));
    const seen0 = watch(h0);
    const { record } = author();
    expect(seen0).toEqual([{ inBlock: record.block.hash }]);
    expect(SystemStorage.Account.get(chain.best.state!, a.id)!.nonce).toBe(1);
    await expect(pool.submit(transfer(a, 0, { tip: 5n }))).rejects.toThrow(/Invalid Transaction/);
  });

  it('expires a mortal transaction that was not included within its era', async () => {
    const { pool, transfer, author, watch } = setup();
    const [a, b] = signers as [TestSigner, TestSigner];
    // Nonce 1 waits for nonce 0, which never comes; its era (period 4, born at #0) ends at #4.
    const mortal = await pool.submit(transfer(a, 1, { era: [4, 0] }));
    const seen = watch(mortal);
    for (let i = 0; i < 4; i++) {
      await pool.submit(transfer(b, i));
      author();
    }
    expect(pool.has(mortal)).toBe(false);
    expect(seen).toEqual(['invalid']);
  });
});
