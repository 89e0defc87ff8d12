/**
 * A small DSL for describing SCALE types the way scale-info does, so that the runtime can
 * emit a portable type registry (metadata `lookup`) from the same descriptions that its
 * codecs are built from. Descriptions are plain objects; the registry assigns ids.
 */

export type Primitive =
  | 'bool' | 'char' | 'str'
  | 'u8' | 'u16' | 'u32' | 'u64' | 'u128' | 'u256'
  | 'i8' | 'i16' | 'i32' | 'i64' | 'i128' | 'i256';

export interface FieldDesc {
  name?: string;
  type: TypeDesc;
  typeName?: string;
  docs?: string[];
}

export interface VariantDesc {
  name: string;
  index: number;
  fields: FieldDesc[];
  docs?: string[];
}

export type TypeDefDesc =
  | { kind: 'primitive'; primitive: Primitive }
  | { kind: 'composite'; fields: FieldDesc[] }
  | { kind: 'variant'; variants: VariantDesc[] }
  | { kind: 'sequence'; type: TypeDesc }
  | { kind: 'array'; len: number; type: TypeDesc }
  | { kind: 'tuple'; types: TypeDesc[] }
  | { kind: 'compact'; type: TypeDesc };

export interface TypeParamDesc {
  name: string;
  type?: TypeDesc;
}

export interface ConcreteTypeDesc {
  path: string[];
  params: TypeParamDesc[];
  def: TypeDefDesc;
  docs: string[];
}

/** A type description, or a lazy reference to one (for recursive types such as RuntimeCall). */
export type TypeDesc = ConcreteTypeDesc | { lazy: () => TypeDesc };

export function resolveDesc(desc: TypeDesc): ConcreteTypeDesc {
  let d = desc;
  while ('lazy' in d) d = d.lazy();
  return d;
}

const anon = (def: TypeDefDesc): ConcreteTypeDesc => ({ path: [], params: [], def, docs: [] });
const prim = (primitive: Primitive): ConcreteTypeDesc => anon({ kind: 'primitive', primitive });

/** Field list shorthand: `[['dest', T.AccountId], ['value', T.u128]]` or unnamed `[T.u32]`. */
export type FieldsSpec = Array<[string, TypeDesc] | [string, TypeDesc, string] | TypeDesc>;

export function fields(spec: FieldsSpec): FieldDesc[] {
  return spec.map((f) =>
    Array.isArray(f) ? { name: f[0], type: f[1], ...(f[2] ? { typeName: f[2] } : {}) } : { type: f },
  );
}

export interface NamedOptions {
  params?: TypeParamDesc[];
  docs?: string[];
}

export const T = {
  bool: prim('bool'),
  str: prim('str'),
  u8: prim('u8'),
  u16: prim('u16'),
  u32: prim('u32'),
  u64: prim('u64'),
  u128: prim('u128'),
  i64: prim('i64'),
  compact: (type: TypeDesc): ConcreteTypeDesc => anon({ kind: 'compact', type }),
  seq: (type: TypeDesc): ConcreteTypeDesc => anon({ kind: 'sequence', type }),
  array: (len: number, type: TypeDesc): ConcreteTypeDesc => anon({ kind: 'array', len, type }),
  tuple: (...types: TypeDesc[]): ConcreteTypeDesc => anon({ kind: 'tuple', types }),
  unit: anon({ kind: 'tuple', types: [] }),
  lazy: (f: () => TypeDesc): TypeDesc => ({ lazy: f }),
  composite: (path: string[], spec: FieldsSpec, opts: NamedOptions = {}): ConcreteTypeDesc => ({
    path,
    params: opts.params ?? [],
    def: { kind: 'composite', fields: fields(spec) },
    docs: opts.docs ?? [],
  }),
  variant: (
    path: string[],
    variants: Array<{ name: string; index?: number; fields?: FieldsSpec; docs?: string[] }>,
    opts: NamedOptions = {},
  ): ConcreteTypeDesc => ({
    path,
    params: opts.params ?? [],
    def: {
      kind: 'variant',
      variants: variants.map((v, i) => ({
        name: v.name,
        index: v.index ?? i,
        fields: fields(v.fields ?? []),
        docs: v.docs ?? [],
      })),
    },
    docs: opts.docs ?? [],
  }),
  option: (type: TypeDesc): ConcreteTypeDesc => ({
    path: ['Option'],
    params: [{ name: 'T', type }],
    def: {
      kind: 'variant',
      variants: [
        { name: 'None', index: 0, fields: [] },
        { name: 'Some', index: 1, fields: [{ type }] },
      ],
    },
    docs: [],
  }),
  result: (ok: TypeDesc, err: TypeDesc): ConcreteTypeDesc => ({
    path: ['Result'],
    params: [
      { name: 'T', type: ok },
      { name: 'E', type: err },
    ],
    def: {
      kind: 'variant',
      variants: [
        { name: 'Ok', index: 0, fields: [{ type: ok }] },
        { name: 'Err', index: 1, fields: [{ type: err }] },
      ],
    },
    docs: [],
  }),
};
