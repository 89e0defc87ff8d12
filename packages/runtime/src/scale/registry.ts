import { resolveDesc, type ConcreteTypeDesc, type FieldDesc, type TypeDefDesc, type TypeDesc } from './type-desc.ts';

/** A field of a portable type, as scale-info emits it (ids instead of descriptions). */
export interface PortableField {
  name: string | null;
  type: number;
  typeName: string | null;
  docs: string[];
}

export interface PortableVariant {
  name: string;
  fields: PortableField[];
  index: number;
  docs: string[];
}

export type PortableDef =
  | { Primitive: string }
  | { Composite: { fields: PortableField[] } }
  | { Variant: { variants: PortableVariant[] } }
  | { Sequence: { type: number } }
  | { Array: { len: number; type: number } }
  | { Tuple: number[] }
  | { Compact: { type: number } };

export interface PortableType {
  id: number;
  type: {
    path: string[];
    params: Array<{ name: string; type: number | null }>;
    def: PortableDef;
    docs: string[];
  };
}

/** Generic containers that are deduplicated by structure rather than by identity. */
const STRUCTURAL_PATHS = new Set(['Option', 'Result']);

const PRIMITIVE_NAMES: Record<string, string> = {
  bool: 'Bool', char: 'Char', str: 'Str', u8: 'U8', u16: 'U16', u32: 'U32', u64: 'U64',
  u128: 'U128', u256: 'U256', i8: 'I8', i16: 'I16', i32: 'I32', i64: 'I64', i128: 'I128', i256: 'I256',
};

/**
 * Builds a scale-info portable registry (the metadata `lookup`): assigns ids in registration
 * order, deduplicates anonymous types by structure, and supports recursive named types.
 */
export class PortableRegistry {
  readonly types: PortableType[] = [];
  readonly #byIdentity = new Map<ConcreteTypeDesc, number>();
  readonly #byKey = new Map<string, number>();

  register(desc: TypeDesc): number {
    const c = resolveDesc(desc);
    const known = this.#byIdentity.get(c);
    if (known !== undefined) return known;
    const named = c.path.length > 0 && !STRUCTURAL_PATHS.has(c.path.join('::'));
    let id = -1;
    if (named) {
      id = this.types.length;
      this.#byIdentity.set(c, id);
      this.types.push({ id, type: { path: c.path, params: [], def: { Tuple: [] }, docs: [] } });
    }
    const type = {
      path: c.path,
      params: c.params.map((p) => ({ name: p.name, type: p.type ? this.register(p.type) : null })),
      def: this.#def(c.def),
      docs: c.docs,
    };
    const key = JSON.stringify(type);
    if (!named) {
      const existing = this.#byKey.get(key);
      if (existing !== undefined) {
        this.#byIdentity.set(c, existing);
        return existing;
      }
      id = this.types.length;
      this.types.push({ id, type });
    } else {
      this.types[id] = { id, type };
    }
    this.#byKey.set(key, id);
    this.#byIdentity.set(c, id);
    return id;
  }

  #fields(fields: FieldDesc[]): PortableField[] {
    return fields.map((f) => ({
      name: f.name ?? null,
      type: this.register(f.type),
      typeName: f.typeName ?? null,
      docs: f.docs ?? [],
    }));
  }

  #def(def: TypeDefDesc): PortableDef {
    switch (def.kind) {
      case 'primitive':
        return { Primitive: PRIMITIVE_NAMES[def.primitive] ?? def.primitive };
      case 'composite':
        return { Composite: { fields: this.#fields(def.fields) } };
      case 'variant':
        return {
          Variant: {
            variants: def.variants.map((v) => ({
              name: v.name,
              fields: this.#fields(v.fields),
              index: v.index,
              docs: v.docs ?? [],
            })),
          },
        };
      case 'sequence':
        return { Sequence: { type: this.register(def.type) } };
      case 'array':
        return { Array: { len: def.len, type: this.register(def.type) } };
      case 'tuple':
        return { Tuple: def.types.map((t) => this.register(t)) };
      case 'compact':
        return { Compact: { type: this.register(def.type) } };
    }
  }
}
