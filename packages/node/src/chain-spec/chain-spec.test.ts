import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  buildSpecCommand, ChainSpecError, CODE_KEY, genesisConfigOf, genesisStorageOf, loadChainSpec, parseChainSpec,
  parseJsonLossless, stringifyJsonLossless, toRawChainSpec, type BuildGenesisStorage, type GenesisConfig,
} from './index.ts';

const ALICE = '5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY';
const BOB = '5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty';
const CHARLIE = '5FLSigC9HGRKVhB9FiEo4Y3koPsNmBmLJbpXg2mp1hXcS59Y';
const DAVE = '5DAAnrj7VHTznn2AWBemMuyBwZWs6FNFjdyVXUeYum3PTXFy';
const EVE = '5HGjWAeFDfFCWPsjFQdVV2Msvz2XtMktvgocEZcCj68kUMaw';
const FERDIE = '5CiPPseXPECbkjWCa6MnjNokrgYjMqmKndv2rSnekmSK2DjL';
const ALICE_STASH = '5GNJqTPyNqANBkUVMN1LPPrxXnFouWXoe2wNSmmEoLctxiZY';
const ALICE_ED = '5FA9nQDVg267DEd8m1ZypXLBnvN7SFxYwV7ndqSYGiN9TTpu';
const DIN = 10n ** 12n;

/** Fake runtime: one key per funded account, plus sudo. */
const fakeBuild: BuildGenesisStorage = (config: GenesisConfig) => {
  const hex = (s: string) => `0x${Buffer.from(s).toString('hex')}`;
  const storage = new Map<string, string>();
  for (const [who, amount] of config.balances.balances) storage.set(hex(`balance:${who}`), `0x${amount.toString(16).padStart(32, '0')}`);
  if (config.sudo.key) storage.set(hex('sudo'), hex(config.sudo.key));
  return storage;
};

function tmpFile(name: string, text: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'chain-spec-')), name);
  writeFileSync(file, text);
  return file;
}

function expectChainSpecError(fn: () => unknown, ...parts: string[]): void {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(ChainSpecError);
    for (const part of parts) expect((err as Error).message).toContain(part);
    return;
  }
  throw new Error('expected a ChainSpecError');
}

describe('presets', () => {
  it('dev: Alice..Ferdie and their stashes hold 1,000,000 DIN; Alice is sudo and authority', () => {
    const spec = loadChainSpec('dev');
    expect(spec).toMatchObject({ name: 'Development', id: 'dev', chainType: 'Development', properties: { ss58Format: 42, tokenDecimals: 12, tokenSymbol: 'DIN' } });
    const config = genesisConfigOf(spec);
    expect(config.balances.balances).toHaveLength(12);
    expect(config.balances.balances.every(([, amount]) => amount === 1_000_000n * DIN)).toBe(true);
    expect(config.balances.balances.map(([who]) => who)).toContain(ALICE_STASH);
    expect(config.sudo.key).toBe(ALICE);
    expect(config.aura.authorities).toEqual([ALICE]);
    expect(config.grandpa.authorities).toEqual([[ALICE, 1n]]);
  });

  it('local: Alice..Ferdie hold 1,000,000 DIN (no stashes: zombienet adds its own); Alice and Bob are authorities; Alice is sudo', () => {
    const spec = loadChainSpec('local');
    expect(spec).toMatchObject({ id: 'local_testnet', chainType: 'Local' });
    const config = genesisConfigOf(spec);
    expect(config.balances.balances).toEqual([ALICE, BOB, CHARLIE, DAVE, EVE, FERDIE].map((who) => [who, 1_000_000n * DIN]));
    expect(config.sudo.key).toBe(ALICE);
    expect(config.aura.authorities).toEqual([ALICE, BOB]);
  });
});

describe('specs edited by zombienet', () => {
  it('loads bare big integers exactly, appended stashes and unknown sections', () => {
    const spec = parseJsonLossless(buildSpecCommand({ chain: 'local', raw: false }, fakeBuild)) as {
      genesis: { runtimeGenesis: { patch: Record<string, any> } };
    };
    const patch = spec.genesis.runtimeGenesis.patch;
    patch['balances'].balances.push([ALICE_STASH, 2000000000000], [BOB, 340282366920938463463374607431768211455n]);
    patch['balances'].balances.splice(1, 1);
    patch['aura'].authorities = [ALICE];
    patch['grandpa'].authorities = [[ALICE_ED, 1]];
    patch['session'] = { keys: [] };
    const file = tmpFile('local-plain.json', stringifyJsonLossless(spec));
    const config = genesisConfigOf(loadChainSpec(file));
    expect(config.balances.balances).toEqual([
      ...[ALICE, CHARLIE, DAVE, EVE, FERDIE].map((who) => [who, 1_000_000n * DIN]),
      [ALICE_STASH, 2_000_000_000_000n],
      [BOB, 2n ** 128n - 1n],
    ]);
    expect(config.grandpa.authorities).toEqual([[ALICE_ED, 1n]]);
    expect(config).not.toHaveProperty('session');
  });

  it('resolves relative paths against the given cwd', () => {
    const file = tmpFile('x.json', buildSpecCommand({ chain: 'dev', raw: false }, fakeBuild));
    expect(loadChainSpec('x.json', join(file, '..')).id).toBe('dev');
  });
});

describe('errors name the file and the problem', () => {
  it('missing file', () => expectChainSpecError(() => loadChainSpec('nope/missing.json'), 'missing.json', 'no such file'));
  it('invalid JSON', () => expectChainSpecError(() => loadChainSpec(tmpFile('bad.json', '{"name": ')), 'bad.json', 'invalid JSON'));
  it('missing fields', () =>
    expectChainSpecError(() => parseChainSpec('{"name": "x", "genesis": {}}', 'f.json'), 'f.json', 'id', 'runtimeGenesis'));
  it('bad raw key', () =>
    expectChainSpecError(() => parseChainSpec('{"name":"x","id":"x","genesis":{"raw":{"top":{"zz":"0x"}}}}', 'r.json'), 'genesis.raw.top', 'hex'));
  it('bad address and amount in the patch', () => {
    const spec = JSON.parse(buildSpecCommand({ chain: 'local', raw: false }, fakeBuild));
    spec.genesis.runtimeGenesis.patch.balances.balances[0] = ['5Nope', -3];
    const file = tmpFile('p.json', JSON.stringify(spec));
    expectChainSpecError(() => genesisConfigOf(loadChainSpec(file)), 'balances.balances[0][0]: expected an SS58 address', 'balances.balances[0][1]');
  });
  it('duplicate balances', () => {
    const spec = JSON.parse(buildSpecCommand({ chain: 'local', raw: false }, fakeBuild));
    spec.genesis.runtimeGenesis.patch.balances.balances.push([ALICE, 1]);
    expectChainSpecError(() => genesisConfigOf(parseChainSpec(JSON.stringify(spec), 'd.json')), 'duplicate account');
  });
});

describe('raw specs and genesis storage', () => {
  it('toRawChainSpec keeps name, id and properties and holds the built storage plus :code', () => {
    const plain = loadChainSpec('local');
    const raw = toRawChainSpec(plain, fakeBuild);
    expect(raw).toMatchObject({ name: plain.name, id: plain.id, properties: plain.properties, chainType: 'Local' });
    expect(raw.genesis).toEqual({ raw: { top: expect.any(Object), childrenDefault: {} } });
    const storage = genesisStorageOf(plain, fakeBuild);
    expect(storage.get(CODE_KEY)).toBe('0x');
    expect(storage.size).toBe(8); // six balances, sudo, :code
    expect(genesisStorageOf(raw, fakeBuild)).toEqual(storage);
  });

  it('build-spec --raw prints a spec that loads back to the same storage', () => {
    const file = tmpFile('raw.json', buildSpecCommand({ chain: 'dev', raw: true, disableDefaultBootnode: true }, fakeBuild));
    const raw = loadChainSpec(file);
    expect('raw' in raw.genesis).toBe(true);
    expect(genesisStorageOf(raw, () => { throw new Error('not called'); })).toEqual(genesisStorageOf(loadChainSpec('dev'), fakeBuild));
    expect(buildSpecCommand({ chain: file, raw: true }, fakeBuild)).toBe(buildSpecCommand({ chain: 'dev', raw: true }, fakeBuild));
  });

  it('plain build-spec prints amounts as bare numbers', () => {
    expect(buildSpecCommand({ chain: 'dev', raw: false }, fakeBuild)).toContain(`"${ALICE}",\n              1000000000000000000\n`);
  });
});
