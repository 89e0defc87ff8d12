import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compileConfig, Monitor, type IncidentChange, type MonitorConfigInput } from '@dinfra/monitor';
import { waitFor } from '../support/chain-helpers.ts';

/** Settings 20x faster than the defaults; the logic is the same. */
export const FAST_CHECKS = {
  intervalMs: 500,
  timeoutMs: 1000,
  slowMs: 400,
  blockTimeMs: 500,
  stallBlocks: 4,
  newHeadsBlocks: 4,
  failuresToOpen: 2,
  successesToClose: 2,
} as const;

export interface TestMonitor {
  monitor: Monitor;
  url: string;
  changes: IncidentChange[];
  /** Waits for an incident change of `type` on `target` (after `since` changes). */
  waitChange(type: IncidentChange['type'], target: string, timeoutMs?: number, since?: number): Promise<IncidentChange>;
  close(): Promise<void>;
}

export async function startMonitor(input: Partial<MonitorConfigInput>, dataDir = mkdtempSync(join(tmpdir(), 'dinfra-monitor-'))): Promise<TestMonitor> {
  const config = compileConfig({}, { listen: '127.0.0.1:0', dataDir, logs: { level: 'silent' }, ...input, checks: { ...FAST_CHECKS, ...input.checks } });
  const monitor = Monitor.create(config);
  const changes: IncidentChange[] = [];
  monitor.onIncident((c) => changes.push(c));
  const { url } = await monitor.start();
  return {
    monitor,
    url,
    changes,
    waitChange: (type, target, timeoutMs = 40_000, since = 0) =>
      waitFor(`${type} on ${target}`, () => changes.slice(since).find((c) => c.type === type && c.incident.target === target), timeoutMs),
    close: () => monitor.close(),
  };
}
