import { decodeAddress } from '@polkadot/util-crypto';
import { z } from 'zod';

/** SS58 address, checksum verified. */
export const ss58 = z.string().refine((s) => {
  try {
    return decodeAddress(s).length === 32;
  } catch {
    return false;
  }
}, { message: 'expected an SS58 address' });

/** Non-negative integer given as a number, a decimal string or a bigint. */
export const amount = z
  .union([z.bigint(), z.number().int(), z.string().regex(/^\d+$/)], {
    errorMap: () => ({ message: 'expected a non-negative integer (number or decimal string)' }),
  })
  .transform((v) => BigInt(v))
  .refine((v) => v >= 0n, { message: 'expected a non-negative integer' });

const section = z.record(z.unknown());

/** The runtime's genesis config as it appears in a plain spec (`patch` or full `config`). */
export const genesisConfigSchema = z.object({
  system: section.default({}),
  balances: z
    .object({ balances: z.array(z.tuple([ss58, amount])).default([]) })
    .default({})
    .superRefine((b, ctx) => {
      const seen = new Set<string>();
      b.balances.forEach(([who], i) => {
        if (seen.has(who)) ctx.addIssue({ code: 'custom', path: ['balances', i, 0], message: `duplicate account ${who}` });
        seen.add(who);
      });
    }),
  sudo: z.object({ key: ss58.nullable().default(null) }).default({}),
  aura: z.object({ authorities: z.array(ss58).default([]) }).default({}),
  grandpa: z.object({ authorities: z.array(z.tuple([ss58, amount])).default([]) }).default({}),
  timestamp: section.default({}),
  providers: section.default({}),
  subscriptions: section.default({}),
});

/**
 * The runtime's GenesisConfig: accounts as SS58 strings, amounts and weights as bigint.
 * Mirrors what `@dinfra/runtime`'s `buildGenesisStorage` takes.
 */
export type GenesisConfig = {
  system: Record<string, unknown>;
  balances: { balances: Array<[account: string, amount: bigint]> };
  sudo: { key: string | null };
  aura: { authorities: string[] };
  grandpa: { authorities: Array<[account: string, weight: bigint]> };
  timestamp: Record<string, unknown>;
  providers: Record<string, unknown>;
  subscriptions: Record<string, unknown>;
};

/** Builds the genesis storage (0x-hex key -> 0x-hex value) from a config; injected from `@dinfra/runtime`. */
export type BuildGenesisStorage = (config: GenesisConfig) => Map<string, string>;
