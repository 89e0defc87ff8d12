/**
 * A launch plan: how one node (or gateway) process is started. The same plan renders two
 * ways: a process command line (local backend) and cloud-init user data with a systemd
 * unit (cloud backends).
 */
export type NodeRole = 'rpc' | 'archive' | 'validator' | 'collator';

export interface LaunchPlan {
  /** Unit / process name, e.g. `dinfra-1a2b3c4d-7-1`. */
  readonly name: string;
  /** What runs: `node` for a dinfra-node/gateway, or a chain binary. */
  readonly binary: string;
  /** Arguments, without the ports (those come from `ports`, rendered by `args`). */
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
  /** Optional: download and unpack a snapshot into basePath before the first start. */
  readonly snapshotUrl?: string;
  /** Optional: a chain spec file to fetch before start (`--chain` then points at it). */
  readonly chainSpecUrl?: string;
  /** How to check it is up: JSON-RPC over the rpc port. */
  readonly health: { readonly kind: 'substrate-rpc' | 'gateway-http'; readonly path?: string };
}
