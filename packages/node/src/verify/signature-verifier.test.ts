import { afterEach, describe, expect, it, vi } from 'vitest';
import { Worker } from 'node:worker_threads';
import { sr25519_keypair_from_seed, sr25519_sign } from '@polkadot-labs/schnorrkel-wasm';
import { u8aToHex } from '@polkadot/util';
import { SignatureVerifier } from './signature-verifier.ts';
import type { VerifyItem } from './types.ts';

const kp = sr25519_keypair_from_seed(new Uint8Array(32).fill(1));
const secret = kp.slice(0, 64);
const publicKey = kp.slice(64, 96);

function item(i: number, tamper = false): VerifyItem {
  const message = new Uint8Array(40 + (i % 7)).fill(i & 255);
  const sig = sr25519_sign(publicKey, secret, message);
  if (tamper) sig[10]! ^= 1;
  return { signature: { type: 'Sr25519', value: u8aToHex(sig) }, message, signer: publicKey };
}

describe('SignatureVerifier', () => {
  let verifier: SignatureVerifier | undefined;
  afterEach(async () => {
    await verifier?.close();
    verifier = undefined;
  });

  it('accepts good signatures and rejects bad ones, in order', async () => {
    verifier = new SignatureVerifier({ workers: 2, maxBatch: 16 });
    const items = Array.from({ length: 100 }, (_, i) => item(i, i % 3 === 0));
    const ok = await verifier.verifyMany(items);
    expect(ok).toEqual(items.map((_, i) => i % 3 !== 0));
  });

  it('rejects malformed signatures, wrong signers and wrong messages', async () => {
    verifier = new SignatureVerifier({ workers: 1 });
    const good = item(1);
    const cases: VerifyItem[] = [
      { ...good, signature: { type: 'Sr25519', value: '0x1234' } },
      { ...good, signature: { type: 'Sr25519', value: '0x' + 'ff'.repeat(64) } },
      { ...good, signer: new Uint8Array(32) },
      { ...good, message: new Uint8Array(3) },
      { ...good, signature: { type: 'Ed25519', value: good.signature.value } },
    ];
    expect(await verifier.verifyMany(cases)).toEqual([false, false, false, false, false]);
    expect(await verifier.verify(good)).toBe(true);
  });

  it('batches concurrent single requests into one worker message per worker', async () => {
    verifier = new SignatureVerifier({ workers: 2 });
    await verifier.verify(item(0)); // workers up
    // Count the batches posted to the workers (sizes read before the buffers are transferred).
    const sizes: number[] = [];
    const original = Worker.prototype.postMessage;
    const post = vi.spyOn(Worker.prototype, 'postMessage').mockImplementation(function (this: Worker, message: unknown, transfer?: Parameters<Worker['postMessage']>[1]) {
      const pubkeys = (message as { pubkeys?: Uint8Array }).pubkeys;
      if (pubkeys) sizes.push(pubkeys.length / 32);
      original.call(this, message, transfer);
    });
    try {
      const items = Array.from({ length: 300 }, (_, i) => item(i, i === 5));
      const ok = await Promise.all(items.map((it) => verifier!.verify(it)));
      expect(ok.filter((x) => !x)).toHaveLength(1);
      expect(ok[5]).toBe(false);
      // 300 requests made in one tick: one flush, split evenly over the 2 workers (150 keys each).
      expect(sizes).toEqual([150, 150]);
    } finally {
      post.mockRestore();
    }
  });

  it('verifies inline without workers', async () => {
    verifier = new SignatureVerifier({ workers: 0 });
    expect(verifier.workers).toBe(0);
    expect(await verifier.verifyMany([item(1), item(2, true)])).toEqual([true, false]);
  });

  it('recovers from a worker crash: in-flight batches are retried on a new worker', async () => {
    verifier = new SignatureVerifier({ workers: 1, maxBatch: 50 });
    await verifier.verify(item(0)); // worker is up
    const items = Array.from({ length: 200 }, (_, i) => item(i, i % 10 === 0));
    const pending = verifier.verifyMany(items);
    await verifier.crashWorkerForTest(0);
    expect(await pending).toEqual(items.map((_, i) => i % 10 !== 0));
    expect(verifier.restarts).toBeGreaterThanOrEqual(1);
    expect(await verifier.verify(item(7))).toBe(true);
  });

  it('falls back to the main thread when batches keep killing workers', async () => {
    verifier = new SignatureVerifier({ workers: 1, maxRetries: 0 });
    await verifier.verify(item(0));
    const pending = verifier.verifyMany([item(1), item(2, true)]);
    await verifier.crashWorkerForTest(0);
    expect(await pending).toEqual([true, false]);
  });
});
