import { describe, expect, it } from 'vitest';
import { blocksUntil, legalReport, remainingDeposit, runwayBlocks, stateAfter, type ReportFrom, type ReportKind } from './index.ts';

const STATES: ReportFrom[] = ['awarded', 'provisioning', 'running', 'degraded', 'terminated'];

describe('report transitions (dinfra.md, "Life cycle")', () => {
  it('the table, state by state', () => {
    const legal = (kind: ReportKind) => STATES.filter((s) => legalReport(s, kind, ['ws://b'], ['ws://a']));
    expect(legal('provisioning')).toEqual(['awarded', 'provisioning']);
    expect(legal('running')).toEqual(['provisioning', 'running', 'degraded']);
    expect(legal('degraded')).toEqual(['running', 'degraded']);
    expect(legal('failed')).toEqual(['awarded', 'provisioning', 'running', 'degraded']);
    expect(legal('terminate')).toEqual(['awarded', 'provisioning', 'running', 'degraded']);
  });

  it('running again only with other endpoints; failed and terminate end the award', () => {
    expect(legalReport('running', 'running', ['ws://a'], ['ws://a'])).toBe(false);
    expect(legalReport('awarded', 'running', ['ws://a'])).toBe(false);
    expect(stateAfter('failed')).toBe('terminated');
    expect(stateAfter('terminate')).toBe('terminated');
    expect(stateAfter('degraded')).toBe('degraded');
  });
});

describe('billing', () => {
  const s = { deposit: 100n, pricePerBlock: 3n, settledTo: 10 };
  it('remaining deposit: untouched before billing starts, never below zero', () => {
    expect(remainingDeposit({ ...s, settledTo: null }, 50)).toBe(100n);
    expect(remainingDeposit(s, 10)).toBe(100n);
    expect(remainingDeposit(s, 20)).toBe(70n);
    expect(remainingDeposit(s, 1000)).toBe(0n);
  });
  it('runway and blocks until expiry', () => {
    expect(runwayBlocks(70n, 3n)).toBe(24);
    expect(runwayBlocks(70n, 0n)).toBeUndefined();
    expect(blocksUntil(30, 20)).toBe(10);
    expect(blocksUntil(30, 40)).toBe(0);
    expect(blocksUntil(undefined, 40)).toBeUndefined();
  });
});
