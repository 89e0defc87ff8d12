import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ReactorStore } from './index.ts';

const key = { provider: '5Grw', id: '7', generation: 2 };

describe('ReactorStore', () => {
  it('keeps pending creates, checkpoints, reports and process records across a reopen', () => {
    const dir = mkdtempSync(join(tmpdir(), 'reactor-store-'));
    const a = ReactorStore.open(dir);
    a.pending.add({ name: 'n1', key, type: 'substrate-node' });
    a.pending.add({ name: 'n1', key, type: 'substrate-node' });
    a.checkpoints.for('n1').set('job', 'j-1');
    a.checkpoints.for('n1').set('job', 'j-2');
    a.reports.set('7', 2, { state: 'running', endpoints: ['ws://h:1'] });
    a.processRecords<{ pid: number }>().put('n1', { pid: 42 });
    a.absentSince.mark('9', 1000);
    a.close();

    const b = ReactorStore.open(dir);
    expect(b.pending.all()).toEqual([{ name: 'n1', key, type: 'substrate-node', createdAt: expect.any(Number) }]);
    expect(b.checkpoints.for('n1').get('job')).toBe('j-2');
    expect(b.checkpoints.for('n2').get('job')).toBeUndefined();
    expect(b.reports.get('7', 2)).toMatchObject({ state: 'running', endpoints: ['ws://h:1'] });
    expect(b.reports.get('7', 1)).toBeUndefined();
    expect(b.processRecords<{ pid: number }>().all()).toEqual([{ pid: 42 }]);
    expect(b.absentSince.mark('9', 5000)).toBe(1000);
    b.pending.remove('n1');
    b.checkpoints.clear('n1');
    b.reports.forget('7');
    expect([b.pending.all(), b.checkpoints.for('n1').get('job'), b.reports.get('7', 2)]).toEqual([[], undefined, undefined]);
    b.close();
  });
});
