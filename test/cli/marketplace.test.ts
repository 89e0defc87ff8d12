import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ApiPromise } from '@polkadot/api';
import type { Keyring } from '@polkadot/keyring';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startNode, type RunningNode } from '../support/node-process.ts';
import { balances, client, CLI, dinfra, DIN, json, nextSubscriptionId, send, type CliResult } from './support.ts';

let node: RunningNode;
let api: ApiPromise;
let keyring: Keyring;
let url: string[];
const dir = mkdtempSync(join(tmpdir(), 'dinfra-cli-'));
const BOB = { DINFRA_SURI: '//Bob' };
const CHARLIE = { DINFRA_SURI: '//Charlie' };
const descriptor = join(dir, 'node.json');
const file = (name: string, content: string) => {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
};
// The CID `ipfs add node.json` gives for the bytes written below (CIDv0, Kubo defaults).
const DESCRIPTOR_CID = 'QmNyibVPqSo4KpDBEYsiz4RvtiXy7pGnxwn7Jzd95dJYtn';

type Doc = Record<string, unknown>;
type SubDoc = { subscription: Doc & { id: string; provider: { name: string; address: string } } } & Doc;

/** Acts as bob-cloud's gateway: reports the subscription provisioning, then running. */
async function runIt(id: string, endpoint: string) {
  const eve = keyring.addFromUri('//Eve');
  await send(api.tx.subscriptions!.reportStatus!(id, 'Provisioning'), eve);
  await send(api.tx.subscriptions!.reportStatus!(id, { Running: { endpoints: [endpoint] } }), eve);
}

beforeAll(async () => {
  node = await startNode(['--dev']);
  ({ api, keyring } = await client(node.wsUrl));
  url = ['--url', node.wsUrl];
  writeFileSync(descriptor, JSON.stringify({ type: 'substrate-node', role: 'rpc', chain: 'polkadot', version: 'v1.16.0', region: 'eu-west' }, null, 2) + '\n');
});

afterAll(async () => {
  await api?.disconnect();
  await node?.kill();
});

describe('dinfra against a dev node', () => {
  it('a provider registers and offers, and market shows it', async () => {
    const eve = keyring.addFromUri('//Eve').address;
    const reg = await dinfra([...url, 'provider', 'register', '--name', 'bob-cloud', '--api-url', 'https://ogate.bob.example', '--operator', eve, '--json'], BOB);
    expect(reg.code, reg.stderr).toBe(0);
    const r = json(reg);
    expect(r).toMatchObject({ name: 'bob-cloud', operator: eve, deposit: String(100n * DIN), finalized: true });
    expect(reg.stderr).toMatch(/\[\d+\.\ds\] in block 0x[0-9a-f]{64}[\s\S]*finalized/);

    const offer = await dinfra([...url, 'provider', 'offer', 'substrate-node', '--capacity', '2', '--price', '1m', '--region', 'eu-west'], BOB);
    expect(offer.code, offer.stderr).toBe(0);
    expect(offer.stdout).toMatch(/Offering of substrate-node set\.[\s\S]*0\.001 DIN per block/);

    const [marketRes, table, typeList] = await Promise.all([
      dinfra([...url, 'market', '--json']),
      dinfra([...url, 'market', '--type', 'substrate-node']),
      dinfra([...url, 'type', 'list', '--json']),
    ]);
    const market = json<{ types: Array<{ name: string; offerings: Doc[] }> }>(marketRes);
    expect(market.types.map((t) => t.name)).toEqual(['substrate-node', 'rpc-endpoint', 'snapshot-source', 'cloud-init']);
    expect(market.types[0]!.offerings).toEqual([
      {
        provider: keyring.addFromUri('//Bob').address,
        providerName: 'bob-cloud',
        providerStatus: 'Active',
        pricePerBlock: '1000000000',
        capacity: 2,
        used: 0,
        free: 2,
        utilization: 0,
        regions: ['eu-west'],
        open: true,
      },
    ]);
    expect(table.stdout).toMatch(/TYPE +PROVIDER +PRICE +USED +UTIL +REGIONS +STATE\n[- ]+\nsubstrate-node +bob-cloud +0\.001 DIN\/block +0\/2 +0% +eu-west +open/);

    // The schemas the CLI ships are the ones the chain names by CID.
    const types = json<{ types: Array<{ schema: string }> }>(typeList);
    expect(types.types.map((t) => t.schema)).toEqual(['built-in', 'built-in', 'built-in', 'built-in']);
  });

  let first: string;

  it('a subscriber subscribes with --wait finalized and sees the award', async () => {
    const before = await nextSubscriptionId(api);
    const res = await dinfra([...url, 'subscribe', 'substrate-node', '--descriptor', descriptor, '--deposit', '10', '--wait', 'finalized', '--json'], CHARLIE);
    expect(res.code, res.stderr).toBe(0);
    const doc = json<SubDoc>(res);
    first = doc.subscription.id;
    expect(BigInt(first)).toBe(before);
    expect(doc.finalized).toBe(true);
    expect(doc.subscription).toMatchObject({ state: 'Awarded', provider: { name: 'bob-cloud' }, descriptorCid: DESCRIPTOR_CID, pricePerBlock: '1000000000', deposit: String(10n * DIN) });
    expect(res.stderr).toMatch(/finalized 0x[\s\S]*subscription #\d+ awarded to bob-cloud at 0\.001 DIN\/block/);
    expect(((await api.query.subscriptions!.subscriptions!(first)) as unknown as { isSome: boolean }).isSome).toBe(true);
  });

  it('`subscription show --json` gives state, endpoints, deposit left, rate and estimated expiry', async () => {
    await runIt(first, 'wss://rpc.bob.example/1');
    const res = await dinfra([...url, 'subscription', 'show', first, '--json']);
    expect(res.code, res.stderr).toBe(0);
    const s = json<SubDoc>(res).subscription;
    expect(s).toMatchObject({ id: first, state: 'Running', endpoints: ['wss://rpc.bob.example/1'], pricePerBlock: '1000000000', billing: true, type: { id: 0, name: 'substrate-node' } });
    expect(BigInt(s.depositLeft as string)).toBeGreaterThan(9n * DIN);
    expect(BigInt(s.depositLeft as string)).toBeLessThanOrEqual(10n * DIN);
    expect(s.expiresAt).toBe((s.settledTo as number) + 10_000);
    expect(s.expiresInBlocks).toBe((s.expiresAt as number) - (s.bestBlock as number));
    expect(Date.parse(s.estimatedExpiry as string)).toBeGreaterThan(Date.now());
    const human = await dinfra([...url, 'subscription', 'show', first]);
    expect(human.stdout).toMatch(/state: +Running\nendpoints: +wss:\/\/rpc\.bob\.example\/1[\s\S]*rate: +0\.001 DIN\/block[\s\S]*deposit left: +\d[\s\S]*expires: +block #\d+ \(in \d+ blocks, ~\d/);
  });

  it('--wait running follows a subscription until the provider reports it running', async () => {
    const id = String(await nextSubscriptionId(api));
    const child = spawn(process.execPath, [CLI, ...url, 'subscribe', 'substrate-node', '--descriptor', descriptor, '--deposit', '5', '--max-price', '2m', '--wait', 'running', '--json'], {
      env: { ...process.env, ...CHARLIE },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const exited = new Promise<number>((resolve) => child.once('exit', (code) => resolve(code ?? -1)));
    // Wait for the award, then act as the gateway.
    for (let i = 0; i < 200 && !/waiting for it to provision/.test(stderr); i++) await new Promise((r) => setTimeout(r, 100));
    expect(stderr).toMatch(/awarded to bob-cloud: waiting for it to provision/);
    await runIt(id, 'wss://rpc.bob.example/2');
    const code = await exited;
    expect(code, stderr).toBe(0);
    expect(stderr).toMatch(/running: wss:\/\/rpc\.bob\.example\/2/);
    const doc = json<SubDoc>({ code, stdout, stderr } as CliResult);
    expect(doc.subscription).toMatchObject({ id, state: 'Running', endpoints: ['wss://rpc.bob.example/2'] });
    const market = json<{ types: Array<{ offerings: Doc[] }> }>(await dinfra([...url, 'market', '--type', 'substrate-node', '--json']));
    expect(market.types[0]!.offerings[0]).toMatchObject({ used: 2, free: 0, utilization: 100 });
    const list = json<{ subscriptions: Doc[] }>(await dinfra([...url, 'subscription', 'list', '--json'], CHARLIE));
    expect(list.subscriptions.map((s) => s.id)).toEqual([first, id]);
  });

  it('top-up moves the expiry out', async () => {
    const before = json<SubDoc>(await dinfra([...url, 'subscription', 'show', first, '--json'])).subscription;
    const res = await dinfra([...url, 'subscription', 'top-up', first, '5', '--json'], CHARLIE);
    expect(res.code, res.stderr).toBe(0);
    const after = json<SubDoc>(res);
    expect(after.previousExpiresAt).toBe(before.expiresAt);
    // 5 DIN more at 0.001 DIN per block: 5000 blocks more.
    expect(after.subscription.expiresAt).toBe((before.expiresAt as number) + 5000);
    const human = await dinfra([...url, 'subscription', 'top-up', first, '500m'], CHARLIE);
    expect(human.stdout).toMatch(/Topped up #\d+ by 0\.5 DIN[\s\S]*Expiry moved from block #\d+ to #\d+/);
  });

  it('watch prints the events, and terminate refunds the unspent deposit', async () => {
    const watch = spawn(process.execPath, [CLI, ...url, 'subscription', 'watch', first, '--json']);
    let lines = '';
    watch.stdout.on('data', (d: Buffer) => (lines += d.toString()));
    const watched = new Promise<number>((resolve) => watch.once('exit', (code) => resolve(code ?? -1)));
    for (let i = 0; i < 200 && !lines.includes('"State"'); i++) await new Promise((r) => setTimeout(r, 100));

    const charlie = keyring.addFromUri('//Charlie').address;
    const reservedBefore = (await balances(api, charlie)).reserved;
    const deposit = BigInt(json<SubDoc>(await dinfra([...url, 'subscription', 'show', first, '--json'])).subscription.deposit as string);
    const res = await dinfra([...url, 'subscription', 'terminate', first, '--json'], CHARLIE);
    expect(res.code, res.stderr).toBe(0);
    const doc = json(res);
    expect(doc.reason).toBe('BySubscriber');
    const refund = BigInt(doc.refund as string);
    const paid = BigInt(doc.paidToProvider as string);
    expect(refund).toBeGreaterThan(0n);
    expect(refund + paid).toBe(deposit);
    // The whole deposit left the reserve: the refund back to free, the rest to the provider.
    expect((await balances(api, charlie)).reserved).toBe(reservedBefore - deposit);

    expect(await watched).toBe(0);
    const events = lines.trim().split('\n').map((l) => JSON.parse(l) as Doc);
    expect(events[0]).toMatchObject({ event: 'State', subscription: { id: first, state: 'Running' } });
    expect(events.at(-1)).toMatchObject({ event: 'Terminated', id: Number(first), reason: 'BySubscriber', refund: Number(refund) });

    const show = json<SubDoc>(await dinfra([...url, 'subscription', 'show', first, '--json'])).subscription;
    expect(show).toMatchObject({ state: 'Terminated', terminationReason: 'BySubscriber', depositLeft: '0', expiresAt: null });
  });

  it('decodes a dispatch error and exits 1: deregister while holding a live subscription', async () => {
    const res = await dinfra([...url, 'provider', 'deregister'], BOB);
    expect(res.code).toBe(1);
    expect(res.stderr).toMatch(/dinfra: error: Providers\.HasLiveSubscriptions: The provider still holds live subscriptions; they must end first\./);
  });

  it('signs from an encrypted keystore file; pause, resume, set-operator, terminate by the provider, close-offer, deregister', async () => {
    const file = join(dir, 'bob.json');
    const imp = await dinfra(['keys', 'import', '--out', file, '--json'], { ...BOB, DINFRA_NEW_PASSWORD: 'correct horse' });
    expect(imp.code, imp.stderr).toBe(0);
    const pause = await dinfra([...url, '--keystore', file, 'provider', 'pause'], { DINFRA_PASSWORD: 'correct horse' });
    expect(pause.code, pause.stderr).toBe(0);
    // Every later command signs from the same keystore file (no secret URI in the environment).
    const ks = ['--keystore', file];
    const pw = { DINFRA_PASSWORD: 'correct horse' };
    let show = json<{ provider: Doc }>(await dinfra([...url, 'provider', 'show', 'bob-cloud', '--json']));
    expect(show.provider.status).toBe('Paused');
    expect(json<{ types: Array<{ offerings: Doc[] }> }>(await dinfra([...url, 'market', '--type', 'substrate-node', '--json'])).types[0]!.offerings).toEqual([]);
    expect((await dinfra([...url, ...ks, 'provider', 'resume'], pw)).code).toBe(0);
    const ferdie = keyring.addFromUri('//Ferdie').address;
    expect((await dinfra([...url, ...ks, 'provider', 'set-operator', ferdie], pw)).code).toBe(0);
    show = json<{ provider: Doc }>(await dinfra([...url, ...ks, 'provider', 'show', '--json'], pw));
    expect(show.provider).toMatchObject({ status: 'Active', operator: ferdie, liveSubscriptions: 1 });

    // The remaining live subscription ends (terminated by the provider), then deregister succeeds.
    const live = (show.provider.liveSubscriptionIds as string[])[0]!;
    const term = await dinfra([...url, ...ks, 'subscription', 'terminate', live, '--json'], pw);
    expect(json(term)).toMatchObject({ reason: 'ByProvider' });
    const close = await dinfra([...url, ...ks, 'provider', 'close-offer', 'substrate-node', '--json'], pw);
    expect(json(close)).toMatchObject({ removed: true });
    const dereg = await dinfra([...url, ...ks, 'provider', 'deregister', '--json'], pw);
    expect(dereg.code, dereg.stderr).toBe(0);
    expect(json(dereg).released).toBe(String(100n * DIN));
  }, 240_000); // eight commands, each decrypting the keystore (scrypt)

  it('registers a deployment type through Sudo and validates descriptors with --schema', async () => {
    const schema = file('kv.schema.json', JSON.stringify({ $schema: 'https://json-schema.org/draft/2020-12/schema', type: 'object', properties: { size: { enum: ['s', 'm'] } }, required: ['size'] }));
    const reg = await dinfra([...url, 'type', 'register', 'kv-store', '--schema', schema, '--sudo', '--json'], { DINFRA_SURI: '//Alice' });
    expect(reg.code, reg.stderr).toBe(0);
    const t = json<{ type: { id: number; name: string; schemaCid: string } }>(reg).type;
    expect(t).toMatchObject({ id: 4, name: 'kv-store', schemaCid: expect.stringMatching(/^bafkrei[a-z2-7]+$/) });
    const sub = (desc: string, ...extra: string[]) => dinfra([...url, 'subscribe', 'kv-store', '--descriptor', desc, '--deposit', '1', ...extra], CHARLIE);
    const [list, noSchema, invalid, valid] = await Promise.all([
      dinfra([...url, 'type', 'list', '--json']),
      sub(file('kv1.json', '{"size":"s"}')),
      sub(file('kv2.json', '{"size":"xl"}'), '--schema', schema),
      sub(file('kv3.json', '{"size":"m"}'), '--schema', schema),
    ]);
    expect(json<{ types: Doc[] }>(list).types[4]).toMatchObject({ name: 'kv-store', schemaCid: t.schemaCid, schema: 'external' });
    expect(noSchema.code).toBe(2);
    expect(noSchema.stderr).toMatch(/no schema is known for type "kv-store" .*pass --schema FILE/);
    expect(invalid.code).toBe(2);
    expect(invalid.stderr).toMatch(/\/size: must be one of "s", "m"/);
    // Valid, but nobody offers it yet: the chain's answer, before signing.
    expect(valid.code).toBe(1);
    expect(valid.stderr).toMatch(/Subscriptions\.NoOfferingOfType: /);
  });
});
