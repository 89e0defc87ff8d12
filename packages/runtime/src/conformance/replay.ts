import { hexToBytes } from '../scale/hex.ts';
import type { Env } from '../framework/env.ts';
import type { StateReader } from '../framework/state.ts';
import type { RuntimeCallValue } from '../framework/runtime.ts';
import { harnessFor } from './recorder.ts';
import { originOf, touchesChecked, vectorError, vectorEvents, vectorState } from './encode.ts';
import type { Vector, VectorCall, VectorEvent, VectorState } from './format.ts';

/** The first place where an implementation did not do what a vector says. */
export interface Divergence {
  vector: string;
  /** 0 for genesis. */
  block: number;
  step?: VectorCall;
  what: string;
  expected: string;
  actual: string;
}

const short = (hex: string) => (hex.length > 24 ? `${hex.slice(0, 12)}…${hex.slice(-8)}` : hex);

export function formatDivergence(d: Divergence): string {
  const at = d.block === 0 ? 'genesis' : `block ${d.block}`;
  const origin = d.step ? (typeof d.step.origin === 'string' ? d.step.origin : `signed ${short(d.step.origin.signed)}`) : '';
  const step = d.step ? `, step ${d.step.step} (${d.step.call.pallet}.${d.step.call.name} by ${origin}, args ${JSON.stringify(d.step.call.args)})` : '';
  return `${d.vector}: ${at}${step}: ${d.what} differs\n  expected ${d.expected}\n  actual   ${d.actual}`;
}

const showEvent = (e: VectorEvent | undefined) => (e ? `${e.pallet}.${e.name} ${e.hex} ${JSON.stringify(e.fields)}` : '(no event)');

function diffEvents(expected: VectorEvent[], actual: VectorEvent[], what: string): Omit<Divergence, 'vector' | 'block'> | undefined {
  for (let i = 0; i < Math.max(expected.length, actual.length); i++) {
    const e = expected[i];
    const a = actual[i];
    if (!e || !a || e.hex !== a.hex) return { what: `${what}: event ${i}`, expected: showEvent(e), actual: showEvent(a) };
  }
  return undefined;
}

function diffState(expected: VectorState, actual: VectorState): Omit<Divergence, 'vector' | 'block'> | undefined {
  if (expected.storage_root !== actual.storage_root) {
    if (expected.storage && actual.storage) {
      const keys = [...new Set([...Object.keys(expected.storage), ...Object.keys(actual.storage)])].sort();
      for (const k of keys) {
        const e = expected.storage[k];
        const a = actual.storage[k];
        if (e !== a) return { what: `storage ${k}`, expected: e ?? '(absent)', actual: a ?? '(absent)' };
      }
    }
    return { what: 'storage root', expected: expected.storage_root, actual: actual.storage_root };
  }
  for (const [who, e] of Object.entries(expected.accounts)) {
    const a = actual.accounts[who];
    if (!a || a.free !== e.free || a.reserved !== e.reserved) return { what: `balance of ${who}`, expected: JSON.stringify(e), actual: JSON.stringify(a ?? null) };
  }
  return undefined;
}

/**
 * Replays `v` on the TypeScript runtime as frame/vectors/README.md says a runner does, and
 * returns the first divergence (undefined when there is none).
 */
export function replayVector(v: Vector): Divergence | undefined {
  const h = harnessFor({
    balances: v.genesis.balances.map(([a, x]) => [a, BigInt(x)]),
    deploymentTypes: v.genesis.deployment_types.map((t) => ({ name: t.name, schemaCid: t.schema_cid })),
  });
  const rt = h.runtime;
  const accounts = Object.keys(v.genesis.accounts);
  const at = (block: number, d: Omit<Divergence, 'vector' | 'block'> | undefined): Divergence | undefined => (d ? { vector: v.name, block, ...d } : undefined);
  let d = at(0, diffState(v.genesis, vectorState(rt, h.backend, accounts)));
  if (d) return d;
  let done: { env: Env; backend: StateReader } | undefined;
  h.observer = { dispatched: () => {}, begun: () => {}, finalized: (env, backend) => (done = { env, backend }) };
  for (const b of v.blocks) {
    for (let n = b.number; n <= b.through; n++) {
      if (h.block !== n) return at(n, { what: 'block number', expected: String(n), actual: String(h.block) });
      const init = vectorEvents(rt, h.env.events.filter((e) => e.phase.type === 'Initialization'));
      if ((d = at(n, diffEvents(b.initialize_events, init, 'on_initialize')))) return d;
      for (const step of n === b.number ? b.calls : []) {
        const call = rt.callCodec.dec(hexToBytes(step.call.hex)) as RuntimeCallValue;
        const out = h.dispatch(originOf(step.origin), call);
        const error = out.error ? vectorError(rt, out.error) : null;
        if (out.ok !== step.result.ok || error?.hex !== step.result.error?.hex) {
          const show = (ok: boolean, e: typeof error) => (ok ? 'Ok' : `Err(${e?.name} ${e?.hex})`);
          return { vector: v.name, block: n, step, what: 'result', expected: show(step.result.ok, step.result.error), actual: show(out.ok, error) };
        }
        const diff = diffEvents(step.events, vectorEvents(rt, out.events), 'events');
        if (diff) return { vector: v.name, block: n, step, ...diff };
      }
      h.nextBlock();
      const { env, backend } = done!;
      const fin = vectorEvents(rt, env.events.filter((e) => e.phase.type === 'Finalization'));
      if ((d = at(n, diffEvents(b.finalize_events, fin, 'on_finalize')))) return d;
      // Within an entry of quiet blocks the expected state does not change; nor does the
      // actual one when the block wrote no checked key.
      if (n > b.number && !touchesChecked(env)) continue;
      if ((d = at(n, diffState(b, vectorState(rt, backend, accounts))))) return d;
    }
  }
  return undefined;
}
