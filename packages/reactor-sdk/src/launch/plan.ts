/**
 * A launch plan: how one node (or gateway) process is started. The same plan renders two
 * ways: a process command line (local backend, `toCommand`) and cloud-init user data with a
 * systemd unit (cloud backends, `renderCloudInit`).
 */
export type NodeRole = 'rpc' | 'archive' | 'validator' | 'collator';

export const NODE_ROLES: readonly NodeRole[] = ['rpc', 'archive', 'validator', 'collator'];

export interface LaunchPlan {
  /** Unit / process name, e.g. `dinfra-1a2b3c4d-7-1`. */
  readonly name: string;
  /** What runs: `node` for a dinfra-node/gateway, or a chain binary. */
  readonly binary: string;
  /** Arguments, without the ports and base path (those are rendered from `ports`/`basePath`). */
  readonly args: readonly string[];
  readonly env: Readonly<Record<string, string>>;
  /** Role for substrate-node deployments; absent for a gateway. */
  readonly role?: NodeRole;
  /** Chain name in the catalog (`dinfra`, `polkadot`, ...). */
  readonly chain?: string;
  /** Where state lives (`--base-path`). */
  readonly basePath: string;
  /** Ports the process listens on; 0 = pick a free one (local only). */
  readonly ports: { readonly rpc: number; readonly p2p?: number; readonly prometheus?: number };
  /** Interface the RPC listens on (`--rpc-external` when not loopback); default 127.0.0.1. */
  readonly listenHost?: string;
  /** Optional: download and unpack a snapshot (tar, optionally compressed) into basePath before the first start. */
  readonly snapshotUrl?: string;
  /** Optional: a chain spec file to fetch before start (`--chain` then points at it). */
  readonly chainSpecUrl?: string;
  /**
   * Optional: a node RPC URL (ws:// or http://) to ask for the raw chain spec with
   * `sync_state_genSyncSpec(true)` before the first start (`--chain` then points at it), so
   * the node starts on exactly the genesis of the chain it follows.
   */
  readonly chainSpecRpc?: string;
  /** How to check it is up: JSON-RPC over the rpc port. */
  readonly health: { readonly kind: 'substrate-rpc' | 'gateway-http'; readonly path?: string };
}

/** Where a plan with `chainSpecUrl` or `chainSpecRpc` keeps the fetched spec. */
export const chainSpecPath = (plan: Pick<LaunchPlan, 'basePath'>): string => `${plan.basePath}/chain-spec.json`;

/** Marker written once a snapshot has been restored, so a restart does not restore again. */
export const snapshotMarker = (plan: Pick<LaunchPlan, 'basePath'>): string => `${plan.basePath}/.dinfra-snapshot-restored`;

const isLoopback = (h: string): boolean => h === '127.0.0.1' || h === 'localhost' || h === '::1';

/** The full argument list: plan args, then base path and ports in the flags the process takes. */
export function renderArgs(plan: LaunchPlan): string[] {
  const host = plan.listenHost ?? '127.0.0.1';
  if (plan.health.kind === 'gateway-http') return [...plan.args, '--listen', `${host}:${plan.ports.rpc}`];
  const out = [...plan.args, ...(plan.chainSpecUrl || plan.chainSpecRpc ? ['--chain', chainSpecPath(plan)] : []), '--base-path', plan.basePath, '--rpc-port', String(plan.ports.rpc)];
  if (!isLoopback(host)) out.push('--rpc-external');
  if (plan.ports.p2p !== undefined) out.push('--port', String(plan.ports.p2p));
  if (plan.ports.prometheus !== undefined) out.push('--prometheus-port', String(plan.ports.prometheus));
  return out;
}
