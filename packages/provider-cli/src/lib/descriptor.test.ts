import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveDescriptor } from './descriptor.ts';
import { fileCid } from './cid.ts';
import { builtinSchemas } from './schemas.ts';
import type { DeploymentType } from '@dinfra/runtime-specs';

const dir = mkdtempSync(join(tmpdir(), 'dinfra-desc-'));
const file = (name: string, content: string) => {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
};
// The built-in types as the dev chain's genesis registers them (ids 0..3, schema CIDs).
const BUILTIN: Array<[string, string]> = [
  ['substrate-node', 'bafkreibzd7i342fzej6rqfz3ezjmcs6kjukcyydn7uhdgzxwqqs2noxos4'],
  ['rpc-endpoint', 'bafkreid4gq4cyhamnkxs5tvurkjrods7twyxelq7en5uithl6ub5hfynze'],
  ['snapshot-source', 'bafkreiamkanozur53cwo2v7vgp4x3g3grl2crhafxnaamrqgjmduc723ci'],
  ['cloud-init', 'bafkreih2mxra3f5ag36vv5br6dqm65gavhlfldkq3r5avi6hqtgws3e3ru'],
];
const typeOf = (name: string): DeploymentType => {
  const id = BUILTIN.findIndex(([n]) => n === name);
  return { id, name, schemaCid: BUILTIN[id]![1], owner: undefined, deposit: 0n, registeredAt: 0 };
};

describe('built-in schemas', () => {
  it('ships each built-in type\'s schema under the CID the chain stores', async () => {
    const shipped = await builtinSchemas();
    expect([...shipped.values()].map((s) => [s.name, s.cid]).sort()).toEqual([...BUILTIN].sort());
  });
});

describe('resolveDescriptor', () => {
  const good = JSON.stringify({ type: 'substrate-node', role: 'rpc', chain: 'polkadot', version: 'v1.16.0' }, null, 2) + '\n';

  it('validates a file and gives its ipfs-add CID', async () => {
    const p = file('good.json', good);
    const r = await resolveDescriptor(p, typeOf('substrate-node'));
    expect(r).toEqual({ cid: await fileCid(new TextEncoder().encode(good)), file: p, validated: true });
  });

  it('names what fails the schema', async () => {
    const p = file('bad.json', JSON.stringify({ type: 'substrate-node', role: 'miner', chain: 'polkadot', colour: 1 }));
    const err = await resolveDescriptor(p, typeOf('substrate-node')).catch((e: Error) => e);
    expect(err).toBeInstanceOf(Error);
    const message = (err as Error).message;
    expect(message).toMatch(/does not match the schema of type "substrate-node"/);
    expect(message).toMatch(/unknown property "colour"/);
    expect(message).toMatch(/missing required property "version"/);
    expect(message).toMatch(/\/role: must be one of "rpc", "archive", "validator", "collator"/);
  });

  it('refuses a descriptor of another type', async () => {
    await expect(resolveDescriptor(file('other.json', good), typeOf('cloud-init'))).rejects.toThrow(/\/type: must be "cloud-init"/);
  });

  it('refuses non-JSON and missing files', async () => {
    await expect(resolveDescriptor(file('x.json', '{nope'), typeOf('substrate-node'))).rejects.toThrow(/is not JSON/);
    await expect(resolveDescriptor(join(dir, 'missing.json'), typeOf('substrate-node'))).rejects.toThrow(/no such file/);
  });

  it('takes a CID as given', async () => {
    const r = await resolveDescriptor('QmT78zSuBmuS4z925WZfrqQ1qHaJ56DQaTfyMUF7F8ff5o', typeOf('substrate-node'));
    expect(r).toEqual({ cid: 'QmT78zSuBmuS4z925WZfrqQ1qHaJ56DQaTfyMUF7F8ff5o', file: undefined, validated: false });
  });

  it('needs --schema for a type it does not ship, checked against the CID', async () => {
    const custom: DeploymentType = { id: 9, name: 'custom', schemaCid: 'bafkreifjjcie6lypi6ny7amxnfftagclbuxndqonfipmb64f2km2devei4', owner: undefined, deposit: 0n, registeredAt: 1 };
    await expect(resolveDescriptor(file('c.json', '{}'), custom)).rejects.toThrow(/no schema is known for type "custom".*--schema FILE/);
    await expect(resolveDescriptor(file('c.json', '{}'), custom, { schemaFile: file('s.json', '{"type":"object"}') })).rejects.toThrow(/is not the schema of type "custom"/);
    const r = await resolveDescriptor(file('c.json', '{}'), custom, { validate: false });
    expect(r.validated).toBe(false);
  });
});
