import '@dinfra/runtime-specs/augment';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ApiPromise } from '@polkadot/api';
import type { Keyring } from '@polkadot/keyring';
import type { KeyringPair } from '@polkadot/keyring/types';
import { failureReason, MAX_REASON_LEN } from '@dinfra/runtime-specs';
import { hexToU8a, stringToHex, u8aToHex } from '@polkadot/util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { submit, type Included } from '../marketplace/chain.ts';
import { startNode, type RunningNode } from '../support/node-process.ts';
import { client, CLI, dinfra, DIN, json } from './support.ts';

/**
 * StatusReport::Failed { reason } over a real dev node: the reason is carried in AwardLost and kept
 * in the subscription's `last_loss`, `dinfra subscription show` / `watch` / `subscribe --wait running`
 * print it, and a reason that is too long or not UTF-8 is refused with BadReason, changing nothing.
 * The provider side signs with @polkadot/api typed by @dinfra/runtime-specs, as OGate does.
 */
let node: RunningNode;
let api: ApiPromise;
let keyring: Keyring;
let url: string[];
let bob: KeyringPair; // provider bob-cloud, operator Eve (cheaper: awarded first)
let eve: KeyringPair;
let dave: KeyringPair; // provider dave-host, its own operator
let charlie: KeyringPair; // the subscriber
const children: ChildProcess[] = [];
const SCHEMA_ERROR = 'descriptor schema error: /role must be equal to one of the allowed values (rpc, archive, validator, collator)';
const CID = 'bafkreigh2akiscaildcqabsyg3dfr6chu3fgpregiymsck7e7aqa4s52zy';

type Doc = Record<string, any>;

/** report_status(id, Failed { reason }): text, or raw bytes (passed as hex: a Uint8Array would be read as SCALE with a length prefix). */
const failed = (id: bigint, reason: string | Uint8Array) =>
  api.tx.subscriptions.reportStatus(id, { Failed: { reason: typeof reason === 'string' ? reason : u8aToHex(reason) } });

async function ok(r: Promise<Included>): Promise<Included> {
  const res = await r;
  if (res.failed) throw new Error(`extrinsic failed: ${res.failed}`);
  return res;
}

async function subscribe(): Promise<bigint> {
  const res = await ok(submit(api, api.tx.subscriptions.subscribe({ Selector: { typeId: 0, providers: null, region: null } }, CID, 5n * DIN, 2_000_000_000n), charlie));
  return BigInt(res.events.find((e) => e.name === 'subscriptions.Subscribed')!.data[0]);
}

const rawSubscription = async (id: bigint) => (await api.query.subscriptions.subscriptions(id)).toHex();
const used = async (who: KeyringPair) => (await api.query.providers.offerings(who.address, 0)).unwrap().used.toNumber();
const show = async (id: bigint) => json<{ subscription: Doc }>(await dinfra([...url, 'subscription', 'show', String(id), '--json'])).subscription;

/** `dinfra subscription watch ID [--json]` running in the background, its stdout collected. */
async function watch(id: bigint, ...extra: string[]): Promise<{ out: () => string }> {
  const child = spawn(process.execPath, [CLI, ...url, 'subscription', 'watch', String(id), ...extra]);
  children.push(child);
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  for (let i = 0; i < 300 && !/State|state /.test(out); i++) await new Promise((r) => setTimeout(r, 100));
  expect(out).toMatch(/State|state /);
  return { out: () => out };
}

async function until(what: string, check: () => boolean): Promise<void> {
  for (let i = 0; i < 300 && !check(); i++) await new Promise((r) => setTimeout(r, 100));
  expect(check(), what).toBe(true);
}

beforeAll(async () => {
  node = await startNode(['--dev']);
  ({ api, keyring } = await client(node.wsUrl));
  url = ['--url', node.wsUrl];
  [bob, eve, dave, charlie] = [keyring.addFromUri('//Bob'), keyring.addFromUri('//Eve'), keyring.addFromUri('//Dave'), keyring.addFromUri('//Charlie')];
  await Promise.all([
    ok(submit(api, api.tx.providers.register('bob-cloud', 'https://ogate.bob.example', eve.address), bob)),
    ok(submit(api, api.tx.providers.register('dave-host', 'https://ogate.dave.example', dave.address), dave)),
  ]);
  await Promise.all([
    ok(submit(api, api.tx.providers.setOffering(0, 5, 1_000_000_000n, [], true), bob)),
    ok(submit(api, api.tx.providers.setOffering(0, 5, 2_000_000_000n, [], true), dave)),
  ]);
});

afterAll(async () => {
  for (const c of children) c.kill('SIGKILL');
  await api?.disconnect();
  await node?.kill();
});

describe('Failed { reason } on chain, readable with dinfra', () => {
  let id: bigint;

  it('the reason travels in AwardLost and last_loss, the award moves on, show and watch print it', async () => {
    id = await subscribe();
    const [jsonWatch, textWatch] = await Promise.all([watch(id, '--json'), watch(id)]);

    const res = await ok(submit(api, failed(id, SCHEMA_ERROR), eve));
    const lost = res.events.find((e) => e.name === 'subscriptions.AwardLost')!;
    expect(lost.data).toEqual([Number(id), bob.address, { failed: { reason: stringToHex(SCHEMA_ERROR) } }]);
    expect(res.events.find((e) => e.name === 'subscriptions.Awarded')!.data[1]).toBe(dave.address);

    // Storage keeps the last loss, typed by the augmentation.
    const sub = (await api.query.subscriptions.subscriptions(id)).unwrap();
    expect(sub.provider.toString()).toBe(dave.address);
    const loss = sub.lastLoss.unwrap();
    expect([loss.provider.toString(), loss.at.toNumber(), loss.cause.type, loss.cause.asFailed.reason.toUtf8()]).toEqual([bob.address, res.blockNumber, 'Failed', SCHEMA_ERROR]);

    const doc = await show(id);
    expect(doc).toMatchObject({
      state: 'Awarded',
      provider: { address: dave.address, name: 'dave-host' },
      lastLoss: { provider: { address: bob.address, name: 'bob-cloud' }, at: res.blockNumber, cause: 'Failed', reason: SCHEMA_ERROR },
    });
    const human = await dinfra([...url, 'subscription', 'show', String(id)]);
    expect(human.stdout).toContain(`last award lost: bob-cloud (${bob.address}) at block #${res.blockNumber}: reported Failed: ${JSON.stringify(SCHEMA_ERROR)}`);

    await until('watch --json saw the AwardLost', () => jsonWatch.out().includes('"Awarded"'));
    const events = jsonWatch.out().trim().split('\n').map((l) => JSON.parse(l) as Doc);
    expect(events.find((e) => e.event === 'AwardLost')).toEqual({ block: res.blockNumber, event: 'AwardLost', id: Number(id), provider: bob.address, cause: 'Failed', reason: SCHEMA_ERROR });
    expect(events.find((e) => e.event === 'Awarded')).toMatchObject({ provider: dave.address });
    await until('watch saw the AwardLost', () => textWatch.out().includes('lost the award'));
    expect(textWatch.out()).toContain(`#${res.blockNumber} ${bob.address} lost the award: reported Failed: ${JSON.stringify(SCHEMA_ERROR)}`);
  });

  it('a 257-byte reason and invalid UTF-8 are refused with BadReason and change nothing', async () => {
    const before = { sub: await rawSubscription(id), dave: await used(dave), bob: await used(bob) };
    const bad: Array<string | Uint8Array> = [
      'x'.repeat(257),
      new Uint8Array([0x64, 0x65, 0x73, 0xff]), // "des" then a byte no UTF-8 text holds
      new Uint8Array([0xed, 0xa0, 0x80]), // a UTF-16 surrogate
      new Uint8Array([0x61, 0xe2, 0x82]), // a truncated sequence
    ];
    for (const reason of bad) {
      const res = await submit(api, failed(id, reason), dave);
      expect(res.failed, typeof reason === 'string' ? `${reason.length} bytes` : u8aToHex(reason)).toBe('subscriptions.BadReason');
      expect(res.events.map((e) => e.name).filter((n) => n.startsWith('subscriptions.'))).toEqual([]);
    }
    expect({ sub: await rawSubscription(id), dave: await used(dave), bob: await used(bob) }).toEqual(before);
    expect(await show(id)).toMatchObject({ state: 'Awarded', provider: { name: 'dave-host' }, lastLoss: { cause: 'Failed', reason: SCHEMA_ERROR } });
  });

  it('exactly 256 bytes of multi-byte UTF-8 are accepted; with nobody left it ends ProviderFailed, the reason still shown', async () => {
    const full = 'é'.repeat(128);
    const res = await ok(submit(api, failed(id, full), dave));
    expect(res.events.map((e) => e.name).filter((n) => n.startsWith('subscriptions.'))).toEqual(['subscriptions.AwardLost', 'subscriptions.Terminated']);
    const doc = await show(id);
    expect(doc).toMatchObject({ state: 'Terminated', terminationReason: 'ProviderFailed', lastLoss: { provider: { name: 'dave-host' }, cause: 'Failed', reason: full } });
    const human = await dinfra([...url, 'subscription', 'show', String(id)]);
    expect(human.stdout).toMatch(/state: +Terminated \(ProviderFailed\)/);
    expect(human.stdout).toContain(`last award lost: dave-host (${dave.address}) at block #${res.blockNumber}: reported Failed: "${full}"`);
  });

  it('a reason cannot drive the terminal: control and bidi characters are shown escaped', async () => {
    const id2 = await subscribe();
    const nasty = 'ok\u001b[2J\u001b[31m red\u0007\u009b\u202e gnp.exe\nnext';
    await ok(submit(api, failed(id2, nasty), eve));
    const human = await dinfra([...url, 'subscription', 'show', String(id2)]);
    expect(human.stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202e]/);
    expect(human.stdout).toContain('reported Failed: "ok\\u001b[2J\\u001b[31m red\\u0007\\u009b\\u202e gnp.exe\\nnext"');
    // --json keeps the exact text.
    expect((await show(id2)).lastLoss.reason).toBe(nasty);
    await ok(submit(api, api.tx.subscriptions.terminate(id2), charlie));
  });

  it('failureReason (@dinfra/runtime-specs) fits any text into MaxReasonLen bytes of UTF-8, and the chain takes it', async () => {
    const utf8 = new TextDecoder('utf-8', { fatal: true });
    const bytes = (hex: string) => hexToU8a(hex);
    expect(failureReason('descriptor schema error')).toBe(stringToHex('descriptor schema error'));
    expect(utf8.decode(bytes(failureReason('0x1234')))).toBe('0x1234'); // text, not bytes
    for (const text of ['x'.repeat(300), 'a' + 'é'.repeat(200), '€'.repeat(100), '😀'.repeat(80), 'x'.repeat(MAX_REASON_LEN)]) {
      const b = bytes(failureReason(text));
      expect(b.length).toBeLessThanOrEqual(MAX_REASON_LEN);
      const back = utf8.decode(b); // throws on a cut character
      expect(text.startsWith(back.replace(/…$/, ''))).toBe(true);
      expect(back.endsWith('…')).toBe(new TextEncoder().encode(text).length > MAX_REASON_LEN);
    }
    const id4 = await subscribe();
    const long = `descriptor schema error: ${Array.from({ length: 40 }, (_, i) => `/extraArgs/${i} must be string`).join(', ')}`;
    await ok(submit(api, failed(id4, failureReason(long)), eve));
    const reason = (await show(id4)).lastLoss.reason as string;
    expect(reason.endsWith('…')).toBe(true);
    expect(long.startsWith(reason.slice(0, -1))).toBe(true);
    await ok(submit(api, api.tx.subscriptions.terminate(id4), charlie));
  });

  it('subscribe --wait running says who lost the award and why, and why it ended', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dinfra-reason-'));
    const descriptor = join(dir, 'node.json');
    writeFileSync(descriptor, JSON.stringify({ type: 'substrate-node', role: 'rpc', chain: 'polkadot', version: 'v1.16.0' }) + '\n');
    const child = spawn(process.execPath, [CLI, ...url, 'subscribe', 'substrate-node', '--descriptor', descriptor, '--deposit', '5', '--max-price', '2m', '--wait', 'running'], {
      env: { ...process.env, DINFRA_SURI: '//Charlie' },
    });
    children.push(child);
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const exited = new Promise<number>((resolve) => child.once('exit', (code) => resolve(code ?? -1)));
    await until('awarded to bob-cloud', () => /awarded to bob-cloud: waiting for it to provision/.test(stderr));
    const id3 = (await api.query.subscriptions.nextSubscriptionId()).toBigInt() - 1n;
    await ok(submit(api, failed(id3, 'no content in time for the descriptor CID'), eve));
    await until('re-awarded', () => /re-awarded to dave-host/.test(stderr));
    expect(stderr).toMatch(/bob-cloud \(\w+\) at block #\d+: reported Failed: "no content in time for the descriptor CID"; re-awarded to dave-host: waiting for it to provision/);
    await ok(submit(api, failed(id3, 'secret cannot be opened'), dave));
    expect(await exited).toBe(1);
    expect(stderr).toMatch(/was terminated \(ProviderFailed\) before it ran; last award lost: dave-host \(\w+\) at block #\d+: reported Failed: "secret cannot be opened"/);
  });
});
