import { z } from 'zod';
import { invalidParams } from './server/index.ts';

// No repeated group in the pattern: on a multi-megabyte string it overflowed V8's regex stack.
export const hex = z.string().refine((v) => v.length % 2 === 0 && /^0x[0-9a-fA-F]*$/.test(v), 'expected 0x-prefixed hex bytes');
export const hash32 = z.string().regex(/^0x[0-9a-fA-F]{64}$/, 'expected a 32-byte 0x-hex hash').transform((s) => s.toLowerCase());
export const optHash = hash32.nullish();
export const blockNumber = z.union([
  z.number().int().nonnegative(),
  z.string().regex(/^(0x[0-9a-fA-F]+|\d+)$/).transform((s) => Number(s)),
]);

/** Parses positional params against `schemas` (trailing ones may be absent); -32602 on mismatch. */
export function parseParams<T extends z.ZodTypeAny[]>(params: unknown[], ...schemas: T): { [K in keyof T]: z.infer<T[K]> } {
  if (params.length > schemas.length) throw invalidParams(`expected at most ${schemas.length} params, got ${params.length}`);
  return schemas.map((schema, i) => {
    const r = schema.safeParse(params[i]);
    if (!r.success) throw invalidParams(`param ${i}: ${r.error.issues.map((x) => x.message).join('; ')}`);
    return r.data;
  }) as { [K in keyof T]: z.infer<T[K]> };
}
