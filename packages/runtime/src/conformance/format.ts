/**
 * The conformance-vector format (frame/vectors/README.md is its normative description): the
 * JSON one vector file holds. Byte strings are 0x-hex, u64/u128 decimal strings.
 */
export const VECTOR_FORMAT = 1;

/** Pallets whose events a vector records (System and the others are left out). */
export const RECORDED_PALLETS = ['Balances', 'Providers', 'Subscriptions'] as const;

/** The pallets a vector's storage covers: twox128 of their names are the key prefixes. */
export const STORAGE_PALLETS = ['Providers', 'Subscriptions'] as const;

/** More entries than this and a block's `storage` is left out (only its root is compared). */
export const MAX_STORAGE_ENTRIES = 512;

export type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

export type VectorOrigin = { signed: string } | 'root' | 'none';

export interface VectorEvent {
  pallet: string;
  name: string;
  /** SCALE of the RuntimeEvent. */
  hex: string;
  fields: Json;
}

export interface VectorError {
  /** SCALE of the sp_runtime::DispatchError. */
  hex: string;
  /** `Pallet.Error` for module errors, else the variant name. */
  name: string;
  module: { index: number; error: number } | null;
}

export interface VectorCall {
  step: number;
  origin: VectorOrigin;
  call: { hex: string; pallet: string; name: string; args: Json };
  result: { ok: boolean; error: VectorError | null };
  events: VectorEvent[];
}

export interface AccountBalance {
  free: string;
  reserved: string;
}

/** The state a vector checks after genesis and after every block. */
export interface VectorState {
  storage: Record<string, string> | null;
  storage_root: string;
  accounts: Record<string, AccountBalance>;
}

export interface VectorBlock extends VectorState {
  number: number;
  through: number;
  initialize_events: VectorEvent[];
  calls: VectorCall[];
  finalize_events: VectorEvent[];
}

export interface VectorGenesis extends VectorState {
  balances: Array<[string, string]>;
  deployment_types: Array<{ name: string; schema_cid: string }>;
}

export interface Vector {
  format: number;
  name: string;
  description: string;
  source: string;
  spec_version: number;
  pallets: Record<string, number>;
  genesis: VectorGenesis;
  blocks: VectorBlock[];
}

/** `frame/vectors/index.json`. */
export interface VectorIndex {
  format: number;
  vectors: string[];
}
