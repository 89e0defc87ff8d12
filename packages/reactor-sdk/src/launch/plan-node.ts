import { join } from 'node:path';
import { z } from 'zod';
import type { ChainCatalog } from './catalog.ts';
import { DEFAULT_ROLE_ARGS } from './catalog.ts';
import { LaunchPlanError } from './errors.ts';
import { NODE_ROLES, type LaunchPlan } from './plan.ts';

/** The `substrate-node` descriptor fields a plan uses (OGate has already checked the schema). */
export const substrateNodeDescriptor = z.object({
  type: z.literal('substrate-node').optional(),
  role: z.enum(NODE_ROLES as [string, ...string[]]),
  chain: z.string().min(1),
  version: z.string().min(1),
  region: z.string().optional(),
  binary: z.string().optional(),
  chainSpecUrl: z.string().url().optional(),
  snapshotUrl: z.string().url().optional(),
  extraArgs: z.array(z.string()).default([]),
}).passthrough();

/** What OGate says about the marketplace chain (`GET /v1/provider` → `chain`). */
export interface MarketplaceChain {
  readonly name: string;
  readonly rpcUrl: string;
}

/** The URL a cloud machine of `chain` follows (its public URL, else OGate's). */
export function followUrl(publicRpcUrl: string | undefined, marketplace: MarketplaceChain): string {
  return publicRpcUrl ?? marketplace.rpcUrl;
}

export interface NodePlanInput {
  readonly name: string;
  readonly descriptor: Readonly<Record<string, unknown>>;
  readonly catalog: ChainCatalog;
  /** Needed for chains that follow OGate's chain (the built-in `dinfra`). */
  readonly marketplace?: MarketplaceChain;
  /** Directory under which the plan's base path lives (`<dir>/<name>`). */
  readonly stateDir: string;
  readonly ports?: LaunchPlan['ports'];
  readonly listenHost?: string;
  /**
   * `public`: the node runs on a machine in a cloud, so it follows the chain's
   * `public.rpcUrl` (else OGate's) and adds `public.bootnodes`. @default 'local'
   */
  readonly reach?: 'local' | 'public';
}

/** Flags a subscriber may not set through `extraArgs`: the provider owns them. */
const RESERVED = ['--base-path', '-d', '--chain', '--rpc-port', '--port', '--prometheus-port', '--listen-addr', '--node-key', '--node-key-file', '--rpc-external', '--unsafe-rpc-external', '--rpc-methods', '--prometheus-external', '--sync-from', '--bootnodes', '--name', '--tmp', '--dev', '--keystore-path', '--password', '--password-filename'];

function checkExtraArgs(args: readonly string[]): void {
  for (const a of args) {
    const flag = a.split('=')[0]!;
    if (RESERVED.includes(flag)) throw new LaunchPlanError(`extraArgs: ${flag} is set by the provider and cannot be overridden`, 'EXTRA_ARG_RESERVED');
    if (/[\n\r\0]/.test(a)) throw new LaunchPlanError('extraArgs: control characters are not allowed', 'EXTRA_ARG_INVALID');
  }
}

/** A `substrate-node` descriptor → a launch plan, from the provider's chain catalog. */
export function planNode(input: NodePlanInput): LaunchPlan {
  const parsed = substrateNodeDescriptor.safeParse(input.descriptor);
  if (!parsed.success) {
    const i = parsed.error.issues[0]!;
    throw new LaunchPlanError(`descriptor.${i.path.join('.')}: ${i.message}`, 'DESCRIPTOR_INVALID');
  }
  const d = parsed.data;
  const role = d.role as LaunchPlan['role'] & string;
  const entry = input.catalog[d.chain];
  if (!entry) throw new LaunchPlanError(`chain "${d.chain}" is not offered here (catalog has: ${Object.keys(input.catalog).join(', ')})`, 'CHAIN_UNKNOWN');
  if (entry.refuseRoles.includes(role)) throw new LaunchPlanError(`role "${role}" is not offered for chain "${d.chain}"`, 'ROLE_UNSUPPORTED');
  let binary = entry.binary;
  if (entry.versions) {
    const b = entry.versions[d.version];
    if (!b) throw new LaunchPlanError(`version "${d.version}" of chain "${d.chain}" is not offered (have: ${Object.keys(entry.versions).join(', ')})`, 'VERSION_UNKNOWN');
    binary = b;
  }
  checkExtraArgs(d.extraArgs);
  const basePath = join(input.stateDir, input.name);
  let chainSpec = entry.chainSpec;
  let chainSpecRpc: string | undefined;
  const follow: string[] = [];
  const isPublic = input.reach === 'public';
  if (entry.follow === 'ogate') {
    if (!input.marketplace) throw new LaunchPlanError(`chain "${d.chain}" follows the marketplace chain, but OGate did not report it`, 'MARKETPLACE_UNKNOWN');
    const url = isPublic ? followUrl(entry.public?.rpcUrl, input.marketplace) : input.marketplace.rpcUrl;
    // No spec in the catalog: take the running chain's own raw spec (sync_state_genSyncSpec), so
    // any genesis (a preset, a zombienet-edited spec) is matched exactly.
    if (!chainSpec) chainSpecRpc = url;
    follow.push('--sync-from', url);
  }
  const bootnodes = [...entry.bootnodes, ...(isPublic ? entry.public?.bootnodes ?? [] : [])];
  // A fetched spec (chainSpecUrl / chainSpecRpc) is rendered as `--chain <basePath>/chain-spec.json` by renderArgs.
  if (d.chainSpecUrl || chainSpecRpc) chainSpec = undefined;
  const args = [
    ...entry.binaryArgs,
    '--name', input.name,
    ...(chainSpec ? ['--chain', chainSpec] : []),
    ...bootnodes.flatMap((b) => ['--bootnodes', b]),
    ...follow,
    ...(entry.roles[role as keyof typeof entry.roles] ?? DEFAULT_ROLE_ARGS[role]),
    ...entry.defaultArgs,
    ...d.extraArgs,
  ];
  return {
    name: input.name,
    binary,
    args,
    env: entry.env,
    role,
    chain: d.chain,
    basePath,
    ports: input.ports ?? { rpc: 0, p2p: 0, prometheus: 0 },
    ...(input.listenHost ? { listenHost: input.listenHost } : {}),
    ...(d.snapshotUrl ? { snapshotUrl: d.snapshotUrl } : {}),
    ...(d.chainSpecUrl ? { chainSpecUrl: d.chainSpecUrl } : chainSpecRpc ? { chainSpecRpc } : {}),
    health: { kind: 'substrate-rpc' },
  };
}
