import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ApiPromise } from '@polkadot/api';
import type { Keyring } from '@polkadot/keyring';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startNode, type RunningNode } from '../support/node-process.ts';
import { CLI, client, dinfra, json, nextSubscriptionId, nonceOf, send, type CliResult } from './support.ts';

let node: RunningNode;
let api: ApiPromise;
let keyring: Keyring;
const dir = mkdtempSync(join(tmpdir(), 'dinfra-bad-'));
const file = (name: string, content: string) => {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
};
const MNEMONIC = 'bottom drive obey lake curtain smoke basket hold race lonely fit walk';
const good = file('good.json', JSON.stringify({ type: 'substrate-node', role: 'rpc', chain: 'polkadot', version: 'v1.16.0' }));

beforeAll(async () => {
  node = await startNode(['--dev']);
  ({ api, keyring } = await client(node.wsUrl));
  const bob = keyring.addFromUri('//Bob');
  await send(api.tx.providers!.register!('bob-cloud', 'https://ogate.bob.example', bob.address), bob);
  await send(api.tx.providers!.setOffering!(0, 5, 1_000_000_000n, ['eu-west'], true), bob);
});

afterAll(async () => {
  await api?.disconnect();
  await node?.kill();
});

/** Runs bad invocations `limit` at a time. */
async function runAll(cases: Array<{ args: string[]; env?: Record<string, string> }>, limit = 3): Promise<CliResult[]> {
  const out: CliResult[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < cases.length) {
        const i = next++;
        const c = cases[i]!;
        out[i] = await dinfra(c.args, c.env ?? { DINFRA_SURI: '//Charlie' });
      }
    }),
  );
  return out;
}

describe('bad input exits 2, names the problem, and submits nothing', () => {
  it('refuses each bad subscribe before signing', async () => {
    const url = ['--url', node.wsUrl];
    const sub = (...extra: string[]) => [...url, 'subscribe', 'substrate-node', '--descriptor', good, '--deposit', '10', ...extra];
    const charlie = keyring.addFromUri('//Charlie').address;
    const nonce = await nonceOf(api, charlie);
    const nextId = await nextSubscriptionId(api);

    const cases: Array<{ name: string; args: string[]; env?: Record<string, string>; message: RegExp }> = [
      { name: 'unknown type', args: [...url, 'subscribe', 'no-such-type', '--descriptor', good, '--deposit', '10'], message: /unknown deployment type "no-such-type" \(known: substrate-node, rpc-endpoint, snapshot-source, cloud-init/ },
      { name: 'malformed amount', args: [...url, 'subscribe', 'substrate-node', '--descriptor', good, '--deposit', '1.2.3'], message: /--deposit amount "1\.2\.3" is malformed/ },
      { name: 'unknown unit', args: [...url, 'subscribe', 'substrate-node', '--descriptor', good, '--deposit', '10 DOT'], message: /--deposit amount "10 DOT" has unknown unit "DOT" \(the token is DIN\)/ },
      { name: 'too many decimals', args: sub('--max-price', '0.0000000000001'), message: /--max-price amount "0\.0000000000001" has more decimals than the token's 12/ },
      { name: 'deposit below minimum', args: [...url, 'subscribe', 'substrate-node', '--descriptor', good, '--deposit', '500m'], message: /--deposit 0\.5 DIN is below the chain's minimum deposit of 1 DIN/ },
      { name: 'malformed URL', args: ['--url', 'localhost:9944', 'subscribe', 'substrate-node', '--descriptor', good, '--deposit', '10'], message: /--url "localhost:9944" must be a WebSocket URL/ },
      { name: 'not a URL', args: ['--url', 'not a url', 'market'], message: /--url "not a url" is not a URL/ },
      { name: 'unreachable URL', args: ['--url', 'ws://127.0.0.1:1', '--timeout', '5', 'subscribe', 'substrate-node', '--descriptor', good, '--deposit', '10'], message: /cannot connect to ws:\/\/127\.0\.0\.1:1: .*ECONNREFUSED/ },
      { name: 'missing key', args: sub(), env: {}, message: /no key was given: give --suri, set DINFRA_SURI, or give --keystore FILE/ },
      { name: 'bad secret', args: sub(), env: { DINFRA_SURI: 'not a valid secret at all' }, message: /the secret URI is not a valid mnemonic, hex seed or derivation path \(it is not shown\)/ },
      { name: 'missing keystore', args: [...sub(), '--keystore', join(dir, 'nope.json')], env: { DINFRA_PASSWORD: 'x' }, message: /cannot read keystore .*nope\.json: ENOENT/ },
      {
        name: 'descriptor failing its schema',
        args: [...url, 'subscribe', 'substrate-node', '--descriptor', file('bad.json', JSON.stringify({ type: 'substrate-node', role: 'miner', chain: 'polkadot' })), '--deposit', '10'],
        message: /descriptor .*bad\.json does not match the schema of type "substrate-node":[\s\S]*missing required property "version"[\s\S]*\/role: must be one of "rpc", "archive", "validator", "collator"/,
      },
      { name: 'descriptor of another type', args: [...url, 'subscribe', 'cloud-init', '--descriptor', good, '--deposit', '10'], message: /does not match the schema of type "cloud-init"/ },
      { name: 'descriptor not JSON', args: [...url, 'subscribe', 'substrate-node', '--descriptor', file('x.json', '{ nope'), '--deposit', '10'], message: /descriptor .*x\.json is not JSON/ },
      { name: 'descriptor missing', args: [...url, 'subscribe', 'substrate-node', '--descriptor', join(dir, 'missing.json'), '--deposit', '10'], message: /cannot read descriptor .*missing\.json: no such file/ },
      { name: 'unknown provider', args: sub('--provider', 'nobody'), message: /--provider "nobody" is not a registered provider/ },
      { name: 'conflicting target', args: sub('--provider', 'bob-cloud', '--region', 'eu-west'), message: /--provider names one offering; --allow and --region choose among several/ },
      { name: 'bad wait', args: sub('--wait', 'forever'), message: /option '--wait <when>' argument 'forever' is invalid/ },
      { name: 'bad subscription id', args: [...url, 'subscription', 'top-up', 'abc', '1'], message: /subscription id "abc" is not a number/ },
      { name: 'zero top-up', args: [...url, 'subscription', 'top-up', '0', '0'], message: /top-up amount must be positive/ },
      { name: 'bad operator', args: [...url, 'provider', 'set-operator', 'bob'], message: /operator "bob" is not an account address/ },
      { name: 'zero capacity', args: [...url, 'provider', 'offer', 'substrate-node', '--capacity', '0', '--price', '1'], message: /--capacity: must be at least 1/ },
    ];
    const results = await runAll(cases);
    cases.forEach((c, i) => {
      const r = results[i]!;
      expect(r.code, `${c.name}: ${r.stderr}`).toBe(2);
      expect(r.stderr, c.name).toMatch(c.message);
      expect(r.stderr, c.name).not.toMatch(/internal error|at .*\.ts:\d+/);
    });
    // Nothing was signed or submitted.
    expect(await nonceOf(api, charlie)).toBe(nonce);
    expect(await nextSubscriptionId(api)).toBe(nextId);
  });

  it('with --json, prints the error as one JSON document', async () => {
    const r = await dinfra(['--url', node.wsUrl, 'subscribe', 'substrate-node', '--descriptor', good, '--deposit', 'ten', '--json'], { DINFRA_SURI: '//Charlie' });
    expect(r.code).toBe(2);
    expect(json(r)).toEqual({ error: { code: 'E_AMOUNT', message: expect.stringMatching(/--deposit amount "ten" is malformed/) } });
  });

  it('exits 1 with the decoded reason when no offering fits, still before signing', async () => {
    const charlie = keyring.addFromUri('//Charlie').address;
    const nonce = await nonceOf(api, charlie);
    const [region, price] = await runAll([
      { args: ['--url', node.wsUrl, 'subscribe', 'substrate-node', '--descriptor', good, '--deposit', '10', '--region', 'mars'] },
      { args: ['--url', node.wsUrl, 'subscribe', 'substrate-node', '--descriptor', good, '--deposit', '10', '--max-price', '1planck'] },
    ]);
    expect(region!.code).toBe(1);
    expect(region!.stderr).toMatch(/Subscriptions\.NoOfferingInRegion: Open offerings of the type exist, but none in the requested region\./);
    expect(price!.code).toBe(1);
    expect(price!.stderr).toMatch(/Subscriptions\.AllOfferingsTooExpensive: /);
    expect(await nonceOf(api, charlie)).toBe(nonce);
  });

  it('exits 1 with the decoded dispatch error when the chain refuses the extrinsic', async () => {
    const r = await dinfra(['--url', node.wsUrl, 'provider', 'register', '--name', 'again', '--api-url', 'https://x.example'], { DINFRA_SURI: '//Bob' });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/dinfra: error: Providers\.AlreadyRegistered: The account is already registered as a provider\./);
  });

  it('never prints the secret', async () => {
    const [inspect, failing] = await runAll(
      [
        { args: ['keys', 'inspect', '--json'], env: { DINFRA_SURI: MNEMONIC } },
        { args: ['--url', node.wsUrl, 'subscription', 'terminate', '999'], env: { DINFRA_SURI: MNEMONIC } },
      ],
      2,
    );
    expect(inspect!.code).toBe(0);
    expect(json(inspect!).address).toBe(keyring.addFromUri(MNEMONIC).address);
    expect(failing!.code).toBe(1);
    for (const r of [inspect!, failing!]) {
      expect(r.stdout + r.stderr).not.toContain('bottom drive');
    }
  });

  it('Ctrl-C while waiting stops waiting (exit 130) and leaves the subscription as the chain has it', async () => {
    const next = await nextSubscriptionId(api);
    const child = spawn(process.execPath, [CLI, '--url', node.wsUrl, 'subscribe', 'substrate-node', '--descriptor', good, '--deposit', '2', '--wait', 'running'], {
      env: { ...process.env, DINFRA_SURI: '//Charlie' },
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    for (let i = 0; i < 300 && !/waiting for it to provision/.test(stderr); i++) await new Promise((r) => setTimeout(r, 100));
    child.kill('SIGINT');
    expect(await exited).toBe(130);
    expect(stderr).toMatch(new RegExp(`stopped waiting; subscription ${next} goes on`));
    const sub = (await api.query.subscriptions!.subscriptions!(next)) as unknown as { isSome: boolean; unwrap(): { status: { type: string } } };
    expect(sub.isSome).toBe(true);
    expect(sub.unwrap().status.type).toBe('Awarded');
  });
});
