import { blake2AsU8a } from '@polkadot/util-crypto';
import { stringToU8a, u8aToHex } from '@polkadot/util';
import { codecOf, type Codec } from '../scale/codec.ts';
import { T, type ConcreteTypeDesc, type TypeDesc } from '../scale/type-desc.ts';
import { AccountId32, Bytes, H256, MultiAddress, MultiSignature, Phase, RuntimeVersionType } from './common-types.ts';
import { DispatchFailure, badOrigin } from './dispatch-error.ts';
import type { Env } from './env.ts';
import type { Origin } from './origin.ts';
import type { CallDef, Pallet } from './pallet.ts';
import type { RuntimeApiDef } from './runtime-api.ts';
import { bindOuterTypes } from './outer-types.ts';
import { SIGNED_EXTENSIONS, type SignedExtensionDef } from './signed-extensions.ts';

export interface RuntimeVersion {
  specName: string;
  implName: string;
  authoringVersion: number;
  specVersion: number;
  implVersion: number;
  transactionVersion: number;
  stateVersion: 0 | 1;
}

/** `{ type: PalletName, value: { type: call_name, value: args } }` */
export interface RuntimeCallValue {
  type: string;
  value: { type: string; value?: any };
}

export interface RuntimeOptions {
  /** scale-info crate of the runtime, e.g. 'dinfra_runtime' */
  crate: string;
  version: RuntimeVersion;
  pallets: Pallet[];
  apis: RuntimeApiDef[];
  ss58Prefix: number;
}

export interface CallInfo {
  weight: bigint;
  class: 'Normal' | 'Operational' | 'Mandatory';
  paysFee: boolean;
}

/** A composed runtime: outer enums, extrinsic type, codecs, dispatch. */
export class Runtime {
  readonly pallets: Pallet[];
  readonly version: RuntimeVersion;
  readonly apis: RuntimeApiDef[];
  readonly signedExtensions: SignedExtensionDef[] = SIGNED_EXTENSIONS;
  readonly callType: ConcreteTypeDesc;
  readonly eventType: ConcreteTypeDesc;
  readonly errorType: ConcreteTypeDesc;
  readonly eventRecordType: ConcreteTypeDesc;
  readonly extrinsicType: ConcreteTypeDesc;
  readonly extraType: ConcreteTypeDesc;
  readonly runtimeType: ConcreteTypeDesc;
  readonly callCodec: Codec<RuntimeCallValue>;
  readonly eventsCodec: Codec<any[]>;
  readonly #byName = new Map<string, Pallet>();
  readonly #byIndex = new Map<number, Pallet>();

  constructor(readonly options: RuntimeOptions) {
    this.pallets = [...options.pallets].sort((a, b) => a.index - b.index);
    this.version = options.version;
    this.apis = options.apis;
    for (const p of this.pallets) {
      if (this.#byIndex.has(p.index)) throw new Error(`pallet index ${p.index} used twice`);
      this.#byName.set(p.name, p);
      this.#byIndex.set(p.index, p);
    }
    const outer = (name: string, pick: (p: Pallet) => TypeDesc | undefined) =>
      T.variant(
        [options.crate, name],
        this.pallets.filter((p) => pick(p)).map((p) => ({ name: p.name, index: p.index, fields: [pick(p)!] })),
      );
    this.callType = outer('RuntimeCall', (p) => p.callType);
    this.eventType = outer('RuntimeEvent', (p) => p.eventType);
    this.errorType = outer('RuntimeError', (p) => p.errorType);
    this.eventRecordType = T.composite(
      ['frame_system', 'EventRecord'],
      [['phase', Phase], ['event', this.eventType], ['topics', T.seq(H256)]],
      { params: [{ name: 'E', type: this.eventType }, { name: 'T', type: H256 }] },
    );
    this.extraType = T.tuple(...this.signedExtensions.map((e) => e.type)) as ConcreteTypeDesc;
    this.extrinsicType = T.composite(['sp_runtime', 'generic', 'unchecked_extrinsic', 'UncheckedExtrinsic'], [Bytes], {
      params: [
        { name: 'Address', type: MultiAddress },
        { name: 'Call', type: this.callType },
        { name: 'Signature', type: MultiSignature },
        { name: 'Extra', type: this.extraType },
      ],
    });
    this.runtimeType = T.composite([options.crate, 'Runtime'], []);
    bindOuterTypes(this);
    this.callCodec = codecOf(this.callType);
    this.eventsCodec = codecOf(T.seq(this.eventRecordType));
  }

  pallet(name: string): Pallet {
    const p = this.#byName.get(name);
    if (!p) throw new Error(`no pallet ${name}`);
    return p;
  }

  palletByIndex(index: number): Pallet | undefined {
    return this.#byIndex.get(index);
  }

  #callDef(call: RuntimeCallValue): CallDef {
    const def = this.#byName.get(call.type)?.call(call.value.type);
    if (!def) throw new Error(`unknown call ${call.type}.${call.value.type}`);
    return def;
  }

  callInfo(env: Env | undefined, origin: Origin, call: RuntimeCallValue): CallInfo {
    const def = this.#callDef(call);
    const weight = typeof def.weight === 'function' ? def.weight(call.value.value) : def.weight;
    const pays = def.paysFee ?? true;
    const paysFee = typeof pays === 'function' ? (env ? pays(env, origin, call.value.value) : true) : pays;
    return { weight, class: def.class ?? 'Normal', paysFee };
  }

  /** Dispatches `call` in a transactional layer; throws DispatchFailure on failure (state rolled back). */
  dispatch(env: Env, origin: Origin, call: RuntimeCallValue): void {
    const def = this.#callDef(call);
    env.transactional(() => def.handler(env, origin, call.value.value));
  }

  /** Runtime API identifiers: blake2-64 of the name, with the version. */
  apiIds(): Array<[string, number]> {
    return this.apis.map((a) => [u8aToHex(blake2AsU8a(stringToU8a(a.name), 64)), a.version]);
  }

  versionValue() {
    const v = this.version;
    return {
      spec_name: v.specName,
      impl_name: v.implName,
      authoring_version: v.authoringVersion,
      spec_version: v.specVersion,
      impl_version: v.implVersion,
      apis: this.apiIds(),
      transaction_version: v.transactionVersion,
      state_version: v.stateVersion,
    };
  }

  encodeVersion(): Uint8Array {
    return codecOf(RuntimeVersionType).enc(this.versionValue());
  }
}

/** Origin helpers for call handlers. */
export function ensureSigned(origin: Origin): string {
  if (origin.type !== 'Signed') throw badOrigin();
  return origin.who;
}

export function ensureRoot(origin: Origin): void {
  if (origin.type !== 'Root') throw badOrigin();
}

export { DispatchFailure, AccountId32 };
