import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import '@dinfra/runtime-specs/augment';
import { ApiPromise, WsProvider, Keyring } from '@polkadot/api';
import type { SubmittableExtrinsic } from '@polkadot/api/types';
import type { ISubmittableResult } from '@polkadot/types/types';
import { cryptoWaitReady } from '@polkadot/util-crypto';
import { startNode, type RunningNode } from '../support/node-process.ts';

const DIN = 10n ** 12n;
let node: RunningNode;
let api: ApiPromise;
let keyring: Keyring;

/** Sends and resolves with every status seen until finalized (or rejects on an error status). */
function sendUntilFinalized(tx: SubmittableExtrinsic<'promise'>, signer: Parameters<SubmittableExtrinsic<'promise'>['signAndSend']>[0], options = {}) {
  return new Promise<{ statuses: string[]; result: ISubmittableResult }>((resolve, reject) => {
    const statuses: string[] = [];
    tx.signAndSend(signer, options, (result) => {
      statuses.push(result.status.type);
      if (result.status.isFinalized) resolve({ statuses, result });
      if (result.status.isInvalid || result.status.isDropped || result.status.isUsurped) reject(new Error(result.status.type));
    }).catch(reject);
  });
}

beforeAll(async () => {
  await cryptoWaitReady();
  node = await startNode(['--dev']);
  api = await ApiPromise.create({ provider: new WsProvider(node.wsUrl), noInitWarn: true, throwOnConnect: true });
  keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });
});

afterAll(async () => {
  await api?.disconnect();
  await node?.kill();
});

describe('@polkadot/api against dinfra-node', () => {
  it('connects and reads chain identity, metadata and constants', async () => {
    expect(api.runtimeVersion.specName.toString()).toBe('dinfra');
    expect((await api.rpc.system.chain()).toString()).toBe('Development');
    expect(api.consts.balances.existentialDeposit.toBigInt()).toBe(1_000_000_000n);
    expect(api.registry.chainDecimals[0]).toBe(12);
    expect(api.genesisHash.toHex()).toBe((await api.rpc.chain.getBlockHash(0)).toHex());
  });

  it('transferKeepAlive reaches InBlock then Finalized with decoded events, and balances reflect it', async () => {
    const alice = keyring.addFromUri('//Alice');
    const bob = keyring.addFromUri('//Bob');
    const before = (await api.query.system.account(bob.address)).data.free.toBigInt();
    const { statuses, result } = await sendUntilFinalized(api.tx.balances.transferKeepAlive(bob.address, 5n * DIN), alice);
    expect(statuses).toContain('InBlock');
    expect(statuses.indexOf('InBlock')).toBeLessThan(statuses.indexOf('Finalized'));
    const names = result.events.map(({ event }) => `${event.section}.${event.method}`);
    expect(names).toEqual(expect.arrayContaining(['balances.Withdraw', 'balances.Transfer', 'transactionPayment.TransactionFeePaid', 'system.ExtrinsicSuccess']));
    const transfer = result.events.find(({ event }) => api.events.balances.Transfer.is(event))!;
    expect(transfer.event.data[2]!.toString()).toBe((5n * DIN).toString());
    const after = (await api.query.system.account(bob.address)).data.free.toBigInt();
    expect(after - before).toBe(5n * DIN);
  });

  it('paymentInfo gives the partial fee the chain then charges', async () => {
    const alice = keyring.addFromUri('//Alice');
    const tx = api.tx.balances.transferKeepAlive(keyring.addFromUri('//Charlie').address, DIN);
    const info = await tx.paymentInfo(alice);
    expect(info.partialFee.toBigInt()).toBeGreaterThan(0n);
    const { result } = await sendUntilFinalized(tx, alice);
    const paid = result.events.find(({ event }) => api.events.transactionPayment.TransactionFeePaid.is(event))!;
    expect((paid.event.data[1] as any).toBigInt()).toBe(info.partialFee.toBigInt());
  });

  it('a failing call gives ExtrinsicFailed whose module error findMetaError decodes', async () => {
    const dave = keyring.addFromUri('//Dave');
    const { result } = await sendUntilFinalized(api.tx.balances.transferKeepAlive(keyring.addFromUri('//Eve').address, 10n ** 30n), dave);
    const failed = result.events.find(({ event }) => api.events.system.ExtrinsicFailed.is(event))!;
    expect(failed).toBeDefined();
    const err = failed.event.data[0] as any;
    expect(err.isModule).toBe(true);
    const meta = api.registry.findMetaError(err.asModule);
    expect(`${meta.section}.${meta.name}`).toBe('balances.InsufficientBalance');
  });

  it('rejects a tampered signature with 1010 bad signature', async () => {
    const alice = keyring.addFromUri('//Alice');
    const tx = api.tx.balances.transferKeepAlive(keyring.addFromUri('//Bob').address, DIN);
    await tx.signAsync(alice);
    const hex = tx.toHex();
    // The signature starts after: length prefix (2 bytes for this size), version, MultiAddress (33), sig type byte.
    const bytes = Buffer.from(hex.slice(2), 'hex');
    const sigOffset = bytes.indexOf(Buffer.from(alice.publicKey)) + 32 + 1;
    bytes[sigOffset + 5] = bytes[sigOffset + 5]! ^ 0xff;
    await expect(api.rpc.author.submitExtrinsic('0x' + bytes.toString('hex'))).rejects.toThrow(/1010: Invalid Transaction: Transaction has a bad signature/);
  });

  it('rejects a stale nonce as outdated', async () => {
    const alice = keyring.addFromUri('//Alice');
    const tx = api.tx.balances.transferKeepAlive(keyring.addFromUri('//Bob').address, DIN);
    await tx.signAsync(alice, { nonce: 0 });
    await expect(api.rpc.author.submitExtrinsic(tx.toHex())).rejects.toThrow(/1010: Invalid Transaction: Transaction is outdated/);
  });

  it('rejects an unfunded sender: inability to pay fees', async () => {
    const nobody = keyring.addFromUri('//Nobody//unfunded');
    const tx = api.tx.balances.transferKeepAlive(keyring.addFromUri('//Bob').address, DIN);
    await tx.signAsync(nobody, { nonce: 0 });
    await expect(api.rpc.author.submitExtrinsic(tx.toHex())).rejects.toThrow(/1010: Invalid Transaction: Inability to pay some fees/);
  });

  it('a future nonce waits in the pool, then lands when the gap closes', async () => {
    const ferdie = keyring.addFromUri('//Ferdie');
    const nonce = (await api.rpc.system.accountNextIndex(ferdie.address)).toNumber();
    const bob = keyring.addFromUri('//Bob').address;
    const future = api.tx.balances.transferKeepAlive(bob, DIN);
    await future.signAsync(ferdie, { nonce: nonce + 1 });
    const statuses: string[] = [];
    const landed = new Promise<void>((resolve, reject) => {
      void api.rpc.author.submitAndWatchExtrinsic(future.toHex(), (s) => {
        statuses.push(s.type);
        if (s.isInBlock) resolve();
        if (s.isInvalid || s.isDropped) reject(new Error(s.type));
      });
    });
    await new Promise((r) => setTimeout(r, 300));
    expect(statuses).toEqual(['Future']);
    expect((await api.rpc.author.pendingExtrinsics()).length).toBe(1);
    await sendUntilFinalized(api.tx.balances.transferKeepAlive(bob, DIN), ferdie, { nonce });
    await landed;
    expect((await api.rpc.system.accountNextIndex(ferdie.address)).toNumber()).toBe(nonce + 2);
  });
});

describe('CheckMetadataHash (RFC-78)', () => {
  it('accepts a transaction signed with mode 1 and the merkleized metadata hash, and refuses a wrong hash', async () => {
    const { merkleizeMetadata } = await import('@polkadot-api/merkleize-metadata');
    const metadata = await api.call.metadata.metadataAtVersion(15);
    const digest = merkleizeMetadata(metadata.unwrap().toU8a(true), { decimals: 12, tokenSymbol: 'DIN' }).digest();
    const charlie = keyring.addFromUri('//Charlie');
    const bob = keyring.addFromUri('//Bob').address;
    const good = api.tx.balances.transferKeepAlive(bob, DIN);
    expect(digest.length).toBe(32);
    await good.signAsync(charlie, { mode: 1, metadataHash: '0x' + Buffer.from(digest).toString('hex') } as never);
    const { statuses, blockHash, failed } = await new Promise<{ statuses: string[]; blockHash: string; failed?: string }>((resolve, reject) => {
      const seen: string[] = [];
      void good.send((r) => {
        seen.push(r.status.type);
        // InBlock normally; Finalized when a loaded machine delivers both together.
        if (r.status.isInBlock || r.status.isFinalized) {
          resolve({ statuses: seen, blockHash: (r.status.isInBlock ? r.status.asInBlock : r.status.asFinalized).toHex(), failed: r.dispatchError?.toString() });
        }
        if (r.isError) reject(new Error(r.status.type));
      }).catch(reject);
    });
    // Accepted with mode 1 and the right hash: in a block, dispatched without error.
    expect(statuses.filter((t) => t === 'InBlock' || t === 'Finalized')).toHaveLength(1);
    expect(failed).toBeUndefined();
    const included = (await api.rpc.chain.getBlock(blockHash)).block.extrinsics.map((x) => x.toHex());
    expect(included).toContain(good.toHex());
    const bad = api.tx.balances.transferKeepAlive(bob, DIN);
    await bad.signAsync(charlie, { mode: 1, metadataHash: '0x' + '07'.repeat(32) } as never);
    await expect(api.rpc.author.submitExtrinsic(bad.toHex())).rejects.toThrow(/1010: Invalid Transaction: Transaction has a bad signature/);
  });
});

describe('system_dryRun', () => {
  it('reports what applying an extrinsic would do, and changes nothing', async () => {
    const eve = keyring.addFromUri('//Eve');
    const bob = keyring.addFromUri('//Bob').address;
    const nonce = (await api.rpc.system.accountNextIndex(eve.address)).toNumber();
    const ok = api.tx.balances.transferKeepAlive(bob, DIN);
    await ok.signAsync(eve, { nonce });
    const okResult = await api.rpc.system.dryRun(ok.toHex());
    expect(okResult.isOk && okResult.asOk.isOk).toBe(true);
    const failing = api.tx.balances.transferKeepAlive(bob, 10n ** 30n);
    await failing.signAsync(eve, { nonce });
    const failResult = await api.rpc.system.dryRun(failing.toHex());
    expect(failResult.isOk && failResult.asOk.isErr).toBe(true);
    const meta = api.registry.findMetaError(failResult.asOk.asErr.asModule);
    expect(`${meta.section}.${meta.name}`).toBe('balances.InsufficientBalance');
    const stale = api.tx.balances.transferKeepAlive(bob, DIN);
    await stale.signAsync(keyring.addFromUri('//Alice'), { nonce: 0 });
    const staleResult = await api.rpc.system.dryRun(stale.toHex());
    expect(staleResult.isErr && staleResult.asErr.isInvalid && staleResult.asErr.asInvalid.isStale).toBe(true);
    expect((await api.rpc.system.accountNextIndex(eve.address)).toNumber()).toBe(nonce);
  });
});
