/** What one probe learned about an upstream from its own answers. */
export interface HealthSample {
  at: number;
  chain: string;
  genesisHash: string;
  isSyncing: boolean;
  peers: number;
  shouldHavePeers: boolean;
  best: number;
  bestHash: string;
  finalized: number;
  /** `system_nodeRoles` (e.g. `Authority`, `Full`). */
  roles: string[];
  /** Archive probe: old state readable (undefined when not probed). */
  archiveOk?: boolean;
}

export interface HealthVerdict {
  healthy: boolean;
  /** Why not, one short phrase per failed rule. */
  reasons: string[];
}
