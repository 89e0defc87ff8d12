import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sr25519_keypair_from_seed, sr25519_sign } from '@polkadot-labs/schnorrkel-wasm';
import { compactAddLength, hexToU8a, u8aConcat, u8aToHex } from '@polkadot/util';
import { cryptoWaitReady, encodeAddress } from '@polkadot/util-crypto';
import * as s from 'scale-ts';
import { buildGenesisStorage, decodeExtrinsic, dinfraRuntime, Executive, type CheckedInput } from '@dinfra/runtime';
import { genesisBlock } from '../chain/genesis-block.ts';
import { buildBlock, importBlock, importBlockChecked, importBlocksChecked, BlockImportError } from '../chain/execute-block.ts';
import type { BlockRecord } from '../chain/chain.ts';
import type { Block } from '../chain/block.ts';
import { SignatureVerifier } from './signature-verifier.ts';

const runtime = dinfraRuntime();
const keys = Array.from({ length: 6 }, (_, i) => {
  const kp = sr25519_keypair_from_seed(new Uint8Array(32).fill(i + 1));
  return { secret: kp.slice(0, 64), pub: kp.slice(64, 96) };
});

/** An immortal, signed transfer_keep_alive (tip 0, metadata hash disabled). */
function transfer(genesisHash: string, from: number, to: number, nonce: number, tamper = false): Uint8Array {
  const call = runtime.callCodec.enc({ type: 'Balances', value: { type: 'transfer_keep_alive', value: { dest: { type: 'Id', value: u8aToHex(keys[to]!.pub) }, value: 10n ** 12n } } });
  const extra = u8aConcat([0x00], s.compact.enc(nonce), s.compact.enc(0n), [0x00]);
  const g = hexToU8a(genesisHash);
  const payload = u8aConcat(call, extra, s.u32.enc(runtime.version.specVersion), s.u32.enc(runtime.version.transactionVersion), g, g, [0x00]);
  const sig = sr25519_sign(keys[from]!.pub, keys[from]!.secret, payload);
  if (tamper) sig[3]! ^= 1;
  return compactAddLength(u8aConcat([0x84, 0x00], keys[from]!.pub, [0x01], sig, extra, call));
}

describe('block import with signatures checked on workers', () => {
  let verifier: SignatureVerifier;
  let genesis: BlockRecord;
  let executive: Executive;
  const blocks: Block[] = [];

  beforeAll(async () => {
    await cryptoWaitReady();
    verifier = new SignatureVerifier({ workers: 2 });
    const balances = keys.map((k) => [encodeAddress(k.pub, 42), 10n ** 18n] as [string, bigint]);
    const storage = buildGenesisStorage({ balances: { balances }, sudo: { key: null } } as never);
    genesis = genesisBlock(storage);
    executive = new Executive(runtime, { genesisHash: genesis.block.hash });
    let parent = genesis;
    for (let b = 0; b < 3; b++) {
      const xts: CheckedInput[] = keys.map((_, i) => decodeExtrinsic(runtime, transfer(genesis.block.hash, i, (i + 1) % keys.length, b)));
      const { record, applied } = buildBlock(executive, parent, BigInt(1_000_000 + b * 6000), xts);
      expect(applied).toHaveLength(keys.length);
      blocks.push(record.block);
      parent = record;
    }
  });
  afterAll(() => verifier.close());

  it('imports to the same state roots as the main-thread path', async () => {
    let a = genesis;
    let b = genesis;
    for (const block of blocks) {
      a = importBlock(executive, a, block);
      b = await importBlockChecked(executive, b, block, verifier);
      expect(b.block.header.stateRoot).toBe(a.block.header.stateRoot);
    }
    const records = await importBlocksChecked(executive, genesis, blocks, { verifier, lookahead: 1 });
    expect(records.map((r) => r.block.hash)).toEqual(blocks.map((x) => x.hash));
  });

  it('rejects a block carrying a bad signature', async () => {
    const bad = transfer(genesis.block.hash, 0, 1, 0, true);
    const block: Block = { ...blocks[0]!, extrinsics: [blocks[0]!.extrinsics[0]!, bad, ...blocks[0]!.extrinsics.slice(2)] };
    await expect(importBlockChecked(executive, genesis, block, verifier)).rejects.toThrow(BlockImportError);
    await expect(importBlocksChecked(executive, genesis, [block], { verifier })).rejects.toThrow(/extrinsic 1 invalid/);
  });
});
