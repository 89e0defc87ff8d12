import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Metadata, TypeRegistry } from '@polkadot/types';
import { resolveFile } from '@dinfra/service';
import { dinfraMetadata } from '../dinfra-runtime.ts';

/** Keeps runtime-specs/dinfra.md and the runtime metadata in step. */
const spec = readFileSync(resolveFile(import.meta, '@dinfra/runtime-specs/dinfra.md'), 'utf8');

function section(pallet: string, name: string): string[] {
  const start = spec.indexOf(`## Pallet \`${pallet}\``);
  const rest = spec.slice(start + 1);
  const end = rest.search(/\n## /);
  const body = end < 0 ? rest : rest.slice(0, end);
  const s = body.indexOf(`\n### ${name}\n`);
  expect(s, `${pallet} has a ${name} section`).toBeGreaterThan(0);
  const after = body.slice(s + name.length + 6);
  const stop = after.search(/\n### /);
  return (stop < 0 ? after : after.slice(0, stop)).split('\n');
}

const numbered = (lines: string[], re: RegExp) => lines.flatMap((l) => {
  const m = re.exec(l);
  return m ? [[Number(m[1]), m[2]] as [number, string]] : [];
});

const registry = new TypeRegistry();
const md = new Metadata(registry, dinfraMetadata(15));
registry.setMetadata(md);

const variants = (typeId: number): Array<[number, string]> =>
  registry.lookup.getSiType(typeId).def.asVariant.variants.map((v) => [v.index.toNumber(), v.name.toString()]);

describe.each(['Providers', 'Subscriptions'])('runtime-specs/dinfra.md matches the metadata of %s', (name) => {
  const pallet = md.asLatest.pallets.find((p) => p.name.toString() === name)!;

  it('has the pallet at the documented index', () => {
    expect(pallet.index.toNumber()).toBe(name === 'Providers' ? 20 : 21);
  });
  it('calls', () => {
    expect(numbered(section(name, 'Calls'), /^#### (\d+) `(\w+)\(/)).toEqual(variants(pallet.calls.unwrap().type.toNumber()));
  });
  it('events', () => {
    expect(numbered(section(name, 'Events'), /^\| (\d+) \| `(\w+)`/)).toEqual(variants(pallet.events.unwrap().type.toNumber()));
  });
  it('errors', () => {
    expect(numbered(section(name, 'Errors'), /^\| (\d+) \| `(\w+)`/)).toEqual(variants(pallet.errors.unwrap().type.toNumber()));
  });
  it('storage items and hashers', () => {
    const documented = section(name, 'Storage').flatMap((l) => {
      const m = /^\| `(\w+)` \| ([^|]+) \|/.exec(l);
      return m ? [[m[1], m[2]!.trim() === '—' ? [] : m[2]!.split(',').map((h) => h.trim())]] : [];
    });
    const actual = pallet.storage.unwrap().items.map((i) => [i.name.toString(), i.type.isMap ? i.type.asMap.hashers.map((h) => h.toString()) : []]);
    expect(documented).toEqual(actual);
  });
  it('constants', () => {
    const documented = section(name, 'Constants').flatMap((l) => {
      const m = /^\| `(\w+)` \|/.exec(l);
      return m ? [m[1]] : [];
    });
    expect(documented).toEqual(pallet.constants.map((c) => c.name.toString()));
  });
});
