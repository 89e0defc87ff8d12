// The metadata of one pallet as a plain JSON tree with every type resolved by structure (type
// ids differ between runtimes; names, indices, types and docs must not), and a diff of two trees.
import { Metadata, TypeRegistry } from '@polkadot/types';
import type { PortableRegistry } from '@polkadot/types/metadata';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

function typeTree(lookup: PortableRegistry, id: number, stack: number[]): Json {
  const t = lookup.getSiType(id);
  const path = t.path.map(String).join('::');
  if (stack.includes(id)) return { ref: path };
  stack.push(id);
  const fields = (fs: typeof t.def.asComposite.fields) =>
    fs.map((f) => ({ name: f.name.isSome ? f.name.unwrap().toString() : null, typeName: f.typeName.isSome ? f.typeName.unwrap().toString() : null, type: typeTree(lookup, f.type.toNumber(), stack), docs: f.docs.map(String) }));
  const d = t.def;
  let def: Json;
  if (d.isComposite) def = { composite: fields(d.asComposite.fields) };
  else if (d.isVariant) def = { variant: d.asVariant.variants.map((v) => ({ name: v.name.toString(), index: v.index.toNumber(), fields: fields(v.fields), docs: v.docs.map(String) })) };
  else if (d.isSequence) def = { sequence: typeTree(lookup, d.asSequence.type.toNumber(), stack) };
  else if (d.isArray) def = { array: { len: d.asArray.len.toNumber(), type: typeTree(lookup, d.asArray.type.toNumber(), stack) } };
  else if (d.isTuple) def = { tuple: d.asTuple.map((x) => typeTree(lookup, x.toNumber(), stack)) };
  else if (d.isPrimitive) def = { primitive: d.asPrimitive.toString() };
  else if (d.isCompact) def = { compact: typeTree(lookup, d.asCompact.type.toNumber(), stack) };
  else def = { other: d.type };
  stack.pop();
  return { path, params: t.params.map((p) => p.name.toString()), def, docs: t.docs.map(String) };
}

/** The pallet `name` of SCALE metadata `bytes` (V14 or V15) as a JSON tree. */
export function palletTree(bytes: Uint8Array | `0x${string}`, name: string): Json {
  const registry = new TypeRegistry();
  const md = new Metadata(registry, bytes);
  registry.setMetadata(md);
  const lookup = registry.lookup;
  const p = md.asLatest.pallets.find((x) => x.name.toString() === name);
  if (!p) return null;
  const ty = (id: number) => typeTree(lookup, id, []);
  const storage = p.storage.isSome
    ? {
        prefix: p.storage.unwrap().prefix.toString(),
        items: p.storage.unwrap().items.map((i) => ({
          name: i.name.toString(),
          modifier: i.modifier.toString(),
          type: (i.type.isPlain
            ? { plain: ty(i.type.asPlain.toNumber()) }
            : { map: { hashers: i.type.asMap.hashers.map(String), key: ty(i.type.asMap.key.toNumber()), value: ty(i.type.asMap.value.toNumber()) } }) as Json,
          fallback: i.fallback.toHex(),
          docs: i.docs.map(String),
        })),
      }
    : null;
  return {
    name: p.name.toString(),
    index: p.index.toNumber(),
    docs: 'docs' in p ? (p as unknown as { docs: { map(f: (x: unknown) => string): string[] } }).docs.map(String) : [],
    storage,
    calls: p.calls.isSome ? ty(p.calls.unwrap().type.toNumber()) : null,
    events: p.events.isSome ? ty(p.events.unwrap().type.toNumber()) : null,
    errors: p.errors.isSome ? ty(p.errors.unwrap().type.toNumber()) : null,
    constants: p.constants.map((c) => ({ name: c.name.toString(), type: ty(c.type.toNumber()), value: c.value.toHex(), docs: c.docs.map(String) })),
  };
}

/** Where two trees differ: `path: expected … actual …`, at most `limit` lines. */
export function diffTrees(expected: Json, actual: Json, limit = 40, path = '', out: string[] = []): string[] {
  if (out.length >= limit) return out;
  const show = (v: Json | undefined) => (v === undefined ? '(absent)' : JSON.stringify(v).slice(0, 200));
  if (expected === null || actual === null || typeof expected !== 'object' || typeof actual !== 'object' || Array.isArray(expected) !== Array.isArray(actual)) {
    if (JSON.stringify(expected) !== JSON.stringify(actual)) out.push(`${path || '(root)'}: expected ${show(expected)}, actual ${show(actual)}`);
    return out;
  }
  if (Array.isArray(expected) && Array.isArray(actual)) {
    if (expected.length !== actual.length) out.push(`${path}: expected ${expected.length} items, actual ${actual.length}`);
    for (let i = 0; i < Math.min(expected.length, actual.length); i++) {
      const e = expected[i] as Json;
      const label = e && typeof e === 'object' && !Array.isArray(e) && typeof e.name === 'string' ? `${i}:${e.name}` : String(i);
      diffTrees(e, actual[i] as Json, limit, `${path}[${label}]`, out);
    }
    return out;
  }
  const a = actual as Record<string, Json>;
  const e = expected as Record<string, Json>;
  for (const k of new Set([...Object.keys(e), ...Object.keys(a)])) {
    if (!(k in a) || !(k in e)) out.push(`${path}.${k}: expected ${show(e[k])}, actual ${show(a[k])}`);
    else diffTrees(e[k]!, a[k]!, limit, `${path}.${k}`, out);
  }
  return out;
}
