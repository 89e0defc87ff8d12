// `dinfra subscribe` with secrets and a content store, over a real dev node: secrets are
// sealed to the pinned provider's operator key (OGate's side opens them with //Dave's key),
// the descriptor is added to the store before subscribing, and bad flags submit nothing.
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ApiPromise } from '@polkadot/api';
import type { Keyring } from '@polkadot/keyring';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isSealed, openContentStore, openSecret, sr25519KeypairFromSuri } from '@dinfra/content';
import { startNode, type RunningNode } from '../support/node-process.ts';
import { peer } from '../support/peers.ts';
import { startKubo, type RunningKubo } from '../support/kubo.ts';
import { CLI, client, json, nextSubscriptionId, nonceOf, type CliResult } from './support.ts';

let node: RunningNode;
let api: ApiPromise;
let keyring: Keyring;
const dir = mkdtempSync(join(tmpdir(), 'dinfra-cli-secrets-'));
const PLAIN = 'node-key-0123456789abcdef-DO-NOT-LEAK';
const CHARLIE = { DINFRA_SURI: '//Charlie' };
const dave = sr25519KeypairFromSuri('//Dave');
const eve = sr25519KeypairFromSuri('//Eve');

/** `dinfra ...args` in `cwd` (a temp dir by default, so no ./.dinfra/ipfs is found by accident). */
function run(args: string[], o: { env?: Record<string, string>; cwd?: string } = {}): Promise<CliResult> {
  const base = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('DINFRA_')));
  return new Promise((resolve) => {
    execFile(process.execPath, [CLI, '--url', node.wsUrl, ...args], { cwd: o.cwd ?? dir, env: { ...base, ...o.env }, timeout: 90_000 }, (err, stdout, stderr) => {
      const code = err ? (typeof (err as { code?: unknown }).code === 'number' ? (err as { code: number }).code : 1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

const file = (name: string, content: string) => {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
};
const descriptor = file('vm.json', JSON.stringify({ type: 'cloud-init', userData: '#cloud-config\npackages: [nginx]\n', size: 'small' }, null, 2) + '\n');
const repoWith = (name: string) => join(dir, name);
type SubDoc = { subscription: { id: string; provider: { name: string; address: string }; descriptorCid: string; target: { kind: string; provider?: string } } } & {
  descriptorCid: string;
  descriptorStore: string | null;
  pinnedProvider: string | null;
  sealedSecrets: string[];
};

beforeAll(async () => {
  node = await startNode(['--dev']);
  ({ api, keyring } = await client(node.wsUrl));
  // ferdie-cloud (operator //Dave) is the cheaper cloud-init offering; bob-cloud (operator //Eve) the dearer.
  const setups: [string, string, string, string][] = [
    ['//Ferdie', 'ferdie-cloud', keyring.addFromUri('//Dave').address, '1m'],
    ['//Bob', 'bob-cloud', keyring.addFromUri('//Eve').address, '2m'],
  ];
  for (const [suri, name, operator, price] of setups) {
    const reg = await run(['provider', 'register', '--name', name, '--api-url', `https://ogate.${name}.example`, '--operator', operator, '--wait', 'in-block'], { env: { DINFRA_SURI: suri } });
    expect(reg.code, reg.stderr).toBe(0);
    const offer = await run(['provider', 'offer', 'cloud-init', '--capacity', '10', '--price', price, '--wait', 'in-block'], { env: { DINFRA_SURI: suri } });
    expect(offer.code, offer.stderr).toBe(0);
  }
});

afterAll(async () => {
  await api?.disconnect();
  await node?.kill();
  rmSync(dir, { recursive: true, force: true });
});

async function storedDescriptor(o: { ipfsRepo?: string; ipfsApi?: string }, cid: string): Promise<{ text: string; doc: { secrets: Record<string, string> } & Record<string, unknown> }> {
  const store = await openContentStore(o);
  try {
    const text = new TextDecoder().decode(await store.get(cid, { timeoutMs: 5_000 }));
    return { text, doc: JSON.parse(text) };
  } finally {
    await store.close();
  }
}

describe('dinfra subscribe with secrets', () => {
  it('a selector is resolved and pinned; secrets are sealed to its operator (//Dave opens them), the descriptor is in the store', async () => {
    const repo = repoWith('store-a');
    const secretsFile = file('secrets.json', JSON.stringify({ apiToken: 'tok-FROM-FILE' }));
    const res = await run(['subscribe', 'cloud-init', '--descriptor', descriptor, '--deposit', '10', '--secret', `nodeKey=${PLAIN}`, '--secrets-file', secretsFile, '--ipfs-repo', repo, '--wait', 'in-block', '--json'], { env: CHARLIE });
    expect(res.code, res.stderr).toBe(0);
    const ferdie = keyring.addFromUri('//Ferdie').address;
    expect(res.stderr).toContain(`secrets: pinned provider ferdie-cloud (${ferdie})`);
    expect(res.stdout + res.stderr).not.toContain(PLAIN);
    const doc = json<SubDoc>(res);
    expect(doc).toMatchObject({ pinnedProvider: ferdie, sealedSecrets: ['apiToken', 'nodeKey'], descriptorStore: `the embedded store ${repo}` });
    // On chain: Target::Provider(ferdie), the stored descriptor's CID.
    expect(doc.subscription).toMatchObject({ provider: { name: 'ferdie-cloud' }, target: { kind: 'provider', provider: ferdie }, descriptorCid: doc.descriptorCid });

    const { text, doc: stored } = await storedDescriptor({ ipfsRepo: repo }, doc.descriptorCid);
    expect(text).not.toContain(PLAIN);
    expect(text).not.toContain('tok-FROM-FILE');
    expect(stored).toMatchObject({ type: 'cloud-init', userData: '#cloud-config\npackages: [nginx]\n', size: 'small' });
    expect(isSealed(stored.secrets.nodeKey)).toBe(true);
    // OGate's side: the operator of ferdie-cloud is //Dave.
    expect(openSecret({ name: 'nodeKey', sealed: stored.secrets.nodeKey!, keypairs: [dave] })).toBe(PLAIN);
    expect(openSecret({ name: 'apiToken', sealed: stored.secrets.apiToken!, keypairs: [dave] })).toBe('tok-FROM-FILE');
    expect(() => openSecret({ name: 'nodeKey', sealed: stored.secrets.nodeKey!, keypairs: [eve] })).toThrow(/cannot be opened/);
  });

  it('--provider seals to that provider\'s operator; plaintext secrets in the file are sealed too (KEY=VALUE file)', async () => {
    const repo = repoWith('store-b');
    const withPlain = file('vm-plain.json', JSON.stringify({ type: 'cloud-init', userData: '#cloud-config\n', secrets: { dbPassword: 'pw-IN-DESCRIPTOR' } }));
    const envFile = file('secrets.env', `# comment\n\nextra=a=b=c\n`);
    const res = await run(['subscribe', 'cloud-init', '--descriptor', withPlain, '--deposit', '10', '--provider', 'bob-cloud', '--secrets-file', envFile, '--wait', 'in-block', '--json'], {
      env: { ...CHARLIE, DINFRA_IPFS_REPO: repo },
    });
    expect(res.code, res.stderr).toBe(0);
    expect(res.stderr).not.toMatch(/pinned provider/);
    const doc = json<SubDoc>(res);
    expect(doc).toMatchObject({ pinnedProvider: null, sealedSecrets: ['dbPassword', 'extra'], subscription: { provider: { name: 'bob-cloud' } } });
    const { text, doc: stored } = await storedDescriptor({ ipfsRepo: repo }, doc.descriptorCid);
    expect(text).not.toContain('pw-IN-DESCRIPTOR');
    expect(openSecret({ name: 'dbPassword', sealed: stored.secrets.dbPassword!, keypairs: [eve] })).toBe('pw-IN-DESCRIPTOR');
    expect(openSecret({ name: 'extra', sealed: stored.secrets.extra!, keypairs: [dave, eve] })).toBe('a=b=c');
    expect(() => openSecret({ name: 'dbPassword', sealed: stored.secrets.dbPassword!, keypairs: [dave] })).toThrow(/cannot be opened/);
  });

  it('without secrets, ./.dinfra/ipfs is used when it exists; without it the `ipfs add` hint is printed', async () => {
    const cwd = repoWith('project');
    mkdirSync(join(cwd, '.dinfra', 'ipfs'), { recursive: true });
    const res = await run(['subscribe', 'cloud-init', '--descriptor', descriptor, '--deposit', '10', '--wait', 'in-block'], { env: CHARLIE, cwd });
    expect(res.code, res.stderr).toBe(0);
    const cid = /Descriptor (Qm\w+) is in the embedded store (\S+)\./.exec(res.stdout);
    expect(cid, res.stdout).not.toBeNull();
    expect(cid![2]).toBe(join(cwd, '.dinfra', 'ipfs'));
    const { text } = await storedDescriptor({ ipfsRepo: join(cwd, '.dinfra', 'ipfs') }, cid![1]!);
    expect(text).toBe(JSON.stringify({ type: 'cloud-init', userData: '#cloud-config\npackages: [nginx]\n', size: 'small' }, null, 2) + '\n');

    const bare = await run(['subscribe', 'cloud-init', '--descriptor', descriptor, '--deposit', '10', '--wait', 'in-block'], { env: CHARLIE });
    expect(bare.code, bare.stderr).toBe(0);
    expect(bare.stdout).toContain(`ipfs add ${descriptor}  (-> ${cid![1]})`);
  });

  it('bad secret and store flags exit 2 and submit nothing', async () => {
    const charlie = keyring.addFromUri('//Charlie').address;
    const [nonce, nextId] = [await nonceOf(api, charlie), await nextSubscriptionId(api)];
    const repo = repoWith('store-untouched');
    const sub = (...extra: string[]) => ['subscribe', 'cloud-init', '--descriptor', descriptor, '--deposit', '10', '--ipfs-repo', repo, ...extra];
    const dupFile = file('dup.env', 'a=1\na=2\n');
    const tokenFile = file('token.json', JSON.stringify({ apiToken: 'tok' }));
    const cases: { name: string; args: string[]; message: RegExp; env?: Record<string, string> }[] = [
      { name: 'no =', args: sub('--secret', 'NOEQUALS'), message: /--secret must be NAME=VALUE \(one argument has no "="\)/ },
      { name: 'missing file', args: sub('--secrets-file', join(dir, 'nope.env')), message: /--secrets-file .*nope\.env: cannot read it \(no such file\)/ },
      { name: 'duplicate flag', args: sub('--secret', 'a=1', '--secret', 'a=2'), message: /--secret a is given twice/ },
      { name: 'duplicate in file', args: sub('--secrets-file', dupFile), message: /line 2: "a" is given twice/ },
      { name: 'flag and file', args: sub('--secret', 'apiToken=x', '--secrets-file', tokenFile), message: /secret "apiToken" is given by --secret and --secrets-file: give it once/ },
      { name: 'bad name', args: sub('--secret', '1abc=x'), message: /the secret name "1abc" must be/ },
      { name: 'CID descriptor', args: ['subscribe', 'cloud-init', '--descriptor', 'QmT78zSuBmuS4z925WZfrqQ1qHaJ56DQaTfyMUF7F8ff5o', '--deposit', '10', '--secret', 'a=1'], message: /need a local --descriptor FILE/ },
      { name: 'secrets without a store', args: ['subscribe', 'cloud-init', '--descriptor', descriptor, '--deposit', '10', '--secret', 'a=1'], message: /must add it to a content store: give --ipfs-api URL or --ipfs-repo DIR/ },
      { name: 'both stores', args: sub('--ipfs-api', 'http://127.0.0.1:5001'), message: /give --ipfs-api or --ipfs-repo, not both/ },
      { name: 'bad API URL', args: ['subscribe', 'cloud-init', '--descriptor', descriptor, '--deposit', '10', '--ipfs-api', 'localhost:5001'], message: /--ipfs-api "localhost:5001" must be an http\(s\) URL/ },
      { name: 'unreachable Kubo', args: ['subscribe', 'cloud-init', '--descriptor', descriptor, '--deposit', '10', '--ipfs-api', 'http://127.0.0.1:1', '--secret', 'a=1'], message: /cannot use Kubo at http:\/\/127\.0\.0\.1:1 \(from --ipfs-api\): no Kubo RPC API answers/ },
      { name: 'both env stores', args: ['subscribe', 'cloud-init', '--descriptor', descriptor, '--deposit', '10'], env: { DINFRA_IPFS_API: 'http://127.0.0.1:5001', DINFRA_IPFS_REPO: repo }, message: /DINFRA_IPFS_API and DINFRA_IPFS_REPO are both set/ },
    ];
    // Four CLI processes at a time: the machine's cores are shared.
    const results: CliResult[] = [];
    for (let i = 0; i < cases.length; i += 4) {
      results.push(...(await Promise.all(cases.slice(i, i + 4).map((c) => run([...c.args, '--json'], { env: { ...CHARLIE, ...c.env } })))));
    }
    results.forEach((r, i) => {
      const c = cases[i]!;
      expect(r.code, `${c.name}: ${r.stderr}`).toBe(2);
      expect(r.stderr, c.name).toMatch(c.message);
      expect(r.stdout + r.stderr, c.name).not.toContain('NOEQUALS');
      expect(json<{ error: { code: string } }>(r).error.code, c.name).toMatch(/^E_(USAGE|CONTENT_STORE)$/);
    });
    expect(await nonceOf(api, charlie)).toBe(nonce);
    expect(await nextSubscriptionId(api)).toBe(nextId);
    expect(existsSync(join(repo, 'blocks')) ? readdirSync(join(repo, 'blocks')) : []).toEqual([]);
  });
});

const kuboBin = peer('kubo');
describe.skipIf(!kuboBin)('dinfra subscribe with a real Kubo daemon', () => {
  let kubo: RunningKubo;
  beforeAll(async () => {
    kubo = await startKubo({ bin: kuboBin! });
  });
  afterAll(async () => kubo?.stop());

  it('--ipfs-api adds the sealed descriptor to Kubo under the CID subscribed', async () => {
    const res = await run(['subscribe', 'cloud-init', '--descriptor', descriptor, '--deposit', '10', '--secret', `nodeKey=${PLAIN}`, '--ipfs-api', kubo.apiUrl, '--wait', 'in-block', '--json'], { env: CHARLIE });
    expect(res.code, res.stderr).toBe(0);
    const doc = json<SubDoc>(res);
    expect(doc.subscription.descriptorCid).toBe(doc.descriptorCid);
    // Kubo's own CLI has it, pinned, under that CID.
    const text = await kubo.ipfs(['cat', doc.descriptorCid]);
    expect(text).not.toContain(PLAIN);
    expect(await kubo.ipfs(['pin', 'ls', '--type=recursive', doc.descriptorCid])).toContain(doc.descriptorCid);
    const sealed = (JSON.parse(text) as { secrets: { nodeKey: string } }).secrets.nodeKey;
    expect(openSecret({ name: 'nodeKey', sealed, keypairs: [dave] })).toBe(PLAIN);
  });
});
