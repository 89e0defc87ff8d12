import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chooseStore } from './content-store.ts';
import { mergeSecrets, parseSecretFlags, readSecretsFile } from './secrets-input.ts';

const dir = mkdtempSync(join(tmpdir(), 'dinfra-secrets-input-'));
const file = (name: string, text: string) => {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
};

describe('--secret / --secrets-file', () => {
  it('parses NAME=VALUE flags; the value keeps its = and may be empty', () => {
    expect([...parseSecretFlags(['a=1', 'b=x=y', 'c='])]).toEqual([['a', '1'], ['b', 'x=y'], ['c', '']]);
  });

  it('refuses a flag without = without echoing it, bad names and duplicates', () => {
    expect(() => parseSecretFlags(['hunter2'])).toThrow(/^--secret must be NAME=VALUE \(one argument has no "="\)$/);
    expect(() => parseSecretFlags(['=v'])).toThrow(/secret name "" must be/);
    expect(() => parseSecretFlags(['a b=v'])).toThrow(/secret name "a b" must be/);
    expect(() => parseSecretFlags(['a=1', 'a=2'])).toThrow(/--secret a is given twice/);
  });

  it('reads KEY=VALUE lines (comments, blank lines, CRLF) and JSON objects', async () => {
    expect([...(await readSecretsFile(file('a.env', '# c\r\n\r\nA=1\r\nB= spaced value \r\n')))]).toEqual([['A', '1'], ['B', ' spaced value ']]);
    expect([...(await readSecretsFile(file('a.json', '{"x": "1", "y": ""}')))]).toEqual([['x', '1'], ['y', '']]);
  });

  it('refuses a file with a line without =, a non-string JSON value, bad JSON, or an array', async () => {
    await expect(readSecretsFile(file('b.env', 'A=1\nsecret-without-name\n'))).rejects.toThrow(/line 2: expected NAME=VALUE/);
    await expect(readSecretsFile(file('b.json', '{"x": 1}'))).rejects.toThrow(/the value of "x" must be a string/);
    await expect(readSecretsFile(file('c.json', '{"x": "hunter2"'))).rejects.toThrow(/is not valid JSON/);
    await expect(readSecretsFile(file('c.json', '{"x": "hunter2"'))).rejects.not.toThrow(/hunter2/);
    await expect(readSecretsFile(join(dir, 'absent'))).rejects.toThrow(/cannot read it \(no such file\)/);
  });

  it('merges the descriptor, the file and the flags; a name in two places is refused; sealed values are kept', () => {
    const sealedValue = 'dinfra-sealed:v1:AAAA';
    const m = mergeSecrets({ fromDescriptor: { a: 'plain', s: sealedValue }, fromFile: new Map([['b', '2']]), fromFlags: new Map([['c', '3']]), descriptor: 'd.json' });
    expect([...m.toSeal]).toEqual([['a', 'plain'], ['b', '2'], ['c', '3']]);
    expect([...m.sealed]).toEqual([['s', sealedValue]]);
    expect(() => mergeSecrets({ fromDescriptor: { a: 'x' }, fromFile: new Map([['a', '1']]), fromFlags: new Map(), descriptor: 'd.json' })).toThrow(/descriptor's secrets and in --secrets-file/);
    expect(() => mergeSecrets({ fromDescriptor: {}, fromFile: new Map(), fromFlags: new Map(), descriptor: 'd.json' })).not.toThrow();
    expect(() => mergeSecrets({ fromDescriptor: { a: 1 }, fromFile: new Map(), fromFlags: new Map(), descriptor: 'd.json' })).toThrow(/secrets\.a must be a string/);
  });
});

describe('content store choice', () => {
  const none = mkdtempSync(join(tmpdir(), 'dinfra-store-none-'));
  const withDefault = mkdtempSync(join(tmpdir(), 'dinfra-store-default-'));
  mkdirSync(join(withDefault, '.dinfra', 'ipfs'), { recursive: true });

  it('flags, then env, then ./.dinfra/ipfs when it exists, else none', () => {
    expect(chooseStore({ ipfsApi: 'http://127.0.0.1:5001' }, { DINFRA_IPFS_REPO: '/x' }, none)).toMatchObject({ kind: 'kubo', ipfsApi: 'http://127.0.0.1:5001', from: '--ipfs-api' });
    expect(chooseStore({ ipfsRepo: 'store' }, {}, none)).toMatchObject({ kind: 'embedded', ipfsRepo: join(none, 'store') });
    expect(chooseStore({}, { DINFRA_IPFS_API: 'https://kubo.example:5001' }, withDefault)).toMatchObject({ kind: 'kubo', from: 'DINFRA_IPFS_API' });
    expect(chooseStore({}, { DINFRA_IPFS_REPO: 'r' }, withDefault)).toMatchObject({ kind: 'embedded', ipfsRepo: join(withDefault, 'r') });
    expect(chooseStore({}, {}, withDefault)).toMatchObject({ kind: 'embedded', ipfsRepo: join(withDefault, '.dinfra', 'ipfs') });
    expect(chooseStore({}, {}, none)).toBeUndefined();
  });

  it('refuses two stores at once and a URL that is not http(s)', () => {
    expect(() => chooseStore({ ipfsApi: 'http://a', ipfsRepo: 'b' }, {}, none)).toThrow(/not both/);
    expect(() => chooseStore({}, { DINFRA_IPFS_API: 'http://a', DINFRA_IPFS_REPO: 'b' }, none)).toThrow(/both set/);
    expect(() => chooseStore({ ipfsApi: '/ip4/127.0.0.1/tcp/5001' }, {}, none)).toThrow(/is not a URL/);
    expect(() => chooseStore({}, { DINFRA_IPFS_API: 'ws://127.0.0.1:5001' }, none)).toThrow(/DINFRA_IPFS_API "ws:\/\/127\.0\.0\.1:5001" must be an http\(s\) URL/);
  });
});
