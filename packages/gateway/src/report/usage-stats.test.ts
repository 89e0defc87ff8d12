import { describe, expect, it } from 'vitest';
import { AccessLog, type AccessRecord } from '../observability/access-log.ts';
import { parseAccessLine, parseSince, UsageStats } from './usage-stats.ts';

const rec = (over: Partial<AccessRecord>): AccessRecord => ({ pool: 'polkadot', ip: '10.0.0.1', key: undefined, method: 'state_getStorage', id: 1, upstream: 'a#0', latencyMs: 1, reqBytes: 100, resBytes: 50, status: 'ok', ...over });

/** Lines as the gateway writes them (the batched access log), read back by the report. */
function logged(records: AccessRecord[], sample = 1): string[] {
  let text = '';
  const log = new AccessLog({ enabled: true, json: true, sample, flushMs: 60_000, write: (c) => (text += c) });
  for (const r of records) log.record(r);
  log.close();
  return text.split('\n').filter(Boolean);
}

describe('usage report', () => {
  it('counts, error rates, quantiles, bytes and top callers per chain and method, slowest first', () => {
    const records = [
      ...Array.from({ length: 100 }, (_, i) => rec({ latencyMs: i + 1, key: i < 70 ? 'team-a-key' : undefined })),
      ...Array.from({ length: 10 }, () => rec({ method: 'state_call', latencyMs: 500, status: -32603, resBytes: 10 })),
      rec({ pool: 'kusama', method: 'system_chain', latencyMs: 0.2 }),
    ];
    const stats = new UsageStats();
    for (const line of logged(records)) stats.add(parseAccessLine(line)!);
    const rows = stats.result();
    expect(rows.map((r) => `${r.pool}/${r.method}`)).toEqual(['kusama/system_chain', 'polkadot/state_call', 'polkadot/state_getStorage']);
    const storage = rows.find((r) => r.method === 'state_getStorage')!;
    expect(storage).toMatchObject({ count: 100, errors: 0, p50Ms: 51, p95Ms: 96, p99Ms: 100, bytesIn: 10_000, bytesOut: 5000 });
    expect(storage.topCallers).toEqual([{ key: 'team-a-key', count: 70 }, { key: '-', count: 30 }]);
    expect(rows.find((r) => r.method === 'state_call')).toMatchObject({ count: 10, errors: 10, errorRate: 1, p95Ms: 500 });
  });

  it('scales sampled lines back (errors are always kept)', () => {
    const records = [...Array.from({ length: 4000 }, () => rec({})), ...Array.from({ length: 20 }, () => rec({ status: -32000 }))];
    const lines = logged(records, 0.25);
    expect(lines.length).toBeLessThan(1300);
    const stats = new UsageStats();
    for (const line of lines) stats.add(parseAccessLine(line)!);
    const [row] = stats.result();
    expect(row!.errors).toBe(20);
    expect(row!.count).toBeGreaterThan(3600);
    expect(row!.count).toBeLessThan(4500);
  });

  it('ignores other lines and reads --since', () => {
    expect(parseAccessLine('{"level":30,"name":"health","msg":"x"}')).toBeUndefined();
    expect(parseAccessLine('not json "name":"access"')).toBeUndefined();
    expect(parseSince('24h', 100_000_000)).toBe(100_000_000 - 86_400_000);
    expect(parseSince('2026-01-01T00:00:00Z')).toBe(Date.parse('2026-01-01T00:00:00Z'));
    expect(() => parseSince('yesterday')).toThrow(/--since "yesterday"/);
  });
});
