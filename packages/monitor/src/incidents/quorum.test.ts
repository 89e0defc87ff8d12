import { describe, expect, it } from 'vitest';
import type { CheckResult } from '../checks/types.ts';
import { quorumVerdict } from './quorum.ts';

const r = (location: string, ok: boolean): CheckResult => ({ target: 't', location, at: 1, status: ok ? 'up' : 'down', failures: ok ? [] : [{ check: 'reachable', message: 'ECONNREFUSED' }], latencies: {} });

describe('quorumVerdict', () => {
  it('one location alone decides when it is the only one', () => expect(quorumVerdict([r('a', false)], 2)).toMatchObject({ failing: true, quorum: 1 }));
  it('one failing location of two is not a quorum of 2: degraded from it', () =>
    expect(quorumVerdict([r('a', false), r('b', true)], 2)).toMatchObject({ failing: false, failingLocations: ['a'], quorum: 2 }));
  it('two of three fail: quorum reached, cause named', () =>
    expect(quorumVerdict([r('a', false), r('b', false), r('c', true)], 2)).toMatchObject({ failing: true, primary: { check: 'reachable' } }));
  it('nothing reported: not failing', () => expect(quorumVerdict([], 2).failing).toBe(false));
});
