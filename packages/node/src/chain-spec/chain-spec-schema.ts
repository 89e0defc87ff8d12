import { z } from 'zod';

const hex = z.string().regex(/^0x([0-9a-fA-F]{2})*$/, { message: 'expected 0x-prefixed hex bytes' });

export const plainGenesisSchema = z
  .object({
    runtimeGenesis: z
      .object({ code: hex, patch: z.record(z.unknown()).optional(), config: z.record(z.unknown()).optional() })
      .passthrough()
      .refine((g) => (g.patch === undefined) !== (g.config === undefined), {
        message: 'expected exactly one of "patch" or "config"',
      }),
  })
  .strict();

export const rawGenesisSchema = z
  .object({
    raw: z.object({
      top: z.record(hex, hex),
      childrenDefault: z.record(z.unknown()).default({}),
    }),
  })
  .strict();

export type PlainGenesis = z.infer<typeof plainGenesisSchema>;
export type RawGenesis = z.infer<typeof rawGenesisSchema>;

function genesisHint(issue: z.ZodIssue): string {
  return issue.code === 'unrecognized_keys' || (issue.path.length === 0 && issue.code === 'invalid_type')
    ? `${issue.message}; expected {"runtimeGenesis": {"code", "patch"}} (plain) or {"raw": {"top"}} (raw)`
    : issue.message;
}

export const chainSpecSchema = z
  .object({
    name: z.string().min(1),
    id: z.string().regex(/^[A-Za-z0-9_-]+$/, { message: 'expected letters, digits, _ or -' }),
    chainType: z.enum(['Development', 'Local', 'Live']).default('Live'),
    bootNodes: z.array(z.string()).default([]),
    telemetryEndpoints: z.array(z.tuple([z.string(), z.number()])).nullable().default(null),
    protocolId: z.string().nullable().default(null),
    properties: z
      .object({ ss58Format: z.number().int().min(0).max(16383), tokenDecimals: z.number().int().min(0), tokenSymbol: z.string() })
      .partial()
      .passthrough()
      .nullable()
      .default(null),
    codeSubstitutes: z.record(hex).default({}),
    genesis: z.unknown().transform((g, ctx): PlainGenesis | RawGenesis => {
      const raw = typeof g === 'object' && g !== null && 'raw' in g;
      const result = (raw ? rawGenesisSchema : plainGenesisSchema).safeParse(g);
      if (result.success) return result.data;
      for (const issue of result.error.issues) ctx.addIssue({ ...issue, code: 'custom', message: genesisHint(issue) });
      return z.NEVER;
    }),
  })
  .passthrough();

/** A Substrate chain spec, plain (`genesis.runtimeGenesis`) or raw (`genesis.raw`). */
export type ChainSpecJson = z.infer<typeof chainSpecSchema>;

export const isRawSpec = (spec: ChainSpecJson): spec is ChainSpecJson & { genesis: RawGenesis } => 'raw' in spec.genesis;
