import { codecOf } from '../scale/codec.ts';
import { decodePrefix } from '../scale/decode.ts';
import type { Env } from './env.ts';
import type { Runtime } from './runtime.ts';

export class UnknownApiMethodError extends Error {
  static readonly errorName = 'UnknownApiMethodError';
  override readonly name = 'UnknownApiMethodError';
}

/** Executes runtime API `Api_method` (as `state_call` names it) on SCALE input. */
export function callRuntimeApi(runtime: Runtime, env: Env, fullName: string, input: Uint8Array): Uint8Array {
  for (const api of runtime.apis) {
    if (!fullName.startsWith(api.name + '_')) continue;
    const method = api.methods.find((m) => `${api.name}_${m.name}` === fullName);
    if (!method) break;
    if (method.executeRaw) return method.executeRaw(env, input);
    const args: unknown[] = [];
    let offset = 0;
    for (const [name, type] of method.inputs) {
      const [v, n] = decodePrefix(codecOf(type), input.subarray(offset), `${fullName} argument ${name}`);
      args.push(v);
      offset += n;
    }
    if (offset !== input.length) throw new Error(`${fullName}: ${input.length - offset} bytes of input left over`);
    return codecOf(method.output).enc(method.execute!(env, args));
  }
  throw new UnknownApiMethodError(`Exported method ${fullName} is not found`);
}
