import { TypeRegistry, Metadata } from '@polkadot/types';
import { u8aToHex } from '@polkadot/util';
import { codecOf } from '../scale/codec.ts';
import { PortableRegistry } from '../scale/registry.ts';
import { T } from '../scale/type-desc.ts';
import { MultiAddress, MultiSignature } from './common-types.ts';
import type { Runtime } from './runtime.ts';

const MAGIC = 0x6174656d; // "meta"

function palletEntries(runtime: Runtime, reg: PortableRegistry, v15: boolean) {
  return runtime.pallets.map((p) => {
    const items = Object.values(p.spec.storage ?? {}).map((item) => {
      const m = item.meta();
      const key = m.keys.length === 1 ? m.keys[0]! : T.tuple(...m.keys);
      return {
        name: m.name,
        modifier: m.hasDefault ? 'Default' : 'Optional',
        type:
          m.kind === 'plain'
            ? { Plain: reg.register(m.value) }
            : { Map: { hashers: m.hashers, key: reg.register(key), value: reg.register(m.value) } },
        fallback: u8aToHex(m.defaultBytes),
        docs: m.docs,
      };
    });
    const constants = Object.entries(p.spec.constants ?? {}).map(([name, c]) => ({
      name,
      type: reg.register(c.type),
      value: u8aToHex(codecOf(c.type).enc(c.value)),
      docs: c.docs ?? [],
    }));
    return {
      name: p.name,
      storage: items.length ? { prefix: p.name, items } : null,
      calls: p.callType ? { type: reg.register(p.callType) } : null,
      events: p.eventType ? { type: reg.register(p.eventType) } : null,
      constants,
      errors: p.errorType ? { type: reg.register(p.errorType) } : null,
      index: p.index,
      ...(v15 ? { docs: p.spec.docs ?? [] } : {}),
    };
  });
}

/** The metadata of `runtime` as a plain object in @polkadot/types' JSON shape. */
export function metadataJson(runtime: Runtime, version: 14 | 15) {
  const reg = new PortableRegistry();
  // Register the outer enums first so their ids are stable and low, as in FRAME.
  const callType = reg.register(runtime.callType);
  const eventType = reg.register(runtime.eventType);
  const errorType = reg.register(runtime.errorType);
  reg.register(runtime.eventRecordType);
  const extrinsicType = reg.register(runtime.extrinsicType);
  const pallets = palletEntries(runtime, reg, version === 15);
  const signedExtensions = runtime.signedExtensions.map((e) => ({
    identifier: e.identifier,
    type: reg.register(e.type),
    additionalSigned: reg.register(e.additionalSigned),
  }));
  const runtimeType = reg.register(runtime.runtimeType);
  if (version === 14) {
    return {
      magicNumber: MAGIC,
      metadata: { V14: { lookup: { types: reg.types }, pallets, extrinsic: { type: extrinsicType, version: 4, signedExtensions }, type: runtimeType } },
    };
  }
  const apis = runtime.apis.map((a) => ({
    name: a.name,
    methods: a.methods.map((m) => ({
      name: m.name,
      inputs: m.inputs.map(([name, type]) => ({ name, type: reg.register(type) })),
      output: reg.register(m.output),
      docs: m.docs ?? [],
    })),
    docs: a.docs ?? [],
  }));
  return {
    magicNumber: MAGIC,
    metadata: {
      V15: {
        lookup: { types: reg.types },
        pallets,
        extrinsic: {
          version: 4,
          addressType: reg.register(MultiAddress),
          callType,
          signatureType: reg.register(MultiSignature),
          extraType: reg.register(runtime.extraType),
          signedExtensions,
        },
        type: runtimeType,
        apis,
        outerEnums: { callType, eventType, errorType },
        custom: { map: {} },
      },
    },
  };
}

/** SCALE-encoded `RuntimeMetadataPrefixed` (magic ++ version ++ metadata). */
export function encodeMetadata(runtime: Runtime, version: 14 | 15): Uint8Array {
  const registry = new TypeRegistry();
  return new Metadata(registry, metadataJson(runtime, version) as never).toU8a();
}
