import * as s from 'scale-ts';
import { bytesToHex, hexToBytes } from './hex.ts';
import { resolveDesc, type ConcreteTypeDesc, type FieldDesc, type TypeDesc, type VariantDesc } from './type-desc.ts';

/**
 * Codecs built from type descriptions. Value model:
 * - u8..u32 / i8..i32 -> number; u64 and wider -> bigint; compact follows its inner type
 * - `[u8; N]` and `Vec<u8>` -> 0x-prefixed hex strings
 * - composites with named fields -> objects; one unnamed field -> the inner value; several -> arrays
 * - variants -> `{ type: name, value? }`; `Option<T>` -> T | undefined
 */
export type Codec<T = any> = s.Codec<T>;

const PRIMS: Record<string, Codec> = {
  u8: s.u8, u16: s.u16, u32: s.u32, i8: s.i8, i16: s.i16, i32: s.i32,
  u64: s.u64, u128: s.u128, u256: s.u256, i64: s.i64, i128: s.i128, i256: s.i256,
  bool: s.bool, str: s.str,
};
const WIDE = new Set(['u64', 'u128', 'u256', 'i64', 'i128', 'i256']);

const isPrim = (d: TypeDesc, names: Set<string> | string): boolean => {
  const def = resolveDesc(d).def;
  if (def.kind !== 'primitive') return false;
  return typeof names === 'string' ? def.primitive === names : names.has(def.primitive);
};

function hexBytes(len?: number): Codec<any> {
  const inner = s.Bytes(len);
  return s.createCodec(
    (v: string | Uint8Array) => {
      const bytes = typeof v === 'string' ? hexToBytes(v) : v;
      if (len !== undefined && bytes.length !== len) throw new Error(`expected ${len} bytes, got ${bytes.length}`);
      return inner.enc(bytes);
    },
    s.createDecoder((d) => bytesToHex(inner.dec(d))),
  );
}

const cache = new WeakMap<ConcreteTypeDesc, Codec>();

/** The codec of a type description (memoized; recursive types resolve lazily). */
export function codecOf<T = any>(desc: TypeDesc): Codec<T> {
  const c = resolveDesc(desc);
  const hit = cache.get(c);
  if (hit) return hit;
  let built: Codec | undefined;
  cache.set(
    c,
    s.createCodec(
      (v: unknown) => built!.enc(v),
      s.createDecoder((d) => built!.dec(d)),
    ),
  );
  built = build(c);
  cache.set(c, built);
  return built;
}

function fieldsCodec(fields: FieldDesc[]): Codec {
  if (fields.length === 0) return s._void;
  if (fields.every((f) => f.name !== undefined)) {
    return s.Struct(Object.fromEntries(fields.map((f) => [f.name as string, codecOf(f.type)])) as any);
  }
  if (fields.length === 1) return codecOf(fields[0]!.type);
  return s.Tuple(...fields.map((f) => codecOf(f.type)));
}

function build(c: ConcreteTypeDesc): Codec {
  const def = c.def;
  switch (def.kind) {
    case 'primitive': {
      const p = PRIMS[def.primitive];
      if (!p) throw new Error(`unsupported primitive ${def.primitive}`);
      return p;
    }
    case 'compact': {
      const wide = isPrim(def.type, WIDE);
      const inner = resolveDesc(def.type).def;
      const bits = inner.kind === 'primitive' ? Number(inner.primitive.slice(1)) || 0 : 0;
      const max = bits > 0 ? (1n << BigInt(bits)) - 1n : undefined;
      const name = inner.kind === 'primitive' ? `Compact<${inner.primitive}>` : 'Compact';
      return s.createCodec(
        (v: number | bigint) => s.compact.enc(v),
        s.createDecoder((input) => {
          const d = input as Uint8Array & { i: number };
          const start = d.i;
          const v = s.compact.dec(d);
          // As parity-scale-codec: a compact must use its shortest encoding and fit its type.
          if (s.compact.enc(v).length !== d.i - start || (max !== undefined && BigInt(v) > max)) {
            throw new Error(`out of range decoding ${name}`);
          }
          return wide ? BigInt(v) : Number(v);
        }),
      );
    }
    case 'sequence':
      return isPrim(def.type, 'u8') ? hexBytes() : s.Vector(codecOf(def.type));
    case 'array':
      return isPrim(def.type, 'u8') ? hexBytes(def.len) : s.Vector(codecOf(def.type), def.len);
    case 'tuple':
      if (def.types.length === 0) return s._void;
      if (def.types.length === 1) return codecOf(def.types[0]!);
      return s.Tuple(...def.types.map((t) => codecOf(t)));
    case 'composite':
      return fieldsCodec(def.fields);
    case 'variant':
      if (c.path.length === 1 && c.path[0] === 'Option') return s.Option(codecOf(c.params[0]!.type!));
      return variantCodec(def.variants);
  }
}

function variantCodec(variants: VariantDesc[]): Codec {
  const byName = new Map(variants.map((v) => [v.name, { index: v.index, codec: fieldsCodec(v.fields) }]));
  const byIndex = new Map(variants.map((v) => [v.index, { name: v.name, codec: fieldsCodec(v.fields) }]));
  return s.createCodec(
    (v: { type: string; value?: unknown }) => {
      const item = byName.get(v.type);
      if (!item) throw new Error(`unknown variant ${v.type}`);
      const body = item.codec.enc(v.value);
      const out = new Uint8Array(body.length + 1);
      out[0] = item.index;
      out.set(body, 1);
      return out;
    },
    s.createDecoder((d) => {
      const idx = s.u8.dec(d);
      const item = byIndex.get(idx);
      if (!item) throw new Error(`unknown variant index ${idx}`);
      const value = item.codec.dec(d);
      return value === undefined ? { type: item.name } : { type: item.name, value };
    }),
  );
}
