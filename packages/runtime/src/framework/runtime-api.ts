import type { TypeDesc } from '../scale/type-desc.ts';
import type { Env } from './env.ts';

export interface RuntimeApiMethod {
  name: string;
  inputs: Array<[string, TypeDesc]>;
  output: TypeDesc;
  docs?: string[];
  /** Executes the method on decoded inputs; its result is encoded with `output`. */
  execute?(env: Env, args: unknown[]): unknown;
  /** Raw variant for methods that answer with pre-encoded bytes (Metadata). */
  executeRaw?(env: Env, input: Uint8Array): Uint8Array;
}

export interface RuntimeApiDef {
  name: string;
  version: number;
  methods: RuntimeApiMethod[];
  docs?: string[];
}
