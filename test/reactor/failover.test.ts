/**
 * Acceptance (issue 8): a backend that throws on create is retried a bounded number of times,
 * then the reactor reports `Failed { reason }`; the chain keeps the reason and moves the award
 * to another provider. The reactor runs in-process through @dinfra/reactor-sdk/testing (the
 * harness a backend author uses) against a real OGate over a real dev node.
 */
import { MemoryBackend, startReactorHarness, type ReactorHarness } from '@dinfra/reactor-sdk/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIN, registerProvider } from '../support/ogate.ts';
import { cli, descriptorFile, startMarket, statusOnChain, until, type Market } from './support.ts';

let m: Market;
let harness: ReactorHarness;
const backend = new MemoryBackend({ failCreate: () => new Error('disk full on host-3') });

beforeAll(async () => {
  // Alice is free, Dave costs 1 mDIN a block: the chain picks Alice first.
  m = await startMarket([{ typeId: 0, capacity: 5, pricePerBlock: 0n }]);
  await registerProvider(m.api, m.keys.Dave!, m.keys.Dave!.address, 'dave-infra', [{ typeId: 0, capacity: 5, pricePerBlock: DIN / 1000n }]);
  harness = await startReactorHarness({ ogateUrl: m.og.url, token: m.token, backend, tuning: { createRetry: { attempts: 3, baseMs: 100, maxMs: 400 } } });
});

afterAll(async () => {
  await harness?.stop();
  await m?.close();
});

describe('a backend that throws on create', () => {
  it('bounded retries, then Failed{reason} on chain, and the award moves to another provider', async () => {
    const r = await cli(m, ['subscribe', 'substrate-node', '--descriptor', descriptorFile({ type: 'substrate-node', role: 'rpc', chain: 'dinfra', version: 'dev' }), '--deposit', '10', '--max-price', '1', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as { subscription: { id: string; provider: { address: string } } };
    expect(out.subscription.provider.address).toBe(m.provider.address);
    const id = out.subscription.id;
    await until('award moved to Dave', async () => (await statusOnChain(m.api, id)).provider === m.keys.Dave!.address, 60_000);
    expect(backend.calls.create).toBe(3);
    expect(backend.resources.size).toBe(0);
    const sub = ((await m.api.query.subscriptions!.subscriptions!(id)) as unknown as { unwrap(): { lastLoss: { unwrap(): { provider: { toString(): string }; cause: { isFailed: boolean; asFailed: { reason: { toUtf8(): string } } } } } } }).unwrap();
    const loss = sub.lastLoss.unwrap();
    expect(loss.provider.toString()).toBe(m.provider.address);
    expect(loss.cause.isFailed).toBe(true);
    expect(loss.cause.asFailed.reason.toUtf8()).toBe('disk full on host-3');
    // The failed generation is not tried again.
    await new Promise((res) => setTimeout(res, 2500));
    expect(backend.calls.create).toBe(3);
  });
});
