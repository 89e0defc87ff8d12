import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateVector, indexText } from './generate.ts';
import { vectorText } from './json.ts';
import { scenarios } from './scenarios/index.ts';
import { loadVectors, VECTORS_DIR } from './load.ts';
import { formatDivergence, replayVector } from './replay.ts';
import { specItems, vectorCoverage } from './coverage.ts';
import type { Vector } from './format.ts';

// The conformance vectors of frame/vectors/ on the TypeScript side (the FRAME side replays the
// same files in `cargo test`): they are what the runtime generates today (drift), they replay
// step by step, and together they cover every call and error of the two pallets.

const vectors = loadVectors();
const noDivergence = 'no divergence';
const replay = (v: Vector): string => {
  const d = replayVector(v);
  return d ? formatDivergence(d) : noDivergence;
};

describe('conformance vectors (frame/vectors)', () => {
  const all = scenarios();
  const firstDifference = (name: string, committed: string, generated: string): string => {
    const a = committed.split('\n');
    const b = generated.split('\n');
    const line = a.findIndex((l, i) => l !== b[i]);
    return `${name} drifted from the runtime at line ${line + 1} (regenerate: npm run vectors, and review the diff):\n  committed ${a[line]?.slice(0, 300)}\n  generated ${b[line]?.slice(0, 300)}`;
  };

  it('are the files the generator writes, listed in index.json', () => {
    const committed = readdirSync(VECTORS_DIR).filter((f) => f.endsWith('.json')).sort();
    expect(committed, 'the JSON files of frame/vectors').toEqual([...all.map((s) => `${s.name}.json`), 'index.json'].sort());
    const index = readFileSync(join(VECTORS_DIR, 'index.json'), 'utf8');
    if (index !== indexText(all.map((s) => s.name))) expect.fail(firstDifference('index.json', index, indexText(all.map((s) => s.name))));
  });

  it.each(all.map((s) => [s.name, s] as const))('%s is what the TypeScript runtime generates (drift)', (name, s) => {
    const text = vectorText(generateVector(s));
    const committed = readFileSync(join(VECTORS_DIR, `${name}.json`), 'utf8');
    if (committed !== text) expect.fail(firstDifference(`${name}.json`, committed, text));
  }, 300_000);

  it.each(vectors.map((v) => [v.name, v] as const))('%s replays on the TypeScript runtime', (_name, v) => {
    expect(replay(v)).toBe(noDivergence);
  }, 300_000);

  it('cover every call (succeeding) and every error of Providers and Subscriptions in runtime-specs/dinfra.md', () => {
    const spec = specItems(readFileSync(new URL('../../../../runtime-specs/dinfra.md', import.meta.url), 'utf8'));
    const { calls, errors } = vectorCoverage(vectors);
    const steps = vectors.reduce((n, v) => n + v.blocks.reduce((m, b) => m + b.calls.length, 0), 0);
    const blocks = vectors.reduce((n, v) => n + v.blocks.reduce((m, b) => m + b.through - b.number + 1, 0), 0);
    console.log(`${vectors.length} vectors, ${steps} steps, ${blocks} blocks; calls: ${spec.calls.map((c) => `${c} ${calls.get(c) ?? 0}`).join(', ')}; errors: ${spec.errors.map((e) => `${e} ${errors.get(e) ?? 0}`).join(', ')}`);
    expect(spec.calls.length, 'calls in dinfra.md').toBe(13);
    expect(spec.errors.length, 'errors in dinfra.md').toBe(37);
    expect(spec.calls.filter((c) => !calls.get(c)), 'calls no vector dispatches successfully').toEqual([]);
    expect(spec.errors.filter((e) => !errors.get(e)), 'errors no vector returns').toEqual([]);
  });

  it('a divergence is named with its block, its step and both values', () => {
    const v = structuredClone(vectors.find((x) => x.name === 'subscriptions-lifecycle')!);
    // Plant one: the provider is paid one planck more in the first settlement.
    const block = v.blocks.find((b) => b.calls.some((c) => c.events.some((e) => e.name === 'Settled')))!;
    const call = block.calls.find((c) => c.events.some((e) => e.name === 'Settled'))!;
    const ev = call.events.find((e) => e.name === 'Settled')!;
    const amount = BigInt((ev.fields as { amount: string }).amount);
    const le = (x: bigint) => Buffer.from(Array.from({ length: 16 }, (_, i) => Number((x >> BigInt(8 * i)) & 0xffn))).toString('hex');
    ev.hex = ev.hex.replace(le(amount), le(amount + 1n));
    const text = replay(v);
    expect(text).toContain(`subscriptions-lifecycle: block ${block.number}, step ${call.step} (Subscriptions.${call.call.name} by `);
    expect(text).toContain('Subscriptions.Settled');
    expect(text.split('\n')[1]).not.toBe(text.split('\n')[2]);
  });
});
