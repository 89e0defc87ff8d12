import type { ResourceKey } from '../../backend.ts';
import type { Command } from '../../launch/command.ts';

/** One process of a local deployment (a node, or the gateway of an rpc-endpoint). */
export interface MemberRecord {
  /** `node-0`, `node-1`, ..., `gateway`. */
  readonly member: string;
  readonly command: Command;
  readonly logFile: string;
  readonly rpcPort: number;
  /** Prepare steps still to do before the first start. */
  readonly chainSpecUrl?: string;
  /** Node RPC URL to take the raw chain spec from (sync_state_genSyncSpec). */
  readonly chainSpecRpc?: string;
  readonly chainSpecPath?: string;
  readonly snapshotUrl?: string;
  readonly basePath?: string;
  /** The running process (group leader): pid and /proc start time; absent before the first start. */
  pid?: number;
  startTime?: string;
}

/** Everything the local backend knows of one deployment (kept in the reactor's store). */
export interface LocalRecord {
  readonly name: string;
  readonly key: ResourceKey;
  readonly type: string;
  readonly tags: Readonly<Record<string, string>>;
  readonly dir: string;
  /** The member whose port is the deployment's endpoint. */
  readonly endpointMember: string;
  readonly members: MemberRecord[];
  state: 'creating' | 'running' | 'destroying';
  restarts: number;
  readonly createdAt: number;
}

/** Environment variables that tag a local process (found again through /proc/<pid>/environ). */
export const ENV_RESOURCE = 'DINFRA_RESOURCE';
export const ENV_MEMBER = 'DINFRA_MEMBER';
/** The resource's tags as JSON, so a process is found again even without its record. */
export const ENV_TAGS = 'DINFRA_TAGS';
/** The local backend's directory: processes of another reactor on this host are never ours. */
export const ENV_OWNER = 'DINFRA_LOCAL_DIR';
