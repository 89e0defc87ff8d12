/**
 * The seams between packages, checked: no import circle inside a package's sources, and a
 * reactor install pulls the OGate contract, never OGate (nor what only OGate needs).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { dependencyClosure } from './dependencies.ts';
import { cycles } from './import-graph.ts';

const pkg = (name: string) => fileURLToPath(new URL(`../../packages/${name}`, import.meta.url));

describe('import graph', () => {
  for (const name of ['reactor-sdk', 'ogate', 'ogate-contract', 'gateway']) {
    it(`has no import circle inside packages/${name}`, () => {
      expect(cycles(`${pkg(name)}/src`)).toEqual([]);
    });
  }

  it('finds a circle when there is one (the check itself)', () => {
    expect(cycles(fileURLToPath(new URL('./fixtures/circle', import.meta.url)))).toEqual([['a.ts', 'b.ts', 'c.ts', 'a.ts']]);
  });
});

describe('dependencies', () => {
  it("reactor-sdk's package.json has no @dinfra/ogate, only the contract", () => {
    const json = JSON.parse(readFileSync(`${pkg('reactor-sdk')}/package.json`, 'utf8')) as Record<string, Record<string, string> | undefined>;
    for (const field of ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies']) expect(Object.keys(json[field] ?? {})).not.toContain('@dinfra/ogate');
    expect(Object.keys(json.dependencies ?? {})).toContain('@dinfra/ogate-contract');
  });

  it('a reactor install pulls neither OGate nor express nor @polkadot/api', () => {
    const closure = dependencyClosure(pkg('reactor-sdk'));
    expect(closure.has('@dinfra/ogate-contract')).toBe(true);
    for (const name of ['@dinfra/ogate', 'express', '@polkadot/api']) expect(closure.has(name), name).toBe(false);
  });
});
