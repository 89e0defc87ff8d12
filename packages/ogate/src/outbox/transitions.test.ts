import { describe, expect, it } from 'vitest';
import type { DeploymentRow } from '../store/deployment-row.ts';
import { applicability } from './reflected.ts';
import { effectiveState, legalNext } from './transitions.ts';
import type { ReportRow } from '../store/report-rows.ts';

const row = (over: Partial<DeploymentRow> = {}) => ({ generation: 1, desired: 'present', state: 'awarded', endpoints: [], ...over }) as DeploymentRow;

describe('applicability (what the chain already reflects)', () => {
  it('stale generation or absent deployment', () => {
    expect(applicability(row(), { generation: 2, kind: 'provisioning' })).toBe('stale');
    expect(applicability(undefined, { generation: 1, kind: 'provisioning' })).toBe('stale');
    expect(applicability(row({ desired: 'absent' }), { generation: 1, kind: 'running', endpoints: ['a'] })).toBe('stale');
    expect(applicability(row({ desired: 'absent' }), { generation: 1, kind: 'terminate' })).toBe('reflected');
    expect(applicability(row({ desired: 'absent' }), { generation: 1, kind: 'failed' })).toBe('reflected');
  });
  it('per kind', () => {
    expect(applicability(row(), { generation: 1, kind: 'provisioning' })).toBe('needed');
    expect(applicability(row({ state: 'provisioning' }), { generation: 1, kind: 'provisioning' })).toBe('reflected');
    expect(applicability(row({ state: 'running', endpoints: ['a'] }), { generation: 1, kind: 'running', endpoints: ['a'] })).toBe('reflected');
    expect(applicability(row({ state: 'running', endpoints: ['a'] }), { generation: 1, kind: 'running', endpoints: ['b'] })).toBe('needed');
    expect(applicability(row({ state: 'degraded' }), { generation: 1, kind: 'degraded' })).toBe('reflected');
  });
});

describe('legal transitions (runtime-specs life cycle)', () => {
  it('follows the chain table', () => {
    expect(legalNext('awarded', 'provisioning', null, [])).toBe(true);
    expect(legalNext('awarded', 'running', ['a'], [])).toBe(false);
    expect(legalNext('provisioning', 'running', ['a'], [])).toBe(true);
    expect(legalNext('running', 'running', ['a'], ['a'])).toBe(false);
    expect(legalNext('running', 'running', ['b'], ['a'])).toBe(true);
    expect(legalNext('running', 'degraded', null, ['a'])).toBe(true);
    expect(legalNext('awarded', 'degraded', null, [])).toBe(false);
    expect(legalNext('degraded', 'running', ['a'], ['a'])).toBe(true);
    expect(legalNext('terminated', 'failed', null, [])).toBe(false);
    expect(legalNext('awarded', 'failed', null, [])).toBe(true);
  });
  it('queued reports move the effective state', () => {
    const q = (kind: ReportRow['kind']) => ({ kind }) as ReportRow;
    expect(effectiveState('awarded', [])).toBe('awarded');
    expect(effectiveState('awarded', [q('provisioning')])).toBe('provisioning');
    expect(effectiveState('running', [q('terminate')])).toBe('terminated');
  });
});
