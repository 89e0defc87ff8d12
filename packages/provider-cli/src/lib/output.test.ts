import { describe, expect, it } from 'vitest';
import { createOutput, fields, formatDuration, table, toJson } from './output.ts';

describe('output', () => {
  it('renders aligned tables and fields', () => {
    expect(table(['ID', 'NAME'], [['1', 'bob-cloud'], ['10', 'a']])).toBe('ID  NAME\n--  ---------\n1   bob-cloud\n10  a');
    expect(fields([['state', 'Running'], ['endpoints', undefined], ['deposit left', '1 DIN']])).toBe('state:        Running\ndeposit left: 1 DIN');
  });

  it('writes bigints as strings in JSON', () => {
    expect(toJson({ deposit: 10n ** 13n, block: 5 })).toBe('{"deposit":"10000000000000","block":5}');
  });

  it('prints one JSON document with --json, text otherwise', () => {
    let out = '';
    const io = { stdout: { write: (s: string) => (out += s) }, stderr: { write: () => true } };
    createOutput(true, io).result({ a: 1n }, () => 'text');
    expect(JSON.parse(out)).toEqual({ a: '1' });
    out = '';
    createOutput(false, io).result({ a: 1n }, () => 'text');
    expect(out).toBe('text\n');
  });

  it('formats durations with the two largest units', () => {
    expect(formatDuration(0)).toBe('0s');
    expect(formatDuration(59_000)).toBe('59s');
    expect(formatDuration(6000 * 10_000)).toBe('16h 40m');
    expect(formatDuration(90_061_000)).toBe('1d 1h');
  });
});
