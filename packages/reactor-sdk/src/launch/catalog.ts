import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { ChainCatalogError } from './errors.ts';
import { peerBin } from './peer-bin.ts';
import { publicChainSchema } from './public-url.ts';
import type { NodeRole } from './plan.ts';

const roleArgs = z.object({
  rpc: z.array(z.string()),
  archive: z.array(z.string()),
  validator: z.array(z.string()),
  collator: z.array(z.string()),
}).partial().strict();

/** One chain a provider can run: which binary, which spec, which bootnodes, which flags. */
export const chainEntrySchema = z.object({
  binary: z.string().min(1).describe('Program to run (absolute path, or a command on PATH)'),
  binaryArgs: z.array(z.string()).default([]).describe('Arguments before everything else (e.g. the script that `node` runs)'),
  versions: z.record(z.string().min(1)).optional().describe('Binary per descriptor `version`; when set, other versions are refused'),
  chainSpec: z.string().min(1).optional().describe('`--chain` value: a spec id, a file path; omitted for the built-in dinfra chain (derived from OGate)'),
  bootnodes: z.array(z.string().min(1)).default([]),
  defaultArgs: z.array(z.string()).default([]).describe('Arguments added to every node of this chain'),
  roles: roleArgs.default({}).describe('Arguments per role, replacing the defaults'),
  refuseRoles: z.array(z.enum(['rpc', 'archive', 'validator', 'collator'])).default([]).describe('Roles this chain is not offered for'),
  env: z.record(z.string()).default({}),
  genesisHash: z.string().regex(/^0x[0-9a-f]{64}$/, 'a 0x-prefixed 32-byte hex hash').optional().describe('Genesis the nodes must serve (health probe); else the first one seen is pinned'),
  follow: z.enum(['ogate']).optional().describe('`ogate`: follow the marketplace chain OGate reports (`--sync-from <chain.rpcUrl>`)'),
  public: publicChainSchema.optional().describe('How machines in a cloud reach this chain (aws, cloudstack): rpcUrl, bootnodes'),
}).strict();

export type ChainEntry = z.infer<typeof chainEntrySchema>;
export type ChainCatalog = Readonly<Record<string, ChainEntry>>;

const catalogFileSchema = z.object({ chains: z.record(z.string().regex(/^[a-z0-9][a-z0-9_-]*$/, 'chain names are lower-case [a-z0-9_-]'), chainEntrySchema) }).strict();

/** Role arguments used when a chain entry does not override them (polkadot-sdk flags). */
export const DEFAULT_ROLE_ARGS: Readonly<Record<NodeRole, readonly string[]>> = {
  rpc: ['--rpc-cors', 'all'],
  archive: ['--rpc-cors', 'all', '--state-pruning', 'archive', '--blocks-pruning', 'archive'],
  validator: ['--validator'],
  collator: ['--collator'],
};

export const DINFRA_NODE_BIN = peerBin('@dinfra/node/bin');

/** The built-in catalog: `dinfra`, the marketplace chain, served by this workspace's dinfra-node. */
export function builtinCatalog(): ChainCatalog {
  return {
    dinfra: chainEntrySchema.parse({
      binary: process.execPath,
      binaryArgs: [DINFRA_NODE_BIN],
      follow: 'ogate',
      // One authority: a deployed dinfra node can only follow; `--state-pruning` is accepted.
      refuseRoles: ['validator', 'collator'],
    }),
  };
}

/**
 * Parses a catalog document (YAML or JSON), naming the first bad field. An entry named as one
 * of `base` (the built-in `dinfra`) without a `binary` only adjusts it (e.g. `dinfra: {public:
 * {rpcUrl: wss://...}}`); with a `binary` it replaces it.
 */
export function parseCatalog(text: string, source = 'chains file', base: ChainCatalog = {}): ChainCatalog {
  let doc: unknown;
  try {
    doc = parseYaml(text);
  } catch (e) {
    throw new ChainCatalogError(`${source}: not YAML/JSON: ${(e as Error).message}`, { cause: e });
  }
  const chains = (doc as { chains?: unknown } | null)?.chains;
  if (chains && typeof chains === 'object' && !Array.isArray(chains)) {
    for (const [name, entry] of Object.entries(chains as Record<string, unknown>)) {
      const b = base[name];
      if (b && entry && typeof entry === 'object' && !('binary' in entry)) (chains as Record<string, unknown>)[name] = { ...b, ...entry };
    }
  }
  const r = catalogFileSchema.safeParse(doc);
  if (!r.success) {
    const i = r.error.issues[0]!;
    throw new ChainCatalogError(`${source}: ${i.path.join('.') || '(root)'}: ${i.message}`);
  }
  return r.data.chains;
}

/** The built-in catalog, overlaid with `--chains FILE` when given (a file may redefine `dinfra`). */
export function loadCatalog(file?: string): ChainCatalog {
  if (!file) return builtinCatalog();
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new ChainCatalogError(`--chains ${file}: ${(e as Error).message}`, { cause: e });
  }
  const builtin = builtinCatalog();
  return { ...builtin, ...parseCatalog(text, `--chains ${file}`, builtin) };
}
